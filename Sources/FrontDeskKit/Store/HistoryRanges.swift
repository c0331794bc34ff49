import Foundation

/// Reads over a range of days for the lists and the visitor register: each reads the records it
/// needs through `records(_:from:to:)` (only the month segments the range touches, then the
/// working set) and hands them to a pure query.
extension Store {
    /// Meetings starting in `[start, end)`, wherever they live, as `meeting list --from --to` shows them.
    public func meetingRows(from start: Date, to end: Date) throws -> [MeetingRow] {
        PeriodLists.meetings(try records(.meetings, from: start, to: end).meetings, in: state, now: env.now(), settings: meta.settings)
    }

    /// Visitors expected in `[start, end)`, wherever they live.
    public func visitorRows(from start: Date, to end: Date) throws -> [VisitorRow] {
        PeriodLists.visitors(try records(.visitors, from: start, to: end).visitors, in: state, now: env.now(), settings: meta.settings,
                             calendar: env.calendar)
    }

    /// Approval requests raised or decided in `[start, end)`, wherever they live (ApprovalDecisions.swift).
    public func approvalRows(from start: Date, to end: Date) throws -> [ApprovalRow] {
        PeriodLists.approvals(try approvalsRaisedOrDecided(from: start, to: end), in: state, user: env.actingUser, now: env.now(),
                              settings: meta.settings)
    }

    /// Stock moves in `[start, end)` (of `sku` alone when given), each with its SKU's balance
    /// after it, counted from the balance at `start` (`stock(at:)`: one segment's opening stock).
    public func stockMoveRows(sku: String?, from start: Date, to end: Date) throws -> [StockMoveRow] {
        let moves = try records(.moves, from: start, to: end).moves
        return PeriodLists.moves(moves, sku: sku, opening: try stock(at: start), items: state.items)
    }

    /// The visitor register of `period`: its visits, wherever they live, with the pool's badges.
    public func visitorRegister(_ period: ReportPeriod) throws -> VisitorRegister {
        VisitorRegister(visitors: try records(.visitors, from: period.start, to: period.end).visitors, people: state.people,
                        badges: state.badges, period: period, now: env.now(), calendar: env.calendar)
    }

    /// The audit trail's records made in `[start, end)`, oldest first (the journals are the
    /// audit trail: every generation's is read, archived ones included).
    public func auditTrail(from start: Date, to end: Date) throws -> [JournalRecord] {
        try auditTrailInRange(from: start, to: end)  // only the records in the range decoded (AuditRange.swift)
    }
}

extension Store {
    /// Verifies the stock balances the month segments carry, reading one segment at a time:
    /// each month's opening stock plus its moves is its closing stock, each closing stock is the
    /// next segment's opening, and the last closing plus the moves made since (the working set)
    /// is on hand now. Returns one result naming the first mismatch (segment, SKU, the numbers),
    /// or saying how many segments were verified. Segments written before balances existed are
    /// skipped (`stock ledger` replays their moves instead).
    public func checkStockBalances() throws -> FileCheck {
        Privilege.raise(); defer { Privilege.lower() }  // team store: as its account, only here
        let name = "stock balances"
        var previous: (month: String, closing: [String: Int])?
        var verified = 0
        for month in historyMonths {
            guard let seg = try readSegment(month), let opening = seg.openingStock, let closing = seg.closingStock else { continue }
            let file = "history/" + StorePaths.segment(month)
            if let p = previous, let sku = Self.firstDifference(p.closing, opening) {
                return FileCheck(file: file, ok: false, detail: "\(sku) opens at \(opening[sku, default: 0]) but \(p.month) closed at \(p.closing[sku, default: 0]); the segments disagree (restore them from backup, or run frontdesk compact to rebalance)")
            }
            var counted = opening
            for m in seg.moves { counted[m.sku, default: 0] &+= m.quantity }
            if let sku = Self.firstDifference(counted, closing) {
                return FileCheck(file: file, ok: false, detail: "\(sku): opening \(opening[sku, default: 0]) plus the month's moves is \(counted[sku, default: 0]), but the closing stock says \(closing[sku, default: 0]) (restore the segment from backup, or run frontdesk compact to rebalance)")
            }
            previous = (month, closing)
            verified += 1
        }
        if let p = previous {
            var now = p.closing
            for m in state.moves.values { now[m.sku, default: 0] &+= m.quantity }
            if let sku = Self.firstDifference(now, state.onHand) {
                return FileCheck(file: "history/" + StorePaths.segment(p.month), ok: false, detail: "\(sku): \(p.month) closed at \(p.closing[sku, default: 0]); with the moves since, on hand would be \(now[sku, default: 0]), but the working set holds \(state.onHand[sku, default: 0])")
            }
        }
        return FileCheck(file: name, ok: true, detail: verified == 0 ? "no month segment carries stock balances yet"
                         : "\(verified) month segment(s): each opening plus its moves is its closing and the next month's opening; the last closing plus the moves since is on hand")
    }

    /// The first SKU (in order) whose balance differs between `a` and `b`, a missing one counting as 0.
    static func firstDifference(_ a: [String: Int], _ b: [String: Int]) -> String? {
        Set(a.keys).union(b.keys).sorted().first { a[$0, default: 0] != b[$0, default: 0] }
    }
}
