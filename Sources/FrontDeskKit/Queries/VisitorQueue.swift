import Foundation

public struct VisitorRow: Sendable, Equatable {
    public var visitor: Visitor
    public var hostName: String
    public var group: VisitorGroup
    public var flags: [DueFlag]
}

/// The day's visitors grouped as the desk works them: waiting in the lobby first, then on site,
/// expected, and left. Visitors of other days still holding a badge are included.
public struct VisitorQueue: Sendable, Equatable {
    public var rows: [VisitorRow]

    public init(state s: OfficeState, day: Date, now: Date, settings: StoreSettings, calendar cal: Calendar) {
        let start = cal.startOfDay(for: day)
        let next = cal.date(byAdding: .day, value: 1, to: start) ?? start
        let found = s.visitors.values
            .filter { v in
                (v.expectedAt >= start && v.expectedAt < next) || (v.arrivedAt.map { $0 >= start && $0 < next } ?? false)
                    || !v.badgesOut.isEmpty || ((v.status == .expected) && v.expectedAt >= start)
            }
            .map { VisitorRow(visitor: $0, hostName: s.displayName($0.host), group: $0.status.group,
                              flags: s.flags(of: $0, at: now, settings, calendar: cal)) }
        // Sorted by key, moving indices rather than whole rows (the dashboard re-queries on every change).
        let keys = found.map { r in (r.group.rawValue, r.visitor.arrivedAt ?? r.visitor.expectedAt, r.visitor.id) }
        rows = found.indices.sorted { keys[$0] < keys[$1] }.map { found[$0] }
    }

    public func count(_ g: VisitorGroup) -> Int { rows.filter { $0.group == g }.count }
}
