import Foundation

/// One archive file as the shelf shows it: its loan now (out, waiting for approval, or an
/// incomplete return) and its flags.
public struct ArchiveRow: Sendable, Equatable {
    public var file: ArchiveFile
    /// The loan that holds the file, else the last incomplete one; nil when the file is on the shelf.
    public var loan: ArchiveLoan?
    public var borrowerName: String?
    public var flags: [DueFlag]

    public init(file: ArchiveFile, loan: ArchiveLoan?, borrowerName: String?, flags: [DueFlag]) {
        self.file = file; self.loan = loan; self.borrowerName = borrowerName; self.flags = flags
    }

    /// The shelf's sections: what needs the desk (overdue, incomplete, retention ended), what is out, the rest.
    public enum Section: Sendable, CaseIterable { case attention, onLoan, shelf }

    public var section: Section {
        if !flags.isEmpty { return .attention }
        return loan?.status.holdsFile == true ? .onLoan : .shelf
    }
}

/// The archive at `now`: files needing attention first (overdue loans, incomplete returns, past
/// retention), then files on loan, then the shelf; each group by department, newest file first.
public struct ArchiveShelf: Sendable, Equatable {
    public var rows: [ArchiveRow]

    public init(state s: OfficeState, now: Date, calendar: Calendar) {
        self.init(rows: s.archives.values.map { f in
            let loan = s.openLoan(of: f.id) ?? s.loans.values.filter { $0.fileID == f.id && $0.status == .incomplete }.max { $0.requestedAt < $1.requestedAt }
            return ArchiveRow(file: f, loan: loan, borrowerName: loan.map { s.displayName($0.borrower) },
                              flags: s.flags(of: f, at: now, calendar: calendar))
        })
    }

    /// `rows` in the shelf's order (attention, on loan, shelf; by department, newest file first).
    public init(rows: [ArchiveRow]) {
        self.rows = rows.sorted { a, b in
            func rank(_ r: ArchiveRow) -> Int { ArchiveRow.Section.allCases.firstIndex(of: r.section) ?? 0 }
            if rank(a) != rank(b) { return rank(a) < rank(b) }
            if a.file.department != b.file.department { return a.file.department < b.file.department }
            if a.file.date != b.file.date { return a.file.date > b.file.date }
            return a.file.id < b.file.id
        }
    }

    /// Files with a loan overdue.
    public var overdue: Int { rows.filter { $0.flags.contains(.loanOverdue) }.count }
    /// Files that need the desk (any flag).
    public var flagged: Int { rows.filter { !$0.flags.isEmpty }.count }
}

/// One notice as a person sees it at `now`.
public struct NoticeRow: Sendable, Equatable {
    public var notice: Notice
    public var posterName: String
    /// Logins of the audience who have not acknowledged it.
    public var pending: [String]
    public var audienceCount: Int
    /// The user is in the audience (or it is for everyone).
    public var forUser: Bool
    public var flags: [DueFlag]
}

/// Notices shown at `now` (newest first), or with `all` every notice the working set holds.
public struct NoticeBoard: Sendable, Equatable {
    public var rows: [NoticeRow]

    public init(state s: OfficeState, user: String, now: Date, all: Bool = false) {
        rows = s.notices.values.filter { all || $0.isShown(at: now) }.map { n in
            NoticeRow(notice: n, posterName: s.displayName(n.postedBy), pending: s.pendingAcknowledgements(n),
                      audienceCount: s.audienceMembers(n).count, forUser: s.isInAudience(n, user), flags: s.flags(of: n, at: now, user: user))
        }
        .sorted { ($0.notice.postedAt, $0.notice.id) > ($1.notice.postedAt, $1.notice.id) }
    }

    /// The notices shown to `user`: those for them (their departments or everyone) and those they posted.
    public func shown(to user: String) -> [NoticeRow] {
        rows.filter { $0.forUser || $0.notice.postedBy == user }
    }
}
