import Foundation

/// One stock move as `stock moves` shows it, with what was on hand of its SKU just after it.
public struct StockMoveRow: Sendable, Equatable {
    public var move: StockMove
    public var itemName: String
    /// On hand of the move's SKU after this move (the opening balance plus every move up to it).
    public var onHandAfter: Int
}

/// The lists of a range of days (`--from … --to …`), built from the records a `PeriodRecords`
/// read brought back: each record judged at `now` as today's lists judge theirs, in time order.
/// A single day's meeting and visitor lists stay `Agenda` and `VisitorQueue` (they add what is
/// still owed from other days); a range lists exactly the records filed in it.
public enum PeriodLists {
    /// Meetings in start order (then room, id), each as it stands at `now` (an unclaimed one is a no-show).
    public static func meetings(_ ms: [Meeting], in s: OfficeState, now: Date, settings: StoreSettings) -> [MeetingRow] {
        ms.sorted { ($0.start, $0.roomID, $0.id) < ($1.start, $1.roomID, $1.id) }.map { stored in
            let m = stored.effective(at: now, noShowAfter: settings.noShowAfter)
            return MeetingRow(meeting: m, roomName: s.rooms[m.roomID]?.name ?? m.roomID, organizerName: s.displayName(m.organizer),
                              flags: s.flags(of: stored, at: now, settings), inProgress: m.start <= now && now < m.end && m.status.holdsRoom,
                              unchecked: m.uncheckedItems)
        }
    }

    /// Visitors in order of their expected time (then id), with what is due on each at `now`.
    public static func visitors(_ vs: [Visitor], in s: OfficeState, now: Date, settings: StoreSettings, calendar: Calendar) -> [VisitorRow] {
        vs.sorted { ($0.expectedAt, $0.id) < ($1.expectedAt, $1.id) }.map {
            VisitorRow(visitor: $0, hostName: s.displayName($0.host), group: $0.status.group, flags: s.flags(of: $0, at: now, settings, calendar: calendar))
        }
    }

    /// Approval requests in the order they were raised (then id), whatever their state.
    public static func approvals(_ list: [ApprovalRequest], in s: OfficeState, user: String, now: Date, settings: StoreSettings) -> [ApprovalRow] {
        list.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }.map { a in
            ApprovalRow(request: a, requesterName: s.displayName(a.requester), age: now.timeIntervalSince(a.createdAt),
                        flags: s.flags(of: a, at: now, settings, user: user), waitingForUser: s.isWaiting(a, for: user))
        }
    }

    /// Moves in time order (then id), only of `sku` when given, each with its SKU's balance after
    /// it: `opening` (on hand per SKU at the range's start) plus the moves before it.
    public static func moves(_ list: [StockMove], sku: String?, opening: [String: Int], items: [String: SupplyItem]) -> [StockMoveRow] {
        var level = opening
        return list.filter { sku == nil || $0.sku == sku }.sorted { ($0.at, $0.id) < ($1.at, $1.id) }.map { m in
            level[m.sku, default: 0] += m.quantity
            return StockMoveRow(move: m, itemName: items[m.sku]?.name ?? m.sku, onHandAfter: level[m.sku, default: 0])
        }
    }
}
