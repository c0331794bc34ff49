import Foundation
import Testing
@testable import FrontDeskKit
import TestSupport

/// Guarantee 6: a newer schema is refused with a clear message and nothing changed; an older one
/// is migrated, with the migration in the audit trail.
@Suite struct StoreMigrationTests {
    /// Schema 1's meta.plist, written independently of Migration.MetaV1.
    struct MetaSchema1: Codable {
        var format = "frontdesk-store"
        var schemaVersion = 1
        var createdAt: Date
        var createdBy: String
        var allowOverrides: Bool
        var admins: [String]
    }

    struct MetaFuture: Codable {
        var format = "frontdesk-store"
        var schemaVersion: Int
        var createdAt: Date
        var createdBy: String
        var allowOverrides: Bool
        var settings: StoreSettings
        var somethingNew: [String]
    }

    @Test func newerSchemaIsRefusedAndNothingChanges() throws {
        let tmp = try TempStore("newer")
        try tmp.create()
        let meta = URL(fileURLWithPath: tmp.file("meta.plist"))
        let future = MetaFuture(schemaVersion: StoreSchema.current + 1, createdAt: TempStore.date("2026-03-10 10:30"),
                                createdBy: "lina", allowOverrides: true, settings: .defaults, somethingNew: ["x"])
        try BinaryPlistEncoder().encode(future).write(to: meta)
        let before = tmp.files().map { ($0, FileManager.default.contents(atPath: tmp.file($0))) }
        do {
            _ = try tmp.open()
            Issue.record("a newer store opened")
        } catch let e as StoreError {
            #expect(e.file.hasSuffix("meta.plist"))
            #expect(e.problem.contains("newer frontdesk"))
            #expect(e.problem.contains("schema \(StoreSchema.current + 1)"))
            #expect(e.remedy.contains("Upgrade"))
        }
        let after = tmp.files().map { ($0, FileManager.default.contents(atPath: tmp.file($0))) }
        #expect(before.map(\.0) == after.map(\.0))
        #expect(zip(before, after).allSatisfy { $0.1 == $1.1 })
    }

    @Test func schema1IsMigratedWithTheAdminsAsJournaledRoles() throws {
        let tmp = try TempStore("migrate")
        let created = try tmp.create(user: "lina")
        try storeTestAddVisitor(created, "Before migration")
        let seqBefore = created.seq
        let v1 = MetaSchema1(createdAt: TempStore.date("2025-01-02 09:00"), createdBy: "wangfang", allowOverrides: true,
                             admins: ["wangfang", "zhaolei"])
        try BinaryPlistEncoder().encode(v1).write(to: URL(fileURLWithPath: tmp.file("meta.plist")))

        let store = try tmp.open(at: "2026-03-11 09:00", user: "lina")
        // On disk: schema 2 now, the rest of meta carried over.
        let onDisk = try BinaryPlistDecoder().decode(StoreMeta.self, from: try #require(FileManager.default.contents(atPath: tmp.file("meta.plist"))))
        #expect(onDisk.schemaVersion == StoreSchema.current)
        #expect(onDisk.createdBy == "wangfang")
        #expect(onDisk.allowOverrides)
        #expect(onDisk.createdAt == TempStore.date("2025-01-02 09:00"))
        #expect(store.meta == onDisk)
        // The admins hold the admin role, and nothing before was lost.
        #expect(store.state.hasRole("wangfang", .admin))
        #expect(store.state.hasRole("zhaolei", .admin))
        #expect(store.state.visitors.values.contains { $0.name == "Before migration" })
        // The audit trail shows the migration.
        let migration = try store.auditTrail().filter { $0.seq > seqBefore }
        #expect(migration.count == 2)
        #expect(migration.allSatisfy { $0.actor.contains("migration") && $0.change.name == "role.grant" })
        #expect(Set(migration.map(\.change.subject)) == ["wangfang", "zhaolei"])
        #expect(migration.allSatisfy { $0.at == TempStore.date("2026-03-11 09:00") })
        // Opening again does not migrate twice.
        let again = try tmp.open()
        #expect(again.seq == store.seq)
        // And the migrated store takes writes.
        try storeTestAddVisitor(again, "After migration")
        #expect(try tmp.open().seq == store.seq + 1)
    }

    @Test func unknownFormatIsRefused() throws {
        let tmp = try TempStore("format")
        try tmp.create()
        struct Other: Codable { var format = "something-else"; var schemaVersion = 2 }
        try BinaryPlistEncoder().encode(Other()).write(to: URL(fileURLWithPath: tmp.file("meta.plist")))
        #expect(throws: StoreError.self) { try tmp.open() }
    }
}

/// Schema 2 → 3: records written before the hash chain stay readable; the chain begins after them.
@Suite struct StoreChainMigrationTests {
    struct SnapshotV2: Codable { var schemaVersion: Int; var generation: Int; var seq: Int; var savedAt: Date; var state: OfficeState }

    @Test func aSchema2StoreIsMigratedAndChainedFromThereOn() throws {
        let tmp = try TempStore("migrate2")
        let created = try tmp.create()
        for i in 1...3 { try storeTestAddVisitor(created, "Legacy \(i)") }
        // Turn it into what schema 2 wrote: records without `prev`, no manifest, no snapshot head.
        let journal = try #require(JournalFile.current(in: tmp.path).first)
        let parsed = try #require(JournalFile.parse(file: journal))
        var out = JournalFile.magic
        for p in parsed.payloads {
            var rec = try PropertyListDecoder().decode(JournalRecord.self, from: p)
            rec.prev = nil
            out.append(JournalFile.frame(try BinaryPlistEncoder().encode(rec)))
        }
        try out.write(to: URL(fileURLWithPath: journal))
        let snapURL = URL(fileURLWithPath: tmp.file("snapshot.plist"))
        var snap = try PropertyListDecoder().decode(SnapshotV2.self, from: try Data(contentsOf: snapURL))
        snap.schemaVersion = 2
        try BinaryPlistEncoder().encode(snap).write(to: snapURL)
        var meta = created.meta
        meta.schemaVersion = 2
        try BinaryPlistEncoder().encode(meta).write(to: URL(fileURLWithPath: tmp.file("meta.plist")))
        unlink(tmp.file("manifest.plist"))
        truncate(tmp.file("store.lock"), 0)  // schema 2 noted no acknowledged end there
        let seqBefore = created.seq

        let store = try tmp.open()
        #expect(store.meta.schemaVersion == StoreSchema.current)
        #expect(store.seq == seqBefore)
        try storeTestAddVisitor(store, "Chained")
        let bad = try Store.check(at: tmp.path).filter { !$0.ok }
        #expect(bad.isEmpty, "\(bad)")
        let trail = try tmp.open().auditTrail()
        #expect(Set(trail.map(\.seq)).count == trail.count, "no sequence number is used twice")
        let chained = try #require(trail.last)
        #expect(chained.prev != nil)
        // The first chained record covers the last legacy one: an edit there is still detected.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: journal))
        let all = try #require(JournalFile.parse(bytes))
        var edited = JournalFile.magic
        for (i, p) in all.payloads.enumerated() {
            if i == all.payloads.count - 2 {
                var rec = try PropertyListDecoder().decode(JournalRecord.self, from: p)
                rec.actor = "rewritten"
                edited.append(JournalFile.frame(try BinaryPlistEncoder().encode(rec)))
            } else { edited.append(JournalFile.frame(p)) }
        }
        try edited.write(to: URL(fileURLWithPath: journal))
        #expect(try Store.check(at: tmp.path).contains { !$0.ok && $0.detail.contains("hash chain broken") })
    }
}
