import Foundation
import Testing
@testable import FrontDeskKit
import TestSupport

/// Notices shown, and parcels handled, in some days are found however long before the days they
/// were posted or booked: by each segment's activity span, and by reading every segment up to the
/// days' end when a segment has none (written before spans existed). `check` refuses a span that
/// disagrees with its records.
@Suite(.serialized) struct ActivitySpanTests {
    static let later = "2026-04-20 10:30"
    static let dayStart = TempStore.date("2026-02-10 00:00"), dayEnd = TempStore.date("2026-02-11 00:00")

    struct Office { var longNotice = "", shortNotice = "", slowParcel = "", quickParcel = "" }

    /// An office whose notice is shown from September 2025 (five months before 10 February 2026)
    /// to 1 March, and whose parcel, booked in on 10 October (four months before), is collected on
    /// 10 February; with a notice and a parcel over before February, then all compacted.
    func office(_ tmp: TempStore) throws -> Office {
        let store = try tmp.create(at: "2025-09-05 09:00")
        try store.commitBatch { s, ctx in DemoOffice.changes(now: ctx.now, calendar: ctx.env.calendar, operator: ctx.actor, in: s) }
        var o = Office()
        o.longNotice = try store.commit { s, ctx in
            s.noticePost(title: "Lift works", body: "", departments: [], until: TempStore.date("2026-03-01 00:00"), ctx)
        }.change.subject
        o.shortNotice = try store.commit { s, ctx in
            s.noticePost(title: "Fire drill", body: "", departments: [], until: TempStore.date("2025-09-20 00:00"), ctx)
        }.change.subject
        let october = try tmp.open(at: "2025-10-10 11:00")
        o.slowParcel = try october.commit { s, ctx in
            s.parcelIn(carrier: "SF", tracking: "SF900", person: "lina", department: nil, size: "L", shelf: "B1", ctx)
        }.change.subject
        o.quickParcel = try october.commit { s, ctx in
            s.parcelIn(carrier: "JD", tracking: "JD901", person: "lina", department: nil, size: "S", shelf: "B2", ctx)
        }.change.subject
        _ = try october.commit(.collectParcel(parcelID: o.quickParcel, collector: "李娜", at: october.env.now()))
        let february = try tmp.open(at: "2026-02-10 15:00")
        _ = try february.commit(.collectParcel(parcelID: o.slowParcel, collector: "李娜", at: february.env.now()))
        _ = try tmp.open(at: Self.later).compact()
        return o
    }

    /// Rewrites every segment (or only `month`) with the store's own plist writer after `change`.
    func rewriteSegments(_ tmp: TempStore, _ store: Store, only month: String? = nil, _ change: (String, inout [String: PlistValue]) -> Void) throws {
        for m in store.historyMonths where month.map({ $0 == m }) ?? true {
            let url = URL(fileURLWithPath: tmp.file("history/\(m).plist"))
            guard case .dict(var top) = try BinaryPlist.decode(try Data(contentsOf: url)) else { Issue.record("\(m) is not a dictionary"); continue }
            change(m, &top)
            try BinaryPlist.encode(.dict(top)).write(to: url)
        }
    }

    func expectFound(_ store: Store, _ o: Office, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let shown = try store.noticesShown(from: Self.dayStart, to: Self.dayEnd).notices.map(\.id)
        #expect(shown.contains(o.longNotice) && !shown.contains(o.shortNotice), "\(shown)", sourceLocation: sourceLocation)
        let handled = try store.parcelsHandled(from: Self.dayStart, to: Self.dayEnd).map(\.id)
        #expect(handled.contains(o.slowParcel) && !handled.contains(o.quickParcel), "\(handled)", sourceLocation: sourceLocation)
        // After the notice ended, it is not shown.
        let march = try store.noticesShown(from: TempStore.date("2026-03-02 00:00"), to: TempStore.date("2026-03-03 00:00")).notices.map(\.id)
        #expect(!march.contains(o.longNotice), sourceLocation: sourceLocation)
    }

    @Test func aLongShownNoticeAndALongWaitingParcelAreFound() throws {
        let tmp = try TempStore("spans-found")
        defer { tmp.remove() }
        let o = try office(tmp)
        let store = try tmp.open(at: Self.later)
        // Both live in history, filed months before the day.
        #expect(store.state.notices[o.longNotice] == nil && store.state.parcels[o.slowParcel] == nil)
        #expect(try store.history(month: "2025-09")?.notices.map(\.id).contains(o.longNotice) == true)
        #expect(try store.history(month: "2025-10")?.parcels.map(\.id).contains(o.slowParcel) == true)
        try expectFound(store, o)
        #expect(store.check().filter { !$0.ok }.isEmpty, "\(store.check().filter { !$0.ok })")
    }

    @Test func eachSegmentsSpansCoverItsRecords() throws {
        let tmp = try TempStore("spans-cover")
        defer { tmp.remove() }
        let o = try office(tmp)
        let store = try tmp.open(at: Self.later)
        let sept = try Data(contentsOf: URL(fileURLWithPath: tmp.file("history/2025-09.plist")))
        let notices = try #require(try HistorySegment.readNoticeSpan(sept))
        let septNotices = try #require(try store.history(month: "2025-09")).notices
        #expect(notices.first == septNotices.map(\.postedAt).min() && notices.last == septNotices.map(\.shownUntil).max())
        #expect(notices.last == TempStore.date("2026-03-01 00:00"), "the long notice ends the span")
        let oct = try Data(contentsOf: URL(fileURLWithPath: tmp.file("history/2025-10.plist")))
        let parcels = try #require(try HistorySegment.readParcelSpan(oct))
        #expect(parcels.first == TempStore.date("2025-10-10 11:00") && parcels.last == TempStore.date("2026-02-10 15:00"))
        #expect(try store.history(month: "2025-10")?.parcels.map(\.id).sorted() == [o.quickParcel, o.slowParcel].sorted())
        // A segment none of whose records was active in the days is passed over by its span.
        #expect(!parcels.overlaps(TempStore.date("2026-02-11 00:00"), TempStore.date("2026-02-12 00:00")))
        #expect(notices.overlaps(Self.dayStart, Self.dayEnd) && parcels.overlaps(Self.dayStart, Self.dayEnd))
    }

    @Test func segmentsWrittenBeforeSpansAreReadWhole() throws {
        let tmp = try TempStore("spans-old")
        defer { tmp.remove() }
        let o = try office(tmp)
        try rewriteSegments(tmp, try tmp.open(at: Self.later)) { m, top in
            #expect(top.removeValue(forKey: "noticesShown") != nil && top.removeValue(forKey: "parcelsHandled") != nil, "\(m)")
        }
        let old = try tmp.open(at: Self.later)
        try expectFound(old, o)
        #expect(old.check().filter { !$0.ok && $0.detail.contains("span") }.isEmpty)
    }

    @Test func checkRefusesASpanThatDisagreesWithItsRecords() throws {
        let tmp = try TempStore("spans-check")
        defer { tmp.remove() }
        _ = try office(tmp)
        // A parcel span that ends before its parcel was collected: the day's list would miss it.
        try rewriteSegments(tmp, try tmp.open(at: Self.later), only: "2025-10") { _, top in
            guard case .dict(var span)? = top["parcelsHandled"] else { Issue.record("2025-10 has no parcel span"); return }
            span["last"] = .date(TempStore.date("2025-12-31 00:00"))
            top["parcelsHandled"] = .dict(span)
        }
        let bad = try tmp.open(at: Self.later).check().filter { !$0.ok && $0.detail.contains("span") }
        #expect(bad.map(\.file) == ["history/2025-10.plist"], "\(bad)")
        #expect(bad.first?.detail.contains("parcel span disagrees with its parcels") == true)
    }
}
