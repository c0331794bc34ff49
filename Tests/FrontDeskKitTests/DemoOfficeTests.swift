import Foundation
import Testing
@testable import FrontDeskKit
import TestSupport

/// `frontdesk --demo` stages the office day around the real clock, so the demo must be accepted
/// by the store's rules at any time of the office day, not only at the 10:30 the other tests pin.
@Suite struct DemoOfficeTests {
    @Test(arguments: stride(from: 9 * 60, through: 16 * 60 + 45, by: 15).map { $0 })
    func theDemoDayIsAcceptedAtEveryQuarterHour(minuteOfDay: Int) throws {
        let when = String(format: "2026-03-10 %02d:%02d", minuteOfDay / 60, minuteOfDay % 60)
        let tmp = try TempStore("demo\(minuteOfDay)")
        let store = try tmp.create(at: when)
        let records = try store.commitBatch { s, ctx in
            DemoOffice.changes(now: ctx.now, calendar: ctx.env.calendar, operator: ctx.actor, in: s)
        }
        #expect(records.count > 100)
        #expect(store.state.meetings.values.contains { $0.status == .cancelled })
    }
}
