import Foundation
import Testing
import TestSupport

/// `frontdesk meeting export --ics` and `meeting import` as a person runs them.
@Suite(.serialized) struct CalendarCLITests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    func office() throws -> (TempStore, ([String], [String: String]) throws -> RunResult) {
        let tmp = try TempStore("ics-cli")
        func run(_ args: [String], _ extra: [String: String] = [:]) throws -> RunResult {
            try CLI.run(args, env: CLI.vars(tmp.path).merging(extra) { $1 })
        }
        try #require(try run(["init", "--allow-overrides"], [:]).status == 0)
        try #require(try run(["room", "add", "--name", "长城厅", "--capacity", "10"], [:]).status == 0)
        try #require(try run(["room", "add", "--name", "Board Room", "--capacity", "20"], [:]).status == 0)
        return (tmp, run)
    }

    func ids(_ r: RunResult) -> [String] { r.stdout.split(separator: "\n").map(String.init) }

    /// A refused event stops the whole import (exit 3, each refusal with its line); --dry-run
    /// writes nothing; --skip-conflicts books the rest in one commit and lists the refused.
    @Test func allOrNothingUnlessSkipConflicts() throws {
        let (tmp, run) = try office()
        // 09:00–09:30 on the 17th in Board Room: the Google stand-up's second occurrence.
        try #require(try run(["meeting", "add", "--title", "Held over", "--room", "Board Room", "--start", "2026-03-17 09:15", "--end", "2026-03-17 09:45"], [:]).status == 0)
        let google = Self.fixtures.appendingPathComponent("google.ics").path
        let refused = try run(["meeting", "import", google], [:])
        #expect(refused.status == 3, "\(refused)")
        #expect(refused.stderr.contains("line 8 “Stand-up”") && refused.stderr.contains("Board Room is booked"))
        #expect(refused.stderr.contains("--skip-conflicts") && refused.stdout.isEmpty)
        #expect(ids(try run(["meeting", "list", "--from", "2026-03-01", "--to", "2026-03-31", "--json"], [:])).filter { $0.contains("\"id\"") }.count == 1)
        let zh = try run(["meeting", "import", google], ["LANG": "zh_CN.UTF-8"])
        #expect(zh.status == 3 && zh.stderr.contains("第 8 行") && zh.stderr.contains("没有导入任何内容"))
        let dry = try run(["meeting", "import", google, "--dry-run"], [:])
        #expect(dry.status == 3 && dry.stdout.contains("refused: ") && dry.stdout.contains("Training day"))
        let partial = try run(["meeting", "import", google, "--skip-conflicts"], [:])
        #expect(partial.status == 0, "\(partial)")
        #expect(ids(partial) == ["M2"], "the all-day event only")
        #expect(partial.stderr.contains("not imported: line 8 “Stand-up”"))
        _ = tmp
    }

    /// A malformed file: exit 2, its line named, nothing written.
    @Test func aMalformedFileNamesItsLine() throws {
        let (tmp, run) = try office()
        let bad = tmp.base + "/bad.ics"
        try "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nSUMMARY:x\nDTSTART:tomorrow\nLOCATION:长城厅\nEND:VEVENT\nEND:VCALENDAR\n"
            .write(toFile: bad, atomically: true, encoding: .utf8)
        let r = try run(["meeting", "import", bad], [:])
        #expect(r.status == 2 && r.stderr.contains("bad.ics:5:") && r.stderr.contains("DTSTART"), "\(r)")
        let zh = try run(["meeting", "import", bad], ["LANG": "zh_CN.UTF-8"])
        #expect(zh.status == 2 && zh.stderr.contains("第 5 行"))
        #expect(try run(["log", "--json"], [:]).stdout.contains("meeting.book") == false)
    }

    /// Export to a file, import it into a second store with the same rooms: the same ids come
    /// out in order, and a second export is the same bytes (stable UIDs).
    @Test func exportToAFileAndImportIt() throws {
        let (tmp, run) = try office()
        try #require(try run(["meeting", "add", "--title", "周会, 例行", "--room", "长城厅", "--start", "2026-03-16 09:30", "--end", "2026-03-16 10:00",
                              "--repeat", "weekly", "--count", "3"], [:]).status == 0)
        try #require(try run(["meeting", "cancel", "M2"], [:]).status == 0)
        let out = tmp.base + "/week.ics"
        let e = try run(["meeting", "export", "--ics", "--output", out], [:])
        #expect(e.status == 0 && e.stderr.contains("Wrote 3 meeting(s)"), "\(e)")
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\n") && text.contains("SUMMARY:周会\\, 例行\r\n") && text.contains("EXDATE;TZID=Asia/Shanghai:20260323T093000"))
        let again = try run(["meeting", "export", "--ics"], [:])
        #expect(again.stdout == text)
        #expect(try run(["meeting", "export", "--ics", "--from", "2026-03-20", "--to", "2026-03-31"], [:]).stdout.contains("COUNT=2"))
        #expect(try run(["meeting", "export"], [:]).status == 2)
        let other = try TempStore("ics-cli-2")
        let env2 = CLI.vars(other.path)
        try #require(try CLI.run(["init", "--allow-overrides"], env: env2).status == 0)
        try #require(try CLI.run(["room", "add", "--name", "长城厅", "--capacity", "10"], env: env2).status == 0)
        let imported = try CLI.run(["meeting", "import", out], env: env2)
        #expect(imported.status == 0, "\(imported)")
        #expect(ids(imported) == ["M1", "M2"])
        let listed = try CLI.run(["meeting", "list", "--from", "2026-03-16", "--to", "2026-03-31"], env: env2)
        #expect(listed.stdout.contains("03-16 09:30") && listed.stdout.contains("03-30 09:30") && !listed.stdout.contains("03-23"))
    }
}
