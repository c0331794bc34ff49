import Foundation
import FrontDeskKit

/// A meeting's invitation as an iCalendar (RFC 5545) `METHOD:REQUEST` with one VEVENT, for a
/// mail client to send: organizer, attendees and guests asked to reply, room as LOCATION, the
/// notice text as DESCRIPTION. Escaping, folding and times are the calendar export's
/// (`ICalendarText`, `TimeWriter`).
public enum Invitation {
    /// The invitation. `uid` must stay the same for one meeting (a client updates, not duplicates);
    /// `description` is the notice text. Lines end CRLF and are folded at 75 octets.
    public static func ics(_ m: Meeting, in state: OfficeState, uid: String, description: String, now: Date) -> String {
        func address(_ login: String) -> (cn: String, uri: String) {
            let p = state.people[login]
            let email = p?.email.flatMap { $0.isEmpty ? nil : $0 } ?? login
            return (state.displayName(login), "mailto:" + email)
        }
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//frontdesk//meeting notice//EN", "CALSCALE:GREGORIAN", "METHOD:REQUEST",
                     "BEGIN:VEVENT", "UID:" + ICalendarText.escape(uid), "DTSTAMP:" + TimeWriter.utc(now),
                     "DTSTART:" + TimeWriter.utc(m.start), "DTEND:" + TimeWriter.utc(m.end), "SEQUENCE:0",
                     "SUMMARY:" + ICalendarText.escape(m.title), "LOCATION:" + ICalendarText.escape(state.rooms[m.roomID]?.name ?? m.roomID),
                     "DESCRIPTION:" + ICalendarText.escape(description),
                     "STATUS:" + (m.status == .requested ? "TENTATIVE" : m.status == .cancelled ? "CANCELLED" : "CONFIRMED")]
        let org = address(m.organizer)
        lines.append("ORGANIZER;CN=" + ICalendarText.parameterValue(org.cn) + ":" + org.uri)
        for a in m.attendees where a != m.organizer {
            let at = address(a)
            lines.append("ATTENDEE;CN=" + ICalendarText.parameterValue(at.cn) + ";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:" + at.uri)
        }
        for g in m.guests ?? [] {
            // A guest reached by phone has no calendar address: named in the description only.
            guard let c = g.contact, c.contains("@") else { continue }
            let stat = g.reply == .accepted ? "ACCEPTED" : g.reply == .declined ? "DECLINED" : "NEEDS-ACTION"
            lines.append("ATTENDEE;CN=" + ICalendarText.parameterValue(g.name) + ";ROLE=OPT-PARTICIPANT;PARTSTAT=\(stat);RSVP=TRUE:mailto:" + c)
        }
        lines += ["END:VEVENT", "END:VCALENDAR"]
        return lines.map(ICalendarText.fold).joined()
    }
}
