import Foundation
import Testing
@testable import FrontDeskKit
import TestSupport

/// `check`'s stock balances: every month segment's opening plus its moves is its closing and the
/// next month's opening; a segment whose closing stock disagrees is named with the SKU.
@Suite struct StockBalanceCheckTests {
    @Test func aClosingStockThatDisagreesIsNamed() throws {
        let tmp = try TempStore("balances")
        let store = try tmp.create(at: "2026-03-10 10:30")
        try store.commitBatch { s, ctx in DemoOffice.changes(now: ctx.now, calendar: ctx.env.calendar, operator: ctx.actor, in: s) }
        store.env = TempStore.env(at: "2026-03-20 10:30")
        _ = try store.compact()
        // A move after compaction stays in the working set and counts toward on hand.
        try store.commitBatch { s, ctx in [s.issue(sku: "PEN-BLK", quantity: 1, department: "行政部", recipient: "lina", ctx)] }
        try #require(store.historyMonths.count >= 3)
        let good = try store.checkStockBalances()
        #expect(good.ok, "\(good)")

        // February's closing stock off by one: its own sum and March's opening both disagree; the first is named.
        var feb = try #require(try store.readSegment("2026-02"))
        let sku = try #require(feb.closingStock?.keys.sorted().first)
        feb.closingStock?[sku, default: 0] += 1
        try store.historyDir.replace(StorePaths.segment("2026-02"), with: try BinaryPlistEncoder().encode(feb))
        let bad = try store.checkStockBalances()
        #expect(!bad.ok)
        #expect(bad.file == "history/2026-02.plist" && bad.detail.hasPrefix("\(sku):"), "\(bad)")
    }
}
