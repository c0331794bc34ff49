import Foundation
import Testing
import TestSupport

/// `frontdesk doc …` on the demo office (W1–W8: see DemoDocuments), run as real processes.
@Suite(.serialized) struct DocCommandTests {
    static let now = "2026-03-10 10:30"

    func demoStore() throws -> TempStore {
        let tmp = try TempStore("doc")
        let env = CLI.vars(tmp.path, user: "lina", now: Self.now)
        var r = try CLI.run(["init", "--allow-overrides"], env: env)
        try #require(r.status == 0, "\(r)")
        r = try CLI.run(["demo", "--date", "2026-03-10"], env: env)
        try #require(r.status == 0, "\(r)")
        return tmp
    }

    func run(_ tmp: TempStore, _ args: [String], user: String = "lina", lang: String? = nil) throws -> RunResult {
        var env = CLI.vars(tmp.path, user: user, now: Self.now)
        if let lang { env["LANG"] = lang }
        return try CLI.run(args, env: env)
    }

    func json(_ r: RunResult) throws -> [[String: Any]] {
        try #require(r.status == 0, "\(r)")
        return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]], "\(r.stdout)")
    }

    @Test func anIncomingDocumentFromRegistrationToHandledWithItsTrace() throws {
        let tmp = try demoStore()
        defer { tmp.remove() }
        let reg = try run(tmp, ["doc", "in", "--title", "关于年检的通知", "--from", "市场监管局", "--urgency", "very-urgent", "--pages", "4"], user: "tom")
        try #require(reg.status == 0, "\(reg)")
        let id = reg.firstLine
        #expect(reg.stderr.contains("收〔2026〕0006"), "the sixth incoming number of 2026 after the demo's five: \(reg.stderr)")
        #expect(try run(tmp, ["doc", "submit", id, "--leader", "wangwei"], user: "tom").status == 0)
        let wrong = try run(tmp, ["doc", "decide", id, "--text", "同意"], user: "tom")
        #expect(wrong.status == 3 && wrong.stderr.contains("王伟"), "\(wrong)")
        let wrongZh = try run(tmp, ["doc", "decide", id, "--text", "同意"], user: "tom", lang: "zh_CN.UTF-8")
        #expect(wrongZh.status == 3 && wrongZh.stderr.contains("批示"), "\(wrongZh)")
        #expect(try run(tmp, ["doc", "decide", id, "--text", "请行政部办理"], user: "wangwei").status == 0)
        #expect(try run(tmp, ["doc", "forward", id, "--to", "行政部,研发部"], user: "tom").status == 0)
        #expect(try run(tmp, ["doc", "handled", id, "--dept", "行政部"], user: "tom").status == 0)
        let done = try run(tmp, ["doc", "handled", id, "--dept", "研发部", "--note", "已落实"], user: "chenjing", lang: "zh_CN.UTF-8")
        #expect(done.status == 0 && done.stderr.contains("全部办结"), "\(done)")
        let trace = try json(try run(tmp, ["doc", "trace", id, "--json"]))
        #expect(trace.map { $0["step"] as? String ?? "" } == ["doc.in", "doc.submit", "doc.decide", "doc.forward", "doc.handled", "doc.handled"])
        #expect(trace[2]["by"] as? String == "wangwei" && trace[2]["text"] as? String == "请行政部办理")
        #expect(trace.allSatisfy { ($0["at"] as? String)?.hasSuffix("Z") == true })
        let text = try run(tmp, ["doc", "trace", id])
        #expect(text.status == 0 && text.stdout.contains("已落实") && text.stdout.contains("王伟"), "\(text)")
        let unknown = try run(tmp, ["doc", "show", "W999"])
        #expect(unknown.status == 2 && unknown.stderr.contains("W999"), "\(unknown)")
    }

    @Test func anOutgoingDocumentIsApprovedThroughTheChainThenNumberedOnRelease() throws {
        let tmp = try demoStore()
        defer { tmp.remove() }
        let draft = try run(tmp, ["doc", "draft", "--type", "report", "--title", "年度工作总结", "--dept", "行政部"], user: "tom")
        try #require(draft.status == 0, "\(draft)")
        let id = draft.firstLine
        let early = try run(tmp, ["doc", "release", id], user: "tom")
        #expect(early.status == 3, "not approved yet: \(early)")
        #expect(try run(tmp, ["doc", "proofread", id], user: "tom").status == 0)
        let sent = try run(tmp, ["doc", "approval", id, "--approver", "wangwei"], user: "tom")
        try #require(sent.status == 0, "\(sent)")
        let approval = sent.firstLine
        #expect(approval.hasPrefix("A"))
        #expect(try run(tmp, ["approval", "approve", approval, "--comment", "同意印发"], user: "wangwei").status == 0)
        let released = try run(tmp, ["doc", "release", id], user: "tom")
        #expect(released.status == 0 && released.firstLine == "行政报〔2026〕1号", "\(released)")
        #expect(try run(tmp, ["doc", "file", id], user: "tom").status == 0)
        #expect(try run(tmp, ["doc", "distribute", id, "--to", "销售部", "--to", "wangwei"], user: "tom").status == 0)
        #expect(try run(tmp, ["doc", "ack", id], user: "wangwei").status == 0)
        let show = try json(try run(tmp, ["doc", "show", id, "--json"]))
        #expect(show.first?["number"] as? String == "行政报〔2026〕1号" && show.first?["status"] as? String == "distributed")
        let trace = try json(try run(tmp, ["doc", "trace", id, "--json"])).map { $0["step"] as? String ?? "" }
        #expect(trace == ["doc.draft", "doc.proofread", "doc.approval", "doc.approved", "doc.release", "doc.file", "doc.distribute", "doc.ack"])
    }

    /// Two desks release at once, three times over: the numbers are 1…6 with no gap and no duplicate.
    @Test func releasesFromTwoProcessesAtOnceNeverReuseOrSkipANumber() throws {
        let tmp = try demoStore()
        defer { tmp.remove() }
        var ids: [String] = []
        for i in 1...6 {
            let d = try run(tmp, ["doc", "draft", "--type", "notice", "--title", "通知 \(i)", "--dept", "行政部"], user: "tom")
            try #require(d.status == 0, "\(d)")
            #expect(try run(tmp, ["doc", "proofread", d.firstLine], user: "tom").status == 0)
            let a = try run(tmp, ["doc", "approval", d.firstLine], user: "tom")
            try #require(a.status == 0, "\(a)")
            #expect(try run(tmp, ["approval", "approve", a.firstLine], user: "ann").status == 0)
            ids.append(d.firstLine)
        }
        var numbers: [String] = []
        for pair in stride(from: 0, to: ids.count, by: 2) {
            let running = try [(ids[pair], "tom"), (ids[pair + 1], "zhangmin")].map { id, user in
                try CLI.start(["doc", "release", id], env: CLI.vars(tmp.path, user: user, now: Self.now))
            }
            for r in running.map({ $0.wait() }) {
                #expect(r.status == 0, "\(r)")
                numbers.append(r.firstLine)
            }
        }
        #expect(Set(numbers) == Set((1...6).map { "行政发〔2026〕\($0)号" }), "\(numbers)")
        let listed = try json(try run(tmp, ["doc", "list", "--json", "--direction", "outgoing"]))
        let notices = listed.compactMap { $0["number"] as? String }.filter { $0.hasPrefix("行政发") }
        #expect(notices.sorted() == (1...6).map { "行政发〔2026〕\($0)号" }.sorted())
        #expect(try run(tmp, ["check"]).status == 0)
    }

    @Test func aConfidentialTitleIsMaskedInListsShowAndSearch() throws {
        let tmp = try demoStore()
        defer { tmp.remove() }
        // W4 is the demo's confidential 人事任免通知, forwarded to 人力资源部; tom is a desk clerk elsewhere.
        let outsider = try json(try run(tmp, ["doc", "list", "--json"], user: "tom"))
        let w4 = try #require(outsider.first { $0["id"] as? String == "W4" })
        #expect(w4["title"] as? String == "confidential" && w4["masked"] as? Bool == true)
        #expect(try json(try run(tmp, ["doc", "list", "--json", "--query", "任免"], user: "tom")).isEmpty, "search never matches a masked title")
        #expect(try json(try run(tmp, ["doc", "list", "--json", "--query", "任免"], user: "huangli")).count == 1, "a member of 人力资源部, where it went, sees it")
        #expect(try json(try run(tmp, ["doc", "list", "--json", "--query", "任免"], user: "zhaolei")).count == 1, "its leader sees it")
        let zh = try run(tmp, ["doc", "show", "W4"], user: "tom", lang: "zh_CN.UTF-8")
        #expect(zh.status == 0 && zh.stdout.contains("机密") && !zh.stdout.contains("任免"), "\(zh)")
        let trace = try run(tmp, ["doc", "trace", "W4"], user: "tom")
        #expect(!trace.stdout.contains("任免") && !trace.stdout.contains("HR to act"), "\(trace)")
        let csv = try run(tmp, ["doc", "list", "--format", "csv"], user: "tom")
        #expect(csv.status == 0 && csv.stdout.hasPrefix("\u{FEFF}ID,NUMBER,TITLE") && !csv.stdout.contains("任免"), "\(csv)")
    }

    @Test func theDemoHasAnOverdueDecisionAndBadInputIsRefused() throws {
        let tmp = try demoStore()
        defer { tmp.remove() }
        let overdue = try json(try run(tmp, ["doc", "list", "--json", "--overdue"]))
        #expect(overdue.contains { ($0["flags"] as? [String])?.contains("decisionOverdue") == true }, "\(overdue)")
        let noDept = try run(tmp, ["doc", "forward", "W4", "--to", "不存在部"])
        #expect(noDept.status == 3 || noDept.status == 2, "\(noDept)")
        let badUrgency = try run(tmp, ["doc", "in", "--title", "x", "--from", "y", "--urgency", "soon"])
        #expect(badUrgency.status == 2, "\(badUrgency)")
        let before = try run(tmp, ["log", "--json"]).stdout
        let empty = try run(tmp, ["doc", "in", "--title", " ", "--from", "y"])
        #expect(empty.status == 2, "\(empty)")
        #expect(try run(tmp, ["log", "--json"]).stdout == before, "a refusal changes nothing")
    }
}
