import Foundation

/// Where a parcel is: an incoming one waits on a shelf until it is collected or returned to the
/// sender; an outgoing one is sent.
public enum ParcelStatus: String, Codable, Sendable, CaseIterable {
    case waiting, collected, returned, sent
}

/// A courier parcel the desk received (`incoming`) or sent (`!incoming`). Incoming parcels are for
/// a person (`recipient`, a login or a name) or a department; outgoing ones carry their cost in
/// cents and the department it is charged to.
public struct Parcel: Codable, Sendable, Equatable {
    public var id: String
    public var incoming: Bool
    public var carrier: String
    public var tracking: String
    /// Incoming: the person it is addressed to (login or name). Outgoing: who sends it.
    public var person: String?
    /// Incoming: the department it is addressed to, or the recipient's. Outgoing: the department charged.
    public var department: String?
    /// S, M, L or a description ("2 boxes").
    public var size: String?
    public var shelf: String?
    public var status: ParcelStatus
    /// Arrival (incoming) or hand-over to the courier (outgoing).
    public var at: Date
    /// The desk user who booked it in or out.
    public var by: String
    public var collectedAt: Date?
    /// The name of the person who took it away (not necessarily the recipient).
    public var collectedBy: String?
    public var returnedAt: Date?
    public var returnReason: String?
    /// Outgoing: the courier's charge in cents.
    public var costCents: Int?

    public init(id: String, incoming: Bool, carrier: String, tracking: String, person: String?, department: String?,
                size: String?, shelf: String?, status: ParcelStatus, at: Date, by: String) {
        self.id = id; self.incoming = incoming; self.carrier = carrier; self.tracking = tracking; self.person = person
        self.department = department; self.size = size; self.shelf = shelf; self.status = status; self.at = at; self.by = by
    }
}
