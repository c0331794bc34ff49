import Foundation
import Testing
@testable import FrontDeskKit
import TestSupport

/// Guarantee 5: every snapshot, segment and settings file is one bplist00 document, and so is
/// every journal record's payload; Foundation and Python's plistlib read them all.
@Suite struct StoreFormatTests {
    /// A demo office, compacted four months later (segments + an archived journal), then more writes.
    func compactedStore() throws -> TempStore {
        let tmp = try TempStore("format")
        let store = try tmp.create(at: "2026-03-10 10:30")
        try store.commitBatch { s, ctx in DemoOffice.changes(now: ctx.now, calendar: ctx.env.calendar, operator: ctx.actor, in: s) }
        store.env = TempStore.env(at: "2026-07-10 10:30")
        let report = try store.compact()
        #expect(report.archived > 0)
        #expect(!report.segmentsWritten.isEmpty)
        try storeTestAddVisitor(store, "张伟 🙂", at: "2026-07-10 11:00")
        try store.updateSettings(key: "dayEndHour", value: "19") { $0.dayEndHour = 19 }
        try store.setHook(event: "visitor.arrived", command: "echo {visitor}")
        return tmp
    }

    static let python = #"""
import plistlib, sys, os, json, zlib, struct
root = sys.argv[1]
out = {"plists": {}, "journals": {}}
for dirpath, _, files in os.walk(root):
    for f in sorted(files):
        p = os.path.join(dirpath, f)
        rel = os.path.relpath(p, root)
        data = open(p, "rb").read()
        if f.endswith(".plist"):
            assert data[:8] == b"bplist00", rel
            v = plistlib.loads(data, fmt=plistlib.FMT_BINARY)
            assert isinstance(v, dict), rel
            out["plists"][rel] = sorted(v.keys())
        elif f.startswith("journal.") and f.endswith(".log"):
            assert data[:8] == b"FDJRNL01", rel
            pos, seqs = 8, []
            while pos < len(data):
                n, crc = struct.unpack(">II", data[pos:pos+8])
                payload = data[pos+8:pos+8+n]
                assert len(payload) == n and zlib.crc32(payload) == crc, (rel, pos)
                assert payload[:8] == b"bplist00", (rel, pos)
                rec = plistlib.loads(payload, fmt=plistlib.FMT_BINARY)
                assert {"seq", "at", "unixUser", "uid", "actor", "change"} <= set(rec.keys()), rec.keys()
                seqs.append(rec["seq"])
                pos += 8 + n
            out["journals"][rel] = seqs
print(json.dumps(out, sort_keys=True))
"""#

    @Test func everyFileAndRecordIsOneBinaryPlistThatFoundationReads() throws {
        let tmp = try compactedStore()
        let files = tmp.files()
        let plists = files.filter { $0.hasSuffix(".plist") }
        let journals = files.filter { $0.hasSuffix(".log") }
        #expect(plists.contains("meta.plist") && plists.contains("snapshot.plist"))
        #expect(plists.contains { $0.hasPrefix("history/") })
        #expect(journals.count == 2)  // the archived generation and the current one
        #expect(!files.contains { $0.contains(".tmp") })

        for f in plists {
            let data = try #require(FileManager.default.contents(atPath: tmp.file(f)))
            #expect(data.prefix(8) == Data("bplist00".utf8), "\(f)")
            var format = PropertyListSerialization.PropertyListFormat.xml
            let any = try PropertyListSerialization.propertyList(from: data, options: [], format: &format)
            #expect(format == .binary, "\(f)")
            #expect(any is [String: Any], "\(f)")
        }
        let dec = PropertyListDecoder()
        let meta = try dec.decode(StoreMeta.self, from: try #require(FileManager.default.contents(atPath: tmp.file("meta.plist"))))
        #expect(meta.schemaVersion == StoreSchema.current)
        #expect(meta.settings.dayEndHour == 19)
        let snap = try dec.decode(Snapshot.self, from: try #require(FileManager.default.contents(atPath: tmp.file("snapshot.plist"))))
        #expect(snap.generation == 2)
        let store = try tmp.open(at: "2026-07-10 10:30")
        #expect(snap.state.recordCount > 0)
        var segmentRecords = 0
        for f in plists where f.hasPrefix("history/") {
            let seg = try dec.decode(HistorySegment.self, from: try #require(FileManager.default.contents(atPath: tmp.file(f))))
            #expect(f == "history/\(seg.month).plist")
            segmentRecords += seg.count
        }
        #expect(segmentRecords > 0)

        var seqs: [Int] = []
        for j in journals {
            let parsed = try #require(JournalFile.parse(file: tmp.file(j)), "\(j)")
            #expect(parsed.trailing == 0)
            for p in parsed.payloads {
                #expect(p.prefix(8) == Data("bplist00".utf8))
                let rec = try dec.decode(JournalRecord.self, from: p)
                seqs.append(rec.seq)
            }
        }
        #expect(seqs == Array(1...store.seq))
        #expect(try store.auditTrail().map(\.seq) == seqs)
    }

    @Test(.enabled(if: CLI.available("python3")))
    func pythonPlistlibReadsEveryFileAndRecord() throws {
        let tmp = try compactedStore()
        let store = try tmp.open(at: "2026-07-10 10:30")
        let r = try CLI.exec("python3", ["-c", Self.python, tmp.path])
        try #require(r.status == 0, "\(r)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let plists = try #require(json["plists"] as? [String: [String]])
        let journals = try #require(json["journals"] as? [String: [Int]])
        #expect(Set(plists.keys) == Set(tmp.files().filter { $0.hasSuffix(".plist") }))
        #expect(plists["meta.plist"]?.contains("schemaVersion") == true)
        #expect(plists["snapshot.plist"]?.contains("state") == true)
        #expect(plists.keys.contains { $0.hasPrefix("history/") })
        #expect(journals.count == 2)
        #expect(journals.values.flatMap { $0 }.sorted() == Array(1...store.seq))
    }
}
