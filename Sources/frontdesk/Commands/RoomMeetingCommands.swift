import ArgumentParser
import Foundation
import FrontDeskKit

struct RoomCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "room", abstract: "Meeting rooms.",
                                                    subcommands: [Add.self, List.self, Close.self])

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Take a room out of service for a period (repairs, renovation).")
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "Room name or id.") var room: String
        @Option(help: "\"YYYY-MM-DD HH:MM\"") var from: String
        @Option(help: "\"YYYY-MM-DD HH:MM\"") var to: String
        @Option var reason: String
        @Flag(name: .customLong("cancel-bookings"), help: "Cancel the meetings booked in the period (each one's hook tells its attendees); without it, a booking refuses the closure.")
        var cancelBookings = false
        func run() throws {
            let store = try storeOptions.open()
            let tz = store.env.timeZone
            let f = try Parse.dateTime(from, tz, "--from"), t = try Parse.dateTime(to, tz, "--to")
            let records = try store.commitBatch { s, ctx in
                guard let r = s.room(named: room) else { throw Refusal.invalid("No room \(room) (frontdesk room list).") }
                let period = ClosedPeriod(start: f, end: t, reason: reason)
                let cancels: [Change] = cancelBookings ? s.bookingsBlockingClosure(of: r.id, period, at: ctx.now, ctx.settings)
                    .map { .setMeetingStatus(meetingID: $0.id, status: .cancelled, at: ctx.now) } : []
                return cancels + [.setRoomOutOfService(roomID: r.id, period: period)]
            }
            let cancelled = records.filter { $0.change.name == "meeting.cancel" }.map(\.change.subject)
            if !cancelled.isEmpty { Outcome.say("frontdesk: cancelled \(cancelled.joined(separator: " "))") }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a room; prints its id.")
        @OptionGroup var storeOptions: StoreOptions
        @Option var name: String
        @Option var capacity: Int
        @Option(help: "Comma-separated: projector,video,whiteboard…") var equipment: String = ""

        func run() throws {
            let store = try storeOptions.open()
            let eq = equipment.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let rec = try store.commit { s, ctx in
                .addRoom(Room(id: ctx.env.ids.next(.room, in: s), name: name, capacity: capacity, equipment: eq))
            }
            Output.created(rec.change.subject)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List rooms.")
        @OptionGroup var storeOptions: StoreOptions
        @Flag var json = false
        func run() throws {
            let store = try storeOptions.open()
            let now = store.env.now()
            let rooms = store.state.rooms.values.sorted { $0.name < $1.name }
            func status(_ r: Room) -> String { r.outOfService.contains { $0.start <= now && now < $0.end } ? "outOfService" : "available" }
            if json {
                try Output.json(rooms.map { ["id": $0.id, "status": status($0), "name": $0.name, "capacity": $0.capacity, "equipment": $0.equipment] })
            } else {
                Output.table(["ID", "NAME", "SEATS", "EQUIPMENT", "STATUS"], rooms.map { [$0.id, $0.name, "\($0.capacity)", $0.equipment.joined(separator: ","), status($0)] })
            }
        }
    }
}

struct MeetingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meeting", abstract: "Meetings: book, list, and move them through their cycle.",
        subcommands: [Add.self, List.self, Confirm.self, Checkin.self, Held.self, Cancel.self, Minutes.self, Send.self, Close.self,
                      Move.self, ActionCommand.self, GuestCommand.self, MeetingShow.self, MeetingReview.self, MeetingChecklist.self])

    struct Move: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Move one meeting (or one occurrence of a series) to another time or room.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument var id: String
        @Option(help: "\"YYYY-MM-DD HH:MM\"") var start: String
        @Option(help: "\"YYYY-MM-DD HH:MM\"") var end: String
        @Option(help: "Room name or id (default: the same room).") var room: String?
        func run() throws {
            let store = try storeOptions.open()
            let tz = store.env.timeZone
            let s = try Parse.dateTime(start, tz, "--start"), e = try Parse.dateTime(end, tz, "--end")
            try store.commit { state, _ in
                guard let m = state.meetings[id] else { throw Refusal.invalid("No meeting \(id) today or open.") }
                var roomID = m.roomID
                if let r = room {
                    guard let found = state.room(named: r) else { throw Refusal.invalid("No room \(r) (frontdesk room list).") }
                    roomID = found.id
                }
                return .moveMeeting(meetingID: id, start: s, end: e, roomID: roomID)
            }
        }
    }

    struct GuestCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "guest", abstract: "External guests: invitations and replies.",
                                                        subcommands: [Invite.self, Reply.self])
        struct Invite: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Invite an external guest.")
            @OptionGroup var storeOptions: StoreOptions
            @Argument var meetingID: String
            @Option var name: String
            @Option(help: "E-mail or phone.") var contact: String?
            func run() throws {
                let store = try storeOptions.open()
                try store.commit { _, ctx in .inviteGuest(meetingID: meetingID, guest: GuestInvite(name: name, contact: contact, invitedAt: ctx.now)) }
            }
        }
        struct Reply: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Record a guest's reply.")
            @OptionGroup var storeOptions: StoreOptions
            @Argument var meetingID: String
            @Option var name: String
            @Flag var accept = false
            @Flag var decline = false
            func run() throws {
                guard accept != decline else { throw UsageError("Give exactly one of --accept or --decline.") }
                let store = try storeOptions.open()
                try store.commit { _, ctx in .recordGuestReply(meetingID: meetingID, name: name, reply: accept ? .accepted : .declined, at: ctx.now) }
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Book a room; prints the meeting id. A conflict exits 3 and names the holder.")
        @OptionGroup var storeOptions: StoreOptions
        @Option var title: String
        @Option(help: "Room name or id.") var room: String
        @Option(help: "\"YYYY-MM-DD HH:MM\"") var start: String
        @Option(help: "\"YYYY-MM-DD HH:MM\"") var end: String
        @Option var organizer: String?
        @Option(help: "Repeatable.") var attendee: [String] = []
        @Option(help: "Equipment the meeting needs (comma-separated).") var needs: String = ""
        @Option(help: "What the meeting should decide or achieve.") var goal: String?
        @Option(help: "Who approves the minutes (default: the organizer).") var chair: String?
        @Flag(help: "Record a request to confirm later (within 24 h) instead of booking it confirmed.") var requested = false
        @Option(name: .customLong("repeat"), help: "daily|weekly|monthly") var frequency: String?
        @Option(help: "YYYY-MM-DD: the last day of the series.") var until: String?
        @Option(help: "Number of occurrences in the series.") var count: Int?

        func run() throws {
            let store = try storeOptions.open()
            let tz = store.env.timeZone
            let s = try Parse.dateTime(start, tz, "--start"), e = try Parse.dateTime(end, tz, "--end")
            let eq = needs.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            var recurrence: Recurrence?
            if let f = frequency {
                guard let freq = Recurrence.Frequency(rawValue: f) else { throw UsageError("--repeat must be daily, weekly or monthly.") }
                recurrence = Recurrence(freq, until: try until.map { try Parse.day($0, tz, "--until") }, count: count)
            } else if until != nil || count != nil {
                throw UsageError("--until and --count go with --repeat.")
            }
            let rec = try store.commit { state, ctx in
                guard let r = state.room(named: room) else {
                    throw Refusal.invalid("No room \(room) (frontdesk room list).")
                }
                let m = Meeting(id: ctx.env.ids.next(.meeting, in: state), title: title, roomID: r.id,
                                organizer: organizer ?? ctx.actor, attendees: attendee, start: s, end: e,
                                status: .confirmed, requestedAt: ctx.now, requiredEquipment: eq)
                var confirmed = m
                confirmed.confirmedAt = requested ? nil : ctx.now
                if requested { confirmed.status = .requested }
                confirmed.goal = goal
                confirmed.chair = chair
                guard let r = recurrence else { return .bookMeetings([confirmed]) }
                return .bookMeetings(try r.occurrences(of: confirmed, calendar: ctx.env.calendar,
                                                       firstNumber: state.counters[RecordKind.meeting.rawValue, default: 0] + 1))
            }
            if case .bookMeetings(let ms) = rec.change {
                Output.created(ms.first?.id ?? "")
                if ms.count > 1 { Outcome.say("frontdesk: booked \(ms.count) occurrences: \(ms.map(\.id).joined(separator: " "))") }
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A day's meetings in time order, with what is due.")
        @OptionGroup var storeOptions: StoreOptions
        @Option(help: "YYYY-MM-DD (default today)") var date: String?
        @Flag var json = false
        func run() throws {
            let (store, day) = try storeOptions.openForDay(date)
            let env = store.env
            let agenda = Agenda(state: store.state, day: day, now: env.now(), settings: store.meta.settings, calendar: env.calendar)
            let rows = agenda.rows + (date == nil ? agenda.followUps + agenda.upcoming : [])
            if json {
                try Output.json(rows.map { r in
                    ["id": r.meeting.id, "status": r.meeting.status.rawValue, "flags": r.flags.map(\.rawValue), "title": r.meeting.title,
                     "room": r.roomName, "roomId": r.meeting.roomID, "organizer": r.meeting.organizer,
                     "start": Output.iso(r.meeting.start), "end": Output.iso(r.meeting.end), "attendees": r.meeting.attendees,
                     "actionItems": r.meeting.actionItems.map { ["id": $0.id, "owner": $0.owner, "due": Output.iso($0.due), "done": $0.doneAt != nil] },
                     "guests": MeetingJSON.guests(r.meeting), "unchecked": r.unchecked]
                })
            } else {
                Output.table(["ID", "TIME", "ROOM", "TITLE", "ORGANIZER", "STATUS", "FLAGS"], rows.map { r in
                    // Rows of other days (still owing, or needing action now) carry their date.
                    [r.meeting.id, (Output.day(r.meeting.start, env.timeZone) == Output.day(day, env.timeZone) ? "" : Output.day(r.meeting.start, env.timeZone) + " ")
                        + Output.hm(r.meeting.start, env.timeZone) + "–" + Output.hm(r.meeting.end, env.timeZone), r.roomName,
                     r.meeting.title, r.organizerName, r.meeting.status.rawValue, r.flags.map { f in
                         // The room-check flag names what is still unchecked.
                         (f == .roomCheckDue || f == .roomCheckOverdue) && !r.unchecked.isEmpty ? "\(f.rawValue)(\(r.unchecked.joined(separator: " ")))" : f.rawValue
                     }.joined(separator: ",")]
                })
            }
        }
    }

    /// One status step on one meeting.
    struct Step {
        static func run(_ opts: StoreOptions, _ id: String, _ status: MeetingStatus) throws {
            let store = try opts.open()
            try store.commit { _, ctx in .setMeetingStatus(meetingID: id, status: status, at: ctx.now) }
            Outcome.say("frontdesk: \(id) is \(status.rawValue)")
        }
    }
    struct Confirm: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Confirm a requested meeting (due within 24 h of the request).")
        @OptionGroup var storeOptions: StoreOptions
        @Argument var id: String
        func run() throws { try Step.run(storeOptions, id, .confirmed) }
    }
    struct Checkin: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Room checked and equipment tested (due 15 min before start).")
        @OptionGroup var storeOptions: StoreOptions
        @Argument var id: String
        func run() throws { try Step.run(storeOptions, id, .roomChecked) }
    }
    struct Held: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The meeting took place (claims the room).")
        @OptionGroup var storeOptions: StoreOptions
        @Argument var id: String
        func run() throws { try Step.run(storeOptions, id, .held) }
    }
    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Cancel a meeting and free its room.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument var id: String
        func run() throws { try Step.run(storeOptions, id, .cancelled) }
    }
    struct Send: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The chair approved the minutes and they were sent (due 48 h after the end).")
        @OptionGroup var storeOptions: StoreOptions
        @Argument var id: String
        func run() throws { try Step.run(storeOptions, id, .minutesSent) }
    }
    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Close a meeting whose action items are all done.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument var id: String
        func run() throws { try Step.run(storeOptions, id, .closed) }
    }
    struct Minutes: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record the minutes from a file.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument var id: String
        @Option var file: String
        func run() throws {
            guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
                throw UsageError("Cannot read \(file) as UTF-8 text.")
            }
            let store = try storeOptions.open()
            try store.commit { _, ctx in .recordMinutes(meetingID: id, text: text, at: ctx.now) }
            Outcome.say("frontdesk: minutes of \(id) recorded; send them with: frontdesk meeting send \(id)")
        }
    }

    struct ActionCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "action", abstract: "Action items from the minutes.",
                                                        subcommands: [AddAction.self, Done.self])
        struct AddAction: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "add", abstract: "Add an action item; prints its id.")
            @OptionGroup var storeOptions: StoreOptions
            @Argument var meetingID: String
            @Option var owner: String
            @Option(help: "YYYY-MM-DD") var due: String
            @Option var text: String
            func run() throws {
                let store = try storeOptions.open()
                let d = Clock.endOfDay(try Parse.day(due, store.env.timeZone, "--due"), store.env.calendar)
                let rec = try store.commit { s, ctx in
                    .addActionItem(meetingID: meetingID, item: ActionItem(id: ctx.env.ids.next(.action, in: s), text: text, owner: owner, due: d))
                }
                if case .addActionItem(_, let item) = rec.change { Output.created(item.id) }
            }
        }
        struct Done: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Mark an action item done.")
            @OptionGroup var storeOptions: StoreOptions
            @Argument var actionID: String
            func run() throws {
                let store = try storeOptions.open()
                try store.commit { s, ctx in
                    guard let m = s.meetings.values.first(where: { $0.actionItems.contains { $0.id == actionID } }) else {
                        throw Refusal.invalid("No open action item \(actionID).")
                    }
                    return .completeActionItem(meetingID: m.id, itemID: actionID, at: ctx.now)
                }
            }
        }
    }
}
