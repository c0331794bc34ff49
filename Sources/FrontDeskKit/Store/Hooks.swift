import Foundation

/// `hooks.plist` (mode 0600): event → command line (host notification). A hook runs as whichever
/// user triggers the event (ids reset, see `HostNotifier`), so it runs only from a file writable
/// by its owner alone, owned by the store's owner (you, or the team store's account) or root.
public struct HookTable: Codable, Sendable, Equatable {
    public var hooks: [String: String] = [:]
    public init(hooks: [String: String] = [:]) { self.hooks = hooks }

    /// Events that can carry a hook.
    public static let events = ["visitor.add", "visitor.confirm", "visitor.arrived", "visitor.checkin", "visitor.checkout", "visitor.cancel"]
        + MeetingHooks.events + DocumentHooks.events + ParcelHooks.events + AssetHooks.events + PaperTrailHooks.events + StaffHooks.events
}

extension Store {
    /// The hooks, or why they may not run (the reason is for the desk's status line / stderr).
    public func hooks() -> (table: HookTable, refusal: String?) {
        Privilege.raise(); defer { Privilege.lower() }  // team store: as its account, only here
        guard let st = dir.status(StorePaths.hooks) else { return (HookTable(), nil) }
        let table: HookTable
        do {
            guard let bytes = try dir.read(StorePaths.hooks) else { return (HookTable(), nil) }
            table = try BinaryPlistDecoder().decode(HookTable.self, from: bytes)
        } catch {
            return (HookTable(), "hooks.plist cannot be read (\(error)); no hook was run")
        }
        if st.st_mode & 0o022 != 0 {
            return (table, "hooks.plist is writable by others than its owner, so no hook was run (fix: chmod go-w \(paths.hooks))")
        }
        var dir = stat()
        let storeOwner = stat(root, &dir) == 0 ? dir.st_uid : uid_t.max
        if st.st_uid != 0 && st.st_uid != storeOwner {
            return (table, "hooks.plist belongs to \(unixUserName(st.st_uid)), not to the store's owner \(unixUserName(storeOwner)), so no hook was run")
        }
        return (table, nil)
    }

    /// Sets or clears (empty command) the hook of an event. Admin only; audited in the journal.
    /// On a team store only root may: the command will run as every desk user who triggers the
    /// event, so choosing it is root's decision, as for /etc/cron.d.
    public func setHook(event: String, command: String) throws {
        Privilege.raise(); defer { Privilege.lower() }  // team store: as its account, only here
        try withWriteLock {
            if Privilege.isTeamSession {
                if getuid() != 0 {
                    throw Refusal.permission("On a team store only root may set hooks (a hook runs as every desk user who triggers it): sudo frontdesk settings hook --store \(root) \(event) 'COMMAND'.", zh: "团队库只有 root 可以设置钩子（钩子会以触发它的每位前台用户的身份运行）：sudo frontdesk settings hook --store \(root) \(event) 'COMMAND'。")
                }
            } else if !state.hasRole(env.actingUser, .admin) {
                throw Refusal.permission("\(env.actingUser) may not change hooks: that needs the admin role.", zh: "\(env.actingUser) 不能修改钩子：这需要管理员（admin）角色。")
            }
            var table = hooks().table
            table.hooks[event] = command.isEmpty ? nil : command
            // The file first: a failed write must leave no record of a change that did not happen.
            try dir.replace(StorePaths.hooks, with: try BinaryPlistEncoder().encode(table))
            _ = try append(.changeSetting(key: "hook \(event)", value: command))
        }
    }
}
