import Foundation
import FrontDeskKit

/// What happens to one event of an imported file: booked as one change (a series is one change,
/// as `meeting add --repeat` books it), refused with the office's reason, or left out (cancelled).
public struct ImportedEvent: Sendable {
    public enum Outcome: Sendable {
        case book(Change)
        case refused(Refusal)
        /// Cancelled in the file: nothing to book.
        case skipped
    }
    /// The line of the event's BEGIN:VEVENT.
    public var line: Int
    public var title: String
    public var start: Date
    /// The room it would take (its name), if one was found.
    public var room: String?
    /// Occurrences it books (1 for a single meeting).
    public var occurrences: Int
    public var outcome: Outcome

    public var isRefused: Bool { if case .refused = outcome { true } else { false } }
    /// The meetings this event books, if it is booked.
    public var meetings: [Meeting] { if case .book(.bookMeetings(let ms)) = outcome { ms } else { [] } }
}

/// Turns the events of a file into bookings, each checked by the same rules as `meeting add`
/// (`OfficeState.validate` on `.bookMeetings`), in file order against the state the ones before
/// it leave, so two events of one file cannot take one room twice.
public struct MeetingCalendarImport {
    /// `--room`: every event goes to this room (a name or id) instead of its LOCATION.
    public var room: String?
    /// A series with no COUNT or UNTIL is booked for this long from its first start.
    public static let openSeriesHorizon: TimeInterval = 365 * 86_400

    public init(room: String? = nil) { self.room = room }

    /// What each event would do against `state` at `ctx`. Pure: nothing is written.
    public func plan(_ events: [CalendarEvent], state: OfficeState, ctx: RuleContext) -> [ImportedEvent] {
        var trial = state
        var out: [ImportedEvent] = []
        let masters = Set(events.filter { $0.recurrenceID == nil && $0.rule != nil }.compactMap(\.uid))
        for e in events {
            // Overrides travel with their series; one whose series is not in the file stands alone.
            if e.recurrenceID != nil, let u = e.uid, masters.contains(u) { continue }
            let overrides = e.rule == nil ? [] : events.filter { $0.recurrenceID != nil && $0.uid == e.uid && e.uid != nil }
            var item = ImportedEvent(line: e.line, title: e.summary, start: e.start.date, room: nil, occurrences: 0, outcome: .skipped)
            do {
                let ms = try meetings(e, overrides: overrides, state: trial, ctx: ctx)
                item.room = ms.first.flatMap { trial.rooms[$0.roomID]?.name }
                item.occurrences = ms.count
                if ms.isEmpty { out.append(item); continue }
                let change = Change.bookMeetings(ms)
                try trial.validate(change, ctx)
                trial.apply(change)
                item.outcome = .book(change)
            } catch {
                item.outcome = .refused(error)
            }
            out.append(item)
        }
        return out
    }

    /// The meetings of one event (its occurrences, with the file's overrides and exceptions), ids
    /// numbered on from `state`'s counter. Empty for a cancelled event. Throws why it cannot be
    /// booked as written (no room, no end, a rule this reader does not expand).
    func meetings(_ e: CalendarEvent, overrides: [CalendarEvent], state: OfficeState, ctx: RuleContext) throws(Refusal) -> [Meeting] {
        if e.status == "CANCELLED" { return [] }
        let roomID = try roomFor(e, state)
        guard let end = e.endDate else {
            throw .invalid("The event has no end (neither DTEND nor DURATION).", zh: "该事件没有结束时间（既无 DTEND 也无 DURATION）。")
        }
        if let what = e.unsupportedRule {
            throw .invalid("Its repeat rule uses \(what), which frontdesk does not book; book it with frontdesk meeting add --repeat.",
                           zh: "其重复规则使用了 \(what)，frontdesk 无法按此预订；请用 frontdesk meeting add --repeat 预订。")
        }
        let length = end.timeIntervalSince(e.start.date)
        var starts = [e.start.date]
        if let rule = e.rule {
            starts = rule.starts(from: e.start, limit: Recurrence.maxOccurrences, horizon: e.start.date.addingTimeInterval(Self.openSeriesHorizon))
            if starts.count > Recurrence.maxOccurrences {
                throw .invalid("The series has more than \(Recurrence.maxOccurrences) occurrences; end it sooner in the calendar and export again.",
                               zh: "该系列超过 \(Recurrence.maxOccurrences) 次；请在日历中提前结束后重新导出。")
            }
            let cal = Calendar.inZone(e.start.zone)
            starts.removeAll { s in
                e.exceptions.contains { x in x.allDay ? cal.isDate(x.date, inSameDayAs: s) : x.date == s }
            }
        }
        let first = state.counters[RecordKind.meeting.rawValue, default: 0] + 1
        var out: [Meeting] = []
        for s in starts {
            var source = e, start = s, stop = s.addingTimeInterval(length)
            if let o = overrides.first(where: { $0.recurrenceID?.date == s }) {
                if o.status == "CANCELLED" { continue }
                // An override that leaves a property out keeps the series' value (some writers omit them).
                source = o
                if source.summary.isEmpty { source.summary = e.summary }
                if source.location == nil { source.location = e.location }
                if source.description == nil { source.description = e.description }
                if source.organizer == nil { source.organizer = e.organizer }
                if source.attendees.isEmpty { source.attendees = e.attendees }
                if source.needs.isEmpty { source.needs = e.needs }
                if source.chair == nil { source.chair = e.chair }
                start = o.start.date
                stop = o.endDate ?? start.addingTimeInterval(length)
            }
            var m = try meeting(source, id: "\(RecordKind.meeting.idPrefix)\(first + out.count)", roomID: source.location == e.location ? roomID : try roomFor(source, state),
                                start: start, end: stop, state: state, ctx: ctx)
            if e.rule != nil { m.seriesID = "\(RecordKind.meeting.idPrefix)\(first)" }
            out.append(m)
        }
        return out
    }

    func roomFor(_ e: CalendarEvent, _ state: OfficeState) throws(Refusal) -> String {
        if let r = room {
            guard let found = state.room(named: r) else { throw .invalid("No room \(r) (--room).", zh: "没有会议室 \(r)（--room）。") }
            return found.id
        }
        guard let loc = e.location?.trimmingCharacters(in: .whitespaces), !loc.isEmpty else {
            throw .invalid("The event names no room (no LOCATION); give --room NAME.", zh: "该事件没有写会议室（无 LOCATION）；请用 --room 会议室 指定。")
        }
        guard let found = state.room(named: loc) else {
            throw .invalid("No room named “\(loc)” (its LOCATION); add it (frontdesk room add) or give --room NAME.",
                           zh: "没有名为“\(loc)”的会议室（LOCATION）；请先添加（frontdesk room add）或用 --room 会议室 指定。")
        }
        return found.id
    }

    /// One occurrence as a meeting: people found by login or e-mail become attendees, the others
    /// guests with their reply; TENTATIVE books a request to confirm, anything else a confirmed meeting.
    func meeting(_ e: CalendarEvent, id: String, roomID: String, start: Date, end: Date, state: OfficeState, ctx: RuleContext) throws(Refusal) -> Meeting {
        func login(_ p: CalendarPerson) -> String? {
            if p.isGuest { return nil }
            if let l = p.login { return l }
            if let mail = p.email?.lowercased(), let person = state.people.values.first(where: { $0.email?.lowercased() == mail }) { return person.login }
            if let n = p.name, state.people[n] != nil { return n }
            if let n = p.name, let person = state.people.values.first(where: { $0.name == n }) { return person.login }
            return nil
        }
        let organizer = e.organizer.map { login($0) ?? $0.label }.flatMap { $0.isEmpty ? nil : $0 } ?? ctx.actor
        let title = e.summary.trimmingCharacters(in: .whitespacesAndNewlines)
        var m = Meeting(id: id, title: title.isEmpty ? "(no title)" : title, roomID: roomID, organizer: organizer, attendees: [],
                        start: start, end: end, status: e.status == "TENTATIVE" ? .requested : .confirmed, requestedAt: ctx.now,
                        requiredEquipment: e.needs)
        m.confirmedAt = m.status == .confirmed ? ctx.now : nil
        // Outlook ends its descriptions with a line break; a goal does not need it.
        m.goal = e.description.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
        m.chair = e.chair
        var guests: [GuestInvite] = []
        for a in e.attendees {
            if let l = login(a) {
                if !m.attendees.contains(l) { m.attendees.append(l) }
                continue
            }
            let name = a.label
            if name.isEmpty || guests.contains(where: { $0.name == name }) || name == organizer { continue }
            var g = GuestInvite(name: name, contact: a.email ?? a.contact, invitedAt: ctx.now)
            switch a.reply {
            case "ACCEPTED": g.reply = .accepted; g.repliedAt = ctx.now
            case "DECLINED": g.reply = .declined; g.repliedAt = ctx.now
            default: break
            }
            guests.append(g)
        }
        m.guests = guests.isEmpty ? nil : guests
        return m
    }
}
