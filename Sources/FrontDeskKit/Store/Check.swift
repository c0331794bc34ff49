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
        func verify<T: Decodable>(_ d: StoreDirectory, _ name: String, _ type: T.Type, _ describe: (T) -> String) {
            let path = d.full(name)
            do {
                guard let bytes = try d.read(name) else { out.append(FileCheck(file: paths.relative(path), ok: false, detail: "missing")); return }
                let v = try dec.decode(type, from: bytes)
                out.append(FileCheck(file: paths.relative(path), ok: true, detail: describe(v)))
            } catch {
                out.append(FileCheck(file: paths.relative(path), ok: false, detail: "cannot be read: \(error)"))
            }
        }
        verify(dir, StorePaths.meta, StoreMeta.self) { "schema \($0.schemaVersion)\($0.allowOverrides ? ", allows overrides" : "")" }
        verify(dir, StorePaths.snapshot, Snapshot.self) { "generation \($0.generation), \($0.state.recordCount) records in the working set" }
        for j in archivedJournalNames { out.append(checkJournal(historyDir, j)) }
        out.append(checkJournal(dir, StorePaths.journal(currentGeneration)))
        for month in historyMonths {
            verify(historyDir, StorePaths.segment(month), HistorySegment.self) { "\($0.count) closed records" }
        }
        for p in StorePolicy.problems(root: dir, history: historyDir) {
            out.append(FileCheck(file: paths.relative(p.file), ok: false, detail: "\(p.problem). \(p.remedy)"))
        }
        return out
    }

    func checkJournal(_ d: StoreDirectory, _ name: String) -> FileCheck {
        let rel = paths.relative(d.full(name))
        do {
            guard let bytes = try d.read(name) else { return FileCheck(file: rel, ok: false, detail: "missing") }
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
                return FileCheck(file: rel, ok: false, detail: "damaged at byte \(at): \(scan.damage ?? "a bad record") (restore it from backup, or see frontdesk recover)")
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

    /// Names of the archived journals in `history/`, oldest first.
    var archivedJournalNames: [String] {
        historyDir.names().filter { $0.hasPrefix("journal.") && $0.hasSuffix(".log") && !$0.contains(".tmp.") }
    }

    /// The audit trail: every journal record, archived generations included, oldest first.
    public func auditTrail(since: Date? = nil) throws -> [JournalRecord] {
        var files = archivedJournalNames.map { (historyDir, $0) }
        files.append((dir, StorePaths.journal(currentGeneration)))
        var out: [JournalRecord] = []
        let dec = BinaryPlistDecoder()
        for (d, name) in files {
            let f = d.full(name)
            guard let bytes = try d.read(name), bytes.count >= JournalFormat.headerSize else { continue }
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
