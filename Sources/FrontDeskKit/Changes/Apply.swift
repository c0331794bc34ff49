import Foundation

extension OfficeState {
    /// Applies a change that has been validated (or replayed from the journal). Never fails:
    /// a replayed change about a record no longer in the working set is skipped.
    public mutating func apply(_ change: Change) {
        switch change {
        case .addDepartment(let d):
            departments[d.name] = d
        case .addPerson(let p):
            people[p.login] = p
        case .grantRole, .revokeRole:
            applyRoleChange(change)
        case .changeSetting:
            break  // the value is in meta.plist or hooks.plist; the record is the audit trail
        case .addRoom, .setRoomOutOfService, .bookMeetings, .setMeetingStatus, .recordMinutes, .addActionItem,
             .completeActionItem, .moveMeeting, .inviteGuest, .recordGuestReply, .reviewMinutes, .checkPreparation,
             .releaseUnclaimedRoom:
            applyMeetingChange(change)
            // Minutes sent are filed in the archive by the same record, so the two never disagree.
            if case .setMeetingStatus(let id, .minutesSent, let at) = change { fileSentMinutes(meetingID: id, at: at) }
        case .addBadges, .addVisitor, .confirmVisitor, .visitorArrived, .checkInVisitor, .confirmIdentity, .checkOutVisitor, .returnBadges,
             .cancelVisitor, .visitorNoShow, .recordOutcome, .undoCheckIn, .addToWatchList, .removeFromWatchList, .decideWatch:
            applyReception(change)
        case .addItem, .moveStock, .requestPurchase, .addDemand:
            applySupply(change)
        case .requestApproval, .decideApproval:
            applyApproval(change)
        case .document(let c):
            applyDocument(c)
        case .addAsset, .moveAsset, .reportAssetFault, .sendAssetToRepair, .assetBack, .recordAssetCount, .settleAssetCount:
            applyAssetChange(change)
        case .receiveParcel, .collectParcel, .returnParcel, .sendParcel:
            applyParcelChange(change)
        case .postNotice, .acknowledgeNotice, .leaveNoticeFeedback, .endNotice:
            applyNotice(change)
        case .fileArchive, .lendArchive, .requestArchiveLoan, .returnArchive:
            applyArchive(change)
        case .setStaffTemplate, .openStaffChecklist, .settleStaffItem, .requestStaffWriteOff, .closeStaffChecklist:
            applyStaffChange(change)
        }
    }

    /// Keeps `counters` ahead of every id of the kind seen, so new ids never collide.
    mutating func bump(_ kind: RecordKind, _ id: String) {
        guard id.hasPrefix(kind.idPrefix), let n = Int(id.dropFirst(kind.idPrefix.count)) else { return }
        if n > counters[kind.rawValue, default: 0] { counters[kind.rawValue] = n }
    }
}
