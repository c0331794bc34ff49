import Foundation

// Decode timings of a store's files: the typed codec against the PlistValue tree + Codable path it
// replaced, and against Foundation. Built like the fuzz target (FrontDeskKit sources + this file as
// one module, -O, whole module):
//   swiftc -O -wmo -parse-as-library -module-name FrontDeskKit $(find Sources/FrontDeskKit -name '*.swift') \
//       Fuzz/DecodeBench.swift -o .build/decode-bench && .build/decode-bench STORE [RUNS]
// Prints the median of RUNS (default 11) per measurement, in milliseconds.

func median(_ runs: Int, _ body: () throws -> Void) rethrows -> Double {
    var times: [Double] = []
    for _ in 0..<runs {
        let t0 = DispatchTime.now().uptimeNanoseconds
        try body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
    }
    return times.sorted()[times.count / 2]
}

@main
struct DecodeBench {
    static func main() throws {
        let args = CommandLine.arguments
        guard args.count >= 2 else { print("usage: decode-bench STORE [RUNS]"); exit(2) }
        let store = args[1]
        let runs = args.count > 2 ? Int(args[2]) ?? 11 : 11
        guard let snap = FileManager.default.contents(atPath: store + "/snapshot.plist") else { print("no snapshot"); exit(2) }
        let segNames = ((try? FileManager.default.contentsOfDirectory(atPath: store + "/history")) ?? []).filter { $0.hasSuffix(".plist") }.sorted()
        let segs = segNames.compactMap { FileManager.default.contents(atPath: store + "/history/" + $0) }
        let mb = Double(segs.reduce(0) { $0 + $1.count }) / 1e6
        print("store \(store): snapshot \(snap.count) bytes; \(segs.count) segments, \(String(format: "%.1f", mb)) MB; median of \(runs) runs, ms")

        var sink = 0
        func row(_ name: String, _ ms: Double, _ base: Double? = nil) {
            let ratio = base.map { String(format: "  (%.1fx)", $0 / ms) } ?? ""
            print(String(format: "%-58@ %9.2f", name as NSString, ms) + ratio)
        }
        let typedSnap = try median(runs) { sink &+= try BinaryPlistDecoder().decode(Snapshot.self, from: snap).state.recordCount }
        let treeSnap = try median(runs) { sink &+= try PlistValueDecoder().decode(Snapshot.self, from: try BinaryPlist.decode(snap)).state.recordCount }
        let fdnSnap = try median(runs) { sink &+= try PropertyListDecoder().decode(Snapshot.self, from: snap).state.recordCount }
        row("snapshot: typed decode", typedSnap)
        row("snapshot: tree + Codable decode (before)", treeSnap)
        row("snapshot: Foundation PropertyListDecoder", fdnSnap)
        print(String(format: "snapshot: typed is %.1fx the tree path, %.1fx Foundation's decoder", treeSnap / typedSnap, fdnSnap / typedSnap))

        let typedSegs = try median(runs) { for s in segs { sink &+= try BinaryPlistDecoder().decode(HistorySegment.self, from: s).count } }
        let treeSegs = try median(runs) { for s in segs { sink &+= try PlistValueDecoder().decode(HistorySegment.self, from: try BinaryPlist.decode(s)).count } }
        let serSegs = try median(max(3, runs / 2)) { for s in segs { sink &+= (try PropertyListSerialization.propertyList(from: s, format: nil) as? [String: Any])?.count ?? 0 } }
        let fdnSegs = try median(max(3, runs / 2)) { for s in segs { sink &+= try PropertyListDecoder().decode(HistorySegment.self, from: s).count } }
        row("all segments: typed decode", typedSegs)
        row("all segments: tree + Codable decode (before)", treeSegs)
        row("all segments: Foundation PropertySerialization (tree)", serSegs)
        row("all segments: Foundation PropertyListDecoder", fdnSegs)
        print(String(format: "segments: typed is %.1fx the tree path, %.1fx PropertyListSerialization, %.1fx PropertyListDecoder",
                     treeSegs / typedSegs, serSegs / typedSegs, fdnSegs / typedSegs))

        let s = try BinaryPlistDecoder().decode(Snapshot.self, from: snap)
        let typedEnc = try median(runs) { sink &+= try BinaryPlistEncoder().encode(s).count }
        let treeEnc = try median(runs) { sink &+= BinaryPlist.encode(try PlistValueEncoder().encode(s)).count }
        let fdnEnc = try median(runs) {
            let e = PropertyListEncoder(); e.outputFormat = .binary
            sink &+= try e.encode(s).count
        }
        row("snapshot: typed encode", typedEnc)
        row("snapshot: tree encode (before)", treeEnc)
        row("snapshot: Foundation PropertyListEncoder", fdnEnc)
        print("bytes: typed \(try BinaryPlistEncoder().encode(s).count), tree \(BinaryPlist.encode(try PlistValueEncoder().encode(s)).count) (checksum \(sink & 1))")
    }
}
