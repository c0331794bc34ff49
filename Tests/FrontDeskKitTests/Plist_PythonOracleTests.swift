import Foundation
import Testing
@testable import FrontDeskKit

/// Python's plistlib as an independent oracle.
@Suite struct PythonOracleTests {
    static let script = #"""
import plistlib, sys, json, datetime, base64
d = plistlib.load(open(sys.argv[1], "rb"))
def conv(v):
    if isinstance(v, bool): return {"bool": v}
    if isinstance(v, int): return {"int": v}
    if isinstance(v, float): return {"real": repr(v)}
    if isinstance(v, datetime.datetime):
        epoch = datetime.datetime(2001, 1, 1)
        return {"date": repr((v.replace(tzinfo=None) - epoch).total_seconds())}
    if isinstance(v, bytes): return {"data": v.hex()}
    if isinstance(v, str): return {"string": v}
    if isinstance(v, list): return [conv(x) for x in v]
    if isinstance(v, dict): return {k: conv(x) for k, x in v.items()}
    return {"unknown": repr(type(v))}
print(json.dumps(conv(d), sort_keys=True, ensure_ascii=True))
"""#

    func runPython(_ file: URL) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", Self.script, file.path]
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "python failed: \(String(decoding: errData, as: UTF8.self))")
        return String(decoding: data, as: UTF8.self)
    }

    @Test func pythonReadsOurFile() throws {
        let value: PlistValue = .dict([
            "name": .string("张伟 🙂"), "company": .string("Acme"), "empty": .string(""),
            "id": .int(42), "neg": .int(-3), "min": .int(Int64.min), "max": .int(Int64.max), "big": .int(4_294_967_296),
            "score": .real(2.5), "arrived": .date(Date(timeIntervalSinceReferenceDate: 767_225_045.5)),
            "photo": .data(Data([0xDE, 0xAD, 0xBE, 0xEF])), "vip": .bool(true), "gone": .bool(false),
            "floors": .array((0..<20).map { .int(Int64($0)) }),
            "long": .string(String(repeating: "x", count: 300)),
            "nested": .dict(["a": .array([.dict([:]), .array([])])]),
        ])
        let dir = FileManager.default.temporaryDirectory
        let file = dir.appendingPathComponent("plistkit-python-\(UUID().uuidString).plist")
        try BinaryPlist.encode(value).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }

        let output = try runPython(file)
        let parsed = try JSONSerialization.jsonObject(with: Data(output.utf8))
        let got = try #require(parsed as? [String: Any])

        // Compare field by field against what we wrote.
        guard case .dict(let expected) = value else { return }
        #expect(Set(got.keys) == Set(expected.keys))
        #expect((got["name"] as? [String: String])?["string"] == "张伟 🙂")
        #expect((got["empty"] as? [String: String])?["string"] == "")
        #expect((got["id"] as? [String: Int])?["int"] == 42)
        #expect((got["neg"] as? [String: Int])?["int"] == -3)
        #expect((got["min"] as? [String: NSNumber])?["int"]?.int64Value == Int64.min)
        #expect((got["max"] as? [String: NSNumber])?["int"]?.int64Value == Int64.max)
        #expect((got["big"] as? [String: NSNumber])?["int"]?.int64Value == 4_294_967_296)
        #expect((got["score"] as? [String: String])?["real"] == "2.5")
        #expect((got["arrived"] as? [String: String])?["date"] == "767225045.5")
        #expect((got["photo"] as? [String: String])?["data"] == "deadbeef")
        #expect((got["vip"] as? [String: Bool])?["bool"] == true)
        #expect((got["gone"] as? [String: Bool])?["bool"] == false)
        let floors = try #require(got["floors"] as? [[String: Int]])
        #expect(floors.map { $0["int"] } == (0..<20).map { $0 })
        #expect((got["long"] as? [String: String])?["string"]?.count == 300)
        let nested = try #require(got["nested"] as? [String: Any])
        let a = try #require(nested["a"] as? [Any])
        #expect((a.first as? [String: Any])?.isEmpty == true)
        #expect((a.last as? [Any])?.isEmpty == true)
    }

    @Test func pythonReadsCodableRecords() throws {
        let visitors = (0..<300).map(Sample.visitor)
        let dir = FileManager.default.temporaryDirectory
        let file = dir.appendingPathComponent("plistkit-python-\(UUID().uuidString).plist")
        try BinaryPlistEncoder().encode(visitors).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let output = try runPython(file)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]])
        #expect(parsed.count == 300)
        #expect((parsed[2]["name"] as? [String: String])?["string"] == "张伟 🙂")
        #expect((parsed[299]["id"] as? [String: Int])?["int"] == 299)
        #expect(parsed[3]["company"] == nil)   // nil optional omitted
    }
}
