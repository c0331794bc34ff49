import Foundation
import Testing
import TestSupport
@testable import FrontDeskKit
@testable import FrontDeskTUI

/// Stepping the dashboard through days: a past day reads its records from history, is read-only,
/// says so, and is not replaced by today's live updates.
@Suite(.serialized) struct DayViewTests {
    /// A demo office run on 2026-03-10, then compacted on 2026-04-20 (the 10th's closed records
    /// now live in a history segment), opened on the 20th.
    final class Office {
        let tmp: TempStore
        let store: Store
        init() throws {
            tmp = try TempStore("dayview")
            let first = try tmp.create(at: "2026-03-10 17:30")
            _ = try first.commitBatch { s, ctx in DemoOffice.changes(now: ctx.now, calendar: ctx.env.calendar, operator: ctx.actor, in: s) }
            _ = try tmp.open(at: "2026-04-20 10:30").compact()
            store = try tmp.open(at: "2026-04-20 10:30")
        }
        deinit { tmp.remove() }

        var dashboard: Dashboard {
            let source = HistorySource(store: store)
            var d = Dashboard(model: source.today(), storeLabel: "/srv/fd")
            d.history = source
            return d
        }
    }

    static let march10 = TempStore.date("2026-03-10 00:00")

    @Test func steppingBackShowsThatDaysMeetingsFromHistory() throws {
        let office = try Office()
        let end = TempStore.date("2026-03-11 00:00")
        let inHistory = try office.store.history(month: "2026-03")?.meetings.filter { $0.start >= Self.march10 && $0.start < end } ?? []
        try #require(!inHistory.isEmpty, "compaction moved the 10th's meetings to history")
        #expect(inHistory.contains { office.store.state.meetings[$0.id] == nil }, "some live only in history now")

        var d = office.dashboard
        d.showDay(TempStore.date("2026-03-11 09:00"))
        d.press(.previousDay)
        #expect(d.model.viewedDay == Self.march10)
        let shown = Set(d.rowIDs(.meetings))
        let expected = try Set(office.store.records(.meetings, from: Self.march10, to: end).meetings.map(\.id))
        #expect(shown == expected)
        #expect(Set(inHistory.map(\.id)).isSubset(of: shown))

        let frame = d.render(width: 120, height: 40).text.components(separatedBy: "\n")
        #expect(frame.last?.hasPrefix(" Viewing Tue 2026-03-10 · read-only · t: today") == true, "\(frame.last ?? "")")
        #expect(frame.contains { $0.contains("Meetings \(shown.count) · 2026-03-10") })
        d.press(.today)
        #expect(d.model.viewedDay == nil)
        #expect(!d.render(width: 120, height: 40).text.contains("read-only"))
    }

    @Test func aPastDayStockIsAsItStoodAtTheDaysEnd() throws {
        let office = try Office()
        var d = office.dashboard
        d.showDay(TempStore.date("2026-02-20 00:00"))   // the demo issues stock on days before the 10th
        let atEnd = try office.store.stock(at: TempStore.date("2026-02-21 00:00"))
        try #require(!d.model.stock.rows.isEmpty)
        for row in d.model.stock.rows { #expect(row.onHand == atEnd[row.item.sku, default: 0], "\(row.item.sku)") }
        #expect(d.model.stock.rows.contains { $0.onHand != office.store.state.onHand[$0.item.sku, default: 0] },
                "the demo's later moves make some level differ from today's")
    }

    @Test func aPastDayRefusesEveryStepAndFormWithAMessage() throws {
        let office = try Office()
        var d = office.dashboard
        d.showDay(Self.march10)
        for action in Dashboard.writes.sorted(by: { $0.name < $1.name }) {
            if action == .checkIn || action == .checkOut { d.press(.pane2) }
            if action == .approve || action == .reject { d.press(.pane4) }
            if action == .issueStock || action == .receiveStock { d.press(.pane3) }
            #expect(d.press(action) == .redraw)
            #expect(d.mode == .normal, "\(action) opened \(d.mode)")
            #expect(d.message?.text.contains("2026-03-10") == true && d.message?.text.contains("read-only") == true, "\(action): \(d.message?.text ?? "none")")
        }
        d.strings = Strings(.zhHans)
        d.press(.bookRoom)
        #expect(d.message?.text == "2026-03-10 周二 为只读：预订会议室只能在今天办理。按 t 回到今天。")
        d.press(.today)
        d.press(.pane1)
        d.press(.bookRoom)
        if case .form = d.mode {} else { Issue.record("today books a room again: \(d.mode)") }
    }

    @Test func liveUpdatesLeaveThePastDayAlone() throws {
        let office = try Office()
        var d = office.dashboard
        d.showDay(Self.march10)
        let before = d.rowIDs(.meetings)
        let today = HistorySource(store: office.store).today()
        d.update(model: today)   // the launcher's minute tick / another session's commit
        #expect(d.model.viewedDay == Self.march10)
        #expect(d.rowIDs(.meetings) == before)
        let change = Change.addDepartment(Department(name: "法务部"))
        #expect(d.model.applying([change], state: office.store.state, env: office.store.env).viewedDay == Self.march10)
        d.press(.today)
        #expect(d.rowIDs(.meetings) == PaneRenderer.rowIDs(.meetings, model: today, filter: ""))
    }

    @Test func flagsOnAPastDayAreSuppressedButStockBelowReorderIsKept() throws {
        let office = try Office()
        var d = office.dashboard
        d.showDay(Self.march10)
        let m = d.model
        #expect(m.agenda.rows.allSatisfy { $0.flags.isEmpty })
        #expect(m.visitors.rows.allSatisfy { $0.flags.isEmpty })
        #expect(m.approvals.rows.allSatisfy { $0.flags.isEmpty })
        #expect(m.agenda.followUps.isEmpty && m.agenda.upcoming.isEmpty)
        // Judged naively at the day's end the same records would carry flags: what suppression removes.
        let env = Environment.fixed(at: TempStore.date("2026-03-10 23:59"), user: "lina", timeZone: TempStore.timeZone)
        let naive = DashboardModel(state: try office.store.state(forDay: Self.march10), settings: office.store.meta.settings, env: env)
        #expect(naive.agenda.rows.contains { !$0.flags.isEmpty } || naive.visitors.rows.contains { !$0.flags.isEmpty })
        for row in m.stock.rows { #expect(row.flags.contains(.belowReorder) == (row.onHand < row.item.reorderAt || row.onHand <= 0)) }
    }

    @Test func aLaterDayShowsItsBookingsAndComesBackToToday() throws {
        let office = try Office()
        var d = office.dashboard
        d.press(.nextDay)
        let tomorrow = TempStore.date("2026-04-21 00:00")
        #expect(d.model.viewedDay == tomorrow)
        let booked = office.store.state.meetings.values.filter { $0.start >= tomorrow && $0.start < TempStore.date("2026-04-22 00:00") }
        #expect(Set(d.rowIDs(.meetings)) == Set(booked.map(\.id)))
        d.press(.previousDay)
        #expect(d.model.viewedDay == nil, "stepping onto today is live again")
    }

    @Test func withoutAHistorySourceTheKeysSaySo() {
        var d = DashboardTests.dashboard()
        d.press(.previousDay)
        #expect(d.model.viewedDay == nil)
        #expect(d.message?.text == "History cannot be read here.")
    }
}
