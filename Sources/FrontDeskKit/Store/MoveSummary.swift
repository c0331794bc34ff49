import Foundation

/// What a month's ledger needs of one month segment's stock moves, written into the segment
/// (`moveSummary`) every time the segment is encoded, from the very array written beside it (as
/// `VisitorSummary` is), so it never disagrees with the moves. `stock ledger --month` over a
/// compacted month reads this and the opening balance instead of every move. Segments written
/// before it existed have none and are read in full.
struct MoveSummary: Equatable, Sendable {
    /// The earliest and latest time of the segment's moves (nil when it has none): the ledger
    /// uses the summary only when its month holds both.
    var first: Date?, last: Date?
    /// Per SKU, ascending: units in (moves of 0 or more) and out (the negated rest).
    var skus: [String] = [], ins: [Int] = [], outs: [Int] = []
    /// Per department, ascending: units issued, and the cost of those issued after a priced
    /// receipt of their item earlier in the month (at that receipt's price, as the ledger prices).
    var departments: [String] = [], units: [Int] = [], pricedCost: [Double] = []
    /// Units issued per department and SKU before any priced receipt of the item that month: the
    /// ledger prices these at the item's list price when it is read.
    var unpricedDepartments: [String] = [], unpricedSKUs: [String] = [], unpricedUnits: [Int] = []

    /// The summary of `moves` (a later move with the same id replaces an earlier one, as the
    /// ledger's reading does), taken in (time, id) order as `StockLedger` takes them.
    init(_ moves: [StockMove]) {
        var byID: [String: StockMove] = [:]
        for m in moves { byID[m.id] = m }
        var inBy: [String: Int] = [:], outBy: [String: Int] = [:]
        var lastPrice: [String: Double] = [:]
        var dept: [String: (units: Int, cost: Double)] = [:]
        var unpriced: [String: [String: Int]] = [:]
        for m in byID.values.sorted(by: { ($0.at, $0.id) < ($1.at, $1.id) }) {
            first = min(first ?? m.at, m.at)
            last = max(last ?? m.at, m.at)
            if let p = m.unitPrice, m.kind == .receive { lastPrice[m.sku] = p }
            if m.quantity >= 0 { inBy[m.sku, default: 0] &+= m.quantity } else { outBy[m.sku, default: 0] &+= -m.quantity }
            guard m.kind == .issue, let d = m.department else { continue }
            dept[d, default: (0, 0)].units &-= m.quantity
            if let price = lastPrice[m.sku] {
                dept[d, default: (0, 0)].cost += Double(-m.quantity) * price
            } else {
                unpriced[d, default: [:]][m.sku, default: 0] &-= m.quantity
            }
        }
        for sku in Set(inBy.keys).union(outBy.keys).sorted() {
            skus.append(sku); ins.append(inBy[sku, default: 0]); outs.append(outBy[sku, default: 0])
        }
        for (d, t) in dept.sorted(by: { $0.key < $1.key }) {
            departments.append(d); units.append(t.units); pricedCost.append(t.cost)
            for (sku, n) in (unpriced[d] ?? [:]).sorted(by: { $0.key < $1.key }) {
                unpricedDepartments.append(d); unpricedSKUs.append(sku); unpricedUnits.append(n)
            }
        }
    }
}

extension MoveSummary: PlistCodable {
    static let plistRequired: [StaticString] = ["skus", "ins", "outs", "departments", "units", "pricedCost",
                                                "unpricedDepartments", "unpricedSKUs", "unpricedUnits"]

    init(plist r: inout PlistReader, _ ref: Int) throws {
        var d = try r.record(ref, Self.self), seen: UInt64 = 0
        while let e = try d.next(r) {
            switch e.key {
            case "first": first = try r.value(e)
            case "last": last = try r.value(e)
            case "skus": skus = try r.value(e); seen |= 1 << 0
            case "ins": ins = try r.value(e); seen |= 1 << 1
            case "outs": outs = try r.value(e); seen |= 1 << 2
            case "departments": departments = try r.value(e); seen |= 1 << 3
            case "units": units = try r.value(e); seen |= 1 << 4
            case "pricedCost": pricedCost = try r.value(e); seen |= 1 << 5
            case "unpricedDepartments": unpricedDepartments = try r.value(e); seen |= 1 << 6
            case "unpricedSKUs": unpricedSKUs = try r.value(e); seen |= 1 << 7
            case "unpricedUnits": unpricedUnits = try r.value(e); seen |= 1 << 8
            default: break
            }
        }
        try r.required(seen, Self.plistRequired, Self.self, ref)
        guard ins.count == skus.count, outs.count == skus.count, units.count == departments.count, pricedCost.count == departments.count,
              unpricedSKUs.count == unpricedDepartments.count, unpricedUnits.count == unpricedDepartments.count else {
            throw PlistDecodeError("a move summary whose parts differ in length", at: try? r.offset(of: ref), path: ["\(Self.self)"])
        }
    }

    func encode(plist w: inout PlistWriter) throws -> Int {
        let m = w.begin()
        try w.field("first", first)
        try w.field("last", last)
        try w.field("skus", skus)
        try w.field("ins", ins)
        try w.field("outs", outs)
        try w.field("departments", departments)
        try w.field("units", units)
        try w.field("pricedCost", pricedCost)
        try w.field("unpricedDepartments", unpricedDepartments)
        try w.field("unpricedSKUs", unpricedSKUs)
        try w.field("unpricedUnits", unpricedUnits)
        return w.endDictionary(m)
    }
}

extension HistorySegment {
    /// A segment file's move summary alone; nil when it has none. Throws for malformed bytes.
    static func readMoveSummary(_ bytes: Data) throws -> MoveSummary? {
        try readTopLevel("moveSummary", bytes)
    }

    /// A segment file's opening balance and move summary, without decoding any record; nil when
    /// it lacks either (written before they existed). Throws for malformed bytes.
    static func readLedgerSummary(_ bytes: Data) throws -> (opening: [String: Int], moves: MoveSummary)? {
        try bytes.withUnsafeBytes { buf in
            var r = try PlistReader(buf)
            do {
                guard let summaryRef = try r.valueRef("moveSummary", in: r.top),
                      let openingRef = try r.valueRef("openingStock", in: r.top), try !r.isNull(openingRef) else { return nil }
                let opening = try [String: Int](plist: &r, openingRef)
                return (opening, try MoveSummary(plist: &r, summaryRef))
            } catch { throw error.inside("HistorySegment.moveSummary") }
        }
    }
}

extension StoreInspection {
    /// Why a segment's move summary cannot be trusted (the month's ledger reads it instead of the
    /// moves): unreadable, or not what its moves add up to. Nil when it agrees or is absent.
    static func moveSummaryProblem(_ seg: HistorySegment, _ bytes: Data) -> String? {
        let stored: MoveSummary?
        do { stored = try HistorySegment.readMoveSummary(bytes) } catch {
            return "damaged: its move summary cannot be read (\(error)); restore it from backup"
        }
        guard let stored else { return nil }
        guard stored == MoveSummary(seg.moves) else {
            return "damaged: its move summary disagrees with its stock moves (the month's ledger would be wrong); restore it from backup"
        }
        return nil
    }
}

extension StockLedger {
    /// The ledger of a compacted month from its opening balance and its segment's move summary
    /// (no move decoded): the same lines and department totals as `init(state:opening:moves:…)`
    /// over the segment's moves. Issues with no priced receipt that month cost the item's list
    /// price in `state`, as there.
    init(state s: OfficeState, opening: [String: Int], summary: MoveSummary, month start: Date, calendar cal: Calendar) {
        // The month's name and the item list as the moves-based ledger builds them (from no moves).
        self.init(state: s, opening: opening, moves: [], month: start, calendar: cal)
        var ins: [String: Int] = [:], outs: [String: Int] = [:]
        for i in summary.skus.indices { ins[summary.skus[i]] = summary.ins[i]; outs[summary.skus[i]] = summary.outs[i] }
        lines = lines.map { l in
            let i = ins[l.sku, default: 0], o = outs[l.sku, default: 0]
            return Line(sku: l.sku, name: l.name, opening: l.opening, inQuantity: i, outQuantity: o, closing: l.opening &+ i &- o)
        }
        var cost: [String: Double] = [:]
        for i in summary.departments.indices { cost[summary.departments[i]] = summary.pricedCost[i] }
        for i in summary.unpricedDepartments.indices {
            let price = s.items[summary.unpricedSKUs[i]]?.unitPrice ?? 0
            cost[summary.unpricedDepartments[i], default: 0] += Double(summary.unpricedUnits[i]) * price
        }
        departments = summary.departments.indices.map { i in
            DepartmentUse(department: summary.departments[i], units: summary.units[i], cost: ((cost[summary.departments[i]] ?? 0) * 100).rounded() / 100)
        }.sorted { $0.cost != $1.cost ? $0.cost > $1.cost : $0.department < $1.department }
    }
}

extension Store {
    /// `stockLedger(month:)` from the month segment's summary, or nil when it must read the moves:
    /// no segment, one without a summary or balance, a move of it outside the month (another
    /// time zone), or a working-set move in the month (whose copy would win).
    func stockLedgerFromSummary(month start: Date) throws -> StockLedger? {
        let cal = env.calendar
        guard let end = cal.date(byAdding: .month, value: 1, to: start),
              !state.moves.values.contains(where: { $0.at >= start && $0.at < end }) else { return nil }
        let month = Self.monthKey(start, cal)
        guard let bytes = try historyDir.read(StorePaths.segment(month)) else { return nil }
        let parts: (opening: [String: Int], moves: MoveSummary)?
        do { parts = try HistorySegment.readLedgerSummary(bytes) } catch let e as PlistDecodeError { throw Self.damaged(paths.segment(month), e) }
        guard let parts else { return nil }
        if let first = parts.moves.first, let last = parts.moves.last, first < start || last >= end { return nil }
        return StockLedger(state: state, opening: parts.opening, summary: parts.moves, month: start, calendar: cal)
    }
}
