import Foundation

/// `FRONTDESK_USER` and `FRONTDESK_NOW` for training and test stores.
///
/// They are honoured only on a *personal* store that allows them (`init --allow-overrides`),
/// where the owner is the only user anyway. A team store never honours them, and a set-id
/// `frontdesk` removes every `FRONTDESK_*` variable at start-up: who acts comes from the kernel.
public enum Overrides {
    public struct Result {
        public var env: Environment
        /// Said on stderr: an override was ignored, and why.
        public var warnings: [String]
    }

    /// Whether overrides may apply, and if not, why (for the warning).
    public static func policy(storeAllows: Bool, kind: Privilege.StoreKind, setID: Bool = Privilege.isSetID) -> (allowed: Bool, reason: String) {
        if setID { return (false, "this frontdesk is installed set-uid, so who acts comes from your login") }
        if case .team(let account) = kind { return (false, "a team store (owned by \(account)) never honours overrides") }
        if !storeAllows { return (false, "this store does not allow overrides") }
        return (true, "")
    }

    /// Applies the variables when `allowed`; otherwise ignores them and says so (`reason`).
    /// Throws `Refusal.invalid` for a malformed `FRONTDESK_NOW` on a store that honours it.
    public static func apply(_ vars: [String: String], to env: Environment, allowed: Bool,
                             reason: String = "this store does not allow overrides") throws(Refusal) -> Result {
        var env = env
        var warnings: [String] = []
        let user = vars["FRONTDESK_USER"].flatMap { $0.isEmpty ? nil : $0 }
        let now = vars["FRONTDESK_NOW"].flatMap { $0.isEmpty ? nil : $0 }
        if !allowed {
            if user != nil { warnings.append("FRONTDESK_USER is ignored: \(reason) (acting as \(env.actingUser)).") }
            if now != nil { warnings.append("FRONTDESK_NOW is ignored: \(reason) (using the real clock).") }
            return Result(env: env, warnings: warnings)
        }
        if let u = user { env.actingUser = u }
        if let n = now {
            guard let d = DateInput.moment(n, now: env.now(), calendar: env.calendar) else {
                throw .invalid("FRONTDESK_NOW must be a time like \"YYYY-MM-DD HH:MM\" (office time) or ISO 8601 with Z, got \"\(n)\".", zh: "FRONTDESK_NOW 必须是 \"YYYY-MM-DD HH:MM\"（办公室时间）或带 Z 的 ISO 8601 时间，收到的是 \"\(n)\"。")
            }
            env.now = { d }
        }
        return Result(env: env, warnings: warnings)
    }
}
