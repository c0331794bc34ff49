import Foundation
import FrontDeskKit

/// What drawing a pane produced: the scroll that keeps the selection visible, and where the
/// selected row is on screen (the hardware cursor rests there for screen readers).
public struct PaneDrawResult: Equatable, Sendable {
    public var scroll: Int
    public var cursor: (row: Int, col: Int)?
    public init(scroll: Int, cursor: (row: Int, col: Int)?) { self.scroll = scroll; self.cursor = cursor }
    public static func == (a: PaneDrawResult, b: PaneDrawResult) -> Bool {
        a.scroll == b.scroll && a.cursor?.row == b.cursor?.row && a.cursor?.col == b.cursor?.col
    }
}

/// The four panes as pure functions of (model, view state, rectangle) → cells of a grid.
public enum PaneRenderer {
    /// Ids of the selectable rows of `pane`, in display order, after `filter` (case-insensitive
    /// match on the row's visible text).
    public static func rowIDs(_ pane: PaneID, model: DashboardModel, filter: String) -> [String] {
        []
    }

    /// Draws `pane` (border and title included) into `rect` of `grid`.
    public static func draw(_ pane: PaneID, model: DashboardModel, view: PaneViewState, rect: Rect, focused: Bool,
                            strings: Strings, into grid: inout TextGrid) -> PaneDrawResult {
        grid.box(row: rect.row, col: rect.col, width: rect.width, height: rect.height, title: strings.paneTitle(pane),
                 role: focused ? .focusBorder : .border, titleRole: focused ? .focusTitle : .title, ascii: grid.asciiOnly)
        return PaneDrawResult(scroll: 0, cursor: nil)
    }

    /// The detail view of one row: title and lines of "label: value".
    public static func detail(_ pane: PaneID, id: String, model: DashboardModel, strings: Strings) -> (title: String, lines: [String])? {
        nil
    }
}
