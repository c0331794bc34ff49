import ArgumentParser
import Foundation
import FrontDeskKit

/// `frontdesk generate`: years of deterministic synthetic history, for benchmarks.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate", _superCommandName: "frontdesk",
        abstract: "Fill an empty store with deterministic synthetic history, for benchmarks.",
        discussion: "Per year about 10,000 meetings over 10 rooms, 50,000 visitors, 33,000 stock moves and 7,000 approvals, plus a demo day today."
    )
    @OptionGroup var storeOptions: StoreOptions
    @Option(name: .long, parsing: .unconditional, help: "Years of history (1–20).") var years: Int
    @Option(name: .long, help: "Seed: the same seed gives the same history.") var seed: UInt64 = 1
    @Option(name: .long, help: ArgumentHelp("The last day (default today).", valueName: "YYYY-MM-DD")) var date: String?

    func validate() throws {
        guard (1...20).contains(years) else { throw ValidationError("--years must be 1 to 20, got \(years).") }
    }

    func run() throws {
        var env = StoreOptions.processEnvironment()
        let reference = try DemoCommand.reference(date, env)
        env.now = { reference }
        let store = try DemoCommand.emptyStore(storeOptions.path, env)
        try store.commitBatch { state, ctx in
            DemoOffice.changes(now: reference, calendar: ctx.env.calendar, operator: ctx.actor, seed: seed, in: state)
        }
        // A line on stderr while it works, when stderr is a terminal; erased before the summary.
        let progress = ProgressLine()
        defer { progress.finish() }
        let history = HistoryGenerator(years: years, seed: seed).generate(before: env.calendar.startOfDay(for: reference), calendar: env.calendar,
                                                                          state: store.state, progress: progress.report)
        try store.importHistory(history, progress: progress.report)
        progress.finish()
        Outcome.say("frontdesk: \(history.count) records of history (\(history.meetings.count) meetings, \(history.visitors.count) visitors, \(history.moves.count) stock moves, \(history.approvals.count) approvals) in \(store.historyMonths.count) month segments; working set \(store.state.recordCount) records.")
    }
}
