import Foundation
import Testing
@testable import FrontDeskKit

@Suite struct MalformedInputTests {
    static let doc = BinaryPlist.encode(.dict([
        "name": .string("张伟"), "n": .array([.int(1), .int(-5), .real(2.5), .bool(true)]),
        "when": .date(Sample.date), "blob": .data(Data([1, 2, 3])), "s": .string("visitor"),
    ]))

    func expectFormatError(_ data: Data, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            let v = try BinaryPlist.decode(data)
            Issue.record("expected PlistFormatError, decoded \(v)", sourceLocation: sourceLocation)
        } catch {
            #expect(!error.description.isEmpty, sourceLocation: sourceLocation)
        }
    }

    @Test func truncatedAtEveryLength() {
        for len in 0..<Self.doc.count {
            expectFormatError(Self.doc.prefix(len))
        }
    }

    @Test func emptyAndGarbage() {
        expectFormatError(Data())
        expectFormatError(Data("bplist00".utf8))
        expectFormatError(Data(repeating: 0, count: 64))
        expectFormatError(Data(repeating: 0xFF, count: 64))
        var wrongMagic = Self.doc
        wrongMagic[0] = UInt8(ascii: "x")
        expectFormatError(wrongMagic)
    }

    @Test func randomByteFlipsNeverCrash() {
        var rng = SampleRandom(seed: 0xF00D)
        var failures = 0
        var successes = 0
        for _ in 0..<5000 {
            var d = Self.doc
            let flips = Int.random(in: 1...4, using: &rng)
            for _ in 0..<flips {
                let i = Int.random(in: 0..<d.count, using: &rng)
                d[i] = UInt8.random(in: 0...255, using: &rng)
            }
            do {
                _ = try BinaryPlist.decode(d)
                successes += 1
            } catch {
                #expect(error.description.contains("malformed"))
                failures += 1
            }
        }
        #expect(failures > 0)
        #expect(failures + successes == 5000)
    }

    @Test func randomGarbageWithValidHeaderAndTrailerShape() {
        var rng = SampleRandom(seed: 42)
        for _ in 0..<2000 {
            let n = Int.random(in: 41...200, using: &rng)
            var bytes = (0..<n).map { _ in UInt8.random(in: 0...255, using: &rng) }
            bytes.replaceSubrange(0..<8, with: Array("bplist00".utf8))
            // plausible trailer: small sizes, small counts
            let t = n - 32
            bytes[t + 6] = UInt8.random(in: 1...2, using: &rng)
            bytes[t + 7] = UInt8.random(in: 1...2, using: &rng)
            for k in 8..<32 { bytes[t + k] = 0 }
            bytes[t + 15] = UInt8.random(in: 1...20, using: &rng)
            bytes[t + 23] = UInt8.random(in: 0...5, using: &rng)
            bytes[t + 31] = UInt8.random(in: 8...UInt8(min(255, t)), using: &rng)
            _ = try? BinaryPlist.decode(Data(bytes))  // must not trap
        }
    }

    /// Patches a trailer field of `doc` (offset relative to trailer start, big-endian).
    func patched(_ field: Int, width: Int, value: UInt64) -> Data {
        var d = Self.doc
        let base = d.count - 32 + field
        for k in 0..<width {
            d[base + k] = UInt8(truncatingIfNeeded: value >> UInt64(8 * (width - 1 - k)))
        }
        return d
    }

    @Test func badTrailerValues() {
        expectFormatError(patched(6, width: 1, value: 0))        // offsetIntSize 0
        expectFormatError(patched(6, width: 1, value: 9))        // offsetIntSize 9
        expectFormatError(patched(7, width: 1, value: 0))        // objectRefSize 0
        expectFormatError(patched(7, width: 1, value: 200))      // objectRefSize 200
        expectFormatError(patched(8, width: 8, value: 0))        // no objects
        expectFormatError(patched(8, width: 8, value: UInt64.max))
        expectFormatError(patched(8, width: 8, value: 1 << 40))
        expectFormatError(patched(16, width: 8, value: 10_000))  // top object out of range
        expectFormatError(patched(16, width: 8, value: UInt64.max))
        expectFormatError(patched(24, width: 8, value: 0))       // table offset inside header
        expectFormatError(patched(24, width: 8, value: UInt64.max))
        expectFormatError(patched(24, width: 8, value: UInt64(Self.doc.count)))
    }

    /// Builds a bplist by hand: objects are raw byte arrays, refs/offsets 1 byte.
    static func handmade(_ objects: [[UInt8]], top: UInt8 = 0) -> Data {
        var out = Array("bplist00".utf8)
        var offsets: [UInt8] = []
        for o in objects {
            offsets.append(UInt8(out.count))
            out += o
        }
        let table = out.count
        out += offsets
        out += [0, 0, 0, 0, 0, 0, 1, 1]
        out += [0, 0, 0, 0, 0, 0, 0, UInt8(objects.count)]
        out += [0, 0, 0, 0, 0, 0, 0, top]
        out += [0, 0, 0, 0, 0, 0, 0, UInt8(table)]
        return Data(out)
    }

    @Test func handmadeValidDocumentDecodes() throws {
        let d = Self.handmade([[0xA2, 1, 2], [0x51, 0x41], [0x10, 7]])
        #expect(try BinaryPlist.decode(d) == .array([.string("A"), .int(7)]))
    }

    @Test func referenceCycles() {
        expectFormatError(Self.handmade([[0xA1, 0]]))                       // array containing itself
        expectFormatError(Self.handmade([[0xA1, 1], [0xA1, 0]]))            // two-array cycle
        expectFormatError(Self.handmade([[0xD1, 1, 0], [0x51, 0x6B]]))      // dict value is itself
        expectFormatError(Self.handmade([[0xD1, 0, 1], [0x51, 0x6B]]))      // dict key is the dict
    }

    @Test func sharedSubtreesAreNotCycles() throws {
        // A DAG (same child twice) is legal; deep DAG doubling must not explode.
        var objects: [[UInt8]] = []
        for i in 0..<40 { objects.append([0xA2, UInt8(i + 1), UInt8(i + 1)]) }
        objects.append([0x10, 1])
        let v = try BinaryPlist.decode(Self.handmade(objects))
        guard case .array(let a) = v else { Issue.record("not an array"); return }
        #expect(a.count == 2)
    }

    @Test func badMarkersAndRefs() {
        expectFormatError(Self.handmade([[0x00]]))                // null
        expectFormatError(Self.handmade([[0x0F]]))                // fill
        expectFormatError(Self.handmade([[0x70]]))                // unused marker
        expectFormatError(Self.handmade([[0x80, 1]]))             // UID
        expectFormatError(Self.handmade([[0xC0]]))                // set
        expectFormatError(Self.handmade([[0x15, 1, 2]]))          // int width 32
        expectFormatError(Self.handmade([[0x21, 1, 2]]))          // real width 2
        expectFormatError(Self.handmade([[0x32, 1, 2, 3, 4]]))    // date width 4
        expectFormatError(Self.handmade([[0xA1, 9]]))             // ref out of range
        expectFormatError(Self.handmade([[0xA3, 0]]))             // refs run past end
        expectFormatError(Self.handmade([[0x5F, 0x10, 200, 0x41]]))  // long count past end
        expectFormatError(Self.handmade([[0x5F, 0x13, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]]))  // count -1
        expectFormatError(Self.handmade([[0x6F, 0x13, 0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]]))  // huge UTF-16 count
        expectFormatError(Self.handmade([[0x5F, 0x51, 0x41]]))    // count marker not an int
        expectFormatError(Self.handmade([[0x52, 0x41, 0xC3]]))    // non-ASCII in ASCII string
        expectFormatError(Self.handmade([[0xD1, 1, 1], [0x10, 1]]))  // non-string key
        expectFormatError(Self.handmade([[0x14] + [UInt8](repeating: 0, count: 7) + [1] + [UInt8](repeating: 0, count: 8)]))  // 128-bit > Int64
    }

    @Test func excessiveDepthIsRejected() {
        var v = PlistValue.int(1)
        for _ in 0..<(BinaryPlist.maxDepth + 10) { v = .array([v]) }
        let bytes = BinaryPlist.encode(v)
        do {
            _ = try BinaryPlist.decode(bytes)
            Issue.record("expected depth error")
        } catch {
            #expect(error.description.contains("nesting"))
            #expect(error.byteOffset != nil)
        }
    }

    @Test func errorMentionsOffset() {
        do {
            _ = try BinaryPlist.decode(Self.handmade([[0x70]]))
            Issue.record("expected error")
        } catch {
            #expect(error.byteOffset == 8)
            #expect(error.description.contains("0x70"))
            #expect(error.description.contains("offset 8"))
        }
    }
}
