import Foundation

/// Writes "bplist00" directly from typed values: each value is written as it is encoded (children
/// before their container) and returns its object id; containers collect their children's ids and
/// are laid out at the end, once the reference width is known. Dictionary keys are static strings
/// uniqued by address, value strings by content; small integers and booleans are written once.
/// The output is what Foundation's PropertyListSerialization and Python's plistlib read.
public struct PlistWriter {
    var out: [UInt8] = []
    /// Object id -> byte offset (containers are filled in by `finish`).
    var offsets: [Int] = []
    /// Flat storage of the child ids of all containers (dictionaries: keys, then values).
    var refs: [Int] = []
    var containers: [(id: Int, marker: UInt8, start: Int, count: Int)] = []
    /// Child ids of the containers being built, innermost last (a dictionary pushes key, value pairs).
    var pending: [Int] = []
    var strings: [String: Int] = [:]
    var keys: [UInt: Int] = [:]
    var smallInts = [Int](repeating: -1, count: 256)
    var trueID = -1, falseID = -1

    public init() {
        out.reserveCapacity(4096)
        out.append(contentsOf: [0x62, 0x70, 0x6C, 0x69, 0x73, 0x74, 0x30, 0x30])  // "bplist00"
    }

    /// The finished document with `top` as its top object.
    public mutating func finish(top: Int) -> Data {
        let numObjects = offsets.count
        let refSize = Self.byteWidth(UInt64(numObjects))
        for c in containers {
            offsets[c.id] = out.count
            marker(c.marker, count: c.count)
            let n = c.marker == 0xD0 ? c.count &* 2 : c.count
            for i in 0..<n { uint(UInt64(refs[c.start &+ i]), width: refSize) }
        }
        let table = out.count
        let offsetSize = Self.byteWidth(UInt64(table))
        for off in offsets { uint(UInt64(off), width: offsetSize) }
        // Trailer: 5 unused bytes, sort version, offsetIntSize, objectRefSize, numObjects, topObject, tableOffset.
        out.append(contentsOf: [0, 0, 0, 0, 0, 0, UInt8(offsetSize), UInt8(refSize)])
        uint(UInt64(numObjects), width: 8)
        uint(UInt64(top), width: 8)
        uint(UInt64(table), width: 8)
        return Data(out)
    }

    // MARK: bytes

    static func byteWidth(_ x: UInt64) -> Int { max(1, (64 &- x.leadingZeroBitCount &+ 7) / 8) }

    @inline(__always)
    mutating func uint(_ v: UInt64, width: Int) {
        switch width {
        case 1: out.append(UInt8(truncatingIfNeeded: v))
        case 2: withUnsafeBytes(of: UInt16(truncatingIfNeeded: v).bigEndian) { out.append(contentsOf: $0) }
        case 4: withUnsafeBytes(of: UInt32(truncatingIfNeeded: v).bigEndian) { out.append(contentsOf: $0) }
        case 8: withUnsafeBytes(of: v.bigEndian) { out.append(contentsOf: $0) }
        default:
            var shift = UInt64(width &* 8)
            while shift > 0 { shift &-= 8; out.append(UInt8(truncatingIfNeeded: v >> shift)) }
        }
    }

    mutating func marker(_ high: UInt8, count: Int) {
        if count < 15 { out.append(high | UInt8(count)); return }
        out.append(high | 0x0F)
        intBytes(Int64(count))
    }

    mutating func intBytes(_ v: Int64) {
        if v < 0 { out.append(0x13); uint(UInt64(bitPattern: v), width: 8); return }
        let u = UInt64(v)
        if u < 0x100 { out.append(0x10); uint(u, width: 1) }
        else if u < 0x1_0000 { out.append(0x11); uint(u, width: 2) }
        else if u < 0x1_0000_0000 { out.append(0x12); uint(u, width: 4) }
        else { out.append(0x13); uint(u, width: 8) }
    }

    @inline(__always)
    mutating func newID() -> Int {
        offsets.append(out.count)
        return offsets.count &- 1
    }

    // MARK: scalars

    public mutating func string(_ s: String) -> Int {
        if let id = strings[s] { return id }
        let id = newID()
        strings[s] = id
        var ascii = true
        var n = 0
        for b in s.utf8 {
            if b >= 0x80 { ascii = false; break }
            n &+= 1
        }
        if ascii {
            marker(0x50, count: n)
            out.append(contentsOf: s.utf8)
        } else {
            marker(0x60, count: s.utf16.count)
            for u in s.utf16 { out.append(UInt8(truncatingIfNeeded: u >> 8)); out.append(UInt8(truncatingIfNeeded: u)) }
        }
        return id
    }

    /// A dictionary key: written once per document, found again by the literal's address.
    @inline(__always)
    public mutating func key(_ k: StaticString) -> Int {
        let addr = UInt(bitPattern: k.utf8Start)
        if let id = keys[addr] { return id }
        let id = newID()
        keys[addr] = id
        marker(0x50, count: k.utf8CodeUnitCount)
        out.append(contentsOf: UnsafeBufferPointer(start: k.utf8Start, count: k.utf8CodeUnitCount))
        return id
    }

    public mutating func int(_ v: Int64) -> Int {
        if v >= 0, v < 256 {
            let cached = smallInts[Int(v)]
            if cached >= 0 { return cached }
            let id = newID()
            intBytes(v)
            smallInts[Int(v)] = id
            return id
        }
        let id = newID()
        intBytes(v)
        return id
    }

    public mutating func double(_ d: Double) -> Int {
        let id = newID()
        out.append(0x23)
        uint(d.bitPattern, width: 8)
        return id
    }

    public mutating func bool(_ b: Bool) -> Int {
        if b, trueID >= 0 { return trueID }
        if !b, falseID >= 0 { return falseID }
        let id = newID()
        out.append(b ? 0x09 : 0x08)
        if b { trueID = id } else { falseID = id }
        return id
    }

    public mutating func date(_ d: Date) -> Int {
        let id = newID()
        out.append(0x33)
        uint(d.timeIntervalSinceReferenceDate.bitPattern, width: 8)
        return id
    }

    public mutating func data(_ d: Data) -> Int {
        let id = newID()
        marker(0x40, count: d.count)
        out.append(contentsOf: d)
        return id
    }

    // MARK: containers

    /// Starts a container; add its children with `add(_:)` / `add(key:_:)`, then `endArray`/`endDictionary`.
    @inline(__always)
    public func begin() -> Int { pending.count }

    @inline(__always)
    public mutating func add(_ child: Int) { pending.append(child) }

    @inline(__always)
    public mutating func add(key: Int, _ value: Int) { pending.append(key); pending.append(value) }

    public mutating func endArray(_ mark: Int) -> Int {
        let id = offsets.count
        offsets.append(-1)
        let start = refs.count
        refs.append(contentsOf: pending[mark...])
        containers.append((id, 0xA0, start, pending.count &- mark))
        pending.removeSubrange(mark...)
        return id
    }

    public mutating func endDictionary(_ mark: Int) -> Int {
        let id = offsets.count
        offsets.append(-1)
        let start = refs.count
        let n = (pending.count &- mark) / 2
        // Pending holds key, value, key, value…; the file wants all keys, then all values.
        var i = mark
        while i < pending.count { refs.append(pending[i]); i &+= 2 }
        i = mark &+ 1
        while i < pending.count { refs.append(pending[i]); i &+= 2 }
        containers.append((id, 0xD0, start, n))
        pending.removeSubrange(mark...)
        return id
    }
}
