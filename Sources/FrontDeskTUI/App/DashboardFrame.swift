import Foundation
import FrontDeskKit

extension Dashboard {
    /// The whole screen as a grid: panes by layout, tab bar, status bar, and any overlay.
    /// Pure: the same dashboard and size give the same frame. Scroll positions it settles are
    /// written back so the selection stays visible.
    public mutating func render(width: Int, height: Int, ascii: Bool = false) -> TextGrid {
        var grid = TextGrid(width: max(0, width), height: max(0, height), asciiOnly: ascii)
        frameSize = (width, height)
        if case .reports(var view) = mode, width >= 20, height >= 6 {
            ReportsScreen.draw(&view, keymap: keymap, strings: strings, now: model.readAt, calendar: calendar, into: &grid)
            mode = .reports(view)
            return grid
        }
        switch Layout.compute(width: width, height: height, focused: focused, zoomed: zoomed) {
        case .tooSmall(let w, let h):
            let text = "\(strings[.tooSmall]) (\(strings[.need]) \(w)×\(h))"
            let lines = [text, "\(width)×\(height)"]
            for (i, l) in lines.enumerated() where height > 0 {
                let row = max(0, height / 2 - 1 + i)
                if row < height { grid.put(l, row: row, col: max(0, (width - DisplayWidth.of(l)) / 2), role: i == 0 ? .warning : .dim) }
            }
            return grid
        case .panes(let visible, let status, let tabBar):
            var cursor: (row: Int, col: Int)?
            for (pane, rect) in visible.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                let r = drawPane(pane, rect: rect, into: &grid)
                views[pane]?.scroll = r.scroll
                if pane == focused { cursor = r.cursor }
            }
            if let tab = tabBar { drawTabs(tab, into: &grid) }
            drawStatus(status, into: &grid)
            grid.cursor = cursor
            drawOverlay(into: &grid)
            return grid
        }
    }

    /// Draws `pane` into `rect`: the cells drawn last time when its content, view state, place,
    /// focus and character set are unchanged (a change elsewhere leaves it as it was), else drawn
    /// afresh from its cached content and kept for next time.
    mutating func drawPane(_ pane: PaneID, rect: Rect, into grid: inout TextGrid) -> PaneDrawResult {
        let view = views[pane] ?? PaneViewState()
        guard let cached = contents[pane] else {
            return PaneRenderer.draw(pane, model: model.asQueried(pane), view: view, rect: rect, focused: pane == focused,
                                     strings: strings, into: &grid)
        }
        let key = PaneCache.DrawKey(build: cached.build, view: view, rect: rect, focused: pane == focused, ascii: grid.asciiOnly)
        if let drawn = drawnPanes[pane], drawn.key == key {
            grid.paste(drawn.cells, row: rect.row, col: rect.col)
            return drawn.result
        }
        var content = cached.content
        if pane == .meetings { content.preface = MeetingsPane.preface(model.asQueried(pane), strings: strings, rect: rect) }
        var cells = TextGrid(width: rect.width, height: rect.height, asciiOnly: grid.asciiOnly)
        let local = Rect(row: 0, col: 0, width: rect.width, height: rect.height)
        let r = PaneList.draw(content, view: view, rect: local, focused: pane == focused, strings: strings, into: &cells)
        let result = PaneDrawResult(scroll: r.scroll, cursor: r.cursor.map { ($0.row + rect.row, $0.col + rect.col) })
        grid.paste(cells, row: rect.row, col: rect.col)
        // Keyed by the settled scroll: drawing from it again gives the same cells.
        var settled = view
        settled.scroll = r.scroll
        paneDrawings += 1
        drawnPanes[pane] = PaneCache.Drawn(key: PaneCache.DrawKey(build: cached.build, view: settled, rect: rect, focused: pane == focused,
                                                                  ascii: grid.asciiOnly),
                                           drawing: paneDrawings, cells: cells, result: result)
        return result
    }

    var isFiltering: Bool { if case .filter = mode { true } else { false } }

    func drawTabs(_ r: Rect, into grid: inout TextGrid) {
        grid.fill(row: r.row, col: r.col, width: r.width, height: 1, role: .tabInactive)
        var col = r.col
        for p in focused.page.panes {
            col += grid.put(tabLabel(p), row: r.row, col: col, role: p == focused ? .tabActive : .tabInactive, maxWidth: r.col + r.width - col)
            col += 1
        }
        // Away from home the tab bar says which page this is, at its right end.
        if focused.page != .home {
            let text = " " + pageLabel(focused.page) + " "
            let at = r.col + r.width - DisplayWidth.of(text)
            if at >= col { grid.put(text, row: r.row, col: at, role: .tabActive) }
        }
    }

    /// " 2 Visitors !3 ": a pane's tab, with its overdue count (a click on it is hit-tested by width).
    func tabLabel(_ p: PaneID) -> String {
        let n = model.overdueCount(p)
        return " \(p.index + 1) \(strings.paneTitle(p))\(n > 0 ? " !\(n)" : "") "
    }

    /// "page 2/2" / "第 2/2 页".
    func pageLabel(_ page: Page) -> String {
        strings[L("page \(page.number)/\(Page.allCases.count)", "第 \(page.number)/\(Page.allCases.count) 页")]
    }

    /// "page 2: 3 overdue" / "第 2 页：逾期 3", for each other page with something overdue.
    func overdueElsewhereText() -> String? {
        let parts = model.overdueElsewhere(than: focused.page).map { p in
            strings[L("page \(p.page.number): ", "第 \(p.page.number) 页：")] + strings.counted(p.count, .overdue)
        }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    func drawStatus(_ r: Rect, into grid: inout TextGrid) {
        grid.fill(row: r.row, col: r.col, width: r.width, height: r.height, role: .statusBar)
        let tz = model.timeZone
        if let day = model.viewedDay, message == nil, !isFiltering {
            // Another day: say which, that it is read-only and how to get back, before anything else.
            let text = " " + strings[ReportWords.viewing(ReportWords.day(day, calendar, strings), today: keymap.keyName(.today))] + " "
            grid.fill(row: r.row, col: r.col, width: r.width, height: r.height, role: .pastDay)
            grid.put(PaneList.glyphs(text, grid), row: r.row, col: r.col, role: .pastDay, maxWidth: r.width)
            return
        }
        // The store path gives way (cut in the middle) so a message always has room.
        let head = " \(Clock.day(model.now, tz)) \(Clock.hm(model.now, tz))  \(strings[.user]): \(model.user)  \(strings[.store]): "
        let reserve = message.map { DisplayWidth.of($0.text) + 2 } ?? 12   // a message, or at least "? Help"
        // Parcels waiting for collection: the desk hands them over while receiving visitors.
        let waiting = model.state.parcelsWaiting
        let parcelsText = waiting > 0 ? strings.format(.parcelsWaiting, "\(waiting)") + " " : ""
        let room = max(14, r.width - DisplayWidth.of(head) - 10 - reserve - DisplayWidth.of(parcelsText))
        var left = head + DisplayWidth.middleTruncate(storeLabel, to: room) + " "
        let liveText = live ? "● \(strings[.live])" : "○ \(strings[.stale])"
        if case .filter(let p) = mode { left = " \(strings[.filter]) /\(views[p]?.filter ?? "")▏ " }
        var col = r.col
        col += grid.put(left, row: r.row, col: col, role: .statusBar, maxWidth: r.width)
        col += grid.put(liveText + " ", row: r.row, col: col, role: live ? .ok : .warning, maxWidth: r.col + r.width - col)
        // What is overdue on another page, so nothing there falls through the cracks.
        if !isFiltering, message == nil, let elsewhere = overdueElsewhereText() {
            let key = keymap.keyName(.nextPage).map { " (\($0))" } ?? ""
            col += grid.put(" " + elsewhere + key + " ", row: r.row, col: col, role: .overdue, maxWidth: r.col + r.width - col)
        }
        // Parcels waiting for collection: the desk hands them over while receiving visitors.
        if !parcelsText.isEmpty {
            col += grid.put(parcelsText, row: r.row, col: col, role: .statusBar, maxWidth: r.col + r.width - col)
        }
        if let m = message {
            let room = r.col + r.width - col
            if DisplayWidth.of(" " + m.text) <= room {
                grid.put(" " + m.text, row: r.row, col: col, role: m.role, maxWidth: room)
            } else {
                drawMessageLines(m.text, role: m.role, above: r, into: &grid)
            }
            return
        }
        // A notice waiting for the user's acknowledgement goes before the key hints, which get what room is left (NoticeLine.swift).
        if !isFiltering, let notice = NoticeLine.text(state: model.state, user: model.user, now: model.now, strings: strings) {
            let room = r.col + r.width - col
            if room >= 12 { col += grid.put(" " + DisplayWidth.truncate(notice, to: room - 2) + " ", row: r.row, col: col, role: .due, maxWidth: room) }
        }
        // Key hints come from the key table and the keymap, so a user's rebinding shows here too.
        let scope: KeyScope = if case .filter = mode { .filter } else { .global }
        for hint in keymap.hints(scope, strings: strings) {
            let keyText = " \(hint.key)", label = hint.label
            if col + DisplayWidth.of(keyText + " " + label) >= r.col + r.width { break }
            col += grid.put(keyText, row: r.row, col: col, role: .statusKey)
            col += grid.put(" " + label, row: r.row, col: col, role: .statusBar)
        }
    }

    /// A message too long for the status bar (a refusal, a keys-file warning) is wrapped over as
    /// many full-width lines above it as it needs — never cut.
    func drawMessageLines(_ text: String, role: Role, above r: Rect, into grid: inout TextGrid) {
        let lines = DisplayWidth.wrap(text, to: max(10, r.width - 2))
        let first = max(0, r.row - lines.count)
        for (i, line) in lines.suffix(r.row - first).enumerated() {
            grid.fill(row: first + i, col: r.col, width: r.width, height: 1, role: role)
            grid.put(" " + line, row: first + i, col: r.col, role: role, maxWidth: r.width)
        }
    }

    /// The help overlay's lines: a heading per key scope, then one row per action — keys, label
    /// and help, the help wrapped (never cut) under itself at `width`.
    func helpLines(width: Int) -> [(text: String, role: Role)] {
        let unbound = strings[.unbound]
        let keyWidth = min(16, Action.table.map { DisplayWidth.of(keymap.keyList($0.id) ?? unbound) }.max() ?? 8)
        let labelWidth = min(22, Action.table.map { DisplayWidth.of(strings[$0.label]) }.max() ?? 8)
        let helpCol = keyWidth + 1 + labelWidth + 1
        let helpWidth = max(12, width - helpCol)
        var out: [(text: String, role: Role)] = []
        for scope in KeyScope.all {
            let rows = Keymap.rows(in: scope)
            guard !rows.isEmpty else { continue }
            if !out.isEmpty { out.append(("", .normal)) }
            out.append((strings[scope.title], .header))
            for row in rows {
                let keys = DisplayWidth.truncate(keymap.keyList(row.id) ?? unbound, to: keyWidth)
                let label = DisplayWidth.truncate(strings[row.label], to: labelWidth)
                let help = DisplayWidth.wrap(strings[row.help], to: helpWidth)
                let head = DisplayWidth.pad(keys, to: keyWidth) + " " + DisplayWidth.pad(label, to: labelWidth) + " "
                out.append((head + (help.first ?? ""), .normal))
                for more in help.dropFirst() { out.append((String(repeating: " ", count: helpCol) + more, .normal)) }
            }
        }
        return out
    }

    /// The help overlay: a box as tall as the screen allows, its lines scrolled to `scroll`
    /// (clamped and written back), with the position and the scroll keys in its last line.
    mutating func drawHelp(scroll: Int, into grid: inout TextGrid) {
        let w = min(grid.width - 2, 104), h = grid.height - 2
        guard w > 20, h > 4 else { return }
        let lines = helpLines(width: w - 4)
        let page = h - 3   // borders and the footer line
        helpPage = max(1, page - 1)
        let top = max(0, min(scroll, lines.count - page))
        mode = .help(scroll: top)
        let r = Rect(row: (grid.height - h) / 2, col: (grid.width - w) / 2, width: w, height: h)
        grid.fill(row: r.row, col: r.col, width: r.width, height: r.height, role: .normal)
        grid.box(row: r.row, col: r.col, width: r.width, height: r.height, title: strings[.help] + " — " + strings[.keys],
                 role: .focusBorder, titleRole: .focusTitle, ascii: grid.asciiOnly)
        for (i, line) in lines.dropFirst(top).prefix(page).enumerated() {
            grid.put(line.text, row: r.row + 1 + i, col: r.col + 2, role: line.role, maxWidth: w - 4)
        }
        let last = min(lines.count, top + page)
        let position = "\(top + 1)–\(last)/\(lines.count)"
        let keys = [ActionID.up, .down, .pageUp, .pageDown].compactMap { keymap.keyName($0) }.joined(separator: " ")
        let close = keymap.keyName(.back).map { "\($0) \(strings[.close])" } ?? ""
        let footer = "\(position)  \(keys) \(strings[.scroll]) · \(close)"
        grid.put(footer, row: r.row + r.height - 2, col: r.col + 2, role: .dim, maxWidth: w - 4)
        grid.cursor = nil
    }

    mutating func drawOverlay(into grid: inout TextGrid) {
        switch mode {
        case .normal, .filter, .reports:
            return
        case .help(let scroll):
            drawHelp(scroll: scroll, into: &grid)
        case .detail(let pane, let id):
            if let d = PaneRenderer.detail(pane, id: id, model: model, strings: strings) {
                popup(title: d.title, lines: d.lines + ["", closeHint], into: &grid)
            } else {
                popup(title: id, lines: ["—", closeHint], into: &grid)
            }
        case .form(let form):
            drawForm(form, into: &grid)
        case .actions(let pane, let id):
            let menu = actionsMenu(pane, id: id)
            popup(title: menu.title, lines: menu.lines, into: &grid)
        case .confirmQuit:
            let yes = keymap.keyName(.quitYes).map { " (\($0) = \(strings.actionLabel(.quitYes)))" } ?? ""
            popup(title: "frontdesk", lines: [strings[.quitConfirm] + yes], into: &grid)
        }
    }

    /// The actions menu's box: its items, and its lines (item `i` on line `i`, then the close hint).
    func actionsMenu(_ pane: PaneID, id: String) -> (title: String, items: [RowAction], lines: [String]) {
        let items = RowActions.menu(pane, id: id, model: model, keymap: keymap)
        let keyWidth = items.map { DisplayWidth.of($0.key?.name ?? "") }.max() ?? 1
        let lines = items.isEmpty ? ["—"] : items.map { item in
            " \(DisplayWidth.pad(item.key?.name ?? "", to: keyWidth))  \(strings[item.label])\(isForm(item) ? " …" : "")"
        }
        return (id.isEmpty ? strings.paneTitle(pane) : "\(id) · \(strings.paneTitle(pane))", items, lines + ["", closeHint])
    }

    /// "esc Close" from the keymap, under every overlay.
    var closeHint: String { keymap.keyName(.back).map { "\($0) \(strings[.close])" } ?? "" }

    func isForm(_ a: RowAction) -> Bool { if case .form = a.kind { return true } else { return false } }

    /// A centred box with lines; long lines are cut at the box edge by display width.
    @discardableResult
    func popup(title: String, lines: [String], minWidth: Int = 30, into grid: inout TextGrid) -> Rect {
        let r = Self.popupRect(title: title, lines: lines, minWidth: minWidth, width: grid.width, height: grid.height)
        guard r.width > 0 else { return r }
        let w = r.width, h = r.height
        grid.fill(row: r.row, col: r.col, width: r.width, height: r.height, role: .normal)
        grid.box(row: r.row, col: r.col, width: r.width, height: r.height, title: title, role: .focusBorder, titleRole: .focusTitle, ascii: grid.asciiOnly)
        for (i, l) in lines.prefix(h - 2).enumerated() {
            grid.put(l, row: r.row + 1 + i, col: r.col + 2, role: .normal, maxWidth: w - 4)
        }
        grid.cursor = nil
        return r
    }

    /// Where ``popup(title:lines:minWidth:into:)`` puts its box on a `width` × `height` screen
    /// (centred, border included); an empty rect when it does not fit.
    static func popupRect(title: String, lines: [String], minWidth: Int = 30, width: Int, height: Int) -> Rect {
        let want = max(minWidth, DisplayWidth.of(title) + 6, (lines.map { DisplayWidth.of($0) }.max() ?? 0) + 4)
        let w = min(width - 2, want), h = min(height - 2, lines.count + 2)
        guard w > 4, h > 2 else { return Rect(row: 0, col: 0, width: 0, height: 0) }
        return Rect(row: (height - h) / 2, col: (width - w) / 2, width: w, height: h)
    }

    /// The line under a field: its error, else for a focused picker the matches (the highlighted
    /// one marked ▸), for another picker what it resolves to, else its hint.
    func underLine(_ f: TextField, focused: Bool) -> (text: String, role: Role) {
        if let e = f.error { return ("  ⚠ \(strings[e])", .error) }
        if f.isPicker {
            let m = f.matches
            if focused {
                if m.isEmpty { return (f.allowsOther ? "  \(strings[.newValue])" : "  ⚠ \(strings[.noChoice])", f.allowsOther ? .dim : .error) }
                let h = min(max(0, f.highlight), m.count - 1)
                let rotated = Array(m[h...] + m[..<h])
                let list = rotated.enumerated().map { i, c in i == 0 ? "▸ \(c.label)" : c.label }.joined(separator: "  ")
                return ("  \(h + 1)/\(m.count) \(list)", .dim)
            }
            if !f.trimmed.isEmpty, let first = m.first, first.label != f.trimmed { return ("  → \(first.label)", .dim) }
        }
        return (f.hint.map { "  \(strings[$0])" } ?? "", .dim)
    }

    func drawForm(_ form: DeskForm, into grid: inout TextGrid) {
        let labelWidth = min(26, (form.fields.map { DisplayWidth.of(strings[$0.label]) }.max() ?? 10) + 1)
        let boxWidth = min(grid.width - 2, 76)
        let refusal = form.refusal.map { DisplayWidth.wrap("✗ \($0)", to: max(10, boxWidth - 4)) } ?? []
        let footer = keymap.hints(.form, strings: strings).map { "\($0.key) \($0.label)" }.joined(separator: " · ")
        // Two lines per field, the refusal in full (wrapped), a blank line and the key hints.
        let lineCount = form.fields.count * 2 + max(1, refusal.count) + 1
        let r = popup(title: strings[form.title], lines: Array(repeating: "", count: lineCount), minWidth: boxWidth, into: &grid)
        guard r.width > 0 else { return }
        let valueCol = r.col + 2 + labelWidth + 1
        let valueWidth = max(4, r.col + r.width - 2 - valueCol)
        // A refusal never gives way: when the box is short, fields scroll to keep the focus and it in view.
        let fieldRows = max(2, r.height - 2 - 1 - max(1, refusal.count))
        let shownFields = max(1, fieldRows / 2)
        let firstField = max(0, min(form.focus - (shownFields - 1), form.fields.count - shownFields))
        var row = r.row + 1
        for (i, f) in form.fields.enumerated() where i >= firstField && row + 1 < r.row + 1 + fieldRows {
            grid.put(strings[f.label], row: row, col: r.col + 2, role: i == form.focus ? .focusTitle : .normal, maxWidth: labelWidth)
            grid.fill(row: row, col: valueCol, width: valueWidth, height: 1, role: .input)
            // Keep the caret visible in a long value: show the tail that ends at the caret.
            var shown = f.value
            var caret = f.cursorColumn
            while caret >= valueWidth, !shown.isEmpty {
                caret -= DisplayWidth.of(shown.removeFirst())
            }
            grid.put(shown, row: row, col: valueCol, role: .input, maxWidth: valueWidth)
            if i == form.focus { grid.cursor = (row, valueCol + min(caret, valueWidth - 1)) }
            let under = underLine(f, focused: i == form.focus)
            if !under.text.isEmpty { grid.put(under.text, row: row + 1, col: valueCol, role: under.role, maxWidth: valueWidth) }
            row += 2
        }
        row = r.row + r.height - 2 - refusal.count
        for line in refusal where row < r.row + r.height - 2 {
            grid.put(line, row: row, col: r.col + 2, role: .error, maxWidth: r.width - 4)
            row += 1
        }
        grid.put(footer, row: r.row + r.height - 2, col: r.col + 2, role: .dim, maxWidth: r.width - 4)
    }
}
