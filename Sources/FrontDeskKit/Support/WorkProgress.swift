/// How far a long piece of work has come, reported through a callback so that a front end can
/// show it (the CLI draws one line on a terminal); the kit itself never prints.
public struct WorkProgress: Sendable, Equatable {
    /// What is being done, in a few words: "generating history", "writing month segments".
    public var step: String
    /// Units done so far, 0...total.
    public var done: Int
    /// Units in this step; 0 when unknown.
    public var total: Int

    public init(_ step: String, done: Int, total: Int) {
        self.step = step
        self.done = done
        self.total = total
    }
}

/// Receives ``WorkProgress`` reports; called on the working thread, often, so keep it cheap.
public typealias ProgressReport = (WorkProgress) -> Void
