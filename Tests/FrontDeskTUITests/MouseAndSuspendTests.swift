import Foundation
import FrontDeskKit
@testable import FrontDeskTUI
import Testing
import TestSupport

/// Screen cell → pane, tab and list line (pure), and the dashboard's answers to clicks, the wheel
/// and Ctrl-Z. Rows are found on the rendered frame (where the keys put the cursor), never typed in.
@Suite struct HitTestTests {
    @Test func theGridSendsEachCellToItsPaneAndTheStatusBarToNothing() throws {
        let layout = Layout.compute(width: 120, height: 40, focused: .meetings, zoomed: false)
        guard case .panes(let visible, let status, _) = layout else { Issue.record("no panes at 120×40"); return }
        for (pane, r) in visible {
            #expect(HitTest.target(row: r.row, col: r.col, layout: layout) == .pane(pane), "top-left corner of \(pane)")
            #expect(HitTest.target(row: r.row + r.height - 1, col: r.col + r.width - 1, layout: layout) == .pane(pane), "bottom-right of \(pane)")
        }
        #expect(HitTest.target(row: status.row, col: 5, layout: layout) == .nothing)
        #expect(HitTest.target(row: 200, col: 5, layout: layout) == .nothing)
        #expect(HitTest.target(row: 3, col: 3, layout: Layout.compute(width: 20, height: 5, focused: .meetings, zoomed: false)) == .nothing)
    }

    @Test func tabsAreHitByTheirWidthsWithAGapBetween() {
        let layout = Layout.compute(width: 80, height: 24, focused: .stock, zoomed: false)
        let widths = [4, 6, 3, 5]   // tabs at 0–3, 5–10, 12–14, 16–20
        #expect(HitTest.target(row: 0, col: 0, layout: layout, tabWidths: widths) == .tab(.meetings))
        #expect(HitTest.target(row: 0, col: 3, layout: layout, tabWidths: widths) == .tab(.meetings))
        #expect(HitTest.target(row: 0, col: 4, layout: layout, tabWidths: widths) == .nothing, "the gap")
        #expect(HitTest.target(row: 0, col: 5, layout: layout, tabWidths: widths) == .tab(.visitors))
        #expect(HitTest.target(row: 0, col: 14, layout: layout, tabWidths: widths) == .tab(.stock))
        #expect(HitTest.target(row: 0, col: 20, layout: layout, tabWidths: widths) == .tab(.approvals))
        #expect(HitTest.target(row: 0, col: 21, layout: layout, tabWidths: widths) == .nothing)
        #expect(HitTest.target(row: 5, col: 10, layout: layout, tabWidths: widths) == .pane(.stock), "only the focused pane shows")
    }

    @Test func aRowIsFoundUnderBordersTimelineAndScroll() {
        let rect = Rect(row: 10, col: 4, width: 30, height: 12)   // list rows 11…20 inside
        func line(_ row: Int, col: Int = 8, preface: Int = 0, scroll: Int = 0, count: Int = 50) -> Int? {
            HitTest.line(atRow: row, col: col, rect: rect, prefaceLines: preface, scroll: scroll, lineCount: count)
        }
        #expect(line(10) == nil, "top border")
        #expect(line(11) == 0)
        #expect(line(20) == 9)
        #expect(line(21) == nil, "bottom border")
        #expect(line(12, col: 4) == nil, "left border")
        #expect(line(12, col: 33) == nil, "right border")
        #expect(line(12, preface: 3) == nil, "the timeline is not a row")
        #expect(line(14, preface: 3) == 0)
        #expect(line(14, preface: 3, scroll: 7) == 7)
        #expect(line(15, count: 4) == nil, "below the last line")
    }
}

@Suite struct DashboardMouseTests {
    static func press(_ row: Int, _ col: Int, _ button: MouseEvent.Button = .left) -> Key {
        .mouse(MouseEvent(.press(button), row: row, col: col))
    }

    /// The screen row of `pane`'s row after `downs` presses of Down (where the frame puts the cursor).
    static func screenRow(of pane: PaneID, downs: Int, width: Int = 120, height: Int = 40) -> (row: Int, id: String?) {
        var d = DashboardTests.dashboard()
        d.focused = pane
        for _ in 0..<downs { d.press(.down) }
        let grid = d.render(width: width, height: height)
        return (grid.cursor?.row ?? -1, d.views[pane]?.selectedID)
    }

    @Test func aClickFocusesThePaneAndSelectsTheRowASecondClickOpensIt() throws {
        let target = Self.screenRow(of: .visitors, downs: 3)
        let id = try #require(target.id)
        var d = DashboardTests.dashboard()
        _ = d.render(width: 120, height: 40)
        #expect(d.focused == .meetings)
        #expect(d.views[.visitors]?.selectedID != id, "the row clicked is not selected already")
        #expect(d.handle(Self.press(target.row, 70)) == .redraw)
        #expect(d.focused == .visitors)
        #expect(d.views[.visitors]?.selectedID == id)
        #expect(d.mode == .normal, "the first click only selects")
        _ = d.render(width: 120, height: 40)
        _ = d.handle(Self.press(target.row, 70))
        #expect(d.mode == .detail(.visitors, id), "a second click on the selected row opens it, as Enter")
    }

    @Test func aClickOnAPaneBorderFocusesWithoutMovingTheSelection() {
        var d = DashboardTests.dashboard()
        _ = d.render(width: 120, height: 40)
        let before = d.views[.approvals]?.selectedID
        _ = d.handle(Self.press(20, 119))   // right border of the bottom-right pane
        #expect(d.focused == .approvals)
        #expect(d.views[.approvals]?.selectedID == before)
    }

    @Test func theRightButtonOpensTheActionsMenuOfTheRowUnderIt() throws {
        let target = Self.screenRow(of: .visitors, downs: 1)
        let id = try #require(target.id)
        var d = DashboardTests.dashboard()
        _ = d.render(width: 120, height: 40)
        _ = d.handle(Self.press(target.row, 70, .right))
        #expect(d.mode == .actions(.visitors, id))
    }

    @Test func theWheelMovesThePaneUnderThePointerAndLeavesTheFocus() {
        var d = DashboardTests.dashboard()
        _ = d.render(width: 120, height: 40)
        let ids = d.rowIDs(.stock)
        #expect(ids.count > Dashboard.wheelStep)
        _ = d.handle(.mouse(MouseEvent(.wheelDown, row: 25, col: 10)))   // the Stock pane, bottom left
        #expect(d.focused == .meetings)
        #expect(d.views[.stock]?.selectedID == ids[Dashboard.wheelStep])
        _ = d.handle(.mouse(MouseEvent(.wheelUp, row: 25, col: 10)))
        #expect(d.views[.stock]?.selectedID == ids[0])
    }

    @Test func aTabClickFocusesItsPaneInTheTabbedLayout() {
        var d = DashboardTests.dashboard()
        let grid = d.render(width: 80, height: 24)
        var line = ""
        for c in 0..<80 { line += grid[0, c].text }
        let col = PaneFixture.column(of: d.strings.paneTitle(.approvals), in: line) ?? -1
        _ = d.handle(Self.press(0, col))
        #expect(d.focused == .approvals, "tab bar: \(line)")
    }

    @Test func aClickInTheActionsMenuTakesThatStepAndOneOutsideClosesIt() throws {
        var d = DashboardTests.dashboard()
        d.press(.pane2)
        d.press(.actions)
        guard case .actions(let pane, let id) = d.mode else { Issue.record("no menu"); return }
        let grid = d.render(width: 120, height: 40)
        let menu = d.actionsMenu(pane, id: id)
        let first = try #require(menu.items.first)
        // The row whose text is the first item's line.
        let row = try #require((0..<40).first { r in
            var s = ""; for c in 0..<120 { s += grid[r, c].text }
            return s.contains(menu.lines[0].trimmingCharacters(in: .whitespaces))
        })
        var clicked = d
        let effect = clicked.handle(Self.press(row, 60))
        switch first.kind {
        case .step(let st): #expect(effect == .step(st))
        case .form(let f):
            let form = try clicked.openForm()
            #expect(form.kind == f)
        }
        _ = d.handle(Self.press(0, 0))
        #expect(d.mode == .normal, "a click outside the menu closes it")
    }

    @Test func formsAndTheFilterLineIgnoreTheMouse() throws {
        var d = DashboardTests.dashboard()
        d.press(.newVisitor)
        DashboardTests.type("张伟", into: &d)
        _ = d.render(width: 120, height: 40)
        #expect(d.handle(Self.press(5, 5)) == .none)
        #expect(d.handle(.mouse(MouseEvent(.wheelDown, row: 20, col: 60))) == .none)
        #expect(try d.openForm().field("Name")?.value == "张伟")
    }

    @Test func ctrlZSuspendsFromThePanesAndFromAFormKeepingWhatWasTyped() throws {
        var d = DashboardTests.dashboard()
        #expect(d.press(.suspend) == .suspend)
        #expect(Keymap.defaults.keys(for: .suspend) == [.ctrl("z")])
        d.press(.newVisitor)
        DashboardTests.type("李", into: &d)
        #expect(d.handle(.ctrl("z")) == .suspend)
        #expect(try d.openForm().field("Name")?.value == "李", "the form is still open with its text")
    }

    @Test func theHelpOverlayScrollsWithTheWheel() {
        var d = DashboardTests.dashboard()
        d.press(.help)
        _ = d.render(width: 80, height: 24)
        _ = d.handle(.mouse(MouseEvent(.wheelDown, row: 10, col: 10)))
        #expect(d.mode == .help(scroll: Dashboard.wheelStep))
    }
}
