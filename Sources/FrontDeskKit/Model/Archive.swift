import Foundation

/// How an archive file is kept: on paper in a cabinet and box, or as an electronic file at a path.
public enum ArchiveMedium: String, Codable, Sendable, CaseIterable {
    case paper, electronic
}

/// A file in the office's archive (档案): a contract, a regulation, minutes… classified by
/// department, project, category and date, kept for a retention period and then reviewed (never
/// deleted by the program).
public struct ArchiveFile: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var title: String
    public var department: String
    public var project: String?
    /// The office's word for the kind of file: contract, regulation, minutes, outgoing document…
    public var category: String
    /// The date of the file (signed, issued, held).
    public var date: Date
    public var medium: ArchiveMedium
    /// Where a paper file stands: its cabinet and box.
    public var cabinet: String?
    public var box: String?
    /// Where an electronic file is: its path (or the record it was filed from).
    public var path: String?
    /// Years to keep the file from its date; nil: kept permanently (永久).
    public var retentionYears: Int?
    /// A confidential file is lent only after an approval of type `archive-loan`.
    public var confidential: Bool
    /// Pages and attachments the file holds: what a return is counted against (nil: not counted).
    public var pages: Int?
    public var attachments: Int?
    public var filedBy: String
    public var filedAt: Date
    /// Where an automatically filed record came from: "meeting M12", "document …".
    public var source: String?

    public init(id: String, title: String, department: String, project: String? = nil, category: String, date: Date,
                medium: ArchiveMedium, cabinet: String? = nil, box: String? = nil, path: String? = nil, retentionYears: Int?, confidential: Bool = false,
                pages: Int? = nil, attachments: Int? = nil, filedBy: String, filedAt: Date, source: String? = nil) {
        self.id = id; self.title = title; self.department = department; self.project = project; self.category = category
        self.date = date; self.medium = medium; self.cabinet = cabinet; self.box = box; self.path = path; self.retentionYears = retentionYears
        self.confidential = confidential; self.pages = pages; self.attachments = attachments
        self.filedBy = filedBy; self.filedAt = filedAt; self.source = source
    }

    /// "cabinet 3 / box 12" for paper, the path for an electronic file.
    public var location: String {
        medium == .paper ? "\(cabinet ?? "?") / \(box ?? "?")" : (path ?? "")
    }

    /// The instant the retention period ends (the file is due for review), in `calendar`; nil when permanent.
    public func retentionEnds(_ calendar: Calendar) -> Date? {
        guard let y = retentionYears else { return nil }
        return calendar.date(byAdding: .year, value: y, to: date)
    }
}

/// Where a loan of an archive file stands.
public enum LoanStatus: String, Codable, Sendable, CaseIterable {
    /// A confidential file's loan, waiting for its approval.
    case awaitingApproval
    /// The file is with the borrower.
    case out
    /// Back and complete.
    case returned
    /// Back with pages or attachments missing: stays flagged until they come back.
    case incomplete
    /// The approval was rejected; the file never left.
    case refused

    /// The loan holds the file (no other loan may start).
    public var holdsFile: Bool { self == .awaitingApproval || self == .out }
}

/// One borrowing of an archive file: who, why, until when, and what came back.
public struct ArchiveLoan: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var fileID: String
    public var borrower: String
    public var purpose: String
    /// The file is due back by this instant; at it, the loan is overdue.
    public var due: Date
    public var requestedBy: String
    public var requestedAt: Date
    public var status: LoanStatus
    /// When the file left the archive (for a confidential file: when its approval was given).
    public var lentAt: Date?
    /// The `archive-loan` approval of a confidential file's loan.
    public var approvalID: String?
    public var returnedAt: Date?
    public var returnedTo: String?
    /// Pages and attachments counted on return.
    public var pagesReturned: Int?
    public var attachmentsReturned: Int?
    /// What was missing on return, in words (empty when complete).
    public var missing: String?

    public init(id: String, fileID: String, borrower: String, purpose: String, due: Date, requestedBy: String, requestedAt: Date,
                status: LoanStatus = .out, lentAt: Date? = nil, approvalID: String? = nil) {
        self.id = id; self.fileID = fileID; self.borrower = borrower; self.purpose = purpose; self.due = due
        self.requestedBy = requestedBy; self.requestedAt = requestedAt; self.status = status; self.lentAt = lentAt; self.approvalID = approvalID
    }

    /// The file is out (or its return was incomplete) and `now` is at or past the due time.
    public func isOverdue(at now: Date) -> Bool { status == .out && now >= due }
}

/// What the desk counted when a file came back.
public struct ArchiveReturnCount: Codable, Sendable, Equatable {
    public var pages: Int?
    public var attachments: Int?
    /// What is missing, in words ("signed page 7"); may be given even when the counts match.
    public var missing: String?
    public init(pages: Int?, attachments: Int?, missing: String? = nil) { self.pages = pages; self.attachments = attachments; self.missing = missing }
}
