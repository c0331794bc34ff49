import Foundation

/// Runs the store's per-event hook command (for example a `mail` or `write` line that tells the
/// host their visitor is here). Values are passed as environment variables and the command's
/// placeholders become quoted references to them, so a visitor's name can never inject shell code.
/// A failing or slow hook is reported and never blocks the desk.
public enum HostNotifier {
    /// Placeholders a hook command may use.
    public static let placeholders = ["visitor", "host", "time", "company", "id", "event", "badge", "purpose"] + MeetingHooks.placeholders

    public struct Started {
        public let event: String
        public let process: Process
        /// The hook's stderr goes to a file, never a pipe: a chatty hook cannot block on a full pipe.
        public let errorsPath: String
        public let startedAt: Date
    }

    /// The hook's values for a committed change, or nil when the change has no hook event.
    public static func values(for change: Change, in state: OfficeState, timeZone tz: TimeZone) -> [String: String]? {
        if let meeting = state.meetingHookValues(change, timeZone: tz) { return meeting }
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

    /// `{visitor}` → `"$FRONTDESK_HOOK_VISITOR"`, and so on.
    public static func shellCommand(_ template: String) -> String {
        var cmd = template
        for p in placeholders { cmd = cmd.replacingOccurrences(of: "{\(p)}", with: "\"$FRONTDESK_HOOK_\(p.uppercased())\"") }
        return cmd
    }

    /// Starts the hook configured for the change's event, if any; does not wait for it.
    public static func start(for change: Change, state: OfficeState, hooks: HookTable, timeZone tz: TimeZone) throws -> Started? {
        guard let template = hooks.hooks[change.name], !template.isEmpty,
              let values = values(for: change, in: state, timeZone: tz) else { return nil }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", shellCommand(template)]
        var env = ProcessInfo.processInfo.environment
        for (k, v) in values { env["FRONTDESK_HOOK_\(k.uppercased())"] = v }
        p.environment = env
        let errorsPath = NSTemporaryDirectory() + "/frontdesk-hook-\(getpid())-\(UUID().uuidString).err"
        guard FileManager.default.createFile(atPath: errorsPath, contents: nil), let errors = FileHandle(forWritingAtPath: errorsPath) else {
            throw CocoaError(.fileWriteUnknown)
        }
        defer { try? errors.close() }
        p.standardError = errors
        p.standardOutput = FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice
        try p.run()
        return Started(event: change.name, process: p, errorsPath: errorsPath, startedAt: Date())
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
