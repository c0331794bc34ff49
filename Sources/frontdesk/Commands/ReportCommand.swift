import ArgumentParser
import Foundation
import FrontDeskInterchange
import FrontDeskKit

/// `frontdesk report KIND --month YYYY-MM | --from DAY --to DAY [--format table|csv|json]`:
/// what management asks the desk for, read from the working set and the months' history.
struct ReportCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", _superCommandName: "frontdesk",
        abstract: "Reports for management: supplies, meetings, visitors, approvals, documents, loans or parcels over a month or a range.",
        discussion: """
        supplies: consumption and cost per department and item, a 12-month trend, items that ran out or lay idle, spend per supplier, items bought too often in small lots.
        meetings: count and hours per room and department, room use by weekday and hour, no-shows, minutes on time, open action items per owner, the costliest meetings in person-hours.
        visitors: visits per host department, waiting for the host, no-shows, badges lost.
        approvals: volume per type, time to decision, rejection rate, overdue share.
        documents: documents registered or drafted in the period: turnaround per step (hours, late, overdue now) and per department.
        loans: archive loans requested in the period, loans overdue at any time in it, loans overdue now.
        parcels: parcels in (collected, returned, waiting) and out, courier cost per department, per month and department, per carrier.
        Without --month or --from/--to: the current month. --format csv prints each section as its own block (a header line per block, blocks separated by a blank line); --section keeps one.
        """)

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "supplies, meetings, visitors, approvals, documents, loans or parcels") var kind: ReportKind
    @Option(help: "A month, YYYY-MM.") var month: YearMonth?
    @Option(help: "First day (with --to): YYYY-MM-DD, today, mon…") var from: String?
    @Option(help: "Last day, included.") var to: String?
    @Option(help: "table, csv or json") var format: ListFormat = .table
    @Flag(name: .customLong("no-bom"), help: "CSV without the UTF-8 byte-order mark.") var noBOM = false
    @Option(help: "Only this section (its id, e.g. supplies.byDepartment).") var section: String?

    func validate() throws {
        if month != nil && (from != nil || to != nil) { throw ValidationError("Give --month, or --from and --to, not both.") }
        if (from == nil) != (to == nil) { throw ValidationError("--from and --to go together.") }
    }

    func run(store: Store) throws -> Reply {
        let env = store.env, cal = env.calendar
        let period: ReportPeriod
        if let from, let to {
            let f = try Parse.day(from, env, "--from"), t = try Parse.day(to, env, "--to")
            guard f <= t else { throw UsageError("--from \(from) is after --to \(to).") }
            guard t.timeIntervalSince(f) <= 20 * 366 * 86_400 else { throw UsageError("A report covers at most 20 years.") }
            period = .days(f, through: t, calendar: cal)
        } else {
            let start = try month?.start(env) ?? cal.dateInterval(of: .month, for: env.now())?.start ?? env.now()
            period = .month(start, calendar: cal)
        }
        var report = try store.report(kind, period: period)
        if let section {
            guard let s = report.section(section) else {
                throw UsageError("No section \(section) in the \(kind.rawValue) report; it has \(report.sections.map(\.id).joined(separator: ", ")).")
            }
            report.sections = [s]
        }
        switch format {
        case .table: ReportText.table(report)
        case .csv: Spreadsheet.print(ReportText.csv(report), bom: !noBOM)
        case .json: try ReportText.json(report)
        }
        return .done
    }
}

extension ReportKind: ExpressibleByArgument {}

/// A report as text: aligned tables under headings, CSV blocks, or one JSON object.
enum ReportText {
    static func table(_ r: Report) {
        print("\(r.kind.rawValue.capitalized) report, \(r.period.label)")
        for s in r.sections {
            print("")
            print("\(s.heading) [\(s.id)]")
            if s.rows.isEmpty { print("  (none)"); continue }
            Output.table(s.columns, s.rows.map { $0.map(\.text) })
        }
    }

    /// Each section as its own CSV block (written by `Spreadsheet.print`).
    static func csv(_ r: Report) -> [SpreadsheetTable] {
        r.sections.map { s in SpreadsheetTable(header: s.columns, rows: s.rows.map { $0.map(csvCell) }) }
    }

    /// Numbers as plain numbers (no percent sign, full precision to cents), empty for none.
    static func csvCell(_ v: ReportValue) -> String {
        switch v {
        case .text(let s): s
        case .count(let n): "\(n)"
        case .amount(let x): String(format: "%.2f", x)
        case .hours(let x): String(format: "%.2f", x)
        case .share(let x), .minutes(let x): x.map { String(format: "%.4f", $0) } ?? ""
        }
    }

    static func jsonValue(_ v: ReportValue) -> Any {
        switch v {
        case .text(let s): s
        case .count(let n): n
        case .amount(let x): (x * 100).rounded() / 100
        case .hours(let x): (x * 100).rounded() / 100
        case .share(let x), .minutes(let x): x.map { ($0 * 10_000).rounded() / 10_000 } ?? NSNull()
        }
    }

    static func json(_ r: Report) throws {
        let object: [String: Any] = [
            "report": r.kind.rawValue, "period": r.period.label,
            "from": Output.iso(r.period.start), "to": Output.iso(r.period.end),
            "sections": r.sections.map { s in
                ["id": s.id, "heading": s.heading, "columns": s.columns,
                 "rows": s.rows.map { row in Dictionary(uniqueKeysWithValues: zip(s.columns, row.map(jsonValue))) }] as [String: Any]
            },
        ]
        print(Output.escapeControls(try JSONText.pretty(object)))
    }
}
