import ArgumentParser
import Foundation
import FrontDeskKit
import FrontDeskTUI

struct Frontdesk: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frontdesk",
        abstract: "The front desk's dashboard: today's meetings, the visitor queue, stock levels and pending approvals.",
        discussion: """
        Without a subcommand, opens the dashboard on the store.
        Store: --store DIR, else $FRONTDESK_STORE, else $XDG_DATA_HOME/frontdesk, else ~/.local/share/frontdesk.
        Exit codes: 0 done; 2 bad usage or input; 3 refused by a rule or a permission; 4 store unusable.
        """,
        subcommands: [
            InitCommand.self, DemoCommand.self, GenerateCommand.self, PrintCommand.self, CheckCommand.self, CompactCommand.self, LogCommand.self, RecoverCommand.self,
            RoomCommand.self, MeetingCommand.self, VisitorCommand.self, BadgeCommand.self,
            StockCommand.self, ApprovalCommand.self, RoleCommand.self, WatchCommand.self, SettingsCommand.self, PurchaseCommand.self,
        ]
    )

    @OptionGroup var storeOptions: StoreOptions

    @Flag(name: .long, help: "Open the dashboard on a throwaway store filled with a demo office day.")
    var demo = false

    @Option(name: .long, help: ArgumentHelp("Colour theme: default, light, high-contrast, monochrome, or a file path.", valueName: "NAME"))
    var theme: String?

    func run() throws {
        if demo {
            let dir = try DemoCommand.throwawayStore()
            defer { try? FileManager.default.removeItem(atPath: (dir as NSString).deletingLastPathComponent) }
            let env = StoreOptions.processEnvironment()
            let reference = DemoClock.reference(for: env.now(), calendar: env.calendar)
            var demoEnv = env
            let started = Date()
            demoEnv.now = { reference.addingTimeInterval(Date().timeIntervalSince(started)) }
            let store = try Store.create(at: dir, env: demoEnv, allowOverrides: true)
            try store.commitBatch { state, ctx in
                DemoOffice.changes(now: ctx.now, calendar: ctx.env.calendar, operator: ctx.actor, in: state)
            }
            try DashboardLauncher.run(store: store, themeName: theme, storeLabel: "demo")
        } else {
            let store = try storeOptions.open()
            try DashboardLauncher.run(store: store, themeName: theme, storeLabel: store.root)
        }
    }
}

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create an empty store; you become its first admin.",
        discussion: "The store is yours alone: the directory and history/ are mode 0700, every file 0600."
    )
    @OptionGroup var storeOptions: StoreOptions
    @Flag(name: .long, help: "A training or test store: FRONTDESK_USER and FRONTDESK_NOW are honoured.")
    var allowOverrides = false

    func run() throws {
        let store = try Store.create(at: storeOptions.path, env: StoreOptions.processEnvironment(), allowOverrides: allowOverrides)
        Outcome.say("frontdesk: created \(allowOverrides ? "a training store (overrides allowed)" : "a store") at \(store.root); admin: \(store.env.unixUser); badges \(BadgePool.defaultCodes.first ?? "")–\(BadgePool.defaultCodes.last ?? "")")
    }
}

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Fill an empty store with a realistic office day (the store allows overrides).",
        discussion: "Creates the store when missing. The day's events are placed around 10:30 of --date unless it is today during office hours."
    )
    @OptionGroup var storeOptions: StoreOptions
    @Option(name: .long, help: ArgumentHelp("The office day to stage (default today).", valueName: "YYYY-MM-DD"))
    var date: String?

    func run() throws {
        var env = StoreOptions.processEnvironment()
        let reference = try Self.reference(date, env)
        env.now = { reference }
        let store = try Self.emptyStore(storeOptions.path, env)
        let records = try store.commitBatch { state, ctx in
            DemoOffice.changes(now: reference, calendar: ctx.env.calendar, operator: ctx.actor, in: state)
        }
        Outcome.say("frontdesk: demo office for \(Output.day(reference, env.timeZone)) written to \(store.root) (\(records.count) changes). Open it with: FRONTDESK_NOW=\"\(Output.day(reference, env.timeZone)) \(Output.hm(reference, env.timeZone))\" frontdesk --store \(store.root)")
    }

    static func reference(_ date: String?, _ env: Environment) throws -> Date {
        guard let date else { return DemoClock.reference(for: env.now(), calendar: env.calendar) }
        let day = try Parse.day(date, env.timeZone)
        return DemoClock.reference(for: env.now(), calendar: env.calendar, day: day)
    }

    /// Creates the store (allowing overrides) or opens it if it exists and holds no records yet.
    static func emptyStore(_ path: String, _ env: Environment) throws -> Store {
        if FileManager.default.fileExists(atPath: path + "/meta.plist") {
            let store = try Store.open(at: path, env: env)
            if !store.meta.allowOverrides {
                throw Refusal.rule("\(store.root) is a working store; demo data goes only into a training store (frontdesk init --allow-overrides, or a new directory).")
            }
            if !store.state.rooms.isEmpty || !store.state.visitors.isEmpty || !store.state.items.isEmpty {
                throw Refusal.rule("\(store.root) is not empty; demo data goes only into an empty store.")
            }
            return store
        }
        return try Store.create(at: path, env: env, allowOverrides: true)
    }

    static func throwawayStore() throws -> String {
        var template = Array((NSTemporaryDirectory() + "/frontdesk-demo-XXXXXX").utf8CString)
        guard let p = template.withUnsafeMutableBufferPointer({ $0.baseAddress.flatMap { mkdtemp($0) } }) else {
            throw StoreError(file: NSTemporaryDirectory(), problem: "cannot create a temporary directory", remedy: "Check $TMPDIR.")
        }
        return String(cString: p) + "/store"
    }
}

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Fill an empty store with deterministic synthetic history, for benchmarks.",
        discussion: "Per year about 10,000 meetings over 10 rooms, 50,000 visitors, 33,000 stock moves and 7,000 approvals, plus a demo day today."
    )
    @OptionGroup var storeOptions: StoreOptions
    @Option(name: .long, help: "Years of history (1–20).") var years: Int
    @Option(name: .long, help: "Seed: the same seed gives the same history.") var seed: UInt64 = 1
    @Option(name: .long, help: ArgumentHelp("The last day (default today).", valueName: "YYYY-MM-DD")) var date: String?

    func validate() throws {
        guard (1...20).contains(years) else { throw ValidationError("--years must be 1 to 20.") }
    }

    func run() throws {
        var env = StoreOptions.processEnvironment()
        let reference = try DemoCommand.reference(date, env)
        env.now = { reference }
        let store = try DemoCommand.emptyStore(storeOptions.path, env)
        try store.commitBatch { state, ctx in
            DemoOffice.changes(now: reference, calendar: ctx.env.calendar, operator: ctx.actor, seed: seed, in: state)
        }
        let history = HistoryGenerator(years: years, seed: seed).generate(before: env.calendar.startOfDay(for: reference), calendar: env.calendar, state: store.state)
        try store.importHistory(history)
        Outcome.say("frontdesk: \(history.count) records of history (\(history.meetings.count) meetings, \(history.visitors.count) visitors, \(history.moves.count) stock moves, \(history.approvals.count) approvals) in \(store.historyMonths.count) month segments; working set \(store.state.recordCount) records.")
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Verify every file of the store.")
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let results = try Store.check(at: storeOptions.path)  // also a store too damaged to open
        for r in results { print(TerminalText.sanitize("\(r.ok ? "ok  " : "BAD ") \(r.file): \(r.detail)")) }
        let bad = results.filter { !$0.ok }
        if !bad.isEmpty {
            Outcome.say("frontdesk: \(bad.count) file(s) damaged: \(bad.map(\.file).joined(separator: ", ")). Restore them from backup; the journals under history/ hold every change.")
            throw ExitCode(4)
        }
    }
}

struct CompactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compact",
        abstract: "Move closed records into month segments and start a new journal generation.")
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = try storeOptions.open()
        let r = try store.compact()
        Outcome.say("frontdesk: archived \(r.archived) closed records into \(r.segmentsWritten.count) month segment(s); \(r.kept) records stay in the working set; generation \(r.generation); personal data purged from \(r.purgedVisitors) visitor(s) and \(r.purgedRecords) journal record(s) past the retention period.")
    }
}

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "log", abstract: "The audit trail: who changed what, when.")
    @OptionGroup var storeOptions: StoreOptions
    @Option(name: .long, help: ArgumentHelp("Only changes from this day on.", valueName: "YYYY-MM-DD")) var since: String?
    @Flag(name: .long, help: "A JSON array of objects.") var json = false

    func run() throws {
        let store = try storeOptions.open()
        let tz = store.env.timeZone
        let from = try since.map { try Parse.day($0, tz, "--since") }
        let records = try store.auditTrail(since: from)
        if json {
            try Output.json(records.map { r in
                ["id": r.seq, "status": "committed", "seq": r.seq, "at": Output.iso(r.at), "unixUser": r.unixUser, "uid": r.uid,
                 "actor": r.actor, "change": r.change.name, "subject": r.change.subject] as [String: Any]
            })
        } else {
            Output.table(["SEQ", "WHEN", "UNIX USER", "AS", "CHANGE", "SUBJECT"], records.map { r in
                ["\(r.seq)", Output.day(r.at, tz) + " " + Output.hm(r.at, tz), r.unixUser, r.actor == r.unixUser ? "" : r.actor,
                 r.change.name, r.change.subject]
            })
        }
    }
}
