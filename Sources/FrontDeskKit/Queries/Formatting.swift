import Foundation

/// Office-time formatting shared by the CLI, the dashboard and rule messages.
public enum Clock {
    static func parts(_ d: Date, _ tz: TimeZone) -> DateComponents {
        var c = Calendar(identifier: .gregorian); c.timeZone = tz
        return c.dateComponents([.year, .month, .day, .hour, .minute], from: d)
    }
    /// "09:05"
    public static func hm(_ d: Date, _ tz: TimeZone) -> String {
        let x = parts(d, tz)
        return zeroPadded(x.hour ?? 0, 2) + ":" + zeroPadded(x.minute ?? 0, 2)
    }
    /// "2026-11-29"
    public static func day(_ d: Date, _ tz: TimeZone) -> String {
        let x = parts(d, tz)
        return zeroPadded(x.year ?? 0, 4) + "-" + zeroPadded(x.month ?? 0, 2) + "-" + zeroPadded(x.day ?? 0, 2)
    }
    /// `n` with leading zeros to `width` digits, as `%0Nd` gives for the non-negative numbers of
    /// a date (String(format:) costs microseconds a call on Linux; the dashboard formats hundreds).
    static func zeroPadded(_ n: Int, _ width: Int) -> String {
        let digits = String(n)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
    /// The last second of the office day holding `d`, computed in the calendar: the next day's start
    /// minus one second, so a 23- or 25-hour day (daylight saving) ends at 23:59:59 all the same.
    public static func endOfDay(_ d: Date, _ cal: Calendar) -> Date {
        let start = cal.startOfDay(for: d)
        let next = cal.date(byAdding: .day, value: 1, to: start) ?? start.addingTimeInterval(86_400)
        return next.addingTimeInterval(-1)
    }

    /// "2026-11-29 09:05"
    public static func dayHM(_ d: Date, _ tz: TimeZone) -> String { day(d, tz) + " " + hm(d, tz) }
}

/// "45 min", "3 h", "2 d": how long something has waited.
public enum Age {
    public static func text(_ seconds: TimeInterval) -> String {
        let m = Int(seconds / 60)
        if m < 60 { return "\(max(0, m)) min" }
        if m < 48 * 60 { return "\(m / 60) h" }
        return "\(m / 1440) d"
    }
}
