import Foundation

/// The records of a period, wherever they live: the month segments the period touches and the
/// working set (which wins for a record in both: it is the newer copy).
public struct PeriodRecords: Sendable {
    public var meetings: [Meeting] = []
    public var visitors: [Visitor] = []
    public var moves: [StockMove] = []
    public var approvals: [ApprovalRequest] = []
}

extension Store {
    /// Which records a reader needs, so a report reads only those arrays.
    public struct RecordKinds: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        public static let meetings = RecordKinds(rawValue: 1)
        public static let visitors = RecordKinds(rawValue: 2)
        public static let moves = RecordKinds(rawValue: 4)
        public static let approvals = RecordKinds(rawValue: 8)
    }

    /// Records of `kinds` filed in `[start, end)` — meetings by start, visitors by expected time,
    /// moves by time, approvals by creation — from the segments of the months the range touches
    /// and from the working set. Segments are read one at a time and dropped; of each, only the
    /// arrays of `kinds` are decoded, and only the records in the range are built.
    public func records(_ kinds: RecordKinds, from start: Date, to end: Date) throws -> PeriodRecords {
        var meetings: [String: Meeting] = [:], visitors: [String: Visitor] = [:]
        var moves: [String: StockMove] = [:], approvals: [String: ApprovalRequest] = [:]
        func inRange(_ d: Date) -> Bool { d >= start && d < end }
        // Oldest first, so a later copy of a record replaces an earlier one.
        try eachSegment(kinds, from: start, to: end, newestFirst: false) { seg in
            for m in seg.meetings { meetings[m.id] = m }
            for v in seg.visitors { visitors[v.id] = v }
            for m in seg.moves { moves[m.id] = m }
            for a in seg.approvals { approvals[a.id] = a }
        }
        if kinds.contains(.meetings) { for m in state.meetings.values where inRange(m.start) { meetings[m.id] = m } }
        if kinds.contains(.visitors) { for v in state.visitors.values where inRange(v.expectedAt) { visitors[v.id] = v } }
        if kinds.contains(.moves) { for m in state.moves.values where inRange(m.at) { moves[m.id] = m } }
        if kinds.contains(.approvals) { for a in state.approvals.values where inRange(a.createdAt) { approvals[a.id] = a } }
        return PeriodRecords(meetings: Array(meetings.values), visitors: Array(visitors.values),
                             moves: Array(moves.values), approvals: Array(approvals.values))
    }

    /// Calls `body` with the segment of each month `[start, end)` touches, holding only the
    /// records of `kinds` filed in the range (and the stock balances with `balances`). One segment
    /// is held at a time: a reader over years keeps its tallies, not the years.
    func eachSegment(_ kinds: RecordKinds, from start: Date, to end: Date, balances: Bool = false, newestFirst: Bool,
                     _ body: (HistorySegment) throws -> Void) throws {
        guard start < end else { return }
        Privilege.raise(); defer { Privilege.lower() }  // team store: as its account, only here
        let cal = env.calendar
        let first = Self.monthKey(start, cal), last = Self.monthKey(end.addingTimeInterval(-1), cal)
        let months = historyMonths.filter { $0 >= first && $0 <= last }
        for month in newestFirst ? months.reversed() : months {
            guard let seg = try readSegment(month, kinds, balances: balances, window: start..<end) else { continue }
            try body(seg)
        }
    }

    /// Calls `body` with the records of one kind filed in `[start, end)`, a month at a time, oldest
    /// month first, each month's in (date, id) order — so the calls together are every record of
    /// the range in time order, as `records` would hold them sorted. A month's batch is its
    /// segment's records (only `kind` decoded, only those in the range) with the working set's
    /// copy winning, plus the working set's records of that month; a record is passed once even
    /// if two segments held it. One segment is held at a time.
    func eachMonthInOrder<T, W: Sequence<T>>(_ kind: RecordKinds, from start: Date, to end: Date, working: W,
                                            id: KeyPath<T, String>, date: KeyPath<T, Date>, of pick: KeyPath<HistorySegment, [T]>,
                                            _ body: ([T]) throws -> Void) throws {
        guard start < end else { return }
        let cal = env.calendar
        var workingByMonth: [String: [T]] = [:]
        var workingIDs = Set<String>()
        for r in working where r[keyPath: date] >= start && r[keyPath: date] < end {
            workingByMonth[Self.monthKey(r[keyPath: date], cal), default: []].append(r)
            workingIDs.insert(r[keyPath: id])
        }
        let first = Self.monthKey(start, cal), last = Self.monthKey(end.addingTimeInterval(-1), cal)
        let segmentMonths = historyMonths.filter { $0 >= first && $0 <= last }
        var seen = Set<String>()
        Privilege.raise(); defer { Privilege.lower() }  // team store: as its account, only here
        for month in Set(segmentMonths).union(workingByMonth.keys).sorted() {
            var batch = workingByMonth.removeValue(forKey: month) ?? []
            if segmentMonths.contains(month), let seg = try readSegment(month, kind, balances: false, window: start..<end) {
                for r in seg[keyPath: pick] where !workingIDs.contains(r[keyPath: id]) && seen.insert(r[keyPath: id]).inserted { batch.append(r) }
            }
            batch.sort { ($0[keyPath: date], $0[keyPath: id]) < ($1[keyPath: date], $1[keyPath: id]) }
            try body(batch)
        }
    }

    /// Calls `body` with the bytes of each month segment `[start, end)` touches, newest first;
    /// an error reading or decoding one names its file. One segment is held at a time.
    func eachSegmentFile(from start: Date, to end: Date, _ body: (String, Data) throws -> Void) throws {
        guard start < end else { return }
        Privilege.raise(); defer { Privilege.lower() }  // team store: as its account, only here
        let cal = env.calendar
        let first = Self.monthKey(start, cal), last = Self.monthKey(end.addingTimeInterval(-1), cal)
        for month in historyMonths.reversed() where month >= first && month <= last {
            guard let bytes = try historyDir.read(StorePaths.segment(month)) else { continue }
            do { try body(month, bytes) } catch let e as PlistDecodeError { throw Self.damaged(paths.segment(month), e) }
        }
    }

    /// The visitors a report has counted, by id, so each is counted once: the working set's copy
    /// first, then the newest segment's.
    struct VisitorsCounted {
        var numbers = Set<UInt32>(), others = Set<String>()

        /// Records `id`; false when it was counted already.
        mutating func insert(_ id: String) -> Bool {
            if let n = VisitorSummary.number(id) { return numbers.insert(n).inserted }
            return others.insert(id).inserted
        }

        /// Records every id of a summary; false (and nothing recorded) when one was counted already.
        mutating func insert(_ ids: [UInt32]) -> Bool {
            guard !ids.contains(where: { numbers.contains($0) }) else { return false }
            numbers.formUnion(ids)
            return true
        }
    }

    /// A report over `period`, read from the store: the records it needs and nothing else.
    public func report(_ kind: ReportKind, period: ReportPeriod) throws -> Report {
        let now = env.now()
        switch kind {
        case .supplies:
            // The 12-month trend reaches back before the period; nothing after it is read.
            let trendStart = Report.trailingMonths(endingBefore: period.end, calendar: env.calendar).first?.start ?? period.start
            // Streamed month by month in time order (a price is the last receipt's before a move).
            var tally = Report.SuppliesTally(items: state.items, opening: try stock(at: period.start), period: period, calendar: env.calendar)
            try eachMonthInOrder(.moves, from: min(trendStart, period.start), to: period.end, working: state.moves.values,
                                 id: \.id, date: \.at, of: \.moves) { for m in $0 { tally.add(m) } }
            return tally.report()
        case .meetings:
            var tally = Report.MeetingTally(rooms: state.rooms, people: state.people, settings: meta.settings, period: period, now: now, calendar: env.calendar)
            try eachMonthInOrder(.meetings, from: period.start, to: period.end, working: state.meetings.values,
                                 id: \.id, date: \.start, of: \.meetings) { for m in $0 { tally.add(m) } }
            return tally.report()
        case .visitors:
            // Streamed: over years, the tallies are held, not the visitors. The working set's copy
            // of a record wins, then the newest segment's (as `records` does).
            var tally = Report.VisitorTally(people: state.people, badges: state.badges, period: period)
            var seen = VisitorsCounted()
            for v in state.visitors.values where period.contains(v.expectedAt) {
                _ = seen.insert(v.id)
                tally.add(v)
            }
            try eachSegmentFile(from: period.start, to: period.end) { month, bytes in
                // A month wholly in the period whose visitors are counted nowhere else is read
                // from its summary; otherwise (no summary, a month cut by the period, a visitor
                // also in the working set) its visitors are read.
                if let s = try HistorySegment.readVisitorSummary(bytes), let first = s.first, let last = s.last,
                   period.contains(first), period.contains(last), seen.insert(s.ids) {
                    tally.add(s)
                    return
                }
                let visitors: [Report.VisitorFacts] = try HistorySegment.readRecords(bytes, "visitors", dateKey: "expectedAt", window: period.start..<period.end)
                for v in visitors where seen.insert(v.id) { tally.add(v) }
            }
            return tally.report()
        case .approvals:
            return Report.approvals(try records(.approvals, from: period.start, to: period.end).approvals, settings: meta.settings, period: period, now: now)
        case .documents, .loans, .parcels:
            return try paperTrailReport(kind, period: period)
        }
    }
}

extension Store {
    /// Stock on hand per SKU at `date`: the opening balance of that month's segment plus the
    /// month's moves before `date` (one segment read), or, for a segment written before balances
    /// existed, on hand now counted back over every move since `date`.
    public func stock(at date: Date) throws -> [String: Int] {
        Privilege.raise(); defer { Privilege.lower() }  // team store: as its account, only here
        let cal = env.calendar
        guard let monthStart = cal.dateInterval(of: .month, for: date)?.start,
              let seg = try readSegment(Self.monthKey(date, cal), .moves, window: monthStart..<max(monthStart, date)),
              var level = seg.openingStock else {
            var level = state.onHand
            for m in try moves(since: date) { level[m.sku, default: 0] -= m.quantity }
            return level
        }
        var before: [String: StockMove] = [:]
        for m in seg.moves where m.at >= monthStart && m.at < date { before[m.id] = m }
        for m in state.moves.values where m.at >= monthStart && m.at < date { before[m.id] = m }
        for m in before.values { level[m.sku, default: 0] += m.quantity }
        return level
    }

    /// An approval request by id: from the working set, else from the month segments, newest
    /// first (requests decided before today are history). Nil when none has that id; an id past
    /// the last one issued is answered without reading history.
    public func approval(id: String) throws -> ApprovalRequest? {
        if let a = state.approvals[id] { return a }
        return try findInHistory(id, .approval) { $0.approvals.first { $0.id == id } }
    }

    /// A stock move by id: from the working set, else from the month segments, newest first
    /// (compaction moves every move to history). Nil when none has that id.
    public func stockMove(id: String) throws -> StockMove? {
        if let m = state.moves[id] { return m }
        return try findInHistory(id, .move) { $0.moves.first { $0.id == id } }
    }

    /// Reads segments newest first until `pick` finds the record; none for an id never issued.
    func findInHistory<T>(_ id: String, _ kind: RecordKind, _ pick: (HistorySegment) -> T?) throws -> T? {
        guard id.hasPrefix(kind.idPrefix), let n = Int(id.dropFirst(kind.idPrefix.count)),
              n > 0, n <= state.counters[kind.rawValue, default: 0] else { return nil }
        Privilege.raise(); defer { Privilege.lower() }  // team store: as its account, only here
        let kinds: RecordKinds = switch kind {
        case .meeting: .meetings
        case .visitor: .visitors
        case .move: .moves
        case .approval: .approvals
        default: [.meetings, .visitors, .moves, .approvals]
        }
        for month in historyMonths.reversed() {
            if let seg = try readSegment(month, kinds, balances: false), let found = pick(seg) { return found }
        }
        return nil
    }

    /// A meeting by id, wherever it lives: the working set, else the month segments newest first.
    public func meeting(id: String) throws -> Meeting? {
        if let m = state.meetings[id] { return m }
        return try findInHistory(id, .meeting) { $0.meetings.first { $0.id == id } }
    }

    /// A visitor by id, wherever it lives (closed visits move to history).
    public func visitor(id: String) throws -> Visitor? {
        if let v = state.visitors[id] { return v }
        return try findInHistory(id, .visitor) { $0.visitors.first { $0.id == id } }
    }

    /// The working set with the meetings and visitors of the office day of `day` added from
    /// history: what a list for a past day reads (the day's queries are unchanged). Today and
    /// later read the working set alone.
    /// `kinds` narrows what is read from history to what the caller shows (a visitor list needs no meetings).
    public func state(forDay day: Date, kinds: RecordKinds = [.meetings, .visitors]) throws -> OfficeState {
        let cal = env.calendar
        let start = cal.startOfDay(for: day)
        guard start < cal.startOfDay(for: env.now()), let end = cal.date(byAdding: .day, value: 1, to: start) else { return state }
        let past = try records(kinds.intersection([.meetings, .visitors]), from: start, to: end)
        var s = state
        for m in past.meetings where s.meetings[m.id] == nil { s.meetings[m.id] = m }
        for v in past.visitors where s.visitors[v.id] == nil { s.visitors[v.id] = v }
        return s
    }
}
