import Foundation

/// A person on an event: ORGANIZER or ATTENDEE.
public struct CalendarPerson: Sendable, Equatable {
    /// The CN parameter, if any.
    public var name: String?
    /// The address after `mailto:`, if it is one.
    public var email: String?
    /// The login this file says it is (frontdesk's own `urn:x-frontdesk:login:` addresses).
    public var login: String?
    /// PARTSTAT upper-cased (ACCEPTED, DECLINED, NEEDS-ACTION, TENTATIVE…), if given.
    public var reply: String?
    /// Marked by frontdesk's export as an external guest (X-FRONTDESK-GUEST).
    public var isGuest: Bool
    /// A guest's phone or other contact that is no e-mail (X-FRONTDESK-CONTACT).
    public var contact: String?

    /// What to call them: CN, else the e-mail, else the login.
    public var label: String { name ?? email ?? login ?? "" }

    static let loginScheme = "urn:x-frontdesk:login:"
    static let guestScheme = "urn:x-frontdesk:guest:"

    init(_ p: ContentLine) {
        let v = p.value.trimmingCharacters(in: .whitespaces)
        let lower = v.lowercased()
        name = p.parameter("CN").map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        email = lower.hasPrefix("mailto:") ? String(v.dropFirst(7)) : nil
        if email?.isEmpty == true { email = nil }
        login = p.parameter("X-FRONTDESK-LOGIN")
            ?? (lower.hasPrefix(Self.loginScheme) ? String(v.dropFirst(Self.loginScheme.count)).removingPercentEncoding : nil)
        reply = p.parameter("PARTSTAT")?.uppercased()
        isGuest = p.parameter("X-FRONTDESK-GUEST")?.uppercased() == "TRUE"
        contact = p.parameter("X-FRONTDESK-CONTACT")
    }
}

/// One VEVENT as read from a file, before any office rule looks at it.
public struct CalendarEvent: Sendable, Equatable {
    /// The line of its BEGIN:VEVENT.
    public var line: Int
    public var uid: String?
    public var summary: String
    public var description: String?
    public var location: String?
    /// STATUS upper-cased: CONFIRMED, TENTATIVE, CANCELLED; nil when not given.
    public var status: String?
    public var start: CalendarTime
    public var end: CalendarTime?
    public var duration: TimeInterval?
    public var organizer: CalendarPerson?
    public var attendees: [CalendarPerson] = []
    public var rule: RepeatRule?
    /// Why the event's RRULE cannot be expanded here (the event is refused with it).
    public var unsupportedRule: String?
    public var exceptions: [CalendarTime] = []
    /// For an override of one occurrence: the original start of that occurrence.
    public var recurrenceID: CalendarTime?
    /// frontdesk's own extensions, read back on import of its export.
    public var needs: [String] = []
    public var chair: String?

    /// When the event ends: DTEND, else DTSTART + DURATION, else a day for a whole-day event
    /// (RFC 5545 §3.6.1); nil for a timed event with neither.
    public var endDate: Date? {
        if let e = end { return e.date }
        if let d = duration { return start.date.addingTimeInterval(d) }
        return start.allDay ? Calendar.inZone(start.zone).date(byAdding: .day, value: 1, to: start.date) : nil
    }
}

extension Calendar {
    static func inZone(_ z: TimeZone) -> Calendar {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = z
        return c
    }
}

/// Reads the VEVENTs of an iCalendar file as Outlook, Google Calendar, Thunderbird, Apple
/// Calendar and calcurse write them. VALARM, VTODO, VJOURNAL and X- properties are ignored.
public enum ICalendarReader {
    /// Every VEVENT of `text`, in file order. Throws `ICalendarError` (with its line) for a file
    /// that is not iCalendar, a component left open, or an event without a readable DTSTART.
    public static func events(_ text: String, office: TimeZone) throws(ICalendarError) -> [CalendarEvent] {
        let top = try CalendarComponent.parse(text)
        let calendars = top.filter { $0.name == "VCALENDAR" }
        let zones = ZoneNames(vtimezones: calendars.flatMap { $0.components.filter { $0.name == "VTIMEZONE" } })
        var out: [CalendarEvent] = []
        for c in calendars {
            for v in c.components where v.name == "VEVENT" { out.append(try event(v, zones: zones, office: office)) }
        }
        return out
    }

    static func event(_ v: CalendarComponent, zones: ZoneNames, office: TimeZone) throws(ICalendarError) -> CalendarEvent {
        guard let ds = v.property("DTSTART") else {
            throw ICalendarError(line: v.line, "The VEVENT that starts here has no DTSTART.", zh: "从此行开始的 VEVENT 没有 DTSTART。")
        }
        let start = try zones.time(ds, office: office)
        var e = CalendarEvent(line: v.line, uid: v.property("UID")?.value,
                              summary: v.property("SUMMARY").map { ICalendarText.unescape($0.value) } ?? "",
                              description: v.property("DESCRIPTION").map { ICalendarText.unescape($0.value) },
                              location: v.property("LOCATION").map { ICalendarText.unescape($0.value) },
                              status: v.property("STATUS")?.value.trimmingCharacters(in: .whitespaces).uppercased(),
                              start: start)
        if let de = v.property("DTEND") { e.end = try zones.time(de, office: office) }
        if let du = v.property("DURATION") {
            guard let d = ZoneNames.duration(du.value) else {
                throw ICalendarError(line: du.line, "DURATION “\(ICalendarText.preview(du.value))” is not a duration (such as PT1H30M).",
                                     zh: "DURATION“\(ICalendarText.preview(du.value))”不是时长（例如 PT1H30M）。")
            }
            e.duration = d
        }
        e.organizer = v.property("ORGANIZER").map(CalendarPerson.init)
        e.attendees = v.all("ATTENDEE").map(CalendarPerson.init)
        if let r = v.property("RRULE") {
            do {
                e.rule = try RepeatRule.parse(r, zones: zones, office: office)
            } catch let err as ICalendarError {
                throw err
            } catch let u as RepeatRule.Unsupported {
                e.unsupportedRule = u.what
            } catch {
                e.unsupportedRule = "\(error)"
            }
        }
        if !v.all("RDATE").isEmpty { e.unsupportedRule = e.unsupportedRule ?? "RDATE" }
        for x in v.all("EXDATE") {
            for item in x.value.split(separator: ",") { e.exceptions.append(try zones.time(String(item), x, office: office)) }
        }
        if let rid = v.property("RECURRENCE-ID") { e.recurrenceID = try zones.time(rid, office: office) }
        if let n = v.property("X-FRONTDESK-NEEDS") {
            e.needs = ICalendarText.unescape(n.value).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        e.chair = v.property("X-FRONTDESK-CHAIR").map { ICalendarText.unescape($0.value) }
        return e
    }
}
