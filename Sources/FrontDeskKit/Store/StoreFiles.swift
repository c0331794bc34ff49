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
    public static let current = 2
}

/// `snapshot.plist`: the working set as of journal generation `generation`, sequence `seq`.
struct Snapshot: Codable {
    var schemaVersion: Int
    var generation: Int
    var seq: Int
    var savedAt: Date
    var state: OfficeState
}

/// `history/YYYY-MM.plist`: closed records of one month, read only by reports and history views.
public struct HistorySegment: Codable, Sendable, Equatable {
    public var schemaVersion: Int
    public var month: String
    public var meetings: [Meeting]
    public var visitors: [Visitor]
    public var moves: [StockMove]
    public var approvals: [ApprovalRequest]

    public init(month: String) {
        schemaVersion = StoreSchema.current; self.month = month
        meetings = []; visitors = []; moves = []; approvals = []
    }

    public var count: Int { meetings.count + visitors.count + moves.count + approvals.count }

    /// Adds records, replacing any with the same id (compaction may be retried after a crash).
    mutating func merge(_ o: HistorySegment) {
        func m<T: Identifiable>(_ a: [T], _ b: [T]) -> [T] where T.ID == String {
            let ids = Set(b.map(\.id)); return a.filter { !ids.contains($0.id) } + b
        }
        meetings = m(meetings, o.meetings); visitors = m(visitors, o.visitors)
        moves = m(moves, o.moves); approvals = m(approvals, o.approvals)
    }
}

/// Where each file of a store lives.
struct StorePaths {
    let root: String
    var lock: String { root + "/store.lock" }
    var meta: String { root + "/meta.plist" }
    var snapshot: String { root + "/snapshot.plist" }
    var hooks: String { root + "/hooks.plist" }
    var history: String { root + "/history" }
    func journal(_ generation: Int) -> String { root + String(format: "/journal.%06d.log", generation) }
    func archivedJournal(_ generation: Int) -> String { history + String(format: "/journal.%06d.log", generation) }
    func segment(_ month: String) -> String { history + "/\(month).plist" }
    func relative(_ path: String) -> String {
        path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
    }
}
