import Foundation
import FrontDeskKit

/// A step that needs no typing: it is committed at once (and refused with the store's reason).
public enum RowStep: Equatable, Sendable {
    case meeting(String, MeetingStatus)
    case confirmVisitor(String)
    case visitorArrived(String)
    case returnBadges(String)
    case cancelVisitor(String)
    case visitorNoShow(String)
    case undoCheckIn(String)

    func change(_ s: OfficeState, _ ctx: RuleContext) -> Change {
        switch self {
        case .meeting(let id, let st): .setMeetingStatus(meetingID: id, status: st, at: ctx.now)
        case .confirmVisitor(let id): .confirmVisitor(visitorID: id, at: ctx.now)
        case .visitorArrived(let id): .visitorArrived(visitorID: id, at: ctx.now)
        case .returnBadges(let id): .returnBadges(visitorID: id, badges: s.visitors[id]?.badgesOut ?? [], at: ctx.now)
        case .cancelVisitor(let id): .cancelVisitor(visitorID: id, at: ctx.now)
        case .visitorNoShow(let id): .visitorNoShow(visitorID: id, at: ctx.now)
        case .undoCheckIn(let id): .undoCheckIn(visitorID: id, at: ctx.now)
        }
    }
}

/// One entry of the actions menu: a letter, what it does, and whether it opens a form.
public struct RowAction: Equatable, Sendable {
    public enum Kind: Equatable, Sendable { case step(RowStep), form(FormKind) }
    public var key: Character
    public var label: String
    public var kind: Kind
}

/// Every step of the seed's processes that applies to the selected row now, so the whole cycle
/// can be run from the dashboard. Steps a rule would refuse are still offered when the refusal
/// explains something useful (the store has the last word).
public enum RowActions {
    public static func menu(_ pane: PaneID, id: String, model: DashboardModel) -> [RowAction] {
        let s = model.state
        var out: [RowAction] = []
        func step(_ k: Character, _ label: String, _ st: RowStep) { out.append(RowAction(key: k, label: label, kind: .step(st))) }
        func form(_ k: Character, _ label: String, _ f: FormKind) { out.append(RowAction(key: k, label: label, kind: .form(f))) }
        switch pane {
        case .meetings:
            guard let m = s.meetings[id] else { return [] }
            let st = m.status
            if st == .requested { step("c", "Confirm 确认", .meeting(id, .confirmed)) }
            if st.rawOrder < MeetingStatus.prepared.rawOrder && !st.isFinal { step("p", "Prepared: attendees notified 已通知", .meeting(id, .prepared)) }
            if st.rawOrder < MeetingStatus.roomChecked.rawOrder && !st.isFinal { step("k", "Room checked 已检查会议室", .meeting(id, .roomChecked)) }
            if st.rawOrder < MeetingStatus.held.rawOrder && !st.isFinal { step("h", "Held 已召开", .meeting(id, .held)) }
            if !st.isFinal && st != .cancelled { form("m", "Minutes 会议纪要", .minutes) }
            if st == .minutesDrafted { step("s", "Minutes approved and sent 纪要已发送", .meeting(id, .minutesSent)) }
            if st != .cancelled && st != .noShow { form("a", "Action item 新增待办", .actionItem) }
            if m.actionItems.contains(where: { $0.doneAt == nil }) { form("d", "Action item done 待办完成", .actionDone) }
            if st == .minutesSent { step("l", "Close 结束", .meeting(id, .closed)) }
            if st.rawOrder < MeetingStatus.held.rawOrder && !st.isFinal {
                form("v", "Move to another time or room 改期", .moveMeeting)
                form("g", "Invite an external guest 邀请嘉宾", .inviteGuest)
            }
            if m.guests?.contains(where: { $0.reply == .pending }) == true { form("r", "Guest replied 嘉宾回复", .guestReply) }
            form("o", "Room out of service 会议室停用", .roomOutOfService)
            form("R", "New room 新增会议室", .addRoom)
            if st.rawOrder < MeetingStatus.held.rawOrder && !st.isFinal {
                step("x", "Cancel 取消", .meeting(id, .cancelled))
                step("n", "No-show 未到场", .meeting(id, .noShow))
            }
        case .visitors:
            guard let v = s.visitors[id] else { return [] }
            if v.status == .expected { step("f", "Confirm 确认预约", .confirmVisitor(id)) }
            if v.status == .expected || v.status == .confirmed { step("w", "Arrived, waiting 已到达", .visitorArrived(id)) }
            if [.expected, .confirmed, .arrived].contains(v.status) { form("c", "Check in with badge 登记发访客证", .checkIn) }
            if s.watchMatch(v, idNumber: nil) != nil && v.watchDecision == nil { form("y", "Watch list decision 名单审核", .watchDecision) }
            if v.status == .onSite || v.status == .arrived { form("o", "Check out 离开", .checkOut) }
            if v.status == .onSite { step("u", "Undo check-in 撤销登记", .undoCheckIn(id)) }
            if !v.badgesOut.isEmpty && v.status == .left { step("r", "Badge returned 访客证已归还", .returnBadges(id)) }
            if v.status == .left || v.status == .closed { form("t", "Outcome 来访结果", .outcome) }
            if v.status == .expected || v.status == .confirmed {
                step("x", "Cancel 取消", .cancelVisitor(id))
                if model.now >= v.expectedAt { step("s", "No-show 未到访", .visitorNoShow(id)) }
            }
            form("n", "New visitor 新访客", .newVisitor)
        case .stock:
            guard s.items[id] != nil else { return [] }
            form("i", "Issue 领用", .issueStock)
            form("r", "Receive 入库验收", .receiveStock)
            form("k", "Stocktake count 盘点", .countStock)
            form("d", "Demand for next month 下月需求", .demand)
            form("p", "Purchase request 采购申请", .purchase)
            form("b", "Returned to stock 退库", .returnStock)
            form("w", "Write off 报损", .writeOff)
        case .approvals:
            if let a = s.approvals[id], a.status == .pending {
                form("a", "Approve 批准", .approve)
                form("x", "Reject 驳回", .reject)
            }
            form("n", "New request (leave, overtime, document, scrap) 新申请", .newApproval)
        }
        return out
    }
}
