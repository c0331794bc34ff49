import ArgumentParser
import Foundation
import FrontDeskKit
import FrontDeskTUI

// The office's closed sets, parsed by ArgumentParser: a wrong value exits 2 naming the allowed ones,
// and `--help` lists them (allValueStrings comes from CaseIterable).
extension FrontDeskKit.Role: ExpressibleByArgument {}
extension Recurrence.Frequency: ExpressibleByArgument {}
extension ApprovalType: ExpressibleByArgument {
    /// `archive-loan` and `write-off` requests are raised by `archive lend` and `staff writeoff`,
    /// never by hand, so help does not offer them.
    public static var allValueStrings: [String] { allCases.filter { $0 != .archiveLoan && $0 != .writeOff }.map(\.rawValue) }
}
extension ApprovalStatus: ExpressibleByArgument {}
extension MeetingStatus: ExpressibleByArgument {}
extension VisitorStatus: ExpressibleByArgument {}

/// A dashboard pane by name, for `print --pane` (any letter case).
enum PaneName: String, CaseIterable, ExpressibleByArgument {
    case meetings, visitors, stock, approvals
    case documents, archives, assets, parcels, people

    init?(argument: String) { self.init(rawValue: argument.lowercased()) }

    var pane: PaneID {
        switch self {
        case .meetings: .meetings
        case .visitors: .visitors
        case .stock: .stock
        case .approvals: .approvals
        case .documents: .documents
        case .archives: .archives
        case .assets: .assets
        case .parcels: .parcels
        case .people: .people
        }
    }
}

/// Checks shared by the commands' `validate()`: they run before the store is opened, so bad input
/// exits 2 with the usage line and changes nothing.
enum Check {
    /// `--qty -5` reaches here as −5 (quantity options parse unconditionally) and is refused in words.
    static func positive(_ n: Int?, _ option: String) throws {
        if let n, n <= 0 { throw ValidationError("\(option) must be a positive number, got \(n).") }
    }
    static func notNegative(_ n: Int?, _ option: String) throws {
        if let n, n < 0 { throw ValidationError("\(option) cannot be negative, got \(n).") }
    }
    static func notNegative(_ n: Double?, _ option: String) throws {
        if let n, !(n >= 0) || !n.isFinite { throw ValidationError("\(option) must be a number of 0 or more, got \(n).") }
    }
    /// Two flags of which exactly one must be given (`--allow`/`--deny`).
    static func exactlyOne(_ a: Bool, _ b: Bool, _ names: String) throws {
        if a == b { throw ValidationError("Give exactly one of \(names).") }
    }
}

extension Parse {
    /// `--date YYYY-MM-DD` in office time, else today.
    static func dayOrToday(_ date: String?, _ env: Environment) throws -> Date {
        try date.map { try day($0, env) } ?? env.now()
    }
}

extension Parse {
    /// "projector, video," → ["projector", "video"]: a comma-separated list, blanks dropped.
    static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

extension Parse {
    /// The text of the file at `path`, read as the person running frontdesk (never with a team
    /// store's rights), refused in words: no such file, a directory, unreadable (the file or a
    /// directory on its way), not UTF-8.
    static func textFile(_ path: String, _ what: String = "--file") throws -> String {
        var st = stat()
        if stat(path, &st) != 0 {
            let e = errno
            // fileExists says "no" for a file behind a directory one may not enter: tell the two apart.
            if e == ENOENT || e == ENOTDIR { throw UsageError("No file \(path) (\(what) names the text file to read).") }
            throw UsageError("Cannot read \(path): \(String(cString: strerror(e))) (check the owner and mode of the file and of its directories).")
        }
        if st.st_mode & S_IFMT == S_IFDIR { throw UsageError("\(path) is a directory; \(what) names a text file.") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UsageError("Cannot read \(path): permission denied or unreadable (check its owner and mode).")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw UsageError("\(path) is not UTF-8 text; save it as UTF-8 and try again.")
        }
        return text
    }
}

/// `--quote SUPPLIER:PRICE:DAYS[:QUALITY]` and `--supplier SUPPLIER:PRICE:DAYS`, parsed as the desk's form parses them.
extension Quote: ExpressibleByArgument {
    public init?(argument: String) {
        guard let q = Quote.parse(argument) else { return nil }
        self = q
    }
}

/// `--item SKU:QTY`: one line of a multi-item issue. The quantity may be negative here; `validate()` refuses it in words.
struct StockLine: ExpressibleByArgument {
    var sku: String
    var quantity: Int

    init(sku: String, quantity: Int) { self.sku = sku; self.quantity = quantity }

    init?(argument: String) {
        let p = argument.split(separator: ":", omittingEmptySubsequences: false)
        guard p.count == 2, !p[0].isEmpty, let q = Int(p[1]) else { return nil }
        self.init(sku: String(p[0]), quantity: q)
    }
}

/// `--month YYYY-MM`, checked as it is parsed (a bad one exits 2 naming the form); its first
/// instant depends on the office's time zone, so it is worked out once the store is open.
struct YearMonth: ExpressibleByArgument {
    var text: String

    init?(argument: String) {
        guard DateInput.month(argument, calendar: Calendar(identifier: .gregorian)) != nil else { return nil }
        text = argument
    }

    /// The month's first instant in office time.
    func start(_ env: Environment) throws -> Date { try Parse.month(text, env) }
}

/// `--start` and `--end` of a booking or a move, as "YYYY-MM-DD HH:MM" in office time.
struct Slot: ParsableArguments {
    @Option(help: "\"YYYY-MM-DD HH:MM\" (office time), HH:MM today, tomorrow 9:30, +30m, or ISO 8601 with Z") var start: String
    @Option(help: "Like --start.") var end: String

    /// Both instants, or a usage error naming the option that is not a date and time.
    func dates(_ env: Environment) throws -> (start: Date, end: Date) {
        (try Parse.dateTime(start, env, "--start"), try Parse.dateTime(end, env, "--end"))
    }
}

extension ArgumentHelp {
    /// The one help text of every `--json` flag: the shapes are documented in one place.
    static let json = ArgumentHelp("Print JSON instead of text (every command's fields, with types and an example: docs/json.md).")
}

/// `--sku` and a counted `--qty` (0 or more): what a delivery's count and a stocktake take.
struct CountedQuantity: ParsableArguments {
    @Option(completion: Completions.skus) var sku: String
    @Option(parsing: .unconditional, help: "How many units were counted (0 or more).") var qty: Int
    func validate() throws { try Check.notNegative(qty, "--qty") }
}

/// What a month-end report takes: `--month YYYY-MM` and `--format table|csv|json` (or `--json`).
struct MonthReport: ParsableArguments {
    @Option(help: ArgumentHelp("The month.", valueName: "YYYY-MM")) var month: YearMonth
    @OptionGroup var output: ListOutput
    var json: Bool { output.resolved == .json }
}

/// `--month` when it may be left out (the command's abstract says what that means) and `--format` (or `--json`).
struct MonthListing: ParsableArguments {
    @Option(help: ArgumentHelp("The month (see above for the default).", valueName: "YYYY-MM")) var month: YearMonth?
    @OptionGroup var output: ListOutput
}
