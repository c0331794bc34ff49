import Foundation
import Testing
import TestSupport

/// `--from DAY --to DAY` on the lists, `stock moves`, and `visitor register`: a range that
/// compaction split between history and the working set lists every record once, ids are found
/// wherever they live, and bad ranges exit 2 saying why.
@Suite struct RangeListCLITests {
    /// A demo day on 2026-03-10; ten days later a meeting, a visit and a request are booked.
    func storeWithLaterDay() throws -> (TempStore, later: [String: String]) {
        let tmp = try TempStore("ranges")
        let day = CLI.vars(tmp.path, now: "2026-03-10 17:30")
        var r = try CLI.run(["init", "--allow-overrides"], env: day)
        try #require(r.status == 0, "\(r)")
        r = try CLI.run(["demo", "--date", "2026-03-10"], env: day)
        try #require(r.status == 0, "\(r)")
        let later = CLI.vars(tmp.path, now: "2026-03-20 10:30")
        for args in [["meeting", "add", "--title", "Later review", "--room", "R1", "--start", "2026-03-20 14:00", "--end", "2026-03-20 15:00"],
                     ["visitor", "add", "--name", "Later Guest", "--host", "lina", "--at", "2026-03-20 11:00"],
                     ["approval", "request", "--type", "leave", "--title", "Later leave", "--from", "2026-03-23", "--to", "2026-03-24", "--approver", "wangwei"],
                     ["stock", "issue", "--sku", "PEN-BLK", "--qty", "1", "--dept", "行政部", "--to", "lina"]] {
            r = try CLI.run(args, env: later)
            try #require(r.status == 0, "\(args): \(r)")
        }
        return (tmp, later)
    }

    func rows(_ args: [String], _ env: [String: String]) throws -> [[String: Any]] {
        let r = try CLI.run(args + ["--json"], env: env)
        try #require(r.status == 0, "\(args): \(r)")
        return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
    }

    func ids(_ args: [String], _ env: [String: String]) throws -> [String] {
        try rows(args, env).compactMap { $0["id"] as? String }
    }

    @Test func aRangeAcrossCompactionListsEveryRecordOnce() throws {
        let (tmp, later) = try storeWithLaterDay()
        let range = ["--from", "2026-03-09", "--to", "2026-03-20"]
        let lists = [["meeting", "list"], ["visitor", "list"], ["approval", "list"], ["stock", "moves"]]
        let before = try lists.map { try ids($0 + range, later) }
        for (list, found) in zip(lists, before) {
            #expect(!found.isEmpty, "\(list)")
            #expect(Set(found).count == found.count, "\(list) lists a record twice: \(found)")
        }
        let r = try CLI.run(["compact"], env: later)
        try #require(r.status == 0, "\(r)")
        let snapshot = String(decoding: try #require(FileManager.default.contents(atPath: tmp.file("snapshot.plist"))), as: UTF8.self)
        let after = try lists.map { try ids($0 + range, later) }
        for (k, list) in lists.enumerated() {
            // Same records, same order, each once; some now come from history, some from the working set.
            #expect(after[k] == before[k], "\(list)")
        }
        for k in 0..<3 {
            #expect(after[k].contains { !snapshot.contains($0) }, "\(lists[k]): nothing was read from history")
            #expect(after[k].contains { snapshot.contains($0) }, "\(lists[k]): nothing was read from the working set")
        }
    }

    /// Moves from mid-February to today, all in history after compaction: the balances run on
    /// from the one at the range's start, and the last is what is on hand now.
    @Test func stockMovesCarryTheBalanceAcrossMonths() throws {
        let (tmp, later) = try storeWithLaterDay()
        defer { tmp.remove() }  // kept alive until here: its directory goes with it
        var r = try CLI.run(["compact"], env: later)
        try #require(r.status == 0, "\(r)")
        // From mid-February: the first balance builds on February's opening stock and its moves before the 15th.
        let moves = try rows(["stock", "moves", "--sku", "PEN-BLK", "--from", "2026-02-15", "--to", "2026-03-20"], later)
        try #require(moves.count > 3)
        #expect(moves.allSatisfy { $0["sku"] as? String == "PEN-BLK" })
        let months = Set(moves.compactMap { ($0["at"] as? String)?.prefix(7) })
        #expect(months.count >= 2, "\(months)")
        // Each balance is the one before plus the move; the last is on hand today.
        for (a, b) in zip(moves, moves.dropFirst()) {
            #expect((a["onHandAfter"] as? Int ?? 0) + (b["quantity"] as? Int ?? 0) == b["onHandAfter"] as? Int)
        }
        let items = try rows(["stock", "list"], later)
        let onHand = try #require(items.first { $0["sku"] as? String == "PEN-BLK" }?["onHand"] as? Int)
        #expect(moves.last?["onHandAfter"] as? Int == onHand)
        // Independently: the first balance is every earlier move of the item summed (the whole story, from its start).
        let earlier = try rows(["stock", "moves", "--sku", "PEN-BLK", "--from", "2025-12-01", "--to", "2026-02-14"], later)
        try #require(!earlier.isEmpty)
        let opening = earlier.compactMap { $0["quantity"] as? Int }.reduce(0, +)
        #expect(moves.first?["onHandAfter"] as? Int == opening + (moves.first?["quantity"] as? Int ?? 0))
        r = try CLI.run(["stock", "moves", "--sku", "NOPE"], env: later)
        #expect(r.status == 2 && r.stderr.contains("No item NOPE"), "\(r)")
    }

    @Test func anApprovalDecidedBeforeIsFoundInHistory() throws {
        let (tmp, later) = try storeWithLaterDay()
        var r = try CLI.run(["compact"], env: later)
        try #require(r.status == 0, "\(r)")
        let snapshot = String(decoding: try #require(FileManager.default.contents(atPath: tmp.file("snapshot.plist"))), as: UTF8.self)
        let decided = try rows(["approval", "list", "--date", "2026-03-10"], later)
            .filter { $0["status"] as? String != "pending" }.compactMap { $0["id"] as? String }
        let archived = try #require(decided.first { !snapshot.contains($0) }, "no decided request moved to history: \(decided)")
        r = try CLI.run(["approval", "show", archived], env: later)
        #expect(r.status == 0 && r.stdout.contains(archived), "\(r)")
        r = try CLI.run(["approval", "show", "A99999"], env: later)
        #expect(r.status == 2 && r.stderr.contains("No approval request A99999"), "\(r)")
    }

    @Test func csvIsTheSameRowsUnderTheSameHeader() throws {
        let (tmp, later) = try storeWithLaterDay()
        defer { tmp.remove() }  // kept alive until here: its directory goes with it
        let json = try ids(["visitor", "list", "--from", "2026-03-10", "--to", "2026-03-20"], later)
        let r = try CLI.run(["visitor", "list", "--from", "2026-03-10", "--to", "2026-03-20", "--format", "csv"], env: later)
        try #require(r.status == 0, "\(r)")
        let lines = r.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        // The spreadsheet columns `visitor import` reads back, after the byte-order mark.
        #expect(lines.first == "\u{FEFF}id,name,company,purpose,host,hostName,expected,headCount,status,badges,flags,outcome")
        #expect(lines.dropFirst().map { String($0.prefix { $0 != "," }) } == json)
    }

    @Test(arguments: [
        (["meeting", "list", "--date", "today", "--from", "today", "--to", "today"], "not both"),
        (["visitor", "list", "--from", "2026-03-10"], "go together"),
        (["approval", "list", "--from", "2026-03-10", "--to", "2026-03-01"], "--to 2026-03-01 is before --from 2026-03-10"),
        (["stock", "moves", "--from", "someday", "--to", "today"], "--from must be a day"),
        (["log", "--since", "2026-03-01", "--date", "today"], "one of them"),
        (["log", "--from", "2026-03-10", "--to", "2026-03-09"], "is before --from"),
        (["meeting", "list", "--json", "--format", "csv"], "--json is --format json"),
        (["visitor", "register", "--day", "today", "--week", "today"], "Give one of"),
        (["visitor", "register", "--month", "2026-3"], "month"),
        (["visitor", "register", "--from", "2026-03-10", "--to", "2026-03-09"], "is before --from"),
    ])
    func badRangesExit2AndSayWhy(args: [String], says: String) throws {
        let tmp = try TempStore("badrange")
        let env = CLI.vars(tmp.path)
        var r = try CLI.run(["init", "--allow-overrides"], env: env)
        try #require(r.status == 0, "\(r)")
        let journal = try #require(JournalFile.current(in: tmp.path).first)
        let bytes = FileManager.default.contents(atPath: journal)
        r = try CLI.run(args, env: env)
        #expect(r.status == 2, "\(args): \(r)")
        #expect(r.stderr.contains(says), "\(args): \(r.stderr)")
        #expect(FileManager.default.contents(atPath: journal) == bytes, "a refused read changed the journal")
    }

    @Test func logKeepsTheChangesOfTheRange() throws {
        let (tmp, later) = try storeWithLaterDay()
        defer { tmp.remove() }  // kept alive until here: its directory goes with it
        let all = try rows(["log"], later)
        let ranged = try rows(["log", "--from", "2026-03-20", "--to", "2026-03-20"], later)
        let expected = all.filter { ($0["at"] as? String).flatMap(dayInShanghai) == "2026-03-20" }
        #expect(!ranged.isEmpty && ranged.count < all.count)
        #expect(ranged.compactMap { $0["seq"] as? Int } == expected.compactMap { $0["seq"] as? Int })
    }

    func dayInShanghai(_ iso: String) -> String? {
        guard let d = ISO8601DateFormatter().date(from: iso) else { return nil }
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TempStore.timeZone
        let c = cal.dateComponents([.year, .month, .day], from: d)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }
}

/// `visitor register`: the table lines up Chinese and English names, and its totals are the
/// JSON's, counted from the visits listed.
@Suite struct VisitorRegisterCLITests {
    /// Columns counted in terminal cells: CJK ideographs and full-width forms take two.
    static func width(_ s: Substring) -> Int {
        s.unicodeScalars.reduce(0) { n, u in
            let v = u.value
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v)
            return n + (wide ? 2 : 1)
        }
    }

    @Test func theTableLinesUpChineseNames() throws {
        let tmp = try TempStore("register")
        let env = CLI.vars(tmp.path)
        var r = try CLI.run(["init", "--allow-overrides"], env: env)
        try #require(r.status == 0, "\(r)")
        r = try CLI.run(["demo", "--date", "2026-03-10"], env: env)
        try #require(r.status == 0, "\(r)")
        r = try CLI.run(["visitor", "add", "--name", "欧阳娜娜", "--company", "北京智源科技有限公司", "--host", "lina", "--purpose", "面试", "--at", "2026-03-10 16:00"], env: env)
        try #require(r.status == 0, "\(r)")
        r = try CLI.run(["visitor", "register", "--day", "2026-03-10"], env: env)
        try #require(r.status == 0, "\(r)")
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let header = try #require(lines.first { $0.hasPrefix("ID ") })
        let rows = lines.filter { $0.hasPrefix("V") && $0.dropFirst().first?.isNumber == true }
        try #require(rows.count > 10)
        // Names are whole (not cut to fit), Chinese and English alike.
        #expect(rows.contains { $0.contains("欧阳娜娜") && $0.contains("北京智源科技有限公司") && $0.contains("面试") })
        #expect(rows.contains { $0.contains("欧阳娜娜") } && rows.contains { $0.contains("李娜") } && rows.contains { $0.unicodeScalars.contains { $0.value < 0x80 && $0.properties.isAlphabetic } })
        // Each column starts at the same terminal cell on every line (these columns are never empty in the demo).
        for column in ["COMPANY", "HOST", "PURPOSE", "OUTCOME"] {
            let at = Self.width(header[..<header.range(of: column)!.lowerBound])
            for row in rows {
                // One entry per terminal cell: a wide character fills its second cell with a NUL.
                let cells = Array(row.unicodeScalars).reduce(into: [Character]()) { out, u in
                    out.append(Character(u))
                    if Self.width(Substring(String(u))) == 2 { out.append("\u{0}") }
                }
                try #require(cells.count > at, "\(column): \(row)")
                #expect(cells[at - 1] == " " && cells[at] != " ", "\(column) does not start at cell \(at): \(row)")
            }
        }

        // Totals under the table are the JSON's, and the JSON's are counted from its visits.
        let j = try CLI.run(["visitor", "register", "--day", "2026-03-10", "--format", "json"], env: env)
        try #require(j.status == 0, "\(j)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(j.stdout.utf8)) as? [String: Any])
        let visits = try #require(object["visits"] as? [[String: Any]]), totals = try #require(object["totals"] as? [String: Any])
        #expect(visits.count == rows.count && totals["visits"] as? Int == visits.count)
        #expect(totals["people"] as? Int == visits.compactMap { $0["headCount"] as? Int }.reduce(0, +))
        #expect(totals["noShows"] as? Int == visits.filter { $0["status"] as? String == "noShow" }.count)
        #expect(r.stdout.contains("\(visits.count) visit(s)"), "\(r.stdout)")
    }
}
