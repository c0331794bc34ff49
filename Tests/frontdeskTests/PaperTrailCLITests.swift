import Foundation
import Testing
import TestSupport

/// `notice` and `archive` end to end on the demo office: ids on stdout, sentences on stderr,
/// exit codes (2 bad input, 3 refused), CSV and JSON listings, and the confidential loan's approval.
@Suite struct PaperTrailCLITests {
    func demo() throws -> TempStore {
        let tmp = try TempStore("paper-cli")
        for args in [["init", "--allow-overrides"], ["demo", "--date", "2026-03-10"]] {
            let r = try CLI.run(args, env: CLI.vars(tmp.path, user: "lina"))
            try #require(r.status == 0, "\(args): \(r)")
        }
        return tmp
    }

    func run(_ args: [String], _ tmp: TempStore, user: String = "lina", lang: String? = nil) throws -> RunResult {
        var env = CLI.vars(tmp.path, user: user, now: "2026-03-10 10:30")
        if let lang { env["LANG"] = lang }
        return try CLI.run(args, env: env)
    }

    @Test func aConfidentialLoanWaitsForItsApprovalThenGoesOut() throws {
        let tmp = try demo()
        // The demo's confidential lease is already waiting for an approval: a second loan is refused.
        let shelf = try JSONSerialization.jsonObject(with: Data(try run(["archive", "list", "--json"], tmp).stdout.utf8)) as? [[String: Any]] ?? []
        let lease = try #require(shelf.first { ($0["title"] as? String)?.contains("租赁") == true }?["id"] as? String)
        let busy = try run(["archive", "lend", lease, "--to", "sam", "--purpose", "audit", "--due", "2026-03-12"], tmp)
        #expect(busy.status == 3 && busy.stderr.contains("waits for approval"), "\(busy)")
        let filed = try run(["archive", "add", "--title", "董事会决议 Board resolution", "--dept", "行政部", "--category", "resolution",
                             "--cabinet", "A-03", "--box", "01", "--retention", "permanent", "--confidential", "--pages", "4"], tmp)
        try #require(filed.status == 0, "\(filed)")
        let file = filed.firstLine
        let lend = try run(["archive", "lend", file, "--to", "sam", "--purpose", "audit", "--due", "2026-03-12"], tmp)
        try #require(lend.status == 0, "\(lend)")
        #expect(lend.stderr.contains("waits for approval"), "\(lend)")
        let loans = try JSONSerialization.jsonObject(with: Data(try run(["archive", "loans", "--json"], tmp).stdout.utf8)) as? [[String: Any]] ?? []
        let loan = try #require(loans.first { $0["id"] as? String == lend.firstLine })
        #expect(loan["status"] as? String == "awaitingApproval" && loan["lentAt"] is NSNull)
        // The due day alone means the office day's end (18:00 Shanghai = 10:00Z).
        #expect(loan["due"] as? String == "2026-03-12T10:00:00Z")
        let approval = try #require(loan["approval"] as? String)
        let decided = try run(["approval", "approve", approval], tmp, user: "ann")
        #expect(decided.status == 0, "\(decided)")
        let after = try run(["archive", "show", file], tmp)
        #expect(after.stdout.contains("out"), "\(after)")
        // Back with a page short: incomplete, and said so in Chinese too.
        let back = try run(["archive", "return", file, "--pages", "3"], tmp, lang: "zh_CN.UTF-8")
        #expect(back.status == 0 && back.stderr.contains("不完整") && back.stderr.contains("1 page"), "\(back)")
    }

    @Test func listingsTakeCSVAndBadInputExitsTwo() throws {
        let tmp = try demo()
        let csv = try run(["archive", "list", "--format", "csv"], tmp)
        #expect(csv.status == 0 && csv.stdout.components(separatedBy: "\r\n").first == "\u{FEFF}ID,TITLE,DEPT,PROJECT,CATEGORY,DATE,WHERE,KEEP,LOAN,FLAGS", "\(csv)")
        #expect(csv.stdout.contains("loanOverdue") && csv.stdout.contains("retentionDue") && csv.stdout.contains("returnIncomplete"))
        let notices = try run(["notice", "list", "--format", "csv"], tmp)
        #expect(notices.status == 0 && notices.stdout.contains("消防演习"), "\(notices)")
        #expect(try run(["notice", "post", "--title", "X", "--until", "someday"], tmp).status == 2)
        #expect(try run(["archive", "add", "--title", "X", "--dept", "行政部", "--category", "c", "--retention", "ten"], tmp).status == 2)
        #expect(try run(["archive", "add", "--title", "X", "--dept", "行政部", "--category", "c", "--retention", "10"], tmp).status == 2,
                "paper without cabinet and box")
        #expect(try run(["notice", "ack", "N99"], tmp).status == 2)
    }

    @Test func thePosterSeesWhoHasNotAcknowledged() throws {
        let tmp = try demo()
        let posted = try run(["notice", "post", "--title", "Quarterly figures", "--to", "财务部", "--until", "2026-03-20"], tmp)
        try #require(posted.status == 0, "\(posted)")
        let id = posted.firstLine
        #expect(try run(["notice", "show", id], tmp).stdout.contains("Sam Okafor (sam)"))
        let ack = try run(["notice", "ack", id], tmp, user: "sam")
        #expect(ack.status == 0 && ack.stderr.contains("1 still to acknowledge"), "\(ack)")
        let show = try run(["notice", "show", id], tmp).stdout
        #expect(!show.contains("Sam Okafor (sam)") && show.contains("Ann Lee (ann)"), "\(show)")
        let outsider = try run(["notice", "ack", id], tmp, user: "chenjing")
        #expect(outsider.status == 3 && outsider.stderr.contains("财务部"), "\(outsider)")
    }
}
