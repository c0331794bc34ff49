import Foundation
import Testing
import TestSupport

/// A past day's lists and any record's `show` answer the same before and after compaction moves
/// the day's closed records to history (they used to vanish: "No visitor V1 in the open register").
@Suite struct PastDayCLITests {
    func ids(_ args: [String], _ env: [String: String]) throws -> [String] {
        let r = try CLI.run(args + ["--json"], env: env)
        try #require(r.status == 0, "\(r)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        return rows.compactMap { $0["id"] as? String }.sorted()
    }

    @Test func aCompactedDayReadsTheSameFromHistory() throws {
        let tmp = try TempStore("pastday")
        let day = CLI.vars(tmp.path, now: "2026-03-10 17:30")
        var r = try CLI.run(["init", "--allow-overrides"], env: day)
        try #require(r.status == 0, "\(r)")
        r = try CLI.run(["demo", "--date", "2026-03-10"], env: day)
        try #require(r.status == 0, "\(r)")
        let visitors = try ids(["visitor", "list", "--date", "2026-03-10"], day)
        let meetings = try ids(["meeting", "list", "--date", "2026-03-10"], day)
        try #require(visitors.count > 10 && meetings.count > 5)

        let later = CLI.vars(tmp.path, now: "2026-03-20 10:30")
        r = try CLI.run(["compact"], env: later)
        try #require(r.status == 0, "\(r)")
        let snapshot = try #require(FileManager.default.contents(atPath: tmp.file("snapshot.plist")))
        let history = try #require(try FileManager.default.contentsOfDirectory(atPath: tmp.file("history")).first { $0.hasSuffix(".plist") })
        #expect(!history.isEmpty)
        // Closed visits of the 10th left the working set …
        let gone = try #require(visitors.first { id in !String(decoding: snapshot, as: UTF8.self).contains(id) } ?? visitors.first)
        // … and are read back from history for that day, for show, and in JSON and table alike.
        #expect(try ids(["visitor", "list", "--date", "2026-03-10"], later) == visitors)
        #expect(try ids(["meeting", "list", "--date", "2026-03-10"], later) == meetings)
        let show = try CLI.run(["visitor", "show", gone], env: later)
        #expect(show.status == 0, "\(show)")
        let m = try CLI.run(["meeting", "show", meetings[0]], env: later)
        #expect(m.status == 0, "\(m)")
        let missing = try CLI.run(["visitor", "show", "V99999"], env: later)
        #expect(missing.status == 2 && missing.stderr.contains("No visitor V99999"), "\(missing)")
    }
}
