import Foundation

/// What stays in the working set and what moves to the month segments. Every stock move goes
/// (its issues leave daily totals behind) and every approval decided before today; finished
/// meetings and visits stay `recentDoneDays`.
public struct RetentionPolicy: Sendable {
    /// Days of archived issues kept as daily totals per SKU (`OfficeState.archivedIssues`): enough
    /// for 30 days of use, the 8-week sparkline and the 3-month purchase plan.
    public var issueSummaryDays = 100
    /// Finished meetings and visits younger than this stay (yesterday's view, minutes follow-up).
    public var recentDoneDays = 1
    public init() {}
}

public struct CompactionReport: Sendable, Equatable {
    public var archived = 0
    public var kept = 0
    public var segmentsWritten: [String] = []
    public var generation = 0
    /// Visitors and journal records whose personal data passed the retention period.
    public var purgedVisitors = 0
    public var purgedRecords = 0
}

extension Store {
    /// Moves closed records into history segments and starts a new journal generation whose
    /// snapshot holds only the working set. Under the lock; readers follow the new generation.
    /// Crash-safe: segments are written first and merged by id, the snapshot rename is the
    /// commit point, and the old journal is archived (never deleted) for the audit trail.
    /// `progress` hears each month segment written (the long part on a big store).
    @discardableResult
    public func compact(policy: RetentionPolicy = RetentionPolicy(), progress: ProgressReport? = nil) throws -> CompactionReport {
        Privilege.raise(); defer { Privilege.lower() }  // team store: as its account, only here
        return try withWriteLock {
            let (working, closed) = Self.split(state, now: env.now(), calendar: env.calendar, policy: policy)
            var report = CompactionReport()
            try beginHistoryChange()
            for name in dir.names() + historyDir.names().map({ StorePaths.history + "/" + $0 }) where name.contains(".tmp.") {
                // Under the lock every temp file is a leftover of a crashed write.
                if name.hasPrefix(StorePaths.history + "/") { historyDir.remove(String(name.dropFirst(StorePaths.history.count + 1))) } else { dir.remove(name) }
            }
            report.segmentsWritten = try writeSegments(closed, onHand: working.onHand, kept: Array(working.moves.values), progress: progress)
            progress?(WorkProgress("writing the working set", done: 0, total: 1))
            report.archived = closed.values.reduce(0) { $0 + $1.count }
            var kept = working
            if let cutoff = env.calendar.date(byAdding: .day, value: -meta.settings.retentionDays, to: env.now()) {
                kept.returningVisitors = kept.returningVisitors.filter { $0.value.lastVisit >= cutoff }
            }
            try startGeneration(with: kept)
            let purge = try purgePersonalData(now: env.now())
            try finishHistoryChange()
            report.purgedVisitors = purge.visitors
            report.purgedRecords = purge.journalRecords
            report.kept = kept.recordCount
            report.generation = currentGeneration
            return report
        }
    }

    /// Merges `closed` into the month segment files (each an atomic replace) and returns the
    /// months written. Every segment from the first month that gains stock moves on gets its
    /// opening and closing stock, counted back from `onHand` over the moves in those segments and
    /// `kept` (moves staying in the working set): no older segment is read. Later segments that
    /// gain nothing are read and rewritten only when there are any (a clock set back).
    func writeSegments(_ closed: [String: HistorySegment], onHand: [String: Int], kept: [StockMove],
                       progress: ProgressReport? = nil) throws -> [String] {
        var merged: [String: HistorySegment] = [:]
        for (month, seg) in closed {
            var m = try readSegment(month) ?? HistorySegment(month: month)
            m.merge(seg)
            merged[month] = m
        }
        if let first = closed.filter({ !$0.value.moves.isEmpty }).keys.min() {
            for month in historyMonths where month > first && merged[month] == nil {
                merged[month] = try readSegment(month)
            }
            Self.balance(&merged, from: first, onHand: onHand, kept: kept, calendar: env.calendar)
        }
        let enc = BinaryPlistEncoder()
        progress?(WorkProgress("writing month segments", done: 0, total: merged.count))
        for (i, (month, seg)) in merged.sorted(by: { $0.key < $1.key }).enumerated() {
            try historyDir.replace(StorePaths.segment(month), with: try enc.encode(seg))
            progress?(WorkProgress("writing month segments", done: i + 1, total: merged.count))
        }
        var written = merged.keys.sorted()
        if let first = written.first(where: { merged[$0]?.openingStock != nil }), let opening = merged[first]?.openingStock,
           kept.allSatisfy({ Self.monthKey($0.at, env.calendar) >= first }) {
            written = try backfillBalances(before: first, opening: opening) + written
        }
        return written
    }

    /// Gives the segments before `first` that were written before balances existed their opening
    /// and closing stock, newest first, stopping at the first one that has them: with every move
    /// in a segment, a month closes where the next segment opens (`opening`). Once per old store;
    /// afterwards it reads one segment. Returns the months rewritten, oldest first.
    private func backfillBalances(before first: String, opening: [String: Int]) throws -> [String] {
        var next = opening
        var written: [String] = []
        let enc = BinaryPlistEncoder()
        for month in historyMonths.reversed() where month < first {
            guard var seg = try readSegment(month), seg.openingStock == nil else { break }
            seg.closingStock = next
            for m in seg.moves { next[m.sku, default: 0] &-= m.quantity }
            seg.openingStock = next
            try historyDir.replace(StorePaths.segment(month), with: try enc.encode(seg))
            written.insert(month, at: 0)
        }
        return written
    }

    /// Sets the opening and closing stock of every segment from month `first` on. On hand now,
    /// less the net of every move in a later month, is a month's closing; less its own moves too,
    /// its opening. `segments` must hold every segment from `first` on, and `kept` every move
    /// not in them.
    static func balance(_ segments: inout [String: HistorySegment], from first: String, onHand: [String: Int],
                        kept: [StockMove], calendar cal: Calendar) {
        var net: [String: [String: Int]] = [:]
        for (month, seg) in segments where month >= first {
            for m in seg.moves { net[month, default: [:]][m.sku, default: 0] &+= m.quantity }
        }
        for m in kept { net[monthKey(m.at, cal), default: [:]][m.sku, default: 0] &+= m.quantity }
        var running = onHand
        for month in Set(net.keys).union(segments.keys).filter({ $0 >= first }).sorted(by: >) {
            let closing = running
            for (sku, q) in net[month] ?? [:] { running[sku, default: 0] &-= q }
            if segments[month] != nil {
                segments[month]?.closingStock = closing
                segments[month]?.openingStock = running
            }
        }
    }

    /// Makes each month segment carry the hash of the one before it, rewriting those that do not.
    /// Months before `from` were not changed: they are hashed, not decoded (the daily purge).
    func linkSegments(from: String? = nil) throws {
        var prev: Data?
        for month in historyMonths {
            let name = StorePaths.segment(month)
            guard var bytes = try historyDir.read(name) else { continue }
            if let from, month < from { prev = HashChain.hash(bytes); continue }
            var seg: HistorySegment
            do { seg = try BinaryPlistDecoder().decode(HistorySegment.self, from: bytes) } catch { throw Self.damaged(paths.segment(month), error) }
            if seg.previous != prev {
                seg.previous = prev
                bytes = try BinaryPlistEncoder().encode(seg)
                try historyDir.replace(name, with: bytes)
            }
            prev = HashChain.hash(bytes)
        }
    }

    /// The month's segment, or nil when there is none. A reader passes what it needs: the
    /// `kinds` of records (the other arrays are not decoded and stay empty), whether the stock
    /// balances, and a `window` to keep only the records filed in it. Writers read it whole.
    func readSegment(_ month: String, _ kinds: RecordKinds = .everything,
                     balances: Bool = true, window: Range<Date>? = nil) throws -> HistorySegment? {
        let path = paths.segment(month)
        guard let bytes = try historyDir.read(StorePaths.segment(month)) else { return nil }
        let seg: HistorySegment
        do { seg = try HistorySegment.read(bytes, only: kinds, balances: balances, window: window) } catch { throw Self.damaged(path, error) }
        if let why = seg.rangeProblem() {
            throw StoreError(file: path, problem: "damaged: \(why), beyond anything frontdesk writes",
                             remedy: "Restore it from backup; frontdesk check names every damaged file.")
        }
        return seg
    }

    /// The closed records of one month (`YYYY-MM`), for reports and history views.
    public func history(month: String) throws -> HistorySegment? {
        Privilege.raise(); defer { Privilege.lower() }  // team store: as its account, only here
        return try readSegment(month)
    }

    /// Months that have a history segment, oldest first.
    public var historyMonths: [String] {
        Privilege.raise(); defer { Privilege.lower() }  // team store: as its account, only here
        return historyDir.names().filter { $0.hasSuffix(".plist") && !$0.contains(".tmp.") }.map { String($0.dropLast(6)) }
    }

    static func monthKey(_ d: Date, _ cal: Calendar) -> String {
        let c = cal.dateComponents([.year, .month], from: d)
        return Clock.zeroPadded(c.year ?? 0, 4) + "-" + Clock.zeroPadded(c.month ?? 0, 2)  // String(format:) builds a locale per call
    }

    /// Splits a state into what today's panes and rules need and closed records by month (see
    /// `RetentionPolicy`; the README's "Which records live in the snapshot").
    static func split(_ s: OfficeState, now: Date, calendar cal: Calendar, policy: RetentionPolicy)
        -> (OfficeState, [String: HistorySegment]) {
        var working = s
        var closed: [String: HistorySegment] = [:]
        let today = cal.startOfDay(for: now)
        func daysAgo(_ n: Int) -> Date { cal.date(byAdding: .day, value: -n, to: today) ?? today }
        // Mutate the month's segment in place: taking it out and putting it back would copy its
        // arrays on every record (quadratic on a big compaction).
        func put(_ month: String, _ f: (inout HistorySegment) -> Void) {
            f(&closed[month, default: HistorySegment(month: month)])
        }
        let doneCut = daysAgo(policy.recentDoneDays)
        for m in s.meetings.values where m.status.isFinal && m.end < doneCut {
            working.meetings[m.id] = nil
            put(monthKey(m.start, cal)) { $0.meetings.append(m) }
        }
        for v in s.visitors.values where [.closed, .cancelled, .noShow].contains(v.status) && v.expectedAt < doneCut {
            working.visitors[v.id] = nil
            put(monthKey(v.expectedAt, cal)) { $0.visitors.append(v) }
        }
        // Every move goes to history; issues of the last `issueSummaryDays` stay as daily totals.
        let summaryStart = daysAgo(policy.issueSummaryDays)
        working.moves = [:]
        for mv in s.moves.values {
            put(monthKey(mv.at, cal)) { $0.moves.append(mv) }
            if mv.kind == .issue && mv.at >= summaryStart {
                working.archivedIssues.add(sku: mv.sku, units: -mv.quantity, at: mv.at, calendar: cal)
            }
        }
        working.archivedIssues.drop(before: summaryStart, calendar: cal)
        for a in s.approvals.values where !ApprovalQueue.isShown(a, now: now, calendar: cal) {
            working.approvals[a.id] = nil
            put(monthKey(a.createdAt, cal)) { $0.approvals.append(a) }
        }
        splitPaperTrail(s, into: &working, &closed, doneBefore: doneCut, calendar: cal)
        for k in closed.keys {
            closed[k]?.meetings.sort { $0.start < $1.start }
            closed[k]?.visitors.sort { $0.expectedAt < $1.expectedAt }
            closed[k]?.moves.sort { $0.at < $1.at }
            closed[k]?.approvals.sort { $0.createdAt < $1.createdAt }
        }
        return (working, closed)
    }
}

extension Store {
    /// Every stock move from `date` until now: the working set's, plus history segments from that
    /// month on (read from disk: for reports, never for start-up).
    public func moves(since date: Date) throws -> [StockMove] {
        Privilege.raise(); defer { Privilege.lower() }  // team store: as its account, only here
        var byID: [String: StockMove] = [:]
        let first = Self.monthKey(date, env.calendar)
        for month in historyMonths where month >= first {
            for m in try readSegment(month, .moves, balances: false)?.moves ?? [] where m.at >= date { byID[m.id] = m }
        }
        for m in state.moves.values where m.at >= date { byID[m.id] = m }
        return Array(byID.values)
    }

    /// The stock ledger of the month starting at `start`. From a segment with stock balances: its
    /// opening stock and moves plus the working set's moves of that month, so one segment is
    /// read. Otherwise (segments written before balances existed, a month not archived yet)
    /// every move since the month's start is read and the opening counted back from on hand.
    public func stockLedger(month start: Date) throws -> StockLedger {
        Privilege.raise(); defer { Privilege.lower() }  // team store: as its account, only here
        let cal = env.calendar
        let end = cal.date(byAdding: .month, value: 1, to: start) ?? start
        if let fast = try stockLedgerFromSummary(month: start) { return fast }  // a compacted month: no move decoded (MoveSummary.swift)
        if let seg = try readSegment(Self.monthKey(start, cal), .moves), let opening = seg.openingStock {
            var byID: [String: StockMove] = [:]
            for m in seg.moves { byID[m.id] = m }
            for m in state.moves.values where m.at >= start && m.at < end { byID[m.id] = m }
            return StockLedger(state: state, opening: opening, moves: Array(byID.values), month: start, calendar: cal)
        }
        return StockLedger(state: state, moves: try moves(since: start), month: start, calendar: cal)
    }
}
