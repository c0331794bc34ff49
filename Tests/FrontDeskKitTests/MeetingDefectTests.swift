import Foundation
import Testing
@testable import FrontDeskKit

@Suite("Meeting defects of issue 8")
struct MeetingDefectTests {
    typealias O = MeetingOffice

    /// Defect 4: the chair (or an admin) reviews the minutes before anyone sends them; the record says who.
    @Test func theChairReviewsTheMinutesBeforeTheyAreSent() throws {
        var s = O.state(.minutesDrafted)
        let desk = O.ctx("2026-12-01 12:00", "zhangmin"), chair = O.ctx("2026-12-01 12:00", "lina")
        let send = Change.setMeetingStatus(meetingID: "M1", status: .minutesSent, at: desk.now)
        #expect(O.refusal(send, in: s, desk)?.message.contains("not reviewed") == true)
        var chairAtTheDesk = s  // a chair who also holds the desk role still reviews first
        chairAtTheDesk.apply(.grantRole(user: "lina", role: .frontdesk))
        #expect(O.refusal(send, in: chairAtTheDesk, chair)?.message.contains("not reviewed") == true, "even the chair reviews first")
        #expect(O.refusal(.reviewMinutes(meetingID: "M1", by: "zhangmin", at: desk.now), in: s, desk)?.kind == .permission)
        #expect(O.refusal(.reviewMinutes(meetingID: "M1", by: "lina", at: desk.now), in: s, desk)?.kind == .permission, "not in another's name")
        #expect(!s.nextSteps(for: .meeting("M1"), desk).contains { $0.id == .meetingReviewMinutes })
        #expect(s.nextSteps(for: .meeting("M1"), chair).contains { $0.id == .meetingReviewMinutes })
        let review = try #require(s.immediateChange(.meetingReviewMinutes, on: .meeting("M1"), chair))
        try s.validate(review, chair); s.apply(review)
        #expect(s.meetings["M1"]?.minutesReviewedBy == "lina")
        #expect(s.meetings["M1"]?.minutesReviewedAt == chair.now)
        // New minutes after the review need a new review.
        var redrafted = s
        redrafted.apply(.recordMinutes(meetingID: "M1", text: "Corrected.", at: desk.now))
        #expect(redrafted.meetings["M1"]?.minutesReviewedBy == nil)
        #expect(O.refusal(send, in: redrafted, desk) != nil)
        try s.validate(send, desk); s.apply(send)
        #expect(s.meetings["M1"]?.status == .minutesSent)
        // An admin may review in the chair's stead.
        let admin = O.ctx("2026-12-01 12:00", "admin")
        #expect(O.refusal(.reviewMinutes(meetingID: "M1", by: "admin", at: admin.now), in: O.state(.minutesDrafted), admin) == nil)
    }

    /// Defect 6: a checklist per meeting; the flag's row names what is unchecked; equipment is tested on the day.
    @Test func preparationIsAChecklistThatNamesWhatIsLeft() throws {
        var s = O.state(.confirmed)
        let dayBefore = O.ctx("2026-11-30 15:00"), onTheDay = O.ctx("2026-12-01 09:50")
        #expect(s.meetings["M1"]?.uncheckedItems == ["materials", "notified", "projector"])
        func tick(_ items: [String], _ ctx: RuleContext) throws {
            let c = Change.checkPreparation(meetingID: "M1", items: items, by: ctx.actor, at: ctx.now)
            try s.validate(c, ctx); s.apply(c)
        }
        try tick(["materials"], dayBefore)
        #expect(O.refusal(.checkPreparation(meetingID: "M1", items: ["projector"], by: "zhangmin", at: dayBefore.now), in: s, dayBefore)?.message.contains("on the day") == true)
        #expect(O.refusal(.checkPreparation(meetingID: "M1", items: ["coffee"], by: "zhangmin", at: dayBefore.now), in: s, dayBefore)?.message.contains("materials, notified, projector") == true)
        #expect(O.refusal(.checkPreparation(meetingID: "M1", items: ["materials"], by: "zhangmin", at: dayBefore.now), in: s, dayBefore)?.message.contains("already") == true)
        let cal = { var c = Calendar(identifier: .gregorian); c.timeZone = O.tz; return c }()
        let agenda = Agenda(state: s, day: onTheDay.now, now: onTheDay.now, settings: .defaults, calendar: cal)
        let row = try #require(agenda.rows.first)
        #expect(row.unchecked == ["notified", "projector"])
        #expect(row.flags.contains(.roomCheckOverdue), "09:50 is past the 15 min before a 10:00 start")
        try tick(["projector"], onTheDay)
        #expect(s.meetings["M1"]?.status == .confirmed, "attendees not notified yet")
        let notify = try #require(s.immediateChange(.meetingPrepared, on: .meeting("M1"), onTheDay))
        try s.validate(notify, onTheDay); s.apply(notify)
        let m = try #require(s.meetings["M1"])
        #expect(m.uncheckedItems.isEmpty)
        #expect(m.status == .roomChecked && m.isClaimed, "the last tick records the room as checked")
        #expect(m.checklist?.map(\.item) == ["materials", "projector", "notified"])
        #expect(s.flags(of: m, at: onTheDay.now, .defaults).isEmpty)
    }

    /// Defect 14: closing a room over bookings lists them and changes nothing until each is moved or cancelled.
    @Test func closingARoomOverBookingsListsThemAndRequiresADecision() throws {
        var s = O.state(.confirmed)
        let ctx = O.ctx("2026-11-30 09:00")
        let close = Change.setRoomOutOfService(roomID: "R1", period: ClosedPeriod(start: O.at("2026-12-01 09:00"), end: O.at("2026-12-02 18:00"), reason: "repairs"))
        let r = try #require(O.refusal(close, in: s, ctx))
        #expect(r.message.contains("M1 2026-12-01 10:00–11:00 Budget"))
        #expect(r.message.contains("2026-12-01 09:00–2026-12-02 18:00"), "the period names its real end")
        #expect(r.message.contains("--cancel-bookings"))
        #expect(s.bookingsBlockingClosure(of: "R1", ClosedPeriod(start: O.at("2026-12-01 09:00"), end: O.at("2026-12-02 18:00"), reason: "x"), at: ctx.now, .defaults).map(\.id) == ["M1"])
        s.apply(.setMeetingStatus(meetingID: "M1", status: .cancelled, at: ctx.now))
        try s.validate(close, ctx); s.apply(close)
        // A booking into the closed period is refused with the period's real end (the next day).
        let m2 = Meeting(id: "M2", title: "Later", roomID: "R1", organizer: "lina", start: O.at("2026-12-02 09:00"), end: O.at("2026-12-02 10:00"),
                         status: .confirmed, requestedAt: ctx.now)
        let refused = try #require(O.refusal(.bookMeetings([m2]), in: s, ctx))
        #expect(refused.message.contains("out of service 2026-12-01 09:00–2026-12-02 18:00"))
    }
}
