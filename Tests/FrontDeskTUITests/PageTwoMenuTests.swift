import Foundation
import Testing
import TestSupport
@testable import FrontDeskKit
@testable import FrontDeskTUI

/// Page 2's actions menus (archives, assets, parcels, and the notice on the Documents menu), its
/// model's stored queries, and the Documents pane's columns in the grid and tabbed.
@Suite("Page 2 menus, model and columns")
struct PageTwoMenuTests {
    static func steps(_ pane: PaneID, _ id: String, user: String = DemoFixture.user, state: OfficeState = DemoFixture.state()) -> [StepID] {
        RowActions.menu(pane, id: id, model: PaneFixture.model(state, user: user)).map(\.step)
    }

    @Test func aParcelOnTheShelfIsCollectedOrReturnedAndAHandledOneOnlyOffersNewOnes() throws {
        let s = DemoFixture.state()
        let waiting = try #require(s.parcels.values.first { $0.incoming && $0.status == .waiting }?.id)
        let handled = try #require(s.parcels.values.first { $0.status == .collected }?.id)
        #expect(Self.steps(.parcels, waiting, state: s) == [.parcelCollect, .parcelReturn, .parcelIn, .parcelOut])
        #expect(Self.steps(.parcels, handled, state: s) == [.parcelIn, .parcelOut])
    }

    @Test func anAssetsMenuFollowsItsState() throws {
        let s = DemoFixture.state()
        #expect(Self.steps(.assets, "FA-0107", state: s).prefix(1) == [.assetBack], "sent out already: only back")
        #expect(!Self.steps(.assets, "FA-0107", state: s).contains(.assetMove), "an asset away for repair cannot move")
        let inUse = try #require(s.assets.values.first { $0.state == .inUse && $0.scrapApprovalID == nil }?.tag)
        let steps = Self.steps(.assets, inUse, state: s)
        #expect(Array(steps.prefix(3)) == [.assetMove, .assetFault, .assetScrap] && steps.suffix(2) == [.assetAdd, .assetCount], "\(steps)")
        #expect(!Self.steps(.assets, "FA-0194", state: s).contains(.assetScrap), "its scrap request is pending")
        var faulty = s
        faulty.apply(faulty.assetFault(tag: inUse, fault: "dead", RuleContext(env: DemoFixture.env())))
        #expect(Self.steps(.assets, inUse, state: faulty).prefix(2) == [.assetRepair, .assetBack], "reported, not sent yet")
    }

    @Test func anArchiveFileIsLentWhenOnTheShelfAndTakenBackWhenOut() throws {
        let s = DemoFixture.state()
        func file(_ prefix: String) throws -> String { try #require(s.archives.values.first { $0.title.hasPrefix(prefix) }?.id) }
        #expect(Self.steps(.archives, try file("员工手册"), state: s) == [.archiveLend, .archiveAdd])
        #expect(Self.steps(.archives, try file("华信科技销售合同"), state: s) == [.archiveReturn, .archiveAdd])
        #expect(Self.steps(.archives, try file("办公楼租赁合同"), state: s) == [.archiveAdd], "its loan waits for approval")
        #expect(Self.steps(.archives, try file("董事会纪要"), state: s) == [.archiveReturn, .archiveLend, .archiveAdd],
                "back incomplete: count again, or lend it once more")
    }

    /// Notices have no pane: the one on the status bar is acknowledged from the Documents menu,
    /// named there; its poster may end it; everyone at the desk may post one.
    @Test func theNoticeOnTheStatusBarIsActedOnFromTheDocumentsMenu() throws {
        let s = DemoFixture.state()
        let docs = try #require(s.documents.keys.sorted().first)
        let maria = RowActions.menu(.documents, id: docs, model: PaneFixture.model(s, user: "maria"))
        let ack = try #require(maria.first { $0.step == .noticeAcknowledge })
        let line = try #require(NoticeLine.text(state: s, user: "maria", now: DemoFixture.now, strings: Strings(.en)))
        #expect(line.contains(String(ack.label.en.split(separator: "·").last ?? "").trimmingCharacters(in: .whitespaces)), "\(ack.label.en) / \(line)")
        #expect(ack.subject == s.noticeInView(user: "maria", now: DemoFixture.now)?.id)
        #expect(maria.contains { $0.step == .noticeFeedback } && !maria.contains { $0.step == .noticeEnd })
        let lina = Self.steps(.documents, docs, state: s)
        #expect(!lina.contains(.noticeAcknowledge) && lina.contains(.noticeEnd) && lina.last == .noticePost, "\(lina)")
        // The acknowledgement is taken at once, for the notice on the line.
        var d = DashboardTests.dashboard(s, user: "maria")
        d.press(.nextPage)
        d.press(.actions)
        guard case .step(let st) = d.press(.step(.noticeAcknowledge)) else { Issue.record("not a step"); return }
        let change = try st.change(s, d.model.context)
        guard case .acknowledgeNotice(let id, let a) = change else { Issue.record("\(change)"); return }
        #expect(id == ack.subject && a.by == "maria" && a.recordedBy == nil)
    }

    @Test func anEmptyPaneStillOpensItsMenuForItsFirstSteps() throws {
        var s = DemoFixture.state()
        s.parcels = [:]
        var d = DashboardTests.dashboard(s)
        d.press(.nextPage)
        d.press(.nextPage)  // page 3: assets, people, parcels
        d.press(.pane3)
        #expect(d.focused == .parcels && d.views[.parcels]?.selectedID == nil)
        d.press(.actions)
        #expect(d.mode == .actions(.parcels, ""))
        let frame = d.render(width: 120, height: 40).text
        #expect(frame.contains("Parcel in") && frame.contains("Parcel out"), "\(frame)")
        d.press(.step(.parcelIn))
        #expect(try d.openForm().kind == .parcelIn)
    }

    @Test func aFormsOwnCheckKeepsWhatWasTyped() throws {
        var d = DashboardTests.dashboard()
        d.press(.nextPage)
        d.press(.nextPage)  // page 3: assets, people, parcels
        d.press(.pane3)
        d.press(.actions)
        d.press(.step(.parcelIn))
        DashboardTests.type("顺丰", into: &d)
        d.press(.fieldNext)
        DashboardTests.type("SF1", into: &d)
        guard case .submit(let form) = d.press(.formSave) else { Issue.record("not submitted"); return }
        #expect(throws: FieldError.self) { try form.changes(d.model.state, d.model.context) }
    }

    /// Page 2's panes read stored queries: another session's parcel change re-runs only the
    /// parcels query, and another day's parcels are that day's.
    @Test func page2QueriesAreStoredAndOnlyTouchedOnesRunAgain() throws {
        let s = DemoFixture.state()
        let env = DemoFixture.env(at: DemoFixture.now.addingTimeInterval(5))
        let m = PaneFixture.model(s)
        var next = s
        let change = next.parcelIn(carrier: "EMS", tracking: "E1", person: "priya", department: nil, size: nil, shelf: "A1", RuleContext(env: env))
        next.apply(change)
        let after = m.applying([change], state: next, env: env)
        #expect(after.parcelDesk.waiting.count == m.parcelDesk.waiting.count + 1)
        #expect(after.queriedAt[.parcels] != m.queriedAt[.parcels] && after.queriedAt[.assets] == m.queriedAt[.assets])
        #expect(after.assetLedger == m.assetLedger && after.archiveShelf == m.archiveShelf)
        // A later day shows no handled parcels: today's belong to today.
        #expect(!m.parcelDesk.handled.isEmpty, "the demo handles parcels today")
        let tomorrow = DemoFixture.calendar.date(byAdding: .day, value: 1, to: DemoFixture.calendar.startOfDay(for: DemoFixture.now)) ?? DemoFixture.now
        let later = DashboardModel(state: s, settings: .defaults, env: DemoFixture.env(), allowOverrides: false, viewing: tomorrow, realNow: DemoFixture.now)
        #expect(later.parcelDesk.handled.isEmpty && later.parcelDesk.waiting.count == m.parcelDesk.waiting.count)
    }

    // MARK: The Documents pane's columns

    /// Every document has a row showing its number (or id) whole from the first column, its step
    /// whole and, when due, its due time whole; W1's long CJK title is cut by display width with "…".
    static func expectWholeColumns(_ lines: [String], _ model: DashboardModel, _ strings: Strings, _ what: String) {
        for r in model.documents.rows {
            let d = r.document
            guard let line = lines.first(where: { $0.hasPrefix((d.number ?? d.id) + " ") }) else {
                Issue.record("\(what): no whole number for \(d.id) \(d.number ?? "") in \(lines)"); continue
            }
            #expect(line.contains(" " + strings[DocumentsPane.stage(d.stage)]), "\(what): step of \(d.id) cut in \(line)")
            if let due = r.due { #expect(line.contains(DocumentsPane.due(due, model.timeZone)), "\(what): due of \(d.id) cut in \(line)") }
        }
        let w1 = lines.first { $0.hasPrefix("收〔2026〕0001") }
        #expect(w1?.contains("关于编制") == true && w1?.contains("…") == true, "\(what): \(w1 ?? "")")
    }

    @Test(arguments: [UILanguage.en, .zhHans])
    func theDocumentsPaneFitsNumberTitleStepAndDueInTheGridAt120x40(_ language: UILanguage) throws {
        var d = DashboardTests.dashboard()
        d.strings = Strings(language)
        d.press(.nextPage)
        let grid = d.render(width: 120, height: 40)
        let rect = PaneFixture.rect(.documents, width: 120, height: 40)
        #expect(rect.width == 60)
        for r in 0..<40 { #expect(DisplayWidth.of(grid.line(r)) == 120, "row \(r)") }
        let lines = PaneFixture.innerLines(grid, rect)
        Self.expectWholeColumns(lines, d.model, d.strings, "120×40 grid \(language)")
        #expect(lines.contains { $0.contains("行政函〔2026〕1号") }, "the outgoing number whole: \(lines)")
    }

    @Test(arguments: [UILanguage.en, .zhHans])
    func theDocumentsPaneAt80x24TabbedAlsoShowsTheFlags(_ language: UILanguage) throws {
        var d = DashboardTests.dashboard()
        d.strings = Strings(language)
        d.press(.nextPage)
        let grid = d.render(width: 80, height: 24)
        for r in 0..<24 { #expect(DisplayWidth.of(grid.line(r)) == 80, "row \(r)") }
        let lines = PaneFixture.innerLines(grid, PaneFixture.rect(.documents, width: 80, height: 24))
        Self.expectWholeColumns(lines, d.model, d.strings, "80×24 \(language)")
        #expect(lines.contains { $0.hasPrefix("收〔2026〕0001") && $0.contains(language == .en ? "!decision" : "!批示") }, "\(lines)")
    }
}
