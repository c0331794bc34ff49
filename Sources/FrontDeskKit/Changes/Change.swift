import Foundation

/// The vocabulary of writes. Every write to a store is one `Change`, validated against the latest
/// state under the store's lock and then appended to the journal. A change carries every value it
/// needs (ids, instants), so replaying the journal rebuilds exactly the same state.
public enum Change: Codable, Sendable, Equatable {
    // People and roles
    case addDepartment(Department)
    case addPerson(Person)
    case grantRole(user: String, role: Role)
    case revokeRole(user: String, role: Role)

    /// A setting or hook changed (the value itself lives in meta.plist / hooks.plist): the audit trail.
    case changeSetting(key: String, value: String)

    // Meetings
    case addRoom(Room)
    case setRoomOutOfService(roomID: String, period: ClosedPeriod)
    /// One booking, or every occurrence of a recurring one (all or nothing).
    case bookMeetings([Meeting])
    case setMeetingStatus(meetingID: String, status: MeetingStatus, at: Date)
    case recordMinutes(meetingID: String, text: String, at: Date)
    case addActionItem(meetingID: String, item: ActionItem)
    case completeActionItem(meetingID: String, itemID: String, at: Date)
    /// One meeting (or one occurrence of a series) to another time and/or room.
    case moveMeeting(meetingID: String, start: Date, end: Date, roomID: String)
    case inviteGuest(meetingID: String, guest: GuestInvite)
    case recordGuestReply(meetingID: String, name: String, reply: GuestReply, at: Date)
    /// The chair (or an admin) reviewed the drafted minutes; they may be sent after this.
    case reviewMinutes(meetingID: String, by: String, at: Date)
    /// Preparation items ticked (`PreparationCheck` item names).
    case checkPreparation(meetingID: String, items: [String], by: String, at: Date)
    /// Written by the store's rule, not a person: the room of a meeting nobody claimed within the
    /// no-show time was released. `triggeredBy` is the user whose write noticed it.
    case releaseUnclaimedRoom(meetingID: String, at: Date, triggeredBy: String)

    // Visitors and badges
    case addBadges([String])
    case addVisitor(Visitor)
    case confirmVisitor(visitorID: String, at: Date)
    case visitorArrived(visitorID: String, at: Date)
    /// Identity checked and badges issued: the visitor is on site.
    case checkInVisitor(visitorID: String, badges: [String], idNumber: String?, at: Date)
    /// The desk confirmed that the identity document shows a number other than the registered one
    /// (audited: its own journal record, written just before the check-in).
    case confirmIdentity(visitorID: String, idNumber: String, at: Date)
    case checkOutVisitor(visitorID: String, at: Date, lostBadges: [String])
    case returnBadges(visitorID: String, badges: [String], at: Date)
    case cancelVisitor(visitorID: String, at: Date)
    /// The visitor never came.
    case visitorNoShow(visitorID: String, at: Date)
    case recordOutcome(visitorID: String, text: String, at: Date)
    /// Lead only: back to waiting, badges freed (a mistaken check-in).
    case undoCheckIn(visitorID: String, at: Date)
    case addToWatchList(WatchEntry)
    case removeFromWatchList(name: String?, idNumber: String?)
    /// Lead only: let a visitor who matched the watch list in, or not.
    case decideWatch(visitorID: String, decision: WatchDecision)

    // Supplies
    case addItem(SupplyItem)
    case moveStock(StockMove)

    /// A purchase request and the approval request it goes to, written together.
    case requestPurchase(PurchaseRequest, approval: ApprovalRequest)
    case addDemand(DemandEntry)

    // Approvals
    case requestApproval(ApprovalRequest)
    case decideApproval(requestID: String, decision: Decision)

    // Documents (收文 and 发文)
    case document(DocumentChange)
    // Fixed assets (scrapping goes through `requestApproval` of type scrap and its decision)
    case addAsset(Asset)
    /// To another department, location or holder (any of them).
    case moveAsset(tag: String, transfer: AssetTransfer)
    /// A fault reported: the asset is under repair from now.
    case reportAssetFault(tag: String, repair: AssetRepair)
    /// The asset under repair went to a vendor or property management.
    case sendAssetToRepair(tag: String, to: String, at: Date)
    /// Back from repair, with what was done and its cost.
    case assetBack(tag: String, work: String, costCents: Int, at: Date)
    case recordAssetCount(AssetCount)
    case settleAssetCount(countID: String, settlement: AssetSettlement)

    // Parcels
    case receiveParcel(Parcel)
    case collectParcel(parcelID: String, collector: String, at: Date)
    case returnParcel(parcelID: String, reason: String, at: Date)
    case sendParcel(Parcel)
    // Notices (NoticeProcess.swift)
    case postNotice(Notice)
    /// `ack.by` read the notice; `ack.recordedBy` is set when the desk recorded it for them.
    case acknowledgeNotice(noticeID: String, ack: NoticeAcknowledgement)
    case leaveNoticeFeedback(noticeID: String, feedback: NoticeFeedback)
    /// The poster (or a lead or admin) ended the notice before its end date.
    case endNotice(noticeID: String, at: Date)

    // Archives (ArchiveProcess.swift)
    case fileArchive(ArchiveFile)
    /// A file that is not confidential goes out at once.
    case lendArchive(ArchiveLoan)
    /// A confidential file's loan and the `archive-loan` approval it waits for, written together;
    /// the approval's decision lets it go out (or refuses it).
    case requestArchiveLoan(ArchiveLoan, approval: ApprovalRequest)
    /// The file came back; what the desk counted is compared with the file's record.
    case returnArchive(loanID: String, count: ArchiveReturnCount, by: String, at: Date)

    // Joiners and leavers (StaffProcess.swift)
    /// What a department's joiners get.
    case setStaffTemplate(StaffTemplate)
    /// A joiner's or a leaver's checklist.
    case openStaffChecklist(StaffChecklist)
    /// One item issued or recovered, with the asset transfer or stock issue it makes.
    case settleStaffItem(checklistID: String, itemID: String, settlement: StaffSettlement)
    /// A leaver's item and the `write-off` approval it waits for; the decision settles it.
    case requestStaffWriteOff(checklistID: String, itemID: String, approval: ApprovalRequest)
    case closeStaffChecklist(checklistID: String, at: Date, by: String)

    /// A short name for the audit trail (`frontdesk log`).
    public var name: String {
        switch self {
        case .addDepartment: "department.add"
        case .addPerson: "person.add"
        case .grantRole: "role.grant"
        case .revokeRole: "role.revoke"
        case .changeSetting: "settings.change"
        case .addRoom: "room.add"
        case .setRoomOutOfService: "room.outOfService"
        case .bookMeetings: "meeting.book"
        case .setMeetingStatus(_, let s, _): MeetingStatus.eventName(s)
        case .recordMinutes: "meeting.minutes"
        case .addActionItem: "action.add"
        case .completeActionItem: "action.done"
        case .moveMeeting: "meeting.move"
        case .inviteGuest: "meeting.guest.invite"
        case .recordGuestReply(_, _, let r, _): "meeting.guest.\(r.rawValue)"
        case .reviewMinutes: "meeting.review"
        case .checkPreparation: "meeting.check"
        case .releaseUnclaimedRoom: "meeting.released"
        case .addBadges: "badge.add"
        case .addVisitor: "visitor.add"
        case .confirmVisitor: "visitor.confirm"
        case .visitorArrived: "visitor.arrived"
        case .checkInVisitor: "visitor.checkin"
        case .confirmIdentity: "visitor.identity"
        case .checkOutVisitor: "visitor.checkout"
        case .returnBadges: "badge.return"
        case .cancelVisitor: "visitor.cancel"
        case .visitorNoShow: "visitor.noShow"
        case .recordOutcome: "visitor.outcome"
        case .undoCheckIn: "visitor.undoCheckin"
        case .addToWatchList: "watch.add"
        case .removeFromWatchList: "watch.remove"
        case .decideWatch(_, let d): d.allowed ? "watch.allow" : "watch.deny"
        case .addItem: "stock.item.add"
        case .moveStock(let m): "stock.\(m.kind.rawValue)"
        case .requestPurchase: "purchase.request"
        case .addDemand: "stock.demand"
        case .requestApproval: "approval.request"
        case .decideApproval(_, let d): "approval.\(d.verdict.rawValue)"
        case .document(let c): c.name
        case .addAsset: "asset.add"
        case .moveAsset: "asset.move"
        case .reportAssetFault: "asset.fault"
        case .sendAssetToRepair: "asset.repair"
        case .assetBack: "asset.back"
        case .recordAssetCount: "asset.count"
        case .settleAssetCount: "asset.settle"
        case .receiveParcel: "parcel.in"
        case .collectParcel: "parcel.collect"
        case .returnParcel: "parcel.return"
        case .sendParcel: "parcel.out"
        case .postNotice: "notice.post"
        case .acknowledgeNotice: "notice.ack"
        case .leaveNoticeFeedback: "notice.feedback"
        case .endNotice: "notice.end"
        case .fileArchive: "archive.add"
        case .lendArchive: "archive.lend"
        case .requestArchiveLoan: "archive.loanRequest"
        case .returnArchive: "archive.return"
        case .setStaffTemplate: "staff.template"
        case .openStaffChecklist(let c): c.direction == .joining ? "staff.join" : "staff.leave"
        case .settleStaffItem(_, _, let s): s.state == .recovered ? "staff.recover" : "staff.issue"
        case .requestStaffWriteOff: "staff.writeoff"
        case .closeStaffChecklist: "staff.close"
        }
    }

    /// The id of the record the change is about (for the audit trail and the change feed).
    public var subject: String {
        switch self {
        case .addDepartment(let d): d.name
        case .addPerson(let p): p.login
        case .grantRole(let u, _), .revokeRole(let u, _): u
        case .changeSetting(let k, _): k
        case .addRoom(let r): r.id
        case .setRoomOutOfService(let id, _): id
        case .bookMeetings(let ms): ms.first?.id ?? ""
        case .setMeetingStatus(let id, _, _), .recordMinutes(let id, _, _),
             .addActionItem(let id, _), .completeActionItem(let id, _, _), .moveMeeting(let id, _, _, _),
             .inviteGuest(let id, _), .recordGuestReply(let id, _, _, _), .reviewMinutes(let id, _, _),
             .checkPreparation(let id, _, _, _), .releaseUnclaimedRoom(let id, _, _): id
        case .addBadges(let codes): codes.joined(separator: ",")
        case .addVisitor(let v): v.id
        case .confirmVisitor(let id, _), .visitorArrived(let id, _), .checkInVisitor(let id, _, _, _), .confirmIdentity(let id, _, _),
             .checkOutVisitor(let id, _, _), .returnBadges(let id, _, _), .cancelVisitor(let id, _), .visitorNoShow(let id, _),
             .recordOutcome(let id, _, _), .undoCheckIn(let id, _), .decideWatch(let id, _): id
        case .addToWatchList(let w): w.name ?? "id-number"
        case .removeFromWatchList(let n, _): n ?? "id-number"
        case .addItem(let i): i.sku
        case .moveStock(let m): m.id
        case .requestPurchase(let p, _): p.id
        case .addDemand(let d): d.id
        case .requestApproval(let a): a.id
        case .decideApproval(let id, _): id
        case .document(let c): c.documentID
        case .addAsset(let a): a.tag
        case .moveAsset(let t, _), .reportAssetFault(let t, _), .sendAssetToRepair(let t, _, _), .assetBack(let t, _, _, _): t
        case .recordAssetCount(let c): c.id
        case .settleAssetCount(let id, _): id
        case .receiveParcel(let p), .sendParcel(let p): p.id
        case .collectParcel(let id, _, _), .returnParcel(let id, _, _): id
        case .postNotice(let n): n.id
        case .acknowledgeNotice(let id, _), .leaveNoticeFeedback(let id, _), .endNotice(let id, _): id
        case .fileArchive(let f): f.id
        case .lendArchive(let l), .requestArchiveLoan(let l, _): l.id
        case .returnArchive(let id, _, _, _): id
        case .setStaffTemplate(let t): t.department
        case .openStaffChecklist(let c): c.id
        case .settleStaffItem(let id, _, _), .requestStaffWriteOff(let id, _, _), .closeStaffChecklist(let id, _, _): id
        }
    }
}
