import Foundation
import Testing
@testable import FrontDeskKit
import TestSupport

/// Adds one visitor through the store's only write path and returns its id.
@discardableResult
func storeTestAddVisitor(_ store: Store, _ name: String, at when: String = "2026-03-10 11:00") throws -> String {
    let rec = try store.commit { s, ctx in
        .addVisitor(Visitor(id: ctx.env.ids.next(.visitor, in: s), name: name, host: "lina",
                            expectedAt: TempStore.date(when), receivedAt: ctx.now))
    }
    return rec.change.subject
}

/// Guarantee 1 (acknowledged only once durable) and 3 (a torn last record loses only itself).
@Suite struct StoreDurabilityTests {
    @Test func commitReturnsOnlyWhenTheRecordIsInTheJournalFile() throws {
        let tmp = try TempStore("durable")
        let store = try tmp.create()
        for i in 1...5 {
            let rec = try store.commit { s, ctx in
                .addVisitor(Visitor(id: ctx.env.ids.next(.visitor, in: s), name: "访客 \(i)", host: "lina",
                                    expectedAt: TempStore.date("2026-03-10 11:00"), receivedAt: ctx.now))
            }
            // The bytes are in the file the moment commit returns: scan it independently.
            let journal = try #require(JournalFile.current(in: tmp.path).first)
            let parsed = try #require(JournalFile.parse(file: journal))
            #expect(parsed.trailing == 0)
            let last = try PropertyListDecoder().decode(JournalRecord.self, from: try #require(parsed.payloads.last))
            #expect(last == rec)
            #expect(last.seq == store.seq)
            // A second Store instance (another session) opening now sees it.
            let other = try tmp.open()
            #expect(other.state.visitors[rec.change.subject]?.name == "访客 \(i)")
            #expect(other.seq == rec.seq)
            #expect(other.state == store.state)
        }
    }

    @Test func batchIsAllInTheFileWhenItReturns() throws {
        let tmp = try TempStore("batch")
        let store = try tmp.create()
        let records = try store.commitBatch { s, ctx in
            (1...3).map { i in
                .addBadges(["X\(i)"])
            }
        }
        let journal = try #require(JournalFile.current(in: tmp.path).first)
        let parsed = try #require(JournalFile.parse(file: journal))
        let tail = try parsed.payloads.suffix(3).map { try PropertyListDecoder().decode(JournalRecord.self, from: $0) }
        #expect(tail == records)
        #expect(try tmp.open().state.badges["X3"] != nil)
    }

    @Test func refusedChangeWritesNothing() throws {
        let tmp = try TempStore("refused")
        let store = try tmp.create()
        let journal = try #require(JournalFile.current(in: tmp.path).first)
        let before = try #require(FileManager.default.contents(atPath: journal))
        #expect(throws: Refusal.self) { try store.commit(.addBadges(["B001"])) }  // exists already
        #expect(FileManager.default.contents(atPath: journal) == before)
    }

    // MARK: Torn tails

    /// Only an incomplete last frame is a tear (a complete frame with a bad checksum is damage:
    /// StoreDamageTests).
    enum Tear: CaseIterable { case lengthPastTheEnd, halfFrame, headerOnly, shortHeader }

    func tornBytes(_ tear: Tear, lastPayload: Data) -> Data {
        switch tear {
        case .lengthPastTheEnd: return Data([0, 0, 1, 0] + (0..<33).map { UInt8(truncatingIfNeeded: $0 &* 73 &+ 11) })
        case .halfFrame:
            let f = JournalFile.frame(lastPayload)
            return f.prefix(f.count / 2)
        case .headerOnly: return JournalFile.frame(lastPayload).prefix(8)
        case .shortHeader: return Data([0, 0, 1])
        }
    }

    @Test(arguments: Tear.allCases)
    func tornLastRecordLosesOnlyItselfAndTheNextWriterCutsIt(_ tear: Tear) throws {
        let tmp = try TempStore("torn")
        let store = try tmp.create()
        var ids: [String] = []
        for i in 1...4 { ids.append(try storeTestAddVisitor(store, "Guest \(i)")) }
        let good = store.state
        let journal = try #require(JournalFile.current(in: tmp.path).first)
        let clean = try #require(FileManager.default.contents(atPath: journal))
        let lastPayload = try #require(JournalFile.parse(clean)?.payloads.last)
        let torn = tornBytes(tear, lastPayload: lastPayload)
        try JournalFile.append(torn, to: journal)

        // Opens, with every acknowledged record.
        let reader = try tmp.open()
        #expect(reader.state == good)
        #expect(reader.seq == store.seq)
        for id in ids { #expect(reader.state.visitors[id] != nil) }

        // check reports the torn bytes and that nothing acknowledged is lost.
        let report = reader.check()
        let jr = try #require(report.first { $0.file.hasPrefix("journal.") })
        #expect(jr.ok)
        #expect(jr.detail.contains("\(torn.count) bytes of a torn last record"), "\(jr.detail)")

        // The next commit (from a fresh session) cuts the torn bytes and appends on a boundary.
        let writer = try tmp.open()
        let newID = try storeTestAddVisitor(writer, "After the crash")
        let after = try #require(FileManager.default.contents(atPath: journal))
        #expect(after.prefix(clean.count) == clean)
        let parsed = try #require(JournalFile.parse(after))
        #expect(parsed.trailing == 0)
        #expect(parsed.payloads.count == JournalFile.parse(clean)!.payloads.count + 1)
        let fresh = try tmp.open()
        #expect(fresh.state.visitors[newID]?.name == "After the crash")
        for id in ids { #expect(fresh.state.visitors[id] != nil) }
        // The reader that opened before the repair follows it too.
        try reader.refresh()
        #expect(reader.state.visitors[newID] != nil)
        #expect(fresh.check().allSatisfy { $0.ok && !$0.detail.contains("torn") })
    }

    @Test func damagedSnapshotNamesTheFileAndTheWayOut() throws {
        let tmp = try TempStore("damaged")
        try tmp.create()
        try Data("bplist00 this is not a snapshot".utf8).write(to: URL(fileURLWithPath: tmp.file("snapshot.plist")))
        do {
            _ = try tmp.open()
            Issue.record("a damaged snapshot opened")
        } catch let e as StoreError {
            #expect(e.file.hasSuffix("snapshot.plist"))
            #expect(e.remedy.contains("frontdesk check"))
        }
    }
}
