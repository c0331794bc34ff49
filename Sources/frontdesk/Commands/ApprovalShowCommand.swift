import ArgumentParser
import Foundation
import FrontDeskKit

/// `approval show ID`: one request in full, with each step of its chain and every decision.
struct ApprovalShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "One request in full: its chain, who approved, what is still needed.")
    @OptionGroup var storeOptions: StoreOptions
    @Argument(completion: Completions.approvalIDs) var id: String
    @Flag(help: .json) var json = false

    func run() throws {
        let store = try storeOptions.open()
        let s = store.state, tz = store.env.timeZone
        guard let a = try store.approval(id: id) else { throw Refusal.invalid("No approval request \(id) (frontdesk approval list).", zh: "没有审批申请 \(id)（frontdesk approval list）。") }
        let progress = s.chainProgress(a)
        let needed = "\(s.approvalCount(a)) of \(a.requiredApprovals) approval(s) given" + (a.approvers.isEmpty ? "" : s.inOrder(a) ? ", in order" : ", any of the chain")
        if json {
            try Output.json([["id": a.id, "status": a.status.rawValue, "type": a.type.rawValue, "title": a.title, "requester": a.requester,
                              "createdAt": Output.iso(a.createdAt), "amount": a.amount ?? NSNull(), "from": Output.iso(a.from), "to": Output.iso(a.to),
                              "document": a.documentRef ?? NSNull(), "asset": a.asset ?? NSNull(), "requiredApprovals": a.requiredApprovals,
                              "approvals": s.approvalCount(a), "inOrder": s.inOrder(a),
                              "chain": progress.map { ["step": $0.step, "approvedBy": $0.approval?.by ?? NSNull()] as [String: Any] },
                              "waitingFor": s.openSteps(a),
                              "decisions": a.decisions.map { ["by": $0.by, "verdict": $0.verdict.rawValue, "comment": $0.comment ?? NSNull(),
                                                              "at": Output.iso($0.at)] as [String: Any] }] as [String: Any]])
            return
        }
        let rows: [(String, String?)] = [
            ("id", a.id), ("type", a.type.rawValue), ("title", a.title), ("requester", s.displayName(a.requester)),
            ("requested", Clock.dayHM(a.createdAt, tz)), ("amount", a.amount.map { String(format: "%.2f", $0) }),
            ("from", a.from.map { Clock.day($0, tz) }), ("to", a.to.map { Clock.day($0, tz) }), ("document", a.documentRef), ("asset", a.asset),
            ("status", a.status.rawValue), ("needs", needed),
            ("waiting for", s.openSteps(a).map(s.describeStep).joined(separator: " or ")),
        ]
        Output.table(["FIELD", "VALUE"], rows.compactMap { k, v in v.flatMap { $0.isEmpty ? nil : [k, $0] } })
        if !progress.isEmpty {
            print("")
            Output.table(["STEP", "APPROVED BY", "WHEN"], progress.map { p in
                [s.describeStep(p.step), p.approval.map { s.displayName($0.by) } ?? "–", p.approval.map { Clock.dayHM($0.at, tz) } ?? ""]
            })
        }
        if !a.decisions.isEmpty {
            print("")
            Output.table(["DECISION", "BY", "WHEN", "COMMENT"], a.decisions.map { d in
                [d.verdict.rawValue, s.displayName(d.by), Clock.dayHM(d.at, tz), d.comment ?? ""]
            })
        }
    }
}

/// `approval needs TYPE N`: how many of a request's chain must approve it ("N of these M").
struct ApprovalRuleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "needs", abstract: "Set how many of the chain must approve a type of request (admin).",
        discussion: "e.g. `approval needs leave 2`: a leave request with 3 approvers completes when any 2 approve. 0 restores the default: the whole chain, in order. Applies to requests raised from now on.")
    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "The type of request.") var type: ApprovalType
    @Argument(help: "How many approvals (0: the whole chain).") var count: Int

    func validate() throws {
        guard (0...50).contains(count) else { throw ValidationError("The count must be 0 to 50 (0: the whole chain).") }
    }

    func run() throws {
        let t = type
        let store = try storeOptions.open()
        try store.updateSettings(key: "approvalsNeeded.\(t.rawValue)", value: "\(count)") { $0.approvalsNeeded[t.rawValue] = count == 0 ? nil : count }
    }
}
