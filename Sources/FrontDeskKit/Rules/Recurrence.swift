import Foundation

/// How a booking repeats: every day, week or month, until a date or for a number of times.
public struct Recurrence: Sendable, Equatable {
    public enum Frequency: String, Sendable, CaseIterable { case daily, weekly, monthly }
    public var frequency: Frequency
    /// The last day an occurrence may start on (inclusive).
    public var until: Date?
    /// How many occurrences, the first included.
    public var count: Int?

    /// More than this many occurrences is a typing mistake, not a plan.
    public static let maxOccurrences = 366

    public init(_ frequency: Frequency, until: Date? = nil, count: Int? = nil) {
        self.frequency = frequency; self.until = until; self.count = count
    }

    /// The occurrences of `first` (itself included), with ids from `firstNumber` on and one series id.
    /// Monthly repeats keep the day of the month, skipping months that lack it (the 31st).
    public func occurrences(of first: Meeting, calendar cal: Calendar, idPrefix: String = RecordKind.meeting.idPrefix,
                            firstNumber: Int) throws(Refusal) -> [Meeting] {
        guard until != nil || count != nil else { throw .invalid("A repeat needs --until DATE or --count N.", zh: "重复预订需要 --until 日期 或 --count 次数。") }
        if let c = count, c < 1 { throw .invalid("--count must be at least 1.", zh: "--count 至少为 1。") }
        let limit = count ?? Self.maxOccurrences + 1
        let lastDay = until.map { cal.startOfDay(for: $0).addingTimeInterval(86_400) }
        let length = first.end.timeIntervalSince(first.start)
        var out: [Meeting] = []
        var step = 0
        while out.count < limit {
            let component: Calendar.Component = frequency == .daily ? .day : frequency == .weekly ? .weekOfYear : .month
            guard let start = cal.date(byAdding: component, value: step, to: first.start) else { break }
            step += 1
            if let l = lastDay, start >= l { break }
            if frequency == .monthly && cal.component(.day, from: start) != cal.component(.day, from: first.start) { continue }
            var m = first
            m.id = "\(idPrefix)\(firstNumber + out.count)"
            m.start = start
            m.end = start.addingTimeInterval(length)
            m.seriesID = "\(idPrefix)\(firstNumber)"
            out.append(m)
            if out.count > Self.maxOccurrences {
                throw .invalid("More than \(Self.maxOccurrences) occurrences; choose an earlier --until or a --count.", zh: "超过 \(Self.maxOccurrences) 次；请把 --until 提前或改用 --count。")
            }
            if step > 5000 { break }
        }
        return out
    }
}
