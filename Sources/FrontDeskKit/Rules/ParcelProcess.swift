import Foundation

/// Couriers and parcels (快递收发): an incoming parcel is booked in on a shelf (its recipient is
/// notified by the `parcel.in` hook), then collected by someone who gives their name, or returned
/// to the sender; one left longer than `parcelCollectWithin` is flagged. Outgoing parcels carry
/// sender, department, carrier, tracking number and cost (cents), summed per department per month.
extension OfficeState {
    func validateParcelChange(_ change: Change, _ ctx: RuleContext) throws(Refusal) {
        try requireRole(ctx, .frontdesk, to: "book parcels in and out")
        switch change {
        case .receiveParcel(let p):
            try validateParcelBasics(p)
            if !p.incoming || p.status != .waiting { throw .invalid("An incoming parcel starts waiting for collection.", zh: "收到的包裹应处于待领取状态。") }
            if (p.person ?? "").trimmingCharacters(in: .whitespaces).isEmpty && (p.department ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                throw .invalid("Say who the parcel is for: a person (--to) or a department (--dept).", zh: "请写明收件人：个人（--to）或部门（--dept）。")
            }
            if let same = parcels.values.first(where: { $0.incoming && $0.status == .waiting && $0.carrier.lowercased() == p.carrier.lowercased() && $0.tracking == p.tracking }) {
                throw .rule("\(p.carrier) \(p.tracking) is on the shelf already as \(same.id)\(same.shelf.map { " (shelf \($0))" } ?? "").",
                            zh: "\(p.carrier) \(p.tracking) 已作为 \(same.id) 在架上\(same.shelf.map { "（\($0) 号架）" } ?? "")。")
            }
        case .sendParcel(let p):
            try validateParcelBasics(p)
            if p.incoming || p.status != .sent { throw .invalid("An outgoing parcel is recorded as sent.", zh: "寄出的包裹应记为已寄出。") }
            try requireText(p.person ?? "", "sender"); try requireText(p.department ?? "", "department")
            guard let cost = p.costCents else { throw .invalid("Give the courier's charge (--cost).", zh: "请填写快递费用（--cost）。") }
            if cost < 0 || cost > Self.maxCents { throw .invalid("The cost must be between 0 and \(Self.maxCents / 100).", zh: "费用必须在 0 到 \(Self.maxCents / 100) 之间。") }
        case .collectParcel(let id, let collector, _):
            _ = try waitingParcel(id)
            try requireText(collector, "collector's name")
        case .returnParcel(let id, let reason, _):
            _ = try waitingParcel(id)
            try requireText(reason, "reason")
        default:
            throw .invalid("That is not a parcel change.", zh: "这不是包裹变更。")
        }
    }

    func validateParcelBasics(_ p: Parcel) throws(Refusal) {
        if parcels[p.id] != nil { throw .rule("Parcel \(p.id) exists already.", zh: "包裹 \(p.id) 已存在。") }
        try requireText(p.carrier, "carrier"); try requireText(p.tracking, "tracking number")
    }

    /// An incoming parcel still on the shelf, or the refusal that says where it went.
    func waitingParcel(_ id: String) throws(Refusal) -> Parcel {
        guard let p = parcels[id], p.incoming else { throw .invalid("No incoming parcel \(id) (frontdesk parcel list).", zh: "没有收到的包裹 \(id)（frontdesk parcel list）。") }
        switch p.status {
        case .waiting: return p
        case .collected: throw .rule("Parcel \(id) was collected by \(p.collectedBy ?? "?") already.", zh: "包裹 \(id) 已由 \(p.collectedBy ?? "?") 领取。")
        case .returned: throw .rule("Parcel \(id) was returned to the sender.", zh: "包裹 \(id) 已退回寄件人。")
        case .sent: throw .invalid("Parcel \(id) is an outgoing one.", zh: "包裹 \(id) 是寄出的包裹。")
        }
    }

    mutating func applyParcelChange(_ change: Change) {
        switch change {
        case .receiveParcel(let p), .sendParcel(let p):
            parcels[p.id] = p; bump(.parcel, p.id)
        case .collectParcel(let id, let collector, let at):
            parcels[id]?.status = .collected; parcels[id]?.collectedBy = collector; parcels[id]?.collectedAt = at
        case .returnParcel(let id, let reason, let at):
            parcels[id]?.status = .returned; parcels[id]?.returnReason = reason; parcels[id]?.returnedAt = at
        default:
            break
        }
    }

    /// Flags of a parcel at `now`: waiting for `parcelCollectWithin` or longer.
    public func flags(of p: Parcel, at now: Date, _ s: StoreSettings) -> [DueFlag] {
        p.incoming && p.status == .waiting && now >= p.at.addingTimeInterval(s.parcelCollectWithin) ? [.parcelOverdue] : []
    }

    /// Incoming parcels waiting for collection (the home status bar counts them).
    public var parcelsWaiting: Int { parcels.values.reduce(0) { $0 + ($1.incoming && $1.status == .waiting ? 1 : 0) } }
}

// MARK: Builders

extension OfficeState {
    /// An incoming parcel for `person` (login or name) and/or `department`; a known person's
    /// department is filled in when none is given.
    public func parcelIn(carrier: String, tracking: String, person: String?, department: String?, size: String?, shelf: String?,
                         _ ctx: RuleContext) -> Change {
        let dept = department ?? person.flatMap { people[$0]?.department }
        return .receiveParcel(Parcel(id: ctx.env.ids.next(.parcel, in: self), incoming: true, carrier: carrier, tracking: tracking,
                                     person: person, department: dept, size: size, shelf: shelf, status: .waiting, at: ctx.now, by: ctx.actor))
    }

    /// An outgoing parcel handed to the courier, charged to `department`.
    public func parcelOut(sender: String, department: String, carrier: String, tracking: String, costCents: Int, _ ctx: RuleContext) -> Change {
        var p = Parcel(id: ctx.env.ids.next(.parcel, in: self), incoming: false, carrier: carrier, tracking: tracking, person: sender,
                       department: department, size: nil, shelf: nil, status: .sent, at: ctx.now, by: ctx.actor)
        p.costCents = costCents
        return .sendParcel(p)
    }

    // MARK: Steps (the dashboard's actions menu)

    /// Steps on parcel `p`, all the desk's: collect or return it while it waits on the shelf;
    /// booking one in or out is always there.
    func parcelSteps(_ p: Parcel?, _ ctx: RuleContext) -> [ProcessStep] {
        var out: [ProcessStep] = []
        if let p, p.incoming, p.status == .waiting {
            out += [ProcessStep(.parcelCollect, role: .frontdesk), ProcessStep(.parcelReturn, role: .frontdesk)]
        }
        return out + [ProcessStep(.parcelIn, role: .frontdesk), ProcessStep(.parcelOut, role: .frontdesk)]
    }

    // MARK: Hooks

    /// Hook values of a committed parcel change (see `ParcelHooks.placeholders`), or nil when the
    /// change is not about a parcel. `recipient` is the person's login (or name) else the department.
    public func parcelHookValues(_ change: Change, timeZone tz: TimeZone) -> [String: String]? {
        guard ParcelHooks.events.contains(change.name), let p = parcels[change.subject] else { return nil }
        let who = p.person ?? p.department ?? ""
        return ["parcel": p.id, "id": p.id, "event": change.name, "recipient": who, "email": p.person.flatMap { people[$0]?.email } ?? "",
                "carrier": p.carrier, "tracking": p.tracking, "shelf": p.shelf ?? "", "time": Clock.dayHM(p.at, tz),
                "host": p.person ?? ""]
    }
}

/// The hook events of the parcel process and the placeholders their commands may use.
public enum ParcelHooks {
    public static let events = ["parcel.in", "parcel.collect", "parcel.return"]
    public static let placeholders = ["parcel", "recipient", "email", "carrier", "tracking", "shelf"]
}

/// Courier cost per department for one month (outgoing parcels sent in it), in cents.
public struct ParcelCosts: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        public var department: String
        public var parcels: Int
        public var costCents: Int
    }
    public var month: String
    public var lines: [Line]
    public var totalCents: Int { lines.reduce(0) { $0 + $1.costCents } }

    /// Outgoing parcels whose hand-over falls in [`start`, `end`), summed per department, largest first.
    public init(state: OfficeState, month: String, start: Date, end: Date) {
        self.month = month
        var by: [String: Line] = [:]
        for p in state.parcels.values where !p.incoming && p.at >= start && p.at < end {
            let d = p.department ?? ""
            by[d, default: Line(department: d, parcels: 0, costCents: 0)].parcels += 1
            by[d]?.costCents += p.costCents ?? 0
        }
        lines = by.values.sorted { ($0.costCents, $1.department) > ($1.costCents, $0.department) }
    }
}
