import Foundation
import FrontDeskKit
import Testing
import TestSupport

/// `--format csv` and the imports, through the real binary: export → import round trips with
/// Chinese, commas, quotes and line breaks; BOM and line ends; the formula guard; all-or-nothing
/// imports naming the bad lines; a dry run that leaves the store as it was, byte for byte; and
/// Python's csv module reading what we write.
@Suite struct SpreadsheetCLITests {
    static let day = "2026-03-10 10:30"

    func store(_ label: String) throws -> (TempStore, [String: String]) {
        let tmp = try TempStore(label)
        let env = CLI.vars(tmp.path, now: Self.day)
        let r = try CLI.run(["init", "--allow-overrides"], env: env)
        try #require(r.status == 0, "\(r)")
        return (tmp, env)
    }

    func ok(_ args: [String], _ env: [String: String]) throws -> RunResult {
        let r = try CLI.run(args, env: env)
        try #require(r.status == 0, "\(args): \(r)")
        return r
    }

    func json(_ args: [String], _ env: [String: String]) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(try ok(args + ["--json"], env).stdout.utf8)) as? [[String: Any]])
    }

    func write(_ text: String, _ name: String, in tmp: TempStore) throws -> String {
        let path = tmp.base + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Every store file's bytes, by name.
    func snapshot(_ tmp: TempStore) -> [String: Data] {
        Dictionary(uniqueKeysWithValues: tmp.files().compactMap { f in FileManager.default.contents(atPath: tmp.file(f)).map { (f, $0) } })
    }

    static let visitors: [(name: String, company: String, at: String)] = [
        ("李娜, 王芳", "华为技术有限公司", "2026-03-11 09:30"),
        ("Ann \"Annie\" Lee", "ACME, Inc.", "2026-03-11 10:00"),
        ("=cmd|' /C calc'!A0", "-2+3", "2026-03-11 14:15"),
    ]

    @Test func theVisitorRegisterExportImportsIntoAnotherStoreAsTheSameVisitors() throws {
        let (a, envA) = try store("csv-va")
        for v in Self.visitors {
            _ = try ok(["visitor", "add", "--name", v.name, "--company=\(v.company)", "--host", "lina", "--at", v.at, "--purpose", "季度评审"], envA)
        }
        let csv = try ok(["visitor", "register", "--day", "2026-03-11", "--format", "csv"], envA).stdout
        #expect(csv.hasPrefix("\u{FEFF}id,name,"))
        #expect(csv.contains("\"Ann \"\"Annie\"\" Lee\""))
        #expect(csv.contains("'=cmd|' /C calc'!A0") && csv.contains("'-2+3"))
        #expect(!csv.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let file = try write(csv, "register.csv", in: a)

        let (b, envB) = try store("csv-vb")
        let r = try ok(["visitor", "import", file, "--date", "2026-03-11"], envB)
        #expect(r.stdout.split(separator: "\n").count == 3, "\(r)")
        func visits(_ env: [String: String]) throws -> [[String]] {
            try json(["visitor", "list", "--date", "2026-03-11"], env).map {
                [$0["name"] as? String ?? "", $0["company"] as? String ?? "", $0["host"] as? String ?? "", $0["expectedAt"] as? String ?? "", $0["purpose"] as? String ?? ""]
            }.sorted { $0[0] < $1[0] }
        }
        #expect(try visits(envB) == (try visits(envA)))
        #expect(try visits(envB).count == 3)
        a.remove(); b.remove()
    }

    @Test func stockListExportImportsAsAFirstCatalogueWithChineseHeadersToo() throws {
        let (a, envA) = try store("csv-sa")
        _ = try ok(["stock", "item", "add", "--sku", "PAP-A4", "--name", "复印纸, A4 \"高白\"", "--unit", "包", "--reorder-at", "10", "--target", "40",
                    "--supplier", "得力:22.50:3", "--supplier", "晨光:23:2", "--category", "paper"], envA)
        _ = try ok(["stock", "item", "add", "--sku", "GIFT-1", "--name", "@定制礼品", "--unit", "个", "--reorder-at", "0", "--target", "5", "--special"], envA)
        let csv = try ok(["stock", "list", "--format", "csv", "--no-bom"], envA).stdout
        #expect(csv.hasPrefix("sku,name,unit,category,reorderAt,target,unitPrice,suppliers,special"))
        let file = try write(csv, "items.csv", in: a)
        let (b, envB) = try store("csv-sb")
        _ = try ok(["stock", "import", file], envB)
        func items(_ env: [String: String]) throws -> [String] {
            try json(["stock", "list"], env).map { "\($0["sku"] ?? "")|\($0["name"] ?? "")|\($0["unit"] ?? "")|\($0["reorderAt"] ?? "")|\($0["target"] ?? "")" }.sorted()
        }
        #expect(try items(envB) == (try items(envA)))
        // The same catalogue typed by hand in Chinese Excel: Chinese headers, CRLF, no BOM, a quoted line break in a note column.
        let (c, envC) = try store("csv-sc")
        let zh = try write("编号,名称,单位,补货点,目标库存,备注\r\nPEN-1,中性笔，黑色,支,20,100,\"第一行\r\n第二行\"\r\nPEN-2,\"红笔, 细\",支,5,50,\r\n", "zh.csv", in: c)
        let r = try ok(["stock", "import", zh], envC)
        #expect(r.stderr.contains("备注"), "the unknown column is named: \(r)")
        #expect(try json(["stock", "list"], envC).compactMap { $0["name"] as? String }.sorted() == ["中性笔，黑色", "红笔, 细"])
        a.remove(); b.remove(); c.remove()
    }

    @Test func oneBadRowImportsNothingAndEveryBadLineIsNamedInTheReadersLanguage() throws {
        let (tmp, env) = try store("csv-bad")
        let file = try write("name,capacity,equipment\nBoard Room,12,\"projector, video\"\n\"Two\nlines\",8,\nSmall,zero,\nBoard Room,4,\nAnnex,6,whiteboard\n",
                             "rooms.csv", in: tmp)
        let before = snapshot(tmp)
        let r = try CLI.run(["room", "import", file], env: env)
        #expect(r.status == 3, "\(r)")
        // Line 3 holds a line break in a name (the kit's rule), line 5 "zero" seats, line 6 a second Board Room.
        #expect(r.stderr.contains("3 of 5 row(s)") && r.stderr.contains("line 3:") && r.stderr.contains("line 5: capacity \"zero\"")
                && r.stderr.contains("line 6: A room named Board Room exists already"), "\(r)")
        #expect(!r.stderr.contains("line 2:") && !r.stderr.contains("line 7:"))
        #expect(snapshot(tmp) == before)
        #expect(try json(["room", "list"], env).isEmpty)
        let zh = try CLI.run(["room", "import", file], env: env.merging(["LANG": "zh_CN.UTF-8"]) { $1 })
        #expect(zh.stderr.contains("第 6 行：已有名为 Board Room 的会议室") && zh.stderr.contains("未导入任何内容"), "\(zh)")
        tmp.remove()
    }

    @Test func aDryRunShowsTheChangesAndLeavesTheStoreByteForByte() throws {
        let (tmp, env) = try store("csv-dry")
        let file = try write("\u{FEFF}login,姓名,部门,角色\r\nwangfang,王芳,财务部,approver\r\nzhaolei,赵磊,财务部,\r\n", "people.csv", in: tmp)
        let before = snapshot(tmp)
        // Granting roles needs an admin, as `role grant` does: the store's creator (this Unix user).
        let admin = env.merging(["FRONTDESK_USER": realUnixUser()]) { $1 }
        let refused = try CLI.run(["people", "import", file, "--dry-run"], env: env)
        #expect(refused.status == 3 && refused.stderr.contains("line 2: lina may not grant roles"), "\(refused)")
        let dry = try ok(["people", "import", file, "--dry-run"], admin)
        #expect(dry.stdout.contains("line 2: Department 财务部 added.") && dry.stdout.contains("line 3: 赵磊 (zhaolei) added to 财务部."), "\(dry)")
        #expect(dry.stderr.contains("nothing was written"))
        #expect(snapshot(tmp) == before)
        _ = try ok(["people", "import", file], admin)
        #expect(snapshot(tmp) != before)
        #expect(try json(["role", "list"], admin).contains { $0["id"] as? String == "wangfang" })
        tmp.remove()
    }

    @Test func guestsOfAMeetingTakeItsHostTimeAndPurpose() throws {
        let (tmp, env) = try store("csv-meeting")
        _ = try ok(["room", "add", "--name", "Board Room", "--capacity", "12"], env)
        let m = try ok(["meeting", "add", "--title", "供应商大会", "--room", "Board Room", "--start", "2026-03-12 14:00", "--end", "2026-03-12 16:00"], env).firstLine
        let file = try write("姓名,公司\n张伟,得力\n\"O'Brien, Pat\",Staples\n", "guests.csv", in: tmp)
        _ = try ok(["visitor", "import", file, "--meeting", m], env)
        let v = try json(["visitor", "list", "--date", "2026-03-12"], env)
        #expect(v.count == 2)
        #expect(v.allSatisfy { $0["expectedAt"] as? String == "2026-03-12T06:00:00Z" && $0["purpose"] as? String == "供应商大会" && $0["host"] as? String == "lina" })
        tmp.remove()
    }

    /// Python's csv module is the oracle: it reads our export (BOM handled by utf-8-sig) cell for cell.
    @Test func pythonsCSVModuleReadsTheExportCellForCell() throws {
        try #require(CLI.available("python3"), "python3 is the oracle here")
        let (tmp, env) = try store("csv-python")
        _ = try ok(["visitor", "add", "--name", "李娜, \"Lina\"", "--company", "=1+1", "--host", "lina", "--at", "2026-03-10 15:00",
                    "--purpose", "签合同"], env)
        let csv = try ok(["visitor", "list", "--format", "csv"], env).stdout
        let file = try write(csv, "list.csv", in: tmp)
        let script = "import csv,json,sys; print(json.dumps(list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline='')))))"
        let py = try CLI.exec("python3", ["-c", script, file])
        try #require(py.status == 0, "\(py)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(py.stdout.utf8)) as? [[String]])
        try #require(rows.count == 2, "\(rows)")
        #expect(rows[1].contains("李娜, \"Lina\""), "\(rows)")
        #expect(rows[1].contains("'=1+1"), "\(rows)")
        tmp.remove()
    }

    @Test func everyListWithJSONTakesCSVTooAndReportsAndTheLedgerStartWithTheBOM() throws {
        let tmp = try TempStore("csv-lists")
        let env = CLI.vars(tmp.path, now: "2026-03-10 17:30")
        _ = try ok(["init", "--allow-overrides"], env)
        _ = try ok(["demo", "--date", "2026-03-10"], env)
        for args in [["room", "list"], ["badge", "list"], ["role", "list"], ["watch", "list"], ["purchase", "list"], ["purchase", "quotes"],
                     ["stock", "list"], ["stock", "moves"], ["stock", "demand", "list"], ["stock", "counts", "--month", "2026-03"],
                     ["stock", "plan", "--month", "2026-04"], ["stock", "ledger", "--month", "2026-03"], ["visitor", "register", "--month", "2026-03"],
                     ["report", "supplies", "--month", "2026-03"], ["report", "meetings", "--month", "2026-03"],
                     ["report", "visitors", "--month", "2026-03"], ["report", "approvals", "--month", "2026-03"],
                     ["meeting", "list"], ["visitor", "list"], ["approval", "list"], ["log"]] {
            let r = try ok(args + ["--format", "csv"], env)
            #expect(r.stdout.hasPrefix("\u{FEFF}"), "\(args)")
            #expect(r.stdout.hasSuffix("\r\n"), "\(args)")
            let bare = try ok(args + ["--format", "csv", "--no-bom"], env)
            // Same header line, no mark (the whole text is not compared: the approvals report's sums vary in the last cent from run to run).
            #expect(!bare.stdout.hasPrefix("\u{FEFF}") && bare.stdout.prefix { $0 != "\r\n" } == r.stdout.dropFirst().prefix { $0 != "\r\n" }, "\(args)")
        }
        tmp.remove()
    }
}
