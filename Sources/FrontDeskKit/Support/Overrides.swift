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
            guard let d = DateInput.parseDateTime(n, env.timeZone) else {
                throw .invalid("FRONTDESK_NOW must be \"YYYY-MM-DD HH:MM\" in local time, got \"\(n)\".")
            }
            env.now = { d }
        }
        return Result(env: env, warnings: warnings)
    }
}

/// Dates as people type them at the desk, in office time.
public enum DateInput {
    /// "YYYY-MM-DD HH:MM" (also with a T).
    public static func parseDateTime(_ s: String, _ tz: TimeZone) -> Date? {
        let t = s.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "T", with: " ")
        let parts = t.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, let day = components(String(parts[0])) else { return nil }
        let hm = parts[1].split(separator: ":", omittingEmptySubsequences: false)
        guard hm.count == 2 || hm.count == 3, let h = Int(hm[0]), let m = Int(hm[1]), (0...23).contains(h), (0...59).contains(m),
              hm[1].count == 2 else { return nil }
        // "HH:MM:SS": the seconds are two digits 00–59 and count.
        var sec = 0
        if hm.count == 3 {
            guard hm[2].count == 2, hm[2].allSatisfy(\.isASCII), let s = Int(hm[2]), (0...59).contains(s) else { return nil }
            sec = s
        }
        return make(day, h, m, tz)?.addingTimeInterval(TimeInterval(sec))
    }

    /// "YYYY-MM-DD": the start of that day.
    public static func parseDay(_ s: String, _ tz: TimeZone) -> Date? {
        guard let day = components(s.trimmingCharacters(in: .whitespaces)) else { return nil }
        return make(day, 0, 0, tz)
    }

    /// "YYYY-MM": the first instant of that month.
    public static func parseMonth(_ s: String, _ tz: TimeZone) -> Date? {
        let p = s.split(separator: "-")
        guard p.count == 2, p[0].count == 4, p[1].count == 2, let y = Int(p[0]), let m = Int(p[1]), (1...12).contains(m) else { return nil }
        return make((y, m, 1), 0, 0, tz)
    }

    private static func components(_ s: String) -> (Int, Int, Int)? {
        let p = s.split(separator: "-", omittingEmptySubsequences: false)
        guard p.count == 3, p[0].count == 4, p[1].count == 2, p[2].count == 2,
              let y = Int(p[0]), let m = Int(p[1]), let d = Int(p[2]), (1...12).contains(m), (1...31).contains(d) else { return nil }
        return (y, m, d)
    }

    private static func make(_ day: (Int, Int, Int), _ h: Int, _ m: Int, _ tz: TimeZone) -> Date? {
        var cal = Calendar(identifier: .gregorian); cal.timeZone = tz
        let dc = DateComponents(year: day.0, month: day.1, day: day.2, hour: h, minute: m)
        guard let d = cal.date(from: dc) else { return nil }
        // Reject 2026-02-31 and the like, which Calendar would roll over.
        let back = cal.dateComponents([.year, .month, .day], from: d)
        return back.year == day.0 && back.month == day.1 && back.day == day.2 ? d : nil
    }
}
