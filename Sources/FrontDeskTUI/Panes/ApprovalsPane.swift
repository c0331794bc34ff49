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
        var title = "\(strings.paneTitle(.approvals)) \(q.pending)"
        if overdue > 0 { title += " · \(overdue) \(strings[.overdue])" }
        var lines: [PaneLine] = []
        for s in Section.allCases {
            let rows = q.rows.filter { section($0) == s }
            guard !rows.isEmpty else { continue }
            let name = switch s {
            case .yours: strings[.waitingForYou]
            case .others: strings[.others]
            case .decided: strings[.decided]
            }
            lines.append(.heading("\(name) (\(rows.count))"))
            lines += rows.map { .row(row($0)) }
        }
        return PaneContent(title: title, table: PaneTable(columns: columns, lines: lines), emptyText: strings[.noApprovals])
    }

    static func row(_ r: ApprovalRow) -> PaneRow {
        let a = r.request
        let decided = a.status != .pending
        let base: Role = decided ? .dim : .normal
        var flags = PaneText.marks(r.flags)
        if decided { flags = [Span(a.status.rawValue, a.status == .approved ? .ok : .dim)] }
        return PaneRow(id: a.id, cells: [
            [Span(a.id, base)],
            [Span(a.type.rawValue, base)],
            [Span(a.title, r.waitingForUser ? .accent : base)],
            [Span(r.requesterName, base)],
            [Span(a.amount.map(PaneText.amount) ?? "", base)],
            [Span(Age.text(r.age), r.flags.contains(.approvalOverdue) ? .overdue : base)],
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
            PaneText.field("Type", a.type.rawValue),
            PaneText.field("Status", a.status.rawValue),
            PaneText.field("Amount", a.amount.map(PaneText.amount)),
            PaneText.field("From", a.from.map { Clock.dayHM($0, tz) }),
            PaneText.field("To", a.to.map { Clock.dayHM($0, tz) }),
            PaneText.field("Document", a.documentRef),
            PaneText.field("Asset", a.asset),
            PaneText.field("Requester", s.displayName(a.requester)),
            PaneText.field("Requested", Clock.dayHM(a.createdAt, tz) + " (" + Age.text(model.now.timeIntervalSince(a.createdAt)) + ")"),
            PaneText.field("Approvers", a.approvers.isEmpty ? "any approver" : chain),
            PaneText.field("Approvals needed", String(a.requiredApprovals)),
            PaneText.field("Next", a.nextApprover.map(s.displayName)),
            PaneText.field("Flags", row.map { PaneText.marksText($0.flags) + ($0.waitingForUser ? " " + strings[.waitingForYou] : "") }
                .map { $0.trimmingCharacters(in: .whitespaces) }),
        ]
        if !a.decisions.isEmpty {
            lines.append("Decisions:")
            for d in a.decisions {
                lines.append("  \(Clock.dayHM(d.at, tz)) \(s.displayName(d.by)): \(d.verdict.rawValue)" + (d.comment.map { " — \($0)" } ?? ""))
            }
        }
        return ("\(a.id) \(a.title)", lines.compactMap { $0 })
    }
}
