import Foundation

/// Which way a document travels: received from outside (收文) or sent out by the office (发文).
public enum DocumentDirection: String, Codable, Sendable, CaseIterable {
    case incoming, outgoing
}

/// How fast an incoming document needs a leader's decision (the due time comes from the settings).
public enum DocumentUrgency: String, Codable, Sendable, CaseIterable {
    case normal, urgent
    case veryUrgent = "very-urgent"
}

/// Who may read a document's title: everyone, staff only, or (confidential) its handlers and admins.
public enum Confidentiality: String, Codable, Sendable, CaseIterable {
    case none, `internal`, confidential
}

/// The kind of an outgoing document; each kind is numbered in its own sequence per year.
public enum OutgoingType: String, Codable, Sendable, CaseIterable {
    case notice, report, request, letter
}

/// Where a document is on its path. Incoming: registered → submitted → decided → forwarded →
/// handled. Outgoing: drafted → proofread → approving → approved → released → filed → distributed.
public enum DocumentStage: String, Codable, Sendable, CaseIterable {
    // 收文
    case registered, submitted, decided, forwarded, handled
    // 发文
    case drafted, proofread, approving, approved, rejected, released, filed, distributed

    /// True once nothing more is expected of the desk (the trace is complete).
    public var isClosed: Bool { self == .handled || self == .rejected || self == .distributed }
}

/// One step of a document's path as the trace shows it: when, who, what and the text typed.
public struct DocumentEvent: Codable, Sendable, Equatable {
    /// The step's name (`doc.in`, `doc.submit`, …: the audit trail's name of the change).
    public var step: String
    public var at: Date
    public var by: String
    public var text: String?
    public init(step: String, at: Date, by: String, text: String? = nil) {
        self.step = step; self.at = at; self.by = by; self.text = text
    }
}

/// A department a document was forwarded to (incoming) or a recipient it was distributed to
/// (outgoing), and when it was handled or acknowledged.
public struct DocumentCopy: Codable, Sendable, Equatable {
    public var to: String
    public var sentAt: Date
    public var doneAt: Date?
    public var doneBy: String?
    public var note: String?
    public init(to: String, sentAt: Date) { self.to = to; self.sentAt = sentAt }
}

/// A document of the register: incoming (收文) or outgoing (发文).
public struct Document: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var direction: DocumentDirection
    public var title: String
    public var stage: DocumentStage
    public var confidentiality: Confidentiality
    /// Incoming: assigned on registration (`收〔2026〕0007`). Outgoing: assigned on release (`行政发〔2026〕12号`).
    public var number: String?
    /// The place in the per-year (incoming) or per-type-and-year (outgoing) sequence.
    public var sequence: Int?
    /// The year of the sequence the number belongs to.
    public var year: Int?
    public var createdAt: Date
    public var createdBy: String
    /// Every step taken, in order: the trace.
    public var events: [DocumentEvent]

    // 收文
    public var receivedOn: Date?
    public var sender: String?
    public var category: String?
    public var urgency: DocumentUrgency?
    public var pages: Int?
    public var attachment: String?
    /// The leader the document was submitted to (a login).
    public var leader: String?
    public var submittedAt: Date?
    public var decision: String?
    public var decidedAt: Date?
    /// Departments it was forwarded to, each marked handled in turn.
    public var departments: [DocumentCopy]

    // 发文
    public var type: OutgoingType?
    /// The drafting department.
    public var draftedBy: String?
    public var proofreadAt: Date?
    /// The approval request (type `document`) that approves the release.
    public var approvalID: String?
    public var approvedAt: Date?
    public var releasedAt: Date?
    public var filedAt: Date?
    /// Recipients it was distributed to, each acknowledging in turn.
    public var recipients: [DocumentCopy]

    public init(id: String, direction: DocumentDirection, title: String, stage: DocumentStage, confidentiality: Confidentiality = .none,
                createdAt: Date, createdBy: String) {
        self.id = id; self.direction = direction; self.title = title; self.stage = stage; self.confidentiality = confidentiality
        self.createdAt = createdAt; self.createdBy = createdBy
        self.events = []; self.departments = []; self.recipients = []
    }

    /// Everyone who handled the document: who registered or drafted it, its leader, the people
    /// who took a step, and the members of the departments it went to are added by `OfficeState.isHandler`.
    public var handlerLogins: Set<String> {
        var s = Set(events.map(\.by))
        s.insert(createdBy)
        if let l = leader { s.insert(l) }
        return s
    }
}
