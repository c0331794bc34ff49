import Foundation
import Testing
import TestSupport
@testable import FrontDeskKit
@testable import FrontDeskTUI

/// Page 2 of the dashboard: the Documents pane, switching pages, and the home page's count of
/// what is overdue there.
@Suite("Documents page")
struct DocumentsPageTests {
    static let zh = Strings(.zhHans)

    static func model(user: String = DemoFixture.user) -> DashboardModel {
        PaneFixture.model(DemoFixture.state(), user: user)
    }

    @Test func pagesAreATableOfPanes() {
        #expect(Page.home.panes == [.meetings, .visitors, .stock, .approvals], "the home page is as it was")
        #expect(Page.office.panes == [.documents, .archives])
        #expect(Page.things.panes == [.assets, .people, .parcels])
        #expect(Set(Page.allCases.flatMap(\.panes)) == Set(PaneID.allCases), "every pane is on one page")
        #expect(PaneID.archives.next == .documents && PaneID.approvals.next == .meetings, "tab stays on its page")
        #expect(PaneID.parcels.next == .assets)
        #expect(PaneID.documents.previous == .archives)
        #expect(PaneID.meetings.previous == .approvals)
    }

    @Test func page2IsItsTwoPanesSideBySidePage3ItsThreeAndHomeKeepsItsFour() {
        guard case .panes(let v, _, let tab) = Layout.compute(width: 120, height: 40, focused: .documents, zoomed: false) else {
            Issue.record("panes"); return
        }
        #expect(v.count == 2 && v[.documents] == Rect(row: 0, col: 0, width: 60, height: 39)
                && v[.archives] == Rect(row: 0, col: 60, width: 60, height: 39) && tab == nil, "\(v)")
        guard case .panes(let things, _, _) = Layout.compute(width: 120, height: 40, focused: .people, zoomed: false) else {
            Issue.record("panes"); return
        }
        #expect(things.count == 3 && things[.people] == Rect(row: 0, col: 60, width: 60, height: 19)
                && things[.parcels] == Rect(row: 19, col: 0, width: 120, height: 20), "\(things)")
        guard case .panes(let home, _, _) = Layout.compute(width: 120, height: 40, focused: .meetings, zoomed: false) else {
            Issue.record("panes"); return
        }
        #expect(home.count == 4 && home[.approvals] == Rect(row: 19, col: 60, width: 60, height: 20))
    }

    @Test func oneKeySwitchesPagesAndEachPageKeepsItsFocus() {
        var d = DashboardTests.dashboard()
        d.press(.pane3)
        #expect(d.focused == .stock)
        d.press(.nextPage)
        #expect(d.focused == .documents)
        d.press(.pane1); #expect(d.focused == .documents, "1 is the first pane of the page shown")
        d.press(.pane2); #expect(d.focused == .archives, "2 is the second pane of the page shown")
        d.press(.nextPane); #expect(d.focused == .documents, "tab wraps within the page")
        d.press(.pane2); #expect(d.focused == .archives)
        let frame = d.render(width: 80, height: 24).text
        #expect(frame.contains("2 Archives") && frame.contains("page 2/3"), "\(frame)")
        #expect(!frame.contains("Meetings"))
        d.press(.nextPage)
        #expect(d.focused == .assets, "page 3 starts on its first pane")
        d.press(.pane2); #expect(d.focused == .people)
        #expect(d.render(width: 80, height: 24).text.contains("page 3/3"))
        d.press(.nextPage)
        #expect(d.focused == .stock, "back on the pane left")
        let home = d.render(width: 80, height: 24).text
        #expect(home.contains("1 Meetings") && !home.contains("page 2/3"))
        d.press(.nextPage)
        #expect(d.focused == .archives, "page 2 keeps its focus too")
    }

    @Test func theHomeStatusBarCountsWhatIsOverdueOnPage2() {
        var d = DashboardTests.dashboard()
        #expect(d.model.overdueCount(.documents) >= 1, "the demo has an overdue decision")
        let n = Page.office.panes.reduce(0) { $0 + d.model.overdueCount($1) }
        let status = d.render(width: 160, height: 40).line(39)
        #expect(status.contains("page 2: \(n) overdue"), "\(status)")
        d.strings = Self.zh
        #expect(d.render(width: 160, height: 40).line(39).contains("第 2 页：逾期 \(n)"))
        d.press(.nextPage)
        #expect(!d.render(width: 160, height: 40).line(39).contains("page 2:"), "not on page 2 itself")
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func theDocumentsPaneShowsNumberTitleStepDueAndFlagsWithCJK(_ size: (Int, Int)) throws {
        let (w, h) = size
        for zh in [false, true] {
            let strings = zh ? Self.zh : Strings(.en)
            // Zoomed (the whole screen, as `z` shows it): page 2 is a grid of four at 120×40, where the
            // quarter-width columns end in "…"; the alignment of CJK rows is checked at full width.
            let r = PaneFixture.render(.documents, model: Self.model(), width: w, height: h, strings: strings,
                                       rect: Rect(row: 0, col: 0, width: w, height: h - 1))
            let lines = PaneFixture.innerLines(r.grid, r.rect)
            for row in 0..<h { #expect(DisplayWidth.of(r.grid.line(row)) == w, "\(w)×\(h) row \(row)") }
            let w1 = try #require(lines.first { $0.contains("收〔2026〕0001") }, "\(lines)")
            #expect(w1.contains("关于编制2027年度"))
            #expect(w1.contains(zh ? "!批示" : "!decision"), "\(w1)")
            // The step column starts at one display column on every row, CJK titles or not.
            let steps = lines.compactMap { l in
                DocumentStage.allCases.map { $0.words(chinese: zh) }.compactMap { PaneFixture.column(of: " " + $0 + " ", in: l) }.first
            }
            #expect(steps.count >= 6 && Set(steps).count == 1, "\(w)×\(h): \(steps)")
        }
    }

    @Test func aConfidentialTitleIsMaskedInThePaneAndItsFilter() throws {
        let tom = Self.model(user: "tom")
        let r = PaneFixture.render(.documents, model: tom, width: 120, height: 40, strings: Self.zh)
        let text = PaneFixture.innerLines(r.grid, r.rect).joined(separator: "\n")
        #expect(text.contains("机密") && !text.contains("任免"), "\(text)")
        #expect(PaneRenderer.rowIDs(.documents, model: tom, filter: "任免", strings: Self.zh).isEmpty)
        #expect(PaneRenderer.rowIDs(.documents, model: Self.model(), filter: "任免", strings: Self.zh) == ["W4"], "its registrar sees it")
        let detail = try #require(PaneRenderer.detail(.documents, id: "W4", model: tom, strings: Self.zh))
        #expect(!detail.title.contains("任免") && !detail.lines.joined().contains("HR to act"))
    }

    @Test func theActionsMenuOffersTheDocumentsNextStep() throws {
        let m = Self.model()
        let submit = RowActions.menu(.documents, id: "W3", model: m).map(\.step)
        #expect(submit.first == .docSubmit && submit.contains(.docRegister) && submit.contains(.docDraft))
        #expect(RowActions.menu(.documents, id: "W8", model: m).first?.step == .docProofread)
        #expect(RowActions.menu(.documents, id: "W1", model: m).first?.step != .docDecide, "only the leader decides W1 (wangwei)")
        let leader = PaneFixture.model(DemoFixture.state(), user: "wangwei")
        #expect(RowActions.menu(.documents, id: "W1", model: leader).first?.step == .docDecide)
        var d = DashboardTests.dashboard()
        d.press(.nextPage)
        let id = try #require(d.views[.documents]?.selectedID)
        d.press(.actions)
        #expect(d.mode == .actions(.documents, id))
    }

    @Test func aDecisionFormOnPage2CommitsTheLeadersWords() throws {
        var d = DashboardTests.dashboard(user: "wangwei")
        d.press(.nextPage)
        d.views[.documents]?.selectedID = "W1"
        d.press(.actions)
        let key = try #require(d.keymap.keys(for: .step(.docDecide)).first)
        _ = d.handle(key)
        let form = try d.openForm()
        #expect(form.kind == .docDecide)
        DashboardTests.type("同意，请财务部牵头", into: &d)
        guard case .submit(let f) = d.press(.formSave) else { Issue.record("not submitted"); return }
        let change = try f.changes(d.model.state, d.model.context)
        #expect(change.count == 1)
        guard case .document(.decide(let id, let text, let by, _)) = change.first else { Issue.record("\(change)"); return }
        #expect(id == "W1" && text == "同意，请财务部牵头" && by == "wangwei")
    }
}
