import Foundation

extension Report {
    /// Visitors expected in `period`: visits per host department, how long visitors waited in the
    /// lobby for their host (arrival to check-in), no-shows and cancellations, and badges lost.
    /// A badge is lost when its visitor's check-out recorded it lost (`badges` holds each badge's
    /// last state and the visitor it was with).
    public static func visitors(_ visitors: [Visitor], people: [String: Person], badges: [String: Badge],
                                period: ReportPeriod, calendar cal: Calendar) -> Report {
        let inPeriod = visitors.filter { period.contains($0.expectedAt) }
        func dept(_ login: String) -> String { people[login]?.department ?? "(none)" }
        var byDept: [String: (visits: Int, people: Int, waits: [Double])] = [:]
        var waits: [Double] = []
        var noShows = 0, cancelled = 0, came = 0
        for v in inPeriod {
            switch v.status {
            case .noShow: noShows += 1; continue
            case .cancelled: cancelled += 1; continue
            default: break
            }
            let d = dept(v.host)
            byDept[d, default: (0, 0, [])].visits += 1
            byDept[d, default: (0, 0, [])].people += v.headCount
            if v.arrivedAt != nil { came += 1 }
            if let a = v.arrivedAt, let c = v.checkedInAt, c >= a {
                let w = c.timeIntervalSince(a) / 60
                waits.append(w); byDept[d, default: (0, 0, [])].waits.append(w)
            }
        }
        func mean(_ xs: [Double]) -> Double? { xs.isEmpty ? nil : xs.reduce(0, +) / Double(xs.count) }
        let ids = Set(inPeriod.map(\.id))
        let lost = badges.values.filter { $0.state == .lost && $0.visitorID.map(ids.contains) == true }.sorted { $0.id < $1.id }
        let booked = inPeriod.count - cancelled
        return Report(kind: .visitors, period: period, sections: [
            ReportSection(id: "visitors.byDepartment", heading: "Visits by host department", headingZh: "各接待部门来访",
                          columns: ["department", "visits", "people", "averageWaitMinutes"],
                          rows: ranked(byDept) { Double($0.visits) }.map { [.text($0.0), .count($0.1.visits), .count($0.1.people), .minutes(mean($0.1.waits))] },
                          chart: .bars(label: "department", value: "visits")),
            ReportSection(id: "visitors.summary", heading: "Arrivals, waits and no-shows", headingZh: "到访、等候与未到",
                          columns: ["expected", "arrived", "averageWaitMinutes", "longestWaitMinutes", "noShows", "noShowRate", "cancelled", "badgesLost"],
                          rows: [[.count(inPeriod.count), .count(came), .minutes(mean(waits)), .minutes(waits.max()), .count(noShows),
                                  .share(booked == 0 ? nil : Double(noShows) / Double(booked)), .count(cancelled), .count(lost.count)]]),
            ReportSection(id: "visitors.badgesLost", heading: "Badges lost", headingZh: "遗失的访客证",
                          columns: ["badge", "visitor"], rows: lost.map { [.text($0.id), .text($0.visitorID ?? "")] }),
        ])
    }
}
