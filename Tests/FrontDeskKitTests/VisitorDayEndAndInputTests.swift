import Foundation
import Testing
import TestSupport
@testable import FrontDeskKit

/// Office days in the calendar (daylight saving included), typed times to the second, and `check`
/// reporting what opening the store read.
@Suite("Office days and typed times")
struct VisitorDayEndAndInputTests {
    @Test func theDayEndsAt235959EvenOnADaylightSavingDay() throws {
        let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
        var cal = Calendar(identifier: .gregorian); cal.timeZone = berlin
        for day in ["2026-03-29", "2026-10-25", "2026-06-01"] {
            let start = try #require(DateInput.parseDay(day, berlin))
            let end = Clock.endOfDay(start, cal)
            let c = cal.dateComponents([.year, .month, .day, .hour, .minute, .second], from: end)
            #expect(Clock.day(end, berlin) == day && (c.hour, c.minute, c.second) == (23, 59, 59), "\(day) ends \(end)")
        }
    }

    @Test func secondsAreCheckedAndCount() throws {
        let tz = try #require(TimeZone(identifier: "Asia/Shanghai"))
        let base = try #require(DateInput.parseDateTime("2026-03-10 10:30", tz))
        #expect(DateInput.parseDateTime("2026-03-10 10:30:15", tz) == base.addingTimeInterval(15))
        for bad in ["2026-03-10 10:30:75", "2026-03-10 10:30:5", "2026-03-10 10:30:xx", "2026-03-10 10:30:", "2026-03-10 10:30:-1"] {
            #expect(DateInput.parseDateTime(bad, tz) == nil, "\(bad)")
        }
    }

    @Test func checkReportsWhatOpeningRead() throws {
        let tmp = try TempStore("loadstats")
        let store = try tmp.create()
        try store.commit(.addBadges(["B900"]))
        let reopened = try tmp.open()
        let line = try #require(reopened.check().first { $0.file == "start-up" })
        #expect(line.ok && line.detail.contains("\(reopened.loadStats.journalRecords) journal records"), "\(line.detail)")
        #expect(reopened.loadStats.journalRecords >= 3)
    }
}
