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
        case .grantRole(let user, let role):
            var r = roles[user, default: []]
            if !r.contains(role) { r.append(role); r.sort() }
            roles[user] = r
        case .revokeRole(let user, let role):
            roles[user]?.removeAll { $0 == role }
            if roles[user]?.isEmpty == true { roles[user] = nil }
        case .changeSetting:
            break  // the value is in meta.plist or hooks.plist; the record is the audit trail
        case .addRoom, .setRoomOutOfService, .bookMeetings, .setMeetingStatus, .recordMinutes, .addActionItem,
             .completeActionItem, .moveMeeting, .inviteGuest, .recordGuestReply, .reviewMinutes, .checkPreparation,
             .releaseUnclaimedRoom:
            applyMeetingChange(change)
        case .addBadges(let codes):
            for c in codes { badges[c] = Badge(id: c) }
        case .addVisitor(let v):
            visitors[v.id] = v; bump(.visitor, v.id)
            returningVisitors[v.name.lowercased()] = ReturningVisitor(name: v.name, company: v.company, lastHost: v.host, lastVisit: v.expectedAt)
        case .confirmVisitor(let id, let at):
            visitors[id]?.status = .confirmed; visitors[id]?.confirmedAt = at
        case .visitorArrived(let id, let at):
            visitors[id]?.status = .arrived; visitors[id]?.arrivedAt = at
        case .checkInVisitor(let id, let codes, let idNumber, let at):
            guard var v = visitors[id] else { return }
            if v.arrivedAt == nil { v.arrivedAt = at }
            v.checkedInAt = at
            v.status = .onSite
            v.badges += codes
            v.badgesOut = codes
            if let n = idNumber { v.idNumber = n }
            visitors[id] = v
            for c in codes { badges[c] = Badge(id: c, state: .issued, visitorID: id, issuedAt: at) }
        case .checkOutVisitor(let id, let at, let lost):
            guard var v = visitors[id] else { return }
            v.leftAt = at
            for c in lost { badges[c] = Badge(id: c, state: .lost, visitorID: id, issuedAt: badges[c]?.issuedAt) }
            v.badgesOut.removeAll { lost.contains($0) }
            v.status = v.badgesOut.isEmpty ? .closed : .left
            visitors[id] = v
        case .returnBadges(let id, let codes, _):
            guard var v = visitors[id] else { return }
            for c in codes { badges[c] = Badge(id: c) }
            v.badgesOut.removeAll { codes.contains($0) }
            if v.badgesOut.isEmpty && v.status == .left { v.status = .closed }
            visitors[id] = v
        case .cancelVisitor(let id, _):
            visitors[id]?.status = .cancelled
        case .visitorNoShow(let id, _):
            visitors[id]?.status = .noShow
        case .recordOutcome(let id, let text, _):
            visitors[id]?.outcome = text
        case .undoCheckIn(let id, _):
            guard var v = visitors[id] else { return }
            for c in v.badgesOut { badges[c] = Badge(id: c) }
            v.badges.removeAll { v.badgesOut.contains($0) }
            v.badgesOut = []
            v.checkedInAt = nil
            v.status = .arrived
            visitors[id] = v
        case .addToWatchList(let w):
            watchList.append(w)
        case .removeFromWatchList(let n, let idNumber):
            watchList.removeAll { $0.name == n && $0.idNumber == idNumber }
        case .decideWatch(let id, let d):
            visitors[id]?.watchDecision = d
        case .addItem(let i):
            items[i.sku] = i; bump(.item, i.sku)
        case .moveStock(let m):
            moves[m.id] = m; bump(.move, m.id)
            onHand[m.sku, default: 0] &+= m.quantity  // validation caps quantities; replay must never trap
            if let pid = m.purchaseID, var p = purchases[pid] {
                p.receivedQuantity &+= m.quantity
                if p.receivedQuantity >= p.quantity { p.status = .received }
                purchases[pid] = p
            }
        case .requestPurchase(let p, let a):
            purchases[p.id] = p; bump(.purchase, p.id)
            approvals[a.id] = a; bump(.approval, a.id)
        case .addDemand(let d):
            demand[d.id] = d; bump(.demand, d.id)
        case .requestApproval(let a):
            approvals[a.id] = a; bump(.approval, a.id)
        case .decideApproval(let id, let d):
            guard var a = approvals[id] else { return }
            a.decisions.append(d)
            if d.verdict == .reject {
                a.status = .rejected
            } else {
                let yes = a.decisions.filter { $0.verdict == .approve }.count
                let chainDone = pendingStep(a) == nil
                if yes >= a.requiredApprovals && chainDone { a.status = .approved }
            }
            approvals[id] = a
            if a.status != .pending, let pid = purchases.values.first(where: { $0.approvalID == id })?.id {
                purchases[pid]?.status = a.status == .approved ? .approved : .rejected
            }
        }
    }

    /// Keeps `counters` ahead of every id of the kind seen, so new ids never collide.
    mutating func bump(_ kind: RecordKind, _ id: String) {
        guard id.hasPrefix(kind.idPrefix), let n = Int(id.dropFirst(kind.idPrefix.count)) else { return }
        if n > counters[kind.rawValue, default: 0] { counters[kind.rawValue] = n }
    }
}
