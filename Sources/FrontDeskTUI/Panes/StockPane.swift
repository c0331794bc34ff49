import Foundation
import FrontDeskKit

/// Supplies, those under their reorder point first (the query's order): a level gauge against the
/// target with the reorder point marked, days of cover and eight weeks of consumption.
enum StockPane {
    /// Cells of the level gauge.
    static let gaugeWidth = 10

    // Columns: sku, name, gauge, on hand/target, unit, cover, sparkline, flags.
    static let columns = [
        PaneColumn(minWidth: 6, maxWidth: 9, priority: 75),
        PaneColumn(minWidth: 10, maxWidth: 24, preferredWidth: 16, priority: PaneColumn.essential),
        PaneColumn(minWidth: gaugeWidth, maxWidth: gaugeWidth, priority: 65, searchable: false),
        PaneColumn(minWidth: 5, maxWidth: 9, priority: PaneColumn.essential, alignRight: true),
        PaneColumn(minWidth: 4, maxWidth: 9, priority: 35),
        PaneColumn(minWidth: 4, maxWidth: 6, priority: 55, alignRight: true),
        PaneColumn(minWidth: 8, maxWidth: 8, priority: 10, searchable: false),
        PaneColumn(minWidth: 8, maxWidth: 16, priority: 90),
    ]

    static func content(_ model: DashboardModel, strings: Strings) -> PaneContent {
        let rows = model.stock.rows
        let low = model.overdueCount(.stock)
        let title = strings.paneTitle(.stock, count: rows.count, flagged: low, .due)
        return PaneContent(title: title, table: PaneTable(columns: columns, lines: rows.map { .row(row($0, strings)) }),
                           emptyText: strings[.noItems])
    }

    static func row(_ r: StockRow, _ strings: Strings) -> PaneRow {
        let item = r.item
        let low = r.flags.contains(.belowReorder)
        // Out of stock says below reorder already.
        var flags = PaneText.marks(r.flags.contains(.outOfStock) ? r.flags.filter { $0 != .belowReorder } : r.flags, strings)
        if r.openRequests > 0 {
            if !flags.isEmpty { flags.append(Span(" ")) }
            flags.append(Span(strings.counted(r.openRequests, .openRequestsShort), .dim))
        }
        return PaneRow(id: item.sku, cells: [
            [Span(item.sku, .dim)],
            [Span(item.name)],
            PanePicture.gauge(value: r.onHand, mark: item.reorderAt, full: item.target, width: gaugeWidth, isLow: low),
            [Span("\(r.onHand)", low ? .gaugeLow : .normal), Span("/\(item.target)")],
            [Span(item.unit, .dim)],
            [Span(cover(r, strings), (r.daysOfCover ?? .infinity) < 7 ? .due : .normal)],
            [Span(PanePicture.sparkline(r.weeklyUse), .accent)],
            flags,
        ])
    }

    /// "12 d" / "12天", or "–" when nothing was used in the last 30 days.
    static func cover(_ row: StockRow, _ strings: Strings) -> String {
        guard let whole = row.coverDays else { return Glyph.none }
        return strings.days(whole)
    }

    static func detail(id: String, model: DashboardModel, strings: Strings) -> (title: String, lines: [String])? {
        guard let item = model.state.items[id] else { return nil }
        let row = model.stock.rows.first { $0.item.sku == id }
        let level = row.flatMap { r in
            r.flags.contains(.outOfStock) ? strings[.outOfStock] : r.flags.contains(.belowReorder) ? strings[.belowReorder] : nil
        }
        var lines: [String?] = [
            strings.field(.sku, item.sku),
            strings.field(.category, item.category + (item.special ? " (\(strings[.special]))" : "")),
            strings.field(.unit, item.unit),
            strings.field(.onHand, "\(model.state.onHand[id, default: 0]) \(item.unit)" + (level.map { " (\($0))" } ?? "")),
            strings.field(.reorderAtTarget, "\(item.reorderAt) / \(item.target)"),
            strings.field(.unitPrice, item.unitPrice.map(PaneText.amount)),
            strings.field(.dailyUse, row.map { String(format: "%.1f", $0.dailyUse) }),
            strings.field(.cover, row.map { cover($0, strings) }),
            strings.field(.weeklyUse, row.map { $0.weeklyUse.map(String.init).joined(separator: " ") }),
            strings.field(.openPurchaseRequests, row.map { String($0.openRequests) }),
            strings.field(.flags, row.map { PaneText.marksText($0.flags, strings) }),
        ]
        if !item.suppliers.isEmpty {
            lines.append(strings.listHeading(.suppliers))
            for o in item.suppliers {
                lines.append("  " + strings.format(.supplierLine, o.supplier, PaneText.amount(o.unitPrice), item.unit, strings.days(o.leadDays)))
            }
        }
        return ("\(item.sku) \(item.name)", lines.compactMap { $0 })
    }
}
