import Foundation

/// Runs the store's per-event hook command (for example a `mail` or `write` line that tells the
/// host their visitor is here). Values are passed as separate arguments and the command's
/// placeholders become quoted references to them, so a visitor's name can never inject shell code.
/// A failing or slow hook is reported and never blocks the desk.
public enum HostNotifier {
    /// Placeholders a hook command may use.
    public static let placeholders = ["visitor", "host", "time", "company", "id", "event", "badge", "purpose"] + MeetingHooks.placeholders + DocumentHooks.placeholders
        + ParcelHooks.placeholders + AssetHooks.placeholders + PaperTrailHooks.placeholders + StaffHooks.placeholders

    public struct Started {
        public let event: String
        public let process: HookProcess
        /// The hook's stderr goes to a file, never a pipe: a chatty hook cannot block on a full pipe.
        public let errorsPath: String
        public let startedAt: Date
    }

    /// The hook's values for a committed change, or nil when the change has no hook event.
    public static func values(for change: Change, in state: OfficeState, timeZone tz: TimeZone) -> [String: String]? {
        if let meeting = state.meetingHookValues(change, timeZone: tz) { return meeting }
        if let document = state.documentHookValues(change, timeZone: tz) { return document }
        if let parcel = state.parcelHookValues(change, timeZone: tz) { return parcel }
        if let asset = state.assetHookValues(change, timeZone: tz) { return asset }
        if let paper = state.paperTrailHookValues(change, timeZone: tz) { return paper }
        if let staff = state.staffHookValues(change, timeZone: tz) { return staff }
        let id = change.subject
        guard let v = state.visitors[id] else { return nil }
        switch change {
        case .addVisitor, .confirmVisitor, .visitorArrived, .checkInVisitor, .checkOutVisitor, .cancelVisitor:
            return ["visitor": v.name, "host": v.host, "time": Clock.dayHM(v.arrivedAt ?? v.expectedAt, tz), "company": v.company ?? "",
                    "id": v.id, "event": change.name, "badge": v.badgesOut.joined(separator: " "), "purpose": v.purpose ?? ""]
        default:
            return nil
        }
    }

    /// The hook's shell script: each `{placeholder}` becomes a reference to a positional
    /// parameter, quoted for where it stands (outside quotes `"${1}"`, inside double quotes
    /// `${1}`, inside single quotes `'"${1}"'`), so the value arrives as one word, spaces and all,
    /// and the shell never reads it as code. Values follow as separate arguments (`arguments`).
    public static func shellCommand(_ template: String) -> String {
        enum Quote { case none, single, double }
        var out = ""
        var quote = Quote.none
        var i = template.startIndex
        while i < template.endIndex {
            let c = template[i]
            if c == "{", let close = template[i...].firstIndex(of: "}"),
               let n = placeholders.firstIndex(of: String(template[template.index(after: i)..<close])) {
                switch quote {
                case .none: out += "\"${\(n + 1)}\""
                case .double: out += "${\(n + 1)}"
                case .single: out += "'\"${\(n + 1)}\"'"
                }
                i = template.index(after: close)
                continue
            }
            out.append(c)
            switch (quote, c) {
            case (.none, "'"): quote = .single
            case (.single, "'"): quote = .none
            case (.none, "\""): quote = .double
            case (.double, "\""): quote = .none
            case (.none, "\\"), (.double, "\\"):
                // An escaped character is taken as it is (it neither opens nor closes a quote).
                let next = template.index(after: i)
                if next < template.endIndex { out.append(template[next]); i = template.index(after: next); continue }
            default: break
            }
            i = template.index(after: i)
        }
        return out
    }

    /// `sh -c SCRIPT frontdesk-hook VALUE1 … VALUEn`: the values in placeholder order.
    public static func arguments(_ template: String, values: [String: String]) -> [String] {
        ["/bin/sh", "-c", shellCommand(template), "frontdesk-hook"] + placeholders.map { values[$0] ?? "" }
    }

    /// The hook's whole environment: nothing of the caller's but the language, plus who runs it
    /// (from the password database) and the values as `FRONTDESK_HOOK_*`.
    static func minimalEnvironment(values: [String: String], timeZone tz: TimeZone) -> [String] {
        var env: [String: String] = ["PATH": "/usr/local/bin:/usr/bin:/bin", "TZ": tz.identifier, "LANG": "C.UTF-8"]
        if let lang = ProcessInfo.processInfo.environment["LANG"], lang.allSatisfy({ $0.isLetter || $0.isNumber || "._-@".contains($0) }) { env["LANG"] = lang }
        if let pw = getpwuid(getuid()) {
            if let d = pw.pointee.pw_dir { env["HOME"] = String(cString: d) }
            if let n = pw.pointee.pw_name { env["USER"] = String(cString: n); env["LOGNAME"] = String(cString: n) }
        }
        for (k, v) in values { env["FRONTDESK_HOOK_\(k.uppercased())"] = v }
        return env.map { "\($0.key)=\($0.value)" }.sorted()
    }

    /// Starts the hook configured for the change's event, if any; does not wait for it.
    /// The hook runs as the real user with every id reset (`POSIX_SPAWN_RESETIDS`), whatever
    /// set-uid account this process may hold, with a minimal environment, stdin and stdout on
    /// /dev/null and stderr in a private temporary file.
    public static func start(for change: Change, state: OfficeState, hooks: HookTable, timeZone tz: TimeZone) throws -> Started? {
        guard let template = hooks.hooks[change.name], !template.isEmpty,
              let values = values(for: change, in: state, timeZone: tz) else { return nil }
        var pattern = Array((NSTemporaryDirectory() + "/frontdesk-hook-XXXXXX").utf8CString)
        let errFD = pattern.withUnsafeMutableBufferPointer { b -> Int32 in b.baseAddress.map { mkstemp($0) } ?? -1 }
        guard errFD >= 0 else { throw CocoaError(.fileWriteUnknown) }
        _ = fcntl(errFD, F_SETFD, FD_CLOEXEC)
        let errorsPath = String(cString: pattern)
        defer { close(errFD) }
        let process = try HookProcess.spawn(arguments(template, values: values), environment: minimalEnvironment(values: values, timeZone: tz), stderr: errFD)
        return Started(event: change.name, process: process, errorsPath: errorsPath, startedAt: Date())
    }

    /// Waits up to `timeout` seconds. Nil when the hook succeeded; otherwise what to tell the desk.
    public static func outcome(_ s: Started, timeout: TimeInterval) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while s.process.isRunning && Date() < deadline { usleep(10_000) }
        if s.process.isRunning {
            s.process.terminate()
            try? FileManager.default.removeItem(atPath: s.errorsPath)
            return "the \(s.event) hook took longer than \(Int(timeout)) s and was stopped"
        }
        return check(s)
    }

    /// For a finished hook: nil on success, else the failure with the first line of its stderr.
    public static func check(_ s: Started) -> String? {
        guard !s.process.isRunning else { return nil }
        defer { try? FileManager.default.removeItem(atPath: s.errorsPath) }
        guard s.process.terminationStatus != 0 else { return nil }
        let head = (FileHandle(forReadingAtPath: s.errorsPath).flatMap { try? $0.read(upToCount: 4096) }) ?? Data()
        let err = String(decoding: head, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
        return "the \(s.event) hook failed (exit \(s.process.terminationStatus))\(err.isEmpty ? "" : ": \(err)")"
    }
}

/// A hook's child process, started with `posix_spawn` so the set-uid account is never passed on.
public final class HookProcess: @unchecked Sendable {
    public let pid: pid_t
    private var status: Int32?

    init(pid: pid_t) { self.pid = pid }

    /// Spawns `arguments[0]` with ids reset to the real user's, `environment` as its whole
    /// environment, stdin/stdout on /dev/null and stderr on `stderr`.
    static func spawn(_ arguments: [String], environment: [String], stderr: Int32) throws -> HookProcess {
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attr, &mask)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_RESETIDS | POSIX_SPAWN_SETSIGMASK))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, stderr, 2)
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer { for p in argv + envp { free(p) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, arguments[0], &actions, &attr, argv, envp)
        guard rc == 0 else { throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EPERM) }
        return HookProcess(pid: pid)
    }

    /// False once the child has exited (it is reaped then).
    public var isRunning: Bool {
        guard status == nil else { return false }
        var st: Int32 = 0
        let r = waitpid(pid, &st, WNOHANG)
        if r == pid { status = st; return false }
        if r < 0 { status = -1; return false }
        return true
    }

    /// The exit status (128 + signal for a killed hook); valid once `isRunning` is false.
    public var terminationStatus: Int32 {
        guard let st = status else { return -1 }
        if st < 0 { return -1 }
        let signal = st & 0x7f
        return signal == 0 ? (st >> 8) & 0xff : 128 + signal
    }

    /// Stops the hook (SIGTERM) and reaps it.
    public func terminate() {
        guard status == nil else { return }
        kill(pid, SIGTERM)
        var st: Int32 = 0
        if waitpid(pid, &st, 0) == pid { status = st }
    }
}
