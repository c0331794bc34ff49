import Foundation

// A Codable Encoder writing directly through `PlistWriter` (no intermediate tree), for the types
// left on Codable. Scalars are written as they are encoded; containers collect their children's
// object ids and are closed when the value is done, so nested containers may be filled in any
// order. A nested value whose type has a typed conformance (`PlistEncodable`) is written by it.
// Conventions follow Foundation's PropertyListEncoder: nil optionals are omitted, an explicit nil
// is the string "$null", a value that encodes nothing is an empty dictionary.

/// The writer shared by the encoder and its containers.
final class _WriterBox {
    var w: PlistWriter
    init(_ w: PlistWriter) { self.w = w }
}

extension PlistWriter {
    /// A writer holding nothing yet (to swap into a box without copying buffers).
    init(placeholder: Void) {}

    /// Adds `key: value`, writing `value` through its Codable conformance.
    public mutating func codableField<T: Encodable>(_ key: StaticString, _ value: T) throws {
        let v = try codable(value)
        add(key: self.key(key), v)
    }

    /// Writes `value` through Codable (typed conformances of nested values are used); returns its id.
    public mutating func codable<T: Encodable>(_ value: T) throws -> Int {
        let box = _WriterBox(PlistWriter(placeholder: ()))
        swap(&self, &box.w)
        defer { swap(&self, &box.w) }
        return try _WBox.encode(value, box, node: .root)
    }
}

/// A child slot of a container: written already, or a container/encoder closed at the end.
enum _WSlot {
    case id(Int)
    case dict(_WDict)
    case array(_WArray)
    case encoder(_WEncoder)

    func finish(_ box: _WriterBox) -> Int {
        switch self {
        case .id(let i): return i
        case .dict(let d): return d.finish(box)
        case .array(let a): return a.finish(box)
        case .encoder(let e): return e.finish()
        }
    }
}

final class _WDict {
    var entries: [(key: String, value: _WSlot)] = []

    func finish(_ box: _WriterBox) -> Int {
        // A key encoded twice keeps its last value, as in Foundation.
        var seen = Set<String>()
        var ids: [(Int, Int)] = []
        ids.reserveCapacity(entries.count)
        for (k, v) in entries.reversed() where seen.insert(k).inserted {
            let vid = v.finish(box)
            ids.append((box.w.string(k), vid))
        }
        let m = box.w.begin()
        for (k, v) in ids.reversed() { box.w.add(key: k, v) }
        return box.w.endDictionary(m)
    }
}

final class _WArray {
    var items: [_WSlot] = []

    func finish(_ box: _WriterBox) -> Int {
        let ids = items.map { $0.finish(box) }
        let m = box.w.begin()
        for i in ids { box.w.add(i) }
        return box.w.endArray(m)
    }
}

enum _WBox {
    static func encode<T: Encodable>(_ value: T, _ box: _WriterBox, node: @autoclosure () -> _PathNode) throws -> Int {
        if let p = value as? any PlistEncodable { return try p.encode(plist: &box.w) }
        let enc = _WEncoder(box, node: node())
        try value.encode(to: enc)
        return enc.finish()
    }

    static func int<T: FixedWidthInteger>(_ x: T, _ box: _WriterBox, _ path: @autoclosure () -> [any CodingKey]) throws -> Int {
        guard let i = Int64(exactly: x) else {
            throw EncodingError.invalidValue(x, EncodingError.Context(
                codingPath: path(), debugDescription: "\(T.self) value \(x) does not fit in a 64-bit signed plist integer."))
        }
        return box.w.int(i)
    }
}

final class _WEncoder: Encoder, SingleValueEncodingContainer {
    let box: _WriterBox
    let node: _PathNode
    var storage: _WSlot?

    init(_ box: _WriterBox, node: _PathNode) { self.box = box; self.node = node }

    var codingPath: [any CodingKey] { node.path }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func finish() -> Int {
        guard let storage else {
            let m = box.w.begin()
            return box.w.endDictionary(m)
        }
        return storage.finish(box)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .dict(let d) = storage { return KeyedEncodingContainer(_WKeyed<Key>(box: box, dict: d, node: node)) }
        let d = _WDict()
        storage = .dict(d)
        return KeyedEncodingContainer(_WKeyed<Key>(box: box, dict: d, node: node))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array(let a) = storage { return _WUnkeyed(box: box, array: a, node: node) }
        let a = _WArray()
        storage = .array(a)
        return _WUnkeyed(box: box, array: a, node: node)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { self }

    func encodeNil() throws { storage = .id(box.w.string(_plistNull)) }
    func encode(_ value: Bool) throws { storage = .id(box.w.bool(value)) }
    func encode(_ value: String) throws { storage = .id(box.w.string(value)) }
    func encode(_ value: Double) throws { storage = .id(box.w.double(value)) }
    func encode(_ value: Float) throws { storage = .id(box.w.double(Double(value))) }
    func encode(_ value: Int) throws { storage = .id(box.w.int(Int64(value))) }
    func encode(_ value: Int8) throws { storage = .id(box.w.int(Int64(value))) }
    func encode(_ value: Int16) throws { storage = .id(box.w.int(Int64(value))) }
    func encode(_ value: Int32) throws { storage = .id(box.w.int(Int64(value))) }
    func encode(_ value: Int64) throws { storage = .id(box.w.int(value)) }
    func encode(_ value: UInt) throws { storage = .id(try _WBox.int(value, box, codingPath)) }
    func encode(_ value: UInt8) throws { storage = .id(box.w.int(Int64(value))) }
    func encode(_ value: UInt16) throws { storage = .id(box.w.int(Int64(value))) }
    func encode(_ value: UInt32) throws { storage = .id(box.w.int(Int64(value))) }
    func encode(_ value: UInt64) throws { storage = .id(try _WBox.int(value, box, codingPath)) }
    func encode<T: Encodable>(_ value: T) throws {
        if let p = value as? any PlistEncodable {
            storage = .id(try p.encode(plist: &box.w))
        } else {
            // Encode in place: the value's containers become this encoder's storage.
            storage = nil
            try value.encode(to: self)
        }
    }
}

struct _WKeyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: _WriterBox
    let dict: _WDict
    let node: _PathNode

    var codingPath: [any CodingKey] { node.path }

    @inline(__always)
    private func set(_ id: Int, _ key: Key) { dict.entries.append((key.stringValue, .id(id))) }

    mutating func encodeNil(forKey key: Key) throws { set(box.w.string(_plistNull), key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { set(box.w.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { set(box.w.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { set(box.w.double(value), key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { set(box.w.double(Double(value)), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { set(box.w.int(Int64(value)), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { set(box.w.int(Int64(value)), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { set(box.w.int(Int64(value)), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { set(box.w.int(Int64(value)), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { set(box.w.int(value), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { set(try _WBox.int(value, box, node.appending(key).path), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { set(box.w.int(Int64(value)), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { set(box.w.int(Int64(value)), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { set(box.w.int(Int64(value)), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { set(try _WBox.int(value, box, node.appending(key).path), key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        set(try _WBox.encode(value, box, node: node.appending(key)), key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let d = _WDict()
        dict.entries.append((key.stringValue, .dict(d)))
        return KeyedEncodingContainer(_WKeyed<NestedKey>(box: box, dict: d, node: node.appending(key)))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let a = _WArray()
        dict.entries.append((key.stringValue, .array(a)))
        return _WUnkeyed(box: box, array: a, node: node.appending(key))
    }

    mutating func superEncoder() -> any Encoder {
        let e = _WEncoder(box, node: node.appending(_PlistKey.superKey))
        dict.entries.append((_PlistKey.superKey.stringValue, .encoder(e)))
        return e
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let e = _WEncoder(box, node: node.appending(key))
        dict.entries.append((key.stringValue, .encoder(e)))
        return e
    }
}

struct _WUnkeyed: UnkeyedEncodingContainer {
    let box: _WriterBox
    let array: _WArray
    let node: _PathNode

    var codingPath: [any CodingKey] { node.path }
    var count: Int { array.items.count }

    @inline(__always)
    private func add(_ id: Int) { array.items.append(.id(id)) }

    mutating func encodeNil() throws { add(box.w.string(_plistNull)) }
    mutating func encode(_ value: Bool) throws { add(box.w.bool(value)) }
    mutating func encode(_ value: String) throws { add(box.w.string(value)) }
    mutating func encode(_ value: Double) throws { add(box.w.double(value)) }
    mutating func encode(_ value: Float) throws { add(box.w.double(Double(value))) }
    mutating func encode(_ value: Int) throws { add(box.w.int(Int64(value))) }
    mutating func encode(_ value: Int8) throws { add(box.w.int(Int64(value))) }
    mutating func encode(_ value: Int16) throws { add(box.w.int(Int64(value))) }
    mutating func encode(_ value: Int32) throws { add(box.w.int(Int64(value))) }
    mutating func encode(_ value: Int64) throws { add(box.w.int(value)) }
    mutating func encode(_ value: UInt) throws { add(try _WBox.int(value, box, node.appending(index: count).path)) }
    mutating func encode(_ value: UInt8) throws { add(box.w.int(Int64(value))) }
    mutating func encode(_ value: UInt16) throws { add(box.w.int(Int64(value))) }
    mutating func encode(_ value: UInt32) throws { add(box.w.int(Int64(value))) }
    mutating func encode(_ value: UInt64) throws { add(try _WBox.int(value, box, node.appending(index: count).path)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        add(try _WBox.encode(value, box, node: node.appending(index: count)))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let d = _WDict()
        let n = node.appending(index: count)
        array.items.append(.dict(d))
        return KeyedEncodingContainer(_WKeyed<NestedKey>(box: box, dict: d, node: n))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let a = _WArray()
        let n = node.appending(index: count)
        array.items.append(.array(a))
        return _WUnkeyed(box: box, array: a, node: n)
    }

    mutating func superEncoder() -> any Encoder {
        let e = _WEncoder(box, node: node.appending(index: count))
        array.items.append(.encoder(e))
        return e
    }
}
