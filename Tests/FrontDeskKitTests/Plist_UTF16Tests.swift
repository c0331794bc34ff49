import Foundation
import Testing
@testable import FrontDeskKit

/// The reader transcodes a bplist's UTF-16 strings (every Chinese name) itself; the standard
/// library's `String(decoding:as: UTF16.self)` is the oracle, ill-formed input included.
@Suite struct PlistUTF16Tests {
    static func ours(_ units: [UInt16]) -> String {
        let bytes = units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        return bytes.withUnsafeBytes { PlistReader.utf16BigEndian($0.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!, count: units.count) }
    }

    @Test func edgesAgreeWithTheStandardLibrary() {
        let cases: [[UInt16]] = [
            [], Array("王芳 Wang Fang".utf16), Array("会议室 A · 🙂 ok".utf16),
            [0x7F, 0x80, 0x7FF, 0x800, 0xFFFF, 0xFFFD, 0xE000],
            [0xD83D],                  // a high surrogate at the end
            [0xD83D, 0x41],            // a high surrogate before a non-surrogate
            [0xDE42, 0x41],            // a low surrogate alone
            [0xD83D, 0xD83D, 0xDE42],  // two highs, then a low: one U+FFFD then the pair
            [0xDBFF, 0xDFFF, 0xD800, 0xDC00],
        ]
        for units in cases {
            let expected = String(decoding: units, as: UTF16.self)
            #expect(Self.ours(units) == expected, "units \(units.map { String($0, radix: 16) })")
            #expect(Array(Self.ours(units).utf8) == Array(expected.utf8))
        }
    }

    @Test func randomUnitsAgreeWithTheStandardLibrary() {
        var state: UInt64 = 0x5EED
        func next() -> UInt64 { state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407; return state >> 33 }
        // Units drawn from each range the transcoder treats differently, surrogates often.
        let ranges: [ClosedRange<UInt16>] = [0...0x7F, 0x80...0x7FF, 0x800...0xD7FF, 0xD800...0xDBFF, 0xDC00...0xDFFF, 0xE000...0xFFFF, 0x4E00...0x9FFF]
        for _ in 0..<3000 {
            let n = Int(next() % 12)
            let units = (0..<n).map { _ -> UInt16 in
                let r = ranges[Int(next() % UInt64(ranges.count))]
                return r.lowerBound &+ UInt16(next() % UInt64(r.upperBound - r.lowerBound + 1))
            }
            let expected = String(decoding: units, as: UTF16.self)
            #expect(Array(Self.ours(units).utf8) == Array(expected.utf8), "units \(units.map { String($0, radix: 16) })")
        }
    }

    /// A string read twice from one reader is the same text (the second from the reader's cache).
    @Test func keptStringsAreReadBackFromTheCache() throws {
        let names = ["王芳", "李雷 Li Lei", "王芳", "a-long-ascii-string-over-15"]
        let data = try BinaryPlistEncoder().encode(names)
        let read: [String] = try data.withUnsafeBytes { buf in
            var r = try PlistReader(buf)
            let first = try [String](plist: &r, r.top)
            let again = try [String](plist: &r, r.top)
            #expect(first == again)
            return again
        }
        #expect(read == names)
    }
}
