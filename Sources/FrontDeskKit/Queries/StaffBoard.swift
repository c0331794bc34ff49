import Foundation

/// One joiner's or leaver's checklist as the People pane and `staff list` show it.
public struct StaffRow: Sendable, Equatable {
    public var checklist: StaffChecklist
    /// The person as people say it.
    public var personName: String
    /// Items not settled yet, and of those, waiting for a write-off decision.
    public var open: Int
    public var awaitingWriteOff: Int
    public var flags: [DueFlag]
    /// Whole days until the due time (negative once past it); nil when closed.
    public var daysLeft: Int?
}

/// Joiners and leavers at an instant: open checklists, overdue first, then by due time;
/// closed ones last (only when asked for).
public struct StaffBoard: Sendable, Equatable {
    public var rows: [StaffRow]

    public init(state s: OfficeState, now: Date, includeClosed: Bool = false) {
        self.init(rows: s.staff.values.filter { includeClosed || !$0.isClosed }.map { c in
            let open = c.openItems
            let waiting = open.filter { i in i.writeOffApprovalID.map { s.approvals[$0]?.status == .pending } ?? false }.count
            let left = c.isClosed ? nil : Int((c.dueAt.timeIntervalSince(now) / 86_400).rounded(.down))
            return StaffRow(checklist: c, personName: s.displayName(c.person), open: open.count, awaitingWriteOff: waiting,
                            flags: s.flags(of: c, at: now), daysLeft: left)
        })
    }

    /// `rows` in the board's order: overdue first, then open items, then ready to close, closed
    /// last; by due time within each.
    public init(rows: [StaffRow]) {
        self.rows = rows.sorted { a, b in
            func rank(_ r: StaffRow) -> Int { r.checklist.isClosed ? 3 : !r.flags.isEmpty ? 0 : r.open > 0 ? 1 : 2 }
            let ra = rank(a), rb = rank(b)
            if ra != rb { return ra < rb }
            return (a.checklist.dueAt, a.checklist.id) < (b.checklist.dueAt, b.checklist.id)
        }
    }

    /// Checklists with overdue items.
    public var overdue: Int { rows.filter { !$0.flags.isEmpty }.count }
    public var joiners: [StaffRow] { rows.filter { $0.checklist.direction == .joining } }
    public var leavers: [StaffRow] { rows.filter { $0.checklist.direction == .leaving } }
}
