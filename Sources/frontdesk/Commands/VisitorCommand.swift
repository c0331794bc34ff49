import ArgumentParser
import Foundation
import FrontDeskKit
import FrontDeskTUI

/// `frontdesk visitor …`: the reception process, from appointment to outcome.
struct VisitorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "visitor", _superCommandName: "frontdesk", abstract: "Visitors: appointments, check-in with badge, check-out.",
        subcommands: [Add.self, StepCommand<Confirm>.self, StepCommand<Arrive>.self, Checkin.self, Checkout.self,
                      StepCommand<ReturnBadge>.self, StepCommand<Cancel>.self, List.self, Show.self, RegisterCommand.self, Clear.self,
                      StepCommand<UndoCheckin>.self, OutcomeCommand.self, StepCommand<NoShow>.self, Import.self])

    struct Add: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Record an appointment; prints the visitor id. Confirm it within 1 h.")
        @OptionGroup var storeOptions: StoreOptions
        @Option var name: String
        @Option(help: "The host: a login or a name.") var host: String
        @Option(help: "When: \"YYYY-MM-DD HH:MM\" (office time), HH:MM today, tomorrow 9:30, +30m, or ISO 8601 with Z") var at: String
        @Option var company: String?
        @Option var purpose: String?
        @Option(name: .customLong("id-number")) var idNumber: String?
        @Option(parsing: .unconditional, help: "Head count of a group visit.") var count: Int = 1

        func validate() throws { try Check.positive(count, "--count") }

        func run(store: Store) throws -> Reply {
            let when = try Parse.dateTime(at, store.env, "--at")
            if let known = store.state.returningVisitors[name.lowercased()] {
                Outcome.say("frontdesk: \(known.name) has visited before (\(known.company ?? "no company"), host \(store.state.displayName(known.lastHost)), \(Clock.day(known.lastVisit, store.env.timeZone))).")
            }
            let rec = try store.commit { s, ctx in
                .addVisitor(Visitor(id: ctx.env.ids.next(.visitor, in: s), name: name, company: company, purpose: purpose, host: host,
                                    expectedAt: when, headCount: count, receivedAt: ctx.now, idNumber: idNumber))
            }
            return .committed(rec, in: store, created: rec.change.subject)
        }
    }

    // The steps that need only the visitor's id are one line each, in the order of the process.
    enum Confirm: OneRecordStep { static let step = StepID.visitorConfirm, abstract = "Confirm time, head count, identity and purpose (due within 1 h)." }
    enum Arrive: OneRecordStep { static let step = StepID.visitorArrived, name = "arrive", abstract = "The visitor is in the lobby, waiting." }

    struct Checkin: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "checkin", abstract: "Arrival, identity check and badge issue in one step; prints the badge code(s).",
            discussion: "Picks free badges when none is given. A badge already out exits 3 and names who has it.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument(completion: Completions.visitorIDs) var id: String
        @Option(help: "Badge code; repeat for a group.") var badge: [String] = []
        @Option(name: .customLong("id-number")) var idNumber: String?
        @Flag(name: .customLong("confirm-new-identity"), help: "The document's number differs from the registered one and is right (audited).")
        var confirmNewIdentity = false

        func run(store: Store) throws -> Reply {
            let records = try store.commitBatch { s, ctx in
                try s.checkIn(visitorID: id, badges: badge, idNumber: idNumber, confirmNewIdentity: confirmNewIdentity, ctx)
            }
            let codes = records.compactMap { r -> String? in
                if case .checkInVisitor(_, let codes, _, _) = r.change { return codes.joined(separator: " ") } else { return nil }
            }
            return .committed(records, in: store, created: codes)
        }
    }

    struct Checkout: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "checkout", abstract: "The visitor left; their badge comes back (or is recorded lost).")
        @OptionGroup var storeOptions: StoreOptions
        @Argument(completion: Completions.visitorIDs) var id: String
        @Flag(name: .customLong("badge-lost")) var badgeLost = false
        @Flag(name: .customLong("keep-badge"), help: "Left without handing the badge back (it stays flagged).") var keepBadge = false

        func run(store: Store) throws -> Reply {
            let records = try store.commitBatch { s, ctx in
                try s.checkOut(visitorID: id, badges: badgeLost ? .lost : keepBadge ? .kept : .returned, ctx)
            }
            return .committed(records, in: store)
        }
    }

    enum ReturnBadge: OneRecordStep { static let step = StepID.visitorReturnBadges, abstract = "A badge came back after the visitor left." }
    enum Cancel: OneRecordStep { static let step = StepID.visitorCancel, abstract = "Cancel an expected visit." }
    enum NoShow: OneRecordStep { static let step = StepID.visitorNoShow, abstract = "The visitor never came." }

    struct Show: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "One visitor in full; the identity number only for admins.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument(completion: Completions.visitorIDs) var id: String
        @Flag(help: .json) var json = false

        func run(store: Store) throws -> Reply {
            guard let v = try store.visitor(id: id) else { throw Refusal.invalid("No visitor \(id) in the register (frontdesk visitor list --date DAY).", zh: "登记簿中没有访客 \(id)（frontdesk visitor list --date 日期）。") }
            let tz = store.env.timeZone
            let admin = store.state.hasRole(store.env.actingUser, .admin)
            if json {
                try Output.json([VisitorJSON.object(v, admin: admin)])
                return .done
            }
            let lines: [(String, String?)] = [
                ("id", v.id), ("name", v.name), ("company", v.company), ("purpose", v.purpose), ("host", store.state.displayName(v.host)),
                ("head count", "\(v.headCount)"), ("status", v.status.rawValue), ("expected", Clock.dayHM(v.expectedAt, tz)),
                ("received", Clock.dayHM(v.receivedAt, tz)), ("confirmed", v.confirmedAt.map { Clock.dayHM($0, tz) }),
                ("arrived", v.arrivedAt.map { Clock.dayHM($0, tz) }), ("checked in", v.checkedInAt.map { Clock.dayHM($0, tz) }),
                ("left", v.leftAt.map { Clock.dayHM($0, tz) }), ("badges", v.badges.joined(separator: " ")),
                ("badges out", v.badgesOut.joined(separator: " ")),
                ("identity number", admin ? v.idNumber : v.maskedIDNumber), ("outcome", v.outcome),
                ("watch list", v.watchDecision.map { "\($0.allowed ? "allowed" : "refused") by \($0.by)" }),
            ]
            Output.table(["FIELD", "VALUE"], lines.compactMap { k, val in val.flatMap { $0.isEmpty ? nil : [k, $0] } })
            if !admin && v.idNumber != nil { return Reply(notes: ["the identity number is masked; only an admin sees it in full."]) }
            return .done
        }
    }

    struct Clear: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "clear", abstract: "A lead's decision on a visitor who matches the watch list.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument(completion: Completions.visitorIDs) var id: String
        @Flag(name: .long) var allow = false
        @Flag(name: .long) var deny = false
        @Option var comment: String?

        func validate() throws { try Check.exactlyOne(allow, deny, "--allow or --deny") }

        func run(store: Store) throws -> Reply {
            let rec = try store.commit { _, ctx in
                .decideWatch(visitorID: id, decision: WatchDecision(allowed: allow, by: ctx.actor, at: ctx.now, comment: comment))
            }
            return .committed(rec, in: store)
        }
    }

    enum UndoCheckin: OneRecordStep { static let step = StepID.visitorUndoCheckIn, name = "undo-checkin", abstract = "Undo a mistaken check-in (lead only; audited)." }

    struct OutcomeCommand: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "outcome", abstract: "Record the visit's feedback or outcome for the host department.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument(completion: Completions.visitorIDs) var id: String
        @Option var text: String

        func run(store: Store) throws -> Reply {
            .committed(try store.commit { _, ctx in .recordOutcome(visitorID: id, text: text, at: ctx.now) }, in: store)
        }
    }

    struct List: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "A day's visitors by group, with what is due; or every visitor of a range of days.",
            discussion: "--from DAY --to DAY lists the visitors expected in those days (both included), read from the history of the months they touch and the working set.")
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var days: DaysOption
        @Option(help: "Only visitors in this state.") var status: VisitorStatus?
        @OptionGroup var output: ListOutput

        func run(store: Store) throws -> Reply {
            let env = store.env, tz = env.timeZone
            let period = try days.period(env)
            let rows = days.isRange ? try store.visitorRows(from: period.start, to: period.end)
                : VisitorQueue(state: try store.state(forDay: period.start, kinds: .visitors), day: period.start, now: env.now(), settings: store.meta.settings,
                               calendar: env.calendar).rows
            let when = WhenText(period: period, tz: tz, calendar: env.calendar)
            return try .list(rows.filter { status == nil || $0.visitor.status == status }, output,
                             ["ID", "EXPECTED", "NAME", "COMPANY", "HOST", "STATUS", "BADGE", "FLAGS", "OUTCOME"], object: { r in
                let v = r.visitor
                return ["id": v.id, "status": v.status.rawValue, "flags": r.flags.map(\.rawValue), "name": v.name, "host": v.host,
                        "company": v.company ?? NSNull(), "purpose": v.purpose ?? NSNull(), "expectedAt": Output.iso(v.expectedAt),
                        "headCount": v.headCount, "badges": v.badgesOut, "idNumber": v.maskedIDNumber ?? NSNull(),
                        "outcome": v.outcome ?? NSNull()] as [String: Any]
            }, cells: { r in
                let v = r.visitor
                return [v.id, when.at(v.expectedAt), v.headCount > 1 ? "\(v.name) ×\(v.headCount)" : v.name, v.company ?? "",
                        r.hostName, v.status.rawValue, v.badgesOut.joined(separator: ","), r.flags.map(\.rawValue).joined(separator: ","),
                        v.outcome ?? ""]
            }, csv: (["id", "name", "company", "purpose", "host", "hostName", "expected", "headCount", "status", "badges", "flags", "outcome"], { r in
                // The columns `visitor import` reads back (name, company, purpose, host, expected, headCount).
                let v = r.visitor
                return [v.id, v.name, v.company ?? "", v.purpose ?? "", v.host, r.hostName, Clock.dayHM(v.expectedAt, tz), "\(v.headCount)",
                        v.status.rawValue, v.badgesOut.joined(separator: " "), r.flags.map(\.rawValue).joined(separator: " "), v.outcome ?? ""]
            }))
        }
    }
}

/// A visitor as `visitor show --json` gives it (docs/json.md).
enum VisitorJSON {
    static func object(_ v: Visitor, admin: Bool) -> [String: Any] {
        [
            "id": v.id, "status": v.status.rawValue, "name": v.name, "company": v.company ?? NSNull(), "purpose": v.purpose ?? NSNull(),
            "host": v.host, "headCount": v.headCount, "expectedAt": Output.iso(v.expectedAt), "receivedAt": Output.iso(v.receivedAt),
            "confirmedAt": Output.iso(v.confirmedAt), "arrivedAt": Output.iso(v.arrivedAt), "checkedInAt": Output.iso(v.checkedInAt),
            "leftAt": Output.iso(v.leftAt), "badges": v.badges, "badgesOut": v.badgesOut,
            "idNumber": (admin ? v.idNumber : v.maskedIDNumber) ?? NSNull(), "idNumberMasked": !admin && v.idNumber != nil,
            "outcome": v.outcome ?? NSNull(),
            "watchDecision": v.watchDecision.map { ["allowed": $0.allowed, "by": $0.by, "at": Output.iso($0.at), "comment": $0.comment ?? NSNull()] as [String: Any] } ?? NSNull(),
        ]
    }
}
