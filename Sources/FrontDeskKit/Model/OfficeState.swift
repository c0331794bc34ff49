import Foundation

/// The working set of the office: everything open or recent, which is what every pane shows.
/// Closed history lives in the store's period segments and is not part of this value.
public struct OfficeState: Codable, Sendable, Equatable {
    public var rooms: [String: Room] = [:]
    public var meetings: [String: Meeting] = [:]
    public var visitors: [String: Visitor] = [:]
    public var badges: [String: Badge] = [:]
    public var items: [String: SupplyItem] = [:]
    /// Stock on hand per SKU over all moves ever made, archived ones included.
    public var onHand: [String: Int] = [:]
    /// Recent stock moves (consumption, days of cover); older ones are in history.
    public var moves: [String: StockMove] = [:]
    public var approvals: [String: ApprovalRequest] = [:]
    public var people: [String: Person] = [:]
    public var departments: [String: Department] = [:]
    /// Roles per user (login, or any name on an override store).
    public var roles: [String: [Role]] = [:]
    /// The last number used per record kind (see `IDGenerator`).
    public var counters: [String: Int] = [:]
    /// Names and identity numbers that need a lead's decision before a badge is issued.
    public var watchList: [WatchEntry] = []
    /// Visitors seen before, by lower-cased name (purged after the retention period).
    public var returningVisitors: [String: ReturningVisitor] = [:]
    public var purchases: [String: PurchaseRequest] = [:]
    public var demand: [String: DemandEntry] = [:]

    public init() {}

    // Decoding tolerates missing keys, so a snapshot written before a field existed still opens.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func get<T: Decodable & ExpressibleByDictionaryLiteral>(_ k: CodingKeys) throws -> T { try c.decodeIfPresent(T.self, forKey: k) ?? [:] }
        rooms = try get(.rooms); meetings = try get(.meetings); visitors = try get(.visitors); badges = try get(.badges)
        items = try get(.items); onHand = try get(.onHand); moves = try get(.moves); approvals = try get(.approvals)
        people = try get(.people); departments = try get(.departments); roles = try get(.roles); counters = try get(.counters)
        watchList = try c.decodeIfPresent([WatchEntry].self, forKey: .watchList) ?? []
        returningVisitors = try get(.returningVisitors)
        purchases = try get(.purchases); demand = try get(.demand)
    }

    public func hasRole(_ user: String, _ role: Role) -> Bool {
        roles[user]?.contains(role) ?? false
    }

    /// A room by id, or by name ignoring case (people type names at the desk).
    public func room(named key: String) -> Room? {
        if let r = rooms[key] { return r }
        let k = key.lowercased()
        return rooms.values.first { $0.name.lowercased() == k }
    }

    /// How a person is shown: their name when known, else what was typed.
    public func displayName(_ login: String) -> String {
        people[login]?.name ?? login
    }

    public var recordCount: Int {
        rooms.count + meetings.count + visitors.count + badges.count + items.count + moves.count
            + approvals.count + people.count + departments.count + purchases.count + demand.count
    }
}
