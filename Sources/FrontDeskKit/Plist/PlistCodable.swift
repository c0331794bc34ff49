import Foundation

/// A type read straight from bplist objects by `PlistReader` (no tree, no Codable containers).
/// `BinaryPlistDecoder` uses it whenever the type, or a value nested in a Codable type, has it.
public protocol PlistDecodable {
    /// Reads the value from object `ref`. Throws `PlistDecodeError` for a wrong type or a missing key.
    init(plist r: inout PlistReader, _ ref: Int) throws
}

/// A type written straight as bplist objects by `PlistWriter`; returns the object id written.
public protocol PlistEncodable {
    func encode(plist w: inout PlistWriter) throws -> Int
}

public typealias PlistCodable = PlistDecodable & PlistEncodable

/// One entry of a dictionary being read: its key (viewed in the file) and the value's reference.
public typealias PlistEntry = (key: PlistKey, value: Int)

// MARK: - Reading records

extension PlistReader {
    /// The entries of the dictionary `ref`, for a record of type `T` (named in errors).
    @inline(__always)
    public mutating func record<T>(_ ref: Int, _ type: T.Type) throws -> PlistDictionary {
        do { return try dictionary(ref) } catch { throw error.inside("\(T.self)") }
    }

    /// The value of entry `e`, naming the key when it cannot be read.
    @inline(__always)
    public mutating func value<T: PlistDecodable>(_ e: PlistEntry) throws -> T {
        do { return try T(plist: &self, e.value) } catch { throw Self.wrap(error, e.key) }
    }

    /// The value of entry `e`; nil when it holds "$null" (Foundation's explicit nil).
    @inline(__always)
    public mutating func value<T: PlistDecodable>(_ e: PlistEntry) throws -> T? {
        if try isNull(e.value) { return nil }
        do { return try T(plist: &self, e.value) } catch { throw Self.wrap(error, e.key) }
    }

    /// Sets `field` to the value of entry `e`, or leaves it when the entry holds "$null": a
    /// setting written as nil keeps its default (as Codable's `decodeIfPresent ?? default`).
    @inline(__always)
    public mutating func update<T: PlistDecodable>(_ field: inout T, _ e: PlistEntry) throws {
        let v: T? = try value(e)
        if let v { field = v }
    }

    static func wrap(_ error: any Error, _ key: PlistKey) -> PlistDecodeError {
        let e = error as? PlistDecodeError ?? PlistDecodeError("\(error)")
        return e.inside("." + key.string)
    }

    /// Throws naming the first key of `keys` whose bit is not set in `seen` (a required field missing).
    @inline(__always)
    public func required<T>(_ seen: UInt64, _ keys: [StaticString], _ type: T.Type, _ ref: Int) throws {
        let all: UInt64 = keys.count >= 64 ? ~0 : (1 << UInt64(keys.count)) &- 1
        guard seen & all != all else { return }
        let i = (~seen & all).trailingZeroBitCount
        throw PlistDecodeError("no value for the required key \"\(keys[i])\"", at: try? offset(of: ref), path: ["\(T.self)"])
    }
}

extension PlistReader {
    /// The value reference under `key` in dictionary `ref`, or nil when it has no such key. Keys
    /// are compared in place and no value is read: a cheap look at one field of a record.
    public mutating func valueRef(_ key: StaticString, in ref: Int) throws(PlistDecodeError) -> Int? {
        var d = try dictionary(ref)
        while let e = try d.next(self) {
            if e.key.equals(key) { return e.value }
        }
        return nil
    }

    /// The records of array `ref` whose date under `dateKey` lies in `window`, as `T`; the others
    /// are passed over after reading that one date, so no String or Date of theirs is built. A
    /// record without the key is decoded (and so refused for the missing key).
    public mutating func records<T: PlistDecodable>(_ ref: Int, dateKey: StaticString, in window: Range<Date>) throws -> [T] {
        let a = try array(ref)
        try enter(ref)
        var out: [T] = []
        for i in 0..<a.count {
            do {
                let element = try element(a, i)
                if let at = try valueRef(dateKey, in: element) {
                    let d: Date
                    do { d = try date(at) } catch { throw error.inside(".\(dateKey)") }
                    if !window.contains(d) { continue }
                }
                out.append(try T(plist: &self, element))
            } catch { throw error.inside("[\(i)]") }
        }
        leave()
        return out
    }

    /// Entry `e`'s array of records: all of them, or with a `window` only those whose `dateKey`
    /// lies in it (see `records(_:dateKey:in:)`).
    @inline(__always)
    public mutating func records<T: PlistDecodable>(_ e: PlistEntry, dateKey: StaticString, in window: Range<Date>?) throws -> [T] {
        guard let window else { return try value(e) }
        do { return try records(e.value, dateKey: dateKey, in: window) } catch { throw Self.wrap(error, e.key) }
    }

    /// Checks that entry `e` holds an array, without reading its elements (a part a reader skips).
    @inline(__always)
    public mutating func skipArray(_ e: PlistEntry) throws {
        do { _ = try array(e.value) } catch { throw Self.wrap(error, e.key) }
    }
}

extension Error {
    @inline(__always)
    func inside(_ component: String) -> PlistDecodeError {
        (self as? PlistDecodeError ?? PlistDecodeError("\(self)")).inside(component)
    }
}

// MARK: - Writing records

extension PlistWriter {
    /// Adds `key: value` to the dictionary being built.
    @inline(__always)
    public mutating func field<T: PlistEncodable>(_ key: StaticString, _ value: T) throws {
        let v = try value.encode(plist: &self)
        add(key: self.key(key), v)
    }

    /// Adds `key: value` when `value` is not nil (as Foundation's encodeIfPresent does).
    @inline(__always)
    public mutating func field<T: PlistEncodable>(_ key: StaticString, _ value: T?) throws {
        guard let value else { return }
        let v = try value.encode(plist: &self)
        add(key: self.key(key), v)
    }
}

// MARK: - Scalars

extension String: PlistCodable {
    @inline(__always) public init(plist r: inout PlistReader, _ ref: Int) throws { self = try r.string(ref) }
    @inline(__always) public func encode(plist w: inout PlistWriter) -> Int { w.string(self) }
}

extension Int: PlistCodable {
    @inline(__always) public init(plist r: inout PlistReader, _ ref: Int) throws { self = try r.int(ref) }
    @inline(__always) public func encode(plist w: inout PlistWriter) -> Int { w.int(Int64(self)) }
}

extension Int64: PlistCodable {
    @inline(__always) public init(plist r: inout PlistReader, _ ref: Int) throws { self = try r.int64(ref) }
    @inline(__always) public func encode(plist w: inout PlistWriter) -> Int { w.int(self) }
}

extension Double: PlistCodable {
    @inline(__always) public init(plist r: inout PlistReader, _ ref: Int) throws { self = try r.double(ref) }
    @inline(__always) public func encode(plist w: inout PlistWriter) -> Int { w.double(self) }
}

extension Bool: PlistCodable {
    @inline(__always) public init(plist r: inout PlistReader, _ ref: Int) throws { self = try r.bool(ref) }
    @inline(__always) public func encode(plist w: inout PlistWriter) -> Int { w.bool(self) }
}

extension Date: PlistCodable {
    @inline(__always) public init(plist r: inout PlistReader, _ ref: Int) throws { self = try r.date(ref) }
    @inline(__always) public func encode(plist w: inout PlistWriter) -> Int { w.date(self) }
}

extension Data: PlistCodable {
    @inline(__always) public init(plist r: inout PlistReader, _ ref: Int) throws { self = try r.data(ref) }
    @inline(__always) public func encode(plist w: inout PlistWriter) -> Int { w.data(self) }
}

// MARK: - Containers

extension Array: PlistDecodable where Element: PlistDecodable {
    public init(plist r: inout PlistReader, _ ref: Int) throws {
        let a = try r.array(ref)
        try r.enter(ref)
        self = []
        reserveCapacity(a.count)
        for i in 0..<a.count {
            do { append(try Element(plist: &r, try r.element(a, i))) } catch { throw error.inside("[\(i)]") }
        }
        r.leave()
    }
}

extension Array: PlistEncodable where Element: PlistEncodable {
    public func encode(plist w: inout PlistWriter) throws -> Int {
        let m = w.begin()
        for e in self { w.add(try e.encode(plist: &w)) }
        return w.endArray(m)
    }
}

extension Dictionary: PlistDecodable where Key == String, Value: PlistDecodable {
    public init(plist r: inout PlistReader, _ ref: Int) throws {
        var d = try r.dictionary(ref)
        try r.enter(ref)
        self = [:]
        reserveCapacity(d.count)
        while let e = try d.next(r) {
            let k = e.key.string
            do { self[k] = try Value(plist: &r, e.value) } catch { throw error.inside("[\(k)]") }
        }
        r.leave()
    }
}

extension Dictionary: PlistEncodable where Key == String, Value: PlistEncodable {
    public func encode(plist w: inout PlistWriter) throws -> Int {
        let m = w.begin()
        // Sorted, so the same state always gives the same bytes.
        for k in keys.sorted() {
            guard let v = self[k] else { continue }
            let vid = try v.encode(plist: &w)
            w.add(key: w.string(k), vid)
        }
        return w.endDictionary(m)
    }
}

/// A string-valued enum stored as its raw value.
public protocol PlistStringEnum: PlistCodable, RawRepresentable where RawValue == String {}

extension PlistStringEnum {
    @inline(__always)
    public init(plist r: inout PlistReader, _ ref: Int) throws {
        let s = try r.string(ref)
        guard let v = Self(rawValue: s) else {
            throw PlistDecodeError("\"\(s)\" is not a valid \(Self.self)", at: try? r.offset(of: ref))
        }
        self = v
    }
    @inline(__always)
    public func encode(plist w: inout PlistWriter) -> Int { w.string(rawValue) }
}
