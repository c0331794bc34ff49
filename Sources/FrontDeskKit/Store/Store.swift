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
    /// The store directory and `history/`, held open: every file is reached through them.
    let dir: StoreDirectory
    let historyDir: StoreDirectory
    public private(set) var meta: StoreMeta { didSet { adoptOfficeTimeZone() } }
    public private(set) var state: OfficeState
    /// The clock, acting user and id generator used for new changes. Its time zone is the
    /// office's (`settings set timeZone`) when the store names one, whatever `TZ` says.
    public var env: Environment { didSet { adoptOfficeTimeZone() } }
    /// How long a writer waits for another session's write before giving up (exit code 4).
    public var lockTimeout: TimeInterval = 10

    private(set) var generation: Int = 0
    /// Sequence number of the last record applied to `state`.
    public private(set) var seq: Int = 0
    private var journalFD: Int32 = -1
    private var journalOffset: Int = 0
    /// SHA-256 of the last record frame applied (or the snapshot's head): the next record's `prev`.
    private(set) var chainHead: Data?
    /// Whether the chain has begun (a schema-3 snapshot or record): unchained records end there.
    private var chainBegun = false
    /// Where the last applied frame lies in the current journal, to check it is unchanged before writing.
    private var lastFrame: Range<Int>?
    /// The manifest last read (by file identity) and the sizes it lists, for the check before writes.
    var manifestID: Posix.FileID?
    var manifestSizes: [String: Int] = [:]
    /// The office day the manifest last read says personal data was purged (Retention.swift).
    var lastPurgeDay: String?
    /// The last acknowledged write, as the lock file recorded it (generation, seq, journal end).
    private var lastAck: (generation: Int, seq: Int, end: Int)?
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
        RuleContext(env: env, settings: meta.settings, allowOverrides: meta.allowOverrides && !Privilege.isTeamSession)
    }

    private init(root: String, dir: StoreDirectory, history: StoreDirectory, meta: StoreMeta, env: Environment) {
        self.root = root
        self.paths = StorePaths(root: root)
        self.dir = dir
        self.historyDir = history
        self.meta = meta
        self.state = OfficeState()
        self.env = env
        adoptOfficeTimeZone()
    }

    /// Every rule and display reads time in the office's zone, so two desks with different `TZ`
    /// see the same 09:00 meeting at 09:00 and the same flags.
    private func adoptOfficeTimeZone() {
        guard let id = meta.settings.timeZone, let zone = TimeZone(identifier: id), env.timeZone != zone else { return }
        env.timeZone = zone
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
        Privilege.raise(); defer { Privilege.lower() }  // team store: as its account, only here
        let root = normalise(dir)
        let paths = StorePaths(root: root)
        try refuseLink(dir)
        try makeParents(of: root)
        let made = mkdir(root, StorePolicy.directoryMode) == 0
        if !made && errno != EEXIST { throw StoreError.io(root, "mkdir") }
        let d = try StoreDirectory(opening: root)
        if d.status(StorePaths.meta) != nil {
            throw StoreError(file: paths.meta, problem: "a store already exists here",
                             remedy: "Use it as it is, or choose another directory with --store.")
        }
        try StorePolicy.checkOwner(d)
        if !made {
            // Never turn someone's home or /tmp into a store: only an empty directory will do.
            let entries = d.names()
            if !entries.isEmpty {
                throw StoreError(file: root, problem: "the directory is not empty (\(entries.count) entries) and holds no store",
                                 remedy: "Choose a new or empty directory with --store; nothing was changed.")
            }
        }
        _ = fchmod(d.fd, StorePolicy.directoryMode)
        try d.makeDirectory(StorePaths.history)
        let meta = StoreMeta(createdAt: env.now(), createdBy: env.unixUser, allowOverrides: allowOverrides)
        close(try d.createFile(StorePaths.lock, O_RDWR))
        let j = try d.createFile(StorePaths.journal(1))
        do {
            try Posix.writeAll(j, JournalFormat.magic, path: paths.journal(1))
            try Posix.fsync(j, path: paths.journal(1))
        } catch { close(j); throw error }
        close(j)
        let snap = Snapshot(schemaVersion: StoreSchema.current, generation: 1, seq: 0, savedAt: env.now(), state: OfficeState(),
                            headHash: HashChain.genesis)
        try d.replace(StorePaths.snapshot, with: try BinaryPlistEncoder().encode(snap))
        try d.replace(StorePaths.meta, with: try BinaryPlistEncoder().encode(meta))
        let store = try open(at: root, env: env)
        // A new store holds nothing past retention: today's purge is done.
        try store.withWriteLockNoManifest { try store.writeManifest(purgedOn: store.officeDay(env.now())) }
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
        Privilege.raise(); defer { Privilege.lower() }  // team store: as its account, only here
        let root = normalise(dir)
        let paths = StorePaths(root: root)
        try refuseLink(dir)
        let d: StoreDirectory
        do { d = try StoreDirectory(opening: root) } catch {
            if errno == ENOENT {
                throw StoreError(file: root, problem: "no store here",
                                 remedy: "Create one with: frontdesk init --store \(root)   (or frontdesk demo for a practice store)")
            }
            throw error
        }
        try StorePolicy.checkOwner(d)
        guard let metaBytes = try d.read(StorePaths.meta) else {
            throw StoreError(file: paths.meta, problem: "missing: this directory is not a frontdesk store",
                             remedy: "Create one with: frontdesk init --store \(root)")
        }
        guard let h = try d.subdirectory(StorePaths.history) else {
            throw StoreError(file: paths.history, problem: "missing: the store's history (month segments and archived journals) is gone",
                             remedy: "Restore it from backup; frontdesk recover --store \(root) says what can be rebuilt.")
        }
        if let first = StorePolicy.problems(root: d, history: h).first { throw first }
        let version = try schemaVersion(of: metaBytes, file: paths.meta)
        if version > StoreSchema.current {
            throw StoreError(file: paths.meta,
                             problem: "written by a newer frontdesk (store schema \(version); this frontdesk reads up to \(StoreSchema.current))",
                             remedy: "Upgrade frontdesk on this machine; nothing was changed.")
        }
        if version < StoreSchema.current {
            let old = try Migration.read(metaBytes, version: version, file: paths.meta)
            let store = Store(root: root, dir: d, history: h, meta: old.meta, env: env)
            try store.loadSnapshotAndJournal()
            try store.migrate(admins: old.admins)
            return try open(at: dir, env: env)
        }
        let meta: StoreMeta
        do { meta = try BinaryPlistDecoder().decode(StoreMeta.self, from: metaBytes) } catch {
            throw damaged(paths.meta, error)
        }
        let store = Store(root: root, dir: d, history: h, meta: meta, env: env)
        store.metaID = d.fileID(StorePaths.meta)
        try store.loadSnapshotAndJournal()
        return store
    }

    /// The store directory named on the command line may not itself be a link (normalising the
    /// path would otherwise follow it).
    static func refuseLink(_ dir: String) throws(StoreError) {
        var d = (dir as NSString).expandingTildeInPath
        while d.count > 1 && d.hasSuffix("/") { d.removeLast() }
        var st = stat()
        if lstat(d, &st) == 0, st.st_mode & S_IFMT == S_IFLNK { throw StorePolicy.linkOrNotDirectory(d) }
    }

    static func normalise(_ dir: String) -> String {
        var d = (dir as NSString).expandingTildeInPath
        if !d.hasPrefix("/") { d = FileManager.default.currentDirectoryPath + "/" + d }
        while d.count > 1 && d.hasSuffix("/") { d.removeLast() }
        return (d as NSString).standardizingPath
    }

    private static func makeParents(of root: String) throws {
        let parent = (root as NSString).deletingLastPathComponent
        if !parent.isEmpty && !FileManager.default.fileExists(atPath: parent) {
            do { try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true) } catch {
                throw StoreError(file: parent, problem: "cannot create the directory", remedy: "Check that you may write there.")
            }
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
                guard let sfd = try dir.openFile(StorePaths.snapshot, O_RDONLY) else {
                    throw StoreError(file: paths.snapshot, problem: "missing",
                                     remedy: "Run frontdesk recover --store \(root) to rebuild it from the journals, or restore it from backup.")
                }
                defer { close(sfd) }
                let id = Posix.fileID(fd: sfd)
                let bytes = try Posix.readToEnd(sfd, from: 0, path: paths.snapshot)
                let snap: Snapshot
                do { snap = try BinaryPlistDecoder().decode(Snapshot.self, from: bytes) } catch {
                    throw Self.damaged(paths.snapshot, error)
                }
                if let why = snap.state.rangeProblem() {
                    throw StoreError(file: paths.snapshot, problem: "damaged: \(why), beyond anything frontdesk writes",
                                     remedy: "Nothing was changed. Restore it from backup, or run frontdesk recover --store \(root).")
                }
                if snap.schemaVersion > StoreSchema.current {
                    throw StoreError(file: paths.snapshot, problem: "written by a newer frontdesk (schema \(snap.schemaVersion))",
                                     remedy: "Upgrade frontdesk on this machine; nothing was changed.")
                }
                guard let fd = try dir.openFile(StorePaths.journal(snap.generation), O_RDWR | O_APPEND) else {
                    if !dir.isSameFile(sfd, StorePaths.snapshot) { continue }
                    throw StoreError(file: paths.journal(snap.generation), problem: "missing: the current journal is gone",
                                     remedy: "Run frontdesk recover --store \(root) to see what was lost and start it again; nothing was changed.")
                }
                if journalFD >= 0 { close(journalFD) }
                journalFD = fd
                journalOffset = JournalFormat.headerSize
                generation = snap.generation
                seq = snap.seq
                chainHead = snap.headHash
                chainBegun = snap.headHash != nil
                lastFrame = nil
                state = snap.state
                snapshotID = id
                loadStats = LoadStats(snapshotBytes: bytes.count)
                try checkJournalHeader()
                _ = try readJournalTail(truncateTorn: false)
                loadStats.seconds = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
                return
            } catch {
                lastError = error
                if dir.fileID(StorePaths.snapshot) == nil { break }
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
    /// New records are decoded and applied one by one; the snapshot is read again only when a
    /// compaction replaced it. ``refreshedChanges`` says what came in.
    @discardableResult
    public func refresh() throws -> Bool {
        Privilege.raise(); defer { Privilege.lower() }  // team store: as its account, only here
        refreshedChanges = []
        var settingsChanged = false
        if dir.fileID(StorePaths.meta) != metaID {
            try reloadMeta()
            settingsChanged = true
            refreshedChanges = nil
        }
        if dir.fileID(StorePaths.snapshot) != snapshotID {
            let before = seq
            let oldGen = generation
            refreshedChanges = nil
            try loadSnapshotAndJournal()
            return seq != before || generation != oldGen
        }
        guard Posix.fileSize(journalFD) > journalOffset else { return settingsChanged }
        let applied = try readJournalTail(truncateTorn: false)
        if refreshedChanges != nil { refreshedChanges = tailChanges }
        return applied > 0 || settingsChanged
    }

    /// What the last ``refresh()`` applied: the changes read from the journal, in order, or nil
    /// when it read the settings or a new snapshot whole (anything may differ then).
    public private(set) var refreshedChanges: [Change]? = []
    /// The changes the last journal read applied.
    private var tailChanges: [Change] = []

    /// An inotify descriptor that becomes readable when any file of the store changes, so a
    /// dashboard can sleep in poll(2) instead of polling. Call `drainChangeFeed()` after it fires.
    public var changeFeed: Int32? {
        Privilege.raise(); defer { Privilege.lower() }  // team store: as its account, only here
        if inotifyFD < 0 {
            let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
            guard fd >= 0 else { return nil }
            let mask = UInt32(IN_MODIFY | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_CLOSE_WRITE)
            // Watch the directory we hold open (through /proc), not whatever the path names now.
            if inotify_add_watch(fd, "/proc/self/fd/\(dir.fd)", mask) < 0 { close(fd); return nil }
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
            // Only a brand-new store may get its header now; anywhere else records were lost.
            guard generation == 1 && seq == 0 && lastAck == nil else {
                throw StoreError(file: path, problem: "emptied: the current journal holds \(Posix.fileSize(journalFD)) bytes, so every record since the snapshot (sequence \(seq)) is gone",
                                 remedy: "Nothing was written. Restore it from backup, or run frontdesk recover --store \(root) to see what was lost and start it again.")
            }
            if ftruncate(journalFD, 0) != 0 { throw StoreError.io(path, "truncate") }
            try Posix.writeAll(journalFD, JournalFormat.magic, path: path)
            try Posix.fsync(journalFD, path: path)
        }
        tailChanges = []
        let bytes = try Posix.readToEnd(journalFD, from: journalOffset, path: path)
        guard !bytes.isEmpty else { return 0 }
        let scan = JournalFormat.scan(bytes, base: journalOffset)
        if let at = scan.damagedAt {
            throw StoreError(file: path, problem: "damaged at byte \(at): \(scan.damage ?? "a bad record"); this is not a torn last write, so nothing is cut off",
                             remedy: "Nothing was changed. Run frontdesk check, then restore this file from backup or run frontdesk recover --store \(root); do not write to the store until then.")
        }
        var applied = 0
        var changes: [Change] = []
        let decoder = BinaryPlistDecoder()
        var next = state
        var nextSeq = seq, head = chainHead, last = lastFrame, begun = chainBegun
        for (payload, range) in zip(scan.payloads, scan.frames) {
            let rec: JournalRecord
            do { rec = try decoder.decode(JournalRecord.self, from: payload) } catch {
                throw StoreError(file: path, problem: "the record at byte \(range.lowerBound) (after sequence \(nextSeq)) passed its checksum but cannot be read (\(error))",
                                 remedy: "This frontdesk may be older than the one that wrote it; upgrade, or run frontdesk check.")
            }
            if let broken = HashChain.breaks(rec, after: head, begun: begun) {
                throw StoreError(file: path, problem: "the record at byte \(range.lowerBound) (sequence \(rec.seq)) \(broken): a record before it was changed, removed or inserted",
                                 remedy: "Nothing was changed. Run frontdesk check, then restore this file from backup or run frontdesk recover --store \(root).")
            }
            if let why = rec.change.rangeProblem() {
                throw StoreError(file: path, problem: "damaged at byte \(range.lowerBound): record \(rec.seq) passed its checksum but cannot be real (\(why))",
                                 remedy: "Nothing was changed. Run frontdesk check, then restore this file from backup or run frontdesk recover --store \(root).")
            }
            head = HashChain.hash(bytes, range.lowerBound - journalOffset, range.count)
            begun = begun || rec.prev != nil
            last = range
            if rec.seq <= nextSeq { continue }
            next.apply(rec.change)
            changes.append(rec.change)
            nextSeq = rec.seq
            applied += 1
        }
        state = next
        tailChanges = changes
        seq = nextSeq
        chainHead = head
        chainBegun = begun
        lastFrame = last
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
        Privilege.raise(); defer { Privilege.lower() }  // team store: as its account, only here
        let (rec, ruled) = try withWriteLock {
            let ctx = context
            let change = try make(state, ctx)
            try state.validate(change, ctx)
            let rec = try append(change)
            let ruled = appendRuleRecords()
            purgeIfDue()
            return (rec, ruled)
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
        Privilege.raise(); defer { Privilege.lower() }  // team store: as its account, only here
        let (records, ruled) = try withWriteLock { () throws -> ([JournalRecord], [JournalRecord]) in
            let ctx = context
            let changes = try make(state, ctx)
            var trial = state
            for c in changes { try trial.validate(c, ctx); trial.apply(c) }
            var frames = Data()
            var records: [JournalRecord] = []
            let enc = BinaryPlistEncoder()
            var head = chainHead ?? HashChain.genesis
            var last = lastFrame
            for (i, c) in changes.enumerated() {
                let rec = JournalRecord(seq: seq + 1 + i, at: env.now(), unixUser: env.unixUser, uid: Int(getuid()),
                                        actor: env.actingUser, change: c, prev: head)
                let frame = JournalFormat.frame(try enc.encode(rec))
                head = HashChain.hash(frame)
                last = (journalOffset + frames.count)..<(journalOffset + frames.count + frame.count)
                frames.append(frame)
                records.append(rec)
            }
            try appendDurably(frames, seq: seq + changes.count)
            state = trial
            seq += changes.count
            chainHead = head
            chainBegun = true
            lastFrame = last
            let ruled = appendRuleRecords()
            purgeIfDue()
            return (records, ruled)
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
        let rec = JournalRecord(seq: seq + 1, at: env.now(), unixUser: env.unixUser, uid: Int(getuid()),
                                actor: actor ?? env.actingUser, change: change, prev: chainHead ?? HashChain.genesis)
        let frame = JournalFormat.frame(try BinaryPlistEncoder().encode(rec))
        var next = state
        next.apply(change)
        let start = journalOffset
        try appendDurably(frame, seq: rec.seq)
        state = next
        seq = rec.seq
        chainHead = HashChain.hash(frame)
        chainBegun = true
        lastFrame = start..<(start + frame.count)
        return rec
    }

    /// Appends `frames` and fsyncs. On any failure the journal is cut back to where it was, so a
    /// change reported as failed never shows up later (and a batch is all or nothing).
    private func appendDurably(_ frames: Data, seq last: Int) throws {
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
        recordAcknowledged(seq: last)
    }

    /// Runs `body` holding the exclusive store lock, after catching up with the journal.
    func withWriteLock<T>(_ body: () throws -> T) throws -> T {
        try lock()
        defer { unlock() }
        try refreshForWrite()
        return try body()
    }

    /// The lock alone, for writing the manifest of a store that has none yet (create, migration, recover).
    func withWriteLockNoManifest<T>(_ body: () throws -> T) throws -> T {
        try lock()
        defer { unlock() }
        return try body()
    }

    /// Under the lock: catch up, and refuse to write over lost or changed records.
    /// `manifest`: false only for migration and recover, which write the manifest themselves.
    func refreshForWrite(manifest: Bool = true) throws {
        // Under the lock: the snapshot must be the one we loaded and our journal descriptor the
        // live journal file, or a compaction happened and we start from the new generation.
        if dir.fileID(StorePaths.snapshot) != snapshotID || !dir.isSameFile(journalFD, StorePaths.journal(generation)) {
            try loadSnapshotAndJournal()
        }
        let path = paths.journal(generation)
        if let ack = lastAck, ack.generation == generation, Posix.fileSize(journalFD) < ack.end {
            throw StoreError(file: path, problem: "shrunk: it holds \(Posix.fileSize(journalFD)) bytes but acknowledged records reached byte \(ack.end) (sequence \(ack.seq)); records were lost",
                             remedy: "Nothing was written. Restore it from backup, or run frontdesk recover --store \(root) to see what was lost.")
        }
        try verifyLastFrame()
        try readJournalTail(truncateTorn: true)
        if let ack = lastAck, ack.generation == generation, seq < ack.seq {
            throw StoreError(file: path, problem: "records \(seq + 1)–\(ack.seq) were acknowledged but are not in the journal",
                             remedy: "Nothing was written. Restore it from backup, or run frontdesk recover --store \(root) to see what was lost.")
        }
        if manifest { try verifyManifestForWrite() }
    }

    /// The last record this session applied must still be on disk as it was read: a damaged last
    /// record would otherwise be followed by new ones as if nothing happened.
    private func verifyLastFrame() throws {
        guard let r = lastFrame, let head = chainHead else { return }
        var buf = [UInt8](repeating: 0, count: r.count)
        let n = pread(journalFD, &buf, r.count, off_t(r.lowerBound))
        if n != r.count || Data(SHA256.hash(Data(buf))) != head {
            throw StoreError(file: paths.journal(generation),
                             problem: "damaged at byte \(r.lowerBound): the last acknowledged record (sequence \(seq)) was changed after it was written; this is not a torn last write, so nothing is cut off",
                             remedy: "Nothing was written. Run frontdesk check, then restore this file from backup or run frontdesk recover --store \(root).")
        }
    }

    /// Notes the last acknowledged write in the lock file (under the lock), so a later writer can
    /// tell a journal that lost records from one that never had them.
    private func recordAcknowledged(seq last: Int) {
        lastAck = (generation, last, journalOffset)
        writeLockNote()
    }

    private func writeLockNote() {
        var text = "pid \(getpid()) user \(env.unixUser)\n"
        if let a = lastAck { text += "acknowledged generation \(a.generation) seq \(a.seq) end \(a.end)\n" }
        let bytes = Data(text.utf8)
        _ = ftruncate(lockFD, 0)
        _ = bytes.withUnsafeBytes { pwrite(lockFD, $0.baseAddress, $0.count, 0) }
    }

    /// Reads the lock file's note of the last acknowledged write.
    private func readLockNote() {
        guard let d = try? Posix.readToEnd(lockFD, from: 0, path: paths.lock) else { return }
        for line in String(decoding: d, as: UTF8.self).split(separator: "\n") where line.hasPrefix("acknowledged ") {
            let w = line.split(separator: " ")
            if w.count == 7, let g = Int(w[2]), let s = Int(w[4]), let e = Int(w[6]) { lastAck = (g, s, e) }
        }
    }

    private func lock() throws {
        if lockFD < 0 { lockFD = try Self.openLock(dir, paths) }
        let deadline = Date().addingTimeInterval(lockTimeout)
        while !Posix.tryLock(lockFD) {
            if Date() >= deadline {
                let note = (try? Posix.readToEnd(lockFD, from: 0, path: paths.lock)).map { String(decoding: $0, as: UTF8.self) } ?? ""
                let holder = note.split(separator: "\n").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
                throw StoreError(file: paths.lock,
                                 problem: "locked for more than \(lockTimeout.formatted(.number.grouping(.never))) s" + (holder.isEmpty ? "" : " by \(holder)"),
                                 remedy: "Wait and try again; if that process is gone, the lock frees itself (nothing to delete).")
            }
            usleep(5_000)
        }
        readLockNote()
        writeLockNote()
    }

    private func unlock() {
        if lockFD >= 0 { Posix.unlock(lockFD) }
    }

    /// Changes the store's settings (admin only), under the lock, as a whole-file replace.
    /// Changes one setting (admin only), under the lock, from the meta.plist on disk (another
    /// admin's change is not lost), recorded in the journal for the audit trail.
    public func updateSettings(key: String, value: String, _ edit: (inout StoreSettings) -> Void) throws {
        Privilege.raise(); defer { Privilege.lower() }  // team store: as its account, only here
        return try withWriteLock {
            if !state.hasRole(env.actingUser, .admin) {
                throw Refusal.permission("\(env.actingUser) may not change settings: that needs the admin role.", zh: "\(env.actingUser) 不能修改设置：这需要管理员（admin）角色。")
            }
            try reloadMeta()
            var m = meta
            edit(&m.settings)
            // The file first: a failed write must leave no record of a change that did not happen.
            try dir.replace(StorePaths.meta, with: try BinaryPlistEncoder().encode(m))
            meta = m
            metaID = dir.fileID(StorePaths.meta)
            _ = try append(.changeSetting(key: key, value: value))
            purgeIfDue()
        }
    }

    /// Re-reads meta.plist (settings changed by another session).
    public func reloadMeta() throws {
        Privilege.raise(); defer { Privilege.lower() }  // team store: as its account, only here
        let id = dir.fileID(StorePaths.meta)
        guard let bytes = try dir.read(StorePaths.meta) else { return }
        do { meta = try BinaryPlistDecoder().decode(StoreMeta.self, from: bytes) } catch { throw Self.damaged(paths.meta, error) }
        metaID = id
    }

    // MARK: Maintenance used by compaction and the generator

    var currentGeneration: Int { generation }

    /// Replaces snapshot and journal with a new generation holding `newState` (under the lock).
    func startGeneration(with newState: OfficeState) throws {
        let next = generation + 1
        let jpath = paths.journal(next)
        // A leftover from a compaction that crashed before its commit point holds nothing acknowledged.
        if let st = dir.status(StorePaths.journal(next)), st.st_mode & S_IFMT == S_IFREG, st.st_size <= JournalFormat.headerSize {
            dir.remove(StorePaths.journal(next))
        }
        let j = try dir.createFile(StorePaths.journal(next))
        do {
            try Posix.writeAll(j, JournalFormat.magic, path: jpath)
            try Posix.fsync(j, path: jpath)
        } catch { close(j); throw error }
        close(j)
        try dir.sync()
        let snap = Snapshot(schemaVersion: StoreSchema.current, generation: next, seq: seq, savedAt: env.now(), state: newState,
                            headHash: chainHead ?? HashChain.genesis)
        try dir.replace(StorePaths.snapshot, with: try BinaryPlistEncoder().encode(snap))  // the commit point
        try dir.move(StorePaths.journal(generation), to: historyDir, as: StorePaths.journal(generation))
        try historyDir.sync()
        try dir.sync()
        try loadSnapshotAndJournal()
        lastAck = (generation, seq, JournalFormat.headerSize)
        writeLockNote()
    }

    /// Rewrites the snapshot with a new chain head (after purge relinked the archived journals),
    /// under the lock, while the current journal holds no record yet.
    func moveSnapshotHead(to head: Data) throws {
        guard journalOffset == JournalFormat.headerSize else { return }
        guard let bytes = try dir.read(StorePaths.snapshot) else { return }
        var snap: Snapshot
        do { snap = try BinaryPlistDecoder().decode(Snapshot.self, from: bytes) } catch { throw Self.damaged(paths.snapshot, error) }
        snap.headHash = head
        try dir.replace(StorePaths.snapshot, with: try BinaryPlistEncoder().encode(snap))
        try loadSnapshotAndJournal()
    }

    /// Opens (creating if needed, never through a link) the lock file.
    static func openLock(_ dir: StoreDirectory, _ paths: StorePaths) throws(StoreError) -> Int32 {
        for _ in 0..<3 {
            if let fd = try dir.openFile(StorePaths.lock, O_RDWR) { return fd }
            do { return try dir.createFile(StorePaths.lock, O_RDWR) } catch {
                if errno != EEXIST { throw error }
            }
        }
        throw StoreError.io(paths.lock, "open")
    }
}
