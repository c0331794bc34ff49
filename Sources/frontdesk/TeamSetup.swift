import Foundation
import FrontDeskKit

/// `frontdesk init --team --store DIR [--account NAME] [--admin LOGIN]`, run by root: creates the
/// service account (if absent), the store directory owned by it with mode 0700, the store's files
/// as that account, the first admin, and prints the step that installs the set-uid binary.
struct TeamSetup {
    let options: InitCommand

    func run() throws {
        guard getuid() == 0 else {
            throw Refusal.permission("init --team is for root: it creates the system account \(options.account) and a directory only that account may enter. Run: sudo frontdesk init --team --store DIR --admin LOGIN", zh: "init --team 只能由 root 运行：它会创建系统账户 \(options.account) 和只有该账户能进入的目录。请运行：sudo frontdesk init --team --store 目录 --admin 登录名")
        }
        guard let given = options.storeOptions.store, given.hasPrefix("/") else {
            throw UsageError("--team needs the store's absolute path: --store DIR (for example /var/lib/frontdesk).")
        }
        if options.allowOverrides {
            throw UsageError("--allow-overrides is for personal training stores; a team store never honours overrides.")
        }
        let account = options.account
        guard account.range(of: "^[a-z_][a-z0-9_-]{0,31}$", options: .regularExpression) != nil else {
            throw UsageError("--account must be a Unix login name (lower-case letters, digits, - and _, at most 32), got \"\(TerminalSafe.text(account))\".")
        }
        guard let admin = options.admin ?? ProcessInfo.processInfo.environment["SUDO_USER"], !admin.isEmpty else {
            throw UsageError("Name the team store's first admin: --admin LOGIN (a person's login on this machine).")
        }
        guard let adminPw = getpwnam(admin) else { throw UsageError("\(TerminalSafe.text(admin)) is not a user on this machine.") }
        if adminPw.pointee.pw_uid == 0 || admin == account {
            throw UsageError("The first admin must be a person's own login, not root or the service account.")
        }
        let dir = (given as NSString).standardizingPath
        try checkAncestors(of: dir)
        try checkEmpty(dir)
        let (uid, gid, home) = try ensureAccount(account, home: dir)

        if !FileManager.default.fileExists(atPath: dir) {
            try FileManager.default.createDirectory(atPath: (dir as NSString).deletingLastPathComponent, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o755])
            guard mkdir(dir, 0o700) == 0 else { throw Self.failed(dir, "mkdir") }
        }
        guard chown(dir, uid, gid) == 0, chmod(dir, 0o700) == 0 else { throw Self.failed(dir, "chown") }

        // Every file is written as the account: it owns the store from the first byte.
        try Privilege.asAccount(uid: uid, gid: gid) {
            let store = try Store.create(at: dir, env: StoreOptions.processEnvironment(), allowOverrides: false)
            try store.commit(.grantRole(user: admin, role: .admin))
            try store.commit(.revokeRole(user: store.env.unixUser, role: .admin))  // root hands over; the log shows it
        }
        _ = chmod(dir, 0o700)

        let binary = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        Outcome.say("frontdesk: created the team store \(dir) (owner \(account), mode 0700); first admin: \(admin).")
        if home != dir {
            Outcome.say("frontdesk: note: \(account)'s home is \(home), not the store, so desk users pass --store \(dir).")
        }
        print("""
        Install the set-uid binary (desk users change the store only through it):
          sudo scripts/install-team --account \(account) --binary \(binary)
        or by hand (the target must not be on a nosuid file system: findmnt -no OPTIONS -T /usr/local/bin):
          sudo install -o \(account) -g root -m 4755 \(binary) /usr/local/bin/frontdesk
        """)
    }

    /// Every directory above the store must be root's and writable by root alone (or sticky, as
    /// /tmp): otherwise its owner could move the store away and put another in its place. Each
    /// must be searchable by others, or the account (and so the desk) could not reach the store.
    func checkAncestors(of dir: String) throws {
        var path = (dir as NSString).deletingLastPathComponent
        while true {
            var st = stat()
            if stat(path, &st) == 0 {
                let sticky = st.st_mode & S_ISVTX != 0
                if st.st_uid != 0 || (!sticky && st.st_mode & 0o022 != 0) {
                    throw StoreError(file: path, problem: String(format: "a team store must sit under directories only root may change (this one: owner %@, mode %o)", Privilege.userName(st.st_uid), st.st_mode & 0o7777),
                                     remedy: "Choose a place such as /var/lib/frontdesk; nothing was changed.")
                }
                if st.st_mode & 0o001 == 0 {
                    throw StoreError(file: path, problem: "not searchable by others, so the service account could not reach the store",
                                     remedy: "chmod o+x \(path), or choose a place such as /var/lib/frontdesk; nothing was changed.")
                }
            }
            if path == "/" || path.isEmpty { break }
            path = (path as NSString).deletingLastPathComponent
        }
    }

    static func failed(_ path: String, _ what: String) -> StoreError {
        StoreError(file: path, problem: "\(what) failed: \(String(cString: strerror(errno)))", remedy: "Check the path and run as root.")
    }

    func checkEmpty(_ dir: String) throws {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir) else { return }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        if !isDir.boolValue || !entries.isEmpty {
            throw StoreError(file: dir, problem: isDir.boolValue ? "not empty (\(entries.count) entries)" : "not a directory",
                             remedy: "A team store starts in a new or empty directory; nothing was changed.")
        }
    }

    /// The account's uid, gid and home, creating it (`useradd -r -M -U -d DIR -s nologin`) if absent.
    /// An existing account must have no login shell: it is nobody's login.
    func ensureAccount(_ name: String, home dir: String) throws -> (uid_t, gid_t, String) {
        if getpwnam(name) == nil {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/sbin/useradd")
            p.arguments = ["-r", "-M", "-U", "-d", dir, "-s", "/usr/sbin/nologin", "-c", "frontdesk team store", name]
            try p.run()
            p.waitUntilExit()
            guard p.terminationStatus == 0 else {
                throw StoreError(file: "/etc/passwd", problem: "useradd \(name) failed (exit \(p.terminationStatus))", remedy: "Create the account by hand: useradd -r -M -U -d \(dir) -s /usr/sbin/nologin \(name)")
            }
            Outcome.say("frontdesk: created the system account \(name) (no login shell, home \(dir)).")
        }
        guard let pw = getpwnam(name) else {
            throw StoreError(file: "/etc/passwd", problem: "no account \(name)", remedy: "Create it: useradd -r -M -U -d \(dir) -s /usr/sbin/nologin \(name)")
        }
        let shell = pw.pointee.pw_shell.map { String(cString: $0) } ?? ""
        if pw.pointee.pw_uid == 0 || !(shell.hasSuffix("/nologin") || shell.hasSuffix("/false")) {
            throw UsageError("\(name) is a login account (shell \(shell)); a team store's account must be a system account without a login (useradd -r -s /usr/sbin/nologin).")
        }
        let home = pw.pointee.pw_dir.map { String(cString: $0) } ?? ""
        return (pw.pointee.pw_uid, pw.pointee.pw_gid, home)
    }
}

/// Text from the command line, made safe to echo in a message.
enum TerminalSafe {
    static func text(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { $0.properties.generalCategory == .control ? "?" : $0 }).prefix(80))
    }
}
