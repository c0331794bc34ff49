import Foundation

/// Why a change was not made, in words a person at the desk can act on.
/// Nothing is written when a change is refused.
public struct Refusal: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The input itself is wrong (unknown id, end before start): exit code 2.
        case invalid
        /// A business rule refuses it against the current state (room taken, badge out): exit code 3.
        case rule
        /// The acting user lacks the role for it: exit code 3.
        case permission
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) { self.kind = kind; self.message = message }

    public static func invalid(_ m: String) -> Refusal { Refusal(.invalid, m) }
    public static func rule(_ m: String) -> Refusal { Refusal(.rule, m) }
    public static func permission(_ m: String) -> Refusal { Refusal(.permission, m) }

    public var description: String { message }
}
