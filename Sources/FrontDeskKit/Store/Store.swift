import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A frontdesk store: a directory shared by every session in the office.
///
/// Guarantees (each has a test in StoreGuaranteeTests):
/// - A change is acknowledged only after its journal record is written and fsync'd.
/// - Writes are serialised by `flock` on `store.lock`; each is validated against the latest state
///   after reading every record other sessions appended, so no update is lost or overwritten.
/// - A torn last record (crash mid-append) is ignored by readers and cut off by the next writer;
///   every acknowledged record before it survives.
/// - Opening reads `meta.plist`, `snapshot.plist` and the current journal only; history segments
///   are read on demand, so start-up does not grow with years of history.
/// - Every file is one bplist00 document (journal records: one per record) readable by Foundation
///   and Python's plistlib.
public final class Store {
    public let root: String
    let paths: StorePaths
    public private(set) var meta: StoreMeta
    public private(set) var state: OfficeState
    /// The clock, acting user and id generator used for new changes.
    public var env: Environment
    /// How long a writer waits for another session's write before giving up (exit code 4).
    public var lockTimeout: TimeInterval = 10

    private(set) var generation: Int = 0
    /// Sequence number of the last record applied to `state`.
    public private(set) var seq: Int = 0
    private var journalFD: Int32 = -1
    private var journalOffset: Int = 0
    private var snapshotID: Posix.FileID?
    private var metaID: Posix.FileID?
    private var lockFD: Int32 = -1
    private var inotifyFD: Int32 = -1
    /// Hooks and notices that follow every commit (see AfterCommit.swift).
    public let afterCommit = AfterCommit()
    /// What the last open/refresh read, for the performance notes and `frontdesk check`.
    public private(set) var loadStats = LoadStats()

    public struct LoadStats: Sendable {
        public var snapshotBytes = 0
        public var journalRecords = 0
        public var journalBytes = 0
        public var seconds: Double = 0
    }

    public var context: RuleContext {
        RuleContext(env: env, settings: meta.settings, allowOverrides: meta.allowOverrides)
    }

    private init(root: String, meta: StoreMeta, env: Environment) {
        self.root = root
        self.paths = StorePaths(root: root)
        self.meta = meta
        self.state = OfficeState()
        self.env = env
    }

    deinit {
        if journalFD >= 0 { close(journalFD) }
        if lockFD >= 0 { close(lockFD) }
        if inotifyFD >= 0 { close(inotifyFD) }
    }

    // MARK: Create and open

    /// Creates an empty store in `dir` (made if missing; it must be empty of store files).
    /// The creating user becomes the first admin.
    @discardableResult
    public static func create(at dir: String, env: Environment, allowOverrides: Bool) throws -> Store {
        let root = normalise(dir)
        let paths = StorePaths(root: root)
        if Posix.exists(paths.meta) {
            throw StoreError(file: paths.meta, problem: "a store already exists here",
                             remedy: "Use it as it is, or choose another directory with --store.")
        }
        try makeParents(of: root)
        if Posix.exists(root) {
            // Never turn someone's home or /tmp into a store: only an empty directory will do.
            try refuseWorldWritable(root)
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
            if !entries.isEmpty {
                throw StoreError(file: root, problem: "the directory is not empty (\(entries.count) entries) and holds no store",
                                 remedy: "Choose a new or empty directory with --store; nothing was changed.")
            }
            _ = chmod(root, Posix.dirMode)
        } else {
            try Posix.makeDirectory(root)
        }
        try Posix.makeDirectory(paths.history)
        let meta = StoreMeta(createdAt: env.now(), createdBy: env.unixUser, allowOverrides: allowOverrides)
        let lock = try Posix.open(paths.lock, O_RDWR, create: true)
        close(lock)
        let j = try Posix.open(paths.journal(1), O_WRONLY | O_TRUNC, create: true)
        try Posix.writeAll(j, JournalFormat.magic, path: paths.journal(1))
        try Posix.fsync(j, path: paths.journal(1))
        close(j)
        let snap = Snapshot(schemaVersion: StoreSchema.current, generation: 1, seq: 0, savedAt: env.now(), state: OfficeState())
        try Posix.atomicWrite(try BinaryPlistEncoder().encode(snap), to: paths.snapshot)
        try Posix.atomicWrite(try BinaryPlistEncoder().encode(meta), to: paths.meta)
        let store = try open(at: root, env: env)
        var creator = env
        creator.actingUser = env.unixUser
        store.env = creator
        try store.commitUnchecked(.grantRole(user: env.unixUser, role: .admin))
        try store.commitUnchecked(.addBadges(BadgePool.defaultCodes))
        if env.actingUser != env.unixUser, allowOverrides {
            try store.commitUnchecked(.grantRole(user: env.actingUser, role: .admin))
        }
        store.env = env
        return store
    }

    /// Opens an existing store: reads meta, the working-set snapshot and the journal tail.
    public static func open(at dir: String, env: Environment) throws -> Store {
        let root = normalise(dir)
        let paths = StorePaths(root: root)
        guard Posix.exists(root) else {
            throw StoreError(file: root, problem: "no store here",
                             remedy: "Create one with: frontdesk init --store \(root)   (or frontdesk demo for a practice store)")
        }
        try refuseWorldWritable(root)
        guard let metaBytes = try Posix.read(paths.meta) else {
            throw StoreError(file: paths.meta, problem: "missing: this directory is not a frontdesk store",
                             remedy: "Create one with: frontdesk init --store \(root)")
        }
        let version = try schemaVersion(of: metaBytes, file: paths.meta)
        if version > StoreSchema.current {
            throw StoreError(file: paths.meta,
                             problem: "written by a newer frontdesk (store schema \(version); this frontdesk reads up to \(StoreSchema.current))",
                             remedy: "Upgrade frontdesk on this machine; nothing was changed.")
        }
        if version < StoreSchema.current {
            try Migration.migrate(paths: paths, from: version, metaBytes: metaBytes, env: env)
            return try open(at: dir, env: env)
        }
        let meta: StoreMeta
        do { meta = try BinaryPlistDecoder().decode(StoreMeta.self, from: metaBytes) } catch {
            throw damaged(paths.meta, error)
        }
        let store = Store(root: root, meta: meta, env: env)
        store.metaID = Posix.fileID(paths.meta)
        try store.loadSnapshotAndJournal()
        return store
    }

    static func normalise(_ dir: String) -> String {
        var d = (dir as NSString).expandingTildeInPath
        if !d.hasPrefix("/") { d = FileManager.default.currentDirectoryPath + "/" + d }
        while d.count > 1 && d.hasSuffix("/") { d.removeLast() }
        return (d as NSString).standardizingPath
    }

    private static func makeParents(of root: String) throws {
        let parent = (root as NSString).deletingLastPathComponent
        if !parent.isEmpty && !Posix.exists(parent) {
            do { try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true) } catch {
                throw StoreError(file: parent, problem: "cannot create the directory", remedy: "Check that you may write there.")
            }
        }
    }

    /// Anyone on the machine could rewrite a world-writable store: refuse and say how to fix it.
    static func refuseWorldWritable(_ root: String) throws(StoreError) {
        guard let mode = Posix.mode(root) else { return }
        if mode & S_IWOTH != 0 {
            throw StoreError(file: root,
                             problem: String(format: "the store directory is world-writable (mode %o), so anyone on this machine could change or erase it", mode & 0o7777),
                             remedy: "Fix it with: chmod o-w \(root)   (a shared store is group-writable: chmod 2770 \(root))")
        }
    }

    static func schemaVersion(of bytes: Data, file: String) throws -> Int {
        struct Probe: Decodable { var format: String?; var schemaVersion: Int }
        do {
            let p = try BinaryPlistDecoder().decode(Probe.self, from: bytes)
            if let f = p.format, f != StoreMeta.formatName {
                throw StoreError(file: file, problem: "not a frontdesk store (format \(f))", remedy: "Point --store at a frontdesk store.")
            }
            return p.schemaVersion
        } catch let e as StoreError { throw e } catch { throw damaged(file, error) }
    }

    static func damaged(_ file: String, _ error: Error) -> StoreError {
        StoreError(file: file, problem: "damaged (\(error))",
                   remedy: "Run frontdesk check; restore this file from backup (the journal under history/ keeps every change).")
    }

    private func loadSnapshotAndJournal() throws {
        let t0 = DispatchTime.now().uptimeNanoseconds
        var lastError: Error?
        for _ in 0..<5 {  // a compaction may swap files between our reads: start over
            do {
                // Identify the snapshot by the descriptor we read it from, so a swap between the
                // read and the stat cannot pair old contents with the new file's identity.
                let sfd = Glibc.open(paths.snapshot, O_RDONLY | O_CLOEXEC)
                if sfd < 0 {
                    if errno == ENOENT {
                        throw StoreError(file: paths.snapshot, problem: "missing",
                                         remedy: "Restore it from backup, or run frontdesk check for details.")
                    }
                    throw StoreError.io(paths.snapshot, "open")
                }
                defer { close(sfd) }
                let id = Posix.fileID(fd: sfd)
                let bytes = try Posix.readToEnd(sfd, from: 0, path: paths.snapshot)
                let snap: Snapshot
                do { snap = try BinaryPlistDecoder().decode(Snapshot.self, from: bytes) } catch {
                    throw Self.damaged(paths.snapshot, error)
                }
                if snap.schemaVersion > StoreSchema.current {
                    throw StoreError(file: paths.snapshot, problem: "written by a newer frontdesk (schema \(snap.schemaVersion))",
                                     remedy: "Upgrade frontdesk on this machine; nothing was changed.")
                }
                let fd = Glibc.open(paths.journal(snap.generation), O_RDWR | O_APPEND | O_CLOEXEC)
                if fd < 0 {
                    if errno == ENOENT, !Posix.isSameFile(sfd, paths.snapshot) { continue }
                    throw StoreError.io(paths.journal(snap.generation), "open journal")
                }
                if journalFD >= 0 { close(journalFD) }
                journalFD = fd
                journalOffset = JournalFormat.headerSize
                generation = snap.generation
                seq = snap.seq
                state = snap.state
                snapshotID = id
                loadStats = LoadStats(snapshotBytes: bytes.count)
                try checkJournalHeader()
                _ = try readJournalTail(truncateTorn: false)
                loadStats.seconds = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
                return
            } catch {
                lastError = error
                if Posix.fileID(paths.snapshot) == nil { break }
            }
        }
        throw lastError ?? StoreError(file: paths.snapshot, problem: "could not be read", remedy: "Try again.")
    }

    private func checkJournalHeader() throws(StoreError) {
        var head = [UInt8](repeating: 0, count: JournalFormat.headerSize)
        let n = pread(journalFD, &head, head.count, 0)
        if n == 0 {
            // Created but the header never reached the disk: write it now (only a writer will).
            return
        }
        if n != head.count || Data(head) != JournalFormat.magic {
            throw StoreError(file: paths.journal(generation), problem: "not a frontdesk journal (bad header)",
                             remedy: "Run frontdesk check; restore the store from backup.")
        }
    }

    // MARK: Following other sessions

    /// Applies records other sessions appended since the last call. True when the state changed.
    /// Cheap when nothing changed: one stat of the snapshot and one fstat of the journal.
    @discardableResult
    public func refresh() throws -> Bool {
        var settingsChanged = false
        if Posix.fileID(paths.meta) != metaID {
            try reloadMeta()
            settingsChanged = true
        }
        if Posix.fileID(paths.snapshot) != snapshotID {
            let before = seq
            let oldGen = generation
            try loadSnapshotAndJournal()
            return seq != before || generation != oldGen
        }
        guard Posix.fileSize(journalFD) > journalOffset else { return settingsChanged }
        return try readJournalTail(truncateTorn: false) > 0 || settingsChanged
    }

    /// An inotify descriptor that becomes readable when any file of the store changes, so a
    /// dashboard can sleep in poll(2) instead of polling. Call `drainChangeFeed()` after it fires.
    public var changeFeed: Int32? {
        if inotifyFD < 0 {
            let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
            guard fd >= 0 else { return nil }
            let mask = UInt32(IN_MODIFY | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_CLOSE_WRITE)
            if inotify_add_watch(fd, root, mask) < 0 { close(fd); return nil }
            inotifyFD = fd
        }
        return inotifyFD
    }

    public func drainChangeFeed() {
        guard inotifyFD >= 0 else { return }
        var buf = [UInt8](repeating: 0, count: 4096)
        while Glibc.read(inotifyFD, &buf, buf.count) > 0 {}
    }

    /// Reads complete records after `journalOffset` and applies them. Returns how many.
    /// A writer (holding the lock) cuts off a torn tail so its own append starts on a boundary.
    @discardableResult
    private func readJournalTail(truncateTorn: Bool) throws -> Int {
        let path = paths.journal(generation)
        if truncateTorn && Posix.fileSize(journalFD) < JournalFormat.headerSize {
            if ftruncate(journalFD, 0) != 0 { throw StoreError.io(path, "truncate") }
            try Posix.writeAll(journalFD, JournalFormat.magic, path: path)
            try Posix.fsync(journalFD, path: path)
        }
        let bytes = try Posix.readToEnd(journalFD, from: journalOffset, path: path)
        guard !bytes.isEmpty else { return 0 }
        let scan = JournalFormat.scan(bytes, base: journalOffset)
        if let at = scan.damagedAt {
            throw StoreError(file: path, problem: "damaged at byte \(at): valid records follow a bad one, so this is not a torn last write",
                             remedy: "Nothing was changed. Run frontdesk check, then restore this file from backup; do not write to the store until then.")
        }
        var applied = 0
        let decoder = BinaryPlistDecoder()
        for payload in scan.payloads {
            let rec: JournalRecord
            do { rec = try decoder.decode(JournalRecord.self, from: payload) } catch {
                throw StoreError(file: path, problem: "a record after sequence \(seq) passed its checksum but cannot be read (\(error))",
                                 remedy: "This frontdesk may be older than the one that wrote it; upgrade, or run frontdesk check.")
            }
            if rec.seq <= seq { continue }
            state.apply(rec.change)
            seq = rec.seq
            applied += 1
        }
        loadStats.journalRecords += applied
        loadStats.journalBytes += scan.goodEnd - journalOffset
        journalOffset = scan.goodEnd
        if truncateTorn && scan.tornBytes > 0 {
            if ftruncate(journalFD, off_t(scan.goodEnd)) != 0 { throw StoreError.io(path, "truncate torn record") }
            try Posix.fsync(journalFD, path: path)
        }
        return applied
    }

    // MARK: Writing

    /// Makes one change. Under the store lock: catches up with every other session's records,
    /// asks `make` for the change against that latest state (so new ids and checks see it),
    /// validates it, appends and fsyncs the record, then applies it; the store's rules then write
    /// what the state implies, and every record's hook runs (AfterCommit.swift). Throws `Refusal`
    /// (nothing written) or `StoreError`.
    @discardableResult
    public func commit(_ make: (OfficeState, RuleContext) throws -> Change) throws -> JournalRecord {
        let (rec, ruled) = try withWriteLock {
            let ctx = context
            let change = try make(state, ctx)
            try state.validate(change, ctx)
            return (try append(change), appendRuleRecords())
        }
        afterCommit.runHooks([rec] + ruled, in: self)
        return rec
    }

    @discardableResult
    public func commit(_ change: Change) throws -> JournalRecord {
        try commit { _, _ in change }
    }

    /// Several changes under one lock and one fsync, each validated against the state the ones
    /// before it left, each its own journal record. All or nothing: one refusal writes none.
    /// For bulk loads (the demo office); the desk makes one change at a time.
    @discardableResult
    public func commitBatch(_ make: (OfficeState, RuleContext) throws -> [Change]) throws -> [JournalRecord] {
        let (records, ruled) = try withWriteLock { () throws -> ([JournalRecord], [JournalRecord]) in
            let ctx = context
            let changes = try make(state, ctx)
            var trial = state
            for c in changes { try trial.validate(c, ctx); trial.apply(c) }
            var frames = Data()
            var records: [JournalRecord] = []
            let enc = BinaryPlistEncoder()
            for (i, c) in changes.enumerated() {
                let rec = JournalRecord(seq: seq + 1 + i, at: env.now(), unixUser: env.unixUser, uid: Int(geteuid()),
                                        actor: env.actingUser, change: c)
                frames.append(JournalFormat.frame(try enc.encode(rec)))
                records.append(rec)
            }
            try appendDurably(frames)
            state = trial
            seq += changes.count
            return (records, appendRuleRecords())
        }
        afterCommit.runHooks(records + ruled, in: self)
        return records
    }

    /// For changes the store makes itself (the first admin, migrations): no permission checks.
    @discardableResult
    func commitUnchecked(_ change: Change) throws -> JournalRecord {
        try withWriteLock { try append(change) }
    }

    func append(_ change: Change, actor: String? = nil) throws -> JournalRecord {
        let rec = JournalRecord(seq: seq + 1, at: env.now(), unixUser: env.unixUser, uid: Int(geteuid()),
                                actor: actor ?? env.actingUser, change: change)
        let frame = JournalFormat.frame(try BinaryPlistEncoder().encode(rec))
        var next = state
        next.apply(change)
        try appendDurably(frame)
        state = next
        seq = rec.seq
        return rec
    }

    /// Appends `frames` and fsyncs. On any failure the journal is cut back to where it was, so a
    /// change reported as failed never shows up later (and a batch is all or nothing).
    private func appendDurably(_ frames: Data) throws {
        let path = paths.journal(generation)
        do {
            try Posix.writeAll(journalFD, frames, path: path)
            try Posix.fsync(journalFD, path: path)
        } catch {
            _ = ftruncate(journalFD, off_t(journalOffset))
            _ = Glibc.fsync(journalFD)
            throw error
        }
        journalOffset += frames.count
    }

    /// Runs `body` holding the exclusive store lock, after catching up with the journal.
    func withWriteLock<T>(_ body: () throws -> T) throws -> T {
        try lock()
        defer { unlock() }
        try refreshForWrite()
        return try body()
    }

    private func refreshForWrite() throws {
        // Under the lock: the snapshot must be the one we loaded and our journal descriptor the
        // live journal file, or a compaction happened and we start from the new generation.
        if Posix.fileID(paths.snapshot) != snapshotID || !Posix.isSameFile(journalFD, paths.journal(generation)) {
            try loadSnapshotAndJournal()
        }
        try readJournalTail(truncateTorn: true)
    }

    private func lock() throws {
        if lockFD < 0 { lockFD = try Posix.open(paths.lock, O_RDWR, create: true) }
        let deadline = Date().addingTimeInterval(lockTimeout)
        while !Posix.tryLock(lockFD) {
            if Date() >= deadline {
                let holder = ((try? Posix.read(paths.lock)) ?? nil).flatMap { String(data: $0, encoding: .utf8) }?
                    .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
                throw StoreError(file: paths.lock,
                                 problem: "locked for more than \(Int(lockTimeout)) s" + (holder.isEmpty ? "" : " by \(holder)"),
                                 remedy: "Wait and try again; if that process is gone, the lock frees itself (nothing to delete).")
            }
            usleep(5_000)
        }
        let who = Data("pid \(getpid()) user \(env.unixUser)\n".utf8)
        _ = ftruncate(lockFD, 0)
        _ = who.withUnsafeBytes { pwrite(lockFD, $0.baseAddress, $0.count, 0) }
    }

    private func unlock() {
        if lockFD >= 0 { Posix.unlock(lockFD) }
    }

    /// Changes the store's settings (admin only), under the lock, as a whole-file replace.
    /// Changes one setting (admin only), under the lock, from the meta.plist on disk (another
    /// admin's change is not lost), recorded in the journal for the audit trail.
    public func updateSettings(key: String, value: String, _ edit: (inout StoreSettings) -> Void) throws {
        try withWriteLock {
            if !state.hasRole(env.actingUser, .admin) {
                throw Refusal.permission("\(env.actingUser) may not change settings: that needs the admin role.")
            }
            try reloadMeta()
            var m = meta
            edit(&m.settings)
            _ = try append(.changeSetting(key: key, value: value))
            try Posix.atomicWrite(try BinaryPlistEncoder().encode(m), to: paths.meta)
            meta = m
            metaID = Posix.fileID(paths.meta)
        }
    }

    /// Re-reads meta.plist (settings changed by another session).
    public func reloadMeta() throws {
        let id = Posix.fileID(paths.meta)
        guard let bytes = try Posix.read(paths.meta) else { return }
        do { meta = try BinaryPlistDecoder().decode(StoreMeta.self, from: bytes) } catch { throw Self.damaged(paths.meta, error) }
        metaID = id
    }

    // MARK: Maintenance used by compaction and the generator

    var currentGeneration: Int { generation }

    /// Replaces snapshot and journal with a new generation holding `newState` (under the lock).
    func startGeneration(with newState: OfficeState) throws {
        let next = generation + 1
        let jpath = paths.journal(next)
        let j = try Posix.open(jpath, O_WRONLY | O_TRUNC, create: true)
        do {
            try Posix.writeAll(j, JournalFormat.magic, path: jpath)
            try Posix.fsync(j, path: jpath)
        } catch { close(j); throw error }
        close(j)
        try Posix.fsyncDirectory(root)
        let snap = Snapshot(schemaVersion: StoreSchema.current, generation: next, seq: seq, savedAt: env.now(), state: newState)
        try Posix.atomicWrite(try BinaryPlistEncoder().encode(snap), to: paths.snapshot)  // the commit point
        let old = paths.journal(generation)
        if rename(old, paths.archivedJournal(generation)) != 0 && errno != ENOENT {
            throw StoreError.io(old, "archive journal")
        }
        try Posix.fsyncDirectory(paths.history)
        try Posix.fsyncDirectory(root)
        try loadSnapshotAndJournal()
    }
}
