import Foundation

/// The approval queue: only approvers decide, nobody decides their own request, the chain is
/// followed in order, any rejection stops the request, enough approvals complete it.
extension OfficeState {
    func validateNewApproval(_ a: ApprovalRequest) throws(Refusal) {
        try requireText(a.title, "title")
        if approvals[a.id] != nil { throw .rule("Request \(a.id) exists already.") }
        if let amt = a.amount, amt < 0 || !amt.isFinite { throw .invalid("The amount must be a positive number.") }
        if a.type == .purchase && a.amount == nil { throw .invalid("A purchase request needs an amount.") }
        if let f = a.from, let t = a.to, t < f { throw .invalid("The period ends before it starts.") }
        if a.requiredApprovals < 1 { throw .invalid("At least one approval is required.") }
    }

    func validateDecision(_ id: String, _ d: Decision, _ ctx: RuleContext) throws(Refusal) {
        guard let a = approvals[id] else { throw .invalid("No approval request \(id).") }
        if a.status != .pending { throw .rule("Request \(id) is already \(a.status.rawValue).") }
        if d.by == a.requester { throw .permission("\(d.by) cannot decide their own request \(id).") }
        if !hasRole(d.by, .approver) {
            throw .permission("\(d.by) does not hold the approver role (frontdesk role grant \(d.by) approver).")
        }
        if a.decisions.contains(where: { $0.by == d.by }) { throw .rule("\(d.by) has already decided on \(id).") }
        if let next = a.nextApprover, next != d.by {
            throw .permission("Request \(id) is waiting for \(displayName(next)) first.")
        }
        if !a.approvers.isEmpty && !a.approvers.contains(d.by) && a.nextApprover == nil && a.approvers.count >= a.requiredApprovals {
            throw .permission("\(d.by) is not in the approval chain of \(id).")
        }
        if d.verdict == .reject { try requireText(d.comment ?? "", "comment giving the reason for the rejection") }
    }

    /// Who may decide this request now.
    public func isWaiting(_ a: ApprovalRequest, for user: String) -> Bool {
        guard a.status == .pending, a.requester != user, !a.decisions.contains(where: { $0.by == user }) else { return false }
        if let next = a.nextApprover { return next == user }
        return hasRole(user, .approver)
    }

    public func flags(of a: ApprovalRequest, at now: Date, _ s: StoreSettings, user: String) -> [DueFlag] {
        var f: [DueFlag] = []
        if a.status == .pending && now >= a.createdAt.addingTimeInterval(s.approvalOverdueAfter) { f.append(.approvalOverdue) }
        if isWaiting(a, for: user) { f.append(.waitingForYou) }
        return f.sorted()
    }
}
