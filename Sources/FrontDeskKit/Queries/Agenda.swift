import Foundation

/// One meeting as the Meetings pane and `meeting list` show it.
public struct MeetingRow: Sendable, Equatable {
    /// The meeting as it stands at `now` (an unclaimed one shows as a no-show).
    public var meeting: Meeting
    public var roomName: String
    public var organizerName: String
    public var flags: [DueFlag]
    /// Under way at `now`.
    public var inProgress: Bool
    /// Preparation items still unticked, named (materials, notified, projector…).
    public var unchecked: [String] = []
}

/// One room's bookings across the working day, for the timeline picture.
public struct RoomTimeline: Sendable, Equatable {
    public var room: Room
    public var bookings: [(start: Date, end: Date, status: MeetingStatus, id: String)]
    public var outOfService: Bool
    public static func == (a: RoomTimeline, b: RoomTimeline) -> Bool {
        a.room == b.room && a.outOfService == b.outOfService && a.bookings.map(\.id) == b.bookings.map(\.id)
            && a.bookings.map(\.status) == b.bookings.map(\.status)
    }
}

/// Today's meetings in time order, the room timelines, meetings of earlier days still owing
/// something (minutes, action items), and meetings of later days that need something now (a
/// request to confirm, guests to hear from). Every meeting is judged at `now`: one whose room was
/// not claimed in time is a no-show here, whether or not anyone recorded it.
public struct Agenda: Sendable, Equatable {
    public var day: Date
    public var now: Date
    public var dayStart: Date
    public var dayEnd: Date
    public var rows: [MeetingRow]
    public var followUps: [MeetingRow]
    /// Meetings of later days with a flag now (an overdue confirmation, a guest's reply).
    public var upcoming: [MeetingRow] = []
    public var timelines: [RoomTimeline]

    public init(state s: OfficeState, day: Date, now: Date, settings: StoreSettings, calendar cal: Calendar) {
        let start = cal.startOfDay(for: day)
        let next = cal.date(byAdding: .day, value: 1, to: start) ?? start
        self.day = start
        self.now = now
        dayStart = cal.date(bySettingHour: settings.workdayStartHour, minute: 0, second: 0, of: start) ?? start
        dayEnd = cal.date(bySettingHour: settings.workdayEndHour, minute: 0, second: 0, of: start) ?? next
        func row(_ stored: Meeting) -> MeetingRow {
            let m = stored.effective(at: now, noShowAfter: settings.noShowAfter)
            return MeetingRow(meeting: m, roomName: s.rooms[m.roomID]?.name ?? m.roomID, organizerName: s.displayName(m.organizer),
                              flags: s.flags(of: stored, at: now, settings), inProgress: m.start <= now && now < m.end && m.status.holdsRoom,
                              unchecked: m.uncheckedItems)
        }
        let todays = s.meetings.values.filter { $0.start < next && $0.end > start }
        rows = todays.sorted { ($0.start, $0.roomID, $0.id) < ($1.start, $1.roomID, $1.id) }.map(row)
        followUps = s.meetings.values.filter { $0.end <= start }.map(row)
            .filter { !$0.meeting.status.isFinal && !$0.flags.isEmpty }
            .sorted { ($0.meeting.end, $0.meeting.id) < ($1.meeting.end, $1.meeting.id) }
        upcoming = s.meetings.values.filter { $0.start >= next }.map(row)
            .filter { !$0.meeting.status.isFinal && !$0.flags.isEmpty }
            .sorted { ($0.meeting.start, $0.meeting.id) < ($1.meeting.start, $1.meeting.id) }
        timelines = s.rooms.values.sorted { ($0.name) < ($1.name) }.map { room in
            let b = todays.filter { $0.roomID == room.id && $0.holdsRoom(at: now, noShowAfter: settings.noShowAfter) }.sorted { $0.start < $1.start }
                .map { (start: $0.start, end: $0.end, status: $0.status, id: $0.id) }
            return RoomTimeline(room: room, bookings: b, outOfService: room.outOfService.contains { $0.start < next && start < $0.end })
        }
    }
}
