import Foundation
import Testing
@testable import FrontDeskKit

@Suite struct CoderTests {
    @Test func roundTripComplexType() throws {
        let v = (0..<10).map(Sample.visitor)
        let tree = try PlistValueEncoder().encode(v)
        #expect(try PlistValueDecoder().decode([SampleVisitor].self, from: tree) == v)
        let bytes = try BinaryPlistEncoder().encode(v)
        #expect(try BinaryPlistDecoder().decode([SampleVisitor].self, from: bytes) == v)
    }

    @Test func conventions() throws {
        let tree = try PlistValueEncoder().encode(Sample.visitor(3))
        guard case .dict(let d) = tree else { Issue.record("not a dict"); return }
        #expect(d["arrived"] == .date(Sample.date.addingTimeInterval(3)))
        #expect(d["photo"] == .data(Data([0, 1, 2, 0xFF])))
        #expect(d["badge"] == .int(1003))
        #expect(d["ratio"] == .real(0.5))
        #expect(d["vip"] == .bool(true))
        #expect(d["purpose"] == .string("interview"))
        #expect(d["company"] == nil)  // nil optional omitted
        #expect(d["email"] == nil)
        #expect(d["optionalInts"] == .array([.int(1), .string("$null"), .int(3)]))
        guard case .array(let events) = d["events"] else { Issue.record("events"); return }
        #expect(events[0] == .dict(["checkIn": .dict(["at": .date(Sample.date), "desk": .int(3)])]))
        #expect(events[1] == .dict(["checkOut": .dict(["_0": .date(Sample.date.addingTimeInterval(3600))])]))
        #expect(events[2] == .dict(["note": .dict(["text": .string("Parking")])]))
        #expect(events[4] == .dict(["noShow": .dict([:])]))
    }

    @Test func topLevelPrimitives() throws {
        #expect(try PlistValueEncoder().encode(5) == .int(5))
        #expect(try PlistValueEncoder().encode("x") == .string("x"))
        #expect(try PlistValueEncoder().encode(Sample.date) == .date(Sample.date))
        #expect(try PlistValueEncoder().encode(UInt8(7)) == .int(7))
        #expect(try PlistValueDecoder().decode(Date.self, from: .date(Sample.date)) == Sample.date)
        #expect(try PlistValueDecoder().decode(Double.self, from: .int(3)) == 3.0)
        #expect(try PlistValueDecoder().decode(SamplePurpose.self, from: .string("meeting")) == .meeting)
        #expect(try PlistValueDecoder().decode([String: Int].self, from: .dict(["a": .int(1)])) == ["a": 1])
        #expect(try PlistValueDecoder().decode([Int?].self, from: .array([.string("$null"), .int(2)])) == [nil, 2])
    }

    @Test func integerExtremes() throws {
        struct Ints: Codable, Equatable {
            var a: Int64, b: Int64, c: Int8, d: UInt32, e: UInt64, f: Int
        }
        let v = Ints(a: .min, b: .max, c: -128, d: .max, e: UInt64(Int64.max), f: -1)
        #expect(try BinaryPlistDecoder().decode(Ints.self, from: BinaryPlistEncoder().encode(v)) == v)
    }

    @Test func integerOverflowThrowsWithPath() throws {
        struct Small: Codable { var inner: Inner }
        struct Inner: Codable { var n: UInt8 }
        let tree = PlistValue.dict(["inner": .dict(["n": .int(300)])])
        #expect {
            try PlistValueDecoder().decode(Small.self, from: tree)
        } throws: { error in
            guard case DecodingError.dataCorrupted(let ctx) = error else { return false }
            return ctx.codingPath.map(\.stringValue) == ["inner", "n"]
        }
        let negative = PlistValue.dict(["inner": .dict(["n": .int(-1)])])
        #expect(throws: DecodingError.self) { try PlistValueDecoder().decode(Small.self, from: negative) }
    }

    @Test func uint64AboveInt64MaxFailsToEncode() {
        struct U: Codable { var v: UInt64 }
        #expect(throws: EncodingError.self) { try PlistValueEncoder().encode(U(v: .max)) }
    }

    @Test func typeMismatchHasUsefulCodingPath() throws {
        let tree = try PlistValueEncoder().encode([Sample.visitor(1), Sample.visitor(2)])
        guard case .array(var arr) = tree, case .dict(var second) = arr[1],
              case .dict(var host) = second["host"] else { Issue.record("shape"); return }
        host["floors"] = .array([.int(1), .string("two")])
        second["host"] = .dict(host)
        arr[1] = .dict(second)
        #expect {
            try PlistValueDecoder().decode([SampleVisitor].self, from: .array(arr))
        } throws: { error in
            guard case DecodingError.typeMismatch(_, let ctx) = error else { return false }
            return ctx.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue } == ["1", "host", "floors", "1"]
        }
    }

    @Test func missingKeyAndNull() throws {
        struct Need: Codable { var name: String; var n: Int }
        #expect {
            try PlistValueDecoder().decode(Need.self, from: .dict(["name": .string("a")]))
        } throws: { error in
            guard case DecodingError.keyNotFound(let key, _) = error else { return false }
            return key.stringValue == "n"
        }
        #expect {
            try PlistValueDecoder().decode(Need.self, from: .dict(["name": .string("a"), "n": .string("$null")]))
        } throws: { error in
            guard case DecodingError.valueNotFound = error else { return false }
            return true
        }
        struct Opt: Codable, Equatable { var n: Int? }
        #expect(try PlistValueDecoder().decode(Opt.self, from: .dict(["n": .string("$null")])) == Opt(n: nil))
        #expect(try PlistValueDecoder().decode(Opt.self, from: .dict([:])) == Opt(n: nil))
    }

    /// Manual Codable using nested containers and superEncoder/superDecoder.
    class Person: Codable, Equatable {
        var name: String
        init(name: String) { self.name = name }
        static func == (a: Person, b: Person) -> Bool { a.name == b.name }
    }

    final class Employee: Person, @unchecked Sendable {
        var desk: Int
        var history: [[Int]]
        init(name: String, desk: Int, history: [[Int]]) {
            self.desk = desk
            self.history = history
            super.init(name: name)
        }
        enum K: String, CodingKey { case desk, location, history, parent }
        enum L: String, CodingKey { case floor, room }
        required init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: K.self)
            let loc = try c.nestedContainer(keyedBy: L.self, forKey: .location)
            desk = try loc.decode(Int.self, forKey: .room)
            var h = try c.nestedUnkeyedContainer(forKey: .history)
            var rows: [[Int]] = []
            while !h.isAtEnd {
                var row = try h.nestedUnkeyedContainer()
                var r: [Int] = []
                while !row.isAtEnd { r.append(try row.decode(Int.self)) }
                rows.append(r)
            }
            history = rows
            try super.init(from: c.superDecoder(forKey: .parent))
        }
        override func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: K.self)
            var loc = c.nestedContainer(keyedBy: L.self, forKey: .location)
            try loc.encode(desk / 100, forKey: .floor)
            try loc.encode(desk, forKey: .room)
            var h = c.nestedUnkeyedContainer(forKey: .history)
            for row in history {
                var r = h.nestedUnkeyedContainer()
                for x in row { try r.encode(x) }
            }
            try super.encode(to: c.superEncoder(forKey: .parent))
        }
        static func == (a: Employee, b: Employee) -> Bool {
            a.name == b.name && a.desk == b.desk && a.history == b.history
        }
    }

    @Test func nestedContainersAndSuperEncoder() throws {
        let e = Employee(name: "Zoë", desk: 314, history: [[1, 2], [], [3]])
        let tree = try PlistValueEncoder().encode(e)
        #expect(tree == .dict([
            "location": .dict(["floor": .int(3), "room": .int(314)]),
            "history": .array([.array([.int(1), .int(2)]), .array([]), .array([.int(3)])]),
            "parent": .dict(["name": .string("Zoë")]),
        ]))
        let back = try PlistValueDecoder().decode(Employee.self, from: tree)
        #expect(back == e)
        // Foundation agrees on the shape.
        let fenc = PropertyListEncoder()
        fenc.outputFormat = .binary
        #expect(try BinaryPlist.decode(fenc.encode(e)) == tree)
        #expect(try PropertyListDecoder().decode(Employee.self, from: BinaryPlist.encode(tree)) == e)
    }

    @Test func emptyContainersMatchFoundation() throws {
        struct Empty: Codable, Equatable {}
        struct Holder: Codable, Equatable { var e: Empty; var list: [Int]; var map: [String: Int]; var s: String? }
        let h = Holder(e: Empty(), list: [], map: [:], s: nil)
        let ours = try PlistValueEncoder().encode(h)
        #expect(ours == .dict(["e": .dict([:]), "list": .array([]), "map": .dict([:])]))
        let fenc = PropertyListEncoder()
        fenc.outputFormat = .binary
        #expect(try BinaryPlist.decode(fenc.encode(h)) == ours)
        #expect(try PropertyListDecoder().decode(Holder.self, from: BinaryPlist.encode(ours)) == h)
    }
}
