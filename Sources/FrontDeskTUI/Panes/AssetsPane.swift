import Foundation
import FrontDeskKit

extension Strings {
    /// The asset state in the user's language: "in use" / "在用".
    public func assetState(_ s: AssetState) -> String {
        switch s {
        case .inUse: self[L("in use", "在用")]
        case .inStore: self[L("in store", "在库")]
        case .underRepair: self[L("repair", "维修中")]
        case .lost: self[L("lost", "丢失")]
        case .scrapped: self[L("scrapped", "已报废")]
        }
    }

    /// The parcel status in the user's language: "waiting" / "待领取".
    public func parcelStatus(_ s: ParcelStatus) -> String {
        switch s {
        case .waiting: self[L("waiting", "待领取")]
        case .collected: self[L("collected", "已领取")]
        case .returned: self[L("returned", "已退回")]
        case .sent: self[L("sent", "已寄出")]
        }
    }
}

/// Fixed assets, overdue repairs first: tag, model, holder (or location), state, book value and
/// flags. Drawn on the second page; a pure function of the model like the home panes.
public enum AssetsPane {
    // Columns: tag, model, holder/location, department, state, book value, flags.
    static let columns = [
        PaneColumn(minWidth: 7, maxWidth: 10, priority: PaneColumn.essential),
        PaneColumn(minWidth: 10, maxWidth: 28, preferredWidth: 18, priority: PaneColumn.essential),
        PaneColumn(minWidth: 6, maxWidth: 18, preferredWidth: 12, priority: 80),
        PaneColumn(minWidth: 4, maxWidth: 10, priority: 40),
        PaneColumn(minWidth: 4, maxWidth: 8, priority: 70),
        PaneColumn(minWidth: 8, maxWidth: 12, priority: 60, alignRight: true),
        PaneColumn(minWidth: 6, maxWidth: 12, priority: 90),
    ]

    static func content(_ model: DashboardModel, strings: Strings) -> PaneContent {
        let ledger = model.assetLedger
        let title = "\(strings[.paneAssets]) \(ledger.rows.count)" + (ledger.overdue > 0 ? " · \(strings.counted(ledger.overdue, .repairsOverdue))" : "")
        return PaneContent(title: title, table: PaneTable(columns: columns, lines: ledger.rows.map { .row(row($0, strings)) }),
                           emptyText: strings[.noAssets])
    }

    static func row(_ r: AssetRow, _ strings: Strings) -> PaneRow {
        let a = r.asset
        let off = !a.state.isOnBooks
        let stateRole: Role = a.state == .underRepair ? .due : off ? .dim : .normal
        return PaneRow(id: a.tag, cells: [
            [Span(a.tag, .dim)],
            [Span(a.model, off ? .dim : .normal)],
            [Span(r.holderName ?? a.location)],
            [Span(a.department, .dim)],
            [Span(strings.assetState(a.state), stateRole)],
            [Span(money(r.bookValueCents), off ? .dim : .normal)],
            PaneText.marks(r.flags, strings) + (r.daysUnderRepair.map { [Span(r.flags.isEmpty ? strings.format(.underRepairDays, "\($0)") : " \($0)d", .dim)] } ?? []),
        ])
    }

    /// "2,920.00": book values always to the cent, grouped by thousands.
    static func money(_ cents: Int) -> String {
        let t = PaneText.amount(Double(cents) / 100)
        return t.contains(".") || t.contains("e") ? t : t + ".00"
    }

    /// The detail view of one asset: its ledger fields, repairs and transfers.
    public static func detail(id: String, model: DashboardModel, strings: Strings) -> (title: String, lines: [String])? {
        guard let r = model.assetLedger.rows.first(where: { $0.asset.tag == id }) else { return nil }
        let a = r.asset, tz = model.timeZone, s = model.state
        var lines: [String?] = [
            strings.field(.category, a.category),
            strings.field(.serial, a.serial),
            strings.field(.purchased, Clock.day(a.purchasedOn, tz) + (a.purchaseID.map { " (\($0))" } ?? "")),
            strings.field(.cost, Cents.text(a.costCents)),
            strings.field(.bookValue, Cents.text(r.bookValueCents)),
            strings.field(.supplier, a.supplier),
            strings.field(.department, a.department),
            strings.field(.location, a.location),
            strings.field(.holder, r.holderName),
            strings.field(.status, strings.assetState(a.state)),
            strings.field(.flags, r.flags.isEmpty ? nil : PaneText.marksText(r.flags, strings)),
            strings.field(.scrapRequest, a.scrapApprovalID.map { id in "\(id) " + (s.approvals[id].map { strings.status($0.status) } ?? "") }),
        ]
        if !a.repairs.isEmpty {
            lines.append(strings.listHeading(.repairs))
            for rep in a.repairs {
                let sent = rep.sentTo.map { " → \($0)" } ?? ""
                let back = rep.backAt.map { " → \(Clock.day($0, tz)) \(rep.work ?? "") \(Cents.text(rep.costCents ?? 0))" } ?? ""
                lines.append("  \(Clock.day(rep.reportedAt, tz)) \(rep.fault)\(sent)\(back)")
            }
        }
        if !a.transfers.isEmpty {
            lines.append(strings.listHeading(.transfers))
            for t in a.transfers {
                lines.append("  \(Clock.day(t.at, tz)) \(t.fromLocation) → \(t.toLocation)\(t.toHolder.map { " (\(s.displayName($0)))" } ?? "")")
            }
        }
        return ("\(a.tag) \(a.model)", lines.compactMap { $0 })
    }
}
