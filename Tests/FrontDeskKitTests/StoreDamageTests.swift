import Foundation
import Testing
import TestSupport
@testable import FrontDeskKit

/// Damage is never mistaken for a torn write (issue 9): a complete frame with a bad checksum, even
/// the last one, was acknowledged once; it is refused, named to the byte, and never cut off.
@Suite("Store damage")
struct StoreDamageTests {
    func storeWithVisitors(_ n: Int) throws -> (TempStore, Store, [String], String) {
        let tmp = try TempStore("damage")
        let store = try tmp.create()
        var ids: [String] = []
        for i in 1...n { ids.append(try storeTestAddVisitor(store, "Guest \(i)")) }
        return (tmp, store, ids, try #require(JournalFile.current(in: tmp.path).first))
    }

    @Test func aFlippedByteInTheLastAcknowledgedRecordIsRefusedAndItsIdNeverReused() throws {
        let (tmp, store, ids, journal) = try storeWithVisitors(3)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: journal))
        let parsed = try #require(JournalFile.parse(bytes))
        let lastStart = parsed.goodEnd - JournalFile.frame(try #require(parsed.payloads.last)).count
        bytes[bytes.count - 3] ^= 0x01  // inside the last record's payload
        try bytes.write(to: URL(fileURLWithPath: journal))
        let sizeBefore = bytes.count

        // A new session is refused, naming the byte where the damaged record starts.
        do {
            _ = try tmp.open()
            Issue.record("a store with a damaged last record opened")
        } catch let e as StoreError {
            #expect(e.problem.contains("damaged at byte \(lastStart)"), "\(e)")
            #expect(e.problem.contains("not a torn last write"))
        }
        // A session that opened before the damage may not write either: nothing is cut off.
        #expect(throws: StoreError.self) { try storeTestAddVisitor(store, "Would reuse the id") }
        #expect(try Data(contentsOf: URL(fileURLWithPath: journal)).count == sizeBefore)
        let report = try #require(store.check().first { $0.file.hasPrefix("journal.") })
        #expect(!report.ok)
        #expect(report.detail.contains("byte \(lastStart)"), "\(report.detail)")

        // Through the CLI: check names the byte and exits 4; visitor add refuses, so no id is printed twice.
        let env = CLI.vars(tmp.path)
        let check = try CLI.run(["check"], env: env)
        #expect(check.status == 4, "\(check)")
        #expect(check.stdout.contains("byte \(lastStart)"), "\(check.stdout)")
        let add = try CLI.run(["visitor", "add", "--name", "Next", "--host", "lina", "--at", "2026-03-10 11:00"], env: env)
        #expect(add.status == 4, "\(add)")
        #expect(!ids.contains(add.firstLine) || add.firstLine.isEmpty)
        #expect(add.stdout.isEmpty)
    }

    @Test func aLengthNoRecordCanHaveIsDamageNotATear() throws {
        let (tmp, _, _, journal) = try storeWithVisitors(2)
        try JournalFile.append(Data([0xFF, 0xFF, 0xFF, 0xF0, 1, 2, 3, 4, 5]), to: journal)
        #expect(throws: StoreError.self) { _ = try tmp.open() }
    }

    @Test func anIncompleteLastFrameIsStillATear() throws {
        let (tmp, store, ids, journal) = try storeWithVisitors(2)
        let last = try #require(JournalFile.parse(file: journal)?.payloads.last)
        try JournalFile.append(JournalFile.frame(last).dropLast(1), to: journal)
        let reopened = try tmp.open()
        #expect(reopened.seq == store.seq)
        for id in ids { #expect(reopened.state.visitors[id] != nil) }
    }
}
