import Foundation
import Testing
import TestSupport

/// The engine's new and changed commands end to end: outcomes in `visitor list`, acceptance
/// records, stocktake variances, demand lists, `approval show`, and days of cover.
@Suite struct SupplyApprovalVisitorCLITests {
    func store() throws -> TempStore {
        let tmp = try TempStore("engine-cli")
        let r = try CLI.run(["init", "--allow-overrides"], env: CLI.vars(tmp.path))
        try #require(r.status == 0, "\(r)")
        return tmp
    }

    func ok(_ args: [String], _ tmp: TempStore, user: String = "lina", now: String = "2026-03-10 10:30") throws -> RunResult {
        let r = try CLI.run(args, env: CLI.vars(tmp.path, user: user, now: now))
        try #require(r.status == 0, "\(args): \(r)")
        return r
    }

    func json(_ r: RunResult) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]], "\(r.stdout)")
    }

    @Test func theOutcomeIsInVisitorListAndTheSecondsAreChecked() throws {
        let tmp = try store()
        let v = try ok(["visitor", "add", "--name", "Ann Lee", "--host", "lina", "--at", "2026-03-10 10:00", "--id-number", "310101199001011234"], tmp).firstLine
        let early = try CLI.run(["visitor", "outcome", v, "--text", "Signed"], env: CLI.vars(tmp.path))
        #expect(early.status == 3 && early.stderr.contains("after the visit"), "\(early)")
        _ = try ok(["visitor", "checkin", v], tmp)
        _ = try ok(["visitor", "checkout", v], tmp)
        _ = try ok(["visitor", "outcome", v, "--text", "Contract signed"], tmp)
        let rows = try json(try ok(["visitor", "list", "--json", "--date", "2026-03-10"], tmp))
        #expect(rows.first { $0["id"] as? String == v }?["outcome"] as? String == "Contract signed")
        #expect(try ok(["visitor", "list", "--date", "2026-03-10"], tmp).stdout.contains("Contract signed"))
        let past = try CLI.run(["visitor", "add", "--name", "Bo", "--host", "lina", "--at", "2026-03-09 10:00"], env: CLI.vars(tmp.path))
        #expect(past.status == 2 && past.stderr.contains("passed"), "\(past)")
        let seconds = try CLI.run(["visitor", "add", "--name", "Bo", "--host", "lina", "--at", "2026-03-10 12:00:99"], env: CLI.vars(tmp.path))
        #expect(seconds.status == 2, "\(seconds)")
    }

    @Test func aPurchaseIsReceivedOnceWithItsAcceptanceRecord() throws {
        let tmp = try store()
        _ = try ok(["role", "grant", "ann", "approver"], tmp, user: "root")
        _ = try ok(["stock", "item", "add", "--sku", "PAP-A4", "--name", "A4 paper", "--unit", "ream", "--reorder-at", "5", "--target", "20"], tmp)
        let p = try ok(["purchase", "request", "--sku", "PAP-A4", "--qty", "10", "--quote", "Deli:24:3", "--quote", "M&G:25:2", "--quote", "Comix:26:1"], tmp).firstLine
        let approval = try #require(try json(try ok(["purchase", "list", "--json"], tmp)).first?["approvalId"] as? String)
        _ = try ok(["approval", "approve", approval], tmp, user: "ann")
        let shown = try json(try ok(["approval", "show", approval, "--json"], tmp)).first
        #expect(shown?["status"] as? String == "approved" && shown?["approvals"] as? Int == 1)
        let k = try ok(["stock", "receive", "--sku", "PAP-A4", "--qty", "10", "--reject-qty", "1", "--reason", "one torn", "--supplier", "Deli",
                        "--unit-price", "24", "--purchase", p, "--quality-failed", "--inspector", "wangwei"], tmp).firstLine
        let again = try CLI.run(["stock", "receive", "--sku", "PAP-A4", "--qty", "2", "--supplier", "Deli", "--unit-price", "24", "--purchase", p],
                                env: CLI.vars(tmp.path))
        #expect(again.status == 3 && again.stderr.contains("Only 1"), "\(again)")
        _ = try ok(["stock", "receive", "--sku", "PAP-A4", "--qty", "1", "--supplier", "Deli", "--unit-price", "24", "--purchase", p], tmp)
        let third = try CLI.run(["stock", "receive", "--sku", "PAP-A4", "--qty", "1", "--supplier", "Deli", "--unit-price", "24", "--purchase", p],
                                env: CLI.vars(tmp.path))
        #expect(third.status == 3 && third.stderr.contains("received in full"), "\(third)")
        let receipt = try json(try ok(["stock", "receipt", "show", k, "--json"], tmp)).first
        #expect(receipt?["ordered"] as? Int == 10 && receipt?["delivered"] as? Int == 10 && receipt?["accepted"] as? Int == 9)
        #expect(receipt?["qualityPassed"] as? Bool == false && receipt?["specificationMatches"] as? Bool == true)
        #expect(receipt?["inspector"] as? String == "wangwei" && receipt?["notes"] as? String == "one torn")
        #expect(try ok(["stock", "receipt", "show", k], tmp).stdout.contains("failed"))
    }

    @Test func aCountPrintsItsVarianceAndTheMonthsCountsAreListed() throws {
        let tmp = try store()
        _ = try ok(["stock", "item", "add", "--sku", "PEN", "--name", "Pens", "--unit", "box", "--reorder-at", "1", "--target", "20"], tmp)
        _ = try ok(["stock", "receive", "--sku", "PEN", "--qty", "12", "--supplier", "Deli", "--unit-price", "3"], tmp)
        let r = try ok(["stock", "count", "--sku", "PEN", "--qty", "9", "--reason", "3 boxes missing"], tmp)
        #expect(r.stderr.contains("PEN counted 9 box, the books said 12, variance −3 (3 boxes missing)."), "\(r)")
        let rows = try json(try ok(["stock", "counts", "--month", "2026-03", "--json"], tmp))
        #expect(rows.count == 1 && rows.first?["variance"] as? Int == -3 && rows.first?["books"] as? Int == 12)
        #expect(try json(try ok(["stock", "counts", "--month", "2026-02", "--json"], tmp)).isEmpty)
    }

    @Test func demandIsListedByMonth() throws {
        let tmp = try store()
        _ = try ok(["stock", "item", "add", "--sku", "PEN", "--name", "Pens", "--unit", "box", "--reorder-at", "1", "--target", "20"], tmp)
        _ = try ok(["stock", "demand", "add", "--dept", "行政部", "--sku", "PEN", "--qty", "4", "--month", "2026-04"], tmp)
        _ = try ok(["stock", "demand", "add", "--dept", "销售部", "--sku", "PEN", "--qty", "2", "--month", "2026-05"], tmp)
        let april = try json(try ok(["stock", "demand", "list", "--month", "2026-04", "--json"], tmp))
        #expect(april.map { $0["department"] as? String } == ["行政部"] && april.first?["quantity"] as? Int == 4)
        #expect(try json(try ok(["stock", "demand", "list", "--json"], tmp)).count == 2)
    }

    @Test func daysOfCoverReadTheSameInTheListAsInThePane() throws {
        let tmp = try store()
        _ = try ok(["stock", "item", "add", "--sku", "PEN", "--name", "Pens", "--unit", "box", "--reorder-at", "1", "--target", "200"], tmp)
        _ = try ok(["stock", "receive", "--sku", "PEN", "--qty", "98", "--supplier", "Deli", "--unit-price", "3"], tmp, now: "2026-03-01 09:00")
        _ = try ok(["stock", "issue", "--sku", "PEN", "--qty", "90", "--dept", "行政部", "--to", "x"], tmp, now: "2026-03-02 09:00")
        // 8 boxes at 3 a day: 2.67 days, 2 whole days in the pane and the list alike.
        let rows = try json(try ok(["stock", "list", "--json"], tmp))
        #expect(rows.first?["daysOfCover"] as? Int == 2)
        #expect(try ok(["stock", "list"], tmp).stdout.contains("2 d"))
    }
}
