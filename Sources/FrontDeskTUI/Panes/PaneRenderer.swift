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
/// Each pane builds a ``PaneTable`` (MeetingsPane, VisitorsPane, StockPane, ApprovalsPane);
/// ``PaneList`` draws any of them, so filtering, column fitting and scrolling exist once.
public enum PaneRenderer {
    /// Ids of the selectable rows of `pane`, in display order, after `filter` (case-insensitive
    /// match on the row's visible text, which is in the language of `strings`: pass the same
    /// `strings` as to ``draw(_:model:view:rect:focused:strings:into:)``, or a filter such as
    /// "已确认" matches rows on screen that this does not return).
    public static func rowIDs(_ pane: PaneID, model: DashboardModel, filter: String,
                              strings: Strings = Strings(.en)) -> [String] {
        content(pane, model: model, strings: strings, rect: nil).table.filtered(filter).rowIDs
    }

    /// Draws `pane` (border and title included) into `rect` of `grid`.
    public static func draw(_ pane: PaneID, model: DashboardModel, view: PaneViewState, rect: Rect, focused: Bool,
                            strings: Strings, into grid: inout TextGrid) -> PaneDrawResult {
        PaneList.draw(content(pane, model: model, strings: strings, rect: rect), view: view, rect: rect, focused: focused,
                      strings: strings, into: &grid)
    }

    /// The detail view of one row: title and lines of "label: value".
    public static func detail(_ pane: PaneID, id: String, model: DashboardModel, strings: Strings) -> (title: String, lines: [String])? {
        switch pane {
        case .meetings: MeetingsPane.detail(id: id, model: model, strings: strings)
        case .visitors: VisitorsPane.detail(id: id, model: model, strings: strings)
        case .stock: StockPane.detail(id: id, model: model, strings: strings)
        case .approvals: ApprovalsPane.detail(id: id, model: model, strings: strings)
        case .documents: DocumentsPane.detail(id: id, model: model, strings: strings)
        case .archives: ArchivesPane.detail(id: id, state: model.state, now: model.now, calendar: model.context.env.calendar, strings: strings)
        case .assets: AssetsPane.detail(id: id, model: model, strings: strings)
        case .parcels: ParcelsPane.detail(id: id, model: model, strings: strings)
        case .people: PeoplePane.detail(id: id, model: model, strings: strings)
        }
    }

    /// What `pane` lists; `rect` (nil when only ids are wanted) decides the meetings timeline.
    static func content(_ pane: PaneID, model: DashboardModel, strings: Strings, rect: Rect?) -> PaneContent {
        var c = switch pane {
        case .meetings: MeetingsPane.content(model, strings: strings, rect: rect)
        case .visitors: VisitorsPane.content(model, strings: strings)
        case .stock: StockPane.content(model, strings: strings)
        case .approvals: ApprovalsPane.content(model, strings: strings)
        case .documents: DocumentsPane.content(model, strings: strings)
        case .archives: ArchivesPane.content(model, strings: strings)
        case .assets: AssetsPane.content(model, strings: strings)
        case .parcels: ParcelsPane.content(model, strings: strings)
        case .people: PeoplePane.content(model, strings: strings)
        }
        // Another day says so in every pane's title, not only in the status bar.
        if let day = model.viewedDay {
            c.title += " · " + Clock.day(day, model.timeZone)
            // "No visitors today" would be wrong there; the stock list is the items, not the day's.
            if pane != .stock { c.emptyText = strings[ReportWords.nothingOn(ReportWords.day(day, model.context.env.calendar, strings))] }
        }
        return c
    }
}
