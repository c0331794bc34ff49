import Foundation
import Testing
@testable import FrontDeskKit

/// Deliveries against purchases, their acceptance records, stocktake variances and days of cover.
@Suite("Supplies: acceptance, stocktakes, cover")
struct SupplyAcceptanceTests {
    static let tz = TimeZone(identifier: "Asia/Shanghai") ?? .current
    static func at(_ s: String) -> Date { DateInput.parseDateTime(s, tz) ?? Date() }
    var ctx: RuleContext { RuleContext(env: .fixed(at: Self.at("2026-11-30 09:00"), user: "tom", timeZone: Self.tz)) }
    var cal: Calendar { ctx.env.calendar }

    /// An approved purchase P1 of 10 reams.
    func office() -> OfficeState {
        var s = OfficeState()
        s.apply(.addDepartment(Department(name: "行政部", head: "lina")))
        s.apply(.addPerson(Person(login: "tom", name: "Tom", department: "行政部")))
        s.apply(.grantRole(user: "lina", role: .approver))
        s.apply(.addItem(SupplyItem(sku: "PAP-A4", name: "A4", unit: "ream", reorderAt: 20, target: 100, unitPrice: 24)))
        let quotes = [Quote(supplier: "Deli", unitPrice: 24, leadDays: 3), Quote(supplier: "M&G", unitPrice: 25, leadDays: 2),
                      Quote(supplier: "Comix", unitPrice: 26, leadDays: 1)]
        s.apply(s.purchaseRequest(sku: "PAP-A4", quantity: 10, quotes: quotes, chosen: nil, justification: nil, urgent: false, ctx))
        s.apply(.decideApproval(requestID: "A1", decision: Decision(by: "lina", verdict: .approve, comment: nil, at: Self.at("2026-11-30 09:30"))))
        return s
    }

    func refusal(_ c: Change, _ s: OfficeState) -> Refusal? {
        do { try s.validate(c, ctx); return nil } catch { return error }
    }

    @Test func nothingMoreIsReceivedAgainstAPurchaseReceivedInFull() throws {
        var s = office()
        #expect(s.purchases["P1"]?.status == .approved)
        let first = s.receipt(sku: "PAP-A4", counted: 10, rejected: 0, reason: nil, unitPrice: 24, supplier: "Deli", purchaseID: "P1", ctx)
        #expect(refusal(first, s) == nil)
        s.apply(first)
        #expect(s.purchases["P1"]?.status == .received)
        let again = s.receipt(sku: "PAP-A4", counted: 10, rejected: 0, reason: nil, unitPrice: 24, supplier: "Deli", purchaseID: "P1", ctx)
        let r = try #require(refusal(again, s))
        #expect(r.message.contains("P1") && r.message.contains("received in full"), "\(r.message)")
        #expect(s.onHand["PAP-A4"] == 10)
    }

    @Test func aDeliveryCannotAcceptMoreThanIsStillDue() throws {
        var s = office()
        s.apply(s.receipt(sku: "PAP-A4", counted: 6, rejected: 0, reason: nil, unitPrice: 24, supplier: "Deli", purchaseID: "P1", ctx))
        #expect(s.purchases["P1"]?.status == .approved)
        let r = try #require(refusal(s.receipt(sku: "PAP-A4", counted: 5, rejected: 0, reason: nil, unitPrice: 24, supplier: "Deli", purchaseID: "P1", ctx), s))
        #expect(r.message.contains("Only 4"), "\(r.message)")
        #expect(refusal(s.receipt(sku: "PAP-A4", counted: 5, rejected: 1, reason: "torn", unitPrice: 24, supplier: "Deli", purchaseID: "P1", ctx), s) == nil)
    }

    @Test func theAcceptanceRecordIsARealRecord() throws {
        let s = office()
        let c = s.receipt(sku: "PAP-A4", counted: 10, rejected: 2, reason: "2 reams wet", unitPrice: 24, supplier: "Deli", purchaseID: "P1",
                          specificationMatches: true, qualityPassed: false, inspector: "wangwei", ctx)
        guard case .moveStock(let m) = c else { Issue.record("not a stock move"); return }
        let a = try #require(m.acceptance)
        #expect(a == Acceptance(ordered: 10, delivered: 10, accepted: 8, specificationMatches: true, qualityPassed: false, notes: "2 reams wet", inspector: "wangwei"))
        #expect(m.quantity == 8, "only the accepted units enter stock")
        #expect(refusal(c, s) == nil)
        let silent = s.receipt(sku: "PAP-A4", counted: 10, rejected: 0, reason: nil, unitPrice: 24, supplier: "Deli", purchaseID: "P1",
                               specificationMatches: false, ctx)
        #expect(refusal(silent, s)?.message.contains("notes") == true, "a failed check says why")
        // The record survives the store's encoding.
        let back = try BinaryPlistDecoder().decode(Change.self, from: try BinaryPlistEncoder().encode(c))
        #expect(back == c)
    }

    @Test func aStocktakeShowsItsVarianceAndTheMonthsCountsAreListed() throws {
        var s = office()
        s.apply(s.receipt(sku: "PAP-A4", counted: 10, rejected: 0, reason: nil, unitPrice: 24, supplier: "Deli", purchaseID: "P1", ctx))
        let count = s.stocktake(sku: "PAP-A4", counted: 7, reason: "3 reams damp, thrown away", ctx)
        guard case .moveStock(let m) = count else { Issue.record("not a stock move"); return }
        #expect(StocktakeList.varianceLine(m, unit: "ream") == "variance -3 ream (books 10, counted 7)")
        s.apply(count)
        var october = s.stocktake(sku: "PAP-A4", counted: 7, reason: "x", ctx)
        if case .moveStock(var old) = october { old.id = "K90"; old.at = Self.at("2026-10-15 09:00"); october = .moveStock(old) }
        s.apply(october)
        let start = try #require(DateInput.parseMonth("2026-11", Self.tz))
        let list = StocktakeList(state: s, moves: Array(s.moves.values), month: start, calendar: cal)
        #expect(list.lines.count == 1, "October's count is another month")
        let line = try #require(list.lines.first)
        #expect((line.books, line.counted, line.variance, line.reason) == (10, 7, -3, "3 reams damp, thrown away"))
    }

    @Test func daysOfCoverAreWholeDaysRoundedDownForEveryReader() throws {
        var s = office()
        s.apply(.moveStock(StockMove(id: "K1", sku: "PAP-A4", kind: .receive, quantity: 98, at: Self.at("2026-11-01 09:00"), by: "tom")))
        s.apply(.moveStock(StockMove(id: "K2", sku: "PAP-A4", kind: .issue, quantity: -90, at: Self.at("2026-11-20 09:00"), by: "tom",
                                     department: "行政部", recipient: "x")))
        let row = try #require(StockLevels(state: s, now: Self.at("2026-11-30 09:00"), calendar: cal).rows.first { $0.item.sku == "PAP-A4" })
        #expect(row.onHand == 8 && row.dailyUse == 3)
        #expect(row.coverDays == 2, "8 reams at 3 a day last 2 full days, not 3")
        #expect(StockLevels.wholeDays(.infinity) == nil && StockLevels.wholeDays(5000) == 999)
    }
}
