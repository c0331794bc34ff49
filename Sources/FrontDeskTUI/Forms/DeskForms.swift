import Foundation
import FrontDeskKit

/// Every form of the dashboard, each declared once: title, fields (label, parser, where the value
/// goes) and the change the filled draft becomes. Pickers list what the office knows (rooms,
/// people, departments, free badges, yes/no); what is typed narrows them.
extension FormKind {
    /// The declaration of this form for `subject` in state `s`; nil when the form needs a record
    /// that does not exist. Labels of choices are written in `strings`' language.
    func declaration(subject: String?, _ s: OfficeState, _ ctx: RuleContext, _ strings: Strings) -> AnyFormSpec? {
        let pick = Pickers(s: s, strings: strings)
        let tz = ctx.env.timeZone, now = ctx.now
        switch self {
        case .noticePost, .noticeFeedback, .archiveAdd, .archiveLend, .archiveReturn:
            return paperTrailDeclaration(subject: subject, s, ctx, strings)
        case .assetAdd, .assetMove, .assetFault, .assetRepair, .assetBack, .assetScrap, .assetCount, .assetSettle,
             .parcelIn, .parcelCollect, .parcelReturn, .parcelOut:
            return assetParcelDeclaration(subject: subject, s, ctx, strings)
        case .newVisitor:
            struct Draft { var name = "", company: String?, host = "", expected = Date(), purpose: String?, count = 1, idNumber: String? }
            return FormSpec(title: L("New visitor", "新访客"), draft: Draft(), fields: [
                .text(NewVisitorFields.name, \.name),
                .text(NewVisitorFields.company, \.company),
                .pick(NewVisitorFields.host, \.host, from: pick.people, hint: L("type to narrow; a name not on file is kept", "输入可缩小范围；未登记的姓名照样保存"),
                      allowsOther: true),
                .time(L("Expected", "预计到达"), \.expected, initial: Clock.hm(now.addingTimeInterval(1800), tz)),
                .text(L("Purpose", "事由"), \.purpose),
                .count(L("Head count", "人数"), \.count, min: 1, initial: "1"),
                .text(L("ID number", "证件号"), \.idNumber),
            ], build: { d, s, ctx in
                .addVisitor(Visitor(id: ctx.env.ids.next(.visitor, in: s), name: d.name, company: d.company, purpose: d.purpose, host: d.host,
                                    expectedAt: d.expected, headCount: d.count, receivedAt: ctx.now, idNumber: d.idNumber))
            }).erased()

        case .checkIn:
            guard let id = subject, let v = s.visitors[id] else { return nil }
            struct Draft { var badges = "", idNumber: String?, confirmNewIdentity = false }
            let free = s.freeBadges(v.headCount)?.joined(separator: " ") ?? ""
            var confirm = FieldSpec<Draft>.yesNo(CheckInFields.confirmNewIdentity, \.confirmNewIdentity, initial: false, pick.yesNo)
            confirm.hint = CheckInFields.confirmNewIdentityHint
            return FormSpec(title: L("Check in \(v.name)", "登记入场 · \(v.name)"), draft: Draft(), fields: [
                .pick(L("Badge(s)", "访客证"), \.badges, from: pick.freeBadges, initial: free,
                      hint: L("one per head, space-separated", "每人一张，以空格分隔"), allowsOther: true),
                .text(L("ID number", "证件号"), \.idNumber, hint: v.maskedIDNumber.map { Localized(verbatim: $0) } ?? L("checked at the desk", "前台核验")),
                confirm,
            ], builds: { d, s, ctx in
                // The kit's builder, shared with `frontdesk visitor checkin`: a confirmed new number is its own audited record.
                try s.checkIn(visitorID: id, badges: d.badges.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init),
                              idNumber: d.idNumber, confirmNewIdentity: d.confirmNewIdentity, ctx)
            }).erased()

        case .checkOut:
            guard let id = subject, let v = s.visitors[id] else { return nil }
            struct Draft { var badge = "y" }
            return FormSpec(title: L("Check out \(v.name)", "签离 · \(v.name)"), draft: Draft(), fields: [
                .pick(L("Badge back?", "访客证已归还？"), \.badge, from: [
                    Choice("y", strings[L("yes, returned", "是，已归还")]), Choice("n", strings[L("not yet", "尚未归还")]),
                    Choice("lost", strings[L("lost", "遗失")]),
                ], initial: strings[L("yes, returned", "是，已归还")]),
            ], build: { d, s, ctx in
                let out = s.visitors[id]?.badgesOut ?? []
                return .checkOutVisitor(visitorID: id, at: ctx.now, lostBadges: d.badge == "lost" ? out : [])
            }, followUps: { d, s, ctx in
                // A badge handed back is recorded in the same write as the check-out.
                guard d.badge == "y", let out = s.visitors[id]?.badgesOut, !out.isEmpty else { return [] }
                return [.returnBadges(visitorID: id, badges: out, at: ctx.now)]
            }).erased()

        case .bookRoom:
            struct Draft { var title = "", room = "", start = Date(), end = Date(), organizer = "", attendees: [String] = [], goal: String?, confirmed = true }
            let start = now.addingTimeInterval(3600)
            return FormSpec(title: L("Book a room", "预订会议室"), draft: Draft(), fields: [
                .text(L("Title", "主题"), \.title),
                .pick(L("Room", "会议室"), \.room, from: pick.rooms),
                .time(L("Start", "开始"), \.start, initial: Clock.hm(start, tz)),
                .time(L("End", "结束"), \.end, initial: Clock.hm(start.addingTimeInterval(3600), tz)),
                .pick(L("Organizer", "组织者"), \.organizer, from: pick.people, initial: pick.person(ctx.actor), allowsOther: true),
                .list(L("Attendees", "参会人"), \.attendees, hint: L("comma-separated", "以逗号分隔")),
                .text(L("Goal", "目标"), \.goal, hint: L("what the meeting should decide", "会议要决定的事项")),
                .yesNo(L("Confirmed?", "已确认？"), \.confirmed, initial: true, pick.yesNo),
            ], build: { d, s, ctx in
                guard let room = s.room(named: d.room) else { throw DraftProblem(\Draft.room, "no such room", "没有这个会议室") }
                if d.end <= d.start { throw DraftProblem(\Draft.end, "ends before it starts", "结束早于开始") }
                var m = Meeting(id: ctx.env.ids.next(.meeting, in: s), title: d.title, roomID: room.id, organizer: d.organizer,
                                attendees: d.attendees, start: d.start, end: d.end, status: d.confirmed ? .confirmed : .requested, requestedAt: ctx.now)
                m.confirmedAt = d.confirmed ? ctx.now : nil
                m.goal = d.goal
                return .bookMeetings([m])
            }).erased()

        case .issueStock:
            guard let sku = subject, let item = s.items[sku] else { return nil }
            struct Draft { var quantity = 0, department = "", recipient = "" }
            return FormSpec(title: L("Issue \(item.name)", "领用 · \(item.name)"), draft: Draft(), fields: [
                .count(L("Quantity (\(item.unit))", "数量（\(item.unit)）"), \.quantity, min: 1),
                .pick(L("Department", "部门"), \.department, from: pick.departments, allowsOther: true),
                .pick(L("Recipient", "领用人"), \.recipient, from: pick.people, hint: L("who signs", "签收人"), allowsOther: true),
            ], build: { d, s, ctx in
                s.issue(sku: sku, quantity: d.quantity, department: d.department, recipient: d.recipient, ctx)
            }).erased()

        case .receiveStock:
            guard let sku = subject, let item = s.items[sku] else { return nil }
            struct Draft { var counted = 0, rejected = 0, reason: String?, supplier = "", price: Double? }
            return FormSpec(title: L("Receive \(item.name)", "入库验收 · \(item.name)"), draft: Draft(), fields: [
                .count(L("Counted (\(item.unit))", "到货数量（\(item.unit)）"), \.counted, min: 0),
                .count(L("Rejected", "拒收数量"), \.rejected, min: 0, initial: "0"),
                .text(L("Reason", "拒收原因"), \.reason),
                .pick(L("Supplier", "供应商"), \.supplier, from: item.suppliers.map { Choice($0.supplier) },
                      initial: item.suppliers.first?.supplier ?? "", allowsOther: true),
                .amount(L("Unit price", "单价"), \.price, initial: item.unitPrice.map { String(format: "%.2f", $0) } ?? "", required: true),
            ], build: { d, s, ctx in
                if d.rejected > d.counted { throw DraftProblem(\Draft.rejected, "more than counted", "多于到货数量") }
                if d.rejected > 0 && d.reason == nil { throw DraftProblem(\Draft.reason, "say why units were rejected", "请说明拒收原因") }
                return s.receipt(sku: sku, counted: d.counted, rejected: d.rejected, reason: d.reason, unitPrice: d.price, supplier: d.supplier, ctx)
            }).erased()

        case .approve, .reject:
            guard let id = subject, let a = s.approvals[id] else { return nil }
            struct Draft { var comment: String? }
            let approve = self == .approve
            let title = approve ? L("Approve \(a.title)", "批准 · \(a.title)") : L("Reject \(a.title)", "驳回 · \(a.title)")
            let field: FieldSpec<Draft> = approve
                ? .text(L("Comment", "意见"), \.comment, hint: L("optional", "选填"))
                : FieldSpec(label: L("Reason", "理由"), hint: L("required when rejecting", "驳回时必填"), required: true, initial: "", choices: nil,
                            path: \Draft.comment) { t, d, _ in d.comment = t }
            return FormSpec(title: title, draft: Draft(), fields: [field], build: { d, _, ctx in
                .decideApproval(requestID: id, decision: Decision(by: ctx.actor, verdict: approve ? .approve : .reject, comment: d.comment, at: ctx.now))
            }).erased()

        case .minutes:
            guard let id = subject, let m = s.meetings[id] else { return nil }
            struct Draft { var text = "" }
            return FormSpec(title: L("Minutes · \(m.title)", "会议纪要 · \(m.title)"), draft: Draft(), fields: [
                .text(L("Key points", "要点"), \.text, initial: m.minutes ?? "",
                      hint: L("decisions and who does what; the chair approves", "决定事项及分工；由主持人审定")),
            ], build: { d, _, ctx in .recordMinutes(meetingID: id, text: d.text, at: ctx.now) }).erased()

        case .actionItem:
            guard let id = subject, let m = s.meetings[id] else { return nil }
            struct Draft { var task = "", owner = "", due: Date? }
            return FormSpec(title: L("Action item · \(m.title)", "待办 · \(m.title)"), draft: Draft(), fields: [
                .text(L("Task", "事项"), \.task),
                .pick(L("Owner", "负责人"), \.owner, from: pick.people, allowsOther: true),
                .day(L("Due", "截止"), \.due, initial: Clock.day(now.addingTimeInterval(7 * 86_400), tz), required: true),
            ], build: { d, s, ctx in
                let end = Clock.endOfDay(d.due ?? ctx.now, ctx.env.calendar)
                return .addActionItem(meetingID: id, item: ActionItem(id: ctx.env.ids.next(.action, in: s), text: d.task, owner: d.owner, due: end))
            }).erased()

        case .actionDone:
            guard let id = subject, let m = s.meetings[id] else { return nil }
            struct Draft { var item = "" }
            let open = m.actionItems.filter { $0.doneAt == nil }
            return FormSpec(title: L("Action item done", "待办完成"), draft: Draft(), fields: [
                .pick(L("Item", "待办"), \.item, from: open.map { Choice($0.id, "\($0.id) \($0.text)") }, initial: open.first.map { "\($0.id) \($0.text)" } ?? ""),
            ], build: { d, _, ctx in .completeActionItem(meetingID: id, itemID: d.item, at: ctx.now) }).erased()

        case .checkPreparation:
            guard let id = subject, let m = s.meetings[id] else { return nil }
            struct Draft { var item = "" }
            let open = m.uncheckedItems
            // One item per save: the form system has no multi-select picker (the CLI ticks several at once).
            return FormSpec(title: L("Checklist · \(m.title)", "会前检查 · \(m.title)"), draft: Draft(), fields: [
                .pick(L("Item", "检查项"), \.item, from: open.map { Choice($0) }, initial: open.first ?? "",
                      hint: L("ticked as done or tested; equipment on the day", "勾选为已完成或已测试；设备须当天测试")),
            ], build: { d, _, ctx in .checkPreparation(meetingID: id, items: [d.item], by: ctx.actor, at: ctx.now) }).erased()

        case .outcome:
            guard let id = subject, let v = s.visitors[id] else { return nil }
            struct Draft { var text = "" }
            return FormSpec(title: L("Outcome · \(v.name)", "来访结果 · \(v.name)"), draft: Draft(), fields: [
                .text(L("Feedback / outcome", "反馈"), \.text, initial: v.outcome ?? "",
                      hint: L("for the host department; any business lead", "供接待部门参考；任何业务线索")),
            ], build: { d, _, ctx in .recordOutcome(visitorID: id, text: d.text, at: ctx.now) }).erased()

        case .watchDecision:
            guard let id = subject, let v = s.visitors[id] else { return nil }
            struct Draft { var allowed = false, comment: String? }
            let reason = s.watchMatch(v, idNumber: nil)?.reason
            var allow = FieldSpec<Draft>.yesNo(L("Allow in?", "准许进入？"), \.allowed, initial: nil, pick.yesNo)
            allow.hint = reason.map { Localized(verbatim: $0) }
            return FormSpec(title: L("Watch list · \(v.name)", "名单审核 · \(v.name)"), draft: Draft(), fields: [
                allow, .text(L("Comment", "意见"), \.comment),
            ], build: { d, _, ctx in
                .decideWatch(visitorID: id, decision: WatchDecision(allowed: d.allowed, by: ctx.actor, at: ctx.now, comment: d.comment))
            }).erased()

        case .countStock:
            guard let sku = subject, let item = s.items[sku] else { return nil }
            struct Draft { var counted = 0, reason = "" }
            return FormSpec(title: L("Stocktake · \(item.name)", "盘点 · \(item.name)"), draft: Draft(), fields: [
                .count(L("Counted (\(item.unit))", "实盘数量（\(item.unit)）"), \.counted, min: 0,
                       hint: L("booked: \(s.onHand[sku, default: 0])", "账面：\(s.onHand[sku, default: 0])")),
                .text(L("Reason", "差异原因"), \.reason),
            ], build: { d, s, ctx in s.stocktake(sku: sku, counted: d.counted, reason: d.reason, ctx) }).erased()

        case .demand:
            guard let sku = subject, let item = s.items[sku] else { return nil }
            struct Draft { var department = "", quantity = 0, month = "", justification: String?, budget: Double? }
            var cal = Calendar(identifier: .gregorian); cal.timeZone = tz
            let month = cal.date(byAdding: .month, value: 1, to: now).map { String(Clock.day($0, tz).prefix(7)) } ?? ""
            let special = item.special
            let required = special ? L("required for special items", "特殊物品必填") : L("optional", "选填")
            var justification = FieldSpec<Draft>.text(L("Justification", "理由"), \.justification, hint: required)
            justification.required = special
            return FormSpec(title: L("Demand · \(item.name)", "下月需求 · \(item.name)"), draft: Draft(), fields: [
                .pick(L("Department", "部门"), \.department, from: pick.departments, initial: s.people[ctx.actor]?.department ?? "", allowsOther: true),
                .count(L("Quantity (\(item.unit))", "数量（\(item.unit)）"), \.quantity, min: 1),
                .month(L("Month", "月份"), \.month, initial: month),
                justification,
                .amount(L("Budget", "预算"), \.budget, hint: required, required: special),
            ], build: { d, s, ctx in
                .addDemand(DemandEntry(id: ctx.env.ids.next(.demand, in: s), department: d.department, sku: sku, quantity: d.quantity,
                                       month: d.month, justification: d.justification, budget: d.budget, by: ctx.actor, at: ctx.now))
            }).erased()

        case .purchase:
            guard let sku = subject, let item = s.items[sku] else { return nil }
            struct Draft { var quantity = 0, quotes: [Quote?] = [nil, nil, nil], choose: String?, justification: String?, urgent = false }
            let offers = item.suppliers.prefix(3).map { "\($0.supplier):\(String(format: "%.2f", $0.unitPrice)):\($0.leadDays)" }
            func quote(_ i: Int, _ label: Localized) -> FieldSpec<Draft> {
                FieldSpec(label: label, hint: L("supplier:price:days", "供应商:单价:天数"), required: i == 0, initial: i < offers.count ? offers[i] : "",
                          choices: nil, path: \Draft.quotes[i]) { t, d, _ throws(FieldProblem) in
                    guard let q = Quote.parse(t) else { throw FieldProblem("supplier:price:days, e.g. 得力:18.50:3", "格式为 供应商:单价:天数，如 得力:18.50:3") }
                    d.quotes[i] = q
                }
            }
            return FormSpec(title: L("Purchase request · \(item.name)", "采购申请 · \(item.name)"), draft: Draft(), fields: [
                .count(L("Quantity (\(item.unit))", "数量（\(item.unit)）"), \.quantity, min: 1, initial: "\(max(0, item.target - s.onHand[sku, default: 0]))"),
                quote(0, L("Quote 1", "报价 1")), quote(1, L("Quote 2", "报价 2")), quote(2, L("Quote 3", "报价 3")),
                FieldSpec(label: L("Choose", "选用"), hint: L("supplier (default: the cheapest)", "供应商（默认最低价）"), required: false, initial: "",
                          choices: item.suppliers.map { Choice($0.supplier) }, allowsOther: true, path: \Draft.choose) { t, d, _ in d.choose = t },
                .text(L("Justification", "理由"), \.justification, hint: L("required if not the cheapest", "未选最低价时必填")),
                .yesNo(L("Urgent?", "紧急？"), \.urgent, initial: false, pick.yesNo),
            ], build: { d, s, ctx in
                let quotes = d.quotes.compactMap { $0 }
                var chosen: Int?
                if let name = d.choose {
                    guard let i = quotes.firstIndex(where: { $0.supplier.lowercased() == name.lowercased() }) else {
                        throw DraftProblem(\Draft.choose, "not one of the quoted suppliers", "不是报价中的供应商")
                    }
                    chosen = i
                }
                return s.purchaseRequest(sku: sku, quantity: d.quantity, quotes: quotes, chosen: chosen, justification: d.justification,
                                         urgent: d.urgent, ctx)
            }).erased()

        case .moveMeeting:
            guard let id = subject, let m = s.meetings[id] else { return nil }
            struct Draft { var start = Date(), end = Date(), room = "" }
            return FormSpec(title: L("Move · \(m.title)", "改期 · \(m.title)"), draft: Draft(), fields: [
                .time(L("Start", "开始"), \.start, initial: Clock.dayHM(m.start, tz)),
                .time(L("End", "结束"), \.end, initial: Clock.dayHM(m.end, tz)),
                .pick(L("Room", "会议室"), \.room, from: pick.rooms, initial: s.rooms[m.roomID]?.name ?? m.roomID),
            ], build: { d, s, _ in
                guard let room = s.room(named: d.room) else { throw DraftProblem(\Draft.room, "no such room", "没有这个会议室") }
                if d.end <= d.start { throw DraftProblem(\Draft.end, "ends before it starts", "结束早于开始") }
                return .moveMeeting(meetingID: id, start: d.start, end: d.end, roomID: room.id)
            }).erased()

        case .inviteGuest:
            guard let id = subject, let m = s.meetings[id] else { return nil }
            struct Draft { var name = "", contact: String? }
            return FormSpec(title: L("Invite guest · \(m.title)", "邀请外部嘉宾 · \(m.title)"), draft: Draft(), fields: [
                .text(L("Name", "姓名"), \.name),
                .text(L("Contact", "联系方式"), \.contact, hint: L("e-mail or phone", "邮箱或电话")),
            ], build: { d, _, ctx in .inviteGuest(meetingID: id, guest: GuestInvite(name: d.name, contact: d.contact, invitedAt: ctx.now)) }).erased()

        case .guestReply:
            guard let id = subject, let m = s.meetings[id] else { return nil }
            struct Draft { var guest = "", coming = false }
            let pending = (m.guests ?? []).filter { $0.reply == .pending }
            let coming = FieldSpec<Draft>.yesNo(L("Coming?", "出席？"), \.coming, initial: nil, pick.yesNo)
            return FormSpec(title: L("Guest reply · \(m.title)", "嘉宾回复 · \(m.title)"), draft: Draft(), fields: [
                .pick(L("Guest", "嘉宾"), \.guest, from: pending.map { Choice($0.name) }, initial: pending.first?.name ?? ""),
                coming,
            ], build: { d, _, ctx in
                .recordGuestReply(meetingID: id, name: d.guest, reply: d.coming ? .accepted : .declined, at: ctx.now)
            }).erased()

        case .roomOutOfService:
            struct Draft { var room = "", from = Date(), to = Date(), reason = "" }
            let room = subject.flatMap { s.meetings[$0] }.flatMap { s.rooms[$0.roomID]?.name } ?? ""
            return FormSpec(title: L("Room out of service", "会议室停用"), draft: Draft(), fields: [
                .pick(L("Room", "会议室"), \.room, from: pick.rooms, initial: room),
                .time(L("From", "从"), \.from, initial: Clock.dayHM(now, tz)),
                .time(L("To", "到"), \.to, initial: Clock.day(now, tz) + " 23:59"),
                .text(L("Reason", "原因"), \.reason),
            ], build: { d, s, _ in
                guard let room = s.room(named: d.room) else { throw DraftProblem(\Draft.room, "no such room", "没有这个会议室") }
                if d.to <= d.from { throw DraftProblem(\Draft.to, "ends before it starts", "结束早于开始") }
                return .setRoomOutOfService(roomID: room.id, period: ClosedPeriod(start: d.from, end: d.to, reason: d.reason))
            }).erased()

        case .addRoom:
            struct Draft { var name = "", capacity = 0, equipment: [String] = [] }
            return FormSpec(title: L("New room", "新增会议室"), draft: Draft(), fields: [
                .text(L("Name", "名称"), \.name),
                .count(L("Capacity", "容纳人数"), \.capacity, min: 1),
                .list(L("Equipment", "设备"), \.equipment, hint: L("projector, video, whiteboard", "投影仪、视频、白板")),
            ], build: { d, s, ctx in
                .addRoom(Room(id: ctx.env.ids.next(.room, in: s), name: d.name, capacity: d.capacity, equipment: d.equipment))
            }).erased()

        case .newApproval:
            struct Draft { var type = "", title = "", amount: Double?, from: Date?, to: Date?, reference: String? }
            return FormSpec(title: L("New request", "新申请"), draft: Draft(), fields: [
                .pick(L("Type", "类型"), \.type, from: ApprovalType.allCases.map { Choice($0.rawValue, strings.approvalType($0)) }),
                .text(L("Title", "标题"), \.title),
                .amount(L("Amount", "金额"), \.amount, hint: L("purchase and scrap", "采购和报废")),
                .day(L("From", "开始"), \.from),
                .day(L("To", "结束"), \.to),
                .text(L("Reference", "文号/资产"), \.reference, hint: L("document number, or the asset to scrap", "公文编号，或要报废的资产")),
            ], build: { d, s, ctx in
                let type = ApprovalType(rawValue: d.type) ?? .leave
                let chain = type == .purchase ? s.purchaseChain(requester: ctx.actor, amount: d.amount ?? 0, ctx.settings) : []
                var a = ApprovalRequest(id: ctx.env.ids.next(.approval, in: s), type: type, title: d.title, requester: ctx.actor,
                                        createdAt: ctx.now, amount: d.amount, approvers: chain, requiredApprovals: OfficeState.approvalsNeeded(type, chain: chain, ctx.settings))
                a.from = d.from; a.to = d.to
                if type == .document { a.documentRef = d.reference }
                if type == .scrap { a.asset = d.reference }
                return .requestApproval(a)
            }).erased()

        case .docIn:
            struct Draft { var title = "", sender = "", category: String?, urgency = "normal", confidentiality = "none", pages = 1, attachment: String? }
            return FormSpec(title: L("Register incoming document", "收文登记"), draft: Draft(), fields: [
                .text(L("Title", "标题"), \.title),
                .text(L("From", "来文单位"), \.sender),
                .text(L("Category", "类别"), \.category),
                .pick(L("Urgency", "紧急程度"), \.urgency, from: DocumentUrgency.allCases.map { Choice($0.rawValue, strings[L($0.rawValue, $0.chinese)]) },
                      initial: strings[L("normal", "普通")], hint: L("sets when the leader's decision is due", "决定领导批示的期限")),
                .pick(L("Confidentiality", "密级"), \.confidentiality, from: Confidentiality.allCases.map { Choice($0.rawValue) }, initial: "none",
                      hint: L("confidential: title shown to its handlers and admins only", "机密：标题仅对经办人和管理员可见")),
                .count(L("Pages", "页数"), \.pages, min: 1, initial: "1"),
                .text(L("Attachment", "附件位置"), \.attachment),
            ], build: { d, s, ctx in
                s.registerIncoming(title: d.title, sender: d.sender, receivedOn: ctx.now, category: d.category,
                                   urgency: DocumentUrgency(rawValue: d.urgency) ?? .normal, confidentiality: Confidentiality(rawValue: d.confidentiality) ?? .none,
                                   pages: d.pages, attachment: d.attachment, ctx)
            }).erased()

        case .docDraft:
            struct Draft { var type = "notice", title = "", department = "", confidentiality = "none" }
            return FormSpec(title: L("Draft outgoing document", "拟稿"), draft: Draft(), fields: [
                .pick(L("Type", "文种"), \.type, from: OutgoingType.allCases.map { Choice($0.rawValue, strings[L($0.rawValue, $0.chinese)]) },
                      initial: strings[L("notice", "通知")]),
                .text(L("Title", "标题"), \.title),
                .pick(L("Department", "拟稿部门"), \.department, from: pick.departments, allowsOther: true),
                .pick(L("Confidentiality", "密级"), \.confidentiality, from: Confidentiality.allCases.map { Choice($0.rawValue) }, initial: "none"),
            ], build: { d, s, ctx in
                s.draftOutgoing(type: OutgoingType(rawValue: d.type) ?? .notice, title: d.title, department: d.department,
                                confidentiality: Confidentiality(rawValue: d.confidentiality) ?? .none, ctx)
            }).erased()

        case .docSubmit:
            guard let id = subject, let doc = s.documents[id] else { return nil }
            struct Draft { var leader = "" }
            return FormSpec(title: L("Submit \(doc.number ?? id) to a leader", "呈送领导 · \(doc.number ?? id)"), draft: Draft(), fields: [
                .pick(L("Leader", "领导"), \.leader, from: pick.people),
            ], build: { d, _, ctx in .document(.submit(documentID: id, leader: d.leader, by: ctx.actor, at: ctx.now)) }).erased()

        case .docDecide:
            guard let id = subject, let doc = s.documents[id] else { return nil }
            struct Draft { var text = "" }
            return FormSpec(title: L("Decision on \(doc.number ?? id)", "批示 · \(doc.number ?? id)"), draft: Draft(), fields: [
                .text(L("Decision", "批示"), \.text, hint: L("in the leader's words", "领导原话")),
            ], build: { d, _, ctx in .document(.decide(documentID: id, text: d.text, by: ctx.actor, at: ctx.now)) }).erased()

        case .docForward:
            guard let id = subject, let doc = s.documents[id] else { return nil }
            struct Draft { var departments: [String] = [] }
            let known = s.departments.keys.sorted().joined(separator: ", ")
            return FormSpec(title: L("Forward \(doc.number ?? id)", "转办 · \(doc.number ?? id)"), draft: Draft(), fields: [
                .list(L("Departments", "承办部门"), \.departments, hint: Localized(verbatim: known)),
            ], build: { d, _, ctx in .document(.forward(documentID: id, departments: d.departments, by: ctx.actor, at: ctx.now)) }).erased()

        case .docHandled:
            guard let id = subject, let doc = s.documents[id] else { return nil }
            struct Draft { var department = "", note: String? }
            let open = doc.departments.filter { $0.doneAt == nil }.map(\.to)
            return FormSpec(title: L("Handled · \(doc.number ?? id)", "办结 · \(doc.number ?? id)"), draft: Draft(), fields: [
                .pick(L("Department", "部门"), \.department, from: open.map { Choice($0) }, initial: open.first ?? ""),
                .text(L("Note", "办理情况"), \.note),
            ], build: { d, _, ctx in .document(.handled(documentID: id, department: d.department, note: d.note, by: ctx.actor, at: ctx.now)) }).erased()

        case .docDistribute:
            guard let id = subject, let doc = s.documents[id] else { return nil }
            struct Draft { var recipients: [String] = [] }
            return FormSpec(title: L("Distribute \(doc.number ?? id)", "分发 · \(doc.number ?? id)"), draft: Draft(), fields: [
                .list(L("Recipients", "接收方"), \.recipients, hint: L("departments, logins or organisations, comma-separated", "部门、登录名或单位，以逗号分隔")),
            ], build: { d, _, ctx in .document(.distribute(documentID: id, recipients: d.recipients, by: ctx.actor, at: ctx.now)) }).erased()

        case .docAck:
            guard let id = subject, let doc = s.documents[id] else { return nil }
            struct Draft { var recipient = "" }
            let open = doc.recipients.filter { $0.doneAt == nil }.map(\.to)
            return FormSpec(title: L("Acknowledged · \(doc.number ?? id)", "签收 · \(doc.number ?? id)"), draft: Draft(), fields: [
                .pick(L("Recipient", "接收方"), \.recipient, from: open.map { Choice($0) }, initial: open.first ?? ""),
            ], build: { d, _, ctx in .document(.acknowledge(documentID: id, recipient: d.recipient, by: ctx.actor, at: ctx.now)) }).erased()

        case .returnStock, .writeOff:
            guard let sku = subject, let item = s.items[sku] else { return nil }
            struct Draft { var quantity = 0, other = "" }
            let isReturn = self == .returnStock
            return FormSpec(title: isReturn ? L("Return · \(item.name)", "退库 · \(item.name)") : L("Write off · \(item.name)", "报损 · \(item.name)"),
                            draft: Draft(), fields: [
                .count(L("Quantity (\(item.unit))", "数量（\(item.unit)）"), \.quantity, min: 1),
                isReturn ? .pick(L("Department", "部门"), \.other, from: pick.departments, allowsOther: true) : .text(L("Reason", "原因"), \.other),
            ], build: { d, s, ctx in
                isReturn ? s.stockReturn(sku: sku, quantity: d.quantity, department: d.other, ctx)
                         : s.writeOff(sku: sku, quantity: d.quantity, reason: d.other, ctx)
            }).erased()

        case .staffJoin:
            struct Draft { var person = "", department = "", start: Date? }
            return FormSpec(title: L("New joiner", "新入职"), draft: Draft(), fields: [
                .pick(L("Person", "人员"), \.person, from: pick.people, allowsOther: true),
                .pick(L("Department", "部门"), \.department, from: pick.departments, allowsOther: true),
                .day(L("Start date", "入职日期"), \.start, required: true),
            ], build: { d, s, ctx in s.staffJoin(person: d.person, department: d.department, start: d.start ?? ctx.now, ctx) }).erased()

        case .staffLeave:
            struct Draft { var person = "", lastDay: Date? }
            return FormSpec(title: L("Leaver", "离职"), draft: Draft(), fields: [
                .pick(L("Person", "人员"), \.person, from: pick.people, allowsOther: true),
                .day(L("Last day", "最后工作日"), \.lastDay, required: true),
            ], build: { d, s, ctx in s.staffLeave(person: d.person, department: nil, lastDay: d.lastDay ?? ctx.now, ctx) }).erased()

        case .staffIssue, .staffRecover, .staffWriteOff:
            guard let id = subject, let c = s.staff[id] else { return nil }
            let open = c.openItems.map { Choice($0.id, "\($0.id) \($0.name)\($0.asset.map { " \($0)" } ?? "")") }
            let who = s.displayName(c.person)
            switch self {
            case .staffIssue:
                struct Draft { var item = "", asset: String?, note: String? }
                return FormSpec(title: L("Issue · \(who)", "发放 · \(who)"), draft: Draft(), fields: [
                    .pick(L("Item", "项目"), \.item, from: open, initial: open.first?.label ?? ""),
                    .text(L("Asset tag", "资产标签"), \.asset, hint: L("equipment only (frontdesk asset list)", "仅设备需要（frontdesk asset list）")),
                    .text(L("Note", "备注"), \.note, hint: L("badge number, desk, account name", "工牌号、工位、账号")),
                ], build: { d, s, ctx in try s.staffIssue(checklist: id, item: d.item, asset: d.asset, location: nil, note: d.note, ctx) }).erased()
            case .staffRecover:
                struct Draft { var item = "", location: String?, note: String? }
                return FormSpec(title: L("Recover · \(who)", "收回 · \(who)"), draft: Draft(), fields: [
                    .pick(L("Item", "项目"), \.item, from: open, initial: open.first?.label ?? ""),
                    .text(L("Store location", "入库地点"), \.location, hint: L("where the asset is kept now (default: where it was)", "资产现存放处（默认原处）")),
                    .text(L("Note", "备注"), \.note),
                ], build: { d, s, ctx in try s.staffRecover(checklist: id, item: d.item, location: d.location, note: d.note, ctx) }).erased()
            default:
                struct Draft { var item = "", reason = "" }
                return FormSpec(title: L("Write off · \(who)", "核销 · \(who)"), draft: Draft(), fields: [
                    .pick(L("Item", "项目"), \.item, from: open, initial: open.first?.label ?? ""),
                    .text(L("Reason", "原因"), \.reason),
                ], build: { d, s, ctx in try s.staffWriteOff(checklist: id, item: d.item, reason: d.reason, approvers: [], ctx) }).erased()
            }
        }
    }
}

/// The known values pickers offer, read from the office's state.
struct Pickers {
    var s: OfficeState
    var strings: Strings

    /// Staff by name, stored as their login.
    var people: [Choice] {
        s.people.values.sorted { ($0.name, $0.login) < ($1.name, $1.login) }.map { Choice($0.login, "\($0.name) (\($0.login))") }
    }

    /// How a login shows in the people picker.
    func person(_ login: String) -> String { s.people[login].map { "\($0.name) (\($0.login))" } ?? login }

    /// Rooms by name, stored as their id.
    var rooms: [Choice] { s.rooms.values.sorted { $0.name < $1.name }.map { Choice($0.id, $0.name) } }

    var departments: [Choice] { s.departments.keys.sorted().map { Choice($0) } }

    /// Badges on the desk, in pool order.
    var freeBadges: [Choice] {
        s.badges.values.filter { $0.state == .available }.map(\.id).sorted { ($0.count, $0) < ($1.count, $1) }.map { Choice($0) }
    }

    var yesNo: [Choice] { [Choice("yes", strings[L("yes", "是")]), Choice("no", strings[L("no", "否")])] }
}

/// The check-in fields a test or a caller finds by label.
enum CheckInFields {
    /// Short enough for the form's label column (26 columns); the hint under it says the whole question.
    static let confirmNewIdentity = L("New number is right?", "新证件号无误？")
    static let confirmNewIdentityHint = L("it differs from the registered one and is right", "证件号与登记的不同，且核实无误")
}

/// The new-visitor fields a returning visitor's last visit fills in (found by label, not place).
enum NewVisitorFields {
    static let name = L("Name", "姓名")
    static let company = L("Company", "单位")
    static let host = L("Host", "接待人")
}
