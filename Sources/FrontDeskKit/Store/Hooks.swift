import Foundation

/// `hooks.plist`: event → command line (host notification). Kept apart from the group-writable
/// settings because a hook runs as whichever desk user triggers the event: it runs only when the
/// file is writable by its owner alone and that owner is root or an admin of the store.
public struct HookTable: Codable, Sendable, Equatable {
    public var hooks: [String: String] = [:]
    public init(hooks: [String: String] = [:]) { self.hooks = hooks }

    /// Events that can carry a hook.
    public static let events = ["visitor.add", "visitor.confirm", "visitor.arrived", "visitor.checkin", "visitor.checkout", "visitor.cancel"]
        + MeetingHooks.events
}

extension Store {
    /// The hooks, or why they may not run (the reason is for the desk's status line / stderr).
    public func hooks() -> (table: HookTable, refusal: String?) {
        var st = stat()
        guard stat(paths.hooks, &st) == 0 else { return (HookTable(), nil) }
        let table: HookTable
        do {
            guard let bytes = try Posix.read(paths.hooks) else { return (HookTable(), nil) }
            table = try BinaryPlistDecoder().decode(HookTable.self, from: bytes)
        } catch {
            return (HookTable(), "hooks.plist cannot be read (\(error)); no hook was run")
        }
        if st.st_mode & 0o022 != 0 {
            return (table, "hooks.plist is writable by others than its owner, so no hook was run (fix: chmod go-w \(paths.hooks))")
        }
        let owner = getpwuid(st.st_uid).flatMap { $0.pointee.pw_name.map { String(cString: $0) } } ?? "uid\(st.st_uid)"
        if st.st_uid != 0 && !state.hasRole(owner, .admin) {
            return (table, "hooks.plist belongs to \(owner), who is not an admin, so no hook was run")
        }
        return (table, nil)
    }

    /// Sets or clears (empty command) the hook of an event. Admin only; audited in the journal.
    public func setHook(event: String, command: String) throws {
        try withWriteLock {
            if !state.hasRole(env.actingUser, .admin) {
                throw Refusal.permission("\(env.actingUser) may not change hooks: that needs the admin role.")
            }
            var table = hooks().table
            table.hooks[event] = command.isEmpty ? nil : command
            _ = try append(.changeSetting(key: "hook \(event)", value: command))
            try Posix.atomicWrite(try BinaryPlistEncoder().encode(table), to: paths.hooks, mode: 0o644)
        }
    }
}
