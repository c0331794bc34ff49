import Foundation

public struct StockRow: Sendable, Equatable {
    public var item: SupplyItem
    public var onHand: Int
    public var flags: [DueFlag]
    /// Average units issued per day over the last 30 office days (today included).
    public var dailyUse: Double
    /// On hand ÷ daily use; nil when nothing was used.
    public var daysOfCover: Double?
    /// Units issued in each of the last 8 weeks (56 days ending today), oldest first (the sparkline).
    public var weeklyUse: [Int]
    /// Purchase requests for this item awaiting approval or delivery.
    public var openRequests: Int

    /// Days of cover as the desk reads it, in whole days: the pane and the CLI both show this.
    public var coverDays: Int? { StockLevels.wholeDays(daysOfCover) }
}

/// Supplies with what is under the reorder point first, then by days of cover.
public struct StockLevels: Sendable, Equatable {
    public var rows: [StockRow]

    /// On hand ÷ average daily use; nil when nothing was used.
    public static func daysOfCover(onHand: Int, dailyUse: Double) -> Double? {
        dailyUse > 0 ? Double(onHand) / dailyUse : nil
    }

    /// Whole days of cover, rounded down (2.9 days is 2 full days) and capped at 999; nil when unknown.
    public static func wholeDays(_ days: Double?) -> Int? {
        guard let days, days.isFinite else { return nil }
        return Int(min(999, max(0, days.rounded(.down))))
    }

    public init(state s: OfficeState, now: Date, calendar cal: Calendar) {
        // Whole office days: the last 30 (today included) for the daily use, the last 56 in 8 weeks
        // for the sparkline, so archived daily totals and raw moves give the same figures.
        let today = cal.startOfDay(for: now)
        let first = cal.date(byAdding: .day, value: -55, to: today) ?? today
        var issued30: [String: Int] = [:]
        var weekly: [String: [Int]] = [:]
        for (sku, days) in s.issuedByDay(from: first, now: now, calendar: cal) {
            issued30[sku] = days.suffix(30).reduce(0, &+)
            weekly[sku] = (0..<8).map { w in days.dropFirst(w * 7).prefix(7).reduce(0, &+) }
        }
        var openRequests: [String: Int] = [:]
        for p in s.purchases.values where p.status == .awaitingApproval || p.status == .approved { openRequests[p.sku, default: 0] += 1 }
        rows = s.items.values.map { item in
            let have = s.onHand[item.sku, default: 0]
            let daily = Double(issued30[item.sku, default: 0]) / 30
            let open = openRequests[item.sku, default: 0]
            return StockRow(item: item, onHand: have, flags: s.flags(of: item), dailyUse: daily,
                            daysOfCover: Self.daysOfCover(onHand: have, dailyUse: daily),
                            weeklyUse: weekly[item.sku] ?? Array(repeating: 0, count: 8), openRequests: open)
        }
        .sorted { a, b in
            let la = a.flags.contains(.belowReorder), lb = b.flags.contains(.belowReorder)
            if la != lb { return la }
            let ca = a.daysOfCover ?? .infinity, cb = b.daysOfCover ?? .infinity
            if ca != cb { return ca < cb }
            return a.item.sku < b.item.sku
        }
    }
}
