import ArgumentParser
import Foundation
import FrontDeskKit

struct VisitorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "visitor", abstract: "Visitors: appointments, check-in with badge, check-out.",
        subcommands: [Add.self, Confirm.self, Arrive.self, Checkin.self, Checkout.self, ReturnBadge.self, Cancel.self, List.self])

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
            let store = try storeOptions.open()
            try store.commit { _, ctx in .confirmVisitor(visitorID: id, at: ctx.now) }
        }
    }

    struct Arrive: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The visitor is in the lobby, waiting.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument var id: String
        func run() throws {
            let store = try storeOptions.open()
            try store.commit { _, ctx in .visitorArrived(visitorID: id, at: ctx.now) }
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

        func run() throws {
            let store = try storeOptions.open()
            let rec = try store.commit { s, ctx in
                guard let v = s.visitors[id] else { throw Refusal.invalid("No visitor \(id) in the open register.") }
                var codes = badge
                if codes.isEmpty {
                    guard let free = s.freeBadges(v.headCount) else {
                        throw Refusal.rule("No free badge for \(v.headCount) visitor(s): every badge is out (frontdesk badge list).")
                    }
                    codes = free
                }
                return .checkInVisitor(visitorID: id, badges: codes, idNumber: idNumber, at: ctx.now)
            }
            if case .checkInVisitor(_, let codes, _, _) = rec.change { print(codes.joined(separator: " ")) }
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
            try store.commitBatch { s, ctx in
                guard let v = s.visitors[id] else { throw Refusal.invalid("No visitor \(id) in the open register.") }
                var changes: [Change] = [.checkOutVisitor(visitorID: id, at: ctx.now, lostBadges: badgeLost ? v.badgesOut : [])]
                if !badgeLost && !keepBadge && !v.badgesOut.isEmpty {
                    changes.append(.returnBadges(visitorID: id, badges: v.badgesOut, at: ctx.now))
                }
                return changes
            }
        }
    }

    struct ReturnBadge: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "return-badge", abstract: "A badge came back after the visitor left.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument var id: String
        func run() throws {
            let store = try storeOptions.open()
            try store.commit { s, ctx in .returnBadges(visitorID: id, badges: s.visitors[id]?.badgesOut ?? [], at: ctx.now) }
        }
    }

    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Cancel an expected visit.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument var id: String
        func run() throws {
            let store = try storeOptions.open()
            try store.commit { _, ctx in .cancelVisitor(visitorID: id, at: ctx.now) }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A day's visitors by group, with what is due.")
        @OptionGroup var storeOptions: StoreOptions
        @Option(help: "YYYY-MM-DD (default today)") var date: String?
        @Flag var json = false
        func run() throws {
            let store = try storeOptions.open()
            let env = store.env
            let day = try date.map { try Parse.day($0, env.timeZone) } ?? env.now()
            let q = VisitorQueue(state: store.state, day: day, now: env.now(), settings: store.meta.settings, calendar: env.calendar)
            if json {
                try Output.json(q.rows.map { r in
                    let v = r.visitor
                    return ["id": v.id, "status": v.status.rawValue, "flags": r.flags.map(\.rawValue), "name": v.name, "host": v.host,
                            "company": v.company ?? NSNull(), "purpose": v.purpose ?? NSNull(), "expectedAt": Output.iso(v.expectedAt),
                            "headCount": v.headCount, "badges": v.badgesOut, "idNumber": v.maskedIDNumber ?? NSNull()] as [String: Any]
                })
            } else {
                Output.table(["ID", "EXPECTED", "NAME", "COMPANY", "HOST", "STATUS", "BADGE", "FLAGS"], q.rows.map { r in
                    let v = r.visitor
                    return [v.id, Output.hm(v.expectedAt, env.timeZone), v.headCount > 1 ? "\(v.name) ×\(v.headCount)" : v.name, v.company ?? "",
                            r.hostName, v.status.rawValue, v.badgesOut.joined(separator: ","), r.flags.map(\.rawValue).joined(separator: ",")]
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
