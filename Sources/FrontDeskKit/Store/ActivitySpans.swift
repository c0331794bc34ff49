import Foundation

/// When a month segment's notices were shown, its parcels were on the desk, or its approval
/// requests were decided (ApprovalDecisions.swift): the earliest and latest instant any of them was active, written into the segment (`noticesShown`,
/// `parcelsHandled`) every time it is encoded, from the records written beside it (as
/// `approvalDecisions` is). Notices are filed by the month they were posted in and parcels by the
/// month they arrived, so a list of those shown or handled in some days would otherwise read every
/// earlier month; with these, a segment none of whose records was active in the days is passed
/// over undecoded. Segments written before spans existed have none and are read.
struct ActivitySpan: Equatable, Sendable {
    var first: Date?, last: Date?

    /// The span of `notices`: from the earliest posting to the latest end of showing.
    init(notices: [Notice]) {
        for n in notices { widen(n.postedAt, n.shownUntil) }
    }

    /// The span of `parcels`: from the earliest booking to the latest collection or return.
    init(parcels: [Parcel]) {
        for p in parcels { widen(p.at, [p.at, p.collectedAt, p.returnedAt].compactMap { $0 }.max() ?? p.at) }
    }

    mutating func widen(_ from: Date, _ to: Date) {
        first = min(first ?? from, from)
        last = max(last ?? to, max(from, to))
    }

    /// True when some record may have been active in `[start, end)` (false for a segment without any).
    func overlaps(_ start: Date, _ end: Date) -> Bool {
        guard let first, let last else { return false }
        return first < end && last >= start
    }
}

extension ActivitySpan: PlistCodable {
    init(plist r: inout PlistReader, _ ref: Int) throws {
        var d = try r.record(ref, Self.self)
        while let e = try d.next(r) {
            switch e.key {
            case "first": first = try r.value(e)
            case "last": last = try r.value(e)
            default: break
            }
        }
        if (first == nil) != (last == nil) {
            throw PlistDecodeError("a span with one end", at: try? r.offset(of: ref), path: ["\(Self.self)"])
        }
    }

    func encode(plist w: inout PlistWriter) throws -> Int {
        let m = w.begin()
        try w.field("first", first)
        try w.field("last", last)
        return w.endDictionary(m)
    }
}

extension HistorySegment {
    /// A segment file's span of shown notices, without decoding any notice; nil when it has none
    /// (written before spans existed). Throws for malformed bytes.
    static func readNoticeSpan(_ bytes: Data) throws -> ActivitySpan? {
        try readTopLevel("noticesShown", bytes)
    }

    /// A segment file's span of parcels on the desk, without decoding any parcel; nil when it has
    /// none (written before spans existed). Throws for malformed bytes.
    static func readParcelSpan(_ bytes: Data) throws -> ActivitySpan? {
        try readTopLevel("parcelsHandled", bytes)
    }
}

extension Store {
    /// The notices (`.notices`) or parcels (`.parcels`) of every month segment up to `end`'s month
    /// whose activity span reaches into `[start, end)`, or that has no span (an older segment),
    /// oldest first so a later copy of a record replaces an earlier one; then the working set's.
    /// Only that one array of a segment read is decoded. The caller filters the records.
    func activeRecords(_ kind: RecordKinds, from start: Date, to end: Date) throws -> PaperTrailRecords {
        guard start < end else { return PaperTrailRecords() }
        var notices: [String: Notice] = [:], parcels: [String: Parcel] = [:]
        let last = Self.monthKey(end.addingTimeInterval(-1), env.calendar)
        do {
            Privilege.raise(); defer { Privilege.lower() }  // team store: as its account, only here
            for month in historyMonths where month <= last {
                let path = paths.segment(month)
                guard let bytes = try historyDir.read(StorePaths.segment(month)) else { continue }
                let seg: HistorySegment
                do {
                    let span = kind == .notices ? try HistorySegment.readNoticeSpan(bytes) : try HistorySegment.readParcelSpan(bytes)
                    if let span, !span.overlaps(start, end) { continue }
                    seg = try HistorySegment.read(bytes, only: kind, balances: false, window: nil)
                } catch { throw Self.damaged(path, error) }
                if let why = seg.rangeProblem() {
                    throw StoreError(file: path, problem: "damaged: \(why), beyond anything frontdesk writes",
                                     remedy: "Restore it from backup; frontdesk check names every damaged file.")
                }
                for n in seg.notices { notices[n.id] = n }
                for p in seg.parcels { parcels[p.id] = p }
            }
        }
        if kind == .notices { for n in state.notices.values { notices[n.id] = n } }
        if kind == .parcels { for p in state.parcels.values { parcels[p.id] = p } }
        return PaperTrailRecords(notices: Array(notices.values), parcels: Array(parcels.values))
    }
}

extension StoreInspection {
    /// Why a segment's notice or parcel span cannot be trusted (lists of the notices shown, or
    /// parcels handled, in some days skip the segment by it): unreadable, or not the span of its
    /// records. Nil when both agree or are absent (a segment written before spans: those lists read it).
    static func activitySpanProblem(_ seg: HistorySegment, _ bytes: Data) -> String? {
        let unreadable = "notice or parcel span"
        return storedSpanProblem("noticesShown", bytes, expected: ActivitySpan(notices: seg.notices), unreadable: unreadable,
                                 disagrees: "notice span disagrees with its notices (lists of notices shown in some days would miss some)")
            ?? storedSpanProblem("parcelsHandled", bytes, expected: ActivitySpan(parcels: seg.parcels), unreadable: unreadable,
                                 disagrees: "parcel span disagrees with its parcels (lists of parcels handled in some days would miss some)")
    }

    /// Why the span stored under `key` cannot be trusted: it cannot be read ("its `unreadable`
    /// cannot be read"), or it is not `expected`, the span of the records beside it ("its
    /// `disagrees`"). Nil when it agrees or is absent (a segment written before it existed).
    static func storedSpanProblem(_ key: StaticString, _ bytes: Data, expected: ActivitySpan, unreadable: String, disagrees: String) -> String? {
        let stored: ActivitySpan?
        do { stored = try HistorySegment.readTopLevel(key, bytes) } catch {
            return "damaged: its \(unreadable) cannot be read (\(error)); restore it from backup"
        }
        guard let stored, stored != expected else { return nil }
        return "damaged: its \(disagrees); restore it from backup"
    }
}
