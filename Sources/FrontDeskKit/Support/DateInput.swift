import Foundation

/// Dates and times as people type them at the desk and as `--json` prints them: the one parser
/// the CLI, the forms and `FRONTDESK_NOW` share. Local forms are read in the office's time zone
/// (the calendar passed in); ISO 8601 with `Z` or an offset names its own instant.
///
/// A moment (`--at`, `--start`, a form's time field):
/// - `2026-12-01 15:00`, `2026-12-01T15:00`, with `:SS` — office time;
/// - `2026-12-01T15:00:00Z`, `…+08:00`, `…+0800`, fractions of a second allowed — that instant;
/// - `15:00` — today; `today 15:00`, `tomorrow 9:30`, `mon 14:00` (the next Monday, today
///   included, as GNU `date` reads it), and the same in Chinese: `今天`, `明天`, `后天`, `周一`, `星期一`;
/// - `now`, `+30m`, `+2h`, `+1d`, `+1h30m` — from now.
/// A day (`--date`, `--due`): `2026-12-01`, `today`, `tomorrow`, `yesterday`, a weekday name, `+2d`, `-1d`.
/// A month: `2026-12`.
public enum DateInput {
    /// What a moment may look like, for messages.
    public static let momentForms = "YYYY-MM-DD HH:MM, HH:MM (today), today/tomorrow/mon HH:MM, +30m or +2h, or ISO 8601 with Z or an offset"
    public static let momentFormsZh = "YYYY-MM-DD HH:MM、HH:MM（今天）、明天/周一 HH:MM、+30m 或 +2h，或带 Z/时区偏移的 ISO 8601"
    public static let dayForms = "YYYY-MM-DD, today, tomorrow, yesterday, a weekday (mon), or +2d/-1d"
    public static let dayFormsZh = "YYYY-MM-DD、今天、明天、昨天、周一，或 +2d/-1d"

    /// A moment, or nil when `text` is none of the forms above (or names no real date).
    public static func moment(_ text: String, now: Date, calendar: Calendar) -> Date? {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty, t.count <= 64 else { return nil }
        let lower = t.lowercased()
        if lower == "now" || t == "现在" { return now }
        if let offset = relative(lower, allowNegative: false) { return now.addingTimeInterval(offset) }
        if let d = iso(t, calendar) { return d }
        // "<day> <time>" or "<time>" alone (today).
        var parts = t.split(separator: " ").map(String.init)
        // "2026-12-01T15:00": the ISO separator between a date and a time.
        if parts.count == 1, let tAt = t.firstIndex(of: "T"), t.distance(from: t.startIndex, to: tAt) == 10 {
            parts = [String(t[..<tAt]), String(t[t.index(after: tAt)...])]
        }
        if parts.count == 1, let hm = clock(parts[0]) {
            return at(calendar.startOfDay(for: now), hm, calendar)
        }
        if parts.count == 2, let dayStart = day(parts[0], now: now, calendar: calendar), let hm = clock(parts[1]) {
            return at(dayStart, hm, calendar)
        }
        // Chinese without a space: "明天09:00", "周一14:00".
        if parts.count == 1, let split = t.firstIndex(where: { $0.isASCII && $0.isNumber }), split != t.startIndex,
           let dayStart = day(String(t[..<split]), now: now, calendar: calendar), let hm = clock(String(t[split...])) {
            return at(dayStart, hm, calendar)
        }
        return nil
    }

    /// The start of a day (office time), or nil.
    public static func day(_ text: String, now: Date, calendar: Calendar) -> Date? {
        let t = text.trimmingCharacters(in: .whitespaces)
        let lower = t.lowercased()
        let today = calendar.startOfDay(for: now)
        func shift(_ n: Int) -> Date? { calendar.date(byAdding: .day, value: n, to: today) }
        switch lower {
        case "today", "今天", "今日": return today
        case "tomorrow", "明天", "明日": return shift(1)
        case "yesterday", "昨天", "昨日": return shift(-1)
        case "后天": return shift(2)
        case "前天": return shift(-2)
        default: break
        }
        if let w = weekday(lower) {
            let current = calendar.component(.weekday, from: today)
            return shift((w - current + 7) % 7)
        }
        if lower.hasPrefix("+") || lower.hasPrefix("-"), lower.hasSuffix("d"),
           let n = Int(lower.dropFirst().dropLast()), (0...36_500).contains(n) {
            return shift(lower.hasPrefix("-") ? -n : n)
        }
        guard let ymd = components(t) else { return nil }
        return make(ymd, 0, 0, 0, calendar)
    }

    /// "YYYY-MM": the first instant of that month (office time), or nil.
    public static func month(_ text: String, calendar: Calendar) -> Date? {
        let p = text.trimmingCharacters(in: .whitespaces).split(separator: "-", omittingEmptySubsequences: false)
        guard p.count == 2, p[0].count == 4, p[1].count == 2, p.allSatisfy({ $0.allSatisfy(\.isASCII) }),
              let y = Int(p[0]), let m = Int(p[1]), (1...12).contains(m) else { return nil }
        return make((y, m, 1), 0, 0, 0, calendar)
    }

    // MARK: - Pieces

    /// "+30m", "+2h", "+1d", "+90s", "+1h30m" → seconds (nil when not that shape).
    static func relative(_ t: String, allowNegative: Bool) -> TimeInterval? {
        guard let sign = t.first, sign == "+" || (allowNegative && sign == "-") else { return nil }
        var total: TimeInterval = 0
        var digits = ""
        var units = 0
        for ch in t.dropFirst() {
            if ch.isASCII, ch.isNumber { digits.append(ch); continue }
            guard !digits.isEmpty, digits.count <= 6, let n = Double(digits) else { return nil }
            switch ch {
            case "s": total += n
            case "m": total += n * 60
            case "h": total += n * 3600
            case "d": total += n * 86_400
            case "w": total += n * 604_800
            default: return nil
            }
            digits = ""; units += 1
        }
        guard digits.isEmpty, units > 0, total <= 366 * 86_400 else { return nil }
        return sign == "-" ? -total : total
    }

    /// "9:30", "09:30", "09:30:15" → (h, m, s).
    static func clock(_ t: String) -> (Int, Int, Int)? {
        let p = t.split(separator: ":", omittingEmptySubsequences: false)
        guard p.count == 2 || p.count == 3, p.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              p[0].count <= 2, p[1].count == 2, let h = Int(p[0]), let m = Int(p[1]), (0...23).contains(h), (0...59).contains(m) else { return nil }
        var s = 0
        if p.count == 3 {
            guard p[2].count == 2, let v = Int(p[2]), (0...59).contains(v) else { return nil }
            s = v
        }
        return (h, m, s)
    }

    /// ISO 8601 with a `Z` or an offset (`±HH:MM`, `±HHMM`, `±HH`), `T` or a space between date and
    /// time, seconds and fractions optional. Local forms (no zone) are not ISO here: they are office time.
    static func iso(_ t: String, _ calendar: Calendar) -> Date? {
        guard t.count >= 17, let sep = t.firstIndex(where: { $0 == "T" || $0 == " " }) else { return nil }
        var rest = Substring(t[t.index(after: sep)...])
        let offset: Int
        if rest.hasSuffix("Z") || rest.hasSuffix("z") {
            offset = 0; rest = rest.dropLast()
        } else if let signAt = rest.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            let zone = rest[rest.index(after: signAt)...].replacingOccurrences(of: ":", with: "")
            guard zone.count == 2 || zone.count == 4, zone.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let hh = Int(zone.prefix(2)), let mm = Int(zone.dropFirst(2).isEmpty ? "0" : String(zone.dropFirst(2))),
                  hh <= 14, mm < 60 else { return nil }
            offset = (hh * 3600 + mm * 60) * (rest[signAt] == "-" ? -1 : 1)
            rest = rest[..<signAt]
        } else {
            return nil
        }
        var fraction = 0.0
        if let dot = rest.firstIndex(where: { $0 == "." || $0 == "," }) {
            let digits = rest[rest.index(after: dot)...]
            guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let f = Double("0." + digits) else { return nil }
            fraction = f
            rest = rest[..<dot]
        }
        guard let ymd = components(String(t[..<sep])), let hm = clock(String(rest)),
              let zone = TimeZone(secondsFromGMT: offset) else { return nil }
        var utc = calendar
        utc.timeZone = zone
        return make(ymd, hm.0, hm.1, hm.2, utc)?.addingTimeInterval(fraction)
    }

    /// English and Chinese weekday names → Calendar's weekday number (Sunday = 1).
    static func weekday(_ t: String) -> Int? {
        let names: [(Int, [String])] = [
            (1, ["sun", "sunday", "周日", "周天", "星期日", "星期天"]),
            (2, ["mon", "monday", "周一", "星期一"]),
            (3, ["tue", "tues", "tuesday", "周二", "星期二"]),
            (4, ["wed", "wednesday", "周三", "星期三"]),
            (5, ["thu", "thur", "thurs", "thursday", "周四", "星期四"]),
            (6, ["fri", "friday", "周五", "星期五"]),
            (7, ["sat", "saturday", "周六", "星期六"]),
        ]
        return names.first { $0.1.contains(t) }?.0
    }

    static func components(_ s: String) -> (Int, Int, Int)? {
        let p = s.split(separator: "-", omittingEmptySubsequences: false)
        guard p.count == 3, p[0].count == 4, p[1].count == 2, p[2].count == 2, p.allSatisfy({ $0.allSatisfy(\.isASCII) }),
              let y = Int(p[0]), let m = Int(p[1]), let d = Int(p[2]), (1...12).contains(m), (1...31).contains(d) else { return nil }
        return (y, m, d)
    }

    static func at(_ dayStart: Date, _ hms: (Int, Int, Int), _ calendar: Calendar) -> Date? {
        let c = calendar.dateComponents([.year, .month, .day], from: dayStart)
        guard let y = c.year, let m = c.month, let d = c.day else { return nil }
        return make((y, m, d), hms.0, hms.1, hms.2, calendar)
    }

    static func make(_ day: (Int, Int, Int), _ h: Int, _ m: Int, _ s: Int, _ calendar: Calendar) -> Date? {
        let dc = DateComponents(year: day.0, month: day.1, day: day.2, hour: h, minute: m, second: s)
        guard let d = calendar.date(from: dc) else { return nil }
        // Reject 2026-02-31 and the like, which Calendar would roll over.
        let back = calendar.dateComponents([.year, .month, .day], from: d)
        return back.year == day.0 && back.month == day.1 && back.day == day.2 ? d : nil
    }
}

extension DateInput {
    /// Absolute forms only (`YYYY-MM-DD HH:MM[:SS]`, ISO 8601 with a zone), for fixtures and
    /// files where "today" has no meaning: the same parser without a clock.
    public static func parseDateTime(_ s: String, _ tz: TimeZone) -> Date? {
        let t = s.trimmingCharacters(in: .whitespaces)
        guard let first = t.first, first.isASCII, first.isNumber, t.count >= 16 else { return nil }
        return moment(t, now: .distantPast, calendar: officeCalendar(tz))
    }

    /// `YYYY-MM-DD` only: the start of that day.
    public static func parseDay(_ s: String, _ tz: TimeZone) -> Date? {
        guard let ymd = components(s.trimmingCharacters(in: .whitespaces)) else { return nil }
        return make(ymd, 0, 0, 0, officeCalendar(tz))
    }

    /// `YYYY-MM`: the first instant of that month.
    public static func parseMonth(_ s: String, _ tz: TimeZone) -> Date? {
        month(s, calendar: officeCalendar(tz))
    }

    static func officeCalendar(_ tz: TimeZone) -> Calendar {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = tz
        c.firstWeekday = 2
        return c
    }
}

extension DateInput {
    /// An end or due time as typed: a moment (`moment(_:now:calendar:)`), or a day alone, which
    /// means `dayEndsAt` o'clock that day (nil: the end of the day, i.e. the next day's start).
    /// Nil when the text is neither. The CLI's `--until`/`--due` and the dashboard's forms read it.
    public static func deadline(_ text: String, now: Date, calendar cal: Calendar, dayEndsAt hour: Int?) -> Date? {
        if let d = moment(text, now: now, calendar: cal) { return d }
        guard let day = day(text, now: now, calendar: cal) else { return nil }
        return hour.flatMap { cal.date(bySettingHour: $0, minute: 0, second: 0, of: day) } ?? cal.date(byAdding: .day, value: 1, to: day)
    }
}
