import Foundation

/// The result of verifying one file of the store.
public struct FileCheck: Sendable, Equatable {
    public var file: String
    public var ok: Bool
    public var detail: String
}

extension Store {
    /// Verifies every file: modes and owners, meta, snapshot, every journal record's checksum,
    /// payload and hash chain (current and archived journals, across generations), every month
    /// segment, its link to the one before and its summaries and spans (visitor summary, move
    /// summary, approval decision span, notice and parcel spans) against its records, and the
    /// manifest's sizes and hashes. Reads everything, so it is for `frontdesk check`, not start-up.
    public func check() -> [FileCheck] {
        Privilege.raise(); defer { Privilege.lower() }  // team store: as its account, only here
        var out = StoreInspection(dir: dir, history: historyDir, paths: paths).run()
        // What opening the store read: start-up must not grow with history.
        let l = loadStats
        out.append(FileCheck(file: "start-up", ok: true,
                             detail: String(format: "opening read a %d-byte snapshot and %d journal records (%d bytes) in %.3f s",
                                            l.snapshotBytes, l.journalRecords, l.journalBytes, l.seconds)))
        return out
    }

    /// `check` on a store that may not open (a damaged journal, a missing snapshot or manifest).
    /// Throws only when the directory cannot be opened or belongs to another user.
    public static func check(at dir: String) throws -> [FileCheck] {
        Privilege.raise(); defer { Privilege.lower() }  // team store: as its account, only here
        let root = normalise(dir)
        try refuseLink(dir)
        let d = try StoreDirectory(opening: root)
        try StorePolicy.checkOwner(d)
        let paths = StorePaths(root: root)
        guard let h = try d.subdirectory(StorePaths.history) else {
            return [FileCheck(file: StorePaths.history, ok: false, detail: "missing: every month segment and archived journal is gone (restore it from backup)")]
        }
        return StoreInspection(dir: d, history: h, paths: paths).run()
    }

    /// Names of the archived journals in `history/`, oldest first.
    var archivedJournalNames: [String] {
        historyDir.names().filter { $0.hasPrefix("journal.") && $0.hasSuffix(".log") && !$0.contains(".tmp.") }
    }

    /// The audit trail: every journal record, archived generations included, oldest first
    /// (from `since` on when given; the same scan as a range, open-ended).
    public func auditTrail(since: Date? = nil) throws -> [JournalRecord] {
        try auditTrailInRange(from: since ?? .distantPast, to: .distantFuture)
    }
}

/// One pass of `check` over a store directory.
struct StoreInspection {
    let dir: StoreDirectory
    let history: StoreDirectory
    let paths: StorePaths

    func run() -> [FileCheck] {
        var out: [FileCheck] = []
        let dec = BinaryPlistDecoder()
        for p in StorePolicy.problems(root: dir, history: history) {
            out.append(FileCheck(file: paths.relative(p.file), ok: false, detail: "\(p.problem). \(p.remedy)"))
        }
        func load<T: Decodable>(_ d: StoreDirectory, _ name: String, _ type: T.Type) -> (T?, Data?, FileCheck?) {
            let rel = paths.relative(d.full(name))
            do {
                guard let bytes = try d.read(name) else { return (nil, nil, FileCheck(file: rel, ok: false, detail: "missing")) }
                return (try dec.decode(type, from: bytes), bytes, nil)
            } catch {
                return (nil, nil, FileCheck(file: rel, ok: false, detail: "cannot be read: \(error)"))
            }
        }
        let (meta, _, metaBad) = load(dir, StorePaths.meta, StoreMeta.self)
        out.append(metaBad ?? FileCheck(file: StorePaths.meta, ok: true,
                                        detail: "schema \(meta?.schemaVersion ?? 0)\(meta?.allowOverrides == true ? ", allows overrides" : "")"))
        let (snap, _, snapBad) = load(dir, StorePaths.snapshot, Snapshot.self)
        if let snapBad { out.append(snapBad) } else if let why = snap?.state.rangeProblem() {
            out.append(FileCheck(file: StorePaths.snapshot, ok: false, detail: "damaged: \(why), beyond anything frontdesk writes"))
        } else if let s = snap {
            out.append(FileCheck(file: StorePaths.snapshot, ok: true, detail: "generation \(s.generation), \(s.state.recordCount) records in the working set"))
        }

        // Journals, oldest generation first; the chain runs through all of them.
        let archived = history.names().filter { $0.hasPrefix("journal.") && $0.hasSuffix(".log") && !$0.contains(".tmp.") }
        let currentName = snap.map { StorePaths.journal($0.generation) }
            ?? dir.names().filter { $0.hasPrefix("journal.") && $0.hasSuffix(".log") && !$0.contains(".tmp.") }.last
        var journals: [(StoreDirectory, String)] = archived.map { (history, $0) }
        if let c = currentName { journals.append((dir, c)) }
        var head: Data?
        var begun = false
        var previousGeneration: Int?
        let restartList: [String] = ((try? Store.readManifest(dir, paths)) ?? nil)?.chainRestarts ?? []
        let restarts = Set(restartList)
        for (d, name) in journals {
            let gen = Int(name.dropFirst("journal.".count).prefix(6)) ?? 0
            var acceptFirst = false
            if restarts.contains(paths.relative(d.full(name))) {
                // recover restarted the chain here after a recorded loss (listed under manifest.plist).
                head = nil; begun = false; previousGeneration = nil; acceptFirst = true
            }
            if let p = previousGeneration, gen != p + 1 {
                out.append(FileCheck(file: paths.relative(d.full(name)), ok: false,
                                     detail: "the journals of generation \(p + 1)–\(gen - 1) are missing: their records are lost and the chain cannot be followed across them"))
                head = nil; begun = false
            } else if previousGeneration == nil, gen > 1 {
                begun = false  // the chain is followed from the oldest journal kept
            }
            if d === dir, let s = snap {
                // The snapshot names the head the current generation starts from.
                if previousGeneration != nil, let h = s.headHash, let expected = head, h != expected {
                    out.append(FileCheck(file: StorePaths.snapshot, ok: false,
                                         detail: "its chain head does not match the last record of generation \(gen - 1): a record of that journal was changed"))
                }
                if previousGeneration == nil || head == nil { head = s.headHash }
                if s.headHash != nil && !restarts.contains(paths.relative(d.full(name))) { begun = true }
            }
            out.append(checkJournal(d, name, head: &head, begun: &begun, isCurrent: d === dir, acceptFirst: acceptFirst))
            previousGeneration = gen
        }
        if snap != nil && currentName.map({ dir.status($0) == nil }) == true {
            out.append(FileCheck(file: currentName ?? "journal", ok: false, detail: "missing: the current journal is gone (see frontdesk recover)"))
        }

        // Month segments, each linked to the one before.
        var prev: Data?
        let months = history.names().filter { $0.hasSuffix(".plist") && !$0.contains(".tmp.") }
        for name in months {
            let (seg, bytes, bad) = load(history, name, HistorySegment.self)
            let rel = paths.relative(history.full(name))
            if let bad { out.append(bad); prev = nil; continue }
            guard let seg, let bytes else { continue }
            if let p = seg.previous, p != (prev ?? Data()) {
                out.append(FileCheck(file: rel, ok: false, detail: "does not carry the hash of the segment before it: a month segment before it was changed, removed or replaced"))
            } else if seg.previous == nil && prev != nil && seg.schemaVersion >= 3 {
                out.append(FileCheck(file: rel, ok: false, detail: "carries no link to the segment before it: a segment was inserted"))
            } else if let why = seg.rangeProblem() {
                out.append(FileCheck(file: rel, ok: false, detail: "damaged: \(why), beyond anything frontdesk writes"))
            } else if let why = Self.summaryProblem(seg, bytes) ?? Self.moveSummaryProblem(seg, bytes) ?? Self.approvalDecisionProblem(seg, bytes)
                        ?? Self.activitySpanProblem(seg, bytes) {
                out.append(FileCheck(file: rel, ok: false, detail: why))
            } else {
                out.append(FileCheck(file: rel, ok: true, detail: "\(seg.count) closed records"))
            }
            prev = HashChain.hash(bytes)
        }

        // The manifest: every history file it lists, with its size and hash.
        out.append(contentsOf: checkManifest(generation: snap?.generation))
        return out
    }

    /// Why a segment's visitor summary cannot be trusted (reports read it instead of the
    /// visitors): unreadable, or not what its visitors add up to. Nil when it agrees or is absent
    /// (a segment written before summaries: reports read its visitors).
    static func summaryProblem(_ seg: HistorySegment, _ bytes: Data) -> String? {
        let stored: VisitorSummary?
        do { stored = try HistorySegment.readVisitorSummary(bytes) } catch {
            return "damaged: its visitor summary cannot be read (\(error)); restore it from backup"
        }
        guard let stored else { return nil }
        guard stored == VisitorSummary(seg.visitors) else {
            return "damaged: its visitor summary disagrees with its visitors (reports would count them wrong); restore it from backup"
        }
        return nil
    }

    func checkManifest(generation: Int?) -> [FileCheck] {
        var out: [FileCheck] = []
        let m: Manifest?
        do { m = try Store.readManifest(dir, paths) } catch {
            return [FileCheck(file: StorePaths.manifest, ok: false, detail: "cannot be read: \(error)")]
        }
        guard let m else {
            return [FileCheck(file: StorePaths.manifest, ok: false, detail: "missing: lost history files cannot be told apart from none (frontdesk recover writes it again)")]
        }
        let stale = m.inProgress == true || (generation.map { m.generation < $0 } ?? false)
        var bad = 0
        for (key, entry) in m.files.sorted(by: { $0.key < $1.key }) {
            let name = String(key.dropFirst(StorePaths.history.count + 1))
            guard let bytes = try? history.read(name) else {
                out.append(FileCheck(file: key, ok: false, detail: "missing: the manifest lists it (\(entry.size) bytes), so its records are lost (restore it from backup; see frontdesk recover)"))
                bad += 1; continue
            }
            if bytes.count != entry.size {
                if stale { continue }
                out.append(FileCheck(file: key, ok: false, detail: "\(bytes.isEmpty ? "emptied" : bytes.count < entry.size ? "shrunk" : "grown"): \(bytes.count) bytes, the manifest says \(entry.size)"))
                bad += 1
            } else if Data(SHA256.hash(bytes)) != entry.sha256 && !stale {
                out.append(FileCheck(file: key, ok: false, detail: "changed: its SHA-256 is not the one in the manifest"))
                bad += 1
            }
        }
        if !stale {
            for name in Store.historyFiles(history) where m.files[Manifest.key(name)] == nil {
                out.append(FileCheck(file: Manifest.key(name), ok: false, detail: "not in the manifest: it was added after the last compaction, not by frontdesk"))
                bad += 1
            }
        }
        for loss in m.losses ?? [] {
            out.append(FileCheck(file: StorePaths.manifest, ok: true, detail: "recorded loss: \(loss)"))
        }
        if bad == 0 {
            out.append(FileCheck(file: StorePaths.manifest, ok: true,
                                 detail: "\(m.files.count) history files with the recorded size and hash" + (stale ? " (a compaction was interrupted: the next write finishes it)" : "")))
        }
        return out
    }

    /// Checksums, payloads and the hash chain of one journal. `head`/`begun` carry the chain on.
    func checkJournal(_ d: StoreDirectory, _ name: String, head: inout Data?, begun: inout Bool, isCurrent: Bool, acceptFirst: Bool = false) -> FileCheck {
        let rel = paths.relative(d.full(name))
        do {
            guard let bytes = try d.read(name) else { return FileCheck(file: rel, ok: false, detail: "missing") }
            if bytes.count < JournalFormat.headerSize {
                return FileCheck(file: rel, ok: false, detail: bytes.isEmpty ? "emptied: 0 bytes (its records are lost; see frontdesk recover)" : "bad header")
            }
            guard bytes.prefix(JournalFormat.headerSize) == JournalFormat.magic else {
                return FileCheck(file: rel, ok: false, detail: "bad header")
            }
            let scan = JournalFormat.scan(bytes.dropFirst(JournalFormat.headerSize), base: JournalFormat.headerSize)
            let dec = BinaryPlistDecoder()
            let base = bytes.startIndex
            for (i, (p, range)) in zip(scan.payloads, scan.frames).enumerated() {
                let rec: JournalRecord
                do { rec = try dec.decode(JournalRecord.self, from: p) } catch {
                    return FileCheck(file: rel, ok: false, detail: "record \(i + 1) (byte \(range.lowerBound)) cannot be read: \(error)")
                }
                if let why = rec.change.rangeProblem() {
                    return FileCheck(file: rel, ok: false, detail: "record \(i + 1) (byte \(range.lowerBound), sequence \(rec.seq)) is damage: \(why)")
                }
                if !(acceptFirst && i == 0), let broken = HashChain.breaks(rec, after: head, begun: begun) {
                    return FileCheck(file: rel, ok: false,
                                     detail: "hash chain broken at record \(i + 1) (byte \(range.lowerBound), sequence \(rec.seq)): it \(broken), so a record before it was changed, removed or inserted")
                }
                head = HashChain.hash(bytes, base + range.lowerBound, range.count)
                begun = begun || rec.prev != nil
            }
            if let at = scan.damagedAt {
                return FileCheck(file: rel, ok: false, detail: "damaged at byte \(at): \(scan.damage ?? "a bad record") (restore it from backup, or see frontdesk recover)")
            }
            if scan.tornBytes > 0 {
                return FileCheck(file: rel, ok: isCurrent,
                                 detail: "\(scan.payloads.count) records; \(scan.tornBytes) bytes of a torn last record (never acknowledged)" + (isCurrent ? " will be cut by the next write" : " in an archived journal"))
            }
            return FileCheck(file: rel, ok: true, detail: "\(scan.payloads.count) records" + (begun ? ", chained" : ""))
        } catch {
            return FileCheck(file: rel, ok: false, detail: "\(error)")
        }
    }
}
