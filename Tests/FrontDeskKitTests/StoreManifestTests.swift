import Foundation
import Testing
import TestSupport
@testable import FrontDeskKit

/// The manifest: every missing, emptied or shrunk history file, and an emptied current journal, is
/// detected by writers and by check; recover says what was lost and rebuilds what it can.
@Suite("Store manifest")
struct StoreManifestTests {
    /// A store with two compactions: month segments and two archived journals.
    func compacted() throws -> TempStore {
        let tmp = try TempStore("manifest")
        let store = try tmp.create(at: "2026-01-05 10:30")
        for (i, day) in ["2026-01-05", "2026-01-06"].enumerated() {
            let s = try tmp.open(at: "\(day) 10:30")
            let id = try storeTestAddVisitor(s, "Guest \(i)", at: "\(day) 11:00")
            try s.commit(.cancelVisitor(visitorID: id, at: TempStore.date("\(day) 11:30")))
        }
        _ = store
        try tmp.open(at: "2026-02-20 10:30").compact()
        try storeTestAddVisitor(try tmp.open(at: "2026-02-20 10:40"), "February", at: "2026-02-20 11:00")
        try tmp.open(at: "2026-03-20 10:30").compact()
        try storeTestAddVisitor(try tmp.open(at: "2026-03-20 10:40"), "March", at: "2026-03-20 11:00")
        return tmp
    }

    func cliRecover(_ tmp: TempStore, apply: Bool) throws -> RunResult {
        try CLI.run(["recover"] + (apply ? ["--apply"] : []), env: CLI.vars(tmp.path, now: "2026-03-20 12:00"))
    }

    @Test func aFreshAndACompactedStoreCheckClean() throws {
        let tmp = try compacted()
        #expect(tmp.files().contains("history/2026-01.plist"))
        #expect(tmp.files().contains("history/journal.000002.log"))
        let bad = try Store.check(at: tmp.path).filter { !$0.ok }
        #expect(bad.isEmpty, "\(bad)")
        let r = try cliRecover(tmp, apply: false)
        #expect(r.status == 0 && r.stdout.contains("nothing to recover"), "\(r)")
    }

    enum Loss: String, CaseIterable { case missingSegment, emptiedSegment, shrunkSegment, missingArchivedJournal, emptiedArchivedJournal, emptiedCurrentJournal, missingHistory }

    @Test(arguments: Loss.allCases)
    func eachLossIsDetectedByWritersAndCheckAndRecoverSaysWhatWasLost(_ loss: Loss) throws {
        let tmp = try compacted()
        let file: String
        switch loss {
        case .missingSegment: file = "history/2026-01.plist"; unlink(tmp.file(file))
        case .emptiedSegment: file = "history/2026-01.plist"; truncate(tmp.file(file), 0)
        case .shrunkSegment:
            file = "history/2026-01.plist"
            let size = try #require(FileManager.default.attributesOfItem(atPath: tmp.file(file))[.size] as? Int)
            truncate(tmp.file(file), off_t(size - 10))
        case .missingArchivedJournal: file = "history/journal.000001.log"; unlink(tmp.file(file))
        case .emptiedArchivedJournal: file = "history/journal.000002.log"; truncate(tmp.file(file), 0)
        case .emptiedCurrentJournal: file = "journal.000003.log"; truncate(tmp.file(file), 0)
        case .missingHistory: file = "history"; try FileManager.default.removeItem(atPath: tmp.file(file))
        }
        let journal = tmp.file("journal.000003.log")
        let before = FileManager.default.contents(atPath: journal)
        // A writer refuses (and writes no fresh header over lost records).
        let add = try CLI.run(["visitor", "add", "--name", "After", "--host", "lina", "--at", "2026-03-20 11:00"],
                              env: CLI.vars(tmp.path, now: "2026-03-20 12:00"))
        #expect(add.status == 4, "\(loss): \(add)")
        #expect(add.stderr.contains(file), "\(loss): \(add.stderr)")
        #expect(FileManager.default.contents(atPath: journal) == before)
        // check names the file.
        let check = try CLI.run(["check"], env: CLI.vars(tmp.path))
        #expect(check.status == 4, "\(loss): \(check)")
        #expect(check.stdout.contains("BAD  \(file)"), "\(loss): \(check.stdout)")
        // recover: a dry run says what was lost and changes nothing; --apply makes the store usable again.
        func snapshotOfFiles() -> [String: Data] {
            var out: [String: Data] = [:]
            for f in tmp.files() { out[f] = FileManager.default.contents(atPath: tmp.file(f)) ?? Data() }
            return out
        }
        let files = snapshotOfFiles()
        let dry = try cliRecover(tmp, apply: false)
        #expect(dry.status == 0, "\(loss): \(dry)")
        #expect(dry.stdout.contains("Would do"), "\(loss): \(dry.stdout)")
        #expect(dry.stdout.contains(String(file.dropFirst(file.hasPrefix("history/") ? 8 : 0))), "\(loss): \(dry.stdout)")
        let unchanged = snapshotOfFiles() == files
        #expect(unchanged, "a dry run changes nothing")
        let done = try cliRecover(tmp, apply: true)
        #expect(done.status == 0, "\(loss): \(done)")
        let after = try CLI.run(["check"], env: CLI.vars(tmp.path))
        #expect(after.status == 0, "\(loss): \(after)")
        let again = try CLI.run(["visitor", "add", "--name", "After recovery", "--host", "lina", "--at", "2026-03-20 11:00"],
                                env: CLI.vars(tmp.path, now: "2026-03-20 12:00"))
        #expect(again.status == 0, "\(loss): \(again)")
        let names = Set(try tmp.open().state.visitors.values.map(\.name))
        #expect(names.contains("After recovery"))
        #expect(names.contains("March") || loss == .emptiedCurrentJournal, "recover never drops records it can keep: \(loss)")
        if loss == .missingSegment || loss == .emptiedSegment || loss == .shrunkSegment {
            // Rebuilt from the journals: January's visitors are back.
            let seg = try tmp.open().history(month: "2026-01")
            #expect(seg?.visitors.count == 2, "\(loss)")
        }
    }

    @Test func aDamagedLastRecordIsCutBackAndItsBytesKept() throws {
        let tmp = try compacted()
        let journal = tmp.file("journal.000003.log")
        var bytes = try Data(contentsOf: URL(fileURLWithPath: journal))
        bytes[bytes.count - 2] ^= 0x40
        try bytes.write(to: URL(fileURLWithPath: journal))
        let dry = try cliRecover(tmp, apply: false)
        #expect(dry.stdout.contains("Lost:") && dry.stdout.contains("journal.000003.log"), "\(dry)")
        let done = try cliRecover(tmp, apply: true)
        #expect(done.status == 0, "\(done)")
        #expect(tmp.files().contains { $0.hasPrefix("damaged.journal.000003.log.") })
        #expect(try CLI.run(["check"], env: CLI.vars(tmp.path)).status == 0)
        let log = try CLI.run(["check"], env: CLI.vars(tmp.path)).stdout
        #expect(log.contains("recorded loss"), "\(log)")
    }
}
