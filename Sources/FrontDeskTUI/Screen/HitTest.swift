/// What a screen cell belongs to, for mouse clicks: the same layout the frame was drawn with.
public enum HitTarget: Equatable, Sendable {
    /// The status bar, a gap, or a screen too small for panes.
    case nothing
    /// A pane's tab in the tab bar (tabbed layout).
    case tab(PaneID)
    /// Inside a pane's box (border included); ``HitTest/line(atRow:col:rect:prefaceLines:scroll:lineCount:)``
    /// tells which list line.
    case pane(PaneID)
}

/// Screen cell → pane, tab or list line. Pure: tests pass a layout and numbers, no terminal.
public enum HitTest {
    /// Which pane or tab is drawn at (`row`, `col`) under `layout`. `tabWidths` are the display
    /// widths of the tab labels in pane order (tabs are one column apart, from column 0 of the tab bar).
    public static func target(row: Int, col: Int, layout: LayoutResult, tabWidths: [Int] = []) -> HitTarget {
        guard case .panes(let visible, _, let tabBar) = layout else { return .nothing }
        if let bar = tabBar, contains(bar, row: row, col: col) {
            var start = bar.col
            let panes = visible.keys.first?.page.panes ?? Page.home.panes
            for (pane, width) in zip(panes, tabWidths) {
                if col >= start && col < start + width { return .tab(pane) }
                start += width + 1
            }
            return .nothing
        }
        for (pane, rect) in visible where contains(rect, row: row, col: col) {
            return .pane(pane)
        }
        return .nothing
    }

    /// The list line at screen `row` of a pane drawn in `rect`: the list starts under the top
    /// border and `prefaceLines` lines of timeline, shows lines from `scroll` on, and has
    /// `lineCount` lines. Nil on the borders, the timeline, or past the last line.
    public static func line(atRow row: Int, col: Int, rect: Rect, prefaceLines: Int, scroll: Int, lineCount: Int) -> Int? {
        let inner = Rect(row: rect.row + 1, col: rect.col + 1, width: max(0, rect.width - 2), height: max(0, rect.height - 2))
        guard contains(inner, row: row, col: col) else { return nil }
        let offset = row - inner.row - prefaceLines
        guard offset >= 0 else { return nil }
        let line = scroll + offset
        return line < lineCount ? line : nil
    }

    /// Whether (`row`, `col`) is inside `rect`.
    public static func contains(_ rect: Rect, row: Int, col: Int) -> Bool {
        row >= rect.row && row < rect.row + rect.height && col >= rect.col && col < rect.col + rect.width
    }
}
