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

        // Fixed assets: the ledger in both languages; one repair overdue, one fresh, one in store, and
        // FA-0194 (an old projector) whose scrap request below is linked to it and still pending.
        for a in DemoAssets.ledger {
            let asset = Asset(tag: a.tag, category: a.category, model: a.model, serial: a.serial, purchasedOn: at(9, 0, dayOffset: -a.ageDays),
                              costCents: a.costCents, supplier: a.supplier, department: a.dept, location: a.location, holder: a.holder,
                              state: a.holder == nil && a.location.contains("库") ? .inStore : .inUse, addedAt: at(9, 0, dayOffset: -a.ageDays), addedBy: "zhangmin")
            list.add(.addAsset(asset))
        }
        list.add(.reportAssetFault(tag: "FA-0107", repair: AssetRepair(fault: "屏幕闪烁 screen flickers", reportedAt: at(9, 30, dayOffset: -20),
                                                                      reportedBy: "priya", stateBefore: .inUse)))
        list.add(.sendAssetToRepair(tag: "FA-0107", to: "联想服务站 Lenovo service", at: at(14, 0, dayOffset: -19)))
        list.add(.reportAssetFault(tag: "FA-0215", repair: AssetRepair(fault: "Paper jam every few pages", reportedAt: at(11, 0, dayOffset: -2),
                                                                      reportedBy: "zhangmin", stateBefore: .inUse)))
        list.add(.sendAssetToRepair(tag: "FA-0215", to: "物业管理处 property management", at: at(15, 0, dayOffset: -2)))
        list.add(.moveAsset(tag: "FA-0151", transfer: AssetTransfer(at: at(16, 0, dayOffset: -5), by: "lina", fromDepartment: "行政部", toDepartment: "销售部",
                                                                   fromLocation: "2F 仓库", toLocation: "5F 销售区", fromHolder: nil, toHolder: "maria",
                                                                   reason: "新同事 new colleague", toState: .inUse)))

        // A day's parcels: waiting on the shelf (one for four days, past the collection time),
        // collected, one returned, and three sent with their cost.
        // No draws from `rng` here: the approvals below must get the same random times as before.
        for (k, p) in DemoAssets.parcels.enumerated() {
            let when = p.daysAgo > 0 ? at(10, 15, dayOffset: -p.daysAgo) : ago(p.minutesAgo)
            let dept = p.person.flatMap { login in OfficeCast.people.first { $0.login == login }?.dept } ?? p.dept
            var parcel = Parcel(id: list.id(.parcel), incoming: p.incoming, carrier: p.carrier, tracking: p.tracking, person: p.person,
                                department: dept, size: p.incoming ? p.size : nil, shelf: p.incoming ? p.shelf : nil,
                                status: p.incoming ? .waiting : .sent, at: when, by: OfficeCast.desk[k % OfficeCast.desk.count])
            if !p.incoming { parcel.costCents = p.costCents }
            list.add(p.incoming ? .receiveParcel(parcel) : .sendParcel(parcel))
            if let who = p.collectedBy { list.add(.collectParcel(parcelID: parcel.id, collector: who, at: when.addingTimeInterval(40 * 60))) }
            if p.returned { list.add(.returnParcel(parcelID: parcel.id, reason: "收件人已离职 recipient left the company", at: when.addingTimeInterval(30 * 60))) }
        }

        DemoAssets.joinersAndLeavers(&list, at: at)

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
        DemoDocuments.add(to: &list, now: now, calendar: cal, operator: op)
        paperTrail(&list, now: now, at: at, operator: op)
        return list.changes
    }
}

/// The demo office's fixed assets and a day's parcels.
enum DemoAssets {
    /// R&D's joiner template (with a starter kit from stock); a joiner, 刘思雨 Emma Liu, starting
    /// in two days with her badge and desk ready; and a leaver, David Chen, whose last day was
    /// yesterday: his badge is back, his test phone FA-0160 is not (overdue). No `rng` draws.
    static func joinersAndLeavers(_ list: inout ChangeList, at: (Int, Int, Int) -> Date) {
        let items = [
            StaffTemplateItem(kind: .badge, name: "工牌 Staff badge"), StaffTemplateItem(kind: .desk, name: "工位 Desk"),
            StaffTemplateItem(kind: .equipment, name: "笔记本电脑 Laptop"), StaffTemplateItem(kind: .account, name: "邮箱与 VPN 账号 Email and VPN"),
            StaffTemplateItem(kind: .kit, name: "黑色签字笔 gel pen black", sku: "PEN-BLK", quantity: 1),
        ]
        list.add(.setStaffTemplate(StaffTemplate(department: "研发部", items: items, setAt: at(9, 0, -30), setBy: "lina")))
        let joinDay = at(0, 0, 2), opened = at(10, 0, -3)
        let joiner = list.id(.staff)
        list.add(.openStaffChecklist(StaffChecklist(id: joiner, direction: .joining, person: "刘思雨 Emma Liu", department: "研发部", day: joinDay, dueAt: joinDay,
                                                    openedAt: opened, openedBy: "zhangmin",
                                                    items: items.enumerated().map { StaffItem(id: "\($0 + 1)", kind: $1.kind, name: $1.name, sku: $1.sku, quantity: $1.quantity) })))
        list.add(.settleStaffItem(checklistID: joiner, itemID: "1", settlement: StaffSettlement(state: .issued, at: at(11, 0, -1), by: "zhangmin", note: "S-1042")))
        list.add(.settleStaffItem(checklistID: joiner, itemID: "2", settlement: StaffSettlement(state: .issued, at: at(11, 5, -1), by: "zhangmin", note: "3F-21")))
        let lastDay = at(0, 0, -1), leaver = list.id(.staff)
        list.add(.openStaffChecklist(StaffChecklist(id: leaver, direction: .leaving, person: "david", department: "研发部", day: lastDay,
                                                    dueAt: at(0, 0, 0), openedAt: at(9, 30, -7), openedBy: "tom",
                                                    items: [StaffItem(id: "1", kind: .badge, name: "工牌 Staff badge"),
                                                            StaffItem(id: "2", kind: .equipment, name: "iPhone 15 测试机", asset: "FA-0160")])))
        list.add(.settleStaffItem(checklistID: leaver, itemID: "1", settlement: StaffSettlement(state: .recovered, at: at(17, 30, -1), by: "tom")))
    }

    /// (tag, category, model, serial, age in days, cost in cents, supplier, department, location, holder)
    static let ledger: [(tag: String, category: String, model: String, serial: String?, ageDays: Int, costCents: Int, supplier: String?,
                         dept: String, location: String, holder: String?)] = [
        ("FA-0101", "laptop", "ThinkPad X1 Carbon", "PF3K9L2M", 400, 1_299_900, "联想 Lenovo", "研发部", "3F 研发区", "chenjing"),
        ("FA-0107", "laptop", "ThinkPad T14 笔记本", "PF2A7Q1Z", 900, 899_900, "联想 Lenovo", "研发部", "3F 研发区", "priya"),
        ("FA-0112", "laptop", "MacBook Pro 14", "C02XK1JHMD6M", 200, 1_499_900, "Apple", "销售部", "5F 销售区", "wangwei"),
        ("FA-0120", "monitor", "Dell U2723QE 显示器", "CN0H7K3M", 300, 359_900, "戴尔 Dell", "研发部", "3F 研发区", "zhoujie"),
        ("FA-0133", "furniture", "人体工学椅 Ergonomic chair", nil, 1200, 189_900, "Steelcase", "财务部", "4F 财务室", "ann"),
        ("FA-0151", "laptop", "ThinkPad T14 笔记本", "PF2B8R4X", 700, 899_900, "联想 Lenovo", "行政部", "2F 仓库", nil),
        ("FA-0160", "phone", "iPhone 15 测试机", "F2LXK9P0", 150, 599_900, "Apple", "研发部", "3F 研发区", "david"),
        ("FA-0178", "camera", "Sony A7 IV 相机", "5038112", 500, 1_699_900, "索尼 Sony", "行政部", "2F 仓库", nil),
        ("FA-0194", "projector", "Epson EB-X41 投影仪 (old)", "X4VK2100934", 2400, 420_000, "爱普生 Epson", "行政部", "长城厅 Great Wall", nil),
        ("FA-0215", "printer", "HP LaserJet M428 打印机", "PHB3L12345", 1000, 329_900, "惠普 HP", "行政部", "2F 打印区", nil),
        ("FA-0230", "furniture", "会议桌 Conference table", nil, 1500, 880_000, "震旦 Aurora", "行政部", "Board Room", nil),
        ("FA-0241", "laptop", "Surface Laptop 5", "0F1234567890", 100, 1_088_800, "微软 Microsoft", "人力资源部", "6F 人事部", "huangli"),
    ]

    /// Incoming and outgoing parcels of the demo day (and one left from four days ago).
    static let parcels: [(incoming: Bool, carrier: String, tracking: String, person: String?, dept: String?, size: String?, shelf: String?,
                          daysAgo: Int, minutesAgo: Int, collectedBy: String?, returned: Bool, costCents: Int?)] = [
        (true, "顺丰 SF Express", "SF1400238815421", "priya", nil, "M", "A2", 4, 0, nil, false, nil),
        (true, "京东 JD", "JDVA20391827736", "wangwei", nil, "S", "A1", 0, 130, "王伟", false, nil),
        (true, "中通 ZTO", "78314452901883", nil, "财务部", "L", "B1", 0, 110, nil, false, nil),
        (true, "DHL", "1234567890", "tom", nil, "S", "A1", 0, 95, "Tom Becker", false, nil),
        (true, "圆通 YTO", "YT7451289034471", "huangli", nil, "M", "A3", 0, 80, nil, false, nil),
        (true, "EMS", "EA123456789CN", "zhaolei", nil, "S", "A1", 0, 60, "黄丽 (for 赵磊)", false, nil),
        (true, "韵达 Yunda", "4312098877651", "sam", nil, "S", "A2", 0, 45, nil, false, nil),
        (true, "申通 STO", "773102948811", nil, "行政部", "L", "B2", 0, 150, nil, true, nil),
        (false, "顺丰 SF Express", "SF1400239001187", "lina", "行政部", nil, nil, 0, 120, nil, false, 2300),
        (false, "EMS", "EA987654321CN", "ann", "财务部", nil, nil, 0, 70, nil, false, 1800),
        (false, "DHL", "9876543210", "maria", "销售部", nil, nil, 0, 30, nil, false, 18650),
    ]
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
        let board = filed("董事会纪要 Board, Q3", "行政部", "minutes", daysAgo: 60, paper: ("A-02", "07"), years: 30, pages: 12, attachments: 3)
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
