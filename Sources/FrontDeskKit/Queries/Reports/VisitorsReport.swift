import Foundation

extension Report {
    /// Visitors expected in `period`: visits per host department, how long visitors waited in the
    /// lobby for their host (arrival to check-in), no-shows and cancellations, and badges lost.
    /// A badge is lost when its visitor's check-out recorded it lost (`badges` holds each badge's
    /// last state and the visitor it was with).
    public static func visitors(_ visitors: [Visitor], people: [String: Person], badges: [String: Badge],
                                period: ReportPeriod, calendar cal: Calendar) -> Report {
        var tally = VisitorTally(people: people, badges: badges, period: period)
        for v in visitors { tally.add(v) }
        return tally.report()
    }

    /// What the visitors report reads of a visitor (history is read straight into it: no names,
    /// badges or other strings the report does not show are built).
    struct VisitorFacts {
        var id: String
        var host: String
        var expectedAt: Date
        var headCount: Int
        var status: VisitorStatus
        var arrivedAt: Date?
        var checkedInAt: Date?
    }

    /// The visitors report built one visitor at a time (`add`, then `report`), so a period of
    /// years is read segment by segment holding only these tallies. Visitors outside the period
    /// are ignored; one added twice counts twice (the caller passes each record once).
    public struct VisitorTally: Sendable {
        let people: [String: Person]
        let period: ReportPeriod
        /// Badges recorded lost, by the visitor they were with.
        let lostWith: [String: [Badge]]
        var byDept: [String: (visits: Int, people: Int, waitSum: Double, waits: Int)] = [:]
        var waitSum = 0.0, waits = 0, longestWait: Double?
        var expected = 0, noShows = 0, cancelled = 0, came = 0
        /// Visitors of the period that a lost badge was with.
        var lostVisitors: Set<String> = []

        public init(people: [String: Person], badges: [String: Badge], period: ReportPeriod) {
            self.people = people
            self.period = period
            var lost: [String: [Badge]] = [:]
            for b in badges.values where b.state == .lost { if let v = b.visitorID { lost[v, default: []].append(b) } }
            lostWith = lost
        }

        /// Counts `v` when it was expected in the period.
        public mutating func add(_ v: Visitor) {
            add(VisitorFacts(id: v.id, host: v.host, expectedAt: v.expectedAt, headCount: v.headCount, status: v.status,
                             arrivedAt: v.arrivedAt, checkedInAt: v.checkedInAt))
        }

        mutating func add(_ v: VisitorFacts) {
            guard period.contains(v.expectedAt) else { return }
            expected += 1
            if lostWith[v.id] != nil { lostVisitors.insert(v.id) }
            switch v.status {
            case .noShow: noShows += 1; return
            case .cancelled: cancelled += 1; return
            default: break
            }
            let d = people[v.host]?.department ?? "(none)"
            byDept[d, default: (0, 0, 0, 0)].visits += 1
            byDept[d, default: (0, 0, 0, 0)].people += v.headCount
            if v.arrivedAt != nil { came += 1 }
            if let a = v.arrivedAt, let c = v.checkedInAt, c >= a {
                let w = c.timeIntervalSince(a) / 60
                waitSum += w; waits += 1
                longestWait = max(longestWait ?? w, w)
                byDept[d, default: (0, 0, 0, 0)].waitSum += w
                byDept[d, default: (0, 0, 0, 0)].waits += 1
            }
        }

        /// The report of every visitor added so far.
        public func report() -> Report {
            func mean(_ sum: Double, _ n: Int) -> Double? { n == 0 ? nil : sum / Double(n) }
            let lost = lostVisitors.flatMap { lostWith[$0] ?? [] }.sorted { $0.id < $1.id }
            let booked = expected - cancelled
            return Report(kind: .visitors, period: period, sections: [
                ReportSection(id: "visitors.byDepartment", heading: "Visits by host department", headingZh: "各接待部门来访",
                              columns: ["department", "visits", "people", "averageWaitMinutes"],
                              rows: ranked(byDept) { Double($0.visits) }.map {
                                  [.text($0.0), .count($0.1.visits), .count($0.1.people), .minutes(mean($0.1.waitSum, $0.1.waits))]
                              },
                              chart: .bars(label: "department", value: "visits")),
                ReportSection(id: "visitors.summary", heading: "Arrivals, waits and no-shows", headingZh: "到访、等候与未到",
                              columns: ["expected", "arrived", "averageWaitMinutes", "longestWaitMinutes", "noShows", "noShowRate", "cancelled", "badgesLost"],
                              rows: [[.count(expected), .count(came), .minutes(mean(waitSum, waits)), .minutes(longestWait), .count(noShows),
                                      .share(booked == 0 ? nil : Double(noShows) / Double(booked)), .count(cancelled), .count(lost.count)]]),
                ReportSection(id: "visitors.badgesLost", heading: "Badges lost", headingZh: "遗失的访客证",
                              columns: ["badge", "visitor"], rows: lost.map { [.text($0.id), .text($0.visitorID ?? "")] }),
            ])
        }
    }
}
