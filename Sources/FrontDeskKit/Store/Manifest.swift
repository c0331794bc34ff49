import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `manifest.plist`: every month segment and archived journal of `history/` with its size and
/// SHA-256, and the journal generation it was written at. Written under the lock whenever
/// history changes (compaction, import, migration, recover), so a missing, emptied or shrunk
/// history file is detected by every writer (sizes) and by `check` (hashes), instead of reads
/// quietly returning fewer records.
struct Manifest: Codable, Equatable {
    struct Entry: Codable, Equatable {
        var size: Int
        var sha256: Data
    }
    var schemaVersion: Int
    var generation: Int
    var writtenAt: Date
    /// Keyed by path relative to the store: `history/2026-01.plist`, `history/journal.000001.log`.
    var files: [String: Entry]
    /// Losses `frontdesk recover` found and recorded, so `check` reports them instead of failing forever.
    var losses: [String]?
    /// Set while a compaction rewrites history: a writer that finds it set (under the lock) knows
    /// that compaction crashed, and relinks the segments and writes the manifest again.
    var inProgress: Bool?
    /// Journals (paths relative to the store) where `recover` restarted the hash chain after a loss.
    var chainRestarts: [String]?
    /// The office day (`YYYY-MM-DD`) personal data was last purged, so the purge runs once a day.
    var lastPurgeDay: String?
    /// Every visit in the month segments before this moment has been purged: the daily purge reads
    /// the segments from its month on only.
    var purgedBefore: Date?

    static func key(_ name: String) -> String { StorePaths.history + "/" + name }
}

extension Store {
    /// Files of `history/` the manifest covers: segments and archived journals (no temp files).
    static func historyFiles(_ h: StoreDirectory) -> [String] {
        h.names().filter { !$0.contains(".tmp.") && ($0.hasSuffix(".plist") || ($0.hasPrefix("journal.") && $0.hasSuffix(".log"))) }
    }

    static func readManifest(_ d: StoreDirectory, _ paths: StorePaths) throws -> Manifest? {
        guard let bytes = try d.read(StorePaths.manifest) else { return nil }
        do { return try BinaryPlistDecoder().decode(Manifest.self, from: bytes) } catch { throw damaged(paths.manifest, error) }
    }

    /// Marks the manifest "history changing" before a compaction rewrites segments or journals.
    func beginHistoryChange() throws {
        guard var m = try Self.readManifest(dir, paths) else { return }
        m.inProgress = true
        try dir.replace(StorePaths.manifest, with: try BinaryPlistEncoder().encode(m))
        manifestID = dir.fileID(StorePaths.manifest)
    }

    /// After history changed: relinks the month segments' chain and writes the manifest.
    /// `relinkFrom`: the first month whose segment changed (earlier ones are only hashed), nil for all.
    /// `rehash`: see `writeManifest`.
    func finishHistoryChange(purgedOn day: String? = nil, purgedBefore: Date? = nil, relinkFrom: String? = nil,
                             rehash: ((String) -> Bool)? = nil) throws {
        try linkSegments(from: relinkFrom)
        try writeManifest(purgedOn: day, purgedBefore: purgedBefore, rehash: rehash)
    }

    /// Hashes every history file and writes the manifest (under the lock). Losses already recorded stay.
    /// `purgedOn`: the office day the daily purge just ran (else the last one noted stays).
    func writeManifest(losses extra: [String] = [], chainRestarts restarts: [String] = [], purgedOn day: String? = nil,
                       purgedBefore: Date? = nil, rehash: ((String) -> Bool)? = nil) throws {
        let old = try? Self.readManifest(dir, paths)
        var files: [String: Manifest.Entry] = [:]
        for name in Self.historyFiles(historyDir) {
            // The daily purge names the files it rewrote; the others keep their entry (same size).
            if let rehash, !rehash(name), let e = old?.files[Manifest.key(name)],
               let st = historyDir.status(name), Int(st.st_size) == e.size {
                files[Manifest.key(name)] = e
                continue
            }
            guard let bytes = try historyDir.read(name) else { continue }
            files[Manifest.key(name)] = Manifest.Entry(size: bytes.count, sha256: Data(SHA256.hash(bytes)))
        }
        let losses = (old?.losses ?? []) + extra
        let allRestarts = (old?.chainRestarts ?? []) + restarts
        let m = Manifest(schemaVersion: StoreSchema.current, generation: currentGeneration, writtenAt: env.now(), files: files,
                         losses: losses.isEmpty ? nil : losses, chainRestarts: allRestarts.isEmpty ? nil : allRestarts,
                         lastPurgeDay: day ?? old?.lastPurgeDay,
                         purgedBefore: [purgedBefore, old?.purgedBefore].compactMap { $0 }.max())
        try dir.replace(StorePaths.manifest, with: try BinaryPlistEncoder().encode(m))
        manifestID = dir.fileID(StorePaths.manifest)
        manifestSizes = files.mapValues(\.size)
        lastPurgeDay = m.lastPurgeDay
    }

    /// Under the lock, before a write: every history file the manifest lists is there with its
    /// size. Cheap (one stat per file); `check` compares the hashes too.
    func verifyManifestForWrite() throws {
        let id = dir.fileID(StorePaths.manifest)
        if id == nil || id != manifestID {
            guard let m = try Self.readManifest(dir, paths) else {
                throw StoreError(file: paths.manifest, problem: "missing: without it a lost month segment or archived journal could go unnoticed",
                                 remedy: "Nothing was written. Run frontdesk recover --store \(root) to see what is there and write it again.")
            }
            if m.inProgress == true || m.generation < currentGeneration {
                try finishHistoryChange()  // a compaction crashed after changing history: finish its bookkeeping
                return
            }
            manifestSizes = m.files.mapValues(\.size)
            lastPurgeDay = m.lastPurgeDay
            manifestID = id
        }
        for (key, size) in manifestSizes.sorted(by: { $0.key < $1.key }) {
            let name = String(key.dropFirst(StorePaths.history.count + 1))
            guard let st = historyDir.status(name) else {
                throw StoreError(file: root + "/" + key, problem: "missing: the manifest lists it (\(size) bytes), so its records are lost",
                                 remedy: "Nothing was written. Restore it from backup, or run frontdesk recover --store \(root) to see what can be rebuilt.")
            }
            if Int(st.st_size) != size {
                throw StoreError(file: root + "/" + key,
                                 problem: "\(st.st_size == 0 ? "emptied" : (Int(st.st_size) < size ? "shrunk" : "changed in size")): it holds \(st.st_size) bytes, the manifest says \(size)",
                                 remedy: "Nothing was written. Restore it from backup, or run frontdesk recover --store \(root) to see what can be rebuilt.")
            }
        }
    }
}
