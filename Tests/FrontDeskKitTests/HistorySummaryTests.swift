import Foundation
import Testing
@testable import FrontDeskKit
import TestSupport

/// The visitor summary each month segment carries: it equals the sums of the segment's own
/// visitors (recomputed here another way), a report gives the same answer from summaries as from
/// the records (segments without one are read in full), and `check` refuses a summary that
/// disagrees with its records.
@Suite(.serialized) struct HistorySummaryTests {
    static let now = "2026-03-10 10:30"

    /// A demo office with the last 130 days of a generated year imported as history, in its own
    /// directory (tests here rewrite segment files).
    func makeStore(_ label: String) throws -> (TempStore, Store) {
        let tmp = try TempStore(label)
        let store = try tmp.create(at: Self.now)
        _ = try store.commitBatch { s, ctx in DemoOffice.changes(now: ctx.now, calendar: ctx.env.calendar, operator: ctx.actor, in: s) }
        let cal = store.env.calendar
        let today = cal.startOfDay(for: store.env.now())
        let since = today.addingTimeInterval(-130 * 86_400)
        let year = HistoryGenerator(years: 1, seed: 5).generate(before: today, calendar: cal, state: store.state)
        var h = HistoryGenerator.Output()
        h.visitors = year.visitors.filter { $0.expectedAt >= since }
        h.meetings = year.meetings.filter { $0.start >= since }
        try store.importHistory(h)
        return (tmp, try tmp.open(at: Self.now))
    }

    /// Rewrites segment `month` through Foundation with `change` applied to its top-level dictionary.
    func rewrite(_ tmp: TempStore, _ month: String, _ change: (inout [String: Any]) -> Void) throws {
        let path = tmp.file("history/\(month).plist")
        var top = try #require(try PropertyListSerialization.propertyList(from: Data(contentsOf: URL(fileURLWithPath: path)), format: nil) as? [String: Any])
        change(&top)
        try PropertyListSerialization.data(fromPropertyList: top, format: .binary, options: 0).write(to: URL(fileURLWithPath: path))
    }

    func rendered(_ r: Report) -> [[String]] { r.sections.flatMap { $0.rows.map { $0.map(\.text) } } }

    @Test func eachSegmentsSummaryIsTheSumOfItsVisitors() throws {
        let (tmp, store) = try makeStore("summary-sums")
        defer { tmp.remove() }
        var checked = 0
        for month in store.historyMonths {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: tmp.file("history/\(month).plist")))
            let seg = try BinaryPlistDecoder().decode(HistorySegment.self, from: bytes)
            guard !seg.visitors.isEmpty else { continue }
            let s = try #require(try HistorySegment.readVisitorSummary(bytes), "\(month) has no summary")
            let vs = seg.visitors
            #expect(s.expected == vs.count)
            #expect(s.noShows == vs.filter { $0.status == .noShow }.count)
            #expect(s.cancelled == vs.filter { $0.status == .cancelled }.count)
            let due = vs.filter { $0.status != .noShow && $0.status != .cancelled }
            #expect(s.came == due.filter { $0.arrivedAt != nil }.count)
            #expect(s.ids == vs.compactMap { Int($0.id.dropFirst()) }.sorted().map { UInt32($0) })
            #expect(s.first == vs.map(\.expectedAt).min() && s.last == vs.map(\.expectedAt).max())
            #expect(s.hosts == Set(due.map(\.host)).sorted())
            for (i, host) in s.hosts.enumerated() {
                let mine = due.filter { $0.host == host }
                #expect(s.visits[i] == mine.count)
                #expect(s.people[i] == mine.reduce(0) { $0 + $1.headCount })
                let waits = mine.compactMap { v in v.checkedInAt.flatMap { c in v.arrivedAt.flatMap { c >= $0 ? c.timeIntervalSince($0) / 60 : nil } } }
                #expect(s.waits[i] == waits.count)
                #expect(abs(s.waitSums[i] - waits.reduce(0, +)) < 1e-6)
                #expect(s.longestWaits[i] == (waits.max() ?? -1))
            }
            checked += 1
        }
        #expect(checked >= 4)
        let failed = store.check().filter { !$0.ok }
        #expect(failed.isEmpty, "\(failed)")
    }

    /// Whole months from their summaries, months cut by the period from their records, and the
    /// same store with every summary removed: one answer, equal to the report of every record.
    @Test func summariesAndRecordsGiveTheSameVisitorsReport() throws {
        let (tmp, store) = try makeStore("summary-same")
        defer { tmp.remove() }
        let cal = store.env.calendar
        let periods = [ReportPeriod.days(TempStore.date("2025-11-01 00:00"), through: TempStore.date("2026-03-10 00:00"), calendar: cal),
                       ReportPeriod.days(TempStore.date("2026-01-15 00:00"), through: TempStore.date("2026-02-20 00:00"), calendar: cal),
                       ReportPeriod.month(TempStore.date("2026-02-01 00:00"), calendar: cal)]
        var withSummaries: [Report] = []
        for p in periods {
            let streamed = try store.report(.visitors, period: p)
            let records = try store.records(.visitors, from: p.start, to: p.end).visitors
            #expect(records.count > 500)
            let whole = Report.visitors(records, people: store.state.people, badges: store.state.badges, period: p, calendar: cal)
            #expect(rendered(streamed) == rendered(whole))
            withSummaries.append(streamed)
        }
        for month in store.historyMonths { try rewrite(tmp, month) { $0["visitorSummary"] = nil } }
        let bare = try tmp.open(at: Self.now)
        for month in bare.historyMonths {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: tmp.file("history/\(month).plist")))
            let summary = try HistorySegment.readVisitorSummary(bytes)
            #expect(summary == nil)
        }
        for (p, r) in zip(periods, withSummaries) {
            let fromRecords = try bare.report(.visitors, period: p)
            #expect(rendered(fromRecords) == rendered(r))
        }
    }

    /// A summary that disagrees with its visitors is what a report would count (so it is read),
    /// and `check` names the segment.
    @Test func checkRefusesASummaryThatDisagreesWithItsVisitors() throws {
        let (tmp, store) = try makeStore("summary-check")
        defer { tmp.remove() }
        let cal = store.env.calendar
        let feb = ReportPeriod.month(TempStore.date("2026-02-01 00:00"), calendar: cal)
        let before = try #require(try store.report(.visitors, period: feb).section("visitors.summary")?.rows.first?.first)
        try rewrite(tmp, "2026-02") { top in
            var s = top["visitorSummary"] as? [String: Any] ?? [:]
            s["expected"] = (s["expected"] as? Int ?? 0) + 7
            top["visitorSummary"] = s
        }
        let reopened = try tmp.open(at: Self.now)
        let after = try #require(try reopened.report(.visitors, period: feb).section("visitors.summary")?.rows.first?.first)
        #expect(after.number == (before.number ?? 0) + 7)
        let bad = reopened.check().filter { !$0.ok && $0.file.hasSuffix("2026-02.plist") }
        #expect(bad.contains { $0.detail.contains("visitor summary disagrees") }, "\(bad)")
    }

    /// A visitor in the working set and in a segment is counted once, as the working set's copy:
    /// that month is read from its records, not its summary.
    @Test func aVisitorAlsoInTheWorkingSetIsCountedOnceAsItsWorkingCopy() throws {
        let (tmp, store) = try makeStore("summary-once")
        defer { tmp.remove() }
        let cal = store.env.calendar
        let feb = ReportPeriod.month(TempStore.date("2026-02-01 00:00"), calendar: cal)
        let seg = try #require(try store.history(month: "2026-02"))
        let before = try #require(try store.report(.visitors, period: feb).section("visitors.summary")?.rows.first)
        #expect(before[0] == .count(seg.visitors.count))
        // The same visitor, still expected (an open visit stays in the working set): it never arrived.
        var copy = try #require(seg.visitors.first { $0.status == .closed && $0.arrivedAt != nil })
        copy.status = .expected; copy.arrivedAt = nil; copy.checkedInAt = nil
        var h = HistoryGenerator.Output()
        h.visitors = [copy]
        try store.importHistory(h)
        let reopened = try tmp.open(at: Self.now)
        #expect(reopened.state.visitors[copy.id] != nil)
        let after = try #require(try reopened.report(.visitors, period: feb).section("visitors.summary")?.rows.first)
        #expect(after[0] == before[0])
        #expect(after[1].number == (before[1].number ?? 0) - 1)
    }
}
