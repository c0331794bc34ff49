import Foundation

/// Brings a store written by an older frontdesk up to `StoreSchema.current`, under the lock.
/// Each step is a function from one schema to the next; changes to records go through the journal
/// so the audit trail shows the migration.
enum Migration {
    /// Schema 1's meta.plist kept a list of admins instead of journaled roles.
    struct MetaV1: Codable {
        var format: String
        var schemaVersion: Int
        var createdAt: Date
        var createdBy: String
        var allowOverrides: Bool?
        var admins: [String]
        var settings: StoreSettings?
    }

    static func migrate(paths: StorePaths, from version: Int, metaBytes: Data, env: Environment) throws {
        guard version == 1 else {
            throw StoreError(file: paths.meta, problem: "store schema \(version) is not one this frontdesk can migrate",
                             remedy: "Open it with the frontdesk version that wrote it and export, or restore from backup.")
        }
        let lockFD = try Posix.open(paths.lock, O_RDWR, create: true)
        defer { close(lockFD) }
        let deadline = Date().addingTimeInterval(10)
        while !Posix.tryLock(lockFD) {
            if Date() >= deadline { throw StoreError(file: paths.lock, problem: "locked during migration", remedy: "Try again.") }
            usleep(5_000)
        }
        defer { Posix.unlock(lockFD) }
        // Another session may have migrated while we waited.
        guard let current = try Posix.read(paths.meta),
              try Store.schemaVersion(of: current, file: paths.meta) == 1 else { return }
        let v1: MetaV1
        do { v1 = try BinaryPlistDecoder().decode(MetaV1.self, from: current) } catch { throw Store.damaged(paths.meta, error) }
        var meta = StoreMeta(createdAt: v1.createdAt, createdBy: v1.createdBy, allowOverrides: v1.allowOverrides ?? false,
                             settings: v1.settings ?? .defaults)
        meta.schemaVersion = 2
        // Append the grants to the journal directly: the store cannot be opened at schema 1.
        guard let snapBytes = try Posix.read(paths.snapshot) else {
            throw StoreError(file: paths.snapshot, problem: "missing", remedy: "Restore it from backup.")
        }
        struct Head: Decodable { var generation: Int; var seq: Int }
        let head: Head
        do { head = try BinaryPlistDecoder().decode(Head.self, from: snapBytes) } catch { throw Store.damaged(paths.snapshot, error) }
        let jpath = paths.journal(head.generation)
        let fd = try Posix.open(jpath, O_RDWR | O_APPEND)
        defer { close(fd) }
        let scan = JournalFormat.scan(try Posix.readToEnd(fd, from: JournalFormat.headerSize, path: jpath), base: JournalFormat.headerSize)
        if let at = scan.damagedAt {
            throw StoreError(file: jpath, problem: "damaged at byte \(at)", remedy: "Restore it from backup before upgrading; nothing was changed.")
        }
        if scan.tornBytes > 0 { _ = ftruncate(fd, off_t(scan.goodEnd)) }
        var seq = head.seq
        if let last = scan.payloads.last, let rec = try? BinaryPlistDecoder().decode(JournalRecord.self, from: last) { seq = rec.seq }
        for admin in v1.admins {
            seq += 1
            let rec = JournalRecord(seq: seq, at: env.now(), unixUser: env.unixUser, uid: Int(getuid()),
                                    actor: "migration 1→2", change: .grantRole(user: admin, role: .admin))
            try Posix.writeAll(fd, JournalFormat.frame(try BinaryPlistEncoder().encode(rec)), path: jpath)
        }
        try Posix.fsync(fd, path: jpath)
        try Posix.atomicWrite(try BinaryPlistEncoder().encode(meta), to: paths.meta)
    }
}
