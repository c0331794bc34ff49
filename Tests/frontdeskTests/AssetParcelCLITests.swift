import Foundation
import Testing
import TestSupport

/// `frontdesk asset …` and `frontdesk parcel …` on the demo office: the exit codes, the scrap
/// approval that scraps, a stocktake settled until the books match, the parcel hook and costs.
@Suite struct AssetParcelCLITests {
    func demo() throws -> (TempStore, [String: String]) {
        let tmp = try TempStore("assets")
        let env = CLI.vars(tmp.path)
        var r = try CLI.run(["init", "--allow-overrides"], env: env)
        try #require(r.status == 0, "\(r)")
        r = try CLI.run(["demo", "--date", "2026-03-10"], env: env)
        try #require(r.status == 0, "\(r)")
        return (tmp, env)
    }

    func json(_ args: [String], _ env: [String: String]) throws -> [[String: Any]] {
        let r = try CLI.run(args + ["--json"], env: env)
        try #require(r.status == 0, "\(args): \(r)")
        return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
    }

    @Test func theDemoLedgerHasAnOverdueRepairAndAPendingScrap() throws {
        let (tmp, env) = try demo()
        defer { withExtendedLifetime(tmp) {} }
        let assets = try json(["asset", "list"], env)
        #expect(assets.count >= 10)
        #expect((assets.first?["flags"] as? [String]) == ["repairOverdue"], "the overdue repair leads")
        let projector = try #require(assets.first { $0["id"] as? String == "FA-0194" })
        #expect(projector["scrapRequest"] is String && projector["status"] as? String == "in-use")
        #expect(assets.contains { ($0["model"] as? String)?.contains("笔记本") == true })
        let parcels = try json(["parcel", "list"], env)
        #expect((parcels.first?["flags"] as? [String]) == ["parcelOverdue"], "the parcel left for four days leads")
        #expect(parcels.contains { $0["status"] as? String == "returned" } && parcels.contains { $0["direction"] as? String == "out" })
    }

    @Test func aDuplicateTagExitsThreeInBothLanguages() throws {
        let (tmp, env) = try demo()
        defer { withExtendedLifetime(tmp) {} }
        let args = ["asset", "add", "--tag", "FA-0101", "--category", "laptop", "--model", "X", "--cost", "100", "--dept", "行政部", "--location", "2F"]
        let en = try CLI.run(args, env: env)
        #expect(en.status == 3 && en.stderr.contains("FA-0101 is on the ledger already"), "\(en)")
        var zhEnv = env
        zhEnv["LANG"] = "zh_CN.UTF-8"
        let zh = try CLI.run(args, env: zhEnv)
        #expect(zh.status == 3 && zh.stderr.contains("已在台账中"), "\(zh)")
        let bad = try CLI.run(["asset", "add", "--tag", "FA-9", "--category", "laptop", "--model", "X", "--cost", "12.345", "--dept", "行政部", "--location", "2F"], env: env)
        #expect(bad.status == 2, "three decimals is no amount: \(bad)")
        let ok = try CLI.run(["asset", "add", "--tag", "FA-9", "--category", "laptop", "--model", "X", "--cost", "12.34", "--dept", "行政部", "--location", "2F"], env: env)
        #expect(ok.status == 0 && ok.stdout == "FA-9\n", "\(ok)")
    }

    @Test func theScrapApprovalsDecisionScrapsTheAsset() throws {
        let (tmp, env) = try demo()
        defer { withExtendedLifetime(tmp) {} }
        let raised = try CLI.run(["asset", "scrap", "FA-0178", "--reason", "镜头损坏 lens broken"], env: env)
        try #require(raised.status == 0, "\(raised)")
        let id = raised.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try json(["asset", "show", "FA-0178"], env).first?["status"] as? String == "in-store")
        let approve = try CLI.run(["approval", "approve", id], env: CLI.vars(env["FRONTDESK_STORE"] ?? "", user: "wangwei"))
        #expect(approve.status == 0 && approve.stderr.contains("FA-0178 is scrapped"), "\(approve)")
        let shown = try #require(try json(["asset", "show", "FA-0178"], env).first)
        #expect(shown["status"] as? String == "scrapped" && shown["bookValue"] as? Double == 0)
        let move = try CLI.run(["asset", "move", "FA-0178", "--location", "5F"], env: env)
        #expect(move.status == 3, "\(move)")
    }

    @Test func aStocktakeIsSettledUntilTheBooksMatchTheFloor() throws {
        let (tmp, env) = try demo()
        defer { withExtendedLifetime(tmp) {} }
        let count = try CLI.run(["asset", "count", "--location", "3F 研发区", "FA-0101", "FA-0112", "ZZ-1"], env: env)
        try #require(count.status == 0, "\(count)")
        let id = count.stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(count.stdout.contains("missing") && count.stdout.contains("misplaced") && count.stdout.contains("unexpected"), "\(count.stdout)")
        for (tag, kind) in [("FA-0120", "lost"), ("FA-0160", "found"), ("FA-0112", "returned"), ("ZZ-1", "noted")] {
            let r = try CLI.run(["asset", "settle", id, tag, "--as", kind, "--reason", "查实 checked"], env: env)
            #expect(r.status == 0, "\(tag): \(r)")
        }
        let wrong = try CLI.run(["asset", "settle", id, "FA-0107", "--as", "moved", "--reason", "x"], env: env)
        #expect(wrong.status == 2, "a missing asset is not moved: \(wrong)")
        let last = try CLI.run(["asset", "settle", id, "FA-0107", "--as", "found", "--reason", "在维修 at the repairer"], env: env)
        #expect(last.status == 0 && last.stderr.contains("the books match the floor"), "\(last)")
        #expect(try json(["asset", "show", "FA-0120"], env).first?["status"] as? String == "lost")
    }

    @Test func parcelsInCollectedAndTheMonthsCostPerDepartment() throws {
        let (tmp, env) = try demo()
        defer { withExtendedLifetime(tmp) {} }
        let r = try CLI.run(["parcel", "in", "--carrier", "顺丰", "--tracking", "SF777", "--to", "ann", "--shelf", "C3"], env: env)
        try #require(r.status == 0, "\(r)")
        let id = r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try CLI.run(["parcel", "collect", id, "--by", "Ann Lee"], env: env).status == 0)
        let again = try CLI.run(["parcel", "collect", id, "--by", "Ann Lee"], env: env)
        #expect(again.status == 3 && again.stderr.contains("collected by Ann Lee already"), "\(again)")
        let csv = try CLI.run(["parcel", "cost", "--month", "2026-03", "--format", "csv"], env: env)
        #expect(csv.status == 0, "\(csv)")
        #expect(csv.stdout.contains("DEPARTMENT,PARCELS,COST") && csv.stdout.contains("销售部,1,186.50"), "\(csv.stdout)")
        #expect(try CLI.run(["parcel", "out", "--from", "lina", "--dept", "行政部", "--carrier", "SF", "--tracking", "T1", "--cost", "-5"], env: env).status == 2)
    }
}
