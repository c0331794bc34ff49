import Foundation

/// The kinds of record the store keeps; each has its id prefix.
public enum RecordKind: String, Codable, Sendable, CaseIterable {
    case room, meeting, action, visitor, item, move, approval, demand, purchase, document, assetCount, parcel
    case notice, archive, loan, staff

    public var idPrefix: String {
        switch self {
        case .room: "R"
        case .meeting: "M"
        case .action: "T"
        case .visitor: "V"
        case .item: "S"
        case .move: "K"
        case .approval: "A"
        case .demand: "D"
        case .purchase: "P"
        case .document: "W"
        case .assetCount: "G"
        case .parcel: "C"
        case .notice: "N"
        case .archive: "F"
        case .loan: "L"
        case .staff: "J"
        }
    }
}

/// A department of the organisation; visitors' hosts and supply recipients belong to one.
public struct Department: Codable, Sendable, Equatable, Hashable {
    public var name: String
    public var head: String?
    public init(name: String, head: String? = nil) { self.name = name; self.head = head }
}

/// A person the office knows: staff (hosts, organizers, approvers, recipients).
/// `login` is the Unix user name where the person has one; `name` is how people say it (李娜, Ann Lee).
public struct Person: Codable, Sendable, Equatable, Hashable {
    public var login: String
    public var name: String
    public var department: String?
    public var email: String?
    public init(login: String, name: String, department: String? = nil, email: String? = nil) {
        self.login = login; self.name = name; self.department = department; self.email = email
    }
}

/// The roles of the store, granted per Unix user (or per name on an override store).
public enum Role: String, Codable, Sendable, CaseIterable, Comparable {
    case frontdesk, lead, approver, admin
    public static func < (a: Role, b: Role) -> Bool { a.rawValue < b.rawValue }
}
