import Foundation
import Testing
import TestSupport

/// `frontdesk staff …` on the demo office: a joiner issued their laptop and starter kit through
/// the asset and supplies ledgers, a leaver whose phone is written off through an approval, the
/// exit codes and both languages.
@Suite struct StaffCLITests {
    func demo() throws -> (TempStore, [String: String]) {
        let tmp = try TempStore("staff")
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

    @Test func theDemoHasAJoinerAndAnOverdueLeaver() throws {
        let (tmp, env) = try demo()
        defer { withExtendedLifetime(tmp) {} }
        let rows = try json(["staff", "list"], env)
        #expect(rows.count == 2)
        let leaver = try #require(rows.first)
        #expect(leaver["direction"] as? String == "leaving" && (leaver["flags"] as? [String]) == ["leaverOverdue"], "\(leaver)")
        #expect(rows.last?["personName"] as? String == "刘思雨 Emma Liu")
        let csv = try CLI.run(["staff", "list", "--format", "csv", "--no-bom"], env: env)
        #expect(csv.status == 0 && csv.stdout.hasPrefix("ID,PERSON,DIRECTION") && csv.stdout.contains("David Chen"), "\(csv)")
    }

    @Test func aJoinerIsIssuedALaptopAndAStarterKitThroughTheLedgers() throws {
        let (tmp, env) = try demo()
        defer { withExtendedLifetime(tmp) {} }
        let join = try CLI.run(["staff", "join", "maria", "--start", "2026-03-12"], env: env)
        try #require(join.status == 0, "\(join)")
        let id = join.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(join.stderr.contains("Joining checklist \(id) opened for Maria Garcia (销售部)"), "\(join.stderr)")
        // Without a template of its own, 销售部 gets the default one: no kit.
        let items = try #require(try json(["staff", "show", id], env).first?["items"] as? [[String: Any]])
        #expect(items.map { $0["kind"] as? String } == ["badge", "desk", "equipment", "account"])
        let noTag = try CLI.run(["staff", "issue", id, "equipment"], env: env)
        #expect(noTag.status == 2 && noTag.stderr.contains("--asset"), "\(noTag)")
        let ok = try CLI.run(["staff", "issue", id, "equipment", "--asset", "FA-0178"], env: env)
        #expect(ok.status == 0 && ok.stderr.contains("now held by Maria Garcia"), "\(ok)")
        #expect(try json(["asset", "show", "FA-0178"], env).first?["holder"] as? String == "maria")
        // R&D's template has a starter kit: issuing it takes a pen out of stock.
        let before = try json(["stock", "list"], env).first { $0["id"] as? String == "PEN-BLK" }?["onHand"] as? Int
        let rd = try CLI.run(["staff", "join", "孙悦", "--dept", "研发部", "--start", "2026-03-12"], env: env)
        let rid = rd.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let kit = try CLI.run(["staff", "issue", rid, "kit"], env: env)
        #expect(kit.status == 0, "\(kit)")
        let after = try json(["stock", "list"], env).first { $0["id"] as? String == "PEN-BLK" }?["onHand"] as? Int
        #expect(before.map { $0 - 1 } == after, "\(String(describing: before)) → \(String(describing: after))")
        let early = try CLI.run(["staff", "close", id], env: env)
        #expect(early.status == 3 && early.stderr.contains("cannot be closed"), "\(early)")
        var zhEnv = env
        zhEnv["LANG"] = "zh_CN.UTF-8"
        let zh = try CLI.run(["staff", "close", id], env: zhEnv)
        #expect(zh.status == 3 && zh.stderr.contains("不能关闭"), "\(zh)")
        let missing = try CLI.run(["staff", "issue", "J99", "badge"], env: env)
        #expect(missing.status == 2 && missing.stderr.contains("No joiner or leaver checklist J99"), "\(missing)")
    }

    @Test func aLeaversPhoneIsWrittenOffOnlyByTheApprovalsDecision() throws {
        let (tmp, env) = try demo()
        defer { withExtendedLifetime(tmp) {} }
        let leaver = try #require(try json(["staff", "list"], env).first { $0["direction"] as? String == "leaving" }?["id"] as? String)
        let ask = try CLI.run(["staff", "writeoff", leaver, "FA-0160", "--reason", "丢失 lost on a trip"], env: env)
        try #require(ask.status == 0, "\(ask)")
        let approval = ask.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let notYet = try CLI.run(["staff", "close", leaver], env: env)
        #expect(notYet.status == 3, "\(notYet)")
        let approve = try CLI.run(["approval", "approve", approval], env: CLI.vars(env["FRONTDESK_STORE"] ?? "", user: "chenjing"))
        #expect(approve.status == 0, "\(approve)")
        let phone = try #require(try json(["asset", "show", "FA-0160"], env).first)
        #expect(phone["status"] as? String == "lost" && phone["holder"] is NSNull, "\(phone)")
        let close = try CLI.run(["staff", "close", leaver], env: env)
        #expect(close.status == 0 && close.stderr.contains("closed"), "\(close)")
        #expect(try json(["staff", "list"], env).count == 1)
        #expect(try json(["staff", "list", "--all"], env).count == 2)
    }

    @Test func aTemplateIsSetByALeadAndShown() throws {
        let (tmp, env) = try demo()
        defer { withExtendedLifetime(tmp) {} }
        let shown = try json(["staff", "template", "show", "财务部"], env)
        #expect(shown.count == 4 && shown.allSatisfy { $0["default"] as? Bool == true })
        let bad = try CLI.run(["staff", "template", "set", "财务部", "--item", "laptop"], env: env)
        #expect(bad.status == 2 && bad.stderr.contains("no item kind"), "\(bad)")
        let set = try CLI.run(["staff", "template", "set", "财务部", "--item", "badge", "--item", "equipment:计算器 Calculator", "--item", "kit:PEN-BLK:2"], env: env)
        #expect(set.status == 0, "\(set)")
        let now = try json(["staff", "template", "show", "财务部"], env)
        #expect(now.map { $0["kind"] as? String } == ["badge", "equipment", "kit"] && now[2]["quantity"] as? Int == 2)
    }
}
