import Foundation
import FrontDeskKit

/// `frontdesk-bench MODE STORE`: decodes every `history/*.plist` segment of a store one way and
/// prints one line `MODE files=N records=R bytes=B read_ms=X decode_ms=Y`, for `scripts/bench`.
///
/// Modes: `kit` (FrontDeskKit's `BinaryPlistDecoder` into `HistorySegment`), `serialization`
/// (Foundation's `PropertyListSerialization` into untyped values) and `decoder` (Foundation's
/// `PropertyListDecoder` into `HistorySegment`). `meetings` prints instead every history meeting
/// as `id TAB start TAB end TAB room TAB title` (times in Unix seconds), for calcurse's file.
/// `dump` prints every history visitor as `V TAB id TAB host TAB expectedAt TAB status TAB headCount`
/// and every stock move as `K TAB id TAB sku TAB kind TAB quantity TAB at TAB department` (times in
/// Unix seconds), for loading SQLite. `serialization-visitors` is Foundation's side of a visitors
/// report: `PropertyListSerialization` decodes each segment and its visitors are counted per host
/// (whole process timed by the caller). The files are read into memory first, so
/// `decode_ms` is the decode alone; each mode runs in its own process so none warms another's caches.
/// Exits 2 on a usage error and 1 when a segment cannot be read or decoded (naming the file).

/// Where the clock is read: monotonic, in milliseconds.
func milliseconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) * 1000 + Double(t.tv_nsec) / 1_000_000
}

func fail(_ message: String, code: Int32) -> Never {
    FileHandle.standardError.write(Data("frontdesk-bench: \(message)\n".utf8))
    exit(code)
}

let modes = ["kit", "serialization", "decoder", "meetings", "dump", "serialization-visitors"]
let args = CommandLine.arguments
guard args.count == 3, modes.contains(args[1]) else {
    fail("usage: frontdesk-bench kit|serialization|decoder|meetings|dump|serialization-visitors STORE_DIR", code: 2)
}
let mode = args[1]
let historyDir = URL(fileURLWithPath: args[2]).appendingPathComponent("history")

let started = milliseconds()
let names: [String]
do {
    names = try FileManager.default.contentsOfDirectory(atPath: historyDir.path)
        .filter { $0.hasSuffix(".plist") }.sorted()
} catch {
    fail("cannot list \(historyDir.path): \(error). Pass a store made by frontdesk generate.", code: 1)
}
if names.isEmpty { fail("no history segments in \(historyDir.path). Pass a store made by frontdesk generate.", code: 1) }
var files: [(String, Data)] = []
for name in names {
    let path = historyDir.appendingPathComponent(name).path
    guard let bytes = FileManager.default.contents(atPath: path) else { fail("cannot read \(path).", code: 1) }
    files.append((path, bytes))
}
let read = milliseconds()

// Counting records keeps the optimiser from dropping a decode whose result is unused.
var records = 0
var perHost: [String: Int] = [:]
for (path, bytes) in files {
    do {
        switch mode {
        case "kit":
            records += try BinaryPlistDecoder().decode(HistorySegment.self, from: bytes).count
        case "meetings":
            // Python's plistlib takes half a minute over 30 MB; this takes the typed decoder's time.
            var out = ""
            for m in try BinaryPlistDecoder().decode(HistorySegment.self, from: bytes).meetings {
                let title = m.title.split(whereSeparator: { $0 == "\t" || $0.isNewline }).joined(separator: " ")
                out += "\(m.id)\t\(Int(m.start.timeIntervalSince1970))\t\(Int(m.end.timeIntervalSince1970))\t\(m.roomID)\t\(title)\n"
                records += 1
            }
            FileHandle.standardOutput.write(Data(out.utf8))
        case "dump":
            let seg = try BinaryPlistDecoder().decode(HistorySegment.self, from: bytes)
            func clean(_ s: String) -> String { s.split(whereSeparator: { $0 == "\t" || $0.isNewline }).joined(separator: " ") }
            var out = ""
            for v in seg.visitors {
                out += "V\t\(v.id)\t\(clean(v.host))\t\(Int(v.expectedAt.timeIntervalSince1970))\t\(v.status.rawValue)\t\(v.headCount)\n"
            }
            for m in seg.moves {
                out += "K\t\(m.id)\t\(m.sku)\t\(m.kind.rawValue)\t\(m.quantity)\t\(Int(m.at.timeIntervalSince1970))\t\(clean(m.department ?? ""))\n"
            }
            records += seg.visitors.count + seg.moves.count
            FileHandle.standardOutput.write(Data(out.utf8))
        case "serialization-visitors":
            let top = try PropertyListSerialization.propertyList(from: bytes, options: [], format: nil)
            guard let dict = top as? [String: Any] else { fail("\(path) is not a dictionary.", code: 1) }
            for case let v as [String: Any] in dict["visitors"] as? [Any] ?? [] {
                perHost[v["host"] as? String ?? "", default: 0] += 1
                records += 1
            }
        case "decoder":
            records += try PropertyListDecoder().decode(HistorySegment.self, from: bytes).count
        default:
            let top = try PropertyListSerialization.propertyList(from: bytes, options: [], format: nil)
            guard let dict = top as? [String: Any] else { fail("\(path) is not a dictionary.", code: 1) }
            for key in ["meetings", "visitors", "moves", "approvals"] { records += (dict[key] as? [Any])?.count ?? 0 }
        }
    } catch {
        fail("cannot decode \(path) (\(mode)): \(error)", code: 1)
    }
}
let decoded = milliseconds()
if mode == "meetings" || mode == "dump" { exit(0) }
let bytes = files.reduce(0) { $0 + $1.1.count }
if mode == "serialization-visitors" { print("hosts=\(perHost.count)") }
print("\(mode) files=\(files.count) records=\(records) bytes=\(bytes) read_ms=\(String(format: "%.3f", read - started)) decode_ms=\(String(format: "%.3f", decoded - read))")
