import Foundation
import FrontDeskKit

/// The price-comparison sheet of a purchase request: every quote side by side, the chosen one
/// and why, and a warning when fewer than the seed's 3 suppliers were compared.
public enum PriceComparison {
    /// The seed: compare at least 3 qualified suppliers.
    public static let minimumQuotes = 3

    static func money(_ v: Double) -> String { String(format: "%.2f", v) }

    /// The values the `price-comparison` template may use: `id sku item unit quantity requester
    /// date status approvalId urgent quotes[{number supplier unitPrice total leadDays quality
    /// chosen cheapest fastest}] chosen{…} why cheapestChosen quoteCount fewerThanMinimum minimum`.
    public static func values(_ p: PurchaseRequest, in state: OfficeState, language: String, timeZone tz: TimeZone) -> [String: Any] {
        let cheapest = p.quotes.map(\.unitPrice).min()
        let fastest = p.quotes.map(\.leadDays).min()
        let rows = p.quotes.enumerated().map { i, q -> [String: Any] in
            ["number": "\(i + 1)", "supplier": q.supplier, "unitPrice": money(q.unitPrice),
             "total": money(q.unitPrice * Double(p.quantity)), "leadDays": "\(q.leadDays)", "quality": q.quality ?? "",
             "chosen": i == p.chosen, "cheapest": q.unitPrice == cheapest, "fastest": q.leadDays == fastest]
        }
        let chosen: Any = p.quotes.indices.contains(p.chosen) ? rows[p.chosen] : false
        let cheapestChosen = p.chosenQuote.map { $0.unitPrice == cheapest } ?? false
        let item = state.items[p.sku]
        // The why: the desk's words when given, else the rule that picked it.
        let why = p.justification.flatMap { $0.isEmpty ? nil : $0 }
            ?? (cheapestChosen ? (language == "zh" ? "报价最低" : "the lowest price") : "")
        return [
            "id": p.id, "sku": p.sku, "item": item?.name ?? p.sku, "unit": item?.unit ?? "",
            "quantity": "\(p.quantity)", "requester": state.displayName(p.requester), "date": Clock.day(p.createdAt, tz),
            "status": statusText(p.status, language), "approvalId": p.approvalID, "urgent": p.urgent,
            "quotes": rows, "chosen": chosen, "amount": money(p.amount), "why": why, "cheapestChosen": cheapestChosen,
            "quoteCount": "\(p.quotes.count)", "fewerThanMinimum": p.quotes.count < minimumQuotes, "minimum": "\(minimumQuotes)",
        ]
    }

    static func statusText(_ s: PurchaseStatus, _ language: String) -> String {
        switch s {
        case .awaitingApproval: language == "zh" ? "待审批" : "awaiting approval"
        case .approved: language == "zh" ? "已批准" : "approved"
        case .rejected: language == "zh" ? "已驳回" : "rejected"
        case .received: language == "zh" ? "已到货" : "received"
        }
    }

    /// The sheet as CSV for a spreadsheet: a header row, then one row per quote.
    public static func csv(_ p: PurchaseRequest, in state: OfficeState, language: String) -> String {
        let header = language == "zh"
            ? ["采购单", "物品", "数量", "序号", "供应商", "单价", "总价", "交货天数", "质量/备注", "选中", "理由"]
            : ["purchase", "item", "quantity", "quote", "supplier", "unit price", "total", "delivery days", "quality/notes", "chosen", "why"]
        let item = state.items[p.sku]?.name ?? p.sku
        let why = p.justification ?? ""
        let yes = language == "zh" ? "是" : "yes"
        var rows = [header]
        for (i, q) in p.quotes.enumerated() {
            rows.append([p.id, item, "\(p.quantity)", "\(i + 1)", q.supplier, money(q.unitPrice), money(q.unitPrice * Double(p.quantity)),
                         "\(q.leadDays)", q.quality ?? "", i == p.chosen ? yes : "", i == p.chosen ? why : ""])
        }
        return SpreadsheetExport.text([SpreadsheetTable(header: header, rows: Array(rows.dropFirst()))])
    }
}
