import Foundation

extension OfficeState {
    /// Checks `change` against this state. Throws a `Refusal` that names what stands in the way;
    /// a change that passes can be applied and journaled. Pure: reads only `self` and `ctx`.
    public func validate(_ change: Change, _ ctx: RuleContext) throws(Refusal) {
        try InputLimits.check(change)
        switch change {
        case .addDepartment(let d):
            try requireText(d.name, "department name")
            if departments[d.name] != nil { throw .rule("Department \(d.name) already exists.", zh: "部门 \(d.name) 已存在。") }
        case .addPerson(let p):
            try requireText(p.login, "login"); try requireText(p.name, "name")
            if people[p.login] != nil { throw .rule("\(p.login) is already known as \(people[p.login]?.name ?? "").", zh: "\(p.login) 已登记为 \(people[p.login]?.name ?? "")。") }
        case .grantRole, .revokeRole:
            try validateRoleChange(change, ctx)
        case .changeSetting:
            try requireRole(ctx, .admin, to: "change settings")
        case .addRoom, .setRoomOutOfService, .bookMeetings, .setMeetingStatus, .recordMinutes, .addActionItem,
             .completeActionItem, .moveMeeting, .inviteGuest, .recordGuestReply, .reviewMinutes, .checkPreparation,
             .releaseUnclaimedRoom:
            try validateMeetingChange(change, ctx)
        case .addBadges, .addVisitor, .confirmVisitor, .visitorArrived, .checkInVisitor, .confirmIdentity, .checkOutVisitor, .returnBadges,
             .cancelVisitor, .visitorNoShow, .recordOutcome, .undoCheckIn, .addToWatchList, .removeFromWatchList, .decideWatch:
            try validateReception(change, ctx)
        case .addItem, .moveStock, .requestPurchase, .addDemand:
            try validateSupply(change, ctx)
        case .requestApproval, .decideApproval:
            try validateApproval(change, ctx)
        case .document(let c):
            try validateDocument(c, ctx)
        case .addAsset, .moveAsset, .reportAssetFault, .sendAssetToRepair, .assetBack, .recordAssetCount, .settleAssetCount:
            try validateAssetChange(change, ctx)
        case .receiveParcel, .collectParcel, .returnParcel, .sendParcel:
            try validateParcelChange(change, ctx)
        case .postNotice, .acknowledgeNotice, .leaveNoticeFeedback, .endNotice:
            try validateNotice(change, ctx)
        case .fileArchive, .lendArchive, .requestArchiveLoan, .returnArchive:
            try validateArchive(change, ctx)
        case .setStaffTemplate, .openStaffChecklist, .settleStaffItem, .requestStaffWriteOff, .closeStaffChecklist:
            try validateStaffChange(change, ctx)
        }
    }

    func requireText(_ s: String, _ what: String) throws(Refusal) {
        if s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw .invalid("The \(what) is empty.", zh: "\(ZH.words(what))为空。") }
    }

    func meeting(_ id: String) throws(Refusal) -> Meeting {
        guard let m = meetings[id] else { throw .invalid("No meeting \(id) today or open.", zh: "今天或未结束的会议中没有 \(id)。") }
        return m
    }
}
