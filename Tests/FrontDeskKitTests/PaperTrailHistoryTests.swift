import Foundation
import Testing
@testable import FrontDeskKit
import TestSupport

/// Compaction of the paper trail and the parcel desk: closed documents, ended notices, finished
/// loans and handled parcels move to the month segments; open ones, archive files and assets
/// stay; each is found again by id; reports read history and reconcile with the raw records.
@Suite struct PaperTrailHistoryTests {
    /// The ids of the records one office day adds: a closed and an open one of each kind.
    struct Day {
        var closedDoc = "", openDoc = "", endedNotice = "", shownNotice = "", file = "", returnedLoan = "", openLoan = ""
        var collected = "", waiting = "", sent = ""
    }

    static let day = "2026-01-05 09:00"
    static let later = "2026-03-10 10:00"

    /// The demo office of 5 January 2026, plus one closed and one open record of each kind made that day.
    static func office(_ tmp: TempStore) throws -> Day {
        let store = try tmp.create(at: day)
        try store.commitBatch { s, ctx in DemoOffice.changes(now: ctx.now, calendar: ctx.env.calendar, operator: ctx.actor, in: s) }
        var d = Day()
        func add(_ make: (OfficeState, RuleContext) throws -> Change) throws -> String { try store.commit(make).change.subject }
        let dept = try #require(store.state.departments.keys.sorted().first)
        d.closedDoc = try add { s, ctx in
            s.registerIncoming(title: "关于年检的通知 Annual inspection", sender: "市场监管局", receivedOn: ctx.now, category: nil, urgency: .urgent,
                               confidentiality: .none, pages: 3, attachment: nil, ctx)
        }
        let now = store.env.now()
        _ = try store.commit(.document(.submit(documentID: d.closedDoc, leader: "lina", by: "lina", at: now)))
        _ = try store.commit(.document(.decide(documentID: d.closedDoc, text: "请办理", by: "lina", at: now)))
        _ = try store.commit(.document(.forward(documentID: d.closedDoc, departments: [dept], by: "lina", at: now)))
        _ = try store.commit(.document(.handled(documentID: d.closedDoc, department: dept, note: "done", by: "lina", at: now)))
        d.openDoc = try add { s, ctx in
            s.registerIncoming(title: "Open letter", sender: "Acme", receivedOn: ctx.now, category: nil, urgency: .normal,
                               confidentiality: .none, pages: nil, attachment: nil, ctx)
        }
        d.endedNotice = try add { s, ctx in s.noticePost(title: "Fire drill", body: "", departments: [], until: TempStore.date("2026-01-20 00:00"), ctx) }
        d.shownNotice = try add { s, ctx in s.noticePost(title: "年终总结 Year review", body: "", departments: [], until: TempStore.date("2026-12-31 00:00"), ctx) }
        d.file = try add { s, ctx in
            .fileArchive(ArchiveFile(id: ctx.env.ids.next(.archive, in: s), title: "租赁合同 Lease", department: dept, category: "contract", date: ctx.now,
                                     medium: .paper, cabinet: "3", box: "12", retentionYears: 10, pages: 8, filedBy: ctx.actor, filedAt: ctx.now))
        }
        d.returnedLoan = try add { s, ctx in try s.archiveLoan(fileID: d.file, borrower: "lina", purpose: "audit", due: TempStore.date("2026-01-07 18:00"), ctx) }
        _ = try store.commit(.returnArchive(loanID: d.returnedLoan, count: ArchiveReturnCount(pages: 8, attachments: nil), by: "lina", at: now))
        d.openLoan = try add { s, ctx in try s.archiveLoan(fileID: d.file, borrower: "lina", purpose: "renewal", due: TempStore.date("2026-01-09 18:00"), ctx) }
        d.collected = try add { s, ctx in s.parcelIn(carrier: "SF", tracking: "SF100", person: "lina", department: nil, size: "S", shelf: "A1", ctx) }
        _ = try store.commit(.collectParcel(parcelID: d.collected, collector: "李娜", at: now))
        d.waiting = try add { s, ctx in s.parcelIn(carrier: "JD", tracking: "JD200", person: "lina", department: nil, size: "M", shelf: "A2", ctx) }
        d.sent = try add { s, ctx in s.parcelOut(sender: "lina", department: dept, carrier: "SF", tracking: "SF300", costCents: 2350, ctx) }
        return d
    }

    /// Every month segment's paper-trail records, together.
    func history(_ store: Store) throws -> HistorySegment {
        var all = HistorySegment(month: "all")
        for m in store.historyMonths {
            let seg = try #require(try store.history(month: m))
            all.documents += seg.documents; all.notices += seg.notices; all.loans += seg.loans; all.parcels += seg.parcels
        }
        return all
    }

    /// Records closed before `cut` are in history and not in the working set; the rest are in the
    /// working set and not in history; none is lost or changed.
    func expectSplit(before: OfficeState, after store: Store, cut: Date) throws {
        let w = store.state, h = try history(store)
        func check<T: Equatable>(_ kind: String, _ all: [String: T], _ working: [String: T], _ archived: [T], id: (T) -> String, closed: (T) -> Date?) {
            let hist = Dictionary(archived.map { (id($0), $0) }, uniquingKeysWith: { a, _ in a })
            #expect(hist.count == archived.count, "\(kind): a record is in two segments")
            for (key, r) in all {
                let goes = closed(r).map { $0 < cut } ?? false
                #expect(goes ? (hist[key] == r && working[key] == nil) : (working[key] == r && hist[key] == nil),
                        "\(kind) \(key): expected in \(goes ? "history" : "the working set")")
            }
            #expect(Set(hist.keys).union(working.keys) == Set(all.keys), "\(kind): records appeared or vanished")
        }
        check("document", before.documents, w.documents, h.documents, id: \.id, closed: \.closedAt)
        check("notice", before.notices, w.notices, h.notices, id: \.id, closed: { $0.shownUntil })
        check("loan", before.loans, w.loans, h.loans, id: \.id, closed: \.closedAt)
        check("parcel", before.parcels, w.parcels, h.parcels, id: \.id, closed: \.closedAt)
        // The books and the archive never move.
        #expect(w.assets == before.assets && w.archives == before.archives && w.assetCounts == before.assetCounts)
    }

    @Test func compactionMovesClosedPaperTrailAndKeepsOpenRecords() throws {
        let tmp = try TempStore("paper-compact")
        let d = try Self.office(tmp)
        let store = try tmp.open(at: Self.later)
        let before = store.state
        try store.compact()
        try expectSplit(before: before, after: store, cut: TempStore.date("2026-03-09 00:00"))
        let w = store.state
        // The day's own: the closed one of each kind went, the open one stayed.
        #expect(w.documents[d.closedDoc] == nil && w.documents[d.openDoc] != nil)
        #expect(w.notices[d.endedNotice] == nil && w.notices[d.shownNotice] != nil)
        #expect(w.loans[d.returnedLoan] == nil && w.loans[d.openLoan] != nil && w.archives[d.file] != nil)
        #expect(w.parcels[d.collected] == nil && w.parcels[d.sent] == nil && w.parcels[d.waiting] != nil)
        let jan = try #require(try store.history(month: "2026-01"))
        #expect(jan.documents.contains { $0.id == d.closedDoc } && jan.notices.contains { $0.id == d.endedNotice })
        #expect(jan.loans.contains { $0.id == d.returnedLoan } && jan.parcels.contains { $0.id == d.collected })
    }

    @Test func recordsCompactedRecentlyStayUntilTheyAreOldEnough() throws {
        let tmp = try TempStore("paper-recent")
        let d = try Self.office(tmp)
        // The day after: closed a day ago, not before yesterday (recentDoneDays = 1).
        let store = try tmp.open(at: "2026-01-05 23:00")
        try store.compact()
        #expect(store.state.documents[d.closedDoc] != nil && store.state.parcels[d.collected] != nil && store.state.loans[d.returnedLoan] != nil)
    }

    @Test func aSecondCompactionChangesNothing() throws {
        let tmp = try TempStore("paper-twice")
        _ = try Self.office(tmp)
        let store = try tmp.open(at: Self.later)
        try store.compact()
        let working = store.state, h = try history(store), months = store.historyMonths
        try store.compact()
        let again = try history(store)
        #expect(store.historyMonths == months)
        #expect(store.state.documents == working.documents && store.state.notices == working.notices)
        #expect(store.state.loans == working.loans && store.state.parcels == working.parcels)
        #expect(again.documents == h.documents && again.notices == h.notices && again.loans == h.loans && again.parcels == h.parcels)
    }

    @Test func eachKindIsFoundByIdAfterCompaction() throws {
        let tmp = try TempStore("paper-find")
        let d = try Self.office(tmp)
        let before = try tmp.open(at: Self.later).state
        try tmp.open(at: Self.later).compact()
        // A fresh session, as the CLI opens it.
        let store = try tmp.open(at: Self.later)
        #expect(try store.document(id: d.closedDoc) == before.documents[d.closedDoc])
        #expect(try store.document(id: d.openDoc) == before.documents[d.openDoc])
        #expect(try store.notice(id: d.endedNotice) == before.notices[d.endedNotice])
        #expect(try store.loan(id: d.returnedLoan) == before.loans[d.returnedLoan])
        #expect(try store.parcel(id: d.collected) == before.parcels[d.collected])
        #expect(try store.parcel(id: d.sent) == before.parcels[d.sent])
        // Ids never issued are answered without error.
        #expect(try store.document(id: "W99999") == nil)
        #expect(try store.parcel(id: "C0") == nil)
        #expect(try store.notice(id: "x") == nil)
        // Every loan of the file, the finished one from history.
        #expect(try store.loans(ofFile: d.file).map(\.id) == [d.returnedLoan, d.openLoan])
        // The document's trace reads as before.
        let s = try store.state(findingDocument: d.closedDoc)
        #expect(try s.document(d.closedDoc).events == before.documents[d.closedDoc]?.events)
        // Range reads: January's parcels and notices wherever they live.
        let handled = try store.parcelsHandled(from: TempStore.date("2026-01-05 00:00"), to: TempStore.date("2026-01-06 00:00")).map(\.id)
        #expect(Set([d.collected, d.waiting, d.sent]).isSubset(of: handled))
        let shown = try store.noticesShown(from: TempStore.date("2026-01-10 00:00"), to: TempStore.date("2026-01-11 00:00")).notices.map(\.id)
        #expect(shown.contains(d.endedNotice) && shown.contains(d.shownNotice))
        let afterEnd = try store.noticesShown(from: TempStore.date("2026-02-01 00:00"), to: TempStore.date("2026-02-02 00:00")).notices.map(\.id)
        #expect(!afterEnd.contains(d.endedNotice) && afterEnd.contains(d.shownNotice))
    }

    @Test func aSegmentWrittenBeforeThePaperTrailArraysStillOpensAndTakesThem() throws {
        let tmp = try TempStore("paper-old")
        let d = try Self.office(tmp)
        let store = try tmp.open(at: Self.later)
        try store.compact()
        // Rewrite January as an older frontdesk wrote it: no paper-trail arrays at all.
        let path = tmp.file("history/2026-01.plist")
        var tree = try #require(try PropertyListSerialization.propertyList(from: try Data(contentsOf: URL(fileURLWithPath: path)), format: nil) as? [String: Any])
        for k in ["documents", "notices", "loans", "parcels"] { tree[k] = nil }
        try PropertyListSerialization.data(fromPropertyList: tree, format: .binary, options: 0).write(to: URL(fileURLWithPath: path))
        let old = try tmp.open(at: Self.later)
        let jan = try #require(try old.history(month: "2026-01"))
        #expect(jan.documents.isEmpty && jan.parcels.isEmpty && !jan.visitors.isEmpty)
        #expect(try old.document(id: d.closedDoc) == nil)
        let jan26 = try old.paperTrail(.paperTrail, from: TempStore.date("2026-01-01 00:00"), to: TempStore.date("2026-02-01 00:00")).documents.map(\.id)
        #expect(jan26.contains(d.openDoc) && !jan26.contains(d.closedDoc))

    }

    // MARK: Reports reconcile with the raw records

    @Test func paperTrailReportsReconcileWithTheRawRecords() throws {
        let tmp = try TempStore("paper-report")
        _ = try Self.office(tmp)
        let raw = try tmp.open(at: Self.later).state  // before compaction: every record in one place
        let store = try tmp.open(at: Self.later)
        try store.compact()
        let cal = store.env.calendar
        let period = ReportPeriod.month(TempStore.date("2026-01-01 00:00"), calendar: cal)
        let now = store.env.now()

        // Parcels: counted from the raw records, not through the report's code.
        let parcels = try store.report(.parcels, period: period)
        let inJan = raw.parcels.values.filter { $0.at >= period.start && $0.at < period.end }
        let totals = try #require(parcels.section("parcels.totals")?.rows.first)
        #expect(totals[0] == .count(inJan.filter(\.incoming).count))
        #expect(totals[1] == .count(inJan.filter { $0.status == .collected }.count))
        #expect(totals[5] == .count(inJan.filter { !$0.incoming }.count))
        let cents = inJan.filter { !$0.incoming }.reduce(0) { $0 + ($1.costCents ?? 0) }
        #expect(cents > 0)
        #expect(totals[6] == .amount(Double(cents) / 100))
        var byDept: [String: Int] = [:]
        for p in inJan where !p.incoming { byDept[p.department ?? "(none)", default: 0] += p.costCents ?? 0 }
        let reported = try #require(parcels.section("parcels.costByDepartment"))
        #expect(Dictionary(uniqueKeysWithValues: zip(reported.values("department").map(\.text), reported.values("cost"))) ==
                byDept.mapValues { ReportValue.amount(Double($0) / 100) })

        // Documents: per direction, registered or drafted in January.
        let docs = try store.report(.documents, period: period)
        let docsJan = raw.documents.values.filter { $0.createdAt >= period.start && $0.createdAt < period.end }
        let rows = try #require(docs.section("documents.totals")?.rows)
        for (i, dir) in DocumentDirection.allCases.enumerated() {
            let mine = docsJan.filter { $0.direction == dir }
            #expect(rows[i][1] == .count(mine.count), "\(dir)")
            #expect(rows[i][2] == .count(mine.filter { $0.stage == .handled || ($0.stage == .distributed && $0.recipients.allSatisfy { $0.doneAt != nil }) }.count), "\(dir)")
        }
        #expect(rows.last?[1] == .count(docsJan.count))
        let handledSteps = docs.section("documents.steps")?.rows.first { $0[0] == .text("forwarded→handled") }
        #expect(handledSteps?[2] == .count(docsJan.flatMap(\.departments).filter { $0.doneAt != nil }.count))

        // Loans: requested in January, and overdue now (the open loan was due 9 January).
        let loans = try store.report(.loans, period: period)
        let lt = try #require(loans.section("loans.totals")?.rows.first)
        let loansJan = raw.loans.values.filter { $0.requestedAt >= period.start && $0.requestedAt < period.end }
        #expect(lt[0] == .count(loansJan.count))
        #expect(lt[1] == .count(loansJan.filter { $0.status == .returned }.count))
        #expect(lt[7] == .count(raw.loans.values.filter { $0.status == .out && now >= $0.due }.count))
        #expect(loans.section("loans.overdueNow")?.rows.count == raw.loans.values.filter { $0.isOverdue(at: now) }.count)
    }
}
