import Foundation
import Testing
import TestSupport
@testable import FrontDeskKit
#if canImport(Glibc)
import Glibc
#endif

/// The file-level trust boundary (issue 9): links, temp-file games, loose modes and foreign owners.
@Suite("Store boundary")
struct StoreBoundaryTests {
    /// A file outside the store that an attacker would like a store write to land on.
    func precious(_ tmp: TempStore) throws -> String {
        let p = tmp.base + "/precious"
        try Data("precious\n".utf8).write(to: URL(fileURLWithPath: p))
        chmod(p, 0o640)
        return p
    }

    func untouched(_ p: String) -> Bool {
        FileManager.default.contents(atPath: p) == Data("precious\n".utf8) && (TempStore.mode(p).map { $0 & 0o7777 } == 0o640)
    }

    func refusal(_ body: () throws -> Void) -> StoreError? {
        do { try body(); return nil } catch let e as StoreError { return e } catch { return nil }
    }

    @Test func aLockSymlinkedOutsideIsRefusedAndItsTargetUntouched() throws {
        let tmp = try TempStore("locklink")
        let early = try tmp.create()  // a session that opened before the link was planted
        let target = try precious(tmp)
        unlink(tmp.file("store.lock"))
        #expect(symlink(target, tmp.file("store.lock")) == 0)
        let e = refusal { _ = try tmp.open() }
        #expect(e?.problem.contains("symbolic link") == true, "\(String(describing: e))")
        #expect(e?.remedy.contains("rm \(tmp.file("store.lock"))") == true)
        #expect(untouched(target))
        withExtendedLifetime(early) {}
    }

    @Test func aWriterWhoseLockBecameALinkDoesNotFollowIt() throws {
        let tmp = try TempStore("locklink2")
        try tmp.create()
        let store = try tmp.open()  // opened before the plant; takes the lock lazily on first write
        let target = try precious(tmp)
        unlink(tmp.file("store.lock"))
        #expect(symlink(target, tmp.file("store.lock")) == 0)
        let e = refusal { try storeTestAddVisitor(store, "Through the link") }
        #expect(e?.problem.contains("symbolic link") == true, "\(String(describing: e))")
        #expect(untouched(target))
    }

    @Test func aPrecreatedNextJournalLinkIsRefusedByCompactionAndItsTargetUntouched() throws {
        let tmp = try TempStore("journallink")
        let store = try tmp.create()
        try storeTestAddVisitor(store, "Before compaction")
        let target = try precious(tmp)
        #expect(symlink(target, tmp.file("journal.000002.log")) == 0)
        #expect(throws: StoreError.self) { try store.compact() }
        #expect(untouched(target))
        #expect(refusal { _ = try tmp.open() }?.file == tmp.file("journal.000002.log"))
        unlink(tmp.file("journal.000002.log"))
        #expect(try tmp.open().state.visitors.values.contains { $0.name == "Before compaction" }, "nothing was lost")
    }

    @Test func tempFilesHaveUnpredictableNamesAndNeverFollowAPlantedLink() throws {
        let tmp = try TempStore("tempnames")
        let store = try tmp.create()
        let target = try precious(tmp)
        // The old scheme's names (pid-based) and a guess at ours: links planted at each.
        for name in ["meta.plist.tmp.\(getpid())", "meta.plist.tmp.\(getpid() + 1)", "meta.plist.tmp.0000000000000000"] {
            #expect(symlink(target, tmp.file(name)) == 0)
        }
        let feed = inotify_init1(Int32(IN_NONBLOCK))
        defer { close(feed) }
        #expect(inotify_add_watch(feed, tmp.path, UInt32(IN_CREATE)) >= 0)
        // Settings are written by the store itself, not via the open check: write twice.
        try store.updateSettings(key: "dayEndHour", value: "19") { $0.dayEndHour = 19 }
        try store.updateSettings(key: "dayEndHour", value: "20") { $0.dayEndHour = 20 }
        var buf = [UInt8](repeating: 0, count: 8192)
        let n = read(feed, &buf, buf.count)
        var created: [String] = []
        var off = 0
        while off + 16 <= max(n, 0) {
            let len = Int(buf[off + 12]) | Int(buf[off + 13]) << 8 | Int(buf[off + 14]) << 16 | Int(buf[off + 15]) << 24
            let name = String(decoding: buf[(off + 16)..<(off + 16 + len)].prefix { $0 != 0 }, as: UTF8.self)
            created.append(name)
            off += 16 + len
        }
        let temps = created.filter { $0.hasPrefix("meta.plist.tmp.") }
        #expect(temps.count == 2, "\(created)")
        #expect(Set(temps).count == 2, "two writes, two different names")
        for t in temps {
            let suffix = t.dropFirst("meta.plist.tmp.".count)
            #expect(suffix.count == 32 && suffix.allSatisfy(\.isHexDigit), "128 random bits: \(t)")
        }
        #expect(untouched(target))
        for name in ["meta.plist.tmp.\(getpid())", "meta.plist.tmp.\(getpid() + 1)", "meta.plist.tmp.0000000000000000"] { unlink(tmp.file(name)) }
        #expect(try tmp.open().meta.settings.dayEndHour == 20)
    }

    @Test func aLinkAtTheNameOfANewFileIsNeverFollowed() throws {
        let tmp = try TempStore("excl")
        try tmp.create()
        let target = try precious(tmp)
        let dir = try StoreDirectory(opening: tmp.path)
        #expect(symlink(target, tmp.file("guessed.tmp")) == 0)
        #expect(throws: StoreError.self) { _ = try dir.createFile("guessed.tmp") }
        #expect(throws: StoreError.self) { _ = try dir.openFile("guessed.tmp", O_RDWR) }
        #expect(untouched(target))
    }

    @Test(arguments: [("journal.000001.log", mode_t(0o666), "chmod 600"), ("meta.plist", 0o644, "chmod 600"),
                      ("snapshot.plist", 0o640, "chmod 600"), ("history", 0o777, "chmod 700"), ("", 0o2770, "chmod 700")])
    func looseModesAreRefusedWithTheFix(_ name: String, _ mode: mode_t, _ fix: String) throws {
        let tmp = try TempStore("modes")
        let store = try tmp.create()
        try storeTestAddVisitor(store, "Kept")
        let path = name.isEmpty ? tmp.path : tmp.file(name)
        #expect(chmod(path, mode) == 0)
        let e = refusal { _ = try tmp.open() }
        #expect(e?.file == path, "\(String(describing: e))")
        #expect(e?.remedy.contains("\(fix) \(path)") == true, "\(String(describing: e))")
        // check names it too, and the fix works.
        #expect(store.check().contains { !$0.ok && $0.detail.contains("\(fix) \(path)") })
        #expect(chmod(path, name.isEmpty || name == "history" ? 0o700 : 0o600) == 0)
        #expect(try tmp.open().state.visitors.values.contains { $0.name == "Kept" })
    }

    @Test func aHooksFileOthersCanReadIsRefused() throws {
        let tmp = try TempStore("hookmode")
        let store = try tmp.create()
        try store.setHook(event: "visitor.add", command: "true")
        #expect(TempStore.mode(tmp.file("hooks.plist")).map { $0 & 0o777 } == 0o600)
        chmod(tmp.file("hooks.plist"), 0o644)
        #expect(refusal { _ = try tmp.open() }?.file == tmp.file("hooks.plist"))
    }

    @Test func aForeignFileOrAStoreOfAnotherUserIsRefused() throws {
        guard geteuid() == 0 else { return }  // chown needs root (CI runs as root)
        let tmp = try TempStore("foreign")
        try tmp.create()
        #expect(chown(tmp.file("meta.plist"), 65534, 65534) == 0)
        let e = refusal { _ = try tmp.open() }
        #expect(e?.file == tmp.file("meta.plist"))
        #expect(e?.problem.contains("not to the store's owner") == true, "\(String(describing: e))")
        #expect(chown(tmp.file("meta.plist"), 0, 0) == 0)
        #expect(chown(tmp.path, 65534, 65534) == 0)
        let e2 = refusal { _ = try tmp.open() }
        #expect(e2?.problem.contains("this store belongs to") == true, "\(String(describing: e2))")
        #expect(chown(tmp.path, 0, 0) == 0)
        _ = try tmp.open()
    }

    @Test func aStoreDirectoryThatIsALinkIsRefused() throws {
        let tmp = try TempStore("dirlink")
        try tmp.create()
        let link = tmp.base + "/alias"
        #expect(symlink(tmp.path, link) == 0)
        let e = refusal { _ = try Store.open(at: link, env: TempStore.env()) }
        #expect(e?.problem.contains("symbolic link") == true, "\(String(describing: e))")
    }
}
