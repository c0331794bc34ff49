import Foundation
import Testing
@testable import FrontDeskKit
import TestSupport

/// A list of approval requests for some days holds those raised and those decided in them,
/// wherever they were raised: equal to a filter over every request of the store, with the
/// segments' decision spans and without them (segments written before spans existed).
@Suite(.serialized) struct ApprovalDecisionTests {
    static let now = "2026-03-10 10:30"

    func makeStore(_ label: String) throws -> (TempStore, Store) {
        let tmp = try TempStore(label)
        let store = try tmp.create(at: Self.now)
        _ = try store.commitBatch { s, ctx in DemoOffice.changes(now: ctx.now, calendar: ctx.env.calendar, operator: ctx.actor, in: s) }
        let cal = store.env.calendar
        let year = HistoryGenerator(years: 1, seed: 9).generate(before: cal.startOfDay(for: store.env.now()), calendar: cal, state: store.state)
        var h = HistoryGenerator.Output()
        h.approvals = year.approvals
        try store.importHistory(h)
        return (tmp, try tmp.open(at: Self.now))
    }

    /// Every request of the store raised or decided in `[start, end)`, by id, read the long way.
    func expected(_ store: Store, _ start: Date, _ end: Date) throws -> [String] {
        let all = try store.records(.approvals, from: .distantPast, to: .distantFuture).approvals
        return all.filter { ($0.createdAt >= start && $0.createdAt < end) || $0.decisions.contains { $0.at >= start && $0.at < end } }.map(\.id).sorted()
    }

    @Test func requestsDecidedInTheDaysAreListedWhereverRaised() throws {
        let (tmp, store) = try makeStore("approvals-decided")
        defer { tmp.remove() }
        let cal = store.env.calendar
        let all = try store.records(.approvals, from: .distantPast, to: .distantFuture).approvals
        // Days on which a request raised in an earlier month was decided: the case a list by raising missed.
        let late = all.filter { a in a.decisions.contains { Store.monthKey($0.at, cal) != Store.monthKey(a.createdAt, cal) } }
        #expect(late.count >= 3, "the generated year has only \(late.count) requests decided in a later month")
        var days = late.prefix(6).compactMap { $0.decisions.last.map { cal.startOfDay(for: $0.at) } }
        days.append(TempStore.date("2026-02-01 00:00"))
        var found = 0
        for day in days {
            let end = try #require(cal.date(byAdding: .day, value: 1, to: day))
            let listed = try store.approvalRows(from: day, to: end).map(\.request.id).sorted()
            #expect(listed == (try expected(store, day, end)), "\(day)")
            found += listed.filter { id in late.contains { $0.id == id } }.count
        }
        #expect(found >= 3)
        let month = TempStore.date("2026-01-01 00:00")
        let monthEnd = try #require(cal.date(byAdding: .month, value: 1, to: month))
        let wide = try store.approvalRows(from: month, to: monthEnd).map(\.request.id).sorted()
        #expect(wide == (try expected(store, month, monthEnd)))
        // Without the spans (an older store), the same lists.
        for m in store.historyMonths {
            let path = tmp.file("history/\(m).plist")
            var top = try #require(try PropertyListSerialization.propertyList(from: Data(contentsOf: URL(fileURLWithPath: path)), format: nil) as? [String: Any])
            #expect(top.removeValue(forKey: "approvalDecisions") != nil)
            try PropertyListSerialization.data(fromPropertyList: top, format: .binary, options: 0).write(to: URL(fileURLWithPath: path))
        }
        let bare = try tmp.open(at: Self.now)
        for day in days {
            let end = try #require(cal.date(byAdding: .day, value: 1, to: day))
            #expect(try bare.approvalRows(from: day, to: end).map(\.request.id).sorted() == (try expected(bare, day, end)))
        }
    }

    @Test func aSpanCoversEveryDecisionOfItsSegment() throws {
        let (tmp, store) = try makeStore("approvals-span")
        defer { tmp.remove() }
        var withDecisions = 0
        for m in store.historyMonths {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: tmp.file("history/\(m).plist")))
            let span = try #require(try HistorySegment.readApprovalDecisionSpan(bytes))
            let seg = try BinaryPlistDecoder().decode(HistorySegment.self, from: bytes)
            let times = seg.approvals.flatMap { $0.decisions.map(\.at) }
            #expect(span.first == times.min() && span.last == times.max())
            if !times.isEmpty { withDecisions += 1 }
        }
        #expect(withDecisions >= 6)
    }

    /// `check` verifies each segment's span against its requests: a good store passes, a span
    /// altered by hand (written back with the store's own plist writer) is reported naming the
    /// file, and a segment written before spans existed (no key) is fine.
    @Test func checkRefusesASpanThatDisagreesWithItsRequests() throws {
        let (tmp, store) = try makeStore("approvals-check")
        defer { tmp.remove() }
        #expect(store.check().filter { !$0.ok }.isEmpty, "\(store.check().filter { !$0.ok })")
        let months = store.historyMonths
        let damaged = try #require(months.dropLast().last), bare = try #require(months.first)
        func rewrite(_ month: String, _ change: (inout [String: PlistValue]) -> Void) throws {
            let path = tmp.file("history/\(month).plist")
            guard case .dict(var top) = try BinaryPlist.decode(try Data(contentsOf: URL(fileURLWithPath: path))) else {
                Issue.record("\(month) is not a dictionary"); return
            }
            change(&top)
            try BinaryPlist.encode(.dict(top)).write(to: URL(fileURLWithPath: path))
        }
        try rewrite(damaged) { top in
            guard case .dict(var span)? = top["approvalDecisions"], case .date(let last)? = span["last"] else {
                Issue.record("\(damaged) has no decision span"); return
            }
            span["last"] = .date(last.addingTimeInterval(86_400))
            top["approvalDecisions"] = .dict(span)
        }
        try rewrite(bare) { top in #expect(top.removeValue(forKey: "approvalDecisions") != nil) }
        let checks = try tmp.open(at: Self.now).check()
        let bad = checks.filter { !$0.ok && $0.detail.contains("approval decision span") }
        #expect(bad.map(\.file) == ["history/\(damaged).plist"], "\(bad)")
        #expect(bad.first?.detail.contains("disagrees with its approval requests") == true && bad.first?.detail.contains("restore it from backup") == true)
        // The segment without a span is checked as before (only the manifest notices the rewrite).
        #expect(checks.contains { $0.file == "history/\(bare).plist" && $0.ok }, "\(checks.filter { $0.file.hasSuffix("\(bare).plist") })")
    }
}
