import Foundation
import Testing
@testable import FrontDeskKit
import TestSupport

/// Guarantee 4: start-up reads the working set and the journal tail only; history segments are
/// read on demand, so opening costs the same with 4 months or a year of history.
@Suite struct StoreStartupTests {
    static let now = "2026-03-10 10:30"

    /// A demo office day plus `days` days of closed visits (`perDay` a day) imported as history.
    func storeWithHistory(days: Int, perDay: Int) throws -> TempStore {
        let tmp = try TempStore("history\(days)")
        let store = try tmp.create(at: Self.now)
        try store.commitBatch { s, ctx in DemoOffice.changes(now: ctx.now, calendar: ctx.env.calendar, operator: ctx.actor, in: s) }
        let cal = store.env.calendar
        let today = cal.startOfDay(for: store.env.now())
        var out = HistoryGenerator.Output()
        var n = 100_000
        for d in 10..<(10 + days) {
            let day = cal.date(byAdding: .day, value: -d, to: today)!
            for k in 0..<perDay {
                n += 1
                let at = day.addingTimeInterval(Double(9 * 3600 + k * 600))
                var v = Visitor(id: "V\(n)", name: "历史访客 \(n)", company: "Acme", purpose: "audit", host: "lina",
                                expectedAt: at, status: .closed, receivedAt: at.addingTimeInterval(-86_400))
                v.checkedInAt = at; v.leftAt = at.addingTimeInterval(3600); v.badges = ["B001"]
                out.visitors.append(v)
            }
        }
        try store.importHistory(out)
        return tmp
    }

    @Test func openingDoesNotGrowWithHistoryAndNeverReadsSegments() throws {
        let small = try storeWithHistory(days: 120, perDay: 12)
        let large = try storeWithHistory(days: 360, perDay: 12)

        let s = try small.open(at: Self.now)
        let l = try large.open(at: Self.now)
        #expect(s.historyMonths.count >= 4)
        #expect(l.historyMonths.count >= 12)
        let historyBytes = { (t: TempStore) -> Int in
            t.files().filter { $0.hasPrefix("history/") && $0.hasSuffix(".plist") }
                .compactMap { try? FileManager.default.attributesOfItem(atPath: t.file($0))[.size] as? Int }.reduce(0, +)
        }
        #expect(historyBytes(large) > 2 * historyBytes(small))  // three times the history on disk…
        // …and the same start-up reads: working set and journal tail are the same size.
        #expect(s.state.recordCount == l.state.recordCount)
        let ratio = Double(l.loadStats.snapshotBytes) / Double(s.loadStats.snapshotBytes)
        #expect(ratio < 1.05, "snapshot \(s.loadStats.snapshotBytes) vs \(l.loadStats.snapshotBytes) bytes")
        #expect(l.loadStats.journalBytes <= s.loadStats.journalBytes + 64)
        #expect(l.loadStats.snapshotBytes < historyBytes(large) / 4)

        // Destroy every history segment: opening still works and shows today.
        let segments = large.files().filter { $0.hasPrefix("history/") && $0.hasSuffix(".plist") }
        #expect(!segments.isEmpty)
        for f in segments { try Data("garbage, not a plist".utf8).write(to: URL(fileURLWithPath: large.file(f))) }
        let reopened = try large.open(at: Self.now)
        #expect(reopened.state == l.state)
        let today = Agenda(state: reopened.state, day: reopened.env.now(), now: reopened.env.now(),
                           settings: reopened.meta.settings, calendar: reopened.env.calendar)
        #expect(today.rows.count >= 20)
        // A write is refused: the manifest shows history files changed size (records would be lost unseen).
        #expect(throws: StoreError.self) { try storeTestAddVisitor(reopened, "今天的访客") }

        // Only a history view reads a segment, and a damaged one is named.
        let month = try #require(reopened.historyMonths.first)
        do {
            _ = try reopened.history(month: month)
            Issue.record("a garbage segment decoded")
        } catch let e as StoreError {
            #expect(e.file.hasSuffix("history/\(month).plist"))
        }
        #expect(reopened.check().contains { !$0.ok && $0.file == "history/\(month).plist" })
    }

    @Test func historyIsReadableOnDemandAndHoldsWhatWasImported() throws {
        let tmp = try storeWithHistory(days: 40, perDay: 5)
        let store = try tmp.open(at: Self.now)
        var total = 0
        for m in store.historyMonths { total += try #require(try store.history(month: m)).visitors.count }
        #expect(total == 200)
        #expect(store.state.visitors.keys.allSatisfy { !$0.hasPrefix("V1") || $0.count < 7 })
    }
}
