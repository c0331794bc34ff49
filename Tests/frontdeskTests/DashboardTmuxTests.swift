import Foundation
import FrontDeskTUI
import Testing
import TestSupport

/// The dashboard in a real terminal: tmux runs the built binary on a demo store, the tests press
/// keys and wait until the screen shows what they expect (never a fixed sleep).
/// Each test has its own tmux server and store. Needs tmux (CI installs it); without it they fail.
@Suite(.serialized) struct DashboardTmuxTests {
    static let now = "2026-11-30 10:30"
    static let user = "zhangmin"
    /// Generous: a debug build on a loaded 2-core CI machine.
    static let timeout = 30.0  // a ceiling, not a sleep: waits end as soon as the screen shows it (slow only on a loaded box)

    /// One dashboard in tmux over its own demo store.
    final class Session {
        /// A short temp directory (`/tmp/fdt-XXXXXX`), not a ``TempStore``: the status bar shows
        /// the store's full path before the "Saved …" message, and TempStore's 69-character path
        /// leaves the message no room at 120 columns.
        let base: String
        let storePath: String
        let tmux: Tmux

        init(width: Int = 120, height: Int = 40) throws {
            var template = Array("/tmp/fdt-XXXXXX".utf8CString)
            guard let dir = mkdtemp(&template) else { throw Tmux.Failure(description: "mkdtemp: \(errno)") }
            base = String(cString: dir)
            storePath = base + "/store"
            let vars = ["FRONTDESK_NOW": DashboardTmuxTests.now, "FRONTDESK_USER": DashboardTmuxTests.user]
            var r = try CLI.run(["init", "--store", storePath, "--allow-overrides"], env: vars)
            try #require(r.status == 0, "\(r)")
            r = try CLI.run(["demo", "--store", storePath, "--date", "2026-11-30"], env: vars)
            try #require(r.status == 0, "\(r)")
            tmux = try Tmux(width: width, height: height, env: [
                "LANG": "C.UTF-8", "TERM": "xterm-256color", "TZ": "Asia/Shanghai",
                "FRONTDESK_NOW": DashboardTmuxTests.now, "FRONTDESK_USER": DashboardTmuxTests.user,
            // The shell stays after the dashboard (`exec sleep`): a live pane keeps its screen in
            // place and tmux reports the cursor the dashboard left (a dead pane reports it hidden).
            ], unsetting: ["NO_COLOR"], command: "'\(CLI.binary)' --store '\(storePath)'; echo \"EXITED rc=$?\"; exec sleep 3600")
        }

        deinit {
            tmux.kill()
            try? FileManager.default.removeItem(atPath: base)
        }

        /// Presses `action` by name: its first default key from the key table, sent as tmux names it.
        func press(_ action: ActionID) throws {
            guard let key = Keymap.defaults.keys(for: action).first else { throw Tmux.Failure(description: "\(action) has no key") }
            switch key {
            case .char(" "): try tmux.keys("Space")
            case .char(let c): try tmux.type(String(c))
            case .ctrl(let c): try tmux.keys("C-\(c)")
            case .enter: try tmux.keys("Enter")
            case .escape: try tmux.keys("Escape")
            case .tab: try tmux.keys("Tab")
            case .backTab: try tmux.keys("BTab")
            case .up: try tmux.keys("Up")
            case .down: try tmux.keys("Down")
            case .left: try tmux.keys("Left")
            case .right: try tmux.keys("Right")
            case .home: try tmux.keys("Home")
            case .end: try tmux.keys("End")
            case .pageUp: try tmux.keys("PPage")
            case .pageDown: try tmux.keys("NPage")
            case .backspace: try tmux.keys("BSpace")
            case .delete: try tmux.keys("DC")
            case .function(let n): try tmux.keys("F\(n)")
            case .resize: throw Tmux.Failure(description: "resize is not a key")
            case .mouse: throw Tmux.Failure(description: "a mouse event is not a key")
            }
        }

        /// The CLI as another person at the desk would run it, against this store.
        func cli(_ args: [String]) throws -> RunResult {
            try CLI.run(args + ["--store", storePath], env: ["FRONTDESK_NOW": DashboardTmuxTests.now, "FRONTDESK_USER": DashboardTmuxTests.user])
        }

        /// Waits until `condition` holds on the screen; records an issue with the screen when not.
        @discardableResult
        func expectScreen(_ what: String, timeout: Double = DashboardTmuxTests.timeout, escapes: Bool = false,
                          sourceLocation: SourceLocation = #_sourceLocation, _ condition: (String) -> Bool) -> Tmux.Wait {
            let w = tmux.waitUntil(timeout: timeout, escapes: escapes, condition)
            #expect(w.ok, "\(what): \(w)", sourceLocation: sourceLocation)
            return w
        }

        /// Like ``expectScreen`` but stops the test when it fails (later steps would only add noise).
        @discardableResult
        func requireScreen(_ what: String, timeout: Double = DashboardTmuxTests.timeout, escapes: Bool = false,
                           sourceLocation: SourceLocation = #_sourceLocation, _ condition: (String) -> Bool) throws -> Tmux.Wait {
            let w = tmux.waitUntil(timeout: timeout, escapes: escapes, condition)
            try #require(w.ok, "\(what): \(w)", sourceLocation: sourceLocation)
            return w
        }
    }

    // MARK: Screen facts

    /// The 2×2 grid of a 120×40 screen: four titled boxes, the status bar on the last line with
    /// the clock and the user, and every line exactly 120 columns (nothing torn by a resize).
    static func isCleanGrid(_ screen: String, width: Int = 120, height: Int = 40) -> Bool {
        let lines = screen.screenLines
        let topH = (height - 1) / 2
        guard lines.count == height else { return false }
        guard lines[0].hasPrefix("┌ Meetings"), lines[0].contains("┐┌ Visitors"),
              lines[topH].hasPrefix("┌ Stock"), lines[topH].contains("┐┌ Approvals"),
              lines[topH - 1].hasPrefix("└"), lines[height - 2].hasPrefix("└") else { return false }
        let status = lines[height - 1]
        guard status.contains("2026-11-30 10:30"), status.contains(user) else { return false }
        return lines.dropLast().allSatisfy { columns($0) == width }
    }

    /// Which pane's box is drawn in the focus colour, from `capture-pane -e`: the one top-left
    /// corner whose SGR state differs from the other three (nil when not exactly one differs).
    static func focusedByBorder(_ escaped: String, height: Int = 40) -> Int? {
        let styles = cornerStyles(escaped)
        let topH = (height - 1) / 2
        guard styles.count > topH else { return nil }
        let corners = styles[0] + styles[topH]
        guard corners.count == 4 else { return nil }
        let odd = corners.indices.filter { i in corners.indices.filter { $0 != i }.allSatisfy { corners[$0] != corners[i] } }
        return odd.count == 1 ? odd[0] : nil
    }

    /// The SGR state (foreground, bold) in force at each `┌`, per line of a `capture-pane -e`
    /// screen. tmux writes only changes, and carries the state from one line to the next.
    static func cornerStyles(_ escaped: String) -> [[String]] {
        var fg = "default", bold = false
        var lines: [[String]] = [[]]
        let scalars = Array(escaped.unicodeScalars)
        var i = 0
        while i < scalars.count {
            if scalars[i] == "\u{1B}", i + 1 < scalars.count, scalars[i + 1] == "[" {
                var j = i + 2, params = ""
                while j < scalars.count, !("@"..."~").contains(scalars[j]) { params.unicodeScalars.append(scalars[j]); j += 1 }
                if j < scalars.count, scalars[j] == "m" {
                    let p = params.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
                    var k = 0
                    while k < p.count {
                        switch p[k] {
                        case "", "0": fg = "default"; bold = false
                        case "1": bold = true
                        case "22": bold = false
                        case "39": fg = "default"
                        case "38":
                            let n = p[safe: k + 1] == "5" ? 3 : 5
                            fg = p[k..<min(p.count, k + n)].joined(separator: ";"); k += n - 1
                        case "48": k += p[safe: k + 1] == "5" ? 2 : 4
                        case let s where s.count == 2 && (s.hasPrefix("3") || s.hasPrefix("9")): fg = s
                        default: break
                        }
                        k += 1
                    }
                }
                i = j + 1
                continue
            }
            if scalars[i] == "\n" { lines.append([]) }
            if scalars[i] == "┌" { lines[lines.count - 1].append("\(fg)\(bold ? "+bold" : "")") }
            i += 1
        }
        return lines
    }

    /// The pane whose quadrant holds the hardware cursor (it rests on the focused pane's selected row).
    static func paneAt(x: Int, y: Int, width: Int = 120, height: Int = 40) -> Int {
        (y < (height - 1) / 2 ? 0 : 2) + (x < width / 2 ? 0 : 1)
    }

    /// Display columns of captured text (wide East Asian characters count 2, combining marks 0).
    static func columns(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { $0 + width($1) }
    }

    static func width(_ u: Unicode.Scalar) -> Int {
        let v = u.value
        if v == 0 { return 0 }
        if (0x300...0x36F).contains(v) || (0x200B...0x200F).contains(v) || (0xFE00...0xFE0F).contains(v) { return 0 }
        let wide: [ClosedRange<UInt32>] = [0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
                                           0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
                                           0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD]
        return wide.contains { $0.contains(v) } ? 2 : 1
    }

    /// The part of a captured line from display column `col` on.
    static func fromColumn(_ col: Int, _ line: String) -> String {
        var used = 0
        var out = String.UnicodeScalarView()
        for u in line.unicodeScalars {
            if used >= col { out.append(u) }
            used += width(u)
        }
        return String(out)
    }

    static let paneNames = ["Meetings", "Visitors", "Stock", "Approvals"]

    /// Waits until both the cursor quadrant and the focus-coloured border name `pane`.
    func expectFocus(_ s: Session, _ pane: Int, after key: String, sourceLocation: SourceLocation = #_sourceLocation) {
        var seen = ""
        let w = s.tmux.waitUntil(timeout: Self.timeout) {
            // A cursor tmux cannot report fails the check (it used to read as "hidden" and pass).
            let c: Tmux.Cursor
            do { c = try s.tmux.cursor } catch { seen = "\(error)"; return false }
            let border = Self.focusedByBorder(s.tmux.capture(escapes: true))
            seen = "cursor \(c) → \(Self.paneNames[Self.paneAt(x: c.x, y: c.y)]); border → \(border.map { Self.paneNames[$0] } ?? "none")"
            return c.visible && Self.paneAt(x: c.x, y: c.y) == pane && border == pane
        }
        #expect(w.ok, "after \(key) expected focus on \(Self.paneNames[pane]); \(seen); \(w)", sourceLocation: sourceLocation)
    }

    /// Presses Enter (moving through a form's fields) until the status bar or the screen shows
    /// `marker`; each press must visibly do something (the cursor moves or the marker appears).
    func enterUntil(_ s: Session, _ marker: String, maxPresses: Int) throws -> Bool {
        for _ in 0..<maxPresses {
            let before = try s.tmux.cursor
            try s.press(.formEnter)
            let w = s.tmux.waitUntil(timeout: Self.timeout) {
                s.tmux.capture().contains(marker) || ((try? s.tmux.cursor).map { $0.y != before.y } ?? false)
            }
            try #require(w.ok, "Enter did nothing: \(w)")
            if s.tmux.capture().contains(marker) { return true }
        }
        return false
    }

    /// `frontdesk visitor list --json` on the session's store, parsed.
    func visitors(_ s: Session) throws -> [[String: Any]] {
        let r = try s.cli(["visitor", "list", "--json"])
        try #require(r.status == 0, "\(r)")
        return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]], "\(r.stdout)")
    }

    // MARK: Tests

    /// Start-up grid, moving the focus with Tab / 2 / BTab, the help overlay, and a clean quit.
    @Test func gridFocusHelpAndCleanQuit() throws {
        let s = try Session()
        defer { s.tmux.kill() }
        try s.requireScreen("the 2×2 grid with the status bar") { Self.isCleanGrid($0) }
        let status = s.tmux.capture().screenLines.last ?? ""
        #expect(status.contains("2026-11-30 10:30") && status.contains("user: zhangmin"), "status bar: \(status)")

        expectFocus(s, 0, after: "start")
        try s.press(.nextPane)
        expectFocus(s, 1, after: "nextPane")
        try s.press(.pane3)
        expectFocus(s, 2, after: "pane3")
        try s.press(.pane2)
        expectFocus(s, 1, after: "pane2")
        try s.press(.prevPane)
        expectFocus(s, 0, after: "prevPane")
        try s.press(.prevPane)
        expectFocus(s, 3, after: "prevPane (wraps)")

        try s.press(.help)
        s.expectScreen("help overlay") { $0.contains("Leave the dashboard.") && $0.contains("Quit") && $0.contains("Filter") && $0.contains("Filter the rows of this pane.") }
        #expect(try !s.tmux.cursor.visible, "the cursor is hidden under an overlay")
        try s.press(.back)
        s.expectScreen("help closed") { !$0.contains("Leave the dashboard.") && Self.isCleanGrid($0) }

        try s.press(.quit)
        try s.requireScreen("the shell line after quit") { $0.contains("EXITED rc=0") }
        #expect(s.tmux.display("#{alternate_on}") == "0", "still on the alternate screen")
        #expect(try s.tmux.cursor.visible, "cursor left hidden after quit")
    }

    /// A new visitor typed in Chinese is saved; a refused check-in keeps the typed badge and shows
    /// the store's reason; the Visitors filter narrows and Esc clears it.
    @Test func formsSaveRefuseAndFilter() throws {
        let s = try Session()
        defer { s.tmux.kill() }
        try s.requireScreen("the 2×2 grid") { Self.isCleanGrid($0) }

        // New visitor.
        try s.press(.pane2)
        expectFocus(s, 1, after: "pane2")
        try s.press(.newVisitor)
        try s.requireScreen("the New visitor form") { $0.contains("┌ New visitor ") && $0.contains("Name") && $0.contains("Head count") }
        try s.tmux.type("测试访客")
        try s.press(.fieldNext)
        try s.tmux.type("测试公司 Test Co")
        try s.press(.fieldNext)
        try s.tmux.type("lina")
        try s.requireScreen("the typed fields") { $0.contains("测试访客") && $0.contains("测试公司 Test Co") && $0.contains(" lina ") }
        // Enter moves through the remaining fields and saves from the last one.
        let saved = try enterUntil(s, "Saved", maxPresses: 10)
        try #require(saved, "the form never saved: \(s.tmux.capture())")
        let afterSave = try s.requireScreen("Saved, and the visitor in the Visitors pane") { screen in
            let lines = screen.screenLines
            return lines.last?.contains("Saved: New visitor · V") == true && !screen.contains("┌ New visitor ")
                && lines.prefix(19).contains { Self.fromColumn(60, $0).contains("测试访客") }
        }
        let statusWords = (afterSave.screen.screenLines.last ?? "").split(separator: " ").map(String.init)
        let newID = statusWords.firstIndex(of: "·").flatMap { statusWords[safe: $0 + 1] } ?? ""
        let added = try visitors(s).first { $0["name"] as? String == "测试访客" }
        #expect(added != nil, "测试访客 not in `visitor list --json`")
        #expect(added?["id"] as? String == newID, "the id the status bar named (\(newID)) is not the stored one: \(added ?? [:])")
        #expect(added?["host"] as? String == "lina")
        #expect(added?["company"] as? String == "测试公司 Test Co")

        // Refused check-in: Aisha Khan (V10, first in the lobby) with badge B001, which 林志强 (V13) holds.
        try s.press(.top)
        try s.press(.checkIn)
        try s.requireScreen("the check-in form for the first waiting visitor") { $0.contains("Check in Aisha Khan") }
        try s.tmux.keys("C-u")
        try s.tmux.type("B001")
        let typedBadge = #/Badge\(s\) +B001/#
        try s.requireScreen("the typed badge") { $0.contains(typedBadge) }
        let submitted = try enterUntil(s, "✗ ", maxPresses: 3)
        #expect(submitted, "Enter never submitted the check-in form: \(s.tmux.capture())")
        let refused = try s.requireScreen("the store's refusal inside the form") { $0.contains("✗ ") && ($0.contains("out with") || $0.contains("already")) }
        #expect(refused.screen.contains("Check in Aisha Khan"), "the form closed on refusal: \(refused)")
        #expect(refused.screen.contains(typedBadge), "the typed badge was lost: \(refused)")
        let v10 = try visitors(s).first { $0["id"] as? String == "V10" }
        #expect(v10?["status"] as? String == "arrived", "the refused check-in changed V10: \(v10 ?? [:])")
        try s.press(.formCancel)
        s.expectScreen("the form closed by Esc") { !$0.contains("Check in Aisha Khan") && Self.isCleanGrid($0) }

        // Filter the Visitors pane.
        func visitorRows(_ screen: String) -> [String] {
            screen.screenLines.prefix(18).dropFirst().map { Self.fromColumn(60, $0) }
                .filter { $0.range(of: #"^│\d\d:\d\d "#, options: .regularExpression) != nil }
        }
        let before = visitorRows(s.tmux.capture()).count
        try s.press(.filter)
        try s.tmux.type("测试")
        let filtered = try s.requireScreen("the filter narrowing the Visitors rows") { screen in
            let rows = visitorRows(screen)
            return screen.screenLines.last?.contains("/测试") == true && rows.count == 1 && rows[0].contains("测试访客")
        }
        #expect(!filtered.screen.contains("Aisha Khan"))
        try s.press(.filterClear)
        s.expectScreen("Esc clears the filter") { $0.contains("Aisha Khan") && visitorRows($0).count == before && !($0.screenLines.last ?? "").contains("/测试") }
    }

    /// Another process's change reaches the open dashboard quickly (README: within half a second).
    @Test func showsAnotherSessionsChange() throws {
        let s = try Session()
        defer { s.tmux.kill() }
        try s.requireScreen("the 2×2 grid") { Self.isCleanGrid($0) }
        let started = Date()
        let r = try s.cli(["visitor", "add", "--name", "第二会话", "--host", "lina", "--at", "2026-11-30 11:45"])
        try #require(r.status == 0, "\(r)")
        let cliSeconds = Date().timeIntervalSince(started)
        let w = try s.requireScreen("第二会话 on screen") { $0.contains("第二会话") }
        print("tmux: second-process visitor add: CLI took \(String(format: "%.3f", cliSeconds)) s, then on screen after \(String(format: "%.3f", w.seconds)) s (\(String(format: "%.3f", cliSeconds + w.seconds)) s from the CLI's start; capture every ~50 ms)")
        #expect(w.seconds < 5, "took \(w.seconds) s after the CLI returned")
    }

    /// Tabbed layout at 80×24, "too small" at 50×12, the grid again at 120×40, and a resize storm.
    @Test func survivesResizes() throws {
        let s = try Session()
        defer { s.tmux.kill() }
        try s.requireScreen("the 2×2 grid") { Self.isCleanGrid($0) }

        try s.tmux.resize(width: 80, height: 24)
        s.expectScreen("the tab bar at 80×24") { screen in
            let lines = screen.screenLines
            guard lines.count == 24, let tabs = lines.first else { return false }
            return [" 1 Meetings", " 2 Visitors", " 3 Stock", " 4 Approvals"].allSatisfy { tabs.contains($0) }
                && lines.allSatisfy { Self.columns($0) <= 80 }
                && (lines.last ?? "").contains("2026-11-30 10:30")
        }
        try s.tmux.resize(width: 50, height: 12)
        s.expectScreen("too small at 50×12") { $0.contains("Terminal too small") && $0.contains("50×12") }
        try s.tmux.resize(width: 120, height: 40)
        s.expectScreen("the grid again at 120×40") { Self.isCleanGrid($0) }

        var rng = SystemRandomNumberGenerator()
        var sizes: [String] = []
        for _ in 0..<20 {
            let w = Int.random(in: 20...200, using: &rng), h = Int.random(in: 5...60, using: &rng)
            sizes.append("\(w)×\(h)")
            try s.tmux.resize(width: w, height: h)
        }
        try s.tmux.resize(width: 120, height: 40)
        s.expectScreen("a clean grid after resizes \(sizes.joined(separator: " "))") { Self.isCleanGrid($0) }
        #expect(s.tmux.display("#{pane_dead}") == "0", "the dashboard died in the resize storm")
        try s.press(.quit)
        s.expectScreen("a clean exit after the storm") { $0.contains("EXITED rc=0") }
    }
}

extension DashboardTmuxTests {
    /// Issue #12 item 3: at 80×24 the help overlay scrolls with PgDn/PgUp/↓ to its last key and back.
    @Test func helpScrollsToTheLastKeyAt80x24() throws {
        let s = try Session(width: 80, height: 24)
        defer { s.tmux.kill() }
        try s.requireScreen("the tabbed layout") { $0.contains(" 1 Meetings") }
        try s.press(.help)
        try s.requireScreen("the help overlay at its first line") { $0.contains("Leave the dashboard.") && $0.contains(#/ 1–\d+/\d+/#) }
        // The last key's help wraps at 80 columns: wait for its last words, not its first line.
        let last = "they hold."
        var pages = 0
        while !s.tmux.capture().contains(last), pages < 20 {
            let before = s.tmux.capture()
            try s.press(.pageDown)
            try s.requireScreen("PgDn scrolled") { $0 != before }
            pages += 1
        }
        let end = try s.requireScreen("the last key of the table") { $0.contains(last) && $0.contains("New joiner") }
        #expect(pages >= 2, "the key list should not fit 80×24: \(end)")
        #expect(end.screen.screenLines.allSatisfy { Self.columns($0) <= 80 })
        if let m = end.screen.firstMatch(of: #/(\d+)–(\d+)/(\d+)/#) { #expect(m.output.2 == m.output.3, "not at the end: \(end)") }
        try s.press(.top)
        s.expectScreen("back at the top") { $0.contains("Leave the dashboard.") && !$0.contains(last) }
        try s.press(.back)
        s.expectScreen("help closed") { !$0.contains("Leave the dashboard.") }
    }

    /// Issue #8 defect 16: a cursor tmux cannot report is an error, not a hidden cursor, so
    /// `#expect(try !cursor.visible)` fails when the query fails.
    @Test func aFailedCursorQueryThrows() throws {
        let s = try Session(width: 80, height: 24)
        try s.requireScreen("the dashboard") { $0.contains(" 1 Meetings") }
        #expect(try s.tmux.cursor.x >= 0)
        s.tmux.kill()
        #expect(throws: Tmux.Failure.self) { _ = try s.tmux.cursor }
    }

    /// A picker narrows as the desk types and ↓ moves the choice, in a real terminal.
    @Test func roomPickerNarrowsAndChooses() throws {
        let s = try Session()
        defer { s.tmux.kill() }
        try s.requireScreen("the 2×2 grid") { Self.isCleanGrid($0) }
        try s.press(.bookRoom)
        try s.requireScreen("the booking form") { $0.contains("┌ Book a room ") }
        try s.press(.fieldNext)
        try s.tmux.type("focus")
        try s.requireScreen("two rooms match") { $0.contains("1/2 ▸ Focus 1  Focus 2") }
        try s.press(.choiceDown)
        try s.requireScreen("the second one chosen") { $0.contains("2/2 ▸ Focus 2  Focus 1") }
        try s.press(.fieldNext)
        try s.requireScreen("the field shows the chosen room") { $0.contains(#/Room +Focus 2/#) }
        try s.press(.formCancel)
        s.expectScreen("the form closed") { Self.isCleanGrid($0) }
    }
}

extension Array {
    fileprivate subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}

