import ArgumentParser
import Foundation
import FrontDeskKit

/// `frontdesk room …`: meeting rooms and their periods out of service.
struct RoomCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "room", _superCommandName: "frontdesk", abstract: "Meeting rooms.",
                                                    subcommands: [Add.self, List.self, Close.self, Import.self])

    struct Close: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "close", abstract: "Take a room out of service for a period (repairs, renovation).")
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "Room name or id.", completion: Completions.rooms) var room: String
        @Option(help: "\"YYYY-MM-DD HH:MM\"") var from: String
        @Option(help: "\"YYYY-MM-DD HH:MM\"") var to: String
        @Option var reason: String
        @Flag(name: .customLong("cancel-bookings"), help: "Cancel the meetings booked in the period (each one's hook tells its attendees); without it, a booking refuses the closure.")
        var cancelBookings = false

        func run(store: Store) throws -> Reply {
            let f = try Parse.dateTime(from, store.env, "--from"), t = try Parse.dateTime(to, store.env, "--to")
            let records = try store.commitBatch { s, ctx in
                let r = try RoomCommand.find(room, in: s)
                let period = ClosedPeriod(start: f, end: t, reason: reason)
                let cancels: [Change] = cancelBookings ? s.bookingsBlockingClosure(of: r.id, period, at: ctx.now, ctx.settings)
                    .map { .setMeetingStatus(meetingID: $0.id, status: .cancelled, at: ctx.now) } : []
                return cancels + [.setRoomOutOfService(roomID: r.id, period: period)]
            }
            return .committed(records, in: store)
        }
    }

    /// The room called `name` (or with that id); refused in words when there is none.
    static func find(_ name: String, in state: OfficeState) throws -> Room {
        guard let r = state.room(named: name) else { throw Refusal.invalid("No room \(name) (frontdesk room list).", zh: "没有会议室 \(name)（frontdesk room list）。") }
        return r
    }

    struct Add: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a room; prints its id.")
        @OptionGroup var storeOptions: StoreOptions
        @Option var name: String
        // Unconditional: `--capacity -5` is the number −5, which the room rule refuses in words.
        @Option(parsing: .unconditional) var capacity: Int
        @Option(help: "Comma-separated: projector,video,whiteboard…") var equipment: String = ""

        func run(store: Store) throws -> Reply {
            let eq = Parse.list(equipment)
            let rec = try store.commit { s, ctx in
                .addRoom(Room(id: ctx.env.ids.next(.room, in: s), name: name, capacity: capacity, equipment: eq))
            }
            return .committed(rec, in: store, created: rec.change.subject)
        }
    }

    struct List: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List rooms.")
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var output: ListOutput

        func run(store: Store) throws -> Reply {
            let now = store.env.now()
            let rooms = store.state.rooms.values.sorted { $0.name < $1.name }
            func status(_ r: Room) -> String { r.outOfService.contains { $0.start <= now && now < $0.end } ? "outOfService" : "available" }
            return try .list(rooms, output, ["ID", "NAME", "SEATS", "EQUIPMENT", "STATUS"], object: {
                ["id": $0.id, "status": status($0), "name": $0.name, "capacity": $0.capacity, "equipment": $0.equipment]
            }, cells: { [$0.id, $0.name, "\($0.capacity)", $0.equipment.joined(separator: ","), status($0)] },
            csv: (["id", "name", "capacity", "equipment", "status"], { [$0.id, $0.name, "\($0.capacity)", $0.equipment.joined(separator: ", "), status($0)] }))
        }
    }
}
