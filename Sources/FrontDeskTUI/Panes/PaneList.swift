import Foundation

/// Everything one pane hands to ``PaneList/draw(_:view:rect:focused:strings:into:)``.
struct PaneContent {
    /// Box title, counts included.
    var title: String
    /// All rows, unfiltered (column widths are computed over all of them, so they do not jump
    /// while a filter is typed).
    var table: PaneTable
    /// Shown when the pane has no rows at all.
    var emptyText: String
    /// Lines drawn above the list (the meetings timeline), not selectable. Drawn only when at
    /// least ``PaneList/minListRows`` list lines remain under them.
    var preface: [[Span]] = []
}

/// The box, title, scrolling list, selection and empty states shared by all four panes.
enum PaneList {
    /// A preface gives way to the list below this many list lines.
    static let minListRows = 6

    /// The cells inside a pane's border.
    static func inner(_ rect: Rect) -> Rect {
        Rect(row: rect.row + 1, col: rect.col + 1, width: max(0, rect.width - 2), height: max(0, rect.height - 2))
    }

    /// Whether a preface of `lines` lines fits in `rect` with room left for the list.
    static func prefaceFits(_ lines: Int, in rect: Rect) -> Bool {
        lines > 0 && inner(rect).height - lines >= minListRows
    }

    /// Draws the pane. The scroll returned keeps the selected row visible: it moves only as far
    /// as needed, shows a section heading with its first row, and never leaves blank lines at
    /// the end while lines are hidden above. The cursor is at the selected row's first column.
    static func draw(_ content: PaneContent, view: PaneViewState, rect: Rect, focused: Bool,
                     strings: Strings, into grid: inout TextGrid) -> PaneDrawResult {
        var title = content.title
        if !view.filter.isEmpty { title += " /" + view.filter }
        grid.box(row: rect.row, col: rect.col, width: rect.width, height: rect.height, title: glyphs(title, grid),
                 role: focused ? .focusBorder : .border, titleRole: focused ? .focusTitle : .title, ascii: grid.asciiOnly)
        let area = inner(rect)
        guard area.width > 0, area.height > 0 else { return PaneDrawResult(scroll: 0, cursor: nil) }
        grid.fill(row: area.row, col: area.col, width: area.width, height: area.height)

        var top = area.row
        if prefaceFits(content.preface.count, in: rect) {
            for line in content.preface {
                put(line, in: &grid, row: top, col: area.col, width: area.width)
                top += 1
            }
        }
        let listHeight = area.row + area.height - top

        let shown = content.table.filtered(view.filter)
        if shown.rows.isEmpty {
            let text = content.table.rows.isEmpty ? content.emptyText : strings[.noMatch]
            grid.put(glyphs(text, grid), row: top, col: area.col, role: .dim, maxWidth: area.width)
            return PaneDrawResult(scroll: 0, cursor: nil)
        }

        let lines = shown.lines
        let selectedLine = lines.firstIndex { $0.row?.id == view.selectedID && view.selectedID != nil }
        let scroll = settleScroll(view.scroll, selected: selectedLine, lines: lines, height: listHeight)
        let columns = content.table.layout(width: area.width)
        var cursor: (row: Int, col: Int)?
        for (offset, line) in lines[scroll..<min(lines.count, scroll + listHeight)].enumerated() {
            let row = top + offset
            switch line {
            case .heading:
                grid.put(glyphs(line.headingText ?? "", grid), row: row, col: area.col, role: .header, maxWidth: area.width)
            case .row(let r):
                var highlight: Role?
                if scroll + offset == selectedLine {
                    highlight = focused ? .selected : inactiveSelection
                    cursor = (row, area.col)
                    grid.fill(row: row, col: area.col, width: area.width, height: 1, role: highlight ?? .selected)
                }
                for c in columns {
                    put(r.cells[c.index], in: &grid, row: row, col: area.col + c.start, width: c.width,
                        alignRight: content.table.columns[c.index].alignRight, role: highlight)
                }
            }
        }
        drawPosition(of: selectedLine.flatMap { i in shown.rowIDs.firstIndex(of: lines[i].row?.id ?? "") },
                     count: shown.rows.count, rect: rect, focused: focused, into: &grid)
        return PaneDrawResult(scroll: scroll, cursor: cursor)
    }

    /// The selected row of an unfocused pane.
    // A dim bar: `tabInactive` is the only shipped role with a quiet background; a dedicated
    // `selectedInactive` role belongs in Screen/Role.swift (asked of the lead).
    static let inactiveSelection: Role = .selectedInactive

    /// First visible line so that `selected` is on screen, moving as little as possible from `old`.
    static func settleScroll(_ old: Int, selected: Int?, lines: [PaneLine], height: Int) -> Int {
        guard height > 0 else { return 0 }
        var scroll = old
        if let s = selected {
            if s < scroll || (s == scroll && s > 0 && lines[s - 1].row == nil) {
                // Scrolling up onto a section's first row shows its heading too (also when the row
                // is already the top line and only its heading is hidden).
                scroll = s > 0 && lines[s - 1].row == nil ? s - 1 : s
            } else if s >= scroll + height {
                scroll = s - height + 1
            }
        }
        return max(0, min(scroll, lines.count - height))
    }

    /// " 3/24 " at the right end of the bottom border.
    static func drawPosition(of index: Int?, count: Int, rect: Rect, focused: Bool, into grid: inout TextGrid) {
        let text = index.map { " \($0 + 1)/\(count) " } ?? " \(count) "
        let w = DisplayWidth.of(text)
        guard rect.width >= w + 4, rect.height >= 2 else { return }
        grid.put(text, row: rect.row + rect.height - 1, col: rect.col + rect.width - 2 - w, role: focused ? .focusBorder : .border)
    }

    /// Puts `spans` in `width` columns at (row, col): padded, right-aligned if asked, and cut
    /// with `…` (never through a wide character) when too long, keeping trailing `keep` spans
    /// whole when they fit. `role` overrides the spans' own.
    static func put(_ spans: [Span], in grid: inout TextGrid, row: Int, col: Int, width: Int,
                    alignRight: Bool = false, role: Role? = nil) {
        guard width > 0 else { return }
        for piece in fit(spans, width: width, alignRight: alignRight) {
            grid.put(glyphs(piece.text, grid), row: row, col: col + piece.offset, role: role ?? piece.role,
                     maxWidth: width - piece.offset)
        }
    }

    /// Where each piece of `spans` goes within `width` columns (offsets from the cell's start).
    static func fit(_ spans: [Span], width: Int, alignRight: Bool) -> [(text: String, role: Role, offset: Int)] {
        let total = spans.width
        if total <= width {
            var x = alignRight ? width - total : 0
            return spans.map { s in defer { x += DisplayWidth.of(s.text) }; return (s.text, s.role, x) }
        }
        let tail = Array(spans.reversed().prefix { $0.keep }.reversed())
        let tailWidth = tail.width
        let head = Array(spans.dropLast(tail.count))
        // Keep the tail only if at least a few columns of the head remain to say whose it is.
        let keepTail = !tail.isEmpty && width - tailWidth >= 4
        let budget = keepTail ? width - tailWidth : width
        var out: [(text: String, role: Role, offset: Int)] = []
        var x = 0
        for s in keepTail ? head : spans {
            let w = DisplayWidth.of(s.text)
            if x + w <= budget - 1 || (keepTail && head.width <= budget) {
                out.append((s.text, s.role, x)); x += w
            } else {
                out.append((DisplayWidth.truncate(s.text, to: budget - x), s.role, x)); x = budget
                break
            }
        }
        if keepTail { for s in tail { out.append((s.text, s.role, x)); x += DisplayWidth.of(s.text) } }
        return out
    }

    static func glyphs(_ s: String, _ grid: TextGrid) -> String { grid.asciiOnly ? Glyph.ascii(s) : s }
}
