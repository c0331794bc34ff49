/// SplitMix64: a small, fast, deterministic generator so a seed always gives the same office.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    public mutating func pick<T>(_ xs: [T]) -> T { xs[Int.random(in: 0..<xs.count, using: &self)] }
    public mutating func int(_ r: ClosedRange<Int>) -> Int { Int.random(in: r, using: &self) }
    public mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }
}

/// Builds a list of changes against a trial state, handing out ids as the store would.
struct ChangeList {
    var state: OfficeState
    var changes: [Change] = []
    init(_ s: OfficeState) { state = s }
    mutating func id(_ kind: RecordKind) -> String {
        let n = state.counters[kind.rawValue, default: 0] + 1
        state.counters[kind.rawValue] = n
        return "\(kind.idPrefix)\(n)"
    }
    mutating func add(_ c: Change) { state.apply(c); changes.append(c) }
}
