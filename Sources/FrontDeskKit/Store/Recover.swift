import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What `frontdesk recover` found, what it lost, and what it did (or would do).
public struct RecoveryReport: Sendable, Equatable {
    /// Records or files that cannot be brought back, in words a person can act on.
    public var lost: [String] = []
    /// What was (or, in a dry run, would be) rebuilt or set aside.
    public var actions: [String] = []
    /// True when the store can be opened and written after the actions.
    public var recoverable = true
    public var applied = false
}

extension Store {
    /// Rebuilds what can be rebuilt: cuts a damaged or broken journal back to its last good record
    /// (the rest is set aside in `damaged.*` files), starts an emptied or missing current journal
    /// again, rebuilds a missing or damaged snapshot or month segment by replaying every journal
    /// from generation 1 when they are all there, relinks the segments and writes the manifest,
    /// recording the losses so `check` reports them. Says what was lost first; changes nothing
    /// unless `apply`. Under the store lock.
    public static func recover(at path: String, env: Environment, apply: Bool) throws -> RecoveryReport {
        let root = normalise(path)
        try refuseLink(path)
        let d = try StoreDirectory(opening: root)
        try StorePolicy.checkOwner(d)
        let paths = StorePaths(root: root)
        if let p = StorePolicy.problems(root: d, history: try d.subdirectory(StorePaths.history)).first {
            throw StoreError(file: p.file, problem: p.problem + " (recover touches nothing until modes and owners are right)", remedy: p.remedy)
        }
        let lockFD = try openLock(d, paths)
        defer { close(lockFD) }
        let deadline = Date().addingTimeInterval(10)
        while !Posix.tryLock(lockFD) {
            if Date() >= deadline { throw StoreError(file: paths.lock, problem: "locked for more than 10 s", remedy: "Wait for the other session and try again.") }
            usleep(5_000)
        }
        defer { Posix.unlock(lockFD) }
        var r = RecoveryReport()
        let dec = BinaryPlistDecoder(), enc = BinaryPlistEncoder()
        guard let metaBytes = try d.read(StorePaths.meta), (try? dec.decode(StoreMeta.self, from: metaBytes)) != nil else {
            r.lost.append("meta.plist is missing or damaged: the store's settings; recover cannot rebuild them")
            r.recoverable = false
            return r
        }
        if try d.subdirectory(StorePaths.history) == nil {
            r.lost.append("history/ is missing: every month segment and archived journal")
            r.actions.append("create history/ again (mode 0700)")
            if apply { try d.makeDirectory(StorePaths.history) }
        }
        let h = try d.subdirectory(StorePaths.history) ?? d  // a dry run without history/: `h === d` lists nothing in it
        let manifest = try? readManifest(d, paths)
        let stamp = String(Int(env.now().timeIntervalSince1970))

        // Every journal, oldest first: keep each up to its last good, chained record.
        let snap = (try? d.read(StorePaths.snapshot)).flatMap { $0 }.flatMap { try? dec.decode(Snapshot.self, from: $0) }
        let archived = h === d ? [] : h.names().filter { $0.hasPrefix("journal.") && $0.hasSuffix(".log") && !$0.contains(".tmp.") }
        let generation = snap?.generation
            ?? (d.names().filter { $0.hasPrefix("journal.") && $0.hasSuffix(".log") }.compactMap { Int($0.dropFirst(8).prefix(6)) }.max())
            ?? ((archived.compactMap { Int($0.dropFirst(8).prefix(6)) }.max() ?? 0) + 1)
        for key in (manifest?.files.keys.sorted() ?? []) where key.hasPrefix("history/journal.") {
            let name = String(key.dropFirst(StorePaths.history.count + 1))
            if h.status(name) == nil { r.lost.append("\(key) is missing: the audit trail of that generation is gone (it cannot be rebuilt)") }
        }
        var records: [JournalRecord] = []
        var archivedCount = 0
        var headAfterArchived: Data?
        var complete = true  // every generation from 1 on is there, so history can be replayed
        var expectedGen = 1
        var head: Data?, begun = false
        var restarts: [String] = []
        var restartNext = false  // the journal before was lost or cut: the next one's first link cannot be checked
        var journals: [(StoreDirectory, String, Int)] = archived.compactMap { n in Int(n.dropFirst(8).prefix(6)).map { (h, n, $0) } }
        journals.append((d, StorePaths.journal(generation), generation))
        for (jd, name, gen) in journals {
            if jd === d { archivedCount = records.count; headAfterArchived = head }
            let rel = paths.relative(jd.full(name))
            if gen != expectedGen { complete = false; restartNext = true }
            if restartNext { head = nil; begun = false; restarts.append(rel) }
            var acceptFirst = restartNext
            restartNext = false
            expectedGen = gen + 1
            let bytes = (try? jd.read(name)).flatMap { $0 }
            guard let bytes, bytes.count >= JournalFormat.headerSize, bytes.prefix(JournalFormat.headerSize) == JournalFormat.magic else {
                if jd === d {
                    let ack = lockNote(lockFD, paths)
                    let since = snap?.seq ?? 0
                    let upTo = ack.flatMap { $0.generation == gen && $0.seq > since ? " up to sequence \($0.seq)" : nil } ?? ""
                    r.lost.append("\(rel) is \(bytes == nil ? "missing" : "emptied or has a bad header"): every record after sequence \(since)\(upTo) is gone")
                    r.actions.append("start \(rel) again with an empty journal after sequence \(since)")
                    if apply {
                        if let bytes { try writeAside(d, name, bytes, stamp) }
                        d.remove(name)
                        let j = try d.createFile(name)
                        try Posix.writeAll(j, JournalFormat.magic, path: jd.full(name)); try Posix.fsync(j, path: jd.full(name)); close(j)
                        writeLockNote(lockFD, generation: gen, seq: since, end: JournalFormat.headerSize)
                    }
                    restarts.append(rel)
                } else {
                    r.lost.append("\(rel) is \(bytes == nil ? "missing" : "emptied or has a bad header"): the audit trail of generation \(gen) is gone")
                    if let bytes {
                        r.actions.append("keep what is left of \(rel) in damaged.\(name).\(stamp) and remove it from history/")
                        if apply { try writeAside(d, name, bytes, stamp); jd.remove(name) }
                    }
                    complete = false; restartNext = true
                }
                continue
            }
            let scan = JournalFormat.scan(bytes.dropFirst(JournalFormat.headerSize), base: JournalFormat.headerSize)
            var goodEnd = JournalFormat.headerSize
            var problem = scan.damage.map { "damaged at byte \(scan.damagedAt ?? 0): \($0)" }
            for (p, range) in zip(scan.payloads, scan.frames) {
                guard let rec = try? dec.decode(JournalRecord.self, from: p) else { problem = "the record at byte \(range.lowerBound) cannot be read"; break }
                if let why = rec.change.rangeProblem() { problem = "the record at byte \(range.lowerBound) cannot be real (\(why))"; break }
                if !acceptFirst, let why = HashChain.breaks(rec, after: head, begun: begun) { problem = "the record at byte \(range.lowerBound) (sequence \(rec.seq)) \(why)"; break }
                acceptFirst = false
                head = HashChain.hash(bytes, range.lowerBound, range.count)
                begun = begun || rec.prev != nil
                records.append(rec)
                goodEnd = range.upperBound
            }
            guard let problem else { continue }
            let lastSeq = records.last?.seq ?? 0
            r.lost.append("\(rel): \(problem); \(bytes.count - goodEnd) bytes from byte \(goodEnd) on (records after sequence \(lastSeq)) cannot be trusted")
            r.actions.append("cut \(rel) back to byte \(goodEnd) and keep the rest in damaged.\(name).\(stamp) for a person to read")
            if jd !== d { complete = false }
            if apply {
                try writeAside(d, name, bytes, stamp)
                try jd.replace(name, with: bytes.prefix(goodEnd))
                if jd === d { writeLockNote(lockFD, generation: gen, seq: lastSeq, end: goodEnd) }
            }
            if jd !== d { restartNext = true }
        }

        // Month segments: each listed one present with its size and hash, each readable.
        var broken: [String] = []
        var listed = Set(manifest?.files.keys.filter { $0.hasSuffix(".plist") }.map { String($0.dropFirst(StorePaths.history.count + 1)) } ?? [])
        if h !== d { for n in h.names() where n.hasSuffix(".plist") && !n.contains(".tmp.") { listed.insert(n) } }
        for name in listed.sorted() {
            let bytes = (try? h.read(name)).flatMap { $0 }
            let entry = manifest?.files[Manifest.key(name)]
            let readable = bytes.flatMap { try? dec.decode(HistorySegment.self, from: $0) }.map { $0.rangeProblem() == nil } ?? false
            let intact = readable && (entry == nil || (bytes?.count == entry?.size && bytes.map { Data(SHA256.hash($0)) } == entry?.sha256))
            if !intact { broken.append(String(name.dropLast(6))) }
        }
        var rebuilt: [String: HistorySegment] = [:]
        let needSnapshot = snap == nil
        if !broken.isEmpty || needSnapshot {
            if complete, records.first.map({ _ in true }) ?? false {
                var all = OfficeState()
                for rec in records.prefix(archivedCount) { all.apply(rec.change) }
                var everything = all
                for rec in records.dropFirst(archivedCount) { everything.apply(rec.change) }
                let (working, _) = split(all, now: env.now(), calendar: env.calendar, policy: RetentionPolicy())
                let (_, closed) = split(everything, now: env.now(), calendar: env.calendar, policy: RetentionPolicy())
                for m in broken {
                    rebuilt[m] = closed[m] ?? HistorySegment(month: m)
                    r.actions.append("rebuild history/\(m).plist from the journals (\(rebuilt[m]?.count ?? 0) records)")
                }
                if needSnapshot {
                    r.actions.append("rebuild snapshot.plist from the archived journals (\(working.recordCount) records in the working set); the current journal is kept")
                    if apply {
                        // The archived generations replayed; the current journal's records follow it as before.
                        let s = Snapshot(schemaVersion: StoreSchema.current, generation: generation,
                                         seq: records.prefix(archivedCount).last?.seq ?? 0, savedAt: env.now(),
                                         state: all, headHash: headAfterArchived ?? HashChain.genesis)
                        try d.replace(StorePaths.snapshot, with: try enc.encode(s))
                    }
                }
            } else {
                for m in broken { r.lost.append("history/\(m).plist is missing or damaged, and the journals that held its records are not all there: its records cannot be rebuilt") }
                if needSnapshot { r.lost.append("snapshot.plist is missing or damaged, and the journals are not all there: restore it from backup"); r.recoverable = false }
            }
        }
        if apply {
            for (m, seg) in rebuilt {
                if let old = try? h.read(StorePaths.segment(m)) { try writeAside(d, StorePaths.segment(m), old, stamp) }
                try h.replace(StorePaths.segment(m), with: try enc.encode(seg))
            }
        }
        if r.lost.isEmpty && r.actions.isEmpty { return r }
        r.actions.append("relink the month segments and write manifest.plist with the losses recorded")
        guard apply, r.recoverable else { return r }
        // Relink and write the manifest (still under our lock) through the repaired store.
        if let store = try? Store.open(at: root, env: env) {
            try store.linkSegments()
            try store.writeManifest(losses: r.lost.map { "\(RecoveryStamp.string(env.now())): \($0)" }, chainRestarts: restarts)
        } else {
            r.recoverable = false
            r.lost.append("the store still does not open after the repairs: restore it from backup")
        }
        r.applied = true
        return r
    }

    static func writeAside(_ d: StoreDirectory, _ name: String, _ bytes: Data, _ stamp: String) throws {
        let f = try d.createFile("damaged.\(name).\(stamp).\(StoreDirectory.unpredictableSuffix().prefix(6))")
        defer { close(f) }
        try Posix.writeAll(f, bytes, path: d.full(name)); try Posix.fsync(f, path: d.full(name))
    }

    static func lockNote(_ fd: Int32, _ paths: StorePaths) -> (generation: Int, seq: Int, end: Int)? {
        guard let d = try? Posix.readToEnd(fd, from: 0, path: paths.lock) else { return nil }
        for line in String(decoding: d, as: UTF8.self).split(separator: "\n") where line.hasPrefix("acknowledged ") {
            let w = line.split(separator: " ")
            if w.count == 7, let g = Int(w[2]), let s = Int(w[4]), let e = Int(w[6]) { return (g, s, e) }
        }
        return nil
    }

    static func writeLockNote(_ fd: Int32, generation: Int, seq: Int, end: Int) {
        let text = Data("pid \(getpid()) user recover\nacknowledged generation \(generation) seq \(seq) end \(end)\n".utf8)
        _ = ftruncate(fd, 0)
        _ = text.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    }
}

private enum RecoveryStamp {
    static func string(_ d: Date) -> String { ISO8601DateFormatter().string(from: d) }
}
