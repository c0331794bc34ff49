import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Who may touch a store's files. A store is its owner's alone: the directory and `history/` are
/// 0700, every file 0600, all owned by the directory's owner, and only that owner (the effective
/// uid: a person, or the service account of a team store) opens it. Anything else — a link, a
/// foreign file, a file others could read or write — is refused with the command that fixes it,
/// because any of them would let another account forge records or redirect a write.
enum StorePolicy {
    static let fileMode: mode_t = 0o600
    static let directoryMode: mode_t = 0o700

    static func userName(_ uid: uid_t) -> String {
        getpwuid(uid).flatMap { $0.pointee.pw_name.map { String(cString: $0) } } ?? "uid \(uid)"
    }

    static func octal(_ m: mode_t) -> String { String(m & 0o7777, radix: 8) }

    static func isLink(_ path: String) -> StoreError {
        StoreError(file: path, problem: "is a symbolic link; a store never contains links, and frontdesk does not follow them",
                   remedy: "Remove the link (rm \(path)) after checking where it points (ls -l \(path)); then run frontdesk check.")
    }

    static func linkOrNotDirectory(_ path: String) -> StoreError {
        StoreError(file: path, problem: "is a symbolic link or not a directory; a store directory must be a real directory",
                   remedy: "Point --store at the real directory (readlink -f \(path)), or remove what is there (ls -l \(path)).")
    }

    static func notRegular(_ path: String) -> StoreError {
        StoreError(file: path, problem: "is not a regular file",
                   remedy: "Move it out of the store (mv \(path) ~/) and run frontdesk check.")
    }

    /// The store directory must belong to whoever opens it (the effective uid).
    static func checkOwner(_ dir: StoreDirectory) throws(StoreError) {
        guard let st = dir.ownStatus() else { throw .io(dir.path, "stat") }
        let me = geteuid()
        if st.st_uid != me {
            throw StoreError(file: dir.path,
                             problem: "this store belongs to \(userName(st.st_uid)), not to you (\(userName(me))); frontdesk opens only its owner's store, so another account's settings and hooks never run as you",
                             remedy: "Open your own store with --store DIR (create one with: frontdesk init --store DIR), or ask \(userName(st.st_uid)) to make the change.")
        }
    }

    /// Every problem with the modes, owners and kinds of the store's files, first problem first.
    /// `deep`: also every entry of `history/` (check does; open does too — a stat per file).
    static func problems(root: StoreDirectory, history: StoreDirectory?) -> [StoreError] {
        var out: [StoreError] = []
        guard let rootSt = root.ownStatus() else { return [.io(root.path, "stat")] }
        let owner = rootSt.st_uid
        func directory(_ path: String, _ st: stat) {
            if st.st_uid != owner { out.append(foreign(path, st.st_uid, owner, isDirectory: true)) }
            if st.st_mode & 0o022 != 0 {
                out.append(StoreError(file: path, problem: "the directory is writable by others than its owner (mode \(octal(st.st_mode))), so they could replace or remove store files",
                                      remedy: "Fix it with: chmod 700 \(path)"))
            }
        }
        func entries(_ dir: StoreDirectory, allowHistory: Bool) {
            for name in dir.names() {
                let path = dir.full(name)
                guard let st = dir.status(name) else { continue }
                let kind = st.st_mode & S_IFMT
                if kind == S_IFLNK { out.append(isLink(path)); continue }
                if allowHistory && name == "history" {
                    if kind != S_IFDIR { out.append(linkOrNotDirectory(path)) } else { directory(path, st) }
                    continue
                }
                if kind != S_IFREG { out.append(notRegular(path)); continue }
                if st.st_uid != owner { out.append(foreign(path, st.st_uid, owner, isDirectory: false)); continue }
                if st.st_mode & 0o077 != 0 {
                    let writable = st.st_mode & 0o022 != 0
                    out.append(StoreError(file: path,
                                          problem: "can be \(writable ? "written" : "read") by others than its owner (mode \(octal(st.st_mode)))\(writable ? ", so they could forge records or settings" : ", and it holds the office's records")",
                                          remedy: "Fix it with: chmod 600 \(path)"))
                }
            }
        }
        directory(root.path, rootSt)
        entries(root, allowHistory: true)
        if let h = history { entries(h, allowHistory: false) }
        return out
    }

    static func foreign(_ path: String, _ uid: uid_t, _ owner: uid_t, isDirectory: Bool) -> StoreError {
        StoreError(file: path, problem: "belongs to \(userName(uid)), not to the store's owner \(userName(owner)); only the owner's own files are trusted",
                   remedy: "If it is the store's own \(isDirectory ? "directory" : "file"), fix it as root with: chown \(userName(owner)) \(path); otherwise remove it.")
    }
}
