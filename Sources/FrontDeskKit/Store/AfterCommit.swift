import Foundation

/// The work that follows every commit, done by the store so no front end can forget it:
///
/// 1. Under the write lock, right after a person's change, the store's own rules write what the
///    state already implies: the room of each meeting nobody claimed within the no-show time is
///    released (`releaseUnclaimedRoom`), attributed to the rule (`Store.ruleActor`) and naming the
///    user whose write noticed it. Readers need not wait for it: queries and validation already
///    judge such a meeting a no-show at `now`.
/// 2. After the lock is released, the host hook of every committed record (the person's and the
///    rule's) is started. A hook that cannot run, fails or is slow becomes a notice: handed to
///    `report` when set (the CLI prints it on stderr), else queued for `takeNotices()` (the
///    dashboard shows it in the status line). A hook never fails or blocks the commit.
public final class AfterCommit {
    /// How long a commit waits for its hooks: a number of seconds (the CLI, whose process ends
    /// after the command), or nil to let them run on while `poll()` collects their outcome (the dashboard).
    public var waitForHooks: TimeInterval? = 3
    /// Receives each notice as it happens; when nil, notices queue for `takeNotices()`.
    public var report: ((String) -> Void)?
    /// A background hook running longer than this is stopped and reported.
    public var backgroundLimit: TimeInterval = 30

    private var running: [HostNotifier.Started] = []
    private var queued: [String] = []

    public init() {}

    /// True while hooks started in the background are still running (poll again soon).
    public var hasRunningHooks: Bool { !running.isEmpty }

    /// Collects the outcome of background hooks that finished (or ran too long).
    public func poll() {
        running.removeAll { h in
            if h.process.isRunning && Date().timeIntervalSince(h.startedAt) > backgroundLimit {
                notice(HostNotifier.outcome(h, timeout: 0))
                return true
            }
            guard !h.process.isRunning else { return false }
            notice(HostNotifier.check(h))
            return true
        }
    }

    /// The notices queued since the last call (when no `report` is set).
    public func takeNotices() -> [String] {
        defer { queued = [] }
        return queued
    }

    func notice(_ text: String?) {
        guard let text, !text.isEmpty else { return }
        if let report { report(text) } else { queued.append(text) }
    }

    /// Starts the hook of every record that has one; see the type's description.
    func runHooks(_ records: [JournalRecord], in store: Store) {
        guard !records.isEmpty else { return }
        let (table, refusal) = store.hooks()
        for r in records where table.hooks[r.change.name] != nil {
            if let why = refusal { notice(why); continue }
            do {
                guard let started = try HostNotifier.start(for: r.change, state: store.state, hooks: table,
                                                           timeZone: store.env.timeZone) else { continue }
                if let wait = waitForHooks {
                    notice(HostNotifier.outcome(started, timeout: wait))
                } else {
                    running.append(started)
                }
            } catch {
                notice("the \(r.change.name) hook could not start: \(error)")
            }
        }
    }
}

extension Store {
    /// The actor of records the store's own rules write: `rule:` and the user whose write
    /// triggered them (`rule:zhangmin`), so `frontdesk log` shows both.
    public static func ruleActor(triggeredBy user: String) -> String { "rule:" + user }

    /// Under the write lock, after a person's change: writes the records the rules imply at `now`
    /// (today: releasing unclaimed rooms). Returns them, for their hooks. Never throws: the
    /// person's change is already durable, so a failure here is a notice, and the next write
    /// tries again (the state already judges those meetings no-shows).
    func appendRuleRecords() -> [JournalRecord] {
        let ctx = context
        var out: [JournalRecord] = []
        for id in state.unclaimedMeetings(at: ctx.now, ctx.settings) {
            let change = Change.releaseUnclaimedRoom(meetingID: id, at: ctx.now, triggeredBy: ctx.actor)
            do {
                try state.validate(change, ctx)
                out.append(try append(change, actor: Self.ruleActor(triggeredBy: ctx.actor)))
            } catch {
                afterCommit.notice("the release of \(id)'s unclaimed room could not be recorded (\(error)); the next write tries again")
                break
            }
        }
        return out
    }
}
