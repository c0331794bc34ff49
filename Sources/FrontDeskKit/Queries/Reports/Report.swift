import Foundation

/// What management asks the desk for (supplies, meetings, visitors, approvals over a period),
/// as sections of rows. Every front end formats the same sections: the CLI as a table, CSV or
/// JSON, the dashboard's Reports screen as tables and charts. Reports are pure functions of the
/// records read for the period, so a test can recompute every total from the raw records.
public struct Report: Sendable, Equatable {
    public var kind: ReportKind
    public var period: ReportPeriod
    public var sections: [ReportSection]

    public func section(_ id: String) -> ReportSection? { sections.first { $0.id == id } }
}

public enum ReportKind: String, Sendable, CaseIterable, Codable {
    case supplies, meetings, visitors, approvals
    /// The paper trail's and the parcel desk's (PaperTrailReports.swift).
    case documents, loans, parcels
}

/// A half-open range of office days `[start, end)`, with the words it is shown under.
public struct ReportPeriod: Sendable, Equatable {
    public var start: Date
    public var end: Date
    /// "2026-11" for a month, "2026-11-01 – 2026-11-30" for a range (the last day inclusive).
    public var label: String

    public init(start: Date, end: Date, label: String) { self.start = start; self.end = end; self.label = label }

    /// The calendar month starting at `monthStart`.
    public static func month(_ monthStart: Date, calendar cal: Calendar) -> ReportPeriod {
        let end = cal.date(byAdding: .month, value: 1, to: monthStart) ?? monthStart
        let c = cal.dateComponents([.year, .month], from: monthStart)
        return ReportPeriod(start: monthStart, end: end, label: Clock.zeroPadded(c.year ?? 0, 4) + "-" + Clock.zeroPadded(c.month ?? 0, 2))
    }

    /// From the start of `first` to the end of `last` (both days included).
    public static func days(_ first: Date, through last: Date, calendar cal: Calendar) -> ReportPeriod {
        let start = cal.startOfDay(for: first)
        let end = cal.date(byAdding: .day, value: 1, to: cal.startOfDay(for: last)) ?? last
        return ReportPeriod(start: start, end: end, label: "\(Clock.day(start, cal.timeZone)) – \(Clock.day(last, cal.timeZone))")
    }

    public func contains(_ d: Date) -> Bool { d >= start && d < end }
}

/// One table of a report. `columns` are stable keys (CSV header, JSON keys); `heading` and
/// `headingZh` are what a person reads above it.
public struct ReportSection: Sendable, Equatable {
    public var id: String
    public var heading: String
    public var headingZh: String
    public var columns: [String]
    public var rows: [[ReportValue]]
    /// How the Reports screen draws it, when a picture reads faster than the table.
    public var chart: ReportChart?

    public init(id: String, heading: String, headingZh: String, columns: [String], rows: [[ReportValue]], chart: ReportChart? = nil) {
        self.id = id; self.heading = heading; self.headingZh = headingZh; self.columns = columns; self.rows = rows; self.chart = chart
    }

    /// The value in `column` of every row.
    public func values(_ column: String) -> [ReportValue] {
        guard let i = columns.firstIndex(of: column) else { return [] }
        return rows.map { $0[i] }
    }
}

/// A cell: typed, so CSV and JSON keep numbers as numbers and the table formats them alike.
public enum ReportValue: Sendable, Equatable {
    case text(String)
    case count(Int)
    /// Money, rounded to cents when shown.
    case amount(Double)
    /// Hours, one decimal when shown.
    case hours(Double)
    /// A share 0…1, or nil when there is nothing to divide by ("–").
    case share(Double?)
    /// Minutes, or nil when there is nothing to average.
    case minutes(Double?)

    /// The number behind the cell (charts scale by it), nil for text and empty shares.
    public var number: Double? {
        switch self {
        case .text: nil
        case .count(let n): Double(n)
        case .amount(let v), .hours(let v): v
        case .share(let v), .minutes(let v): v
        }
    }

    /// As a table shows it: counts plain, money with cents, hours to a tenth, shares as percent.
    public var text: String {
        switch self {
        case .text(let s): s
        case .count(let n): "\(n)"
        case .amount(let v): String(format: "%.2f", v)
        case .hours(let v): String(format: "%.1f", v)
        case .share(let v): v.map { String(format: "%.1f%%", $0 * 100) } ?? "–"
        case .minutes(let v): v.map { String(format: "%.0f", $0) } ?? "–"
        }
    }
}

/// How a section is drawn on the Reports screen.
public enum ReportChart: Sendable, Equatable {
    /// One bar per row: its label column and value column.
    case bars(label: String, value: String)
    /// A line of block characters over the rows in order (a 12-month trend).
    case sparkline(label: String, value: String)
    /// A grid: row labels, column labels and one value per cell (hour × weekday).
    case heatmap(rows: [String], columns: [String], values: [[Double]])
}

extension Report {
    /// Sums a dictionary of per-key counts into sorted rows, largest first, ties by key.
    static func ranked<V>(_ d: [String: V], by value: (V) -> Double) -> [(String, V)] {
        d.sorted { value($0.value) != value($1.value) ? value($0.value) > value($1.value) : $0.key < $1.key }
    }

    /// The 12 months ending with the one `end` falls in (or just before it, for an exclusive end).
    static func trailingMonths(endingBefore end: Date, count: Int = 12, calendar cal: Calendar) -> [ReportPeriod] {
        let last = end.addingTimeInterval(-1)
        guard let lastMonth = cal.dateInterval(of: .month, for: last)?.start else { return [] }
        return (0..<count).reversed().compactMap { back in
            cal.date(byAdding: .month, value: -back, to: lastMonth).map { ReportPeriod.month($0, calendar: cal) }
        }
    }
}
