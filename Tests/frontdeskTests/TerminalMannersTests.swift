import Foundation
import Testing
import TestSupport

/// Terminal manners: a terminal that cannot draw is refused with a clear message, `--no-color`
/// leaves only attributes, and `$HOME` is where the personal store lives.
@Suite(.serialized) struct TerminalMannersTests {
    static let now = "2026-11-30 10:30"

    func demoStore(_ tmp: TempStore) throws {
        let vars = CLI.vars(tmp.path, now: Self.now)
        var r = try CLI.run(["init", "--allow-overrides"], env: vars)
        try #require(r.status == 0, "\(r)")
        r = try CLI.run(["demo", "--date", "2026-11-30"], env: vars)
        try #require(r.status == 0, "\(r)")
    }

    @Test(arguments: ["dumb", ""])
    func aTerminalThatCannotDrawIsRefused(term: String) throws {
        let tmp = try TempStore("dumb")
        try demoStore(tmp)
        var env = CLI.vars(tmp.path, now: Self.now)
        env["TERM"] = term  // "" removes it
        let r = try CLI.run([], env: env)
        #expect(r.status == 2, "\(r)")
        #expect(r.stderr.contains(term.isEmpty ? "is not set" : "'dumb' cannot move the cursor"), "\(r.stderr)")
        #expect(r.stderr.contains("frontdesk print"), "the message names what works instead: \(r.stderr)")
        #expect(r.stdout.isEmpty, "nothing drawn: \(r.stdout.debugDescription)")
    }

    /// Colour parameters of every SGR sequence in a `capture-pane -e` screen.
    static func colourCodes(_ screen: String) -> [String] {
        var found: [String] = []
        var rest = Substring(screen)
        while let start = rest.range(of: "\u{1B}[") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(where: { $0.isLetter }) else { break }
            if rest[end] == "m" {
                for p in rest[..<end].split(separator: ";") {
                    if let n = Int(p), (30...38).contains(n) || (40...48).contains(n) || (90...97).contains(n) || (100...107).contains(n) { found.append(String(p)) }
                }
            }
            rest = rest[end...]
        }
        return found
    }

    func screen(_ tmp: TempStore, _ extra: String) throws -> String {
        let tmux = try Tmux(width: 120, height: 40, env: ["LANG": "C.UTF-8", "TERM": "xterm-256color", "TZ": "Asia/Shanghai",
                                                            "FRONTDESK_NOW": Self.now, "FRONTDESK_USER": "zhangmin"],
                            unsetting: ["NO_COLOR"], command: "'\(CLI.binary)' --store '\(tmp.path)' \(extra); exec sleep 3600")
        defer { tmux.kill() }
        let w = tmux.waitUntil(timeout: 30, escapes: true) { $0.contains("Approvals") && $0.contains("\u{1B}[") }
        try #require(w.ok, "\(w)")
        return w.screen
    }

    @Test(.enabled(if: CLI.available("tmux"), "needs tmux"))
    func noColorLeavesOnlyAttributes() throws {
        let tmp = try TempStore("nocolor")
        try demoStore(tmp)
        let coloured = try screen(tmp, "")
        #expect(!Self.colourCodes(coloured).isEmpty, "the control run should have colours")
        let plain = try screen(tmp, "--no-color")
        #expect(Self.colourCodes(plain).isEmpty, "colours with --no-color: \(Set(Self.colourCodes(plain)))")
        #expect(plain.contains("\u{1B}[7m") || plain.contains(";7m") || plain.contains("\u{1B}[1m"), "attributes stay (reverse/bold)")
    }

    @Test func homeIsWhereThePersonalStoreLives() throws {
        let tmp = try TempStore("home")
        let home = tmp.base + "/home"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let r = try CLI.run(["init"], env: ["HOME": home, "XDG_DATA_HOME": "", "FRONTDESK_STORE": ""])
        #expect(r.status == 0, "\(r)")
        #expect(FileManager.default.fileExists(atPath: home + "/.local/share/frontdesk/meta.plist"), "\(r.stderr)")
    }
}
