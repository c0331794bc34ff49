import Foundation

/// Range checks on records read from disk. Validation caps what a change may carry when it is
/// made; a record on disk beyond those caps was not made by frontdesk (a crafted or damaged
/// record that still passed its checksum), so it is refused as damage, named, before any sum,
/// product or report can trap on it.
enum RecordRanges {
    static let maxQuantity = OfficeState.maxQuantity
    /// Stock on hand may reach 100 × the per-move cap (validation's own limit); a little room above.
    static let maxOnHand = OfficeState.maxQuantity * 1_000
    static let maxAmount = OfficeState.maxAmount

    static func quantity(_ q: Int, _ what: String) -> String? {
        q.magnitude > UInt(maxQuantity) ? "\(what) \(q) is beyond ±\(maxQuantity)" : nil
    }

    static func amount(_ a: Double?, _ what: String) -> String? {
        guard let a else { return nil }
        return (!a.isFinite || a < 0 || a > maxAmount) ? "\(what) \(a) is outside 0…\(Int(maxAmount))" : nil
    }

    static func move(_ m: StockMove) -> String? {
        quantity(m.quantity, "quantity") ?? m.countedQuantity.flatMap { quantity($0, "counted quantity") }
            ?? m.rejectedQuantity.flatMap { quantity($0, "rejected quantity") } ?? amount(m.unitPrice, "unit price")
    }

    static func item(_ i: SupplyItem) -> String? {
        quantity(i.reorderAt, "reorder point") ?? quantity(i.target, "target") ?? amount(i.unitPrice, "price")
    }

    static func purchase(_ p: PurchaseRequest) -> String? {
        quantity(p.quantity, "quantity") ?? quantity(p.receivedQuantity, "received quantity")
            ?? p.quotes.lazy.compactMap { amount($0.unitPrice, "quoted price") ?? quantity($0.leadDays, "lead days") }.first
    }

    static func approval(_ a: ApprovalRequest) -> String? {
        amount(a.amount, "amount") ?? quantity(a.requiredApprovals, "required approvals")
    }

    /// Stock balances per SKU (a segment's opening or closing stock, a day's issued units).
    static func stock(_ balances: [String: Int]?, _ what: String) -> String? {
        for (sku, q) in balances ?? [:] where q.magnitude > UInt(maxOnHand) { return "\(what) of \(sku) (\(q)) is beyond ±\(maxOnHand)" }
        return nil
    }

    /// Daily issue totals: at most a century of days, each within the on-hand cap.
    static func issues(_ d: DailyIssues) -> String? {
        for (sku, row) in d.units {
            if row.count > 36_600 { return "issue totals of \(sku) span \(row.count) days" }
            if let q = row.first(where: { $0.magnitude > UInt(maxOnHand) }) { return "issue totals of \(sku) (\(q)) are beyond ±\(maxOnHand)" }
        }
        return nil
    }

    static func demand(_ d: DemandEntry) -> String? {
        quantity(d.quantity, "quantity") ?? amount(d.budget, "budget")
    }
}

extension Change {
    /// Why this record cannot be real (a quantity or amount beyond any cap), or nil.
    func rangeProblem() -> String? {
        switch self {
        case .moveStock(let m): return RecordRanges.move(m)
        case .addItem(let i): return RecordRanges.item(i)
        case .requestPurchase(let p, let a): return RecordRanges.purchase(p) ?? RecordRanges.approval(a)
        case .requestApproval(let a), .requestStaffWriteOff(_, _, let a): return RecordRanges.approval(a)
        case .settleStaffItem(_, _, let s): return s.move.flatMap(RecordRanges.move)
        case .addDemand(let d): return RecordRanges.demand(d)
        default: return nil
        }
    }
}

extension OfficeState {
    /// Why a working set read from disk cannot be real, or nil.
    func rangeProblem() -> String? {
        for (sku, q) in onHand where q.magnitude > UInt(RecordRanges.maxOnHand) { return "stock on hand of \(sku) (\(q)) is beyond ±\(RecordRanges.maxOnHand)" }
        for m in moves.values { if let p = RecordRanges.move(m) { return "stock move \(m.id): \(p)" } }
        for i in items.values { if let p = RecordRanges.item(i) { return "item \(i.sku): \(p)" } }
        for p in purchases.values { if let why = RecordRanges.purchase(p) { return "purchase \(p.id): \(why)" } }
        for a in approvals.values { if let p = RecordRanges.approval(a) { return "approval \(a.id): \(p)" } }
        for d in demand.values { if let p = RecordRanges.demand(d) { return "demand \(d.id): \(p)" } }
        if let p = RecordRanges.issues(archivedIssues) { return p }
        return nil
    }
}

extension HistorySegment {
    /// Why a month segment read from disk cannot be real, or nil.
    func rangeProblem() -> String? {
        for m in moves { if let p = RecordRanges.move(m) { return "stock move \(m.id): \(p)" } }
        for a in approvals { if let p = RecordRanges.approval(a) { return "approval \(a.id): \(p)" } }
        return RecordRanges.stock(openingStock, "opening stock") ?? RecordRanges.stock(closingStock, "closing stock")
    }
}
