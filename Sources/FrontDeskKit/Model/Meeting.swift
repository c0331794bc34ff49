import Foundation

/// A bookable meeting room.
public struct Room: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var name: String
    public var capacity: Int
    /// Equipment names as the office says them: projector, video, whiteboard…
    public var equipment: [String]
    /// Periods in which the room cannot be booked (repairs, renovation).
    public var outOfService: [ClosedPeriod]

    public init(id: String, name: String, capacity: Int, equipment: [String] = [], outOfService: [ClosedPeriod] = []) {
        self.id = id; self.name = name; self.capacity = capacity
        self.equipment = equipment; self.outOfService = outOfService
    }
}

public enum GuestReply: String, Codable, Sendable, CaseIterable { case pending, accepted, declined }

/// An external guest's invitation: the seed asks that their reply be confirmed.
public struct GuestInvite: Codable, Sendable, Equatable {
    public var name: String
    public var contact: String?
    public var reply: GuestReply
    public var invitedAt: Date
    public var repliedAt: Date?
    public init(name: String, contact: String?, invitedAt: Date) {
        self.name = name; self.contact = contact; self.reply = .pending; self.invitedAt = invitedAt
    }
}

public struct ClosedPeriod: Codable, Sendable, Equatable {
    public var start: Date
    public var end: Date
    public var reason: String
    public init(start: Date, end: Date, reason: String) { self.start = start; self.end = end; self.reason = reason }
}

/// Where a meeting is in the seed's cycle (before → during → after).
public enum MeetingStatus: String, Codable, Sendable, CaseIterable {
    case requested      // a need was raised; confirm attendees, topic and goal within 24 h
    case confirmed      // attendees, topic, goal and room are settled
    case prepared       // attendees notified, materials ready
    case roomChecked    // equipment tested in the room (due 15 min before start)
    case held           // the meeting took place
    case minutesDrafted
    case minutesSent    // minutes approved by the chair and sent (due 48 h after the end)
    case closed         // every action item done
    case cancelled
    case noShow

    /// The meeting still occupies its room slot.
    public var holdsRoom: Bool { self != .cancelled && self != .noShow }
    /// Nothing more will happen to it.
    public var isFinal: Bool { self == .closed || self == .cancelled || self == .noShow }
}

/// One preparation item ticked: who did it and when.
public struct PreparationCheck: Codable, Sendable, Equatable {
    /// Materials and agenda ready.
    public static let materials = "materials"
    /// Attendees notified.
    public static let notified = "notified"
    /// The room looked at (a meeting that needs no equipment).
    public static let room = "room"

    /// `materials`, `notified`, `room`, or an equipment name in lower case.
    public var item: String
    public var by: String
    public var at: Date
    public init(item: String, by: String, at: Date) { self.item = item; self.by = by; self.at = at }
}

/// A decision of a meeting turned into a task with an owner and a deadline.
public struct ActionItem: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var text: String
    public var owner: String
    public var due: Date
    public var doneAt: Date?
    public init(id: String, text: String, owner: String, due: Date, doneAt: Date? = nil) {
        self.id = id; self.text = text; self.owner = owner; self.due = due; self.doneAt = doneAt
    }
}

public struct Meeting: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var title: String
    public var roomID: String
    public var organizer: String
    /// The chair reviews the minutes; the organizer unless set.
    public var chair: String?
    public var attendees: [String]
    public var start: Date
    public var end: Date
    public var status: MeetingStatus
    public var requestedAt: Date
    public var confirmedAt: Date?
    public var roomCheckedAt: Date?
    public var heldAt: Date?
    public var minutesSentAt: Date?
    public var minutes: String?
    public var goal: String?
    public var requiredEquipment: [String]
    public var actionItems: [ActionItem]
    /// Occurrences of one recurring booking share a series id.
    public var seriesID: String?
    /// External guests invited, and whether they replied.
    public var guests: [GuestInvite]?
    /// Who reviewed the minutes before they were sent (the chair or an admin), and when.
    public var minutesReviewedBy: String?
    public var minutesReviewedAt: Date?
    /// Preparation items ticked so far (see `preparationItems`); nil on records written before the checklist.
    public var checklist: [PreparationCheck]?

    public init(
        id: String, title: String, roomID: String, organizer: String, attendees: [String] = [],
        start: Date, end: Date, status: MeetingStatus = .requested, requestedAt: Date,
        requiredEquipment: [String] = [], seriesID: String? = nil
    ) {
        self.id = id; self.title = title; self.roomID = roomID; self.organizer = organizer
        self.attendees = attendees; self.start = start; self.end = end; self.status = status
        self.requestedAt = requestedAt; self.requiredEquipment = requiredEquipment
        self.actionItems = []; self.seriesID = seriesID
    }

    public func overlaps(_ s: Date, _ e: Date) -> Bool { start < e && s < end }

    /// Nobody claimed the room within `noShowAfter` of the start: the room is released and the
    /// meeting counts as a no-show for every reader and writer, whether or not anyone recorded it.
    public func isUnclaimed(at now: Date, noShowAfter: TimeInterval) -> Bool {
        status.holdsRoom && !isClaimed && now >= start.addingTimeInterval(noShowAfter)
    }

    /// The meeting as the rules see it at `now`: an unclaimed one is a no-show.
    public func effective(at now: Date, noShowAfter: TimeInterval) -> Meeting {
        guard isUnclaimed(at: now, noShowAfter: noShowAfter) else { return self }
        var m = self
        m.status = .noShow
        return m
    }

    /// Every preparation item of this meeting: materials/agenda ready, attendees notified, then
    /// each piece of equipment it needs tested (or the room itself when it needs none).
    public var preparationItems: [String] {
        [PreparationCheck.materials, PreparationCheck.notified]
            + (requiredEquipment.isEmpty ? [PreparationCheck.room] : requiredEquipment.map { $0.lowercased() })
    }

    /// Preparation items not yet ticked. A meeting recorded as prepared has its materials and
    /// notice done; one whose room was checked (or later) has everything done.
    public var uncheckedItems: [String] {
        if status.rawOrder >= MeetingStatus.roomChecked.rawOrder || status == .cancelled || status == .noShow { return [] }
        let done = Set((checklist ?? []).map(\.item))
        let prepared = status.rawOrder >= MeetingStatus.prepared.rawOrder
        return preparationItems.filter { item in
            !done.contains(item) && !(prepared && (item == PreparationCheck.materials || item == PreparationCheck.notified))
        }
    }

    /// Someone was in the room: the equipment check was done or the meeting was held.
    public var isClaimed: Bool { status.rawOrder >= MeetingStatus.roomChecked.rawOrder && !status.isFinal || status == .closed }

    /// The meeting still holds its room at `now`: not cancelled or a no-show, and not left
    /// unclaimed past the no-show time (the room is released then, even before anyone records it).
    public func holdsRoom(at now: Date, noShowAfter: TimeInterval) -> Bool {
        guard status.holdsRoom else { return false }
        return isClaimed || now < start.addingTimeInterval(noShowAfter)
    }
}
