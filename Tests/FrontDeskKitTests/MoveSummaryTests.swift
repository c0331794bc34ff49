import Foundation
import Testing
@testable import FrontDeskKit
import TestSupport

/// The move summary each month segment carries: a month's ledger read from it equals the ledger
/// read from the moves (the same store with the summaries removed), a month holding a working-set
/// move is read from the moves, and `check` refuses a summary that disagrees with its moves.
@Suite(.serialized) struct MoveSummaryTests {
    static let now = "2026-03-10 10:30"

    /// A demo office with a generated year of history (stock moves included), compacted into segments.
    func makeStore(_ label: String) throws -> (TempStore, Store) {
        let tmp = try TempStore(label)
        let store = try tmp.create(at: Self.now)
        _ = try store.commitBatch { s, ctx in DemoOffice.changes(now: ctx.now, calendar: ctx.env.calendar, operator: ctx.actor, in: s) }
        let cal = store.env.calendar
        let today = cal.startOfDay(for: store.env.now())
        let year = HistoryGenerator(years: 1, seed: 7).generate(before: today, calendar: cal, state: store.state)
        var h = HistoryGenerator.Output()
        h.moves = year.moves
        try store.importHistory(h)
        return (tmp, try tmp.open(at: Self.now))
    }

    func rewrite(_ tmp: TempStore, _ month: String, _ change: (inout [String: Any]) -> Void) throws {
        let path = tmp.file("history/\(month).plist")
        var top = try #require(try PropertyListSerialization.propertyList(from: Data(contentsOf: URL(fileURLWithPath: path)), format: nil) as? [String: Any])
        change(&top)
        try PropertyListSerialization.data(fromPropertyList: top, format: .binary, options: 0).write(to: URL(fileURLWithPath: path))
    }

    /// The first instants of the store's whole compacted months (not the month in progress).
    func closedMonths(_ store: Store) -> [Date] {
        let cal = store.env.calendar
        let thisMonth = Store.monthKey(store.env.now(), cal)
        return store.historyMonths.filter { $0 != thisMonth }.compactMap { TempStore.date("\($0)-01 00:00") }
    }

    @Test func aLedgerFromTheSummaryEqualsTheLedgerFromTheMoves() throws {
        let (tmp, store) = try makeStore("moves-same")
        defer { tmp.remove() }
        let months = closedMonths(store)
        #expect(months.count >= 10)
        var fromSummaries: [StockLedger] = []
        var issued = 0
        for start in months {
            let fast = try #require(try store.stockLedgerFromSummary(month: start), "no summary for \(start)")
            #expect(fast == (try store.stockLedger(month: start)))
            // Independently: the segment's own moves through the moves-based ledger.
            let seg = try #require(try store.history(month: Store.monthKey(start, store.env.calendar)))
            let opening = try #require(seg.openingStock)
            let byMoves = StockLedger(state: store.state, opening: opening, moves: seg.moves, month: start, calendar: store.env.calendar)
            #expect(fast == byMoves)
            issued += fast.departments.reduce(0) { $0 + $1.units }
            fromSummaries.append(fast)
        }
        #expect(issued > 100, "the generated year issued only \(issued) units")
        // Segments written before summaries existed answer the same, from their moves.
        for month in store.historyMonths { try rewrite(tmp, month) { $0["moveSummary"] = nil } }
        let bare = try tmp.open(at: Self.now)
        for (start, ledger) in zip(months, fromSummaries) {
            #expect(try bare.stockLedgerFromSummary(month: start) == nil)
            #expect(try bare.stockLedger(month: start) == ledger)
        }
    }

    /// A move of the month in the working set wins over the segment: that month is read from moves.
    @Test func aWorkingSetMoveInTheMonthReadsTheMoves() throws {
        let (tmp, store) = try makeStore("moves-working")
        defer { tmp.remove() }
        let start = try #require(closedMonths(store).last)
        let seg = try #require(try store.history(month: Store.monthKey(start, store.env.calendar)))
        let sample = try #require(seg.moves.first { $0.kind == .issue && $0.department != nil })
        let dept = try #require(sample.department)
        let before = try store.stockLedger(month: start)
        #expect(try store.stockLedgerFromSummary(month: start) != nil)
        let late = StockMove(id: "K999999", sku: sample.sku, kind: .issue, quantity: -2, at: start.addingTimeInterval(5 * 86_400 + 36_000),
                             by: "lina", department: dept, recipient: "Li Na")
        _ = try store.commitUnchecked(.moveStock(late))
        #expect(store.state.moves[late.id] != nil)
        #expect(try store.stockLedgerFromSummary(month: start) == nil)
        let after = try store.stockLedger(month: start)
        #expect(after.departments.first { $0.department == dept }?.units == (before.departments.first { $0.department == dept }?.units ?? 0) + 2)
    }

    @Test func checkRefusesAMoveSummaryThatDisagreesWithItsMoves() throws {
        let (tmp, store) = try makeStore("moves-check")
        defer { tmp.remove() }
        let month = Store.monthKey(try #require(closedMonths(store).last), store.env.calendar)
        try rewrite(tmp, month) { top in
            var s = top["moveSummary"] as? [String: Any] ?? [:]
            s["units"] = ((s["units"] as? [Int]) ?? []).map { $0 + 5 }
            top["moveSummary"] = s
        }
        let bad = try tmp.open(at: Self.now).check().filter { !$0.ok && $0.file.hasSuffix("\(month).plist") }
        #expect(bad.contains { $0.detail.contains("move summary disagrees") }, "\(bad)")
    }
}
