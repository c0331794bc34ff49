import Foundation

/// The JSON text of `--json` output, byte for byte what Foundation's `JSONSerialization` writes
/// with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`, without its cost: Foundation
/// sorts every object's keys with a locale-aware comparison (an ICU collator per comparison),
/// which took most of a 200-row listing's time. Values it does not know to write exactly as
/// Foundation does (an NSNumber, a Float, a key that is not plain ASCII letters, two keys equal
/// but for case…) make `text` return nil, and the caller then uses `JSONSerialization` itself.
enum JSONText {
    /// The pretty-printed, key-sorted JSON text of `object`, or nil when Foundation must write it.
    static func text(_ object: Any) -> String? {
        var w = Writer()
        guard w.value(object) else { return nil }
        return String(decoding: w.out, as: UTF8.self)
    }

    /// The JSON text `JSONSerialization` writes for `object` with the options every `--json` uses.
    static func foundationText(_ object: Any) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    /// `text`, else Foundation's (which throws for what JSON cannot hold).
    static func pretty(_ object: Any) throws -> String {
        if let t = text(object) { return t }
        return try foundationText(object)
    }

    /// True when `a` sorts before `b` as Foundation's sorted keys do, for keys of ASCII letters
    /// (case-insensitive, a prefix first); the writer checks the keys are such and differ.
    static func keyLess(_ a: String, _ b: String) -> Bool {
        var i = a.utf8.makeIterator(), j = b.utf8.makeIterator()
        while true {
            guard let x = i.next() else { return j.next() != nil }
            guard let y = j.next() else { return false }
            let lx = x | 0x20, ly = y | 0x20
            if lx != ly { return lx < ly }
        }
    }

    private struct Writer {
        var out: [UInt8] = []
        var indent = 0

        init() { out.reserveCapacity(4096) }

        mutating func raw(_ s: StaticString) { s.withUTF8Buffer { out.append(contentsOf: $0) } }

        mutating func newlineIndent() {
            out.append(10)
            out.append(contentsOf: repeatElement(32, count: indent))
        }

        /// Writes `object` as Foundation's `JSONWriter.serializeJSON` does; false for anything it
        /// might write differently (the whole text is then left to Foundation).
        mutating func value(_ object: Any) -> Bool {
            // A class instance (NSNumber, NSString, NSArray…) may bridge differently: Foundation's.
            if Swift.type(of: object) is AnyObject.Type {
                guard object is NSNull else { return false }
                raw("null")
                return true
            }
            switch object {
            case let s as String: string(s)
            case let b as Bool: b ? raw("true") : raw("false")
            case let n as Int: out.append(contentsOf: String(n).utf8)
            case let a as [Any?]:
                return array(a)
            case let d as [AnyHashable: Any?]:
                return dictionary(d)
            case let x as Double:
                guard x.isFinite else { return false }
                var s = x.description
                if s.hasSuffix(".0") { s.removeLast(2) }
                out.append(contentsOf: s.utf8)
            default:
                return false
            }
            return true
        }

        mutating func element(_ e: Any?) -> Bool {
            guard let e else { raw("null"); return true }
            return value(e)
        }

        mutating func array(_ a: [Any?]) -> Bool {
            raw("[")
            indent += 2
            out.append(10)
            for (k, e) in a.enumerated() {
                if k > 0 { raw(",\n") }
                out.append(contentsOf: repeatElement(32, count: indent))
                guard element(e) else { return false }
            }
            indent -= 2
            newlineIndent()
            raw("]")
            return true
        }

        mutating func dictionary(_ d: [AnyHashable: Any?]) -> Bool {
            var pairs: [(key: String, value: Any?)] = []
            pairs.reserveCapacity(d.count)
            for (k, v) in d {
                guard let key = k.base as? String, !key.isEmpty,
                      key.utf8.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }) else { return false }
                pairs.append((key, v))
            }
            pairs.sort { JSONText.keyLess($0.key, $1.key) }
            // Keys equal but for case are ordered by Foundation's tie-break: leave those to it.
            for i in pairs.indices.dropFirst() where !JSONText.keyLess(pairs[i - 1].key, pairs[i].key) { return false }
            raw("{")
            indent += 2
            out.append(10)
            if !pairs.isEmpty { out.append(contentsOf: repeatElement(32, count: indent)) }
            for (k, p) in pairs.enumerated() {
                if k > 0 { raw(",\n"); out.append(contentsOf: repeatElement(32, count: indent)) }
                string(p.key)
                raw(" : ")
                guard element(p.value) else { return false }
            }
            indent -= 2
            newlineIndent()
            raw("}")
            return true
        }

        mutating func string(_ s: String) {
            out.append(34)
            for b in s.utf8 {
                switch b {
                case 34: raw("\\\"")
                case 92: raw("\\\\")
                case 8: raw("\\b")
                case 12: raw("\\f")
                case 10: raw("\\n")
                case 13: raw("\\r")
                case 9: raw("\\t")
                case 0..<0x20:
                    raw("\\u00")
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    out.append(hex[Int(b >> 4)]); out.append(hex[Int(b & 15)])
                default: out.append(b)
                }
            }
            out.append(34)
        }
    }
}
