import Foundation
import Testing
@testable import FrontDeskKit

/// Foundation (PropertyListSerialization / PropertyListEncoder / PropertyListDecoder) as oracle.
@Suite struct FoundationOracleTests {
    @Test func propertyListSerializationReadsOurBytes() throws {
        let bytes = BinaryPlist.encode(Sample.everything)
        var format = PropertyListSerialization.PropertyListFormat.xml
        let obj = try PropertyListSerialization.propertyList(from: bytes, options: [], format: &format)
        #expect(format == .binary)
        let dict = try #require(obj as? [String: Any])
        #expect(dict.count == 16)
        #expect(dict["bool_t"] as? Bool == true)
        #expect(dict["bool_f"] as? Bool == false)
        #expect(dict["chinese"] as? String == "张伟")
        #expect(dict["emoji"] as? String == "🙂 outside the BMP 😀")
        #expect(dict["mixed"] as? String == "Zoë's café")
        #expect(dict["empty_string"] as? String == "")
        #expect(dict["date"] as? Date == Sample.date)
        #expect(dict["data"] as? Data == Data((0..<300).map { UInt8($0 & 0xFF) }))
        #expect(dict["empty_data"] as? Data == Data())
        #expect((dict["empty_array"] as? [Any])?.isEmpty == true)
        #expect((dict["empty_dict"] as? [String: Any])?.isEmpty == true)
        let ints = try #require(dict["ints"] as? [Any])
        let expected: [Int64] = [0, 1, 255, 256, 65535, 65536, 4_294_967_295, 4_294_967_296, -1, -255, .min, .max]
        #expect(ints.count == expected.count)
        for (a, e) in zip(ints, expected) {
            #expect((a as? NSNumber)?.int64Value == e)
        }
        let reals = try #require(dict["reals"] as? [Any])
        #expect(reals.compactMap { ($0 as? NSNumber)?.doubleValue } == [0, -1.5, 3.141592653589793, 1e300, -.infinity])
        let nested = try #require(dict["nested"] as? [String: Any])
        let arr = try #require(nested["a"] as? [Any])
        #expect((arr.first as? [String: Any])?["b"] as? String == "c")
    }

    @Test(arguments: [15, 256, 65536])
    func propertyListSerializationReadsLongCounts(_ n: Int) throws {
        let v = PlistValue.array((0..<n).map { .string("s\($0 % 100)") })
        let obj = try PropertyListSerialization.propertyList(from: BinaryPlist.encode(v), options: [], format: nil)
        let arr = try #require(obj as? [Any])
        #expect(arr.count == n)
        #expect(arr.last as? String == "s\((n - 1) % 100)")
    }

    @Test func foundationDecoderReadsOurEncoding() throws {
        let visitors = (0..<20).map(Sample.visitor)
        let bytes = try BinaryPlistEncoder().encode(visitors)
        let back = try PropertyListDecoder().decode([SampleVisitor].self, from: bytes)
        #expect(back == visitors)
    }

    @Test func ourDecoderReadsFoundationEncoding() throws {
        let visitors = (0..<20).map(Sample.visitor)
        let enc = PropertyListEncoder()
        enc.outputFormat = .binary
        let bytes = try enc.encode(visitors)
        let tree = try BinaryPlist.decode(bytes)
        let back = try PlistValueDecoder().decode([SampleVisitor].self, from: tree)
        #expect(back == visitors)
        #expect(try BinaryPlistDecoder().decode([SampleVisitor].self, from: bytes) == visitors)
    }

    @Test func sameTreeFromBothEncoders() throws {
        let v = Sample.visitor(4)
        let enc = PropertyListEncoder()
        enc.outputFormat = .binary
        let theirs = try BinaryPlist.decode(try enc.encode(v))
        let ours = try PlistValueEncoder().encode(v)
        #expect(theirs == ours)
    }

    @Test func foundationSerializationBytesRoundTripThroughUs() throws {
        let obj: [String: Any] = ["name": "张伟", "n": 42, "neg": -7, "d": Sample.date, "list": [1, 2, 3], "flag": true]
        let bytes = try PropertyListSerialization.data(fromPropertyList: obj, format: .binary, options: 0)
        let v = try BinaryPlist.decode(bytes)
        #expect(v == .dict(["name": .string("张伟"), "n": .int(42), "neg": .int(-7), "d": .date(Sample.date),
                            "list": .array([.int(1), .int(2), .int(3)]), "flag": .bool(true)]))
    }
}
