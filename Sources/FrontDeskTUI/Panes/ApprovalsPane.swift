import Foundation
import FrontDeskKit

/// Requests waiting for the user, other pending ones, then recently decided ones.
enum ApprovalsPane {
    // Columns: id, type, title, requester, amount, age, flags.
    static let columns = [
        PaneColumn(minWidth: 3, maxWidth: 6, priority: PaneColumn.essential),
        PaneColumn(minWidth: 5, maxWidth: 9, priority: 40),
        PaneColumn(minWidth: 12, maxWidth: 34, preferredWidth: 20, priority: PaneColumn.essential),
        PaneColumn(minWidth: 6, maxWidth: 12, priority: 60),
        PaneColumn(minWidth: 5, maxWidth: 10, priority: 70, alignRight: true),
        PaneColumn(minWidth: 4, maxWidth: 6, priority: 80, alignRight: true),
        PaneColumn(minWidth: 8, maxWidth: 12, priority: 90),
    ]

    enum Section: CaseIterable { case yours, others, decided }

    static func section(_ r: ApprovalRow) -> Section {
        r.waitingForUser ? .yours : r.request.status == .pending ? .others : .decided
    }

    static func content(_ model: DashboardModel, strings: Strings) -> PaneContent {
        let q = model.approvals
        let overdue = model.overdueCount(.approvals)
        let title = strings.paneTitle(.approvals, count: q.pending, flagged: overdue, .overdue)
        var lines: [PaneLine] = []
        for s in Section.allCases {
            let rows = q.rows.filter { section($0) == s }
            guard !rows.isEmpty else { continue }
            let name = switch s {
            case .yours: strings[.waitingForYou]
            case .others: strings[.others]
            case .decided: strings[.decided]
            }
            lines.append(.heading(name, count: rows.count))
            lines += rows.map { .row(row($0, strings)) }
        }
        return PaneContent(title: title, table: PaneTable(columns: columns, lines: lines), emptyText: strings[.noApprovals])
    }

    static func row(_ r: ApprovalRow, _ strings: Strings) -> PaneRow {
        let a = r.request
        let decided = a.status != .pending
        let base: Role = decided ? .dim : .normal
        var flags = PaneText.marks(r.flags, strings)
        if decided { flags = [Span(strings.status(a.status), a.status == .approved ? .ok : .dim)] }
        return PaneRow(id: a.id, cells: [
            [Span(a.id, base)],
            [Span(strings.approvalType(a.type), base)],
            [Span(a.title, r.waitingForUser ? .accent : base)],
            [Span(r.requesterName, base)],
            [Span(a.amount.map(PaneText.amount) ?? "", base)],
            [Span(strings.age(r.age), r.flags.contains(.approvalOverdue) ? .overdue : base)],
            flags,
        ])
    }

    static func detail(id: String, model: DashboardModel, strings: Strings) -> (title: String, lines: [String])? {
        guard let a = model.state.approvals[id] else { return nil }
        let s = model.state, tz = model.timeZone
        let row = model.approvals.rows.first { $0.request.id == id }
        let decidedBy = Set(a.decisions.map(\.by))
        let chain = a.approvers.map { s.displayName($0) + (decidedBy.contains($0) ? " ✓" : "") }.joined(separator: " → ")
        var lines: [String?] = [
            strings.field(.type, strings.approvalType(a.type)),
            strings.field(.status, strings.status(a.status)),
            strings.field(.amount, a.amount.map(PaneText.amount)),
            strings.field(.from, a.from.map { Clock.dayHM($0, tz) }),
            strings.field(.to, a.to.map { Clock.dayHM($0, tz) }),
            strings.field(.document, a.documentRef),
            strings.field(.asset, a.asset),
            strings.field(.requester, s.displayName(a.requester)),
            strings.field(.requested, Clock.dayHM(a.createdAt, tz) + " (" + strings.age(model.now.timeIntervalSince(a.createdAt)) + ")"),
            strings.field(.approvers, a.approvers.isEmpty ? strings[.anyApprover] : chain),
            strings.field(.approvalsNeeded, String(a.requiredApprovals)),
            strings.field(.next, a.nextApprover.map(s.displayName)),
            strings.field(.flags, row.map { PaneText.marksText($0.flags, strings) + ($0.waitingForUser ? " " + strings[.waitingForYou] : "") }
                .map { $0.trimmingCharacters(in: .whitespaces) }),
        ]
        if !a.decisions.isEmpty {
            lines.append(strings.listHeading(.decisions))
            for d in a.decisions {
                let verdict = strings.field(s.displayName(d.by), strings.verdict(d.verdict)) ?? ""
                lines.append("  \(Clock.dayHM(d.at, tz)) \(verdict)" + (d.comment.map { " — \($0)" } ?? ""))
            }
        }
        return ("\(a.id) \(a.title)", lines.compactMap { $0 })
    }
}
