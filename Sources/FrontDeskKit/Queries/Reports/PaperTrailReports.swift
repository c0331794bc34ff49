import Foundation

/// One step of a document's path as the documents report measures it: from one recorded time to
/// the next, with the time the settings allow (nil: not a desk step with a due time of its own).
struct DocumentStepTime {
    var step: String
    var direction: DocumentDirection
    var from: Date
    var to: Date?
    var allowed: TimeInterval?
}

extension OfficeState {
    /// Every measured step of `d`, in path order: incoming registered → submitted → decided →
    /// forwarded → handled (one per department) and registered → handled in all; outgoing drafted
    /// → released → filed → distributed → acknowledged (one per recipient) and released →
    /// acknowledged by all. A step not reached yet has no `to`.
    static func documentStepTimes(_ d: Document, _ ds: DocumentSettings) -> [DocumentStepTime] {
        var out: [DocumentStepTime] = []
        func add(_ step: String, _ from: Date?, _ to: Date?, _ allowed: TimeInterval?) {
            guard let from else { return }
            out.append(DocumentStepTime(step: step, direction: d.direction, from: from, to: to, allowed: allowed))
        }
        switch d.direction {
        case .incoming:
            add("registered→submitted", d.createdAt, d.submittedAt, ds.submitWithin)
            add("submitted→decided", d.submittedAt, d.decidedAt, ds.decideWithin(d.urgency ?? .normal))
            add("decided→forwarded", d.decidedAt, d.departments.map(\.sentAt).min(), ds.forwardWithin)
            for c in d.departments { add("forwarded→handled", c.sentAt, c.doneAt, ds.handleWithin) }
            add("registered→handled", d.createdAt, d.stage == .handled ? d.closedAt : nil, nil)
        case .outgoing:
            add("drafted→released", d.createdAt, d.releasedAt, nil)
            add("released→filed", d.releasedAt, d.filedAt, ds.outgoingStepWithin)
            add("filed→distributed", d.filedAt, d.recipients.map(\.sentAt).min(), ds.outgoingStepWithin)
            for c in d.recipients { add("distributed→acknowledged", c.sentAt, c.doneAt, ds.acknowledgeWithin) }
            add("released→acknowledged", d.releasedAt, d.closedAt, nil)
        }
        return out
    }
}

extension Report {
    /// Documents registered (incoming) or drafted (outgoing) in `period`: turnaround per step —
    /// how many steps were taken, their average and longest hours, how many were taken after
    /// their due time, and how many are still waiting past it at `now` — then per department
    /// (incoming: each department it was forwarded to; outgoing: the drafting one), and totals.
    /// `state` answers the due time of a document waiting for its approval.
    public static func documents(_ docs: [Document], state: OfficeState, settings: StoreSettings, period: ReportPeriod, now: Date) -> Report {
        let inPeriod = docs.filter { period.contains($0.createdAt) }.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
        struct StepTally { var done = 0, late = 0, overdueNow = 0; var hours: [Double] = [] }
        var steps: [String: StepTally] = [:]
        var stepOrder: [String] = []
        struct DeptTally {
            var incoming = 0, handled = 0, lateHandled = 0, outgoing = 0, released = 0, overdueNow = 0
            var handleHours: [Double] = [], releaseHours: [Double] = []
        }
        var depts: [String: DeptTally] = [:]
        struct Totals { var documents = 0, closed = 0, overdueNow = 0, stepsLate = 0 }
        var totals: [DocumentDirection: Totals] = [:]
        for d in inPeriod {
            var t = totals[d.direction] ?? Totals()
            t.documents += 1
            if d.closedAt != nil { t.closed += 1 }
            if let due = state.documentDue(d, settings), now >= due, d.closedAt == nil { t.overdueNow += 1 }
            for s in OfficeState.documentStepTimes(d, settings.documents) {
                let key = "\(s.direction.rawValue) \(s.step)"
                if steps[key] == nil { steps[key] = StepTally(); stepOrder.append(key) }
                if let to = s.to {
                    steps[key]?.done += 1
                    steps[key]?.hours.append(to.timeIntervalSince(s.from) / 3600)
                    if let a = s.allowed, to > s.from.addingTimeInterval(a) { steps[key]?.late += 1; t.stepsLate += 1 }
                } else if let a = s.allowed, now >= s.from.addingTimeInterval(a) {
                    steps[key]?.overdueNow += 1
                }
            }
            totals[d.direction] = t
            switch d.direction {
            case .incoming:
                for c in d.departments {
                    depts[c.to, default: DeptTally()].incoming += 1
                    if let done = c.doneAt {
                        depts[c.to]?.handled += 1
                        depts[c.to]?.handleHours.append(done.timeIntervalSince(c.sentAt) / 3600)
                        if done > c.sentAt.addingTimeInterval(settings.documents.handleWithin) { depts[c.to]?.lateHandled += 1 }
                    } else if now >= c.sentAt.addingTimeInterval(settings.documents.handleWithin) {
                        depts[c.to]?.overdueNow += 1
                    }
                }
            case .outgoing:
                let dept = d.draftedBy ?? "(none)"
                depts[dept, default: DeptTally()].outgoing += 1
                if let r = d.releasedAt {
                    depts[dept]?.released += 1
                    depts[dept]?.releaseHours.append(r.timeIntervalSince(d.createdAt) / 3600)
                }
                if d.closedAt == nil, let due = state.documentDue(d, settings), now >= due { depts[dept]?.overdueNow += 1 }
            }
        }
        func avg(_ h: [Double]) -> ReportValue { .hours(h.isEmpty ? 0 : h.reduce(0, +) / Double(h.count)) }
        let stepRows: [[ReportValue]] = stepOrder.compactMap { key in
            guard let t = steps[key] else { return nil }
            let parts = key.split(separator: " ", maxSplits: 1).map(String.init)
            return [.text(parts.last ?? key), .text(parts.first ?? ""), .count(t.done), avg(t.hours), .hours(t.hours.max() ?? 0),
                    .count(t.late), .count(t.overdueNow)]
        }
        let deptRows: [[ReportValue]] = depts.sorted { $0.key < $1.key }.map { name, t in
            [.text(name), .count(t.incoming), .count(t.handled), avg(t.handleHours), .count(t.lateHandled),
             .count(t.outgoing), .count(t.released), avg(t.releaseHours), .count(t.overdueNow)]
        }
        var all = Totals()
        var totalRows: [[ReportValue]] = []
        for dir in DocumentDirection.allCases {
            let t = totals[dir] ?? Totals()
            all.documents += t.documents; all.closed += t.closed; all.overdueNow += t.overdueNow; all.stepsLate += t.stepsLate
            totalRows.append([.text(dir.rawValue), .count(t.documents), .count(t.closed), .count(t.documents - t.closed), .count(t.overdueNow), .count(t.stepsLate)])
        }
        totalRows.append([.text("all"), .count(all.documents), .count(all.closed), .count(all.documents - all.closed), .count(all.overdueNow), .count(all.stepsLate)])
        return Report(kind: .documents, period: period, sections: [
            ReportSection(id: "documents.totals", heading: "Documents registered or drafted", headingZh: "收发文总数",
                          columns: ["direction", "documents", "closed", "open", "overdueNow", "stepsLate"], rows: totalRows,
                          chart: .bars(label: "direction", value: "documents")),
            ReportSection(id: "documents.steps", heading: "Turnaround per step", headingZh: "各环节用时",
                          columns: ["step", "direction", "done", "averageHours", "longestHours", "late", "overdueNow"], rows: stepRows,
                          chart: .bars(label: "step", value: "averageHours")),
            ReportSection(id: "documents.byDepartment", heading: "Per department", headingZh: "各部门",
                          columns: ["department", "forwarded", "handled", "averageHoursToHandle", "handledLate", "drafted", "released",
                                    "averageHoursToRelease", "overdueNow"], rows: deptRows,
                          chart: .bars(label: "department", value: "averageHoursToHandle")),
        ])
    }

    /// Archive loans: those requested in `period` (lent, returned, late, incomplete, refused), the
    /// loans that were overdue at any time in the period (whenever requested), and those overdue
    /// now. A loan is overdue from its due time until it comes back (`returnedAt`), or until
    /// `now` while the file is still out. `loans` must hold every loan requested before the
    /// period's end that could be overdue in it; `files` names them.
    public static func loans(_ loans: [ArchiveLoan], files: [String: ArchiveFile], people: OfficeState, period: ReportPeriod, now: Date,
                             timeZone tz: TimeZone) -> Report {
        var requested = 0, returned = 0, returnedLate = 0, incomplete = 0, refused = 0, out = 0
        var overdueRows: [(ArchiveLoan, Date?)] = []
        var nowRows: [ArchiveLoan] = []
        for l in loans {
            if period.contains(l.requestedAt) {
                requested += 1
                switch l.status {
                case .returned: returned += 1
                case .incomplete: incomplete += 1
                case .refused: refused += 1
                case .out, .awaitingApproval: out += 1
                }
                if let r = l.returnedAt, r > l.due { returnedLate += 1 }
            }
            // The time it was overdue: [due, back), or [due, now) while still out.
            let back: Date? = l.returnedAt ?? (l.status == .out ? now : nil)
            if let back, back > l.due, l.due < period.end, back > period.start { overdueRows.append((l, l.returnedAt)) }
            if l.isOverdue(at: now) { nowRows.append(l) }
        }
        func title(_ l: ArchiveLoan) -> ReportValue { .text(files[l.fileID]?.title ?? "") }
        let periodRows: [[ReportValue]] = overdueRows.sorted { ($0.0.due, $0.0.id) < ($1.0.due, $1.0.id) }.map { l, r in
            [.text(l.id), .text(l.fileID), title(l), .text(people.displayName(l.borrower)), .text(Clock.dayHM(l.due, tz)),
             .text(r.map { Clock.dayHM($0, tz) } ?? "out"), .count(Int(((r ?? now).timeIntervalSince(l.due) / 86_400).rounded(.down)))]
        }
        let currentRows: [[ReportValue]] = nowRows.sorted { ($0.due, $0.id) < ($1.due, $1.id) }.map { l in
            [.text(l.id), .text(l.fileID), title(l), .text(people.displayName(l.borrower)), .text(Clock.dayHM(l.due, tz)),
             .count(Int((now.timeIntervalSince(l.due) / 86_400).rounded(.down)))]
        }
        return Report(kind: .loans, period: period, sections: [
            ReportSection(id: "loans.totals", heading: "Loans requested in the period", headingZh: "本期借阅",
                          columns: ["requested", "returned", "returnedLate", "incomplete", "refused", "out", "overdueInPeriod", "overdueNow"],
                          rows: [[.count(requested), .count(returned), .count(returnedLate), .count(incomplete), .count(refused), .count(out),
                                  .count(overdueRows.count), .count(nowRows.count)]]),
            ReportSection(id: "loans.overdueInPeriod", heading: "Loans overdue during the period", headingZh: "本期逾期借阅",
                          columns: ["loan", "file", "title", "borrower", "due", "returned", "daysLate"], rows: periodRows),
            ReportSection(id: "loans.overdueNow", heading: "Loans overdue now", headingZh: "当前逾期借阅",
                          columns: ["loan", "file", "title", "borrower", "due", "daysOverdue"], rows: currentRows),
        ])
    }

    /// Parcels booked in `period` (incoming by arrival, outgoing by hand-over): how many came in
    /// and what became of them, how many went out, the courier cost per department, per month
    /// and department, and per carrier. Waiting parcels past `parcelCollectWithin` at `now` are
    /// counted overdue.
    public static func parcels(_ parcels: [Parcel], settings: StoreSettings, period: ReportPeriod, now: Date, calendar cal: Calendar) -> Report {
        var incoming = 0, collected = 0, returned = 0, waiting = 0, overdue = 0, outgoing = 0, cost = 0
        var byDept: [String: (parcels: Int, cents: Int)] = [:]
        var byMonth: [String: (parcels: Int, cents: Int)] = [:]
        var byCarrier: [String: (incoming: Int, outgoing: Int, cents: Int)] = [:]
        for p in parcels where period.contains(p.at) {
            if p.incoming {
                incoming += 1
                byCarrier[p.carrier, default: (0, 0, 0)].incoming += 1
                switch p.status {
                case .collected: collected += 1
                case .returned: returned += 1
                case .waiting:
                    waiting += 1
                    if now >= p.at.addingTimeInterval(settings.parcelCollectWithin) { overdue += 1 }
                case .sent: break
                }
            } else {
                let c = p.costCents ?? 0, d = p.department ?? "(none)"
                outgoing += 1; cost += c
                byDept[d, default: (0, 0)].parcels += 1; byDept[d, default: (0, 0)].cents += c
                let key = Store.monthKey(p.at, cal) + "\u{1F}" + d
                byMonth[key, default: (0, 0)].parcels += 1; byMonth[key, default: (0, 0)].cents += c
                byCarrier[p.carrier, default: (0, 0, 0)].outgoing += 1; byCarrier[p.carrier, default: (0, 0, 0)].cents += c
            }
        }
        func money(_ cents: Int) -> ReportValue { .amount(Double(cents) / 100) }
        let deptRows: [[ReportValue]] = ranked(byDept) { Double($0.cents) }.map { [.text($0.0), .count($0.1.parcels), money($0.1.cents)] }
        let monthRows: [[ReportValue]] = byMonth.sorted { $0.key < $1.key }.map { key, v in
            let parts = key.split(separator: "\u{1F}", maxSplits: 1).map(String.init)
            return [.text(parts.first ?? ""), .text(parts.count > 1 ? parts[1] : ""), .count(v.parcels), money(v.cents)]
        }
        let carrierRows: [[ReportValue]] = byCarrier.sorted { $0.key < $1.key }.map { [.text($0.key), .count($0.value.incoming), .count($0.value.outgoing), money($0.value.cents)] }
        return Report(kind: .parcels, period: period, sections: [
            ReportSection(id: "parcels.totals", heading: "Parcels in and out", headingZh: "快递收发",
                          columns: ["incoming", "collected", "returned", "waiting", "overdueWaiting", "outgoing", "courierCost"],
                          rows: [[.count(incoming), .count(collected), .count(returned), .count(waiting), .count(overdue), .count(outgoing), money(cost)]]),
            ReportSection(id: "parcels.costByDepartment", heading: "Courier cost per department", headingZh: "各部门快递费",
                          columns: ["department", "parcels", "cost"], rows: deptRows, chart: .bars(label: "department", value: "cost")),
            ReportSection(id: "parcels.costByMonth", heading: "Courier cost per month and department", headingZh: "各月各部门快递费",
                          columns: ["month", "department", "parcels", "cost"], rows: monthRows),
            ReportSection(id: "parcels.byCarrier", heading: "Per carrier", headingZh: "各快递公司",
                          columns: ["carrier", "incoming", "outgoing", "cost"], rows: carrierRows, chart: .bars(label: "carrier", value: "outgoing")),
        ])
    }
}

extension Store {
    /// A paper-trail report over `period`, read from the working set and the segments it needs:
    /// documents and parcels from the months the period touches; loans from every month up to
    /// its end (a loan requested long before may be overdue in it; only loans are decoded).
    func paperTrailReport(_ kind: ReportKind, period: ReportPeriod) throws -> Report {
        let now = env.now()
        switch kind {
        case .documents:
            let docs = try paperTrail(.documents, from: period.start, to: period.end).documents
            return Report.documents(docs, state: state, settings: meta.settings, period: period, now: now)
        case .loans:
            let loans = try paperTrail(.loans, from: period.start, to: period.end, readingFrom: "").loans.filter { $0.requestedAt < period.end }
            return Report.loans(loans, files: state.archives, people: state, period: period, now: now, timeZone: env.timeZone)
        case .parcels:
            let parcels = try paperTrail(.parcels, from: period.start, to: period.end).parcels
            return Report.parcels(parcels, settings: meta.settings, period: period, now: now, calendar: env.calendar)
        case .supplies, .meetings, .visitors, .approvals:
            return try report(kind, period: period)
        }
    }
}
