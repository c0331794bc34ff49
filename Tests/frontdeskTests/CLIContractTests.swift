import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// The CLI contract (exit codes 0/2/3/4, ids alone on stdout, JSON lists, overrides) and the store
/// guarantees only a real process can show: fsync before the acknowledgement, file modes under a
/// hostile umask, the audit trail's Unix user.
@Suite struct CLIContractTests {
    static let now = "2026-03-10 10:30"

    func trainingStore(demo: Bool = false) throws -> TempStore {
        let tmp = try TempStore("cli")
        var r = try CLI.run(["init", "--allow-overrides"], env: CLI.vars(tmp.path))
        try #require(r.status == 0, "\(r)")
        if demo {
            r = try CLI.run(["demo", "--date", "2026-03-10"], env: CLI.vars(tmp.path))
            try #require(r.status == 0, "\(r)")
        }
        return tmp
    }

    func jsonArray(_ r: RunResult) throws -> [[String: Any]] {
        try #require(r.status == 0, "\(r)")
        let any = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
        return try #require(any as? [[String: Any]], "not an array of objects: \(r.stdout)")
    }

    /// The real user name of this process's effective uid, asked of the system, not of frontdesk.
    static let realUser: String = {
        (try? CLI.exec("id", ["-un"]))?.stdout.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
    }()

    // MARK: Guarantee 1, observed: the journal is fsync'd before the id is printed

    static let straceWorks: Bool = (try? CLI.exec("strace", ["-o", "/dev/null", "true"]))?.status == 0

    @Test(.enabled(if: straceWorks, "strace is not installed or ptrace is not allowed"))
    func journalIsFsyncedBeforeTheAcknowledgement() throws {
        let tmp = try trainingStore()
        let trace = tmp.base + "/trace.txt"
        let r = try CLI.exec("strace", ["-f", "-e", "trace=openat,write,pwrite64,fsync,fdatasync", "-o", trace, CLI.binary,
                                        "visitor", "add", "--name", "Traced", "--host", "lina", "--at", "2026-03-10 11:00"],
                             env: CLI.vars(tmp.path))
        try #require(r.status == 0, "\(r)")
        let id = r.firstLine
        let lines = try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n").map(String.init)
        // The descriptor the journal was opened on.
        let open = try #require(lines.first { $0.contains("openat(") && $0.contains("journal.") && $0.contains(".log\"") && $0.contains("O_NOFOLLOW") })
        let fd = try #require(open.split(separator: "=").last.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { Int($0) })
        func index(_ p: (String) -> Bool) -> Int? { lines.firstIndex(where: p) }
        let append = try #require(lines.lastIndex { $0.contains("write(\(fd), \"") || $0.contains("pwrite64(\(fd), \"") }, "no journal write")
        let sync = try #require(lines.indices.first { $0 > append && (lines[$0].contains("fsync(\(fd))") || lines[$0].contains("fdatasync(\(fd))")) },
                                "the journal append is never fsync'd")
        #expect(lines[sync].hasSuffix("= 0"))
        let ack = try #require(index { $0.contains("write(1, \"\(id)") }, "the id was not printed")
        #expect(append < sync && sync < ack, "append \(append), fsync \(sync), id printed \(ack)")
    }

    // MARK: Guarantee 7: explicit modes for a group-shared store

    @Test func nothingFromTheStoreCanDriveTheTerminal() throws {
        let tmp = try trainingStore()
        let env = CLI.vars(tmp.path)
        let hostile = "Eve\u{1B}[2J\u{9B}31m\u{202E}evil"
        // Input limits (issue #9) refuse control characters at the door; the outputs below stay sanitised for older records.
        let add = try CLI.run(["visitor", "add", "--name", hostile, "--host", "lina", "--at", "2026-03-10 11:00"], env: env)
        #expect(add.status == 2, "\(add)")
        #expect(!add.stderr.unicodeScalars.contains("\u{1B}"))
        _ = try CLI.run(["visitor", "add", "--name", "Eve", "--host", "lina", "--at", "2026-03-10 11:00"], env: env)
        for args in [["visitor", "list"], ["visitor", "list", "--json"], ["log"], ["log", "--json"]] {
            let r = try CLI.run(args, env: env)
            #expect(r.status == 0)
            for bad: Unicode.Scalar in ["\u{1B}", "\u{9B}", "\u{202E}"] {
                #expect(!r.stdout.unicodeScalars.contains(bad), "\(args) let \(bad.value) through")
            }
        }
        let badge = try CLI.run(["badge", "add", "X\u{1B}[2J"], env: env)
        #expect(badge.status == 2)
    }

    @Test func filesGetExplicitModesEvenUnderUmask077() throws {
        let tmp = try TempStore("modes")
        func hostile(_ args: [String], now: String = Self.now) throws -> RunResult {
            try CLI.exec("sh", ["-c", "umask 077; exec \"$0\" \"$@\"", CLI.binary] + args, env: CLI.vars(tmp.path, now: now))
        }
        for args in [["init", "--allow-overrides"], ["demo", "--date", "2026-03-10"],
                     ["visitor", "add", "--name", "Umask", "--host", "lina", "--at", "2026-03-10 11:00"]] {
            let r = try hostile(args)
            try #require(r.status == 0, "\(args): \(r)")
        }
        let c = try hostile(["compact"], now: "2026-07-10 10:30")  // new snapshot, journal, segments, archived journal
        try #require(c.status == 0, "\(c)")
        let files = tmp.files()
        #expect(files.contains { $0.hasPrefix("history/") && $0.hasSuffix(".plist") })
        #expect(files.contains { $0.hasPrefix("history/journal.") })
        let rootMode = try #require(TempStore.mode(tmp.path))
        #expect(rootMode & 0o7777 == 0o700, "store dir is \(String(rootMode & 0o7777, radix: 8))")
        for f in files {
            let m = try #require(TempStore.mode(tmp.file(f)))
            if m & S_IFMT == S_IFDIR {
                #expect(m & 0o7777 == 0o700, "\(f) is \(String(m & 0o7777, radix: 8))")
            } else {
                #expect(m & 0o7777 == 0o600, "\(f) is \(String(m & 0o7777, radix: 8))")
            }
        }
    }

    @Test func worldWritableStoreIsRefusedWithTheChmodThatFixesIt() throws {
        let tmp = try trainingStore()
        #expect(chmod(tmp.path, 0o777) == 0)
        let r = try CLI.run(["visitor", "list"], env: CLI.vars(tmp.path))
        #expect(r.status == 4, "\(r)")
        #expect(r.stderr.contains("writable by others"), "\(r.stderr)")
        #expect(r.stderr.contains("chmod 700 \(tmp.path)"), "\(r.stderr)")
        // Nothing was written, and the suggested fix works.
        #expect(chmod(tmp.path, 0o700) == 0)
        #expect(try CLI.run(["visitor", "list"], env: CLI.vars(tmp.path)).status == 0)
    }

    // MARK: Guarantee 8: the audit trail names the Unix user

    @Test func logNamesTheUnixUserEvenWhenAnotherActs() throws {
        let tmp = try trainingStore()
        let r = try CLI.run(["visitor", "add", "--name", "Audited", "--host", "lina", "--at", "2026-03-10 11:00"],
                            env: CLI.vars(tmp.path, user: "impostor", now: "2026-03-10 10:45"))
        try #require(r.status == 0, "\(r)")
        let log = try jsonArray(try CLI.run(["log", "--json"], env: CLI.vars(tmp.path)))
        let rec = try #require(log.last)
        #expect(!Self.realUser.isEmpty)
        #expect(rec["unixUser"] as? String == Self.realUser)
        #expect(rec["uid"] as? Int == Int(geteuid()))
        #expect(rec["actor"] as? String == "impostor")
        #expect(rec["change"] as? String == "visitor.add")
        #expect(rec["subject"] as? String == r.firstLine)
        #expect(rec["at"] as? String == "2026-03-10T02:45:00Z")
        #expect(log.allSatisfy { $0["unixUser"] as? String == Self.realUser })
        // Ids are strings everywhere; a journal record has a sequence number, not a state.
        for row in log { #expect(row["id"] is String && row["seq"] is Int && row["status"] == nil, "\(row)") }
    }

    // MARK: Overrides

    @Test func overridesAreIgnoredOnAWorkingStoreWithAWarning() throws {
        let tmp = try TempStore("working")
        let base = ["FRONTDESK_STORE": tmp.path]
        var r = try CLI.run(["init"], env: base)
        try #require(r.status == 0, "\(r)")
        r = try CLI.run(["visitor", "add", "--name", "Real", "--host", "lina", "--at", "2099-03-10 11:00"],
                        env: CLI.vars(tmp.path, user: "impostor", now: "2020-01-01 09:00"))
        #expect(r.status == 0, "\(r)")
        #expect(r.stderr.contains("FRONTDESK_USER is ignored"), "\(r.stderr)")
        #expect(r.stderr.contains("FRONTDESK_NOW is ignored"), "\(r.stderr)")
        let log = try jsonArray(try CLI.run(["log", "--json"], env: base))
        let rec = try #require(log.last)
        #expect(rec["actor"] as? String == Self.realUser)
        #expect((rec["at"] as? String)?.hasPrefix("2020") == false)
        // A malformed FRONTDESK_NOW is only a warning here, since it is ignored.
        r = try CLI.run(["visitor", "list"], env: base.merging(["FRONTDESK_NOW": "yesterday"]) { $1 })
        #expect(r.status == 0, "\(r)")
    }

    @Test func malformedFrontdeskNowIsBadUsage() throws {
        let tmp = try trainingStore()
        for bad in ["yesterday", "2026-13-01 10:00", "2026-03-10", "2026-03-10 25:00"] {
            let r = try CLI.run(["visitor", "list"], env: CLI.vars(tmp.path, now: bad))
            #expect(r.status == 2, "\(bad): \(r)")
            #expect(r.stderr.contains("FRONTDESK_NOW"), "\(r.stderr)")
        }
    }

    // MARK: Output contract

    /// Every record list has a string `id` and its `status`; the audit trail's records and role holders have no state (docs/json.md).
    @Test func jsonListsAreArraysOfObjectsWithIdAndStatus() throws {
        let tmp = try trainingStore(demo: true)
        let lists: [[String]] = [["room", "list"], ["meeting", "list"], ["visitor", "list"], ["badge", "list"],
                                 ["stock", "list"], ["approval", "list"], ["role", "list"], ["log"]]
        for l in lists {
            let rows = try jsonArray(try CLI.run(l + ["--json"], env: CLI.vars(tmp.path)))
            #expect(!rows.isEmpty, "\(l) is empty")
            for row in rows {
                #expect(row["id"] is String, "\(l): \(row)")
                #expect(l == ["log"] || l == ["role", "list"] ? row["status"] == nil : row["status"] is String, "\(l): \(row)")
            }
        }
        // An empty list is still an array.
        let empty = try trainingStore()
        #expect(try jsonArray(try CLI.run(["room", "list", "--json"], env: CLI.vars(empty.path))).isEmpty)
    }

    @Test func creatingCommandsPrintOnlyTheId() throws {
        let tmp = try trainingStore()
        let env = CLI.vars(tmp.path)
        func created(_ args: [String], _ pattern: String) throws -> String {
            let r = try CLI.run(args, env: env)
            try #require(r.status == 0, "\(args): \(r)")
            #expect(r.stdout == r.firstLine + "\n", "\(args) printed more than the id: \(r.stdout.debugDescription)")
            #expect(r.firstLine.range(of: "^\(pattern)$", options: .regularExpression) != nil, "\(args): \(r.firstLine)")
            return r.firstLine
        }
        _ = try created(["visitor", "add", "--name", "Id Only", "--host", "lina", "--at", "2026-03-10 11:00"], "V[0-9]+")
        let room = try created(["room", "add", "--name", "Id Room", "--capacity", "4"], "R[0-9]+")
        let meeting = try created(["meeting", "add", "--title", "T", "--room", room, "--start", "2026-03-11 10:00", "--end", "2026-03-11 11:00"], "M[0-9]+")
        _ = try created(["meeting", "action", "add", meeting, "--owner", "lina", "--due", "2026-03-12", "--text", "Do it"], "T[0-9]+")
        _ = try created(["stock", "item", "add", "--sku", "GLUE", "--name", "Glue", "--unit", "stick", "--reorder-at", "2", "--target", "9"], "GLUE")
        _ = try created(["stock", "receive", "--sku", "GLUE", "--qty", "5", "--supplier", "Deli", "--unit-price", "3"], "K[0-9]+")
        _ = try created(["approval", "request", "--type", "purchase", "--title", "Chairs", "--amount", "800"], "A[0-9]+")
    }

    @Test func badUsageExitsTwoNotSixtyFour() throws {
        let tmp = try trainingStore()
        let env = CLI.vars(tmp.path)
        let cases: [[String]] = [
            ["no-such-command"],
            ["visitor", "add", "--name", "Missing host"],
            ["visitor", "add", "--name", "X", "--host", "lina", "--at", "tomorrow"],
            ["visitor", "list", "--bogus-flag"],
            ["room", "add", "--name", "R", "--capacity", "many"],
            ["stock", "issue", "--sku", "X", "--qty", "0", "--dept", "d", "--to", "t"],
            ["generate", "--years", "99"],
        ]
        for args in cases {
            let r = try CLI.run(args, env: env)
            #expect(r.status == 2, "\(args): \(r)")
            #expect(!r.stderr.isEmpty, "\(args) said nothing")
        }
        #expect(try CLI.run(["--help"], env: env).status == 0)
        // A rule refusal is 3, not 2.
        let v = try CLI.run(["visitor", "add", "--name", "Twice", "--host", "lina", "--at", "2026-03-10 11:00", "--id-number", "310101199001010001"], env: env).firstLine
        #expect(try CLI.run(["visitor", "checkin", v, "--badge", "B001"], env: env).status == 0)
        #expect(try CLI.run(["visitor", "checkin", v, "--badge", "B002"], env: env).status == 3)
    }

    @Test func missingStoreExitsFourWithTheInitHint() throws {
        let tmp = try TempStore("missing")
        let r = try CLI.run(["visitor", "list"], env: CLI.vars(tmp.path + "/nowhere"))
        #expect(r.status == 4, "\(r)")
        #expect(r.stderr.contains("frontdesk init"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: tmp.path + "/nowhere"))
        // A directory that exists but holds no store says the same.
        try FileManager.default.createDirectory(atPath: tmp.path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o770])
        let r2 = try CLI.run(["visitor", "list"], env: CLI.vars(tmp.path))
        #expect(r2.status == 4, "\(r2)")
        #expect(r2.stderr.contains("frontdesk init"), "\(r2.stderr)")
    }

    // MARK: Guarantees 3 and 6 through the CLI

    @Test func checkReportsATornTailAndTheNextWriteCutsIt() throws {
        let tmp = try trainingStore()
        let env = CLI.vars(tmp.path)
        let v = try CLI.run(["visitor", "add", "--name", "Before", "--host", "lina", "--at", "2026-03-10 11:00"], env: env).firstLine
        let journal = try #require(JournalFile.current(in: tmp.path).first)
        try JournalFile.append(Data([0, 0, 0, 200, 1, 2, 3, 4, 9, 9, 9]), to: journal)
        var r = try CLI.run(["check"], env: env)
        #expect(r.status == 0, "\(r)")
        #expect(r.stdout.contains("11 bytes of a torn last record"), "\(r.stdout)")
        r = try CLI.run(["visitor", "list", "--json"], env: env)
        #expect(try jsonArray(r).contains { $0["id"] as? String == v })
        let after = try CLI.run(["visitor", "add", "--name", "After", "--host", "lina", "--at", "2026-03-10 11:00"], env: env)
        #expect(after.status == 0, "\(after)")
        r = try CLI.run(["check"], env: env)
        #expect(r.status == 0 && !r.stdout.contains("torn"), "\(r)")
        let ids = try jsonArray(try CLI.run(["visitor", "list", "--json"], env: env)).compactMap { $0["id"] as? String }
        #expect(ids.contains(v) && ids.contains(after.firstLine))
    }

    @Test func checkFailsWithFourOnADamagedSegment() throws {
        let tmp = try trainingStore(demo: true)
        var r = try CLI.run(["compact"], env: CLI.vars(tmp.path, now: "2026-07-10 10:30"))
        try #require(r.status == 0, "\(r)")
        let seg = try #require(tmp.files().first { $0.hasPrefix("history/") && $0.hasSuffix(".plist") })
        try Data("not a plist".utf8).write(to: URL(fileURLWithPath: tmp.file(seg)))
        r = try CLI.run(["check"], env: CLI.vars(tmp.path, now: "2026-07-10 10:30"))
        #expect(r.status == 4, "\(r)")
        #expect(r.stdout.contains("BAD  \(seg)"), "\(r.stdout)")
        // Today's work is unaffected.
        #expect(try CLI.run(["visitor", "list"], env: CLI.vars(tmp.path, now: "2026-07-10 10:30")).status == 0)
    }

    @Test func newerStoreExitsFourAndOlderIsMigrated() throws {
        let tmp = try trainingStore()
        // Bump the schema by rewriting meta.plist as XML→binary through Foundation (independent of our codec).
        let metaPath = tmp.file("meta.plist")
        let data = try #require(FileManager.default.contents(atPath: metaPath))
        var meta = try #require(try PropertyListSerialization.propertyList(from: data, format: nil) as? [String: Any])
        let current = try #require(meta["schemaVersion"] as? Int)
        meta["schemaVersion"] = current + 1
        let newer = try PropertyListSerialization.data(fromPropertyList: meta, format: .binary, options: 0)
        try newer.write(to: URL(fileURLWithPath: metaPath))
        let r = try CLI.run(["visitor", "list"], env: CLI.vars(tmp.path))
        #expect(r.status == 4, "\(r)")
        #expect(r.stderr.contains("newer frontdesk"), "\(r.stderr)")
        #expect(FileManager.default.contents(atPath: metaPath) == newer)  // left as found

        // Schema 1: admins listed in meta.plist.
        meta["schemaVersion"] = 1
        meta["admins"] = ["wangfang"]
        meta["settings"] = nil
        try PropertyListSerialization.data(fromPropertyList: meta, format: .binary, options: 0).write(to: URL(fileURLWithPath: metaPath))
        let m = try CLI.run(["role", "list", "--json"], env: CLI.vars(tmp.path))
        let roles = try jsonArray(m)
        #expect(roles.contains { $0["id"] as? String == "wangfang" && ($0["roles"] as? [String])?.contains("admin") == true })
        let migratedBytes = try #require(FileManager.default.contents(atPath: metaPath))
        let migrated = try #require(try PropertyListSerialization.propertyList(from: migratedBytes, format: nil) as? [String: Any])
        #expect(migrated["schemaVersion"] as? Int == current)
        let log = try jsonArray(try CLI.run(["log", "--json"], env: CLI.vars(tmp.path)))
        #expect(log.contains { ($0["actor"] as? String)?.contains("migration") == true && $0["subject"] as? String == "wangfang" })
    }
}
