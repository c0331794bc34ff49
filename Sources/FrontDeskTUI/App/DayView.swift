import Foundation
import FrontDeskKit

/// Where the dashboard reads what is not in the working set: another day's records and the
/// reports. The launcher makes one over its store; tests make one over a test store. The
/// dashboard itself never touches files (the store reads them).
public struct HistorySource {
    /// Today's model, live, from the store's working set.
    public var today: () -> DashboardModel
    /// The model of another office day (read-only).
    public var day: (Date) throws -> DashboardModel
    /// A report over a period.
    public var report: (ReportKind, ReportPeriod) throws -> Report

    public init(today: @escaping () -> DashboardModel, day: @escaping (Date) throws -> DashboardModel,
                report: @escaping (ReportKind, ReportPeriod) throws -> Report) {
        self.today = today; self.day = day; self.report = report
    }

    /// Reads through `store`: today from its working set, another day with ``DashboardModel/init(day:store:)``,
    /// reports with `Store.report(_:period:)`.
    public init(store: Store) {
        self.init(today: { DashboardModel(state: store.state, settings: store.meta.settings, env: store.env, allowOverrides: store.meta.allowOverrides) },
                  day: { try DashboardModel(day: $0, store: store) },
                  report: { try store.report($0, period: $1) })
    }
}

extension DashboardModel {
    /// The model of the office day holding `day`, read-only. A past day shows that day's meetings
    /// and visitors (from history and the working set), the approvals requested or decided that
    /// day, and stock as it stood at the day's end; on the other pages the documents registered
    /// or moved a step, the archive files filed or lent or returned, the assets added, moved or
    /// repaired, the joiners and leavers of the day or with an item settled, and the parcels
    /// booked or handled that day (documents, loans and parcels from history too); every row is
    /// judged at the day's last second. A later day shows its booked meetings and expected
    /// visitors, the documents and loans due and the joiners and leavers of that day, with stock,
    /// approvals, assets and waiting parcels as they stand now. Today gives the live model.
    ///
    /// - Throws: the store's error when a history segment cannot be read (it names the file).
    /// - Cost: a past day reads the month segment of that day (and, for approvals, the one before)
    ///   and, for the paper trail, the segments from ``Store/dayRecordsLookBackMonths`` before it (parcels: the segments whose span reaches the day).
    public init(day: Date, store: Store) throws {
        let env = store.env, cal = env.calendar, now = env.now()
        let start = cal.startOfDay(for: day), today = cal.startOfDay(for: now)
        let settings = store.meta.settings
        if start == today {
            self.init(state: store.state, settings: settings, env: env, allowOverrides: store.meta.allowOverrides)
            return
        }
        var state = try store.state(forDay: start)
        let future = start > today
        var extra: [ApprovalRequest] = []
        if !future {
            state.onHand = try store.stock(at: Clock.endOfDay(start, cal).addingTimeInterval(1))
            // Requests are filed by the month they were made: a decision that day on a request of
            // the month before is found too.
            let from = cal.date(byAdding: .month, value: -1, to: cal.dateInterval(of: .month, for: start)?.start ?? start) ?? start
            let end = Clock.endOfDay(start, cal).addingTimeInterval(1)
            extra = try store.records(.approvals, from: from, to: end).approvals
            // Closed documents, loans and parcels move to history at compaction: the day's, wherever they live.
            state = state.adding(try store.paperTrailHappened(.paperTrail, from: start, to: end))
        }
        for a in extra where state.approvals[a.id] == nil { state.approvals[a.id] = a }
        // A past day is judged at its last second; a later day's rows as they stand now.
        let at = future ? now : Clock.endOfDay(start, cal)
        self.init(state: state, settings: settings, env: Environment.fixed(at: at, user: env.actingUser, unixUser: env.unixUser, timeZone: env.timeZone),
                  allowOverrides: store.meta.allowOverrides, viewing: start, realNow: now)
    }

    /// The live model narrowed to another day: used by ``init(day:store:)`` and by tests with a
    /// hand-made state. `env.now()` is the instant rows are judged at (the day's end for a past day).
    init(state: OfficeState, settings: StoreSettings, env: Environment, allowOverrides: Bool, viewing start: Date, realNow: Date) {
        self.init(state: state, settings: settings, env: env, allowOverrides: allowOverrides)
        let cal = env.calendar
        let next = cal.date(byAdding: .day, value: 1, to: start) ?? start.addingTimeInterval(86_400)
        viewedDay = start
        readAt = realNow
        func onDay(_ d: Date?) -> Bool { d.map { $0 >= start && $0 < next } ?? false }
        agenda = Agenda(state: state, day: start, now: env.now(), settings: settings, calendar: cal)
        // Another day's pane lists that day alone: what is owed now belongs to today's view.
        agenda.followUps = []
        agenda.upcoming = []
        visitors.rows = visitors.rows.filter { onDay($0.visitor.expectedAt) || onDay($0.visitor.arrivedAt) }
        approvals.rows = approvals.rows.filter { onDay($0.request.createdAt) || $0.request.decisions.contains { onDay($0.at) } }
        let at = env.now(), day = start..<next
        guard start < cal.startOfDay(for: realNow) else {
            // A later day: what falls due on it (its joiners and leavers, documents and loans due);
            // assets and the parcels waiting as they stand now.
            documents.rows = documents.rows.filter { !$0.document.stage.isClosed && onDay($0.due) }
            archiveShelf.rows = archiveShelf.rows.filter { $0.loan.map { $0.status.holdsFile && onDay($0.due) } ?? false }
            staffBoard.rows = staffBoard.rows.filter { onDay($0.checklist.day) }
            parcelDesk = ParcelDesk(state: state, day: start, now: at, settings: settings, calendar: cal)
            return
        }
        // The other pages: what happened that day, each record as it stood at the day's end where
        // it keeps the times to tell (a document shows its latest step).
        var worked = state
        worked.documents = state.documents.filter { $0.value.happened(in: day) }
        worked.assets = state.assets.filter { $0.value.happened(in: day) }.mapValues { $0.asOf(next) }
        documents = DocumentRegister(state: worked, user: env.actingUser, now: at, settings: settings)
        archiveShelf = ArchiveShelf(state: state, during: day, now: at, calendar: cal)
        assetLedger = AssetLedger(state: worked, now: at, settings: settings)
        staffBoard = StaffBoard(state: state, during: day, now: at)
        parcelDesk = ParcelDesk(parcels: state.parcels.values.filter { $0.handled(in: day) }.map { $0.asOf(next) }, state: state, now: at,
                                settings: settings)
        // A stored record holds its latest state, not the one it had that evening: "overdue"
        // judged from it would be neither then nor now. Stock under its reorder point is kept:
        // the level is the true one at the day's end.
        for i in agenda.rows.indices { agenda.rows[i].flags = [] }
        for i in visitors.rows.indices { visitors.rows[i].flags = [] }
        for i in approvals.rows.indices { approvals.rows[i].flags = [] }
        documents = DocumentRegister(rows: documents.rows.map { var r = $0; r.flags = []; return r })
        archiveShelf = ArchiveShelf(rows: archiveShelf.rows.map { var r = $0; r.flags = []; return r })
        assetLedger = AssetLedger(rows: assetLedger.rows.map { var r = $0; r.flags = []; return r })
        staffBoard = StaffBoard(rows: staffBoard.rows.map { var r = $0; r.flags = []; return r })
        for i in parcelDesk.waiting.indices { parcelDesk.waiting[i].flags = [] }
        parcelDesk.waiting.sort { ($0.parcel.at, $0.parcel.id) < ($1.parcel.at, $1.parcel.id) }   // the desk's order without flags
    }

    /// Whether this is another day than today (read-only).
    public var isOtherDay: Bool { viewedDay != nil }
}
