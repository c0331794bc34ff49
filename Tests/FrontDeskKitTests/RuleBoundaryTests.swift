import Foundation
import Testing
@testable import FrontDeskKit

/// Every time limit of the seed, tested at its boundary with a fixed clock.
@Suite("Time limits at their boundaries")
struct RuleBoundaryTests {
    static let tz = TimeZone(identifier: "Asia/Shanghai") ?? .current
    static var cal: Calendar { var c = Calendar(identifier: .gregorian); c.timeZone = tz; return c }
    static let t0 = DateInput.parseDateTime("2026-11-30 09:00", tz) ?? Date()
    let s = StoreSettings.defaults

    func minutes(_ m: Double) -> Date { Self.t0.addingTimeInterval(m * 60) }

    func meeting(start: Date, end: Date, status: MeetingStatus, requestedAt: Date = t0) -> Meeting {
        Meeting(id: "M1", title: "Sync", roomID: "R1", organizer: "lina", start: start, end: end, status: status, requestedAt: requestedAt)
    }

    @Test func visitorConfirmationIsDueWithinOneHour() {
        let st = OfficeState()
        let v = Visitor(id: "V1", name: "张伟", host: "lina", expectedAt: minutes(300), receivedAt: Self.t0)
        #expect(st.flags(of: v, at: minutes(59), s, calendar: Self.cal) == [.confirmDue])
        #expect(st.flags(of: v, at: minutes(61), s, calendar: Self.cal) == [.confirmOverdue])
        var confirmed = v; confirmed.status = .confirmed
        #expect(st.flags(of: confirmed, at: minutes(61), s, calendar: Self.cal).isEmpty)
    }

    @Test func meetingRequestIsDueWithin24Hours() {
        let st = OfficeState()
        let m = meeting(start: minutes(3 * 24 * 60), end: minutes(3 * 24 * 60 + 60), status: .requested)
        #expect(st.flags(of: m, at: minutes(23 * 60 + 59), s).contains(.confirmDue))
        #expect(!st.flags(of: m, at: minutes(23 * 60 + 59), s).contains(.confirmOverdue))
        #expect(st.flags(of: m, at: minutes(24 * 60 + 1), s).contains(.confirmOverdue))
    }

    @Test func roomCheckIsDue15MinutesBeforeStart() {
        let st = OfficeState()
        let m = meeting(start: minutes(120), end: minutes(180), status: .confirmed)
        #expect(st.flags(of: m, at: minutes(120 - 16), s) == [.roomCheckDue])
        #expect(st.flags(of: m, at: minutes(120 - 14), s) == [.roomCheckOverdue])
        var checked = m; checked.status = .roomChecked
        #expect(st.flags(of: checked, at: minutes(120 - 14), s).isEmpty)
    }

    @Test func minutesAreDueWithin48HoursOfTheEnd() {
        let st = OfficeState()
        let m = meeting(start: minutes(0), end: minutes(60), status: .held)
        #expect(st.flags(of: m, at: minutes(60 + 47 * 60 + 59), s) == [.minutesDue])
        #expect(st.flags(of: m, at: minutes(60 + 48 * 60 + 1), s) == [.minutesOverdue])
        var sent = m; sent.status = .minutesSent
        #expect(st.flags(of: sent, at: minutes(60 + 48 * 60 + 1), s).isEmpty)
    }

    @Test func actionItemsPastTheirDeadlineAreOverdue() {
        let st = OfficeState()
        var m = meeting(start: minutes(0), end: minutes(60), status: .minutesSent)
        m.actionItems = [ActionItem(id: "T1", text: "Quote", owner: "wangwei", due: minutes(24 * 60))]
        #expect(!st.flags(of: m, at: minutes(24 * 60 - 1), s).contains(.actionOverdue))
        #expect(st.flags(of: m, at: minutes(24 * 60 + 1), s).contains(.actionOverdue))
        m.actionItems[0].doneAt = minutes(100)
        #expect(!st.flags(of: m, at: minutes(24 * 60 + 1), s).contains(.actionOverdue))
    }

    @Test func anUnclaimedRoomIsFlaggedAfterTheNoShowTime() {
        let st = OfficeState()
        let m = meeting(start: minutes(0), end: minutes(60), status: .confirmed)
        #expect(!st.flags(of: m, at: minutes(14), s).contains(.unclaimed))
        #expect(st.flags(of: m, at: minutes(16), s).contains(.unclaimed))
        #expect(m.holdsRoom(at: minutes(14), noShowAfter: s.noShowAfter))
        #expect(!m.holdsRoom(at: minutes(16), noShowAfter: s.noShowAfter), "released after 15 min")
        var claimed = m; claimed.status = .roomChecked
        #expect(!st.flags(of: claimed, at: minutes(16), s).contains(.unclaimed))
        #expect(claimed.holdsRoom(at: minutes(16), noShowAfter: s.noShowAfter))
        var state = OfficeState(); state.meetings[m.id] = m
        #expect(state.unclaimedMeetings(at: minutes(14), s).isEmpty)
        #expect(state.unclaimedMeetings(at: minutes(16), s) == ["M1"])
    }

    @Test func aVisitorWaitingTooLongInTheLobbyIsFlagged() {
        let st = OfficeState()
        var v = Visitor(id: "V1", name: "Ann", host: "lina", expectedAt: minutes(0), status: .arrived, receivedAt: minutes(-600))
        v.arrivedAt = minutes(0)
        #expect(st.flags(of: v, at: minutes(14), s, calendar: Self.cal).isEmpty)
        #expect(st.flags(of: v, at: minutes(16), s, calendar: Self.cal) == [.waitOverdue])
    }

    @Test func aBadgeNotReturnedAfterDepartureOrAtDayEndIsOverdue() {
        let st = OfficeState()
        var v = Visitor(id: "V1", name: "Ann", host: "lina", expectedAt: minutes(0), status: .onSite, receivedAt: minutes(-600))
        v.checkedInAt = minutes(0); v.badges = ["B001"]; v.badgesOut = ["B001"]
        let dayEnd = Self.cal.date(bySettingHour: 18, minute: 0, second: 0, of: Self.t0) ?? Self.t0
        #expect(st.flags(of: v, at: dayEnd.addingTimeInterval(-60), s, calendar: Self.cal).isEmpty)
        #expect(st.flags(of: v, at: dayEnd.addingTimeInterval(60), s, calendar: Self.cal) == [.badgeOverdue])
        v.status = .left
        #expect(st.flags(of: v, at: minutes(5), s, calendar: Self.cal) == [.badgeOverdue])
    }

    @Test func approvalsWaitingTooLongAreOverdue() {
        var st = OfficeState()
        st.roles["ann"] = [.approver]
        let a = ApprovalRequest(id: "A1", type: .leave, title: "Leave", requester: "tom", createdAt: Self.t0)
        #expect(st.flags(of: a, at: minutes(47 * 60 + 59), s, user: "ann") == [.waitingForYou])
        #expect(st.flags(of: a, at: minutes(48 * 60 + 1), s, user: "ann") == [.approvalOverdue, .waitingForYou])
        #expect(st.flags(of: a, at: minutes(48 * 60 + 1), s, user: "tom") == [.approvalOverdue])
    }

    @Test func stockUnderTheReorderPointIsFlagged() {
        var st = OfficeState()
        let item = SupplyItem(sku: "PAP-A4", name: "A4", unit: "ream", reorderAt: 10, target: 40)
        st.items[item.sku] = item
        st.onHand[item.sku] = 10
        #expect(st.flags(of: item).isEmpty)
        st.onHand[item.sku] = 9
        #expect(st.flags(of: item) == [.belowReorder])
        st.onHand[item.sku] = 0
        #expect(st.flags(of: item).contains(.outOfStock))
    }
}
