import Foundation
import Testing
@testable import FrontDeskKit
import TestSupport

/// Reports reconcile with the raw records: each total is recomputed here another way from the
/// generated history (a year of it), and the rules behind the named lines are pinned on small
/// hand-made cases.
@Suite(.serialized) struct ReportTests {
    static let now = TempStore.date("2026-03-10 10:30")
    static let cal = TempStore.env().calendar

    /// A demo office with a year of generated history, decoded once for the suite.
    nonisolated(unsafe) static let office: (state: OfficeState, history: HistoryGenerator.Output) = {
        let tmp = try? TempStore("reports")
        guard let tmp, let store = try? tmp.create(at: "2026-03-10 10:30") else { return (OfficeState(), HistoryGenerator.Output()) }
        defer { tmp.remove() }
        _ = try? store.commitBatch { s, ctx in DemoOffice.changes(now: ctx.now, calendar: ctx.env.calendar, operator: ctx.actor, in: s) }
        let h = HistoryGenerator(years: 1, seed: 7).generate(before: cal.startOfDay(for: now), calendar: cal, state: store.state)
        return (store.state, h)
    }()

    static let january = ReportPeriod.month(TempStore.date("2026-01-01 00:00"), calendar: cal)

    func number(_ v: ReportValue) -> Double { v.number ?? 0 }

    @Test func suppliesTotalsReconcileWithTheMoves() throws {
        let (state, h) = Self.office
        try #require(!h.moves.isEmpty)
        let p = Self.january
        let r = Report.supplies(moves: h.moves, items: state.items, opening: [:], period: p, calendar: Self.cal)
        let issues = h.moves.filter { $0.kind == .issue && $0.at >= p.start && $0.at < p.end }
        let units = issues.reduce(0) { $0 - $1.quantity }
        #expect(units > 0)
        let byDept = try #require(r.section("supplies.byDepartment"))
        let byItem = try #require(r.section("supplies.byItem"))
        #expect(byDept.values("units").reduce(0) { $0 + number($1) } == Double(units))
        #expect(byItem.values("units").reduce(0) { $0 + number($1) } == Double(units))
        // Cost, recomputed: each issue at the last receipt price before it.
        var cost = 0.0
        for m in issues {
            let price = h.moves.filter { $0.sku == m.sku && $0.kind == .receive && ($0.at, $0.id) < (m.at, m.id) }.max { ($0.at, $0.id) < ($1.at, $1.id) }?.unitPrice
                ?? state.items[m.sku]?.unitPrice ?? 0
            cost += Double(-m.quantity) * price
        }
        let shownCost = byDept.values("cost").reduce(0) { $0 + number($1) }
        #expect(abs(shownCost - cost) < 0.005, "\(shownCost) vs \(cost)")
        #expect(abs(byItem.values("cost").reduce(0) { $0 + number($1) } - cost) < 0.005)
        // The trend's last month is the period itself.
        let trend = try #require(r.section("supplies.trend"))
        #expect(trend.rows.count == 12)
        #expect(trend.rows.last?.first == .text("2026-01"))
        #expect(trend.rows.last.map { number($0[1]) } == Double(units))
        // Spend per supplier: every receipt of the month.
        let receipts = h.moves.filter { $0.kind == .receive && p.contains($0.at) }
        let spend = receipts.reduce(0.0) { $0 + Double($1.quantity) * ($1.unitPrice ?? 0) }
        let bySupplier = try #require(r.section("supplies.bySupplier"))
        #expect(abs(bySupplier.values("amount").reduce(0) { $0 + number($1) } - spend) < 0.005)
        #expect(bySupplier.values("receipts").reduce(0) { $0 + number($1) } == Double(receipts.count))
    }

    @Test func ranOutIdleAndSmallLotsAreNamed() throws {
        let items = ["S1": SupplyItem(sku: "S1", name: "纸", unit: "ream", reorderAt: 5, target: 40, unitPrice: 20),
                     "S2": SupplyItem(sku: "S2", name: "Pens", unit: "box", reorderAt: 2, target: 10),
                     "S3": SupplyItem(sku: "S3", name: "Tape", unit: "roll", reorderAt: 2, target: 30)]
        func at(_ s: String) -> Date { TempStore.date(s) }
        var moves = [StockMove(id: "K1", sku: "S1", kind: .issue, quantity: -3, at: at("2026-01-05 10:00"), by: "tom", department: "IT"),
                     StockMove(id: "K2", sku: "S1", kind: .issue, quantity: -2, at: at("2026-01-06 10:00"), by: "tom", department: "IT")]
        for (i, day) in ["2026-01-07", "2026-01-14", "2026-01-21"].enumerated() {
            moves.append(StockMove(id: "K\(10 + i)", sku: "S3", kind: .receive, quantity: 4, at: at("\(day) 09:00"), by: "zm", unitPrice: 2, supplier: "得力"))
        }
        let r = Report.supplies(moves: moves, items: items, opening: ["S1": 5, "S2": 8], period: Self.january, calendar: Self.cal)
        let out = try #require(r.section("supplies.outOrIdle")).rows
        #expect(out.contains { $0[0] == .text("S1") && $0[2] == .text("ran out") && $0[3] == .text("2026-01-06") })
        #expect(out.contains { $0[0] == .text("S2") && $0[2] == .text("idle") && $0[4] == .count(8) })
        let cycles = try #require(r.section("supplies.purchaseCycles")).rows
        #expect(cycles.count == 1)
        #expect(cycles.first?[0] == .text("S3") && cycles.first?[2] == .count(3) && cycles.first?[4] == .hours(7))
        // Issues are costed at the list price when nothing was received before them: 5 × 20.
        #expect(r.section("supplies.byDepartment")?.rows.first == [.text("IT"), .count(5), .amount(100)])
    }

    @Test func meetingTotalsReconcile() throws {
        let (state, h) = Self.office
        let p = Self.january
        let r = Report.meetings(h.meetings, rooms: state.rooms, people: state.people, settings: StoreSettings(), period: p, now: Self.now, calendar: Self.cal)
        let used = h.meetings.filter { p.contains($0.start) && $0.status != .cancelled && $0.status != .noShow }
        try #require(!used.isEmpty)
        let hours = used.reduce(0.0) { $0 + $1.end.timeIntervalSince($1.start) / 3600 }
        let byRoom = try #require(r.section("meetings.byRoom"))
        #expect(byRoom.values("meetings").reduce(0) { $0 + number($1) } == Double(used.count))
        #expect(abs(byRoom.values("hours").reduce(0) { $0 + number($1) } - hours) < 1e-6)
        let byDept = try #require(r.section("meetings.byDepartment"))
        #expect(byDept.values("meetings").reduce(0) { $0 + number($1) } == Double(used.count))
        // Generated meetings lie within 09:00–18:45, inside the 08–19 working day, so the heat map holds every hour.
        guard case .heatmap(let rows, let cols, let values)? = r.section("meetings.roomUse")?.chart else { Issue.record("no heat map"); return }
        #expect(rows.count == 7 && cols.first == "08" && cols.last == "18")
        #expect(abs(values.joined().reduce(0, +) - hours) < 1e-6)
        #expect(values[5].reduce(0, +) == 0 && values[6].reduce(0, +) == 0, "no meetings are generated at weekends")
        let att = try #require(r.section("meetings.attendance")?.rows.first)
        let noShows = h.meetings.filter { p.contains($0.start) && $0.status == .noShow }.count
        #expect(att[2] == .count(noShows))
        let minutes = try #require(r.section("meetings.minutes")?.rows.first)
        let late = used.filter { m in m.minutesSentAt.map { $0 > m.end.addingTimeInterval(172_800) } ?? false }.count
        #expect(minutes[1] == .count(late))
        #expect(number(minutes[0]) + number(minutes[1]) == Double(used.filter { $0.minutesSentAt != nil }.count))
        let top = try #require(r.section("meetings.costliest"))
        #expect(top.rows.count == 10)
        let ph = top.values("personHours").map { number($0) }
        #expect(ph == ph.sorted(by: >))
        // The ten costliest, recomputed: person-hours of every meeting used, most first, ties by id.
        let costliest = used.map { m in (m.id, Double(Set(m.attendees + [m.organizer]).count) * m.end.timeIntervalSince(m.start) / 3600) }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(10)
        #expect(top.values("id") == costliest.map { .text($0.0) })
        // Open action items, recomputed over meetings not cancelled.
        let open = h.meetings.filter { p.contains($0.start) && $0.status != .cancelled }.flatMap(\.actionItems).filter { $0.doneAt == nil }
        let items = try #require(r.section("meetings.actionItems"))
        #expect(items.values("open").reduce(0) { $0 + number($1) } == Double(open.count))
        #expect(items.values("overdue").reduce(0) { $0 + number($1) } == Double(open.filter { $0.due < Self.now }.count))
    }

    /// Fed one meeting at a time in any order, the tally keeps the same counts and the same ten
    /// costliest (the running top ten equals sorting them all).
    @Test func theMeetingTallyFedInAnyOrderKeepsTheCountsAndTheCostliest() throws {
        let (state, h) = Self.office
        let p = ReportPeriod.days(TempStore.date("2025-06-01 00:00"), through: TempStore.date("2026-02-28 00:00"), calendar: Self.cal)
        let whole = Report.meetings(h.meetings, rooms: state.rooms, people: state.people, settings: StoreSettings(), period: p, now: Self.now, calendar: Self.cal)
        var tally = Report.MeetingTally(rooms: state.rooms, people: state.people, settings: StoreSettings(), period: p, now: Self.now, calendar: Self.cal)
        for m in h.meetings.reversed() { tally.add(m) }
        let fed = tally.report()
        for id in ["meetings.attendance", "meetings.minutes", "meetings.actionItems", "meetings.costliest"] {
            #expect(fed.section(id) == whole.section(id), "\(id)")
        }
        #expect(whole.section("meetings.costliest")?.rows.count == 10)
    }

    @Test func minutesAndActionItemsFollowTheLimits() throws {
        func at(_ s: String) -> Date { TempStore.date(s) }
        var held = Meeting(id: "M1", title: "周会", roomID: "R1", organizer: "lina", attendees: ["tom", "ann"], start: at("2026-01-05 10:00"),
                           end: at("2026-01-05 11:00"), status: .closed, requestedAt: at("2026-01-01 10:00"))
        held.minutesSentAt = at("2026-01-08 12:00")  // 73 h after the end: late
        held.actionItems = [ActionItem(id: "T1", text: "Book hotel", owner: "tom", due: at("2026-01-20 18:00")),
                            ActionItem(id: "T2", text: "Send quotes", owner: "tom", due: at("2026-04-01 18:00")),
                            ActionItem(id: "T3", text: "Done", owner: "ann", due: at("2026-01-20 18:00"), doneAt: at("2026-01-19 10:00"))]
        var prompt = held
        prompt.id = "M2"; prompt.minutesSentAt = at("2026-01-06 09:00"); prompt.actionItems = []
        var unsent = held
        unsent.id = "M3"; unsent.minutesSentAt = nil; unsent.actionItems = []
        var gone = held
        gone.id = "M4"; gone.status = .noShow; gone.actionItems = []
        let r = Report.meetings([held, prompt, unsent, gone], rooms: [:], people: [:], settings: StoreSettings(), period: Self.january,
                                now: Self.now, calendar: Self.cal)
        #expect(r.section("meetings.minutes")?.rows.first == [.count(1), .count(1), .count(1), .count(0), .share(1.0 / 3)])
        #expect(r.section("meetings.actionItems")?.rows == [[.text("tom"), .count(2), .count(1)]])
        #expect(r.section("meetings.attendance")?.rows.first == [.count(4), .count(3), .count(1), .share(0.25), .count(0)])
    }

    @Test func visitorTotalsReconcile() throws {
        let (state, h) = Self.office
        let p = Self.january
        let r = Report.visitors(h.visitors, people: state.people, badges: state.badges, period: p, calendar: Self.cal)
        let all = h.visitors.filter { p.contains($0.expectedAt) }
        try #require(all.count > 1000)
        let came = all.filter { $0.status != .noShow && $0.status != .cancelled }
        let byDept = try #require(r.section("visitors.byDepartment"))
        #expect(byDept.values("visits").reduce(0) { $0 + number($1) } == Double(came.count))
        #expect(byDept.values("people").reduce(0) { $0 + number($1) } == Double(came.reduce(0) { $0 + $1.headCount }))
        let waits = came.compactMap { v in v.checkedInAt.flatMap { c in v.arrivedAt.map { c.timeIntervalSince($0) / 60 } } }
        let summary = try #require(r.section("visitors.summary")?.rows.first)
        #expect(summary[0] == .count(all.count))
        #expect(summary[4] == .count(all.filter { $0.status == .noShow }.count))
        #expect(summary[6] == .count(all.filter { $0.status == .cancelled }.count))
        #expect(summary[2] == .minutes(waits.isEmpty ? nil : waits.reduce(0, +) / Double(waits.count)))
    }

    @Test func lostBadgesAndWaitsOnAHandMadeDay() throws {
        func at(_ s: String) -> Date { TempStore.date(s) }
        var a = Visitor(id: "V1", name: "王芳", host: "lina", expectedAt: at("2026-01-05 10:00"), status: .closed, receivedAt: at("2026-01-04 10:00"))
        a.arrivedAt = at("2026-01-05 10:00"); a.checkedInAt = at("2026-01-05 10:20"); a.badges = ["B001"]
        var b = a
        b.id = "V2"; b.checkedInAt = at("2026-01-05 10:05"); b.badges = ["B002"]
        var c = a
        c.id = "V3"; c.status = .noShow; c.arrivedAt = nil; c.checkedInAt = nil
        let people = ["lina": Person(login: "lina", name: "李娜", department: "行政部")]
        let badges = ["B001": Badge(id: "B001", state: .lost, visitorID: "V1"), "B002": Badge(id: "B002")]
        let r = Report.visitors([a, b, c], people: people, badges: badges, period: Self.january, calendar: Self.cal)
        #expect(r.section("visitors.byDepartment")?.rows == [[.text("行政部"), .count(2), .count(2), .minutes(12.5)]])
        #expect(r.section("visitors.summary")?.rows.first == [.count(3), .count(2), .minutes(12.5), .minutes(20), .count(1), .share(1.0 / 3), .count(0), .count(1)])
        #expect(r.section("visitors.badgesLost")?.rows == [[.text("B001"), .text("V1")]])
    }

    @Test func approvalTotalsReconcile() throws {
        let (_, h) = Self.office
        let p = Self.january
        let r = Report.approvals(h.approvals, settings: StoreSettings(), period: p, now: Self.now)
        let rows = try #require(r.section("approvals.byType")).rows
        let all = h.approvals.filter { p.contains($0.createdAt) }
        try #require(!all.isEmpty)
        let total = try #require(rows.last)
        #expect(total[0] == .text("all") && total[1] == .count(all.count))
        #expect(rows.dropLast().reduce(0) { $0 + number($1[1]) } == Double(all.count))
        let rejected = all.filter { $0.status == .rejected }.count
        #expect(total[3] == .count(rejected))
        #expect(total[6] == .share(Double(rejected) / Double(all.filter { $0.status == .approved || $0.status == .rejected }.count)))
        let late = all.filter { r in (r.decisions.map(\.at).max() ?? .distantFuture) > r.createdAt.addingTimeInterval(172_800) }.count
        #expect(total[7] == .share(Double(late) / Double(all.count)))
        let hours = all.map { ($0.decisions.map(\.at).max() ?? $0.createdAt).timeIntervalSince($0.createdAt) / 3600 }
        #expect(total[5] == .hours(hours.reduce(0, +) / Double(hours.count)))
    }

    /// The store hands the report its requests in dictionary order, which changes from run to
    /// run: the same requests in any order give the very same report (the average hours once
    /// differed in the last bits, 18.27 h against 18.28 h when printed).
    @Test func approvalsReportIsTheSameWhateverOrderTheRequestsComeIn() throws {
        let (_, h) = Self.office
        try #require(h.approvals.count > 100)
        let year = ReportPeriod.days(TempStore.date("2025-03-10 00:00"), through: TempStore.date("2026-03-09 00:00"), calendar: Self.cal)
        func report(_ requests: [ApprovalRequest]) -> [[ReportValue]] {
            Report.approvals(requests, settings: StoreSettings(), period: year, now: Self.now).sections.flatMap(\.rows)
        }
        // Decided after whole hours and some seconds (the generator's whole hours add up exactly in any order).
        let requests: [ApprovalRequest] = h.approvals.enumerated().map { i, a in
            var a = a
            a.decisions = a.decisions.map { d in var d = d; d.at.addTimeInterval(Double((i * 617) % 3600)); return d }
            return a
        }
        let first = report(requests)
        let n = requests.count
        let reversed: [ApprovalRequest] = requests.reversed()
        let byID: [ApprovalRequest] = requests.sorted { $0.id < $1.id }
        let rotated: [ApprovalRequest] = Array(requests[(n / 3)...]) + Array(requests[..<(n / 3)])
        let strided: [ApprovalRequest] = (0..<n).sorted { ($0 * 7919) % n < ($1 * 7919) % n }.map { requests[$0] }
        let orders = [reversed, byID, rotated, strided]
        for (i, o) in orders.enumerated() {
            #expect(report(o) == first, "order \(i) gives another report")
        }
    }
}

/// Opening stock for a report: one segment's balance plus the month's earlier moves equals on
/// hand now counted back over every move since (what the balances replace).
@Suite struct StockAtDateTests {
    @Test func segmentBalanceAgreesWithCountingBack() throws {
        let tmp = try TempStore("stockat")
        defer { tmp.remove() }
        var store = try tmp.create(at: "2026-03-10 17:30")
        _ = try store.commitBatch { s, ctx in DemoOffice.changes(now: ctx.now, calendar: ctx.env.calendar, operator: ctx.actor, in: s) }
        store = try tmp.open(at: "2026-04-20 10:30")
        _ = try store.compact()
        store = try tmp.open(at: "2026-04-20 10:30")
        let moves = try store.moves(since: TempStore.date("2026-01-01 00:00"))
        try #require(!moves.isEmpty)
        try #require(try store.history(month: "2026-03")?.openingStock != nil, "compaction writes the month's balances")
        for day in ["2026-03-01 00:00", "2026-03-10 12:00", "2026-02-15 09:00"] {
            let at = TempStore.date(day)
            var counted = store.state.onHand
            for m in moves where m.at >= at { counted[m.sku, default: 0] -= m.quantity }
            let fromSegment = try store.stock(at: at)
            #expect(fromSegment.filter { $0.value != 0 } == counted.filter { $0.value != 0 }, "\(day)")
        }
    }
}
