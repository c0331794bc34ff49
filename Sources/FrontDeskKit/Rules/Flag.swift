import Foundation

/// A due or overdue condition on a record, computed from (record, now, settings).
/// Names of overdue conditions contain "Overdue" so scripts can match on it.
public enum DueFlag: String, Codable, Sendable, CaseIterable, Comparable {
    // Meetings
    case confirmDue, confirmOverdue
    case roomCheckDue, roomCheckOverdue
    case minutesDue, minutesOverdue
    case actionOverdue
    case unclaimed
    /// External guests who have not replied, within a day of the meeting.
    case guestReplyDue
    // Visitors
    case waitOverdue
    /// Past the expected time (plus the lobby wait limit) and not arrived: call them or the host.
    case late
    case badgeOverdue
    case badgeLost
    /// The visitor matches the watch list and waits for a lead's decision before a badge is issued.
    case watchDecisionDue
    // Stock
    case belowReorder, outOfStock
    // Approvals
    case approvalOverdue, waitingForYou
    // Documents
    /// A leader's decision on an incoming document is past its due time (by urgency).
    case decisionOverdue
    /// Any other step of a document is past its due time.
    case documentOverdue
    // Assets and parcels
    /// Under repair longer than `StoreSettings.assetRepairOverdueAfter`.
    case repairOverdue
    /// An incoming parcel not collected within `StoreSettings.parcelCollectWithin`.
    case parcelOverdue
    // Joiners and leavers
    /// A joiner's item not issued by the start of their first day.
    case joinerOverdue
    /// A leaver's item not recovered or written off by the end of their last day.
    case leaverOverdue
    // Notices
    /// A notice shown to you that you have not acknowledged.
    case ackDue
    // Archives
    /// A lent file not back by its due time.
    case loanOverdue
    /// A file came back with pages or attachments missing.
    case returnIncomplete
    /// A file past its retention period: review it (keep, transfer or destroy by hand).
    case retentionDue

    public var isOverdue: Bool {
        switch self {
        case .confirmOverdue, .roomCheckOverdue, .minutesOverdue, .actionOverdue, .waitOverdue,
             .badgeOverdue, .approvalOverdue, .outOfStock, .unclaimed, .badgeLost, .decisionOverdue, .documentOverdue,
             .repairOverdue, .parcelOverdue, .loanOverdue, .joinerOverdue, .leaverOverdue:
            true
        default:
            false
        }
    }

    public static func < (a: DueFlag, b: DueFlag) -> Bool {
        (a.isOverdue ? 0 : 1, a.rawValue) < (b.isOverdue ? 0 : 1, b.rawValue)
    }
}
