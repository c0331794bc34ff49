import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The backup file format (`frontdesk backup FILE`): one file holding every file of a store.
///
/// ```
/// "FDBACKUP"                       8 bytes, the magic
/// container version                UInt32 big-endian (1)
/// header length                    UInt32 big-endian
/// SHA-256 of the header            32 bytes
/// header                           one bplist00 document: BackupHeader
/// file contents                    each entry's bytes, in the header's order, nothing after
/// ```
///
/// The header says what was backed up (store schema, when, by whom, which store) and lists each
/// file by its path relative to the store, size and SHA-256. Only the store's own file names are
/// valid paths (see `BackupFormat.isStoreFile`): no absolute path, `..`, link or other kind of
/// entry can be expressed, and `restore` refuses a header that tries.
public enum BackupFormat {
    public static let magic = Data("FDBACKUP".utf8)
    public static let containerVersion: UInt32 = 1
    /// Bytes before the header: magic, version, header length, header hash.
    static let prefixSize = 8 + 4 + 4 + 32
    /// A header larger than this is damage or a crafted file, not a store's list of files.
    static let maxHeader = 16 << 20
    /// One store file larger than this is damage or a crafted file (a month segment is a few MB).
    public static let maxEntry = 2 << 30
    public static let formatName = "frontdesk-backup"

    /// True for the paths a store holds and a backup may carry: `meta.plist`, `snapshot.plist`,
    /// `manifest.plist`, `hooks.plist`, `journal.NNNNNN.log`, and in `history/` month segments
    /// (`YYYY-MM.plist`) and archived journals. Never a lock, temp file, link or anything else.
    public static func isStoreFile(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 1 {
            let n = String(parts[0])
            return [StorePaths.meta, StorePaths.snapshot, StorePaths.manifest, StorePaths.hooks].contains(n) || isJournalName(n)
        }
        guard parts.count == 2, parts[0] == Substring(StorePaths.history) else { return false }
        let n = String(parts[1])
        return isJournalName(n) || isSegmentName(n)
    }

    /// `journal.` + 6 or more digits + `.log`.
    static func isJournalName(_ n: String) -> Bool {
        guard n.hasPrefix("journal."), n.hasSuffix(".log") else { return false }
        let digits = n.dropFirst("journal.".count).dropLast(".log".count)
        return digits.count >= 6 && digits.count <= 12 && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// `YYYY-MM.plist`.
    static func isSegmentName(_ n: String) -> Bool {
        let u = Array(n.utf8)
        guard u.count == 13, n.hasSuffix(".plist"), u[4] == UInt8(ascii: "-") else { return false }
        return (u[0..<4] + u[5..<7]).allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}

/// What a backup file says about itself and lists.
public struct BackupHeader: Codable, Sendable, Equatable {
    public struct Entry: Codable, Sendable, Equatable {
        /// Relative to the store directory (`history/2026-01.plist`).
        public var path: String
        /// Always "file": a store holds regular files only; any other kind is refused on restore.
        public var kind: String
        public var size: Int
        public var sha256: Data
    }
    public var format: String
    /// The store schema of the backed-up store (`StoreSchema.current` of the frontdesk that wrote it).
    public var schemaVersion: Int
    public var createdAt: Date
    /// The Unix user who ran the backup.
    public var createdBy: String
    /// Names the store across backups and restores: from its creation time and creator (meta.plist).
    public var storeID: String
    /// Where the store was, for the person reading `backup --list` (never used on restore).
    public var storePath: String
    /// The journal generation and last sequence number at the moment of the backup.
    public var generation: Int
    public var seq: Int
    public var files: [Entry]

    /// Bytes of store files the backup holds.
    public var totalBytes: Int { files.reduce(0) { $0 + $1.size } }
}


/// What `Store.backup` wrote.
public struct BackupSummary: Sendable, Equatable {
    public var file: String
    public var header: BackupHeader
    /// The backup file's size.
    public var bytes: Int
}

extension Store {
    /// Writes every file of the store to the backup file `file`, consistent while others write:
    /// the files are read under the store's write lock (after catching up and checking the
    /// journal and the manifest as any writer does), so no change is half in it; the file is
    /// then written as the person running frontdesk — never with a team store's rights — to a
    /// temp file beside `file` (mode 0600: it holds visitors' personal data), fsync'd and renamed
    /// over `file`, so `file` is either the old backup or the complete new one.
    /// On a team store only an admin may take a backup (it holds everyone's records).
    /// Throws `StoreError` (the store or the target cannot be used) or `Refusal`.
    /// `progress` is called with bytes written of the total.
    @discardableResult
    public func backup(to file: String, progress: ProgressReport? = nil) throws -> BackupSummary {
        let files = try readForBackup()
        let storeID = Data(SHA256.hash(Data("\(meta.createdAt.timeIntervalSinceReferenceDate.bitPattern) \(meta.createdBy)".utf8)).prefix(8))
        let header = BackupHeader(format: BackupFormat.formatName, schemaVersion: StoreSchema.current, createdAt: env.now(),
                                  createdBy: env.unixUser, storeID: storeID.map { String(format: "%02x", $0) }.joined(),
                                  storePath: root, generation: files.generation, seq: files.seq,
                                  files: files.contents.map { .init(path: $0.path, kind: "file", size: $0.bytes.count, sha256: Data(SHA256.hash($0.bytes))) })
        let head = try BinaryPlistEncoder().encode(header)
        var prefix = BackupFormat.magic
        withUnsafeBytes(of: BackupFormat.containerVersion.bigEndian) { prefix.append(contentsOf: $0) }
        withUnsafeBytes(of: UInt32(head.count).bigEndian) { prefix.append(contentsOf: $0) }
        prefix.append(contentsOf: SHA256.hash(head))
        prefix.append(head)
        let size = try BackupTarget.writeAtomically(file, parts: [prefix] + files.contents.map(\.bytes), progress: progress)
        return BackupSummary(file: file, header: header, bytes: size)
    }

    /// Every store file's bytes, read under the write lock (as the store's account on a team store).
    private func readForBackup() throws -> (contents: [(path: String, bytes: Data)], generation: Int, seq: Int) {
        Privilege.raise(); defer { Privilege.lower() }  // team store: as its account, only here
        return try withWriteLock {
            if Privilege.isTeamSession && !state.hasRole(env.actingUser, .admin) {
                throw Refusal.permission("\(env.actingUser) may not back up the team store: a backup holds every visitor's personal data, so it needs the admin role.", zh: "\(env.actingUser) 无权备份团队存储：备份包含每位访客的个人信息，需要管理员（admin）角色。")
            }
            var out: [(path: String, bytes: Data)] = []
            for name in dir.names() where BackupFormat.isStoreFile(name) {
                guard let bytes = try dir.read(name) else { continue }
                out.append((name, bytes))
            }
            for name in historyDir.names() where BackupFormat.isStoreFile(StorePaths.history + "/" + name) {
                guard let bytes = try historyDir.read(name) else { continue }
                out.append((StorePaths.history + "/" + name, bytes))
            }
            return (out, currentGeneration, seq)
        }
    }
}

/// Writing the backup file where the person asked, as that person.
enum BackupTarget {
    /// Temp file beside `path` (O_EXCL, unpredictable name, mode 0600) → write → fsync → rename →
    /// fsync of the directory. Returns the bytes written. On failure nothing is left behind.
    static func writeAtomically(_ path: String, parts: [Data], progress: ProgressReport?) throws -> Int {
        let full = Store.normalise(path)
        let parent = (full as NSString).deletingLastPathComponent
        let name = (full as NSString).lastPathComponent
        var st = stat()
        if stat(full, &st) == 0, st.st_mode & S_IFMT == S_IFDIR {
            throw Refusal.invalid("\(full) is a directory; name the backup file to write, e.g. \(full)/frontdesk-$(date +%F).fdbackup.", zh: "\(full) 是一个目录；请给出要写入的备份文件名，例如 \(full)/frontdesk-$(date +%F).fdbackup。")
        }
        let dfd = open(parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd < 0 {
            let e = errno
            throw StoreError(file: parent, problem: "cannot open the backup's directory: \(String(cString: strerror(e)))",
                             remedy: "Create it (mkdir -p \(parent)) or choose another place for the backup; nothing was written.")
        }
        defer { close(dfd) }
        let tmp = ".\(name).tmp.\(StoreDirectory.unpredictableSuffix())"
        let f = openat(dfd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        if f < 0 { throw StoreError.io(parent + "/" + tmp, "create the backup") }
        _ = fchmod(f, 0o600)
        let total = parts.reduce(0) { $0 + $1.count }
        do {
            var done = 0
            for p in parts {
                try Posix.writeAll(f, p, path: full)
                done += p.count
                progress?(WorkProgress("writing the backup", done: done, total: total))
            }
            try Posix.fsync(f, path: full)
        } catch {
            close(f); unlinkat(dfd, tmp, 0); throw error
        }
        close(f)
        if renameat(dfd, tmp, dfd, name) != 0 {
            let e = errno; unlinkat(dfd, tmp, 0); throw StoreError.io(full, "rename the finished backup into place", errno: e)
        }
        _ = fsync(dfd)
        return total
    }
}
