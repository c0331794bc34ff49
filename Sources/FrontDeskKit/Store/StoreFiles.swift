import Foundation

/// `meta.plist`: what kind of store this is and its settings.
public struct StoreMeta: Codable, Sendable, Equatable {
    public var format: String
    public var schemaVersion: Int
    public var createdAt: Date
    public var createdBy: String
    /// A training or test store: `FRONTDESK_USER` and `FRONTDESK_NOW` are honoured.
    public var allowOverrides: Bool
    public var settings: StoreSettings

    public static let formatName = "frontdesk-store"

    public init(createdAt: Date, createdBy: String, allowOverrides: Bool, settings: StoreSettings = .defaults) {
        format = Self.formatName; schemaVersion = StoreSchema.current
        self.createdAt = createdAt; self.createdBy = createdBy
        self.allowOverrides = allowOverrides; self.settings = settings
    }
}

public enum StoreSchema {
    /// 1: roles were a list of admins in meta.plist. 2: roles are journaled changes (audited).
    /// 3: records, generations and month segments are hash-chained; manifest.plist lists history.
    public static let current = 3
}

/// `snapshot.plist`: the working set as of journal generation `generation`, sequence `seq`.
struct Snapshot: Codable {
    var schemaVersion: Int
    var generation: Int
    var seq: Int
    var savedAt: Date
    var state: OfficeState
    /// SHA-256 of the last journal frame before this generation: the first new record's `prev`.
    var headHash: Data?
}

/// `history/YYYY-MM.plist`: closed records of one month, read only by reports and history views.
public struct HistorySegment: Codable, Sendable, Equatable {
    public var schemaVersion: Int
    public var month: String
    public var meetings: [Meeting]
    public var visitors: [Visitor]
    public var moves: [StockMove]
    public var approvals: [ApprovalRequest]
    /// SHA-256 of the previous month segment's file (nil for the first, and before schema 3), so a
    /// removed or replaced segment in the middle of history is detected by `check`.
    public var previous: Data?
    /// Stock on hand per SKU at the start of the month (the previous month's closing), and after
    /// the month's moves: `openingStock` + the net of `moves` = `closingStock` for every SKU. For
    /// the month in progress, the closing is as of its last archived move. Written by compaction
    /// and `generate` (counted back from on hand, so no history is replayed); nil in segments
    /// written before balances existed, and then `stock ledger` replays the later moves instead.
    public var openingStock: [String: Int]?
    public var closingStock: [String: Int]?
    /// The paper trail's and the parcel desk's closed records (PaperTrailHistory.swift): closed
    /// documents by registration or drafting, ended notices by posting, returned or refused loans
    /// by request, collected, returned or sent parcels by arrival or hand-over. Absent (read as
    /// empty) in segments written before they were archived.
    public var documents: [Document] = []
    public var notices: [Notice] = []
    public var loans: [ArchiveLoan] = []
    public var parcels: [Parcel] = []

    public init(month: String) {
        schemaVersion = StoreSchema.current; self.month = month
        meetings = []; visitors = []; moves = []; approvals = []
    }

    public var count: Int { meetings.count + visitors.count + moves.count + approvals.count + paperTrailCount }

    /// Closed documents, notices, loans and parcels in the segment.
    public var paperTrailCount: Int { documents.count + notices.count + loans.count + parcels.count }

    /// Adds records, replacing any with the same id (compaction may be retried after a crash).
    mutating func merge(_ o: HistorySegment) {
        func m<T: Identifiable>(_ a: [T], _ b: [T]) -> [T] where T.ID == String {
            let ids = Set(b.map(\.id)); return a.filter { !ids.contains($0.id) } + b
        }
        meetings = m(meetings, o.meetings); visitors = m(visitors, o.visitors)
        moves = m(moves, o.moves); approvals = m(approvals, o.approvals)
        documents = m(documents, o.documents); notices = m(notices, o.notices); loans = m(loans, o.loans)
        parcels = Self.mergeParcels(parcels, o.parcels)
    }

    /// Parcels are not `Identifiable`; merged by id like the others.
    static func mergeParcels(_ a: [Parcel], _ b: [Parcel]) -> [Parcel] {
        let ids = Set(b.map(\.id)); return a.filter { !ids.contains($0.id) } + b
    }
}

extension HistorySegment {
    /// Foundation's reading: the paper-trail arrays are optional (older segments lack them).
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(month: try c.decode(String.self, forKey: .month))
        schemaVersion = try c.decode(Int.self, forKey: .schemaVersion)
        meetings = try c.decode([Meeting].self, forKey: .meetings)
        visitors = try c.decode([Visitor].self, forKey: .visitors)
        moves = try c.decode([StockMove].self, forKey: .moves)
        approvals = try c.decode([ApprovalRequest].self, forKey: .approvals)
        previous = try c.decodeIfPresent(Data.self, forKey: .previous)
        openingStock = try c.decodeIfPresent([String: Int].self, forKey: .openingStock)
        closingStock = try c.decodeIfPresent([String: Int].self, forKey: .closingStock)
        documents = try c.decodeIfPresent([Document].self, forKey: .documents) ?? []
        notices = try c.decodeIfPresent([Notice].self, forKey: .notices) ?? []
        loans = try c.decodeIfPresent([ArchiveLoan].self, forKey: .loans) ?? []
        parcels = try c.decodeIfPresent([Parcel].self, forKey: .parcels) ?? []
    }
}

/// The names of a store's files (relative to the store directory, or to `history/`), and their
/// full paths for messages. Files are opened by name through `StoreDirectory`, never by path.
struct StorePaths {
    let root: String
    static let lock = "store.lock"
    static let meta = "meta.plist"
    static let snapshot = "snapshot.plist"
    static let hooks = "hooks.plist"
    static let manifest = "manifest.plist"
    static let history = "history"
    static func journal(_ generation: Int) -> String { "journal." + Clock.zeroPadded(generation, 6) + ".log" }  // String(format:) costs a locale per call
    static func segment(_ month: String) -> String { "\(month).plist" }

    var lock: String { root + "/" + Self.lock }
    var meta: String { root + "/" + Self.meta }
    var snapshot: String { root + "/" + Self.snapshot }
    var hooks: String { root + "/" + Self.hooks }
    var manifest: String { root + "/" + Self.manifest }
    var history: String { root + "/" + Self.history }
    func journal(_ generation: Int) -> String { root + "/" + Self.journal(generation) }
    func archivedJournal(_ generation: Int) -> String { history + "/" + Self.journal(generation) }
    func segment(_ month: String) -> String { history + "/" + Self.segment(month) }
    func relative(_ path: String) -> String {
        path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
    }
}
