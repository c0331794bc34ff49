import Foundation
import Testing
import TestSupport

/// The system-wide config.toml sets the store for every desk user; the user's file, then
/// `$FRONTDESK_STORE`, then `--store` win over it, and `frontdesk paths` says which did.
@Suite struct TeamConfigTests {
    struct Box {
        let tmp: TempStore
        var system: String { tmp.base + "/etc" }
        var home: String { tmp.base + "/home" }
        var user: String { home + "/.config/frontdesk" }
        var vars: [String: String] {
            ["HOME": home, "XDG_CONFIG_HOME": "", "XDG_DATA_HOME": "", "FRONTDESK_STORE": "", "FRONTDESK_SYSTEM_CONFIG_DIR": system]
        }
        init() throws {
            tmp = try TempStore("team-config")
            try FileManager.default.createDirectory(atPath: system, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: user, withIntermediateDirectories: true)
        }
        func write(_ path: String, _ text: String) throws { try Data(text.utf8).write(to: URL(fileURLWithPath: path)) }
        func row(_ r: RunResult, _ what: String) -> String {
            r.stdout.split(separator: "\n").map(String.init).first { $0.hasPrefix(what + " ") } ?? ""
        }
    }

    @Test func storePrecedenceSystemThenUserThenEnvironmentThenFlag() throws {
        let b = try Box()
        defer { b.tmp.remove() }
        let office = b.tmp.base + "/office", mine = b.tmp.base + "/mine", env = b.tmp.base + "/env", flag = b.tmp.base + "/flag"
        try b.write(b.system + "/config.toml", "# the admin's\nstore = \"\(office)\"\n")
        var r = try CLI.run(["paths"], env: b.vars)
        try #require(r.status == 0, "\(r)")
        #expect(b.row(r, "store").contains(office) && b.row(r, "store").contains("store = in \(b.system)/config.toml:2"), "\(r.stdout)")
        // Every command opens it: `init` creates the store there.
        r = try CLI.run(["init"], env: b.vars)
        #expect(r.status == 0, "\(r)")
        #expect(FileManager.default.fileExists(atPath: office + "/meta.plist"))

        try b.write(b.user + "/config.toml", "store = \"\(mine)\"\n")
        r = try CLI.run(["paths"], env: b.vars)
        #expect(b.row(r, "store").contains(mine) && b.row(r, "store").contains("~/.config/frontdesk/config.toml:1"), "\(r.stdout)")

        var withEnv = b.vars
        withEnv["FRONTDESK_STORE"] = env
        r = try CLI.run(["paths"], env: withEnv)
        #expect(b.row(r, "store").contains(env) && b.row(r, "store").contains("$FRONTDESK_STORE"), "\(r.stdout)")
        r = try CLI.run(["paths", "--store", flag], env: withEnv)
        #expect(b.row(r, "store").contains(flag) && b.row(r, "store").contains("--store"), "\(r.stdout)")
    }

    @Test func pathsListsBothLayersAndWhichFileSetEachSetting() throws {
        let b = try Box()
        defer { b.tmp.remove() }
        try b.write(b.system + "/config.toml", "theme = \"light\"\nmouse = false\n")
        try b.write(b.user + "/config.toml", "\n\ntheme = \"monochrome\"\n")
        let r = try CLI.run(["paths"], env: b.vars)
        try #require(r.status == 0, "\(r)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("config") && $0.contains(b.system + "/config.toml") && $0.contains("system-wide; found") }, "\(r.stdout)")
        #expect(lines.contains { $0.hasPrefix("config") && $0.contains(b.user + "/config.toml") && $0.contains("yours") && $0.hasSuffix("found") }, "\(r.stdout)")
        #expect(lines.contains { $0.hasPrefix("keys") && $0.contains(b.system + "/keys.toml") && $0.hasSuffix("not there") }, "\(r.stdout)")
        #expect(lines.contains { $0.hasPrefix("theme") && $0.contains("monochrome") && $0.hasSuffix("~/.config/frontdesk/config.toml:3") }, "\(r.stdout)")
        #expect(lines.contains { $0.hasPrefix("mouse") && $0.contains("false") && $0.hasSuffix(b.system + "/config.toml:2") }, "\(r.stdout)")
        #expect(lines.contains { $0.hasPrefix("language") && $0.hasSuffix("the default") }, "\(r.stdout)")
    }

    /// Unknown keys and syntax errors are warnings on stderr with file:line; the command still works.
    @Test func aBadConfigWarnsOnStderrAndTheCommandStillRuns() throws {
        let b = try Box()
        defer { b.tmp.remove() }
        let store = b.tmp.base + "/s"
        try b.write(b.user + "/config.toml", "theme = \"light\"\nstore = \"\(store)\"\n\ncolour = \"red\"\n")
        try b.write(b.system + "/config.toml", "mouse = yes\n")
        let r = try CLI.run(["init"], env: b.vars)
        #expect(r.status == 0, "\(r)")
        #expect(r.stderr.contains("frontdesk: warning: ~/.config/frontdesk/config.toml:4: unknown key 'colour' (known: store, theme, language, mouse"), "\(r)")
        #expect(r.stderr.contains("frontdesk: warning: \(b.system)/config.toml:1: "), "\(r)")
        #expect(FileManager.default.fileExists(atPath: store + "/meta.plist"))
    }

    /// A store path that cannot be used is refused with its line, not replaced by another store.
    @Test func aBadStoreStopsTheCommandWithTheLineAndPathsStillShowsIt() throws {
        let b = try Box()
        defer { b.tmp.remove() }
        try b.write(b.system + "/config.toml", "store = \"office\"\n")
        var r = try CLI.run(["init"], env: b.vars)
        #expect(r.status == 2, "\(r)")
        #expect(r.stderr.contains("frontdesk: \(b.system)/config.toml:1: store must be an absolute path"), "\(r)")
        #expect(!FileManager.default.fileExists(atPath: b.home + "/.local/share/frontdesk"))
        r = try CLI.run(["paths"], env: b.vars)
        #expect(r.status == 0, "\(r)")
        #expect(r.stdout.contains("store must be an absolute path"), "\(r)")
        // --store still works: the broken line does not block the desk.
        r = try CLI.run(["init", "--store", b.tmp.base + "/other"], env: b.vars)
        #expect(r.status == 0, "\(r)")
    }
}
