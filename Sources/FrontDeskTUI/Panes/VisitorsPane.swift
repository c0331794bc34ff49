import Foundation
import FrontDeskKit

/// The day's visitors in the desk's working order: waiting in the lobby, on site, expected, left.
enum VisitorsPane {
    // Columns: time, minutes waited, name (×N), company, host, badges out, flags.
    static let columns = [
        PaneColumn(minWidth: 5, maxWidth: 5, priority: PaneColumn.essential),
        PaneColumn(minWidth: 6, maxWidth: 7, priority: 85, alignRight: true, steady: true),
        PaneColumn(minWidth: 10, maxWidth: 20, preferredWidth: 14, priority: PaneColumn.essential),
        PaneColumn(minWidth: 8, maxWidth: 18, priority: 20),
        PaneColumn(minWidth: 6, maxWidth: 12, priority: 60),
        PaneColumn(minWidth: 4, maxWidth: 14, preferredWidth: 9, priority: 70),
        PaneColumn(minWidth: 6, maxWidth: 16, priority: 90),
    ]

    static func content(_ model: DashboardModel, strings: Strings) -> PaneContent {
        let q = model.visitors
        let overdue = model.overdueCount(.visitors)
        let title = strings.paneTitle(.visitors, count: q.rows.count, flagged: overdue, .overdue)
        var lines: [PaneLine] = []
        for group in VisitorGroup.allCases {
            let rows = q.rows.filter { $0.group == group }
            guard !rows.isEmpty else { continue }
            lines.append(.heading(heading(group, strings), count: rows.count))
            lines += rows.map { .row(row($0, model, strings)) }
        }
        return PaneContent(title: title, table: PaneTable(columns: columns, lines: lines), emptyText: strings[.noVisitors])
    }

    static func heading(_ g: VisitorGroup, _ strings: Strings) -> String {
        switch g {
        case .waiting: strings[.waiting]
        case .onSite: strings[.onSite]
        case .expected: strings[.expected]
        case .done: strings[.left]
        }
    }

    static func row(_ r: VisitorRow, _ model: DashboardModel, _ strings: Strings) -> PaneRow {
        let v = r.visitor, tz = model.timeZone
        let base: Role = r.group == .done && r.flags.isEmpty ? .dim : .normal
        let time: Date = switch r.group {
        case .waiting: v.arrivedAt ?? v.expectedAt
        case .onSite: v.checkedInAt ?? v.arrivedAt ?? v.expectedAt
        case .expected: v.expectedAt
        case .done: v.leftAt ?? v.expectedAt
        }
        let waited = r.group == .waiting ? v.arrivedAt.map { strings.age(model.now.timeIntervalSince($0)) } ?? "" : ""
        var name = [Span(v.name, r.group == .waiting ? .accent : base)]
        if v.headCount > 1 { name.append(Span(" \(Glyph.times)\(v.headCount)", .accent, keep: true)) }
        var flags = PaneText.marks(r.flags, strings)
        if v.status == .cancelled || v.status == .noShow {
            if !flags.isEmpty { flags.append(Span(" ")) }
            flags.append(Span(strings.status(v.status), .dim))
        }
        return PaneRow(id: v.id, cells: [
            [Span(Clock.hm(time, tz), base)],
            [Span(waited, r.flags.contains(.waitOverdue) ? .overdue : base)],
            name,
            [Span(v.company ?? "", base)],
            [Span(r.hostName, base)],
            [Span(v.badgesOut.joined(separator: ","), r.flags.contains(.badgeOverdue) ? .overdue : base)],
            flags,
        ])
    }

    static func detail(id: String, model: DashboardModel, strings: Strings) -> (title: String, lines: [String])? {
        guard let v = model.state.visitors[id] else { return nil }
        let s = model.state, tz = model.timeZone
        let row = model.visitors.rows.first { $0.visitor.id == id }
        func at(_ d: Date?) -> String? { d.map { Clock.dayHM($0, tz) } }
        let lines: [String?] = [
            strings.field(.company, v.company),
            strings.field(.purpose, v.purpose),
            strings.field(.host, s.displayName(v.host)),
            strings.field(.headCount, String(v.headCount)),
            strings.field(.status, strings.status(v.status)),
            strings.field(.expected, at(v.expectedAt)),
            strings.field(.appointmentReceived, at(v.receivedAt)),
            strings.field(.confirmed, at(v.confirmedAt)),
            strings.field(.arrived, at(v.arrivedAt)),
            strings.field(.checkedIn, at(v.checkedInAt)),
            strings.field(.left, at(v.leftAt)),
            strings.field(.badge, v.badges.joined(separator: ", ")),
            strings.field(.badgesNotReturned, v.badgesOut.joined(separator: ", ")),
            // Personal data: masked on the shared screen; in full only in an admin's detail view.
            strings.field(.idNumber, model.state.hasRole(model.user, .admin) ? v.idNumber : v.maskedIDNumber),
            strings.field(.outcome, v.outcome),
            strings.field(.flags, row.map { PaneText.marksText($0.flags, strings) }),
        ]
        let count = v.headCount > 1 ? " \(Glyph.times)\(v.headCount)" : ""
        return ("\(v.id) \(v.name)\(count)", lines.compactMap { $0 })
    }
}
