import ArgumentParser
import Foundation
import FrontDeskKit
import FrontDeskTUI

/// `frontdesk`: the dashboard, or one of the CLI commands below it (one file each in Commands/).
struct Frontdesk: ParsableCommand {
    /// What `frontdesk --version` prints: the program's version and the store schema it writes.
    static let version = "0.9.0 (store schema \(StoreSchema.current))"

    static let configuration = CommandConfiguration(
        commandName: "frontdesk",
        abstract: "The front desk's dashboard: today's meetings, the visitor queue, stock levels and pending approvals.",
        discussion: """
        Without a subcommand, opens the dashboard on the store.
        Store: --store DIR, else $FRONTDESK_STORE, else store = in config.toml (~/.config/frontdesk/, over
        /etc/frontdesk/), else $XDG_DATA_HOME/frontdesk, else ~/.local/share/frontdesk. See: frontdesk paths.
        Exit codes: 0 done; 2 bad usage or input; 3 refused by a rule or a permission; 4 store unusable.
        """,
        version: version,
        subcommands: routed(Array(CommandLine.arguments.dropFirst()))
    )

    /// Every command under `frontdesk`, by the name typed (each equals the command's `commandName`;
    /// StartupTests checks), in the order help lists them.
    static let commandsByName: [(name: String, command: ParsableCommand.Type)] = [
        ("init", InitCommand.self), ("demo", DemoCommand.self), ("generate", GenerateCommand.self), ("print", PrintCommand.self),
        ("check", CheckCommand.self), ("compact", CompactCommand.self), ("log", LogCommand.self), ("recover", RecoverCommand.self),
        ("backup", BackupCommand.self), ("restore", RestoreCommand.self),
        ("room", RoomCommand.self), ("meeting", MeetingCommand.self), ("visitor", VisitorCommand.self), ("badge", BadgeCommand.self),
        ("stock", StockCommand.self), ("approval", ApprovalCommand.self), ("doc", DocCommand.self), ("role", RoleCommand.self),
        ("watch", WatchCommand.self), ("settings", SettingsCommand.self), ("purchase", PurchaseCommand.self),
        ("report", ReportCommand.self), ("paths", PathsCommand.self), ("people", PeopleCommand.self), ("asset", AssetCommand.self),
        ("parcel", ParcelCommand.self), ("template", TemplateCommand.self),
        ("notice", NoticeCommand.self), ("archive", ArchiveCommand.self), ("staff", StaffCommand.self),
    ]

    /// The subcommands ArgumentParser is given for `arguments`: only the one named first when the
    /// words can reach no other (no help, version or completion request anywhere), else all.
    /// ArgumentParser builds the whole command tree before parsing, and each command's
    /// configuration costs a type lookup that scans every protocol conformance in the binary:
    /// building one branch instead of all of them is measurable on every run.
    static func routed(_ arguments: [String]) -> [ParsableCommand.Type] {
        let all = commandsByName.map(\.command)
        guard let first = arguments.first, let only = commandsByName.first(where: { $0.name == first }) else { return all }
        let wide: Set<String> = ["help", "-h", "--help", "-help", "--help-hidden", "--version", "--experimental-dump-help",
                                 "--generate-completion-script"]
        guard !arguments.contains(where: { wide.contains($0) || $0.hasPrefix("--generate-completion-script=") || $0.hasPrefix("---") }) else { return all }
        return [only.command]
    }

    /// Parses the command line. A routed command (one branch, see `routed`) is first parsed as the
    /// root itself: every top-level command carries `_superCommandName: "frontdesk"`, so its usage
    /// reads `frontdesk <command> …`, and ArgumentParser skips what only the real root needs
    /// (reading `frontdesk`'s own options, and trying the two completion-request parsers), each
    /// costing conformance scans on every run. Anything that does not parse that way (a mistake,
    /// or one of `frontdesk`'s own options after the command) is parsed again under the whole
    /// tree, so every message and exit code is the tree's.
    static func parseCommandLine(_ arguments: [String]) throws -> ParsableCommand {
        let branch = routed(arguments)
        if branch.count == 1, let only = branch.first, let command = try? only.parseAsRoot(Array(arguments.dropFirst())) {
            return command
        }
        return try parseAsRoot(arguments)
    }

    @OptionGroup var storeOptions: StoreOptions

    @Flag(name: .long, help: "Open the dashboard on a throwaway store filled with a demo office day.")
    var demo = false

    @Option(name: .long, help: ArgumentHelp("Colour theme: default, light, high-contrast, monochrome, or a file path.", valueName: "NAME"), completion: Completions.themes)
    var theme: String?

    @Flag(name: .long, help: "No colours, only bold, underline and reverse (as NO_COLOR=1).")
    var noColor = false

    @Flag(name: .long, help: "Draw with ASCII lines and English words, whatever the locale (for terminals that cannot show UTF-8).")
    var ascii = false
    @Flag(name: .long, help: "Leave the mouse to the terminal (its own selection and copy), as mouse = false in config.toml.")
    var noMouse = false

    func run() throws {
        if demo {
            Privilege.dropPermanently()  // the demo store is the user's own
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
            try DashboardLauncher.run(store: store, config: StoreOptions.config, themeName: theme, storeLabel: "demo", noColor: noColor, ascii: ascii, mouse: !noMouse)
        } else {
            let store = try storeOptions.open()
            try DashboardLauncher.run(store: store, config: StoreOptions.config, themeName: theme, storeLabel: store.root, noColor: noColor, ascii: ascii, mouse: !noMouse)
        }
    }
}

extension Frontdesk {
    /// Why `frontdesk help WORDS…` names no command (nil when it does): ArgumentParser's own `help`
    /// would fall back to the nearest command's help and exit 0, hiding a typo from scripts.
    static func unknownHelpTopic(_ words: [String]) -> String? {
        var level: [ParsableCommand.Type] = configuration.subcommands
        var path = "frontdesk"
        for word in words where !word.hasPrefix("-") && word != "help" {
            var names: [String] = []
            var found: ParsableCommand.Type?
            for command in level {
                let name = commandName(command)
                names.append(name)
                if name == word { found = command }
            }
            guard let next = found else {
                return "there is no command \"\(path) \(word)\"; the commands under \(path) are: \(names.joined(separator: ", "))."
            }
            level = subcommands(of: next)
            path += " " + word
        }
        return nil
    }

    private static func commandName(_ command: ParsableCommand.Type) -> String { command._commandName }
    private static func subcommands(of command: ParsableCommand.Type) -> [ParsableCommand.Type] { command.configuration.subcommands }
}
