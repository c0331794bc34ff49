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
    /// Stock moves made since the last compaction (compaction moves every move to history).
    public var moves: [String: StockMove] = [:]
    /// Units issued per SKU per office day by moves already in history, for the last
    /// `RetentionPolicy.issueSummaryDays`: days of cover, the 8-week sparkline and the purchase
    /// plan read these totals instead of thousands of raw moves (see `issuedByDay`).
    public var archivedIssues = DailyIssues()
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
    /// The document register: incoming and outgoing documents by id.
    public var documents: [String: Document] = [:]
    /// The fixed-asset ledger by tag (scrapped and lost assets stay, off the books).
    public var assets: [String: Asset] = [:]
    /// Asset stocktakes by id.
    public var assetCounts: [String: AssetCount] = [:]
    /// Courier parcels in and out by id.
    public var parcels: [String: Parcel] = [:]
    /// Company notices, posted and ended (NoticeProcess.swift); absent from stores written before them.
    public var notices: [String: Notice] = [:]
    /// The archive's files and their loans (ArchiveProcess.swift): kept in the working set for good,
    /// as the register of what the office holds; absent from stores written before them.
    public var archives: [String: ArchiveFile] = [:]
    public var loans: [String: ArchiveLoan] = [:]
    /// Joiners' and leavers' checklists by id (StaffProcess.swift); absent from stores written before them.
    public var staff: [String: StaffChecklist] = [:]
    /// Joiner templates by department; a department without one gets the default template.
    public var staffTemplates: [String: StaffTemplate] = [:]

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
        purchases = try get(.purchases); demand = try get(.demand); documents = try get(.documents)
        assets = try get(.assets); assetCounts = try get(.assetCounts); parcels = try get(.parcels)
        notices = try get(.notices); archives = try get(.archives); loans = try get(.loans)
        staff = try get(.staff); staffTemplates = try get(.staffTemplates)
        archivedIssues = try c.decodeIfPresent(DailyIssues.self, forKey: .archivedIssues) ?? DailyIssues()
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
            + approvals.count + people.count + departments.count + purchases.count + demand.count + documents.count
            + assets.count + assetCounts.count + parcels.count
            + notices.count + archives.count + loans.count + staff.count
    }
}

/// Units issued per SKU on consecutive office days from `firstDay`: the summary compaction keeps
/// of the issues it moves to history. Plain arrays, so the snapshot decodes it in a few thousand
/// integers instead of a keyed record per move.
public struct DailyIssues: Codable, Sendable, Equatable {
    /// The start of the first office day counted; nil when nothing is counted.
    public var firstDay: Date?
    /// Per SKU, the units issued on `firstDay` + i days at index i.
    public var units: [String: [Int]] = [:]

    public init() {}

    public var isEmpty: Bool { units.isEmpty }

    /// Counts `n` units issued of `sku` on the office day of `at`.
    mutating func add(sku: String, units n: Int, at: Date, calendar cal: Calendar) {
        let day = cal.startOfDay(for: at)
        guard let first = firstDay else {
            firstDay = day; units[sku] = [n]; return
        }
        var i = Self.days(from: first, to: day, cal)
        if i < -36_600 || i > 36_600 {
            // Totals a century away from this issue are no use to any pane: start again.
            units = [:]; firstDay = day; i = 0
        }
        if i < 0 {
            // An earlier day than any counted: every row moves right by that many days.
            for k in units.keys { units[k] = Array(repeating: 0, count: -i) + (units[k] ?? []) }
            firstDay = day; i = 0
        }
        var row = units[sku] ?? []
        if row.count <= i { row += Array(repeating: 0, count: i + 1 - row.count) }
        row[i] &+= n
        units[sku] = row
    }

    /// Forgets the days before `day` (the start of an office day).
    mutating func drop(before day: Date, calendar cal: Calendar) {
        guard let first = firstDay, first < day else { return }
        let cut = Self.days(from: first, to: day, cal)
        units = units.compactMapValues { row in
            let rest = Array(row.dropFirst(cut))
            return rest.contains { $0 != 0 } ? rest : nil
        }
        firstDay = units.isEmpty ? nil : day
    }

    /// Whole office days from `a` to `b` (both starts of days), across daylight-saving changes.
    static func days(from a: Date, to b: Date, _ cal: Calendar) -> Int {
        cal.dateComponents([.day], from: a, to: b).day ?? 0
    }
}

extension OfficeState {
    /// Units issued per SKU on each office day from `first` (the start of a day) through the day
    /// of `now`, index 0 being `first`: the archived totals plus the issues still in `moves` up
    /// to `now`. The same answer before and after a compaction, which only moves issues from
    /// `moves` into `archivedIssues`. SKUs with no issue in the range are absent.
    public func issuedByDay(from first: Date, now: Date, calendar cal: Calendar) -> [String: [Int]] {
        let today = cal.startOfDay(for: now)
        let count = max(0, DailyIssues.days(from: first, to: today, cal) + 1)
        guard count > 0 else { return [:] }
        var out: [String: [Int]] = [:]
        func add(_ sku: String, _ i: Int, _ n: Int) {
            guard i >= 0, i < count else { return }
            if out[sku] == nil { out[sku] = Array(repeating: 0, count: count) }
            out[sku]?[i] &+= n
        }
        if let start = archivedIssues.firstDay {
            let offset = DailyIssues.days(from: first, to: start, cal)
            for (sku, row) in archivedIssues.units {
                for (i, n) in row.enumerated() where n != 0 { add(sku, offset + i, n) }
            }
        }
        // Day boundaries computed once: a calendar call per move is slow on Linux.
        var bounds: [Date] = []
        var d = first
        for _ in 0...count {
            bounds.append(d)
            d = cal.date(byAdding: .day, value: 1, to: d) ?? d.addingTimeInterval(86_400)
        }
        for m in moves.values where m.kind == .issue && m.at >= first && m.at <= now {
            // The last boundary not after the move is its day.
            var lo = 0, hi = count - 1
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if bounds[mid] <= m.at { lo = mid } else { hi = mid - 1 }
            }
            add(m.sku, lo, -m.quantity)
        }
        return out
    }
}
