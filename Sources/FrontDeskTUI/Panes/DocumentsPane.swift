import Foundation
import FrontDeskKit

/// Page 2's document register: incoming (收文) and outgoing (发文) documents at work, then the
/// ones done. A confidential title shows as "confidential" / "机密" to whoever may not read it.
enum DocumentsPane {
    // Columns: number (or id before a number is given), title, step, due, flags. A 60-column
    // pane of the 2×2 grid (58 inside) holds a whole number (行政发〔2026〕12号 is 18 wide), the
    // step, the due time and a title cut by display width; the flags (the due time turns red
    // anyway) give way there first and come back from 62 columns on (80×24 tabbed).
    static let columns = [
        PaneColumn(minWidth: 18, maxWidth: 20, priority: PaneColumn.essential),
        PaneColumn(minWidth: 12, maxWidth: 44, preferredWidth: 24, priority: PaneColumn.essential),
        PaneColumn(minWidth: 9, maxWidth: 12, priority: 70),
        PaneColumn(minWidth: 11, maxWidth: 11, priority: 80, alignRight: true, steady: true),
        PaneColumn(minWidth: 8, maxWidth: 10, priority: 55),
    ]

    enum Section: CaseIterable { case incoming, outgoing, done }

    static func section(_ r: DocumentRegister.Row) -> Section {
        r.document.stage.isClosed ? .done : r.document.direction == .incoming ? .incoming : .outgoing
    }

    static let masked = L("confidential", "机密")

    static func content(_ model: DashboardModel, strings: Strings) -> PaneContent {
        let reg = model.documents
        let open = reg.rows.filter { !$0.document.stage.isClosed }.count
        let title = strings.paneTitle(.documents, count: open, flagged: model.overdueCount(.documents), .overdue)
        var lines: [PaneLine] = []
        for s in Section.allCases {
            let rows = reg.rows.filter { section($0) == s }
            guard !rows.isEmpty else { continue }
            let name = switch s {
            case .incoming: strings[L("Incoming", "收文")]
            case .outgoing: strings[L("Outgoing", "发文")]
            case .done: strings[L("Done", "已办结")]
            }
            lines.append(.heading(name, count: rows.count))
            lines += rows.map { .row(row($0, model, strings)) }
        }
        return PaneContent(title: title, table: PaneTable(columns: columns, lines: lines),
                           emptyText: strings[.noDocuments])
    }

    /// "12-01 10:00": a due time in the office's zone, without the year.
    static func due(_ d: Date, _ tz: TimeZone) -> String { String(Clock.day(d, tz).dropFirst(5)) + " " + Clock.hm(d, tz) }

    static func row(_ r: DocumentRegister.Row, _ model: DashboardModel, _ strings: Strings) -> PaneRow {
        let d = r.document
        let closed = d.stage.isClosed
        let base: Role = closed ? .dim : .normal
        let overdue = r.flags.contains(where: \.isOverdue)
        return PaneRow(id: d.id, cells: [
            [Span(d.number ?? d.id, base)],
            [Span(r.masked ? strings[masked] : d.title, r.masked ? .dim : base)],
            [Span(strings[stage(d.stage)], base)],
            [Span(r.due.map { due($0, model.timeZone) } ?? "", overdue ? .overdue : base)],
            PaneText.marks(r.flags, strings),
        ])
    }

    static func stage(_ s: DocumentStage) -> Localized { L(s.words(chinese: false), s.words(chinese: true)) }

    static func detail(id: String, model: DashboardModel, strings: Strings) -> (title: String, lines: [String])? {
        guard let d = model.state.documents[id] else { return nil }
        let s = model.state, tz = model.timeZone, user = model.user
        let visible = s.maySeeTitle(d, user: user)
        let hidden = strings[masked]
        let row = model.documents.rows.first { $0.document.id == id }
        var lines: [String?] = [
            strings.field(strings[L("Number", "文号")], d.number),
            strings.field(strings[L("Step", "环节")], strings[stage(d.stage)]),
            strings.field(strings[L("From", "来文单位")], d.sender),
            strings.field(strings[L("Urgency", "紧急程度")], d.urgency.map { strings[L($0.rawValue, $0.chinese)] }),
            strings.field(strings[L("Confidentiality", "密级")], d.confidentiality == .none ? nil : d.confidentiality.rawValue),
            strings.field(strings[L("Leader", "批示领导")], d.leader.map(s.displayName)),
            strings.field(strings[L("Decision", "批示")], visible ? d.decision : d.decision.map { _ in hidden }),
            strings.field(strings[L("Type", "文种")], d.type.map { strings[L($0.rawValue, $0.chinese)] }),
            strings.field(strings[L("Drafted by", "拟稿部门")], d.draftedBy),
            strings.field(strings[L("Approval", "审批")], d.approvalID),
            strings.field(strings[L("Due", "期限")], row?.due.map { Clock.dayHM($0, tz) }),
            strings.field(.flags, row.map { PaneText.marksText($0.flags, strings) }.flatMap { $0.isEmpty ? nil : $0 }),
        ]
        for c in d.direction == .incoming ? d.departments : d.recipients {
            lines.append("  \(c.to): " + (c.doneAt.map { "✓ " + Clock.dayHM($0, tz) } ?? "…"))
        }
        lines.append(strings.field(strings[L("Trace", "流转记录")], strings[L("\(d.events.count) steps", "\(d.events.count) 步")]))
        for e in s.documentTrace(d, user: user, chinese: strings[masked] == "机密") {
            lines.append("  \(Clock.dayHM(e.at, tz)) \(e.step) \(s.displayName(e.by))" + (e.text.map { " — \($0)" } ?? ""))
        }
        let title = visible ? d.title : hidden
        return ("\(d.number ?? d.id) \(title)", lines.compactMap { $0 })
    }
}
