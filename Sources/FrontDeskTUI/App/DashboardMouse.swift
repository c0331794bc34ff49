import FrontDeskKit

extension Dashboard {
    /// Rows the wheel moves per step, as in htop and lazygit.
    static let wheelStep = 3

    /// A mouse event on the frame last rendered (``frameSize``), as htop and lazygit do it: a
    /// press in a pane focuses it, on a row selects it, on the row already selected (a second
    /// click, so a double click too) opens it as Enter does; the right button opens the row's
    /// actions menu; the wheel moves the selection of the pane under the pointer, focus unchanged.
    /// In the actions menu a click on a step runs it and a click outside closes the menu; the help
    /// overlay scrolls with the wheel. Anything else — forms, the filter line, other overlays, the
    /// Reports screen, the status bar — ignores the mouse.
    mutating func click(_ event: MouseEvent) -> Effect {
        switch mode {
        case .normal: break
        case .help(let scroll):
            switch event.kind {
            case .wheelUp: mode = .help(scroll: max(0, scroll - Self.wheelStep))
            case .wheelDown: mode = .help(scroll: scroll + Self.wheelStep)
            case .press: return .none
            }
            return .redraw
        case .actions(let pane, let id):
            return clickMenu(event, pane: pane, id: id)
        case .filter, .detail, .form, .confirmQuit, .reports:
            return .none
        }
        let layout = Layout.compute(width: frameSize.width, height: frameSize.height, focused: focused, zoomed: zoomed)
        let tabs = focused.page.panes.map { DisplayWidth.of(tabLabel($0)) }
        switch HitTest.target(row: event.row, col: event.col, layout: layout, tabWidths: tabs) {
        case .nothing:
            return .none
        case .tab(let pane):
            guard case .press(.left) = event.kind else { return .none }
            focused = pane
            return .redraw
        case .pane(let pane):
            switch event.kind {
            case .wheelUp: move(-Self.wheelStep, in: pane)
            case .wheelDown: move(Self.wheelStep, in: pane)
            case .press(.middle): return .none
            case .press(let button):
                let wasFocused = focused == pane
                focused = pane
                guard case .panes(let visible, _, _) = layout, let rect = visible[pane],
                      let id = rowID(atRow: event.row, col: event.col, pane: pane, rect: rect) else { return .redraw }
                let wasSelected = views[pane]?.selectedID == id
                views[pane]?.selectedID = id
                if button == .right { return perform(.actions) }
                if wasFocused && wasSelected { return perform(.open) }
            }
            return .redraw
        }
    }

    /// The id of the row drawn at (`row`, `col`) in `pane`'s box `rect`, nil for a heading, the
    /// border, the timeline or empty space. Reads the same lines, timeline and scroll the frame used.
    func rowID(atRow row: Int, col: Int, pane: PaneID, rect: Rect) -> String? {
        let filter = views[pane]?.filter ?? ""
        let table = contents[pane]?.content.table ?? PaneRenderer.content(pane, model: model.asQueried(pane), strings: strings, rect: nil).table
        let lines = table.filtered(filter).lines
        var preface = 0
        if pane == .meetings {
            let n = MeetingsPane.preface(model.asQueried(pane), strings: strings, rect: rect).count
            if PaneList.prefaceFits(n, in: rect) { preface = n }
        }
        guard let i = HitTest.line(atRow: row, col: col, rect: rect, prefaceLines: preface, scroll: views[pane]?.scroll ?? 0,
                                   lineCount: lines.count) else { return nil }
        return lines[i].row?.id
    }

    /// A click in the actions menu: on a step's line, that step (as its key would); outside the box, close.
    mutating func clickMenu(_ event: MouseEvent, pane: PaneID, id: String) -> Effect {
        guard case .press(.left) = event.kind else { return .none }
        let menu = actionsMenu(pane, id: id)
        let box = Self.popupRect(title: menu.title, lines: menu.lines, width: frameSize.width, height: frameSize.height)
        guard HitTest.contains(box, row: event.row, col: event.col) else { mode = .normal; return .redraw }
        let index = event.row - box.row - 1
        guard menu.items.indices.contains(index) else { return .none }
        switch menu.items[index].kind {
        case .step(let st): mode = .normal; return .step(st)
        case .form(let f): return openForm(f, subject: f == .newVisitor || f == .bookRoom ? nil : menu.items[index].subject ?? id)
        }
    }
}
