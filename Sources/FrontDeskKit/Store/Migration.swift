import Foundation

/// Brings a store written by an older frontdesk up to `StoreSchema.current`, under the store's one
/// lock (`Store.withWriteLock`), after catching up with the journal: changes to records go through
/// `append`, so they take the next sequence numbers and show in the audit trail.
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

    /// meta.plist of an older schema, read as the current one; the admins of schema 1 are
    /// returned apart, to be granted through the journal.
    static func read(_ bytes: Data, version: Int, file: String) throws -> (meta: StoreMeta, admins: [String]) {
        switch version {
        case 1:
            let v1: MetaV1
            do { v1 = try BinaryPlistDecoder().decode(MetaV1.self, from: bytes) } catch { throw Store.damaged(file, error) }
            return (StoreMeta(createdAt: v1.createdAt, createdBy: v1.createdBy, allowOverrides: v1.allowOverrides ?? false,
                              settings: v1.settings ?? .defaults), v1.admins)
        case 2:
            // Schema 2 → 3 adds the hash chain and the manifest; meta.plist itself is unchanged.
            do { return (try BinaryPlistDecoder().decode(StoreMeta.self, from: bytes), []) } catch { throw Store.damaged(file, error) }
        default:
            throw StoreError(file: file, problem: "store schema \(version) is not one this frontdesk can migrate",
                             remedy: "Open it with the frontdesk version that wrote it and export, or restore from backup.")
        }
    }
}

extension Store {
    /// Migrates this store (opened from an older schema) to the current one. Another session may
    /// have migrated while we waited for the lock: then nothing is done twice.
    func migrate(admins: [String]) throws {
        try withWriteLockNoManifest {
            try refreshForWrite(manifest: false)
            guard let current = try dir.read(StorePaths.meta) else {
                throw StoreError(file: paths.meta, problem: "missing", remedy: "Restore it from backup.")
            }
            let version = try Self.schemaVersion(of: current, file: paths.meta)
            guard version < StoreSchema.current else { return }
            let saved = env
            var migrating = env
            migrating.actingUser = "migration \(version)→\(StoreSchema.current)"
            env = migrating
            defer { env = saved }
            if version == 1 {
                for admin in admins { _ = try append(.grantRole(user: admin, role: .admin)) }
            }
            var m = meta
            m.schemaVersion = StoreSchema.current
            try writeManifest()
            try dir.replace(StorePaths.meta, with: try BinaryPlistEncoder().encode(m))
        }
    }
}
