import Foundation

public struct ApprovalRow: Sendable, Equatable {
    public var request: ApprovalRequest
    public var requesterName: String
    public var age: TimeInterval
    public var flags: [DueFlag]
    public var waitingForUser: Bool
}

/// Pending requests waiting for `user` first, then the other pending ones, oldest first;
/// the ones decided today last (earlier decisions are history: `approval show` finds them).
public struct ApprovalQueue: Sendable, Equatable {
    public var rows: [ApprovalRow]

    /// Whether `a` is still on the desk's list at `now`: pending, or decided on today's office day.
    /// Compaction keeps exactly these in the working set (`RetentionPolicy`).
    public static func isShown(_ a: ApprovalRequest, now: Date, calendar cal: Calendar) -> Bool {
        a.status == .pending || (a.decisions.last?.at ?? a.createdAt) >= cal.startOfDay(for: now)
    }

    public init(state s: OfficeState, user: String, now: Date, settings: StoreSettings, calendar cal: Calendar) {
        rows = s.approvals.values.filter { Self.isShown($0, now: now, calendar: cal) }.map { a in
            ApprovalRow(request: a, requesterName: s.displayName(a.requester), age: now.timeIntervalSince(a.createdAt),
                        flags: s.flags(of: a, at: now, settings, user: user), waitingForUser: s.isWaiting(a, for: user))
        }
        .sorted { a, b in
            func rank(_ r: ApprovalRow) -> Int { r.waitingForUser ? 0 : r.request.status == .pending ? 1 : 2 }
            if rank(a) != rank(b) { return rank(a) < rank(b) }
            if rank(a) == 2 {
                let ta = a.request.decisions.last?.at ?? a.request.createdAt, tb = b.request.decisions.last?.at ?? b.request.createdAt
                return ta != tb ? ta > tb : a.request.id < b.request.id
            }
            return (a.request.createdAt, a.request.id) < (b.request.createdAt, b.request.id)
        }
    }

    public var pending: Int { rows.filter { $0.request.status == .pending }.count }
}
