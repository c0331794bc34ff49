import ArgumentParser
import Foundation
import FrontDeskInterchange
import FrontDeskKit
import FrontDeskTUI

/// The days a listing covers: `--date DAY` for one day (default today), or `--from DAY --to DAY`
/// for a range with both days included. Days are read by the one date parser (`Parse.day`).
struct DaysOption: ParsableArguments {
    @Option(help: "One day: YYYY-MM-DD, today, yesterday, mon… (default today)") var date: String?
    @Option(help: "First day of a range, with --to: YYYY-MM-DD, yesterday, -7d…") var from: String?
    @Option(help: "Last day of the range, included.") var to: String?

    /// Refuses `--date` with a range and half a range, before the store is opened (exit 2).
    func validate() throws {
        if date != nil && (from != nil || to != nil) {
            throw ValidationError("Give --date for one day, or --from and --to for a range, not both.")
        }
        if (from == nil) != (to == nil) { throw ValidationError("--from and --to go together: give the first and the last day of the range.") }
    }

    /// True when `--from`/`--to` were given.
    var isRange: Bool { from != nil && to != nil }

    /// The office days asked for, `[start of the first, start of the day after the last)`.
    /// Throws a usage error (exit 2) for a day that is none of the accepted forms, or a `--to`
    /// before `--from`.
    func period(_ env: Environment) throws -> ReportPeriod { try Self.period(date: date, from: from, to: to, env) }

    /// The same, for commands that take these days under other options too (`visitor register`).
    static func period(date: String?, from: String?, to: String?, _ env: Environment) throws -> ReportPeriod {
        let cal = env.calendar
        guard let from, let to else { return .day(try Parse.dayOrToday(date, env), calendar: cal) }
        let f = try Parse.day(from, env, "--from"), t = try Parse.day(to, env, "--to")
        guard f <= t else { throw UsageError("--to \(to) is before --from \(from); give the earlier day first.") }
        return .days(f, through: t, calendar: cal)
    }
}

/// How a listing is printed: aligned columns (default), CSV (RFC 4180, `Spreadsheet.print`) or JSON.
enum ListFormat: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

/// `--format table|csv|json`, with `--json` kept as the short form of `--format json`, and
/// `--no-bom` for a CSV without the byte-order mark.
struct ListOutput: ParsableArguments {
    @Flag(help: .json) var json = false
    @Option(help: "table, csv or json (default table).") var format: ListFormat?
    @Flag(name: .customLong("no-bom"), help: "CSV without the UTF-8 byte-order mark (spreadsheets need it to read Chinese; scripts may not).")
    var noBOM = false

    func validate() throws {
        if json, let format, format != .json { throw ValidationError("--json is --format json; give one of them.") }
        if noBOM, resolved != .csv { throw ValidationError("--no-bom is for --format csv.") }
    }

    var resolved: ListFormat { json ? .json : format ?? .table }
}

extension Reply {
    /// A listing in `output`'s format: aligned columns under `header`, CSV, or a JSON array of one
    /// object per row (each with at least `id`). CSV has the table's cells under the same header
    /// unless `csv` gives the spreadsheet its own columns (plain numbers, no units).
    static func list<Row>(_ rows: [Row], _ output: ListOutput, _ header: [String], object: (Row) -> [String: Any],
                          cells: (Row) -> [String], csv: (header: [String], cells: (Row) -> [String])? = nil) throws -> Reply {
        try list(rows, format: output.resolved, bom: !output.noBOM, header, object: object, cells: cells, csv: csv)
    }

    /// The same with the format given alone (`bom` is for CSV).
    static func list<Row>(_ rows: [Row], format: ListFormat, bom: Bool = true, _ header: [String], object: (Row) -> [String: Any],
                          cells: (Row) -> [String], csv: (header: [String], cells: (Row) -> [String])? = nil) throws -> Reply {
        switch format {
        case .table: return .table(header, rows.map(cells))
        case .json: return try .json(rows.map(object))
        case .csv:
            let table = csv.map { SpreadsheetTable(header: $0.header, rows: rows.map($0.cells)) } ?? SpreadsheetTable(header: header, rows: rows.map(cells))
            Spreadsheet.print([table], bom: bom)
            return .done
        }
    }
}

/// A day or a range as rows show it: the time alone for one day, the date too across days.
struct WhenText {
    let period: ReportPeriod
    let tz: TimeZone
    let calendar: Calendar

    /// True when the period is more than one office day.
    var spansDays: Bool { calendar.date(byAdding: .day, value: 1, to: period.start).map { $0 < period.end } ?? true }

    func at(_ d: Date) -> String { spansDays ? Clock.day(d, tz) + " " + Clock.hm(d, tz) : Clock.hm(d, tz) }
}
