import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// A shared box with real Unix users (issue #9): a team store made by `init --team`, owned by a
/// service account, and the built binary installed set-uid to it in a temporary directory.
/// `admin1` is the store's admin, `desk2` a desk user (granted the frontdesk role by admin1),
/// `other` has no role. Users, groups and
/// files are removed when the box goes away.
final class TeamBox {
    let tag = String(UUID().uuidString.prefix(6)).lowercased()
    let base: String
    var account: String { "fdsvc\(tag)" }
    var admin1: String { "admin1x\(tag)" }
    var desk2: String { "desk2x\(tag)" }
    var other: String { "otherx\(tag)" }
    var store: String { base + "/team" }
    var bin: String { base + "/bin/frontdesk" }
    /// A directory every user may write (hooks leave their evidence here).
    var drop: String { base + "/drop" }
    private var users: [String] = []

    /// Why the box cannot be built here, or nil.
    static var skipReason: String? {
        if getuid() != 0 { return "the multi-user tests need root (they create Unix users with useradd)" }
        if !FileManager.default.isExecutableFile(atPath: "/usr/sbin/useradd") { return "useradd is not installed" }
        return nil
    }

    init() throws {
        base = "/tmp/frontdesk-multiuser-\(UUID().uuidString)"
        let opts = try CLI.exec("/usr/bin/findmnt", ["-no", "OPTIONS", "-T", "/tmp"])
        try #require(!opts.stdout.contains("nosuid"), "/tmp is mounted nosuid here: \(opts.stdout)")
        for d in [base, base + "/bin"] { try FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755]) }
        try FileManager.default.createDirectory(atPath: drop, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o1777])
        for u in [admin1, desk2, other] {
            let r = try CLI.exec("/usr/sbin/useradd", ["-M", "-U", "-s", "/bin/sh", u])
            try #require(r.status == 0, "\(r)")
            users.append(u)
        }
        users.append(account)  // made by init --team below; removed with the others
        let r = try CLI.run(["init", "--team", "--store", store, "--account", account, "--admin", admin1])
        try #require(r.status == 0, "\(r)")
        try FileManager.default.copyItem(atPath: CLI.binary, toPath: bin)
        let pw = try #require(getpwnam(account))
        try #require(chown(bin, pw.pointee.pw_uid, 0) == 0)
        try #require(chmod(bin, 0o4755) == 0)
        // As the admin would before desk2's first shift: desk work needs the frontdesk role.
        let grant = try frontdesk(admin1, ["role", "grant", desk2, "frontdesk"])
        try #require(grant.status == 0, "\(grant)")
    }

    deinit {
        try? FileManager.default.removeItem(atPath: base)
        for u in users {
            _ = try? CLI.exec("/usr/sbin/userdel", [u])
            _ = try? CLI.exec("/usr/sbin/groupdel", [u])  // -U groups; userdel usually removes them already
        }
    }

    func uid(_ user: String) -> uid_t { getpwnam(user)?.pointee.pw_uid ?? 0 }

    /// Runs the installed set-uid `frontdesk` as `user` (via runuser), in Shanghai time.
    func frontdesk(_ user: String, _ args: [String], env: [String: String] = [:]) throws -> RunResult {
        try CLI.exec("/usr/sbin/runuser", ["-u", user, "--", bin] + args, env: env)
    }

    /// Runs `sh -c script` as `user`.
    func shell(_ user: String, _ script: String) throws -> RunResult {
        try CLI.exec("/usr/sbin/runuser", ["-u", user, "--", "/bin/sh", "-c", script])
    }

    func json(_ r: RunResult) throws -> [[String: Any]] {
        try #require(r.status == 0, "\(r)")
        return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]], "\(r.stdout)")
    }
}

@Suite(.serialized, .enabled(if: TeamBox.skipReason == nil, "\(TeamBox.skipReason ?? "")"))
struct MultiUserTests {
    init() {
        if let why = TeamBox.skipReason { print("MultiUserTests skipped: \(why)") }
    }

    @Test func initTeamMakesAStoreOnlyItsAccountCanEnter() throws {
        let box = try TeamBox()
        var st = stat()
        try #require(stat(box.store, &st) == 0)
        #expect(st.st_uid == box.uid(box.account))
        #expect(st.st_mode & 0o7777 == 0o700)
        for f in try FileManager.default.subpathsOfDirectory(atPath: box.store) {
            #expect(lstat(box.store + "/" + f, &st) == 0)
            #expect(st.st_uid == box.uid(box.account), "\(f) is not the account's")
        }
        let shell = String(cString: try #require(getpwnam(box.account)).pointee.pw_shell)
        #expect(shell.hasSuffix("nologin"))
        // The log: root created it, gave admin to admin1 and stepped down.
        let log = try box.json(try box.frontdesk(box.admin1, ["log", "--json"]))
        #expect(log.contains { $0["change"] as? String == "role.grant" && $0["subject"] as? String == box.admin1 })
        #expect(log.contains { $0["change"] as? String == "role.revoke" && $0["subject"] as? String == "root" })
        // Never over an existing store; a second store for the same account says how desk users reach it.
        var again = try CLI.run(["init", "--team", "--store", box.store, "--account", box.account, "--admin", box.admin1])
        #expect(again.status == 4 && again.stderr.contains("not empty"), "\(again)")
        again = try CLI.run(["init", "--team", "--store", box.base + "/annex", "--account", box.account, "--admin", box.admin1])
        #expect(again.status == 0, "\(again)")
        #expect(again.stderr.contains("pass --store \(box.base)/annex"), "\(again.stderr)")
        let open = box.base + "/open"
        try FileManager.default.createDirectory(atPath: open, withIntermediateDirectories: true)
        try #require(chmod(open, 0o777) == 0)  // anyone could rename the store away and put another in its place
        again = try CLI.run(["init", "--team", "--store", open + "/x", "--account", box.account, "--admin", box.admin1])
        #expect(again.status == 4 && again.stderr.contains("only root may change"), "a store under a world-writable directory: \(again)")
        again = try CLI.run(["init", "--team", "--store", box.base + "/y", "--account", box.desk2, "--admin", box.admin1])
        #expect(again.status == 2 && again.stderr.contains("login account"), "\(again)")
        // Not for anyone but root.
        let r = try box.frontdesk(box.desk2, ["init", "--team", "--store", box.base + "/second", "--admin", box.desk2])
        #expect(r.status == 3, "\(r)")
        #expect(r.stderr.contains("init --team is for root"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: box.base + "/second"))
    }

    /// §1 and §4: no desk user can touch a store file, plant a link in the store or loosen a mode.
    @Test func aDeskUserCannotReadWriteOrLinkTheStoreFiles() throws {
        let box = try TeamBox()
        _ = try box.frontdesk("root", ["settings", "hook", "--store", box.store, "visitor.add", "true"])
        let journal = try #require(try FileManager.default.contentsOfDirectory(atPath: box.store).first { $0.hasPrefix("journal.") })
        for f in ["meta.plist", journal, "hooks.plist", "snapshot.plist", "store.lock"] {
            let path = box.store + "/" + f
            #expect(FileManager.default.fileExists(atPath: path), "\(f) missing")
            for attempt in ["printf x >> \(path)", "cat \(path) > /dev/null", "chmod 666 \(path)"] {
                let r = try box.shell(box.desk2, attempt)
                #expect(r.status != 0, "desk2 could: \(attempt)")
                #expect(r.stderr.contains("Permission denied"), "\(attempt): \(r.stderr)")
            }
        }
        for attempt in ["ln -s /root/x \(box.store)/journal.000002.log", "touch \(box.store)/meta.plist.tmp.1", "chmod 777 \(box.store)/history",
                        "python3 -c 'open(\"\(box.store)/meta.plist\", \"ab\")'"] {
            let r = try box.shell(box.desk2, attempt)
            #expect(r.status != 0, "desk2 could: \(attempt)")
        }
        var st = stat()
        #expect(stat(box.store + "/hooks.plist", &st) == 0 && st.st_mode & 0o777 == 0o600)
        // Closed standard descriptors cannot make a store file the binary's stdout (glibc reopens them for set-id programs).
        let closed = try box.shell(box.desk2, "\(box.bin) visitor add --name Mallory --host x --at '2030-03-10 14:00' <&- >&- 2>&-; echo $?")
        #expect(closed.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0", "\(closed)")
        let check = try box.frontdesk(box.admin1, ["check"])
        #expect(check.status == 0, "\(check)")
        // An uninstalled (not set-uid) frontdesk is refused and told to use the installed one.
        let plain = box.base + "/bin/plain-frontdesk"
        try FileManager.default.copyItem(atPath: CLI.binary, toPath: plain)
        let unprivileged = try CLI.exec("/usr/sbin/runuser", ["-u", box.desk2, "--", plain, "visitor", "list", "--store", box.store])
        #expect(unprivileged.status == 4 && unprivileged.stderr.contains("use the installed frontdesk"), "\(unprivileged)")
        // The binary reads the user's own files as the user: the store's files are not readable through it.
        let minutes = try box.frontdesk(box.desk2, ["meeting", "minutes", "M1", "--file", box.store + "/meta.plist"])
        #expect(minutes.status == 2 && minutes.stderr.contains("Cannot read"), "\(minutes)")
        // Through the binary, a desk user is still no admin: granting and hooks are refused.
        let grant = try box.frontdesk(box.desk2, ["role", "grant", box.desk2, "admin"])
        #expect(grant.status == 3, "\(grant)")
        let hook = try box.frontdesk(box.admin1, ["settings", "hook", "visitor.add", "id > /tmp/x"])
        #expect(hook.status == 3, "\(hook)")
        #expect(hook.stderr.contains("only root may set hooks"), "\(hook.stderr)")
    }

    /// §1: FRONTDESK_USER names no one in a set-uid run; the journal records the kernel's user.
    @Test func overridesAreIgnoredAndTheLogNamesTheRealUser() throws {
        let box = try TeamBox()
        let forged = ["FRONTDESK_USER": box.admin1, "FRONTDESK_NOW": "2020-01-01 09:00", "FRONTDESK_STORE": "/tmp"]
        let grant = try box.frontdesk(box.desk2, ["role", "grant", box.desk2, "admin"], env: forged)
        #expect(grant.status == 3, "\(grant)")
        #expect(grant.stderr.contains("FRONTDESK_USER is ignored"), "\(grant.stderr)")
        #expect(grant.stderr.contains("\(box.desk2) may not grant roles"), "\(grant.stderr)")
        let add = try box.frontdesk(box.desk2, ["visitor", "add", "--name", "Ada", "--host", box.admin1, "--at", "2030-03-10 14:00"], env: forged)
        #expect(add.status == 0, "\(add)")
        let log = try box.json(try box.frontdesk(box.admin1, ["log", "--json"]))
        let rec = try #require(log.last)
        #expect(rec["change"] as? String == "visitor.add")
        #expect(rec["unixUser"] as? String == box.desk2)
        #expect(rec["actor"] as? String == box.desk2)
        #expect(rec["uid"] as? Int == Int(box.uid(box.desk2)))
        let at = try #require(rec["at"] as? String)
        #expect(!at.hasPrefix("2020"), "FRONTDESK_NOW was honoured: \(at)")
        let table = try box.frontdesk(box.admin1, ["log"], env: ["TERM": "../../tmp/evil", "TERMINFO": "/tmp"])
        #expect(table.stdout.contains(box.desk2), "\(table)")
        #expect(table.stderr.contains("not in the system terminfo database"), "\(table.stderr)")
        #expect(!log.contains { $0["unixUser"] as? String == box.account }, "the service account appears as an actor")
    }

    /// §2: a store another user planted (with a hook, modes loosened) is refused, for root too.
    @Test func aStoreOwnedByAnotherUserIsRefusedAndItsHookNeverRuns() throws {
        let box = try TeamBox()
        let home = box.base + "/other-home"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let o = box.uid(box.other)
        try #require(chown(home, o, o) == 0)
        let planted = home + "/store"
        let marker = box.drop + "/planted-hook-ran"
        var r = try box.frontdesk(box.other, ["init", "--store", planted])
        try #require(r.status == 0, "\(r)")
        r = try box.frontdesk(box.other, ["settings", "hook", "--store", planted, "visitor.add", "id -u > \(marker)"])
        try #require(r.status == 0, "\(r)")
        // As made (owner-only modes), then with every mode loosened: refused both times, before any file is read.
        for loosen in [false, true] {
            if loosen { _ = try box.shell(box.other, "chmod -R go+rwX \(home)") }
            for args in [["check"], ["visitor", "add", "--name", "Bo", "--host", "x", "--at", "2030-03-10 14:00"]] {
                let byAdmin = try box.frontdesk(box.admin1, args + ["--store", planted])
                #expect(byAdmin.status == 4, "\(byAdmin)")
                #expect(byAdmin.stderr.contains("belongs to \(box.other)"), "\(byAdmin.stderr)")
                let byRoot = try CLI.run(args + ["--store", planted])
                #expect(byRoot.status == 4, "\(byRoot)")
                #expect(byRoot.stderr.contains("belongs to \(box.other)"), "\(byRoot.stderr)")
            }
        }
        #expect(!FileManager.default.fileExists(atPath: marker), "the planted hook ran")
    }

    /// A hook runs as the user who triggered it, ids reset (never the service account), and a
    /// visitor's name with spaces and shell syntax arrives verbatim and never executes.
    @Test func aHookRunsAsTheActingUserWithTheNameVerbatim() throws {
        let box = try TeamBox()
        let hook = "id -u > \(box.drop)/uid-{id}; printf '%s' {visitor} > \(box.drop)/name-{id}; env > \(box.drop)/env-{id}; "
            + "printf '%s' \"{visitor}\" > \(box.drop)/dq-{id}; printf '%s' '{visitor}' > \(box.drop)/sq-{id}"
        var r = try box.frontdesk("root", ["settings", "hook", "--store", box.store, "visitor.add", hook])
        try #require(r.status == 0, "\(r)")
        let pwned = "/tmp/pwned-\(box.tag)"
        let name = "Zoë  O'Brien; touch \(pwned) $(id) `id` \"q\" *"  // within the 100-character name limit
        r = try box.frontdesk(box.desk2, ["visitor", "add", "--name", name, "--host", box.admin1, "--at", "2030-03-10 14:00"],
                              env: ["LD_PRELOAD": "/nonexistent.so", "TERMINFO": "/tmp"])
        try #require(r.status == 0, "\(r)")
        let id = r.firstLine
        let uid = try String(contentsOfFile: "\(box.drop)/uid-\(id)", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(uid == String(box.uid(box.desk2)))
        #expect(uid != String(box.uid(box.account)))
        for form in ["name", "dq", "sq"] {  // unquoted, in double quotes, in single quotes: all verbatim
            #expect(try String(contentsOfFile: "\(box.drop)/\(form)-\(id)", encoding: .utf8) == name, "\(form)")
        }
        #expect(!FileManager.default.fileExists(atPath: pwned))
        let env = try String(contentsOfFile: "\(box.drop)/env-\(id)", encoding: .utf8)
        #expect(!env.contains("LD_PRELOAD") && !env.contains("TERMINFO"), "\(env)")
        #expect(env.contains("USER=\(box.desk2)"), "\(env)")
    }

    /// The desk's work goes through the set-uid binary; the files stay the account's.
    @Test func aDeskUserDoesTheDeskWorkThroughTheInstalledBinary() throws {
        let box = try TeamBox()
        var r = try box.frontdesk(box.desk2, ["visitor", "add", "--name", "张伟", "--host", box.admin1, "--at", "2030-03-10 14:00"])
        try #require(r.status == 0, "\(r)")
        let id = r.firstLine
        r = try box.frontdesk(box.desk2, ["visitor", "checkin", id, "--id-number", "110101199003071234"])  // the document checked at the desk
        #expect(r.status == 0, "\(r)")
        let list = try box.json(try box.frontdesk(box.desk2, ["visitor", "list", "--json", "--date", "2030-03-10"]))
        #expect(list.contains { $0["id"] as? String == id })
        r = try box.frontdesk(box.desk2, ["print", "--pane", "visitors"], env: ["TERM": "xterm"])
        #expect(r.status == 0, "\(r)")
        r = try box.frontdesk(box.desk2, ["check"])
        #expect(r.status == 0, "\(r)")
        for f in try FileManager.default.subpathsOfDirectory(atPath: box.store) {
            var st = stat()
            #expect(lstat(box.store + "/" + f, &st) == 0 && st.st_uid == box.uid(box.account), "\(f) is not the account's")
        }
        // A personal store through the same binary is the user's own, made and used as them.
        let mine = box.drop + "/desk2-own"
        r = try box.frontdesk(box.desk2, ["init", "--store", mine])
        #expect(r.status == 0, "\(r)")
        var st = stat()
        #expect(stat(mine + "/meta.plist", &st) == 0 && st.st_uid == box.uid(box.desk2))
        r = try box.frontdesk(box.desk2, ["visitor", "add", "--store", mine, "--name", "Eve", "--host", "me", "--at", "2030-03-10 14:00"])
        #expect(r.status == 0, "\(r)")
    }

    /// scripts/install-team: set-uid to the account, mode 4755; a nosuid target is refused.
    @Test func installTeamInstallsSetUIDAndRefusesANosuidFileSystem() throws {
        let box = try TeamBox()
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/install-team").path
        let prefix = box.base + "/prefix"
        var r = try CLI.exec(script, ["--account", box.account, "--prefix", prefix, "--binary", CLI.binary])
        try #require(r.status == 0, "\(r)")
        var st = stat()
        try #require(stat(prefix + "/bin/frontdesk", &st) == 0)
        #expect(st.st_uid == box.uid(box.account))
        #expect(st.st_mode & 0o7777 == 0o4755)
        r = try CLI.exec("/usr/sbin/runuser", ["-u", box.desk2, "--", prefix + "/bin/frontdesk", "visitor", "add", "--name", "Ann", "--host", box.admin1, "--at", "2030-03-10 14:00"])
        #expect(r.status == 0, "\(r)")
        // Refused for a desk user, and for a login account.
        r = try CLI.exec("/usr/sbin/runuser", ["-u", box.desk2, "--", script, "--account", box.account, "--prefix", prefix, "--binary", CLI.binary])
        #expect(r.status != 0 && r.stderr.contains("run as root"), "\(r)")
        r = try CLI.exec(script, ["--account", box.desk2, "--prefix", prefix, "--binary", CLI.binary])
        #expect(r.status != 0 && r.stderr.contains("login shell"), "\(r)")
        let nosuid = box.base + "/nosuid"
        try FileManager.default.createDirectory(atPath: nosuid, withIntermediateDirectories: true)
        let mount = try CLI.exec("/usr/bin/mount", ["-t", "tmpfs", "-o", "nosuid,size=64m", "tmpfs", nosuid])
        guard mount.status == 0 else {
            print("installTeam: nosuid refusal not tested here: cannot mount a tmpfs (\(mount.stderr))")
            return
        }
        defer { _ = try? CLI.exec("/usr/bin/umount", [nosuid]); withExtendedLifetime(box) {} }  // unmount before the box is removed
        r = try CLI.exec(script, ["--account", box.account, "--prefix", nosuid, "--binary", CLI.binary])
        #expect(r.status != 0, "\(r)")
        #expect(r.stderr.contains("nosuid"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: nosuid + "/bin/frontdesk"))
    }
}
