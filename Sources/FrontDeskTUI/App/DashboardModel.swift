import Foundation
import FrontDeskKit

/// Everything the four panes show: pure queries over the store's state.
/// Built whole when the minute ticks; another session's change re-runs only the queries of the
/// panes it touches (``applying(_:state:env:)``), never per key press.
public struct DashboardModel: Sendable {
    /// When the model was built whole (the status bar's clock).
    public var now: Date
    /// When each pane's query last ran: a pane untouched by a change keeps its result and is
    /// drawn as of then, so its rows, flags and waiting times agree with each other.
    public private(set) var queriedAt: [PaneID: Date]
    public var user: String
    public var timeZone: TimeZone
    public var agenda: Agenda
    public var visitors: VisitorQueue
    public var stock: StockLevels
    public var approvals: ApprovalQueue
    /// The document register (page 2), titles masked for whoever may not read them.
    public var documents: DocumentRegister
    /// The archive shelf (page 2), as of when its query ran.
    public var archiveShelf: ArchiveShelf
    /// The asset ledger (page 2), as of when its query ran.
    public var assetLedger: AssetLedger
    /// The parcels of the day shown (page 2): those waiting, then the day's handled ones.
    public var parcelDesk: ParcelDesk
    /// Joiners and leavers with open checklists (page 3), as of when its query ran.
    public var staffBoard: StaffBoard
    public var state: OfficeState
    /// Who acts and under which settings: what the actions menu asks the processes with.
    public var context: RuleContext
    /// The start of the office day shown when it is not today (read-only); nil for today, live.
    public internal(set) var viewedDay: Date?
    /// The real time when the model was read: ``now`` unless another day is shown (then `now` is
    /// the instant its rows are judged at).
    public internal(set) var readAt: Date

    public init(state: OfficeState, settings: StoreSettings, env: Environment, allowOverrides: Bool = false) {
        let now = env.now()
        self.context = RuleContext(env: env, settings: settings, allowOverrides: allowOverrides)
        let cal = env.calendar
        self.now = now
        self.readAt = now
        self.user = env.actingUser
        self.timeZone = env.timeZone
        self.state = state
        queriedAt = Dictionary(uniqueKeysWithValues: PaneID.allCases.map { ($0, now) })
        agenda = Agenda(state: state, day: now, now: now, settings: settings, calendar: cal)
        visitors = VisitorQueue(state: state, day: now, now: now, settings: settings, calendar: cal)
        stock = StockLevels(state: state, now: now, calendar: cal)
        approvals = ApprovalQueue(state: state, user: env.actingUser, now: now, settings: settings, calendar: cal)
        documents = DocumentRegister(state: state, user: env.actingUser, now: now, settings: settings)
        archiveShelf = ArchiveShelf(state: state, now: now, calendar: cal)
        assetLedger = AssetLedger(state: state, now: now, settings: settings)
        parcelDesk = ParcelDesk(state: state, day: now, now: now, settings: settings, calendar: cal)
        staffBoard = StaffBoard(state: state, now: now)
    }

    /// The model after another session's `changes` were applied to give `state`: the queries of
    /// the panes they touch (``PaneID/touched(by:)``) run again as of `env.now()`, the others keep
    /// their rows. Built whole instead when the minute, the acting user or the time zone moved.
    /// Another day's model is kept as it is: today's changes must not replace the day being read.
    public func applying(_ changes: [Change], state: OfficeState, env: Environment) -> DashboardModel {
        guard viewedDay == nil else { return self }
        let at = env.now()
        guard Self.minute(at) == Self.minute(now), env.actingUser == user, env.timeZone == timeZone else {
            return DashboardModel(state: state, settings: context.settings, env: env, allowOverrides: context.allowOverrides)
        }
        var m = self
        m.state = state
        m.context = RuleContext(env: env, settings: context.settings, allowOverrides: context.allowOverrides)
        let touched = changes.reduce(into: Set<PaneID>()) { $0.formUnion(PaneID.touched(by: $1)) }
        let settings = context.settings, cal = env.calendar
        for pane in touched { m.queriedAt[pane] = at }
        if touched.contains(.meetings) { m.agenda = Agenda(state: state, day: at, now: at, settings: settings, calendar: cal) }
        if touched.contains(.visitors) { m.visitors = VisitorQueue(state: state, day: at, now: at, settings: settings, calendar: cal) }
        if touched.contains(.stock) { m.stock = StockLevels(state: state, now: at, calendar: cal) }
        if touched.contains(.approvals) { m.approvals = ApprovalQueue(state: state, user: user, now: at, settings: settings, calendar: cal) }
        if touched.contains(.documents) { m.documents = DocumentRegister(state: state, user: user, now: at, settings: settings) }
        if touched.contains(.archives) { m.archiveShelf = ArchiveShelf(state: state, now: at, calendar: cal) }
        if touched.contains(.assets) { m.assetLedger = AssetLedger(state: state, now: at, settings: settings) }
        if touched.contains(.parcels) { m.parcelDesk = ParcelDesk(state: state, day: at, now: at, settings: settings, calendar: cal) }
        if touched.contains(.people) { m.staffBoard = StaffBoard(state: state, now: at) }
        return m
    }

    /// This model with `now` set to when `pane`'s query ran: what the pane is drawn from.
    func asQueried(_ pane: PaneID) -> DashboardModel {
        var m = self
        m.now = queriedAt[pane] ?? now
        return m
    }

    static func minute(_ d: Date) -> Int { Int((d.timeIntervalSince1970 / 60).rounded(.down)) }

    /// Overdue counts per pane, for titles and the status bar.
    public func overdueCount(_ pane: PaneID) -> Int {
        switch pane {
        case .meetings: (agenda.rows + agenda.followUps + agenda.upcoming).filter { $0.flags.contains(where: \.isOverdue) }.count
        case .visitors: visitors.rows.filter { $0.flags.contains(where: \.isOverdue) }.count
        case .stock: stock.rows.filter { $0.flags.contains(.belowReorder) }.count
        case .approvals: approvals.rows.filter { $0.flags.contains(.approvalOverdue) }.count
        case .documents: documents.rows.filter { $0.flags.contains(where: \.isOverdue) }.count
        case .archives: archiveShelf.rows.filter { $0.flags.contains(where: \.isOverdue) }.count
        case .assets: assetLedger.rows.filter { $0.flags.contains(where: \.isOverdue) }.count
        case .parcels: parcelDesk.waiting.filter { $0.flags.contains(where: \.isOverdue) }.count
        case .people: staffBoard.overdue
        }
    }

    /// What is overdue on the pages other than `page`, page by page (those with nothing overdue
    /// left out): the status bar's "page 2: 3 overdue", so nothing falls through the cracks.
    public func overdueElsewhere(than page: Page) -> [(page: Page, count: Int)] {
        Page.allCases.filter { $0 != page }.compactMap { p in
            let n = p.panes.reduce(0) { $0 + overdueCount($1) }
            return n > 0 ? (p, n) : nil
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

extension PaneID {
    /// The panes whose query reads what `change` writes (see each process's `apply`): meeting
    /// changes the agenda, reception the visitors, supplies the stock levels, approvals the queue
    /// (and the purchase status stock shows). People, roles, departments and settings reach every
    /// pane (names, who may approve, due times), so they touch all four.
    public static func touched(by change: Change) -> Set<PaneID> {
        switch change {
        case .addDepartment, .addPerson, .grantRole, .revokeRole, .changeSetting:
            Set(allCases)
        case .setMeetingStatus:
            // Sending the minutes files them in the archives (ArchiveProcess).
            [.meetings, .archives]
        case .addRoom, .setRoomOutOfService, .bookMeetings, .recordMinutes, .addActionItem,
             .completeActionItem, .moveMeeting, .inviteGuest, .recordGuestReply, .reviewMinutes, .checkPreparation,
             .releaseUnclaimedRoom:
            [.meetings]
        case .addBadges, .addVisitor, .confirmVisitor, .visitorArrived, .checkInVisitor, .confirmIdentity, .checkOutVisitor,
             .returnBadges, .cancelVisitor, .visitorNoShow, .recordOutcome, .undoCheckIn, .addToWatchList,
             .removeFromWatchList, .decideWatch:
            [.visitors]
        case .addItem, .moveStock, .addDemand:
            [.stock]
        case .requestPurchase:
            [.stock, .approvals]
        case .decideApproval:
            // A decided approval moves its document on, scraps its asset, lends its archive file or writes off a leaver's item.
            [.stock, .approvals, .documents, .archives, .assets, .people]
        case .requestApproval:
            // A scrap request is linked to its asset.
            [.approvals, .assets]
        case .document(let c):
            // Sending a draft for approval also writes an approval request; a release files it in the archives.
            switch c {
            case .sendForApproval: [.documents, .approvals]
            case .release: [.documents, .archives]
            default: [.documents]
            }
        case .addAsset, .moveAsset, .reportAssetFault, .sendAssetToRepair, .assetBack, .recordAssetCount, .settleAssetCount:
            [.assets]
        case .receiveParcel, .collectParcel, .returnParcel, .sendParcel:
            [.parcels]
        // Notices and archives show outside the four panes (the notice line, the archives page);
        // a minutes record filed by `meeting.send` is already the meetings pane's change.
        case .postNotice, .acknowledgeNotice, .leaveNoticeFeedback, .endNotice:
            []
        case .fileArchive, .lendArchive, .returnArchive:
            [.archives]
        case .requestArchiveLoan:
            [.approvals, .archives]
        case .setStaffTemplate, .openStaffChecklist, .closeStaffChecklist:
            [.people]
        case .settleStaffItem:
            // Issuing or recovering equipment moves the asset; a starter kit comes out of stock.
            [.people, .assets, .stock]
        case .requestStaffWriteOff:
            [.people, .approvals]
        }
    }
}
