import Foundation

/// The month-end purchase plan: for each item, next month's departmental demand and the recent
/// average consumption, against stock on hand and what is already on order, topped up to the
/// target level (not only to the reorder point).
public struct ReorderProposal: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        public var sku: String
        public var name: String
        public var unit: String
        public var demand: Int
        public var averageMonthlyUse: Double
        public var onHand: Int
        public var onOrder: Int
        public var target: Int
        /// target + expected use − on hand − on order, never negative.
        public var proposed: Int
        public var special: Bool
        /// Special items: demand entries without a justification and budget.
        public var needsJustification: Bool
        public var unitPrice: Double?
    }

    public var month: String
    public var lines: [Line]
    public var total: Double { lines.reduce(0) { $0 + Double($1.proposed) * ($1.unitPrice ?? 0) } }

    /// The average use counts the office days from the day `months` months ago through today
    /// (`OfficeState.issuedByDay`: archived daily totals plus the working set's moves).
    public init(state s: OfficeState, month: String, now: Date, recentMonths months: Int = 3, calendar cal: Calendar) {
        self.month = month
        let since = cal.startOfDay(for: cal.date(byAdding: .month, value: -months, to: now) ?? now)
        var used: [String: Int] = [:]
        for (sku, days) in s.issuedByDay(from: since, now: now, calendar: cal) { used[sku] = days.reduce(0, &+) }
        var demand: [String: Int] = [:]
        var unjustified: Set<String> = []
        for d in s.demand.values where d.month == month {
            demand[d.sku, default: 0] &+= d.quantity
            if (d.justification ?? "").isEmpty || d.budget == nil { unjustified.insert(d.sku) }
        }
        var onOrder: [String: Int] = [:]
        for p in s.purchases.values where p.status == .approved || p.status == .awaitingApproval {
            onOrder[p.sku, default: 0] += max(0, p.quantity - p.receivedQuantity)
        }
        lines = s.items.values.sorted { $0.sku < $1.sku }.compactMap { item in
            let avg = Double(used[item.sku, default: 0]) / Double(months)
            let expected = max(Double(demand[item.sku, default: 0]), avg)
            let have = s.onHand[item.sku, default: 0], open = onOrder[item.sku, default: 0]
            let need = Int(max(-1e9, min(1e9, (Double(item.target) + expected - Double(have) - Double(open)).rounded(.up))))
            guard need > 0 || demand[item.sku] != nil else { return nil }
            return Line(sku: item.sku, name: item.name, unit: item.unit, demand: demand[item.sku, default: 0], averageMonthlyUse: avg,
                        onHand: have, onOrder: open, target: item.target, proposed: max(0, need), special: item.special,
                        needsJustification: item.special && unjustified.contains(item.sku), unitPrice: item.unitPrice)
        }
    }
}

/// The monthly stock ledger: opening, in, out, closing per item, and consumption and cost per
/// department. Opening + in − out = closing for every item, by construction and by test.
public struct StockLedger: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        public var sku: String
        public var name: String
        public var opening: Int
        public var inQuantity: Int
        public var outQuantity: Int
        public var closing: Int
        public var reconciles: Bool { opening + inQuantity - outQuantity == closing }
    }
    public struct DepartmentUse: Sendable, Equatable {
        public var department: String
        public var units: Int
        public var cost: Double
    }

    public var month: String
    public var lines: [Line]
    public var departments: [DepartmentUse]

    /// `moves` must hold every move from the month's start until now (working set plus history);
    /// on hand now comes from `state`, and the opening is counted back from it.
    public init(state s: OfficeState, moves: [StockMove], month start: Date, calendar cal: Calendar) {
        let end = cal.date(byAdding: .month, value: 1, to: start) ?? start
        var afterStart: [String: Int] = [:], afterEnd: [String: Int] = [:]
        for m in moves where m.at >= start {
            afterStart[m.sku, default: 0] &+= m.quantity
            if m.at >= end { afterEnd[m.sku, default: 0] &+= m.quantity }
        }
        var opening: [String: Int] = [:]
        for sku in s.items.keys { opening[sku] = s.onHand[sku, default: 0] &- afterStart[sku, default: 0] }
        self.init(state: s, opening: opening, moves: moves.filter { $0.at < end }, month: start, calendar: cal)
    }

    /// The ledger from the month's opening stock (a balanced history segment's `openingStock`)
    /// and the month's moves: nothing before or after the month is read.
    public init(state s: OfficeState, opening: [String: Int], moves: [StockMove], month start: Date, calendar cal: Calendar) {
        let end = cal.date(byAdding: .month, value: 1, to: start) ?? start
        let c = cal.dateComponents([.year, .month], from: start)
        month = String(format: "%04d-%02d", c.year ?? 0, c.month ?? 0)
        var ins: [String: Int] = [:], outs: [String: Int] = [:]
        var lastPrice: [String: Double] = [:]
        var dept: [String: (Int, Double)] = [:]
        for m in moves.sorted(by: { ($0.at, $0.id) < ($1.at, $1.id) }) where m.at >= start && m.at < end {
            if let p = m.unitPrice, m.kind == .receive { lastPrice[m.sku] = p }
            if m.quantity >= 0 { ins[m.sku, default: 0] &+= m.quantity } else { outs[m.sku, default: 0] &+= -m.quantity }
            if m.kind == .issue, let d = m.department {
                let price = lastPrice[m.sku] ?? s.items[m.sku]?.unitPrice ?? 0
                let e = dept[d] ?? (0, 0)
                dept[d] = (e.0 &- m.quantity, e.1 + Double(-m.quantity) * price)
            }
        }
        lines = s.items.values.sorted { $0.sku < $1.sku }.map { item in
            let open = opening[item.sku, default: 0], i = ins[item.sku, default: 0], o = outs[item.sku, default: 0]
            return Line(sku: item.sku, name: item.name, opening: open, inQuantity: i, outQuantity: o, closing: open &+ i &- o)
        }
        departments = dept.map { DepartmentUse(department: $0.key, units: $0.value.0, cost: ($0.value.1 * 100).rounded() / 100) }
            .sorted { $0.cost != $1.cost ? $0.cost > $1.cost : $0.department < $1.department }
    }

    public var reconciles: Bool { lines.allSatisfy(\.reconciles) }
}

/// A month's stocktakes: for each count, what the books said, what was counted, the variance and
/// its reason. `moves` must hold the month's moves (working set plus history).
public struct StocktakeList: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        public var moveID: String
        public var at: Date
        public var sku: String
        public var name: String
        public var unit: String
        public var books: Int
        public var counted: Int
        /// counted − books: negative when units are missing.
        public var variance: Int
        public var reason: String
        public var by: String
    }

    public var lines: [Line]

    public init(state s: OfficeState, moves: [StockMove], month start: Date, calendar cal: Calendar) {
        let end = cal.date(byAdding: .month, value: 1, to: start) ?? start
        lines = moves.filter { $0.kind == .adjust && $0.at >= start && $0.at < end }
            .sorted { ($0.at, $0.id) < ($1.at, $1.id) }
            .map { m in
                let counted = m.countedQuantity ?? 0
                return Line(moveID: m.id, at: m.at, sku: m.sku, name: s.items[m.sku]?.name ?? m.sku, unit: s.items[m.sku]?.unit ?? "",
                            books: m.booksBeforeCount ?? counted - m.quantity, counted: counted, variance: m.quantity, reason: m.reason ?? "", by: m.by)
            }
    }

    /// "variance -3 ream (books 20, counted 17)": what `stock count` prints after the move's id.
    public static func varianceLine(_ m: StockMove, unit: String) -> String {
        let counted = m.countedQuantity ?? 0
        let v = m.quantity
        let sign = v > 0 ? "+" : ""
        return "variance \(sign)\(v) \(unit) (books \(counted - v), counted \(counted))"
    }
}

/// Departments' demand for a month (or every month), by month, department and SKU.
public struct DemandList: Sendable, Equatable {
    public var entries: [DemandEntry]

    /// `month` "YYYY-MM", or nil for every month in the working set.
    public init(state s: OfficeState, month: String?) {
        entries = s.demand.values.filter { month == nil || $0.month == month }
            .sorted { ($0.month, $0.department, $0.sku, $0.id) < ($1.month, $1.department, $1.sku, $1.id) }
    }
}
