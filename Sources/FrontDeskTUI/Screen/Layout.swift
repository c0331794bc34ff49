/// The dashboard's pages, each a list of panes in tab / number-key order. Adding a pane is a
/// `PaneID` case, its entry in a page's `panes` and its renderer in `PaneRenderer`.
public enum Page: Int, CaseIterable, Sendable, Hashable {
    /// The four panes of the front desk's day.
    case home
    /// The paper trail: documents and archives.
    case office
    /// Things and people: fixed assets, joiners and leavers, parcels.
    case things

    public var panes: [PaneID] {
        switch self {
        case .home: [.meetings, .visitors, .stock, .approvals]
        case .office: [.documents, .archives]
        case .things: [.assets, .people, .parcels]
        }
    }

    /// The page after this one, wrapping around.
    public var next: Page { Page(rawValue: (rawValue + 1) % Page.allCases.count) ?? .home }

    /// The page's number as people say it (1, 2, 3).
    public var number: Int { rawValue + 1 }
}

/// The panes of the dashboard; each belongs to one page (``Page/panes``).
public enum PaneID: Int, CaseIterable, Sendable, Hashable {
    case meetings, visitors, stock, approvals
    case documents, archives, assets, parcels
    /// Joiners and leavers with open checklist items (page 3).
    case people

    /// The pane's name in both languages (tabs, box titles, help).
    public var name: Localized {
        switch self {
        case .meetings: Strings.Phrase.paneMeetings.text
        case .visitors: Strings.Phrase.paneVisitors.text
        case .stock: Strings.Phrase.paneStock.text
        case .approvals: Strings.Phrase.paneApprovals.text
        case .documents: L("Documents", "公文")
        case .archives: L("Archives", "档案")
        case .assets: Strings.Phrase.paneAssets.text
        case .parcels: Strings.Phrase.paneParcels.text
        case .people: L("People", "入离职")
        }
    }

    /// The page the pane is on.
    public var page: Page { Page.allCases.first { $0.panes.contains(self) } ?? .home }

    /// The pane's place on its page (0-based): its number key and tab position.
    public var index: Int { page.panes.firstIndex(of: self) ?? 0 }

    /// The next pane of its page in tab order, wrapping around.
    public var next: PaneID { let p = page.panes; return p[(index + 1) % p.count] }
    /// The previous pane of its page in tab order, wrapping around.
    public var previous: PaneID { let p = page.panes; return p[(index + p.count - 1) % p.count] }
}

/// A rectangle of screen cells.
public struct Rect: Equatable, Hashable, Sendable, CustomStringConvertible {
    public var row: Int
    public var col: Int
    public var width: Int
    public var height: Int

    public init(row: Int, col: Int, width: Int, height: Int) {
        self.row = row
        self.col = col
        self.width = width
        self.height = height
    }

    public var description: String { "(\(row),\(col) \(width)×\(height))" }
}

/// Where the panes go for a given terminal size.
public enum LayoutResult: Equatable, Sendable {
    /// The terminal is smaller than ``Layout/minWidth`` × ``Layout/minHeight``; the screen should
    /// say so and name the size needed.
    case tooSmall(needWidth: Int, needHeight: Int)
    /// Visible panes with their boxes (border included), the one-row status bar and, in tabbed
    /// mode, the one-row tab bar.
    case panes(visible: [PaneID: Rect], statusBar: Rect, tabBar: Rect?)
}

/// Chooses between the 2×2 grid, the tabbed single pane and the zoomed pane.
public enum Layout {
    /// Narrowest usable terminal. 60 columns hold one visitor row (time 5, name 16, host 16,
    /// status 10, gaps and borders) and the tab bar "Meetings Visitors Stock Approvals" with keys.
    public static let minWidth = 60
    /// Lowest usable terminal. 16 rows = tab bar + status bar + a boxed pane with a header row
    /// and 11 data rows — enough to see the next hour of visitors.
    public static let minHeight = 16
    /// From this width on (and ``gridMinHeight``) all four panes show as a 2×2 grid; each pane
    /// is then at least 60 columns wide.
    public static let gridMinWidth = 120
    /// From this height on (and ``gridMinWidth``) the 2×2 grid is used; each pane is then
    /// at least 17 rows high.
    public static let gridMinHeight = 36

    /// Lays out a `width` × `height` screen.
    ///
    /// - Below the minimum: `.tooSmall`.
    /// - `zoomed`: the focused pane fills everything above the status bar; no tab bar.
    /// - At least 120×36: the panes of the focused pane's page in a grid above the status bar:
    ///   four as 2×2 (Meetings top-left, Visitors top-right, Stock bottom-left, Approvals
    ///   bottom-right), three as two above one, two side by side, one alone; the right column
    ///   and bottom row take the odd column / row.
    /// - Otherwise tabbed: tab bar on row 0, the focused pane below, status bar at the bottom.
    public static func compute(width: Int, height: Int, focused: PaneID, zoomed: Bool) -> LayoutResult {
        guard width >= minWidth, height >= minHeight else {
            return .tooSmall(needWidth: minWidth, needHeight: minHeight)
        }
        let status = Rect(row: height - 1, col: 0, width: width, height: 1)
        if zoomed {
            return .panes(visible: [focused: Rect(row: 0, col: 0, width: width, height: height - 1)],
                          statusBar: status, tabBar: nil)
        }
        if width >= gridMinWidth && height >= gridMinHeight {
            let area = height - 1
            let topH = area / 2, bottomH = area - topH
            let leftW = width / 2, rightW = width - leftW
            let panes = focused.page.panes
            let rects: [Rect] = switch panes.count {
            case 1: [Rect(row: 0, col: 0, width: width, height: area)]
            case 2: [Rect(row: 0, col: 0, width: leftW, height: area), Rect(row: 0, col: leftW, width: rightW, height: area)]
            case 3: [Rect(row: 0, col: 0, width: leftW, height: topH), Rect(row: 0, col: leftW, width: rightW, height: topH),
                     Rect(row: topH, col: 0, width: width, height: bottomH)]
            default: [Rect(row: 0, col: 0, width: leftW, height: topH), Rect(row: 0, col: leftW, width: rightW, height: topH),
                      Rect(row: topH, col: 0, width: leftW, height: bottomH), Rect(row: topH, col: leftW, width: rightW, height: bottomH)]
            }
            return .panes(visible: Dictionary(uniqueKeysWithValues: zip(panes, rects)), statusBar: status, tabBar: nil)
        }
        return .panes(visible: [focused: Rect(row: 1, col: 0, width: width, height: height - 2)],
                      statusBar: status, tabBar: Rect(row: 0, col: 0, width: width, height: 1))
    }
}
