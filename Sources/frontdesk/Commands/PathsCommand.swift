import ArgumentParser
import Foundation
import FrontDeskKit
import FrontDeskTUI

/// `frontdesk paths`: where the store, the config, the keys and the themes are read from, and
/// what chose each — the first thing to ask when a desk sees another store or no colours.
struct PathsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "paths", abstract: "Where the store, config.toml, keys.toml and the themes are read from.")
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let (store, from) = storeOptions.located
        let exists = FileManager.default.fileExists(atPath: store + "/meta.plist")
        var rows = [["store", store, "\(from)\(exists ? "" : "; no store there yet (frontdesk init)")"]]
        for p in ConfigPaths.places(ProcessInfo.processInfo.environment) {
            rows.append([p.what, p.path, p.exists ? "found" : "not there"])
        }
        rows.append(["themes", "(built in)", BuiltinThemeNames.all.joined(separator: ", ")])
        Output.table(["WHAT", "PATH", "NOTE"], rows)
    }
}
