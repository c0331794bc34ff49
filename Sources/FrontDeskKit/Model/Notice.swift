import Foundation

/// A company notice (通知) passed on to staff: everyone, or the people of some departments, until
/// it ends. Staff acknowledge it and may leave feedback; the poster sees who has not acknowledged.
public struct Notice: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var title: String
    /// The notice's text (may hold line breaks); empty when the title says it all.
    public var body: String
    public var postedBy: String
    public var postedAt: Date
    /// Department names the notice is for; empty: everyone.
    public var audience: [String]
    /// The notice is shown until this instant (excluded).
    public var endsAt: Date
    /// Set when the poster (or an admin) ended it before `endsAt`.
    public var endedAt: Date?
    public var acknowledgements: [NoticeAcknowledgement]
    public var feedback: [NoticeFeedback]

    public init(id: String, title: String, body: String = "", postedBy: String, postedAt: Date, audience: [String] = [], endsAt: Date) {
        self.id = id; self.title = title; self.body = body; self.postedBy = postedBy; self.postedAt = postedAt
        self.audience = audience; self.endsAt = endsAt; self.acknowledgements = []; self.feedback = []
    }

    /// True when everyone is the audience.
    public var isForEveryone: Bool { audience.isEmpty }

    /// The instant the notice stops being shown: its end date, or when it was ended early.
    public var shownUntil: Date { min(endsAt, endedAt ?? endsAt) }

    /// Shown on the dashboard at `now`: posted, and `now` is before its end (at the end it is gone).
    public func isShown(at now: Date) -> Bool { postedAt <= now && now < shownUntil }

    /// True when `login` has acknowledged the notice.
    public func isAcknowledged(by login: String) -> Bool { acknowledgements.contains { $0.by == login } }
}

/// One person's acknowledgement of a notice; `recordedBy` differs from `by` when the desk
/// recorded it for them (a phone call, a signature on paper).
public struct NoticeAcknowledgement: Codable, Sendable, Equatable {
    public var by: String
    public var at: Date
    public var recordedBy: String?
    public init(by: String, at: Date, recordedBy: String? = nil) { self.by = by; self.at = at; self.recordedBy = recordedBy }
}

/// Feedback a person left on a notice, passed up to its poster; `recordedBy` is set when the desk
/// wrote it down for them.
public struct NoticeFeedback: Codable, Sendable, Equatable {
    public var by: String
    public var at: Date
    public var text: String
    public var recordedBy: String?
    public init(by: String, at: Date, text: String, recordedBy: String? = nil) { self.by = by; self.at = at; self.text = text; self.recordedBy = recordedBy }
}
