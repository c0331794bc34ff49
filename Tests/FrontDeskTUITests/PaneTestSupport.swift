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

import Testing

extension Dashboard {
    /// Presses `action` by name: the first key the dashboard's keymap binds to it (as tig's and
    /// lazygit's tests do), so a test never spells a raw key. Records an issue when it is unbound.
    @discardableResult
    mutating func press(_ action: ActionID, sourceLocation: SourceLocation = #_sourceLocation) -> Effect {
        guard let key = keymap.keys(for: action).first else {
            Issue.record("\(action) has no key", sourceLocation: sourceLocation)
            return .none
        }
        return handle(key)
    }

    /// The open form, or an issue recorded (and the test stopped) when none is open.
    func openForm(sourceLocation: SourceLocation = #_sourceLocation) throws -> DeskForm {
        guard case .form(let f) = mode else {
            Issue.record("no form is open (mode \(mode))", sourceLocation: sourceLocation)
            throw FormMissing()
        }
        return f
    }
}

struct FormMissing: Error {}

extension DeskForm {
    /// The field labelled `label` in English ("Name", "Badge(s)").
    func field(_ label: String) -> TextField? { fields.first { $0.label.en == label } }
}
