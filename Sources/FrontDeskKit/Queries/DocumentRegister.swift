import Foundation

/// The document register as the Documents pane and `doc list` show it: open documents by due
/// time (overdue first), then closed ones newest first; titles masked for whoever may not read them.
public struct DocumentRegister: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var document: Document
        /// The title as the reader may see it ("confidential" / "机密" when masked).
        public var title: String
        public var masked: Bool
        /// The step in the reader's words.
        public var stage: String
        public var due: Date?
        public var flags: [DueFlag]
    }

    public var rows: [Row]

    public init(state s: OfficeState, user: String, now: Date, settings: StoreSettings, chinese: Bool = false) {
        self.init(rows: s.documents.values.map { d in
            let visible = s.maySeeTitle(d, user: user)
            return Row(document: d, title: s.shownTitle(d, user: user, chinese: chinese), masked: !visible, stage: d.stage.words(chinese: chinese),
                       due: s.documentDue(d, settings), flags: s.flags(of: d, at: now, settings))
        })
    }

    /// `rows` in the register's order: open ones flagged first, then by due time; closed ones newest first.
    public init(rows: [Row]) {
        self.rows = rows.sorted { a, b in
            let ka = (a.document.stage.isClosed ? 1 : 0, a.flags.isEmpty ? 1 : 0), kb = (b.document.stage.isClosed ? 1 : 0, b.flags.isEmpty ? 1 : 0)
            if ka != kb { return ka < kb }
            if a.document.stage.isClosed { return (a.document.createdAt, a.document.id) > (b.document.createdAt, b.document.id) }
            return (a.due ?? .distantFuture, a.document.id) < (b.due ?? .distantFuture, b.document.id)
        }
    }

    /// The rows whose id, number, sender, departments or shown title contain `query` (case-insensitive);
    /// all rows for nil or blank. A masked title is never searched, so a match never reveals it.
    public func rows(query: String?) -> [Row] {
        guard let q = query?.trimmingCharacters(in: .whitespaces).lowercased(), !q.isEmpty else { return rows }
        return rows.filter { r in
            let d = r.document
            let hay = [d.id, d.number ?? "", r.title, d.draftedBy ?? "", d.sender ?? ""] + d.departments.map(\.to) + d.recipients.map(\.to)
            return hay.contains { $0.lowercased().contains(q) }
        }
    }
}

extension OfficeState {
    /// The steps of `d` for `user`: every step with its time and person; the texts (decision,
    /// notes) of a confidential document only for its handlers and admins.
    public func documentTrace(_ d: Document, user: String, chinese: Bool = false) -> [DocumentEvent] {
        guard !maySeeTitle(d, user: user) else { return d.events }
        return d.events.map { e in
            var e = e
            // Numbers and approval ids are no secret; words typed about the content are.
            if e.step != "doc.release" && e.step != "doc.approval" && e.step != "doc.in" { e.text = e.text.map { _ in chinese ? "机密" : "confidential" } }
            if e.step == "doc.in" { e.text = d.number }
            return e
        }
    }
}
