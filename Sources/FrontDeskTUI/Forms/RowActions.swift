import Foundation
import FrontDeskKit

/// A step that needs no typing, on one record: committed at once (and refused with the store's reason).
public struct RowStep: Equatable, Sendable {
    public var step: StepID
    public var record: RecordRef
    public init(_ step: StepID, on record: RecordRef) { self.step = step; self.record = record }

    /// The change the step makes against the latest state (asked again under the store's lock).
    func change(_ s: OfficeState, _ ctx: RuleContext) throws -> Change {
        guard let c = s.immediateChange(step, on: record, ctx) else {
            throw Refusal.invalid("\(record.id) no longer allows \(step.rawValue).")
        }
        return c
    }
}

/// One entry of the actions menu: a letter, what it does, and whether it opens a form.
public struct RowAction: Equatable, Sendable {
    public enum Kind: Equatable, Sendable { case step(RowStep), form(FormKind) }
    public var key: Character
    public var label: String
    public var kind: Kind
}

/// The actions menu of the selected row: the process's `nextSteps` for that record and user, each
/// with its letter and label. The processes decide what is allowed; this file only names the keys.
public enum RowActions {
    public static func menu(_ pane: PaneID, id: String, model: DashboardModel) -> [RowAction] {
        let record: RecordRef
        switch pane {
        case .meetings: record = .meeting(id)
        case .visitors: record = .visitor(id)
        case .stock: record = .supplyItem(id)
        case .approvals: record = .approval(id)
        }
        return model.state.nextSteps(for: record, model.context).compactMap { step in
            guard let entry = entries[step.id] else { return nil }
            let kind: RowAction.Kind = entry.form.map { .form($0) } ?? .step(RowStep(step.id, on: record))
            return RowAction(key: entry.key, label: entry.label, kind: kind)
        }
    }

    /// Letter, label and form of every step reachable from a row.
    static let entries: [StepID: (key: Character, label: String, form: FormKind?)] = [
        .meetingConfirm: ("c", "Confirm 确认", nil),
        .meetingMaterials: ("t", "Materials and agenda ready 材料已备齐", nil),
        .meetingPrepared: ("p", "Prepared: attendees notified 已通知", nil),
        .meetingRoomChecked: ("k", "Room checked 已检查会议室", nil),
        .meetingHeld: ("h", "Held 已召开", nil),
        .meetingMinutes: ("m", "Minutes 会议纪要", .minutes),
        .meetingReviewMinutes: ("w", "Chair reviewed the minutes 主持人已审阅纪要", nil),
        .meetingSendMinutes: ("s", "Minutes sent 纪要已发送", nil),
        .meetingActionAdd: ("a", "Action item 新增待办", .actionItem),
        .meetingActionDone: ("d", "Action item done 待办完成", .actionDone),
        .meetingClose: ("l", "Close 结束", nil),
        .meetingMove: ("v", "Move to another time or room 改期", .moveMeeting),
        .meetingInvite: ("g", "Invite an external guest 邀请嘉宾", .inviteGuest),
        .meetingGuestReply: ("r", "Guest replied 嘉宾回复", .guestReply),
        .roomOutOfService: ("o", "Room out of service 会议室停用", .roomOutOfService),
        .roomAdd: ("R", "New room 新增会议室", .addRoom),
        .meetingCancel: ("x", "Cancel 取消", nil),
        .meetingNoShow: ("n", "No-show 未到场", nil),
        .visitorConfirm: ("f", "Confirm 确认预约", nil),
        .visitorArrived: ("w", "Arrived, waiting 已到达", nil),
        .visitorCheckIn: ("c", "Check in with badge 登记发访客证", .checkIn),
        .visitorWatchDecision: ("y", "Watch list decision 名单审核", .watchDecision),
        .visitorCheckOut: ("o", "Check out 离开", .checkOut),
        .visitorUndoCheckIn: ("u", "Undo check-in 撤销登记", nil),
        .visitorReturnBadges: ("r", "Badge returned 访客证已归还", nil),
        .visitorOutcome: ("t", "Outcome 来访结果", .outcome),
        .visitorCancel: ("x", "Cancel 取消", nil),
        .visitorNoShow: ("s", "No-show 未到访", nil),
        .visitorAdd: ("n", "New visitor 新访客", .newVisitor),
        .stockIssue: ("i", "Issue 领用", .issueStock),
        .stockReceive: ("r", "Receive 入库验收", .receiveStock),
        .stockCount: ("k", "Stocktake count 盘点", .countStock),
        .stockDemand: ("d", "Demand for next month 下月需求", .demand),
        .stockPurchase: ("p", "Purchase request 采购申请", .purchase),
        .stockReturn: ("b", "Returned to stock 退库", .returnStock),
        .stockWriteOff: ("w", "Write off 报损", .writeOff),
        .approvalApprove: ("a", "Approve 批准", .approve),
        .approvalReject: ("x", "Reject 驳回", .reject),
        .approvalRequest: ("n", "New request (leave, overtime, document, scrap) 新申请", .newApproval),
    ]
}
