import Foundation
import FrontDeskKit

/// The user's own settings: `$XDG_CONFIG_HOME/frontdesk/` (else `~/.config/frontdesk/`) holds
/// `config.toml` (`theme = "light"`) and `keys.toml` (key bindings). Read once at start-up.
struct UserConfig {
    var directory: String
    var theme: String?
    /// `mouse = false`: clicks and the wheel stay with the terminal (its own selection and copy).
    var mouse = true

    static func load(_ vars: [String: String]) -> UserConfig {
        let base = vars["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (homeDirectory(vars) + "/.config")
        let dir = base + "/frontdesk"
        var c = UserConfig(directory: dir)
        if let text = try? String(contentsOfFile: dir + "/config.toml", encoding: .utf8) {
            for raw in text.split(separator: "\n") {
                let line = raw.split(separator: "#", maxSplits: 1).first.map(String.init) ?? ""
                let kv = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if kv.count == 2, kv[0] == "theme" { c.theme = kv[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"'")) }
                if kv.count == 2, kv[0] == "mouse" { c.mouse = kv[1] != "false" }
            }
        }
        return c
    }

    /// The keymap with the user's keys file applied; a bad file stops start-up with the line.
    func keymap() throws -> Keymap {
        let path = directory + "/keys.toml"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return .defaults }
        do { return try Keymap.load(text: text, source: path) } catch {
            throw DashboardSetupError(description: "frontdesk: \(error)")
        }
    }
}

/// Finds a theme by name: the user's themes folder, `$FRONTDESK_THEMES`, then the `themes/`
/// folder shipped beside the executable (searched upwards, which covers `swift run`), or a path.
enum ThemeCatalog {
    static func load(_ name: String, vars: [String: String], binary: String = CommandLine.arguments.first ?? ".") throws -> Theme {
        let candidates = paths(for: name, vars: vars, binary: binary)
        for p in candidates {
            guard let text = try? String(contentsOfFile: p, encoding: .utf8) else { continue }
            do { return try Theme.parse(text, source: p) } catch { throw DashboardSetupError(description: "frontdesk: \(error)") }
        }
        if let text = BuiltinThemes.texts[name] {
            do { return try Theme.parse(text, source: "built-in \(name).theme") } catch { throw DashboardSetupError(description: "frontdesk: \(error)") }
        }
        // Name the themes that do exist, and where, rather than every place looked in.
        let dirs = Set(candidates.map { ($0 as NSString).deletingLastPathComponent })
        let found = dirs.sorted().compactMap { dir -> String? in
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".theme") }
                .map { String($0.dropLast(6)) }.sorted()
            return names.isEmpty ? nil : "\(names.joined(separator: ", ")) (in \(dir))"
        }
        let builtin = "\(BuiltinThemes.texts.keys.sorted().joined(separator: ", ")) (built in)"
        throw DashboardSetupError(description: "frontdesk: no theme '\(name)'; available: \(([builtin] + found).joined(separator: "; ")), or give a file path")
    }

    static func paths(for name: String, vars: [String: String], binary: String) -> [String] {
        if name.contains("/") { return [name] }
        let file = name.hasSuffix(".theme") ? name : name + ".theme"
        var dirs: [String] = []
        let config = vars["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (homeDirectory(vars) + "/.config")
        dirs.append(config + "/frontdesk/themes")
        if let d = vars["FRONTDESK_THEMES"], !d.isEmpty { dirs.append(d) }
        var dir = URL(fileURLWithPath: binary).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            dirs.append(dir.appendingPathComponent("themes").path)
            dirs.append(dir.appendingPathComponent("share/frontdesk/themes").path)
            dir.deleteLastPathComponent()
        }
        return dirs.map { $0 + "/" + file }
    }
}

/// Where the dashboard reads a person's files from, in the order it looks: for `frontdesk paths`.
public enum ConfigPaths {
    public struct Place: Sendable {
        public var what: String
        public var path: String
        public var exists: Bool
    }

    public static func places(_ vars: [String: String], binary: String = CommandLine.arguments.first ?? ".") -> [Place] {
        let dir = UserConfig.load(vars).directory
        func place(_ what: String, _ path: String) -> Place {
            Place(what: what, path: path, exists: FileManager.default.fileExists(atPath: path))
        }
        var out = [place("config", dir + "/config.toml"), place("keys", dir + "/keys.toml")]
        // The user's folder and $FRONTDESK_THEMES always (where to put a theme); the folders
        // searched beside the binary only where one exists.
        var seen: Set<String> = []
        for (i, p) in ThemeCatalog.paths(for: "x", vars: vars, binary: binary).enumerated() {
            let d = (p as NSString).deletingLastPathComponent
            let mine = i == 0 || d == vars["FRONTDESK_THEMES"]
            guard seen.insert(d).inserted else { continue }
            let here = place("themes", d)
            if mine || here.exists { out.append(here) }
        }
        return out
    }
}
