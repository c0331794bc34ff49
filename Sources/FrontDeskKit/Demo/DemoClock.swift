import Foundation

/// Where the demo puts "now": the real time when it is office hours on the demo day, else 10:30,
/// so the demo office is alive whenever someone tries it.
public enum DemoClock {
    public static func reference(for now: Date, calendar cal: Calendar, day: Date? = nil) -> Date {
        let target = day.map { cal.startOfDay(for: $0) } ?? cal.startOfDay(for: now)
        let hour = cal.component(.hour, from: now)
        if cal.isDate(now, inSameDayAs: target) && (9..<17).contains(hour) { return now }
        return cal.date(bySettingHour: 10, minute: 30, second: 0, of: target) ?? target
    }
}
