import Foundation
import FrontDeskKit

/// A meeting's invitation as an iCalendar (RFC 5545) `METHOD:REQUEST` with one VEVENT, for a
/// mail client to send: organizer, attendees and guests asked to reply, room as LOCATION, the
/// notice text as DESCRIPTION. Minimal on purpose: the shared .ics writer of issue 13 replaces
/// `ICSLines` after the merge.
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
                     "BEGIN:VEVENT", "UID:" + ICSLines.text(uid), "DTSTAMP:" + ICSLines.utc(now),
                     "DTSTART:" + ICSLines.utc(m.start), "DTEND:" + ICSLines.utc(m.end), "SEQUENCE:0",
                     "SUMMARY:" + ICSLines.text(m.title), "LOCATION:" + ICSLines.text(state.rooms[m.roomID]?.name ?? m.roomID),
                     "DESCRIPTION:" + ICSLines.text(description),
                     "STATUS:" + (m.status == .requested ? "TENTATIVE" : m.status == .cancelled ? "CANCELLED" : "CONFIRMED")]
        let org = address(m.organizer)
        lines.append("ORGANIZER;CN=" + ICSLines.param(org.cn) + ":" + org.uri)
        for a in m.attendees where a != m.organizer {
            let at = address(a)
            lines.append("ATTENDEE;CN=" + ICSLines.param(at.cn) + ";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:" + at.uri)
        }
        for g in m.guests ?? [] {
            // A guest reached by phone has no calendar address: named in the description only.
            guard let c = g.contact, c.contains("@") else { continue }
            let stat = g.reply == .accepted ? "ACCEPTED" : g.reply == .declined ? "DECLINED" : "NEEDS-ACTION"
            lines.append("ATTENDEE;CN=" + ICSLines.param(g.name) + ";ROLE=OPT-PARTICIPANT;PARTSTAT=\(stat);RSVP=TRUE:mailto:" + c)
        }
        lines += ["END:VEVENT", "END:VCALENDAR"]
        return lines.map(ICSLines.fold).joined()
    }
}

/// RFC 5545 text rules: escaping, UTC times, and folding at 75 octets without splitting a
/// UTF-8 character.
enum ICSLines {
    /// TEXT values: backslash, semicolon, comma escaped; newlines as `\n`.
    static func text(_ s: String) -> String {
        var out = ""
        for ch in s.unicodeScalars {
            switch ch {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            case "\r": continue
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// A parameter value: quoted (names with commas or colons stay one value); a double quote cannot appear.
    static func param(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\"", with: "'").replacingOccurrences(of: "\n", with: " ") + "\""
    }

    static func utc(_ d: Date) -> String {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? cal.timeZone
        let c = cal.dateComponents([.year, .month, .day, .hour, .minute, .second], from: d)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }

    /// One content line, CRLF-terminated, folded so no physical line exceeds 75 octets: each
    /// continuation starts with a space, and a break never falls inside a character's bytes.
    static func fold(_ line: String) -> String {
        var out = "", count = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if count + size > 75 {
                out += "\r\n "
                count = 1
            }
            out.unicodeScalars.append(scalar)
            count += size
        }
        return out + "\r\n"
    }
}
