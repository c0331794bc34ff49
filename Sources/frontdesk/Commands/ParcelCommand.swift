import ArgumentParser
import Foundation
import FrontDeskKit

/// `frontdesk parcel …`: couriers' parcels in (shelf, recipient notified, collected or returned)
/// and out (cost per department and month).
struct ParcelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parcel", _superCommandName: "frontdesk", abstract: "Courier parcels: in, collected, returned, out; monthly cost per department.",
        subcommands: [In.self, Collect.self, Return.self, Out.self, List.self, Show.self, Cost.self])

    struct In: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "in", abstract: "Book a parcel in onto a shelf; prints its id. The parcel.in hook tells the recipient.",
            discussion: "Not collected within parcelCollectWithin (default 3d) it is flagged !collect.")
        @OptionGroup var storeOptions: StoreOptions
        @Option var carrier: String
        @Option(help: "The tracking number.") var tracking: String
        @Option(help: "The person it is for (login or name).") var to: String?
        @Option(help: "The department it is for (default: the person's).") var dept: String?
        @Option(help: "S, M, L…") var size: String?
        @Option var shelf: String?

        func validate() throws {
            if to == nil && dept == nil { throw ValidationError("Say who it is for: --to PERSON or --dept DEPARTMENT.") }
        }

        func run(store: Store) throws -> Reply {
            let rec = try store.commit { s, ctx in
                s.parcelIn(carrier: carrier, tracking: tracking, person: to, department: dept, size: size, shelf: shelf, ctx)
            }
            return .committed(rec, in: store, created: rec.change.subject)
        }
    }

    struct Collect: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "collect", abstract: "The parcel was collected; give the collector's name.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "The parcel's id (C…).") var id: String
        @Option(name: .customLong("by"), help: "Who took it (their name).") var collector: String

        func run(store: Store) throws -> Reply {
            let rec = try store.commit { _, ctx in .collectParcel(parcelID: id, collector: collector, at: ctx.now) }
            return .committed(rec, in: store)
        }
    }

    struct Return: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "return", abstract: "Return a parcel nobody collected to the sender, with the reason.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "The parcel's id (C…).") var id: String
        @Option var reason: String

        func run(store: Store) throws -> Reply {
            let rec = try store.commit { _, ctx in .returnParcel(parcelID: id, reason: reason, at: ctx.now) }
            return .committed(rec, in: store)
        }
    }

    struct Out: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "out", abstract: "Send a parcel: sender, department charged, carrier, tracking number, cost; prints its id.")
        @OptionGroup var storeOptions: StoreOptions
        @Option(name: .customLong("from"), help: "Who sends it (login or name).") var sender: String
        @Option(help: "The department the cost is charged to.") var dept: String
        @Option var carrier: String
        @Option var tracking: String
        @Option(help: "The courier's charge, e.g. 23 or 23.50.") var cost: Money

        func run(store: Store) throws -> Reply {
            let rec = try store.commit { s, ctx in
                s.parcelOut(sender: sender, department: dept, carrier: carrier, tracking: tracking, costCents: cost.cents, ctx)
            }
            return .committed(rec, in: store, created: rec.change.subject)
        }
    }

    struct List: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "Parcels waiting for collection (overdue first), then those handled on the day.",
            discussion: "For a past --date or a --from/--to range: every parcel booked in or out, collected or returned in those days, wherever it lives, however long it waited before them (history is read from every month whose parcels were on the desk in those days).")
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var days: DaysOption
        @Flag(help: "Only parcels waiting for collection.") var waiting = false
        @OptionGroup var output: ListOutput

        func run(store: Store) throws -> Reply {
            let env = store.env, tz = env.timeZone
            let period = try days.period(env)
            let today = env.calendar.startOfDay(for: env.now())
            let desk: ParcelDesk
            if days.isRange || period.start != today {
                // Handled parcels move to history: the days' parcels wherever they live.
                desk = ParcelDesk(parcels: try store.parcelsHandled(from: period.start, to: period.end), state: store.state, now: env.now(),
                                  settings: store.meta.settings)
            } else {
                desk = ParcelDesk(state: store.state, day: period.start, now: env.now(), settings: store.meta.settings, calendar: env.calendar)
            }
            let rows = waiting ? desk.waiting : desk.rows
            return try .list(rows, format: output.resolved, ["ID", "IN/OUT", "WHEN", "CARRIER", "TRACKING", "FOR/FROM", "DEPT", "SHELF", "STATUS", "FLAGS"], object: { r in
                let p = r.parcel
                return ["id": p.id, "status": p.status.rawValue, "direction": p.incoming ? "in" : "out", "at": Output.iso(p.at),
                        "carrier": p.carrier, "tracking": p.tracking, "person": p.person ?? NSNull(), "personName": r.personName ?? NSNull(),
                        "department": p.department ?? NSNull(), "size": p.size ?? NSNull(), "shelf": p.shelf ?? NSNull(),
                        "collectedAt": Output.iso(p.collectedAt), "collectedBy": p.collectedBy ?? NSNull(), "returnedAt": Output.iso(p.returnedAt),
                        "returnReason": p.returnReason ?? NSNull(), "cost": p.costCents.map { Double($0) / 100 } ?? NSNull(),
                        "flags": r.flags.map(\.rawValue), "daysWaiting": r.daysWaiting ?? NSNull()] as [String: Any]
            }, cells: { r in
                let p = r.parcel
                return [p.id, p.incoming ? "in" : "out", Clock.day(p.at, tz) + " " + Clock.hm(p.at, tz), p.carrier, p.tracking,
                        r.personName ?? "", p.department ?? "", p.shelf ?? "",
                        p.status.rawValue + (p.collectedBy.map { " (\($0))" } ?? "") + (p.costCents.map { " \(Cents.text($0))" } ?? ""),
                        r.flags.map(\.rawValue).joined(separator: ",")]
            })
        }
    }

    struct Show: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "One parcel in full, wherever it lives (handled ones move to history).")
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "The parcel's id (C…).") var id: String
        @Flag(help: .json) var json = false

        func run(store: Store) throws -> Reply {
            let s = store.state, env = store.env, tz = env.timeZone, now = env.now()
            guard let p = try store.parcel(id: id) else {
                throw Refusal.invalid("No parcel \(id) (frontdesk parcel list --from DAY --to DAY).", zh: "没有包裹 \(id)（frontdesk parcel list --from 日期 --to 日期）。")
            }
            let flags = s.flags(of: p, at: now, store.meta.settings)
            if json {
                return try .json([["id": p.id, "status": p.status.rawValue, "direction": p.incoming ? "in" : "out", "at": Output.iso(p.at), "by": p.by,
                                   "carrier": p.carrier, "tracking": p.tracking, "person": p.person ?? NSNull(),
                                   "personName": p.person.map(s.displayName) ?? NSNull(), "department": p.department ?? NSNull(),
                                   "size": p.size ?? NSNull(), "shelf": p.shelf ?? NSNull(), "collectedAt": Output.iso(p.collectedAt),
                                   "collectedBy": p.collectedBy ?? NSNull(), "returnedAt": Output.iso(p.returnedAt),
                                   "returnReason": p.returnReason ?? NSNull(), "cost": p.costCents.map { Double($0) / 100 } ?? NSNull(),
                                   "flags": flags.map(\.rawValue)] as [String: Any]])
            }
            let fields: [(String, String?)] = [
                ("id", p.id), ("direction", p.incoming ? "in" : "out"), ("status", p.status.rawValue),
                (p.incoming ? "arrived" : "sent", "\(Clock.dayHM(p.at, tz)) by \(s.displayName(p.by))"),
                ("carrier", p.carrier), ("tracking", p.tracking), (p.incoming ? "for" : "from", p.person.map(s.displayName)),
                ("department", p.department), ("size", p.size), ("shelf", p.shelf),
                ("collected", p.collectedAt.map { "\(Clock.dayHM($0, tz)) by \(p.collectedBy ?? "?")" }),
                ("returned", p.returnedAt.map { "\(Clock.dayHM($0, tz)): \(p.returnReason ?? "")" }),
                ("cost", p.costCents.map { Cents.text($0) }), ("flags", flags.isEmpty ? nil : flags.map(\.rawValue).joined(separator: " ")),
            ]
            Output.table(["FIELD", "VALUE"], fields.compactMap { k, v in v.flatMap { $0.isEmpty ? nil : [k, $0] } })
            return .done
        }
    }

    struct Cost: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "cost", abstract: "Courier cost of outgoing parcels per department for a month.")
        @OptionGroup var storeOptions: StoreOptions
        @Option(help: ArgumentHelp("The month.", valueName: "YYYY-MM")) var month: YearMonth
        @OptionGroup var output: ListOutput

        func run(store: Store) throws -> Reply {
            let start = try month.start(store.env)
            let end = store.env.calendar.date(byAdding: .month, value: 1, to: start) ?? start
            // Sent parcels move to history: the month's, wherever they live.
            let sent = store.state(adding: try store.paperTrail(.parcels, from: start, to: end))
            let costs = ParcelCosts(state: sent, month: month.text, start: start, end: end)
            let listed = try Reply.list(costs.lines, format: output.resolved, ["DEPARTMENT", "PARCELS", "COST"], object: { l in
                ["id": l.department, "department": l.department, "month": costs.month, "parcels": l.parcels, "cost": Double(l.costCents) / 100] as [String: Any]
            }, cells: { l in [l.department, "\(l.parcels)", Cents.text(l.costCents)] })
            return output.resolved == .table ? Reply(notes: ["courier cost for \(costs.month): \(Cents.text(costs.totalCents))."]) : listed
        }
    }
}
