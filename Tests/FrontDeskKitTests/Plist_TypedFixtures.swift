import Foundation
import Testing
@testable import FrontDeskKit

/// Fully-populated values of every type with a typed codec: every optional set, every collection
/// non-empty, CJK text, dates with fractions. `Typed.unsetFields` proves it stays so when a field is
/// added to a model type (the fixture must then set it, and the round trips check the codec).
enum Typed {
    static let t0 = Date(timeIntervalSinceReferenceDate: 786_000_123.375)
    static func at(_ s: Double) -> Date { t0.addingTimeInterval(s) }

    static let decision = Decision(by: "王芳", verdict: .reject, comment: "预算超出 — over budget", at: at(1.5))
    static var approval: ApprovalRequest {
        var a = ApprovalRequest(id: "A7", type: .leave, title: "年假 annual leave", requester: "li.na", createdAt: at(2.25),
                                amount: 1234.5, approvers: ["zhang.wei", "role:approver"], requiredApprovals: 2)
        a.from = at(86_400.125); a.to = at(172_800.875); a.documentRef = "DOC-合同-9"; a.asset = "Laptop 笔记本"
        a.decisions = [decision, Decision(by: "ann", verdict: .approve, comment: "ok", at: at(3.5))]
        a.status = .rejected
        return a
    }
    static let period = ClosedPeriod(start: at(10.5), end: at(20.25), reason: "装修 renovation")
    static let room = Room(id: "R3", name: "会议室 3", capacity: 12, equipment: ["projector", "视频"], outOfService: [period])
    static var guest: GuestInvite {
        var g = GuestInvite(name: "Dr. 高桥", contact: "+81 3 1234", invitedAt: at(30.5))
        g.reply = .accepted; g.repliedAt = at(31.75)
        return g
    }
    static let check = PreparationCheck(item: PreparationCheck.materials, by: "前台", at: at(40.125))
    static let action = ActionItem(id: "T9", text: "发送纪要 send minutes", owner: "li.na", due: at(50.5), doneAt: at(51.5))
    static var meeting: Meeting {
        var m = Meeting(id: "M12", title: "季度评审 quarterly review", roomID: "R3", organizer: "zhang.wei",
                        attendees: ["li.na", "王芳"], start: at(3600.5), end: at(7200.5), status: .minutesSent,
                        requestedAt: at(60.25), requiredEquipment: ["projector"], seriesID: "SER-1")
        m.chair = "王芳"; m.confirmedAt = at(61.5); m.roomCheckedAt = at(62.5); m.heldAt = at(63.5)
        m.minutesSentAt = at(64.5); m.minutes = "决定：…\nDecided."; m.goal = "目标 goal"
        m.actionItems = [action]; m.guests = [guest]; m.minutesReviewedBy = "王芳"; m.minutesReviewedAt = at(65.5)
        m.checklist = [check]
        return m
    }
    static let department = Department(name: "行政部", head: "王芳")
    static let person = Person(login: "li.na", name: "李娜", department: "行政部", email: "li.na@example.com")
    static let offer = SupplierOffer(supplier: "得力 Deli", unitPrice: 3.25, leadDays: 4)
    static let item = SupplyItem(sku: "S-PEN", name: "中性笔 gel pen", unit: "支", category: "文具", reorderAt: 20, target: 100,
                                 unitPrice: 2.5, suppliers: [offer], special: true)
    static let acceptance = Acceptance(ordered: 100, delivered: 98, accepted: 95, specificationMatches: true, qualityPassed: false,
                                       notes: "3 支漏墨 leaking", inspector: "王芳")
    static var move: StockMove {
        var k = StockMove(id: "K44", sku: "S-PEN", kind: .receive, quantity: 95, at: at(70.5), by: "li.na", department: "行政部",
                          recipient: "张伟", reason: "补货 restock", unitPrice: 2.45, supplier: "得力 Deli")
        k.countedQuantity = 98; k.rejectedQuantity = 3; k.purchaseID = "P2"; k.acceptance = acceptance
        return k
    }
    static let quote = Quote(supplier: "晨光 M&G", unitPrice: 2.4, leadDays: 3, quality: "A 级")
    static var purchase: PurchaseRequest {
        var p = PurchaseRequest(id: "P2", sku: "S-PEN", quantity: 100, quotes: [quote, Quote(supplier: "Deli", unitPrice: 2.6, leadDays: 2, quality: "B")],
                                chosen: 1, justification: "更快 faster", urgent: true, requester: "li.na", createdAt: at(80.5), approvalID: "A7")
        p.status = .received; p.receivedQuantity = 95
        return p
    }
    static let demand = DemandEntry(id: "D5", department: "行政部", sku: "S-PEN", quantity: 40, month: "2026-12",
                                    justification: "新员工 new hires", budget: 120.5, by: "王芳", at: at(90.5))
    static let watchDecision = WatchDecision(allowed: true, by: "lead", at: at(100.5), comment: "已核实 verified")
    static var visitor: Visitor {
        var v = Visitor(id: "V8", name: "山田 太郎", company: "株式会社 ACME", purpose: "面试 interview", host: "li.na",
                        expectedAt: at(110.5), headCount: 2, status: .left, receivedAt: at(111.5), idNumber: "110101199003077777")
        v.confirmedAt = at(112.5); v.arrivedAt = at(113.5); v.checkedInAt = at(114.5); v.leftAt = at(115.5)
        v.badges = ["V001", "V002"]; v.badgesOut = ["V002"]; v.outcome = "录用 hired"; v.watchDecision = watchDecision
        return v
    }
    static let badge = Badge(id: "V002", state: .issued, visitorID: "V8", issuedAt: at(114.5))
    static let watch = WatchEntry(name: "某人", idNumber: "X123", reason: "前雇员 former staff", addedBy: "lead", addedAt: at(120.5))
    static let returning = ReturningVisitor(name: "山田 太郎", company: "株式会社 ACME", lastHost: "li.na", lastVisit: at(130.5))

    static var documentEvent: DocumentEvent { DocumentEvent(step: "doc.decide", at: at(180.5), by: "王芳", text: "请办理 please act") }
    static var documentCopy: DocumentCopy {
        var c = DocumentCopy(to: "行政部", sentAt: at(181.5))
        c.doneAt = at(182.5); c.doneBy = "li.na"; c.note = "已办 done"
        return c
    }
    static var document: Document {
        var d = Document(id: "W3", direction: .incoming, title: "关于预算的通知 budget", stage: .forwarded, confidentiality: .confidential,
                         createdAt: at(183.5), createdBy: "li.na")
        d.number = "收〔2026〕0003"; d.sequence = 3; d.year = 2026; d.events = [documentEvent]
        d.receivedOn = at(184.5); d.sender = "市财政局"; d.category = "通知"; d.urgency = .veryUrgent; d.pages = 6; d.attachment = "/scans/3.pdf"
        d.leader = "王芳"; d.submittedAt = at(185.5); d.decision = "请办理"; d.decidedAt = at(186.5); d.departments = [documentCopy]
        d.type = .letter; d.draftedBy = "行政部"; d.proofreadAt = at(187.5); d.approvalID = "A7"; d.approvedAt = at(188.5)
        d.releasedAt = at(189.5); d.filedAt = at(190.5); d.recipients = [documentCopy]
        return d
    }
    static var repair: AssetRepair {
        var r = AssetRepair(fault: "屏幕闪烁 flicker", reportedAt: at(180.5), reportedBy: "li.na", stateBefore: .inUse)
        r.sentTo = "联想 service"; r.sentAt = at(181.5); r.backAt = at(182.5); r.work = "换屏 new screen"; r.costCents = 45_050
        return r
    }
    static let transfer = AssetTransfer(at: at(183.5), by: "王芳", fromDepartment: "行政部", toDepartment: "销售部", fromLocation: "仓库",
                                        toLocation: "5F", fromHolder: "li.na", toHolder: "张伟", reason: "入职 joiner", toState: .inUse)
    static var asset: Asset {
        var a = Asset(tag: "FA-0107", category: "laptop", model: "ThinkPad 笔记本", serial: "PF2A", purchasedOn: at(184.5), costCents: 899_900,
                      supplier: "联想 Lenovo", department: "销售部", location: "5F", holder: "张伟", state: .scrapped, addedAt: at(185.5), addedBy: "li.na")
        a.purchaseID = "P2"; a.repairs = [repair]; a.transfers = [transfer]; a.scrapApprovalID = "A7"; a.offBooksAt = at(186.5)
        return a
    }
    static let settlement = AssetSettlement(tag: "FA-0107", kind: .moved, reason: "查实 checked", by: "li.na", at: at(187.5))
    static var assetCount: AssetCount {
        var c = AssetCount(id: "G1", location: "5F", at: at(188.5), by: "li.na", found: ["FA-0107", "X-1"], expected: ["FA-0108"])
        c.settlements = [settlement]
        return c
    }
    static var parcel: Parcel {
        var p = Parcel(id: "C3", incoming: true, carrier: "顺丰 SF", tracking: "SF123", person: "li.na", department: "行政部", size: "M",
                       shelf: "A2", status: .returned, at: at(189.5), by: "王芳")
        p.collectedAt = at(190.5); p.collectedBy = "张伟"; p.returnedAt = at(191.5); p.returnReason = "拒收 refused"; p.costCents = 2_350
        return p
    }
    static var notice: Notice {
        var n = Notice(id: "N3", title: "消防演习 Fire drill", body: "集合：一楼大堂\nMeet in the lobby.", postedBy: "desk", postedAt: at(180.5),
                       audience: ["行政部", "财务部"], endsAt: at(86_400.25))
        n.endedAt = at(3600.75)
        n.acknowledgements = [NoticeAcknowledgement(by: "li.na", at: at(181.5), recordedBy: "desk")]
        n.feedback = [NoticeFeedback(by: "王芳", at: at(182.5), text: "能否改到 16:00？", recordedBy: "desk")]
        return n
    }
    static let archive = ArchiveFile(id: "F4", title: "租赁合同 Lease", department: "行政部", project: "Office move", category: "contract",
                                     date: at(190.5), medium: .paper, cabinet: "A-01", box: "03", path: "/srv/scan/lease.pdf", retentionYears: 10,
                                     confidential: true, pages: 24, attachments: 2, filedBy: "desk", filedAt: at(191.5), source: "meeting M12")
    static var loan: ArchiveLoan {
        var l = ArchiveLoan(id: "L2", fileID: "F4", borrower: "王芳", purpose: "续约 renewal", due: at(86_400.5), requestedBy: "desk",
                            requestedAt: at(192.5), status: .incomplete, lentAt: at(193.5), approvalID: "A7")
        l.returnedAt = at(194.5); l.returnedTo = "desk"; l.pagesReturned = 22; l.attachmentsReturned = 2; l.missing = "2 pages"
        return l
    }

    static let staffTemplate = StaffTemplate(department: "研发部", items: [StaffTemplateItem(kind: .kit, name: "签字笔 pen", sku: "S-PEN", quantity: 2)],
                                             setAt: at(195.5), setBy: "lina")
    static var staffItem: StaffItem {
        var i = StaffItem(id: "2", kind: .equipment, name: "笔记本 Laptop", asset: "FA-0107", sku: "S-PEN", quantity: 1, state: .writtenOff)
        i.doneAt = at(196.5); i.doneBy = "王芳"; i.note = "丢失 lost"; i.moveID = "K44"; i.writeOffApprovalID = "A7"
        return i
    }
    static var staffChecklist: StaffChecklist {
        var c = StaffChecklist(id: "J2", direction: .leaving, person: "david", department: "研发部", day: at(86_400.5), dueAt: at(172_800.5),
                               openedAt: at(197.5), openedBy: "desk", items: [staffItem])
        c.closedAt = at(198.5); c.closedBy = "tom"
        return c
    }

    static var state: OfficeState {
        var s = OfficeState()
        s.rooms = ["R3": room]; s.meetings = ["M12": meeting]; s.visitors = ["V8": visitor]; s.badges = ["V002": badge]
        s.items = ["S-PEN": item]; s.onHand = ["S-PEN": 95, "S-负": -3]; s.moves = ["K44": move]; s.approvals = ["A7": approval]
        s.people = ["li.na": person]; s.departments = ["行政部": department]; s.roles = ["li.na": [.frontdesk, .lead]]
        s.counters = ["meeting": 12, "visitor": 8]; s.watchList = [watch]; s.returningVisitors = ["山田 太郎": returning]
        s.purchases = ["P2": purchase]; s.demand = ["D5": demand]; s.documents = ["W3": document]
        s.purchases = ["P2": purchase]; s.demand = ["D5": demand]
        s.notices = ["N3": notice]; s.archives = ["F4": archive]; s.loans = ["L2": loan]
        var issues = DailyIssues()
        issues.firstDay = at(135.5); issues.units = ["S-PEN": [3, 0, 7], "纸": [1]]
        s.archivedIssues = issues
        s.assets = ["FA-0107": asset]; s.assetCounts = ["G1": assetCount]; s.parcels = ["C3": parcel]
        s.staff = ["J2": staffChecklist]; s.staffTemplates = ["研发部": staffTemplate]
        return s
    }
    static var snapshot: Snapshot {
        Snapshot(schemaVersion: 3, generation: 7, seq: 4242, savedAt: at(140.5), state: state, headHash: Data((0..<32).map { UInt8($0) }))
    }
    static var segment: HistorySegment {
        var h = HistorySegment(month: "2026-11")
        h.meetings = [meeting]; h.visitors = [visitor]; h.moves = [move]; h.approvals = [approval]
        h.documents = [document]; h.notices = [notice]; h.loans = [loan]; h.parcels = [parcel]
        h.previous = Data(repeating: 0xAB, count: 32)
        h.openingStock = ["S-PEN": 100, "S-负": -3]; h.closingStock = ["S-PEN": 95, "S-负": -3]
        return h
    }
    static var manifest: Manifest {
        Manifest(schemaVersion: 3, generation: 7, writtenAt: at(150.5),
                 files: ["history/2026-11.plist": .init(size: 1234, sha256: Data(repeating: 7, count: 32))],
                 losses: ["丢失 lost"], inProgress: true, chainRestarts: ["history/journal.000003.log"],
                 lastPurgeDay: "2026-11-30", purgedBefore: at(160.5))
    }
    static var record: JournalRecord {
        JournalRecord(seq: 9, at: at(170.5), unixUser: "li.na", uid: 1001, actor: "王芳",
                      change: .bookMeetings([meeting]), prev: Data(repeating: 1, count: 32))
    }

    /// Paths of optionals left nil and collections left empty anywhere inside `value`.
    static func unsetFields(_ value: Any, _ path: String = "") -> [String] {
        let m = Mirror(reflecting: value)
        switch m.displayStyle {
        case .optional:
            guard let inner = m.children.first else { return [path] }
            return unsetFields(inner.value, path)
        case .collection, .dictionary, .set:
            if m.children.isEmpty { return [path + " (empty)"] }
            return m.children.enumerated().flatMap { unsetFields($0.element.value, path + "[\($0.offset)]") }
        case .struct, .class, .tuple:
            return m.children.flatMap { unsetFields($0.value, path + "." + ($0.label ?? "?")) }
        case .enum:
            return m.children.flatMap { unsetFields($0.value, path + "." + ($0.label ?? "?")) }
        default:
            return []
        }
    }
}
