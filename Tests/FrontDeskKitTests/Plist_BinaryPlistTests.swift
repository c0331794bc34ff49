import Foundation
import Testing
@testable import FrontDeskKit

@Suite struct BinaryPlistRoundTripTests {
    func roundTrip(_ v: PlistValue, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let bytes = BinaryPlist.encode(v)
        #expect(bytes.starts(with: Array("bplist00".utf8)), sourceLocation: sourceLocation)
        let back = try BinaryPlist.decode(bytes)
        #expect(back == v, sourceLocation: sourceLocation)
    }

    @Test func everyKind() throws {
        try roundTrip(Sample.everything)
    }

    @Test(arguments: [
        PlistValue.bool(true), .bool(false), .int(0), .int(-1), .int(Int64.min), .int(Int64.max), .int(200),
        .real(2.5), .date(Sample.date), .data(Data()), .data(Data([1, 2, 3])), .string(""), .string("x"),
        .string("张伟"), .string("🙂"), .array([]), .dict([:]),
    ])
    func topLevelScalars(_ v: PlistValue) throws {
        try roundTrip(v)
    }

    @Test(arguments: [0, 1, 14, 15, 16, 255, 256, 65535, 65536])
    func counts(_ n: Int) throws {
        try roundTrip(.array((0..<n).map { .int(Int64($0)) }))
        try roundTrip(.string(String(repeating: "a", count: n)))
        try roundTrip(.string(String(repeating: "张", count: n)))
        try roundTrip(.data(Data(repeating: 7, count: n)))
        if n <= 256 {
            try roundTrip(.dict(Dictionary(uniqueKeysWithValues: (0..<n).map { ("key\($0)", PlistValue.int(Int64($0))) })))
        }
    }

    @Test func surrogatePairsUseUTF16Units() throws {
        let bytes = BinaryPlist.encode(.string("🙂"))
        // marker 0x62: UTF-16 string of 2 units (a surrogate pair), big-endian D83D DE42.
        #expect(Array(bytes[8..<13]) == [0x62, 0xD8, 0x3D, 0xDE, 0x42])
        #expect(try BinaryPlist.decode(bytes) == .string("🙂"))
    }

    @Test func intWidths() throws {
        func marker(_ i: Int64) -> UInt8 { BinaryPlist.encode(.int(i))[8] }
        #expect(marker(0) == 0x10)
        #expect(marker(255) == 0x10)
        #expect(marker(256) == 0x11)
        #expect(marker(65536) == 0x12)
        #expect(marker(4_294_967_296) == 0x13)
        #expect(marker(-1) == 0x13)
    }

    @Test func largeDictionary() throws {
        var d: [String: PlistValue] = [:]
        for i in 0..<20_000 {
            d["visitor-\(i)"] = .dict(["name": .string("Name \(i % 100)"), "n": .int(Int64(i)), "ok": .bool(i % 2 == 0)])
        }
        try roundTrip(.dict(d))
    }

    @Test func deterministicBytes() {
        let a = BinaryPlist.encode(Sample.everything)
        let b = BinaryPlist.encode(Sample.everything)
        #expect(a == b)
    }

    @Test func stringsAreUniqued() throws {
        let records = PlistValue.array((0..<1000).map { _ in
            .dict(["firstName": .string("Anna"), "company": .string("Acme GmbH")])
        })
        let bytes = BinaryPlist.encode(records)
        // Each distinct string appears exactly once.
        let hits = bytes.ranges(of: Data("company".utf8)).count
        #expect(hits == 1)
        #expect(bytes.count < 15_000)
        try roundTrip(records)
    }

    @Test func minimalRefAndOffsetSizes() {
        let small = BinaryPlist.encode(.array([.int(1), .int(2)]))
        let trailer = small.suffix(32)
        #expect(trailer[trailer.startIndex + 6] == 1)  // offsetIntSize
        #expect(trailer[trailer.startIndex + 7] == 1)  // objectRefSize

        let big = BinaryPlist.encode(.array((0..<300).map { .int(Int64($0)) }))
        let t2 = big.suffix(32)
        #expect(t2[t2.startIndex + 7] == 2)  // 301 objects need 2-byte refs
    }

    @Test func nestingAtDepthLimitDecodes() throws {
        var v = PlistValue.int(1)
        for _ in 0..<BinaryPlist.maxDepth { v = .array([v]) }
        try roundTrip(v)
    }
}
