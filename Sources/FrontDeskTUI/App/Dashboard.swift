import Foundation
import FrontDeskKit

/// The dashboard's state and its key handling, free of the terminal: tests drive it with keys and
/// read the frame it renders as text. The launcher owns the terminal and the store.
public struct Dashboard {
    public enum Mode: Equatable {
        case normal
        case filter(PaneID)
        case help
        case detail(PaneID, String)
        /// The menu of every step that applies to the selected row.
        case actions(PaneID, String)
        case form(DeskForm)
        case confirmQuit(DeskForm?)
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
    }

    public var model: DashboardModel
    public var focused: PaneID = .meetings
    public var zoomed = false
    public var views: [PaneID: PaneViewState] = [:]
    public var mode: Mode = .normal
    public var keymap: Keymap
    public var strings: Strings
    /// A short line shown in the status bar until the next key ("Saved V31", "Refused: …").
    public var message: (text: String, role: Role)?
    public var live = true
    public var storeLabel: String

    public init(model: DashboardModel, keymap: Keymap = .defaults, strings: Strings = Strings(.en), storeLabel: String = "") {
        self.model = model
        self.keymap = keymap
        self.strings = strings
        self.storeLabel = storeLabel
        for p in PaneID.allCases { views[p] = PaneViewState() }
        for p in PaneID.allCases {
            let first = rowIDs(p).first
            views[p]?.selectedID = first
        }
    }

    func rowIDs(_ p: PaneID) -> [String] {
        PaneRenderer.rowIDs(p, model: model, filter: views[p]?.filter ?? "", strings: strings)
    }

    /// Replaces the model (another session's change, or the clock), keeping each pane's selection
    /// by id; a selected row that disappeared gives way to its neighbour.
    public mutating func update(model new: DashboardModel) {
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
        message = nil
        switch mode {
        case .form(var form):
            if keymap.action(for: key) == .quit, case .ctrl = key {
                mode = form.isHalfFilled ? .confirmQuit(form) : .normal
                return form.isHalfFilled ? .redraw : .quit
            }
            let focusBefore = form.focus
            switch form.handle(key) {
            case .cancel: mode = .normal
            case .submit: mode = .form(form); return .submit(form)
            case .edited, .none:
                if form.kind == .newVisitor && focusBefore == 0 && form.focus != 0 { offerReturningVisitor(&form) }
                mode = .form(form)
            }
            return .redraw
        case .confirmQuit(let form):
            if key == .char("y") || key == .char("Y") { return .quit }
            mode = form.map { .form($0) } ?? .normal
            return .redraw
        case .filter(let p):
            var v = views[p] ?? PaneViewState()
            switch key {
            case .enter: mode = .normal
            case .escape: v.filter = ""; mode = .normal
            case .backspace: if !v.filter.isEmpty { v.filter.removeLast() }
            case .char(let c): v.filter.append(c)
            default: return .none
            }
            views[p] = v
            let ids = rowIDs(p)
            if let sel = v.selectedID, ids.contains(sel) {} else { views[p]?.selectedID = ids.first; views[p]?.scroll = 0 }
            return .redraw
        case .actions(let pane, let id):
            if key == .escape || keymap.action(for: key) == .back { mode = .normal; return .redraw }
            guard case .char(let c) = key, let action = RowActions.menu(pane, id: id, model: model).first(where: { $0.key == c }) else { return .none }
            switch action.kind {
            case .step(let st): mode = .normal; return .step(st)
            case .form(let f): return openForm(f, subject: f == .newVisitor || f == .bookRoom ? nil : id)
            }
        case .help, .detail:
            if key == .escape || keymap.action(for: key) == .back || keymap.action(for: key) == .help || key == .enter || key == .char("q") {
                mode = .normal
                return .redraw
            }
            return .none
        case .normal:
            guard let action = keymap.action(for: key) else { return .none }
            return perform(action)
        }
    }

    mutating func perform(_ action: ActionID) -> Effect {
        switch action {
        case .quit: return .quit
        case .help: mode = .help
        case .nextPane: focused = focused.next
        case .prevPane: focused = focused.previous
        case .pane1: focused = .meetings
        case .pane2: focused = .visitors
        case .pane3: focused = .stock
        case .pane4: focused = .approvals
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
            guard let id = views[focused]?.selectedID else { return .none }
            mode = .actions(focused, id)
        case .refresh: return .repaint
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

    mutating func move(_ delta: Int) {
        let ids = rowIDs(focused)
        guard !ids.isEmpty else { return }
        let current = views[focused]?.selectedID.flatMap { ids.firstIndex(of: $0) } ?? 0
        let next = max(0, min(ids.count - 1, current + max(-ids.count, min(ids.count, delta))))
        views[focused]?.selectedID = ids[next]
    }

    /// Forms that act on a record use the selected row of their pane; others open anywhere.
    mutating func open(_ kind: FormKind, pane: PaneID) -> Effect {
        let needsSubject = kind != .newVisitor && kind != .bookRoom
        if needsSubject && focused != pane {
            message = (strings.format(.selectRowFirst, strings.paneTitle(pane), keymap.keys(for: paneAction(pane)).first?.name ?? ""), .warning)
            return .redraw
        }
        return openForm(kind, subject: needsSubject ? views[pane]?.selectedID : nil)
    }

    /// A name typed before: offer the company and host of the last visit (still editable).
    func offerReturningVisitor(_ form: inout DeskForm) {
        guard let known = model.state.returningVisitors[form.fields[0].trimmed.lowercased()] else { return }
        if form.fields[1].value.isEmpty, let c = known.company { form.fields[1].value = c }
        if form.fields[2].value.isEmpty { form.fields[2].value = known.lastHost }
        form.fields[0].hint = "↺ \(Clock.day(known.lastVisit, model.timeZone)) · \(model.state.displayName(known.lastHost))"
    }

    mutating func openForm(_ kind: FormKind, subject: String?) -> Effect {
        guard let form = DeskForm.make(kind, subject: subject, model: model) else {
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
        switch p { case .meetings: .pane1; case .visitors: .pane2; case .stock: .pane3; case .approvals: .pane4 }
    }

    /// The store refused the form's change: keep what was typed, show the reason.
    public mutating func refused(_ form: DeskForm, reason: String, field: Int? = nil, fieldMessage: String? = nil) {
        var f = form
        if let i = field, let m = fieldMessage { f.markError(FieldError(field: i, message: m)); f.refusal = nil } else { f.refusal = reason }
        mode = .form(f)
    }

    /// The change was committed.
    public mutating func saved(_ text: String) {
        mode = .normal
        message = (text, .ok)
    }
}
