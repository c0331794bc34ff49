import Foundation
import Testing
import TestSupport

/// Dates typed on the command line go through the kit's one parser, and a store's office time
/// zone makes every desk see the same times whatever its `TZ`.
@Suite struct DateAndZoneCLITests {
    func trainingStore() throws -> TempStore {
        let tmp = try TempStore("zone")
        let r = try CLI.run(["init", "--allow-overrides"], env: CLI.vars(tmp.path))
        try #require(r.status == 0, "\(r)")
        return tmp
    }

    func visitors(_ tmp: TempStore, tz: String) throws -> (json: [[String: Any]], table: String) {
        var env = CLI.vars(tmp.path)
        env["TZ"] = tz
        let j = try CLI.run(["visitor", "list", "--json"], env: env)
        try #require(j.status == 0, "\(j)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(j.stdout.utf8)) as? [[String: Any]])
        let t = try CLI.run(["visitor", "list"], env: env)
        try #require(t.status == 0, "\(t)")
        return (rows, t.stdout)
    }

    /// What `--json` prints (`…Z`) typed back names the same instant: it used to be stored with
    /// the Z dropped, 8 hours off in Shanghai.
    @Test func isoInstantWithZRoundTrips() throws {
        let tmp = try trainingStore()
        let add = try CLI.run(["visitor", "add", "--name", "Zulu", "--host", "lina", "--at", "2026-03-10T07:00:00Z"], env: CLI.vars(tmp.path))
        try #require(add.status == 0, "\(add)")
        let (rows, table) = try visitors(tmp, tz: "Asia/Shanghai")
        #expect(rows.first?["expectedAt"] as? String == "2026-03-10T07:00:00Z")
        #expect(table.contains("15:00"), "07:00Z is 15:00 in Shanghai:\n\(table)")
    }

    @Test func relativeAndNamedDaysReachTheStore() throws {
        let tmp = try trainingStore()
        for (at, expected) in [("+30m", "2026-03-10T03:00:00Z"), ("tomorrow 9:30", "2026-03-11T01:30:00Z"), ("16:15", "2026-03-10T08:15:00Z")] {
            let add = try CLI.run(["visitor", "add", "--name", "V \(at)", "--host", "lina", "--at", at], env: CLI.vars(tmp.path))
            try #require(add.status == 0, "\(at): \(add)")
            let show = try CLI.run(["visitor", "list", "--json", "--date", at.hasPrefix("tomorrow") ? "tomorrow" : "today"], env: CLI.vars(tmp.path))
            #expect(show.stdout.contains(expected), "\(at) → \(show.stdout)")
        }
        let bad = try CLI.run(["visitor", "add", "--name", "Never", "--host", "lina", "--at", "someday"], env: CLI.vars(tmp.path))
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--at must be a time"), "\(bad.stderr)")
    }

    /// Two desks with different `TZ` see the same 15:00 once the store names the office's zone;
    /// without it they would not (the control half of the test).
    @Test func officeTimeZoneWinsOverEachDesksTZ() throws {
        let tmp = try trainingStore()
        var ny = CLI.vars(tmp.path)
        ny["TZ"] = "America/New_York"
        // Without the setting a New York desk reads "15:00" as New York time.
        let before = try CLI.run(["visitor", "add", "--name", "Before", "--host", "lina", "--at", "2026-03-10 15:00"], env: ny)
        try #require(before.status == 0, "\(before)")
        #expect(try visitors(tmp, tz: "Asia/Shanghai").json.contains { $0["expectedAt"] as? String == "2026-03-10T19:00:00Z" })

        var admin = ny  // the store's creator (the real user) is its admin
        admin["FRONTDESK_USER"] = try CLI.exec("id", ["-un"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let set = try CLI.run(["settings", "set", "timeZone", "Asia/Shanghai"], env: admin)
        try #require(set.status == 0, "\(set)")
        let add = try CLI.run(["visitor", "add", "--name", "After", "--host", "lina", "--at", "2026-03-10 15:00"], env: ny)
        try #require(add.status == 0, "\(add)")
        let shanghai = try visitors(tmp, tz: "Asia/Shanghai"), utc = try visitors(tmp, tz: "UTC"), newYork = try visitors(tmp, tz: "America/New_York")
        #expect(shanghai.json.contains { $0["name"] as? String == "After" && $0["expectedAt"] as? String == "2026-03-10T07:00:00Z" })
        #expect(shanghai.table == utc.table && utc.table == newYork.table, "\(shanghai.table)\n---\n\(utc.table)")
        #expect(utc.table.contains("15:00"))
        let show = try CLI.run(["settings", "show"], env: ny)
        #expect(show.stdout.contains("Asia/Shanghai"))
    }

    @Test func anUnknownTimeZoneIsRefusedAndChangesNothing() throws {
        let tmp = try trainingStore()
        let meta = try Data(contentsOf: URL(fileURLWithPath: tmp.file("meta.plist")))
        let r = try CLI.run(["settings", "set", "timeZone", "Mars/Olympus"], env: CLI.vars(tmp.path))
        #expect(r.status == 2)
        #expect(r.stderr.contains("IANA"), "\(r.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: tmp.file("meta.plist"))) == meta)
    }
}
