import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What `Backup.restore` wrote.
public struct RestoreSummary: Sendable, Equatable {
    public var directory: String
    public var header: BackupHeader
    /// The hooks the backup held and that were not installed (event → command), when not asked to.
    public var hooksLeftOut: [String: String]
}

/// Reading backup files back (`frontdesk restore FILE DIR`).
public enum Backup {
    /// Reads and verifies the backup file `file` completely — container, header checksum, every
    /// path (store file names only: no absolute path, `..`, link or other entry), every size and
    /// every file's SHA-256, and the store schema (a newer one is refused) — and only then writes
    /// the store into `directory`, which must not exist or be an empty directory you own. Files
    /// are created with `O_EXCL|O_NOFOLLOW`, modes 0600/0700, each fsync'd. On any failure
    /// everything this call created is removed again (and `directory` itself when it made it).
    /// `hooks.plist` (commands that run on events) is installed only with `installHooks`: a backup
    /// handed over by someone else must not get to run commands as you; otherwise it is listed.
    /// Throws `StoreError` (a damaged, crafted or newer backup; a write failure) or
    /// `Refusal.invalid` (the directory is not empty, not a directory, not yours).
    @discardableResult
    public static func restore(from file: String, into directory: String, installHooks: Bool = false,
                               progress: ProgressReport? = nil) throws -> RestoreSummary {
        let bytes = try readFile(file)
        let (header, bodyStart) = try verify(bytes, file: file)
        var hooksLeftOut: [String: String] = [:]
        if !installHooks, let h = header.files.firstIndex(where: { $0.path == StorePaths.hooks }) {
            let at = bodyStart + header.files[..<h].reduce(0) { $0 + $1.size }
            let table = try? BinaryPlistDecoder().decode(HookTable.self, from: bytes.subdata(in: at..<(at + header.files[h].size)))
            hooksLeftOut = table?.hooks ?? ["?": "(hooks.plist could not be read)"]
        }
        // Asked before normalising, which resolves links: a link as DIR is refused, not followed.
        var given = (directory as NSString).expandingTildeInPath
        while given.count > 1 && given.hasSuffix("/") { given.removeLast() }
        var st = stat()
        if lstat(given, &st) == 0, st.st_mode & S_IFMT == S_IFLNK {
            throw Refusal.invalid("\(given) is a symbolic link; restore into a real, empty directory (or a new one).", zh: "\(given) 是符号链接；请恢复到一个真实的空目录（或新目录）。")
        }
        let root = Store.normalise(directory)
        let target = try RestoreTarget(root)
        do {
            let total = header.totalBytes
            var at = bodyStart, done = 0
            try target.dir.makeDirectory(StorePaths.history)
            guard let history = try target.dir.subdirectory(StorePaths.history) else { throw StoreError.io(root + "/history", "open") }
            target.made.append(StorePaths.history)
            for e in header.files {
                let body = bytes.subdata(in: at..<(at + e.size))
                at += e.size
                done += e.size
                if e.path == StorePaths.hooks && !installHooks { continue }
                let inHistory = e.path.hasPrefix(StorePaths.history + "/")
                let (d, name) = inHistory ? (history, String(e.path.dropFirst(StorePaths.history.count + 1))) : (target.dir, e.path)
                let f = try d.createFile(name)
                target.made.append(e.path)
                defer { close(f) }
                try Posix.writeAll(f, body, path: root + "/" + e.path)
                try Posix.fsync(f, path: root + "/" + e.path)
                progress?(WorkProgress("restoring files", done: done, total: total))
            }
            close(try target.dir.createFile(StorePaths.lock, O_RDWR))
            target.made.append(StorePaths.lock)
            try history.sync()
            try target.dir.sync()
        } catch {
            target.undo()
            throw error
        }
        return RestoreSummary(directory: root, header: header, hooksLeftOut: hooksLeftOut)
    }

    /// The header of a backup file after verifying everything `restore` verifies; writes nothing.
    public static func inspect(_ file: String) throws -> BackupHeader {
        try verify(try readFile(file), file: file).header
    }

    static func refused(_ file: String, _ problem: String) -> StoreError {
        StoreError(file: file, problem: problem,
                   remedy: "Nothing was restored. Use another backup (an older one, or a fresh frontdesk backup of the store).")
    }

    /// The whole backup file (read as the person running frontdesk). A non-file is refused.
    static func readFile(_ file: String) throws -> Data {
        let f = open(file, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        if f < 0 {
            let e = errno
            if e == ENOENT { throw Refusal.invalid("No backup file \(file); name a file written by frontdesk backup.", zh: "没有备份文件 \(file)；请给出由 frontdesk backup 写出的文件。") }
            throw StoreError.io(file, "open the backup", errno: e)
        }
        defer { close(f) }
        var st = stat()
        if fstat(f, &st) != 0 || st.st_mode & S_IFMT != S_IFREG {
            throw Refusal.invalid("\(file) is not a regular file; name a file written by frontdesk backup.", zh: "\(file) 不是普通文件；请给出由 frontdesk backup 写出的文件。")
        }
        return try Posix.readToEnd(f, from: 0, path: file)
    }

    /// Checks the container and every entry; returns the header and where the first body starts.
    static func verify(_ bytes: Data, file: String) throws -> (header: BackupHeader, bodyStart: Int) {
        guard bytes.count >= BackupFormat.prefixSize, bytes.prefix(8) == BackupFormat.magic else {
            throw refused(file, "not a frontdesk backup (it does not start with FDBACKUP)")
        }
        func u32(_ at: Int) -> Int {
            Int(bytes.withUnsafeBytes { UInt32(bigEndian: $0.loadUnaligned(fromByteOffset: at, as: UInt32.self)) })
        }
        let version = u32(8)
        if version > Int(BackupFormat.containerVersion) {
            throw StoreError(file: file, problem: "written by a newer frontdesk (backup format \(version); this frontdesk reads format \(BackupFormat.containerVersion))",
                             remedy: "Restore it with the newer frontdesk that wrote it; nothing was restored.")
        }
        let headLength = u32(12)
        guard headLength <= BackupFormat.maxHeader, BackupFormat.prefixSize + headLength <= bytes.count else {
            throw refused(file, "damaged: its header declares \(headLength) bytes, more than the file or any backup holds")
        }
        let head = bytes.subdata(in: BackupFormat.prefixSize..<(BackupFormat.prefixSize + headLength))
        guard Data(SHA256.hash(head)) == bytes.subdata(in: 16..<48) else {
            throw refused(file, "damaged: its header does not match its SHA-256 (the file was changed or cut after it was written)")
        }
        let header: BackupHeader
        do { header = try BinaryPlistDecoder().decode(BackupHeader.self, from: head) } catch {
            throw refused(file, "damaged: its header cannot be read (\(error))")
        }
        guard header.format == BackupFormat.formatName else { throw refused(file, "not a frontdesk backup (format \(header.format))") }
        if header.schemaVersion > StoreSchema.current {
            throw StoreError(file: file, problem: "holds a store of a newer frontdesk (store schema \(header.schemaVersion); this frontdesk reads up to \(StoreSchema.current))",
                             remedy: "Upgrade frontdesk on this machine, or restore it with the frontdesk that wrote it; nothing was restored.")
        }
        var seen = Set<String>()
        var total = 0
        for (i, e) in header.files.enumerated() {
            let shown = InputLimits.shown(e.path)
            guard e.kind == "file" else {
                throw refused(file, "entry \(i + 1) (\(shown)) is a \(e.kind), but a store holds regular files only: a crafted or damaged backup")
            }
            guard BackupFormat.isStoreFile(e.path) else {
                throw refused(file, "entry \(i + 1) names \(shown), which is not a store file (absolute paths, .. and other names are never written by frontdesk backup): a crafted or damaged backup")
            }
            guard seen.insert(e.path).inserted else { throw refused(file, "entry \(i + 1) (\(shown)) appears twice: a crafted or damaged backup") }
            guard e.size >= 0, e.size <= BackupFormat.maxEntry else {
                throw refused(file, "entry \(i + 1) (\(shown)) declares \(e.size) bytes, more than any store file holds: a crafted or damaged backup")
            }
            total += e.size
        }
        let bodyStart = BackupFormat.prefixSize + headLength
        if bodyStart + total != bytes.count {
            throw refused(file, "damaged: the header lists \(total) bytes of files but the file holds \(bytes.count - bodyStart) after it (cut short, or bytes added)")
        }
        for name in [StorePaths.meta, StorePaths.snapshot] where !seen.contains(name) {
            throw refused(file, "incomplete: it holds no \(name)")
        }
        var at = bodyStart
        for e in header.files {
            let digest = bytes.withUnsafeBytes { raw in
                var h = SHA256()
                h.update(UnsafeRawBufferPointer(rebasing: raw[at..<(at + e.size)]))
                return Data(h.finish())
            }
            if digest != e.sha256 {
                throw refused(file, "damaged: \(InputLimits.shown(e.path)) (bytes \(at)–\(at + e.size) of the backup) does not match its SHA-256")
            }
            if e.path == StorePaths.meta {
                let version = try Store.schemaVersion(of: bytes.subdata(in: at..<(at + e.size)), file: "\(file): meta.plist")
                if version > StoreSchema.current {
                    throw StoreError(file: file, problem: "holds a store of a newer frontdesk (store schema \(version); this frontdesk reads up to \(StoreSchema.current))",
                                     remedy: "Upgrade frontdesk on this machine, or restore it with the frontdesk that wrote it; nothing was restored.")
                }
            }
            at += e.size
        }
        return (header, bodyStart)
    }
}

/// The directory a restore writes into, and what it created there (removed again on failure).
final class RestoreTarget {
    let root: String
    let dir: StoreDirectory
    let createdRoot: Bool
    /// Paths relative to `root`, in the order created.
    var made: [String] = []

    /// Opens `root`, which must be an empty directory owned by you, or creates it (mode 0700)
    /// when it does not exist (its parent must).
    init(_ root: String) throws {
        self.root = root
        var st = stat()
        if lstat(root, &st) == 0 {
            if st.st_mode & S_IFMT == S_IFLNK {
                throw Refusal.invalid("\(root) is a symbolic link; restore into a real, empty directory (or a new one).", zh: "\(root) 是符号链接；请恢复到一个真实的空目录（或新目录）。")
            }
            guard st.st_mode & S_IFMT == S_IFDIR else {
                throw Refusal.invalid("\(root) exists and is not a directory; restore into a new or empty directory.", zh: "\(root) 已存在且不是目录；请恢复到新目录或空目录。")
            }
            dir = try StoreDirectory(opening: root)
            let entries = dir.names()
            if !entries.isEmpty {
                throw Refusal.invalid("\(root) is not empty (\(entries.count) entries); restore into a new or empty directory, so no store or file is overwritten. Nothing was restored.", zh: "\(root) 不是空目录（有 \(entries.count) 项）；请恢复到新目录或空目录，以免覆盖任何存储或文件。未恢复任何内容。")
            }
            if st.st_uid != geteuid() {
                throw Refusal.invalid("\(root) belongs to \(StorePolicy.userName(st.st_uid)), not to you; a store must be its owner's alone. Restore into a directory of your own.", zh: "\(root) 属于 \(StorePolicy.userName(st.st_uid))，不属于你；存储只能归其所有者。请恢复到你自己的目录。")
            }
            createdRoot = false
        } else {
            let parent = (root as NSString).deletingLastPathComponent
            if mkdir(root, StorePolicy.directoryMode) != 0 {
                let e = errno
                if e == ENOENT { throw Refusal.invalid("\(parent) does not exist; create it first (mkdir -p \(parent)) or restore elsewhere.", zh: "\(parent) 不存在；请先创建（mkdir -p \(parent)），或恢复到别处。") }
                throw StoreError.io(root, "create the directory", errno: e)
            }
            createdRoot = true
            do { dir = try StoreDirectory(opening: root) } catch { rmdir(root); throw error }
        }
        _ = fchmod(dir.fd, StorePolicy.directoryMode)
    }

    /// Removes what this restore created, newest first, and the directory if it made it.
    func undo() {
        for path in made.reversed() {
            if path == StorePaths.history { unlinkat(dir.fd, path, AT_REMOVEDIR) } else { unlinkat(dir.fd, path, 0) }
        }
        // A history directory made but not yet recorded, from a failure right after mkdir.
        unlinkat(dir.fd, StorePaths.history, AT_REMOVEDIR)
        try? dir.sync()
        if createdRoot { rmdir(root) }
    }
}
