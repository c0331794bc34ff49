import Foundation

extension OfficeState {
    /// Checks `change` against this state. Throws a `Refusal` that names what stands in the way;
    /// a change that passes can be applied and journaled. Pure: reads only `self` and `ctx`.
    public func validate(_ change: Change, _ ctx: RuleContext) throws(Refusal) {
        switch change {
        case .addDepartment(let d):
            try requireText(d.name, "department name")
            if departments[d.name] != nil { throw .rule("Department \(d.name) already exists.") }
        case .addPerson(let p):
            try requireText(p.login, "login"); try requireText(p.name, "name")
            if people[p.login] != nil { throw .rule("\(p.login) is already known as \(people[p.login]?.name ?? "").") }
        case .grantRole, .revokeRole:
            try validateRoleChange(change, ctx)
        case .changeSetting:
            try requireRole(ctx, .admin, to: "change settings")
        case .addRoom(let r):
            try validateNewRoom(r)
        case .setRoomOutOfService(let id, let p):
            guard rooms[id] != nil else { throw .invalid("No room \(id).") }
            if p.end <= p.start { throw .invalid("The out-of-service period ends before it starts.") }
        case .bookMeetings(let ms):
            try validateBooking(ms, ctx)
        case .setMeetingStatus(let id, let status, _):
            try validateMeetingStatus(id, status, ctx)
        case .recordMinutes(let id, let text, _):
            let m = try meeting(id)
            try requireText(text, "minutes")
            if m.status.isFinal { throw .rule("Meeting \(id) is \(m.status.rawValue); minutes can no longer be recorded.") }
            if m.status.rawOrder < MeetingStatus.held.rawOrder { throw .rule("Meeting \(id) has not been held yet (it is \(m.status.rawValue)); minutes come after.") }
        case .addActionItem(let id, let item):
            let m = try meeting(id)
            try requireText(item.text, "action text"); try requireText(item.owner, "owner")
            if m.status == .cancelled || m.status == .noShow { throw .rule("Meeting \(id) did not take place.") }
        case .completeActionItem(let id, let itemID, _):
            let m = try meeting(id)
            guard let item = m.actionItems.first(where: { $0.id == itemID }) else { throw .invalid("No action item \(itemID).") }
            if item.doneAt != nil { throw .rule("Action item \(itemID) is already done.") }
        case .moveMeeting(let id, let start, let end, let roomID):
            let m = try meeting(id)
            if m.status.isFinal || m.status.rawOrder >= MeetingStatus.held.rawOrder {
                throw .rule("Meeting \(id) is \(m.status.rawValue); only a meeting still to come can move.")
            }
            var moved = m
            moved.start = start; moved.end = end; moved.roomID = roomID
            var without = self
            without.meetings[id] = nil
            try without.validateBooking([moved], ctx)
        case .inviteGuest(let id, let g):
            let m = try meeting(id)
            try requireText(g.name, "guest's name")
            if m.guests?.contains(where: { $0.name == g.name }) == true { throw .rule("\(g.name) is already invited to \(id).") }
        case .recordGuestReply(let id, let name, _, _):
            let m = try meeting(id)
            if m.guests?.contains(where: { $0.name == name }) != true { throw .invalid("\(name) is not invited to \(id).") }
        case .addBadges, .addVisitor, .confirmVisitor, .visitorArrived, .checkInVisitor, .confirmIdentity, .checkOutVisitor, .returnBadges,
             .cancelVisitor, .visitorNoShow, .recordOutcome, .undoCheckIn, .addToWatchList, .removeFromWatchList, .decideWatch:
            try validateReception(change, ctx)
        case .addItem, .moveStock, .requestPurchase, .addDemand:
            try validateSupply(change, ctx)
        case .requestApproval, .decideApproval:
            try validateApproval(change, ctx)
        }
    }

    func requireText(_ s: String, _ what: String) throws(Refusal) {
        if s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw .invalid("The \(what) is empty.") }
    }

    func meeting(_ id: String) throws(Refusal) -> Meeting {
        guard let m = meetings[id] else { throw .invalid("No meeting \(id) today or open.") }
        return m
    }
}
