import Foundation
import FrontDeskKit

/// Parcels: those waiting for collection (uncollected past the limit first) with shelf and days
/// on it, then the day's collected, returned and sent ones. Drawn on the second page.
public enum ParcelsPane {
    // Columns: id, carrier, recipient (or sender), department, shelf, status / collector, flags.
    static let columns = [
        PaneColumn(minWidth: 3, maxWidth: 6, priority: 75),
        PaneColumn(minWidth: 6, maxWidth: 16, preferredWidth: 12, priority: 60),
        PaneColumn(minWidth: 8, maxWidth: 20, preferredWidth: 14, priority: PaneColumn.essential),
        PaneColumn(minWidth: 4, maxWidth: 10, priority: 40),
        PaneColumn(minWidth: 2, maxWidth: 6, priority: 85),
        PaneColumn(minWidth: 6, maxWidth: 22, preferredWidth: 12, priority: 80),
        PaneColumn(minWidth: 6, maxWidth: 16, priority: 90),
    ]

    static func content(_ model: DashboardModel, strings: Strings) -> PaneContent {
        let desk = model.parcelDesk
        let title = "\(strings[.paneParcels]) \(desk.waiting.count)" + (desk.overdue > 0 ? " · \(strings.counted(desk.overdue, .uncollected))" : "")
        var lines: [PaneLine] = []
        if !desk.waiting.isEmpty {
            lines.append(.heading(strings[.waitingCollection], count: desk.waiting.count))
            lines += desk.waiting.map { .row(row($0, strings)) }
        }
        if !desk.handled.isEmpty {
            // Another day's are that day's, not today's.
            lines.append(.heading(model.viewedDay == nil ? strings[.handledToday] : strings[L("Handled", "已处理")], count: desk.handled.count))
            lines += desk.handled.map { .row(row($0, strings)) }
        }
        return PaneContent(title: title, table: PaneTable(columns: columns, lines: lines), emptyText: strings[.noParcels])
    }

    static func row(_ r: ParcelRow, _ strings: Strings) -> PaneRow {
        let p = r.parcel
        let who = r.personName ?? p.department ?? ""
        let status: [Span]
        switch p.status {
        case .waiting:
            status = [Span(strings.format(.onShelfDays, "\(r.daysWaiting ?? 0)"), r.flags.isEmpty ? .normal : .overdue)]
        case .collected:
            status = [Span(strings.parcelStatus(.collected) + " " + (p.collectedBy ?? ""), .dim)]
        case .returned:
            status = [Span(strings.parcelStatus(.returned), .dim)]
        case .sent:
            status = [Span("→ " + PaneText.amount(Double(p.costCents ?? 0) / 100), .dim)]
        }
        return PaneRow(id: p.id, cells: [
            [Span(p.id, .dim)],
            [Span(p.carrier)],
            [Span(who)],
            [Span(p.department ?? "", .dim)],
            [Span(p.shelf ?? "")],
            status,
            PaneText.marks(r.flags, strings),
        ])
    }

    /// The detail view of one parcel.
    public static func detail(id: String, model: DashboardModel, strings: Strings) -> (title: String, lines: [String])? {
        guard let p = model.state.parcels[id] else { return nil }
        let tz = model.timeZone
        let flags = model.state.flags(of: p, at: model.now, model.context.settings)
        let lines: [String?] = [
            strings.field(.carrier, p.carrier),
            strings.field(.tracking, p.tracking),
            strings.field(p.incoming ? .recipient : .sender, p.person.map(model.state.displayName)),
            strings.field(.department, p.department),
            strings.field(.size, p.size),
            strings.field(.shelf, p.shelf),
            strings.field(.time, Clock.dayHM(p.at, tz)),
            strings.field(.status, strings.parcelStatus(p.status)),
            strings.field(.collectedBy, p.collectedBy.map { n in n + (p.collectedAt.map { " " + Clock.dayHM($0, tz) } ?? "") }),
            strings.field(.returned, p.returnReason.map { r in (p.returnedAt.map { Clock.dayHM($0, tz) + " " } ?? "") + r }),
            strings.field(.cost, p.costCents.map(Cents.text)),
            strings.field(.flags, flags.isEmpty ? nil : PaneText.marksText(flags, strings)),
        ]
        return ("\(p.id) \(p.carrier) \(p.tracking)", lines.compactMap { $0 })
    }
}
