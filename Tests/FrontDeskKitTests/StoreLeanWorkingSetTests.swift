import Foundation
import Testing
@testable import FrontDeskKit
import TestSupport

/// The working set holds what today's panes and rules read: compaction moves every stock move and
/// every approval decided before today to the month segments, leaving daily issue totals and
/// per-month stock balances, and what the panes show does not change.
@Suite struct StoreLeanWorkingSetTests {
    static let now = "2026-11-30 10:30"

    /// Everything the panes and the purchase plan show at `now`.
    struct Shown: Equatable {
        var stock: StockLevels
        var approvals: ApprovalQueue
        var visitors: VisitorQueue
        var agenda: Agenda
        var plan: ReorderProposal
    }

    static func shown(_ s: OfficeState, _ store: Store) -> Shown {
        let now = store.env.now(), cal = store.env.calendar, settings = store.meta.settings
        return Shown(stock: StockLevels(state: s, now: now, calendar: cal),
                     approvals: ApprovalQueue(state: s, user: "ann", now: now, settings: settings, calendar: cal),
                     visitors: VisitorQueue(state: s, day: now, now: now, settings: settings, calendar: cal),
                     agenda: Agenda(state: s, day: now, now: now, settings: settings, calendar: cal),
                     plan: ReorderProposal(state: s, month: "2026-12", now: now, calendar: cal))
    }

    /// A store as an older frontdesk left it: the demo day plus 120 days of issues and approvals
    /// decided over the last weeks, all in the snapshot, and no `archivedIssues` key in it.
    /// Returns the store directory and every stock move made.
    func oldFormatStore() throws -> (TempStore, [StockMove]) {
        let tmp = try TempStore("lean")
        let store = try tmp.create(at: Self.now)
        try store.commitBatch { s, ctx in DemoOffice.changes(now: ctx.now, calendar: ctx.env.calendar, operator: ctx.actor, in: s) }
        var s = store.state
        let demoMoves = Array(s.moves.values)
        let cal = store.env.calendar
        let today = cal.startOfDay(for: store.env.now())
        func day(_ offset: Int, _ hour: Int) -> Date {
            (cal.date(byAdding: .day, value: offset, to: today) ?? today).addingTimeInterval(Double(hour) * 3600)
        }
        var extra: [StockMove] = [StockMove(id: "K9000", sku: "PAP-A4", kind: .receive, quantity: 500, at: day(-125, 9), by: "zhangmin",
                                            unitPrice: 20, supplier: "得力 Deli")]
        for d in 1...120 {
            extra.append(StockMove(id: "K\(9000 + d)", sku: "PAP-A4", kind: .issue, quantity: -(1 + d % 3), at: day(-d, 11), by: "tom",
                                   department: "行政部", recipient: "李娜"))
        }
        for m in extra { s.moves[m.id] = m; s.onHand[m.sku, default: 0] += m.quantity; s.bump(.move, m.id) }
        for (k, offset) in [-1, -3, -10, -25, 0].enumerated() {
            var a = ApprovalRequest(id: "A\(900 + k)", type: .purchase, title: "Toner \(k)", requester: "tom", createdAt: day(offset - 1, 10), amount: 100)
            a.decisions = [Decision(by: "ann", verdict: .approve, comment: "OK", at: day(offset, 9))]
            a.status = .approved
            s.approvals[a.id] = a; s.bump(.approval, a.id)
        }
        try store.withWriteLock { try store.startGeneration(with: s) }
        // Drop the new key, as an older frontdesk wrote snapshots.
        let url = URL(fileURLWithPath: tmp.file("snapshot.plist"))
        var top = try #require(try PropertyListSerialization.propertyList(from: Data(contentsOf: url), format: nil) as? [String: Any])
        var state = try #require(top["state"] as? [String: Any])
        #expect(state["archivedIssues"] != nil)
        state["archivedIssues"] = nil
        top["state"] = state
        try PropertyListSerialization.data(fromPropertyList: top, format: .binary, options: 0).write(to: url)
        return (tmp, demoMoves + extra)
    }

    @Test func anOldSnapshotOpensShowsTheSameAndIsCompactedToTheLeanForm() throws {
        let (tmp, allMoves) = try oldFormatStore()
        let old = try tmp.open(at: Self.now)
        #expect(old.state.moves.count == allMoves.count, "the old snapshot's moves are read")
        #expect(old.state.archivedIssues.isEmpty)
        let before = Self.shown(old.state, old)
        #expect(before.approvals.rows.contains { $0.request.id == "A904" }, "decided today: on the list")
        #expect(!before.approvals.rows.contains { $0.request.id == "A900" }, "decided yesterday: history")
        #expect(before.stock.rows.first { $0.item.sku == "PAP-A4" }?.dailyUse ?? 0 > 1)

        try old.compact()
        #expect(old.state.moves.isEmpty, "every stock move went to history")
        #expect(old.state.approvals.values.allSatisfy { ApprovalQueue.isShown($0, now: old.env.now(), calendar: old.env.calendar) })
        #expect(old.state.approvals["A900"] == nil && old.state.approvals["A904"] != nil)
        #expect(!old.state.archivedIssues.isEmpty)
        #expect(Self.shown(old.state, old) == before, "the panes show the same after compaction")
        let reopened = try tmp.open(at: Self.now)
        #expect(reopened.state == old.state)
        #expect(Self.shown(reopened.state, reopened) == before, "and so does a fresh session")

        // Nothing lost: every move is in exactly one segment.
        var archived: [String] = []
        for month in reopened.historyMonths { archived += try #require(try reopened.history(month: month)).moves.map(\.id) }
        #expect(archived.sorted() == allMoves.map(\.id).sorted())

        // Records that went to history are still found by id.
        #expect(try reopened.approval(id: "A900")?.title == "Toner 0", "decided yesterday: read from its segment")
        #expect(try reopened.approval(id: "A904")?.title == "Toner 4")
        #expect(try reopened.approval(id: "A99999") == nil && reopened.approval(id: "K9001") == nil)
        #expect(try reopened.stockMove(id: "K9001")?.quantity == -2)
        #expect(try reopened.stockMove(id: "K1")?.kind == .receive)
    }

    /// On hand per SKU after every move before `end`, summed straight from the raw moves.
    static func balance(_ moves: [StockMove], before end: Date) -> [String: Int] {
        var b: [String: Int] = [:]
        for m in moves where m.at < end { b[m.sku, default: 0] += m.quantity }
        return b
    }

    @Test func segmentBalancesReconcileWithTheRawMovesAndTheLedgerReadsOneSegment() throws {
        let (tmp, allMoves) = try oldFormatStore()
        let store = try tmp.open(at: Self.now)
        let cal = store.env.calendar
        let replayed = { (start: Date) in StockLedger(state: store.state, moves: try store.moves(since: start), month: start, calendar: cal) }
        let beforeCompaction = try ["2026-08", "2026-09", "2026-10", "2026-11"].map { month in
            try replayed(try #require(DateInput.parseMonth(month, TempStore.timeZone)))
        }
        try store.compact()
        let months = store.historyMonths
        #expect(months.contains("2026-08") && months.contains("2026-11"))
        for (i, month) in ["2026-08", "2026-09", "2026-10", "2026-11"].enumerated() {
            let start = try #require(DateInput.parseMonth(month, TempStore.timeZone))
            let end = try #require(cal.date(byAdding: .month, value: 1, to: start))
            let seg = try #require(try store.history(month: month))
            let opening = Self.balance(allMoves, before: start), closing = Self.balance(allMoves, before: end)
            for sku in store.state.items.keys {
                #expect(seg.openingStock?[sku, default: 0] == opening[sku, default: 0], "\(month) \(sku) opening")
                #expect(seg.closingStock?[sku, default: 0] == closing[sku, default: 0], "\(month) \(sku) closing")
            }
            let ledger = try store.stockLedger(month: start)
            #expect(ledger.reconciles)
            #expect(ledger == beforeCompaction[i], "\(month): the same ledger as replaying every later move")
            for l in ledger.lines {
                #expect(l.opening == opening[l.sku, default: 0] && l.closing == closing[l.sku, default: 0], "\(month) \(l.sku)")
            }
        }
        // The ledger of September reads September's segment only: every other one can be garbage.
        let september = try store.stockLedger(month: try #require(DateInput.parseMonth("2026-09", TempStore.timeZone)))
        for month in months where month != "2026-09" {
            try Data("not a plist".utf8).write(to: URL(fileURLWithPath: tmp.file("history/\(month).plist")))
        }
        #expect(try store.stockLedger(month: try #require(DateInput.parseMonth("2026-09", TempStore.timeZone))) == september)
    }

    @Test func aSegmentWithoutBalancesGivesTheSameLedgerByReplayingAndIsBackFilled() throws {
        let (tmp, allMoves) = try oldFormatStore()
        let store = try tmp.open(at: Self.now)
        try store.compact()
        let start = try #require(DateInput.parseMonth("2026-10", TempStore.timeZone))
        let balanced = try store.stockLedger(month: start)
        // As a segment written before balances existed.
        var seg = try #require(try store.history(month: "2026-10"))
        #expect(seg.openingStock != nil)
        seg.openingStock = nil; seg.closingStock = nil
        try BinaryPlistEncoder().encode(seg).write(to: URL(fileURLWithPath: tmp.file("history/2026-10.plist")))
        #expect(try store.stockLedger(month: start) == balanced)

        // The next compaction that archives moves gives every older segment its balances back.
        var originals: [String: HistorySegment] = [:]
        for month in store.historyMonths where month < "2026-11" {
            var seg = try #require(try store.history(month: month))
            seg.openingStock = nil; seg.closingStock = nil
            try BinaryPlistEncoder().encode(seg).write(to: URL(fileURLWithPath: tmp.file("history/\(month).plist")))
            originals[month] = seg
        }
        #expect(originals.count >= 4)
        // As an older frontdesk would have left them: chained and listed in the manifest.
        try store.withWriteLockNoManifest { try store.linkSegments(); try store.writeManifest() }
        var s = store.state
        let issue = StockMove(id: "K99999", sku: "PAP-A4", kind: .issue, quantity: -1, at: TempStore.date("2026-11-30 10:00"), by: "tom",
                              department: "行政部", recipient: "李娜")
        s.moves[issue.id] = issue; s.onHand["PAP-A4", default: 0] -= 1; s.bump(.move, issue.id)
        try store.withWriteLock { try store.startGeneration(with: s) }
        try store.compact()
        let independent = try tmp.open(at: Self.now)
        for month in originals.keys.sorted() {
            let seg = try #require(try independent.history(month: month))
            let start = try #require(DateInput.parseMonth(month, TempStore.timeZone))
            let end = try #require(store.env.calendar.date(byAdding: .month, value: 1, to: start))
            let opening = Self.balance(allMoves, before: start), closing = Self.balance(allMoves, before: end)
            for sku in store.state.items.keys {
                #expect(seg.openingStock?[sku, default: 0] == opening[sku, default: 0], "\(month) \(sku) opening back-filled")
                #expect(seg.closingStock?[sku, default: 0] == closing[sku, default: 0], "\(month) \(sku) closing back-filled")
            }
        }
        #expect(try store.stockLedger(month: start) == balanced)
    }

    @Test func dailyIssueTotalsCountByOfficeDayAndForgetOldDays() {
        let cal = TempStore.env(at: Self.now).calendar
        var d = DailyIssues()
        d.add(sku: "PAP-A4", units: 2, at: TempStore.date("2026-11-20 23:59"), calendar: cal)
        d.add(sku: "PAP-A4", units: 3, at: TempStore.date("2026-11-20 00:00"), calendar: cal)
        d.add(sku: "PEN", units: 1, at: TempStore.date("2026-11-18 12:00"), calendar: cal)
        d.add(sku: "PAP-A4", units: 4, at: TempStore.date("2026-11-21 00:00"), calendar: cal)
        #expect(d.firstDay == TempStore.date("2026-11-18 00:00"))
        #expect(d.units["PAP-A4"] == [0, 0, 5, 4])
        #expect(d.units["PEN"] == [1])
        var s = OfficeState()
        s.archivedIssues = d
        s.moves["K1"] = StockMove(id: "K1", sku: "PAP-A4", kind: .issue, quantity: -7, at: TempStore.date("2026-11-21 09:00"), by: "tom")
        s.moves["K2"] = StockMove(id: "K2", sku: "PAP-A4", kind: .receive, quantity: 50, at: TempStore.date("2026-11-21 09:00"), by: "tom")
        let byDay = s.issuedByDay(from: TempStore.date("2026-11-19 00:00"), now: TempStore.date("2026-11-22 10:00"), calendar: cal)
        #expect(byDay["PAP-A4"] == [0, 5, 11, 0])
        #expect(byDay["PEN"] == nil, "before the range")
        d.drop(before: TempStore.date("2026-11-20 00:00"), calendar: cal)
        #expect(d.firstDay == TempStore.date("2026-11-20 00:00"))
        #expect(d.units == ["PAP-A4": [5, 4]])
    }
}
