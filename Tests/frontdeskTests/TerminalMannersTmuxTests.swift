import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-Z, `kill -TSTP`, the mouse and the progress line in a real terminal (tmux): the tests press
/// keys or write the terminal's own mouse bytes and wait until the screen or the process shows it.
@Suite(.serialized) struct TerminalMannersTmuxTests {
    static let now = "2026-11-30 10:30"
    static let timeout = 30.0   // a ceiling for a loaded box, not a sleep
    static let env = ["LANG": "C.UTF-8", "TERM": "xterm-256color", "TZ": "Asia/Shanghai",
                      "FRONTDESK_NOW": now, "FRONTDESK_USER": "zhangmin"]

    /// A short store path (`/tmp/fdm-XXXXXX/store`) with the demo day in it.
    static func demoStore() throws -> (base: String, store: String) {
        var template = Array("/tmp/fdm-XXXXXX".utf8CString)
        guard let dir = mkdtemp(&template) else { throw Tmux.Failure(description: "mkdtemp: \(errno)") }
        let base = String(cString: dir), store = base + "/store"
        let vars = ["FRONTDESK_NOW": now, "FRONTDESK_USER": "zhangmin"]
        var r = try CLI.run(["init", "--store", store, "--allow-overrides"], env: vars)
        try #require(r.status == 0, "\(r)")
        r = try CLI.run(["demo", "--store", store, "--date", "2026-11-30"], env: vars)
        try #require(r.status == 0, "\(r)")
        return (base, store)
    }

    /// The `ps` state letters of the children of the pane's shell (T = stopped).
    static func childStates(_ tmux: Tmux) -> String {
        let shell = tmux.display("#{pane_pid}")
        let r = try? CLI.exec("ps", ["-o", "stat=", "--ppid", shell])
        return (r?.stdout ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test(.enabled(if: CLI.available("tmux"), "needs tmux"))
    func ctrlZGivesTheShellBackAndFgRedrawsAtTheNewSize() throws {
        let (base, store) = try Self.demoStore()
        defer { try? FileManager.default.removeItem(atPath: base) }
        // An interactive shell with job control, as a person's login shell.
        let tmux = try Tmux(width: 120, height: 40, env: Self.env.merging(["PS1": "PROMPT$ "]) { $1 }, unsetting: ["NO_COLOR"],
                            command: "exec bash --norc --noprofile -i")
        defer { tmux.kill() }
        try #require(tmux.waitUntil(timeout: Self.timeout) { $0.contains("PROMPT$") }.ok)
        try tmux.type("'\(CLI.binary)' --store '\(store)'")
        try tmux.keys("Enter")
        var w = tmux.waitUntil(timeout: Self.timeout) { $0.contains("Approvals") }
        try #require(w.ok, "\(w)")
        #expect(tmux.display("#{mouse_any_flag}") == "1", "the dashboard asked for the mouse")

        try tmux.keys("C-z")
        w = tmux.waitUntil(timeout: Self.timeout) { $0.contains("Stopped") && $0.screenLines.last(where: { !$0.isEmpty })?.hasPrefix("PROMPT$") == true }
        #expect(w.ok, "the shell's prompt is back: \(w)")
        w = tmux.waitUntil(timeout: Self.timeout, state: { Self.childStates(tmux).hasPrefix("T") })
        #expect(w.ok, "the dashboard is stopped (ps: \(Self.childStates(tmux)))")
        #expect(tmux.display("#{alternate_on}") == "0", "the shell's own screen is back")
        #expect(tmux.display("#{mouse_any_flag}") == "0", "mouse reporting is off, so the terminal selects text again")
        #expect(try tmux.cursor.visible, "the cursor is shown for the shell")

        // Resized while stopped: `fg` redraws at the new size.
        try tmux.resize(width: 100, height: 30)
        try tmux.type("fg")
        try tmux.keys("Enter")
        w = tmux.waitUntil(timeout: Self.timeout) { s in
            let lines = s.screenLines
            return s.contains("Approvals") && !s.contains("PROMPT$") && lines.count == 30 && (lines.last?.contains("zhangmin") ?? false)
        }
        #expect(w.ok, "redrawn at 100×30 with the status bar on the last line: \(w)")
        #expect(!Self.childStates(tmux).hasPrefix("T"))
        #expect(tmux.display("#{mouse_any_flag}") == "1", "the mouse is the dashboard's again")

        // kill -TSTP from outside does the same, through the signal pipe.
        let pid = try #require(Int32(Self.childPID(tmux)))
        kill(pid, SIGTSTP)
        w = tmux.waitUntil(timeout: Self.timeout) { $0.screenLines.last(where: { !$0.isEmpty })?.hasPrefix("PROMPT$") == true }
        #expect(w.ok, "kill -TSTP gives the shell back: \(w)")
        #expect(tmux.waitUntil(timeout: Self.timeout, state: { Self.childStates(tmux).hasPrefix("T") }).ok)
        try tmux.type("fg")
        try tmux.keys("Enter")
        w = tmux.waitUntil(timeout: Self.timeout) { $0.contains("Approvals") && !$0.contains("PROMPT$") }
        #expect(w.ok, "\(w)")
        try tmux.type("q")
        w = tmux.waitUntil(timeout: Self.timeout) { $0.screenLines.last(where: { !$0.isEmpty })?.hasPrefix("PROMPT$") == true }
        #expect(w.ok, "quits normally after two stops: \(w)")
    }

    static func childPID(_ tmux: Tmux) -> String {
        let r = try? CLI.exec("ps", ["-o", "pid=", "--ppid", tmux.display("#{pane_pid}")])
        return (r?.stdout ?? "").split(separator: "\n").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
    }

    /// Writes an SGR (1006) mouse press and release at the 0-based cell, as xterm and tmux send it.
    static func click(_ tmux: Tmux, row: Int, col: Int, button: Int = 0) throws {
        try tmux.type("\u{1B}[<\(button);\(col + 1);\(row + 1)M\u{1B}[<\(button);\(col + 1);\(row + 1)m")
    }

    func dashboard(_ store: String, _ extra: String = "") throws -> Tmux {
        let tmux = try Tmux(width: 120, height: 40, env: Self.env, unsetting: ["NO_COLOR"],
                            command: "'\(CLI.binary)' --store '\(store)' \(extra); exec sleep 3600")
        let w = tmux.waitUntil(timeout: Self.timeout) { $0.contains("Approvals") }
        try #require(w.ok, "\(w)")
        return tmux
    }

    @Test(.enabled(if: CLI.available("tmux"), "needs tmux"))
    func aClickFocusesAPaneAndSelectsTheRowUnderIt() throws {
        let (base, store) = try Self.demoStore()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let tmux = try dashboard(store)
        defer { tmux.kill() }
        // Learn where the fourth visitor row is from the dashboard itself (the cursor rests on the selection).
        try tmux.keys("Tab")
        try #require(tmux.waitUntil(timeout: Self.timeout, state: { (try? tmux.cursor.x) == 61 }).ok)
        var target = try tmux.cursor.y
        for _ in 0..<3 {
            let before = target
            try tmux.keys("Down")
            try #require(tmux.waitUntil(timeout: Self.timeout, state: { (try? tmux.cursor.y).map { $0 > before } ?? false }).ok)
            target = try tmux.cursor.y
        }
        try tmux.keys("g")
        try tmux.type("1")   // back to Meetings, Visitors on its first row
        try #require(tmux.waitUntil(timeout: Self.timeout, state: { (try? tmux.cursor.x) == 1 }).ok)

        try Self.click(tmux, row: target, col: 80)
        let w = tmux.waitUntil(timeout: Self.timeout, state: { (try? tmux.cursor).map { $0.x == 61 && $0.y == target && $0.visible } ?? false })
        #expect(w.ok, "the click focused Visitors and selected the row at \(target): cursor \((try? tmux.cursor).map { "\($0)" } ?? "?") \(w)")
    }

    @Test(.enabled(if: CLI.available("tmux"), "needs tmux"))
    func withNoMouseTheTerminalKeepsItsSelection() throws {
        let (base, store) = try Self.demoStore()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let tmux = try dashboard(store, "--no-mouse")
        defer { tmux.kill() }
        #expect(tmux.display("#{mouse_any_flag}") == "0")
        // A config file says the same.
        let config = base + "/config/frontdesk"
        try FileManager.default.createDirectory(atPath: config, withIntermediateDirectories: true)
        try "theme = \"default\"\nmouse = false\n".write(toFile: config + "/config.toml", atomically: true, encoding: .utf8)
        let other = try Tmux(width: 120, height: 40, env: Self.env.merging(["XDG_CONFIG_HOME": base + "/config"]) { $1 },
                             unsetting: ["NO_COLOR"], command: "'\(CLI.binary)' --store '\(store)'; exec sleep 3600")
        defer { other.kill() }
        try #require(other.waitUntil(timeout: Self.timeout) { $0.contains("Approvals") }.ok)
        #expect(other.display("#{mouse_any_flag}") == "0")
    }

    @Test(.enabled(if: CLI.available("tmux"), "needs tmux"))
    func compactShowsAProgressLineOnATerminalAndErasesIt() throws {
        let (base, store) = try Self.demoStore()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let log = base + "/pane.log"
        // Waits for Enter, so the pane's output is recorded from the first byte.
        let tmux = try Tmux(width: 120, height: 40, env: Self.env.merging(["FRONTDESK_NOW": "2026-12-30 10:30"]) { $1 },
                            unsetting: ["NO_COLOR"],
                            command: "read go; '\(CLI.binary)' compact --store '\(store)'; echo \"DONE rc=$?\"; exec sleep 3600")
        defer { tmux.kill() }
        try tmux.tmux(["pipe-pane", "-t", tmux.session, "cat >> '\(log)'"])
        try tmux.keys("Enter")
        let w = tmux.waitUntil(timeout: Self.timeout) { $0.contains("DONE rc=") }
        try #require(w.ok, "\(w)")
        #expect(w.screen.contains("DONE rc=0") && w.screen.contains("month segment"), "\(w)")
        #expect(!w.screen.contains("writing month segments"), "the line is erased at the end: \(w)")
        let bytes = try String(contentsOfFile: log, encoding: .utf8)
        #expect(bytes.contains("\rfrontdesk: writing month segments "), "\(bytes.debugDescription)")
    }
}
