import Foundation
import Testing
@testable import FrontDeskKit
import TestSupport

/// Compaction keeps every record (working set + segments = everything before), and sessions in
/// other Store instances follow it.
@Suite struct StoreCompactionTests {
    func demoStore() throws -> (TempStore, Store) {
        let tmp = try TempStore("compact")
        let store = try tmp.create(at: "2026-03-10 10:30")
        try store.commitBatch { s, ctx in DemoOffice.changes(now: ctx.now, calendar: ctx.env.calendar, operator: ctx.actor, in: s) }
        return (tmp, store)
    }

    func segments(_ store: Store) throws -> HistorySegment {
        var all = HistorySegment(month: "all")
        for m in store.historyMonths {
            let seg = try #require(try store.history(month: m))
            all.meetings += seg.meetings; all.visitors += seg.visitors; all.moves += seg.moves; all.approvals += seg.approvals
        }
        return all
    }

    func byID<T: Identifiable>(_ a: [T]) -> [String: T] where T.ID == String {
        Dictionary(a.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
    }

    func expectNothingLost(before: OfficeState, after: Store) throws {
        let w = after.state
        let h = try segments(after)
        let distinctMeetings = Set(h.meetings.map(\.id)).count, distinctVisitors = Set(h.visitors.map(\.id)).count
        let distinctMoves = Set(h.moves.map(\.id)).count, distinctApprovals = Set(h.approvals.map(\.id)).count
        let distinct = distinctMeetings + distinctVisitors + distinctMoves + distinctApprovals
        #expect(h.count == distinct, "a record is in two segments")
        // Compare without dumping whole dictionaries into the failure message.
        func same<T: Equatable>(_ kind: String, _ got: [String: T], _ want: [String: T]) {
            let missing = Set(want.keys).subtracting(got.keys).sorted()
            let extra = Set(got.keys).subtracting(want.keys).sorted()
            let changed = want.keys.filter { got[$0] != nil && got[$0] != want[$0] }.sorted()
            #expect(missing.isEmpty && extra.isEmpty && changed.isEmpty,
                    "\(kind): missing \(missing), unexpected \(extra), changed \(changed)")
        }
        same("meetings", w.meetings.merging(byID(h.meetings)) { a, _ in a }, before.meetings)
        same("visitors", w.visitors.merging(byID(h.visitors)) { a, _ in a }, before.visitors)
        same("moves", w.moves.merging(byID(h.moves)) { a, _ in a }, before.moves)
        same("approvals", w.approvals.merging(byID(h.approvals)) { a, _ in a }, before.approvals)
        #expect(Set(w.meetings.keys).isDisjoint(with: h.meetings.map(\.id)))
        #expect(Set(w.visitors.keys).isDisjoint(with: h.visitors.map(\.id)))
        // Everything that is not history stays as it was.
        #expect(w.rooms == before.rooms)
        #expect(w.badges == before.badges)
        #expect(w.items == before.items)
        #expect(w.onHand == before.onHand)
        #expect(w.people == before.people)
        #expect(w.roles == before.roles)
        #expect(w.counters == before.counters)
    }

    @Test func compactionKeepsEveryRecord() throws {
        let (tmp, store) = try demoStore()
        let before = store.state
        store.env = TempStore.env(at: "2026-07-10 10:30")
        let report = try store.compact()
        #expect(report.archived > 0 && report.kept > 0)
        #expect(report.archived + report.kept == before.recordCount)
        try expectNothingLost(before: before, after: store)
        // A fresh session sees the same, and the whole audit trail survives in history/.
        let fresh = try tmp.open(at: "2026-07-10 10:30")
        #expect(fresh.state == store.state)
        #expect(try fresh.auditTrail().map(\.seq) == Array(1...store.seq))

        // A second compaction later merges into the segments and still loses nothing.
        try storeTestAddVisitor(store, "Later", at: "2026-07-10 11:00")
        let before2 = try tmp.open(at: "2026-07-10 10:30").state
        var all = before2
        let h1 = try segments(store)
        for m in h1.meetings { all.meetings[m.id] = m }
        for v in h1.visitors { all.visitors[v.id] = v }
        for mv in h1.moves { all.moves[mv.id] = mv }
        for a in h1.approvals { all.approvals[a.id] = a }
        // (Within the 180-day retention period, so nothing is anonymised yet.)
        store.env = TempStore.env(at: "2026-08-20 10:30")
        let second = try store.compact()
        #expect(second.purgedVisitors == 0)
        try expectNothingLost(before: all, after: store)
    }

    @Test func readersInAnotherInstanceFollowACompaction() throws {
        let (tmp, writer) = try demoStore()
        let reader = try tmp.open()
        #expect(reader.state == writer.state)
        writer.env = TempStore.env(at: "2026-07-10 10:30")
        try writer.compact()
        #expect(try reader.refresh())
        #expect(reader.state == writer.state)
        #expect(reader.seq == writer.seq)
        // Records written after the compaction reach the reader…
        let id = try storeTestAddVisitor(writer, "New generation", at: "2026-07-10 11:00")
        #expect(try reader.refresh())
        #expect(reader.state.visitors[id]?.name == "New generation")
        // …and the reader's own writes land in the new generation, seen by the writer.
        let id2 = try storeTestAddVisitor(reader, "From the reader", at: "2026-07-10 11:00")
        try writer.refresh()
        #expect(writer.state.visitors[id2] != nil)
        #expect(writer.state == reader.state)
        #expect(try tmp.open().state == writer.state)
    }

    @Test func writerWithAStaleViewCatchesUpBeforeValidating() throws {
        let (tmp, a) = try demoStore()
        let b = try tmp.open()
        try a.commit(.addBadges(["Z1"]))
        a.env = TempStore.env(at: "2026-07-10 10:30")
        try a.compact()
        // b has not refreshed: its write must still be checked against the latest state.
        #expect(throws: Refusal.self) { try b.commit(.addBadges(["Z1"])) }
        let ok = try storeTestAddVisitor(b, "After", at: "2026-07-10 11:00")
        #expect(b.state.badges["Z1"] != nil)
        #expect(try tmp.open().state.visitors[ok] != nil)
    }
}
