import Foundation

extension OfficeState {
    /// Checks `change` against this state. Throws a `Refusal` that names what stands in the way;
    /// a change that passes can be applied and journaled. Pure: reads only `self` and `ctx`.
    public func validate(_ change: Change, _ ctx: RuleContext) throws(Refusal) {
        try InputLimits.check(change)
        switch change {
        case .addDepartment(let d):
            try requireText(d.name, "department name")
            if departments[d.name] != nil { throw .rule("Department \(d.name) already exists.") }
        case .addPerson(let p):
            try requireText(p.login, "login"); try requireText(p.name, "name")
            if people[p.login] != nil { throw .rule("\(p.login) is already known as \(people[p.login]?.name ?? "").") }
        case .grantRole(let user, let role):
            try requireRole(ctx, .admin, to: "grant roles")
            try requireText(user, "user")
            if hasRole(user, role) { throw .rule("\(user) already has the \(role.rawValue) role.") }
        case .revokeRole(let user, let role):
            try requireRole(ctx, .admin, to: "revoke roles")
            if !hasRole(user, role) { throw .rule("\(user) does not have the \(role.rawValue) role.") }
            if role == .admin, roles.filter({ $0.value.contains(.admin) }).count <= 1 {
                throw .rule("\(user) is the last admin; grant admin to someone else first.")
            }
        case .changeSetting:
            try requireRole(ctx, .admin, to: "change settings")
        case .addRoom, .setRoomOutOfService, .bookMeetings, .setMeetingStatus, .recordMinutes, .addActionItem,
             .completeActionItem, .moveMeeting, .inviteGuest, .recordGuestReply, .reviewMinutes, .checkPreparation,
             .releaseUnclaimedRoom:
            try validateMeetingChange(change, ctx)
        case .addBadges(let codes):
            try validateNewBadges(codes)
        case .addVisitor(let v):
            try validateNewVisitor(v)
        case .confirmVisitor(let id, _):
            let v = try visitor(id)
            if v.status != .expected { throw .rule("Visitor \(id) is \(v.status.rawValue), not awaiting confirmation.") }
        case .visitorArrived(let id, _):
            let v = try visitor(id)
            if v.status != .expected && v.status != .confirmed {
                throw .rule("Visitor \(id) is \(v.status.rawValue); only an expected visitor can arrive.")
            }
        case .checkInVisitor(let id, let badges, let idNumber, _):
            try validateCheckIn(id, badges, idNumber: idNumber, timeZone: ctx.env.timeZone)
        case .checkOutVisitor(let id, _, let lost):
            let v = try visitor(id)
            if v.status != .onSite && v.status != .arrived {
                throw .rule("Visitor \(id) is \(v.status.rawValue), not on site.")
            }
            for b in lost where !v.badgesOut.contains(b) { throw .invalid("Badge \(b) is not out with visitor \(id).") }
        case .returnBadges(let id, let codes, _):
            let v = try visitor(id)
            for b in codes where !v.badgesOut.contains(b) { throw .invalid("Badge \(b) is not out with visitor \(id).") }
        case .cancelVisitor(let id, _):
            let v = try visitor(id)
            if v.status != .expected && v.status != .confirmed {
                throw .rule("Visitor \(id) is \(v.status.rawValue); only an expected visit can be cancelled.")
            }
        case .visitorNoShow(let id, let at):
            let v = try visitor(id)
            if v.status != .expected && v.status != .confirmed {
                throw .rule("Visitor \(id) is \(v.status.rawValue); only an expected visitor can be a no-show.")
            }
            if at < v.expectedAt { throw .rule("\(v.name) is expected at \(Clock.hm(v.expectedAt, ctx.env.timeZone)); not a no-show yet.") }
        case .recordOutcome(let id, let text, _):
            _ = try visitor(id)
            try requireText(text, "outcome")
        case .undoCheckIn(let id, _):
            try requireRole(ctx, .lead, to: "undo a check-in")
            let v = try visitor(id)
            if v.status != .onSite { throw .rule("Visitor \(id) is \(v.status.rawValue), not checked in.") }
        case .addToWatchList(let w):
            try requireRole(ctx, .lead, to: "change the watch list")
            if (w.name ?? "").isEmpty && (w.idNumber ?? "").isEmpty { throw .invalid("Give a name or an identity number.") }
            try requireText(w.reason, "reason")
        case .removeFromWatchList(let n, let id):
            try requireRole(ctx, .lead, to: "change the watch list")
            if !watchList.contains(where: { $0.name == n && $0.idNumber == id }) { throw .invalid("No such watch-list entry.") }
        case .decideWatch(let id, _):
            try requireRole(ctx, .lead, to: "decide on a watch-list match")
            let v = try visitor(id)
            if watchMatch(v, idNumber: nil) == nil { throw .rule("Visitor \(id) does not match the watch list.") }
        case .addItem(let item):
            try validateNewItem(item)
        case .moveStock(let move):
            try validateMove(move)
        case .requestPurchase(let p, let a):
            try validatePurchase(p, a, ctx)
        case .addDemand(let d):
            try validateDemand(d)
        case .requestApproval(let a):
            try validateNewApproval(a)
        case .decideApproval(let id, let decision):
            try validateDecision(id, decision, ctx)
        }
    }

    func requireText(_ s: String, _ what: String) throws(Refusal) {
        if s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw .invalid("The \(what) is empty.") }
    }

    func requireRole(_ ctx: RuleContext, _ role: Role, to what: String) throws(Refusal) {
        if !hasRole(ctx.actor, role) && !hasRole(ctx.actor, .admin) {
            throw .permission("\(ctx.actor) may not \(what): that needs the \(role.rawValue) role (ask an admin: frontdesk role grant \(ctx.actor) \(role.rawValue)).")
        }
    }

    func meeting(_ id: String) throws(Refusal) -> Meeting {
        guard let m = meetings[id] else { throw .invalid("No meeting \(id) today or open.") }
        return m
    }

    func visitor(_ id: String) throws(Refusal) -> Visitor {
        guard let v = visitors[id] else { throw .invalid("No visitor \(id) in the open register.") }
        return v
    }
}
