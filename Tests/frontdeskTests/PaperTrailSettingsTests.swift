import Foundation
import Testing
import TestSupport

/// `settings set` for the document register (number pattern, issuer, due times) and the archive
/// record a release files, run as real processes on the demo office.
@Suite(.serialized) struct PaperTrailSettingsTests {
    static let now = "2026-03-10 10:30"

    func demoStore() throws -> TempStore {
        let tmp = try TempStore("docset")
        let env = CLI.vars(tmp.path, user: "lina", now: Self.now)
        var r = try CLI.run(["init", "--allow-overrides"], env: env)
        try #require(r.status == 0, "\(r)")
        r = try CLI.run(["demo", "--date", "2026-03-10"], env: env)
        try #require(r.status == 0, "\(r)")
        return tmp
    }

    /// The store's creator (the real user) is its admin, who changes settings.
    static let admin = (try? CLI.exec("id", ["-un"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? "root"

    func run(_ tmp: TempStore, _ args: [String], user: String? = nil, now: String = now, lang: String? = nil) throws -> RunResult {
        var env = CLI.vars(tmp.path, user: user ?? (args.first == "settings" ? Self.admin : "lina"), now: now)
        if let lang { env["LANG"] = lang }
        return try CLI.run(args, env: env)
    }

    func jsonArray(_ r: RunResult) throws -> [[String: Any]] {
        try #require(r.status == 0, "\(r)")
        return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]], "\(r.stdout)")
    }

    func meta(_ tmp: TempStore) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: tmp.file("meta.plist"))) }

    /// Drafted, proofread, approved by ann: ready to release. Returns the document's id.
    func approvedDraft(_ tmp: TempStore, type: String = "report") throws -> String {
        let d = try run(tmp, ["doc", "draft", "--type", type, "--title", "年度工作总结", "--dept", "行政部"], user: "tom")
        try #require(d.status == 0, "\(d)")
        #expect(try run(tmp, ["doc", "proofread", d.firstLine], user: "tom").status == 0)
        let a = try run(tmp, ["doc", "approval", d.firstLine, "--approver", "ann"], user: "tom")
        try #require(a.status == 0, "\(a)")
        #expect(try run(tmp, ["approval", "approve", a.firstLine], user: "ann").status == 0)
        return d.firstLine
    }

    @Test func thePatternAndIssuerSetTheNextNumbers() throws {
        let tmp = try demoStore()
        defer { tmp.remove() }
        let set = try run(tmp, ["settings", "set", "docIncomingPattern", "IN-{year}-{seq}"])
        #expect(set.status == 0 && set.stderr.contains("IN-2026-7"), "the note shows a sample number: \(set)")
        let reg = try run(tmp, ["doc", "in", "--title", "年检通知", "--from", "市场监管局"], user: "tom")
        #expect(reg.status == 0 && reg.stderr.contains("IN-2026-6"), "the demo's five, then the sixth in the new pattern: \(reg)")
        #expect(try run(tmp, ["settings", "set", "docIssuer", "综合"]).status == 0)
        let id = try approvedDraft(tmp)
        let released = try run(tmp, ["doc", "release", id], user: "tom")
        #expect(released.status == 0 && released.firstLine == "综合报〔2026〕1号", "\(released)")
        let shown = try run(tmp, ["settings", "show", "--json"])
        let o = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
        #expect(o["docIssuer"] as? String == "综合" && o["docIncomingPattern"] as? String == "IN-{year}-{seq}" && o["docDecideUrgent"] as? String == "24h")
        let table = try run(tmp, ["settings", "show"])
        #expect(table.stdout.contains("docIssuer") && table.stdout.contains("docDecideVeryUrgent"), "\(table)")
    }

    @Test func aPatternOrIssuerThatWouldRepeatOrBreakNumbersIsRefusedAndChangesNothing() throws {
        let tmp = try demoStore()
        defer { tmp.remove() }
        let before = try meta(tmp)
        let noYear = try run(tmp, ["settings", "set", "docIncomingPattern", "收-{seq}"])
        #expect(noYear.status == 2 && noYear.stderr.contains("{year}"), "\(noYear)")
        let noSeq = try run(tmp, ["settings", "set", "docIncomingPattern", "收〔{year}〕"], lang: "zh_CN.UTF-8")
        #expect(noSeq.status == 2 && noSeq.stderr.contains("编号会重复"), "\(noSeq)")
        let spaced = try run(tmp, ["settings", "set", "docIssuer", "行 政"])
        #expect(spaced.status == 2 && spaced.stderr.contains("issuer"), "\(spaced)")
        #expect(try run(tmp, ["settings", "set", "docIssuer", ""]).status == 2)
        let badTime = try run(tmp, ["settings", "set", "docDecideUrgent", "soon"], lang: "zh_CN.UTF-8")
        #expect(badTime.status == 2 && badTime.stderr.contains("时长"), "\(badTime)")
        let unknown = try run(tmp, ["settings", "set", "docNothing", "1h"])
        #expect(unknown.status == 2 && unknown.stderr.contains("docIssuer"), "the known keys are listed: \(unknown)")
        let notAdmin = try run(tmp, ["settings", "set", "docIssuer", "综合"], user: "tom")
        #expect(notAdmin.status == 3, "\(notAdmin)")
        #expect(try meta(tmp) == before, "a refused setting changed meta.plist")
    }

    /// A normal document submitted at 10:30 is due 72 h later by default; set to 1 h it is overdue
    /// at 11:30 and not at 11:29:59.
    @Test func theDecisionTimePerUrgencyMovesTheOverdueFlag() throws {
        let tmp = try demoStore()
        defer { tmp.remove() }
        let reg = try run(tmp, ["doc", "in", "--title", "预算通知", "--from", "市财政局", "--urgency", "normal"], user: "tom")
        try #require(reg.status == 0, "\(reg)")
        #expect(try run(tmp, ["doc", "submit", reg.firstLine, "--leader", "wangwei"], user: "tom").status == 0)
        func overdue(at now: String) throws -> Bool {
            try jsonArray(try run(tmp, ["doc", "list", "--json", "--overdue"], now: now)).contains { $0["id"] as? String == reg.firstLine }
        }
        #expect(try !overdue(at: "2026-03-10 11:30"), "72 h by default")
        #expect(try run(tmp, ["settings", "set", "docDecideNormal", "1h"]).status == 0)
        #expect(try !overdue(at: "2026-03-10 11:29:59"))
        #expect(try overdue(at: "2026-03-10 11:30"))
        #expect(try run(tmp, ["settings", "set", "docDecideUrgent", "30m"]).status == 0)
        #expect(try overdue(at: "2026-03-10 11:30"), "another urgency's time leaves it alone")
    }

    @Test func aReleaseFromTheCommandLineIsFiledInTheArchive() throws {
        let tmp = try demoStore()
        defer { tmp.remove() }
        let id = try approvedDraft(tmp, type: "notice")
        let before = try jsonArray(try run(tmp, ["archive", "list", "--json"]))
        #expect(!before.contains { $0["source"] as? String == "document \(id)" })
        let released = try run(tmp, ["doc", "release", id], user: "tom")
        try #require(released.status == 0, "\(released)")
        let after = try jsonArray(try run(tmp, ["archive", "list", "--json"]))
        #expect(after.count == before.count + 1)
        let filed = try #require(after.first { $0["source"] as? String == "document \(id)" }, "\(after)")
        #expect(filed["title"] as? String == "\(released.firstLine) 年度工作总结" && filed["department"] as? String == "行政部")
        #expect(filed["category"] as? String == "outgoing notice" && filed["medium"] as? String == "electronic")
    }

    /// No --due: the end of the office day archiveLoanDays on (14 by default, then 3 once set).
    @Test func aLoanWithoutADueDateTakesTheLoanLengthSetting() throws {
        let tmp = try demoStore()
        defer { tmp.remove() }
        func newFile(_ title: String) throws -> String {
            let r = try run(tmp, ["archive", "add", "--title", title, "--dept", "行政部", "--category", "contract", "--cabinet", "C9", "--box", "1",
                                  "--retention", "10"], user: "tom")
            try #require(r.status == 0, "\(r)")
            return r.firstLine
        }
        func dueOfLoan(_ loan: String) throws -> String? {
            try jsonArray(try run(tmp, ["archive", "loans", "--json"])).first { $0["id"] as? String == loan }?["due"] as? String
        }
        let first = try run(tmp, ["archive", "lend", try newFile("保洁合同 Cleaning contract"), "--to", "maria", "--purpose", "review"], user: "tom")
        try #require(first.status == 0, "\(first)")
        #expect(try dueOfLoan(first.firstLine) == "2026-03-24T10:00:00Z", "14 days on, 18:00 office time")
        #expect(try run(tmp, ["settings", "set", "archiveLoanDays", "3"]).status == 0)
        let second = try run(tmp, ["archive", "lend", try newFile("绿植合同 Plants contract"), "--to", "maria", "--purpose", "review"], user: "tom")
        try #require(second.status == 0, "\(second)")
        #expect(try dueOfLoan(second.firstLine) == "2026-03-13T10:00:00Z")
        let bad = try run(tmp, ["settings", "set", "archiveLoanDays", "0"])
        #expect(bad.status == 2, "\(bad)")
    }
}
