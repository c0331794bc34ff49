import Foundation

public struct StockRow: Sendable, Equatable {
    public var item: SupplyItem
    public var onHand: Int
    public var flags: [DueFlag]
    /// Average units issued per day over the last 30 days.
    public var dailyUse: Double
    /// On hand ÷ daily use; nil when nothing was used.
    public var daysOfCover: Double?
    /// Units issued in each of the last 8 weeks, oldest first (the sparkline).
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
        var issued30: [String: Int] = [:]
        var weekly: [String: [Int]] = [:]
        let d30 = now.addingTimeInterval(-30 * 86_400)
        let d56 = now.addingTimeInterval(-56 * 86_400)
        for m in s.moves.values where m.kind == .issue && m.at >= d56 && m.at <= now {
            let q = -m.quantity
            if m.at >= d30 { issued30[m.sku, default: 0] += q }
            let week = min(7, max(0, Int(m.at.timeIntervalSince(d56) / (7 * 86_400))))
            var w = weekly[m.sku] ?? Array(repeating: 0, count: 8)
            w[week] += q
            weekly[m.sku] = w
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
