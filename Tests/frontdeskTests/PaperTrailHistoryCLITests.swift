import Foundation
import Testing
import TestSupport
import FrontDeskKit

/// The paper trail and the parcel desk read the same before and after compaction moves their
/// closed records to history: lists for a past day or range, every show by id, and the reports.
@Suite struct PaperTrailHistoryCLITests {
    func rows(_ args: [String], _ env: [String: String]) throws -> [[String: Any]] {
        let r = try CLI.run(args + ["--json"], env: env)
        try #require(r.status == 0, "\(args): \(r)")
        return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]], "\(args)")
    }

    func ids(_ args: [String], _ env: [String: String]) throws -> [String] {
        try rows(args, env).compactMap { $0["id"] as? String }.sorted()
    }

    @Test func compactedPaperTrailReadsTheSameFromHistory() throws {
        let tmp = try TempStore("paper-cli")
        let day = CLI.vars(tmp.path, now: "2026-03-10 17:30")
        for args in [["init", "--allow-overrides"], ["demo", "--date", "2026-03-10"]] {
            let r = try CLI.run(args, env: day)
            try #require(r.status == 0, "\(args): \(r)")
        }
        // The demo's documents are all still in hand: one more goes the whole way that day.
        let kit = try tmp.open(at: "2026-03-10 17:40")
        let dept = try #require(kit.state.departments.keys.sorted().first), at = kit.env.now()
        let id = try kit.commit { s, ctx in
            s.registerIncoming(title: "年检 Inspection", sender: "市场监管局", receivedOn: ctx.now, category: nil, urgency: .normal,
                               confidentiality: .none, pages: 2, attachment: nil, ctx)
        }.change.subject
        for c: Change in [.document(.submit(documentID: id, leader: "lina", by: "lina", at: at)),
                          .document(.decide(documentID: id, text: "请办理", by: "lina", at: at)),
                          .document(.forward(documentID: id, departments: [dept], by: "lina", at: at)),
                          .document(.handled(documentID: id, department: dept, note: nil, by: "lina", at: at))] {
            _ = try kit.commit(c)
        }
        // Read with the later clock before compacting, so only where the records live differs.
        let later = CLI.vars(tmp.path, now: "2026-03-20 10:30")
        let docs = try ids(["doc", "list", "--date", "2026-03-10"], later)
        let parcels = try ids(["parcel", "list", "--from", "2026-03-09", "--to", "2026-03-10"], later)
        let notices = try ids(["notice", "list", "--date", "2026-03-10"], later)
        let loans = try ids(["archive", "loans", "--date", "2026-03-10"], later)
        try #require(!docs.isEmpty && !parcels.isEmpty && !notices.isEmpty)
        var reports: [String: String] = [:]
        for kind in ["documents", "loans", "parcels"] {
            let r = try CLI.run(["report", kind, "--month", "2026-03", "--format", "json"], env: later)
            try #require(r.status == 0, "\(kind): \(r)")
            reports[kind] = r.stdout
        }

        let r = try CLI.run(["compact"], env: later)
        try #require(r.status == 0, "\(r)")
        let working = try tmp.open(at: "2026-03-20 10:30").state
        // Some of each left the working set (else this would test nothing) …
        #expect(docs.contains { working.documents[$0] == nil }, "no document was compacted")
        #expect(parcels.contains { working.parcels[$0] == nil }, "no parcel was compacted")
        #expect(notices.contains { working.notices[$0] == nil } || notices.allSatisfy { working.notices[$0] != nil })
        // … and every list, show and report reads as before.
        #expect(try ids(["doc", "list", "--date", "2026-03-10"], later) == docs)
        #expect(try ids(["parcel", "list", "--from", "2026-03-09", "--to", "2026-03-10"], later) == parcels)
        #expect(try ids(["notice", "list", "--date", "2026-03-10"], later) == notices)
        #expect(try ids(["archive", "loans", "--date", "2026-03-10"], later) == loans)
        for id in docs {
            for sub in ["show", "trace"] {
                let s = try CLI.run(["doc", sub, id], env: later)
                #expect(s.status == 0, "doc \(sub) \(id): \(s)")
            }
        }
        for id in parcels {
            let s = try rows(["parcel", "show", id], later)
            #expect(s.first?["id"] as? String == id)
        }
        for id in notices {
            let s = try CLI.run(["notice", "show", id], env: later)
            #expect(s.status == 0, "notice show \(id): \(s)")
        }
        for kind in ["documents", "loans", "parcels"] {
            let again = try CLI.run(["report", kind, "--month", "2026-03", "--format", "json"], env: later)
            #expect(again.stdout == reports[kind], "\(kind) report differs after compaction")
        }
        let missing = try CLI.run(["parcel", "show", "C99999"], env: later)
        #expect(missing.status == 2 && missing.stderr.contains("No parcel C99999"), "\(missing)")
    }
}
