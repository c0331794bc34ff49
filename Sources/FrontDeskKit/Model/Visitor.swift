import Foundation

/// Where a visit is in the reception process.
public enum VisitorStatus: String, Codable, Sendable, CaseIterable {
    case expected   // appointment received; confirm time, head count, identity, purpose within 1 h
    case confirmed  // confirmed and the host department told
    case arrived    // in the lobby, waiting for identity check / the host
    case onSite     // identity checked, badge issued, with the host
    case left       // gone; the badge must come back
    case closed     // badge returned (or recorded lost), outcome recorded
    case cancelled
    case noShow

    /// The state in a sentence's words ("V3 is on site").
    public var words: String {
        switch self {
        case .expected: "expected"
        case .confirmed: "confirmed"
        case .arrived: "waiting in the lobby"
        case .onSite: "on site"
        case .left: "gone with a badge still out"
        case .closed: "gone"
        case .cancelled: "cancelled"
        case .noShow: "a no-show"
        }
    }

    /// The pane's groups: expected / waiting in lobby / on site / left.
    public var group: VisitorGroup {
        switch self {
        case .expected, .confirmed: .expected
        case .arrived: .waiting
        case .onSite: .onSite
        case .left, .closed, .cancelled, .noShow: .done
        }
    }
}

public enum VisitorGroup: Int, Codable, Sendable, CaseIterable, Comparable {
    case waiting, onSite, expected, done
    public static func < (a: VisitorGroup, b: VisitorGroup) -> Bool { a.rawValue < b.rawValue }
}

public struct Visitor: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var name: String
    public var company: String?
    public var purpose: String?
    /// The host: a person's login or name.
    public var host: String
    public var expectedAt: Date
    public var headCount: Int
    public var status: VisitorStatus
    public var receivedAt: Date
    public var confirmedAt: Date?
    public var arrivedAt: Date?
    public var checkedInAt: Date?
    public var leftAt: Date?
    /// Badges handed out (one per head for a group visit).
    public var badges: [String]
    /// Badges not yet returned.
    public var badgesOut: [String]
    /// Stored in full, shown masked except to admins.
    public var idNumber: String?
    public var outcome: String?
    /// A lead's decision on a visitor who matched the watch list.
    public var watchDecision: WatchDecision?

    public init(
        id: String, name: String, company: String? = nil, purpose: String? = nil, host: String,
        expectedAt: Date, headCount: Int = 1, status: VisitorStatus = .expected, receivedAt: Date,
        idNumber: String? = nil
    ) {
        self.id = id; self.name = name; self.company = company; self.purpose = purpose; self.host = host
        self.expectedAt = expectedAt; self.headCount = headCount; self.status = status
        self.receivedAt = receivedAt; self.badges = []; self.badgesOut = []; self.idNumber = idNumber
    }

    /// The identity number with all but the last 4 characters hidden.
    public var maskedIDNumber: String? { idNumber.map(Self.mask) }

    /// An identity number with all but the last 4 characters hidden.
    public static func mask(_ n: String) -> String {
        let keep = n.suffix(4)
        return String(repeating: "•", count: max(0, n.count - keep.count)) + keep
    }
}

public enum BadgeState: String, Codable, Sendable {
    case available, issued, lost
}

/// A temporary visitor badge from the pool.
public struct Badge: Codable, Sendable, Equatable, Identifiable {
    public var id: String      // the code printed on it, e.g. V001
    public var state: BadgeState
    public var visitorID: String?
    public var issuedAt: Date?
    public init(id: String, state: BadgeState = .available, visitorID: String? = nil, issuedAt: Date? = nil) {
        self.id = id; self.state = state; self.visitorID = visitorID; self.issuedAt = issuedAt
    }
}

/// A name or identity number the desk must not let in without a lead's decision.
public struct WatchEntry: Codable, Sendable, Equatable {
    public var name: String?
    public var idNumber: String?
    public var reason: String
    public var addedBy: String
    public var addedAt: Date
    public init(name: String?, idNumber: String?, reason: String, addedBy: String, addedAt: Date) {
        self.name = name; self.idNumber = idNumber; self.reason = reason; self.addedBy = addedBy; self.addedAt = addedAt
    }

    func matches(name n: String, idNumber id: String?) -> Bool {
        if let w = name, w.lowercased() == n.trimmingCharacters(in: .whitespaces).lowercased() { return true }
        if let w = idNumber, let id, w == id { return true }
        return false
    }
}

public struct WatchDecision: Codable, Sendable, Equatable {
    public var allowed: Bool
    public var by: String
    public var at: Date
    public var comment: String?
    public init(allowed: Bool, by: String, at: Date, comment: String?) {
        self.allowed = allowed; self.by = by; self.at = at; self.comment = comment
    }
}

/// What the desk remembers of a visitor who came before, to offer when the name is typed again.
public struct ReturningVisitor: Codable, Sendable, Equatable {
    public var name: String
    public var company: String?
    public var lastHost: String
    public var lastVisit: Date
}
