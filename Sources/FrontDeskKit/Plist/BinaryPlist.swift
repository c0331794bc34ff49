import Foundation

/// Error thrown by `BinaryPlist.decode` for malformed input.
public struct PlistFormatError: Error, CustomStringConvertible {
    /// Human-readable explanation, including the byte offset when known.
    public var description: String
    /// Byte offset in the input where the problem was detected, if any.
    public var byteOffset: Int?

    public init(_ message: String, at offset: Int? = nil) {
        self.byteOffset = offset
        if let offset {
            self.description = "malformed binary plist: \(message) (at byte offset \(offset))"
        } else {
            self.description = "malformed binary plist: \(message)"
        }
    }
}

/// Purpose-built reader/writer for Apple's "bplist00" format (see CFBinaryPList.c).
public enum BinaryPlist {
    /// Maximum container nesting accepted by `decode`.
    public static let maxDepth = 512

    /// Encodes `value` as bplist00. Dictionary keys are written in sorted order and
    /// identical strings are written once, so the output is deterministic and compact.
    public static func encode(_ value: PlistValue) -> Data {
        var w = PlistWriter()
        let top = write(value, &w)
        return w.finish(top: top)
    }

    /// Decodes bplist00 bytes. Never traps: every malformed input throws `PlistFormatError`.
    public static func decode(_ data: Data) throws(PlistFormatError) -> PlistValue {
        let result: Result<PlistValue, PlistFormatError> = data.withUnsafeBytes { buf in
            Result { () throws(PlistFormatError) -> PlistValue in
                var r = try BPReader(buf)
                return try r.parseTop()
            }
        }
        return try result.get()
    }
}

// MARK: - Writer

extension BinaryPlist {
    /// Writes one value tree through the typed writer (`PlistWriter`), so both front doors share
    /// one byte layout: children before their container, keys sorted, strings written once.
    fileprivate static func write(_ v: PlistValue, _ w: inout PlistWriter) -> Int {
        switch v {
        case .string(let s): return w.string(s)
        case .bool(let b): return w.bool(b)
        case .int(let i): return w.int(i)
        case .real(let d): return w.double(d)
        case .date(let d): return w.date(d)
        case .data(let d): return w.data(d)
        case .array(let a):
            let mark = w.begin()
            for e in a {
                let id = write(e, &w)
                w.add(id)
            }
            return w.endArray(mark)
        case .dict(let d):
            let mark = w.begin()
            for (key, value) in d.sorted(by: { $0.key < $1.key }) {
                let k = w.string(key)
                let v = write(value, &w)
                w.add(key: k, v)
            }
            return w.endDictionary(mark)
        }
    }
}

// MARK: - Reader

private struct BPReader {
    let buf: UnsafeRawBufferPointer
    let offsetSize: Int
    let refSize: Int
    let numObjects: Int
    let topObject: Int
    /// Start of the offset table == end of the object area.
    let limit: Int
    var cache: [PlistValue?]
    var inProgress: [Bool]

    init(_ buf: UnsafeRawBufferPointer) throws(PlistFormatError) {
        self.buf = buf
        let n = buf.count
        guard n >= 8 + 1 + 32 else {
            throw PlistFormatError("input too short (\(n) bytes) for header, one object and trailer", at: 0)
        }
        // "bplist0"
        let magic: [UInt8] = [0x62, 0x70, 0x6C, 0x69, 0x73, 0x74, 0x30]
        for i in 0..<7 where buf[i] != magic[i] {
            throw PlistFormatError("missing \"bplist00\" header", at: i)
        }
        let t = n &- 32
        let offsetSize = Int(buf[t &+ 6])
        let refSize = Int(buf[t &+ 7])
        guard (1...8).contains(offsetSize) else {
            throw PlistFormatError("invalid offsetIntSize \(offsetSize) in trailer", at: t &+ 6)
        }
        guard (1...8).contains(refSize) else {
            throw PlistFormatError("invalid objectRefSize \(refSize) in trailer", at: t &+ 7)
        }
        let numObjects = BPReader.be64(buf, t &+ 8)
        let topObject = BPReader.be64(buf, t &+ 16)
        let tableOffset = BPReader.be64(buf, t &+ 24)
        guard numObjects >= 1, numObjects <= UInt64(n) else {
            throw PlistFormatError("invalid object count \(numObjects) in trailer", at: t &+ 8)
        }
        guard topObject < numObjects else {
            throw PlistFormatError("top object \(topObject) out of range (\(numObjects) objects)", at: t &+ 16)
        }
        guard tableOffset >= 9, tableOffset <= UInt64(t) else {
            throw PlistFormatError("offset table offset \(tableOffset) out of range", at: t &+ 24)
        }
        // numObjects <= n and offsetSize <= 8, so the product cannot overflow.
        let tableBytes = Int(numObjects) &* offsetSize
        guard tableBytes <= t &- Int(tableOffset) else {
            throw PlistFormatError("offset table (\(numObjects) x \(offsetSize) bytes) overlaps trailer", at: Int(tableOffset))
        }
        if refSize < 8, numObjects >= (UInt64(1) << UInt64(8 &* refSize)) {
            throw PlistFormatError("objectRefSize \(refSize) too small for \(numObjects) objects", at: t &+ 7)
        }
        self.offsetSize = offsetSize
        self.refSize = refSize
        self.numObjects = Int(numObjects)
        self.topObject = Int(topObject)
        self.limit = Int(tableOffset)
        self.cache = Array(repeating: nil, count: Int(numObjects))
        self.inProgress = Array(repeating: false, count: Int(numObjects))
    }

    @inline(__always)
    static func be64(_ buf: UnsafeRawBufferPointer, _ off: Int) -> UInt64 {
        UInt64(bigEndian: buf.loadUnaligned(fromByteOffset: off, as: UInt64.self))
    }

    /// Reads a big-endian unsigned integer of `width` (1...8) bytes. Caller checks bounds.
    @inline(__always)
    func readUInt(_ off: Int, _ width: Int) -> UInt64 {
        switch width {
        case 1: return UInt64(buf[off])
        case 2: return UInt64(UInt16(bigEndian: buf.loadUnaligned(fromByteOffset: off, as: UInt16.self)))
        case 4: return UInt64(UInt32(bigEndian: buf.loadUnaligned(fromByteOffset: off, as: UInt32.self)))
        case 8: return UInt64(bigEndian: buf.loadUnaligned(fromByteOffset: off, as: UInt64.self))
        default:
            var r: UInt64 = 0
            for i in 0..<width { r = (r << 8) | UInt64(buf[off &+ i]) }
            return r
        }
    }

    mutating func parseTop() throws(PlistFormatError) -> PlistValue {
        try parse(topObject, depth: 0)
    }

    /// Ensures `len` bytes starting at `start` lie within the object area.
    @inline(__always)
    func need(_ start: Int, _ len: Int, what: @autoclosure () -> String, object: Int) throws(PlistFormatError) {
        guard start <= limit, len >= 0, len <= limit &- start else {
            throw PlistFormatError("\(what()) of \(len) bytes runs past end of object area (\(limit))", at: object)
        }
    }

    /// Decodes the count from a marker's low nibble (0xF => a following int object).
    /// Returns the count and the offset of the payload.
    @inline(__always)
    func readCount(_ off: Int, nibble: UInt8) throws(PlistFormatError) -> (Int, Int) {
        if nibble != 0x0F { return (Int(nibble), off &+ 1) }
        let p = off &+ 1
        guard p < limit else {
            throw PlistFormatError("truncated object count", at: off)
        }
        let m = buf[p]
        guard m >> 4 == 0x1, m & 0x0F <= 3 else {
            throw PlistFormatError(String(format: "expected integer marker for count, found 0x%02X", Int(m)), at: p)
        }
        let width = 1 << Int(m & 0x0F)
        guard width <= limit &- (p &+ 1) else {
            throw PlistFormatError("truncated object count", at: p)
        }
        let v = readUInt(p &+ 1, width)
        guard v <= UInt64(limit) else {
            throw PlistFormatError("object count \(v) larger than the file", at: p)
        }
        return (Int(v), p &+ 1 &+ width)
    }

    mutating func parse(_ ref: Int, depth: Int) throws(PlistFormatError) -> PlistValue {
        if let cached = cache[ref] { return cached }
        if inProgress[ref] {
            throw PlistFormatError("reference cycle through object \(ref)", at: objectOffsetNoThrow(ref))
        }
        let off = try objectOffset(ref)
        let marker = buf[off]
        let nibble = marker & 0x0F
        let value: PlistValue
        switch marker >> 4 {
        case 0x0:
            switch marker {
            case 0x08: value = .bool(false)
            case 0x09: value = .bool(true)
            case 0x00: throw PlistFormatError("null objects are not supported", at: off)
            default: throw PlistFormatError(String(format: "invalid marker 0x%02X", Int(marker)), at: off)
            }
        case 0x1:
            value = .int(try readInt(off, nibble: nibble))
        case 0x2:
            switch nibble {
            case 2:
                try need(off &+ 1, 4, what: "real", object: off)
                let bits = UInt32(readUInt(off &+ 1, 4))
                value = .real(Double(Float(bitPattern: bits)))
            case 3:
                try need(off &+ 1, 8, what: "real", object: off)
                value = .real(Double(bitPattern: readUInt(off &+ 1, 8)))
            default:
                throw PlistFormatError(String(format: "invalid real marker 0x%02X", Int(marker)), at: off)
            }
        case 0x3:
            guard marker == 0x33 else {
                throw PlistFormatError(String(format: "invalid date marker 0x%02X", Int(marker)), at: off)
            }
            try need(off &+ 1, 8, what: "date", object: off)
            let secs = Double(bitPattern: readUInt(off &+ 1, 8))
            value = .date(Date(timeIntervalSinceReferenceDate: secs))
        case 0x4:
            let (count, start) = try readCount(off, nibble: nibble)
            try need(start, count, what: "data", object: off)
            value = .data(Data(UnsafeRawBufferPointer(rebasing: buf[start..<(start &+ count)])))
        case 0x5:
            let (count, start) = try readCount(off, nibble: nibble)
            try need(start, count, what: "ASCII string", object: off)
            let slice = UnsafeRawBufferPointer(rebasing: buf[start..<(start &+ count)])
            if let bad = BPReader.firstNonASCII(slice) {
                throw PlistFormatError("non-ASCII byte in ASCII string", at: start &+ bad)
            }
            value = .string(String(decoding: slice, as: UTF8.self))
        case 0x6:
            let (count, start) = try readCount(off, nibble: nibble)
            guard count <= (limit &- start) / 2 else {
                throw PlistFormatError("UTF-16 string of \(count) units runs past end of object area", at: off)
            }
            let b = buf
            let units = [UInt16](unsafeUninitializedCapacity: count) { ubuf, initialized in
                for i in 0..<count {
                    ubuf[i] = UInt16(bigEndian: b.loadUnaligned(fromByteOffset: start &+ i &* 2, as: UInt16.self))
                }
                initialized = count
            }
            value = .string(String(decoding: units, as: UTF16.self))
        case 0xA:
            let (count, start) = try readCount(off, nibble: nibble)
            guard count <= (limit &- start) / refSize else {
                throw PlistFormatError("array of \(count) refs runs past end of object area", at: off)
            }
            guard depth < BinaryPlist.maxDepth else {
                throw PlistFormatError("nesting deeper than \(BinaryPlist.maxDepth)", at: off)
            }
            inProgress[ref] = true
            var items: [PlistValue] = []
            items.reserveCapacity(count)
            for i in 0..<count {
                let child = try readRef(start &+ i &* refSize)
                items.append(try parse(child, depth: depth &+ 1))
            }
            inProgress[ref] = false
            value = .array(items)
        case 0xD:
            let (count, start) = try readCount(off, nibble: nibble)
            guard count <= (limit &- start) / (refSize &* 2) else {
                throw PlistFormatError("dictionary of \(count) entries runs past end of object area", at: off)
            }
            guard depth < BinaryPlist.maxDepth else {
                throw PlistFormatError("nesting deeper than \(BinaryPlist.maxDepth)", at: off)
            }
            inProgress[ref] = true
            var dict: [String: PlistValue] = [:]
            dict.reserveCapacity(count)
            let valuesStart = start &+ count &* refSize
            for i in 0..<count {
                let kpos = start &+ i &* refSize
                let kref = try readRef(kpos)
                guard case .string(let key) = try parse(kref, depth: depth &+ 1) else {
                    throw PlistFormatError("dictionary key (object \(kref)) is not a string", at: kpos)
                }
                let vref = try readRef(valuesStart &+ i &* refSize)
                dict[key] = try parse(vref, depth: depth &+ 1)
            }
            inProgress[ref] = false
            value = .dict(dict)
        default:
            throw PlistFormatError(String(format: "unsupported or invalid marker 0x%02X", Int(marker)), at: off)
        }
        cache[ref] = value
        return value
    }

    @inline(__always)
    func readRef(_ pos: Int) throws(PlistFormatError) -> Int {
        let r = readUInt(pos, refSize)
        guard r < UInt64(numObjects) else {
            throw PlistFormatError("object reference \(r) out of range (\(numObjects) objects)", at: pos)
        }
        return Int(r)
    }

    @inline(__always)
    func objectOffset(_ ref: Int) throws(PlistFormatError) -> Int {
        let pos = limit &+ ref &* offsetSize
        let o = readUInt(pos, offsetSize)
        guard o >= 8, o < UInt64(limit) else {
            throw PlistFormatError("offset \(o) of object \(ref) outside object area", at: pos)
        }
        return Int(o)
    }

    func objectOffsetNoThrow(_ ref: Int) -> Int {
        (try? objectOffset(ref)) ?? (limit &+ ref &* offsetSize)
    }

    func readInt(_ off: Int, nibble: UInt8) throws(PlistFormatError) -> Int64 {
        switch nibble {
        case 0, 1, 2:
            let w = 1 << Int(nibble)
            try need(off &+ 1, w, what: "integer", object: off)
            return Int64(readUInt(off &+ 1, w))
        case 3:
            try need(off &+ 1, 8, what: "integer", object: off)
            return Int64(bitPattern: readUInt(off &+ 1, 8))
        case 4:
            // 128-bit integer (written by CF for UInt64 values > Int64.max); accept only if it fits Int64.
            try need(off &+ 1, 16, what: "integer", object: off)
            let hi = Int64(bitPattern: readUInt(off &+ 1, 8))
            let lo = readUInt(off &+ 9, 8)
            if hi == 0, lo <= UInt64(Int64.max) { return Int64(lo) }
            if hi == -1, lo > UInt64(Int64.max) { return Int64(bitPattern: lo) }
            throw PlistFormatError("128-bit integer does not fit in Int64", at: off)
        default:
            throw PlistFormatError("invalid integer width marker 0x1\(String(nibble, radix: 16))", at: off)
        }
    }

    /// Index of the first byte >= 0x80, checking 8 bytes at a time.
    @inline(__always)
    static func firstNonASCII(_ s: UnsafeRawBufferPointer) -> Int? {
        let n = s.count
        var i = 0
        while i &+ 8 <= n {
            let w = s.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            if w & 0x8080_8080_8080_8080 != 0 { break }
            i &+= 8
        }
        while i < n {
            if s[i] >= 0x80 { return i }
            i &+= 1
        }
        return nil
    }
}
