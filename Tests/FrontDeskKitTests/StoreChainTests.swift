import Foundation
import Testing
import TestSupport
@testable import FrontDeskKit
#if canImport(Glibc)
import Glibc
#endif

/// SHA-256, the hash chain, range checks on records read from disk, audit order and the lock timeout.
@Suite("Store chain")
struct StoreChainTests {
    @Test func sha256MatchesTheStandardVectors() {
        #expect(SHA256.hash(Data()).hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hash(Data("abc".utf8)).hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hash(Data("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)).hex
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hash(Data(repeating: 0x61, count: 1_000_000)).hex == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func sha256AgreesWithSha256sumOnEveryLengthAroundABlock() throws {
        guard CLI.available("sha256sum") else { return }
        let tmp = try TempStore("sha")
        try FileManager.default.createDirectory(atPath: tmp.path, withIntermediateDirectories: true)
        for n in [1, 55, 56, 63, 64, 65, 119, 120, 128, 1000, 4097] {
            let d = Data((0..<n).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
            let f = tmp.path + "/\(n)"
            try d.write(to: URL(fileURLWithPath: f))
            let r = try CLI.exec("sha256sum", [f])
            #expect(r.stdout.hasPrefix(SHA256.hash(d).hex), "length \(n)")
        }
    }

    func storeWith(_ n: Int) throws -> (TempStore, Store, String) {
        let tmp = try TempStore("chain")
        let store = try tmp.create()
        for i in 1...n { try storeTestAddVisitor(store, "Guest \(i)") }
        return (tmp, store, try #require(JournalFile.current(in: tmp.path).first))
    }

    @Test func everyRecordCarriesTheHashOfTheFrameBeforeIt() throws {
        let (tmp, _, journal) = try storeWith(4)
        defer { withExtendedLifetime(tmp) {} }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: journal))
        let parsed = try #require(JournalFile.parse(bytes))
        var prevFrame: Data?
        for p in parsed.payloads {
            let rec = try PropertyListDecoder().decode(JournalRecord.self, from: p)
            let expected = prevFrame.map { Data(SHA256.hash($0)) } ?? HashChain.genesis
            #expect(rec.prev == expected)
            prevFrame = JournalFile.frame(p)
        }
    }

    @Test func anEditInTheMiddleWithACorrectChecksumIsDetected() throws {
        let (tmp, _, journal) = try storeWith(5)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: journal))
        let parsed = try #require(JournalFile.parse(bytes))
        // Re-frame record 4 (a visitor) with another name: its CRC is correct, its hash is not.
        var out = JournalFile.magic
        var editedAt = 0, nextAt = 0
        for (i, p) in parsed.payloads.enumerated() {
            var frame = JournalFile.frame(p)
            if i == 3 {
                var rec = try PropertyListDecoder().decode(JournalRecord.self, from: p)
                guard case .addVisitor(var v) = rec.change else { Issue.record("not a visitor"); return }
                v.name = "Forged"
                rec.change = .addVisitor(v)
                frame = JournalFile.frame(try BinaryPlistEncoder().encode(rec))
                editedAt = out.count
            }
            if i == 4 { nextAt = out.count }
            out.append(frame)
        }
        #expect(editedAt > 0 && nextAt > editedAt)
        try out.write(to: URL(fileURLWithPath: journal))
        #expect(JournalFile.parse(out)?.trailing == 0, "every checksum is right")
        do {
            _ = try tmp.open()
            Issue.record("an edited journal opened")
        } catch let e as StoreError {
            #expect(e.problem.contains("byte \(nextAt)"), "\(e)")
        }
        let report = try Store.check(at: tmp.path)
        let j = try #require(report.first { $0.file.hasPrefix("journal.") })
        #expect(!j.ok)
        #expect(j.detail.contains("hash chain broken at record 5 (byte \(nextAt)"), "\(j.detail)")
    }

    @Test func theChainRunsAcrossGenerationsAndCheckFollowsIt() throws {
        let (tmp, store, _) = try storeWith(3)
        try store.compact()
        try storeTestAddVisitor(store, "After compaction")
        let fresh = try tmp.open()
        let results = fresh.check()
        let bad = results.filter { !$0.ok }
        #expect(bad.isEmpty, "\(bad)")
        // Edit the archived journal's last record: the current generation's first record no longer follows.
        let archived = tmp.file("history/journal.000001.log")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: archived))
        let parsed = try #require(JournalFile.parse(bytes))
        var out = JournalFile.magic
        for (i, p) in parsed.payloads.enumerated() {
            if i == parsed.payloads.count - 1 {
                var rec = try PropertyListDecoder().decode(JournalRecord.self, from: p)
                rec.actor = "someone else"
                out.append(JournalFile.frame(try BinaryPlistEncoder().encode(rec)))
            } else { out.append(JournalFile.frame(p)) }
        }
        try out.write(to: URL(fileURLWithPath: archived))
        let report = try Store.check(at: tmp.path)
        #expect(report.contains { !$0.ok && ($0.file == "snapshot.plist" || $0.file.hasPrefix("journal.")) && $0.detail.contains("chain") }, "\(report)")
        #expect(report.contains { !$0.ok && $0.file == "history/journal.000001.log" }, "the manifest hash names the file too")
    }

    /// A receive record of `quantity` units, checksummed and chained after the journal's last frame.
    func appendForged(_ journal: String, seq: Int, id: String, quantity: Int) throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: journal))
        let parsed = try #require(JournalFile.parse(bytes))
        let last = JournalFile.frame(try #require(parsed.payloads.last))
        let rec = JournalRecord(seq: seq, at: TempStore.date("2026-03-10 11:00"), unixUser: "root", uid: 0, actor: "lina",
                                change: .moveStock(StockMove(id: id, sku: "PAP-A4", kind: .receive, quantity: quantity,
                                                             at: TempStore.date("2026-03-10 11:00"), by: "lina")),
                                prev: Data(SHA256.hash(last)))
        try JournalFile.append(JournalFile.frame(try BinaryPlistEncoder().encode(rec)), to: journal)
    }

    @Test func twoCraftedRecordsOfTwoToTheSixtySecondUnitsGiveAClearErrorNotATrap() throws {
        let tmp = try TempStore("huge")
        let store = try tmp.create()
        try store.commitBatch { s, ctx in DemoOffice.changes(now: ctx.now, calendar: ctx.env.calendar, operator: ctx.actor, in: s) }
        let journal = try #require(JournalFile.current(in: tmp.path).first)
        try appendForged(journal, seq: store.seq + 1, id: "K900", quantity: 1 << 62)
        try appendForged(journal, seq: store.seq + 2, id: "K901", quantity: 1 << 62)
        let r = try CLI.run(["stock", "ledger", "--month", "2026-03"], env: CLI.vars(tmp.path))
        #expect(r.status == 4, "\(r)")
        #expect(r.stderr.contains("cannot be real"), "\(r.stderr)")
        #expect(r.stderr.contains("quantity 4611686018427387904"), "\(r.stderr)")
        let check = try CLI.run(["check"], env: CLI.vars(tmp.path))
        #expect(check.status == 4 && check.stdout.contains("is damage"), "\(check)")
    }

    @Test func aFailedSettingsOrHookWriteLeavesNoAuditRecord() throws {
        let tmp = try TempStore("audit")
        let store = try tmp.create()
        let journal = try #require(JournalFile.current(in: tmp.path).first)
        let before = try Data(contentsOf: URL(fileURLWithPath: journal))
        store.dir.failReplace = StorePaths.meta
        #expect(throws: StoreError.self) { try store.updateSettings(key: "dayEndHour", value: "19") { $0.dayEndHour = 19 } }
        store.dir.failReplace = StorePaths.hooks
        #expect(throws: StoreError.self) { try store.setHook(event: "visitor.add", command: "true") }
        #expect(try Data(contentsOf: URL(fileURLWithPath: journal)) == before, "no record of a change that did not happen")
        #expect(try tmp.open().auditTrail().allSatisfy { $0.change.name != "settings.change" })
        store.dir.failReplace = nil
        try store.updateSettings(key: "dayEndHour", value: "19") { $0.dayEndHour = 19 }
        #expect(try tmp.open().auditTrail().filter { $0.change.name == "settings.change" }.count == 1)
    }

    @Test func aHeldLockMakesTheWriterGiveUpNamingTheHolder() throws {
        let tmp = try TempStore("lock")
        let store = try tmp.create()
        let fd = open(tmp.file("store.lock"), O_RDWR)
        #expect(fd >= 0)
        defer { close(fd) }
        let take: (Int32, Int32) -> Int32 = flock
        #expect(take(fd, LOCK_EX) == 0)
        let note = Data("pid 4242 user holder\n".utf8)
        _ = ftruncate(fd, 0)
        _ = note.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        store.lockTimeout = 0.2
        do {
            try storeTestAddVisitor(store, "Waits")
            Issue.record("wrote through a held lock")
        } catch let e as StoreError {
            #expect(e.problem == "locked for more than 0.2 s by pid 4242 user holder", "\(e)")
        }
        _ = take(fd, LOCK_UN)
        try storeTestAddVisitor(store, "After the lock is free")
    }
}

/// Purging personal data rewrites old records: the chain, the snapshot head, the segments and the
/// manifest are relinked with them, so check still passes and writes still chain.
@Suite("Store chain after purge")
struct StoreChainPurgeTests {
    @Test func aPurgingCompactionKeepsTheChainWhole() throws {
        let tmp = try TempStore("purge")
        let store = try tmp.create(at: "2026-01-05 10:30")
        let id = try storeTestAddVisitor(store, "Old Guest", at: "2026-01-05 11:00")
        try store.commit(.cancelVisitor(visitorID: id, at: TempStore.date("2026-01-05 11:30")))
        store.env = TempStore.env(at: "2026-02-01 10:30")
        try store.compact()
        try storeTestAddVisitor(store, "Between", at: "2026-02-01 11:00")
        store.env = TempStore.env(at: "2026-03-01 10:30")
        try store.compact()
        try storeTestAddVisitor(store, "Recent", at: "2026-03-01 11:00")
        // Past the 180-day retention: the first journal and January's segment are purged.
        store.env = TempStore.env(at: "2026-09-15 10:30")
        let report = try store.compact()
        #expect(report.purgedRecords > 0 && report.purgedVisitors > 0, "\(report)")
        let archived = try String(decoding: Data(contentsOf: URL(fileURLWithPath: tmp.file("history/journal.000001.log"))), as: UTF8.self)
        #expect(!archived.contains("Old Guest"))
        try storeTestAddVisitor(store, "After purge", at: "2026-09-15 11:00")
        let bad = try Store.check(at: tmp.path).filter { !$0.ok }
        #expect(bad.isEmpty, "\(bad)")
        #expect(try tmp.open(at: "2026-09-15 10:30").state.visitors.values.contains { $0.name == "After purge" })
    }
}
