import Foundation

// A Codable Decoder working directly on `PlistReader` (no intermediate tree), for the types left
// on Codable (the `Change` enum in journal records, meta, hooks). A nested value whose type has a
// typed conformance (`PlistDecodable`) is read by it. Errors are `DecodingError`s with the coding
// path, as Foundation's decoder throws; typed parts throw `PlistDecodeError`.

/// The reader shared by the decoder and its containers.
final class _ReaderBox {
    var r: PlistReader
    init(_ r: PlistReader) { self.r = r }
}

extension PlistReader {
    /// Reads entry `e` through the type's Codable conformance (over this reader, no tree).
    public mutating func codable<T: Decodable>(_ e: PlistEntry) throws -> T {
        do { return try codable(T.self, e.value) } catch { throw Self.wrap(error, e.key) }
    }

    /// Reads object `ref` as `T` through Codable, dispatching to typed conformances where they exist.
    public mutating func codable<T: Decodable>(_ type: T.Type, _ ref: Int) throws -> T {
        let box = _ReaderBox(self)
        defer { self = box.r }
        return try _RUnbox.decode(T.self, box, ref, node: .root, depth: depth)
    }
}

enum _RUnbox {
    static func decode<T: Decodable>(_ type: T.Type, _ box: _ReaderBox, _ ref: Int,
                                     node: @autoclosure () -> _PathNode, depth: Int) throws -> T {
        if let P = T.self as? any PlistDecodable.Type {
            var r = box.r
            let v = try P.init(plist: &r, ref)
            box.r = r
            if let t = v as? T { return t }
        }
        guard depth < BinaryPlist.maxDepth else {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: node().path, debugDescription: "Nesting deeper than \(BinaryPlist.maxDepth)."))
        }
        return try T(from: _RDecoder(box, ref, node: node(), depth: depth &+ 1))
    }

    static func mismatch<T>(_ type: T.Type, _ box: _ReaderBox, _ ref: Int, _ path: [any CodingKey]) -> DecodingError {
        if (try? box.r.isNull(ref)) == true {
            return DecodingError.valueNotFound(type, DecodingError.Context(
                codingPath: path, debugDescription: "Expected \(type) value but found null instead."))
        }
        return DecodingError.typeMismatch(type, DecodingError.Context(
            codingPath: path, debugDescription: "Expected to decode \(type) but found \(box.r.kind(ref)) instead."))
    }

    /// A primitive read with the reader's error turned into a DecodingError at `path`.
    @inline(__always)
    static func scalar<T>(_ type: T.Type, _ box: _ReaderBox, _ ref: Int, _ path: @autoclosure () -> [any CodingKey],
                          _ read: (inout PlistReader) throws(PlistDecodeError) -> T) throws -> T {
        do { return try read(&box.r) } catch {
            if error.problem.hasPrefix("expected") { throw mismatch(type, box, ref, path()) }
            throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: path(), debugDescription: error.description, underlyingError: error))
        }
    }

    static func int<T: FixedWidthInteger>(_ type: T.Type, _ box: _ReaderBox, _ ref: Int, _ path: @autoclosure () -> [any CodingKey]) throws -> T {
        let v = try scalar(Int64.self, box, ref, path()) { r throws(PlistDecodeError) in try r.int64(ref) }
        guard let t = T(exactly: v) else {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: path(), debugDescription: "Parsed property list number <\(v)> does not fit in \(T.self)."))
        }
        return t
    }

    static func float(_ box: _ReaderBox, _ ref: Int, _ path: @autoclosure () -> [any CodingKey]) throws -> Float {
        let d = try scalar(Double.self, box, ref, path()) { r throws(PlistDecodeError) in try r.double(ref) }
        let f = Float(d)
        if d.isFinite && !f.isFinite {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: path(), debugDescription: "Parsed property list number <\(d)> does not fit in Float."))
        }
        return f
    }
}

final class _RDecoder: Decoder, SingleValueDecodingContainer {
    let box: _ReaderBox
    let ref: Int
    let node: _PathNode
    let depth: Int

    init(_ box: _ReaderBox, _ ref: Int, node: _PathNode, depth: Int) {
        self.box = box; self.ref = ref; self.node = node; self.depth = depth
    }

    var codingPath: [any CodingKey] { node.path }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(try _RKeyed<Key>(box, ref, node: node, depth: depth))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try _RUnkeyed(box, ref, node: node, depth: depth)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    func decodeNil() -> Bool { (try? box.r.isNull(ref)) ?? false }
    func decode(_ type: Bool.Type) throws -> Bool { try _RUnbox.scalar(type, box, ref, codingPath) { [ref] r throws(PlistDecodeError) in try r.bool(ref) } }
    func decode(_ type: String.Type) throws -> String { try _RUnbox.scalar(type, box, ref, codingPath) { [ref] r throws(PlistDecodeError) in try r.string(ref) } }
    func decode(_ type: Double.Type) throws -> Double { try _RUnbox.scalar(type, box, ref, codingPath) { [ref] r throws(PlistDecodeError) in try r.double(ref) } }
    func decode(_ type: Float.Type) throws -> Float { try _RUnbox.float(box, ref, codingPath) }
    func decode(_ type: Int.Type) throws -> Int { try _RUnbox.int(type, box, ref, codingPath) }
    func decode(_ type: Int8.Type) throws -> Int8 { try _RUnbox.int(type, box, ref, codingPath) }
    func decode(_ type: Int16.Type) throws -> Int16 { try _RUnbox.int(type, box, ref, codingPath) }
    func decode(_ type: Int32.Type) throws -> Int32 { try _RUnbox.int(type, box, ref, codingPath) }
    func decode(_ type: Int64.Type) throws -> Int64 { try _RUnbox.int(type, box, ref, codingPath) }
    func decode(_ type: UInt.Type) throws -> UInt { try _RUnbox.int(type, box, ref, codingPath) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try _RUnbox.int(type, box, ref, codingPath) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try _RUnbox.int(type, box, ref, codingPath) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try _RUnbox.int(type, box, ref, codingPath) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try _RUnbox.int(type, box, ref, codingPath) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self is any PlistDecodable.Type { return try _RUnbox.decode(type, box, ref, node: node, depth: depth) }
        // Decode in place (same object, same path).
        return try T(from: self)
    }
}

struct _RKeyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let box: _ReaderBox
    let node: _PathNode
    let depth: Int
    /// (key, value ref) in file order.
    let entries: [(String, Int)]
    /// Key -> value ref, built only for large dictionaries (Codable looks keys up one by one).
    let index: [String: Int]?

    init(_ box: _ReaderBox, _ ref: Int, node: _PathNode, depth: Int) throws {
        self.box = box; self.node = node; self.depth = depth
        var d: PlistDictionary
        do { d = try box.r.dictionary(ref) } catch {
            if error.problem.hasPrefix("expected") { throw _RUnbox.mismatch([String: Any].self, box, ref, node.path) }
            throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: node.path, debugDescription: error.description, underlyingError: error))
        }
        var entries: [(String, Int)] = []
        entries.reserveCapacity(d.count)
        do {
            while let e = try d.next(box.r) { entries.append((e.key.string, e.value)) }
        } catch {
            throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: node.path, debugDescription: error.description, underlyingError: error))
        }
        self.entries = entries
        if entries.count > 12 {
            var ix: [String: Int] = [:]
            for (k, v) in entries { ix[k] = v }
            index = ix
        } else {
            index = nil
        }
    }

    var codingPath: [any CodingKey] { node.path }
    var allKeys: [Key] { entries.compactMap { Key(stringValue: $0.0) } }

    @inline(__always)
    func lookup(_ key: Key) -> Int? {
        if let index { return index[key.stringValue] }
        let s = key.stringValue
        for (k, v) in entries.reversed() where k == s { return v }
        return nil
    }

    func contains(_ key: Key) -> Bool { lookup(key) != nil }

    @inline(__always)
    private func path(_ key: Key) -> [any CodingKey] { node.appending(key).path }

    @inline(__always)
    private func value(_ key: Key) throws -> Int {
        guard let v = lookup(key) else {
            throw DecodingError.keyNotFound(key, DecodingError.Context(
                codingPath: node.path, debugDescription: "No value associated with key \(key) (\"\(key.stringValue)\")."))
        }
        return v
    }

    func decodeNil(forKey key: Key) throws -> Bool { try box.r.isNull(try value(key)) }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
        let v = try value(key); return try _RUnbox.scalar(type, box, v, path(key)) { r throws(PlistDecodeError) in try r.bool(v) }
    }
    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        let v = try value(key); return try _RUnbox.scalar(type, box, v, path(key)) { r throws(PlistDecodeError) in try r.string(v) }
    }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
        let v = try value(key); return try _RUnbox.scalar(type, box, v, path(key)) { r throws(PlistDecodeError) in try r.double(v) }
    }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try _RUnbox.float(box, try value(key), path(key)) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try _RUnbox.int(type, box, try value(key), path(key)) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try _RUnbox.int(type, box, try value(key), path(key)) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try _RUnbox.int(type, box, try value(key), path(key)) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try _RUnbox.int(type, box, try value(key), path(key)) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try _RUnbox.int(type, box, try value(key), path(key)) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try _RUnbox.int(type, box, try value(key), path(key)) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try _RUnbox.int(type, box, try value(key), path(key)) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try _RUnbox.int(type, box, try value(key), path(key)) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try _RUnbox.int(type, box, try value(key), path(key)) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try _RUnbox.int(type, box, try value(key), path(key)) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try _RUnbox.decode(type, box, try value(key), node: node.appending(key), depth: depth)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try checkDepth(key)
        return KeyedDecodingContainer(try _RKeyed<NestedKey>(box, try value(key), node: node.appending(key), depth: depth &+ 1))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try checkDepth(key)
        return try _RUnkeyed(box, try value(key), node: node.appending(key), depth: depth &+ 1)
    }

    private func checkDepth(_ key: Key) throws {
        guard depth < BinaryPlist.maxDepth else {
            throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: path(key), debugDescription: "Nesting deeper than \(BinaryPlist.maxDepth)."))
        }
    }

    func superDecoder() throws -> any Decoder {
        guard let k = Key(stringValue: "super") else {
            throw DecodingError.keyNotFound(_PlistKey.superKey, DecodingError.Context(codingPath: node.path, debugDescription: "No \"super\" key."))
        }
        return try superDecoder(forKey: k)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        try checkDepth(key)
        return _RDecoder(box, try value(key), node: node.appending(key), depth: depth &+ 1)
    }
}

struct _RUnkeyed: UnkeyedDecodingContainer {
    let box: _ReaderBox
    let node: _PathNode
    let depth: Int
    let array: PlistArray
    var currentIndex = 0

    init(_ box: _ReaderBox, _ ref: Int, node: _PathNode, depth: Int) throws {
        self.box = box; self.node = node; self.depth = depth
        do { array = try box.r.array(ref) } catch {
            if error.problem.hasPrefix("expected") { throw _RUnbox.mismatch([Any].self, box, ref, node.path) }
            throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: node.path, debugDescription: error.description, underlyingError: error))
        }
    }

    var codingPath: [any CodingKey] { node.path }
    var count: Int? { array.count }
    var isAtEnd: Bool { currentIndex >= array.count }
    private var here: [any CodingKey] { node.appending(index: currentIndex).path }

    private func peek<T>(_ type: T.Type) throws -> Int {
        guard currentIndex < array.count else {
            throw DecodingError.valueNotFound(type, DecodingError.Context(codingPath: here, debugDescription: "Unkeyed container is at end."))
        }
        do { return try box.r.element(array, currentIndex) } catch {
            throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: here, debugDescription: error.description, underlyingError: error))
        }
    }

    mutating func decodeNil() throws -> Bool {
        if try box.r.isNull(try peek(Any?.self)) { currentIndex += 1; return true }
        return false
    }

    private mutating func next<T>(_ type: T.Type, _ read: (_ReaderBox, Int, [any CodingKey]) throws -> T) throws -> T {
        let v = try peek(type)
        let r = try read(box, v, here)
        currentIndex += 1
        return r
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try next(type) { b, v, p in try _RUnbox.scalar(type, b, v, p) { r throws(PlistDecodeError) in try r.bool(v) } } }
    mutating func decode(_ type: String.Type) throws -> String { try next(type) { b, v, p in try _RUnbox.scalar(type, b, v, p) { r throws(PlistDecodeError) in try r.string(v) } } }
    mutating func decode(_ type: Double.Type) throws -> Double { try next(type) { b, v, p in try _RUnbox.scalar(type, b, v, p) { r throws(PlistDecodeError) in try r.double(v) } } }
    mutating func decode(_ type: Float.Type) throws -> Float { try next(type) { b, v, p in try _RUnbox.float(b, v, p) } }
    mutating func decode(_ type: Int.Type) throws -> Int { try next(type) { b, v, p in try _RUnbox.int(type, b, v, p) } }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try next(type) { b, v, p in try _RUnbox.int(type, b, v, p) } }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try next(type) { b, v, p in try _RUnbox.int(type, b, v, p) } }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try next(type) { b, v, p in try _RUnbox.int(type, b, v, p) } }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try next(type) { b, v, p in try _RUnbox.int(type, b, v, p) } }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try next(type) { b, v, p in try _RUnbox.int(type, b, v, p) } }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next(type) { b, v, p in try _RUnbox.int(type, b, v, p) } }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next(type) { b, v, p in try _RUnbox.int(type, b, v, p) } }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next(type) { b, v, p in try _RUnbox.int(type, b, v, p) } }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next(type) { b, v, p in try _RUnbox.int(type, b, v, p) } }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let v = try peek(type)
        let r = try _RUnbox.decode(type, box, v, node: node.appending(index: currentIndex), depth: depth)
        currentIndex += 1
        return r
    }

    private func checkDepth() throws {
        guard depth < BinaryPlist.maxDepth else {
            throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: here, debugDescription: "Nesting deeper than \(BinaryPlist.maxDepth)."))
        }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try checkDepth()
        let c = try _RKeyed<NestedKey>(box, try peek([String: Any].self), node: node.appending(index: currentIndex), depth: depth &+ 1)
        currentIndex += 1
        return KeyedDecodingContainer(c)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try checkDepth()
        let c = try _RUnkeyed(box, try peek([Any].self), node: node.appending(index: currentIndex), depth: depth &+ 1)
        currentIndex += 1
        return c
    }

    mutating func superDecoder() throws -> any Decoder {
        try checkDepth()
        let d = _RDecoder(box, try peek((any Decoder).self), node: node.appending(index: currentIndex), depth: depth &+ 1)
        currentIndex += 1
        return d
    }
}
