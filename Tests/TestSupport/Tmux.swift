import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A small tmux driver for end-to-end tests of the dashboard in a real terminal.
///
/// Each instance runs its own tmux server (`tmux -L <unique socket> -f /dev/null`), so tests can
/// run in parallel and never touch a user's tmux. Tests press keys and then *wait until* the
/// screen shows what they expect (``waitUntil(timeout:_:)``), never sleep a fixed time.
/// Call ``kill()`` when done (it is also called on deinit).
public final class Tmux: @unchecked Sendable {
    /// The `-L` socket name: unique per instance.
    public let socket: String
    /// The session (and target) name.
    public let session = "fd"
    private var killed = false

    /// Why tmux could not be driven.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        public init(description: String) { self.description = description }
    }

    /// True when the `tmux` program is on PATH.
    public static var isInstalled: Bool { CLI.available("tmux") }

    /// Starts a detached session of `width` × `height` cells running `command` under `sh -c`,
    /// with `env` set and the `unsetting` variables removed for the command (via `env(1)`, so
    /// tmux's own `TERM` does not win). `remain-on-exit` is on, so the pane and its last screen
    /// stay after the command exits.
    ///
    /// - Throws: ``Failure`` when tmux is missing or the session cannot be created.
    public init(width: Int, height: Int, env: [String: String] = [:], unsetting: [String] = [], command: String) throws {
        guard Self.isInstalled else {
            throw Failure(description: "tmux is not installed; the end-to-end tests need it (apt-get install -y tmux)")
        }
        socket = "frontdesk-test-\(getpid())-\(UUID().uuidString.prefix(8))"
        let assignments = env.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        // `status off` keeps the whole window for the pane; `remain-on-exit` keeps the last screen.
        let r = try tmux(["new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)",
                          "env"] + unsetting.flatMap { ["-u", $0] } + assignments + ["sh", "-c", command, ";",
                          "set-option", "-g", "status", "off", ";",
                          "set-option", "-g", "remain-on-exit", "on", ";",
                          "set-option", "-g", "window-size", "manual"])
        guard r.status == 0 else { throw Failure(description: "tmux new-session failed: \(r)") }
    }

    deinit { kill() }

    /// Runs `tmux -L socket args…` to the end.
    @discardableResult
    public func tmux(_ args: [String]) throws -> RunResult {
        try Self.spawn(["tmux", "-L", socket, "-f", "/dev/null"] + args)
    }

    /// Runs a program to the end with `posix_spawnp`, not Foundation's `Process`: the first tmux
    /// client forks the server, which would inherit (a) the descriptor through which `Process`
    /// learns that its child ended — `waitUntilExit` then hangs until the server dies — and
    /// (b) the test thread's blocked signal mask, with which `kill-server` never finishes.
    /// So the child gets an empty signal mask, default handlers, and no descriptors above 2.
    static func spawn(_ argv: [String]) throws -> RunResult {
        let tmp = FileManager.default.temporaryDirectory.path + "/frontdesk-tmux-\(UUID().uuidString)"
        let outPath = tmp + ".out", errPath = tmp + ".err"
        defer { unlink(outPath); unlink(errPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        // glibc ignores a close action whose descriptor is no longer open by spawn time.
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd"))?.compactMap { Int32($0) }
            ?? []
        for fd in open where fd > 2 { posix_spawn_file_actions_addclose(&actions, fd) }
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var empty = sigset_t(), all = sigset_t()
        sigemptyset(&empty)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attr, &empty)
        posix_spawnattr_setsigdefault(&attr, &all)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var env = CLI.baseEnvironment()
        env["NO_COLOR"] = nil
        let cArgs = argv.map { strdup($0) } + [nil]
        let cEnv = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (cArgs + cEnv).forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawnp(&pid, argv[0], &actions, &attr, cArgs, cEnv)
        guard rc == 0 else { throw Failure(description: "cannot run \(argv[0]): \(String(cString: strerror(rc)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exited = status & 0x7F == 0
        let out = FileManager.default.contents(atPath: outPath) ?? Data()
        let err = FileManager.default.contents(atPath: errPath) ?? Data()
        return RunResult(status: exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F),
                         stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }

    /// Sends key names (`Tab`, `BTab`, `Enter`, `Escape`, `C-c`, `q`…) as tmux understands them.
    public func keys(_ names: String...) throws {
        let r = try tmux(["send-keys", "-t", session] + names)
        guard r.status == 0 else { throw Failure(description: "send-keys \(names) failed: \(r)") }
    }

    /// Types `text` literally (`send-keys -l`): UTF-8 such as `测试访客` arrives as typed characters.
    public func type(_ text: String) throws {
        let r = try tmux(["send-keys", "-t", session, "-l", text])
        guard r.status == 0 else { throw Failure(description: "send-keys -l failed: \(r)") }
    }

    /// The visible screen as text, one line per row (trailing blanks trimmed by tmux);
    /// with `escapes`, including SGR sequences for colours and attributes.
    public func capture(escapes: Bool = false) -> String {
        let r = try? tmux(["capture-pane", "-p", "-t", session] + (escapes ? ["-e"] : []))
        return r?.stdout ?? ""
    }

    /// `tmux display -p FORMAT` for the pane, e.g. `#{cursor_x},#{cursor_y}` or `#{alternate_on}`.
    public func display(_ format: String) -> String {
        let r = try? tmux(["display-message", "-p", "-t", session, format])
        return (r?.stdout ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The hardware cursor: position (0-based) and whether it is shown.
    public struct Cursor: Equatable, CustomStringConvertible {
        public var x: Int
        public var y: Int
        public var visible: Bool
        public var description: String { "(\(x),\(y)) \(visible ? "shown" : "hidden")" }
    }

    /// The hardware cursor as tmux reports it.
    ///
    /// - Throws: ``Failure`` when tmux cannot be asked or answers something else than three
    ///   numbers, so a check on the cursor fails instead of passing on a made-up "hidden".
    public var cursor: Cursor {
        get throws {
            let r = try tmux(["display-message", "-p", "-t", session, "#{cursor_x},#{cursor_y},#{cursor_flag}"])
            let text = r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            let parts = text.split(separator: ",").compactMap { Int($0) }
            guard r.status == 0, parts.count == 3, parts[2] == 0 || parts[2] == 1 else {
                throw Failure(description: "tmux could not report the cursor (status \(r.status)): '\(text)' \(r.stderr)")
            }
            return Cursor(x: parts[0], y: parts[1], visible: parts[2] == 1)
        }
    }

    /// Resizes the window (the program sees SIGWINCH).
    public func resize(width: Int, height: Int) throws {
        let r = try tmux(["resize-window", "-t", session, "-x", "\(width)", "-y", "\(height)"])
        guard r.status == 0 else { throw Failure(description: "resize-window failed: \(r)") }
    }

    /// The result of waiting: whether the condition held, the last screen seen, and how long it took.
    public struct Wait: CustomStringConvertible {
        public var ok: Bool
        public var screen: String
        public var seconds: Double
        public var description: String {
            "\(ok ? "held" : "timed out") after \(String(format: "%.2f", seconds)) s; screen:\n\(screen)"
        }
    }

    /// Captures the screen every ~50 ms until `condition(screen)` holds or `timeout` seconds pass.
    @discardableResult
    public func waitUntil(timeout: Double = 10, escapes: Bool = false, _ condition: (String) -> Bool) -> Wait {
        let start = Date()
        var screen = ""
        while true {
            screen = capture(escapes: escapes)
            let elapsed = Date().timeIntervalSince(start)
            if condition(screen) { return Wait(ok: true, screen: screen, seconds: elapsed) }
            if elapsed >= timeout { return Wait(ok: false, screen: screen, seconds: elapsed) }
            usleep(50_000)
        }
    }

    /// Polls any condition (cursor, display formats) every ~50 ms; the screen is captured for the report.
    @discardableResult
    public func waitUntil(timeout: Double = 10, state condition: () -> Bool) -> Wait {
        let start = Date()
        while true {
            let elapsed = Date().timeIntervalSince(start)
            if condition() { return Wait(ok: true, screen: capture(), seconds: elapsed) }
            if elapsed >= timeout { return Wait(ok: false, screen: capture(), seconds: elapsed) }
            usleep(50_000)
        }
    }

    /// Stops the tmux server of this instance (and the program in it). Safe to call twice.
    public func kill() {
        guard !killed else { return }
        killed = true
        _ = try? tmux(["kill-server"])
    }
}

extension String {
    /// The lines of a captured screen (without the final empty line after the last newline).
    public var screenLines: [String] {
        var lines = components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
