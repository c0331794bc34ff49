import Foundation

/// Who may do what. The desk's work needs the `frontdesk` role; a lead may do it too and also takes
/// the lead's steps; an admin (the store's creator first) holds every role. `role grant` adds others.
extension OfficeState {
    /// True when `user` may act in `role`: they hold it, they are an admin, or (for desk work) a lead.
    public func mayAct(_ user: String, as role: Role) -> Bool {
        hasRole(user, role) || hasRole(user, .admin) || (role == .frontdesk && hasRole(user, .lead))
    }

    /// True when `ctx.actor` may take a step that needs `role`, with the same exemptions as
    /// ``requireRole(_:_:to:)``, so the steps listed and the steps accepted never disagree.
    public func mayTake(_ role: Role, _ ctx: RuleContext) -> Bool {
        if mayAct(ctx.actor, as: role) { return true }
        return role == .frontdesk && (ctx.allowOverrides || !roles.values.contains(where: { $0.contains(.admin) }))
    }

    /// The admins, as people know them ("李娜 (lina)"), for a refusal that says whom to ask.
    public var adminNames: [String] {
        roles.filter { $0.value.contains(.admin) }.map(\.key).sorted().map { login in
            let name = displayName(login)
            return name == login ? login : "\(name) (\(login))"
        }
    }

    /// Refuses unless `ctx.actor` may act in `role`; the refusal names the admins to ask.
    /// Desk work is checked on working stores. A training store lets any name act (see
    /// `RuleContext.allowOverrides`); a state without any admin is no store's (every store makes its
    /// creator admin in its first record and keeps one), only a bare test or import state.
    func requireRole(_ ctx: RuleContext, _ role: Role, to what: String) throws(Refusal) {
        if mayTake(role, ctx) { return }
        let ask = adminNames.isEmpty ? "an admin" : "an admin (\(adminNames.joined(separator: ", ")))"
        throw .permission("\(ctx.actor) may not \(what): that needs the \(role.rawValue) role. Ask \(ask) to run: frontdesk role grant \(ctx.actor) \(role.rawValue)", zh: "\(ctx.actor) 不能\(ZH.words(what))：这需要\(ZH.role(role))角色。请\(ZH.ask(adminNames))运行：frontdesk role grant \(ctx.actor) \(role.rawValue)")
    }

    /// Checks a role grant or revocation: admins only, and the store always keeps one admin.
    func validateRoleChange(_ change: Change, _ ctx: RuleContext) throws(Refusal) {
        switch change {
        case .grantRole(let user, let role):
            try requireRole(ctx, .admin, to: "grant roles")
            try requireText(user, "user")
            if hasRole(user, role) { throw .rule("\(user) already has the \(role.rawValue) role.", zh: "\(user) 已经拥有\(ZH.role(role))角色。") }
        case .revokeRole(let user, let role):
            try requireRole(ctx, .admin, to: "revoke roles")
            if !hasRole(user, role) { throw .rule("\(user) does not have the \(role.rawValue) role.", zh: "\(user) 没有\(ZH.role(role))角色。") }
            if role == .admin, roles.filter({ $0.value.contains(.admin) }).count <= 1 {
                throw .rule("\(user) is the last admin; grant admin to someone else first.", zh: "\(user) 是最后一位管理员；请先把管理员角色授予其他人。")
            }
        default:
            throw .invalid("That is not a role change.", zh: "这不是角色变更。")
        }
    }

    mutating func applyRoleChange(_ change: Change) {
        switch change {
        case .grantRole(let user, let role):
            var r = roles[user, default: []]
            if !r.contains(role) { r.append(role); r.sort() }
            roles[user] = r
        case .revokeRole(let user, let role):
            roles[user]?.removeAll { $0 == role }
            if roles[user]?.isEmpty == true { roles[user] = nil }
        default:
            break
        }
    }
}
