import ArgumentParser
import Foundation
import FrontDeskKit

/// `frontdesk demo`: a training store filled with a realistic office day.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", _superCommandName: "frontdesk",
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

    /// The demo's "now": 10:30 of `date`, or now when today is an office day in office hours.
    static func reference(_ date: String?, _ env: Environment) throws -> Date {
        guard let date else { return DemoClock.reference(for: env.now(), calendar: env.calendar) }
        let day = try Parse.day(date, env)
        return DemoClock.reference(for: env.now(), calendar: env.calendar, day: day)
    }

    /// Creates the store (allowing overrides) or opens it if it exists and holds no records yet.
    static func emptyStore(_ path: String, _ env: Environment) throws -> Store {
        Privilege.dropPermanently()  // demo data goes only into the user's own training store
        if FileManager.default.fileExists(atPath: path + "/meta.plist") {
            try Privilege.claim(storeAt: path)  // never fill another user's store
            let store = try Store.open(at: path, env: env)
            if !store.meta.allowOverrides {
                throw Refusal.rule("\(store.root) is a working store; demo data goes only into a training store (frontdesk init --allow-overrides, or a new directory).", zh: "\(store.root) 是正式数据目录；演示数据只能放入练习用的数据目录（frontdesk init --allow-overrides，或换一个新目录）。")
            }
            if !store.state.rooms.isEmpty || !store.state.visitors.isEmpty || !store.state.items.isEmpty {
                throw Refusal.rule("\(store.root) is not empty; demo data goes only into an empty store.", zh: "\(store.root) 不是空的；演示数据只能放入空的数据目录。")
            }
            return store
        }
        return try Store.create(at: path, env: env, allowOverrides: true)
    }

    /// A new private temporary directory; the store goes in its `store` subdirectory.
    static func throwawayStore() throws -> String {
        var template = Array((NSTemporaryDirectory() + "/frontdesk-demo-XXXXXX").utf8CString)
        guard let p = template.withUnsafeMutableBufferPointer({ $0.baseAddress.flatMap { mkdtemp($0) } }) else {
            throw StoreError(file: NSTemporaryDirectory(), problem: "cannot create a temporary directory", remedy: "Check $TMPDIR.")
        }
        return String(cString: p) + "/store"
    }
}
