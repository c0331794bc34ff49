import Foundation
import Testing
import TestSupport

/// Guarantee 2: real processes writing at once lose nothing, and a rule is checked against the
/// latest state, so the second writer is refused with a reason (exit 3) instead of overwriting.
@Suite(.serialized) struct MultiProcessTests {
    static let now = "2026-03-10 10:30"

    /// A training store with an item, a room and (optionally) the demo office.
    func makeStore(demo: Bool = false) throws -> TempStore {
        let tmp = try TempStore("multi")
        let env = CLI.vars(tmp.path, user: "lina", now: Self.now)
        var r = try CLI.run(["init", "--allow-overrides"], env: env)
        try #require(r.status == 0, "\(r)")
        if demo {
            r = try CLI.run(["demo", "--date", "2026-03-10"], env: env)
            try #require(r.status == 0, "\(r)")
        }
        return tmp
    }

    /// Starts every command before waiting for any, so they race for the lock.
    func race(_ commands: [(args: [String], env: [String: String])]) throws -> [RunResult] {
        let running = try commands.map { try CLI.start($0.args, env: $0.env) }
        return running.map { $0.wait() }
    }

    func json(_ r: RunResult) throws -> [[String: Any]] {
        try #require(r.status == 0, "\(r)")
        return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]], "\(r.stdout)")
    }

    @Test func concurrentAddsAllGetDistinctIdsAndAllArePresent() throws {
        let tmp = try makeStore()
        var all: [String] = []
        for round in 1...3 {
            let n = 8
            let results = try race((0..<n).map { i in
                (["visitor", "add", "--name", "并发 \(round)-\(i)", "--host", "lina", "--at", "2026-03-10 14:00"],
                 CLI.vars(tmp.path, user: "desk\(i)", now: Self.now))
            })
            for r in results { #expect(r.status == 0, "\(r)") }
            let ids = results.map(\.firstLine)
            #expect(Set(ids).count == n, "duplicate ids: \(ids)")
            all += ids
        }
        #expect(Set(all).count == all.count)
        let listed = try json(try CLI.run(["visitor", "list", "--json", "--date", "2026-03-10"], env: CLI.vars(tmp.path)))
        let listedIDs = Set(listed.compactMap { $0["id"] as? String })
        #expect(Set(all).isSubset(of: listedIDs), "missing: \(Set(all).subtracting(listedIDs))")
        // Every change is a journal record, in sequence, none torn or overwritten.
        let log = try json(try CLI.run(["log", "--json"], env: CLI.vars(tmp.path)))
        let seqs = log.compactMap { $0["seq"] as? Int }
        #expect(seqs == Array(1...seqs.count))
        #expect(log.filter { $0["change"] as? String == "visitor.add" }.count == all.count)
        let check = try CLI.run(["check"], env: CLI.vars(tmp.path))
        #expect(check.status == 0, "\(check)")
        #expect(!check.stdout.contains("torn"))
    }

    @Test func twoCheckInsWithTheSameBadgeOneWinsTheOtherIsToldWhoHasIt() throws {
        let tmp = try makeStore()
        for round in 1...3 {
            let badge = "B04\(round)"
            var ids: [String] = []
            for name in ["Alice \(round)", "Bob \(round)"] {
                let r = try CLI.run(["visitor", "add", "--name", name, "--host", "lina", "--at", "2026-03-10 11:00", "--id-number", "3101011990010\(round)00"],
                                    env: CLI.vars(tmp.path))
                try #require(r.status == 0, "\(r)")
                ids.append(r.firstLine)
            }
            let results = try race(ids.map { (["visitor", "checkin", $0, "--badge", badge], CLI.vars(tmp.path)) })
            let winners = results.indices.filter { results[$0].status == 0 }
            let losers = results.indices.filter { results[$0].status == 3 }
            try #require(winners.count == 1 && losers.count == 1, "\(results)")
            let winner = winners[0], loser = losers[0]
            #expect(results[winner].firstLine == badge)
            let why = results[loser].stderr
            #expect(why.contains("Badge \(badge)"), "\(why)")
            #expect(why.contains(ids[winner]), "loser not told who holds it: \(why)")
            #expect(!why.contains(ids[loser]))
            // The badge is out with the winner only.
            let badges = try json(try CLI.run(["badge", "list", "--json"], env: CLI.vars(tmp.path)))
            let b = try #require(badges.first { $0["id"] as? String == badge })
            #expect(b["status"] as? String == "issued")
            #expect(b["visitorId"] as? String == ids[winner])
        }
    }

    @Test func concurrentIssuesOfTheLastUnitsOneWinsStockNeverBelowZero() throws {
        let tmp = try makeStore()
        let env = CLI.vars(tmp.path)
        var r = try CLI.run(["stock", "item", "add", "--sku", "PEN", "--name", "Pens", "--unit", "box", "--reorder-at", "1", "--target", "5"], env: env)
        try #require(r.status == 0, "\(r)")
        for round in 1...3 {
            r = try CLI.run(["stock", "receive", "--sku", "PEN", "--qty", "3", "--supplier", "Deli", "--unit-price", "12"], env: env)
            try #require(r.status == 0, "\(r)")
            let results = try race((0..<4).map { i in
                (["stock", "issue", "--sku", "PEN", "--qty", "3", "--dept", "行政部", "--to", "taker\(i)"], CLI.vars(tmp.path, user: "desk\(i)"))
            })
            #expect(results.filter { $0.status == 0 }.count == 1, "round \(round): \(results)")
            for loser in results where loser.status != 0 {
                #expect(loser.status == 3, "\(loser)")
                #expect(loser.stderr.contains("Only 0"), "\(loser.stderr)")
            }
            let items = try json(try CLI.run(["stock", "list", "--json"], env: env))
            let pen = try #require(items.first { $0["id"] as? String == "PEN" })
            #expect(pen["onHand"] as? Int == 0)
        }
        // Three units in, three out, every round: never below zero, nothing lost.
        let log = try json(try CLI.run(["log", "--json"], env: env))
        #expect(log.filter { $0["change"] as? String == "stock.issue" }.count == 3)
    }

    @Test func twoBookingsOfTheSameRoomAndTimeOneWinsTheLoserNamesTheHolder() throws {
        let tmp = try makeStore(demo: true)
        let env = CLI.vars(tmp.path)
        var r = try CLI.run(["room", "add", "--name", "Race Room", "--capacity", "6"], env: env)
        try #require(r.status == 0, "\(r)")
        for round in 1...3 {
            let start = "2026-03-1\(round + 1) 10:00", end = "2026-03-1\(round + 1) 11:00"
            let organizers = ["wangfang", "zhaolei"]
            let results = try race(organizers.map { who in
                (["meeting", "add", "--title", "Sync \(who)", "--room", "Race Room", "--start", start, "--end", end,
                  "--organizer", who], CLI.vars(tmp.path, user: who))
            })
            let winners = results.indices.filter { results[$0].status == 0 }
            try #require(winners.count == 1, "round \(round): \(results)")
            let w = winners[0], l = 1 - w
            #expect(results[l].status == 3, "\(results[l])")
            let why = results[l].stderr
            #expect(why.contains("Race Room is booked"), "\(why)")
            #expect(why.contains(results[w].firstLine), "the holder's meeting is not named: \(why)")
            r = try CLI.run(["meeting", "list", "--json", "--date", "2026-03-1\(round + 1)"], env: env)
            let day = try json(r).filter { $0["room"] as? String == "Race Room" }
            #expect(day.count == 1)
            #expect(day.first?["id"] as? String == results[w].firstLine)
        }
    }

    @Test func writersInterleavedWithACompactionLoseNothing() throws {
        let tmp = try makeStore(demo: true)
        let later = "2026-07-10 10:30"
        var commands: [(args: [String], env: [String: String])] = (0..<6).map { i in
            (["visitor", "add", "--name", "During compaction \(i)", "--host", "lina", "--at", "2026-07-10 15:00"], CLI.vars(tmp.path, now: later))
        }
        commands.insert((["compact"], CLI.vars(tmp.path, now: later)), at: 3)
        let results = try race(commands)
        for r in results { #expect(r.status == 0, "\(r)") }
        let ids = results.enumerated().filter { $0.offset != 3 }.map(\.element.firstLine)
        let listed = try json(try CLI.run(["visitor", "list", "--json", "--date", "2026-07-10"], env: CLI.vars(tmp.path, now: later)))
        #expect(Set(ids).isSubset(of: Set(listed.compactMap { $0["id"] as? String })))
        let check = try CLI.run(["check"], env: CLI.vars(tmp.path, now: later))
        #expect(check.status == 0, "\(check)")
    }
}
