import Foundation

/// Deterministic synthetic history for benchmarks: per year about 10,000 meetings over 10 rooms,
/// 50,000 visitors, 33,000 stock moves and 7,000 approvals, on working days before `day`.
/// Same seed and day, same records.
public struct HistoryGenerator {
    public var years: Int
    public var seed: UInt64
    public init(years: Int, seed: UInt64) { self.years = years; self.seed = seed }

    public struct Output {
        public var meetings: [Meeting] = []
        public var visitors: [Visitor] = []
        public var moves: [StockMove] = []
        public var approvals: [ApprovalRequest] = []
        public var count: Int { meetings.count + visitors.count + moves.count + approvals.count }
    }

    /// Records for the `years` before `day` (exclusive), using the rooms, people and items of `state`.
    /// Stock moves stop 61 days before `day` and leave every item at zero, so the demo day's own
    /// stock story (which starts 60 days back) is unchanged. `progress` hears each day generated.
    public func generate(before day: Date, calendar cal: Calendar, state: OfficeState, progress: ProgressReport? = nil) -> Output {
        var rng = SeededRandom(seed: seed)
        var list = ChangeList(state)
        var out = Output()
        let rooms = state.rooms.values.sorted { $0.id.count != $1.id.count ? $0.id.count < $1.id.count : $0.id < $1.id }
        let people = state.people.keys.sorted()
        let approvers = state.roles.filter { $0.value.contains(.approver) }.map(\.key).sorted()
        let items = state.items.values.sorted { $0.sku < $1.sku }
        let depts = state.departments.keys.sorted()
        guard !rooms.isEmpty, !people.isEmpty, !items.isEmpty, let first = cal.date(byAdding: .year, value: -years, to: day) else { return out }
        let stockEnd = cal.date(byAdding: .day, value: -61, to: day) ?? day
        var level = [String: Int]()
        var d = first
        let totalDays = max(1, cal.dateComponents([.day], from: first, to: day).day ?? 1)
        var daysDone = 0
        while d < day {
            defer {
                d = cal.date(byAdding: .day, value: 1, to: d) ?? day
                daysDone += 1
                progress?(WorkProgress("generating history", done: min(daysDone, totalDays), total: totalDays))
            }
            let wd = cal.component(.weekday, from: d)
            if wd == 1 || wd == 7 { continue }  // weekends
            func t(_ h: Int, _ m: Int) -> Date { cal.date(bySettingHour: h, minute: m, second: 0, of: d) ?? d }
            // ~38 meetings: up to 4 per room in hour slots 9–17.
            for room in rooms.prefix(10) {
                var slots = Array(9...17)
                slots.shuffle(using: &rng)
                for h in slots.prefix(rng.int(3...5)) {
                    let start = t(h, rng.pick([0, 0, 30])), end = start.addingTimeInterval(Double(rng.pick([30, 45, 60])) * 60)
                    var m = Meeting(id: list.id(.meeting), title: rng.pick(OfficeCast.meetingTitles), roomID: room.id,
                                    organizer: rng.pick(people), attendees: (0..<rng.int(2...6)).map { _ in rng.pick(people) },
                                    start: start, end: end, requestedAt: start.addingTimeInterval(-Double(rng.int(2...96)) * 3600))
                    if rng.chance(0.06) { m.status = .cancelled } else if rng.chance(0.02) { m.status = .noShow } else {
                        m.status = .closed
                        m.confirmedAt = m.requestedAt.addingTimeInterval(Double(rng.int(1...30)) * 3600)
                        m.roomCheckedAt = start.addingTimeInterval(-Double(rng.int(10...30)) * 60)
                        m.heldAt = start
                        m.minutes = "Minutes"
                        m.minutesSentAt = end.addingTimeInterval(Double(rng.int(2...60)) * 3600)
                    }
                    out.meetings.append(m)
                }
            }
            // ~192 visitors, each closed with the badge back.
            for _ in 0..<rng.int(170...214) {
                let expected = t(rng.int(8...17), rng.int(0...59))
                var v = Visitor(id: list.id(.visitor), name: rng.pick(OfficeCast.visitorNames), company: rng.pick(OfficeCast.companies),
                                purpose: rng.pick(OfficeCast.purposes), host: rng.pick(people), expectedAt: expected,
                                headCount: rng.chance(0.1) ? rng.int(2...4) : 1,
                                receivedAt: expected.addingTimeInterval(-Double(rng.int(1...72)) * 3600))
                if rng.chance(0.04) { v.status = .cancelled } else if rng.chance(0.03) { v.status = .noShow } else {
                    v.status = .closed
                    v.confirmedAt = v.receivedAt.addingTimeInterval(Double(rng.int(5...55)) * 60)
                    v.arrivedAt = expected.addingTimeInterval(Double(rng.int(-10...20)) * 60)
                    // A few minutes in the lobby until the host comes (no extra draw: the same seed
                    // keeps giving the same history).
                    let arrived = v.arrivedAt ?? expected
                    let checkedIn = arrived.addingTimeInterval(Double(2 + out.visitors.count % 14) * 60)
                    v.checkedInAt = checkedIn
                    v.leftAt = max(expected.addingTimeInterval(Double(rng.int(30...240)) * 60), checkedIn.addingTimeInterval(600))
                    v.badges = (0..<v.headCount).map { _ in BadgePool.badgeCode(rng.int(1...50)) }
                    v.outcome = "OK"
                }
                out.visitors.append(v)
            }
            // ~126 stock moves: issues, and a receipt whenever an item falls under its reorder point.
            if d < stockEnd {
                for _ in 0..<rng.int(108...136) {
                    let item = rng.pick(items)
                    var have = level[item.sku, default: 0]
                    if have < max(1, item.reorderAt) {
                        let q = item.target - have
                        out.moves.append(StockMove(id: list.id(.move), sku: item.sku, kind: .receive, quantity: q, at: t(9, 0), by: "zhangmin",
                                                   unitPrice: item.unitPrice, supplier: item.suppliers.first?.supplier))
                        have += q
                    }
                    let q = min(have, rng.int(1...max(1, item.target / 10)))
                    let dept = rng.pick(depts)
                    out.moves.append(StockMove(id: list.id(.move), sku: item.sku, kind: .issue, quantity: -q, at: t(rng.int(9...17), rng.int(0...59)),
                                               by: "tom", department: dept, recipient: rng.pick(people)))
                    level[item.sku] = have - q
                }
                if cal.date(byAdding: .day, value: 1, to: d).map({ $0 >= stockEnd }) ?? true {
                    for (sku, have) in level.sorted(by: { $0.key < $1.key }) where have > 0 {
                        out.moves.append(StockMove(id: list.id(.move), sku: sku, kind: .adjust, quantity: -have, at: t(18, 0), by: "lina",
                                                   reason: "stocktake before the new ledger"))
                        level[sku] = 0
                    }
                }
            }
            // ~27 approvals, all decided.
            for _ in 0..<rng.int(22...32) {
                let type = rng.pick(ApprovalType.allCases)
                let requester = rng.pick(people)
                var a = ApprovalRequest(id: list.id(.approval), type: type, title: "\(type.rawValue) request", requester: requester,
                                        createdAt: t(rng.int(8...17), rng.int(0...59)),
                                        amount: type == .purchase || type == .scrap ? Double(rng.int(50...9000)) : nil)
                let by = approvers.first { $0 != requester } ?? "ann"
                let verdict: Verdict = rng.chance(0.12) ? .reject : .approve
                a.decisions = [Decision(by: by, verdict: verdict, comment: verdict == .reject ? "Not in budget" : nil,
                                        at: a.createdAt.addingTimeInterval(Double(rng.int(1...50)) * 3600))]
                a.status = verdict == .reject ? .rejected : .approved
                out.approvals.append(a)
            }
        }
        return out
    }
}

extension Store {
    /// Loads generated history: the working set and the history are split as a compaction
    /// would (so the demo day's own closed moves and decisions go to history too), closed records
    /// go straight into month segments with their stock balances, then a new snapshot
    /// generation. Under the lock. Not journaled: it is synthetic data for benchmarks, and
    /// `frontdesk log` says nothing of it.
    public func importHistory(_ h: HistoryGenerator.Output, policy: RetentionPolicy = RetentionPolicy(), progress: ProgressReport? = nil) throws {
        try withWriteLock {
            var s = state
            for m in h.meetings where s.meetings[m.id] == nil { s.meetings[m.id] = m; s.bump(.meeting, m.id) }
            for v in h.visitors where s.visitors[v.id] == nil { s.visitors[v.id] = v; s.bump(.visitor, v.id) }
            for mv in h.moves where s.moves[mv.id] == nil {
                s.moves[mv.id] = mv; s.bump(.move, mv.id)
                s.onHand[mv.sku, default: 0] &+= mv.quantity
            }
            for a in h.approvals where s.approvals[a.id] == nil { s.approvals[a.id] = a; s.bump(.approval, a.id) }
            let (working, closed) = Self.split(s, now: env.now(), calendar: env.calendar, policy: policy)
            try beginHistoryChange()
            _ = try writeSegments(closed, onHand: working.onHand, kept: Array(working.moves.values), progress: progress)
            progress?(WorkProgress("writing the working set", done: 0, total: 1))
            try startGeneration(with: working)
            try finishHistoryChange()
        }
    }
}
