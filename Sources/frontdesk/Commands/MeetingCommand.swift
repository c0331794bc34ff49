import ArgumentParser
import Foundation
import FrontDeskInterchange
import FrontDeskKit

/// `frontdesk meeting …`: the meeting cycle, from booking to closing.
struct MeetingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meeting", _superCommandName: "frontdesk", abstract: "Meetings: book, list, and move them through their cycle.",
        subcommands: [Add.self, List.self, StepCommand<Confirm>.self, StepCommand<Checkin>.self, StepCommand<Held>.self,
                      StepCommand<Cancel>.self, Minutes.self, StepCommand<Send>.self, StepCommand<Close>.self,
                      Move.self, ActionCommand.self, GuestCommand.self, MeetingShow.self, StepCommand<Review>.self, MeetingChecklist.self,
                      MeetingExport.self, MeetingImport.self, MeetingNotice.self, MeetingMinutesTemplate.self])

    struct Add: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Book a room; prints the meeting id. A conflict exits 3 and names the holder.")
        @OptionGroup var storeOptions: StoreOptions
        @Option var title: String
        @Option(help: "Room name or id.", completion: Completions.rooms) var room: String
        @OptionGroup var slot: Slot
        @Option var organizer: String?
        @Option(help: "Repeatable.") var attendee: [String] = []
        @Option(help: "Equipment the meeting needs (comma-separated).") var needs: String = ""
        @Option(help: "What the meeting should decide or achieve.") var goal: String?
        @Option(help: "Who approves the minutes (default: the organizer).") var chair: String?
        @Flag(help: "Record a request to confirm later (within 24 h) instead of booking it confirmed.") var requested = false
        @Option(name: .customLong("repeat"), help: "How the booking repeats.") var frequency: Recurrence.Frequency?
        @Option(help: "YYYY-MM-DD: the last day of the series (or give --count).") var until: String?
        @Option(parsing: .unconditional, help: "Number of occurrences in the series (or give --until).") var count: Int?

        func validate() throws {
            if frequency == nil && (until != nil || count != nil) { throw ValidationError("--until and --count go with --repeat.") }
            if until != nil && count != nil { throw ValidationError("Give --until or --count, not both: a series ends on a day or after a number of meetings.") }
            if frequency != nil && until == nil && count == nil { throw ValidationError("--repeat needs --until YYYY-MM-DD or --count N.") }
        }

        func run(store: Store) throws -> Reply {
            let (s, e) = try slot.dates(store.env)
            let recurrence = try frequency.map { Recurrence($0, until: try until.map { try Parse.day($0, store.env, "--until") }, count: count) }
            let rec = try store.commit { state, ctx in
                var m = Meeting(id: ctx.env.ids.next(.meeting, in: state), title: title, roomID: try RoomCommand.find(room, in: state).id,
                                organizer: organizer ?? ctx.actor, attendees: attendee, start: s, end: e,
                                status: requested ? .requested : .confirmed, requestedAt: ctx.now, requiredEquipment: Parse.list(needs))
                m.confirmedAt = requested ? nil : ctx.now
                m.goal = goal
                m.chair = chair
                guard let r = recurrence else { return .bookMeetings([m]) }
                return .bookMeetings(try r.occurrences(of: m, calendar: ctx.env.calendar,
                                                       firstNumber: state.counters[RecordKind.meeting.rawValue, default: 0] + 1))
            }
            guard case .bookMeetings(let ms) = rec.change else { return .committed(rec, in: store) }
            return .committed(rec, in: store, created: ms.first?.id ?? "")
        }
    }

    // The steps that need only the meeting's id are one line each, in the order of the process.
    enum Confirm: OneRecordStep { static let step = StepID.meetingConfirm, abstract = "Confirm a requested meeting (due within 24 h of the request)." }
    enum Checkin: OneRecordStep { static let step = StepID.meetingRoomChecked, name = "checkin", abstract = "Room checked and equipment tested (due 15 min before start)." }
    enum Held: OneRecordStep { static let step = StepID.meetingHeld, abstract = "The meeting took place (claims the room)." }

    struct List: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "A day's meetings in time order, with what is due; or every meeting of a range of days.",
            discussion: """
            Without --date or a range, earlier meetings that still owe minutes or action items, and later days' meetings needing action now, follow today's (with their date).
            --from DAY --to DAY lists the meetings starting in those days (both included), read from the history of the months they touch and the working set.
            """)
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var days: DaysOption
        @Option(help: "Only meetings in this state.") var status: MeetingStatus?
        @OptionGroup var output: ListOutput

        func run(store: Store) throws -> Reply {
            let env = store.env, tz = env.timeZone
            let period = try days.period(env)
            let rows: [MeetingRow]
            if days.isRange {
                rows = try store.meetingRows(from: period.start, to: period.end)
            } else {
                let agenda = Agenda(state: try store.state(forDay: period.start, kinds: .meetings), day: period.start, now: env.now(), settings: store.meta.settings,
                                    calendar: env.calendar)
                rows = agenda.rows + (days.date == nil ? agenda.followUps + agenda.upcoming : [])
            }
            let shownDay = days.isRange ? nil : Output.day(period.start, tz)
            return try .list(rows.filter { status == nil || $0.meeting.status == status }, output,
                             ["ID", "TIME", "ROOM", "TITLE", "ORGANIZER", "STATUS", "FLAGS"], object: { r in
                ["id": r.meeting.id, "status": r.meeting.status.rawValue, "flags": r.flags.map(\.rawValue), "title": r.meeting.title,
                 "room": r.roomName, "roomId": r.meeting.roomID, "organizer": r.meeting.organizer,
                 "start": Output.iso(r.meeting.start), "end": Output.iso(r.meeting.end), "attendees": r.meeting.attendees,
                 "actionItems": r.meeting.actionItems.map { ["id": $0.id, "owner": $0.owner, "due": Output.iso($0.due), "done": $0.doneAt != nil] },
                 "guests": MeetingJSON.guests(r.meeting), "unchecked": r.unchecked]
            }, cells: { r in
                // Rows of another day than the one shown (still owing, needing action now, or a range) carry their date.
                let date = Output.day(r.meeting.start, tz) == shownDay ? "" : Output.day(r.meeting.start, tz) + " "
                return [r.meeting.id, date + Output.hm(r.meeting.start, tz) + "–" + Output.hm(r.meeting.end, tz), r.roomName,
                        r.meeting.title, r.organizerName, r.meeting.status.rawValue, r.flags.map { f in
                            // The room-check flag names what is still unchecked.
                            (f == .roomCheckDue || f == .roomCheckOverdue) && !r.unchecked.isEmpty ? "\(f.rawValue)(\(r.unchecked.joined(separator: " ")))" : f.rawValue
                        }.joined(separator: ",")]
            })
        }
    }

    enum Cancel: OneRecordStep { static let step = StepID.meetingCancel, abstract = "Cancel a meeting and free its room." }

    struct Move: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "move", abstract: "Move one meeting (or one occurrence of a series) to another time or room.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument(completion: Completions.meetingIDs) var id: String
        @OptionGroup var slot: Slot
        @Option(help: "Room name or id (default: the same room).") var room: String?

        func run(store: Store) throws -> Reply {
            let (s, e) = try slot.dates(store.env)
            let rec = try store.commit { state, _ in
                guard let m = state.meetings[id] else { throw Refusal.invalid("No meeting \(id) today or open.", zh: "今天或未结束的会议中没有 \(id)。") }
                return .moveMeeting(meetingID: id, start: s, end: e, roomID: try room.map { try RoomCommand.find($0, in: state).id } ?? m.roomID)
            }
            return .committed(rec, in: store)
        }
    }

    struct Minutes: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "minutes", abstract: "Record the minutes from a file.",
            discussion: """
            --from-file reads a filled skeleton (frontdesk meeting minutes-template ID): the text is recorded as the minutes and each line
            "- [ ] owner | due YYYY-MM-DD | text" becomes a tracked action item, in one write. A malformed action line (unknown owner,
            bad date, no text) refuses the whole file, listing the lines; nothing is recorded then.
            """)
        @OptionGroup var storeOptions: StoreOptions
        @Argument(completion: Completions.meetingIDs) var id: String
        @Option(help: "A UTF-8 text file with the minutes.", completion: .file()) var file: String?
        @Option(help: "A filled minutes skeleton: the minutes and their action items.", completion: .file()) var fromFile: String?

        func validate() throws {
            if (file == nil) == (fromFile == nil) { throw ValidationError("Give --file FILE (the minutes) or --from-file FILE (a filled skeleton with action items).") }
        }

        func run(store: Store) throws -> Reply {
            if let fromFile {
                let text = try Parse.textFile(fromFile)
                let records = try store.commitBatch { state, ctx in try MinutesSheet.changes(text, meetingID: id, in: state, ctx) }
                let created = records.compactMap { r -> String? in if case .addActionItem(_, let item) = r.change { item.id } else { nil } }
                return .committed(records, in: store, created: created)
            }
            let text = try Parse.textFile(file ?? "")
            return .committed(try store.commit { _, ctx in .recordMinutes(meetingID: id, text: text, at: ctx.now) }, in: store)
        }
    }

    enum Review: OneRecordStep { static let step = StepID.meetingReviewMinutes, name = "review", abstract = "The chair (or an admin) reviewed the drafted minutes; they may be sent after this." }
    enum Send: OneRecordStep { static let step = StepID.meetingSendMinutes, name = "send", abstract = "The chair approved the minutes and they were sent (due 48 h after the end)." }
    enum Close: OneRecordStep { static let step = StepID.meetingClose, abstract = "Close a meeting whose action items are all done." }

    struct GuestCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "guest", abstract: "External guests: invitations and replies.",
                                                        subcommands: [Invite.self, ReplyCommand.self])
        struct Invite: StoreCommand {
            static let configuration = CommandConfiguration(commandName: "invite", abstract: "Invite an external guest.")
            @OptionGroup var storeOptions: StoreOptions
            @Argument(completion: Completions.meetingIDs) var meetingID: String
            @Option var name: String
            @Option(help: "E-mail or phone.") var contact: String?

            func run(store: Store) throws -> Reply {
                let rec = try store.commit { _, ctx in .inviteGuest(meetingID: meetingID, guest: GuestInvite(name: name, contact: contact, invitedAt: ctx.now)) }
                return .committed(rec, in: store)
            }
        }
        struct ReplyCommand: StoreCommand {
            static let configuration = CommandConfiguration(commandName: "reply", abstract: "Record a guest's reply.")
            @OptionGroup var storeOptions: StoreOptions
            @Argument(completion: Completions.meetingIDs) var meetingID: String
            @Option var name: String
            @Flag var accept = false
            @Flag var decline = false

            func validate() throws { try Check.exactlyOne(accept, decline, "--accept or --decline") }

            func run(store: Store) throws -> Reply {
                let rec = try store.commit { _, ctx in
                    .recordGuestReply(meetingID: meetingID, name: name, reply: accept ? .accepted : .declined, at: ctx.now)
                }
                return .committed(rec, in: store)
            }
        }
    }

    struct ActionCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "action", abstract: "Action items from the minutes.",
                                                        subcommands: [AddAction.self, Done.self])
        struct AddAction: StoreCommand {
            static let configuration = CommandConfiguration(commandName: "add", abstract: "Add an action item; prints its id.")
            @OptionGroup var storeOptions: StoreOptions
            @Argument(completion: Completions.meetingIDs) var meetingID: String
            @Option var owner: String
            @Option(help: "YYYY-MM-DD") var due: String
            @Option var text: String

            func run(store: Store) throws -> Reply {
                let d = Clock.endOfDay(try Parse.day(due, store.env, "--due"), store.env.calendar)
                let rec = try store.commit { s, ctx in
                    .addActionItem(meetingID: meetingID, item: ActionItem(id: ctx.env.ids.next(.action, in: s), text: text, owner: owner, due: d))
                }
                guard case .addActionItem(_, let item) = rec.change else { return .committed(rec, in: store) }
                return .committed(rec, in: store, created: item.id)
            }
        }
        struct Done: StoreCommand {
            static let configuration = CommandConfiguration(commandName: "done", abstract: "Mark an action item done.")
            @OptionGroup var storeOptions: StoreOptions
            @Argument var actionID: String

            func run(store: Store) throws -> Reply {
                let rec = try store.commit { s, ctx in
                    guard let m = s.meetings.values.first(where: { $0.actionItems.contains { $0.id == actionID } }) else {
                        throw Refusal.invalid("No open action item \(actionID).", zh: "没有未完成的待办事项 \(actionID)。")
                    }
                    return .completeActionItem(meetingID: m.id, itemID: actionID, at: ctx.now)
                }
                return .committed(rec, in: store)
            }
        }
    }
}
