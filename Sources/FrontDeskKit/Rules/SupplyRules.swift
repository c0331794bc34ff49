import Foundation

/// The supplies chain: accepted quantity enters stock; stock never goes below zero.
extension OfficeState {
    func validateNewItem(_ i: SupplyItem) throws(Refusal) {
        try requireText(i.sku, "SKU"); try requireText(i.name, "item name"); try requireText(i.unit, "unit")
        if items[i.sku] != nil { throw .rule("Item \(i.sku) exists already (\(items[i.sku]?.name ?? "")).") }
        if i.reorderAt < 0 || i.target < 0 { throw .invalid("Reorder point and target cannot be negative.") }
        if i.target < i.reorderAt { throw .invalid("Target level (\(i.target)) is below the reorder point (\(i.reorderAt)).") }
    }

    func validateMove(_ m: StockMove) throws(Refusal) {
        guard let item = items[m.sku] else { throw .invalid("No item \(m.sku) (frontdesk stock list).") }
        if moves[m.id] != nil { throw .rule("Stock move \(m.id) exists already.") }
        let have = onHand[m.sku, default: 0]
        switch m.kind {
        case .receive, .returned:
            if m.quantity < 0 { throw .invalid("A \(m.kind.rawValue) adds stock; the quantity cannot be negative.") }
            if m.kind == .receive, m.quantity == 0, (m.rejectedQuantity ?? 0) == 0 { throw .invalid("Nothing received.") }
        case .issue, .writeOff:
            if m.quantity >= 0 { throw .invalid("Give a positive quantity to \(m.kind == .issue ? "issue" : "write off").") }
            if m.kind == .issue {
                try requireText(m.department ?? "", "department"); try requireText(m.recipient ?? "", "recipient who signs")
            }
            if have + m.quantity < 0 {
                throw .rule("Only \(have) \(item.unit) of \(item.name) (\(item.sku)) on hand; cannot take \(-m.quantity).")
            }
        case .adjust:
            try requireText(m.reason ?? "", "reason for the stocktake variance")
            if have + m.quantity < 0 { throw .invalid("A count cannot be below zero.") }
        }
    }

    public func flags(of item: SupplyItem) -> [DueFlag] {
        let have = onHand[item.sku, default: 0]
        if have <= 0 { return [.outOfStock, .belowReorder] }
        return have < item.reorderAt ? [.belowReorder] : []
    }
}
