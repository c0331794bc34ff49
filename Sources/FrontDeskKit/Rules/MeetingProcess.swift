import Foundation

/// The meeting process: confirm within 24 h of the request, check the room 15 min before start,
/// minutes sent within 48 h of the end, every action item tracked to done.
extension OfficeState {
    func validateNewRoom(_ r: Room) throws(Refusal) {
        try requireText(r.name, "room name")
        if r.capacity < 1 || r.capacity > 10_000 { throw .invalid("A room holds 1 to 10,000 people (got \(r.capacity)).") }
        if room(named: r.name) != nil { throw .rule("A room named \(r.name) exists already.") }
        if rooms[r.id] != nil { throw .rule("Room id \(r.id) exists already.") }
    }

    /// All occurrences are checked before anything is booked; every conflict is reported at once.
    func validateBooking(_ ms: [Meeting], _ ctx: RuleContext) throws(Refusal) {
        guard !ms.isEmpty else { throw .invalid("Nothing to book.") }
        var problems: [String] = []
        let tz = ctx.env.timeZone
        for (i, m) in ms.enumerated() {
            try requireText(m.title, "title")
            if meetings[m.id] != nil { throw .rule("Meeting id \(m.id) exists already.") }
            if m.end <= m.start { throw .invalid("The meeting ends (\(Clock.hm(m.end, tz))) before it starts (\(Clock.hm(m.start, tz))).") }
            guard let room = rooms[m.roomID] else { throw .invalid("No room \(m.roomID).") }
            let when = Clock.dayHM(m.start, tz)
            if room.capacity < m.attendees.count {
                problems.append("\(room.name) holds \(room.capacity), the meeting has \(m.attendees.count) attendees")
            }
            let missing = m.requiredEquipment.filter { eq in !room.equipment.contains { $0.lowercased() == eq.lowercased() } }
            if !missing.isEmpty { problems.append("\(room.name) has no \(missing.joined(separator: ", "))") }
            if let p = room.outOfService.first(where: { $0.start < m.end && m.start < $0.end }) {
                problems.append("\(room.name) is out of service \(Clock.dayHM(p.start, tz))–\(Clock.hm(p.end, tz)) (\(p.reason))")
            }
            let now = ctx.now, release = ctx.settings.noShowAfter
            if let holder = meetings.values.first(where: { $0.roomID == m.roomID && $0.holdsRoom(at: now, noShowAfter: release) && $0.overlaps(m.start, m.end) }) {
                problems.append("\(room.name) is booked \(Clock.dayHM(holder.start, tz))–\(Clock.hm(holder.end, tz)) by \(displayName(holder.organizer)) (\(holder.id) \(holder.title))")
            } else if let other = ms[..<i].first(where: { $0.roomID == m.roomID && $0.overlaps(m.start, m.end) }) {
                problems.append("occurrences \(other.id) and \(m.id) overlap at \(when)")
            }
        }
        if !problems.isEmpty {
            let head = ms.count > 1 ? "No occurrence was booked: " : "Not booked: "
            throw .rule(head + problems.joined(separator: "; ") + ".")
        }
    }

    func validateMeetingStatus(_ id: String, _ status: MeetingStatus, _ ctx: RuleContext) throws(Refusal) {
        let m = try meeting(id)
        if m.status == status { throw .rule("Meeting \(id) is already \(status.rawValue).") }
        if m.status.isFinal { throw .rule("Meeting \(id) is \(m.status.rawValue); it cannot change any more.") }
        switch status {
        case .cancelled, .noShow:
            if m.status.rawOrder >= MeetingStatus.held.rawOrder { throw .rule("Meeting \(id) was already held.") }
        case .closed:
            if m.status != .minutesSent { throw .rule("Meeting \(id) can close only after its minutes are sent (it is \(m.status.rawValue)).") }
            let open = m.actionItems.filter { $0.doneAt == nil }
            if !open.isEmpty { throw .rule("Meeting \(id) has \(open.count) open action item(s): \(open.map(\.id).joined(separator: ", ")).") }
        case .minutesSent:
            if m.minutes == nil { throw .rule("Meeting \(id) has no minutes yet (frontdesk meeting minutes \(id) --file FILE).") }
            let chair = m.chair ?? m.organizer
            if ctx.actor != chair && !hasRole(ctx.actor, .admin) && !ctx.allowOverrides {
                throw .permission("The minutes of \(id) are approved by the chair, \(displayName(chair)).")
            }
        default:
            if status.rawOrder < m.status.rawOrder {
                throw .rule("Meeting \(id) is \(m.status.rawValue); it cannot go back to \(status.rawValue).")
            }
            let tz = ctx.env.timeZone
            if status == .roomChecked && ctx.now < m.start.addingTimeInterval(-2 * 3600) {
                throw .rule("The room check for \(id) is done on the day, from \(Clock.hm(m.start.addingTimeInterval(-2 * 3600), tz)) (it starts \(Clock.dayHM(m.start, tz))).")
            }
            if status == .held && ctx.now < m.start.addingTimeInterval(-ctx.settings.roomCheckBefore) {
                throw .rule("Meeting \(id) starts \(Clock.dayHM(m.start, tz)); it cannot have been held yet.")
            }
        }
    }

    /// Meetings whose room was not claimed within `noShowAfter` of the start: the room is released
    /// and they are marked no-show (by the next dashboard tick or CLI write that notices).
    public func unclaimedMeetings(at now: Date, _ s: StoreSettings) -> [String] {
        meetings.values.filter { m in
            m.status.holdsRoom && !m.isClaimed && now >= m.start.addingTimeInterval(s.noShowAfter)
        }.map(\.id).sorted()
    }

    /// What is due or overdue on a meeting at `now`.
    public func flags(of m: Meeting, at now: Date, _ s: StoreSettings) -> [DueFlag] {
        var f: [DueFlag] = []
        if m.status.isFinal && m.status != .closed { return f }
        if m.status == .requested {
            f.append(now >= m.requestedAt.addingTimeInterval(s.meetingConfirmWithin) ? .confirmOverdue : .confirmDue)
        }
        if m.status.rawOrder < MeetingStatus.roomChecked.rawOrder && now < m.end {
            let checkBy = m.start.addingTimeInterval(-s.roomCheckBefore)
            if now >= checkBy { f.append(.roomCheckOverdue) } else if now >= checkBy.addingTimeInterval(-3600) { f.append(.roomCheckDue) }
        }
        if !m.isClaimed && now >= m.start.addingTimeInterval(s.noShowAfter) && now < m.end {
            f.append(.unclaimed)
        }
        if m.status.rawOrder < MeetingStatus.minutesSent.rawOrder && now >= m.end && m.status != .requested {
            f.append(now >= m.end.addingTimeInterval(s.minutesWithin) ? .minutesOverdue : .minutesDue)
        }
        if m.actionItems.contains(where: { $0.doneAt == nil && $0.due < now }) { f.append(.actionOverdue) }
        if now < m.start && now >= m.start.addingTimeInterval(-86_400) && m.guests?.contains(where: { $0.reply == .pending }) == true {
            f.append(.guestReplyDue)
        }
        return f.sorted()
    }
}

extension MeetingStatus {
    /// Position in the forward cycle; cancelled and no-show sit outside it.
    public var rawOrder: Int { MeetingStatus.allCases.firstIndex(of: self) ?? 0 }
}

// MARK: Steps

extension OfficeState {
    /// The meeting cycle's steps allowed from the meeting's state, in the order of the seed:
    /// confirm → notify → check the room → held → minutes → chair sends → action items → close.
    func meetingSteps(_ m: Meeting, _ ctx: RuleContext) -> [ProcessStep] {
        let st = m.status
        let beforeHeld = st.rawOrder < MeetingStatus.held.rawOrder && !st.isFinal
        var out: [ProcessStep] = []
        func add(_ id: StepID, when ok: Bool, role: Role? = nil) { if ok { out.append(ProcessStep(id, role: role)) } }
        add(.meetingConfirm, when: st == .requested)
        add(.meetingPrepared, when: st.rawOrder < MeetingStatus.prepared.rawOrder && !st.isFinal)
        add(.meetingRoomChecked, when: st.rawOrder < MeetingStatus.roomChecked.rawOrder && !st.isFinal)
        add(.meetingHeld, when: beforeHeld)
        add(.meetingMinutes, when: !st.isFinal && st.rawOrder >= MeetingStatus.held.rawOrder)
        let chair = m.chair ?? m.organizer
        add(.meetingSendMinutes, when: st == .minutesDrafted && (ctx.actor == chair || hasRole(ctx.actor, .admin) || ctx.allowOverrides))
        add(.meetingActionAdd, when: st != .cancelled && st != .noShow)
        add(.meetingActionDone, when: m.actionItems.contains { $0.doneAt == nil })
        add(.meetingClose, when: st == .minutesSent)
        add(.meetingMove, when: beforeHeld)
        add(.meetingInvite, when: beforeHeld)
        add(.meetingGuestReply, when: m.guests?.contains { $0.reply == .pending } == true)
        add(.roomOutOfService, when: true)
        add(.roomAdd, when: true)
        add(.meetingCancel, when: beforeHeld)
        add(.meetingNoShow, when: beforeHeld)
        return out
    }

    func meetingImmediateChange(_ step: StepID, _ id: String, _ ctx: RuleContext) -> Change? {
        let status: MeetingStatus
        switch step {
        case .meetingConfirm: status = .confirmed
        case .meetingPrepared: status = .prepared
        case .meetingRoomChecked: status = .roomChecked
        case .meetingHeld: status = .held
        case .meetingSendMinutes: status = .minutesSent
        case .meetingClose: status = .closed
        case .meetingCancel: status = .cancelled
        case .meetingNoShow: status = .noShow
        default: return nil
        }
        return .setMeetingStatus(meetingID: id, status: status, at: ctx.now)
    }
}
