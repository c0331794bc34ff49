import Foundation

/// What stays in the working set and what moves to the month segments.
public struct RetentionPolicy: Sendable {
    /// Stock moves younger than this stay (consumption, days of cover).
    public var recentMoveDays = 90
    /// Decided approvals younger than this stay (the "recently decided" list).
    public var recentApprovalDays = 30
    /// Finished meetings and visits younger than this stay (yesterday's view, minutes follow-up).
    public var recentDoneDays = 7
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
    @discardableResult
    public func compact(policy: RetentionPolicy = RetentionPolicy()) throws -> CompactionReport {
        Privilege.raise(); defer { Privilege.lower() }  // team store: as its account, only here
        return try withWriteLock {
            let (working, closed) = Self.split(state, now: env.now(), calendar: env.calendar, policy: policy)
            var report = CompactionReport()
            try beginHistoryChange()
            for name in dir.names() + historyDir.names().map({ StorePaths.history + "/" + $0 }) where name.contains(".tmp.") {
                // Under the lock every temp file is a leftover of a crashed write.
                if name.hasPrefix(StorePaths.history + "/") { historyDir.remove(String(name.dropFirst(StorePaths.history.count + 1))) } else { dir.remove(name) }
            }
            for (month, seg) in closed.sorted(by: { $0.key < $1.key }) {
                try writeSegment(seg, month: month)
                report.archived += seg.count
                report.segmentsWritten.append(month)
            }
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

    /// Merges `seg` into the month's segment file (atomic replace).
    func writeSegment(_ seg: HistorySegment, month: String) throws {
        var merged = try readSegment(month) ?? HistorySegment(month: month)
        merged.merge(seg)
        try historyDir.replace(StorePaths.segment(month), with: try BinaryPlistEncoder().encode(merged))
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

    /// The month's segment, or nil when there is none.
    func readSegment(_ month: String) throws -> HistorySegment? {
        let path = paths.segment(month)
        guard let bytes = try historyDir.read(StorePaths.segment(month)) else { return nil }
        let seg: HistorySegment
        do { seg = try BinaryPlistDecoder().decode(HistorySegment.self, from: bytes) } catch { throw Self.damaged(path, error) }
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
        return String(format: "%04d-%02d", c.year ?? 0, c.month ?? 0)
    }

    /// Splits a state into what the dashboard needs (open or recent) and closed records by month.
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
        let moveCut = daysAgo(policy.recentMoveDays)
        for mv in s.moves.values where mv.at < moveCut {
            working.moves[mv.id] = nil
            put(monthKey(mv.at, cal)) { $0.moves.append(mv) }
        }
        let approvalCut = daysAgo(policy.recentApprovalDays)
        for a in s.approvals.values where a.status != .pending && (a.decisions.last?.at ?? a.createdAt) < approvalCut {
            working.approvals[a.id] = nil
            put(monthKey(a.createdAt, cal)) { $0.approvals.append(a) }
        }
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
            for m in try history(month: month)?.moves ?? [] where m.at >= date { byID[m.id] = m }
        }
        for m in state.moves.values where m.at >= date { byID[m.id] = m }
        return Array(byID.values)
    }
}
