import Foundation

public enum ApprovalType: String, Codable, Sendable, CaseIterable {
    case purchase, leave, overtime, document, scrap
    /// Lending a confidential archive file; raised by `archive lend`, never by hand.
    case archiveLoan = "archive-loan"
    /// Writing off what a leaver does not bring back; raised by `staff writeoff`, never by hand.
    case writeOff = "write-off"
}

public enum ApprovalStatus: String, Codable, Sendable, CaseIterable {
    case pending, approved, rejected, withdrawn
}

public enum Verdict: String, Codable, Sendable {
    case approve, reject
}

public struct Decision: Codable, Sendable, Equatable {
    public var by: String
    public var verdict: Verdict
    public var comment: String?
    public var at: Date
    public init(by: String, verdict: Verdict, comment: String?, at: Date) {
        self.by = by; self.verdict = verdict; self.comment = comment; self.at = at
    }
}

/// A request routed for approval: purchase, leave, overtime, document routing, asset scrapping.
public struct ApprovalRequest: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var type: ApprovalType
    public var title: String
    public var requester: String
    public var createdAt: Date
    public var amount: Double?
    public var from: Date?
    public var to: Date?
    public var documentRef: String?
    public var asset: String?
    /// Who must decide, in order (logins). Empty: anyone holding the approver role.
    public var approvers: [String]
    public var requiredApprovals: Int
    public var decisions: [Decision]
    public var status: ApprovalStatus

    public init(
        id: String, type: ApprovalType, title: String, requester: String, createdAt: Date,
        amount: Double? = nil, approvers: [String] = [], requiredApprovals: Int = 1
    ) {
        self.id = id; self.type = type; self.title = title; self.requester = requester
        self.createdAt = createdAt; self.amount = amount; self.approvers = approvers
        self.requiredApprovals = requiredApprovals; self.decisions = []; self.status = .pending
    }

    /// The first step of the chain without an approval by exactly that login (a `role:NAME`
    /// step shows as such). For display; `OfficeState.pendingStep` resolves roles.
    public var nextApprover: String? {
        guard status == .pending else { return nil }
        return approvers.first { who in !decisions.contains { $0.by == who && $0.verdict == .approve } }
    }
}
