import Foundation
import FrontDeskKit

/// The dashboard's state and its key handling, free of the terminal: tests drive it with keys and
/// read the frame it renders as text. The launcher owns the terminal and the store.
public struct Dashboard {
    public enum Mode: Equatable {
        case normal
        case filter(PaneID)
        /// The key list, scrolled to its `scroll`th line.
        case help(scroll: Int)
        case detail(PaneID, String)
        /// The menu of every step that applies to the selected row.
        case actions(PaneID, String)
        case form(DeskForm)
        case confirmQuit(DeskForm?)
        /// The full-screen Reports view.
        case reports(ReportsView)
    }

    /// What the launcher must do after a key.
    public enum Effect: Equatable {
        case none
        case redraw
        case quit
        /// Commit the open form's change; on refusal call `refused(_:)`.
        case submit(DeskForm)
        /// Commit a step that needs no typing; the outcome goes to the status line.
        case step(RowStep)
        case refreshStore
        case repaint
        /// Give the terminal back to the shell until `fg` (Ctrl-Z).
        case suspend
    }

    /// What the panes show; setting it rebuilds the formatted rows of the panes whose query
    /// result changed (``contents``), and only those.
    public var model: DashboardModel { didSet { syncContents() } }
    public var focused: PaneID = .meetings
    /// The pane focused last on each page, taken back when the page is shown again.
    var pageFocus: [Page: PaneID] = [:]
    public var zoomed = false
    public var views: [PaneID: PaneViewState] = [:]
    public var mode: Mode = .normal
    public var keymap: Keymap
    public var strings: Strings { didSet { contents = [:]; syncContents() } }
    /// A short line shown in the status bar until the next key ("Saved V31", "Refused: …").
    public var message: (text: String, role: Role)?
    public var live = true
    /// Lines the help overlay scrolls per PgUp/PgDn (set by the last frame drawn).
    var helpPage = 10
    /// The size of the last frame rendered: mouse events point into it.
    var frameSize = (width: 0, height: 0)
    public var storeLabel: String
    /// Where another day and the reports are read from (the launcher's store); nil: today only.
    public var history: HistorySource?
    /// Each pane's rows as formatted for the screen, kept while its query result is the same.
    var contents: [PaneID: PaneCache.Content] = [:]
    /// Each pane as last drawn, pasted again while nothing it was drawn from changed.
    var drawnPanes: [PaneID: PaneCache.Drawn] = [:]
    /// Numbers every rebuild of a pane's content, so a drawn pane can tell it is out of date.
    var contentBuilds = 0
    /// Counts fresh drawings of a pane (a pasted one does not count).
    var paneDrawings = 0

    public init(model: DashboardModel, keymap: Keymap = .defaults, strings: Strings = Strings(.en), storeLabel: String = "") {
        self.model = model
        self.keymap = keymap
        self.strings = strings
        self.storeLabel = storeLabel
        for p in PaneID.allCases { views[p] = PaneViewState() }
        syncContents()
        for p in PaneID.allCases {
            let first = rowIDs(p).first
            views[p]?.selectedID = first
        }
    }

    func rowIDs(_ p: PaneID) -> [String] {
        let filter = views[p]?.filter ?? ""
        guard let cached = contents[p] else {
            return PaneRenderer.rowIDs(p, model: model.asQueried(p), filter: filter, strings: strings)
        }
        return filter.isEmpty ? cached.rowIDs : cached.content.table.filtered(filter).rowIDs
    }

    /// Rebuilds the formatted rows of each pane whose query result, query time or zone changed.
    mutating func syncContents() {
        for p in PaneID.allCases {
            let source = PaneCache.Source(p, model)
            if contents[p]?.source == source { continue }
            contentBuilds += 1
            contents[p] = PaneCache.Content(source: source, build: contentBuilds,
                                            content: PaneRenderer.content(p, model: model.asQueried(p), strings: strings, rect: nil))
        }
    }

    /// Replaces the model (another session's change, or the clock), keeping each pane's selection
    /// by id; a selected row that disappeared gives way to its neighbour.
    /// While another day is shown, today's refreshes leave it alone (today is read afresh on return).
    public mutating func update(model new: DashboardModel) {
        if model.isOtherDay && !new.isOtherDay { return }
        replaceModel(new)
    }

    mutating func replaceModel(_ new: DashboardModel) {
        var oldIndex: [PaneID: Int] = [:]
        for p in PaneID.allCases {
            if let sel = views[p]?.selectedID { oldIndex[p] = rowIDs(p).firstIndex(of: sel) }
        }
        model = new
        for p in PaneID.allCases {
            let ids = rowIDs(p)
            if let sel = views[p]?.selectedID, ids.contains(sel) { continue }
            views[p]?.selectedID = ids.isEmpty ? nil : ids[min(oldIndex[p] ?? 0, ids.count - 1)]
        }
    }

    // MARK: Keys

    public mutating func handle(_ key: Key) -> Effect {
        if key == .resize { return .redraw }
        // Ctrl-Z works everywhere, as in vim; what was typed stays in the form.
        if keymap.action(for: key) == .suspend { return .suspend }
        message = nil
        if case .mouse(let event) = key { return click(event) }
        switch mode {
        case .form(var form):
            if keymap.action(for: key) == .quit, case .ctrl = key {
                mode = form.isHalfFilled ? .confirmQuit(form) : .normal
                return form.isHalfFilled ? .redraw : .quit
            }
            let focusBefore = form.focus
            switch form.handle(key, keymap: keymap) {
            case .cancel: mode = .normal
            case .submit: mode = .form(form); return .submit(form)
            case .edited, .none:
                if form.kind == .newVisitor && focusBefore == 0 && form.focus != 0 { offerReturningVisitor(&form) }
                mode = .form(form)
            }
            return .redraw
        case .confirmQuit(let form):
            if keymap.action(for: key, in: .quitQuestion) == .quitYes { return .quit }
            mode = form.map { .form($0) } ?? .normal
            return .redraw
        case .filter(let p):
            var v = views[p] ?? PaneViewState()
            switch (keymap.action(for: key, in: .filter), key) {
            case (.filterKeep?, _): mode = .normal
            case (.filterClear?, _): v.filter = ""; mode = .normal
            case (_, .backspace): if !v.filter.isEmpty { v.filter.removeLast() }
            case (_, .char(let c)): v.filter.append(c)
            default: return .none
            }
            views[p] = v
            let ids = rowIDs(p)
            if let sel = v.selectedID, ids.contains(sel) {} else { views[p]?.selectedID = ids.first; views[p]?.scroll = 0 }
            return .redraw
        case .actions(let pane, let id):
            let menu = RowActions.menu(pane, id: id, model: model, keymap: keymap)
            if case .step(let step)? = keymap.action(for: key, in: .menu(pane)), let entry = menu.first(where: { $0.step == step }) {
                switch entry.kind {
                case .step(let st): mode = .normal; return .step(st)
                case .form(let f): return openForm(f, subject: f == .newVisitor || f == .bookRoom ? nil : entry.subject ?? id)
                }
            }
            if closes(key) { mode = .normal; return .redraw }
            return .none
        case .help(let scroll):
            switch keymap.action(for: key) {
            case .up?: mode = .help(scroll: max(0, scroll - 1))
            case .down?: mode = .help(scroll: scroll + 1)
            case .pageUp?: mode = .help(scroll: max(0, scroll - helpPage))
            case .pageDown?: mode = .help(scroll: scroll + helpPage)
            case .top?: mode = .help(scroll: 0)
            case .bottom?: mode = .help(scroll: Int.max / 2)
            default:
                guard closes(key) else { return .none }
                mode = .normal
            }
            return .redraw
        case .detail:
            if closes(key) { mode = .normal; return .redraw }
            return .none
        case .reports(var view):
            return handleReports(key, &view)
        case .normal:
            guard let action = keymap.action(for: key) else { return .none }
            return perform(action)
        }
    }

    /// Keys that close an overlay: Back, Help, Open and Quit (so `q` closes rather than quits).
    func closes(_ key: Key) -> Bool {
        guard let a = keymap.action(for: key) else { return false }
        return [.back, .help, .open, .quit].contains(a)
    }

    mutating func perform(_ action: ActionID) -> Effect {
        if model.isOtherDay, Self.writes.contains(action) { return refuseOnOtherDay(action) }
        switch action {
        case .quit: return .quit
        case .help: mode = .help(scroll: 0)
        case .nextPane: focused = focused.next
        case .prevPane: focused = focused.previous
        case .pane1: focusPane(0)
        case .pane2: focusPane(1)
        case .pane3: focusPane(2)
        case .pane4: focusPane(3)
        case .nextPage: showPage(focused.page.next)
        case .up: move(-1)
        case .down: move(1)
        case .pageUp: move(-10)
        case .pageDown: move(10)
        case .top: move(Int.min / 2)
        case .bottom: move(Int.max / 2)
        case .open:
            guard let id = views[focused]?.selectedID else { return .none }
            mode = .detail(focused, id)
        case .back:
            if zoomed { zoomed = false } else if !(views[focused]?.filter.isEmpty ?? true) { views[focused]?.filter = "" } else { return .none }
        case .filter: mode = .filter(focused)
        case .zoom: zoomed.toggle()
        case .actions:
            // An empty pane still offers its process's first steps (book a parcel in, file a record).
            guard let id = views[focused]?.selectedID ?? (RowActions.menu(focused, id: "", model: model, keymap: keymap).isEmpty ? nil : "") else { return .none }
            mode = .actions(focused, id)
        case .refresh: return .repaint
        case .previousDay: stepDay(-1)
        case .nextDay: stepDay(1)
        case .today: showDay(nil)
        case .reports: openReports()
        case .reportPreviousMonth, .reportNextMonth, .reportNext, .reportPrevious:
            return .none   // the Reports screen's keys
        case .suspend: return .suspend
        case .filterKeep, .filterClear, .fieldNext, .fieldPrevious, .choiceUp, .choiceDown, .formEnter, .formSave, .formCancel,
             .quitYes, .step:
            return .none   // not bound in the panes' scope
        case .newVisitor: return open(.newVisitor, pane: .visitors)
        case .checkIn: return open(.checkIn, pane: .visitors)
        case .checkOut: return open(.checkOut, pane: .visitors)
        case .bookRoom: return open(.bookRoom, pane: .meetings)
        case .issueStock: return open(.issueStock, pane: .stock)
        case .receiveStock: return open(.receiveStock, pane: .stock)
        case .approve: return open(.approve, pane: .approvals)
        case .reject: return open(.reject, pane: .approvals)
        }
        return .redraw
    }

    /// Moves the selection of `pane` (the focused one by default) by `delta` rows, stopping at the ends.
    mutating func move(_ delta: Int, in pane: PaneID? = nil) {
        let p = pane ?? focused
        let ids = rowIDs(p)
        guard !ids.isEmpty else { return }
        let current = views[p]?.selectedID.flatMap { ids.firstIndex(of: $0) } ?? 0
        let next = max(0, min(ids.count - 1, current + max(-ids.count, min(ids.count, delta))))
        views[p]?.selectedID = ids[next]
    }

    /// Forms that act on a record use the selected row of their pane; others open anywhere.
    mutating func open(_ kind: FormKind, pane: PaneID) -> Effect {
        let needsSubject = kind != .newVisitor && kind != .bookRoom
        if needsSubject && focused != pane {
            message = (strings.format(.selectRowFirst, strings.paneTitle(pane), keymap.keyName(paneAction(pane)) ?? ""), .warning)
            return .redraw
        }
        return openForm(kind, subject: needsSubject ? views[pane]?.selectedID : nil)
    }

    /// A name typed before: offer the company and host of the last visit (still editable).
    func offerReturningVisitor(_ form: inout DeskForm) {
        func at(_ label: Localized) -> Int? { form.fields.firstIndex { $0.label == label } }
        guard let name = at(NewVisitorFields.name),
              let known = model.state.returningVisitors[form.fields[name].trimmed.lowercased()] else { return }
        if let i = at(NewVisitorFields.company), form.fields[i].value.isEmpty, let c = known.company { form.fields[i].value = c }
        if let i = at(NewVisitorFields.host), form.fields[i].value.isEmpty {
            form.fields[i].value = Pickers(s: model.state, strings: strings).person(known.lastHost)
        }
        form.fields[name].hint = Localized(verbatim: "↺ \(Clock.day(known.lastVisit, model.timeZone)) · \(model.state.displayName(known.lastHost))")
    }

    mutating func openForm(_ kind: FormKind, subject: String?) -> Effect {
        guard let form = DeskForm.make(kind, subject: subject, model: model, strings: strings) else {
            message = (strings[.nothingSelected], .warning)
            return .redraw
        }
        mode = .form(form)
        return .redraw
    }

    /// A step was committed, or refused with the store's reason.
    public mutating func stepped(_ text: String, ok: Bool) {
        message = (text, ok ? .ok : .error)
    }

    func paneAction(_ p: PaneID) -> ActionID {
        [ActionID.pane1, .pane2, .pane3, .pane4][min(p.index, 3)]
    }

    /// Focuses the `n`th pane (0-based) of the page shown; a number past its panes does nothing.
    mutating func focusPane(_ n: Int) {
        let panes = focused.page.panes
        if n < panes.count { focused = panes[n] }
    }

    /// Shows `page`, on the pane focused there last (its first pane the first time).
    public mutating func showPage(_ page: Page) {
        guard page != focused.page else { return }
        pageFocus[focused.page] = focused
        focused = pageFocus[page] ?? page.panes[0]
        zoomed = false
    }

    /// The store refused the form's change: keep what was typed, show the reason.
    public mutating func refused(_ form: DeskForm, reason: String) {
        var f = form
        f.refusal = reason
        mode = .form(f)
    }

    /// A field's text could not be read: keep what was typed, show the problem at the field.
    mutating func refused(_ form: DeskForm, _ problem: FieldError) {
        var f = form
        f.refusal = nil
        f.markError(problem)
        mode = .form(f)
    }

    /// The change was committed.
    public mutating func saved(_ text: String) {
        mode = .normal
        message = (text, .ok)
    }
}
