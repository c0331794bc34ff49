import Foundation

extension Report {
    /// Supplies over `period`: consumption and cost per department and per item, a 12-month cost
    /// trend, items that ran out or lay idle, spend per supplier and purchase cycles (items bought
    /// too often in small lots).
    ///
    /// `moves` must hold every move of the period and of the 11 months before its last month (for
    /// the trend); `opening` is on hand per SKU at the period's start. An issue is costed at the
    /// last receipt price before it, else the item's list price — as the monthly ledger does.
    public static func supplies(moves: [StockMove], items: [String: SupplyItem], opening: [String: Int],
                                period: ReportPeriod, calendar cal: Calendar) -> Report {
        var tally = SuppliesTally(items: items, opening: opening, period: period, calendar: cal)
        for m in moves.sorted(by: { ($0.at, $0.id) < ($1.at, $1.id) }) { tally.add(m) }
        return tally.report()
    }

    /// The supplies report built one move at a time (`add`, then `report`), so a period of years
    /// is read segment by segment holding only these tallies. Moves must come in (at, id) order
    /// (a price is the last receipt's before the move) and each once; moves after the period are
    /// ignored, those before it count only towards the 12-month trend.
    public struct SuppliesTally: Sendable {
        let items: [String: SupplyItem], period: ReportPeriod, cal: Calendar
        let months: [ReportPeriod]
        var lastPrice: [String: Double] = [:]
        var byDept: [String: (units: Int, cost: Double)] = [:], byItem: [String: (units: Int, cost: Double)] = [:]
        var trend: [(units: Int, cost: Double)]
        var bySupplier: [String: (receipts: Int, units: Int, amount: Double)] = [:]
        /// Each SKU's receipts in the period: when and how many (purchase cycles).
        var receipts: [String: [(at: Date, quantity: Int)]] = [:]
        var level: [String: Int]
        var ranOut: [String: Date] = [:]
        var issued: Set<String> = []

        /// `opening` is on hand per SKU at the period's start.
        public init(items: [String: SupplyItem], opening: [String: Int], period: ReportPeriod, calendar: Calendar) {
            self.items = items; self.period = period; self.cal = calendar
            months = Report.trailingMonths(endingBefore: period.end, calendar: calendar)
            trend = Array(repeating: (units: 0, cost: 0.0), count: months.count)
            level = opening
        }

        /// Counts `m` (the next move in time order).
        public mutating func add(_ m: StockMove) {
            if m.kind == .receive, let p = m.unitPrice { lastPrice[m.sku] = p }
            let price = lastPrice[m.sku] ?? items[m.sku]?.unitPrice ?? 0
            if m.kind == .issue, let i = months.firstIndex(where: { $0.contains(m.at) }) {
                trend[i].units += -m.quantity
                trend[i].cost += Double(-m.quantity) * price
            }
            guard period.contains(m.at) else { return }
            level[m.sku, default: 0] += m.quantity
            if level[m.sku, default: 0] <= 0, ranOut[m.sku] == nil, m.quantity < 0 { ranOut[m.sku] = m.at }
            switch m.kind {
            case .issue:
                issued.insert(m.sku)
                let units = -m.quantity, cost = Double(units) * price
                let dept = m.department ?? "(none)"
                byDept[dept, default: (0, 0)].units += units; byDept[dept, default: (0, 0)].cost += cost
                byItem[m.sku, default: (0, 0)].units += units; byItem[m.sku, default: (0, 0)].cost += cost
            case .receive:
                let supplier = m.supplier ?? "(unknown)"
                bySupplier[supplier, default: (0, 0, 0)].receipts += 1
                bySupplier[supplier, default: (0, 0, 0)].units += m.quantity
                bySupplier[supplier, default: (0, 0, 0)].amount += Double(m.quantity) * (m.unitPrice ?? price)
                receipts[m.sku, default: []].append((m.at, m.quantity))
            case .returned, .adjust, .writeOff:
                break
            }
        }

        /// The report of every move added so far.
        public func report() -> Report {
            func name(_ sku: String) -> String { items[sku]?.name ?? sku }

            let deptRows = ranked(byDept) { $0.cost }.map { [ReportValue.text($0.0), .count($0.1.units), .amount($0.1.cost)] }
            let itemRows = ranked(byItem) { $0.cost }.map { [ReportValue.text($0.0), .text(name($0.0)), .text(items[$0.0]?.unit ?? ""), .count($0.1.units), .amount($0.1.cost)] }
            let trendRows = zip(months, trend).map { [ReportValue.text($0.0.label), .count($0.1.units), .amount($0.1.cost)] }
            var outIdle: [[ReportValue]] = []
            for sku in items.keys.sorted() {
                let end = level[sku, default: 0]
                if let d = ranOut[sku] {
                    outIdle.append([.text(sku), .text(name(sku)), .text("ran out"), .text(Clock.day(d, cal.timeZone)), .count(end)])
                } else if !issued.contains(sku), end > 0 {
                    outIdle.append([.text(sku), .text(name(sku)), .text("idle"), .text(""), .count(end)])
                }
            }
            let supplierRows = ranked(bySupplier) { $0.amount }.map { [ReportValue.text($0.0), .count($0.1.receipts), .count($0.1.units), .amount($0.1.amount)] }
            var cycleRows: [[ReportValue]] = []
            for (sku, list) in receipts.sorted(by: { $0.key < $1.key }) where list.count >= 3 {
                let lot = Double(list.reduce(0) { $0 + $1.quantity }) / Double(list.count)
                let target = Double(items[sku]?.target ?? 0)
                guard target > 0, lot < target / 2 else { continue }
                let span = list.last.map { $0.at.timeIntervalSince(list[0].at) / 86_400 } ?? 0
                cycleRows.append([.text(sku), .text(name(sku)), .count(list.count), .hours(lot), .hours(span / Double(list.count - 1)), .count(Int(target))])
            }
            return Report(kind: .supplies, period: period, sections: [
                ReportSection(id: "supplies.byDepartment", heading: "Consumption by department", headingZh: "各部门领用",
                              columns: ["department", "units", "cost"], rows: deptRows, chart: .bars(label: "department", value: "cost")),
                ReportSection(id: "supplies.byItem", heading: "Consumption by item", headingZh: "各物品领用",
                              columns: ["sku", "name", "unit", "units", "cost"], rows: itemRows, chart: .bars(label: "name", value: "cost")),
                ReportSection(id: "supplies.trend", heading: "Cost of consumption, 12 months", headingZh: "近12个月领用成本",
                              columns: ["month", "units", "cost"], rows: trendRows, chart: .sparkline(label: "month", value: "cost")),
                ReportSection(id: "supplies.outOrIdle", heading: "Ran out or lay idle", headingZh: "断货或闲置",
                              columns: ["sku", "name", "state", "since", "onHandAtEnd"], rows: outIdle),
                ReportSection(id: "supplies.bySupplier", heading: "Purchase spend by supplier", headingZh: "各供应商采购额",
                              columns: ["supplier", "receipts", "units", "amount"], rows: supplierRows, chart: .bars(label: "supplier", value: "amount")),
                ReportSection(id: "supplies.purchaseCycles", heading: "Bought too often in small lots", headingZh: "采购过频、批量过小",
                              columns: ["sku", "name", "receipts", "averageLot", "averageDaysBetween", "target"], rows: cycleRows),
            ])
        }
    }
}
