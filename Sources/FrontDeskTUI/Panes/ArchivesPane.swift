import Foundation
import FrontDeskKit

/// The archive shelf (the query's order): files that need the desk (a loan overdue, a return
/// incomplete, retention ended) first, then files on loan, then the shelf. Each row: id (a `*`
/// marks a confidential file), title, department, category, where it is kept, its loan and flags.
/// Drawn by ``PaneList`` like the home panes; the second page places it (see the notes).
enum ArchivesPane {
    static let name = Localized("Archives", "档案")

    // Columns: id, title, department, category, where, loan (due and borrower), flags.
    static let columns = [
        PaneColumn(minWidth: 3, maxWidth: 6, priority: PaneColumn.essential),
        PaneColumn(minWidth: 12, maxWidth: 34, preferredWidth: 22, priority: PaneColumn.essential),
        PaneColumn(minWidth: 6, maxWidth: 10, priority: 60),
        PaneColumn(minWidth: 6, maxWidth: 10, priority: 20),
        PaneColumn(minWidth: 7, maxWidth: 14, priority: 30),
        PaneColumn(minWidth: 8, maxWidth: 22, priority: 80),
        PaneColumn(minWidth: 5, maxWidth: 16, priority: 90),
    ]

    static func sectionName(_ s: ArchiveRow.Section) -> Localized {
        switch s {
        case .attention: Localized("Needs attention", "待处理")
        case .onLoan: Localized("On loan", "借出中")
        case .shelf: Localized("On the shelf", "在库")
        }
    }

    /// The pane's content from the shelf at `now`: title "Archives 6 · 1 overdue" / "档案 6 · 逾期 1".
    static func content(_ shelf: ArchiveShelf, now: Date, timeZone tz: TimeZone, strings: Strings) -> PaneContent {
        let title = "\(strings[name]) \(shelf.rows.count)" + (shelf.overdue > 0 ? " · " + strings.counted(shelf.overdue, .overdue) : "")
        var lines: [PaneLine] = []
        for s in ArchiveRow.Section.allCases {
            let rows = shelf.rows.filter { $0.section == s }
            guard !rows.isEmpty else { continue }
            lines.append(.heading(strings[sectionName(s)], count: rows.count))
            lines += rows.map { .row(row($0, now: now, timeZone: tz, strings)) }
        }
        return PaneContent(title: title, table: PaneTable(columns: columns, lines: lines),
                           emptyText: strings[Localized("No archive files yet (frontdesk archive add).", "尚无档案（frontdesk archive add）。")])
    }

    /// The same, for the dashboard's model.
    static func content(_ model: DashboardModel, strings: Strings) -> PaneContent {
        content(model.archiveShelf, now: model.now, timeZone: model.timeZone, strings: strings)
    }

    /// "A-01/03" / "A-01柜03盒" for paper, the path's last part for an electronic file.
    /// The categories frontdesk itself files under (minutes from `meeting.send`, the demo's shelf)
    /// in the reader's language; a category a person typed is shown as typed.
    static func category(_ c: String, _ strings: Strings) -> String {
        let known: [String: Localized] = [
            "minutes": L("minutes", "会议纪要"), "contract": L("contract", "合同"), "regulation": L("regulation", "制度"),
            "voucher": L("voucher", "凭证"), "vouchers": L("vouchers", "凭证"), "budget": L("budget", "预算"), "handbook": L("handbook", "手册"),
        ]
        return known[c].map { strings[$0] } ?? c
    }

    static func place(_ f: ArchiveFile, _ strings: Strings) -> String {
        switch f.medium {
        case .paper: strings.language == .zhHans ? "\(f.cabinet ?? "?")柜\(f.box ?? "?")盒" : "\(f.cabinet ?? "?")/\(f.box ?? "?")"
        case .electronic: (f.path ?? "").split(separator: "/").last.map(String.init) ?? (f.path ?? "")
        }
    }

    static func row(_ r: ArchiveRow, now: Date, timeZone tz: TimeZone, _ strings: Strings) -> PaneRow {
        let f = r.file
        var loan: [Span] = []
        if let l = r.loan {
            let who = r.borrowerName ?? l.borrower
            // The due time (or the state) first and kept whole: a long name gives way.
            switch l.status {
            case .awaitingApproval: loan = [Span(strings[Localized("approval", "待审批")], .due, keep: true), Span(" " + who)]
            case .incomplete, .returned: loan = [Span(strings[Localized("returned", "已归还")], .dim, keep: true), Span(" " + who)]
            case .refused: loan = [Span(strings[Localized("refused", "未获批")], .dim, keep: true), Span(" " + who)]
            default: loan = [Span(String(Clock.dayHM(l.due, tz).dropFirst(5)), l.isOverdue(at: now) ? .overdue : .normal, keep: true), Span(" " + who)]
            }
        }
        return PaneRow(id: f.id, cells: [
            [Span(f.id + (f.confidential ? "*" : ""), .dim)],
            [Span(f.title, r.flags.isEmpty ? .normal : .accent)],
            [Span(f.department.isEmpty ? Glyph.none : f.department)],
            [Span(category(f.category, strings), .dim)],
            [Span(place(f, strings), .dim)],
            loan,
            PaneText.marks(r.flags, strings),
        ])
    }

    /// The detail view of file `id`: its classification, place, retention, and every loan.
    static func detail(id: String, state s: OfficeState, now: Date, calendar cal: Calendar, strings: Strings) -> (title: String, lines: [String])? {
        guard let f = s.archives[id] else { return nil }
        let tz = cal.timeZone
        func L(_ en: String, _ zh: String) -> String { strings[Localized(en, zh)] }
        var lines: [String?] = [
            strings.field(L("Department", "部门"), f.department),
            strings.field(L("Project", "项目"), f.project),
            strings.field(L("Category", "类别"), category(f.category, strings)),
            strings.field(L("Date", "日期"), Clock.day(f.date, tz)),
            strings.field(L("Kept at", "存放"), f.medium == .paper ? place(f, strings) : f.path),
            strings.field(L("Retention", "保管期限"), f.retentionYears.map { y in
                (strings.language == .zhHans ? "\(y) 年" : "\(y) years") + (f.retentionEnds(cal).map { " → " + Clock.day($0, tz) } ?? "")
            } ?? L("permanent", "永久")),
            strings.field(L("Confidential", "机密"), f.confidential ? L("yes: loans need approval", "是：借阅需审批") : nil),
            strings.field(L("Pages", "页数"), f.pages.map(String.init)),
            strings.field(L("Attachments", "附件"), f.attachments.map(String.init)),
            strings.field(L("Filed", "归档"), Clock.dayHM(f.filedAt, tz) + " " + s.displayName(f.filedBy)),
            strings.field(L("Source", "来源"), f.source),
            strings.field(strings[.flags], PaneText.marksText(s.flags(of: f, at: now, calendar: cal), strings)),
        ]
        let loans = s.loans.values.filter { $0.fileID == id }.sorted { ($0.requestedAt, $0.id) < ($1.requestedAt, $1.id) }
        if !loans.isEmpty {
            lines.append(L("Loans:", "借阅："))
            for l in loans {
                let back = l.returnedAt.map { " ← " + Clock.dayHM($0, tz) } ?? ""
                let missing = l.missing.map { " (" + L("missing", "缺") + " " + $0 + ")" } ?? ""
                lines.append("  \(l.id) \(s.displayName(l.borrower)) \(Clock.dayHM(l.lentAt ?? l.requestedAt, tz)) → \(Clock.dayHM(l.due, tz))\(back) \(l.status.rawValue)\(missing)")
            }
        }
        return ("\(f.id) \(f.title)", lines.compactMap { $0 })
    }
}
