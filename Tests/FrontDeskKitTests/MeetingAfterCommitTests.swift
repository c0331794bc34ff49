import Foundation
import Testing
import TestSupport
@testable import FrontDeskKit

/// The work after a commit happens in the store's commit path, for every front end.
@Suite("After-commit: hooks and the store's rules")
struct MeetingAfterCommitTests {
    /// A store with room R1 and meeting M1 (10:00–11:00 on 2026-03-10, attendees wangwei and chenjie).
    func office(_ tmp: TempStore) throws -> Store {
        let store = try tmp.create(at: "2026-03-10 08:00")
        try store.commit(.addRoom(Room(id: "R1", name: "长城厅", capacity: 10)))
        try store.commit { _, ctx in
            var m = Meeting(id: "M1", title: "Budget", roomID: "R1", organizer: "lina", attendees: ["wangwei", "chenjie"],
                            start: TempStore.date("2026-03-10 10:00"), end: TempStore.date("2026-03-10 11:00"),
                            status: .confirmed, requestedAt: ctx.now)
            m.confirmedAt = ctx.now
            return .bookMeetings([m])
        }
        return store
    }

    func lines(_ path: String) -> [String] {
        ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    @Test func meetingEventsRunTheirHooksWithAttendeesAndGuestsWithoutTheFrontEndAsking() throws {
        let tmp = try TempStore("meeting-hooks")
        let store = try office(tmp)
        let out = tmp.base + "/hook.out"
        for event in ["meeting.book", "meeting.move", "meeting.cancel"] {
            try store.setHook(event: event, command: "printf '%s|%s|%s|%s\\n' {event} {meeting} {attendees} {guests} >> \(out)")
        }
        try store.commit { _, ctx in .inviteGuest(meetingID: "M1", guest: GuestInvite(name: "Dr. Chen", contact: "chen@example.com", invitedAt: ctx.now)) }
        try store.commit(.moveMeeting(meetingID: "M1", start: TempStore.date("2026-03-10 14:00"), end: TempStore.date("2026-03-10 15:00"), roomID: "R1"))
        try store.commit { _, ctx in .setMeetingStatus(meetingID: "M1", status: .cancelled, at: ctx.now) }
        #expect(lines(out) == ["meeting.move|M1|wangwei chenjie|chen@example.com", "meeting.cancel|M1|wangwei chenjie|chen@example.com"])
        #expect(store.afterCommit.takeNotices().isEmpty)
    }

    @Test func aFailingHookIsANoticeAndTheChangeStands() throws {
        let tmp = try TempStore("meeting-hook-fail")
        let store = try office(tmp)
        try store.setHook(event: "meeting.cancel", command: "echo mail is down >&2; exit 3")
        try store.commit { _, ctx in .setMeetingStatus(meetingID: "M1", status: .cancelled, at: ctx.now) }
        #expect(store.state.meetings["M1"]?.status == .cancelled)
        let notices = store.afterCommit.takeNotices()
        #expect(notices.count == 1)
        #expect(notices.first?.contains("mail is down") == true)
    }

    /// The room of an unclaimed meeting is released by the store's rule on the next write, by
    /// whoever writes: the record names the rule as actor and the user whose write noticed it.
    @Test func anUnclaimedRoomIsReleasedByTheRuleOnTheNextWriteNotByADashboard() throws {
        let tmp = try TempStore("meeting-release")
        _ = try office(tmp)
        let out = tmp.base + "/released.out"
        let admin = try tmp.open(at: "2026-03-10 08:00")
        try admin.setHook(event: "meeting.released", command: "printf '%s|%s\\n' {meeting} {attendees} >> \(out)")
        let later = try tmp.open(at: "2026-03-10 10:20", user: "zhangmin")
        #expect(later.state.meetings["M1"]?.status == .confirmed, "opening the store writes nothing")
        try later.commit(.addRoom(Room(id: "R2", name: "Focus", capacity: 4)))
        #expect(later.state.meetings["M1"]?.status == .noShow)
        let trail = try later.auditTrail()
        let release = try #require(trail.last)
        #expect(release.actor == "rule:zhangmin")
        #expect(release.actor == Store.ruleActor(triggeredBy: "zhangmin"))
        #expect(release.change == .releaseUnclaimedRoom(meetingID: "M1", at: TempStore.date("2026-03-10 10:20"), triggeredBy: "zhangmin"))
        #expect(trail.filter { $0.change.name == "meeting.released" }.count == 1)
        #expect(lines(out) == ["M1|wangwei chenjie"])
        // The next write finds nothing more to release.
        try later.commit(.addRoom(Room(id: "R3", name: "Quiet", capacity: 2)))
        #expect(try later.auditTrail().filter { $0.change.name == "meeting.released" }.count == 1)
    }
}
