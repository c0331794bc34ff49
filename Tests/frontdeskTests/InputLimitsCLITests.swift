import Foundation
import Testing
import TestSupport

/// Issue #9 "Input", through the binary: a terminal escape as a SKU and a 10,000-character name
/// are refused (exit 2) with the limit named, and no raw ESC byte reaches the output.
@Suite struct InputLimitsCLITests {
    @Test func anEscapeSkuAndAHugeNameAreRefusedWithoutAnEscapeByteOnScreen() throws {
        let tmp = try TempStore("limits-cli")
        let env = CLI.vars(tmp.path)
        var r = try CLI.run(["init", "--allow-overrides"], env: env)
        try #require(r.status == 0, "\(r)")
        r = try CLI.run(["stock", "item", "add", "--sku", "\u{1B}]2;x\u{07}", "--name", "Paper", "--unit", "ream", "--reorder-at", "1", "--target", "5"], env: env)
        #expect(r.status == 2, "\(r)")
        #expect(r.stderr.contains("1 to 32"), "\(r.stderr)")
        #expect(!(r.stdout + r.stderr).unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "raw control byte printed")
        let huge = String(repeating: "A", count: 10_000)
        r = try CLI.run(["visitor", "add", "--name", huge, "--host", "lina", "--at", "2026-03-10 14:00"], env: env)
        #expect(r.status == 2, "\(r.status) \(r.stderr.prefix(200))")
        #expect(r.stderr.contains("at most 100"), "\(r.stderr.prefix(300))")
        r = try CLI.run(["visitor", "list", "--date", "2026-03-10"], env: env)
        #expect(r.status == 0)
        #expect(r.stdout.utf8.count < 2_000, "visitor list is \(r.stdout.utf8.count) bytes")
    }
}
