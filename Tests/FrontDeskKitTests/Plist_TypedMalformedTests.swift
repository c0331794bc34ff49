import Foundation
import Testing
@testable import FrontDeskKit

/// Malformed input for the typed reader (and the Codable decoder over it): every case throws, none traps.
@Suite struct TypedMalformedTests {
    /// A recursive Codable type, so the nesting of the input decides the depth.
    struct Nest: Codable, Equatable { var c: [Nest] }

    static func snapshotBytes() throws -> Data { try TypedCodecTests.typedBytes(Typed.snapshot) }

    func decodesOrThrows(_ data: Data) {
        _ = try? BinaryPlistDecoder().decode(Snapshot.self, from: data)
        _ = try? BinaryPlistDecoder().decode(HistorySegment.self, from: data)
        _ = try? BinaryPlistDecoder().decode(JournalRecord.self, from: data)
    }

    @Test func truncatedSnapshotAtEveryLengthThrows() throws {
        let bytes = try Self.snapshotBytes()
        for n in 0..<bytes.count {
            #expect(throws: (any Error).self) { try BinaryPlistDecoder().decode(Snapshot.self, from: bytes.prefix(n)) }
        }
    }

    @Test func byteFlipsInATypedSnapshotNeverCrash() throws {
        let bytes = try Self.snapshotBytes()
        var rng = SampleRandom(seed: 10)
        for _ in 0..<3000 {
            var d = bytes
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                d[Int.random(in: 0..<d.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
            }
            decodesOrThrows(d)
        }
    }

    @Test func badTrailerOffsetsAndRefs() throws {
        let bytes = try Self.snapshotBytes()
        let t = bytes.count - 32
        func patched(_ at: Int, _ width: Int, _ value: UInt64) -> Data {
            var d = bytes
            for i in 0..<width { d[at + i] = UInt8(truncatingIfNeeded: value >> UInt64(8 * (width - 1 - i))) }
            return d
        }
        let cases: [Data] = [
            patched(t + 6, 1, 0), patched(t + 6, 1, 9),            // offset size
            patched(t + 7, 1, 0), patched(t + 7, 1, 9),            // ref size
            patched(t + 8, 8, 0), patched(t + 8, 8, .max),         // object count
            patched(t + 16, 8, 1 << 40),                            // top object
            patched(t + 24, 8, 3), patched(t + 24, 8, UInt64(t)),  // offset table
        ]
        for d in cases {
            #expect(throws: PlistDecodeError.self) { try BinaryPlistDecoder().decode(Snapshot.self, from: d) }
        }
        // Every entry of the offset table pointed outside the object area, one at a time.
        let table = Int(bytes[(t + 24)..<(t + 32)].reduce(UInt64(0)) { $0 << 8 | UInt64($1) })
        let offsetSize = Int(bytes[t + 6])
        for i in stride(from: table, to: t, by: offsetSize * 7) {
            var d = bytes
            for j in 0..<offsetSize { d[i + j] = 0xFF }
            #expect(throws: (any Error).self) { try BinaryPlistDecoder().decode(Snapshot.self, from: d) }
        }
    }

    @Test func refOutOfRangeInARecordNamesWhere() {
        // {"id": <ref 9>} with 3 objects.
        let d = MalformedInputTests.handmade([[0xD1, 1, 9], [0x52, 0x69, 0x64], [0x10, 1]])
        #expect { try BinaryPlistDecoder().decode(Badge.self, from: d) } throws: { e in
            "\(e)".contains("reference 9 out of range")
        }
    }

    @Test func hugeCountsAreRefused() {
        let huge: [UInt8] = [0x12, 0x7F, 0xFF, 0xFF, 0xFF]
        for marker: UInt8 in [0xAF, 0xDF, 0x5F, 0x6F, 0x4F] {
            let d = MalformedInputTests.handmade([[marker] + huge])
            #expect(throws: (any Error).self) { try BinaryPlistDecoder().decode(HistorySegment.self, from: d) }
            #expect(throws: (any Error).self) { try BinaryPlistDecoder().decode([String].self, from: d) }
            #expect(throws: (any Error).self) { try BinaryPlistDecoder().decode(Nest.self, from: d) }
        }
    }

    @Test func deepNestingIsRefusedNotAStackOverflow() {
        var v = PlistValue.dict(["c": .array([])])
        for _ in 0..<(BinaryPlist.maxDepth + 10) { v = .dict(["c": .array([v])]) }
        let bytes = BinaryPlist.encode(v)
        #expect { try BinaryPlistDecoder().decode(Nest.self, from: bytes) } throws: { e in "\(e)".contains("deeper than") }
        // Within the limit it decodes.
        var ok = PlistValue.dict(["c": .array([])])
        for _ in 0..<100 { ok = .dict(["c": .array([ok])]) }
        #expect(throws: Never.self) { try BinaryPlistDecoder().decode(Nest.self, from: BinaryPlist.encode(ok)) }
    }

    @Test func cyclesAreRefused() {
        // {"c": [<the dict itself>]}
        let d = MalformedInputTests.handmade([[0xD1, 1, 2], [0x51, 0x63], [0xA1, 0]])
        #expect(throws: (any Error).self) { try BinaryPlistDecoder().decode(Nest.self, from: d) }
    }

    @Test func exponentialSharingRunsOutOfBudget() {
        // 40 levels, each {"c": [next, next]}: 2^40 visits if followed naively.
        var objects: [[UInt8]] = [[0x51, 0x63]]
        for i in 0..<40 {
            let me = UInt8(1 + 2 * i)
            objects.append([0xD1, 0, me + 1])
            objects.append([0xA2, me + 2, me + 2])
        }
        objects.append([0xD1, 0, UInt8(objects.count + 1)])
        objects.append([0xA0])
        let d = MalformedInputTests.handmade(objects, top: 1)
        #expect { try BinaryPlistDecoder().decode(Nest.self, from: d) } throws: { e in "\(e)".contains("too much work") }
    }

    @Test func wrongTypesInRecordsThrowNeverTrap() throws {
        // Each field of a StockMove replaced by a value of the wrong kind, one at a time.
        let full = try PropertyListSerialization.propertyList(from: try TypedCodecTests.foundationBytes(Typed.move), format: nil) as? [String: Any] ?? [:]
        for key in full.keys {
            var m = full
            m[key] = m[key] is String ? 5 as Any : "five" as Any
            #expect(throws: (any Error).self, "\(key)") { try BinaryPlistDecoder().decode(StockMove.self, from: try TypedCodecTests.dict(m)) }
            #expect(throws: (any Error).self, "\(key)") { try PropertyListDecoder().decode(StockMove.self, from: try TypedCodecTests.dict(m)) }
        }
    }
}
