import Foundation
import Testing
import TestSupport

/// `frontdesk report`: the same sections as a table, CSV blocks or JSON, read from the working
/// set and history; bad requests exit 2 and name what is accepted.
@Suite struct ReportCommandTests {
    func demoStore() throws -> TempStore {
        let tmp = try TempStore("report")
        var r = try CLI.run(["init", "--allow-overrides"], env: CLI.vars(tmp.path))
        try #require(r.status == 0, "\(r)")
        r = try CLI.run(["demo", "--date", "2026-03-10"], env: CLI.vars(tmp.path))
        try #require(r.status == 0, "\(r)")
        return tmp
    }

    @Test func jsonSectionsMatchTheVisitorList() throws {
        let tmp = try demoStore()
        let env = CLI.vars(tmp.path)
        let r = try CLI.run(["report", "visitors", "--from", "today", "--to", "today", "--format", "json"], env: env)
        try #require(r.status == 0, "\(r)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(object["report"] as? String == "visitors")
        let sections = try #require(object["sections"] as? [[String: Any]])
        let summary = try #require(sections.first { $0["id"] as? String == "visitors.summary" })
        let row = try #require((summary["rows"] as? [[String: Any]])?.first)
        // Independently: today's visitors as the list command sees them.
        let list = try CLI.run(["visitor", "list", "--json"], env: env)
        let visitors = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(row["expected"] as? Int == visitors.count)
        #expect(row["cancelled"] as? Int == visitors.filter { $0["status"] as? String == "cancelled" }.count)
    }

    @Test func csvIsQuotedAndFormulaSafe() throws {
        let tmp = try demoStore()
        let r = try CLI.run(["report", "supplies", "--month", "2026-03", "--format", "csv", "--section", "supplies.byItem"], env: CLI.vars(tmp.path))
        try #require(r.status == 0, "\(r)")
        let lines = r.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first == "\u{FEFF}sku,name,unit,units,cost")  // the byte-order mark spreadsheets need for Chinese
        #expect(lines.count > 1, "\(r.stdout)")
    }

    /// A name a spreadsheet would run as a formula, with a comma and quotes: quoted and defused.
    @Test func csvCellsAreQuotedAndFormulaSafe() throws {
        let tmp = try demoStore()
        let env = CLI.vars(tmp.path, user: try CLI.exec("id", ["-un"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        var r = try CLI.run(["stock", "item", "add", "--sku", "EVIL", "--name", "=HYPERLINK(\"x\",1)", "--unit", "box",
                             "--reorder-at", "1", "--target", "5", "--price", "2"], env: env)
        try #require(r.status == 0, "\(r)")
        r = try CLI.run(["stock", "receive", "--sku", "EVIL", "--qty", "3", "--supplier", "ACME", "--unit-price", "2"], env: env)
        try #require(r.status == 0, "\(r)")
        r = try CLI.run(["stock", "issue", "--sku", "EVIL", "--qty", "1", "--dept", "行政部", "--to", "lina"], env: env)
        try #require(r.status == 0, "\(r)")
        let csv = try CLI.run(["report", "supplies", "--month", "2026-03", "--format", "csv", "--section", "supplies.byItem"], env: env)
        try #require(csv.status == 0, "\(csv)")
        #expect(csv.stdout.contains("EVIL,\"'=HYPERLINK(\"\"x\"\",1)\",box,1,2.00"), "\(csv.stdout)")
    }

    @Test(arguments: [
        (["report", "supplies", "--month", "2026-03", "--from", "today", "--to", "today"], "not both"),
        (["report", "supplies", "--from", "today"], "go together"),
        (["report", "supplies", "--month", "2026-13"], "month"),
        (["report", "visitors", "--section", "nope"], "visitors.summary"),
        (["report", "postage"], "supplies"),
        (["report", "meetings", "--from", "2026-03-10", "--to", "2026-03-01"], "after --to"),
    ])
    func badRequestsExit2AndSayWhy(args: [String], says: String) throws {
        let tmp = try demoStore()
        let r = try CLI.run(args, env: CLI.vars(tmp.path))
        #expect(r.status == 2, "\(args): \(r)")
        #expect(r.stderr.contains(says), "\(args): \(r.stderr)")
    }
}
