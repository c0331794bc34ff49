import Foundation

/// The record an office process step is taken on: what the dashboard's actions menu, the CLI's
/// step commands and `nextSteps` are asked about.
public enum RecordRef: Hashable, Sendable {
    case meeting(String)
    case visitor(String)
    case supplyItem(String)
    case approval(String)
    case document(String)
    /// A joiner's or leaver's checklist.
    case staff(String)
    /// A company notice (its steps sit with the notice line and the Documents pane's menu).
    case notice(String)
    /// An archive file (a loan is taken back through its file).
    case archiveFile(String)
    /// A fixed asset, by its tag.
    case asset(String)
    case parcel(String)

    public var id: String {
        switch self {
        case .meeting(let id), .visitor(let id), .supplyItem(let id), .approval(let id), .document(let id), .staff(let id),
             .notice(let id), .archiveFile(let id), .asset(let id), .parcel(let id): id
        }
    }
}

/// Every step a person can take in the office's processes, by a stable name. The name is the one
/// the key table, the help overlay, the localisation and the CLI use for the step, so a step is
/// spelled once. Each process file (`MeetingProcess.swift`, `VisitorProcess.swift`, …) says when
/// its steps are allowed, who may take them and what each checks.
public enum StepID: String, CaseIterable, Sendable, Codable {
    // Meetings and rooms
    case meetingConfirm = "meeting.confirm"
    case meetingMaterials = "meeting.materials"
    case meetingPrepared = "meeting.prepared"
    case meetingRoomChecked = "meeting.checked"
    case meetingHeld = "meeting.held"
    case meetingChecklist = "meeting.check"
    case meetingMinutes = "meeting.minutes"
    case meetingReviewMinutes = "meeting.review"
    case meetingSendMinutes = "meeting.send"
    case meetingActionAdd = "meeting.action"
    case meetingActionDone = "meeting.done"
    case meetingClose = "meeting.close"
    case meetingMove = "meeting.move"
    case meetingInvite = "meeting.invite"
    case meetingGuestReply = "meeting.reply"
    case meetingCancel = "meeting.cancel"
    case meetingNoShow = "meeting.noshow"
    case roomOutOfService = "room.close"
    case roomAdd = "room.add"
    // Visitors
    case visitorConfirm = "visitor.confirm"
    case visitorArrived = "visitor.arrived"
    case visitorCheckIn = "visitor.checkin"
    case visitorWatchDecision = "visitor.decide"
    case visitorCheckOut = "visitor.checkout"
    case visitorUndoCheckIn = "visitor.undo"
    case visitorReturnBadges = "visitor.return-badge"
    case visitorOutcome = "visitor.outcome"
    case visitorCancel = "visitor.cancel"
    case visitorNoShow = "visitor.noshow"
    case visitorAdd = "visitor.add"
    // Supplies
    case stockIssue = "stock.issue"
    case stockReceive = "stock.receive"
    case stockCount = "stock.count"
    case stockDemand = "stock.demand"
    case stockPurchase = "stock.purchase"
    case stockReturn = "stock.return"
    case stockWriteOff = "stock.writeoff"
    // Approvals
    case approvalApprove = "approval.approve"
    case approvalReject = "approval.reject"
    case approvalRequest = "approval.request"
    // Documents (收文 and 发文)
    case docRegister = "doc.in"
    case docSubmit = "doc.submit"
    case docDecide = "doc.decide"
    case docForward = "doc.forward"
    case docHandled = "doc.handled"
    case docDraft = "doc.draft"
    case docProofread = "doc.proofread"
    case docSendForApproval = "doc.approval"
    case docRelease = "doc.release"
    case docFile = "doc.file"
    case docDistribute = "doc.distribute"
    case docAcknowledge = "doc.ack"
    // Joiners and leavers
    case staffJoin = "staff.join"
    case staffLeave = "staff.leave"
    case staffIssue = "staff.issue"
    case staffRecover = "staff.recover"
    case staffWriteOff = "staff.writeoff"
    case staffClose = "staff.close"
    // Notices (通知)
    case noticePost = "notice.post"
    case noticeAcknowledge = "notice.ack"
    case noticeFeedback = "notice.feedback"
    case noticeEnd = "notice.end"
    // Archives (档案)
    case archiveAdd = "archive.add"
    case archiveLend = "archive.lend"
    case archiveReturn = "archive.return"
    // Fixed assets
    case assetAdd = "asset.add"
    case assetMove = "asset.move"
    case assetFault = "asset.fault"
    case assetRepair = "asset.repair"
    case assetBack = "asset.back"
    case assetScrap = "asset.scrap"
    case assetCount = "asset.count"
    case assetSettle = "asset.settle"
    // Parcels (快递收发)
    case parcelIn = "parcel.in"
    case parcelCollect = "parcel.collect"
    case parcelReturn = "parcel.return"
    case parcelOut = "parcel.out"

    /// True when the step needs what a person types (a form in the dashboard, options on the CLI);
    /// false when it is taken at once on the selected record.
    public var needsInput: Bool {
        switch self {
        case .meetingConfirm, .meetingMaterials, .meetingPrepared, .meetingRoomChecked, .meetingHeld, .meetingReviewMinutes,
             .meetingSendMinutes, .meetingClose,
             .meetingCancel, .meetingNoShow,
             .visitorConfirm, .visitorArrived, .visitorUndoCheckIn, .visitorReturnBadges, .visitorCancel, .visitorNoShow,
             .docProofread, .docSendForApproval, .docRelease, .docFile,
             .staffClose, .noticeAcknowledge, .noticeEnd:
            false
        default:
            true
        }
    }
}

/// One step allowed on a record now, and the role it needs besides desk access (nil: any desk user).
/// A step is listed when the record's state allows it; the store still has the last word (a
/// listed step may be refused for a reason that needs the person's input, such as a taken badge).
public struct ProcessStep: Hashable, Sendable {
    public var id: StepID
    public var role: Role?
    public init(_ id: StepID, role: Role? = nil) { self.id = id; self.role = role }
}

extension OfficeState {
    /// The steps `ctx.actor` may take on `record` now, in the order of the process. The dashboard's
    /// actions menu is built from this list and the CLI's step commands map onto the same steps.
    public func nextSteps(for record: RecordRef, _ ctx: RuleContext) -> [ProcessStep] {
        let all: [ProcessStep]
        switch record {
        case .meeting(let id): all = meetings[id].map { meetingSteps($0, ctx) } ?? []
        case .visitor(let id): all = visitors[id].map { visitorSteps($0, ctx) } ?? []
        case .supplyItem(let sku): all = items[sku].map { supplySteps($0, ctx) } ?? []
        case .approval(let id): all = approvalSteps(approvals[id], ctx)
        case .document(let id): all = documentSteps(documents[id], ctx)
        case .staff(let id): all = staffSteps(staff[id], ctx)
        case .notice(let id): all = noticeSteps(notices[id], ctx)
        case .archiveFile(let id): all = archiveSteps(archives[id], ctx)
        case .asset(let tag): all = assetSteps(assets[tag], ctx)
        case .parcel(let id): all = parcelSteps(parcels[id], ctx)
        }
        return all.filter { step in step.role.map { mayTake($0, ctx) } ?? true }
    }

    /// The change a step that needs no input makes on `record` now; nil for steps that need input
    /// (their change is built from what the person typed) or a record that does not exist.
    public func immediateChange(_ step: StepID, on record: RecordRef, _ ctx: RuleContext) -> Change? {
        guard !step.needsInput else { return nil }
        switch record {
        case .meeting(let id): return meetings[id] != nil ? meetingImmediateChange(step, id, ctx) : nil
        case .visitor(let id): return visitors[id].flatMap { visitorImmediateChange(step, $0, ctx) }
        case .document(let id): return documents[id].flatMap { documentImmediateChange(step, $0, ctx) }
        case .staff(let id): return staff[id].flatMap { staffImmediateChange(step, $0, ctx) }
        case .notice(let id): return notices[id].flatMap { noticeImmediateChange(step, $0, ctx) }
        case .supplyItem, .approval, .archiveFile, .asset, .parcel: return nil
        }
    }
}
