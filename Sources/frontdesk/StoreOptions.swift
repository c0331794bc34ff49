import ArgumentParser
import Foundation
import FrontDeskKit
import FrontDeskTUI

/// Where the store is: `--store DIR`, else (installed set-uid) the service account's home, which
/// `init --team` makes the team store, else `$FRONTDESK_STORE`, else `$XDG_DATA_HOME/frontdesk`,
/// else `~/.local/share/frontdesk`.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store directory.", valueName: "DIR"), completion: .directory)
    var store: String?

    var path: String { located.path }

    /// The store's directory and what chose it. A config.toml whose `store` is unusable (and that
    /// nothing before it overrides) ends the process here with exit 2 and the file's line: a desk
    /// must not fall back to another store without a word.
    var located: (path: String, from: String) {
        let l = locate()
        if let problem = l.problem { Outcome.say("frontdesk: \(problem)"); Foundation.exit(2) }
        return (l.path, l.from)
    }

    /// `--store`, the team store of a set-uid install, `$FRONTDESK_STORE`, config.toml's `store`
    /// (the user's over the system's), `$XDG_DATA_HOME`, `~/.local/share`: the first one set
    /// wins. `problem` is config.toml's unusable `store`, when it would have been the one.
    func locate(config: UserConfig = Self.config, vars: [String: String] = ProcessInfo.processInfo.environment)
        -> (path: String, from: String, problem: String?) {
        if let s = store, !s.isEmpty { return ((s as NSString).expandingTildeInPath, "--store", nil) }
        if let team = Self.teamStoreDefault() { return (team, "the team store of this installed frontdesk", nil) }
        if let s = vars["FRONTDESK_STORE"], !s.isEmpty { return (s, "$FRONTDESK_STORE", nil) }
        if let problem = config.storeProblem { return ("", "config.toml", problem) }
        if let s = config.store { return (s, "store = in \(config.origins["store"] ?? "config.toml")", nil) }
        if let x = vars["XDG_DATA_HOME"], !x.isEmpty { return (x + "/frontdesk", "$XDG_DATA_HOME", nil) }
        return (homeDirectory(vars) + "/.local/share/frontdesk", "the default, under $HOME", nil)
    }

    /// The config files' settings, read once per process; their warnings go to stderr then.
    static let config: UserConfig = {
        let c = UserConfig.load(ProcessInfo.processInfo.environment)
        for w in c.warnings { Outcome.say("frontdesk: warning: \(w)") }
        return c
    }()

    /// The team store of an installed set-uid binary: its account's home directory.
    static func teamStoreDefault() -> String? {
        guard let uid = Privilege.current.storeUID, let pw = getpwuid(uid), let dir = pw.pointee.pw_dir else { return nil }
        let home = String(cString: dir)
        var st = stat()
        guard stat(home, &st) == 0, st.st_uid == uid, (st.st_mode & S_IFMT) == S_IFDIR else { return nil }
        return home
    }

    /// The path with links resolved (as the real user), or as given when it cannot be resolved.
    static func resolved(_ path: String) -> String {
        guard let p = realpath(path, nil) else { return path }
        defer { free(p) }
        return String(cString: p)
    }

    /// The process's environment: real clock, the real uid's Unix user, local time zone.
    static func processEnvironment() -> Environment {
        let user = realUnixUser()
        return Environment(now: { Date() }, actingUser: user, unixUser: user, timeZone: .current)
    }

    /// Opens the store for a day's listing: `--date YYYY-MM-DD`, else today in office time.
    func openForDay(_ date: String?) throws -> (Store, Date) {
        let store = try open()
        let day = try Parse.dayOrToday(date, store.env)
        return (store, day)
    }

    /// Claims the store (personal: owned by you; team: owned by the set-uid account; anyone
    /// else's is refused), opens it, and applies `FRONTDESK_USER`/`FRONTDESK_NOW` on a personal
    /// store that allows them (warning on stderr where they are ignored).
    func open() throws -> Store {
        // Resolved once, so the directory claimed is the directory opened.
        let path = Self.resolved(self.path)
        let kind = try Privilege.claim(storeAt: path)
        let store = try Store.open(at: path, env: Self.processEnvironment())
        let policy = Overrides.policy(storeAllows: store.meta.allowOverrides, kind: kind)
        let r = try Overrides.apply(ProcessInfo.processInfo.environment, to: store.env, allowed: policy.allowed, reason: policy.reason)
        for w in r.warnings { Outcome.say("frontdesk: warning: \(w)") }
        store.env = r.env
        // Hooks run in the store's commit path; their problems are warnings, never failures.
        store.afterCommit.report = { Outcome.say("frontdesk: warning: \($0)") }
        return store
    }
}

/// Output helpers shared by the commands: ids alone on stdout, tables and JSON arrays.
enum Output {
    /// A created record's id, alone on the first line, so scripts can write id=$(frontdesk …).
    static func created(_ id: String) { print(id) }

    static func json(_ rows: [[String: Any]]) throws {
        print(escapeControls(try JSONText.pretty(rows)))
    }

    /// One JSON object on stdout (a command whose answer is not a list of records), as `json` prints.
    static func jsonObject(_ object: [String: Any]) throws {
        print(escapeControls(try JSONText.pretty(object)))
    }

    /// JSON escapes only C0 controls; C1 controls (U+0080–U+009F, which some terminals obey),
    /// DEL and bidi overrides are escaped too, so `--json` on a terminal is as safe as a table.
    static func escapeControls(_ json: String) -> String {
        // Every scalar escaped below is encoded with a 0x7F, 0xC2 or 0xE2 byte: most text has none.
        guard json.utf8.contains(where: { $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }) else { return json }
        var out = String.UnicodeScalarView()
        for u in json.unicodeScalars {
            let v = u.value
            if v == 0x7F || (0x80...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) {
                out.append(contentsOf: String(format: "\\u%04x", v).unicodeScalars)
            } else {
                out.append(u)
            }
        }
        return String(out)
    }

    /// Aligned columns by display width; every cell sanitised.
    static func table(_ header: [String], _ rows: [[String]]) {
        let all = [header] + rows.map { $0.map { TerminalText.sanitize($0) } }
        var widths = Array(repeating: 0, count: header.count)
        for r in all { for (i, c) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], DisplayWidth.of(c)) } }
        for r in all {
            let line = r.enumerated().map { i, c in i == r.count - 1 ? c : DisplayWidth.pad(c, to: widths[i]) }.joined(separator: "  ")
            print(trimmingTrailingWhitespace(line))
        }
    }

    /// The line without trailing white space (what the regex `\s+$` removed, without loading ICU's
    /// regex engine on every listing).
    static func trimmingTrailingWhitespace(_ line: String) -> String {
        var scalars = line.unicodeScalars
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }

    /// "2026-11-30T08:30:00Z" (UTC), or JSON null.
    static func iso(_ d: Date?) -> Any {
        guard let d else { return NSNull() }
        return d.formatted(isoStyle)
    }
    // The same text as ISO8601DateFormatter's default, without building an ICU formatter per call
    // (it was 9% of `meeting list --json`).
    private static let isoStyle = Date.ISO8601FormatStyle()
    static func hm(_ d: Date, _ tz: TimeZone) -> String { Clock.hm(d, tz) }
    static func day(_ d: Date, _ tz: TimeZone) -> String { Clock.day(d, tz) }
}

/// Parsing of typed values with exit-code-2 messages, through the kit's one date parser
/// (office time zone, the store's clock).
enum Parse {
    static func dateTime(_ s: String, _ env: Environment, _ what: String) throws -> Date {
        guard let d = DateInput.moment(s, now: env.now(), calendar: env.calendar) else {
            throw UsageError("\(what) must be a time: \(DateInput.momentForms); got \"\(s)\".")
        }
        return d
    }
    static func month(_ s: String, _ env: Environment, _ what: String = "--month") throws -> Date {
        guard let d = DateInput.month(s, calendar: env.calendar) else { throw UsageError("\(what) must be YYYY-MM, got \"\(s)\".") }
        return d
    }
    static func day(_ s: String, _ env: Environment, _ what: String = "--date") throws -> Date {
        guard let d = DateInput.day(s, now: env.now(), calendar: env.calendar) else {
            throw UsageError("\(what) must be a day: \(DateInput.dayForms); got \"\(s)\".")
        }
        return d
    }
}
