import Foundation
import Testing
import FrontDeskKit
import TestSupport

/// Issue #9 "Input": every typed id has a charset and a length, every text a cap, and a refusal
/// names the limit without echoing a control character.
@Suite("Input limits")
struct InputLimitsTests {
    func refusal(_ body: () throws -> Void) -> Refusal? {
        do { try body(); return nil } catch { return error as? Refusal }
    }

    @Test func idsTakeLettersOfAnyScriptDigitsAndDashesOnly() {
        for good in ["PAP-A4", "编号", "R1", "B001", "li.na", "wang_wei", "Zoe\u{0308}", "行政部", String(repeating: "x", count: 32)] {
            #expect(refusal { try InputLimits.id(good, "SKU") } == nil, "\(good)")
        }
        for bad in ["", "A4 paper", "a/b", ".", "..", "\u{1B}]2;x\u{07}", "x\ty", "x\u{202E}y", String(repeating: "x", count: 33), "a\\b", "$(id)"] {
            let r = refusal { try InputLimits.id(bad, "SKU") }
            #expect(r?.kind == .invalid, "\(bad) accepted")
            #expect(r?.message.contains("1 to 32") == true)
            #expect(r?.message.unicodeScalars.contains { $0.value < 0x20 } == false, "raw control character in: \(r?.message ?? "")")
        }
    }

    @Test func textHasACapThatTheRefusalNames() {
        let long = String(repeating: "名", count: 10_000)
        let r = refusal { try InputLimits.text(long, "visitor's name", InputLimits.name) }
        #expect(r?.message.contains("10000 characters") == true && r?.message.contains("at most 100") == true, "\(r?.message ?? "nil")")
        #expect(refusal { try InputLimits.text(String(repeating: "a", count: 100), "name", InputLimits.name) } == nil)
        #expect(refusal { try InputLimits.text("Ann\nLee", "name", InputLimits.name) }?.message.contains("U+000A") == true)
        #expect(refusal { try InputLimits.text("line 1\nline 2\twith a tab", "minutes", InputLimits.note, lines: true) } == nil)
        #expect(refusal { try InputLimits.text("x\u{1B}[2J", "minutes", InputLimits.note, lines: true) } != nil)
        #expect(refusal { try InputLimits.text(String(repeating: "m", count: 20_001), "minutes", InputLimits.note, lines: true) } != nil)
    }

    /// The store refuses before writing: nothing reaches the journal.
    @Test func theStoreRefusesAnOverlongNameAndAnEscapeInASkuAndWritesNothing() throws {
        let tmp = try TempStore("limits")
        let store = try tmp.create()
        let before = store.seq
        #expect(throws: Refusal.self) {
            try store.commit(.addItem(SupplyItem(sku: "\u{1B}]2;x\u{07}", name: "Paper", unit: "ream", category: "paper", reorderAt: 1, target: 5)))
        }
        #expect(throws: Refusal.self) {
            try store.commit { s, ctx in
                .addVisitor(Visitor(id: ctx.env.ids.next(.visitor, in: s), name: String(repeating: "A", count: 10_000), host: "lina",
                                    expectedAt: TempStore.date("2026-03-10 14:00"), receivedAt: ctx.now))
            }
        }
        #expect(store.seq == before)
        #expect(try tmp.open().seq == before)
    }
}
