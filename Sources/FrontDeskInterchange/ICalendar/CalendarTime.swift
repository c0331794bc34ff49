import Foundation

/// A DATE or DATE-TIME value read from a file: the instant, whether it was a whole day, and the
/// zone its wall-clock time is in (recurrences repeat in that zone, as RFC 5545 §3.3.10 says).
public struct CalendarTime: Sendable, Equatable {
    public var date: Date
    /// VALUE=DATE: a whole day, `date` being its start in `zone`.
    public var allDay: Bool
    public var zone: TimeZone
    public init(date: Date, allDay: Bool, zone: TimeZone) { self.date = date; self.allDay = allDay; self.zone = zone }
}

/// Time zones as calendar clients name them: IANA ids (Thunderbird, Google, Apple), Windows names
/// (Outlook), Mozilla's `/mozilla.org/…/Asia/Shanghai` prefixes, and a file's own VTIMEZONE.
public struct ZoneNames: Sendable {
    /// The Windows names Outlook writes in TZID, for the zones offices use most (the CLDR
    /// windowsZones table's "001" territory entries).
    public static let windows: [String: String] = [
        "China Standard Time": "Asia/Shanghai", "Taipei Standard Time": "Asia/Taipei",
        "Tokyo Standard Time": "Asia/Tokyo", "Korea Standard Time": "Asia/Seoul",
        "Singapore Standard Time": "Asia/Singapore", "India Standard Time": "Asia/Kolkata",
        "SE Asia Standard Time": "Asia/Bangkok", "W. Australia Standard Time": "Australia/Perth",
        "AUS Eastern Standard Time": "Australia/Sydney", "New Zealand Standard Time": "Pacific/Auckland",
        "Arabian Standard Time": "Asia/Dubai", "Russian Standard Time": "Europe/Moscow",
        "GMT Standard Time": "Europe/London", "Greenwich Standard Time": "Atlantic/Reykjavik",
        "W. Europe Standard Time": "Europe/Berlin", "Romance Standard Time": "Europe/Paris",
        "Central Europe Standard Time": "Europe/Budapest", "Central European Standard Time": "Europe/Warsaw",
        "FLE Standard Time": "Europe/Kiev", "GTB Standard Time": "Europe/Bucharest",
        "Eastern Standard Time": "America/New_York", "Central Standard Time": "America/Chicago",
        "Mountain Standard Time": "America/Denver", "US Mountain Standard Time": "America/Phoenix",
        "Pacific Standard Time": "America/Los_Angeles", "Alaskan Standard Time": "America/Anchorage",
        "Hawaiian Standard Time": "Pacific/Honolulu", "Atlantic Standard Time": "America/Halifax",
        "E. South America Standard Time": "America/Sao_Paulo", "UTC": "UTC",
        "Mongolia Standard Time": "Asia/Ulaanbaatar", "North Asia East Standard Time": "Asia/Irkutsk",
        "Malay Peninsula Standard Time": "Asia/Kuala_Lumpur",
    ]

    /// Zones defined by the file's VTIMEZONE components that no name above resolves: the offset of
    /// their latest STANDARD observance (a fixed offset; see the note on limits in the README).
    var fileZones: [String: TimeZone] = [:]

    public init(vtimezones: [CalendarComponent] = []) {
        for v in vtimezones {
            guard let id = v.property("TZID")?.value, Self.known(id) == nil else { continue }
            let chosen = v.components.last { $0.name == "STANDARD" } ?? v.components.last { $0.name == "DAYLIGHT" }
            if let off = chosen?.property("TZOFFSETTO").flatMap({ Self.offset($0.value) }),
               let tz = TimeZone(secondsFromGMT: off) {
                fileZones[id] = tz
            }
        }
    }

    /// A zone Foundation or the Windows table knows under `id`, or nil.
    public static func known(_ raw: String) -> TimeZone? {
        let id = raw.trimmingCharacters(in: .whitespaces)
        if let w = windows[id], let tz = TimeZone(identifier: w) { return tz }
        if id.contains("/"), let tz = TimeZone(identifier: id) { return tz }
        if id == "UTC" || id == "GMT" || id == "Etc/UTC" { return TimeZone(identifier: "UTC") }
        // "/mozilla.org/20050126_1/Asia/Shanghai" and similar prefixes: try the last two parts.
        let parts = id.split(separator: "/")
        if parts.count >= 2, let tz = TimeZone(identifier: parts.suffix(2).joined(separator: "/")) { return tz }
        if parts.count >= 3, let tz = TimeZone(identifier: parts.suffix(3).joined(separator: "/")) { return tz }
        return nil
    }

    public func zone(_ id: String) -> TimeZone? { Self.known(id) ?? fileZones[id] }

    /// "+0800", "-0530", "+053045" → seconds east of UTC.
    static func offset(_ s: String) -> Int? {
        let t = s.trimmingCharacters(in: .whitespaces)
        guard let sign = t.first, sign == "+" || sign == "-" else { return nil }
        let digits = t.dropFirst()
        guard digits.count == 4 || digits.count == 6, digits.allSatisfy(\.isASCII), let n = Int(digits) else { return nil }
        let secs = digits.count == 4 ? (n / 100) * 3600 + (n % 100) * 60 : (n / 10000) * 3600 + (n / 100 % 100) * 60 + n % 100
        return sign == "-" ? -secs : secs
    }

    /// Reads a DATE or DATE-TIME property: `Z` is UTC, TZID names the zone, neither is floating
    /// (the office's zone). Throws naming the property and its line when the value is no date.
    public func time(_ p: ContentLine, office: TimeZone) throws(ICalendarError) -> CalendarTime {
        try time(p.value, p, office: office)
    }

    /// The same for one value of a list (EXDATE may hold several, comma-separated).
    public func time(_ raw: String, _ p: ContentLine, office: TimeZone) throws(ICalendarError) -> CalendarTime {
        let v = raw.trimmingCharacters(in: .whitespaces)
        var zone = office
        if let tzid = p.parameter("TZID") {
            guard let z = self.zone(tzid) else {
                throw ICalendarError(line: p.line, "\(p.name) names the time zone “\(tzid)”, which is neither a known zone nor defined in the file's VTIMEZONE.",
                                     zh: "\(p.name) 使用的时区“\(tzid)”既不是已知时区，也没有在文件的 VTIMEZONE 中定义。")
            }
            zone = z
        }
        let bad = ICalendarError(line: p.line, "\(p.name) value “\(ICalendarText.preview(v))” is not a date (YYYYMMDD) or a date-time (YYYYMMDDTHHMMSS, Z for UTC).",
                                 zh: "\(p.name) 的值“\(ICalendarText.preview(v))”不是日期（YYYYMMDD）或日期时间（YYYYMMDDTHHMMSS，UTC 时间末尾加 Z）。")
        let chars = Array(v.utf8)
        guard chars.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == 84 || $0 == 90 }) else { throw bad }
        func num(_ r: Range<Int>) -> Int? { r.upperBound <= chars.count ? Int(String(decoding: chars[r], as: UTF8.self)) : nil }
        guard let y = num(0..<4), let mo = num(4..<6), let d = num(6..<8) else { throw bad }
        var c = DateComponents(year: y, month: mo, day: d)
        let allDay: Bool
        if chars.count == 8 {
            allDay = true
            c.hour = 0; c.minute = 0; c.second = 0
        } else {
            guard chars.count == 15 || chars.count == 16, chars[8] == 84, let h = num(9..<11), let mi = num(11..<13), let s = num(13..<15) else { throw bad }
            if chars.count == 16 {
                guard chars[15] == 90 else { throw bad }
                zone = TimeZone(identifier: "UTC") ?? zone
            }
            allDay = false
            c.hour = h; c.minute = mi; c.second = s
        }
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = zone
        // Calendar would roll 20260231 over to March; a date that does not exist is a mistake.
        guard (1...12).contains(mo), (1...31).contains(d), (c.hour ?? 0) < 24, (c.minute ?? 0) < 60, (c.second ?? 0) < 61,
              let date = cal.date(from: c), cal.component(.day, from: date) == d else { throw bad }
        return CalendarTime(date: date, allDay: allDay, zone: zone)
    }

    /// DURATION (§3.3.6): `P1D`, `PT1H30M`, `-PT15M`, `P2W`. Nil when it is none.
    public static func duration(_ s: String) -> TimeInterval? {
        var t = Substring(s.trimmingCharacters(in: .whitespaces).uppercased())
        var sign = 1.0
        if t.first == "+" { t = t.dropFirst() } else if t.first == "-" { sign = -1; t = t.dropFirst() }
        guard t.first == "P" else { return nil }
        t = t.dropFirst()
        var total = 0.0, n = "", inTime = false, any = false
        for c in t {
            if c.isASCII && c.isNumber { n.append(c); continue }
            if c == "T" { inTime = true; continue }
            guard let v = Double(n) else { return nil }
            switch (c, inTime) {
            case ("W", false): total += v * 604_800
            case ("D", false): total += v * 86_400
            case ("H", true): total += v * 3600
            case ("M", true): total += v * 60
            case ("S", true): total += v
            default: return nil
            }
            n = ""; any = true
        }
        return any && n.isEmpty ? sign * total : nil
    }
}

/// Writes DATE-TIME values: `TZID=zone:YYYYMMDDTHHMMSS` in the office's zone, or `…Z` in UTC.
enum TimeWriter {
    static func local(_ d: Date, _ zone: TimeZone) -> String {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = zone
        let c = cal.dateComponents([.year, .month, .day, .hour, .minute, .second], from: d)
        return String(format: "%04d%02d%02dT%02d%02d%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }

    static func utc(_ d: Date) -> String { local(d, TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? .current) + "Z" }

    static func offset(_ seconds: Int) -> String {
        let a = abs(seconds)
        let s = a % 60 == 0 ? String(format: "%02d%02d", a / 3600, a / 60 % 60) : String(format: "%02d%02d%02d", a / 3600, a / 60 % 60, a % 60)
        return (seconds < 0 ? "-" : "+") + s
    }
}
