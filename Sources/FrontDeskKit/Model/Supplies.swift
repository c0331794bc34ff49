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
    /// The acceptance record of a delivery (receipts booked since acceptance records exist).
    public var acceptance: Acceptance?

    /// For a stocktake: what the books said before the count (counted − variance).
    public var booksBeforeCount: Int? { kind == .adjust ? countedQuantity.map { $0 - quantity } : nil }

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

/// The acceptance record of a delivery, as the inspector signs it: what was ordered (when received
/// against a purchase), delivered and accepted, whether it matches the specification and passed the
/// quality check, notes, and who inspected it. Only the accepted quantity enters stock.
public struct Acceptance: Codable, Sendable, Equatable {
    public var ordered: Int?
    public var delivered: Int
    public var accepted: Int
    public var specificationMatches: Bool
    public var qualityPassed: Bool
    public var notes: String?
    public var inspector: String
    public init(ordered: Int?, delivered: Int, accepted: Int, specificationMatches: Bool, qualityPassed: Bool, notes: String?, inspector: String) {
        self.ordered = ordered; self.delivered = delivered; self.accepted = accepted
        self.specificationMatches = specificationMatches; self.qualityPassed = qualityPassed; self.notes = notes; self.inspector = inspector
    }
    /// Delivered but not accepted.
    public var rejected: Int { delivered - accepted }
}

/// A supplier's offer for one purchase: compared side by side, at least three of them.
public struct Quote: Codable, Sendable, Equatable {
    public var supplier: String
    public var unitPrice: Double
    public var leadDays: Int
    public var quality: String?
    public init(supplier: String, unitPrice: Double, leadDays: Int, quality: String? = nil) {
        self.supplier = supplier; self.unitPrice = unitPrice; self.leadDays = leadDays; self.quality = quality
    }
}

public enum PurchaseStatus: String, Codable, Sendable, CaseIterable {
    case awaitingApproval, approved, rejected, received
}

/// A purchase request: what, how many, the compared quotes and the chosen one; it goes to
/// approval (its `approvalID`) before anything can be received against it.
public struct PurchaseRequest: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var sku: String
    public var quantity: Int
    public var quotes: [Quote]
    public var chosen: Int
    /// Why the chosen quote is not the cheapest (required then), or the use of a special item.
    public var justification: String?
    public var urgent: Bool
    public var requester: String
    public var createdAt: Date
    public var approvalID: String
    public var status: PurchaseStatus
    public var receivedQuantity: Int

    public init(id: String, sku: String, quantity: Int, quotes: [Quote], chosen: Int, justification: String?, urgent: Bool,
                requester: String, createdAt: Date, approvalID: String) {
        self.id = id; self.sku = sku; self.quantity = quantity; self.quotes = quotes; self.chosen = chosen
        self.justification = justification; self.urgent = urgent; self.requester = requester; self.createdAt = createdAt
        self.approvalID = approvalID; self.status = .awaitingApproval; self.receivedQuantity = 0
    }

    public var chosenQuote: Quote? { quotes.indices.contains(chosen) ? quotes[chosen] : nil }
    public var amount: Double { Double(quantity) * (chosenQuote?.unitPrice ?? 0) }
}

/// A department's request for next month's supplies, collected at month end.
public struct DemandEntry: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var department: String
    public var sku: String
    public var quantity: Int
    /// "YYYY-MM": the month the supplies are for.
    public var month: String
    public var justification: String?
    public var budget: Double?
    public var by: String
    public var at: Date
    public init(id: String, department: String, sku: String, quantity: Int, month: String, justification: String? = nil,
                budget: Double? = nil, by: String, at: Date) {
        self.id = id; self.department = department; self.sku = sku; self.quantity = quantity; self.month = month
        self.justification = justification; self.budget = budget; self.by = by; self.at = at
    }
}
