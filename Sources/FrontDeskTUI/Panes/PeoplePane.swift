import Foundation
import FrontDeskKit

/// Joiners and leavers (page 3): each open checklist with the person, department, joining or
/// leaving day, items still open and flags; overdue first, then by due time. Drawn by
/// ``PaneList`` like the other panes.
public enum PeoplePane {
    static let name = Localized("People", "入离职")
    static let emptyText = Localized("No joiners or leavers (frontdesk staff join / leave).", "暂无入职或离职人员（frontdesk staff join / leave）。")

    // Columns: id, person, direction, department, day, open items, flags.
    static let columns = [
        PaneColumn(minWidth: 3, maxWidth: 6, priority: 75),
        PaneColumn(minWidth: 8, maxWidth: 20, preferredWidth: 14, priority: PaneColumn.essential),
        PaneColumn(minWidth: 4, maxWidth: 8, priority: 85),
        PaneColumn(minWidth: 4, maxWidth: 10, priority: 40),
        PaneColumn(minWidth: 5, maxWidth: 10, priority: 70),
        PaneColumn(minWidth: 4, maxWidth: 14, priority: PaneColumn.essential),
        PaneColumn(minWidth: 6, maxWidth: 12, priority: 90),
    ]

    static func direction(_ d: StaffDirection) -> Localized {
        switch d {
        case .joining: L("joins", "入职")
        case .leaving: L("leaves", "离职")
        }
    }

    static func itemState(_ s: StaffItemState) -> Localized {
        switch s {
        case .open: L("open", "未完成")
        case .issued: L("issued", "已发放")
        case .recovered: L("recovered", "已收回")
        case .writtenOff: L("written off", "已核销")
        }
    }

    /// The pane's content: title "People 2 · 1 overdue" / "入离职 2 · 逾期 1", joiners then leavers.
    static func content(_ model: DashboardModel, strings: Strings) -> PaneContent {
        let board = model.staffBoard
        let title = "\(strings[name]) \(board.rows.count)" + (board.overdue > 0 ? " · " + strings.counted(board.overdue, .overdue) : "")
        var lines: [PaneLine] = []
        for (heading, rows) in [(L("Joiners", "入职"), board.joiners), (L("Leavers", "离职"), board.leavers)] where !rows.isEmpty {
            lines.append(.heading(strings[heading], count: rows.count))
            lines += rows.map { .row(row($0, timeZone: model.timeZone, strings)) }
        }
        return PaneContent(title: title, table: PaneTable(columns: columns, lines: lines),
                           emptyText: strings[emptyText])
    }

    static func row(_ r: StaffRow, timeZone tz: TimeZone, _ strings: Strings) -> PaneRow {
        let c = r.checklist
        let total = c.items.count
        // A closed checklist shows only on another day (today's board lists open ones).
        let open = c.isClosed ? [Span(strings[L("closed", "已关闭")], .dim)]
            : r.open == 0
            ? [Span(strings[L("ready to close", "可关闭")], .ok)]
            : [Span(strings[L("\(r.open)/\(total) open", "\(r.open)/\(total) 未完成")], r.flags.isEmpty ? .due : .overdue)]
            + (r.awaitingWriteOff > 0 ? [Span(" " + strings[L("\(r.awaitingWriteOff) approval", "\(r.awaitingWriteOff) 待批")], .dim)] : [])
        return PaneRow(id: c.id, cells: [
            [Span(c.id, .dim)],
            [Span(r.personName)],
            [Span(strings[direction(c.direction)])],
            [Span(c.department, .dim)],
            [Span(String(Clock.day(c.day, tz).dropFirst(5)))],
            open,
            PaneText.marks(r.flags, strings),
        ])
    }

    /// The detail view of one checklist: the person, the day, and every item with its state.
    public static func detail(id: String, model: DashboardModel, strings: Strings) -> (title: String, lines: [String])? {
        guard let c = model.state.staff[id] else { return nil }
        let tz = model.timeZone, s = model.state
        let flags = s.flags(of: c, at: model.now)
        var lines: [String?] = [
            strings.field(strings[L("Person", "人员")], s.displayName(c.person) + (s.people[c.person] == nil ? "" : " (\(c.person))")),
            strings.field(.department, c.department),
            strings.field(strings[c.direction == .joining ? L("Starts", "入职日期") : L("Last day", "最后工作日")], Clock.day(c.day, tz)),
            strings.field(strings[L("Due", "截止")], Clock.dayHM(c.dueAt, tz)),
            strings.field(.flags, flags.isEmpty ? nil : PaneText.marksText(flags, strings)),
            strings.field(strings[L("Closed", "已关闭")], c.closedAt.map { Clock.dayHM($0, tz) + " " + (c.closedBy ?? "") }),
            strings[L("Items:", "项目：")],
        ]
        for i in c.items {
            let extra = [i.asset, i.sku.map { "\(i.quantity ?? 0) × \($0)" }, i.note, i.writeOffApprovalID.map { a in "\(a) " + (s.approvals[a].map { strings.status($0.status) } ?? "") }]
                .compactMap { $0 }.joined(separator: ", ")
            lines.append("  \(i.id) \(i.name)\(extra.isEmpty ? "" : " (\(extra))"): \(strings[itemState(i.state)])\(i.doneAt.map { " " + Clock.dayHM($0, tz) } ?? "")")
        }
        return ("\(c.id) \(s.displayName(c.person)) · \(strings[direction(c.direction)])", lines.compactMap { $0 })
    }
}
