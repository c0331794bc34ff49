import Foundation
import Testing
import TestSupport
@testable import FrontDeskKit
@testable import FrontDeskTUI

/// Pages 2 and 3 on another day: each pane lists what happened that day (closed records read
/// back from history after `compact`), each record as it stood that evening, without flags
/// judged from its later state, read-only, and says which day it is.
@Suite(.serialized) struct PastPagesTests {
    /// The demo office of 1 December 2025, then on Tuesday 10 March 2026 one record of each desk
    /// (names and titles in Chinese), some finished later; compacted and opened on 20 April.
    final class Office {
        let tmp: TempStore
        let store: Store
        var earlyDoc = "", closedDoc = "", openDoc = "", file = "", handbook = "", returnedLoan = "", laterLoan = "", parcel = "", joiner = ""
        let asset = "FA-0151"

        init() throws {
            tmp = try TempStore("pastpages")
            let first = try tmp.create(at: "2025-12-01 09:00")
            _ = try first.commitBatch { s, ctx in DemoOffice.changes(now: ctx.now, calendar: ctx.env.calendar, operator: ctx.actor, in: s) }
            // Registered in February, handled on the 10th: compaction files it in February's segment.
            let feb = try tmp.open(at: "2026-02-25 10:00")
            earlyDoc = try feb.commit { s, ctx in
                s.registerIncoming(title: "关于办公楼消防通道的整改函", sender: "物业管理处", receivedOn: ctx.now, category: nil, urgency: .normal,
                                   confidentiality: .none, pages: 1, attachment: nil, ctx)
            }.change.subject
            let day = try tmp.open(at: "2026-03-10 10:00")
            func add(_ make: (OfficeState, RuleContext) throws -> Change) throws -> String { try day.commit(make).change.subject }
            let now = day.env.now()
            closedDoc = try add { s, ctx in
                s.registerIncoming(title: "关于春季消防检查的通知", sender: "市消防支队", receivedOn: ctx.now, category: nil, urgency: .urgent,
                                   confidentiality: .none, pages: 2, attachment: nil, ctx)
            }
            _ = try day.commit(.document(.submit(documentID: closedDoc, leader: "lina", by: "lina", at: now)))
            _ = try day.commit(.document(.decide(documentID: closedDoc, text: "请行政部办理", by: "lina", at: now)))
            _ = try day.commit(.document(.forward(documentID: closedDoc, departments: ["行政部"], by: "lina", at: now)))
            _ = try day.commit(.document(.handled(documentID: closedDoc, department: "行政部", note: "已检查", by: "lina", at: now)))
            for step: DocumentChange in [.submit(documentID: earlyDoc, leader: "lina", by: "lina", at: now),
                                         .decide(documentID: earlyDoc, text: "同意", by: "lina", at: now),
                                         .forward(documentID: earlyDoc, departments: ["行政部"], by: "lina", at: now),
                                         .handled(documentID: earlyDoc, department: "行政部", note: nil, by: "lina", at: now)] {
                _ = try day.commit(.document(step))
            }
            openDoc = try add { s, ctx in
                s.registerIncoming(title: "华东区季度销售报告", sender: "华信科技", receivedOn: ctx.now, category: nil, urgency: .veryUrgent,
                                   confidentiality: .none, pages: 12, attachment: nil, ctx)
            }
            file = try add { s, ctx in
                .fileArchive(ArchiveFile(id: ctx.env.ids.next(.archive, in: s), title: "劳动合同 周杰", department: "人力资源部", category: "contract",
                                         date: ctx.now, medium: .paper, cabinet: "H-01", box: "02", retentionYears: 30, pages: 6, filedBy: ctx.actor, filedAt: ctx.now))
            }
            let file = self.file, asset = self.asset
            returnedLoan = try add { s, ctx in try s.archiveLoan(fileID: file, borrower: "lina", purpose: "核对条款", due: TempStore.date("2026-03-11 18:00"), ctx) }
            _ = try day.commit(.returnArchive(loanID: returnedLoan, count: ArchiveReturnCount(pages: 6, attachments: nil), by: "lina", at: now))
            let handbook = try #require(day.state.archives.values.first { $0.title.contains("handbook") }?.id)
            self.handbook = handbook
            laterLoan = try add { s, ctx in try s.archiveLoan(fileID: handbook, borrower: "lina", purpose: "新员工培训", due: TempStore.date("2026-03-13 18:00"), ctx) }
            parcel = try add { s, ctx in s.parcelIn(carrier: "顺丰", tracking: "SF310", person: "lina", department: nil, size: "S", shelf: "A1", ctx) }
            _ = try day.commit(.collectParcel(parcelID: parcel, collector: "李娜", at: now))
            _ = try add { s, ctx in s.assetFault(tag: asset, fault: "屏幕闪烁", ctx) }
            joiner = try add { s, ctx in s.staffJoin(person: "周杰", department: "人力资源部", start: ctx.now, ctx) }

            let twelfth = try tmp.open(at: "2026-03-12 10:00")
            _ = try twelfth.commit(.returnArchive(loanID: laterLoan, count: ArchiveReturnCount(pages: nil, attachments: nil), by: "lina", at: twelfth.env.now()))
            _ = try twelfth.commit(.sendAssetToRepair(tag: asset, to: "联想服务站", at: twelfth.env.now()))
            let twentieth = try tmp.open(at: "2026-03-20 10:00")
            _ = try twentieth.commit(.assetBack(tag: asset, work: "更换屏幕", costCents: 45000, at: twentieth.env.now()))

            _ = try tmp.open(at: "2026-04-20 10:30").compact()
            store = try tmp.open(at: "2026-04-20 10:30")
        }
        deinit { tmp.remove() }

        var dashboard: Dashboard {
            let source = HistorySource(store: store)
            var d = Dashboard(model: source.today(), storeLabel: "/srv/fd")
            d.history = source
            return d
        }
    }

    static let march10 = TempStore.date("2026-03-10 00:00")

    /// The lines of the screen, right-trimmed.
    static func lines(_ d: inout Dashboard, _ width: Int, _ height: Int) -> [String] {
        d.render(width: width, height: height).text.components(separatedBy: "\n").map { l in
            var l = l
            while l.last == " " { l.removeLast() }
            return l
        }
    }

    @Test func aPastDaysPagesListThatDaysRecordsFoundInHistoryAt120x40() throws {
        let office = try Office()
        let s = office.store.state
        // Compaction moved the day's closed document, returned loans and collected parcel to history.
        #expect(s.documents[office.closedDoc] == nil && s.loans[office.returnedLoan] == nil && s.loans[office.laterLoan] == nil && s.parcels[office.parcel] == nil)
        let march = try #require(try office.store.history(month: "2026-03"))
        #expect(march.documents.contains { $0.id == office.closedDoc } && march.parcels.contains { $0.id == office.parcel })
        let february = try #require(try office.store.history(month: "2026-02"))
        #expect(february.documents.contains { $0.id == office.earlyDoc } && s.documents[office.earlyDoc] == nil)

        var d = office.dashboard
        d.showDay(Self.march10)
        #expect(Set(d.rowIDs(.documents)) == [office.earlyDoc, office.closedDoc, office.openDoc], "registered that day, or a step taken")
        #expect(Set(d.rowIDs(.archives)) == [office.file, office.handbook])
        #expect(d.rowIDs(.parcels) == [office.parcel])
        #expect(d.rowIDs(.assets) == [office.asset])
        #expect(d.rowIDs(.people) == [office.joiner])
        // Today the same panes list the live working set: the day's view is not it.
        let today = HistorySource(store: office.store).today()
        #expect(PaneRenderer.rowIDs(.assets, model: today, filter: "").count > 1)

        d.showPage(.office)
        let page2 = Self.lines(&d, 120, 40)
        #expect(page2.contains { $0.contains("Documents 1 · 2026-03-10") }, "\(page2)")
        #expect(page2.contains { $0.contains("Archives 2 · 2026-03-10") })
        #expect(page2.contains { $0.contains("收〔2026〕") && $0.contains("关于春季消防") && $0.contains("handled") }, "\(page2)")
        #expect(page2.contains { $0.contains("华东区季度销售报告") && $0.contains("registered") })
        #expect(page2.contains { $0.contains("关于办公楼消防") && $0.contains("handled") }, "registered in February, handled that day")
        let contract = try #require(page2.first { $0.contains("劳动合同 周杰") })
        #expect(contract.contains("returned") && contract.contains("李娜"), "\(contract)")
        // Lent that day and back two days later: that evening it was out, due on the 13th.
        let lent = try #require(page2.first { $0.contains("handbook") })
        #expect(lent.contains("03-13 18:00") && !lent.contains("returned"), "\(lent)")
        #expect(page2.last?.hasPrefix(" Viewing Tue 2026-03-10 · read-only") == true)

        d.showPage(.things)
        let page3 = Self.lines(&d, 120, 40)
        #expect(page3.contains { $0.contains("周杰") && $0.contains("joins") && $0.contains("03-10") })
        #expect(page3.contains { $0.contains("顺丰") && $0.contains("李娜") && $0.contains("collected") }, "\(page3)")
        #expect(page3.contains { $0.contains("Handled (1)") } && !page3.contains { $0.contains("Handled today") }, "that day's, not today's")
        // Reported that day, sent on the 12th, back on the 20th: under repair that evening.
        #expect(page3.contains { $0.contains(office.asset) && $0.contains("repair") }, "\(page3)")
        #expect(d.model.assetLedger.rows.first?.asset.state == .underRepair && s.assets[office.asset]?.state == .inUse)
    }

    @Test(arguments: [UILanguage.en, .zhHans])
    func thePagesFitAt80x24WithChineseNames(_ language: UILanguage) throws {
        let office = try Office()
        var d = office.dashboard
        d.strings = Strings(language)
        d.showDay(Self.march10)
        let zh = language == .zhHans
        for (pane, wanted) in [(PaneID.documents, "关于春季"), (.archives, "劳动合同 周杰"), (.people, "周杰"), (.parcels, "顺丰"), (.assets, office.asset)] {
            d.showPage(pane.page)
            d.focused = pane
            let screen = Self.lines(&d, 80, 24)
            #expect(screen.allSatisfy { DisplayWidth.of($0) <= 80 }, "\(pane): \(screen)")
            #expect(screen.contains { $0.contains(wanted) }, "\(pane) \(language): \(screen)")
            #expect(screen.contains { $0.contains(" · 2026-03-10") }, "\(pane): the title names the day")
            #expect(screen.last?.contains(zh ? "只读" : "read-only") == true, "\(screen.last ?? "")")
        }
    }

    @Test func eachRecordShowsAsItStoodThatEveningWithoutLaterFlags() throws {
        let office = try Office()
        var d = office.dashboard
        d.showDay(Self.march10)
        let m = d.model
        let loan = try #require(m.archiveShelf.rows.first { $0.file.id == office.handbook }?.loan)
        #expect(loan.status == .out && loan.returnedAt == nil)
        let kept = try #require(try office.store.loan(id: office.laterLoan))
        #expect(kept.status == .returned, "the stored loan is back")
        #expect(m.assetLedger.rows.first?.asset.repairs.last?.sentAt == nil, "sent to repair on the 12th, not yet that evening")
        #expect(m.staffBoard.rows.first?.checklist.isClosed == false)
        // A very urgent document still open: judged at the day's end it is overdue; the past day shows no flag.
        #expect(m.documents.rows.allSatisfy { $0.flags.isEmpty })
        #expect(m.archiveShelf.rows.allSatisfy { $0.flags.isEmpty } && m.assetLedger.rows.allSatisfy { $0.flags.isEmpty })
        let evening = TempStore.date("2026-03-10 23:59")
        let naive = DocumentRegister(state: m.state, user: "lina", now: evening, settings: office.store.meta.settings)
        #expect(naive.rows.contains { $0.document.id == office.openDoc && !$0.flags.isEmpty }, "what suppression removes")
        #expect(m.overdueElsewhere(than: .home).isEmpty)
    }

    @Test(arguments: [UILanguage.en, .zhHans])
    func aDayWithNothingSaysSo(_ language: UILanguage) throws {
        let office = try Office()
        var d = office.dashboard
        d.strings = Strings(language)
        d.showDay(TempStore.date("2026-02-03 00:00"))
        d.showPage(.office)
        let screen = Self.lines(&d, 120, 40)
        #expect(d.rowIDs(.documents).isEmpty && d.rowIDs(.archives).isEmpty)
        let text = language == .zhHans ? "2026-02-03 周二 无记录" : "Nothing on Tue 2026-02-03"
        #expect(screen.joined(separator: "\n").components(separatedBy: text).count - 1 == 2, "\(screen.joined(separator: "\n"))")
    }

    @Test func thePagesMenusAreRefusedOnAPastDay() throws {
        let office = try Office()
        var d = office.dashboard
        d.showDay(Self.march10)
        for pane in [PaneID.documents, .archives, .assets, .people, .parcels] {
            d.showPage(pane.page)
            d.focused = pane
            #expect(d.press(.actions) == .redraw)
            #expect(d.mode == .normal, "\(pane) opened \(d.mode)")
            #expect(d.message?.text.contains("2026-03-10 is read-only") == true, "\(pane): \(d.message?.text ?? "none")")
            d.message = nil
        }
        d.press(.today)
        d.showPage(.office)
        d.focused = .documents
        d.press(.actions)
        if case .actions = d.mode {} else { Issue.record("today opens the menu again: \(d.mode)") }
    }

    @Test func aLaterDayListsWhatFallsDueOnIt() throws {
        let office = try Office()
        let tomorrow = TempStore.date("2026-04-21 00:00")
        let starter = try office.store.commit { s, ctx in s.staffJoin(person: "吴昊", department: "研发部", start: tomorrow, ctx) }.change.subject
        var d = office.dashboard
        d.press(.nextDay)
        #expect(d.model.viewedDay == tomorrow)
        #expect(d.rowIDs(.people) == [starter], "only the joiner starting that day")
        #expect(d.model.documents.rows.allSatisfy { r in r.due.map { $0 >= tomorrow && $0 < tomorrow.addingTimeInterval(86_400) } ?? false })
        #expect(d.model.assetLedger == HistorySource(store: office.store).today().assetLedger, "the assets as they stand now")
    }
}
