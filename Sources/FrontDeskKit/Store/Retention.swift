import Foundation

/// Visitors' personal data is kept for `retentionDays` (default 180), then purged from history:
/// names, companies and identity numbers go; the visit itself (date, host, head count, status)
/// stays, so counts and reports still add up.
extension Store {
    public struct PurgeReport: Sendable, Equatable {
        public var visitors = 0
        public var journalRecords = 0
        public var segments: [String] = []
    }

    static let purgedName = "(purged)"

    static func anonymised(_ v: Visitor) -> Visitor {
        var a = v
        a.name = purgedName; a.company = nil; a.idNumber = nil; a.outcome = nil; a.purpose = nil
        return a
    }

    /// Purges personal data older than the retention period from segments and archived journals.
    /// Called by `compact()` under the lock.
    func purgePersonalData(now: Date) throws -> PurgeReport {
        var report = PurgeReport()
        let cal = env.calendar
        guard let cutoff = cal.date(byAdding: .day, value: -meta.settings.retentionDays, to: cal.startOfDay(for: now)) else { return report }
        let cutoffMonth = Self.monthKey(cutoff, cal)
        for month in historyMonths where month < cutoffMonth {
            guard var seg = try readSegment(month) else { continue }
            var changed = 0
            seg.visitors = seg.visitors.map { v in
                if v.name == Self.purgedName && v.idNumber == nil { return v }
                changed += 1
                return Self.anonymised(v)
            }
            if changed > 0 {
                try historyDir.replace(StorePaths.segment(month), with: try BinaryPlistEncoder().encode(seg))
                report.visitors += changed
                report.segments.append(month)
            }
        }
        report.journalRecords = try purgeArchivedJournals(before: cutoff)
        return report
    }

    /// Rewrites archived journals whose every record is older than `cutoff`, with visitors'
    /// personal data removed from the records (who did what, and when, stays). A rewritten record
    /// has a new hash, so every later archived record is relinked (same content, new `prev`) and
    /// the snapshot's head moves with them; the current journal is empty here (compaction just
    /// started it), so nothing acknowledged since is touched.
    private func purgeArchivedJournals(before cutoff: Date) throws -> Int {
        var purged = 0
        let dec = BinaryPlistDecoder(), enc = BinaryPlistEncoder()
        var head: Data?
        var relinking = false
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
            if let last = records.last, last.at < cutoff {
                for i in records.indices {
                    switch records[i].change {
                    case .addVisitor(let v) where v.name != Self.purgedName:
                        records[i].change = .addVisitor(Self.anonymised(v)); changed += 1
                    case .checkInVisitor(let id, let b, let n, let at) where n != nil:
                        records[i].change = .checkInVisitor(visitorID: id, badges: b, idNumber: nil, at: at); changed += 1
                    case .confirmIdentity(let id, let n, let at) where n != Self.purgedName:
                        records[i].change = .confirmIdentity(visitorID: id, idNumber: Self.purgedName, at: at); changed += 1
                    case .recordOutcome(let id, let text, let at) where text != "(purged)":
                        records[i].change = .recordOutcome(visitorID: id, text: "(purged)", at: at); changed += 1
                    default: break
                    }
                }
            }
            guard changed > 0 || relinking else {
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
            purged += changed
        }
        if relinking, let h = head { try moveSnapshotHead(to: h) }
        return purged
    }
}
