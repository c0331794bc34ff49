import Foundation
import FrontDeskKit
#if canImport(Glibc)
import Glibc
#endif

/// A throwaway directory for one test's store, removed when the value goes away (or on `remove()`).
/// The store itself lives at `path` (a child of the temp directory), so the store code creates it
/// with its own modes.
public final class TempStore: @unchecked Sendable {
    /// The per-test temporary directory (mode 0700, owned by the test).
    public let base: String
    /// Where the store goes: `base/store`. Not created here.
    public let path: String

    public init(_ label: String = "store") throws {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("frontdesk-test-\(label)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        base = dir
        path = dir + "/store"
    }

    deinit { remove() }

    public func remove() { try? FileManager.default.removeItem(atPath: base) }

    /// A path inside the store directory.
    public func file(_ relative: String) -> String { path + "/" + relative }

    /// The office's time zone in every test.
    public static let timeZone = TimeZone(identifier: "Asia/Shanghai")!

    /// "YYYY-MM-DD HH:MM" in Shanghai time.
    public static func date(_ s: String) -> Date {
        guard let d = DateInput.parseDateTime(s, timeZone) else { fatalError("bad test date \(s)") }
        return d
    }

    /// A fixed-clock environment in Shanghai time. `unixUser` defaults to `user`.
    public static func env(at when: String = "2026-03-10 10:30", user: String = "lina", unixUser: String? = nil) -> Environment {
        Environment.fixed(at: date(when), user: user, unixUser: unixUser, timeZone: timeZone)
    }

    /// Creates the store (allowing overrides by default) with a fixed clock.
    @discardableResult
    public func create(at when: String = "2026-03-10 10:30", user: String = "lina", allowOverrides: Bool = true) throws -> Store {
        try Store.create(at: path, env: Self.env(at: when, user: user), allowOverrides: allowOverrides)
    }

    /// Opens the store with a fixed clock.
    public func open(at when: String = "2026-03-10 10:30", user: String = "lina") throws -> Store {
        try Store.open(at: path, env: Self.env(at: when, user: user))
    }

    /// Names of the store's files, relative to the store directory (recursive), sorted.
    public func files() -> [String] {
        guard let e = FileManager.default.enumerator(atPath: path) else { return [] }
        return e.compactMap { $0 as? String }.sorted()
    }

    /// `st_mode` of a path (including the file type and setgid bits).
    public static func mode(_ path: String) -> mode_t? {
        var st = stat()
        return stat(path, &st) == 0 ? st.st_mode : nil
    }
}

/// Reads a journal file the way an independent tool would: magic, then
/// `[UInt32 BE length][UInt32 BE CRC-32][payload]` frames.
public enum JournalFile {
    public static let magic = Data("FDJRNL01".utf8)

    public struct Parsed {
        /// Payloads of complete, checksummed frames, in order.
        public var payloads: [Data]
        /// Offset just after the last good frame.
        public var goodEnd: Int
        /// Bytes after `goodEnd`.
        public var trailing: Int
    }

    public static func parse(_ bytes: Data) -> Parsed? {
        let b = [UInt8](bytes)
        guard b.count >= 8, Data(b[0..<8]) == magic else { return nil }
        var pos = 8
        var out: [Data] = []
        while pos + 8 <= b.count {
            let len = Int(b[pos]) << 24 | Int(b[pos + 1]) << 16 | Int(b[pos + 2]) << 8 | Int(b[pos + 3])
            let crc = UInt32(b[pos + 4]) << 24 | UInt32(b[pos + 5]) << 16 | UInt32(b[pos + 6]) << 8 | UInt32(b[pos + 7])
            guard pos + 8 + len <= b.count else { break }
            let payload = Data(b[(pos + 8)..<(pos + 8 + len)])
            guard crc32(payload) == crc else { break }
            out.append(payload)
            pos += 8 + len
        }
        return Parsed(payloads: out, goodEnd: pos, trailing: b.count - pos)
    }

    public static func parse(file: String) -> Parsed? {
        guard let d = FileManager.default.contents(atPath: file) else { return nil }
        return parse(d)
    }

    /// A frame as the format defines it (for hand-made torn tails).
    public static func frame(_ payload: Data) -> Data {
        var out = Data()
        let n = UInt32(payload.count), c = crc32(payload)
        out.append(contentsOf: [UInt8(n >> 24), UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)])
        out.append(contentsOf: [UInt8(c >> 24), UInt8(c >> 16 & 0xFF), UInt8(c >> 8 & 0xFF), UInt8(c & 0xFF)])
        out.append(payload)
        return out
    }

    /// Plain CRC-32 (IEEE, reflected, as zlib), written independently of the store's.
    public static func crc32(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    /// Appends raw bytes to a file (a crash mid-append, simulated).
    public static func append(_ bytes: Data, to file: String) throws {
        let h = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
        defer { try? h.close() }
        try h.seekToEnd()
        try h.write(contentsOf: bytes)
    }

    /// Current journal path(s) of a store directory (not archived ones).
    public static func current(in store: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: store)) ?? [])
            .filter { $0.hasPrefix("journal.") && $0.hasSuffix(".log") }.sorted().map { store + "/" + $0 }
    }
}

/// The result of running a process.
public struct RunResult: Sendable, CustomStringConvertible {
    public var status: Int32
    public var stdout: String
    public var stderr: String
    /// stdout's first line.
    public var firstLine: String { stdout.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? "" }
    public var description: String { "exit \(status)\n--- stdout:\n\(stdout)--- stderr:\n\(stderr)" }
}

/// Runs the built `frontdesk` binary (or any program) as a real process, in Shanghai time.
public enum CLI {
    /// The `frontdesk` executable next to the test bundle (or `$FRONTDESK_BIN`).
    public static let binary: String = {
        if let b = ProcessInfo.processInfo.environment["FRONTDESK_BIN"], !b.isEmpty { return b }
        var dirs: [URL] = []
        let arg0 = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        dirs.append(arg0.deletingLastPathComponent())
        dirs.append(Bundle.main.bundleURL)
        dirs.append(Bundle.main.bundleURL.deletingLastPathComponent())
        // macOS: …/debug/frontdeskPackageTests.xctest/Contents/MacOS/…
        dirs.append(arg0.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent())
        for d in dirs {
            let p = d.appendingPathComponent("frontdesk").path
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: p, isDirectory: &isDir), !isDir.boolValue,
               FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return dirs[0].appendingPathComponent("frontdesk").path
    }()

    /// The environment every child gets: the parent's, minus any FRONTDESK_*, in Shanghai time.
    public static func baseEnvironment() -> [String: String] {
        var e = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("FRONTDESK_") }
        e["TZ"] = "Asia/Shanghai"
        e["LANG"] = "C.UTF-8"
        e["NO_COLOR"] = "1"
        return e
    }

    /// A started process whose output goes to temporary files (no pipe can fill up and block it).
    public final class Running: @unchecked Sendable {
        let process: Process
        let outPath: String
        let errPath: String

        init(executable: String, arguments: [String], env: [String: String], stdin: Data?) throws {
            let tmp = FileManager.default.temporaryDirectory.path + "/frontdesk-run-\(UUID().uuidString)"
            outPath = tmp + ".out"; errPath = tmp + ".err"
            FileManager.default.createFile(atPath: outPath, contents: nil)
            FileManager.default.createFile(atPath: errPath, contents: nil)
            process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
            process.environment = env
            process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
            process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
            if let stdin {
                let p = Pipe()
                process.standardInput = p
                try process.run()
                p.fileHandleForWriting.write(stdin)
                try? p.fileHandleForWriting.close()
            } else {
                process.standardInput = FileHandle.nullDevice
                try process.run()
            }
        }

        public func wait() -> RunResult {
            process.waitUntilExit()
            let out = FileManager.default.contents(atPath: outPath) ?? Data()
            let err = FileManager.default.contents(atPath: errPath) ?? Data()
            try? FileManager.default.removeItem(atPath: outPath)
            try? FileManager.default.removeItem(atPath: errPath)
            return RunResult(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                             stderr: String(decoding: err, as: UTF8.self))
        }
    }

    /// Starts `frontdesk args…` without waiting; `env` adds to (or, with "", removes from) the base environment.
    public static func start(_ args: [String], env: [String: String] = [:], executable: String? = nil, stdin: Data? = nil) throws -> Running {
        var e = baseEnvironment()
        for (k, v) in env { if v.isEmpty && !k.hasPrefix("FRONTDESK_") { e[k] = nil } else { e[k] = v } }
        return try Running(executable: executable ?? binary, arguments: args, env: e, stdin: stdin)
    }

    /// Runs `frontdesk args…` to the end.
    @discardableResult
    public static func run(_ args: [String], env: [String: String] = [:], stdin: Data? = nil) throws -> RunResult {
        try start(args, env: env, stdin: stdin).wait()
    }

    /// Runs any program (python3, sh, strace) to the end.
    @discardableResult
    public static func exec(_ program: String, _ args: [String], env: [String: String] = [:]) throws -> RunResult {
        let path = program.hasPrefix("/") ? program : "/usr/bin/env"
        let argv = program.hasPrefix("/") ? args : [program] + args
        return try start(argv, env: env, executable: path).wait()
    }

    /// True when `program` is on PATH.
    public static func available(_ program: String) -> Bool {
        (try? exec("sh", ["-c", "command -v \(program)"]))?.status == 0
    }

    /// Store and override variables for one acting user at one instant.
    public static func vars(_ store: String, user: String = "lina", now: String = "2026-03-10 10:30") -> [String: String] {
        ["FRONTDESK_STORE": store, "FRONTDESK_USER": user, "FRONTDESK_NOW": now]
    }
}
