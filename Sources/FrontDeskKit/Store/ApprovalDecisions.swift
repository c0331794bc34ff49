import Foundation

extension ActivitySpan {
    /// When a month segment's approval requests were decided: the earliest and latest decision
    /// among them, written into the segment (`approvalDecisions`) every time it is encoded, from
    /// the requests written beside it. Requests are filed by the month they were raised in, so a
    /// list of the requests decided in some days would otherwise read every earlier month's
    /// requests; with this, a segment none of whose decisions falls in the days is passed over
    /// undecoded. Segments written before it existed have none and are read.
    init(decisionsOf approvals: [ApprovalRequest]) {
        for a in approvals {
            for d in a.decisions { widen(d.at, d.at) }
        }
    }
}

extension ApprovalRequest {
    /// True when one of its decisions was made in `[start, end)`.
    func decided(in start: Date, _ end: Date) -> Bool { decisions.contains { $0.at >= start && $0.at < end } }
}

extension Store {
    /// Approval requests raised or decided in `[start, end)`, wherever they live (the working
    /// set's copy winning): those raised in the range from the months it touches, and those
    /// decided in it from every month up to its end whose decision span reaches into it.
    func approvalsRaisedOrDecided(from start: Date, to end: Date) throws -> [ApprovalRequest] {
        guard start < end else { return [] }
        var byID: [String: ApprovalRequest] = [:]
        for a in try records(.approvals, from: start, to: end).approvals { byID[a.id] = a }
        Privilege.raise(); defer { Privilege.lower() }  // team store: as its account, only here
        let last = Self.monthKey(end.addingTimeInterval(-1), env.calendar)
        for month in historyMonths where month <= last {
            guard let bytes = try historyDir.read(StorePaths.segment(month)) else { continue }
            let approvals: [ApprovalRequest]
            do {
                if let span = try HistorySegment.readApprovalDecisionSpan(bytes), !span.overlaps(start, end) { continue }
                approvals = try HistorySegment.readRecords(bytes, "approvals", dateKey: "createdAt", window: nil)
            } catch let e as PlistDecodeError { throw Self.damaged(paths.segment(month), e) }
            for a in approvals where byID[a.id] == nil && state.approvals[a.id] == nil && a.decided(in: start, end) { byID[a.id] = a }
        }
        for a in state.approvals.values where a.decided(in: start, end) { byID[a.id] = a }
        return Array(byID.values)
    }
}

extension HistorySegment {
    /// A segment file's approval decision span, without decoding any request; nil when it has
    /// none (written before spans existed). Throws for malformed bytes.
    static func readApprovalDecisionSpan(_ bytes: Data) throws -> ActivitySpan? {
        try readTopLevel("approvalDecisions", bytes)
    }
}

extension StoreInspection {
    /// Why a segment's approval decision span cannot be trusted (lists of the requests decided in
    /// some days skip the segment by it): unreadable, or not the span of its requests' decisions.
    /// Nil when it agrees or is absent (a segment written before spans: those lists read it).
    static func approvalDecisionProblem(_ seg: HistorySegment, _ bytes: Data) -> String? {
        storedSpanProblem("approvalDecisions", bytes, expected: ActivitySpan(decisionsOf: seg.approvals), unreadable: "approval decision span",
                          disagrees: "approval decision span disagrees with its approval requests (lists of requests decided in some days would miss some)")
    }
}
