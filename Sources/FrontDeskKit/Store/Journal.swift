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

    public init(seq: Int, at: Date, unixUser: String, uid: Int, actor: String, change: Change) {
        self.seq = seq; self.at = at; self.unixUser = unixUser; self.uid = uid; self.actor = actor; self.change = change
    }
}

/// The journal file format: an 8-byte magic, then records of
/// `[payload length: UInt32 BE][CRC-32 of payload: UInt32 BE][payload: one bplist00 document]`.
/// A record whose length runs past the end of the file or whose checksum does not match is a torn
/// append (or an append still in progress): reading stops before it, and nothing before it is lost.
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
        /// The offset just after the last good record (relative to the file start).
        var goodEnd: Int
        /// Bytes after `goodEnd` that do not form a complete good record.
        var tornBytes: Int
        /// A valid record follows the bad bytes: this is damage in the middle of the journal, not
        /// a torn last append, and cutting it off would lose acknowledged changes.
        var damagedAt: Int?
    }

    /// Splits `bytes` (the file's content from `base`) into records.
    static func scan(_ bytes: Data, base: Int) -> Scan {
        var payloads: [Data] = []
        var pos = 0
        let n = bytes.count
        bytes.withUnsafeBytes { raw in
            while pos + frameSize <= n {
                let len = Int(UInt32(bigEndian: raw.loadUnaligned(fromByteOffset: pos, as: UInt32.self)))
                let crc = UInt32(bigEndian: raw.loadUnaligned(fromByteOffset: pos + 4, as: UInt32.self))
                guard len <= maxPayload, pos + frameSize + len <= n else { break }
                let body = UnsafeRawBufferPointer(rebasing: raw[(pos + frameSize)..<(pos + frameSize + len)])
                guard CRC32.checksum(body) == crc else { break }
                payloads.append(Data(body))
                pos += frameSize + len
            }
        }
        var damagedAt: Int?
        if pos < n && laterFrameExists(bytes, after: pos) { damagedAt = base + pos }
        return Scan(payloads: payloads, goodEnd: base + pos, tornBytes: n - pos, damagedAt: damagedAt)
    }

    /// Whether a complete, checksummed frame starts anywhere after `start`. Only asked when a
    /// scan stops early, so its cost (a CRC per plausible candidate) is paid on damage alone.
    static func laterFrameExists(_ bytes: Data, after start: Int) -> Bool {
        let n = bytes.count
        return bytes.withUnsafeBytes { raw in
            var q = start + 1
            while q + frameSize <= n {
                let len = Int(UInt32(bigEndian: raw.loadUnaligned(fromByteOffset: q, as: UInt32.self)))
                if len > 0, len <= maxPayload, q + frameSize + len <= n {
                    let crc = UInt32(bigEndian: raw.loadUnaligned(fromByteOffset: q + 4, as: UInt32.self))
                    let body = UnsafeRawBufferPointer(rebasing: raw[(q + frameSize)..<(q + frameSize + len)])
                    // A real record is a bplist00 document: check the magic before the CRC.
                    if len >= 8, body.starts(with: "bplist00".utf8), CRC32.checksum(body) == crc { return true }
                }
                q += 1
            }
            return false
        }
    }
}
