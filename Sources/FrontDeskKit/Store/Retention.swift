import Foundation

/// Visitors' personal data is kept for `retentionDays` (default 180) after the day of the visit,
/// then purged: the name becomes "(purged)" and the company, purpose, identity number, outcome
/// text and confirmed identity number go; the visit itself (date, host, head count, status) stays,
/// so counts and reports still add up. The purge runs by day, on the first write of each office
/// day (under the lock, `purgeIfDue`), and at every compaction, over the working set, the month
/// segments and every journal (archived ones rewritten and relinked; see `purgePersonalData`).
extension Store {
    public struct PurgeReport: Sendable, Equatable {
        /// Visits anonymised in month segments.
        public var visitors = 0
        /// Journal records rewritten without personal data.
        public var journalRecords = 0
        public var segments: [String] = []
        /// Visits anonymised in the working set (the snapshot).
        public var workingSetVisitors = 0
        /// Archived journals rewritten (purged or relinked), oldest first.
        public var journals: [String] = []
    }

    static let purgedName = "(purged)"

    static func anonymised(_ v: Visitor) -> Visitor {
        var a = v
        a.name = purgedName; a.company = nil; a.idNumber = nil; a.outcome = nil; a.purpose = nil
        return a
    }

    static func isAnonymised(_ v: Visitor) -> Bool {
        v.name == purgedName && v.company == nil && v.idNumber == nil && v.outcome == nil && v.purpose == nil
    }

    /// The start of the first office day whose visits are still kept: a visit on an earlier day
    /// is past the retention period (with 180 days, one 181 days old is purged, one 180 days old is not).
    func retentionCutoff(now: Date) -> Date? {
        let cal = env.calendar
        return cal.date(byAdding: .day, value: -meta.settings.retentionDays, to: cal.startOfDay(for: now))
    }

    /// The office day of `date` as `YYYY-MM-DD` (the manifest's note of the last purge).
    func officeDay(_ date: Date) -> String {
        let c = env.calendar.dateComponents([.year, .month, .day], from: date)
        return Clock.zeroPadded(c.year ?? 0, 4) + "-" + Clock.zeroPadded(c.month ?? 0, 2) + "-" + Clock.zeroPadded(c.day ?? 0, 2)
    }

    /// Under the write lock, after a person's change is durable: on the first write of an office
    /// day (the manifest notes the last day purged), purges every visit past the retention
    /// period. Never throws: a failure is a notice and the next write tries again; the person's
    /// change stands either way.
    func purgeIfDue() {
        let today = officeDay(env.now())
        guard lastPurgeDay != today else { return }
        do {
            try purgeByDay(today: today)
        } catch {
            afterCommit.notice("personal data past the retention period (\(meta.settings.retentionDays) days) could not be purged (\(error)); the next write tries again")
        }
    }

    /// The daily purge (under the lock). When the working set, or any journal while the current
    /// journal holds records, has personal data to purge, a new journal generation is started
    /// first (the current journal is archived, nothing moves to history), so every journal that is
    /// rewritten is an archived one and the chain can be relinked through the snapshot's head;
    /// the lock file's acknowledged end moves to the new, empty journal.
    @discardableResult
    func purgeByDay(today: String) throws -> PurgeReport {
        guard let cutoff = retentionCutoff(now: env.now()) else { return PurgeReport() }
        let manifest = try Self.readManifest(dir, paths)
        // A history change that crashed (the mark still set) gets every segment relinked.
        let crashed = manifest?.inProgress == true
        let done = crashed ? nil : manifest?.purgedBefore
        try beginHistoryChange()
        var report = PurgeReport()
        let stateVisits = state.visitors.values.filter { $0.expectedAt < cutoff && !Self.isAnonymised($0) }
        let staleReturning = state.returningVisitors.values.contains { $0.lastVisit < cutoff }
        // A dry count first: rewriting an archived journal needs the current one empty.
        let journalsToPurge = currentJournalHasRecords ? try purgeArchivedJournals(before: cutoff, write: false).records : 0
        if !stateVisits.isEmpty || staleReturning || journalsToPurge > 0 {
            var s = state
            for v in stateVisits { s.visitors[v.id] = Self.anonymised(v) }
            s.returningVisitors = s.returningVisitors.filter { $0.value.lastVisit >= cutoff }
            try startGeneration(with: s)
            report.workingSetVisitors = stateVisits.count
        }
        let history = try purgePersonalData(before: cutoff, segmentsFrom: done.map { Self.monthKey($0, env.calendar) })
        report.visitors = history.visitors
        report.segments = history.segments
        report.journalRecords = history.journalRecords
        report.journals = history.journals
        // Only segments from the first one purged on need relinking (and decoding); only files
        // rewritten today, or new, are hashed again for the manifest.
        let firstSegment = history.segments.first.map(StorePaths.segment) ?? "9999-99"
        let firstJournal = history.journals.first ?? "journal.999999"
        let known = Set(manifest?.files.keys.map { String($0.dropFirst(StorePaths.history.count + 1)) } ?? [])
        try finishHistoryChange(purgedOn: today, purgedBefore: cutoff, relinkFrom: crashed ? nil : history.segments.first ?? "9999-99",
                                rehash: crashed ? nil : { name in
                                    !known.contains(name) || (name.hasPrefix("journal.") ? name >= firstJournal : name >= firstSegment)
                                })
        return report
    }

    /// Purges personal data older than the retention period from segments and archived journals.
    /// Called by `compact()` under the lock (after it started a new generation).
    func purgePersonalData(now: Date) throws -> PurgeReport {
        guard let cutoff = retentionCutoff(now: now) else { return PurgeReport() }
        return try purgePersonalData(before: cutoff)
    }

    /// Anonymises, in the month segments and archived journals, every visit whose day is before `cutoff`.
    /// `segmentsFrom`: the first month to read (earlier ones were purged on an earlier day).
    func purgePersonalData(before cutoff: Date, segmentsFrom: String? = nil) throws -> PurgeReport {
        var report = PurgeReport()
        let cutoffMonth = Self.monthKey(cutoff, env.calendar)
        for month in historyMonths where month <= cutoffMonth && month >= (segmentsFrom ?? "") {
            guard var seg = try readSegment(month) else { continue }
            var changed = 0
            seg.visitors = seg.visitors.map { v in
                if v.expectedAt >= cutoff || Self.isAnonymised(v) { return v }
                changed += 1
                return Self.anonymised(v)
            }
            if changed > 0 {
                try historyDir.replace(StorePaths.segment(month), with: try BinaryPlistEncoder().encode(seg))
                report.visitors += changed
                report.segments.append(month)
            }
        }
        (report.journalRecords, report.journals) = try purgeArchivedJournals(before: cutoff, write: true)
        return report
    }

    /// The change without the personal data of a visit whose day is before `cutoff`, or nil when
    /// it has none to purge. `visitDays` maps visitor ids to their visit's date (from the
    /// `addVisitor` records seen so far and the working set).
    static func purged(_ change: Change, before cutoff: Date, visitDays: [String: Date]) -> Change? {
        func old(_ id: String) -> Bool { visitDays[id].map { $0 < cutoff } ?? false }
        switch change {
        case .addVisitor(let v) where v.expectedAt < cutoff && !isAnonymised(v):
            return .addVisitor(anonymised(v))
        case .checkInVisitor(let id, let b, let n, let at) where n != nil && old(id):
            return .checkInVisitor(visitorID: id, badges: b, idNumber: nil, at: at)
        case .confirmIdentity(let id, let n, let at) where n != purgedName && old(id):
            return .confirmIdentity(visitorID: id, idNumber: purgedName, at: at)
        case .recordOutcome(let id, let text, let at) where text != purgedName && old(id):
            return .recordOutcome(visitorID: id, text: purgedName, at: at)
        default:
            return nil
        }
    }

    /// Whether the current journal holds any record (compaction and the purge start a new generation when it does).
    var currentJournalHasRecords: Bool {
        (dir.status(StorePaths.journal(currentGeneration)).map { Int($0.st_size) } ?? 0) > JournalFormat.headerSize
    }

    /// Rewrites the archived journals' records of visits whose day is before `cutoff`, without
    /// their personal data (who did what, and when, stays). A rewritten record has a new hash, so
    /// every later archived record is relinked (same content, new `prev`) and the snapshot's head
    /// moves with them; callers make sure the current journal is empty then, so nothing
    /// acknowledged since is touched. With `write` false, only counts what it would rewrite.
    private func purgeArchivedJournals(before cutoff: Date, write: Bool) throws -> (records: Int, rewritten: [String]) {
        var purged = 0
        var rewritten: [String] = []
        let dec = BinaryPlistDecoder(), enc = BinaryPlistEncoder()
        var visitDays: [String: Date] = [:]
        // Every visit's addVisitor record precedes its other records (journals are never deleted),
        // so one pass in order learns each visit's day; segments need not be read.
        for v in state.visitors.values { visitDays[v.id] = v.expectedAt }
        var head: Data?
        var relinking = false
        // Journals where recover restarted the chain after a recorded loss keep their restart.
        let restarts = Set(try Self.readManifest(dir, paths)?.chainRestarts ?? [])
        for name in archivedJournalNames {
            let path = historyDir.full(name)
            guard let bytes = try historyDir.read(name), bytes.count >= JournalFormat.headerSize else { continue }
            let scan = JournalFormat.scan(bytes.dropFirst(JournalFormat.headerSize), base: JournalFormat.headerSize)
            if let at = scan.damagedAt {
                throw StoreError(file: path, problem: "damaged at byte \(at): \(scan.damage ?? "a bad record")",
                                 remedy: "Nothing was purged. Run frontdesk check and restore this file from backup.")
            }
            var records: [JournalRecord] = []
            for p in scan.payloads {
                do { records.append(try dec.decode(JournalRecord.self, from: p)) } catch { throw Self.damaged(path, error) }
            }
            var changed = 0
            for i in records.indices {
                if case .addVisitor(let v) = records[i].change { visitDays[v.id] = v.expectedAt }
                if let c = Self.purged(records[i].change, before: cutoff, visitDays: visitDays) {
                    records[i].change = c; changed += 1
                }
            }
            purged += changed
            // A purge interrupted between two rewrites left this journal unlinked: relink it now.
            if let first = records.first?.prev, first != (head ?? HashChain.genesis),
               !restarts.contains(Manifest.key(name)) {
                relinking = relinking || write
            }
            guard write, changed > 0 || relinking else {
                if let f = scan.frames.last { head = HashChain.hash(bytes, f.lowerBound, f.count) }
                continue
            }
            relinking = true
            var out = JournalFormat.magic
            for var r in records {
                if r.prev != nil { r.prev = head ?? HashChain.genesis }
                let frame = JournalFormat.frame(try enc.encode(r))
                head = HashChain.hash(frame)
                out.append(frame)
            }
            try historyDir.replace(name, with: out)
            rewritten.append(name)
        }
        if relinking, let h = head { try moveSnapshotHead(to: h) }
        return (purged, rewritten)
    }
}
