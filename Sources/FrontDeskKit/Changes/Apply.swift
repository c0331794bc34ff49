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
        case .addRoom(let r):
            rooms[r.id] = r; bump(.room, r.id)
        case .setRoomOutOfService(let id, let p):
            rooms[id]?.outOfService.append(p)
        case .bookMeetings(let ms):
            for m in ms { meetings[m.id] = m; bump(.meeting, m.id) }
        case .setMeetingStatus(let id, let status, let at):
            guard var m = meetings[id] else { return }
            m.status = status
            switch status {
            case .confirmed: m.confirmedAt = at
            case .roomChecked: m.roomCheckedAt = at
            case .held: m.heldAt = at
            case .minutesSent: m.minutesSentAt = at
            default: break
            }
            meetings[id] = m
        case .recordMinutes(let id, let text, _):
            guard var m = meetings[id] else { return }
            m.minutes = text
            if m.status.rawOrder < MeetingStatus.minutesDrafted.rawOrder { m.status = .minutesDrafted }
            meetings[id] = m
        case .addActionItem(let id, let item):
            meetings[id]?.actionItems.append(item); bump(.action, item.id)
        case .completeActionItem(let id, let itemID, let at):
            guard var m = meetings[id], let i = m.actionItems.firstIndex(where: { $0.id == itemID }) else { return }
            m.actionItems[i].doneAt = at
            meetings[id] = m
        case .moveMeeting(let id, let start, let end, let roomID):
            meetings[id]?.start = start; meetings[id]?.end = end; meetings[id]?.roomID = roomID
        case .inviteGuest(let id, let g):
            let invited = meetings[id]?.guests ?? []
            meetings[id]?.guests = invited + [g]
        case .recordGuestReply(let id, let name, let reply, let at):
            guard var m = meetings[id], var gs = m.guests, let i = gs.firstIndex(where: { $0.name == name }) else { return }
            gs[i].reply = reply; gs[i].repliedAt = at
            m.guests = gs
            meetings[id] = m
        case .addBadges, .addVisitor, .confirmVisitor, .visitorArrived, .checkInVisitor, .confirmIdentity, .checkOutVisitor, .returnBadges,
             .cancelVisitor, .visitorNoShow, .recordOutcome, .undoCheckIn, .addToWatchList, .removeFromWatchList, .decideWatch:
            applyReception(change)
        case .addItem, .moveStock, .requestPurchase, .addDemand:
            applySupply(change)
        case .requestApproval, .decideApproval:
            applyApproval(change)
        }
    }

    /// Keeps `counters` ahead of every id of the kind seen, so new ids never collide.
    mutating func bump(_ kind: RecordKind, _ id: String) {
        guard id.hasPrefix(kind.idPrefix), let n = Int(id.dropFirst(kind.idPrefix.count)) else { return }
        if n > counters[kind.rawValue, default: 0] { counters[kind.rawValue] = n }
    }
}
