import Foundation
import Testing
@testable import FrontDeskKit

/// "N of these M": a request completes when the number of approvals its type needs is reached.
@Suite("Approvals: N of the chain")
struct ApprovalQuorumTests {
    static let tz = TimeZone(identifier: "Asia/Shanghai") ?? .current
    static func at(_ s: String) -> Date { DateInput.parseDateTime(s, tz) ?? Date() }

    func ctx(_ user: String, _ settings: StoreSettings = .defaults) -> RuleContext {
        RuleContext(env: .fixed(at: Self.at("2026-11-30 09:00"), user: user, timeZone: Self.tz), settings: settings)
    }

    func office() -> OfficeState {
        var s = OfficeState()
        for u in ["ann", "bob", "cai"] { s.apply(.grantRole(user: u, role: .approver)) }
        return s
    }

    func leave(_ s: OfficeState, _ settings: StoreSettings) throws -> Change {
        try s.approvalRequest(type: .leave, title: "Leave 3 days", amount: nil, from: Self.at("2026-12-01 00:00"), to: Self.at("2026-12-03 00:00"),
                              approvers: ["ann", "bob", "cai"], document: nil, asset: nil, ctx("tom", settings))
    }

    func decide(_ s: inout OfficeState, _ by: String, _ v: Verdict = .approve, _ settings: StoreSettings = .defaults) throws {
        let c = Change.decideApproval(requestID: "A1", decision: Decision(by: by, verdict: v, comment: v == .reject ? "no" : nil, at: Self.at("2026-11-30 10:00")))
        try s.validate(c, ctx(by, settings)); s.apply(c)
    }

    @Test func twoOfThreeCompleteTheRequestInAnyOrder() throws {
        var settings = StoreSettings.defaults
        settings.approvalsNeeded["leave"] = 2
        var s = office()
        let c = try leave(s, settings)
        guard case .requestApproval(let a) = c else { Issue.record("not a request"); return }
        #expect(a.requiredApprovals == 2 && a.approvers.count == 3)
        try s.validate(c, ctx("tom", settings)); s.apply(c)
        #expect(s.isWaiting(try #require(s.approvals["A1"]), for: "cai"), "any of the chain may decide")
        try decide(&s, "cai")
        #expect(s.approvals["A1"]?.status == .pending)
        try decide(&s, "ann")
        #expect(s.approvals["A1"]?.status == .approved, "2 of 3 approved")
        #expect(s.approvalCount(try #require(s.approvals["A1"])) == 2)
    }

    @Test func withoutTheSettingTheWholeChainApprovesInOrder() throws {
        var s = office()
        let c = try leave(s, .defaults)
        try s.validate(c, ctx("tom")); s.apply(c)
        #expect(s.approvals["A1"]?.requiredApprovals == 3)
        #expect(throws: Refusal.self) { try decide(&s, "cai") }
        try decide(&s, "ann"); try decide(&s, "bob")
        #expect(s.approvals["A1"]?.status == .pending)
        try decide(&s, "cai")
        #expect(s.approvals["A1"]?.status == .approved)
    }

    @Test func oneRejectionStopsAQuorumRequest() throws {
        var settings = StoreSettings.defaults
        settings.approvalsNeeded["leave"] = 2
        var s = office()
        let c = try leave(s, settings)
        try s.validate(c, ctx("tom", settings)); s.apply(c)
        try decide(&s, "bob", .reject, settings)
        #expect(s.approvals["A1"]?.status == .rejected)
        #expect(throws: Refusal.self) { try decide(&s, "ann", .approve, settings) }
    }

    @Test func theSettingNeverAsksForMoreThanTheChain() {
        var settings = StoreSettings.defaults
        settings.approvalsNeeded["scrap"] = 5
        #expect(OfficeState.approvalsNeeded(.scrap, chain: ["ann", "bob"], settings) == 2)
        #expect(OfficeState.approvalsNeeded(.scrap, chain: [], settings) == 5, "without a chain: that many approvers")
        #expect(OfficeState.approvalsNeeded(.leave, chain: ["ann", "bob"], settings) == 2)
    }

    @Test func anUnmeetableChainIsExplainedInPlainWords() throws {
        var s = OfficeState()
        s.apply(.grantRole(user: "lina", role: .admin))
        let a = ApprovalRequest(id: "A1", type: .purchase, title: "x", requester: "tom", createdAt: Self.at("2026-11-30 09:00"), amount: 9000,
                                approvers: ["role:admin"], requiredApprovals: 1)
        do { try s.validate(.requestApproval(a), ctx("tom")); Issue.record("accepted") } catch {
            #expect(error.message.contains("Nobody can approve for the admin role"), "\(error.message)")
            #expect(!error.message.contains("the step someone"))
        }
    }
}
