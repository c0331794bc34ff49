import Foundation
import Testing
import TestSupport
@testable import FrontDeskKit

/// The one date parser the CLI, the forms and FRONTDESK_NOW share, at a fixed instant in
/// Shanghai: Tuesday 2026-12-01 10:30 office time.
@Suite struct DateInputTests {
    let now = TempStore.date("2026-12-01 10:30")
    let cal = TempStore.env(at: "2026-12-01 10:30").calendar

    func moment(_ s: String) -> Date? { DateInput.moment(s, now: now, calendar: cal) }
    func day(_ s: String) -> Date? { DateInput.day(s, now: now, calendar: cal) }
    func at(_ s: String) -> Date { TempStore.date(s) }

    @Test func officeTimeForms() {
        #expect(moment("2026-12-03 14:00") == at("2026-12-03 14:00"))
        #expect(moment("2026-12-03T14:00") == at("2026-12-03 14:00"))
        #expect(moment("2026-12-03 14:00:30") == at("2026-12-03 14:00").addingTimeInterval(30))
        #expect(moment("15:00") == at("2026-12-01 15:00"))
        #expect(moment("9:05") == at("2026-12-01 09:05"))
        #expect(moment("today 15:00") == at("2026-12-01 15:00"))
        #expect(moment("Tomorrow 9:30") == at("2026-12-02 09:30"))
        #expect(moment("明天 09:30") == at("2026-12-02 09:30"))
        #expect(moment("明天09:30") == at("2026-12-02 09:30"))
        #expect(moment("后天 8:00") == at("2026-12-03 08:00"))
    }

    @Test func weekdaysCountTodayAndLookAhead() {
        // 2026-12-01 is a Tuesday.
        #expect(moment("tue 16:00") == at("2026-12-01 16:00"))
        #expect(moment("mon 09:00") == at("2026-12-07 09:00"))
        #expect(moment("Friday 14:00") == at("2026-12-04 14:00"))
        #expect(moment("周五 14:00") == at("2026-12-04 14:00"))
        #expect(moment("星期日 10:00") == at("2026-12-06 10:00"))
        #expect(day("sun") == at("2026-12-06 00:00"))
    }

    @Test func relativeToNow() {
        #expect(moment("now") == now)
        #expect(moment("+30m") == now.addingTimeInterval(1800))
        #expect(moment("+2h") == now.addingTimeInterval(7200))
        #expect(moment("+1h30m") == now.addingTimeInterval(5400))
        #expect(moment("+1d") == now.addingTimeInterval(86_400))
        #expect(day("+2d") == at("2026-12-03 00:00"))
        #expect(day("-1d") == at("2026-11-30 00:00"))
        #expect(day("yesterday") == at("2026-11-30 00:00"))
        #expect(day("今天") == at("2026-12-01 00:00"))
    }

    /// `--json` prints instants with a Z; typing one back names the same instant, not 8 hours off.
    @Test func iso8601WithZoneIsThatInstant() {
        let utc = Date(timeIntervalSince1970: 1_796_137_200)  // 2026-12-01T15:00:00Z
        #expect(moment("2026-12-01T15:00:00Z") == utc)
        #expect(moment("2026-12-01T15:00Z") == utc)
        #expect(moment("2026-12-01T23:00:00+08:00") == utc)
        #expect(moment("2026-12-01T23:00:00+0800") == utc)
        #expect(moment("2026-12-01 10:00:00-05:00") == utc)
        #expect(moment("2026-12-01T15:00:00.250Z") == utc.addingTimeInterval(0.25))
        let printed = ISO8601DateFormatter().string(from: at("2026-12-01 09:00"))
        #expect(moment(printed) == at("2026-12-01 09:00"), "what --json prints must parse back: \(printed)")
    }

    @Test func nonsenseIsRefusedNotGuessed() {
        for bad in ["", "tomorrow", "2026-02-31 10:00", "2026-12-01 24:00", "2026-12-01 10:60", "10", "10:5", "+", "+5x", "+30",
                    "2026-12-01T15:00:00+25:00", "2026-12-01T15:00:00Q", "someday 10:00", "2026-1-1 10:00", "+99999999h",
                    "１０:００", String(repeating: "9", count: 100)] {
            #expect(moment(bad) == nil, "accepted \"\(bad)\"")
        }
        for bad in ["", "2026-13-01", "2026-02-30", "soon", "+d", "12/01/2026"] {
            #expect(day(bad) == nil, "accepted day \"\(bad)\"")
        }
        #expect(DateInput.month("2026-12", calendar: cal) == at("2026-12-01 00:00"))
        for bad in ["2026-13", "2026-1", "26-12", "2026-12-01"] { #expect(DateInput.month(bad, calendar: cal) == nil) }
    }
}
