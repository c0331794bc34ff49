import Foundation
import Testing
@testable import FrontDeskKit
import TestSupport

/// `Store.backup` and `Backup.restore`: a round trip keeps everything; a damaged, newer or crafted
/// backup, or a directory that is not empty, is refused with nothing left behind.
@Suite struct BackupTests {
    /// A demo office with history: compacted a month later, a setting changed, more records after.
    func officeWithHistory() throws -> (TempStore, Store) {
        let tmp = try TempStore("backup")
        let store = try tmp.create(at: "2026-03-10 10:30")
        try store.commitBatch { s, ctx in DemoOffice.changes(now: ctx.now, calendar: ctx.env.calendar, operator: ctx.actor, in: s) }
        let later = try tmp.open(at: "2026-05-20 10:30")
        try later.compact()
        try later.updateSettings(key: "visitorConfirmWithin", value: "45m") { $0.visitorConfirmWithin = 45 * 60 }
        try later.commit(.addBadges(["B-EXTRA"]))
        return (tmp, later)
    }

    func backupFile(_ tmp: TempStore, _ store: Store) throws -> String {
        let file = tmp.base + "/office.fdbackup"
        try store.backup(to: file)
        return file
    }

    /// Rewrites a backup's header with `edit`, with a correct header checksum, so only what the
    /// edit says is wrong (a crafted file, not a damaged one).
    func craft(_ file: String, _ edit: (inout BackupHeader) -> Void, bodies: ((inout Data) -> Void)? = nil) throws -> String {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        let headLength = Int(bytes.withUnsafeBytes { UInt32(bigEndian: $0.loadUnaligned(fromByteOffset: 12, as: UInt32.self)) })
        var header = try BinaryPlistDecoder().decode(BackupHeader.self, from: bytes.subdata(in: 48..<(48 + headLength)))
        var body = bytes.subdata(in: (48 + headLength)..<bytes.count)
        edit(&header)
        bodies?(&body)
        let head = try BinaryPlistEncoder().encode(header)
        var out = bytes.prefix(12)
        withUnsafeBytes(of: UInt32(head.count).bigEndian) { out.append(contentsOf: $0) }
        out.append(contentsOf: SHA256.hash(head))
        out.append(head)
        out.append(body)
        let crafted = file + ".crafted"
        try out.write(to: URL(fileURLWithPath: crafted))
        return crafted
    }

    func expectRefused(_ file: String, into dir: String, _ words: String, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            try Backup.restore(from: file, into: dir)
            Issue.record("restored a backup that should be refused (\(words))", sourceLocation: sourceLocation)
        } catch {
            #expect("\(error)".contains(words), "\(error)", sourceLocation: sourceLocation)
        }
        #expect(!FileManager.default.fileExists(atPath: dir), "restore left \(dir) behind", sourceLocation: sourceLocation)
    }

    @Test func roundTripKeepsEveryRecordHistorySegmentAndSetting() throws {
        let (tmp, store) = try officeWithHistory()
        #expect(!store.historyMonths.isEmpty, "the office should have month segments")
        let file = try backupFile(tmp, store)
        let target = tmp.base + "/restored"
        let r = try Backup.restore(from: file, into: target)
        #expect(r.header.seq == store.seq)
        let restored = try Store.open(at: target, env: TempStore.env(at: "2026-05-20 10:30"))
        #expect(restored.state == store.state)
        #expect(restored.seq == store.seq)
        #expect(restored.meta == store.meta)
        #expect(restored.meta.settings.visitorConfirmWithin == 45 * 60)
        #expect(restored.historyMonths == store.historyMonths)
        for m in store.historyMonths { #expect(try restored.history(month: m) == store.history(month: m), "\(m)") }
        #expect(try restored.auditTrail() == store.auditTrail())
        let bad = restored.check().filter { !$0.ok }
        #expect(bad.isEmpty, "\(bad)")
        // The same bytes, file for file (the lock file is made new).
        let original = tmp.files().filter { $0 != "store.lock" }
        let copied = (FileManager.default.enumerator(atPath: target)?.compactMap { $0 as? String } ?? []).sorted().filter { $0 != "store.lock" }
        #expect(copied == original)
        for f in original where !f.hasSuffix("history") {
            #expect(FileManager.default.contents(atPath: tmp.file(f)) == FileManager.default.contents(atPath: target + "/" + f), "\(f)")
        }
        // Modes: the backup is 0600 (personal data), the restored store is its owner's alone.
        #expect(TempStore.mode(file).map { $0 & 0o777 } == 0o600)
        #expect(TempStore.mode(target).map { $0 & 0o777 } == 0o700)
        #expect(TempStore.mode(target + "/meta.plist").map { $0 & 0o777 } == 0o600)
        // And it takes new records.
        try restored.commit(.addBadges(["B-AFTER"]))
        #expect(restored.seq == store.seq + 1)
    }

    @Test func backupWhileAnotherSessionWritesIsConsistent() throws {
        let (tmp, store) = try officeWithHistory()
        let path = tmp.path
        let done = DispatchSemaphore(value: 0)
        // Another session (its own Store, its own lock descriptor) writes as fast as it can.
        Thread.detachNewThread {
            defer { done.signal() }
            guard let writer = try? Store.open(at: path, env: TempStore.env(at: "2026-05-20 10:31")) else { return }
            for i in 0..<120 { _ = try? writer.commit(.addBadges(["W\(i)"])) }
        }
        var seqs: [Int] = []
        for i in 0..<6 {
            let file = tmp.base + "/during-\(i).fdbackup"
            try store.backup(to: file)
            let target = tmp.base + "/during-\(i)"
            let r = try Backup.restore(from: file, into: target)
            seqs.append(r.header.seq)
            let restored = try Store.open(at: target, env: TempStore.env(at: "2026-05-20 10:32"))
            #expect(restored.seq == r.header.seq, "the backup's records end at the sequence it names")
            let bad = restored.check().filter { !$0.ok }
            #expect(bad.isEmpty, "backup \(i) while writing: \(bad)")
        }
        done.wait()
        #expect(seqs == seqs.sorted())
    }

    @Test func aChangedByteAnywhereIsRefusedAndNothingIsLeftBehind() throws {
        let (tmp, store) = try officeWithHistory()
        let file = try backupFile(tmp, store)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        // In the header's length, the header, the first file, a middle one, the last byte.
        for at in [13, 60, 2000, bytes.count / 2, bytes.count - 1] {
            var damaged = bytes
            damaged[at] ^= 0x40
            let bad = tmp.base + "/damaged-\(at).fdbackup"
            try damaged.write(to: URL(fileURLWithPath: bad))
            expectRefused(bad, into: tmp.base + "/from-damaged-\(at)", "damaged")
        }
        // Cut short, and with bytes added.
        try bytes.prefix(bytes.count - 10).write(to: URL(fileURLWithPath: tmp.base + "/short"))
        expectRefused(tmp.base + "/short", into: tmp.base + "/from-short", "damaged")
        try (bytes + Data([0])).write(to: URL(fileURLWithPath: tmp.base + "/long"))
        expectRefused(tmp.base + "/long", into: tmp.base + "/from-long", "damaged")
        // An existing empty directory stays empty.
        let empty = tmp.base + "/empty"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: false)
        var damaged = bytes
        damaged[bytes.count - 1] ^= 1
        try damaged.write(to: URL(fileURLWithPath: tmp.base + "/last"))
        #expect(throws: StoreError.self) { try Backup.restore(from: tmp.base + "/last", into: empty) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: empty).isEmpty)
    }

    @Test func aNewerSchemaIsRefusedInWords() throws {
        let (tmp, store) = try officeWithHistory()
        let file = try backupFile(tmp, store)
        let newer = try craft(file) { $0.schemaVersion = StoreSchema.current + 1 }
        expectRefused(newer, into: tmp.base + "/newer", "newer frontdesk (store schema \(StoreSchema.current + 1)")
        var bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        bytes[11] = 9  // container format 9
        try bytes.write(to: URL(fileURLWithPath: tmp.base + "/format9"))
        expectRefused(tmp.base + "/format9", into: tmp.base + "/newer9", "backup format 9")
    }

    @Test func pathsOutsideTheStoreLinksAndOversizedEntriesAreRefused() throws {
        let (tmp, store) = try officeWithHistory()
        let file = try backupFile(tmp, store)
        for evil in ["../escaped.plist", "/tmp/escaped.plist", "history/../../escaped.plist", "history/../meta.plist",
                     "./meta.plist", "history/2026-01.plist/x", "store.lock", "notes.txt", ""] {
            let crafted = try craft(file) { h in
                guard let i = h.files.firstIndex(where: { $0.path.hasPrefix("history/") }) else { return }
                h.files[i].path = evil
            }
            expectRefused(crafted, into: tmp.base + "/evil", "not a store file")
        }
        #expect(!FileManager.default.fileExists(atPath: tmp.base + "/escaped.plist"))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/escaped.plist"))
        let link = try craft(file) { $0.files[0].kind = "symlink" }
        expectRefused(link, into: tmp.base + "/link", "regular files only")
        let huge = try craft(file) { $0.files[0].size = BackupFormat.maxEntry + 1 }
        expectRefused(huge, into: tmp.base + "/huge", "more than any store file")
        let twice = try craft(file) { $0.files.append($0.files[0]) }
        expectRefused(twice, into: tmp.base + "/twice", "appears twice")
    }

    @Test func onlyANewOrEmptyDirectoryOfYourOwnIsRestoredInto() throws {
        let (tmp, store) = try officeWithHistory()
        let file = try backupFile(tmp, store)
        let busy = tmp.base + "/busy"
        try FileManager.default.createDirectory(atPath: busy, withIntermediateDirectories: false)
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: busy + "/notes.txt"))
        #expect(throws: Refusal.self) { try Backup.restore(from: file, into: busy) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: busy) == ["notes.txt"])
        // Over the live store itself.
        #expect(throws: Refusal.self) { try Backup.restore(from: file, into: tmp.path) }
        #expect(try tmp.open(at: "2026-05-20 10:30").seq == store.seq)
        // A link to an empty directory.
        let empty = tmp.base + "/empty"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: tmp.base + "/link", withDestinationPath: empty)
        #expect(throws: Refusal.self) { try Backup.restore(from: file, into: tmp.base + "/link") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: empty).isEmpty)
        // An empty directory is fine.
        try Backup.restore(from: file, into: empty)
        #expect(try Store.open(at: empty, env: TempStore.env(at: "2026-05-20 10:30")).seq == store.seq)
    }

    @Test func hooksAreListedNotInstalledUnlessAsked() throws {
        let (tmp, store) = try officeWithHistory()
        try store.setHook(event: "visitor.arrived", command: "touch /tmp/should-not-run")
        let file = try backupFile(tmp, store)
        let plain = try Backup.restore(from: file, into: tmp.base + "/plain")
        #expect(plain.hooksLeftOut == ["visitor.arrived": "touch /tmp/should-not-run"])
        #expect(!FileManager.default.fileExists(atPath: tmp.base + "/plain/hooks.plist"))
        let with = try Backup.restore(from: file, into: tmp.base + "/with", installHooks: true)
        #expect(with.hooksLeftOut.isEmpty)
        let restored = try Store.open(at: tmp.base + "/with", env: TempStore.env(at: "2026-05-20 10:30"))
        #expect(restored.hooks().table.hooks["visitor.arrived"] == "touch /tmp/should-not-run")
    }

    @Test func onlyStoreFileNamesAreValidPaths() {
        for ok in ["meta.plist", "snapshot.plist", "manifest.plist", "hooks.plist", "journal.000012.log", "history/2026-03.plist", "history/journal.000001.log"] {
            #expect(BackupFormat.isStoreFile(ok), "\(ok)")
        }
        for bad in ["store.lock", "history", "history/", "history/meta.plist", "journal.1.log", "journal.00000a.log", "history/2026-3.plist",
                    "history/2026-03.plist.tmp.0123", "meta.plist/", "/meta.plist", "../meta.plist", "history/x/2026-03.plist"] {
            #expect(!BackupFormat.isStoreFile(bad), "\(bad)")
        }
    }
}
