import Foundation
import FrontDeskKit

/// Everything the four panes show at one instant: pure queries over the store's state.
/// Rebuilt when the state changes or the minute ticks, never per key press.
public struct DashboardModel: Sendable {
    public var now: Date
    public var user: String
    public var timeZone: TimeZone
    public var agenda: Agenda
    public var visitors: VisitorQueue
    public var stock: StockLevels
    public var approvals: ApprovalQueue
    public var state: OfficeState
    /// Who acts and under which settings: what the actions menu asks the processes with.
    public var context: RuleContext

    public init(state: OfficeState, settings: StoreSettings, env: Environment, allowOverrides: Bool = false) {
        let now = env.now()
        self.context = RuleContext(env: env, settings: settings, allowOverrides: allowOverrides)
        let cal = env.calendar
        self.now = now
        self.user = env.actingUser
        self.timeZone = env.timeZone
        self.state = state
        agenda = Agenda(state: state, day: now, now: now, settings: settings, calendar: cal)
        visitors = VisitorQueue(state: state, day: now, now: now, settings: settings, calendar: cal)
        stock = StockLevels(state: state, now: now, calendar: cal)
        approvals = ApprovalQueue(state: state, user: env.actingUser, now: now, settings: settings, calendar: cal)
    }

    /// Overdue counts per pane, for titles and the status bar.
    public func overdueCount(_ pane: PaneID) -> Int {
        switch pane {
        case .meetings: (agenda.rows + agenda.followUps + agenda.upcoming).filter { $0.flags.contains(where: \.isOverdue) }.count
        case .visitors: visitors.rows.filter { $0.flags.contains(where: \.isOverdue) }.count
        case .stock: stock.rows.filter { $0.flags.contains(.belowReorder) }.count
        case .approvals: approvals.rows.filter { $0.flags.contains(.approvalOverdue) }.count
        }
    }
}

/// Where the user is in one pane: the selected row (by id, so it survives live updates),
/// the first visible row, and the filter text.
public struct PaneViewState: Equatable, Sendable {
    public var selectedID: String?
    public var scroll: Int = 0
    public var filter: String = ""
    public init(selectedID: String? = nil, scroll: Int = 0, filter: String = "") {
        self.selectedID = selectedID; self.scroll = scroll; self.filter = filter
    }
}
