import Foundation

/// One entry of the journal: the audit trail says who (Unix user of the effective uid, and the
/// acting user when a training store overrides it), when, and what.
public struct JournalRecord: Codable, Sendable, Equatable {
    public var seq: Int
    public var at: Date
    public var unixUser: String
    public var uid: Int
    public var actor: String
    public var change: Change
    /// SHA-256 of the previous record's whole frame (length, checksum, payload); for the first
    /// record of a generation, of the previous generation's last frame (the snapshot's `headHash`).
    /// Nil only in records written before store schema 3.
    public var prev: Data?

    public init(seq: Int, at: Date, unixUser: String, uid: Int, actor: String, change: Change, prev: Data? = nil) {
        self.seq = seq; self.at = at; self.unixUser = unixUser; self.uid = uid; self.actor = actor; self.change = change
        self.prev = prev
    }
}

/// The hash chain over journal records: each record names the SHA-256 of the frame before it, so
/// changing, removing or inserting a record anywhere but at the very end breaks the chain at the
/// next one. It detects edits by someone who cannot rewrite everything after them; the owner (or
/// root) can rewrite the chain from any point on (see SECURITY.md).
enum HashChain {
    /// What the first record of a store chains to.
    static let genesis = Data(repeating: 0, count: 32)

    static func hash(_ frame: Data) -> Data { Data(SHA256.hash(frame)) }

    static func hash(_ bytes: Data, _ offset: Int, _ count: Int) -> Data {
        bytes.withUnsafeBytes { raw in
            var h = SHA256()
            h.update(UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + count)]))
            return Data(h.finish())
        }
    }

    /// Why `rec` does not follow the frame whose hash is `head`, or nil when it does. Records of
    /// schema 2 and before carry no `prev`; they are accepted only before the chain begins.
    static func breaks(_ rec: JournalRecord, after head: Data?, begun: Bool) -> String? {
        guard let p = rec.prev else {
            return begun ? "carries no hash of the record before it although the chain has begun" : nil
        }
        if p != (head ?? genesis) { return "does not carry the hash of the record before it" }
        return nil
    }
}

/// The journal file format: an 8-byte magic, then records of
/// `[payload length: UInt32 BE][CRC-32 of payload: UInt32 BE][payload: one bplist00 document]`.
/// Only a last frame the file ends inside of (fewer than 8 header bytes, or fewer payload bytes
/// than its length declares) is a torn append — or an append still in progress: readers stop
/// before it and the next writer cuts it. A complete frame with a bad checksum, even the last one,
/// is damage: it was acknowledged once, so it is refused, never cut off.
enum JournalFormat {
    static let magic = Data("FDJRNL01".utf8)
    static let headerSize = 8
    static let frameSize = 8
    /// A record larger than this is damage, not data.
    static let maxPayload = 64 << 20

    static func frame(_ payload: Data) -> Data {
        var out = Data(capacity: payload.count + frameSize)
        let crc = payload.withUnsafeBytes { CRC32.checksum($0) }
        withUnsafeBytes(of: UInt32(payload.count).bigEndian) { out.append(contentsOf: $0) }
        withUnsafeBytes(of: crc.bigEndian) { out.append(contentsOf: $0) }
        out.append(payload)
        return out
    }

    struct Scan {
        /// Payloads of every complete, checksummed record, in order.
        var payloads: [Data]
        /// Where each record's frame starts and how long it is (relative to the file start).
        var frames: [Range<Int>]
        /// The offset just after the last good record (relative to the file start).
        var goodEnd: Int
        /// Bytes after `goodEnd` that form an incomplete last frame (a torn append).
        var tornBytes: Int
        /// Where damage starts (relative to the file start): a complete frame whose checksum does
        /// not match, or a length no record can have. Nothing from here on is read.
        var damagedAt: Int?
        /// What is wrong at `damagedAt`, in words.
        var damage: String?
    }

    /// Splits `bytes` (the file's content from `base`) into records.
    static func scan(_ bytes: Data, base: Int) -> Scan {
        var payloads: [Data] = []
        var frames: [Range<Int>] = []
        var pos = 0
        let n = bytes.count
        var damage: String?
        bytes.withUnsafeBytes { raw in
            while pos + frameSize <= n {
                let len = Int(UInt32(bigEndian: raw.loadUnaligned(fromByteOffset: pos, as: UInt32.self)))
                let crc = UInt32(bigEndian: raw.loadUnaligned(fromByteOffset: pos + 4, as: UInt32.self))
                if len > maxPayload {
                    damage = "a record header at byte \(base + pos) declares \(len) bytes, more than any record can hold"
                    break
                }
                guard pos + frameSize + len <= n else { break }  // the file ends inside this frame: torn
                let body = UnsafeRawBufferPointer(rebasing: raw[(pos + frameSize)..<(pos + frameSize + len)])
                guard CRC32.checksum(body) == crc else {
                    damage = "the record at byte \(base + pos) (\(frameSize + len) bytes, record \(payloads.count + 1) of this file) is complete but its checksum does not match: its bytes were changed after it was written"
                    break
                }
                payloads.append(Data(body))
                frames.append((base + pos)..<(base + pos + frameSize + len))
                pos += frameSize + len
            }
        }
        if damage != nil {
            return Scan(payloads: payloads, frames: frames, goodEnd: base + pos, tornBytes: 0, damagedAt: base + pos, damage: damage)
        }
        return Scan(payloads: payloads, frames: frames, goodEnd: base + pos, tornBytes: n - pos, damagedAt: nil, damage: nil)
    }
}
