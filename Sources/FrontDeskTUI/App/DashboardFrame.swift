import Foundation
import FrontDeskKit

extension Dashboard {
    /// The whole screen as a grid: panes by layout, tab bar, status bar, and any overlay.
    /// Pure: the same dashboard and size give the same frame. Scroll positions it settles are
    /// written back so the selection stays visible.
    public mutating func render(width: Int, height: Int, ascii: Bool = false) -> TextGrid {
        var grid = TextGrid(width: max(0, width), height: max(0, height), asciiOnly: ascii)
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
                let view = views[pane] ?? PaneViewState()
                let r = PaneRenderer.draw(pane, model: model, view: view, rect: rect, focused: pane == focused, strings: strings, into: &grid)
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

    func drawTabs(_ r: Rect, into grid: inout TextGrid) {
        grid.fill(row: r.row, col: r.col, width: r.width, height: 1, role: .tabInactive)
        var col = r.col
        for p in PaneID.allCases {
            let n = model.overdueCount(p)
            let label = " \(p.rawValue + 1) \(strings.paneTitle(p))\(n > 0 ? " !\(n)" : "") "
            col += grid.put(label, row: r.row, col: col, role: p == focused ? .tabActive : .tabInactive, maxWidth: r.col + r.width - col)
            col += 1
        }
    }

    func drawStatus(_ r: Rect, into grid: inout TextGrid) {
        grid.fill(row: r.row, col: r.col, width: r.width, height: r.height, role: .statusBar)
        let tz = model.timeZone
        // The store path gives way (cut in the middle) so a message always has room.
        let head = " \(Clock.day(model.now, tz)) \(Clock.hm(model.now, tz))  \(strings[.user]): \(model.user)  \(strings[.store]): "
        let reserve = message.map { DisplayWidth.of($0.text) + 2 } ?? 12   // a message, or at least "? Help"
        let room = max(14, r.width - DisplayWidth.of(head) - 10 - reserve)
        var left = head + DisplayWidth.middleTruncate(storeLabel, to: room) + " "
        let liveText = live ? "● \(strings[.live])" : "○ \(strings[.stale])"
        if case .filter(let p) = mode { left = " \(strings[.filter]) /\(views[p]?.filter ?? "")▏ \(strings[.filterKeys]) " }
        var col = r.col
        col += grid.put(left, row: r.row, col: col, role: .statusBar, maxWidth: r.width)
        col += grid.put(liveText + " ", row: r.row, col: col, role: live ? .ok : .warning, maxWidth: r.col + r.width - col)
        if let m = message {
            grid.put(" " + m.text, row: r.row, col: col, role: m.role, maxWidth: r.col + r.width - col)
            return
        }
        // Key hints come from the keymap, so a user's rebinding shows here too.
        for id in [ActionID.help, .nextPane, .open, .filter, .newVisitor, .checkIn, .checkOut, .bookRoom, .issueStock, .approve, .quit] {
            guard let key = keymap.keys(for: id).first else { continue }
            let keyText = " \(key.name)", label = strings.actionLabel(id)
            if col + DisplayWidth.of(keyText + " " + label) >= r.col + r.width { break }
            col += grid.put(keyText, row: r.row, col: col, role: .statusKey)
            col += grid.put(" " + label, row: r.row, col: col, role: .statusBar)
        }
    }

    func drawOverlay(into grid: inout TextGrid) {
        switch mode {
        case .normal, .filter:
            return
        case .help:
            let lines = keymap.helpLines(label: strings.actionLabel, help: strings.actionHelp, unbound: strings[.unbound])
                .map { "\(DisplayWidth.pad($0.keys, to: 16)) \(DisplayWidth.pad($0.label, to: 12)) \($0.help)" }
            popup(title: strings[.help] + " — " + strings[.keys], lines: lines + ["", strings[.pressAnyKey]], into: &grid)
        case .detail(let pane, let id):
            if let d = PaneRenderer.detail(pane, id: id, model: model, strings: strings) {
                popup(title: d.title, lines: d.lines + ["", strings[.pressAnyKey]], into: &grid)
            } else {
                popup(title: id, lines: ["—", strings[.pressAnyKey]], into: &grid)
            }
        case .form(let form):
            drawForm(form, into: &grid)
        case .actions(let pane, let id):
            let items = RowActions.menu(pane, id: id, model: model)
            let lines = items.isEmpty ? ["—"] : items.map { " \($0.key)  \($0.label)\(isForm($0) ? " …" : "")" }
            popup(title: "\(id) · \(strings.paneTitle(pane))", lines: lines + ["", strings[.pressAnyKey]], into: &grid)
        case .confirmQuit:
            popup(title: "frontdesk", lines: [strings[.quitConfirm]], into: &grid)
        }
    }

    func isForm(_ a: RowAction) -> Bool { if case .form = a.kind { return true } else { return false } }

    /// A centred box with lines; long lines are cut at the box edge by display width.
    @discardableResult
    func popup(title: String, lines: [String], minWidth: Int = 30, into grid: inout TextGrid) -> Rect {
        let want = max(minWidth, DisplayWidth.of(title) + 6, (lines.map { DisplayWidth.of($0) }.max() ?? 0) + 4)
        let w = min(grid.width - 2, want), h = min(grid.height - 2, lines.count + 2)
        guard w > 4, h > 2 else { return Rect(row: 0, col: 0, width: 0, height: 0) }
        let r = Rect(row: (grid.height - h) / 2, col: (grid.width - w) / 2, width: w, height: h)
        grid.fill(row: r.row, col: r.col, width: r.width, height: r.height, role: .normal)
        grid.box(row: r.row, col: r.col, width: r.width, height: r.height, title: title, role: .focusBorder, titleRole: .focusTitle, ascii: grid.asciiOnly)
        for (i, l) in lines.prefix(h - 2).enumerated() {
            grid.put(l, row: r.row + 1 + i, col: r.col + 2, role: .normal, maxWidth: w - 4)
        }
        grid.cursor = nil
        return r
    }

    func drawForm(_ form: DeskForm, into grid: inout TextGrid) {
        let labelWidth = min(26, (form.fields.map { DisplayWidth.of($0.label) }.max() ?? 10) + 1)
        var lines: [String] = []
        for f in form.fields {
            lines.append(f.label)
            lines.append(f.error.map { "  ⚠ \($0)" } ?? (f.hint.isEmpty ? "" : "  \(f.hint)"))
        }
        let boxWidth = min(grid.width - 2, 76)
        let refusal = form.refusal.map { DisplayWidth.wrap("✗ \($0)", to: max(10, boxWidth - 4)).prefix(4) } ?? []
        lines.append(contentsOf: refusal.isEmpty ? [""] : Array(refusal))
        lines.append(strings[.formKeys])
        let r = popup(title: form.title, lines: lines.map { _ in "" }, minWidth: boxWidth, into: &grid)
        guard r.width > 0 else { return }
        let valueCol = r.col + 2 + labelWidth + 1
        let valueWidth = max(4, r.col + r.width - 2 - valueCol)
        var row = r.row + 1
        for (i, f) in form.fields.enumerated() where row < r.row + r.height - 1 {
            grid.put(f.label, row: row, col: r.col + 2, role: i == form.focus ? .focusTitle : .normal, maxWidth: labelWidth)
            grid.fill(row: row, col: valueCol, width: valueWidth, height: 1, role: .input)
            // Keep the caret visible in a long value: show the tail that ends at the caret.
            var shown = f.value
            var caret = f.cursorColumn
            while caret >= valueWidth, !shown.isEmpty {
                caret -= DisplayWidth.of(shown.removeFirst())
            }
            grid.put(shown, row: row, col: valueCol, role: .input, maxWidth: valueWidth)
            if i == form.focus { grid.cursor = (row, valueCol + min(caret, valueWidth - 1)) }
            row += 1
            if row < r.row + r.height - 1 {
                if let e = f.error { grid.put("  ⚠ \(e)", row: row, col: valueCol, role: .error, maxWidth: valueWidth) }
                else if !f.hint.isEmpty { grid.put("  \(f.hint)", row: row, col: valueCol, role: .dim, maxWidth: valueWidth) }
            }
            row += 1
        }
        for line in refusal where row < r.row + r.height - 2 {
            grid.put(line, row: row, col: r.col + 2, role: .error, maxWidth: r.width - 4)
            row += 1
        }
        grid.put(strings[.formKeys], row: r.row + r.height - 2, col: r.col + 2, role: .dim, maxWidth: r.width - 4)
    }
}
