import Foundation

/// Money kept in cents, shown to the cent.
public enum Cents {
    /// "1234.56", "-0.05": the amount in cents as a decimal with two places, no grouping.
    public static func text(_ cents: Int) -> String {
        let sign = cents < 0 ? "-" : ""
        let m = cents.magnitude
        let frac = m % 100
        return "\(sign)\(m / 100).\(frac < 10 ? "0" : "")\(frac)"
    }

    /// "1234.5", "12", "0.05" → cents; nil for anything else (more than two decimals, signs, letters).
    public static func parse(_ text: String) -> Int? {
        let t = text.trimmingCharacters(in: .whitespaces)
        let parts = t.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty, whole.allSatisfy(\.isASCII), whole.allSatisfy(\.isNumber),
              whole.count <= 13, let w = Int(whole) else { return nil }
        var c = 0
        if parts.count == 2 {
            let f = parts[1]
            guard (1...2).contains(f.count), f.allSatisfy(\.isASCII), f.allSatisfy(\.isNumber), let n = Int(f) else { return nil }
            c = f.count == 1 ? n * 10 : n
        }
        return w * 100 + c
    }
}

/// One asset as the Assets pane and `asset list` show it.
public struct AssetRow: Sendable, Equatable {
    public var asset: Asset
    public var holderName: String?
    public var bookValueCents: Int
    public var flags: [DueFlag]
    /// Whole days under repair so far (nil when not under repair).
    public var daysUnderRepair: Int?
}

/// The asset ledger at an instant: assets needing attention first (overdue repairs, then under
/// repair), then by department and tag; scrapped and lost assets last.
public struct AssetLedger: Sendable, Equatable {
    public var rows: [AssetRow]

    public init(state s: OfficeState, now: Date, settings: StoreSettings, includeOffBooks: Bool = true) {
        self.init(rows: s.assets.values.filter { includeOffBooks || $0.state.isOnBooks }.map { a in
            AssetRow(asset: a, holderName: a.holder.map(s.displayName), bookValueCents: s.bookValueCents(a, at: now, settings),
                     flags: s.flags(of: a, at: now, settings),
                     daysUnderRepair: a.openRepair.map { max(0, Int(now.timeIntervalSince($0.reportedAt) / 86_400)) })
        })
    }

    /// `rows` in the ledger's order: flagged, under repair, on the books by department and tag, off the books.
    public init(rows: [AssetRow]) {
        self.rows = rows.sorted { a, b in
            func rank(_ r: AssetRow) -> Int {
                !r.flags.isEmpty ? 0 : r.asset.state == .underRepair ? 1 : r.asset.state.isOnBooks ? 2 : 3
            }
            let ra = rank(a), rb = rank(b)
            if ra != rb { return ra < rb }
            return (a.asset.department, a.asset.tag) < (b.asset.department, b.asset.tag)
        }
    }

    /// Overdue repairs.
    public var overdue: Int { rows.filter { !$0.flags.isEmpty }.count }

    /// Book value per department over assets on the books, largest first: (department, assets, cost, value).
    public var byDepartment: [(department: String, assets: Int, costCents: Int, valueCents: Int)] {
        var by: [String: (Int, Int, Int)] = [:]
        for r in rows where r.asset.state.isOnBooks {
            let old = by[r.asset.department] ?? (0, 0, 0)
            by[r.asset.department] = (old.0 + 1, old.1 + r.asset.costCents, old.2 + r.bookValueCents)
        }
        return by.map { (department: $0.key, assets: $0.value.0, costCents: $0.value.1, valueCents: $0.value.2) }
            .sorted { ($0.valueCents, $1.department) > ($1.valueCents, $0.department) }
    }
}

/// One parcel as the Parcels pane and `parcel list` show it.
public struct ParcelRow: Sendable, Equatable {
    public var parcel: Parcel
    /// The recipient (incoming) or sender (outgoing) as people say it.
    public var personName: String?
    public var flags: [DueFlag]
    /// Whole days on the shelf so far (incoming parcels waiting).
    public var daysWaiting: Int?
}

/// The parcel desk: parcels waiting for collection (overdue first, oldest first), then the
/// parcels of the office day of `day` that were collected, returned or sent.
public struct ParcelDesk: Sendable, Equatable {
    public var waiting: [ParcelRow]
    public var handled: [ParcelRow]
    public var rows: [ParcelRow] { waiting + handled }

    public init(state s: OfficeState, day: Date, now: Date, settings: StoreSettings, calendar cal: Calendar) {
        let start = cal.startOfDay(for: day)
        let end = cal.date(byAdding: .day, value: 1, to: start) ?? start.addingTimeInterval(86_400)
        func row(_ p: Parcel) -> ParcelRow {
            ParcelRow(parcel: p, personName: p.person.map(s.displayName), flags: s.flags(of: p, at: now, settings),
                      daysWaiting: p.status == .waiting ? max(0, Int(now.timeIntervalSince(p.at) / 86_400)) : nil)
        }
        waiting = s.parcels.values.filter { $0.incoming && $0.status == .waiting }.map(row)
            .sorted { ($0.flags.isEmpty ? 1 : 0, $0.parcel.at, $0.parcel.id) < ($1.flags.isEmpty ? 1 : 0, $1.parcel.at, $1.parcel.id) }
        handled = s.parcels.values.filter { p in
            guard p.status != .waiting else { return false }
            let when = p.collectedAt ?? p.returnedAt ?? p.at
            return when >= start && when < end
        }.map(row).sorted { ($0.parcel.at, $0.parcel.id) > ($1.parcel.at, $1.parcel.id) }
    }

    public var overdue: Int { waiting.filter { !$0.flags.isEmpty }.count }
}
