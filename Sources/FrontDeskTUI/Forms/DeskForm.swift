import Foundation
import FrontDeskKit

/// The desk actions that open a form.
public enum FormKind: String, Sendable, CaseIterable {
    case newVisitor, checkIn, checkOut, bookRoom, issueStock, receiveStock, approve, reject
    case minutes, actionItem, actionDone, outcome, watchDecision, countStock, demand, purchase
    case moveMeeting, inviteGuest, guestReply, roomOutOfService, addRoom, newApproval, returnStock, writeOff
}

/// A field-level problem found before the store is asked.
struct FieldError: Error {
    var field: Int
    var message: String
}

/// A modal form: fields, the focused one, and the last refusal (the store's reason, shown in place;
/// what was typed is kept).
public struct DeskForm: Equatable, Sendable {
    public var kind: FormKind
    public var title: String
    public var fields: [TextField]
    public var focus = 0
    /// The store's refusal of the last submit, shown at the bottom of the form.
    public var refusal: String?
    /// The record the form acts on (visitor, item, request), if any.
    public var subjectID: String?

    public var isHalfFilled: Bool { fields.contains { $0.isEdited } }

    public enum Event: Equatable { case none, edited, submit, cancel }

    /// Tab/Shift-Tab/↑/↓ move between fields, Enter submits (from the last field) or moves on,
    /// Esc cancels; everything else edits the focused field.
    public mutating func handle(_ key: Key) -> Event {
        switch key {
        case .escape: return .cancel
        case .tab, .down: focus = (focus + 1) % fields.count; return .edited
        case .backTab, .up: focus = (focus + fields.count - 1) % fields.count; return .edited
        case .enter:
            if focus == fields.count - 1 || fields.count == 1 { return .submit }
            focus += 1
            return .edited
        case .ctrl("s"): return .submit
        default:
            return fields[focus].edit(key) ? .edited : .none
        }
    }

    func value(_ i: Int) -> String { fields[i].trimmed }

    mutating func markError(_ e: FieldError) {
        fields[e.field].error = e.message
        focus = e.field
    }
}

extension DeskForm {
    /// Opens the form for `kind`, pre-filled from the selected record where that helps.
    public static func make(_ kind: FormKind, subject: String?, model: DashboardModel) -> DeskForm? {
        let s = model.state
        let tz = model.timeZone
        func f(_ t: String, _ fields: [TextField]) -> DeskForm { DeskForm(kind: kind, title: t, fields: fields, subjectID: subject) }
        switch kind {
        case .newVisitor:
            return f("New visitor 新访客", [
                TextField("Name 姓名", required: true), TextField("Company 单位"), TextField("Host 接待人", hint: "login or name", required: true),
                TextField("Expected 时间", value: Clock.hm(model.now.addingTimeInterval(1800), tz), hint: "HH:MM today, or YYYY-MM-DD HH:MM", required: true),
                TextField("Purpose 事由"), TextField("Head count 人数", value: "1", required: true), TextField("ID number 证件号"),
            ])
        case .checkIn:
            guard let id = subject, let v = s.visitors[id] else { return nil }
            let free = s.freeBadges(v.headCount)?.joined(separator: " ") ?? ""
            return f("Check in \(v.name) 登记入场", [
                TextField("Badge(s) 访客证", value: free, hint: "space-separated, one per head", required: true),
                TextField("ID number 证件号", hint: v.maskedIDNumber ?? "checked at the desk"),
            ])
        case .checkOut:
            guard let id = subject, let v = s.visitors[id] else { return nil }
            return f("Check out \(v.name) 离开", [
                TextField("Badge back? 证件已归还", value: "y", hint: "y = returned, n = not yet, lost = lost", required: true),
            ])
        case .bookRoom:
            let start = model.now.addingTimeInterval(3600)
            return f("Book a room 预订会议室", [
                TextField("Title 主题", required: true), TextField("Room 会议室", hint: "name or id", required: true),
                TextField("Start 开始", value: Clock.hm(start, tz), hint: "HH:MM today, or YYYY-MM-DD HH:MM", required: true),
                TextField("End 结束", value: Clock.hm(start.addingTimeInterval(3600), tz), required: true),
                TextField("Organizer 组织者", value: model.user, required: true),
                TextField("Attendees 参会人", hint: "comma-separated"),
                TextField("Goal 目标", hint: "what the meeting should decide"),
                TextField("Confirmed? 已确认 (y/n)", value: "y", hint: "n: record the request, confirm within 24 h"),
            ])
        case .issueStock:
            guard let sku = subject, let item = s.items[sku] else { return nil }
            return f("Issue \(item.name) 领用", [
                TextField("Quantity 数量 (\(item.unit))", required: true), TextField("Department 部门", required: true),
                TextField("Recipient 领用人", hint: "who signs", required: true),
            ])
        case .receiveStock:
            guard let sku = subject, let item = s.items[sku] else { return nil }
            return f("Receive \(item.name) 入库验收", [
                TextField("Counted 到货数量 (\(item.unit))", required: true),
                TextField("Rejected 拒收数量", value: "0", required: true), TextField("Reason 拒收原因"),
                TextField("Supplier 供应商", value: item.suppliers.first?.supplier ?? "", required: true),
                TextField("Unit price 单价", value: item.unitPrice.map { String(format: "%.2f", $0) } ?? "", required: true),
            ])
        case .approve, .reject:
            guard let id = subject, let a = s.approvals[id] else { return nil }
            return f((kind == .approve ? "Approve 批准 " : "Reject 驳回 ") + a.title, [
                TextField("Comment 意见", hint: kind == .reject ? "the reason (required)" : "optional", required: kind == .reject),
            ])
        case .minutes:
            guard let id = subject, let m = s.meetings[id] else { return nil }
            return f("Minutes 会议纪要 · \(m.title)", [
                TextField("Key points 要点", value: m.minutes ?? "", hint: "decisions and who does what; the chair approves", required: true),
            ])
        case .actionItem:
            guard let id = subject, let m = s.meetings[id] else { return nil }
            let due = model.now.addingTimeInterval(7 * 86_400)
            return f("Action item 待办 · \(m.title)", [
                TextField("Task 事项", required: true), TextField("Owner 负责人", hint: "login or name", required: true),
                TextField("Due 截止", value: Clock.day(due, tz), hint: "YYYY-MM-DD", required: true),
            ])
        case .actionDone:
            guard let id = subject, let m = s.meetings[id] else { return nil }
            let open = m.actionItems.filter { $0.doneAt == nil }
            return f("Action item done 待办完成", [
                TextField("Item 编号", value: open.first?.id ?? "", hint: open.map { "\($0.id) \($0.text)" }.joined(separator: " · "), required: true),
            ])
        case .outcome:
            guard let id = subject, let v = s.visitors[id] else { return nil }
            return f("Outcome 来访结果 · \(v.name)", [
                TextField("Feedback / outcome 反馈", value: v.outcome ?? "", hint: "for the host department; any business lead", required: true),
            ])
        case .watchDecision:
            guard let id = subject, let v = s.visitors[id] else { return nil }
            let reason = s.watchMatch(v, idNumber: nil)?.reason ?? ""
            return f("Watch list 名单审核 · \(v.name)", [
                TextField("Allow in? 准许 (y/n)", hint: reason, required: true), TextField("Comment 意见"),
            ])
        case .countStock:
            guard let sku = subject, let item = s.items[sku] else { return nil }
            return f("Stocktake 盘点 · \(item.name)", [
                TextField("Counted 实盘数量 (\(item.unit))", hint: "booked: \(s.onHand[sku, default: 0])", required: true),
                TextField("Reason 差异原因", required: true),
            ])
        case .demand:
            guard let sku = subject, let item = s.items[sku] else { return nil }
            let next = model.state.people[model.user]?.department ?? ""
            var cal = Calendar(identifier: .gregorian); cal.timeZone = tz
            let month = cal.date(byAdding: .month, value: 1, to: model.now).map { String(Clock.day($0, tz).prefix(7)) } ?? ""
            return f("Demand 下月需求 · \(item.name)", [
                TextField("Department 部门", value: next, required: true), TextField("Quantity 数量 (\(item.unit))", required: true),
                TextField("Month 月份", value: month, hint: "YYYY-MM", required: true),
                TextField("Justification 理由", hint: item.special ? "required for special items" : "optional", required: item.special),
                TextField("Budget 预算", hint: item.special ? "required for special items" : "optional", required: item.special),
            ])
        case .purchase:
            guard let sku = subject, let item = s.items[sku] else { return nil }
            let offers = item.suppliers.prefix(3).map { "\($0.supplier):\(String(format: "%.2f", $0.unitPrice)):\($0.leadDays)" }
            return f("Purchase request 采购申请 · \(item.name)", [
                TextField("Quantity 数量 (\(item.unit))", value: "\(max(0, item.target - s.onHand[sku, default: 0]))", required: true),
                TextField("Quote 1 报价", value: offers.count > 0 ? offers[0] : "", hint: "supplier:price:days", required: true),
                TextField("Quote 2 报价", value: offers.count > 1 ? offers[1] : "", hint: "supplier:price:days"),
                TextField("Quote 3 报价", value: offers.count > 2 ? offers[2] : "", hint: "supplier:price:days"),
                TextField("Choose 选用", hint: "supplier (default: the cheapest)"),
                TextField("Justification 理由", hint: "required if not the cheapest"),
                TextField("Urgent 紧急 (y/n)", value: "n"),
            ])
        case .moveMeeting:
            guard let id = subject, let m = s.meetings[id] else { return nil }
            return f("Move 改期 · \(m.title)", [
                TextField("Start 开始", value: Clock.dayHM(m.start, tz), required: true),
                TextField("End 结束", value: Clock.dayHM(m.end, tz), required: true),
                TextField("Room 会议室", value: s.rooms[m.roomID]?.name ?? m.roomID, required: true),
            ])
        case .inviteGuest:
            guard let id = subject, let m = s.meetings[id] else { return nil }
            return f("Invite guest 邀请外部嘉宾 · \(m.title)", [
                TextField("Name 姓名", required: true), TextField("Contact 联系方式", hint: "e-mail or phone"),
            ])
        case .guestReply:
            guard let id = subject, let m = s.meetings[id] else { return nil }
            let pending = (m.guests ?? []).filter { $0.reply == .pending }
            return f("Guest reply 嘉宾回复 · \(m.title)", [
                TextField("Guest 嘉宾", value: pending.first?.name ?? "", hint: pending.map(\.name).joined(separator: " · "), required: true),
                TextField("Coming? 出席 (y/n)", required: true),
            ])
        case .roomOutOfService:
            let room = subject.flatMap { s.meetings[$0] }.flatMap { s.rooms[$0.roomID]?.name } ?? ""
            return f("Room out of service 会议室停用", [
                TextField("Room 会议室", value: room, required: true),
                TextField("From 从", value: Clock.dayHM(model.now, tz), required: true),
                TextField("To 到", value: Clock.day(model.now, tz) + " 23:59", required: true),
                TextField("Reason 原因", required: true),
            ])
        case .addRoom:
            return f("New room 新增会议室", [
                TextField("Name 名称", required: true), TextField("Capacity 容纳人数", required: true),
                TextField("Equipment 设备", hint: "projector, video, whiteboard"),
            ])
        case .newApproval:
            return f("New request 新申请", [
                TextField("Type 类型", hint: "leave, overtime, document, scrap, purchase", required: true),
                TextField("Title 标题", required: true), TextField("Amount 金额", hint: "purchase and scrap"),
                TextField("From 开始", hint: "YYYY-MM-DD (leave, overtime)"), TextField("To 结束", hint: "YYYY-MM-DD"),
                TextField("Reference 文号/资产", hint: "document number, or the asset to scrap"),
            ])
        case .returnStock, .writeOff:
            guard let sku = subject, let item = s.items[sku] else { return nil }
            return f((kind == .returnStock ? "Return 退库 · " : "Write off 报损 · ") + item.name, [
                TextField("Quantity 数量 (\(item.unit))", required: true),
                TextField(kind == .returnStock ? "Department 部门" : "Reason 原因", required: true),
            ])
        }
    }

    /// Builds the change this form asks for, against the latest state. Field problems throw
    /// `FieldError`; the store's own rules are checked when it is committed.
    func change(_ s: OfficeState, _ ctx: RuleContext) throws -> Change {
        for (i, field) in fields.enumerated() where field.required && field.trimmed.isEmpty {
            throw FieldError(field: i, message: "required")
        }
        let tz = ctx.env.timeZone
        func when(_ i: Int) throws -> Date {
            let text = value(i)
            if let d = DateInput.parseDateTime(text, tz) { return d }
            let hm = text.split(separator: ":")
            if hm.count == 2, let h = Int(hm[0]), let m = Int(hm[1]), (0...23).contains(h), (0...59).contains(m),
               let d = ctx.env.calendar.date(bySettingHour: h, minute: m, second: 0, of: ctx.now) {
                return d
            }
            throw FieldError(field: i, message: "use HH:MM or YYYY-MM-DD HH:MM")
        }
        func int(_ i: Int, min lo: Int) throws -> Int {
            guard let n = Int(value(i)), n >= lo else { throw FieldError(field: i, message: "a whole number ≥ \(lo)") }
            return n
        }
        switch kind {
        case .newVisitor:
            let count = try int(5, min: 1)
            return .addVisitor(Visitor(id: ctx.env.ids.next(.visitor, in: s), name: value(0), company: value(1).nilIfEmpty,
                                       purpose: value(4).nilIfEmpty, host: value(2), expectedAt: try when(3), headCount: count,
                                       receivedAt: ctx.now, idNumber: value(6).nilIfEmpty))
        case .checkIn:
            let codes = value(0).split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
            return .checkInVisitor(visitorID: subjectID ?? "", badges: codes, idNumber: value(1).nilIfEmpty, at: ctx.now)
        case .checkOut:
            let answer = value(0).lowercased()
            guard ["y", "n", "lost", "yes", "no"].contains(answer) else { throw FieldError(field: 0, message: "y, n or lost") }
            let out = s.visitors[subjectID ?? ""]?.badgesOut ?? []
            return .checkOutVisitor(visitorID: subjectID ?? "", at: ctx.now, lostBadges: answer == "lost" ? out : [])
        case .bookRoom:
            guard let room = s.room(named: value(1)) else { throw FieldError(field: 1, message: "no such room") }
            let start = try when(2), end = try when(3)
            if end <= start { throw FieldError(field: 3, message: "ends before it starts") }
            let attendees = value(5).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            var m = Meeting(id: ctx.env.ids.next(.meeting, in: s), title: value(0), roomID: room.id, organizer: value(4),
                            attendees: attendees, start: start, end: end, status: .confirmed, requestedAt: ctx.now)
            let confirmed = !value(7).lowercased().hasPrefix("n")
            m.confirmedAt = confirmed ? ctx.now : nil
            m.status = confirmed ? .confirmed : .requested
            m.goal = value(6).nilIfEmpty
            return .bookMeetings([m])
        case .issueStock:
            let q = try int(0, min: 1)
            return s.issue(sku: subjectID ?? "", quantity: q, department: value(1), recipient: value(2), ctx)
        case .receiveStock:
            let counted = try int(0, min: 0), rejected = try int(1, min: 0)
            if rejected > counted { throw FieldError(field: 1, message: "more than counted") }
            if rejected > 0 && value(2).isEmpty { throw FieldError(field: 2, message: "say why units were rejected") }
            guard let price = Double(value(4)), price >= 0 else { throw FieldError(field: 4, message: "a price like 24.50") }
            return s.receipt(sku: subjectID ?? "", counted: counted, rejected: rejected, reason: value(2).nilIfEmpty, unitPrice: price,
                             supplier: value(3), ctx)
        case .approve, .reject:
            return .decideApproval(requestID: subjectID ?? "", decision: Decision(by: ctx.actor, verdict: kind == .approve ? .approve : .reject,
                                                                                 comment: value(0).nilIfEmpty, at: ctx.now))
        case .minutes:
            return .recordMinutes(meetingID: subjectID ?? "", text: value(0), at: ctx.now)
        case .actionItem:
            guard let due = DateInput.parseDay(value(2), tz) else { throw FieldError(field: 2, message: "a day like 2026-12-07") }
            return .addActionItem(meetingID: subjectID ?? "", item: ActionItem(id: ctx.env.ids.next(.action, in: s), text: value(0), owner: value(1),
                                                                                due: Clock.endOfDay(due, ctx.env.calendar)))
        case .actionDone:
            return .completeActionItem(meetingID: subjectID ?? "", itemID: value(0), at: ctx.now)
        case .outcome:
            return .recordOutcome(visitorID: subjectID ?? "", text: value(0), at: ctx.now)
        case .watchDecision:
            let a = value(0).lowercased()
            guard ["y", "n", "yes", "no"].contains(a) else { throw FieldError(field: 0, message: "y or n") }
            return .decideWatch(visitorID: subjectID ?? "", decision: WatchDecision(allowed: a.hasPrefix("y"), by: ctx.actor, at: ctx.now, comment: value(1).nilIfEmpty))
        case .countStock:
            let counted = try int(0, min: 0)
            return s.stocktake(sku: subjectID ?? "", counted: counted, reason: value(1), ctx)
        case .demand:
            let q = try int(1, min: 1)
            guard DateInput.parseMonth(value(2), tz) != nil else { throw FieldError(field: 2, message: "YYYY-MM") }
            var budget: Double?
            if !value(4).isEmpty {
                guard let b = Double(value(4)), b >= 0 else { throw FieldError(field: 4, message: "an amount like 2000") }
                budget = b
            }
            return .addDemand(DemandEntry(id: ctx.env.ids.next(.demand, in: s), department: value(0), sku: subjectID ?? "", quantity: q,
                                          month: value(2), justification: value(3).nilIfEmpty, budget: budget, by: ctx.actor, at: ctx.now))
        case .moveMeeting:
            guard let room = s.room(named: value(2)) else { throw FieldError(field: 2, message: "no such room") }
            let start = try when(0), end = try when(1)
            if end <= start { throw FieldError(field: 1, message: "ends before it starts") }
            return .moveMeeting(meetingID: subjectID ?? "", start: start, end: end, roomID: room.id)
        case .inviteGuest:
            return .inviteGuest(meetingID: subjectID ?? "", guest: GuestInvite(name: value(0), contact: value(1).nilIfEmpty, invitedAt: ctx.now))
        case .guestReply:
            let a = value(1).lowercased()
            guard ["y", "n", "yes", "no"].contains(a) else { throw FieldError(field: 1, message: "y or n") }
            return .recordGuestReply(meetingID: subjectID ?? "", name: value(0), reply: a.hasPrefix("y") ? .accepted : .declined, at: ctx.now)
        case .roomOutOfService:
            guard let room = s.room(named: value(0)) else { throw FieldError(field: 0, message: "no such room") }
            let from = try when(1), to = try when(2)
            return .setRoomOutOfService(roomID: room.id, period: ClosedPeriod(start: from, end: to, reason: value(3)))
        case .addRoom:
            let capacity = try int(1, min: 1)
            let eq = value(2).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            return .addRoom(Room(id: ctx.env.ids.next(.room, in: s), name: value(0), capacity: capacity, equipment: eq))
        case .newApproval:
            guard let type = ApprovalType(rawValue: value(0).lowercased()) else {
                throw FieldError(field: 0, message: ApprovalType.allCases.map(\.rawValue).joined(separator: ", "))
            }
            var amount: Double?
            if !value(2).isEmpty {
                guard let a = Double(value(2)), a >= 0 else { throw FieldError(field: 2, message: "an amount like 1200") }
                amount = a
            }
            func day(_ i: Int) throws -> Date? {
                if value(i).isEmpty { return nil }
                guard let d = DateInput.parseDay(value(i), tz) else { throw FieldError(field: i, message: "YYYY-MM-DD") }
                return d
            }
            let chain = type == .purchase ? s.purchaseChain(requester: ctx.actor, amount: amount ?? 0, ctx.settings) : []
            var a = ApprovalRequest(id: ctx.env.ids.next(.approval, in: s), type: type, title: value(1), requester: ctx.actor,
                                    createdAt: ctx.now, amount: amount, approvers: chain,
                                    requiredApprovals: OfficeState.approvalsNeeded(type, chain: chain, ctx.settings))
            a.from = try day(3); a.to = try day(4)
            if type == .document { a.documentRef = value(5).nilIfEmpty }
            if type == .scrap { a.asset = value(5).nilIfEmpty }
            return .requestApproval(a)
        case .returnStock, .writeOff:
            let q = try int(0, min: 1)
            return kind == .returnStock ? s.stockReturn(sku: subjectID ?? "", quantity: q, department: value(1), ctx)
                                        : s.writeOff(sku: subjectID ?? "", quantity: q, reason: value(1), ctx)
        case .purchase:
            let q = try int(0, min: 1)
            var quotes: [Quote] = []
            for i in 1...3 where !value(i).isEmpty {
                guard let quote = Quote.parse(value(i)) else { throw FieldError(field: i, message: "supplier:price:days") }
                quotes.append(quote)
            }
            var chosen: Int?
            if !value(4).isEmpty {
                guard let i = quotes.firstIndex(where: { $0.supplier.lowercased() == value(4).lowercased() }) else {
                    throw FieldError(field: 4, message: "not one of the quoted suppliers")
                }
                chosen = i
            }
            return s.purchaseRequest(sku: subjectID ?? "", quantity: q, quotes: quotes, chosen: chosen, justification: value(5).nilIfEmpty,
                                     urgent: value(6).lowercased().hasPrefix("y"), ctx)
        }
    }

    /// A checked-out visitor whose badge came back gets the return recorded in the same write.
    func followUps(after change: Change, _ s: OfficeState, _ ctx: RuleContext) -> [Change] {
        if kind == .checkOut, ["y", "yes"].contains(value(0).lowercased()), let id = subjectID,
           let out = s.visitors[id]?.badgesOut, !out.isEmpty {
            return [.returnBadges(visitorID: id, badges: out, at: ctx.now)]
        }
        return []
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
