import ArgumentParser
import Foundation
import FrontDeskKit
import FrontDeskTUI

struct VisitorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "visitor", abstract: "Visitors: appointments, check-in with badge, check-out.",
        subcommands: [Add.self, Confirm.self, Arrive.self, Checkin.self, Checkout.self, ReturnBadge.self, Cancel.self, List.self,
                      Show.self, Clear.self, UndoCheckin.self, OutcomeCommand.self, NoShow.self])

    struct NoShow: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "noshow", abstract: "The visitor never came.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument var id: String
        func run() throws { _ = try VisitorCommand.commit(storeOptions) { _, ctx in .visitorNoShow(visitorID: id, at: ctx.now) } }
    }

    /// Commits one visitor change and runs its hook.
    static func commit(_ opts: StoreOptions, _ make: (OfficeState, RuleContext) throws -> Change) throws -> JournalRecord {
        let store = try opts.open()
        let rec = try store.commit(make)
        return rec
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record an appointment; prints the visitor id. Confirm it within 1 h.")
        @OptionGroup var storeOptions: StoreOptions
        @Option var name: String
        @Option(help: "The host: a login or a name.") var host: String
        @Option(help: "\"YYYY-MM-DD HH:MM\"") var at: String
        @Option var company: String?
        @Option var purpose: String?
        @Option(name: .customLong("id-number")) var idNumber: String?
        @Option(help: "Head count of a group visit.") var count: Int = 1

        func run() throws {
            let store = try storeOptions.open()
            let when = try Parse.dateTime(at, store.env.timeZone, "--at")
            if count < 1 { throw UsageError("--count must be at least 1.") }
            if let known = store.state.returningVisitors[name.lowercased()] {
                Outcome.say("frontdesk: \(known.name) has visited before (\(known.company ?? "no company"), host \(store.state.displayName(known.lastHost)), \(Clock.day(known.lastVisit, store.env.timeZone))).")
            }
            let rec = try store.commit { s, ctx in
                .addVisitor(Visitor(id: ctx.env.ids.next(.visitor, in: s), name: name, company: company, purpose: purpose, host: host,
                                    expectedAt: when, headCount: count, receivedAt: ctx.now, idNumber: idNumber))
            }
            Output.created(rec.change.subject)
        }
    }

    struct Confirm: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Confirm time, head count, identity and purpose (due within 1 h).")
        @OptionGroup var storeOptions: StoreOptions
        @Argument var id: String
        func run() throws {
            _ = try VisitorCommand.commit(storeOptions) { _, ctx in .confirmVisitor(visitorID: id, at: ctx.now) }
        }
    }

    struct Arrive: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The visitor is in the lobby, waiting.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument var id: String
        func run() throws {
            _ = try VisitorCommand.commit(storeOptions) { _, ctx in .visitorArrived(visitorID: id, at: ctx.now) }
        }
    }

    struct Checkin: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Arrival, identity check and badge issue in one step; prints the badge code(s).",
            discussion: "Picks free badges when none is given. A badge already out exits 3 and names who has it.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument var id: String
        @Option(help: "Badge code; repeat for a group.") var badge: [String] = []
        @Option(name: .customLong("id-number")) var idNumber: String?
        @Flag(name: .customLong("confirm-new-identity"), help: "The document's number differs from the registered one and is right (audited).")
        var confirmNewIdentity = false

        func run() throws {
            let store = try storeOptions.open()
            let records = try store.commitBatch { s, ctx in
                try s.checkIn(visitorID: id, badges: badge, idNumber: idNumber, confirmNewIdentity: confirmNewIdentity, ctx)
            }
            for r in records { if case .checkInVisitor(_, let codes, _, _) = r.change { print(TerminalText.sanitize(codes.joined(separator: " "))) } }
        }
    }

    struct Checkout: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The visitor left; their badge comes back (or is recorded lost).")
        @OptionGroup var storeOptions: StoreOptions
        @Argument var id: String
        @Flag(name: .customLong("badge-lost")) var badgeLost = false
        @Flag(name: .customLong("keep-badge"), help: "Left without handing the badge back (it stays flagged).") var keepBadge = false

        func run() throws {
            let store = try storeOptions.open()
            let records = try store.commitBatch { s, ctx in
                try s.checkOut(visitorID: id, badges: badgeLost ? .lost : keepBadge ? .kept : .returned, ctx)
            }
        }
    }

    struct ReturnBadge: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "return-badge", abstract: "A badge came back after the visitor left.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument var id: String
        func run() throws {
            _ = try VisitorCommand.commit(storeOptions) { s, ctx in .returnBadges(visitorID: id, badges: s.visitors[id]?.badgesOut ?? [], at: ctx.now) }
        }
    }

    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Cancel an expected visit.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument var id: String
        func run() throws {
            _ = try VisitorCommand.commit(storeOptions) { _, ctx in .cancelVisitor(visitorID: id, at: ctx.now) }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One visitor in full; the identity number only for admins.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument var id: String
        func run() throws {
            let store = try storeOptions.open()
            guard let v = store.state.visitors[id] else { throw Refusal.invalid("No visitor \(id) in the open register.") }
            let tz = store.env.timeZone
            let admin = store.state.hasRole(store.env.actingUser, .admin)
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
            if !admin && v.idNumber != nil { Outcome.say("frontdesk: the identity number is masked; only an admin sees it in full.") }
        }
    }

    struct Clear: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A lead's decision on a visitor who matches the watch list.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument var id: String
        @Flag(name: .long) var allow = false
        @Flag(name: .long) var deny = false
        @Option var comment: String?
        func run() throws {
            guard allow != deny else { throw UsageError("Give exactly one of --allow or --deny.") }
            _ = try VisitorCommand.commit(storeOptions) { _, ctx in
                .decideWatch(visitorID: id, decision: WatchDecision(allowed: allow, by: ctx.actor, at: ctx.now, comment: comment))
            }
        }
    }

    struct UndoCheckin: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "undo-checkin", abstract: "Undo a mistaken check-in (lead only; audited).")
        @OptionGroup var storeOptions: StoreOptions
        @Argument var id: String
        func run() throws { _ = try VisitorCommand.commit(storeOptions) { _, ctx in .undoCheckIn(visitorID: id, at: ctx.now) } }
    }

    struct OutcomeCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "outcome", abstract: "Record the visit's feedback or outcome for the host department.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument var id: String
        @Option var text: String
        func run() throws { _ = try VisitorCommand.commit(storeOptions) { _, ctx in .recordOutcome(visitorID: id, text: text, at: ctx.now) } }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A day's visitors by group, with what is due.")
        @OptionGroup var storeOptions: StoreOptions
        @Option(help: "YYYY-MM-DD (default today)") var date: String?
        @Flag var json = false
        func run() throws {
            let (store, day) = try storeOptions.openForDay(date)
            let env = store.env
            let q = VisitorQueue(state: store.state, day: day, now: env.now(), settings: store.meta.settings, calendar: env.calendar)
            if json {
                try Output.json(q.rows.map { r in
                    let v = r.visitor
                    return ["id": v.id, "status": v.status.rawValue, "flags": r.flags.map(\.rawValue), "name": v.name, "host": v.host,
                            "company": v.company ?? NSNull(), "purpose": v.purpose ?? NSNull(), "expectedAt": Output.iso(v.expectedAt),
                            "headCount": v.headCount, "badges": v.badgesOut, "idNumber": v.maskedIDNumber ?? NSNull(),
                            "outcome": v.outcome ?? NSNull()] as [String: Any]
                })
            } else {
                Output.table(["ID", "EXPECTED", "NAME", "COMPANY", "HOST", "STATUS", "BADGE", "FLAGS", "OUTCOME"], q.rows.map { r in
                    let v = r.visitor
                    return [v.id, Output.hm(v.expectedAt, env.timeZone), v.headCount > 1 ? "\(v.name) ×\(v.headCount)" : v.name, v.company ?? "",
                            r.hostName, v.status.rawValue, v.badgesOut.joined(separator: ","), r.flags.map(\.rawValue).joined(separator: ","),
                            v.outcome ?? ""]
                })
            }
        }
    }
}

struct BadgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "badge", abstract: "The visitor badge pool.", subcommands: [Add.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add badges to the pool.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument var codes: [String]
        func run() throws {
            let store = try storeOptions.open()
            try store.commit(.addBadges(codes))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every badge and who has it.")
        @OptionGroup var storeOptions: StoreOptions
        @Flag var json = false
        func run() throws {
            let store = try storeOptions.open()
            let s = store.state
            let badges = s.badges.values.sorted { ($0.id.count, $0.id) < ($1.id.count, $1.id) }
            if json {
                try Output.json(badges.map { ["id": $0.id, "status": $0.state.rawValue, "visitorId": $0.visitorID ?? NSNull(),
                                              "issuedAt": Output.iso($0.issuedAt)] as [String: Any] })
            } else {
                Output.table(["BADGE", "STATUS", "WITH"], badges.map { b in
                    [b.id, b.state.rawValue, b.state == .available ? "" : b.visitorID.map { "\(s.visitors[$0]?.name ?? "") (\($0))" } ?? ""]
                })
            }
        }
    }
}
