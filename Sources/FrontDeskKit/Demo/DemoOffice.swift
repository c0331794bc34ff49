import Foundation

/// A realistic office day for trying frontdesk and for tests: ≥8 rooms, ≥20 meetings on the day,
/// ≥25 visitors in every state, ≥40 supplies (some under their reorder point), ≥8 pending approvals,
/// and a few items overdue in each pane. Everything is relative to `now` on the demo day.
public enum DemoOffice {
    /// The changes that fill an empty store, made against `state` (which must be empty of records).
    public static func changes(now: Date, calendar cal: Calendar, operator op: String, seed: UInt64 = 7,
                               in state: OfficeState) -> [Change] {
        var rng = SeededRandom(seed: seed)
        var list = ChangeList(state)
        let day = cal.startOfDay(for: now)
        func at(_ h: Int, _ m: Int, dayOffset: Int = 0) -> Date {
            let d = cal.date(byAdding: .day, value: dayOffset, to: day) ?? day
            return cal.date(bySettingHour: h, minute: m, second: 0, of: d) ?? d
        }
        func ago(_ minutes: Int) -> Date { now.addingTimeInterval(-Double(minutes) * 60) }

        // People, departments, roles
        for (name, head) in OfficeCast.departments { list.add(.addDepartment(Department(name: name, head: head))) }
        for p in OfficeCast.people { list.add(.addPerson(Person(login: p.login, name: p.name, department: p.dept))) }
        for a in OfficeCast.approvers { list.add(.grantRole(user: a, role: .approver)) }
        for l in OfficeCast.leads { list.add(.grantRole(user: l, role: .lead)) }
        for d in OfficeCast.desk { list.add(.grantRole(user: d, role: .frontdesk)) }
        if !list.state.hasRole(op, .approver) { list.add(.grantRole(user: op, role: .approver)) }

        // Rooms
        var roomIDs: [String] = []
        for r in OfficeCast.rooms {
            let id = list.id(.room)
            roomIDs.append(id)
            list.add(.addRoom(Room(id: id, name: r.name, capacity: r.capacity, equipment: r.equipment)))
        }
        list.add(.setRoomOutOfService(roomID: roomIDs[9], period: ClosedPeriod(start: at(0, 0), end: at(23, 59), reason: "投影仪维修 projector repair")))

        // Meetings today: three per room in the first eight rooms, laid end to end with gaps.
        let organizers = OfficeCast.people.map(\.login)
        var titleIndex = 0
        for (i, roomID) in roomIDs.prefix(8).enumerated() {
            var t = at(8, 30).addingTimeInterval(Double(i % 4) * 30 * 60)
            for _ in 0..<3 {
                let length = Double(rng.pick([30, 45, 60, 90])) * 60
                let start = t, end = t.addingTimeInterval(length)
                t = end.addingTimeInterval(Double(rng.pick([15, 30, 60, 90])) * 60)
                let title = OfficeCast.meetingTitles[titleIndex % OfficeCast.meetingTitles.count]
                titleIndex += 1
                let organizer = rng.pick(organizers)
                let capacity = OfficeCast.rooms[i].capacity
                let attendees = (0..<rng.int(2...min(capacity, 8))).map { _ in rng.pick(organizers) }
                let requestedAt = titleIndex == 5 ? ago(30 * 60) : titleIndex == 11 ? ago(3 * 60) : ago(rng.int(26...72) * 60)
                let id = list.id(.meeting)
                var booked = Meeting(id: id, title: title, roomID: roomID, organizer: organizer,
                                     attendees: Array(Set(attendees)).sorted(), start: start, end: end, requestedAt: requestedAt)
                let special = titleIndex == 5 || titleIndex == 11 || titleIndex == 8
                if !special && start <= now {
                    // Steps taken before now are booked as they stand: a late room check would be refused (unclaimed).
                    booked.status = .held; booked.confirmedAt = requestedAt.addingTimeInterval(3 * 3600)
                    booked.roomCheckedAt = start.addingTimeInterval(end <= now ? -20 * 60 : -16 * 60); booked.heldAt = start
                }
                // Cancelled two hours ago: booked as it stands, since a meeting past its no-show time
                // can no longer be cancelled by a step (its room was released).
                if titleIndex == 8 { booked.status = .cancelled }
                list.add(.bookMeetings([booked]))
                if titleIndex == 5 || titleIndex == 11 || titleIndex == 8 { continue }  // awaiting confirmation / cancelled
                if end <= now {
                    if rng.chance(0.5) { list.add(.recordMinutes(meetingID: id, text: "要点 Key points: agreed next steps.", at: end)) }
                } else if start <= now {
                } else {
                    list.add(.setMeetingStatus(meetingID: id, status: .confirmed, at: requestedAt.addingTimeInterval(3 * 3600)))
                    if start.timeIntervalSince(now) > 90 * 60 || rng.chance(0.3) {
                        list.add(.setMeetingStatus(meetingID: id, status: .prepared, at: ago(60)))
                    }
                }
            }
        }
        // Earlier this week: minutes overdue, an action item past its deadline, one closed loop.
        for (k, offset) in [-3, -2, -1].enumerated() {
            let id = list.id(.meeting)
            let start = at(14, 0, dayOffset: offset), end = at(15, 0, dayOffset: offset)
            var held = Meeting(id: id, title: ["项目评审 Project review", "Vendor selection", "部门周会"][k],
                               roomID: roomIDs[k], organizer: organizers[k * 3], attendees: [organizers[k], organizers[k + 4]],
                               start: start, end: end, status: .held, requestedAt: start.addingTimeInterval(-86_400 * 2))
            held.confirmedAt = start.addingTimeInterval(-86_400); held.heldAt = start
            list.add(.bookMeetings([held]))
            if k > 0 {
                list.add(.recordMinutes(meetingID: id, text: "决议 Decisions recorded.", at: end.addingTimeInterval(3600)))
                let item = list.id(.action)
                list.add(.addActionItem(meetingID: id, item: ActionItem(id: item, text: k == 1 ? "发送报价单 Send the quote" : "Book the venue",
                                                                          owner: organizers[k + 1], due: at(12, 0, dayOffset: k == 1 ? -1 : 2))))
            }
        }

        // Badges and visitors
        if list.state.badges.isEmpty { list.add(.addBadges(BadgePool.defaultCodes)) }
        let hosts = OfficeCast.people.map(\.login)
        var nameIndex = 0
        func newVisitor(_ expected: Date, received: Date, count: Int = 1) -> String {
            let id = list.id(.visitor)
            let name = OfficeCast.visitorNames[nameIndex % OfficeCast.visitorNames.count]
            nameIndex += 1
            list.add(.addVisitor(Visitor(id: id, name: name, company: rng.pick(OfficeCast.companies), purpose: rng.pick(OfficeCast.purposes),
                                         host: rng.pick(hosts), expectedAt: expected, headCount: count, receivedAt: received,
                                         idNumber: rng.chance(0.7) ? String(format: "3101%014d", rng.int(1...99_999_999)) : nil)))
            return id
        }
        func badges(_ n: Int) -> [String] { list.state.freeBadges(n) ?? [] }
        // The desk records the identity document's number at check-in when none was registered.
        func idAtDesk(_ id: String) -> String? {
            list.state.visitors[id]?.idNumber == nil ? "31010119800101" + String(format: "%04d", Int(id.dropFirst()) ?? 0) : nil
        }
        // expected, not yet confirmed: two overdue (> 1 h), two fresh
        for (k, minutes) in [95, 70, 20, 5].enumerated() {
            _ = newVisitor(now.addingTimeInterval(Double(k + 2) * 3600), received: ago(minutes))
        }
        // confirmed, later today
        for k in 0..<5 {
            let id = newVisitor(now.addingTimeInterval(Double(30 + k * 40) * 60), received: ago(200 + k * 10), count: k == 2 ? 2 : 1)
            list.add(.confirmVisitor(visitorID: id, at: ago(180)))
        }
        // waiting in the lobby: one for 25 minutes
        for minutes in [25, 8, 2] {
            let id = newVisitor(ago(minutes), received: ago(24 * 60))
            list.add(.confirmVisitor(visitorID: id, at: ago(23 * 60)))
            list.add(.visitorArrived(visitorID: id, at: ago(minutes)))
        }
        // on site, one group of three
        for (k, minutes) in [150, 95, 60, 40, 20, 10].enumerated() {
            let id = newVisitor(ago(minutes + 5), received: ago(26 * 60), count: k == 1 ? 3 : 1)
            list.add(.confirmVisitor(visitorID: id, at: ago(25 * 60)))
            list.add(.checkInVisitor(visitorID: id, badges: badges(k == 1 ? 3 : 1), idNumber: idAtDesk(id), at: ago(minutes)))
        }
        // left: two with the badge still out, five closed
        for k in 0..<7 {
            let id = newVisitor(ago(300 - k * 20), received: ago(2 * 24 * 60))
            list.add(.confirmVisitor(visitorID: id, at: ago(2 * 24 * 60 - 30)))
            let b = badges(1)
            list.add(.checkInVisitor(visitorID: id, badges: b, idNumber: idAtDesk(id), at: ago(300 - k * 20)))
            list.add(.checkOutVisitor(visitorID: id, at: ago(200 - k * 20), lostBadges: []))
            if k >= 2 { list.add(.returnBadges(visitorID: id, badges: b, at: ago(200 - k * 20))) }
        }
        // cancelled, and a no-show from this morning
        let c = newVisitor(now.addingTimeInterval(3600 * 5), received: ago(600))
        list.add(.cancelVisitor(visitorID: c, at: ago(60)))
        let ns = newVisitor(at(9, 0), received: ago(3 * 24 * 60))
        list.add(.confirmVisitor(visitorID: ns, at: ago(3 * 24 * 60 - 20)))
        if now >= at(9, 0) { list.add(.visitorNoShow(visitorID: ns, at: now)) }

        // Supplies: 60 days of consumption; about a quarter end under their reorder point.
        let depts = OfficeCast.departments.map(\.0)
        for (k, s) in OfficeCast.supplies.enumerated() {
            let offers = [SupplierOffer(supplier: "得力 Deli", unitPrice: s.6, leadDays: 3),
                          SupplierOffer(supplier: "晨光 M&G", unitPrice: (s.6 * 1.04 * 100).rounded() / 100, leadDays: 2),
                          SupplierOffer(supplier: "Staples China", unitPrice: (s.6 * 0.97 * 100).rounded() / 100, leadDays: 6)]
            list.add(.addItem(SupplyItem(sku: s.0, name: s.1, unit: s.2, category: s.3, reorderAt: s.4, target: s.5,
                                         unitPrice: s.6, suppliers: offers, special: s.3 == "gifts")))
            let final = k % 4 == 0 ? (k % 16 == 0 ? 0 : rng.int(1...max(1, s.4 - 1))) : rng.int(s.4...s.5)
            var issues: [(Date, Int)] = []
            var dayBack = 58
            while dayBack > 0 {
                let q = max(1, rng.int(1...max(1, s.5 / 10)))
                issues.append((at(rng.int(9...17), rng.int(0...59), dayOffset: -dayBack), q))
                dayBack -= rng.int(2...6)
            }
            let total = issues.reduce(0) { $0 + $1.1 }
            list.add(.moveStock(StockMove(id: list.id(.move), sku: s.0, kind: .receive, quantity: final + total,
                                          at: at(10, 0, dayOffset: -60), by: "zhangmin", reason: "opening stock",
                                          unitPrice: s.6, supplier: "得力 Deli")))
            for (when, q) in issues {
                let dept = rng.pick(depts)
                list.add(.moveStock(StockMove(id: list.id(.move), sku: s.0, kind: .issue, quantity: -q, at: when, by: rng.pick(OfficeCast.desk),
                                              department: dept, recipient: rng.pick(OfficeCast.people.filter { $0.dept == dept }.map(\.name) + ["前台"]))))
            }
        }

        // Approvals: ten pending (some overdue, some in a chain), four decided.
        let kinds: [(ApprovalType, String, Double?)] = [
            (.purchase, "采购 A4 复印纸 200 包", 4900), (.leave, "年假 Annual leave 3 days", nil),
            (.overtime, "周六加班 Saturday overtime", nil), (.document, "发文 Notice on office move", nil),
            (.scrap, "报废 Old projector (asset FA-0193)", 1200), (.purchase, "Ergonomic chairs ×6", 8700),
            (.leave, "Sick leave", nil), (.purchase, "定制礼品 Client gifts", 3360), (.document, "合同 Lease renewal", nil),
            (.overtime, "Server migration night", nil), (.purchase, "Coffee machine service", 680),
            (.leave, "婚假 Marriage leave", nil), (.scrap, "Broken chairs ×3", 0), (.purchase, "Toner HP 26A ×4", 2080),
        ]
        for (k, kind) in kinds.enumerated() {
            let id = list.id(.approval)
            let requester = OfficeCast.people[(k * 5) % OfficeCast.people.count].login
            let created = k < 3 ? ago((3 * 24 + k) * 60) : ago(rng.int(30...40 * 60))
            var req = ApprovalRequest(id: id, type: kind.0, title: kind.1, requester: requester, createdAt: created, amount: kind.2)
            if kind.0 == .purchase, let amt = kind.2, amt > 5000 {
                req.approvers = ["wangwei", "ann"].filter { $0 != requester }
                req.requiredApprovals = req.approvers.count
            }
            if kind.0 == .leave || kind.0 == .overtime { req.from = at(9, 0, dayOffset: 3); req.to = at(18, 0, dayOffset: 5) }
            if kind.0 == .document { req.documentRef = String(format: "行政发〔2026〕%d号", 40 + k) }
            if kind.0 == .scrap { req.asset = String(format: "FA-%04d", 190 + k) }
            list.add(.requestApproval(req))
            if k >= 10 {
                let by = OfficeCast.approvers.first { $0 != requester } ?? "ann"
                let verdict: Verdict = k == 12 ? .reject : .approve
                list.add(.decideApproval(requestID: id, decision: Decision(by: by, verdict: verdict,
                                                                          comment: verdict == .reject ? "Repair first 先维修" : "OK", at: ago(90))))
            }
        }
        paperTrail(&list, now: now, at: at, operator: op)
        return list.changes
    }
}

extension DemoOffice {
    /// Notices (one in Chinese, one for two departments, one ended) and an archive shelf in both
    /// languages: a confidential lease waiting for its loan approval, a sales contract out past its
    /// due date, vouchers past their retention, a return with an attachment missing. The desk
    /// (`op`) posts the notices and writes down acknowledgements and feedback given on paper.
    static func paperTrail(_ list: inout ChangeList, now: Date, at: (Int, Int, Int) -> Date, operator op: String) {
        func ago(_ minutes: Int) -> Date { now.addingTimeInterval(-Double(minutes) * 60) }
        func recorded(_ by: String) -> String? { by == op ? nil : op }

        let drill = list.id(.notice)
        list.add(.postNotice(Notice(id: drill, title: "周五 15:00 消防演习，请全体人员参加", body: "集合地点：一楼大堂。演习约 30 分钟，请提前保存工作。",
                                    postedBy: op, postedAt: ago(26 * 60), endsAt: at(18, 0, 3))))
        for by in ["wangwei", "ann", "zhaolei", "chenjing", "tom"] where by != op {
            list.add(.acknowledgeNotice(noticeID: drill, ack: NoticeAcknowledgement(by: by, at: ago(20 * 60), recordedBy: recorded(by))))
        }
        if op != "chenjing" {
            list.add(.leaveNoticeFeedback(noticeID: drill, feedback: NoticeFeedback(by: "chenjing", at: ago(19 * 60),
                                                                                      text: "研发部 15:00 有客户演示，能否改到 16:00？", recordedBy: recorded("chenjing"))))
        }
        let claims = list.id(.notice)
        list.add(.postNotice(Notice(id: claims, title: "Year-end expense claims are due by the 20th", body: "Attach original receipts; late claims go into January.",
                                    postedBy: op, postedAt: ago(2 * 24 * 60), audience: ["财务部", "销售部"], endsAt: at(23, 59, 9))))
        list.add(.acknowledgeNotice(noticeID: claims, ack: NoticeAcknowledgement(by: "sam", at: ago(30 * 60), recordedBy: recorded("sam"))))
        let lift = list.id(.notice)
        list.add(.postNotice(Notice(id: lift, title: "电梯保养 Lift maintenance, east lift", postedBy: op, postedAt: ago(4 * 24 * 60), endsAt: at(18, 0, 2))))
        list.add(.endNotice(noticeID: lift, at: ago(24 * 60)))

        // The shelf, dated back from today.
        func filed(_ title: String, _ dept: String, project: String? = nil, _ category: String, daysAgo: Int, paper: (String, String)? = nil,
                   path: String? = nil, years: Int?, confidential: Bool = false, pages: Int? = nil, attachments: Int? = nil) -> String {
            let id = list.id(.archive)
            list.add(.fileArchive(ArchiveFile(id: id, title: title, department: dept, project: project, category: category,
                                              date: at(10, 0, -daysAgo), medium: paper == nil ? .electronic : .paper,
                                              cabinet: paper?.0, box: paper?.1, path: path, retentionYears: years, confidential: confidential,
                                              pages: pages, attachments: attachments, filedBy: op, filedAt: at(10, 0, -daysAgo))))
            return id
        }
        let lease = filed("办公楼租赁合同 Office lease", "行政部", project: "Office move", "contract", daysAgo: 400, paper: ("A-01", "03"),
                          years: 10, confidential: true, pages: 24, attachments: 2)
        _ = filed("员工手册 Employee handbook 2026", "人力资源部", "regulation", daysAgo: 90, path: "/srv/shared/hr/handbook-2026.pdf", years: nil)
        let sales = filed("华信科技销售合同 Huaxin sales contract", "销售部", project: "Huaxin CRM", "contract", daysAgo: 200, paper: ("B-02", "11"),
                          years: 30, pages: 18, attachments: 1)
        _ = filed("2015 年度会计凭证 Vouchers 2015", "财务部", "vouchers", daysAgo: 11 * 366, paper: ("C-05", "2015-1"), years: 10, pages: 320)
        let board = filed("Board minutes Q3", "行政部", "minutes", daysAgo: 60, paper: ("A-02", "07"), years: 30, pages: 12, attachments: 3)
        _ = filed("研发部门预算 R&D budget 2026", "研发部", project: "Budget 2026", "budget", daysAgo: 30, path: "/srv/shared/finance/rd-budget-2026.xlsx", years: 10)

        // The sales contract went out a week ago and was due back two days ago.
        list.add(.lendArchive(ArchiveLoan(id: list.id(.loan), fileID: sales, borrower: "liuyang", purpose: "续约谈判 renewal talks",
                                          due: at(18, 0, -2), requestedBy: op, requestedAt: at(10, 0, -7), status: .out, lentAt: at(10, 0, -7))))
        // The board minutes came back this morning with one attachment missing.
        let boardLoan = list.id(.loan)
        list.add(.lendArchive(ArchiveLoan(id: boardLoan, fileID: board, borrower: "maria", purpose: "Audit preparation",
                                          due: at(18, 0, 1), requestedBy: op, requestedAt: at(9, 0, -3), status: .out, lentAt: at(9, 0, -3))))
        list.add(.returnArchive(loanID: boardLoan, count: ArchiveReturnCount(pages: 12, attachments: 2, missing: "附件 3 签到表 sign-in sheet"), by: op, at: ago(90)))
        // The confidential lease: its loan waits for the archive-loan approval.
        let approval = list.id(.approval)
        var a = ApprovalRequest(id: approval, type: .archiveLoan, title: "办公楼租赁合同 Office lease → 王伟", requester: op, createdAt: ago(45))
        a.documentRef = lease
        list.add(.requestArchiveLoan(ArchiveLoan(id: list.id(.loan), fileID: lease, borrower: "wangwei", purpose: "Check the renewal clause",
                                                 due: at(18, 0, 2), requestedBy: op, requestedAt: ago(45), status: .awaitingApproval, approvalID: approval),
                                     approval: a))
    }
}
