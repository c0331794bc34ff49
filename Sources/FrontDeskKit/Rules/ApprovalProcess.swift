import Foundation

/// The approval queue: only approvers decide, nobody decides their own request, any rejection
/// stops the request. A request needs `requiredApprovals` of its chain: the whole chain, in order
/// (the default), or "N of these M" in any order when the store's setting for the type says so.
extension OfficeState {
    func validateNewApproval(_ a: ApprovalRequest) throws(Refusal) {
        try requireText(a.title, "title")
        if approvals[a.id] != nil { throw .rule("Request \(a.id) exists already.", zh: "申请 \(a.id) 已存在。") }
        if let amt = a.amount, amt < 0 || !amt.isFinite || amt > OfficeState.maxAmount {
            throw .invalid("The amount must be a number from 0 to \(Int(OfficeState.maxAmount)).", zh: "金额必须是 0 到 \(Int(OfficeState.maxAmount)) 之间的数字。")
        }
        if a.type == .purchase && a.amount == nil { throw .invalid("A purchase request needs an amount.", zh: "采购申请需要填写金额。") }
        if let f = a.from, let t = a.to, t < f { throw .invalid("The period ends before it starts.", zh: "结束时间早于开始时间。") }
        if a.requiredApprovals < 1 { throw .invalid("At least one approval is required.", zh: "至少需要一个批准。") }
        if !a.approvers.isEmpty && a.requiredApprovals > a.approvers.count {
            throw .invalid("\(a.requiredApprovals) approvals are needed but only \(a.approvers.count) people are in the chain.", zh: "需要 \(a.requiredApprovals) 个批准，但审批链中只有 \(a.approvers.count) 人。")
        }
        try validateChain(a)
        switch a.type {
        case .leave, .overtime:
            if a.from == nil || a.to == nil { throw .invalid("A \(a.type.rawValue) request needs its dates (--from and --to).", zh: "\(ZH.type(a.type))申请需要填写日期（--from 和 --to）。") }
        case .document:
            if (a.documentRef ?? "").isEmpty { throw .invalid("A document routing request needs the document reference (--document).", zh: "公文流转申请需要填写文号（--document）。") }
        case .scrap:
            if (a.asset ?? "").isEmpty { throw .invalid("An asset scrapping request names the asset (--asset).", zh: "资产报废申请需要写明资产（--asset）。") }
            try validateScrapRequest(a)
        case .archiveLoan:
            if (a.documentRef ?? "").isEmpty { throw .invalid("An archive-loan request names the archive file.", zh: "档案借阅申请需要写明档案。") }
        case .writeOff:
            if (a.documentRef ?? "").isEmpty { throw .invalid("A write-off request names the leaver's checklist item.", zh: "核销申请需要写明离职清单项。") }
        case .purchase:
            break
        }
    }

    func validateDecision(_ id: String, _ d: Decision, _ ctx: RuleContext) throws(Refusal) {
        guard let a = approvals[id] else { throw .invalid("No approval request \(id).", zh: "没有审批申请 \(id)。") }
        if a.status != .pending { throw .rule("Request \(id) is already \(a.status.rawValue).", zh: "申请 \(id) 已经是“\(ZH.status(a.status))”状态。") }
        if d.by == a.requester { throw .permission("\(displayName(d.by)) cannot decide their own request \(id).", zh: "\(displayName(d.by)) 不能审批自己的申请 \(id)。") }
        if !hasRole(d.by, .approver) {
            let ask = adminNames.isEmpty ? "an admin" : "an admin (\(adminNames.joined(separator: ", ")))"
            throw .permission("\(d.by) does not hold the approver role. Ask \(ask) to run: frontdesk role grant \(d.by) approver", zh: "\(d.by) 没有审批人（approver）角色。请\(ZH.ask(adminNames))运行：frontdesk role grant \(d.by) approver")
        }
        if a.decisions.contains(where: { $0.by == d.by }) { throw .rule("\(displayName(d.by)) has already decided on \(id).", zh: "\(displayName(d.by)) 已经审批过 \(id)。") }
        if !a.approvers.isEmpty && !openSteps(a).contains(where: { chainEntry($0, matches: d.by) }) {
            if inOrder(a), let next = pendingStep(a) { throw .permission("Request \(id) is waiting for \(describeStep(next)) first.", zh: "申请 \(id) 需先由\(ZH.step(next, self))审批。") }
            throw .permission("Request \(id) waits for \(openSteps(a).map(describeStep).joined(separator: " or ")), not \(displayName(d.by)).", zh: "申请 \(id) 等待\(openSteps(a).map { ZH.step($0, self) }.joined(separator: "或"))审批，而不是 \(displayName(d.by))。")
        }
        if d.verdict == .reject { try requireText(d.comment ?? "", "comment giving the reason for the rejection") }
    }

    /// True when the chain is followed step by step (every step must approve); false for "N of these M".
    public func inOrder(_ a: ApprovalRequest) -> Bool { a.requiredApprovals >= a.approvers.count }

    /// Who may decide this request now.
    public func isWaiting(_ a: ApprovalRequest, for user: String) -> Bool {
        guard a.status == .pending, a.requester != user, hasRole(user, .approver),
              !a.decisions.contains(where: { $0.by == user }) else { return false }
        if a.approvers.isEmpty { return true }
        return openSteps(a).contains { chainEntry($0, matches: user) }
    }

    /// A chain entry is a login, or `role:NAME` for anyone holding that role.
    public func chainEntry(_ entry: String, matches user: String) -> Bool {
        if entry == user { return true }
        if entry.hasPrefix("role:"), let r = Role(rawValue: String(entry.dropFirst(5))) { return hasRole(user, r) }
        return false
    }

    /// Each step of the chain with the approval that met it (nil: not yet). Each approval meets one
    /// step only, so a department head who is also an admin still leaves the administration step to
    /// someone else.
    public func chainProgress(_ a: ApprovalRequest) -> [(step: String, approval: Decision?)] {
        var used = Set<Int>()
        return a.approvers.map { entry in
            guard let i = a.decisions.indices.first(where: {
                !used.contains($0) && a.decisions[$0].verdict == .approve && chainEntry(entry, matches: a.decisions[$0].by)
            }) else { return (entry, nil) }
            used.insert(i)
            return (entry, a.decisions[i])
        }
    }

    /// The chain's steps not yet met, in order; the next one alone when the chain is followed in order.
    public func openSteps(_ a: ApprovalRequest) -> [String] {
        guard a.status == .pending else { return [] }
        let open = chainProgress(a).filter { $0.approval == nil }.map(\.step)
        return inOrder(a) ? Array(open.prefix(1)) : open
    }

    /// The first step of the chain not yet approved.
    public func pendingStep(_ a: ApprovalRequest) -> String? {
        guard a.status == .pending else { return nil }
        return chainProgress(a).first { $0.approval == nil }?.step
    }

    /// Approvals counted towards `requiredApprovals`: met chain steps, or any approver's when there is no chain.
    public func approvalCount(_ a: ApprovalRequest) -> Int {
        a.approvers.isEmpty ? a.decisions.filter { $0.verdict == .approve }.count : chainProgress(a).filter { $0.approval != nil }.count
    }

    /// Someone other than the requester can meet every step of the chain (else it would wait forever).
    func validateChain(_ a: ApprovalRequest) throws(Refusal) {
        if Set(a.approvers).count != a.approvers.count { throw .invalid("An approver is named twice in the chain.", zh: "审批链中有审批人重复出现。") }
        let approvers = roles.filter { $0.value.contains(.approver) }.map(\.key).filter { $0 != a.requester }
        for entry in a.approvers where !approvers.contains(where: { chainEntry(entry, matches: $0) }) {
            if entry.hasPrefix("role:") {
                let r = entry.dropFirst(5)
                throw .rule("Nobody can approve for the \(r) role: that step needs someone other than the requester who holds both the \(r) and approver roles (frontdesk role grant USER approver).", zh: "没有人能以 \(r) 角色审批：这一步需要一位同时拥有 \(r) 和 approver 角色、且不是申请人的人员（frontdesk role grant 用户 approver）。")
            }
            throw .rule("\(displayName(entry)) cannot approve this request: an approver holds the approver role and is not the requester (frontdesk role grant \(entry) approver).", zh: "\(displayName(entry)) 不能审批此申请：审批人须拥有审批人（approver）角色，且不是申请人（frontdesk role grant \(entry) approver）。")
        }
    }

    public func describeStep(_ entry: String) -> String {
        entry.hasPrefix("role:") ? "someone with the \(entry.dropFirst(5)) role" : displayName(entry)
    }

    /// How many of `chain` must approve a request of `type`: the store's "N of these M" setting for
    /// the type (at most the chain's length), else the whole chain; 1 (any approver) without a chain.
    public static func approvalsNeeded(_ type: ApprovalType, chain: [String], _ s: StoreSettings) -> Int {
        let n = s.approvalsNeeded[type.rawValue]
        if chain.isEmpty { return max(1, n ?? 1) }
        return min(chain.count, max(1, n ?? chain.count))
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

// MARK: Builders, validation, application

extension OfficeState {
    /// A request of `type` routed for approval: a purchase follows the store's chain (department
    /// head, then administration), other types the approvers named; the number of approvals needed
    /// comes from the store's setting for the type.
    public func approvalRequest(type: ApprovalType, title: String, amount: Double?, from: Date?, to: Date?, approvers: [String],
                                document: String?, asset: String?, _ ctx: RuleContext) throws(Refusal) -> Change {
        if type == .purchase && !approvers.isEmpty {
            throw .invalid("A purchase follows the store's approval chain; approvers are named only for other requests.", zh: "采购申请按本库的审批链审批；只有其他申请才指定审批人。")
        }
        let chain = type == .purchase ? purchaseChain(requester: ctx.actor, amount: amount ?? 0, ctx.settings) : approvers
        var a = ApprovalRequest(id: ctx.env.ids.next(.approval, in: self), type: type, title: title, requester: ctx.actor, createdAt: ctx.now,
                                amount: amount, approvers: chain, requiredApprovals: Self.approvalsNeeded(type, chain: chain, ctx.settings))
        a.from = from; a.to = to
        a.documentRef = document; a.asset = asset
        return .requestApproval(a)
    }

    func validateApproval(_ change: Change, _ ctx: RuleContext) throws(Refusal) {
        switch change {
        case .requestApproval(let a):
            if a.type == .archiveLoan {
                throw .invalid("An archive-loan request is raised by lending the file: frontdesk archive lend FILE --to WHO --purpose … --due ….", zh: "档案借阅申请通过借出档案提交：frontdesk archive lend 档案 --to 借阅人 --purpose … --due …。")
            }
            if a.type == .writeOff {
                throw .invalid("A write-off request is raised from the leaver's checklist: frontdesk staff writeoff CHECKLIST ITEM --reason ….", zh: "核销申请通过离职清单提交：frontdesk staff writeoff 清单 项目 --reason …。")
            }
            try validateNewApproval(a)
        case .decideApproval(let id, let d): try validateDecision(id, d, ctx)
        default: throw .invalid("That is not an approval change.", zh: "这不是审批变更。")
        }
    }

    /// A rejection stops the request; it is approved once enough of the chain approved.
    mutating func applyApproval(_ change: Change) {
        switch change {
        case .requestApproval(let a):
            approvals[a.id] = a; bump(.approval, a.id)
            // A scrap request about a ledger asset is linked to it, so the decision scraps it.
            if a.type == .scrap, let tag = a.asset, assets[tag] != nil { assets[tag]?.scrapApprovalID = a.id }
        case .decideApproval(let id, let d):
            guard var a = approvals[id] else { return }
            a.decisions.append(d)
            if d.verdict == .reject {
                a.status = .rejected
            } else if approvalCount(a) >= a.requiredApprovals {
                a.status = .approved
            }
            approvals[id] = a
            approvalDecided(a, d)
            applyScrapDecision(a, at: d.at)
            if a.status != .pending, let pid = purchases.values.first(where: { $0.approvalID == id })?.id {
                purchases[pid]?.status = a.status == .approved ? .approved : .rejected
            }
            if a.type == .archiveLoan { applyLoanDecision(approvalID: id, status: a.status, at: d.at) }
            applyWriteOffDecision(a, at: d.at)
        default:
            break
        }
    }
}

// MARK: Steps

extension OfficeState {
    /// Approve or reject while the request waits for this approver; anyone may raise a request.
    func approvalSteps(_ a: ApprovalRequest?, _ ctx: RuleContext) -> [ProcessStep] {
        var out: [ProcessStep] = []
        if let a, isWaiting(a, for: ctx.actor) {
            out.append(ProcessStep(.approvalApprove, role: .approver))
            out.append(ProcessStep(.approvalReject, role: .approver))
        }
        out.append(ProcessStep(.approvalRequest))
        return out
    }
}
