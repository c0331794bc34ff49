import Foundation
import Testing
import TestSupport

/// `frontdesk backup FILE` and `frontdesk restore FILE DIR` as an office manager runs them.
@Suite struct BackupCommandTests {
    func demoStore() throws -> TempStore {
        let tmp = try TempStore("backupcli")
        for args in [["init", "--allow-overrides"], ["demo", "--date", "2026-03-10"]] {
            let r = try CLI.run(args, env: CLI.vars(tmp.path))
            try #require(r.status == 0, "\(args): \(r)")
        }
        return tmp
    }

    @Test func backupThenRestoreGivesTheSameOfficeAndCheckPasses() throws {
        let tmp = try demoStore()
        let file = tmp.base + "/office.fdbackup"
        let b = try CLI.run(["backup", file], env: CLI.vars(tmp.path))
        try #require(b.status == 0, "\(b)")
        #expect(b.stdout.isEmpty, "backup prints nothing on stdout: \(b.stdout)")
        #expect(b.stderr.contains("backed up"), "\(b.stderr)")
        #expect(TempStore.mode(file).map { $0 & 0o777 } == 0o600)
        let target = tmp.base + "/restored"
        let r = try CLI.run(["restore", file, target])
        try #require(r.status == 0, "\(r)")
        #expect(r.stderr.contains("check passes"), "\(r.stderr)")
        let check = try CLI.run(["check", "--store", target])
        #expect(check.status == 0, "\(check)")
        for list in [["visitor", "list", "--json"], ["meeting", "list", "--json"], ["stock", "list", "--json"], ["log", "--json"], ["settings", "show", "--json"]] {
            let a = try CLI.run(list, env: CLI.vars(tmp.path)), c = try CLI.run(list, env: CLI.vars(target))
            #expect(a.status == 0 && a.stdout == c.stdout, "\(list) differs after restore")
        }
    }

    @Test func restoreRefusesWhatItMustAndLeavesNothing() throws {
        let tmp = try demoStore()
        let file = tmp.base + "/office.fdbackup"
        try #require(try CLI.run(["backup", file], env: CLI.vars(tmp.path)).status == 0)
        // Not empty: exit 2, the directory's file untouched.
        let busy = tmp.base + "/busy"
        try FileManager.default.createDirectory(atPath: busy, withIntermediateDirectories: false)
        FileManager.default.createFile(atPath: busy + "/mine.txt", contents: Data("mine".utf8))
        var r = try CLI.run(["restore", file, busy])
        #expect(r.status == 2, "\(r)")
        #expect(r.stderr.contains("not empty"), "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: busy) == ["mine.txt"])
        // One changed byte: exit 4, nothing left.
        var bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        bytes[bytes.count - 100] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: file + ".bad"))
        r = try CLI.run(["restore", file + ".bad", tmp.base + "/from-bad"])
        #expect(r.status == 4, "\(r)")
        #expect(r.stderr.contains("does not match its SHA-256"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: tmp.base + "/from-bad"))
        // Not a backup at all.
        r = try CLI.run(["restore", tmp.path + "/meta.plist", tmp.base + "/from-meta"])
        #expect(r.status == 4 && r.stderr.contains("not a frontdesk backup"), "\(r)")
        #expect(!FileManager.default.fileExists(atPath: tmp.base + "/from-meta"))
        // A missing file is the person's mistake.
        r = try CLI.run(["restore", tmp.base + "/nothing.fdbackup", tmp.base + "/from-nothing"])
        #expect(r.status == 2, "\(r)")
    }

    /// Real processes write while backups are taken: each backup's journal chain verifies and
    /// its records end at the sequence it names.
    @Test func backupWhileOtherProcessesWrite() throws {
        let tmp = try demoStore()
        // Three writers in the background, each a process per change.
        let running = try (0..<3).map { w in
            try CLI.start(["-c", "for i in $(seq 1 25); do \(CLI.binary) badge add X\(w)-$i >/dev/null 2>&1; done"],
                          env: CLI.vars(tmp.path), executable: "/bin/sh")
        }
        for i in 0..<4 {
            let file = tmp.base + "/during-\(i).fdbackup"
            let b = try CLI.run(["backup", file], env: CLI.vars(tmp.path))
            try #require(b.status == 0, "\(b)")
            let target = tmp.base + "/during-\(i)"
            let r = try CLI.run(["restore", file, target])
            #expect(r.status == 0, "backup \(i) taken while others wrote: \(r)")
            #expect(try CLI.run(["check", "--store", target]).status == 0)
        }
        for p in running { _ = p.wait() }
        #expect(try CLI.run(["check", "--store", tmp.path]).status == 0)
    }
}
