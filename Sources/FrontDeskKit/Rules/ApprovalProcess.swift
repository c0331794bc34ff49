import Foundation

/// The approval queue: only approvers decide, nobody decides their own request, the chain is
/// followed in order, any rejection stops the request, enough approvals complete it.
extension OfficeState {
    func validateNewApproval(_ a: ApprovalRequest) throws(Refusal) {
        try requireText(a.title, "title")
        if approvals[a.id] != nil { throw .rule("Request \(a.id) exists already.") }
        if let amt = a.amount, amt < 0 || !amt.isFinite || amt > OfficeState.maxAmount {
            throw .invalid("The amount must be a number from 0 to \(Int(OfficeState.maxAmount)).")
        }
        if a.type == .purchase && a.amount == nil { throw .invalid("A purchase request needs an amount.") }
        if let f = a.from, let t = a.to, t < f { throw .invalid("The period ends before it starts.") }
        if a.requiredApprovals < 1 { throw .invalid("At least one approval is required.") }
        try validateChain(a)
        switch a.type {
        case .leave, .overtime:
            if a.from == nil || a.to == nil { throw .invalid("A \(a.type.rawValue) request needs its dates (--from and --to).") }
        case .document:
            if (a.documentRef ?? "").isEmpty { throw .invalid("A document routing request needs the document reference (--document).") }
        case .scrap:
            if (a.asset ?? "").isEmpty { throw .invalid("An asset scrapping request names the asset (--asset).") }
        case .purchase:
            break
        }
    }

    func validateDecision(_ id: String, _ d: Decision, _ ctx: RuleContext) throws(Refusal) {
        guard let a = approvals[id] else { throw .invalid("No approval request \(id).") }
        if a.status != .pending { throw .rule("Request \(id) is already \(a.status.rawValue).") }
        if d.by == a.requester { throw .permission("\(d.by) cannot decide their own request \(id).") }
        if !hasRole(d.by, .approver) {
            throw .permission("\(d.by) does not hold the approver role (frontdesk role grant \(d.by) approver).")
        }
        if a.decisions.contains(where: { $0.by == d.by }) { throw .rule("\(d.by) has already decided on \(id).") }
        if let next = pendingStep(a), !chainEntry(next, matches: d.by) {
            throw .permission("Request \(id) is waiting for \(describeStep(next)) first.")
        }
        if d.verdict == .reject { try requireText(d.comment ?? "", "comment giving the reason for the rejection") }
    }

    /// Who may decide this request now.
    public func isWaiting(_ a: ApprovalRequest, for user: String) -> Bool {
        guard a.status == .pending, a.requester != user, hasRole(user, .approver),
              !a.decisions.contains(where: { $0.by == user }) else { return false }
        if let next = pendingStep(a) { return chainEntry(next, matches: user) }
        return true
    }

    /// A chain entry is a login, or `role:NAME` for anyone holding that role.
    public func chainEntry(_ entry: String, matches user: String) -> Bool {
        if entry == user { return true }
        if entry.hasPrefix("role:"), let r = Role(rawValue: String(entry.dropFirst(5))) { return hasRole(user, r) }
        return false
    }

    /// The first step of the chain not yet approved. Each approval meets one step only, so a
    /// department head who is also an admin still leaves the administration step to someone else.
    public func pendingStep(_ a: ApprovalRequest) -> String? {
        guard a.status == .pending else { return nil }
        var used = Set<Int>()
        for entry in a.approvers {
            guard let i = a.decisions.indices.first(where: {
                !used.contains($0) && a.decisions[$0].verdict == .approve && chainEntry(entry, matches: a.decisions[$0].by)
            }) else { return entry }
            used.insert(i)
        }
        return nil
    }

    /// Someone other than the requester can meet every step of the chain (else it would wait forever).
    func validateChain(_ a: ApprovalRequest) throws(Refusal) {
        if Set(a.approvers).count != a.approvers.count { throw .invalid("An approver is named twice in the chain.") }
        let approvers = roles.filter { $0.value.contains(.approver) }.map(\.key).filter { $0 != a.requester }
        for entry in a.approvers where !approvers.contains(where: { chainEntry(entry, matches: $0) }) {
            throw .rule("Nobody can approve the step \(describeStep(entry)): it needs someone other than the requester with the approver role (frontdesk role grant USER approver).")
        }
    }

    public func describeStep(_ entry: String) -> String {
        entry.hasPrefix("role:") ? "someone with the \(entry.dropFirst(5)) role" : displayName(entry)
    }

    /// The approval chain for a purchase: the requester's department head, then administration
    /// (anyone with the admin role) when the amount is over the threshold.
    public func purchaseChain(requester: String, amount: Double, _ s: StoreSettings) -> [String] {
        var chain: [String] = []
        if let dept = people[requester]?.department, let head = departments[dept]?.head, head != requester { chain.append(head) }
        if amount > s.purchaseAdminThreshold { chain.append("role:admin") }
        return chain
    }

    public func flags(of a: ApprovalRequest, at now: Date, _ s: StoreSettings, user: String) -> [DueFlag] {
        var f: [DueFlag] = []
        if a.status == .pending && now >= a.createdAt.addingTimeInterval(s.approvalOverdueAfter) { f.append(.approvalOverdue) }
        if isWaiting(a, for: user) { f.append(.waitingForYou) }
        return f.sorted()
    }
}

// MARK: Steps

extension OfficeState {
    /// Approve or reject while the request waits for this approver's step; anyone may raise a request.
    func approvalSteps(_ a: ApprovalRequest?, _ ctx: RuleContext) -> [ProcessStep] {
        var out: [ProcessStep] = []
        if let a, a.status == .pending, a.requester != ctx.actor {
            out.append(ProcessStep(.approvalApprove, role: .approver))
            out.append(ProcessStep(.approvalReject, role: .approver))
        }
        out.append(ProcessStep(.approvalRequest))
        return out
    }
}
