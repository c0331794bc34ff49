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
        var title = "\(strings.paneTitle(.stock)) \(rows.count)"
        if low > 0 { title += " · \(low) \(strings[.due])" }
        return PaneContent(title: title, table: PaneTable(columns: columns, lines: rows.map { .row(row($0, strings)) }),
                           emptyText: strings[.noItems])
    }

    static func row(_ r: StockRow, _ strings: Strings) -> PaneRow {
        let item = r.item
        let low = r.flags.contains(.belowReorder)
        // Out of stock says below reorder already.
        var flags = PaneText.marks(r.flags.contains(.outOfStock) ? r.flags.filter { $0 != .belowReorder } : r.flags)
        if r.openRequests > 0 {
            if !flags.isEmpty { flags.append(Span(" ")) }
            flags.append(Span("req \(r.openRequests)", .dim))
        }
        return PaneRow(id: item.sku, cells: [
            [Span(item.sku, .dim)],
            [Span(item.name)],
            PanePicture.gauge(value: r.onHand, mark: item.reorderAt, full: item.target, width: gaugeWidth, isLow: low),
            [Span("\(r.onHand)", low ? .gaugeLow : .normal), Span("/\(item.target)")],
            [Span(item.unit, .dim)],
            [Span(cover(r.daysOfCover, strings), (r.daysOfCover ?? .infinity) < 7 ? .due : .normal)],
            [Span(PanePicture.sparkline(r.weeklyUse), .accent)],
            flags,
        ])
    }

    /// "12 d", or "–" when nothing was used in the last 30 days.
    static func cover(_ days: Double?, _ strings: Strings) -> String {
        guard let days, days.isFinite else { return Glyph.none }
        return "\(min(999, Int(days.rounded(.down)))) \(strings[.days])"
    }

    static func detail(id: String, model: DashboardModel, strings: Strings) -> (title: String, lines: [String])? {
        guard let item = model.state.items[id] else { return nil }
        let row = model.stock.rows.first { $0.item.sku == id }
        var lines: [String?] = [
            PaneText.field("SKU", item.sku),
            PaneText.field("Category", item.category + (item.special ? " (special)" : "")),
            PaneText.field("Unit", item.unit),
            PaneText.field(strings[.onHand], "\(model.state.onHand[id, default: 0]) \(item.unit)"),
            PaneText.field("Reorder at / target", "\(item.reorderAt) / \(item.target)"),
            PaneText.field("Unit price", item.unitPrice.map(PaneText.amount)),
            PaneText.field("Daily use", row.map { String(format: "%.1f", $0.dailyUse) }),
            PaneText.field(strings[.cover], row.map { cover($0.daysOfCover, strings) }),
            PaneText.field("Weekly use (8 weeks)", row.map { $0.weeklyUse.map(String.init).joined(separator: " ") }),
            PaneText.field("Open purchase requests", row.map { String($0.openRequests) }),
            PaneText.field("Flags", row.map { PaneText.marksText($0.flags) }),
        ]
        if !item.suppliers.isEmpty {
            lines.append("Suppliers:")
            for o in item.suppliers {
                lines.append("  \(o.supplier): \(PaneText.amount(o.unitPrice)) per \(item.unit), \(o.leadDays) \(strings[.days]) lead time")
            }
        }
        return ("\(item.sku) \(item.name)", lines.compactMap { $0 })
    }
}
