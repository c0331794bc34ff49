import Foundation
import FrontDeskKit

/// Writes meetings as an iCalendar file (RFC 5545) that Outlook, Google Calendar, Thunderbird and
/// phones open: one VEVENT per meeting, a series as one VEVENT with RRULE (and EXDATE for the
/// occurrences cancelled or not exported, a RECURRENCE-ID VEVENT for each one moved or changed).
///
/// Times carry `TZID=` the office's zone with a VTIMEZONE built from Foundation's transitions,
/// because a series repeats at the same wall-clock hour across a daylight-saving change (as
/// `meeting add --repeat` books it) only when the rule is expanded in local time; an office in UTC
/// gets UTC `Z` times and no VTIMEZONE.
public struct MeetingCalendarExport {
    public var state: OfficeState
    public var zone: TimeZone
    /// Makes UIDs unique to this store (see `storeTag(createdAt:createdBy:)`).
    public var storeTag: String

    public init(state: OfficeState, zone: TimeZone, storeTag: String) {
        self.state = state; self.zone = zone; self.storeTag = storeTag
    }

    /// A short stable tag for a store, from when and by whom it was created: the same store always
    /// gives the same UIDs, two stores never share them.
    public static func storeTag(createdAt: Date, createdBy: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a: stable across runs and platforms, unlike Hasher
        for b in "\(Int(createdAt.timeIntervalSince1970 * 1000))|\(createdBy)".utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return String(h, radix: 36)
    }

    /// The UID of a meeting (or of its series): the same on every export of this store.
    public func uid(_ id: String) -> String { "\(id)-\(storeTag)@frontdesk" }

    var usesUTC: Bool { zone.secondsFromGMT(for: Date(timeIntervalSince1970: 0)) == 0 && zone.nextDaylightSavingTimeTransition(after: Date(timeIntervalSince1970: 0)) == nil }

    /// The whole file for `meetings` (any order), CRLF line ends, folded at 75 octets.
    public func calendar(_ meetings: [Meeting]) -> String {
        var cal = CalendarComponent(name: "VCALENDAR", line: 0)
        cal.properties = [
            ContentLine(name: "VERSION", value: "2.0"),
            ContentLine(name: "PRODID", value: "-//frontdesk//meeting export//EN"),
            ContentLine(name: "CALSCALE", value: "GREGORIAN"),
            ContentLine(name: "METHOD", value: "PUBLISH"),
        ]
        if !usesUTC { cal.properties.append(ContentLine(name: "X-WR-TIMEZONE", value: zone.identifier)) }
        let sorted = meetings.sorted { ($0.start, Self.number($0.id)) < ($1.start, Self.number($1.id)) }
        var events: [CalendarComponent] = []
        var seen = Set<String>()
        for m in sorted {
            if let s = m.seriesID {
                if seen.contains(s) { continue }
                seen.insert(s)
                let members = sorted.filter { $0.seriesID == s }
                events += members.count > 1 ? series(members, id: s) : [event(m, uid: uid(m.id))]
            } else {
                events.append(event(m, uid: uid(m.id)))
            }
        }
        if !usesUTC, let first = sorted.first, let last = sorted.last {
            cal.components.append(timezone(from: first.start, to: last.end))
        }
        cal.components += events
        return cal.serialized()
    }

    static func number(_ id: String) -> Int { Int(id.drop { !$0.isNumber }) ?? 0 }

    func time(_ name: String, _ d: Date) -> ContentLine {
        usesUTC ? ContentLine(name: name, value: TimeWriter.utc(d))
            : ContentLine(name: name, parameters: ["TZID": [zone.identifier]], value: TimeWriter.local(d, zone))
    }

    func text(_ name: String, _ s: String) -> ContentLine { ContentLine(name: name, value: ICalendarText.escape(s)) }

    /// A person's calendar address: their e-mail when the store knows it, else frontdesk's URN.
    func person(_ name: String, login: String) -> ContentLine {
        let email = state.people[login]?.email
        let address = email.map { "mailto:\($0)" } ?? CalendarPerson.loginScheme + (login.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? login)
        var params = ["CN": [state.displayName(login)]]
        if email != nil { params["X-FRONTDESK-LOGIN"] = [login] }
        return ContentLine(name: name, parameters: params, value: address)
    }

    /// The properties of one meeting, without its times and UID.
    func body(_ m: Meeting) -> [ContentLine] {
        var p: [ContentLine] = [text("SUMMARY", m.title)]
        if let room = state.rooms[m.roomID] { p.append(text("LOCATION", room.name)) }
        let status = m.status == .requested ? "TENTATIVE" : m.status == .cancelled || m.status == .noShow ? "CANCELLED" : "CONFIRMED"
        p.append(ContentLine(name: "STATUS", value: status))
        if let g = m.goal, !g.isEmpty { p.append(text("DESCRIPTION", g)) }
        p.append(person("ORGANIZER", login: m.organizer))
        for a in m.attendees {
            var line = person("ATTENDEE", login: a)
            line.parameters["ROLE"] = ["REQ-PARTICIPANT"]
            line.parameters["CUTYPE"] = ["INDIVIDUAL"]
            p.append(line)
        }
        for g in m.guests ?? [] {
            var params: [String: [String]] = ["CN": [g.name], "ROLE": ["OPT-PARTICIPANT"], "CUTYPE": ["INDIVIDUAL"], "X-FRONTDESK-GUEST": ["TRUE"]]
            params["PARTSTAT"] = [g.reply == .accepted ? "ACCEPTED" : g.reply == .declined ? "DECLINED" : "NEEDS-ACTION"]
            let address: String
            if let c = g.contact, c.contains("@"), !c.contains(where: \.isWhitespace) {
                address = "mailto:\(c)"
            } else {
                if let c = g.contact { params["X-FRONTDESK-CONTACT"] = [c] }
                address = CalendarPerson.guestScheme + (g.name.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? "guest")
            }
            p.append(ContentLine(name: "ATTENDEE", parameters: params, value: address))
        }
        if !m.requiredEquipment.isEmpty { p.append(text("X-FRONTDESK-NEEDS", m.requiredEquipment.joined(separator: ","))) }
        if let c = m.chair { p.append(text("X-FRONTDESK-CHAIR", c)) }
        return p
    }

    func event(_ m: Meeting, uid: String, recurrenceID: Date? = nil, rule: [ContentLine] = []) -> CalendarComponent {
        var v = CalendarComponent(name: "VEVENT", line: 0)
        v.properties = [ContentLine(name: "UID", value: uid), ContentLine(name: "DTSTAMP", value: TimeWriter.utc(m.requestedAt)),
                        ContentLine(name: "CREATED", value: TimeWriter.utc(m.requestedAt))]
        if let r = recurrenceID { v.properties.append(time("RECURRENCE-ID", r)) }
        v.properties += [time("DTSTART", m.start), time("DTEND", m.end)] + rule + body(m)
        return v
    }

    /// A series: the occurrence numbers follow the meeting ids (`meeting add --repeat` numbers
    /// them in order), so occurrence k of series M10 is M(10+k). The frequency and first start are
    /// the ones that explain most occurrences; the others are RECURRENCE-ID overrides.
    func series(_ members: [Meeting], id: String) -> [CalendarComponent] {
        let base = Self.number(id)
        let slotOf = { (m: Meeting) in Self.number(m.id) - base }
        let cal = Calendar.inZone(zone)
        let kmax = members.map(slotOf).max() ?? 0
        var best: (freq: Recurrence.Frequency, slots: [Date], hits: Int)?
        for freq in [Recurrence.Frequency.weekly, .daily, .monthly] {
            for anchor in members.prefix(3) {
                let k = slotOf(anchor)
                let comp: Calendar.Component = freq == .daily ? .day : freq == .weekly ? .weekOfYear : .month
                guard let origin = cal.date(byAdding: comp, value: -k, to: anchor.start) else { continue }
                let slots = Self.slots(freq, origin: origin, count: kmax + 1, cal: cal)
                let hits = members.filter { m in slots.indices.contains(slotOf(m)) && slots[slotOf(m)] == m.start }.count
                if best == nil || hits > (best?.hits ?? 0) { best = (freq, slots, hits) }
            }
        }
        guard let b = best, b.hits > 0, members.allSatisfy({ slotOf($0) >= 0 && b.slots.indices.contains(slotOf($0)) }) else {
            return members.map { event($0, uid: uid($0.id)) }
        }
        let kmin = members.map(slotOf).min() ?? 0
        // The master shows the first occurrence kept on its slot (or the first one, moved or not).
        let master = members.first { $0.start == b.slots[slotOf($0)] && $0.status.holdsRoom } ?? members[0]
        let length = master.end.timeIntervalSince(master.start)
        var pattern = master
        pattern.start = b.slots[kmin]; pattern.end = pattern.start.addingTimeInterval(length)
        let byNumber = Dictionary(members.map { (slotOf($0), $0) }, uniquingKeysWith: { a, _ in a })
        var skipped: [Date] = [], overrides: [CalendarComponent] = []
        let masterBody = body(master)
        for k in kmin...kmax {
            let slot = b.slots[k]
            guard let m = byNumber[k], m.status.holdsRoom else { skipped.append(slot); continue }
            if m.start != slot || m.end.timeIntervalSince(m.start) != length || body(m) != masterBody {
                overrides.append(event(m, uid: uid(id), recurrenceID: slot))
            }
        }
        let freqName = b.freq == .daily ? "DAILY" : b.freq == .weekly ? "WEEKLY" : "MONTHLY"
        var rule = [ContentLine(name: "RRULE", value: "FREQ=\(freqName);COUNT=\(kmax - kmin + 1)")]
        if !skipped.isEmpty {
            rule.append(usesUTC ? ContentLine(name: "EXDATE", value: skipped.map(TimeWriter.utc).joined(separator: ","))
                        : ContentLine(name: "EXDATE", parameters: ["TZID": [zone.identifier]], value: skipped.map { TimeWriter.local($0, zone) }.joined(separator: ",")))
        }
        var main = event(master, uid: uid(id), rule: rule)
        // The master carries the pattern's first start, not the master occurrence's own.
        if let i = main.properties.firstIndex(where: { $0.name == "DTSTART" }) { main.properties[i] = time("DTSTART", pattern.start) }
        if let i = main.properties.firstIndex(where: { $0.name == "DTEND" }) { main.properties[i] = time("DTEND", pattern.end) }
        return [main] + overrides
    }

    /// The starts of occurrences 0..<count as `Recurrence` makes them (a monthly series skips months
    /// without its day, as RRULE FREQ=MONTHLY does).
    static func slots(_ freq: Recurrence.Frequency, origin: Date, count: Int, cal: Calendar) -> [Date] {
        let comp: Calendar.Component = freq == .daily ? .day : freq == .weekly ? .weekOfYear : .month
        let day = cal.component(.day, from: origin)
        var out: [Date] = [], step = 0
        while out.count < count && step < 5000 {
            guard let d = cal.date(byAdding: comp, value: step, to: origin) else { break }
            step += 1
            if freq == .monthly && cal.component(.day, from: d) != day { continue }
            out.append(d)
        }
        return out
    }

    /// The office's zone from a year before `from` to a year after `to`: each offset change as its
    /// own STANDARD or DAYLIGHT observance (no RRULE, so no rule can disagree with Foundation's
    /// data), after the observance in force at the start. A zone without changes has one STANDARD.
    func timezone(from: Date, to: Date) -> CalendarComponent {
        var tz = CalendarComponent(name: "VTIMEZONE", line: 0)
        tz.properties = [ContentLine(name: "TZID", value: zone.identifier)]
        let begin = from.addingTimeInterval(-366 * 86_400), stop = to.addingTimeInterval(366 * 86_400)
        func observance(_ at: Date, before: Int, after: Int, dst: Bool, onset: String) -> CalendarComponent {
            var o = CalendarComponent(name: dst ? "DAYLIGHT" : "STANDARD", line: 0)
            o.properties = [ContentLine(name: "DTSTART", value: onset),
                            ContentLine(name: "TZOFFSETFROM", value: TimeWriter.offset(before)),
                            ContentLine(name: "TZOFFSETTO", value: TimeWriter.offset(after))]
            if let abbr = zone.abbreviation(for: at) { o.properties.append(ContentLine(name: "TZNAME", value: ICalendarText.escape(abbr))) }
            return o
        }
        let initial = zone.secondsFromGMT(for: begin)
        tz.components.append(observance(begin, before: initial, after: initial, dst: zone.isDaylightSavingTime(for: begin), onset: "19700101T000000"))
        var t = begin
        while let next = zone.nextDaylightSavingTimeTransition(after: t), next < stop {
            let before = zone.secondsFromGMT(for: next.addingTimeInterval(-1)), after = zone.secondsFromGMT(for: next)
            let onsetZone = TimeZone(secondsFromGMT: before) ?? zone
            tz.components.append(observance(next, before: before, after: after, dst: zone.isDaylightSavingTime(for: next),
                                            onset: TimeWriter.local(next, onsetZone)))
            t = next
        }
        return tz
    }
}
