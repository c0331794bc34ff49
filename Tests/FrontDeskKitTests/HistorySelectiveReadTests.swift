import Foundation
import Testing
@testable import FrontDeskKit
import TestSupport

/// Reading part of a month segment: one kind of record (the other arrays are not decoded), only
/// the records filed in a window, and reports streamed segment by segment. Each read is compared
/// with the full decode of the same generated files; malformed segments are still refused.
@Suite(.serialized) struct HistorySelectiveReadTests {
    static let now = "2026-03-10 10:30"
    static let all: Store.RecordKinds = [.meetings, .visitors, .moves, .approvals]

    /// A demo office with the last 130 days of a generated year imported as history (a few
    /// segments with every kind of record and stock balances), made once for the suite.
    nonisolated(unsafe) static let made: (tmp: TempStore, store: Store)? = {
        guard let tmp = try? TempStore("selective"), let store = try? tmp.create(at: now) else { return nil }
        _ = try? store.commitBatch { s, ctx in DemoOffice.changes(now: ctx.now, calendar: ctx.env.calendar, operator: ctx.actor, in: s) }
        let cal = store.env.calendar
        let today = cal.startOfDay(for: store.env.now())
        let since = today.addingTimeInterval(-130 * 86_400)
        let year = HistoryGenerator(years: 1, seed: 11).generate(before: today, calendar: cal, state: store.state)
        var h = HistoryGenerator.Output()
        h.meetings = year.meetings.filter { $0.start >= since }
        h.visitors = year.visitors.filter { $0.expectedAt >= since }
        h.moves = year.moves.filter { $0.at >= since }
        h.approvals = year.approvals.filter { $0.createdAt >= since }
        guard (try? store.importHistory(h)) != nil, let reopened = try? tmp.open(at: now) else { return nil }
        return (tmp, reopened)
    }()

    func store() throws -> Store { try #require(Self.made?.store) }

    func segmentBytes(_ store: Store, _ month: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: try #require(Self.made?.tmp).file("history/\(month).plist")))
    }

    /// The full segment with only `kinds` kept (and the balances when `balances`), as a selective read should return it.
    func only(_ full: HistorySegment, _ kinds: Store.RecordKinds, balances: Bool) -> HistorySegment {
        var s = full
        if !kinds.contains(.meetings) { s.meetings = [] }
        if !kinds.contains(.visitors) { s.visitors = [] }
        if !kinds.contains(.moves) { s.moves = [] }
        if !kinds.contains(.approvals) { s.approvals = [] }
        if !balances { s.openingStock = nil; s.closingStock = nil }
        return s
    }

    @Test func eachKindAloneIsWhatTheFullDecodeHolds() throws {
        let store = try store()
        try #require(store.historyMonths.count >= 4)
        var seen: Store.RecordKinds = []
        for month in store.historyMonths {
            let bytes = try segmentBytes(store, month)
            let full = try BinaryPlistDecoder().decode(HistorySegment.self, from: bytes)
            if !full.meetings.isEmpty { seen.insert(.meetings) }
            if !full.visitors.isEmpty { seen.insert(.visitors) }
            if !full.moves.isEmpty { seen.insert(.moves) }
            if !full.approvals.isEmpty { seen.insert(.approvals) }
            #expect(try HistorySegment.read(bytes, only: Self.all, balances: true, window: nil) == full)
            for kinds: Store.RecordKinds in [.meetings, .visitors, .moves, .approvals, [.meetings, .visitors]] {
                for balances in [false, true] {
                    #expect(try HistorySegment.read(bytes, only: kinds, balances: balances, window: nil) == only(full, kinds, balances: balances),
                            "\(month) \(kinds.rawValue) \(balances)")
                }
            }
        }
        #expect(seen == Self.all, "the generated history has every kind of record")
    }

    @Test func aWindowKeepsExactlyTheRecordsFiledInIt() throws {
        let store = try store()
        let cal = store.env.calendar
        for month in store.historyMonths {
            let bytes = try segmentBytes(store, month)
            let full = try BinaryPlistDecoder().decode(HistorySegment.self, from: bytes)
            guard let first = full.visitors.first?.expectedAt else { continue }
            // A day, a week from the middle, and a window that holds nothing.
            let day = cal.startOfDay(for: first)
            let windows = [day..<day.addingTimeInterval(86_400), day.addingTimeInterval(10 * 86_400)..<day.addingTimeInterval(17 * 86_400),
                           Date.distantPast..<Date.distantPast.addingTimeInterval(1)]
            for w in windows {
                var expected = full
                expected.meetings = full.meetings.filter { w.contains($0.start) }
                expected.visitors = full.visitors.filter { w.contains($0.expectedAt) }
                expected.moves = full.moves.filter { w.contains($0.at) }
                expected.approvals = full.approvals.filter { w.contains($0.createdAt) }
                #expect(try HistorySegment.read(bytes, only: Self.all, balances: true, window: w) == expected, "\(month) \(w)")
            }
        }
    }

    @Test func periodRecordsMatchTheSegmentsReadWhole() throws {
        let store = try store()
        let cal = store.env.calendar
        let start = TempStore.date("2025-12-03 00:00"), end = TempStore.date("2026-03-10 00:00")
        let got = try store.records(Self.all, from: start, to: end)
        var meetings: [String: Meeting] = [:], visitors: [String: Visitor] = [:], moves: [String: StockMove] = [:], approvals: [String: ApprovalRequest] = [:]
        for month in store.historyMonths where month >= Store.monthKey(start, cal) {
            let seg = try BinaryPlistDecoder().decode(HistorySegment.self, from: try segmentBytes(store, month))
            for m in seg.meetings where m.start >= start && m.start < end { meetings[m.id] = m }
            for v in seg.visitors where v.expectedAt >= start && v.expectedAt < end { visitors[v.id] = v }
            for m in seg.moves where m.at >= start && m.at < end { moves[m.id] = m }
            for a in seg.approvals where a.createdAt >= start && a.createdAt < end { approvals[a.id] = a }
        }
        for m in store.state.meetings.values where m.start >= start && m.start < end { meetings[m.id] = m }
        for v in store.state.visitors.values where v.expectedAt >= start && v.expectedAt < end { visitors[v.id] = v }
        for m in store.state.moves.values where m.at >= start && m.at < end { moves[m.id] = m }
        for a in store.state.approvals.values where a.createdAt >= start && a.createdAt < end { approvals[a.id] = a }
        #expect(!visitors.isEmpty && !meetings.isEmpty && !moves.isEmpty && !approvals.isEmpty)
        #expect(Dictionary(uniqueKeysWithValues: got.meetings.map { ($0.id, $0) }) == meetings)
        #expect(Dictionary(uniqueKeysWithValues: got.visitors.map { ($0.id, $0) }) == visitors)
        #expect(Dictionary(uniqueKeysWithValues: got.moves.map { ($0.id, $0) }) == moves)
        #expect(Dictionary(uniqueKeysWithValues: got.approvals.map { ($0.id, $0) }) == approvals)
        #expect(got.meetings.count == meetings.count && got.visitors.count == visitors.count)
    }

    /// The visitors report streamed segment by segment equals the report of every record read at once.
    @Test func theStreamedVisitorsReportEqualsTheReportOfAllRecords() throws {
        let store = try store()
        let cal = store.env.calendar
        let period = ReportPeriod.days(TempStore.date("2025-11-01 00:00"), through: TempStore.date("2026-03-10 00:00"), calendar: cal)
        let streamed = try store.report(.visitors, period: period)
        let records = try store.records(.visitors, from: period.start, to: period.end).visitors
        let whole = Report.visitors(records, people: store.state.people, badges: store.state.badges, period: period, calendar: cal)
        #expect(streamed.sections.map(\.id) == whole.sections.map(\.id))
        for (a, b) in zip(streamed.sections, whole.sections) {
            #expect(a.rows.map { $0.map(\.text) } == b.rows.map { $0.map(\.text) }, "\(a.id)")
        }
        let expected = try #require(streamed.section("visitors.summary")?.rows.first?.first)
        #expect(expected == .count(records.count))
        #expect(records.count > 1000)
    }

    /// The meetings and supplies reports streamed month by month equal the reports of every
    /// record read at once (history and the working set), to the bit.
    @Test func theStreamedMeetingsAndSuppliesReportsEqualTheReportsOfAllRecords() throws {
        let store = try store()
        let cal = store.env.calendar
        let now = store.env.now()
        for period in [ReportPeriod.days(TempStore.date("2025-11-01 00:00"), through: TempStore.date("2026-03-10 00:00"), calendar: cal),
                       ReportPeriod.month(TempStore.date("2026-01-01 00:00"), calendar: cal),
                       ReportPeriod.days(TempStore.date("2026-01-17 00:00"), through: TempStore.date("2026-02-03 00:00"), calendar: cal)] {
            let meetings = try store.records(.meetings, from: period.start, to: period.end).meetings
            #expect(meetings.count > 50)
            let wholeMeetings = Report.meetings(meetings, rooms: store.state.rooms, people: store.state.people, settings: store.meta.settings,
                                                period: period, now: now, calendar: cal)
            #expect(try store.report(.meetings, period: period) == wholeMeetings)
            let trendStart = Report.trailingMonths(endingBefore: period.end, calendar: cal).first?.start ?? period.start
            let moves = try store.records(.moves, from: min(trendStart, period.start), to: period.end).moves
            #expect(moves.count > 50)
            let wholeSupplies = Report.supplies(moves: moves, items: store.state.items, opening: try store.stock(at: period.start),
                                                period: period, calendar: cal)
            #expect(try store.report(.supplies, period: period) == wholeSupplies)
        }
    }

    // MARK: malformed segments, read in part

    /// A segment as Foundation writes it, with `change` applied to its top-level dictionary.
    func segment(_ change: (inout [String: Any]) -> Void) throws -> Data {
        let at = Date(timeIntervalSinceReferenceDate: 800_000_000)
        let visitor: [String: Any] = ["id": "V1", "name": "王芳", "host": "lina", "expectedAt": at, "headCount": 1, "status": "closed",
                                      "receivedAt": at, "badges": [String](), "badgesOut": [String]()]
        var top: [String: Any] = ["schemaVersion": 3, "month": "2026-01", "meetings": [Any](), "visitors": [visitor],
                                  "moves": [Any](), "approvals": [Any]()]
        change(&top)
        return try PropertyListSerialization.data(fromPropertyList: top, format: .binary, options: 0)
    }

    @Test func aSkippedPartMustStillBeAnArrayAndEveryRequiredKeyThere() throws {
        let good = try segment { _ in }
        #expect(try HistorySegment.read(good, only: .visitors, balances: false, window: nil).visitors.map(\.id) == ["V1"])
        let notArray = try segment { $0["moves"] = "none" }
        let e1 = #expect(throws: PlistDecodeError.self) { try HistorySegment.read(notArray, only: .visitors, balances: false, window: nil) }
        #expect(e1?.description.contains(".moves") == true, "\(String(describing: e1))")
        let missing = try segment { $0["approvals"] = nil }
        let e2 = #expect(throws: PlistDecodeError.self) { try HistorySegment.read(missing, only: .visitors, balances: false, window: nil) }
        #expect(e2?.description.contains("approvals") == true, "\(String(describing: e2))")
    }

    @Test func aRecordsDateOfTheWrongTypeIsRefusedWhenWindowed() throws {
        let bad = try segment { top in
            var v = (top["visitors"] as? [[String: Any]])?.first ?? [:]
            v["expectedAt"] = "yesterday"
            top["visitors"] = [v]
        }
        let w = Date.distantPast..<Date.distantFuture
        let e = #expect(throws: PlistDecodeError.self) { try HistorySegment.read(bad, only: .visitors, balances: false, window: w) }
        #expect(e?.description.contains(".visitors[0].expectedAt") == true, "\(String(describing: e))")
        // Not a dictionary where a record should be.
        let notRecord = try segment { $0["visitors"] = [42] }
        #expect(throws: PlistDecodeError.self) { try HistorySegment.read(notRecord, only: .visitors, balances: false, window: w) }
    }

    @Test func theReportsReadOfAVisitorRefusesWhatAVisitorRefuses() throws {
        let good = try segment { _ in }
        let facts: [Report.VisitorFacts] = try HistorySegment.readRecords(good, "visitors", dateKey: "expectedAt", window: nil)
        #expect(facts.map(\.id) == ["V1"] && facts.first?.host == "lina" && facts.first?.status == .closed)
        for key in ["name", "badges", "receivedAt"] {
            let bad = try segment { top in
                var v = (top["visitors"] as? [[String: Any]])?.first ?? [:]
                v[key] = nil
                top["visitors"] = [v]
            }
            #expect(throws: (any Error).self, "\(key)") { try BinaryPlistDecoder().decode(HistorySegment.self, from: bad) }
            let e = #expect(throws: PlistDecodeError.self, "\(key)") {
                let _: [Report.VisitorFacts] = try HistorySegment.readRecords(bad, "visitors", dateKey: "expectedAt", window: nil)
            }
            #expect(e?.description.contains(key) == true, "\(String(describing: e))")
        }
        let noMoves = try segment { $0["moves"] = nil }
        #expect(throws: PlistDecodeError.self) {
            let _: [Report.VisitorFacts] = try HistorySegment.readRecords(noMoves, "visitors", dateKey: "expectedAt", window: nil)
        }
    }

    @Test func truncatedAndFlippedSegmentsThrowWhenReadInPart() throws {
        let store = try store()
        let month = try #require(store.historyMonths.last)
        let bytes = try segmentBytes(store, month).prefix(40_000)  // a part is enough to cut at every length
        let w = TempStore.date("2026-02-01 00:00")..<TempStore.date("2026-02-08 00:00")
        for n in stride(from: 0, to: bytes.count, by: 7) {
            #expect(throws: (any Error).self) { try HistorySegment.read(bytes.prefix(n), only: .visitors, balances: false, window: w) }
        }
        let whole = try segmentBytes(store, month)
        var rng = SampleRandom(seed: 12)
        for _ in 0..<400 {
            var d = whole
            for _ in 0..<Int.random(in: 1...4, using: &rng) { d[Int.random(in: 0..<d.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng) }
            _ = try? HistorySegment.read(d, only: .visitors, balances: false, window: w)
            _ = try? HistorySegment.read(d, only: [.moves], balances: true, window: nil)
            _ = try? HistorySegment.readRecords(d, "visitors", dateKey: "expectedAt", window: w) as [Report.VisitorFacts]
        }
    }
}
