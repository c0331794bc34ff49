import Foundation
import Testing
@testable import FrontDeskKit

@Suite("Fixed assets: ledger, repairs, scrapping, stocktakes, book value")
struct AssetProcessTests {
    static let tz = TimeZone(identifier: "Asia/Shanghai") ?? .current
    static func at(_ s: String) -> Date { DateInput.parseDateTime(s, tz) ?? Date() }
    static let now = at("2026-11-30 09:00")

    func ctx(at when: Date = Self.now, user: String = "tom", settings: StoreSettings = .defaults) -> RuleContext {
        RuleContext(env: .fixed(at: when, user: user, timeZone: Self.tz), settings: settings)
    }

    static func asset(_ tag: String, location: String = "3F", dept: String = "研发部", holder: String? = "lina", cost: Int = 800_000,
                      category: String = "laptop", purchased: Date = at("2025-11-30 09:00")) -> Asset {
        Asset(tag: tag, category: category, model: "ThinkPad 笔记本", serial: nil, purchasedOn: purchased, costCents: cost, supplier: "联想",
              department: dept, location: location, holder: holder, state: holder == nil ? .inStore : .inUse, addedAt: at("2026-11-01 09:00"), addedBy: "tom")
    }

    func office(_ assets: [Asset] = [asset("FA-1")]) -> OfficeState {
        var s = OfficeState()
        s.apply(.addDepartment(Department(name: "研发部", head: "lina")))
        s.apply(.addPerson(Person(login: "lina", name: "李娜", department: "研发部")))
        s.apply(.grantRole(user: "tom", role: .frontdesk))
        s.apply(.grantRole(user: "lina", role: .approver))
        s.apply(.grantRole(user: "root", role: .admin))
        for a in assets { s.apply(.addAsset(a)) }
        return s
    }

    /// Validates and applies, as the store does; returns the refusal instead when there is one.
    @discardableResult
    func take(_ c: Change, _ s: inout OfficeState, _ context: RuleContext? = nil) -> Refusal? {
        do { try s.validate(c, context ?? ctx()); s.apply(c); return nil } catch { return error }
    }

    @Test func aDuplicateTagIsRefusedAndChangesNothing() throws {
        var s = office()
        let before = s
        let r = try #require(take(.addAsset(Self.asset("FA-1", location: "5F")), &s))
        #expect(r.kind == .rule && r.message.contains("FA-1 is on the ledger already"))
        #expect(r.zh?.isEmpty == false)
        #expect(s == before)
        #expect(take(.addAsset(Self.asset("FA-2")), &s) == nil)
        #expect(s.assets.count == 2)
    }

    @Test func repairOverdueExactlyAtTheSettingAndNotASecondBefore() throws {
        var s = office()
        let reported = Self.at("2026-11-10 10:00")
        #expect(take(.reportAssetFault(tag: "FA-1", repair: AssetRepair(fault: "屏幕闪烁", reportedAt: reported, reportedBy: "tom", stateBefore: .inUse)), &s) == nil)
        let a = try #require(s.assets["FA-1"])
        #expect(a.state == .underRepair)
        let limit = StoreSettings.defaults.assetRepairOverdueAfter
        #expect(limit == 14 * 86_400)
        #expect(s.flags(of: a, at: reported.addingTimeInterval(limit - 1), .defaults).isEmpty)
        #expect(s.flags(of: a, at: reported.addingTimeInterval(limit), .defaults) == [.repairOverdue])
        var week = StoreSettings.defaults
        week.assetRepairOverdueAfter = 7 * 86_400
        #expect(s.flags(of: a, at: reported.addingTimeInterval(7 * 86_400), week) == [.repairOverdue])
        #expect(s.flags(of: a, at: reported.addingTimeInterval(7 * 86_400 - 1), week).isEmpty)
        // Back from repair: no flag however late, and the asset is in use again.
        #expect(take(.assetBack(tag: "FA-1", work: "换屏 new screen", costCents: 45_000, at: Self.now), &s) == nil)
        let back = try #require(s.assets["FA-1"])
        #expect(back.state == .inUse && back.repairs.last?.costCents == 45_000)
        #expect(s.flags(of: back, at: reported.addingTimeInterval(limit * 3), .defaults).isEmpty)
    }

    @Test func aRepairGoesReportedThenSentThenBack() throws {
        var s = office()
        #expect(take(.sendAssetToRepair(tag: "FA-1", to: "Lenovo", at: Self.now), &s)?.message.contains("no fault reported") == true)
        #expect(take(.assetBack(tag: "FA-1", work: "x", costCents: 0, at: Self.now), &s)?.message.contains("not under repair") == true)
        #expect(take(.reportAssetFault(tag: "FA-1", repair: AssetRepair(fault: "won't boot", reportedAt: Self.now, reportedBy: "tom", stateBefore: .inUse)), &s) == nil)
        #expect(take(.reportAssetFault(tag: "FA-1", repair: AssetRepair(fault: "again", reportedAt: Self.now, reportedBy: "tom", stateBefore: .inUse)), &s) != nil)
        #expect(take(.sendAssetToRepair(tag: "FA-1", to: "物业 property", at: Self.now), &s) == nil)
        #expect(take(.sendAssetToRepair(tag: "FA-1", to: "Lenovo", at: Self.now), &s)?.message.contains("sent to 物业 property already") == true)
        // Moving an asset while it is away is refused.
        #expect(take(s.assetTransfer(tag: "FA-1", department: nil, location: "5F", holder: nil, state: nil, reason: nil, ctx()), &s)?.message.contains("under repair") == true)
        #expect(take(.assetBack(tag: "FA-1", work: "主板更换 new board", costCents: 120_050, at: Self.now), &s) == nil)
        let r = try #require(s.assets["FA-1"]?.repairs.last)
        #expect(r.sentTo == "物业 property" && r.work == "主板更换 new board" && r.backAt == Self.now)
    }

    @Test func scrappingHappensOnlyThroughTheApprovalsDecision() throws {
        var s = office()
        let request = try s.assetScrapRequest(tag: "FA-1", reason: "beyond repair", approvers: [], ctx())
        #expect(take(request, &s) == nil)
        guard case .requestApproval(let a) = request else { Issue.record("not an approval request"); return }
        #expect(a.type == .scrap && a.asset == "FA-1")
        #expect(s.assets["FA-1"]?.state == .inUse, "a request alone scraps nothing")
        #expect(s.assets["FA-1"]?.scrapApprovalID == a.id)
        // A second request while one is pending is refused.
        let again = try s.assetScrapRequest(tag: "FA-1", reason: "again", approvers: [], ctx())
        #expect(take(again, &s)?.message.contains("pending") == true)
        // Nothing by hand: a transfer cannot put it in the scrapped state.
        let byHand = Change.moveAsset(tag: "FA-1", transfer: AssetTransfer(at: Self.now, by: "tom", fromDepartment: "研发部", toDepartment: "研发部",
                                                                           fromLocation: "3F", toLocation: "3F", fromHolder: "lina", toHolder: nil,
                                                                           reason: nil, toState: .scrapped))
        #expect(take(byHand, &s) != nil)
        // The approver's decision scraps it in the same record.
        let decision = Change.decideApproval(requestID: a.id, decision: Decision(by: "lina", verdict: .approve, comment: "ok", at: Self.now))
        #expect(take(decision, &s, ctx(user: "lina")) == nil)
        let scrapped = try #require(s.assets["FA-1"])
        #expect(scrapped.state == .scrapped && scrapped.offBooksAt == Self.now && scrapped.holder == nil)
        #expect(s.bookValueCents(scrapped, at: Self.now, .defaults) == 0)
        #expect(take(s.assetTransfer(tag: "FA-1", department: nil, location: "5F", holder: nil, state: nil, reason: nil, ctx()), &s)?.message.contains("off the books") == true)
    }

    @Test func aRejectedScrapRequestLeavesTheAssetAsItIs() throws {
        var s = office()
        let request = try s.assetScrapRequest(tag: "FA-1", reason: "old", approvers: [], ctx())
        #expect(take(request, &s) == nil)
        #expect(take(.decideApproval(requestID: request.subject, decision: Decision(by: "lina", verdict: .reject, comment: "repair it", at: Self.now)), &s, ctx(user: "lina")) == nil)
        #expect(s.assets["FA-1"]?.state == .inUse)
        // A new request may be raised once the old one is decided.
        #expect(take(try s.assetScrapRequest(tag: "FA-1", reason: "now really", approvers: [], ctx()), &s) == nil)
    }

    @Test func aStocktakeSortsMissingUnexpectedAndMisplacedAndSettlingMakesTheBooksMatch() throws {
        var s = office([Self.asset("FA-1", location: "3F"), Self.asset("FA-2", location: "3F"), Self.asset("FA-3", location: "5F"),
                        Self.asset("FA-4", location: "3F")])
        let count = s.assetCount(location: "3F", found: ["FA-1", "FA-3", "X-99", "FA-4", "FA-4"], ctx())
        #expect(take(count, &s) == nil)
        let c = try #require(s.assetCounts[count.subject])
        #expect(c.found == ["FA-1", "FA-3", "X-99", "FA-4"], "a tag scanned twice counts once")
        let r = s.assetCountResult(c)
        #expect(r.missing == ["FA-2"])
        #expect(r.misplaced == ["FA-3"])
        #expect(r.unexpected == ["X-99"])
        #expect(r.matched == ["FA-1", "FA-4"])
        #expect(Set(r.open) == ["FA-2", "FA-3", "X-99"])
        func settle(_ tag: String, _ kind: AssetSettlementKind) -> Refusal? {
            take(.settleAssetCount(countID: c.id, settlement: AssetSettlement(tag: tag, kind: kind, reason: "查实 checked", by: "tom", at: Self.now)), &s)
        }
        #expect(settle("FA-2", .moved)?.message.contains("settle it as lost or found") == true)
        #expect(settle("FA-1", .noted)?.message.contains("no difference") == true)
        #expect(settle("FA-2", .lost) == nil)
        #expect(settle("FA-2", .lost)?.message.contains("settled already") == true)
        #expect(settle("FA-3", .moved) == nil)
        #expect(settle("X-99", .noted) == nil)
        #expect(s.assets["FA-2"]?.state == .lost)
        #expect(s.assets["FA-3"]?.location == "3F")
        #expect(s.assetCountResult(try #require(s.assetCounts[c.id])).open.isEmpty)
        // The books match the floor: a new count of what was found finds no difference.
        let recount = s.assetCount(location: "3F", found: ["FA-1", "FA-3", "FA-4"], ctx())
        #expect(take(recount, &s) == nil)
        let again = s.assetCountResult(try #require(s.assetCounts[recount.subject]))
        #expect(again.missing.isEmpty && again.misplaced.isEmpty && again.unexpected.isEmpty && again.matched == ["FA-1", "FA-3", "FA-4"])
    }

    @Test func bookValueIsStraightLineToTheCentNeverBelowZero() {
        let s = office()
        var settings = StoreSettings.defaults
        settings.assetUsefulYears = ["laptop": 5, "furniture": 10]
        let bought = Self.at("2025-01-01 09:00")
        let a = Self.asset("V-1", cost: 365_000, purchased: bought)
        // One year of five: four fifths of 3650.00 remain (worked by hand: 3650 × 4 ÷ 5 = 2920.00).
        #expect(s.bookValueCents(a, at: bought.addingTimeInterval(365 * 86_400), settings) == 292_000)
        #expect(s.bookValueCents(a, at: bought, settings) == 365_000)
        #expect(s.bookValueCents(a, at: bought.addingTimeInterval(-86_400), settings) == 365_000, "a purchase date after today depreciates nothing")
        #expect(s.bookValueCents(a, at: bought.addingTimeInterval(1825 * 86_400), settings) == 0)
        #expect(s.bookValueCents(a, at: bought.addingTimeInterval(9000 * 86_400), settings) == 0)
        // Depreciation rounds down to the cent: 1000.01 over 3 years, one day → 1000.01 ÷ 1095 = 0.913… → 0.91 off.
        settings.assetUsefulYears["phone"] = 3
        let phone = Self.asset("V-2", cost: 100_001, category: "phone", purchased: bought)
        #expect(s.bookValueCents(phone, at: bought.addingTimeInterval(86_400), settings) == 99_910)
        // A category without a setting takes usefulYears (5): 10 years of furniture vs 5 of a camera.
        let chair = Self.asset("V-3", cost: 100_000, category: "furniture", purchased: bought)
        let camera = Self.asset("V-4", cost: 100_000, category: "camera", purchased: bought)
        #expect(s.bookValueCents(chair, at: bought.addingTimeInterval(730 * 86_400), settings) == 80_000)
        #expect(s.bookValueCents(camera, at: bought.addingTimeInterval(730 * 86_400), settings) == 60_000)
    }

    @Test func departmentValuesAddUpTheirAssetsOnTheBooks() throws {
        var s = office([Self.asset("D-1", dept: "研发部", cost: 365_000, purchased: Self.now.addingTimeInterval(-365 * 86_400)),
                        Self.asset("D-2", dept: "研发部", cost: 100_000, purchased: Self.now),
                        Self.asset("D-3", dept: "销售部", cost: 50_000, purchased: Self.now)])
        var lost = try #require(s.assets["D-3"])
        lost.state = .lost
        s.assets["D-3"] = lost
        let ledger = AssetLedger(state: s, now: Self.now, settings: .defaults)
        let dept = ledger.byDepartment
        #expect(dept.count == 1, "a department whose only asset is lost has no value on the books")
        #expect(dept.first?.department == "研发部" && dept.first?.assets == 2)
        #expect(dept.first?.valueCents == 292_000 + 100_000)
        #expect(dept.first?.costCents == 465_000)
    }

    @Test func equipmentBoughtThroughAPurchaseEntersTheLedgerNotStock() throws {
        var s = office([])
        s.apply(.addItem(SupplyItem(sku: "LAPTOP", name: "ThinkPad T14", unit: "piece", category: "equipment", reorderAt: 0, target: 0)))
        s.apply(.addItem(SupplyItem(sku: "PAP", name: "A4", unit: "ream", category: "paper", reorderAt: 0, target: 10)))
        for (id, sku) in [("P1", "LAPTOP"), ("P2", "PAP")] {
            var p = PurchaseRequest(id: id, sku: sku, quantity: 2, quotes: [Quote(supplier: "联想", unitPrice: 6999.5, leadDays: 3)], chosen: 0,
                                    justification: nil, urgent: false, requester: "tom", createdAt: Self.now, approvalID: "A\(id)")
            p.status = .approved
            s.purchases[id] = p
        }
        let receipt = s.receipt(sku: "LAPTOP", counted: 2, rejected: 0, reason: nil, unitPrice: 6999.5, supplier: "联想", purchaseID: "P1", ctx())
        #expect(take(receipt, &s)?.message.contains("asset add --purchase P1") == true)
        #expect(s.onHand["LAPTOP"] == nil)
        var a = Self.asset("FA-10")
        a.purchaseID = "P2"
        #expect(take(.addAsset(a), &s)?.message.contains("received into stock") == true)
        a.purchaseID = "P1"
        #expect(take(.addAsset(a), &s) == nil)
        #expect(s.purchases["P1"]?.receivedQuantity == 1 && s.purchases["P1"]?.status == .approved)
        var b = Self.asset("FA-11")
        b.purchaseID = "P1"
        #expect(take(.addAsset(b), &s) == nil)
        #expect(s.purchases["P1"]?.status == .received)
        var c = Self.asset("FA-12")
        c.purchaseID = "P1"
        #expect(take(.addAsset(c), &s)?.message.contains("received in full") == true)
    }

    @Test func aTransferRecordsFromAndToAndAHolderPutsItInUse() throws {
        var s = office([Self.asset("FA-5", location: "仓库", holder: nil)])
        #expect(s.assets["FA-5"]?.state == .inStore)
        #expect(take(s.assetTransfer(tag: "FA-5", department: "销售部", location: "5F", holder: "lina", state: nil, reason: "入职 joiner", ctx()), &s) == nil)
        let a = try #require(s.assets["FA-5"])
        #expect(a.state == .inUse && a.holder == "lina" && a.department == "销售部" && a.location == "5F")
        let t = try #require(a.transfers.last)
        #expect(t.fromLocation == "仓库" && t.toLocation == "5F" && t.fromHolder == nil && t.toHolder == "lina" && t.reason == "入职 joiner")
        #expect(take(s.assetTransfer(tag: "FA-5", department: nil, location: nil, holder: nil, state: .inStore, reason: nil, ctx()), &s) == nil)
        #expect(s.assets["FA-5"]?.holder == nil && s.assets["FA-5"]?.state == .inStore)
        #expect(take(s.assetTransfer(tag: "FA-5", department: nil, location: nil, holder: nil, state: .inStore, reason: nil, ctx()), &s)?.message.contains("nothing to move") == true)
    }

    @Test func onlyTheDeskKeepsTheLedger() {
        var s = office([])
        let r = take(.addAsset(Self.asset("FA-9")), &s, ctx(user: "stranger"))
        #expect(r?.kind == .permission)
    }
}
