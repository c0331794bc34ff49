import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Who runs this process, as the kernel says, and the one privilege an installed set-uid
/// `frontdesk` holds: the team store's service account.
///
/// The installed binary belongs to the service account and is `chmod 4755` (as `crontab` is):
/// start-up (`dropAtStartup`) switches the effective uid to the real user at once and keeps the
/// account only as the saved set-uid. `raise()`/`lower()` (or `asStore {}`) put it back around
/// store operations on a team store, and nowhere else: the user's config, themes, exports, the
/// terminal and hooks all run as the real user. Without a set-id bit every call here is a no-op,
/// so `swift run frontdesk --demo` and the tests need nothing installed.
public enum Privilege {
    /// How the store this process works on is held.
    public enum StoreKind: Sendable, Equatable {
        /// Owned by the real user: no privilege is needed (a set-id process gives it up for good).
        case personal
        /// Owned by the service account: privileges are raised to its uid around store operations.
        case team(account: String)
    }

    /// The real and saved ids found at start-up.
    public struct Identity: Sendable, Equatable {
        public var realUID: uid_t
        public var realGID: gid_t
        /// The service account kept as the saved set-uid, when the binary is set-uid.
        public var storeUID: uid_t?
        /// The group kept as the saved set-gid, when the binary is set-gid.
        public var storeGID: gid_t?
        public var isSetID: Bool { storeUID != nil || storeGID != nil }
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var identity = Identity(realUID: getuid(), realGID: getgid(), storeUID: nil, storeGID: nil)
    /// The uid (and gid) `raise()` switches to; nil while no team store is claimed.
    nonisolated(unsafe) private static var target: (uid: uid_t, gid: gid_t?)?
    nonisolated(unsafe) private static var depth = 0
    nonisolated(unsafe) private static var savedUmask: mode_t = 0o022

    /// What start-up found (after `dropAtStartup`).
    public static var current: Identity { lock.lock(); defer { lock.unlock() }; return identity }

    /// True when the binary runs set-uid or set-gid (the installed team-store binary).
    public static var isSetID: Bool { current.isSetID }

    /// True while this process works on a team store: overrides are never honoured then.
    public static var isTeamSession: Bool { lock.lock(); defer { lock.unlock() }; return target != nil }

    // MARK: Start-up

    /// Call first thing in `main`. In a set-id process: refuses a set-uid-root install, switches
    /// the effective ids to the real ones (the account stays as the saved set-uid), and cleans
    /// the environment (`SetIDEnvironment.sanitise`). Returns the warnings to print on stderr.
    /// Exits with status 4 when the kernel refuses the switch (never runs on with privileges).
    public static func dropAtStartup() -> [String] {
        let ruid = getuid(), euid = geteuid(), rgid = getgid(), egid = getegid()
        guard ruid != euid || rgid != egid else { return [] }
        if euid == 0 {
            die("frontdesk is installed set-uid root; it must be set-uid to an unprivileged service account (scripts/install-team).")
        }
        var id = Identity(realUID: ruid, realGID: rgid, storeUID: nil, storeGID: nil)
        if egid != rgid {
            id.storeGID = egid
            if setegid(rgid) != 0 { die("cannot drop the set-gid group (\(String(cString: strerror(errno)))).") }
        }
        if euid != ruid {
            id.storeUID = euid
            if seteuid(ruid) != 0 { die("cannot drop the set-uid account (\(String(cString: strerror(errno)))).") }
        }
        lock.lock(); identity = id; lock.unlock()
        return SetIDEnvironment.sanitise(user: realUnixUser())
    }

    /// Gives up the set-id account for good (real, effective and saved ids all become the real
    /// user's). Used for personal stores, the demo and everything that needs no team store.
    public static func dropPermanently() {
        lock.lock(); defer { lock.unlock() }
        guard identity.isSetID else { return }
        if identity.storeGID != nil, setregid(identity.realGID, identity.realGID) != 0 { die("cannot give up the set-gid group.") }
        if identity.storeUID != nil, setreuid(identity.realUID, identity.realUID) != 0 { die("cannot give up the set-uid account.") }
        identity.storeUID = nil; identity.storeGID = nil
        target = nil
    }

    // MARK: Choosing the store

    /// Decides how the store at `path` is held, before it is opened, from its directory's owner:
    /// the real user's (personal), the service account's (team: a set-id binary raises to it, and
    /// root switches to it so files stay the account's), or anyone else's (refused: a store
    /// planted by another user must never run their hooks as you). A missing directory is
    /// personal (`init` creates it as you).
    /// Throws `StoreError` for a foreign-owned store.
    @discardableResult
    public static func claim(storeAt path: String) throws(StoreError) -> StoreKind {
        let id = current
        var st = stat()
        guard stat(path, &st) == 0 else {
            dropPermanently()
            return .personal
        }
        let owner = st.st_uid
        if owner == id.realUID {
            dropPermanently()
            return .personal
        }
        if let account = id.storeUID, owner == account {
            setTarget(uid: account, gid: id.storeGID)
            return .team(account: userName(account))
        }
        if id.realUID == 0, !id.isSetID, let pw = getpwuid(owner), isServiceAccount(pw.pointee) {
            setTarget(uid: owner, gid: pw.pointee.pw_gid)
            return .team(account: userName(owner))
        }
        let mine = userName(id.realUID)
        let teamStore = getpwuid(owner).map { isServiceAccount($0.pointee) } ?? false
        let hint = id.isSetID
            ? "This frontdesk opens your own stores and the team store of \(id.storeUID.map(userName) ?? "its group")."
            : teamStore ? "It is a team store: use the installed frontdesk (set-uid to \(userName(owner)), see scripts/install-team)."
            : "Open only stores you own; ask \(userName(owner)) to set up a team store (see SECURITY.md)."
        throw StoreError(file: path, problem: "belongs to \(userName(owner)), not to you (\(mine)), so it was not opened (its hooks and files are not yours to trust)",
                         remedy: hint + " Nothing was changed.")
    }

    /// A system account made for frontdesk: no login shell.
    static func isServiceAccount(_ pw: passwd) -> Bool {
        guard let shell = pw.pw_shell.map({ String(cString: $0) }) else { return false }
        return shell.hasSuffix("/nologin") || shell.hasSuffix("/false")
    }

    private static func setTarget(uid: uid_t, gid: gid_t?) {
        lock.lock(); defer { lock.unlock() }
        target = (uid, gid)
    }

    /// Forgets the claimed team store (a process that moves on to another store).
    public static func releaseClaim() {
        lock.lock(); defer { lock.unlock() }
        if depth == 0 { target = nil }
    }

    // MARK: Raising around store operations

    /// Switches to the store's account (team store only; otherwise nothing happens). Calls nest:
    /// only the outermost pair switches. Always pair with `lower()` in a `defer`.
    /// The umask is 077 while raised: nothing the store creates is readable by desk users.
    public static func raise() {
        lock.lock(); defer { lock.unlock() }
        guard let t = target else { return }
        depth += 1
        guard depth == 1 else { return }
        savedUmask = umask(0o077)
        if let g = t.gid { _ = setegid(g) }
        // On failure the store operation runs as the user and fails with EACCES: a clear error, no harm.
        _ = seteuid(t.uid)
    }

    /// Undoes one `raise()`; the outermost returns to the real user. Exits (status 4) if the
    /// kernel refuses: the process must never go on holding the account's rights by mistake.
    public static func lower() {
        lock.lock(); defer { lock.unlock() }
        guard target != nil, depth > 0 else { return }
        depth -= 1
        guard depth == 0 else { return }
        if seteuid(identity.realUID) != 0 { die("cannot return to the real user after a store operation.") }
        if setegid(identity.realGID) != 0 { die("cannot return to the real group after a store operation.") }
        umask(savedUmask)
    }

    /// Runs `body` as the store's account (team store) or unchanged (personal store).
    public static func asStore<T>(_ body: () throws -> T) rethrows -> T {
        raise()
        defer { lower() }
        return try body()
    }

    /// Runs `body` with the effective ids of `account` (root only: `init --team` creates the
    /// store's files as the account, so they are its own from the first byte).
    public static func asAccount<T>(uid: uid_t, gid: gid_t, _ body: () throws -> T) throws -> T {
        guard geteuid() == 0 else { return try body() }
        let oldMask = umask(0o077)
        guard setegid(gid) == 0 else { umask(oldMask); throw StoreError(file: "", problem: "cannot switch to group \(gid)", remedy: "Run as root.") }
        guard seteuid(uid) == 0 else { _ = setegid(0); umask(oldMask); throw StoreError(file: "", problem: "cannot switch to uid \(uid)", remedy: "Run as root.") }
        defer {
            if seteuid(0) != 0 || setegid(0) != 0 { die("cannot return to root after writing as the service account.") }
            umask(oldMask)
        }
        return try body()
    }

    // MARK: Names

    public static func userName(_ uid: uid_t) -> String {
        getpwuid(uid).flatMap { $0.pointee.pw_name.map { String(cString: $0) } } ?? "uid \(uid)"
    }

    private static func die(_ message: String) -> Never {
        let line = "frontdesk: \(message)\n"
        _ = line.withCString { Glibc.write(2, $0, strlen($0)) }
        _exit(4)
    }
}

/// The environment of a set-id `frontdesk`, cleaned as any set-id program must: the person
/// running it chose every variable, so none may steer the store, the acting user or the
/// terminal database.
public enum SetIDEnvironment {
    /// Variables removed outright: shell start-up files and the terminal database location.
    static let removed = ["TERMINFO", "TERMINFO_DIRS", "TERMCAP", "ENV", "BASH_ENV", "SHELLOPTS", "IFS", "CDPATH", "PS4"]
    /// System terminfo directories (Debian's search order).
    static let terminfoDirs = ["/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo"]

    /// Removes every `FRONTDESK_*` override (with a warning naming it), the terminfo and shell
    /// variables; sets `HOME`, `USER`, `LOGNAME` from the password database and `PATH` to the
    /// system's; keeps `TERM` only when it names an entry of the system terminfo database (and
    /// points `TERMINFO` there, so ncurses never parses a file from the user's `~/.terminfo`).
    static func sanitise(user: String) -> [String] {
        var warnings: [String] = []
        let env = ProcessInfo.processInfo.environment
        for key in env.keys.sorted() where key.hasPrefix("FRONTDESK_") {
            unsetenv(key)
            warnings.append("\(key) is ignored: this frontdesk is installed set-uid for a team store, so you act as \(user) (your login), with the real clock.")
        }
        for key in removed { unsetenv(key) }
        if let pw = getpwuid(getuid()) {
            if let dir = pw.pointee.pw_dir { setenv("HOME", dir, 1) }
            setenv("USER", user, 1); setenv("LOGNAME", user, 1)
        }
        setenv("PATH", "/usr/local/bin:/usr/bin:/bin", 1)
        let term = env["TERM"] ?? ""
        if let dir = systemTerminfo(for: term) {
            setenv("TERMINFO", dir, 1)
        } else if !term.isEmpty {
            let fallback = "vt100"
            if let dir = systemTerminfo(for: fallback) { setenv("TERMINFO", dir, 1) }
            setenv("TERM", fallback, 1)
            warnings.append("TERM=\(term.prefix(40)) is not in the system terminfo database; using \(fallback) (a set-uid program reads no terminal description of yours).")
        }
        return warnings
    }

    /// The system terminfo directory holding `term`, or nil (also for names that are not plain).
    static func systemTerminfo(for term: String) -> String? {
        guard !term.isEmpty, term.count <= 64, !term.hasPrefix("."),
              term.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "._+-".unicodeScalars.contains($0)) }),
              let first = term.unicodeScalars.first else { return nil }
        for dir in terminfoDirs {
            let letter = dir + "/" + String(first) + "/" + term
            let hex = dir + "/" + String(format: "%02x", first.value) + "/" + term
            if access(letter, R_OK) == 0 || access(hex, R_OK) == 0 { return dir }
        }
        return nil
    }
}
