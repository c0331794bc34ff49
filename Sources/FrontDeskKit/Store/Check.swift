import Foundation

/// The result of verifying one file of the store.
public struct FileCheck: Sendable, Equatable {
    public var file: String
    public var ok: Bool
    public var detail: String
}

extension Store {
    /// Verifies every file: meta, snapshot, every journal record's checksum and payload (current and
    /// archived), every history segment. Reads everything, so it is for `frontdesk check`, not start-up.
    public func check() -> [FileCheck] {
        var out: [FileCheck] = []
        let dec = BinaryPlistDecoder()
        func verify<T: Decodable>(_ path: String, _ type: T.Type, _ describe: (T) -> String) {
            do {
                guard let bytes = try Posix.read(path) else { out.append(FileCheck(file: paths.relative(path), ok: false, detail: "missing")); return }
                let v = try dec.decode(type, from: bytes)
                out.append(FileCheck(file: paths.relative(path), ok: true, detail: describe(v)))
            } catch {
                out.append(FileCheck(file: paths.relative(path), ok: false, detail: "cannot be read: \(error)"))
            }
        }
        verify(paths.meta, StoreMeta.self) { "schema \($0.schemaVersion)\($0.allowOverrides ? ", allows overrides" : "")" }
        verify(paths.snapshot, Snapshot.self) { "generation \($0.generation), \($0.state.recordCount) records in the working set" }
        var journals = Posix.listDirectory(paths.history).filter { $0.hasPrefix("journal.") && $0.hasSuffix(".log") }.map { paths.history + "/" + $0 }
        journals.append(paths.journal(currentGeneration))
        for j in journals { out.append(checkJournal(j)) }
        for month in historyMonths {
            verify(paths.segment(month), HistorySegment.self) { "\($0.count) closed records" }
        }
        // What opening the store read: start-up must not grow with history.
        let l = loadStats
        out.append(FileCheck(file: "start-up", ok: true,
                             detail: String(format: "opening read a %d-byte snapshot and %d journal records (%d bytes) in %.3f s",
                                            l.snapshotBytes, l.journalRecords, l.journalBytes, l.seconds)))
        if let mode = Posix.mode(root), mode & 0o002 != 0 {
            out.append(FileCheck(file: root, ok: false, detail: "world-writable: chmod o-w \(root)"))
        }
        return out
    }

    func checkJournal(_ path: String) -> FileCheck {
        let rel = paths.relative(path)
        do {
            guard let bytes = try Posix.read(path) else { return FileCheck(file: rel, ok: false, detail: "missing") }
            guard bytes.prefix(JournalFormat.headerSize) == JournalFormat.magic else {
                return FileCheck(file: rel, ok: false, detail: "bad header")
            }
            let scan = JournalFormat.scan(bytes.dropFirst(JournalFormat.headerSize), base: JournalFormat.headerSize)
            let dec = BinaryPlistDecoder()
            for (i, p) in scan.payloads.enumerated() {
                do { _ = try dec.decode(JournalRecord.self, from: p) } catch {
                    return FileCheck(file: rel, ok: false, detail: "record \(i + 1) cannot be read: \(error)")
                }
            }
            if let at = scan.damagedAt {
                return FileCheck(file: rel, ok: false, detail: "damaged at byte \(at): valid records follow a bad one (restore from backup)")
            }
            if scan.tornBytes > 0 {
                return FileCheck(file: rel, ok: true,
                                 detail: "\(scan.payloads.count) records; \(scan.tornBytes) bytes of a torn last record (never acknowledged) will be cut by the next write")
            }
            return FileCheck(file: rel, ok: true, detail: "\(scan.payloads.count) records")
        } catch {
            return FileCheck(file: rel, ok: false, detail: "\(error)")
        }
    }

    /// The audit trail: every journal record, archived generations included, oldest first.
    public func auditTrail(since: Date? = nil) throws -> [JournalRecord] {
        var files = Posix.listDirectory(paths.history).filter { $0.hasPrefix("journal.") && $0.hasSuffix(".log") }.map { paths.history + "/" + $0 }
        files.append(paths.journal(currentGeneration))
        var out: [JournalRecord] = []
        let dec = BinaryPlistDecoder()
        for f in files {
            guard let bytes = try Posix.read(f), bytes.count >= JournalFormat.headerSize else { continue }
            let scan = JournalFormat.scan(bytes.dropFirst(JournalFormat.headerSize), base: JournalFormat.headerSize)
            if let at = scan.damagedAt {
                throw StoreError(file: f, problem: "damaged at byte \(at)", remedy: "Run frontdesk check; restore this file from backup.")
            }
            for p in scan.payloads {
                do {
                    let r = try dec.decode(JournalRecord.self, from: p)
                    if let s = since, r.at < s { continue }
                    out.append(r)
                } catch { throw Self.damaged(f, error) }
            }
        }
        return out
    }
}
