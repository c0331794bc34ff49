import ArgumentParser
import Foundation
import FrontDeskKit
import FrontDeskTUI

/// `frontdesk paths`: where the store, the config files (system-wide, then the user's), the keys
/// files and the themes are read from, what chose the store, and which file and line set each
/// setting — the first thing to ask when a desk sees another store or no colours.
struct PathsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "paths", _superCommandName: "frontdesk", abstract: "Where the store, config.toml, keys.toml and the themes are read from.")
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let (store, from, problem) = storeOptions.locate()
        var rows: [[String]]
        if let problem {
            rows = [["store", "(none)", problem]]
        } else {
            let exists = FileManager.default.fileExists(atPath: store + "/meta.plist")
            rows = [["store", store, "\(from)\(exists ? "" : "; no store there yet (frontdesk init)")"]]
        }
        let vars = ProcessInfo.processInfo.environment
        for p in ConfigPaths.places(vars) {
            let found = p.exists ? "found" : "not there"
            rows.append([p.what, p.path, p.layer.map { "\($0); \(found)" } ?? found])
        }
        rows.append(["themes", "(built in)", BuiltinThemeNames.all.joined(separator: ", ")])
        for f in TemplateCommand.library().folders {
            rows.append(["templates", f.path, "\(f.what); \(FileManager.default.fileExists(atPath: f.path) ? "found" : "not there")"])
        }
        Output.table(["WHAT", "PATH", "NOTE"], rows)
        print()
        Output.table(["SETTING", "VALUE", "SET BY"], ConfigPaths.settings(StoreOptions.config).map { [$0.key, $0.value, $0.setBy] })
        // The keys files are otherwise checked only when the dashboard starts: say here what it would.
        for w in ((try? StoreOptions.config.keymap(vars))?.warnings ?? []) { Outcome.say("frontdesk: warning: \(w)") }
    }
}
