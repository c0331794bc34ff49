import Foundation

/// An RRULE (RFC 5545 §3.3.10) as offices' calendars write them: FREQ DAILY, WEEKLY or MONTHLY
/// with INTERVAL, COUNT or UNTIL, BYDAY (with ordinals for MONTHLY: `2TU`, `-1FR`) and BYMONTHDAY.
public struct RepeatRule: Sendable, Equatable {
    public enum Frequency: String, Sendable { case daily = "DAILY", weekly = "WEEKLY", monthly = "MONTHLY" }
    public var frequency: Frequency
    public var interval = 1
    public var count: Int?
    public var until: CalendarTime?
    /// Weekdays (1 = Sunday … 7 = Saturday, as Calendar counts) with an optional ordinal in the month.
    public var byDay: [(ordinal: Int?, weekday: Int)] = []
    public var byMonthDay: [Int] = []

    public static func == (a: RepeatRule, b: RepeatRule) -> Bool {
        a.frequency == b.frequency && a.interval == b.interval && a.count == b.count && a.until == b.until
            && a.byDay.map { "\($0.ordinal ?? 0)/\($0.weekday)" } == b.byDay.map { "\($0.ordinal ?? 0)/\($0.weekday)" } && a.byMonthDay == b.byMonthDay
    }

    static let weekdays = ["SU": 1, "MO": 2, "TU": 3, "WE": 4, "TH": 5, "FR": 6, "SA": 7]

    /// What a rule asks that this reader does not do (YEARLY, BYSETPOS…): the event is refused
    /// with this reason rather than booked differently from what the sender meant.
    public struct Unsupported: Error, Sendable { public var what: String }

    /// Reads `p` (an RRULE). Throws `ICalendarError` for a value that is not a rule (bad numbers,
    /// no FREQ) and `Unsupported` for a valid rule this reader does not expand.
    public static func parse(_ p: ContentLine, zones: ZoneNames, office: TimeZone) throws -> RepeatRule {
        var parts: [String: String] = [:]
        for pair in p.value.split(separator: ";") where !pair.isEmpty {
            let kv = pair.split(separator: "=", maxSplits: 1)
            guard kv.count == 2 else {
                throw ICalendarError(line: p.line, "RRULE part “\(pair)” is not NAME=value.", zh: "RRULE 的“\(pair)”不是 名称=值 的形式。")
            }
            parts[kv[0].uppercased()] = String(kv[1]).uppercased()
        }
        func bad(_ what: String) -> ICalendarError {
            ICalendarError(line: p.line, "RRULE \(what) is not valid.", zh: "RRULE 的 \(what) 无效。")
        }
        guard let f = parts["FREQ"] else { throw ICalendarError(line: p.line, "RRULE has no FREQ.", zh: "RRULE 缺少 FREQ。") }
        guard let freq = Frequency(rawValue: f) else { throw Unsupported(what: "FREQ=\(f)") }
        var r = RepeatRule(frequency: freq)
        if let i = parts["INTERVAL"] { guard let n = Int(i), n >= 1 else { throw bad("INTERVAL=\(i)") }; r.interval = n }
        if let c = parts["COUNT"] { guard let n = Int(c), n >= 1 else { throw bad("COUNT=\(c)") }; r.count = n }
        if let u = parts["UNTIL"] { r.until = try zones.time(u, ContentLine(name: "RRULE UNTIL", value: u, line: p.line), office: office) }
        if let d = parts["BYDAY"] {
            for item in d.split(separator: ",") {
                let code = String(item.suffix(2)), lead = item.dropLast(2)
                guard let wd = weekdays[code] else { throw bad("BYDAY=\(d)") }
                var ord: Int?
                if !lead.isEmpty {
                    guard let n = Int(lead.hasPrefix("+") ? lead.dropFirst() : lead), n != 0, abs(n) <= 5 else { throw bad("BYDAY=\(d)") }
                    if freq != .monthly { throw Unsupported(what: "BYDAY=\(d) with FREQ=\(f)") }
                    ord = n
                }
                r.byDay.append((ord, wd))
            }
        }
        if let m = parts["BYMONTHDAY"] {
            for item in m.split(separator: ",") {
                guard let n = Int(item), n != 0, abs(n) <= 31 else { throw bad("BYMONTHDAY=\(m)") }
                r.byMonthDay.append(n)
            }
            if freq != .monthly { throw Unsupported(what: "BYMONTHDAY with FREQ=\(f)") }
        }
        for k in parts.keys where !["FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY", "WKST"].contains(k) {
            throw Unsupported(what: k)
        }
        if r.count != nil && r.until != nil { throw bad("COUNT with UNTIL") }
        return r
    }

    /// The starts of the occurrences from `first` (itself first, as RFC 5545 counts it), in its
    /// zone, at most `limit` of them; a rule with no end stops at `horizon`.
    public func starts(from first: CalendarTime, limit: Int, horizon: Date) -> [Date] {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = first.zone
        cal.firstWeekday = 2  // WKST=MO, the default
        let wanted = count ?? Int.max
        // UNTIL is inclusive; a DATE until covers its whole day.
        let end: Date = until.map { $0.allDay ? ($0.date.addingTimeInterval(86_400 - 1)) : $0.date } ?? horizon
        let time = cal.dateComponents([.hour, .minute, .second], from: first.date)
        func at(_ day: Date) -> Date? {
            cal.date(bySettingHour: time.hour ?? 0, minute: time.minute ?? 0, second: time.second ?? 0, of: day)
        }
        var out: [Date] = [first.date]
        let firstDay = cal.startOfDay(for: first.date)
        var period = 0
        // Each period (day, week or month) yields its candidates in time order.
        while out.count < min(wanted, limit + 1) && period < 5000 {
            var candidates: [Date] = []
            switch frequency {
            case .daily:
                if let d = cal.date(byAdding: .day, value: period * interval, to: firstDay),
                   byDay.isEmpty || byDay.contains(where: { $0.weekday == cal.component(.weekday, from: d) }) {
                    candidates = [d]
                }
            case .weekly:
                guard let weekStart = cal.dateInterval(of: .weekOfYear, for: firstDay)?.start,
                      let w = cal.date(byAdding: .weekOfYear, value: period * interval, to: weekStart) else { break }
                let days = byDay.isEmpty ? [cal.component(.weekday, from: firstDay)] : byDay.map(\.weekday)
                candidates = (0..<7).compactMap { cal.date(byAdding: .day, value: $0, to: w) }
                    .filter { days.contains(cal.component(.weekday, from: $0)) }
            case .monthly:
                guard let monthStart = cal.dateInterval(of: .month, for: firstDay)?.start,
                      let m = cal.date(byAdding: .month, value: period * interval, to: monthStart),
                      let range = cal.range(of: .day, in: .month, for: m) else { break }
                let all = range.compactMap { cal.date(byAdding: .day, value: $0 - 1, to: m) }
                if !byDay.isEmpty {
                    for (ord, wd) in byDay {
                        let matching = all.filter { cal.component(.weekday, from: $0) == wd }
                        if let o = ord {
                            let i = o > 0 ? o - 1 : matching.count + o
                            if matching.indices.contains(i) { candidates.append(matching[i]) }
                        } else {
                            candidates += matching
                        }
                    }
                } else {
                    let days = byMonthDay.isEmpty ? [cal.component(.day, from: firstDay)] : byMonthDay
                    for d in days {
                        let n = d > 0 ? d : all.count + d + 1
                        if n >= 1 && n <= all.count { candidates.append(all[n - 1]) }
                    }
                }
                candidates.sort()
            }
            for day in candidates {
                guard let s = at(day), s > first.date else { continue }
                if s > end || out.count >= min(wanted, limit + 1) { return out }
                out.append(s)
            }
            if let last = candidates.last, let s = at(last), s > end { return out }
            period += 1
            if frequency == .daily, let d = cal.date(byAdding: .day, value: period * interval, to: firstDay), d > end { break }
        }
        return out
    }
}
