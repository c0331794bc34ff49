import Foundation
import Testing
@testable import FrontDeskKit

@Suite("Supplies: purchases, plan and ledger")
struct SupplyChainTests {
    static let tz = TimeZone(identifier: "Asia/Shanghai") ?? .current
    static var cal: Calendar { var c = Calendar(identifier: .gregorian); c.timeZone = tz; return c }
    static func at(_ s: String) -> Date { DateInput.parseDateTime(s, tz) ?? Date() }
    var ctx: RuleContext {
        var settings = StoreSettings.defaults
        settings.designatedSupplier = "Deli"
        return RuleContext(env: .fixed(at: Self.at("2026-11-30 09:00"), user: "tom", timeZone: Self.tz), settings: settings)
    }

    func office() -> OfficeState {
        var s = OfficeState()
        s.apply(.addDepartment(Department(name: "行政部", head: "lina")))
        s.apply(.addPerson(Person(login: "tom", name: "Tom", department: "行政部")))
        s.apply(.grantRole(user: "lina", role: .approver))
        s.apply(.grantRole(user: "root", role: .admin))
        s.apply(.grantRole(user: "root", role: .approver))
        s.apply(.grantRole(user: "tom", role: .frontdesk))  // tom books purchases at the desk
        s.apply(.addItem(SupplyItem(sku: "PAP-A4", name: "A4", unit: "ream", reorderAt: 20, target: 100, unitPrice: 24)))
        s.apply(.addItem(SupplyItem(sku: "GIFT", name: "Gift box", unit: "piece", reorderAt: 0, target: 10, special: true)))
        return s
    }

    func purchase(_ s: OfficeState, qty: Int = 10, quotes: [Quote], chosen: Int = 0, why: String? = nil, urgent: Bool = false, sku: String = "PAP-A4") -> Change {
        let p = PurchaseRequest(id: "P1", sku: sku, quantity: qty, quotes: quotes, chosen: chosen, justification: why, urgent: urgent,
                                requester: "tom", createdAt: Self.at("2026-11-30 09:00"), approvalID: "A1")
        let chain = s.purchaseChain(requester: "tom", amount: p.amount, ctx.settings)
        return .requestPurchase(p, approval: ApprovalRequest(id: "A1", type: .purchase, title: "x", requester: "tom", createdAt: p.createdAt,
                                                              amount: p.amount, approvers: chain, requiredApprovals: max(1, chain.count)))
    }

    func refusal(_ c: Change, in s: OfficeState) -> Refusal? {
        do { try s.validate(c, ctx); return nil } catch { return error }
    }

    let three = [Quote(supplier: "Deli", unitPrice: 24, leadDays: 3), Quote(supplier: "M&G", unitPrice: 25, leadDays: 2),
                 Quote(supplier: "Staples", unitPrice: 23, leadDays: 6)]

    @Test func aPurchaseNeedsThreeQuotesAndAReasonForNotTheCheapest() {
        let s = office()
        #expect(refusal(purchase(s, quotes: Array(three.prefix(2))), in: s)?.message.contains("at least 3") == true)
        #expect(refusal(purchase(s, quotes: three, chosen: 0), in: s)?.message.contains("not the cheapest") == true)
        #expect(refusal(purchase(s, quotes: three, chosen: 0, why: "faster"), in: s) == nil)
        #expect(refusal(purchase(s, quotes: three, chosen: 2), in: s) == nil)
    }

    @Test func aSmallUrgentBuyFromTheDesignatedSupplierNeedsOneQuote() {
        let s = office()
        let one = [Quote(supplier: "Deli", unitPrice: 24, leadDays: 1)]
        #expect(refusal(purchase(s, qty: 10, quotes: one, urgent: true), in: s) == nil, "240 ≤ 500 from Deli")
        #expect(refusal(purchase(s, qty: 30, quotes: one, urgent: true), in: s) != nil, "720 > 500")
        #expect(refusal(purchase(s, qty: 10, quotes: [Quote(supplier: "Other", unitPrice: 24, leadDays: 1)], urgent: true), in: s) != nil)
        #expect(refusal(purchase(s, qty: 10, quotes: one, urgent: false), in: s) != nil)
    }

    @Test func specialItemsNeedAJustification() {
        let s = office()
        #expect(refusal(purchase(s, quotes: three, chosen: 2, sku: "GIFT"), in: s)?.message.contains("special") == true)
        #expect(refusal(purchase(s, quotes: three, chosen: 2, why: "client event", sku: "GIFT"), in: s) == nil)
    }

    @Test func thePurchaseChainIsTheDepartmentHeadThenAdministrationOverTheThreshold() throws {
        var s = office()
        #expect(s.purchaseChain(requester: "tom", amount: 1000, ctx.settings) == ["lina"])
        #expect(s.purchaseChain(requester: "tom", amount: 6000, ctx.settings) == ["lina", "role:admin"])
        let big = purchase(s, qty: 300, quotes: three, chosen: 2)   // 6900
        try s.validate(big, ctx); s.apply(big)
        func decide(_ by: String) -> Change { .decideApproval(requestID: "A1", decision: Decision(by: by, verdict: .approve, comment: nil, at: Self.at("2026-11-30 10:00"))) }
        #expect(throws: Refusal.self) { try s.validate(decide("root"), ctx) }   // lina first
        #expect(s.isWaiting(s.approvals["A1"]!, for: "lina"))
        #expect(!s.isWaiting(s.approvals["A1"]!, for: "root"))
        try s.validate(decide("lina"), ctx); s.apply(decide("lina"))
        #expect(s.purchases["P1"]?.status == .awaitingApproval)
        #expect(s.isWaiting(s.approvals["A1"]!, for: "root"))
        try s.validate(decide("root"), ctx); s.apply(decide("root"))
        #expect(s.approvals["A1"]?.status == .approved)
        #expect(s.purchases["P1"]?.status == .approved)
    }

    @Test func nothingIsReceivedAgainstAPurchaseBeforeApproval() throws {
        var s = office()
        let p = purchase(s, quotes: three, chosen: 2)
        s.apply(p)
        var receipt = StockMove(id: "K1", sku: "PAP-A4", kind: .receive, quantity: 10, at: Self.at("2026-11-30 10:00"), by: "tom")
        receipt.purchaseID = "P1"
        #expect(refusal(.moveStock(receipt), in: s)?.message.contains("approved") == true)
        s.apply(.decideApproval(requestID: "A1", decision: Decision(by: "lina", verdict: .approve, comment: nil, at: Self.at("2026-11-30 10:00"))))
        #expect(refusal(.moveStock(receipt), in: s) == nil)
        s.apply(.moveStock(receipt))
        #expect(s.purchases["P1"]?.status == .received)
        #expect(s.onHand["PAP-A4"] == 10)
    }

    /// The smallest Int a person can type is refused in words: abs(Int.min) would trap.
    @Test func theSmallestIntegerIsRefusedNotACrash() {
        let s = office()
        for q in [Int.min, Int.min + 1, Int.max] {
            let move = StockMove(id: "K9", sku: "PAP-A4", kind: .issue, quantity: q, at: Self.at("2026-11-30 10:00"), by: "tom",
                                 department: "行政部", recipient: "x")
            #expect(refusal(.moveStock(move), in: s)?.message.contains("more than 1000000 units") == true, "\(q)")
        }
    }

    @Test func thePlanTopsUpToTheTargetCountingDemandUseStockAndOrders() {
        var s = office()
        s.apply(.moveStock(StockMove(id: "K1", sku: "PAP-A4", kind: .receive, quantity: 90, at: Self.at("2026-09-01 09:00"), by: "tom")))
        // 60 reams issued over the last three months: 20 a month on average.
        for i in 0..<6 {
            s.apply(.moveStock(StockMove(id: "K\(i + 2)", sku: "PAP-A4", kind: .issue, quantity: -10, at: Self.at("2026-11-0\(i + 1) 10:00"), by: "tom", department: "行政部", recipient: "x")))
        }
        s.apply(.addDemand(DemandEntry(id: "D1", department: "行政部", sku: "PAP-A4", quantity: 35, month: "2026-12", by: "tom", at: Self.at("2026-11-28 10:00"))))
        let plan = ReorderProposal(state: s, month: "2026-12", now: Self.at("2026-11-30 09:00"), calendar: Self.cal)
        let line = plan.lines.first { $0.sku == "PAP-A4" }
        // target 100 + expected max(35 demand, 20 average) − 30 on hand − 0 on order = 105
        #expect(line?.onHand == 30)
        #expect(line?.proposed == 105)
        s.apply(purchase(s, qty: 40, quotes: three, chosen: 2))
        let withOrder = ReorderProposal(state: s, month: "2026-12", now: Self.at("2026-11-30 09:00"), calendar: Self.cal)
        #expect(withOrder.lines.first { $0.sku == "PAP-A4" }?.proposed == 65)
    }

    @Test func theLedgerReconcilesAfterThousandsOfRandomMoves() throws {
        for seed in UInt64(1)...5 {
            var rng = SeededRandom(seed: seed)
            var s = office()
            let skus = ["PAP-A4", "GIFT"]
            var moves: [StockMove] = []
            for i in 0..<2000 {
                let sku = rng.pick(skus)
                let when = Self.at("2026-08-01 09:00").addingTimeInterval(Double(rng.int(0...(120 * 86_400))))
                let have = s.onHand[sku, default: 0]
                let kind = rng.pick(StockMoveKind.allCases)
                var q: Int
                switch kind {
                case .receive, .returned: q = rng.int(1...30)
                case .issue, .writeOff: q = -rng.int(0...max(0, min(have, 10)))
                case .adjust: q = rng.int(-have...10)
                }
                if q == 0 { q = 1 }
                let m = StockMove(id: "K\(i + 1)", sku: sku, kind: q > 0 && (kind == .issue || kind == .writeOff) ? .receive : kind, quantity: q,
                                  at: when, by: "tom", department: "行政部", recipient: "x", reason: "count", unitPrice: 2)
                if (try? s.validate(.moveStock(m), ctx)) != nil {
                    s.apply(.moveStock(m)); moves.append(m)
                }
                #expect(s.onHand[sku, default: 0] >= 0, "stock never below zero")
            }
            var previousClosing: [String: Int] = [:]
            for month in ["2026-08", "2026-09", "2026-10", "2026-11"] {
                let start = try #require(DateInput.parseMonth(month, Self.tz))
                let ledger = StockLedger(state: s, moves: moves, month: start, calendar: Self.cal)
                #expect(ledger.reconciles, "opening + in − out = closing in \(month)")
                for l in ledger.lines {
                    if let prev = previousClosing[l.sku] { #expect(l.opening == prev, "\(month) opens where the month before closed") }
                    previousClosing[l.sku] = l.closing
                }
            }
        }
    }
}
