import Foundation

/// The store's settings, kept in `meta.plist`. Every time limit of the seed lives here with the
/// seed's value as default, so an office can tune them without a new release.
public struct StoreSettings: Codable, Sendable, Equatable {
    /// Confirm a visitor's appointment within this many seconds of receiving it (seed: 1 h).
    public var visitorConfirmWithin: TimeInterval = 3600
    /// Confirm a meeting request within this (seed: 24 h).
    public var meetingConfirmWithin: TimeInterval = 86_400
    /// Be in the room and test equipment this long before start (seed: 15 min).
    public var roomCheckBefore: TimeInterval = 900
    /// Minutes approved and sent within this after the end (seed: 48 h).
    public var minutesWithin: TimeInterval = 172_800
    /// A visitor waiting in the lobby longer than this is flagged.
    public var lobbyWaitLimit: TimeInterval = 900
    /// A booked room not claimed this long after start is released as a no-show.
    public var noShowAfter: TimeInterval = 900
    /// Pending approvals older than this are overdue.
    public var approvalOverdueAfter: TimeInterval = 172_800
    /// Hour of the day (office time) at which badges still out are overdue.
    public var dayEndHour: Int = 18
    /// Working hours drawn on the meeting timeline.
    public var workdayStartHour: Int = 8
    public var workdayEndHour: Int = 19
    /// Purchases at or under this amount with the designated supplier need only one quote.
    public var smallPurchaseLimit: Double = 500
    public var designatedSupplier: String?
    /// Purchases over this amount need the administration's approval after the department head.
    public var purchaseAdminThreshold: Double = 5000
    /// Days after which visitors' personal data is purged from history.
    public var retentionDays: Int = 180

    /// A check-in needs an identity number on record (typed at the desk or registered before).
    public var checkInNeedsIdentity: Bool = true
    /// The office's time zone (an IANA name such as `Asia/Shanghai`): "today", due times and every
    /// time shown are in it for every desk user. Unset: each process's `TZ`.
    public var timeZone: String?
    /// Per approval type (its raw value): how many of the chain must approve ("N of these M").
    /// Missing: every step of the chain, in order.
    public var approvalsNeeded: [String: Int] = [:]
    /// The document register's numbers and due times (see `DocumentSettings`).
    public var documents = DocumentSettings()
    /// An asset under repair longer than this is flagged (default 14 days).
    public var assetRepairOverdueAfter: TimeInterval = 14 * 86_400
    /// An incoming parcel not collected this long after it arrived is flagged (default 3 days).
    public var parcelCollectWithin: TimeInterval = 3 * 86_400
    /// An archive loan given without a due date is due at the office day's end this many days on (default 14).
    public var archiveLoanDays: Int = 14
    /// Useful life in whole years per asset category, for straight-line book value.
    public var assetUsefulYears: [String: Int] = [:]
    /// Useful life of a category not listed in `assetUsefulYears`.
    public var assetDefaultUsefulYears: Int = 5

    public init() {}

    // Decoding tolerates missing keys, so a store written before a setting existed keeps working.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = StoreSettings.defaults
        visitorConfirmWithin = try c.decodeIfPresent(TimeInterval.self, forKey: .visitorConfirmWithin) ?? d.visitorConfirmWithin
        meetingConfirmWithin = try c.decodeIfPresent(TimeInterval.self, forKey: .meetingConfirmWithin) ?? d.meetingConfirmWithin
        roomCheckBefore = try c.decodeIfPresent(TimeInterval.self, forKey: .roomCheckBefore) ?? d.roomCheckBefore
        minutesWithin = try c.decodeIfPresent(TimeInterval.self, forKey: .minutesWithin) ?? d.minutesWithin
        lobbyWaitLimit = try c.decodeIfPresent(TimeInterval.self, forKey: .lobbyWaitLimit) ?? d.lobbyWaitLimit
        noShowAfter = try c.decodeIfPresent(TimeInterval.self, forKey: .noShowAfter) ?? d.noShowAfter
        approvalOverdueAfter = try c.decodeIfPresent(TimeInterval.self, forKey: .approvalOverdueAfter) ?? d.approvalOverdueAfter
        dayEndHour = try c.decodeIfPresent(Int.self, forKey: .dayEndHour) ?? d.dayEndHour
        workdayStartHour = try c.decodeIfPresent(Int.self, forKey: .workdayStartHour) ?? d.workdayStartHour
        workdayEndHour = try c.decodeIfPresent(Int.self, forKey: .workdayEndHour) ?? d.workdayEndHour
        smallPurchaseLimit = try c.decodeIfPresent(Double.self, forKey: .smallPurchaseLimit) ?? d.smallPurchaseLimit
        designatedSupplier = try c.decodeIfPresent(String.self, forKey: .designatedSupplier)
        purchaseAdminThreshold = try c.decodeIfPresent(Double.self, forKey: .purchaseAdminThreshold) ?? d.purchaseAdminThreshold
        retentionDays = try c.decodeIfPresent(Int.self, forKey: .retentionDays) ?? d.retentionDays
        checkInNeedsIdentity = try c.decodeIfPresent(Bool.self, forKey: .checkInNeedsIdentity) ?? d.checkInNeedsIdentity
        approvalsNeeded = try c.decodeIfPresent([String: Int].self, forKey: .approvalsNeeded) ?? d.approvalsNeeded
        timeZone = try c.decodeIfPresent(String.self, forKey: .timeZone)
        documents = try c.decodeIfPresent(DocumentSettings.self, forKey: .documents) ?? d.documents
        assetRepairOverdueAfter = try c.decodeIfPresent(TimeInterval.self, forKey: .assetRepairOverdueAfter) ?? d.assetRepairOverdueAfter
        parcelCollectWithin = try c.decodeIfPresent(TimeInterval.self, forKey: .parcelCollectWithin) ?? d.parcelCollectWithin
        archiveLoanDays = try c.decodeIfPresent(Int.self, forKey: .archiveLoanDays) ?? d.archiveLoanDays
        assetUsefulYears = try c.decodeIfPresent([String: Int].self, forKey: .assetUsefulYears) ?? d.assetUsefulYears
        assetDefaultUsefulYears = try c.decodeIfPresent(Int.self, forKey: .assetDefaultUsefulYears) ?? d.assetDefaultUsefulYears
    }

    public static let defaults = StoreSettings()
}
