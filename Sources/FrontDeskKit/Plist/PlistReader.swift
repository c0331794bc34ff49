import Foundation

/// Why a typed plist decode failed: where (type and key, outermost first), what, and at which byte.
public struct PlistDecodeError: Error, CustomStringConvertible {
    /// Path from the document's top, e.g. `["Snapshot", ".state", ".meetings[M12]", ".start"]`.
    public var path: [String]
    /// What is wrong at that place.
    public var problem: String
    /// Byte offset of the offending object, when known.
    public var byteOffset: Int?

    public init(_ problem: String, at offset: Int? = nil, path: [String] = []) {
        self.problem = problem; self.byteOffset = offset; self.path = path
    }

    public var description: String {
        let at = byteOffset.map { " (at byte offset \($0))" } ?? ""
        return path.isEmpty ? "malformed binary plist: \(problem)\(at)" : "cannot read \(path.joined()): \(problem)\(at)"
    }

    /// The same error one level further out.
    func inside(_ component: String) -> PlistDecodeError {
        var e = self
        e.path.insert(component, at: 0)
        return e
    }
}

/// A dictionary key as it lies in the file, compared byte-wise against static keys (no String, no hashing).
public struct PlistKey {
    let base: UnsafeRawPointer
    let count: Int
    /// UTF-16 big-endian units (another writer may store ASCII keys that way); else ASCII bytes.
    let utf16: Bool

    /// The key as a String (for dictionaries keyed by id, and for error messages).
    public var string: String {
        if !utf16 { return String(decoding: UnsafeRawBufferPointer(start: base, count: count), as: UTF8.self) }
        let units = (0..<count).map { i in
            UInt16(base.load(fromByteOffset: 2 &* i, as: UInt8.self)) << 8 | UInt16(base.load(fromByteOffset: 2 &* i &+ 1, as: UInt8.self))
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// True when the key is exactly `s` (an ASCII literal).
    @inline(__always)
    public func equals(_ s: StaticString) -> Bool {
        let n = s.utf8CodeUnitCount
        guard n == count else { return false }
        let p = s.utf8Start
        if !utf16 { return memcmp(base, p, n) == 0 }
        for i in 0..<n where base.load(fromByteOffset: 2 &* i, as: UInt8.self) != 0
            || base.load(fromByteOffset: 2 &* i &+ 1, as: UInt8.self) != p[i] { return false }
        return true
    }
}

/// `switch key { case "id": … }` matches without creating a String.
@inline(__always)
public func ~= (pattern: StaticString, key: PlistKey) -> Bool { key.equals(pattern) }

/// Zero-copy reader of "bplist00" bytes: objects are read one at a time, by reference, straight
/// into typed values. Every offset, count and reference is bounds-checked; malformed input throws
/// `PlistDecodeError`, never traps. Work is budgeted in proportion to the input size, so shared
/// objects or reference cycles cannot make decoding explode (a cycle exhausts the budget or the
/// depth limit and is refused).
public struct PlistReader {
    let base: UnsafeRawPointer
    let size: Int
    let offsetSize: Int
    let refSize: Int
    let numObjects: Int
    /// The document's top object.
    public let top: Int
    /// Start of the offset table == end of the object area.
    let limit: Int
    /// Elements visited plus string bytes / 4 still allowed (16 per input byte, plus 1 Mi).
    var budget: Int
    /// Current container nesting (checked against `BinaryPlist.maxDepth`).
    var depth = 0
    /// Strings already decoded, by object: the writer stores each distinct string once, and a
    /// history segment names the same hosts, companies and SKUs thousands of times. Only strings
    /// that cost an allocation (UTF-16, or ASCII longer than a small string) are kept:
    /// `stringSlot[ref]` is 1 + the string's index in `keptStrings`, 0 when none is kept. An array
    /// of integers is zeroed on allocation and freed without visiting its elements, so a reader
    /// that keeps a few strings of a large file pays for neither (an array of optional strings
    /// released each of its hundreds of thousands of slots).
    var stringSlot: [UInt32] = []
    var keptStrings: [String] = []

    /// Reads the header and trailer of `buf`, which must outlive the reader.
    public init(_ buf: UnsafeRawBufferPointer) throws(PlistDecodeError) {
        let n = buf.count
        guard n >= 8 + 1 + 32, let base = buf.baseAddress else {
            throw PlistDecodeError("input too short (\(n) bytes) for header, one object and trailer", at: 0)
        }
        guard memcmp(base, "bplist0", 7) == 0 else { throw PlistDecodeError("missing \"bplist00\" header", at: 0) }
        let t = n &- 32
        let offsetSize = Int(buf[t &+ 6]), refSize = Int(buf[t &+ 7])
        guard (1...8).contains(offsetSize) else { throw PlistDecodeError("invalid offsetIntSize \(offsetSize) in trailer", at: t &+ 6) }
        guard (1...8).contains(refSize) else { throw PlistDecodeError("invalid objectRefSize \(refSize) in trailer", at: t &+ 7) }
        let numObjects = UInt64(bigEndian: buf.loadUnaligned(fromByteOffset: t &+ 8, as: UInt64.self))
        let top = UInt64(bigEndian: buf.loadUnaligned(fromByteOffset: t &+ 16, as: UInt64.self))
        let table = UInt64(bigEndian: buf.loadUnaligned(fromByteOffset: t &+ 24, as: UInt64.self))
        guard numObjects >= 1, numObjects <= UInt64(n) else { throw PlistDecodeError("invalid object count \(numObjects) in trailer", at: t &+ 8) }
        guard top < numObjects else { throw PlistDecodeError("top object \(top) out of range (\(numObjects) objects)", at: t &+ 16) }
        guard table >= 9, table <= UInt64(t) else { throw PlistDecodeError("offset table offset \(table) out of range", at: t &+ 24) }
        guard Int(numObjects) &* offsetSize <= t &- Int(table) else {
            throw PlistDecodeError("offset table (\(numObjects) x \(offsetSize) bytes) overlaps trailer", at: Int(table))
        }
        if refSize < 8, numObjects >= (UInt64(1) << UInt64(8 &* refSize)) {
            throw PlistDecodeError("objectRefSize \(refSize) too small for \(numObjects) objects", at: t &+ 7)
        }
        self.base = base; self.size = n
        self.offsetSize = offsetSize; self.refSize = refSize
        self.numObjects = Int(numObjects); self.top = Int(top); self.limit = Int(table)
        self.budget = n &* 16 &+ (1 << 20)
    }

    // MARK: raw access

    @inline(__always)
    func byte(_ off: Int) -> UInt8 { base.load(fromByteOffset: off, as: UInt8.self) }

    /// Big-endian unsigned integer of `width` (1...8) bytes; the caller checks bounds.
    @inline(__always)
    func uint(_ off: Int, _ width: Int) -> UInt64 {
        switch width {
        case 1: return UInt64(byte(off))
        case 2: return UInt64(UInt16(bigEndian: base.loadUnaligned(fromByteOffset: off, as: UInt16.self)))
        case 4: return UInt64(UInt32(bigEndian: base.loadUnaligned(fromByteOffset: off, as: UInt32.self)))
        case 8: return UInt64(bigEndian: base.loadUnaligned(fromByteOffset: off, as: UInt64.self))
        default:
            var r: UInt64 = 0
            for i in 0..<width { r = (r << 8) | UInt64(byte(off &+ i)) }
            return r
        }
    }

    /// Byte offset of object `ref` (checked to lie in the object area).
    @inline(__always)
    public func offset(of ref: Int) throws(PlistDecodeError) -> Int {
        guard ref >= 0, ref < numObjects else { throw PlistDecodeError("object reference \(ref) out of range (\(numObjects) objects)") }
        let pos = limit &+ ref &* offsetSize
        let o = uint(pos, offsetSize)
        guard o >= 8, o < UInt64(limit) else { throw PlistDecodeError("offset \(o) of object \(ref) outside object area", at: pos) }
        return Int(o)
    }

    /// Object reference stored at `pos` (inside a container already bounds-checked).
    @inline(__always)
    func ref(at pos: Int) throws(PlistDecodeError) -> Int {
        let r = uint(pos, refSize)
        guard r < UInt64(numObjects) else { throw PlistDecodeError("object reference \(r) out of range (\(numObjects) objects)", at: pos) }
        return Int(r)
    }

    @inline(__always)
    func need(_ start: Int, _ len: Int, _ what: StaticString, _ off: Int) throws(PlistDecodeError) {
        guard start <= limit, len >= 0, len <= limit &- start else {
            throw PlistDecodeError("\(what) of \(len) bytes runs past end of object area (\(limit))", at: off)
        }
    }

    /// Count from a marker's low nibble (0xF: a following int object) and the payload's offset.
    @inline(__always)
    func count(_ off: Int, _ nibble: UInt8) throws(PlistDecodeError) -> (Int, Int) {
        if nibble != 0x0F { return (Int(nibble), off &+ 1) }
        let p = off &+ 1
        guard p < limit else { throw PlistDecodeError("truncated object count", at: off) }
        let m = byte(p)
        guard m >> 4 == 0x1, m & 0x0F <= 3 else { throw PlistDecodeError("expected an integer marker for a count, found \(Self.hex(m))", at: p) }
        let width = 1 << Int(m & 0x0F)
        guard width <= limit &- (p &+ 1) else { throw PlistDecodeError("truncated object count", at: p) }
        let v = uint(p &+ 1, width)
        guard v <= UInt64(limit) else { throw PlistDecodeError("object count \(v) larger than the file", at: p) }
        return (Int(v), p &+ 1 &+ width)
    }

    static func hex(_ m: UInt8) -> String { "0x" + String(m, radix: 16, uppercase: true) }

    @inline(__always)
    mutating func spend(_ units: Int, _ off: Int) throws(PlistDecodeError) {
        budget &-= units
        if budget < 0 { throw PlistDecodeError("too much work for the input size (shared or cyclic objects)", at: off) }
    }

    /// What object `ref` is, in words (for error messages).
    public func kind(_ ref: Int) -> String {
        guard let off = try? offset(of: ref) else { return "a bad reference" }
        switch byte(off) >> 4 {
        case 0: return byte(off) == 0x08 || byte(off) == 0x09 ? "a boolean" : "an invalid object"
        case 1: return "an integer"
        case 2: return "a real number"
        case 3: return "a date"
        case 4: return "data"
        case 5, 6: return (try? isNull(ref)) == true ? "null (\"$null\")" : "a string"
        case 0xA: return "an array"
        case 0xD: return "a dictionary"
        default: return "an invalid object"
        }
    }

    func mismatch(_ expected: StaticString, _ ref: Int) -> PlistDecodeError {
        PlistDecodeError("expected \(expected), found \(kind(ref))", at: try? offset(of: ref))
    }

    // MARK: scalars

    /// The string "$null" (how Foundation writes an explicit nil).
    public func isNull(_ ref: Int) throws(PlistDecodeError) -> Bool {
        let off = try offset(of: ref)
        return byte(off) == 0x55 && off &+ 6 <= limit && memcmp(base + (off &+ 1), "$null", 5) == 0
    }

    public mutating func string(_ ref: Int) throws(PlistDecodeError) -> String {
        let off = try offset(of: ref)
        let m = byte(off)
        switch m >> 4 {
        case 0x5:
            let (n, start) = try count(off, m & 0x0F)
            try need(start, n, "ASCII string", off)
            try spend(n >> 2, off)
            if n > 15, let cached = keptString(ref) { return cached }
            let s = UnsafeRawBufferPointer(start: base + start, count: n)
            if let bad = Self.firstNonASCII(s) { throw PlistDecodeError("non-ASCII byte in ASCII string", at: start &+ bad) }
            let text = String(decoding: s, as: UTF8.self)
            if n > 15 { remember(text, ref) }
            return text
        case 0x6:
            let (n, start) = try count(off, m & 0x0F)
            guard n <= (limit &- start) / 2 else { throw PlistDecodeError("UTF-16 string of \(n) units runs past end of object area", at: off) }
            try spend(n >> 1, off)
            if let cached = keptString(ref) { return cached }
            let text = Self.utf16BigEndian(base + start, count: n)
            remember(text, ref)
            return text
        default:
            throw mismatch("a string", ref)
        }
    }

    @inline(__always)
    func keptString(_ ref: Int) -> String? {
        guard ref < stringSlot.count else { return nil }
        let slot = Int(stringSlot[ref])
        return slot == 0 ? nil : keptStrings[slot &- 1]
    }

    @inline(__always)
    mutating func remember(_ text: String, _ ref: Int) {
        if stringSlot.isEmpty {
            guard numObjects <= 1 << 22 else { return }  // at most 16 MB of slots, whatever the file claims
            stringSlot = Array(repeating: 0, count: numObjects)
        }
        keptStrings.append(text)
        stringSlot[ref] = UInt32(truncatingIfNeeded: keptStrings.count)
    }

    /// The text of `count` big-endian UTF-16 units at `p`, transcoded to UTF-8 in one pass: what
    /// `String(decoding:as: UTF16.self)` gives (a lone surrogate becomes U+FFFD), without its
    /// generic parser, which costs hundreds of instructions a unit here.
    static func utf16BigEndian(_ p: UnsafeRawPointer, count n: Int) -> String {
        @inline(__always) func unit(_ i: Int) -> UInt32 {
            UInt32(UInt16(bigEndian: p.loadUnaligned(fromByteOffset: i &* 2, as: UInt16.self)))
        }
        // At most 3 UTF-8 bytes a unit (a surrogate pair: 4 bytes for 2 units).
        return String(unsafeUninitializedCapacity: n &* 3) { out in
            var o = 0, i = 0
            while i < n {
                var u = unit(i)
                i &+= 1
                if u < 0x80 {
                    out[o] = UInt8(truncatingIfNeeded: u); o &+= 1
                } else if u < 0x800 {
                    out[o] = 0xC0 | UInt8(truncatingIfNeeded: u >> 6)
                    out[o &+ 1] = 0x80 | UInt8(truncatingIfNeeded: u & 0x3F)
                    o &+= 2
                } else {
                    if u & 0xFC00 == 0xD800, i < n, unit(i) & 0xFC00 == 0xDC00 {
                        let scalar = 0x10000 &+ ((u &- 0xD800) << 10) &+ (unit(i) &- 0xDC00)
                        i &+= 1
                        out[o] = 0xF0 | UInt8(truncatingIfNeeded: scalar >> 18)
                        out[o &+ 1] = 0x80 | UInt8(truncatingIfNeeded: (scalar >> 12) & 0x3F)
                        out[o &+ 2] = 0x80 | UInt8(truncatingIfNeeded: (scalar >> 6) & 0x3F)
                        out[o &+ 3] = 0x80 | UInt8(truncatingIfNeeded: scalar & 0x3F)
                        o &+= 4
                        continue
                    }
                    if u & 0xF800 == 0xD800 { u = 0xFFFD }  // a surrogate without its pair
                    out[o] = 0xE0 | UInt8(truncatingIfNeeded: u >> 12)
                    out[o &+ 1] = 0x80 | UInt8(truncatingIfNeeded: (u >> 6) & 0x3F)
                    out[o &+ 2] = 0x80 | UInt8(truncatingIfNeeded: u & 0x3F)
                    o &+= 3
                }
            }
            return o
        }
    }

    /// A key object (ASCII or UTF-16 string) viewed in place.
    @inline(__always)
    func key(_ ref: Int) throws(PlistDecodeError) -> PlistKey {
        let off = try offset(of: ref)
        let m = byte(off)
        switch m >> 4 {
        case 0x5:
            let (n, start) = try count(off, m & 0x0F)
            try need(start, n, "ASCII string", off)
            return PlistKey(base: base + start, count: n, utf16: false)
        case 0x6:
            let (n, start) = try count(off, m & 0x0F)
            guard n <= (limit &- start) / 2 else { throw PlistDecodeError("UTF-16 string of \(n) units runs past end of object area", at: off) }
            return PlistKey(base: base + start, count: n, utf16: true)
        default:
            throw PlistDecodeError("dictionary key (object \(ref)) is not a string", at: off)
        }
    }

    public func int64(_ ref: Int) throws(PlistDecodeError) -> Int64 {
        let off = try offset(of: ref)
        let m = byte(off)
        switch m {
        case 0x10: try need(off &+ 1, 1, "integer", off); return Int64(byte(off &+ 1))
        case 0x11: try need(off &+ 1, 2, "integer", off); return Int64(uint(off &+ 1, 2))
        case 0x12: try need(off &+ 1, 4, "integer", off); return Int64(uint(off &+ 1, 4))
        case 0x13: try need(off &+ 1, 8, "integer", off); return Int64(bitPattern: uint(off &+ 1, 8))
        case 0x14:
            // 128-bit (CF writes UInt64 > Int64.max so); accepted only when it fits Int64.
            try need(off &+ 1, 16, "integer", off)
            let hi = Int64(bitPattern: uint(off &+ 1, 8)), lo = uint(off &+ 9, 8)
            if hi == 0, lo <= UInt64(Int64.max) { return Int64(lo) }
            if hi == -1, lo > UInt64(Int64.max) { return Int64(bitPattern: lo) }
            throw PlistDecodeError("128-bit integer does not fit in Int64", at: off)
        case 0x22, 0x23:
            let d = try double(ref)
            guard let i = Int64(exactly: d) else { throw PlistDecodeError("number \(d) is not a whole number that fits in Int64", at: off) }
            return i
        default:
            throw mismatch("an integer", ref)
        }
    }

    public func int(_ ref: Int) throws(PlistDecodeError) -> Int { Int(try int64(ref)) }

    public func double(_ ref: Int) throws(PlistDecodeError) -> Double {
        let off = try offset(of: ref)
        switch byte(off) {
        case 0x23: try need(off &+ 1, 8, "real", off); return Double(bitPattern: uint(off &+ 1, 8))
        case 0x22: try need(off &+ 1, 4, "real", off); return Double(Float(bitPattern: UInt32(uint(off &+ 1, 4))))
        case 0x10...0x14: return Double(try int64(ref))
        default: throw mismatch("a number", ref)
        }
    }

    public func bool(_ ref: Int) throws(PlistDecodeError) -> Bool {
        let off = try offset(of: ref)
        switch byte(off) {
        case 0x09: return true
        case 0x08: return false
        default: throw mismatch("a boolean", ref)
        }
    }

    public func date(_ ref: Int) throws(PlistDecodeError) -> Date {
        let off = try offset(of: ref)
        guard byte(off) == 0x33 else { throw mismatch("a date", ref) }
        try need(off &+ 1, 8, "date", off)
        return Date(timeIntervalSinceReferenceDate: Double(bitPattern: uint(off &+ 1, 8)))
    }

    public mutating func data(_ ref: Int) throws(PlistDecodeError) -> Data {
        let off = try offset(of: ref)
        let m = byte(off)
        guard m >> 4 == 0x4 else { throw mismatch("data", ref) }
        let (n, start) = try count(off, m & 0x0F)
        try need(start, n, "data", off)
        try spend(n >> 2, off)
        return Data(bytes: base + start, count: n)
    }

    // MARK: containers

    /// The elements of array `ref`; read them with `element(_:_:)`.
    public mutating func array(_ ref: Int) throws(PlistDecodeError) -> PlistArray {
        let off = try offset(of: ref)
        let m = byte(off)
        guard m >> 4 == 0xA else { throw mismatch("an array", ref) }
        let (n, start) = try count(off, m & 0x0F)
        guard n <= (limit &- start) / refSize else { throw PlistDecodeError("array of \(n) refs runs past end of object area", at: off) }
        try spend(n &+ 1, off)
        return PlistArray(start: start, count: n)
    }

    @inline(__always)
    public func element(_ a: PlistArray, _ i: Int) throws(PlistDecodeError) -> Int {
        try ref(at: a.start &+ i &* refSize)
    }

    /// The entries of dictionary `ref`; iterate with `next(_:)` on the result.
    public mutating func dictionary(_ ref: Int) throws(PlistDecodeError) -> PlistDictionary {
        let off = try offset(of: ref)
        let m = byte(off)
        guard m >> 4 == 0xD else { throw mismatch("a dictionary", ref) }
        let (n, start) = try count(off, m & 0x0F)
        guard n <= (limit &- start) / (refSize &* 2) else { throw PlistDecodeError("dictionary of \(n) entries runs past end of object area", at: off) }
        try spend(n &+ 1, off)
        return PlistDictionary(keys: start, values: start &+ n &* refSize, count: n, index: 0)
    }

    /// Entry `i` of `d`: its key viewed in place and the value's reference.
    @inline(__always)
    public func entry(_ d: PlistDictionary, _ i: Int) throws(PlistDecodeError) -> (key: PlistKey, value: Int) {
        let k = try key(try ref(at: d.keys &+ i &* refSize))
        return (k, try ref(at: d.values &+ i &* refSize))
    }

    /// Enters a container level; throws past `BinaryPlist.maxDepth` (a cycle ends here at the latest).
    @inline(__always)
    public mutating func enter(_ ref: Int) throws(PlistDecodeError) {
        depth &+= 1
        if depth > BinaryPlist.maxDepth { throw PlistDecodeError("nesting deeper than \(BinaryPlist.maxDepth)", at: try? offset(of: ref)) }
    }

    @inline(__always)
    public mutating func leave() { depth &-= 1 }

    /// Index of the first byte >= 0x80, checking 8 bytes at a time.
    @inline(__always)
    static func firstNonASCII(_ s: UnsafeRawBufferPointer) -> Int? {
        let n = s.count
        var i = 0
        while i &+ 8 <= n {
            if s.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { break }
            i &+= 8
        }
        while i < n {
            if s[i] >= 0x80 { return i }
            i &+= 1
        }
        return nil
    }
}

/// An array object's elements (positions of their refs in the file).
public struct PlistArray {
    let start: Int
    public let count: Int
}

/// A dictionary object's entries.
public struct PlistDictionary {
    let keys: Int
    let values: Int
    public let count: Int
    var index: Int

    /// The next (key, value reference), or nil after the last.
    @inline(__always)
    public mutating func next(_ r: PlistReader) throws(PlistDecodeError) -> (key: PlistKey, value: Int)? {
        guard index < count else { return nil }
        defer { index &+= 1 }
        return try r.entry(self, index)
    }
}
