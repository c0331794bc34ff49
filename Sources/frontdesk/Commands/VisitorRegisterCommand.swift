import ArgumentParser
import Foundation
import FrontDeskInterchange
import FrontDeskKit
import FrontDeskTUI

extension VisitorCommand {
    /// `visitor register --day D | --week D | --month YYYY-MM | --from D --to D [--format table|csv|json]`.
    struct RegisterCommand: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "register", abstract: "The visitor register of a day, a week or a month: every visit, its times, badges and outcome.",
            discussion: """
            Per visit: who (and how many), company, host, purpose, expected / arrived / in / out, the wait for the host (arrival to check-in), each badge issued and whether it came back, was lost or kept, and the outcome. Totals follow the table.
            Default today. --week takes any day of the week (Monday to Sunday). Visits are read from the history of the months the period touches and the working set.
            """)
        @OptionGroup var storeOptions: StoreOptions
        @Option(help: "One day: YYYY-MM-DD, today, yesterday, mon…") var day: String?
        @Option(help: "The week (Monday to Sunday) holding this day.") var week: String?
        @Option(help: ArgumentHelp("A month.", valueName: "YYYY-MM")) var month: YearMonth?
        @Option(help: "First day of a range, with --to.") var from: String?
        @Option(help: "Last day of the range, included.") var to: String?
        @Option(help: "table, csv or json.") var format: ListFormat = .table
        @Flag(name: .customLong("no-bom"), help: "CSV without the UTF-8 byte-order mark.") var noBOM = false

        func validate() throws {
            let given = [day != nil, week != nil, month != nil, from != nil || to != nil].filter { $0 }.count
            if given > 1 { throw ValidationError("Give one of --day, --week, --month, or --from and --to.") }
            if (from == nil) != (to == nil) { throw ValidationError("--from and --to go together: give the first and the last day of the range.") }
        }

        /// The period asked for; a usage error (exit 2) for a day in none of the accepted forms or a range ending before it starts.
        func period(_ env: Environment) throws -> ReportPeriod {
            let cal = env.calendar
            if let week { return .week(of: try Parse.day(week, env, "--week"), calendar: cal) }
            if let month { return .month(try month.start(env), calendar: cal) }
            return try DaysOption.period(date: day, from: from, to: to, env)
        }

        func run(store: Store) throws -> Reply {
            let env = store.env
            let register = try store.visitorRegister(try period(env))
            let text = RegisterText(register: register, tz: env.timeZone, calendar: env.calendar)
            switch format {
            case .table: text.table()
            case .csv: Spreadsheet.print([SpreadsheetTable(header: RegisterText.csvHeader, rows: register.entries.map(text.csvRow))], bom: !noBOM)
            case .json: try text.json()
            }
            return .done
        }
    }
}

/// The register as text: an aligned table with its totals, CSV rows, or one JSON object.
struct RegisterText {
    let register: VisitorRegister
    let tz: TimeZone
    let calendar: Calendar

    var when: WhenText { WhenText(period: register.period, tz: tz, calendar: calendar) }

    /// A later time of the visit: the time alone on the expected day, else with its date.
    func later(_ d: Date?, after expected: Date) -> String {
        guard let d else { return "" }
        return calendar.isDate(d, inSameDayAs: expected) ? Clock.hm(d, tz) : Clock.dayHM(d, tz)
    }

    static func minutes(_ m: Double?) -> String { m.map { "\(Int($0.rounded())) min" } ?? "" }

    func badges(_ e: VisitorRegister.Entry) -> String {
        e.badges.map { "\($0.code) \($0.fate.rawValue)" }.joined(separator: ", ")
    }

    func table() {
        let r = register
        print("Visitor register, \(r.period.label)")
        print("")
        if r.entries.isEmpty { print("  (no visits)") } else {
            Output.table(["ID", "EXPECTED", "VISITOR", "COMPANY", "HOST", "PURPOSE", "ARRIVED", "IN", "OUT", "WAIT", "BADGES", "OUTCOME"],
                         r.entries.map { e in
                let v = e.visitor
                return [v.id, when.at(v.expectedAt), v.headCount > 1 ? "\(v.name) ×\(v.headCount)" : v.name, v.company ?? "", e.hostName,
                        v.purpose ?? "", later(v.arrivedAt, after: v.expectedAt), later(v.checkedInAt, after: v.expectedAt),
                        later(v.leftAt, after: v.expectedAt), Self.minutes(e.waitMinutes), badges(e), e.outcome.words]
            })
        }
        let t = r.totals
        print("")
        print("\(t.visits) visit(s), \(t.people) people: \(t.arrived) arrived, \(t.stillIn) still in, \(t.noShows) no-show(s), \(t.cancelled) cancelled.")
        if t.averageWaitMinutes != nil {
            print("Wait for the host: \(Self.minutes(t.averageWaitMinutes)) on average, \(Self.minutes(t.longestWaitMinutes)) at most.")
        }
        print("Badges: \(t.badgesIssued) issued, \(t.badgesReturned) returned, \(t.badgesLost) lost, \(t.badgesKept) kept.")
    }

    static let csvHeader = ["id", "name", "headCount", "company", "host", "hostName", "hostDepartment", "purpose", "expected", "arrived",
                            "checkedIn", "left", "waitMinutes", "badges", "badgesIssued", "badgesLost", "badgesKept", "outcome", "note"]

    /// Times in office time ("YYYY-MM-DD HH:MM"), the wait in whole minutes, counts as numbers.
    func csvRow(_ e: VisitorRegister.Entry) -> [String] {
        let v = e.visitor
        func at(_ d: Date?) -> String { d.map { Clock.dayHM($0, tz) } ?? "" }
        return [v.id, v.name, "\(v.headCount)", v.company ?? "", v.host, e.hostName, e.hostDepartment ?? "", v.purpose ?? "",
                at(v.expectedAt), at(v.arrivedAt), at(v.checkedInAt), at(v.leftAt), e.waitMinutes.map { "\(Int($0.rounded()))" } ?? "",
                badges(e), "\(e.badges.count)", "\(e.badges.filter { $0.fate == .lost }.count)", "\(e.badges.filter { $0.fate == .kept }.count)",
                e.outcome.rawValue, v.outcome ?? ""]
    }

    func json() throws {
        let r = register, t = r.totals
        func rounded(_ m: Double?) -> Any { m.map { ($0 * 10).rounded() / 10 } ?? NSNull() }
        let object: [String: Any] = [
            "register": "visitors", "period": r.period.label, "from": Output.iso(r.period.start), "to": Output.iso(r.period.end),
            "visits": r.entries.map { e -> [String: Any] in
                let v = e.visitor
                return ["id": v.id, "name": v.name, "headCount": v.headCount, "company": v.company ?? NSNull(), "host": v.host,
                        "hostName": e.hostName, "hostDepartment": e.hostDepartment ?? NSNull(), "purpose": v.purpose ?? NSNull(),
                        "status": v.status.rawValue, "expectedAt": Output.iso(v.expectedAt), "arrivedAt": Output.iso(v.arrivedAt),
                        "checkedInAt": Output.iso(v.checkedInAt), "leftAt": Output.iso(v.leftAt), "waitMinutes": rounded(e.waitMinutes),
                        "badges": e.badges.map { ["badge": $0.code, "fate": $0.fate.rawValue] }, "outcome": e.outcome.rawValue,
                        "note": v.outcome ?? NSNull()]
            },
            "totals": ["visits": t.visits, "people": t.people, "arrived": t.arrived, "stillIn": t.stillIn, "noShows": t.noShows,
                       "cancelled": t.cancelled, "badgesIssued": t.badgesIssued, "badgesReturned": t.badgesReturned,
                       "badgesLost": t.badgesLost, "badgesKept": t.badgesKept, "averageWaitMinutes": rounded(t.averageWaitMinutes),
                       "longestWaitMinutes": rounded(t.longestWaitMinutes)] as [String: Any],
        ]
        print(Output.escapeControls(try JSONText.pretty(object)))
    }
}
