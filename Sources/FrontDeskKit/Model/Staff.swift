import Foundation

/// Whether a checklist takes a person in (joining) or sees them out (leaving).
public enum StaffDirection: String, Codable, Sendable, CaseIterable {
    case joining, leaving
}

/// What a checklist item is: the staff badge, a desk, equipment from the asset ledger, an
/// account, a supplies starter kit issued from stock, or anything else the department lists.
public enum StaffItemKind: String, Codable, Sendable, CaseIterable {
    case badge, desk, equipment, account, kit, other
}

/// Where a checklist item stands. A joiner's items end issued; a leaver's recovered or, through
/// a `write-off` approval's decision only, written off.
public enum StaffItemState: String, Codable, Sendable, CaseIterable {
    case open, issued, recovered
    case writtenOff = "written-off"

    /// True once the item needs nothing more.
    public var isSettled: Bool { self != .open }
}

/// One line of a department's joiner template ("equipment: Laptop", "kit: S-PEN × 2").
public struct StaffTemplateItem: Codable, Sendable, Equatable {
    public var kind: StaffItemKind
    public var name: String
    /// A starter kit's supply item and how many are issued.
    public var sku: String?
    public var quantity: Int?

    public init(kind: StaffItemKind, name: String, sku: String? = nil, quantity: Int? = nil) {
        self.kind = kind; self.name = name; self.sku = sku; self.quantity = quantity
    }
}

/// What a department's joiners get (the checklist `staff join` opens for them).
public struct StaffTemplate: Codable, Sendable, Equatable {
    public var department: String
    public var items: [StaffTemplateItem]
    public var setAt: Date
    public var setBy: String

    public init(department: String, items: [StaffTemplateItem], setAt: Date, setBy: String) {
        self.department = department; self.items = items; self.setAt = setAt; self.setBy = setBy
    }
}

/// One item of a joiner's or leaver's checklist.
public struct StaffItem: Codable, Sendable, Equatable {
    /// "1", "2", … in the checklist's order.
    public var id: String
    public var kind: StaffItemKind
    public var name: String
    /// Equipment: the asset's tag (a leaver's from the start; a joiner's once issued).
    public var asset: String?
    /// Starter kit: the supply item and quantity issued from stock.
    public var sku: String?
    public var quantity: Int?
    public var state: StaffItemState
    public var doneAt: Date?
    public var doneBy: String?
    /// A badge number, a desk's place, an account name, why it was written off.
    public var note: String?
    /// The stock move that issued a starter kit.
    public var moveID: String?
    /// The latest `write-off` approval asked for this item (pending, approved or rejected).
    public var writeOffApprovalID: String?

    public init(id: String, kind: StaffItemKind, name: String, asset: String? = nil, sku: String? = nil, quantity: Int? = nil,
                state: StaffItemState = .open) {
        self.id = id; self.kind = kind; self.name = name; self.asset = asset; self.sku = sku; self.quantity = quantity; self.state = state
    }
}

/// A joiner's or a leaver's checklist: every item must be settled before it is closed.
public struct StaffChecklist: Codable, Sendable, Equatable {
    public var id: String
    public var direction: StaffDirection
    /// The person (a login, or a name when they have none yet).
    public var person: String
    public var department: String
    /// The start date (joining) or the last day (leaving): the start of that office day.
    public var day: Date
    /// When open items become overdue: the start of the start date, or the end of the last day.
    public var dueAt: Date
    public var openedAt: Date
    public var openedBy: String
    public var items: [StaffItem]
    public var closedAt: Date?
    public var closedBy: String?

    public init(id: String, direction: StaffDirection, person: String, department: String, day: Date, dueAt: Date,
                openedAt: Date, openedBy: String, items: [StaffItem]) {
        self.id = id; self.direction = direction; self.person = person; self.department = department; self.day = day
        self.dueAt = dueAt; self.openedAt = openedAt; self.openedBy = openedBy; self.items = items
    }

    /// Items not settled yet.
    public var openItems: [StaffItem] { items.filter { !$0.state.isSettled } }
    public var isClosed: Bool { closedAt != nil }
}

/// How one checklist item was settled by the desk: issued to a joiner or recovered from a
/// leaver. Equipment carries the asset ledger's own transfer and a starter kit the supplies
/// ledger's own issue, applied by the same journal record so the ledgers never disagree.
public struct StaffSettlement: Codable, Sendable, Equatable {
    public var state: StaffItemState
    public var at: Date
    public var by: String
    public var note: String?
    /// Equipment: the asset's tag.
    public var asset: String?
    /// Equipment: the transfer to the joiner, or back to store from the leaver (nil when the
    /// asset's holder is already right, e.g. moved with `asset move`).
    public var transfer: AssetTransfer?
    /// Starter kit: the issue from stock.
    public var move: StockMove?

    public init(state: StaffItemState, at: Date, by: String, note: String? = nil, asset: String? = nil,
                transfer: AssetTransfer? = nil, move: StockMove? = nil) {
        self.state = state; self.at = at; self.by = by; self.note = note; self.asset = asset; self.transfer = transfer; self.move = move
    }
}
