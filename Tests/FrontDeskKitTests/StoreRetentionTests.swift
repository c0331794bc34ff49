import Foundation
import Testing
import TestSupport
@testable import FrontDeskKit

/// The daily purge of visitors' personal data past the retention period (Store/Retention.swift).
@Suite("Store retention")
struct StoreRetentionTests {
    static let oldNumber = "110101199001011234"
    static let youngNumber = "110101199001015678"

    @discardableResult
    func addVisitor(_ store: Store, _ name: String, idNumber: String? = nil, at when: String) throws -> String {
        let rec = try store.commit { s, ctx in
            .addVisitor(Visitor(id: ctx.env.ids.next(.visitor, in: s), name: name, host: "lina",
                                expectedAt: TempStore.date(when), receivedAt: ctx.now, idNumber: idNumber))
        }
        return rec.change.subject
    }

    /// The store's files (relative paths) whose bytes contain `text`.
    func filesContaining(_ tmp: TempStore, _ text: String) -> [String] {
        tmp.files().filter { f in
            guard let d = FileManager.default.contents(atPath: tmp.file(f)) else { return false }
            return d.range(of: Data(text.utf8)) != nil
        }
    }

    @Test func aVisit181DaysOldIsPurgedOnTheFirstWriteOfTheDayAndOne179DaysOldIsNot() throws {
        let tmp = try TempStore("retention-day")
        let store = try tmp.create(at: "2026-01-02 09:00")
        let old = try addVisitor(store, "Old Guest", idNumber: Self.oldNumber, at: "2026-01-03 10:00")
        let young = try addVisitor(store, "Young Guest", idNumber: Self.youngNumber, at: "2026-01-05 10:00")
        for id in [old, young] { try store.commit(.cancelVisitor(visitorID: id, at: TempStore.date("2026-01-02 09:30"))) }
        store.env = TempStore.env(at: "2026-01-20 10:00")
        try store.compact()  // both visits move to history/2026-01.plist, their records to journal.000001.log
        // ... and the returning-visitor list of the working set (snapshot.plist) remembers both names.
        let where_ = ["history/2026-01.plist", "history/journal.000001.log", "snapshot.plist"]

        // 2026-07-02: Old Guest's visit is 180 days old, kept.
        store.env = TempStore.env(at: "2026-07-02 09:00")
        try addVisitor(store, "Thursday Guest", at: "2026-07-02 10:00")
        #expect(filesContaining(tmp, "Old Guest") == where_)

        // 2026-07-03: 181 days old, purged by the first write; Young Guest (179 days) kept.
        store.env = TempStore.env(at: "2026-07-03 09:00")
        try addVisitor(store, "Friday Guest", at: "2026-07-03 10:00")
        #expect(filesContaining(tmp, "Old Guest") == [])
        #expect(filesContaining(tmp, Self.oldNumber) == [])
        #expect(filesContaining(tmp, "Young Guest") == where_)
        #expect(filesContaining(tmp, Self.youngNumber) == Array(where_.prefix(2)))
        #expect(store.state.returningVisitors["old guest"] == nil && store.state.returningVisitors["young guest"] != nil)
        let seg = try #require(try store.history(month: "2026-01"))
        #expect(seg.visitors.count == 2)  // the visit is still counted
        let purged = try #require(seg.visitors.first { $0.id == old })
        #expect(purged.name == "(purged)" && purged.idNumber == nil && purged.host == "lina" && purged.status == .cancelled)
        #expect(seg.visitors.first { $0.id == young }?.name == "Young Guest")
        let bad = try Store.check(at: tmp.path).filter { !$0.ok }
        #expect(bad.isEmpty, "\(bad)")

        // A second write later the same day does not purge again: a purge rewrites the manifest
        // (its writtenAt would say 11:00) and the snapshot; both stay byte for byte.
        let manifest = FileManager.default.contents(atPath: tmp.file("manifest.plist"))
        let snapshot = FileManager.default.contents(atPath: tmp.file("snapshot.plist"))
        let generation = store.currentGeneration
        store.env = TempStore.env(at: "2026-07-03 11:00")
        try addVisitor(store, "Second Friday Guest", at: "2026-07-03 12:00")
        #expect(FileManager.default.contents(atPath: tmp.file("manifest.plist")) == manifest)
        #expect(FileManager.default.contents(atPath: tmp.file("snapshot.plist")) == snapshot)
        #expect(store.currentGeneration == generation)

        let reopened = try tmp.open(at: "2026-07-03 12:00")
        #expect(Set(reopened.state.visitors.values.map(\.name)).isSuperset(of: ["Thursday Guest", "Friday Guest", "Second Friday Guest"]))
        #expect(try Store.check(at: tmp.path).filter { !$0.ok }.isEmpty)
    }

    @Test func aVisitStillInTheWorkingSetAndTheCurrentJournalIsPurgedFromEveryFile() throws {
        let tmp = try TempStore("retention-working")
        let store = try tmp.create(at: "2026-01-02 09:00")
        let open = try addVisitor(store, "Open Guest", idNumber: Self.oldNumber, at: "2026-01-03 10:00")  // never closed
        store.env = TempStore.env(at: "2026-07-03 09:00")
        try addVisitor(store, "Today Guest", at: "2026-07-03 10:00")
        #expect(filesContaining(tmp, "Open Guest") == [])
        #expect(filesContaining(tmp, Self.oldNumber) == [])
        #expect(store.state.visitors[open]?.name == "(purged)")
        let reopened = try tmp.open(at: "2026-07-03 11:00")
        #expect(reopened.state.visitors.count == 2)
        #expect(reopened.state.visitors[open]?.name == "(purged)" && reopened.state.visitors[open]?.idNumber == nil)
        #expect(reopened.state.visitors.values.contains { $0.name == "Today Guest" })
        try addVisitor(reopened, "Later Guest", at: "2026-07-03 12:00")
        let bad = try Store.check(at: tmp.path).filter { !$0.ok }
        #expect(bad.isEmpty, "\(bad)")
    }

    @Test func aPurgeThatFailsIsANoticeAndTheWriteStands() throws {
        let tmp = try TempStore("retention-fail")
        let store = try tmp.create(at: "2026-01-02 09:00")
        try addVisitor(store, "Open Guest", idNumber: Self.oldNumber, at: "2026-01-03 10:00")
        store.env = TempStore.env(at: "2026-07-03 09:00")
        store.dir.failReplace = StorePaths.manifest
        let today = try addVisitor(store, "Today Guest", at: "2026-07-03 10:00")
        store.dir.failReplace = nil
        let notices = store.afterCommit.takeNotices()
        #expect(notices.contains { $0.contains("could not be purged") && $0.contains("the next write tries again") }, "\(notices)")
        #expect(try tmp.open(at: "2026-07-03 10:00").state.visitors[today]?.name == "Today Guest")
        #expect(!filesContaining(tmp, "Open Guest").isEmpty)
        try addVisitor(store, "Later Guest", at: "2026-07-03 11:00")  // the next write purges
        #expect(filesContaining(tmp, "Open Guest") == [])
        #expect(try Store.check(at: tmp.path).filter { !$0.ok }.isEmpty)
    }
}
