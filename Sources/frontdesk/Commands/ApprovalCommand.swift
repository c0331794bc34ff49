import ArgumentParser
import Foundation
import FrontDeskKit

/// `frontdesk approval …`: requests routed to approvers, and their decisions.
struct ApprovalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approval", _superCommandName: "frontdesk", abstract: "The approval queue.",
        subcommands: [Request.self, List.self, Approve.self, Reject.self, ApprovalShowCommand.self, ApprovalRuleCommand.self])

    struct Request: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "request", abstract: "Route a request for approval; prints its id.")
        @OptionGroup var storeOptions: StoreOptions
        @Option(help: "The kind of request.") var type: ApprovalType
        @Option var title: String
        @Option(parsing: .unconditional) var amount: Double?
        @Option(help: "YYYY-MM-DD") var from: String?
        @Option(help: "YYYY-MM-DD") var to: String?
        @Option(name: .customLong("approver"), help: "A person who must approve, in order; repeatable.") var approvers: [String] = []
        @Option(help: "Document routing: the document's reference number.") var document: String?
        @Option(help: "Asset scrapping: the asset's tag or name.") var asset: String?

        func validate() throws {
            // A purchase always follows the store's chain (department head, then administration).
            if type == .purchase && !approvers.isEmpty {
                throw ValidationError("A purchase follows the store's approval chain; --approver is for other requests.")
            }
        }

        func run(store: Store) throws -> Reply {
            let f = try from.map { try Parse.day($0, store.env, "--from") }, e = try to.map { try Parse.day($0, store.env, "--to") }
            let rec = try store.commit { s, ctx in
                try s.approvalRequest(type: type, title: title, amount: amount, from: f, to: e, approvers: approvers, document: document, asset: asset, ctx)
            }
            return .committed(rec, in: store, created: rec.change.subject)
        }
    }

    struct List: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "Requests waiting for you first, then the others; or every request raised on a day or a range of days.",
            discussion: "With --date DAY or --from DAY --to DAY: the requests raised or decided in those days (both included), in the order they were raised, read from the history and the working set.")
        @OptionGroup var storeOptions: StoreOptions
        @Flag(help: "Only those waiting for you.") var mine = false
        @Option(help: "Only requests in this state.") var status: ApprovalStatus?
        @OptionGroup var days: DaysOption
        @OptionGroup var output: ListOutput

        func run(store: Store) throws -> Reply {
            let env = store.env
            let dated = days.date != nil || days.isRange
            let rows: [ApprovalRow]
            if dated {
                let period = try days.period(env)
                rows = try store.approvalRows(from: period.start, to: period.end)
            } else {
                rows = ApprovalQueue(state: store.state, user: env.actingUser, now: env.now(), settings: store.meta.settings, calendar: env.calendar).rows
            }
            return try .list(rows.filter { (!mine || $0.waitingForUser) && (status == nil || $0.request.status == status) }, output,
                             ["ID", "TYPE", "TITLE", "REQUESTER", "AMOUNT", dated ? "RAISED" : "AGE", "STATUS", "FLAGS"], object: { r in
                ["id": r.request.id, "status": r.request.status.rawValue, "flags": r.flags.map(\.rawValue), "type": r.request.type.rawValue,
                 "title": r.request.title, "requester": r.request.requester, "amount": r.request.amount ?? NSNull(),
                 "createdAt": Output.iso(r.request.createdAt), "waitingForYou": r.waitingForUser] as [String: Any]
            }, cells: { r in
                [r.request.id, r.request.type.rawValue, r.request.title, r.requesterName, r.request.amount.map { String(format: "%.2f", $0) } ?? "",
                 dated ? Clock.dayHM(r.request.createdAt, env.timeZone) : Age.text(r.age), r.request.status.rawValue, r.flags.map(\.rawValue).joined(separator: ",")]
            })
        }
    }

    /// Approve or reject: one decision by the acting user, with a comment.
    static func decide(_ id: String, _ verdict: Verdict, _ comment: String?, _ store: Store) throws -> Reply {
        let rec = try store.commit { _, ctx in .decideApproval(requestID: id, decision: Decision(by: ctx.actor, verdict: verdict, comment: comment, at: ctx.now)) }
        return .committed(rec, in: store)
    }

    struct Approve: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "approve", abstract: "Approve (approver role; never your own request).")
        @OptionGroup var storeOptions: StoreOptions
        @Argument(completion: Completions.approvalIDs) var id: String
        @Option var comment: String?
        func run(store: Store) throws -> Reply { try ApprovalCommand.decide(id, .approve, comment, store) }
    }

    struct Reject: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "reject", abstract: "Reject with a reason (stops the request).")
        @OptionGroup var storeOptions: StoreOptions
        @Argument(completion: Completions.approvalIDs) var id: String
        @Option(help: "Why: the requester reads it.") var comment: String
        func run(store: Store) throws -> Reply { try ApprovalCommand.decide(id, .reject, comment, store) }
    }
}
