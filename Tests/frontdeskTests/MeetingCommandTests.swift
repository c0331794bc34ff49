import Foundation
import Testing
import TestSupport

/// The meeting commands of issue 8: show, review, check, room close over bookings, hooks from the CLI.
@Suite(.serialized) struct MeetingCommandTests {
    /// The store's first admin: the Unix user who ran `init` (hooks are an admin's to set).
    static let admin = NSUserName()

    /// A training store with room 长城厅 (projector) and meeting M1 tomorrow 10:00–11:00 needing it.
    func office() throws -> (TempStore, (String, String, [String]) throws -> RunResult) {
        let tmp = try TempStore("meeting-cli")
        func run(_ user: String, _ now: String, _ args: [String]) throws -> RunResult {
            try CLI.run(args, env: CLI.vars(tmp.path, user: user, now: now))
        }
        try #require(try run("lina", "2026-03-10 10:30", ["init", "--allow-overrides"]).status == 0)
        try #require(try run("lina", "2026-03-10 10:30", ["room", "add", "--name", "长城厅", "--capacity", "8", "--equipment", "projector"]).status == 0)
        let add = try run("lina", "2026-03-10 10:30", ["meeting", "add", "--title", "Budget", "--room", "长城厅", "--start", "2026-03-11 10:00",
                                                        "--end", "2026-03-11 11:00", "--attendee", "wangwei", "--needs", "projector"])
        try #require(add.firstLine == "M1", "\(add)")
        return (tmp, run)
    }

    func object(_ r: RunResult) throws -> [String: Any] {
        try #require(r.status == 0, "\(r)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]], "\(r.stdout)")
        return try #require(rows.first)
    }

    /// Defect 5: guests and replies, checklist, minutes and action items in `meeting show` and `--json`.
    @Test func meetingShowGivesGuestsRepliesChecklistAndMinutes() throws {
        let (tmp, run) = try office()
        #expect(try run("lina", "2026-03-10 10:40", ["meeting", "guest", "invite", "M1", "--name", "Dr. Chen", "--contact", "chen@example.com"]).status == 0)
        #expect(try run("lina", "2026-03-10 10:50", ["meeting", "guest", "reply", "M1", "--name", "Dr. Chen", "--accept"]).status == 0)
        #expect(try run("zhangmin", "2026-03-10 11:00", ["meeting", "check", "M1", "materials"]).status == 0)
        let shown = try object(try run("zhangmin", "2026-03-10 11:00", ["meeting", "show", "M1", "--json"]))
        let guests = try #require(shown["guests"] as? [[String: Any]])
        #expect(guests.first?["name"] as? String == "Dr. Chen")
        #expect(guests.first?["reply"] as? String == "accepted")
        #expect(shown["unchecked"] as? [String] == ["notified", "projector"])
        let checklist = try #require(shown["checklist"] as? [[String: Any]])
        #expect(checklist.first { $0["item"] as? String == "materials" }?["by"] as? String == "zhangmin")
        let text = try run("zhangmin", "2026-03-10 11:00", ["meeting", "show", "M1"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("Dr. Chen <chen@example.com>: accepted"))
        #expect(text.stdout.contains("[ ] projector"))
        let listed = try object(try run("zhangmin", "2026-03-10 11:00", ["meeting", "list", "--json", "--date", "2026-03-11"]))
        #expect((listed["guests"] as? [[String: Any]])?.first?["reply"] as? String == "accepted")
        let missing = try run("zhangmin", "2026-03-10 11:00", ["meeting", "show", "M9"])
        #expect(missing.status == 2 && missing.stderr.contains("No meeting M9"))
        _ = tmp
    }

    /// Defect 4 from the CLI: the chair reviews, then the desk sends; the review is recorded.
    @Test func theChairReviewsFromTheCLIAndTheDeskSends() throws {
        let (tmp, run) = try office()
        for step in [["check", "M1", "notified", "projector"]] { _ = try run("lina", "2026-03-11 09:30", ["meeting"] + step) }
        #expect(try run("lina", "2026-03-11 10:05", ["meeting", "held", "M1"]).status == 0)
        let minutes = tmp.base + "/minutes.txt"
        try "Agreed.".write(toFile: minutes, atomically: true, encoding: .utf8)
        #expect(try run("lina", "2026-03-11 11:10", ["meeting", "minutes", "M1", "--file", minutes]).status == 0)
        let early = try run("zhangmin", "2026-03-11 11:20", ["meeting", "send", "M1"])
        #expect(early.status == 3 && early.stderr.contains("meeting review M1"), "\(early)")
        let notChair = try run("zhangmin", "2026-03-11 11:20", ["meeting", "review", "M1"])
        #expect(notChair.status == 3 && notChair.stderr.contains("chair"), "\(notChair)")
        #expect(try run("lina", "2026-03-11 11:30", ["meeting", "review", "M1"]).status == 0)
        #expect(try run("zhangmin", "2026-03-11 11:40", ["meeting", "send", "M1"]).status == 0)
        let shown = try object(try run("zhangmin", "2026-03-11 11:50", ["meeting", "show", "M1", "--json"]))
        #expect(shown["minutesReviewedBy"] as? String == "lina")
        #expect(shown["status"] as? String == "minutesSent")
    }

    /// Defect 14: `room close` over a booking exits 3 naming it; `--cancel-bookings` cancels it and its hook runs.
    @Test func roomCloseOverBookingsNeedsADecisionAndNotifies() throws {
        let (tmp, run) = try office()
        let out = tmp.base + "/cancel.out"
        #expect(try run(Self.admin, "2026-03-10 10:30", ["settings", "hook", "meeting.cancel", "printf '%s %s\\n' {meeting} {attendees} >> \(out)"]).status == 0)
        let close = ["room", "close", "长城厅", "--from", "2026-03-11 08:00", "--to", "2026-03-12 18:00", "--reason", "repairs"]
        let refused = try run("lina", "2026-03-10 11:00", close)
        #expect(refused.status == 3)
        #expect(refused.stderr.contains("M1 2026-03-11 10:00–11:00 Budget"), "\(refused)")
        #expect(refused.stderr.contains("2026-03-11 08:00–2026-03-12 18:00"))
        let decided = try run("lina", "2026-03-10 11:00", close + ["--cancel-bookings"])
        #expect(decided.status == 0, "\(decided)")
        #expect(decided.stderr.contains("Meeting M1 (Budget) is cancelled") && decided.stderr.contains("out of service"), "\(decided)")
        #expect(((try? String(contentsOfFile: out, encoding: .utf8)) ?? "") == "M1 wangwei\n")
        let rooms = try run("lina", "2026-03-10 11:00", ["meeting", "show", "M1", "--json"])
        #expect(try object(rooms)["status"] as? String == "cancelled")
    }

    /// Hooks run from the store's commit path: a visitor command runs its hook with no call of its own.
    @Test func aVisitorHookRunsFromTheCommitPath() throws {
        let (tmp, run) = try office()
        let out = tmp.base + "/visitor.out"
        #expect(try run(Self.admin, "2026-03-10 10:30", ["settings", "hook", "visitor.add", "printf '%s\\n' {visitor} >> \(out)"]).status == 0)
        let add = try run("lina", "2026-03-10 10:35", ["visitor", "add", "--name", "Ann Lee", "--host", "lina", "--at", "2026-03-10 14:00"])
        #expect(add.status == 0, "\(add)")
        #expect(((try? String(contentsOfFile: out, encoding: .utf8)) ?? "") == "Ann Lee\n")
    }
}
