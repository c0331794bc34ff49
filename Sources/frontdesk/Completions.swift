import ArgumentParser
import Foundation
import FrontDeskKit
import FrontDeskTUI

/// Values the shell completes (`frontdesk --generate-completion-script bash|zsh|fish`): visitor,
/// meeting and approval ids, rooms and SKUs read from the store the command line names
/// (`--store`, else the usual search), and theme names. The shell runs frontdesk for each TAB,
/// so this reads the store once and writes nothing; no store, an unreadable one or any other
/// problem gives an empty list and no message.
enum Completions {
    /// What a completed value is.
    enum Source: Sendable {
        case visitors, meetings, approvals, rooms, skus
        /// The id of a step command's record: its kind is the command's first word.
        case recordOfCommand
    }

    static let visitorIDs = kind(.visitors)
    static let meetingIDs = kind(.meetings)
    static let approvalIDs = kind(.approvals)
    static let rooms = kind(.rooms)
    static let skus = kind(.skus)
    static let recordIDs = kind(.recordOfCommand)
    /// Built-in theme names and the `.theme` files in the folders frontdesk looks in.
    static let themes = CompletionKind.custom { _, _, prefix in themeNames(ProcessInfo.processInfo.environment).filter { $0.hasPrefix(prefix) } }

    private static func kind(_ source: Source) -> CompletionKind {
        .custom { words, _, prefix in values(source, words: words, vars: ProcessInfo.processInfo.environment).filter { $0.hasPrefix(prefix) } }
    }

    /// The values of `source` in the store that `words` (the command line being completed) names.
    static func values(_ source: Source, words: [String], vars: [String: String]) -> [String] {
        guard let state = state(words: words, vars: vars) else { return [] }
        var source = source
        if source == .recordOfCommand {
            // `frontdesk visitor arrive ID`, `frontdesk meeting held ID`, …: the record kind is the first word.
            switch words.dropFirst().first(where: { !$0.hasPrefix("-") }) {
            case "visitor": source = .visitors
            case "meeting": source = .meetings
            case "approval": source = .approvals
            case "stock": source = .skus
            default: return []
            }
        }
        switch source {
        case .visitors: return state.visitors.keys.sorted()
        case .meetings: return state.meetings.keys.sorted()
        case .approvals: return state.approvals.keys.sorted()
        // Names with spaces are left out: bash's word list would split them into pieces.
        case .rooms: return Array(Set(state.rooms.values.flatMap { [$0.id, $0.name] }.filter { !$0.contains(where: \.isWhitespace) })).sorted()
        case .skus: return state.items.keys.sorted()
        case .recordOfCommand: return []
        }
    }

    /// The store's working set, or nil when there is no store to read (nothing is created).
    static func state(words: [String], vars: [String: String]) -> OfficeState? {
        var args: [String] = []
        if let i = words.lastIndex(of: "--store"), i + 1 < words.count {
            args = ["--store", words[i + 1]]
        } else if let w = words.last(where: { $0.hasPrefix("--store=") }) {
            args = [w]
        }
        guard let options = try? StoreOptions.parse(args) else { return nil }
        // Read without printing the config's warnings: the shell is drawing a prompt.
        let located = options.locate(config: UserConfig.load(vars), vars: vars)
        guard located.problem == nil, FileManager.default.fileExists(atPath: located.path + "/meta.plist") else { return nil }
        let path = StoreOptions.resolved(located.path)
        guard (try? Privilege.claim(storeAt: path)) != nil,
              let store = try? Store.open(at: path, env: StoreOptions.processEnvironment()) else { return nil }
        return store.state
    }

    /// Built-in theme names, then those of `.theme` files in the theme folders, without repeats.
    static func themeNames(_ vars: [String: String]) -> [String] {
        var names = BuiltinThemeNames.all
        for place in ConfigPaths.places(vars) where place.what == "themes" {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: place.path)) ?? []
            for f in files.sorted() where f.hasSuffix(".theme") {
                let name = String(f.dropLast(6))
                if !names.contains(name) { names.append(name) }
            }
        }
        return names
    }
}
