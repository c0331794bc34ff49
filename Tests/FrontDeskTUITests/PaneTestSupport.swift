import Foundation
import FrontDeskKit
@testable import FrontDeskTUI
import TestSupport

/// Rendering helpers shared by the pane tests.
enum PaneFixture {
    static func model(_ state: OfficeState, at date: Date = DemoFixture.now, user: String = DemoFixture.user) -> DashboardModel {
        DashboardModel(state: state, settings: StoreSettings(), env: DemoFixture.env(at: date, user: user))
    }

    nonisolated(unsafe) static var cachedDemo: DashboardModel?
    static let demoLock = NSLock()
    /// The demo office at the fixture instant (built once; building it takes a moment).
    static var demo: DashboardModel {
        demoLock.lock(); defer { demoLock.unlock() }
        if let m = cachedDemo { return m }
        let m = model(DemoFixture.state())
        cachedDemo = m
        return m
    }

    /// The pane's rect as the dashboard lays it out at `width`×`height`.
    static func rect(_ pane: PaneID, width: Int, height: Int) -> Rect {
        guard case .panes(let visible, _, _) = Layout.compute(width: width, height: height, focused: pane, zoomed: false),
              let r = visible[pane] else { return Rect(row: 0, col: 0, width: width, height: height) }
        return r
    }

    /// Draws one pane the way the dashboard does at that size; returns grid and result.
    static func render(_ pane: PaneID, model: DashboardModel, width: Int, height: Int, view: PaneViewState? = nil,
                       focused: Bool = true, strings: Strings = Strings(.en), ascii: Bool = false,
                       rect: Rect? = nil) -> (grid: TextGrid, result: PaneDrawResult, rect: Rect) {
        var grid = TextGrid(width: width, height: height, asciiOnly: ascii)
        let r = rect ?? self.rect(pane, width: width, height: height)
        let v = view ?? PaneViewState(selectedID: PaneRenderer.rowIDs(pane, model: model, filter: "").first)
        let result = PaneRenderer.draw(pane, model: model, view: v, rect: r, focused: focused, strings: strings, into: &grid)
        return (grid, result, r)
    }

    /// The lines of `rect`'s interior, right-trimmed.
    static func innerLines(_ grid: TextGrid, _ rect: Rect) -> [String] {
        (rect.row + 1..<rect.row + rect.height - 1).map { r in
            var s = ""
            for c in (rect.col + 1)..<(rect.col + rect.width - 1) { s += grid[r, c].text }
            while s.last == " " { s.removeLast() }
            return s
        }
    }

    /// Display column at which `needle` last occurs in `line`, or nil.
    static func column(of needle: String, in line: String) -> Int? {
        guard let r = line.range(of: needle, options: .backwards) else { return nil }
        return DisplayWidth.of(line[..<r.lowerBound])
    }
}
