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
            throw Refusal.invalid("\(record.id) no longer allows this step; the row shows what it allows now.", zh: "\(record.id) 已不能执行此步骤；该行显示的是现在可执行的操作。")
        }
        return c
    }
}

/// One entry of the actions menu: the step, its key and label from the key table, and whether it
/// opens a form.
public struct RowAction: Equatable, Sendable {
    public enum Kind: Equatable, Sendable { case step(RowStep), form(FormKind) }
    public var step: StepID
    /// The first key bound to the step in this pane's menu scope; nil when the user unbound it.
    public var key: Key?
    public var label: Localized
    public var kind: Kind
    /// The record a form opens on when it is not the selected row (the notice on the status bar).
    public var subject: String? = nil
}

/// The actions menu of the selected row: the process's `nextSteps` for that record and user, in
/// the process's order, each with its key and label from the key table (``Action/table``). The
/// processes decide what is allowed; the key table names the keys; this file only joins them.
public enum RowActions {
    public static func menu(_ pane: PaneID, id: String, model: DashboardModel, keymap: Keymap = .defaults) -> [RowAction] {
        let record: RecordRef
        switch pane {
        case .meetings: record = .meeting(id)
        case .visitors: record = .visitor(id)
        case .stock: record = .supplyItem(id)
        case .approvals: record = .approval(id)
        case .documents: record = .document(id)
        case .people: record = .staff(id)
        case .archives: record = .archiveFile(id)
        case .assets: record = .asset(id)
        case .parcels: record = .parcel(id)
        }
        var items = entries(record, model: model, keymap: keymap)
        // Notices have no pane: the one on the status bar's notice line is acted on from the paper trail's menu.
        if pane == .documents {
            let notice = model.state.noticeInView(user: model.user, now: model.context.now)
            items += entries(.notice(notice?.id ?? ""), model: model, keymap: keymap).map { item in
                guard let n = notice, item.step != .noticePost else { return item }
                var named = item
                named.label = Localized(item.label.en + " · " + n.title, item.label.zh + " · " + n.title)
                named.subject = n.id
                return named
            }
        }
        return items
    }

    /// The menu entries of `record`'s next steps, in the process's order.
    static func entries(_ record: RecordRef, model: DashboardModel, keymap: Keymap) -> [RowAction] {
        model.state.nextSteps(for: record, model.context).compactMap { step in
            // A step that needs input the dashboard has no form for yet is left to the CLI.
            if step.id.needsInput && form(for: step.id) == nil { return nil }
            let row = Action.row(.step(step.id))
            let kind: RowAction.Kind = form(for: step.id).map { .form($0) } ?? .step(RowStep(step.id, on: record))
            return RowAction(step: step.id, key: keymap.keys(for: .step(step.id)).first, label: row.label, kind: kind)
        }
    }

    /// The form a step opens; nil for a step taken at once (``StepID/needsInput`` is false).
    public static func form(for step: StepID) -> FormKind? {
        guard step.needsInput else { return nil }
        return forms[step]
    }

    static let forms: [StepID: FormKind] = [
        .meetingMinutes: .minutes, .meetingActionAdd: .actionItem, .meetingActionDone: .actionDone,
        .meetingChecklist: .checkPreparation, .meetingMove: .moveMeeting, .meetingInvite: .inviteGuest, .meetingGuestReply: .guestReply,
        .roomOutOfService: .roomOutOfService, .roomAdd: .addRoom,
        .visitorCheckIn: .checkIn, .visitorWatchDecision: .watchDecision, .visitorCheckOut: .checkOut,
        .visitorOutcome: .outcome, .visitorAdd: .newVisitor,
        .stockIssue: .issueStock, .stockReceive: .receiveStock, .stockCount: .countStock, .stockDemand: .demand,
        .stockPurchase: .purchase, .stockReturn: .returnStock, .stockWriteOff: .writeOff,
        .approvalApprove: .approve, .approvalReject: .reject, .approvalRequest: .newApproval,
        .docRegister: .docIn, .docDraft: .docDraft, .docSubmit: .docSubmit, .docDecide: .docDecide, .docForward: .docForward,
        .docHandled: .docHandled, .docDistribute: .docDistribute, .docAcknowledge: .docAck,
        .staffJoin: .staffJoin, .staffLeave: .staffLeave, .staffIssue: .staffIssue, .staffRecover: .staffRecover, .staffWriteOff: .staffWriteOff,
        .noticePost: .noticePost, .noticeFeedback: .noticeFeedback,
        .archiveAdd: .archiveAdd, .archiveLend: .archiveLend, .archiveReturn: .archiveReturn,
        .assetAdd: .assetAdd, .assetMove: .assetMove, .assetFault: .assetFault, .assetRepair: .assetRepair, .assetBack: .assetBack,
        .assetScrap: .assetScrap, .assetCount: .assetCount, .assetSettle: .assetSettle,
        .parcelIn: .parcelIn, .parcelCollect: .parcelCollect, .parcelReturn: .parcelReturn, .parcelOut: .parcelOut,
    ]
}
