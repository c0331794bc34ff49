import Foundation

/// Where a fixed asset stands in its life. Only the `scrap` approval's decision sets `scrapped`;
/// only a stocktake settlement (or a return of a lost asset through `asset move`) sets `lost`.
public enum AssetState: String, Codable, Sendable, CaseIterable {
    case inUse = "in-use"
    case inStore = "in-store"
    case underRepair = "under-repair"
    case lost
    case scrapped

    /// Scrapped and lost assets are off the books: no book value, not expected on the floor.
    public var isOnBooks: Bool { self != .scrapped && self != .lost }
}

/// One repair of an asset: the fault reported, where it was sent (a vendor or property
/// management), and what came back (the work done and its cost in cents).
public struct AssetRepair: Codable, Sendable, Equatable {
    public var fault: String
    public var reportedAt: Date
    public var reportedBy: String
    /// The vendor or property management the asset went to; nil until it is sent.
    public var sentTo: String?
    public var sentAt: Date?
    public var backAt: Date?
    /// What the repairer did, written when the asset comes back.
    public var work: String?
    public var costCents: Int?
    /// The state the asset goes back to when the repair ends (in use or in store).
    public var stateBefore: AssetState

    public init(fault: String, reportedAt: Date, reportedBy: String, stateBefore: AssetState) {
        self.fault = fault; self.reportedAt = reportedAt; self.reportedBy = reportedBy; self.stateBefore = stateBefore
    }
}

/// A transfer between departments, locations or holders (any of the three may change at once).
public struct AssetTransfer: Codable, Sendable, Equatable {
    public var at: Date
    public var by: String
    public var fromDepartment: String
    public var toDepartment: String
    public var fromLocation: String
    public var toLocation: String
    public var fromHolder: String?
    public var toHolder: String?
    /// Why: a reorganisation, a joiner, a stocktake settlement.
    public var reason: String?
    /// In use (someone or some place uses it) or in store after the transfer.
    public var toState: AssetState

    public init(at: Date, by: String, fromDepartment: String, toDepartment: String, fromLocation: String, toLocation: String,
                fromHolder: String?, toHolder: String?, reason: String?, toState: AssetState) {
        self.at = at; self.by = by; self.fromDepartment = fromDepartment; self.toDepartment = toDepartment
        self.fromLocation = fromLocation; self.toLocation = toLocation; self.fromHolder = fromHolder; self.toHolder = toHolder
        self.reason = reason; self.toState = toState
    }
}

/// A fixed asset on the ledger. `tag` is the number printed on its label and unique in the store.
/// Money is in cents (integers), so book values add up to the cent.
public struct Asset: Codable, Sendable, Equatable {
    public var tag: String
    /// The category decides the useful life (`StoreSettings.assetUsefulYears`).
    public var category: String
    public var model: String
    public var serial: String?
    public var purchasedOn: Date
    public var costCents: Int
    public var supplier: String?
    public var department: String
    public var location: String
    /// The person (login or name) who holds it; nil for an asset in a shared place or in store.
    public var holder: String?
    public var state: AssetState
    /// The purchase request it was bought through, when it was (one unit of it).
    public var purchaseID: String?
    public var addedAt: Date
    public var addedBy: String
    public var repairs: [AssetRepair] = []
    public var transfers: [AssetTransfer] = []
    /// The `scrap` approval raised for it (pending, approved or rejected).
    public var scrapApprovalID: String?
    /// When the approval's decision scrapped it, or a stocktake settled it lost.
    public var offBooksAt: Date?

    public init(tag: String, category: String, model: String, serial: String?, purchasedOn: Date, costCents: Int, supplier: String?,
                department: String, location: String, holder: String?, state: AssetState, addedAt: Date, addedBy: String) {
        self.tag = tag; self.category = category; self.model = model; self.serial = serial; self.purchasedOn = purchasedOn
        self.costCents = costCents; self.supplier = supplier; self.department = department; self.location = location
        self.holder = holder; self.state = state; self.addedAt = addedAt; self.addedBy = addedBy
    }

    /// The repair in progress (reported and not back), if any.
    public var openRepair: AssetRepair? { repairs.last.flatMap { $0.backAt == nil ? $0 : nil } }
}

/// How a difference found by an asset stocktake is settled, so the books match the floor.
public enum AssetSettlementKind: String, Codable, Sendable, CaseIterable {
    /// A missing asset is written off the books as lost.
    case lost
    /// A missing asset was found after all (the count missed it): nothing changes on the books.
    case found
    /// A misplaced asset now belongs where it was found (its location is moved there).
    case moved
    /// A misplaced asset is taken back to where the books say it belongs.
    case returned
    /// An unexpected tag is not ours (a visitor's, a lessor's) or will be added with `asset add`.
    case noted
}

/// One difference of a stocktake, settled with its reason.
public struct AssetSettlement: Codable, Sendable, Equatable {
    public var tag: String
    public var kind: AssetSettlementKind
    public var reason: String
    public var by: String
    public var at: Date
    public init(tag: String, kind: AssetSettlementKind, reason: String, by: String, at: Date) {
        self.tag = tag; self.kind = kind; self.reason = reason; self.by = by; self.at = at
    }
}

/// An asset stocktake of one location: the tags the desk found there, and each difference
/// against the ledger settled with a reason.
public struct AssetCount: Codable, Sendable, Equatable {
    public var id: String
    public var location: String
    public var at: Date
    public var by: String
    public var found: [String]
    /// What the ledger expected at the location when the count was recorded (tags on the books there).
    public var expected: [String]
    public var settlements: [AssetSettlement] = []

    public init(id: String, location: String, at: Date, by: String, found: [String], expected: [String]) {
        self.id = id; self.location = location; self.at = at; self.by = by; self.found = found; self.expected = expected
    }
}
