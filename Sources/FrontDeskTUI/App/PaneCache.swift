import Foundation
import FrontDeskKit

/// What the dashboard keeps between frames so a change redraws only the panes it touches.
enum PaneCache {
    /// What a pane's formatted rows are made from: its query result, when that query ran, and
    /// the time zone. Equal sources give equal rows (query results share storage, so comparing
    /// an unchanged one is cheap).
    struct Source: Equatable {
        enum Rows: Equatable {
            case meetings(Agenda)
            case visitors(VisitorQueue)
            case stock(StockLevels)
            case approvals(ApprovalQueue)
            case documents(DocumentRegister)
            case archives(ArchiveShelf)
            case assets(AssetLedger)
            case parcels(ParcelDesk)
            case people(StaffBoard)
        }
        var rows: Rows
        var queriedAt: Date
        var timeZone: TimeZone
        /// Another day's rows carry its date in the pane title (two empty days differ by it).
        var viewedDay: Date?

        init(_ pane: PaneID, _ model: DashboardModel) {
            rows = switch pane {
            case .meetings: .meetings(model.agenda)
            case .visitors: .visitors(model.visitors)
            case .stock: .stock(model.stock)
            case .approvals: .approvals(model.approvals)
            case .documents: .documents(model.documents)
            case .archives: .archives(model.archiveShelf)
            case .assets: .assets(model.assetLedger)
            case .parcels: .parcels(model.parcelDesk)
            case .people: .people(model.staffBoard)
            }
            queriedAt = model.queriedAt[pane] ?? model.now
            timeZone = model.timeZone
            viewedDay = model.viewedDay
        }
    }

    /// One pane's rows formatted for the screen, and which build of them this is.
    struct Content {
        var source: Source
        var build: Int
        var content: PaneContent
        /// The ids of all its rows, in order (what an empty filter leaves).
        var rowIDs: [String]

        init(source: Source, build: Int, content: PaneContent) {
            self.source = source
            self.build = build
            self.content = content
            rowIDs = content.table.rowIDs
        }
    }

    /// Everything a drawn pane depends on besides its content.
    struct DrawKey: Equatable {
        var build: Int
        var view: PaneViewState
        var rect: Rect
        var focused: Bool
        var ascii: Bool
    }

    /// A pane's cells as last drawn (its rectangle only) and what drawing returned, in screen coordinates.
    struct Drawn {
        var key: DrawKey
        /// Which fresh drawing of any pane this is (counts up), so reuse can be told from redrawing.
        var drawing: Int
        var cells: TextGrid
        var result: PaneDrawResult
    }
}
