import ArgumentParser
import Foundation
import FrontDeskKit

/// `frontdesk staff …`: joiners' and leavers' checklists (badge, desk, equipment, accounts,
/// starter kit), each item issued or recovered, a leaver's missing items written off through a
/// `write-off` approval, and the checklist closed once every item is settled.
struct StaffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff", _superCommandName: "frontdesk", abstract: "Joiners and leavers: checklists of badge, desk, equipment, accounts and starter kit.",
        subcommands: [Join.self, Leave.self, Issue.self, Recover.self, WriteOff.self, Close.self, List.self, Show.self, Template.self])

    struct Join: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "join", abstract: "Open a joiner's checklist from their department's template; prints its id.",
            discussion: "Items not issued by the start of the start date are flagged !issue. Without a template of its own a department gets: staff badge, desk, computer, email and network account.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "The joiner: their login, or their name when they have none yet.") var person: String
        @Option(help: "Their department (default: the person's, when known).") var dept: String?
        @Option(help: "The start date: YYYY-MM-DD, tomorrow, mon…") var start: String

        func run(store: Store) throws -> Reply {
            let day = try Parse.day(start, store.env, "--start")
            let rec = try store.commit { s, ctx in
                guard let d = dept ?? s.people[person]?.department else {
                    throw Refusal.invalid("Say which department \(person) joins (--dept).", zh: "请写明 \(person) 加入的部门（--dept）。")
                }
                return s.staffJoin(person: person, department: d, start: day, ctx)
            }
            return .committed(rec, in: store, created: rec.change.subject)
        }
    }

    struct Leave: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "leave", abstract: "Open a leaver's checklist: their staff badge and every asset they hold; prints its id.",
            discussion: "Items not recovered or written off by the end of the last day are flagged !recover. The checklist cannot be closed until each is settled.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "The leaver's login (or the name the asset ledger holds them by).") var person: String
        @Option(help: "Their department (default: the person's).") var dept: String?
        @Option(name: .customLong("last-day"), help: "The last working day: YYYY-MM-DD, fri…") var lastDay: String

        func run(store: Store) throws -> Reply {
            let day = try Parse.day(lastDay, store.env, "--last-day")
            let rec = try store.commit { s, ctx in s.staffLeave(person: person, department: dept, lastDay: day, ctx) }
            return .committed(rec, in: store, created: rec.change.subject)
        }
    }

    struct Issue: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "issue", abstract: "Tick a joiner's item issued (equipment: --asset TAG moves the asset to them; a starter kit leaves stock).")
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "The checklist (J…).") var checklist: String
        @Argument(help: "The item: its number, asset tag, kind (badge, desk, equipment, account, kit) or name.") var item: String
        @Option(help: "Equipment: the tag of the asset issued (frontdesk asset list).") var asset: String?
        @Option(help: "Equipment: where the asset is used (default: where it is).") var location: String?
        @Option(help: "A badge number, desk, account name…") var note: String?

        func run(store: Store) throws -> Reply {
            let rec = try store.commit { s, ctx in try s.staffIssue(checklist: checklist, item: item, asset: asset, location: location, note: note, ctx) }
            return .committed(rec, in: store)
        }
    }

    struct Recover: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "recover", abstract: "Tick a leaver's item recovered (an asset they hold goes back to store).")
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "The checklist (J…).") var checklist: String
        @Argument(help: "The item: its number, asset tag, kind or name.") var item: String
        @Option(help: "Where the asset is stored now (default: where it was).") var location: String?
        @Option var note: String?

        func run(store: Store) throws -> Reply {
            let rec = try store.commit { s, ctx in try s.staffRecover(checklist: checklist, item: item, location: location, note: note, ctx) }
            return .committed(rec, in: store)
        }
    }

    struct WriteOff: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "writeoff", abstract: "Ask for a write-off approval for a leaver's item that will not come back; prints the request's id.",
            discussion: "The approval's decision settles the item: approved, it is written off (an asset goes off the books as lost); rejected, it stays open to recover.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "The checklist (J…).") var checklist: String
        @Argument(help: "The item: its number, asset tag, kind or name.") var item: String
        @Option var reason: String
        @Option(parsing: .upToNextOption, help: "Who decides (logins; default: the department head, else any approver).") var approvers: [String] = []

        func run(store: Store) throws -> Reply {
            let rec = try store.commit { s, ctx in try s.staffWriteOff(checklist: checklist, item: item, reason: reason, approvers: approvers, ctx) }
            guard case .requestStaffWriteOff(_, _, let a) = rec.change else { return .committed(rec, in: store) }
            return .committed(rec, in: store, created: a.id)
        }
    }

    struct Close: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "close", abstract: "Close a checklist whose items are all settled.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "The checklist (J…).") var checklist: String

        func run(store: Store) throws -> Reply {
            let rec = try store.commit { _, ctx in .closeStaffChecklist(checklistID: checklist, at: ctx.now, by: ctx.actor) }
            return .committed(rec, in: store)
        }
    }

    struct List: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Open joiner and leaver checklists, overdue first.")
        @OptionGroup var storeOptions: StoreOptions
        @Flag(help: "Closed checklists too.") var all = false
        @OptionGroup var output: ListOutput

        func run(store: Store) throws -> Reply {
            let tz = store.env.timeZone
            let board = StaffBoard(state: store.state, now: store.env.now(), includeClosed: all)
            return try .list(board.rows, output, ["ID", "PERSON", "DIRECTION", "DEPT", "DAY", "OPEN", "FLAGS"], object: { r in
                StaffCommand.object(r, tz)
            }, cells: { r in
                let c = r.checklist
                return [c.id, r.personName, c.direction.rawValue, c.department, Clock.day(c.day, tz),
                        c.isClosed ? "closed" : "\(r.open)/\(c.items.count)", r.flags.map(\.rawValue).joined(separator: ",")]
            })
        }
    }

    struct Show: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "One checklist with every item and where it stands.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "The checklist (J…).") var checklist: String
        @Flag(help: .json) var json = false

        func run(store: Store) throws -> Reply {
            let s = store.state, tz = store.env.timeZone
            guard let row = StaffBoard(state: s, now: store.env.now(), includeClosed: true).rows.first(where: { $0.checklist.id == checklist }) else {
                throw Refusal.invalid("No joiner or leaver checklist \(checklist) (frontdesk staff list --all).", zh: "没有入职或离职清单 \(checklist)（frontdesk staff list --all）。")
            }
            let c = row.checklist
            if json { return try .json([StaffCommand.object(row, tz)]) }
            var lines: [[String]] = [
                ["Person", row.personName + (s.people[c.person] == nil ? "" : " (\(c.person))")], ["Department", c.department],
                [c.direction == .joining ? "Starts" : "Last day", Clock.day(c.day, tz)], ["Due", Clock.dayHM(c.dueAt, tz)],
                ["Flags", row.flags.map(\.rawValue).joined(separator: ",")],
            ]
            if let at = c.closedAt { lines.append(["Closed", "\(Clock.dayHM(at, tz)) by \(c.closedBy ?? "?")"]) }
            for i in c.items {
                let extra = [i.asset, i.sku.map { "\(i.quantity ?? 0) × \($0)" }, i.note, i.moveID, i.writeOffApprovalID.map { "\($0) \(s.approvals[$0]?.status.rawValue ?? "")" }]
                    .compactMap { $0 }.joined(separator: ", ")
                lines.append(["\(i.id) \(i.kind.rawValue)", "\(i.name)\(extra.isEmpty ? "" : " (\(extra))"): \(i.state.rawValue)\(i.doneAt.map { " " + Clock.dayHM($0, tz) } ?? "")"])
            }
            return .table(["FIELD", "VALUE"], lines)
        }
    }

    struct Template: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "template", abstract: "What a department's joiners get.",
                                                        subcommands: [TemplateShow.self, TemplateSet.self])
    }

    struct TemplateShow: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "A department's joiner template (the default one when it has none).")
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "The department.") var dept: String
        @Flag(help: .json) var json = false

        func run(store: Store) throws -> Reply {
            let t = store.state.staffTemplate(for: dept)
            let isDefault = store.state.staffTemplates[dept] == nil
            if json {
                return try .json(t.items.map { i in
                    ["department": dept, "kind": i.kind.rawValue, "name": i.name, "sku": i.sku ?? NSNull(), "quantity": i.quantity ?? NSNull(),
                     "default": isDefault] as [String: Any]
                })
            }
            var reply = Reply.table(["KIND", "ITEM", "FROM STOCK"], t.items.map { i in [i.kind.rawValue, i.name, i.sku.map { "\(i.quantity ?? 1) × \($0)" } ?? ""] })
            if isDefault { reply.notes = ["\(dept) has no template of its own; this is the default (frontdesk staff template set \(dept) --item …)."] }
            return reply
        }
    }

    struct TemplateSet: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "set", abstract: "Set what a department's joiners get (a lead's step).",
            discussion: "Each --item is KIND[:NAME] or kit:SKU[:QUANTITY]; kinds: badge, desk, equipment, account, kit, other. Example: --item badge --item desk:Window desk --item equipment:Laptop --item account:ERP login --item kit:S-PEN:2")
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "The department.") var dept: String
        @Option(name: .customLong("item"), help: "One item, in the checklist's order.") var items: [String] = []

        func validate() throws {
            if items.isEmpty { throw ValidationError("List at least one --item (e.g. --item badge --item equipment:Laptop).") }
        }

        func run(store: Store) throws -> Reply {
            let rec = try store.commit { s, ctx in try s.staffTemplate(department: dept, lines: items, ctx) }
            return .committed(rec, in: store)
        }
    }

    /// The JSON object of one checklist (`staff list --json`, `staff show --json`).
    static func object(_ r: StaffRow, _ tz: TimeZone) -> [String: Any] {
        let c = r.checklist
        return ["id": c.id, "person": c.person, "personName": r.personName, "direction": c.direction.rawValue, "department": c.department,
                "day": Clock.day(c.day, tz), "dueAt": Output.iso(c.dueAt), "open": r.open, "awaitingWriteOff": r.awaitingWriteOff,
                "closedAt": Output.iso(c.closedAt), "closedBy": c.closedBy ?? NSNull(), "flags": r.flags.map(\.rawValue),
                "items": c.items.map { i in
                    ["id": i.id, "kind": i.kind.rawValue, "name": i.name, "asset": i.asset ?? NSNull(), "sku": i.sku ?? NSNull(),
                     "quantity": i.quantity ?? NSNull(), "state": i.state.rawValue, "doneAt": Output.iso(i.doneAt), "doneBy": i.doneBy ?? NSNull(),
                     "note": i.note ?? NSNull(), "moveID": i.moveID ?? NSNull(), "writeOffApproval": i.writeOffApprovalID ?? NSNull()] as [String: Any]
                }] as [String: Any]
    }
}
