import Foundation
import Testing
@testable import FrontDeskKit
import TestSupport

/// The visitor register over a period that compaction split between history and the working set:
/// every visit once, and its totals recomputed here from the raw records (the segments, the
/// working set and the journal's check-out records).
@Suite struct VisitorRegisterTests {
    /// A demo day on 2026-03-10 where one visitor loses a badge and a group of three leaves
    /// keeping theirs; ten days later a compaction moves the closed visits to history and a new
    /// visit is booked (working set).
    func splitStore() throws -> (TempStore, Store, lost: String, kept: String) {
        let tmp = try TempStore("register")
        let store = try tmp.create(at: "2026-03-10 10:30")
        try store.commitBatch { s, ctx in DemoOffice.changes(now: ctx.now, calendar: ctx.env.calendar, operator: ctx.actor, in: s) }
        let onSite = store.state.visitors.values.filter { $0.status == .onSite }.sorted { $0.id < $1.id }
        let lost = try #require(onSite.first { $0.headCount == 1 }), group = try #require(onSite.first { $0.headCount == 3 })
        try store.commitBatch { s, ctx in try s.checkOut(visitorID: lost.id, badges: .lost, ctx) }
        try store.commitBatch { s, ctx in try s.checkOut(visitorID: group.id, badges: .kept, ctx) }
        store.env = TempStore.env(at: "2026-03-20 10:30")
        _ = try store.compact()
        _ = try storeTestAddVisitor(store, "Later", at: "2026-03-20 11:00")
        return (tmp, store, lost.id, group.id)
    }

    /// Every visitor of the store, from each segment and the working set (the newer copy wins).
    func rawVisitors(_ store: Store) throws -> [String: Visitor] {
        var all: [String: Visitor] = [:]
        for month in store.historyMonths {
            for v in try #require(try store.history(month: month)).visitors { all[v.id] = v }
        }
        for v in store.state.visitors.values { all[v.id] = v }
        return all
    }

    @Test func totalsReconcileWithTheRawRecords() throws {
        let (tmp, store, lostID, keptID) = try splitStore()
        defer { tmp.remove() }  // kept alive until here: its directory goes with it
        let cal = store.env.calendar
        let march = ReportPeriod.month(try #require(DateInput.parseMonth("2026-03", TempStore.timeZone)), calendar: cal)
        let register = try store.visitorRegister(march)

        let raw = try rawVisitors(store).values.filter { march.contains($0.expectedAt) }
        let ids = Set(raw.map(\.id))
        // The period straddles history and the working set; each visit appears once.
        #expect(raw.contains { store.state.visitors[$0.id] == nil } && raw.contains { store.state.visitors[$0.id] != nil })
        #expect(register.entries.map(\.visitor.id).sorted() == ids.sorted())

        // Lost badges from the journal's check-out records, not from the badge pool the register reads.
        let lostInJournal = try store.auditTrail().flatMap { r -> [String] in
            if case .checkOutVisitor(let id, _, let lost) = r.change, ids.contains(id) { return lost }
            return []
        }
        let t = register.totals
        #expect(!lostInJournal.isEmpty)
        #expect(t.badgesLost == lostInJournal.count)
        let kept = raw.filter { $0.status == .left }.map(\.badgesOut.count).reduce(0, +)
        let stillOut = raw.filter { $0.status == .onSite || $0.status == .arrived }.map(\.badgesOut.count).reduce(0, +)
        let issued = raw.map(\.badges.count).reduce(0, +)
        #expect(kept >= 3)
        #expect(t.badgesKept == kept)
        #expect(t.badgesIssued == issued)
        #expect(t.badgesReturned == issued - lostInJournal.count - kept - stillOut)
        #expect(t.visits == raw.count)
        #expect(t.people == raw.map(\.headCount).reduce(0, +))
        #expect(t.arrived == raw.filter { $0.arrivedAt != nil }.count)
        #expect(t.noShows == raw.filter { $0.status == .noShow }.count)
        #expect(t.cancelled == raw.filter { $0.status == .cancelled }.count)
        #expect(t.stillIn == raw.filter { $0.status == .onSite }.count)
        let waits = raw.compactMap { v in v.checkedInAt.flatMap { c in v.arrivedAt.map { c.timeIntervalSince($0) / 60 } } }
        #expect(t.averageWaitMinutes == waits.reduce(0, +) / Double(waits.count))

        // Per visit: the lost badge and the three kept ones are told apart from those handed back.
        let entry = try #require(register.entries.first { $0.visitor.id == lostID })
        #expect(entry.badges.map(\.fate) == [.lost] && entry.outcome == .left)
        let group = try #require(register.entries.first { $0.visitor.id == keptID })
        #expect(group.badges.map(\.fate) == [.kept, .kept, .kept] && group.outcome == .leftWithBadge)
    }

    @Test func aWeekRunsMondayToSunday() throws {
        let (tmp, store, _, _) = try splitStore()
        defer { tmp.remove() }  // kept alive until here: its directory goes with it
        let week = ReportPeriod.week(of: TempStore.date("2026-03-10 12:00"), calendar: store.env.calendar)
        #expect(Clock.day(week.start, TempStore.timeZone) == "2026-03-09")
        #expect(Clock.day(week.end, TempStore.timeZone) == "2026-03-16")
        let register = try store.visitorRegister(week)
        let raw = try rawVisitors(store).values.filter { week.contains($0.expectedAt) }
        #expect(register.entries.map(\.visitor.id).sorted() == raw.map(\.id).sorted())
        #expect(!register.entries.contains { $0.visitor.name == "Later" })
    }
}
