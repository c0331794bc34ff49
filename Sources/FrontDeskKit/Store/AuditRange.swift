import Foundation

extension Store {
    /// The changes committed in `[start, end)`, in journal order, from the archived journals and
    /// the current one. Each record's time is read first, in place, and only the records in the
    /// range are decoded whole (a change's Codable decoding was most of `log --from --to` over
    /// years); a file whose records are all outside the range costs its checksum scan alone.
    /// A record whose time cannot be read is decoded whole, so damage is reported as before.
    func auditTrailInRange(from start: Date, to end: Date) throws -> [JournalRecord] {
        Privilege.raise(); defer { Privilege.lower() }  // team store: as its account, only here
        guard start < end else { return [] }
        var files = archivedJournalNames.map { (historyDir, $0) }
        files.append((dir, StorePaths.journal(currentGeneration)))
        var out: [JournalRecord] = []
        let dec = BinaryPlistDecoder()
        for (d, name) in files {
            let f = d.full(name)
            guard let bytes = try d.read(name), bytes.count >= JournalFormat.headerSize else { continue }
            let scan = JournalFormat.scan(bytes.dropFirst(JournalFormat.headerSize), base: JournalFormat.headerSize)
            if let at = scan.damagedAt {
                throw StoreError(file: f, problem: "damaged at byte \(at): \(scan.damage ?? "a bad record")", remedy: "Run frontdesk check; restore this file from backup.")
            }
            for p in scan.payloads {
                if let at = Self.recordTime(p), at < start || at >= end { continue }
                do {
                    let r = try dec.decode(JournalRecord.self, from: p)
                    if r.at >= start && r.at < end { out.append(r) }
                } catch { throw Self.damaged(f, error) }
            }
        }
        return out
    }

    /// The `at` of a journal record's payload, read without decoding the rest; nil when it
    /// cannot be read that way (the caller then decodes the record whole).
    static func recordTime(_ payload: Data) -> Date? {
        payload.withUnsafeBytes { buf -> Date? in
            guard var r = try? PlistReader(buf), let ref = try? r.valueRef("at", in: r.top) else { return nil }
            return try? r.date(ref)
        }
    }
}
