import Foundation
import Testing
@testable import FrontDeskKit

/// A small office for the meeting process: one room with a projector, lina chairs, zhangmin is at the desk.
enum MeetingOffice {
    static let tz = TimeZone(identifier: "Asia/Shanghai") ?? .current
    static func at(_ s: String) -> Date { DateInput.parseDateTime(s, tz) ?? Date() }
    static func ctx(_ when: String, _ user: String = "zhangmin") -> RuleContext {
        RuleContext(env: .fixed(at: at(when), user: user, timeZone: tz))
    }

    /// M1 in 长城厅 2026-12-01 10:00–11:00, in `status`, needing a projector.
    static func state(_ status: MeetingStatus = .confirmed, openAction: Bool = false, reviewed: Bool = false) -> OfficeState {
        var s = OfficeState()
        s.apply(.grantRole(user: "admin", role: .admin))
        s.apply(.grantRole(user: "zhangmin", role: .frontdesk))  // the desk clerk; lina (the chair) holds no desk role
        s.apply(.addRoom(Room(id: "R1", name: "长城厅", capacity: 10, equipment: ["projector", "whiteboard"])))
        var m = Meeting(id: "M1", title: "Budget", roomID: "R1", organizer: "lina", attendees: ["wangwei", "chenjie"],
                        start: at("2026-12-01 10:00"), end: at("2026-12-01 11:00"), status: status,
                        requestedAt: at("2026-11-29 10:00"), requiredEquipment: ["projector"])
        if status.rawOrder >= MeetingStatus.minutesDrafted.rawOrder && status.rawOrder <= MeetingStatus.closed.rawOrder { m.minutes = "Decided." }
        if reviewed { m.minutesReviewedBy = "lina"; m.minutesReviewedAt = at("2026-12-01 12:00") }
        if openAction { m.actionItems = [ActionItem(id: "T1", text: "Quote", owner: "wangwei", due: at("2026-12-03 18:00"))] }
        s.apply(.bookMeetings([m]))
        return s
    }

    static func refusal(_ c: Change, in s: OfficeState, _ ctx: RuleContext) -> Refusal? {
        do { try s.validate(c, ctx); return nil } catch { return error }
    }
}

@Suite("The meeting process is one source of truth")
struct MeetingProcessTests {
    typealias O = MeetingOffice

    /// For every status, time and person: a step without input is listed by `nextSteps` exactly
    /// when the change `immediateChange` builds for it passes `validate`.
    @Test(arguments: MeetingStatus.allCases)
    func listedStepsAreExactlyTheOnesValidateAccepts(_ status: MeetingStatus) throws {
        let steps = StepID.allCases.filter { $0.rawValue.hasPrefix("meeting.") && !$0.needsInput }
        var checked = 0
        for reviewed in [false, true] {
            for openAction in [false, true] {
                let s = O.state(status, openAction: openAction, reviewed: reviewed)
                for when in ["2026-11-30 09:00", "2026-12-01 09:00", "2026-12-01 10:05", "2026-12-01 10:20", "2026-12-02 09:00"] {
                    for user in ["zhangmin", "lina", "admin"] {
                        let ctx = O.ctx(when, user)
                        let listed = Set(s.nextSteps(for: .meeting("M1"), ctx).map(\.id))
                        for step in steps {
                            let change = try #require(s.immediateChange(step, on: .meeting("M1"), ctx), "\(step) has a change")
                            let refusal = O.refusal(change, in: s, ctx)
                            #expect(listed.contains(step) == (refusal == nil),
                                    "\(status) \(step) at \(when) by \(user): listed \(listed.contains(step)), refused: \(refusal?.message ?? "no")")
                            checked += 1
                        }
                    }
                }
            }
        }
        #expect(checked == steps.count * 2 * 2 * 5 * 3)
    }

    @Test func everyStepStatusHasAStepAndEveryImmediateMeetingStepAChange() {
        let ctx = O.ctx("2026-12-01 09:00")
        let s = O.state()
        for step in StepID.allCases where step.rawValue.hasPrefix("meeting.") && !step.needsInput {
            #expect(s.immediateChange(step, on: .meeting("M1"), ctx) != nil, "\(step)")
        }
        #expect(MeetingStatus.eventName(.confirmed) == "meeting.confirm")
        #expect(MeetingStatus.eventName(.cancelled) == "meeting.cancel")
        #expect(MeetingStatus.eventName(.minutesSent) == "meeting.send")
    }
}

@Suite("Unclaimed rooms are a rule of the state")
struct MeetingUnclaimedTests {
    typealias O = MeetingOffice

    /// Defect 1: M1 is not claimed by 10:15, M3 is booked into the slot; recording M1 as held must not double-book.
    @Test func aMeetingReleasedAsUnclaimedCannotBeHeldAfterwards() throws {
        var s = O.state(.confirmed)
        let late = O.ctx("2026-12-01 10:16")
        let m3 = Meeting(id: "M3", title: "Walk-in", roomID: "R1", organizer: "zhangmin", start: O.at("2026-12-01 10:20"),
                         end: O.at("2026-12-01 11:00"), status: .confirmed, requestedAt: O.at("2026-12-01 10:16"))
        try s.validate(.bookMeetings([m3]), late)
        s.apply(.bookMeetings([m3]))
        let held = try #require(O.refusal(.setMeetingStatus(meetingID: "M1", status: .held, at: late.now), in: s, late))
        #expect(held.message.contains("released at 10:15"))
        #expect(!s.nextSteps(for: .meeting("M1"), late).contains { $0.id == .meetingHeld })
        // Every other writer sees the same: no step but recording the no-show.
        #expect(O.refusal(.setMeetingStatus(meetingID: "M1", status: .roomChecked, at: late.now), in: s, late) != nil)
        #expect(O.refusal(.moveMeeting(meetingID: "M1", start: O.at("2026-12-01 14:00"), end: O.at("2026-12-01 15:00"), roomID: "R1"), in: s, late) != nil)
        #expect(O.refusal(.setMeetingStatus(meetingID: "M1", status: .noShow, at: late.now), in: s, late) == nil)
        // Before 10:15 the meeting still holds its room.
        let early = O.ctx("2026-12-01 10:14")
        #expect(O.refusal(.setMeetingStatus(meetingID: "M1", status: .held, at: early.now), in: O.state(.confirmed), early) == nil)
    }

    /// Defect 2: a meeting never held is a no-show the next day, not a meeting still owing minutes.
    @Test func aMeetingNeverHeldShowsAsANoShowNotAsOwingMinutes() throws {
        let s = O.state(.confirmed)
        let cal = { var c = Calendar(identifier: .gregorian); c.timeZone = O.tz; return c }()
        let next = Agenda(state: s, day: O.at("2026-12-02 09:00"), now: O.at("2026-12-02 09:00"), settings: .defaults, calendar: cal)
        #expect(next.followUps.isEmpty, "never held: nothing owed")
        let thatDay = Agenda(state: s, day: O.at("2026-12-01 09:00"), now: O.at("2026-12-02 09:00"), settings: .defaults, calendar: cal)
        let row = try #require(thatDay.rows.first { $0.meeting.id == "M1" })
        #expect(row.meeting.status == .noShow)
        #expect(!row.flags.contains(.minutesDue) && !row.flags.contains(.minutesOverdue))
        // While it would still run, the flag says why the room is free, and the timeline shows it free.
        let during = Agenda(state: s, day: O.at("2026-12-01 10:20"), now: O.at("2026-12-01 10:20"), settings: .defaults, calendar: cal)
        #expect(during.rows.first?.flags == [.unclaimed])
        #expect(during.timelines.first?.bookings.isEmpty == true)
        // A meeting that was held still owes its minutes.
        let held = O.state(.held)
        let owing = Agenda(state: held, day: O.at("2026-12-02 09:00"), now: O.at("2026-12-02 09:00"), settings: .defaults, calendar: cal)
        #expect(owing.followUps.map(\.meeting.id) == ["M1"])
    }

    /// Defect 3: a request for a later day whose 24 h confirmation is overdue appears (with its flag).
    @Test func aLaterDaysRequestWithAnOverdueConfirmationIsShownToday() throws {
        let s = O.state(.requested)   // requested 2026-11-29 10:00 for 2026-12-01
        let cal = { var c = Calendar(identifier: .gregorian); c.timeZone = O.tz; return c }()
        let today = Agenda(state: s, day: O.at("2026-11-30 11:00"), now: O.at("2026-11-30 11:00"), settings: .defaults, calendar: cal)
        #expect(today.rows.isEmpty)
        let row = try #require(today.upcoming.first)
        #expect(row.meeting.id == "M1")
        #expect(row.flags.contains(.confirmOverdue))
        // A confirmed later meeting with nothing due is not listed.
        let calm = Agenda(state: O.state(.confirmed), day: O.at("2026-11-30 11:00"), now: O.at("2026-11-30 11:00"), settings: .defaults, calendar: cal)
        #expect(calm.upcoming.isEmpty)
    }
}
