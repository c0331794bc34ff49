import Foundation

extension Report {
    /// Approval requests made in `period`: volume per type, time to decision, rejection rate and
    /// the share decided late or still pending past `approvalOverdueAfter` at `now`. The same
    /// requests in any order give the same report.
    public static func approvals(_ requests: [ApprovalRequest], settings: StoreSettings, period: ReportPeriod, now: Date) -> Report {
        // In one fixed order: the hours are summed in floating point, and the requests come from
        // dictionaries whose order changes from run to run (18.27 h in one, 18.28 h in the next).
        let inPeriod = requests.filter { period.contains($0.createdAt) }.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
        struct Tally { var requests = 0, approved = 0, rejected = 0, withdrawn = 0, pending = 0, overdue = 0; var hours: [Double] = [] }
        var byType: [String: Tally] = [:]
        var all = Tally()
        for r in inPeriod {
            var t = byType[r.type.rawValue] ?? Tally()
            for i in 0..<2 {
                var x = i == 0 ? t : all
                x.requests += 1
                switch r.status {
                case .approved: x.approved += 1
                case .rejected: x.rejected += 1
                case .withdrawn: x.withdrawn += 1
                case .pending: x.pending += 1
                }
                let decidedAt = r.status == .approved || r.status == .rejected ? r.decisions.map(\.at).max() : nil
                if let d = decidedAt { x.hours.append(d.timeIntervalSince(r.createdAt) / 3600) }
                let limit = r.createdAt.addingTimeInterval(settings.approvalOverdueAfter)
                if let d = decidedAt { if d > limit { x.overdue += 1 } } else if r.status == .pending, now > limit { x.overdue += 1 }
                if i == 0 { t = x } else { all = x }
            }
            byType[r.type.rawValue] = t
        }
        func row(_ name: String, _ t: Tally) -> [ReportValue] {
            let decided = t.approved + t.rejected
            return [.text(name), .count(t.requests), .count(t.approved), .count(t.rejected), .count(t.pending),
                    .hours(t.hours.isEmpty ? 0 : t.hours.reduce(0, +) / Double(t.hours.count)),
                    .share(decided == 0 ? nil : Double(t.rejected) / Double(decided)),
                    .share(t.requests == 0 ? nil : Double(t.overdue) / Double(t.requests))]
        }
        let rows = ApprovalType.allCases.compactMap { type in byType[type.rawValue].map { row(type.rawValue, $0) } } + [row("all", all)]
        return Report(kind: .approvals, period: period, sections: [
            ReportSection(id: "approvals.byType", heading: "Approvals by type", headingZh: "各类审批",
                          columns: ["type", "requests", "approved", "rejected", "pending", "averageHoursToDecision", "rejectionRate", "overdueShare"],
                          rows: rows, chart: .bars(label: "type", value: "requests")),
        ])
    }
}
