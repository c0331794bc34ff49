import Foundation

/// Everything a rule may ask of the outside world: the clock, the acting user and new ids.
/// Production code builds it from the process; tests pin every field.
public struct Environment: Sendable {
    /// The current instant. Rules never call `Date()` themselves.
    public var now: @Sendable () -> Date
    /// The person the change is made for: the real Unix user (`FRONTDESK_USER` only on a personal
    /// training store, never in a set-id process).
    public var actingUser: String
    /// The Unix user of the real uid: what the audit trail records, whatever `actingUser` says.
    public var unixUser: String
    /// The office's time zone: "today", working hours and month ends are computed in it.
    public var timeZone: TimeZone
    /// Makes the id of a new record. It sees the state the change is validated against.
    public var ids: IDGenerator

    public init(
        now: @escaping @Sendable () -> Date,
        actingUser: String,
        unixUser: String,
        timeZone: TimeZone = .current,
        ids: IDGenerator = IDGenerator()
    ) {
        self.now = now
        self.actingUser = actingUser
        self.unixUser = unixUser
        self.timeZone = timeZone
        self.ids = ids
    }

    /// A Gregorian calendar in the office's time zone.
    public var calendar: Calendar { DateInput.officeCalendar(timeZone) }

    /// An environment frozen at one instant, for tests and for `FRONTDESK_NOW`.
    public static func fixed(
        at date: Date, user: String, unixUser: String? = nil, timeZone: TimeZone
    ) -> Environment {
        Environment(now: { date }, actingUser: user, unixUser: unixUser ?? user, timeZone: timeZone)
    }
}

/// New ids are a kind prefix and the next number of that kind in the store: short enough to type
/// at a desk (`V1042`), unique because they are assigned under the store's write lock.
public struct IDGenerator: Sendable {
    public init() {}

    public func next(_ kind: RecordKind, in state: OfficeState) -> String {
        "\(kind.idPrefix)\(state.counters[kind.rawValue, default: 0] + 1)"
    }
}

/// The Unix user name of the real uid: the person who ran this process, as the kernel says.
/// Never `$USER` (anyone can set it) and never the store's files. In an installed set-uid
/// `frontdesk` this is the desk user, not the service account.
public func realUnixUser() -> String {
    unixUserName(getuid())
}

/// The Unix user name of the effective uid. In a set-uid `frontdesk` this is the service account
/// while privileges are raised: never use it for who acts (use `realUnixUser()`).
public func effectiveUnixUser() -> String {
    unixUserName(geteuid())
}

func unixUserName(_ uid: uid_t) -> String {
    if let pw = getpwuid(uid), let name = pw.pointee.pw_name {
        return String(cString: name)
    }
    return "uid\(uid)"
}

/// The user's home directory: `$HOME` when it is an absolute path (as every shell tool honours
/// it), else the password database's entry for the real uid. `NSHomeDirectory()` ignores `$HOME`.
public func homeDirectory(_ vars: [String: String]) -> String {
    if let h = vars["HOME"], h.hasPrefix("/") { return h }
    if let pw = getpwuid(getuid()), let dir = pw.pointee.pw_dir { return String(cString: dir) }
    return "/"
}
