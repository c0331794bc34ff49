import ArgumentParser
import Foundation
import FrontDeskKit

extension DocumentUrgency: ExpressibleByArgument {}
extension Confidentiality: ExpressibleByArgument {}
extension OutgoingType: ExpressibleByArgument {}
extension DocumentDirection: ExpressibleByArgument {}

/// `frontdesk doc …`: the document register. Incoming (收文): in → submit → decide → forward →
/// handled. Outgoing (发文): draft → proofread → approval → release → file → distribute → ack.
struct DocCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doc", _superCommandName: "frontdesk", abstract: "The document register: incoming (收文) and outgoing (发文) documents.",
        subcommands: [In.self, Submit.self, Decide.self, Forward.self, Handled.self, Draft.self, Proofread.self, Approval.self,
                      Release.self, File.self, Distribute.self, Ack.self, List.self, Show.self, Trace.self])

    /// Commits one document change built from the latest state; prints `created` on stdout.
    static func step(_ store: Store, created: ((OfficeState, Change) -> String?)? = nil,
                     _ make: @escaping (OfficeState, RuleContext) throws -> Change) throws -> Reply {
        let rec = try store.commit(make)
        return .committed(rec, in: store, created: created?(store.state, rec.change))
    }

    struct In: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "in", abstract: "Register an incoming document; prints its id (its number 收〔YYYY〕NNNN is on stderr).")
        @OptionGroup var storeOptions: StoreOptions
        @Option var title: String
        @Option(name: .customLong("from"), help: "The sender organisation.") var sender: String
        @Option(help: "The day it was received: YYYY-MM-DD, today, yesterday… (default today).") var received: String?
        @Option var category: String?
        @Option(help: "normal, urgent or very-urgent (sets the decision's due time).") var urgency: DocumentUrgency = .normal
        @Option(help: "none, internal or confidential (a confidential title shows only to its handlers and admins).") var confidentiality: Confidentiality = .none
        @Option(parsing: .unconditional) var pages: Int?
        @Option(help: "Where the scanned copy or attachment is kept.") var attachment: String?

        func run(store: Store) throws -> Reply {
            let day = try Parse.dayOrToday(received, store.env)
            return try DocCommand.step(store, created: { _, c in c.subject }) { s, ctx in
                s.registerIncoming(title: title, sender: sender, receivedOn: day, category: category, urgency: urgency,
                                   confidentiality: confidentiality, pages: pages, attachment: attachment, ctx)
            }
        }
    }

    struct Submit: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "submit", abstract: "Submit an incoming document to a leader for a decision.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument var id: String
        @Option(help: "The leader's login.") var leader: String
        func run(store: Store) throws -> Reply {
            try DocCommand.step(store) { _, ctx in .document(.submit(documentID: id, leader: leader, by: ctx.actor, at: ctx.now)) }
        }
    }

    struct Decide: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "decide", abstract: "Record the leader's decision (批示) on an incoming document (the leader or an admin).")
        @OptionGroup var storeOptions: StoreOptions
        @Argument var id: String
        @Option(help: "The decision, in the leader's words.") var text: String
        func run(store: Store) throws -> Reply {
            try DocCommand.step(store) { _, ctx in .document(.decide(documentID: id, text: text, by: ctx.actor, at: ctx.now)) }
        }
    }

    struct Forward: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "forward", abstract: "Forward a decided document to one or more departments.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument var id: String
        @Option(name: .customLong("to"), help: "A department; repeatable, or a comma-separated list.") var to: [String]
        func run(store: Store) throws -> Reply {
            let depts = to.flatMap(Parse.list)
            return try DocCommand.step(store) { _, ctx in .document(.forward(documentID: id, departments: depts, by: ctx.actor, at: ctx.now)) }
        }
    }

    struct Handled: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "handled", abstract: "Mark a forwarded document handled by one department.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument var id: String
        @Option(name: [.customLong("department"), .customLong("dept")]) var department: String
        @Option var note: String?
        func run(store: Store) throws -> Reply {
            try DocCommand.step(store) { _, ctx in .document(.handled(documentID: id, department: department, note: note, by: ctx.actor, at: ctx.now)) }
        }
    }

    struct Draft: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "draft", abstract: "Draft an outgoing document; prints its id.")
        @OptionGroup var storeOptions: StoreOptions
        @Option(help: "notice, report, request or letter.") var type: OutgoingType
        @Option var title: String
        @Option(name: [.customLong("department"), .customLong("dept")], help: "The drafting department.") var department: String
        @Option(help: "none, internal or confidential.") var confidentiality: Confidentiality = .none
        func run(store: Store) throws -> Reply {
            try DocCommand.step(store, created: { _, c in c.subject }) { s, ctx in
                s.draftOutgoing(type: type, title: title, department: department, confidentiality: confidentiality, ctx)
            }
        }
    }

    struct Proofread: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "proofread", abstract: "Record that a draft is proofread and laid out.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument var id: String
        func run(store: Store) throws -> Reply {
            try DocCommand.step(store) { _, ctx in .document(.proofread(documentID: id, by: ctx.actor, at: ctx.now)) }
        }
    }

    struct Approval: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "approval", abstract: "Send a proofread draft through the approval chain (type document); prints the approval id.",
            discussion: "Decide it with: frontdesk approval approve|reject ID. Once approved, release it with: frontdesk doc release ID")
        @OptionGroup var storeOptions: StoreOptions
        @Argument var id: String
        @Option(name: .customLong("approver"), help: "A person who must approve, in order; repeatable (none: any approver).") var approvers: [String] = []
        func run(store: Store) throws -> Reply {
            try DocCommand.step(store, created: { s, _ in s.documents[id]?.approvalID }) { s, ctx in
                try s.sendDocumentForApproval(id, approvers: approvers, ctx)
            }
        }
    }

    struct Release: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "release", abstract: "Release an approved document with the next number of its type this year; prints the number.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument var id: String
        func run(store: Store) throws -> Reply {
            try DocCommand.step(store, created: { s, _ in s.documents[id]?.number }) { s, ctx in try s.releaseOutgoing(id, ctx) }
        }
    }

    struct File: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "file", abstract: "File a released document (归档).")
        @OptionGroup var storeOptions: StoreOptions
        @Argument var id: String
        func run(store: Store) throws -> Reply {
            try DocCommand.step(store) { _, ctx in .document(.file(documentID: id, by: ctx.actor, at: ctx.now)) }
        }
    }

    struct Distribute: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "distribute", abstract: "Distribute a filed document to a list of recipients.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument var id: String
        @Option(name: .customLong("to"), help: "A recipient (department, login or organisation); repeatable, or a comma-separated list.") var to: [String]
        func run(store: Store) throws -> Reply {
            let list = to.flatMap(Parse.list)
            return try DocCommand.step(store) { _, ctx in .document(.distribute(documentID: id, recipients: list, by: ctx.actor, at: ctx.now)) }
        }
    }

    struct Ack: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "ack", abstract: "Acknowledge receipt of a distributed document (for yourself, or the desk for a recipient).")
        @OptionGroup var storeOptions: StoreOptions
        @Argument var id: String
        @Option(help: "The recipient acknowledging (default: you).") var recipient: String?
        func run(store: Store) throws -> Reply {
            try DocCommand.step(store) { _, ctx in
                .document(.acknowledge(documentID: id, recipient: recipient ?? ctx.actor, by: ctx.actor, at: ctx.now))
            }
        }
    }

    struct List: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "The register: open documents first by due time, then closed ones.",
            discussion: "--query matches the id, number, sender, department and the title as you may see it: a confidential title you may not read is never matched. --date or --from/--to: the documents registered or drafted in those days, closed ones from history included.")
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var days: DaysOption
        @Option(help: "incoming or outgoing.") var direction: DocumentDirection?
        @Option(help: "Words to look for (case-insensitive).") var query: String?
        @Flag(help: "Only documents with an overdue step.") var overdue = false
        @Flag(help: "Only open documents.") var open = false
        @OptionGroup var output: ListOutput

        func run(store: Store) throws -> Reply {
            let env = store.env, tz = env.timeZone
            var source = store.state
            if days.date != nil || days.isRange {
                // The days asked for: their documents wherever they live, and only those.
                let period = try days.period(env)
                source = store.state(adding: try store.paperTrail(.documents, from: period.start, to: period.end))
                source.documents = source.documents.filter { period.contains($0.value.createdAt) }
            }
            let register = DocumentRegister(state: source, user: env.actingUser, now: env.now(), settings: store.meta.settings,
                                            chinese: ReaderLanguage.isChinese())
            let rows = register.rows(query: query).filter { r in
                (direction == nil || r.document.direction == direction) && (!overdue || !r.flags.isEmpty) && (!open || !r.document.stage.isClosed)
            }
            return try .list(rows, format: output.resolved, ["ID", "NUMBER", "TITLE", "FROM/DEPT", "STEP", "DUE", "FLAGS"], object: { r in
                let d = r.document
                var o: [String: Any] = ["id": d.id, "status": d.stage.rawValue, "direction": d.direction.rawValue, "title": r.title, "masked": r.masked]
                o["number"] = d.number ?? NSNull()
                o["sender"] = d.sender ?? NSNull()
                o["department"] = d.draftedBy ?? NSNull()
                o["urgency"] = d.urgency?.rawValue ?? NSNull()
                o["type"] = d.type?.rawValue ?? NSNull()
                o["confidentiality"] = d.confidentiality.rawValue
                o["due"] = Output.iso(r.due)
                o["flags"] = r.flags.map(\.rawValue)
                o["createdAt"] = Output.iso(d.createdAt)
                return o
            }, cells: { r in
                [r.document.id, r.document.number ?? "", r.title, r.document.sender ?? r.document.draftedBy ?? "", r.stage,
                 r.due.map { Clock.dayHM($0, tz) } ?? "", r.flags.map(\.rawValue).joined(separator: ",")]
            })
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "One document in full (a confidential title only for its handlers and admins).")
        @OptionGroup var storeOptions: StoreOptions
        @Argument var id: String
        @Flag(help: .json) var json = false

        func run() throws {
            let store = try storeOptions.open()
            // A closed document may live in a month segment: found by id wherever it lives.
            let s = try store.state(findingDocument: id), tz = store.env.timeZone, user = store.env.actingUser, zh = ReaderLanguage.isChinese()
            let d = try s.document(id)
            let settings = store.meta.settings
            let visible = s.maySeeTitle(d, user: user)
            let due = s.documentDue(d, settings), flags = s.flags(of: d, at: store.env.now(), settings)
            func copies(_ list: [DocumentCopy]) -> [[String: Any]] {
                list.map { c in
                    var o: [String: Any] = ["to": c.to, "sentAt": Output.iso(c.sentAt), "doneAt": Output.iso(c.doneAt)]
                    o["doneBy"] = c.doneBy ?? NSNull()
                    o["note"] = visible ? (c.note ?? NSNull()) : NSNull()
                    return o
                }
            }
            if json {
                var o: [String: Any] = ["id": d.id, "status": d.stage.rawValue, "direction": d.direction.rawValue]
                o["number"] = d.number ?? NSNull()
                o["title"] = s.shownTitle(d, user: user, chinese: zh)
                o["masked"] = !visible
                o["confidentiality"] = d.confidentiality.rawValue
                o["sender"] = d.sender ?? NSNull()
                o["receivedOn"] = Output.iso(d.receivedOn)
                o["category"] = d.category ?? NSNull()
                o["urgency"] = d.urgency?.rawValue ?? NSNull()
                o["pages"] = d.pages ?? NSNull()
                o["attachment"] = visible ? (d.attachment ?? NSNull()) : NSNull()
                o["leader"] = d.leader ?? NSNull()
                o["decision"] = visible ? (d.decision ?? NSNull()) : NSNull()
                o["departments"] = copies(d.departments)
                o["type"] = d.type?.rawValue ?? NSNull()
                o["draftedBy"] = d.draftedBy ?? NSNull()
                o["approval"] = d.approvalID ?? NSNull()
                o["recipients"] = copies(d.recipients)
                o["due"] = Output.iso(due)
                o["flags"] = flags.map(\.rawValue)
                o["createdAt"] = Output.iso(d.createdAt)
                o["createdBy"] = d.createdBy
                try Output.json([o])
                return
            }
            let hidden = zh ? "机密" : "confidential"
            var rows: [(String, String?)] = [("id", d.id), ("number", d.number), ("title", s.shownTitle(d, user: user, chinese: zh))]
            rows += [("direction", d.direction.rawValue), ("step", d.stage.words(chinese: zh)), ("confidentiality", d.confidentiality.rawValue)]
            rows += [("from", d.sender), ("received", d.receivedOn.map { Clock.day($0, tz) }), ("category", d.category)]
            rows += [("urgency", d.urgency?.rawValue), ("pages", d.pages.map { String($0) })]
            rows += [("attachment", visible ? d.attachment : d.attachment.map { _ in hidden })]
            rows += [("leader", d.leader.map { s.displayName($0) }), ("decision", visible ? d.decision : d.decision.map { _ in hidden })]
            rows += [("type", d.type?.rawValue), ("drafted by", d.draftedBy), ("approval", d.approvalID)]
            rows += [("due", due.map { Clock.dayHM($0, tz) }), ("flags", flags.map(\.rawValue).joined(separator: ","))]
            Output.table(["FIELD", "VALUE"], rows.compactMap { k, v in v.flatMap { $0.isEmpty ? nil : [k, $0] } })
            let list = d.direction == .incoming ? d.departments : d.recipients
            if !list.isEmpty {
                print("")
                Output.table([d.direction == .incoming ? "DEPARTMENT" : "RECIPIENT", "SENT", "DONE", "BY"], list.map { c in
                    [c.to, Clock.dayHM(c.sentAt, tz), c.doneAt.map { Clock.dayHM($0, tz) } ?? "–", c.doneBy.map(s.displayName) ?? ""]
                })
            }
        }
    }

    struct Trace: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "trace", abstract: "Every step of a document's path: time, person and text, from registration or draft to the end.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument var id: String
        @Flag(help: .json) var json = false

        func run() throws {
            let store = try storeOptions.open()
            let s = try store.state(findingDocument: id), tz = store.env.timeZone, zh = ReaderLanguage.isChinese()
            let d = try s.document(id)
            let steps = s.documentTrace(d, user: store.env.actingUser, chinese: zh)
            if json {
                try Output.json(steps.enumerated().map { i, e in
                    var o: [String: Any] = ["id": "\(d.id).\(i + 1)", "document": d.id, "step": e.step, "at": Output.iso(e.at), "by": e.by]
                    o["number"] = d.number ?? NSNull()
                    o["text"] = e.text ?? NSNull()
                    return o
                })
                return
            }
            print("\(d.id)  \(d.number ?? "")  \(s.shownTitle(d, user: store.env.actingUser, chinese: zh))")
            Output.table(["WHEN", "STEP", "BY", "TEXT"], steps.map { e in [Clock.dayHM(e.at, tz), e.step, s.displayName(e.by), e.text ?? ""] })
        }
    }
}
