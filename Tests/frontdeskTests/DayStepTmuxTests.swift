import Foundation
import FrontDeskTUI
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// The dashboard in a real terminal over a store with history: `[` steps back to a compacted
/// day and shows one of its meetings read-only, `t` comes back, `R` opens the Reports screen.
@Suite(.serialized) struct DayStepTmuxTests {
    static let timeout = 30.0  // a ceiling, not a sleep: each wait ends as soon as the screen shows it

    @Test func stepBackToAPastDayThenOpenReports() throws {
        var template = Array("/tmp/fdd-XXXXXX".utf8CString)
        guard let dir = mkdtemp(&template) else { throw Tmux.Failure(description: "mkdtemp: \(errno)") }
        let base = String(cString: dir), store = base + "/store"
        defer { try? FileManager.default.removeItem(atPath: base) }
        // The office ran on Friday the 27th; on Monday the 30th compaction moved that day to history.
        let friday = ["FRONTDESK_NOW": "2026-11-27 17:30", "FRONTDESK_USER": "zhangmin"]
        let monday = ["FRONTDESK_NOW": "2026-11-30 10:30", "FRONTDESK_USER": "zhangmin"]
        var r = try CLI.run(["init", "--store", store, "--allow-overrides"], env: friday)
        try #require(r.status == 0, "\(r)")
        r = try CLI.run(["demo", "--store", store, "--date", "2026-11-27"], env: friday)
        try #require(r.status == 0, "\(r)")
        r = try CLI.run(["compact", "--store", store], env: monday)
        try #require(r.status == 0, "\(r)")
        r = try CLI.run(["meeting", "list", "--date", "2026-11-27", "--json", "--store", store], env: monday)
        try #require(r.status == 0, "\(r)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        let title = try #require(rows.compactMap { $0["title"] as? String }.first { $0.count <= 12 && $0.unicodeScalars.allSatisfy(\.isASCII) }
                                 ?? rows.compactMap { $0["title"] as? String }.first, "the 27th had meetings")

        let tmux = try Tmux(width: 120, height: 40, env: [
            "LANG": "C.UTF-8", "TERM": "xterm-256color", "TZ": "Asia/Shanghai",
        ].merging(monday) { a, _ in a }, unsetting: ["NO_COLOR"],
            command: "'\(CLI.binary)' --store '\(store)'; echo \"EXITED rc=$?\"; exec sleep 3600")
        defer { tmux.kill() }
        func wait(_ what: String, _ condition: (String) -> Bool) throws {
            let w = tmux.waitUntil(timeout: Self.timeout, condition)
            try #require(w.ok, "\(what): \(w)")
        }
        try wait("the dashboard starts on today") { $0.contains("2026-11-30 10:30") }
        for _ in 0..<3 { try tmux.type("[") }
        try wait("Friday, read-only, with its meeting") {
            $0.contains("Viewing Fri 2026-11-27 · read-only · t: today") && $0.contains(String(title.prefix(10)))
        }
        try tmux.type("c")
        try wait("a step is refused in the status bar") { $0.contains("is read-only: Check in works on today only") }
        try tmux.type("t")
        try wait("today again") { $0.contains("2026-11-30 10:30") && !$0.contains("read-only") }
        try tmux.type("R")
        try wait("the Reports screen") { $0.contains("Reports   1 Meetings   2 Visitors") && $0.contains("Meetings by room") }
        try tmux.keys("Escape")
        try wait("back on the panes") { $0.contains("┌ Meetings") }
    }
}
