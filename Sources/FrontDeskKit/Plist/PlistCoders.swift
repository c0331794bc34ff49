import Foundation

// Codable bridges between Swift types and `PlistValue`, following the conventions of
// Foundation's PropertyListEncoder/PropertyListDecoder:
//  - Date <-> .date, Data <-> .data, integers <-> .int, Double/Float <-> .real, Bool <-> .bool
//  - nil optionals in keyed containers are omitted (encodeIfPresent)
//  - an explicit nil (encodeNil, e.g. elements of [T?]) is written as the string "$null",
//    which is what Foundation writes and recognises as nil.

// MARK: - Public API

public struct PlistValueEncoder: Sendable {
    public init() {}

    public func encode<T: Encodable>(_ value: T) throws -> PlistValue {
        if let v = try _PlistBox.primitive(value) { return v }
        let enc = _PlistEncoderImpl(node: .root)
        try value.encode(to: enc)
        guard let result = enc.finish() else {
            throw EncodingError.invalidValue(value, EncodingError.Context(
                codingPath: [], debugDescription: "Top-level \(T.self) did not encode any values."))
        }
        return result
    }
}

public struct PlistValueDecoder: Sendable {
    public init() {}

    public func decode<T: Decodable>(_ type: T.Type, from value: PlistValue) throws -> T {
        try _PlistUnbox.generic(value, T.self, node: .root)
    }
}

/// Encodes values as bplist00 straight through `PlistWriter`: types with a typed conformance
/// (`PlistEncodable`: the store's files and model records) are written by it, anything else through
/// Codable over the same writer. Foundation and Python's plistlib read the result.
public struct BinaryPlistEncoder: Sendable {
    public init() {}

    public func encode<T: Encodable>(_ value: T) throws -> Data {
        var w = PlistWriter()
        let top = try w.codable(value)
        return w.finish(top: top)
    }
}

/// Decodes bplist00 straight from the bytes through `PlistReader` (no tree): types with a typed
/// conformance (`PlistDecodable`) are read by it, anything else through Codable over the same reader.
/// Malformed input throws (`PlistDecodeError`, or `DecodingError` inside Codable types), never traps.
public struct BinaryPlistDecoder: Sendable {
    public init() {}

    public func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try data.withUnsafeBytes { buf in
            var r = try PlistReader(buf)
            do { return try r.codable(T.self, r.top) } catch let e as PlistDecodeError { throw e.inside("\(T.self)") }
        }
    }
}

// MARK: - Coding path

/// Lazily materialised coding path (a linked list towards the root).
enum _PathNode {
    case root
    indirect case node(_PathNode, any CodingKey)

    @inline(__always)
    func appending(_ key: any CodingKey) -> _PathNode { .node(self, key) }

    @inline(__always)
    func appending(index: Int) -> _PathNode { .node(self, _PlistKey(index: index)) }

    var path: [any CodingKey] {
        var keys: [any CodingKey] = []
        var n = self
        while case .node(let parent, let key) = n {
            keys.append(key)
            n = parent
        }
        return keys.reversed()
    }
}

struct _PlistKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue; self.intValue = nil }
    init(intValue: Int) { self.stringValue = "Index \(intValue)"; self.intValue = intValue }
    init(index: Int) { self.init(intValue: index) }
    static let superKey = _PlistKey(stringValue: "super")
}

let _plistNull = "$null"

// MARK: - Encoding

/// Boxing of primitive values (no sub-encoder needed).
enum _PlistBox {
    @inline(__always)
    static func int<T: FixedWidthInteger>(_ x: T, _ path: @autoclosure () -> [any CodingKey]) throws -> PlistValue {
        guard let i = Int64(exactly: x) else {
            throw EncodingError.invalidValue(x, EncodingError.Context(
                codingPath: path(), debugDescription: "\(T.self) value \(x) does not fit in a 64-bit signed plist integer."))
        }
        return .int(i)
    }

    /// Fast path for values that map directly to a PlistValue; nil => needs a real encoder.
    @inline(__always)
    static func primitive<T: Encodable>(_ value: T) throws -> PlistValue? {
        if T.self == String.self, let v = value as? String { return .string(v) }
        if T.self == Int.self, let v = value as? Int { return .int(Int64(v)) }
        if T.self == Date.self, let v = value as? Date { return .date(v) }
        if T.self == Data.self, let v = value as? Data { return .data(v) }
        if T.self == Double.self, let v = value as? Double { return .real(v) }
        if T.self == Bool.self, let v = value as? Bool { return .bool(v) }
        if T.self == Int64.self, let v = value as? Int64 { return .int(v) }
        return nil
    }

    static func generic<T: Encodable>(_ value: T, node: @autoclosure () -> _PathNode) throws -> PlistValue {
        if let v = try primitive(value) { return v }
        let enc = _PlistEncoderImpl(node: node())
        try value.encode(to: enc)
        // A value that encoded nothing becomes an empty dictionary, like Foundation.
        return enc.finish() ?? .dict([:])
    }
}

final class _DictRef {
    var values: [String: PlistValue] = [:]
    var deferred: [(String, _Deferred)] = []

    func finish() -> [String: PlistValue] {
        if deferred.isEmpty { return values }
        var out = values
        for (k, d) in deferred { out[k] = d.finish() }
        return out
    }
}

final class _ArrayRef {
    var values: [PlistValue] = []
    var deferred: [(Int, _Deferred)] = []

    func finish() -> [PlistValue] {
        if deferred.isEmpty { return values }
        var out = values
        for (i, d) in deferred { out[i] = d.finish() }
        return out
    }
}

/// A nested container or super-encoder whose contents are only known once encoding of the parent finishes.
enum _Deferred {
    case dict(_DictRef)
    case array(_ArrayRef)
    case encoder(_PlistEncoderImpl)

    func finish() -> PlistValue {
        switch self {
        case .dict(let r): return .dict(r.finish())
        case .array(let r): return .array(r.finish())
        case .encoder(let e): return e.finish() ?? .dict([:])
        }
    }
}

final class _PlistEncoderImpl: Encoder, SingleValueEncodingContainer {
    enum Storage {
        case empty
        case value(PlistValue)
        case dict(_DictRef)
        case array(_ArrayRef)
    }

    let node: _PathNode
    var storage: Storage = .empty

    init(node: _PathNode) { self.node = node }

    var codingPath: [any CodingKey] { node.path }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func finish() -> PlistValue? {
        switch storage {
        case .empty: return nil
        case .value(let v): return v
        case .dict(let r): return .dict(r.finish())
        case .array(let r): return .array(r.finish())
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let ref: _DictRef
        if case .dict(let r) = storage {
            ref = r
        } else {
            ref = _DictRef()
            storage = .dict(ref)
        }
        return KeyedEncodingContainer(_KeyedEnc<Key>(ref: ref, node: node))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let ref: _ArrayRef
        if case .array(let r) = storage {
            ref = r
        } else {
            ref = _ArrayRef()
            storage = .array(ref)
        }
        return _UnkeyedEnc(ref: ref, node: node)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { self }

    // SingleValueEncodingContainer
    func encodeNil() throws { storage = .value(.string(_plistNull)) }
    func encode(_ value: Bool) throws { storage = .value(.bool(value)) }
    func encode(_ value: String) throws { storage = .value(.string(value)) }
    func encode(_ value: Double) throws { storage = .value(.real(value)) }
    func encode(_ value: Float) throws { storage = .value(.real(Double(value))) }
    func encode(_ value: Int) throws { storage = .value(.int(Int64(value))) }
    func encode(_ value: Int8) throws { storage = .value(.int(Int64(value))) }
    func encode(_ value: Int16) throws { storage = .value(.int(Int64(value))) }
    func encode(_ value: Int32) throws { storage = .value(.int(Int64(value))) }
    func encode(_ value: Int64) throws { storage = .value(.int(value)) }
    func encode(_ value: UInt) throws { storage = .value(try _PlistBox.int(value, self.codingPath)) }
    func encode(_ value: UInt8) throws { storage = .value(.int(Int64(value))) }
    func encode(_ value: UInt16) throws { storage = .value(.int(Int64(value))) }
    func encode(_ value: UInt32) throws { storage = .value(.int(Int64(value))) }
    func encode(_ value: UInt64) throws { storage = .value(try _PlistBox.int(value, self.codingPath)) }
    func encode<T: Encodable>(_ value: T) throws {
        if let v = try _PlistBox.primitive(value) {
            storage = .value(v)
        } else {
            // Encode in place: the value's containers become this encoder's storage.
            storage = .empty
            try value.encode(to: self)
            if case .empty = storage { storage = .value(.dict([:])) }
        }
    }
}

struct _KeyedEnc<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let ref: _DictRef
    let node: _PathNode

    var codingPath: [any CodingKey] { node.path }

    @inline(__always)
    private func set(_ v: PlistValue, _ key: Key) { ref.values[key.stringValue] = v }

    mutating func encodeNil(forKey key: Key) throws { set(.string(_plistNull), key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { set(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { set(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { set(.real(value), key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { set(.real(Double(value)), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { set(.int(Int64(value)), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { set(.int(Int64(value)), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { set(.int(Int64(value)), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { set(.int(Int64(value)), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { set(.int(value), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws {
        set(try _PlistBox.int(value, node.appending(key).path), key)
    }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { set(.int(Int64(value)), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { set(.int(Int64(value)), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { set(.int(Int64(value)), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws {
        set(try _PlistBox.int(value, node.appending(key).path), key)
    }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        set(try _PlistBox.generic(value, node: node.appending(key)), key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let r = _DictRef()
        ref.deferred.append((key.stringValue, .dict(r)))
        return KeyedEncodingContainer(_KeyedEnc<NestedKey>(ref: r, node: node.appending(key)))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let r = _ArrayRef()
        ref.deferred.append((key.stringValue, .array(r)))
        return _UnkeyedEnc(ref: r, node: node.appending(key))
    }

    mutating func superEncoder() -> any Encoder {
        let e = _PlistEncoderImpl(node: node.appending(_PlistKey.superKey))
        ref.deferred.append((_PlistKey.superKey.stringValue, .encoder(e)))
        return e
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let e = _PlistEncoderImpl(node: node.appending(key))
        ref.deferred.append((key.stringValue, .encoder(e)))
        return e
    }
}

struct _UnkeyedEnc: UnkeyedEncodingContainer {
    let ref: _ArrayRef
    let node: _PathNode

    var codingPath: [any CodingKey] { node.path }
    var count: Int { ref.values.count }

    @inline(__always)
    private func add(_ v: PlistValue) { ref.values.append(v) }

    mutating func encodeNil() throws { add(.string(_plistNull)) }
    mutating func encode(_ value: Bool) throws { add(.bool(value)) }
    mutating func encode(_ value: String) throws { add(.string(value)) }
    mutating func encode(_ value: Double) throws { add(.real(value)) }
    mutating func encode(_ value: Float) throws { add(.real(Double(value))) }
    mutating func encode(_ value: Int) throws { add(.int(Int64(value))) }
    mutating func encode(_ value: Int8) throws { add(.int(Int64(value))) }
    mutating func encode(_ value: Int16) throws { add(.int(Int64(value))) }
    mutating func encode(_ value: Int32) throws { add(.int(Int64(value))) }
    mutating func encode(_ value: Int64) throws { add(.int(value)) }
    mutating func encode(_ value: UInt) throws {
        add(try _PlistBox.int(value, node.appending(index: count).path))
    }
    mutating func encode(_ value: UInt8) throws { add(.int(Int64(value))) }
    mutating func encode(_ value: UInt16) throws { add(.int(Int64(value))) }
    mutating func encode(_ value: UInt32) throws { add(.int(Int64(value))) }
    mutating func encode(_ value: UInt64) throws {
        add(try _PlistBox.int(value, node.appending(index: count).path))
    }
    mutating func encode<T: Encodable>(_ value: T) throws {
        add(try _PlistBox.generic(value, node: node.appending(index: count)))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let r = _DictRef()
        let i = count
        ref.values.append(.dict([:]))
        ref.deferred.append((i, .dict(r)))
        return KeyedEncodingContainer(_KeyedEnc<NestedKey>(ref: r, node: node.appending(index: i)))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let r = _ArrayRef()
        let i = count
        ref.values.append(.array([]))
        ref.deferred.append((i, .array(r)))
        return _UnkeyedEnc(ref: r, node: node.appending(index: i))
    }

    mutating func superEncoder() -> any Encoder {
        let i = count
        let e = _PlistEncoderImpl(node: node.appending(index: i))
        ref.values.append(.dict([:]))
        ref.deferred.append((i, .encoder(e)))
        return e
    }
}

// MARK: - Decoding

@inline(__always)
private func _describe(_ v: PlistValue) -> String {
    switch v {
    case .bool: return "a boolean"
    case .int: return "an integer"
    case .real: return "a real number"
    case .date: return "a date"
    case .data: return "data"
    case .string(let s): return s == _plistNull ? "null (\"$null\")" : "a string"
    case .array: return "an array"
    case .dict: return "a dictionary"
    }
}

enum _PlistUnbox {
    static func mismatch<T>(_ type: T.Type, _ v: PlistValue, _ path: [any CodingKey]) -> DecodingError {
        if case .string(let s) = v, s == _plistNull {
            return DecodingError.valueNotFound(type, DecodingError.Context(
                codingPath: path, debugDescription: "Expected \(type) value but found null instead."))
        }
        return DecodingError.typeMismatch(type, DecodingError.Context(
            codingPath: path, debugDescription: "Expected to decode \(type) but found \(_describe(v)) instead."))
    }

    @inline(__always)
    static func isNull(_ v: PlistValue) -> Bool {
        if case .string(let s) = v { return s == _plistNull }
        return false
    }

    @inline(__always)
    static func bool(_ v: PlistValue, _ path: @autoclosure () -> [any CodingKey]) throws -> Bool {
        guard case .bool(let b) = v else { throw mismatch(Bool.self, v, path()) }
        return b
    }

    @inline(__always)
    static func string(_ v: PlistValue, _ path: @autoclosure () -> [any CodingKey]) throws -> String {
        guard case .string(let s) = v else { throw mismatch(String.self, v, path()) }
        return s
    }

    @inline(__always)
    static func double(_ v: PlistValue, _ path: @autoclosure () -> [any CodingKey]) throws -> Double {
        switch v {
        case .real(let d): return d
        case .int(let i): return Double(i)
        default: throw mismatch(Double.self, v, path())
        }
    }

    @inline(__always)
    static func float(_ v: PlistValue, _ path: @autoclosure () -> [any CodingKey]) throws -> Float {
        let d = try double(v, path())
        let f = Float(d)
        if d.isFinite && !f.isFinite {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: path(), debugDescription: "Parsed property list number <\(d)> does not fit in Float."))
        }
        return f
    }

    @inline(__always)
    static func int<T: FixedWidthInteger>(_ v: PlistValue, _ type: T.Type, _ path: @autoclosure () -> [any CodingKey]) throws -> T {
        switch v {
        case .int(let i):
            if let r = T(exactly: i) { return r }
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: path(), debugDescription: "Parsed property list number <\(i)> does not fit in \(T.self)."))
        case .real(let d):
            if let r = T(exactly: d) { return r }
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: path(), debugDescription: "Parsed property list number <\(d)> does not fit in \(T.self)."))
        default:
            throw mismatch(T.self, v, path())
        }
    }

    static func generic<T: Decodable>(_ v: PlistValue, _ type: T.Type, node: @autoclosure () -> _PathNode) throws -> T {
        if T.self == String.self {
            guard case .string(let s) = v else { throw mismatch(T.self, v, node().path) }
            if let r = s as? T { return r }
        } else if T.self == Date.self {
            guard case .date(let d) = v else { throw mismatch(T.self, v, node().path) }
            if let r = d as? T { return r }
        } else if T.self == Data.self {
            guard case .data(let d) = v else { throw mismatch(T.self, v, node().path) }
            if let r = d as? T { return r }
        } else if T.self == Int.self {
            if let r = try int(v, Int.self, node().path) as? T { return r }
        } else if T.self == Double.self {
            if let r = try double(v, node().path) as? T { return r }
        }
        return try T(from: _PlistDecoderImpl(value: v, node: node()))
    }
}

final class _PlistDecoderImpl: Decoder, SingleValueDecodingContainer {
    let value: PlistValue
    let node: _PathNode

    init(value: PlistValue, node: _PathNode) {
        self.value = value
        self.node = node
    }

    var codingPath: [any CodingKey] { node.path }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .dict(let d) = value else {
            throw _PlistUnbox.mismatch([String: Any].self, value, node.path)
        }
        return KeyedDecodingContainer(_KeyedDec<Key>(dict: d, node: node))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let a) = value else {
            throw _PlistUnbox.mismatch([Any].self, value, node.path)
        }
        return _UnkeyedDec(array: a, node: node)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    // SingleValueDecodingContainer
    func decodeNil() -> Bool { _PlistUnbox.isNull(value) }
    func decode(_ type: Bool.Type) throws -> Bool { try _PlistUnbox.bool(value, self.codingPath) }
    func decode(_ type: String.Type) throws -> String { try _PlistUnbox.string(value, self.codingPath) }
    func decode(_ type: Double.Type) throws -> Double { try _PlistUnbox.double(value, self.codingPath) }
    func decode(_ type: Float.Type) throws -> Float { try _PlistUnbox.float(value, self.codingPath) }
    func decode(_ type: Int.Type) throws -> Int { try _PlistUnbox.int(value, type, self.codingPath) }
    func decode(_ type: Int8.Type) throws -> Int8 { try _PlistUnbox.int(value, type, self.codingPath) }
    func decode(_ type: Int16.Type) throws -> Int16 { try _PlistUnbox.int(value, type, self.codingPath) }
    func decode(_ type: Int32.Type) throws -> Int32 { try _PlistUnbox.int(value, type, self.codingPath) }
    func decode(_ type: Int64.Type) throws -> Int64 { try _PlistUnbox.int(value, type, self.codingPath) }
    func decode(_ type: UInt.Type) throws -> UInt { try _PlistUnbox.int(value, type, self.codingPath) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try _PlistUnbox.int(value, type, self.codingPath) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try _PlistUnbox.int(value, type, self.codingPath) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try _PlistUnbox.int(value, type, self.codingPath) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try _PlistUnbox.int(value, type, self.codingPath) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self == Date.self || T.self == Data.self {
            return try _PlistUnbox.generic(value, type, node: node)
        }
        // Decode in place (same value, same path) without allocating another decoder.
        return try T(from: self)
    }
}

struct _KeyedDec<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let dict: [String: PlistValue]
    let node: _PathNode

    var codingPath: [any CodingKey] { node.path }
    var allKeys: [Key] { dict.keys.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { dict[key.stringValue] != nil }

    @inline(__always)
    private func path(_ key: Key) -> [any CodingKey] { node.appending(key).path }

    @inline(__always)
    private func value(_ key: Key) throws -> PlistValue {
        guard let v = dict[key.stringValue] else {
            throw DecodingError.keyNotFound(key, DecodingError.Context(
                codingPath: node.path,
                debugDescription: "No value associated with key \(key) (\"\(key.stringValue)\")."))
        }
        return v
    }

    /// nil if the key is absent or holds the "$null" marker.
    @inline(__always)
    private func present(_ key: Key) -> PlistValue? {
        guard let v = dict[key.stringValue], !_PlistUnbox.isNull(v) else { return nil }
        return v
    }

    func decodeNil(forKey key: Key) throws -> Bool { _PlistUnbox.isNull(try value(key)) }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try _PlistUnbox.bool(try value(key), path(key)) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try _PlistUnbox.string(try value(key), path(key)) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try _PlistUnbox.double(try value(key), path(key)) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try _PlistUnbox.float(try value(key), path(key)) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try _PlistUnbox.int(try value(key), type, path(key)) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try _PlistUnbox.int(try value(key), type, path(key)) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try _PlistUnbox.int(try value(key), type, path(key)) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try _PlistUnbox.int(try value(key), type, path(key)) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try _PlistUnbox.int(try value(key), type, path(key)) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try _PlistUnbox.int(try value(key), type, path(key)) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try _PlistUnbox.int(try value(key), type, path(key)) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try _PlistUnbox.int(try value(key), type, path(key)) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try _PlistUnbox.int(try value(key), type, path(key)) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try _PlistUnbox.int(try value(key), type, path(key)) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try _PlistUnbox.generic(try value(key), type, node: node.appending(key))
    }

    // Single-lookup decodeIfPresent overloads (the defaults do contains + decodeNil + decode).
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
        guard let v = present(key) else { return nil }
        return try _PlistUnbox.bool(v, path(key))
    }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        guard let v = present(key) else { return nil }
        return try _PlistUnbox.string(v, path(key))
    }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? {
        guard let v = present(key) else { return nil }
        return try _PlistUnbox.double(v, path(key))
    }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? {
        guard let v = present(key) else { return nil }
        return try _PlistUnbox.float(v, path(key))
    }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
        guard let v = present(key) else { return nil }
        return try _PlistUnbox.int(v, type, path(key))
    }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? {
        guard let v = present(key) else { return nil }
        return try _PlistUnbox.int(v, type, path(key))
    }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let v = present(key) else { return nil }
        return try _PlistUnbox.generic(v, type, node: node.appending(key))
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        let v = try value(key)
        guard case .dict(let d) = v else { throw _PlistUnbox.mismatch([String: Any].self, v, path(key)) }
        return KeyedDecodingContainer(_KeyedDec<NestedKey>(dict: d, node: node.appending(key)))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        let v = try value(key)
        guard case .array(let a) = v else { throw _PlistUnbox.mismatch([Any].self, v, path(key)) }
        return _UnkeyedDec(array: a, node: node.appending(key))
    }

    func superDecoder() throws -> any Decoder {
        _PlistDecoderImpl(value: dict[_PlistKey.superKey.stringValue] ?? .string(_plistNull),
                          node: node.appending(_PlistKey.superKey))
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        _PlistDecoderImpl(value: dict[key.stringValue] ?? .string(_plistNull), node: node.appending(key))
    }
}

struct _UnkeyedDec: UnkeyedDecodingContainer {
    let array: [PlistValue]
    let node: _PathNode
    var currentIndex: Int = 0

    init(array: [PlistValue], node: _PathNode) {
        self.array = array
        self.node = node
    }

    var codingPath: [any CodingKey] { node.path }
    var count: Int? { array.count }
    var isAtEnd: Bool { currentIndex >= array.count }

    private var here: [any CodingKey] { node.appending(index: currentIndex).path }

    @inline(__always)
    private func peek<T>(_ type: T.Type) throws -> PlistValue {
        guard currentIndex < array.count else {
            throw DecodingError.valueNotFound(type, DecodingError.Context(
                codingPath: here, debugDescription: "Unkeyed container is at end."))
        }
        return array[currentIndex]
    }

    mutating func decodeNil() throws -> Bool {
        let v = try peek(Any?.self)
        if _PlistUnbox.isNull(v) {
            currentIndex += 1
            return true
        }
        return false
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool {
        let r = try _PlistUnbox.bool(try peek(type), here); currentIndex += 1; return r
    }
    mutating func decode(_ type: String.Type) throws -> String {
        let r = try _PlistUnbox.string(try peek(type), here); currentIndex += 1; return r
    }
    mutating func decode(_ type: Double.Type) throws -> Double {
        let r = try _PlistUnbox.double(try peek(type), here); currentIndex += 1; return r
    }
    mutating func decode(_ type: Float.Type) throws -> Float {
        let r = try _PlistUnbox.float(try peek(type), here); currentIndex += 1; return r
    }
    mutating func decode(_ type: Int.Type) throws -> Int { try decodeInt(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try decodeInt(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try decodeInt(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try decodeInt(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try decodeInt(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try decodeInt(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try decodeInt(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try decodeInt(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try decodeInt(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try decodeInt(type) }

    @inline(__always)
    private mutating func decodeInt<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        let r = try _PlistUnbox.int(try peek(type), type, here)
        currentIndex += 1
        return r
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let v = try peek(type)
        let r = try _PlistUnbox.generic(v, type, node: node.appending(index: currentIndex))
        currentIndex += 1
        return r
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let v = try peek([String: Any].self)
        guard case .dict(let d) = v else { throw _PlistUnbox.mismatch([String: Any].self, v, here) }
        let c = _KeyedDec<NestedKey>(dict: d, node: node.appending(index: currentIndex))
        currentIndex += 1
        return KeyedDecodingContainer(c)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let v = try peek([Any].self)
        guard case .array(let a) = v else { throw _PlistUnbox.mismatch([Any].self, v, here) }
        let c = _UnkeyedDec(array: a, node: node.appending(index: currentIndex))
        currentIndex += 1
        return c
    }

    mutating func superDecoder() throws -> any Decoder {
        let v = try peek((any Decoder).self)
        let d = _PlistDecoderImpl(value: v, node: node.appending(index: currentIndex))
        currentIndex += 1
        return d
    }
}
