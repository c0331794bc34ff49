/// The visitor badge pool every new store starts with. Codes start with B so they are never
/// mistaken for visitor ids (V…) at the desk.
public enum BadgePool {
    public static let defaultCodes: [String] = (1...50).map { badgeCode($0) }

    static func badgeCode(_ n: Int) -> String {
        n < 10 ? "B00\(n)" : n < 100 ? "B0\(n)" : "B\(n)"
    }
}
