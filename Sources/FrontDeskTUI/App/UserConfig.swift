import Foundation
import FrontDeskKit
import TOMLKit

/// A desk user's settings, from two config.toml files read in order, the later winning per key:
/// the system-wide one (`/etc/frontdesk/config.toml`, where an admin sets `store` once for every
/// desk user; `$FRONTDESK_SYSTEM_CONFIG_DIR` replaces `/etc/frontdesk` for tests and packagers),
/// then the user's (`$XDG_CONFIG_HOME/frontdesk/config.toml`, else `~/.config/frontdesk/…`).
/// Flags and environment variables win over both; their callers apply them.
///
/// The files are TOML, parsed by TOMLKit. A bad file never stops frontdesk: a syntax error, a
/// value of the wrong type or an unknown key is a line in ``warnings`` naming `file:line`, and the
/// setting keeps its default. The one exception is `store`: a `store` that is set but unusable is
/// kept in ``storeProblem``, so a desk is never silently switched to another store.
public struct UserConfig: Sendable {
    /// The settings config.toml knows, in the order they are listed to the user.
    public static let knownKeys = ["store", "theme", "language", "mouse"]

    /// The user's folder: config.toml, keys.toml, themes/.
    public var directory: String
    /// The system-wide folder (`/etc/frontdesk`).
    public var systemDirectory: String = UserConfig.defaultSystemDirectory
    /// The store every desk user opens unless `--store`/`$FRONTDESK_STORE` says otherwise (absolute, `~` expanded).
    public var store: String?
    /// The dashboard's theme: a name or a file path.
    public var theme: String?
    /// The UI language, as written (`en`, `zh`); nil follows `LANG`.
    public var language: String?
    /// Whether the dashboard takes mouse clicks and the wheel.
    public var mouse = true
    /// Where each setting that a file set came from, as `file:line`, by key.
    public var origins: [String: String] = [:]
    /// One line per problem found, `file:line: what is wrong`, for stderr.
    public var warnings: [String] = []
    /// Set when a file sets `store` to something unusable (or may set it but cannot be read):
    /// what is wrong and what to do, naming `file:line`.
    public var storeProblem: String?

    public static let defaultSystemDirectory = "/etc/frontdesk"

    /// The config files, lowest precedence first.
    public var configFiles: [String] { [systemDirectory + "/config.toml", directory + "/config.toml"] }
    /// The keys files, lowest precedence first.
    public var keysFiles: [String] { [systemDirectory + "/keys.toml", directory + "/keys.toml"] }

    public init(directory: String) { self.directory = directory }

    /// Reads both config.toml files (the system's, then the user's) for the environment `vars`.
    /// Never throws: problems go to ``warnings`` and ``storeProblem``.
    public static func load(_ vars: [String: String]) -> UserConfig {
        let base = vars["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (homeDirectory(vars) + "/.config")
        var c = UserConfig(directory: base + "/frontdesk")
        if let d = vars["FRONTDESK_SYSTEM_CONFIG_DIR"], !d.isEmpty { c.systemDirectory = d }
        for path in c.configFiles { c.apply(path, vars) }
        return c
    }

    /// Applies one config.toml over what earlier files set.
    private mutating func apply(_ path: String, _ vars: [String: String]) {
        let name = ConfigText.displayName(path, vars)
        guard let file = ConfigText.read(path, displayName: name) else { return }
        switch file {
        case .unusable(let problem, let mentionsStore):
            warnings.append(problem + "; its settings are not used")
            if mentionsStore { storeProblem = "\(problem); it may set store, so no store is chosen from it. Fix the file, or pass --store DIR." }
        case .parsed(let table, let lines):
            for (key, value) in table.sorted(by: { lines.line(of: [$0.0]) < lines.line(of: [$1.0]) }) {
                let at = "\(name):\(lines.line(of: [key]))"
                func wrongType(_ expected: String) {
                    warnings.append("\(at): \(key) must be \(expected), got \(ConfigText.describe(value)); using the default")
                }
                switch key {
                case "store":
                    guard let s = value.string, !s.isEmpty else {
                        storeProblem = "\(at): store must be a directory path in quotes (store = \"/srv/frontdesk/office\"), got \(ConfigText.describe(value)). Fix the file, or pass --store DIR."
                        continue
                    }
                    let expanded = s == "~" || s.hasPrefix("~/") ? homeDirectory(vars) + s.dropFirst() : s
                    guard expanded.hasPrefix("/") else {
                        storeProblem = "\(at): store must be an absolute path (or start with ~/), got \"\(s)\". Fix the file, or pass --store DIR."
                        continue
                    }
                    store = expanded
                    storeProblem = nil
                    origins[key] = at
                case "theme":
                    guard let s = value.string, !s.isEmpty else { wrongType("a theme name or a file path in quotes (theme = \"light\")"); continue }
                    theme = s
                    origins[key] = at
                case "language":
                    guard let s = value.string, ["en", "zh"].contains(where: { s.lowercased().hasPrefix($0) }) else {
                        wrongType("\"en\" or \"zh\""); continue
                    }
                    language = s
                    origins[key] = at
                case "mouse":
                    guard let b = value.bool else { wrongType("true or false"); continue }
                    mouse = b
                    origins[key] = at
                default:
                    warnings.append("\(at): unknown key '\(key)' (known: \(Self.knownKeys.joined(separator: ", "))); ignored")
                }
            }
        }
    }

    /// The keymap: the defaults, then the system's keys.toml, then the user's (an action the user
    /// names replaces the system's keys for it). A file with a problem is left out whole and its
    /// problem, with `file:line`, is listed in the keymap's warnings (shown in the status line);
    /// it never stops the dashboard. It does not throw (`throws` stays for its callers).
    public func keymap(_ vars: [String: String] = ProcessInfo.processInfo.environment) throws -> Keymap {
        var entries: [KeysFileEntry] = []
        var problems: [KeymapError] = []
        for path in keysFiles {
            let name = ConfigText.displayName(path, vars)
            switch ConfigText.read(path, displayName: name) {
            case nil: continue
            case .unusable(let problem, _)?:
                problems.append(KeymapError(source: name, line: 0, message: problem + "; the file is not used"))
            case .parsed(let table, let lines)?:
                do {
                    let found = try Self.keyEntries(table, lines, source: name)
                    // Checked alone first, so one file's mistake does not take the other file with it.
                    _ = try Keymap.load(entries: entries + found)
                    entries += found
                } catch {
                    problems.append(KeymapError(source: error.source, line: error.line, message: error.message + "; the file is not used"))
                }
            }
        }
        var keymap = (try? Keymap.load(entries: entries)) ?? .defaults
        keymap.warnings = problems + keymap.warnings
        return keymap
    }

    /// The `[keys]` table's entries: `action = "key"` or `action = ["key", …]`; a dotted action
    /// (`meeting.confirm = "F"`) may be written bare or quoted.
    static func keyEntries(_ table: TOMLTable, _ lines: ConfigText.KeyLines, source: String) throws(KeymapError) -> [KeysFileEntry] {
        var entries: [KeysFileEntry] = []
        for (section, value) in table {
            guard section == "keys", let keys = value.table else {
                throw KeymapError(source: source, line: lines.line(of: [section]), message: "unknown section or key '\(section)' (only a [keys] table)")
            }
            func walk(_ t: TOMLTable, _ path: [String]) throws(KeymapError) {
                for (name, v) in t {
                    let full = path + [name]
                    let line = lines.line(of: ["keys"] + full)
                    if let sub = v.table { try walk(sub, full); continue }
                    var names: [String] = []
                    if let s = v.string {
                        names = [s]
                    } else if let a = v.array {
                        for item in a {
                            guard let s = item.string else {
                                throw KeymapError(source: source, line: line, message: "keys of '\(full.joined(separator: "."))' must be quoted names such as \"q\", got \(ConfigText.describe(item))")
                            }
                            names.append(s)
                        }
                    } else {
                        throw KeymapError(source: source, line: line, message: "'\(full.joined(separator: "."))' must be a quoted key name such as \"q\" or a list [\"q\", \"ctrl-c\"], got \(ConfigText.describe(v))")
                    }
                    entries.append(KeysFileEntry(action: full.joined(separator: "."), keys: names, source: source, line: line))
                }
            }
            try walk(keys, [])
        }
        return entries.sorted { $0.line < $1.line }
    }
}

/// Reading one TOML settings file: its text checked, parsed by TOMLKit, and the line of each key.
enum ConfigText {
    enum File {
        /// Parsed, with where each key is.
        case parsed(TOMLTable, KeyLines)
        /// Not usable, with why (`file:line: …` or `file: …`); whether a `store` line is in it.
        case unusable(String, mentionsStore: Bool)
    }

    /// Config files are a few lines: a larger one is refused rather than read into memory.
    static let maximumSize = 1 << 20

    /// The file at `path`, or nil when there is none (the usual case: nothing to say).
    static func read(_ path: String, displayName name: String) -> File? {
        var st = stat()
        guard stat(path, &st) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            return .unusable("\(name): cannot be read: \(String(cString: strerror(errno)))", mentionsStore: false)
        }
        if st.st_mode & S_IFMT == S_IFDIR { return .unusable("\(name) is a directory, not a file", mentionsStore: false) }
        if st.st_size > maximumSize { return .unusable("\(name) is larger than 1 MiB; not a config file", mentionsStore: false) }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .unusable("\(name): cannot be read (permission denied? check its owner and mode)", mentionsStore: false)
        }
        guard let text = String(data: data, encoding: .utf8), !text.utf8.contains(0) else {
            return .unusable("\(name) is not UTF-8 text; save it as UTF-8", mentionsStore: false)
        }
        let lines = KeyLines(text)
        if let p = lines.unparsable { return .unusable("\(name):\(p.line): \(p.message)", mentionsStore: lines.has(["store"])) }
        do {
            return .parsed(try TOMLTable(string: text), lines)
        } catch let e as TOMLParseError {
            return .unusable("\(name):\(e.source.begin.line): \(e.description)", mentionsStore: lines.has(["store"]))
        } catch {
            return .unusable("\(name): \(error)", mentionsStore: lines.has(["store"]))
        }
    }

    /// The path as people write it: `~/…` under `$HOME`.
    static func displayName(_ path: String, _ vars: [String: String]) -> String {
        let home = homeDirectory(vars)
        return home != "/" && path.hasPrefix(home + "/") ? "~" + path.dropFirst(home.count) : path
    }

    /// "an integer (5)", "a string (\"x\")", "a table": for type errors.
    static func describe(_ v: TOMLValueConvertible) -> String {
        switch v.type {
        case .string: "a string (\"\(v.string ?? "")\")"
        case .int: "an integer (\(v.int ?? 0))"
        case .double: "a number (\(v.double ?? 0))"
        case .bool: "\(v.bool ?? false)"
        case .array: "a list"
        case .table: "a table"
        case .date, .time, .dateTime: "a date or time"
        }
    }

    /// The line on which each key of a TOML text is written, found by scanning the text (TOMLKit
    /// gives lines only for syntax errors). Knows table headers (`[a.b]`, `[[a]]`), dotted and
    /// quoted keys, and skips values whole — multi-line arrays and strings included — so text
    /// inside a value is never taken for a key. Used only after TOMLKit accepted the text, or to
    /// tell whether a broken file mentions `store`.
    struct KeyLines: Sendable {
        private var lines: [String: Int] = [:]

        /// The line of `path` (a dotted key's parts, under its table), else of its longest
        /// written prefix (a key inside an inline table is on its table's line), else 1.
        func line(of path: [String]) -> Int {
            var p = path
            while !p.isEmpty {
                if let l = lines[p.joined(separator: ".")] { return l }
                p.removeLast()
            }
            return 1
        }

        func has(_ path: [String]) -> Bool { lines[path.joined(separator: ".")] != nil }

        /// A problem that must not reach the parser (see the table-header case below), with its line.
        private(set) var unparsable: (line: Int, message: String)?

        init(_ text: String) {
            let b = Array(text.utf8)
            var i = 0
            var line = 1
            var table: [String] = []

            func at(_ k: Int) -> UInt8? { i + k < b.count ? b[i + k] : nil }
            func skipBlanks() { while let c = at(0), c == 0x20 || c == 0x09 { i += 1 } }
            func skipToLineEnd() { while let c = at(0), c != 0x0A { i += 1 } }
            func record(_ path: [String]) {
                for n in 1...max(1, path.count) where !path.isEmpty {
                    let key = path.prefix(n).joined(separator: ".")
                    if lines[key] == nil { lines[key] = line }
                }
            }
            // One string at i (basic, literal, or their multi-line forms), counting its newlines.
            func skipString() {
                guard let q = at(0) else { return }
                let multi = at(1) == q && at(2) == q
                i += multi ? 3 : 1
                while let c = at(0) {
                    if c == 0x5C && q == 0x22 {   // an escape in a basic string (a line-ending one too)
                        if at(1) == 0x0A { line += 1 }
                        i += 2
                        continue
                    }
                    if c == 0x0A { if !multi { return }; line += 1 }
                    if c == q {
                        if !multi { i += 1; return }
                        if at(1) == q && at(2) == q {
                            i += 3
                            while at(0) == q { i += 1 }   // up to two quotes may end the content
                            return
                        }
                    }
                    i += 1
                }
            }
            // A key: bare or quoted parts joined by dots. Nil when there is none at i.
            func key() -> [String]? {
                var parts: [String] = []
                while true {
                    skipBlanks()
                    guard let c = at(0) else { return nil }
                    if c == 0x22 || c == 0x27 {
                        let start = i + 1
                        skipString()
                        let end = max(start, i - 1)
                        let raw = String(decoding: b[start..<min(end, b.count)], as: UTF8.self)
                        parts.append(c == 0x22 ? Self.unescape(raw) : raw)
                    } else {
                        let start = i
                        while let c = at(0), Self.isBare(c) { i += 1 }
                        guard i > start else { return nil }
                        parts.append(String(decoding: b[start..<i], as: UTF8.self))
                    }
                    skipBlanks()
                    if at(0) == 0x2E { i += 1; continue }   // a dot: another part follows
                    return parts
                }
            }
            // A value, to its end: brackets balanced across lines, strings and comments skipped.
            func skipValue() {
                var open: [UInt8] = []   // the brackets not yet closed
                var listWantsValue = false   // just after a list's `[` or `,`
                while let c = at(0) {
                    switch c {
                    case 0x20, 0x09, 0x0D: i += 1; continue
                    case 0x23: skipToLineEnd(); continue
                    case 0x0A:
                        if open.isEmpty { return }
                        line += 1
                        i += 1
                        continue
                    default: break
                    }
                    // toml++ 3.4 asserts (debug) or misbehaves (release) on a `}` where a list expects a value.
                    if listWantsValue && c == 0x7D && unparsable == nil {
                        unparsable = (line, "a '}' where the list expects a value or ']'")
                    }
                    listWantsValue = false
                    switch c {
                    case 0x22, 0x27: skipString(); continue
                    case 0x5B: open.append(c); listWantsValue = true
                    case 0x7B: open.append(c)
                    case 0x5D, 0x7D: _ = open.popLast()
                    case 0x2C: listWantsValue = open.last == 0x5B
                    default: break
                    }
                    i += 1
                }
            }

            while i < b.count {
                skipBlanks()
                guard let c = at(0) else { break }
                switch c {
                case 0x0A: line += 1; i += 1
                case 0x0D: i += 1
                case 0x23: skipToLineEnd()
                case 0x5B:
                    let double = at(1) == 0x5B
                    i += double ? 2 : 1
                    skipBlanks()
                    // toml++ 3.4 asserts (debug) or misbehaves (release) on `[[[`: caught here first.
                    if let c = at(0), !Self.isBare(c), c != 0x22, c != 0x27, unparsable == nil {
                        unparsable = (line, "a table header needs a name: [name] or [[name]]")
                    }
                    table = key() ?? []
                    record(table)
                    skipToLineEnd()
                default:
                    guard let k = key(), at(0) == 0x3D else { skipToLineEnd(); continue }
                    i += 1
                    record(table + k)
                    skipValue()
                }
            }
        }

        private static func isBare(_ c: UInt8) -> Bool {
            (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x5F || c == 0x2D
        }

        /// The common escapes of a quoted key (`\"`, `\\`, `\t`, `\n`, `\uXXXX`); others are kept as written.
        private static func unescape(_ s: String) -> String {
            guard s.contains("\\") else { return s }
            var out = ""
            var it = s.unicodeScalars.makeIterator()
            while let c = it.next() {
                guard c == "\\", let n = it.next() else { out.unicodeScalars.append(c); continue }
                switch n {
                case "n": out += "\n"
                case "t": out += "\t"
                case "u", "U":
                    var hex = ""
                    for _ in 0..<(n == "u" ? 4 : 8) { if let h = it.next() { hex.unicodeScalars.append(h) } }
                    if let v = UInt32(hex, radix: 16), let u = Unicode.Scalar(v) { out.unicodeScalars.append(u) } else { out += "\\\(n)\(hex)" }
                default: out.unicodeScalars.append(n)
                }
            }
            return out
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
        /// "system-wide", "yours (wins over the system-wide one)", or nil for themes.
        public var layer: String?
    }

    /// A setting, its value and what set it (`file:line`, or "the default").
    public struct Setting: Sendable {
        public var key: String
        public var value: String
        public var setBy: String
    }

    public static func places(_ vars: [String: String], binary: String = CommandLine.arguments.first ?? ".") -> [Place] {
        let config = UserConfig.load(vars)
        func place(_ what: String, _ path: String, _ layer: String? = nil) -> Place {
            Place(what: what, path: path, exists: FileManager.default.fileExists(atPath: path), layer: layer)
        }
        let system = "system-wide", mine = "yours, wins over the system-wide one"
        var out = [place("config", config.configFiles[0], system), place("config", config.configFiles[1], mine),
                   place("keys", config.keysFiles[0], system), place("keys", config.keysFiles[1], mine)]
        // The user's folder and $FRONTDESK_THEMES always (where to put a theme); the folders
        // searched beside the binary only where one exists.
        var seen: Set<String> = []
        for (i, p) in ThemeCatalog.paths(for: "x", vars: vars, binary: binary).enumerated() {
            let d = (p as NSString).deletingLastPathComponent
            let always = i == 0 || d == vars["FRONTDESK_THEMES"]
            guard seen.insert(d).inserted else { continue }
            let here = place("themes", d)
            if always || here.exists { out.append(here) }
        }
        return out
    }

    /// Each config.toml setting other than `store` (which `paths` lists with the store), its
    /// value, and which file and line set it.
    public static func settings(_ config: UserConfig) -> [Setting] {
        func by(_ key: String) -> String { config.origins[key] ?? "the default" }
        return [
            Setting(key: "theme", value: config.theme ?? "default", setBy: by("theme")),
            Setting(key: "language", value: config.language ?? "from LANG", setBy: by("language")),
            Setting(key: "mouse", value: config.mouse ? "true" : "false", setBy: by("mouse")),
        ]
    }
}
