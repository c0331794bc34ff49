import Foundation
import FrontDeskKit

/// The demo office at a pinned instant, for rendering tests: 2026-11-30 10:30 in Shanghai,
/// operated by `lina` (who the demo makes an approver).
public enum DemoFixture {
    public static let timeZone = TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600)!
    public static let user = "lina"

    public static var calendar: Calendar {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = timeZone
        c.firstWeekday = 2
        return c
    }

    /// 2026-11-30 10:30 office time.
    public static let now: Date = {
        calendar.date(from: DateComponents(year: 2026, month: 11, day: 30, hour: 10, minute: 30)) ?? Date(timeIntervalSince1970: 0)
    }()

    /// An instant on the fixture's day, `"HH:MM"` office time (or another day with `dayOffset`).
    public static func at(_ hour: Int, _ minute: Int, dayOffset: Int = 0) -> Date {
        let day = calendar.date(byAdding: .day, value: dayOffset, to: calendar.startOfDay(for: now)) ?? now
        return calendar.date(bySettingHour: hour, minute: minute, second: 0, of: day) ?? day
    }

    public static func env(at date: Date = now, user: String = user) -> Environment {
        Environment.fixed(at: date, user: user, timeZone: timeZone)
    }

    /// The demo office's state, every change applied to an empty state.
    public static func state(at date: Date = now, operator op: String = user) -> OfficeState {
        var s = OfficeState()
        for c in DemoOffice.changes(now: date, calendar: calendar, operator: op, in: OfficeState()) { s.apply(c) }
        return s
    }
}
