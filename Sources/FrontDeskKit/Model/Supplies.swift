import Foundation

public struct SupplierOffer: Codable, Sendable, Equatable {
    public var supplier: String
    public var unitPrice: Double
    public var leadDays: Int
    public init(supplier: String, unitPrice: Double, leadDays: Int) {
        self.supplier = supplier; self.unitPrice = unitPrice; self.leadDays = leadDays
    }
}

/// An office supply kept in stock. On hand is never stored here: it is the sum of the moves.
public struct SupplyItem: Codable, Sendable, Equatable, Identifiable {
    public var id: String { sku }
    public var sku: String
    public var name: String
    public var unit: String
    public var category: String
    public var reorderAt: Int
    public var target: Int
    public var unitPrice: Double?
    public var suppliers: [SupplierOffer]
    /// Special items (custom gifts, equipment) need a justification and budget when planned.
    public var special: Bool

    public init(
        sku: String, name: String, unit: String, category: String = "general", reorderAt: Int, target: Int,
        unitPrice: Double? = nil, suppliers: [SupplierOffer] = [], special: Bool = false
    ) {
        self.sku = sku; self.name = name; self.unit = unit; self.category = category
        self.reorderAt = reorderAt; self.target = target; self.unitPrice = unitPrice
        self.suppliers = suppliers; self.special = special
    }
}

public enum StockMoveKind: String, Codable, Sendable, CaseIterable {
    case receive, issue, returned, adjust, writeOff
}

/// One change of stock, with who, when and why. `quantity` is signed: + into stock, − out of it.
public struct StockMove: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var sku: String
    public var kind: StockMoveKind
    public var quantity: Int
    public var at: Date
    public var by: String
    public var department: String?
    /// The person who signed for an issue.
    public var recipient: String?
    public var reason: String?
    public var unitPrice: Double?
    public var supplier: String?
    /// Acceptance record of a receipt: what was counted and what was rejected, and why.
    public var countedQuantity: Int?
    public var rejectedQuantity: Int?
    public var purchaseID: String?

    public init(
        id: String, sku: String, kind: StockMoveKind, quantity: Int, at: Date, by: String,
        department: String? = nil, recipient: String? = nil, reason: String? = nil,
        unitPrice: Double? = nil, supplier: String? = nil
    ) {
        self.id = id; self.sku = sku; self.kind = kind; self.quantity = quantity; self.at = at; self.by = by
        self.department = department; self.recipient = recipient; self.reason = reason
        self.unitPrice = unitPrice; self.supplier = supplier
    }
}
