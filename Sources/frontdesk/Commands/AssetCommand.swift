import ArgumentParser
import Foundation
import FrontDeskKit

extension AssetState: ExpressibleByArgument {}
extension AssetSettlementKind: ExpressibleByArgument {}

/// An amount of money as typed ("1299", "1299.5", "1299.50"), kept in cents.
struct Money: ExpressibleByArgument {
    var cents: Int
    init?(argument: String) {
        guard let c = Cents.parse(argument) else { return nil }
        cents = c
    }
    static var defaultCompletionKind: CompletionKind { .default }
}

/// `frontdesk asset …`: the fixed-asset ledger, repairs, transfers, scrapping (through an
/// approval), stocktakes by location and book value.
struct AssetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "asset", _superCommandName: "frontdesk", abstract: "Fixed assets: ledger, repairs, transfers, scrapping, stocktakes, book value.",
        subcommands: [Add.self, Move.self, Repair.self, Back.self, Scrap.self, Count.self, Settle.self, List.self, Show.self, Value.self])

    struct Add: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Put an asset on the ledger (its tag is printed on the label); prints the tag.",
            discussion: "With --purchase ID, one unit of an approved purchase of equipment (item category \"equipment\" or \"设备\") is received into the ledger instead of stock: the cost, supplier and model default to the purchase's chosen quote and item, the purchase date to today.")
        @OptionGroup var storeOptions: StoreOptions
        @Option(help: "The tag on the label; unique.") var tag: String
        @Option(help: "laptop, monitor, furniture… (decides the useful years).") var category: String?
        @Option var model: String?
        @Option var serial: String?
        @Option(help: "Purchase day: YYYY-MM-DD (default today).") var purchased: String?
        @Option(help: "Purchase cost, e.g. 8999 or 8999.00.") var cost: Money?
        @Option var supplier: String?
        @Option var dept: String
        @Option(help: "Where it is kept or used.") var location: String
        @Option(help: "The person who holds it (login or name).") var holder: String?
        @Flag(name: .customLong("in-store"), help: "In store, unused (no holder).") var inStore = false
        @Option(help: "The approved purchase it was bought through.") var purchase: String?

        func validate() throws {
            if inStore && holder != nil { throw ValidationError("An asset in store has no holder: give --holder or --in-store, not both.") }
            if purchase == nil && (category == nil || model == nil || cost == nil) {
                throw ValidationError("Give --category, --model and --cost (or --purchase ID to take them from an approved purchase).")
            }
        }

        func run(store: Store) throws -> Reply {
            let env = store.env
            let day = try purchased.map { try Parse.day($0, env, "--purchased") }
            let rec = try store.commit { s, ctx in
                s.assetAddition(tag: tag, category: category, model: model, serial: serial, purchasedOn: day, costCents: cost?.cents,
                                supplier: supplier, department: dept, location: location, holder: holder, inStore: inStore, purchase: purchase, ctx)
            }
            return .committed(rec, in: store, created: tag)
        }
    }

    struct Move: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "move", abstract: "Transfer an asset to another department, location or holder.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "The asset's tag.") var tag: String
        @Option var dept: String?
        @Option var location: String?
        @Option(help: "The new holder (login or name).") var holder: String?
        @Flag(name: .customLong("no-holder"), help: "Nobody holds it any more (a shared place).") var noHolder = false
        @Flag(name: .customLong("in-store"), help: "Back in store (clears the holder).") var inStore = false
        @Flag(name: .customLong("in-use"), help: "Taken out of store into use.") var inUse = false
        @Option var reason: String?

        func validate() throws {
            if holder != nil && (noHolder || inStore) { throw ValidationError("--holder goes with neither --no-holder nor --in-store.") }
            if inStore && inUse { throw ValidationError("Give --in-store or --in-use, not both.") }
            if dept == nil && location == nil && holder == nil && !noHolder && !inStore && !inUse {
                throw ValidationError("Say where it goes: --dept, --location, --holder, --no-holder, --in-store or --in-use.")
            }
        }

        func run(store: Store) throws -> Reply {
            let rec = try store.commit { s, ctx in
                s.assetTransfer(tag: tag, department: dept, location: location, holder: noHolder ? "" : holder,
                                state: inStore ? .inStore : inUse ? .inUse : nil, reason: reason, ctx)
            }
            return .committed(rec, in: store)
        }
    }

    struct Repair: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "repair", abstract: "Report a fault (--fault) and/or send the asset to a vendor or property management (--to).",
            discussion: "An asset under repair longer than assetRepairOverdueAfter (default 14d) is flagged !repair.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "The asset's tag.") var tag: String
        @Option(help: "What is wrong.") var fault: String?
        @Option(help: "The vendor or property management it goes to.") var to: String?

        func validate() throws {
            if fault == nil && to == nil { throw ValidationError("Give --fault TEXT to report a fault, --to VENDOR to send it, or both.") }
        }

        func run(store: Store) throws -> Reply {
            let records = try store.commitBatch { s, ctx in
                var out: [Change] = []
                if let fault {
                    out.append(s.assetFault(tag: tag, fault: fault, ctx))
                }
                if let to { out.append(.sendAssetToRepair(tag: tag, to: to, at: ctx.now)) }
                return out
            }
            return .committed(records, in: store)
        }
    }

    struct Back: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "back", abstract: "The asset is back from repair: what was done and what it cost.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "The asset's tag.") var tag: String
        @Option(help: "What was done.") var work: String
        @Option(help: "The repair's cost (default 0).") var cost: Money?

        func run(store: Store) throws -> Reply {
            let rec = try store.commit { _, ctx in .assetBack(tag: tag, work: work, costCents: cost?.cents ?? 0, at: ctx.now) }
            return .committed(rec, in: store)
        }
    }

    struct Scrap: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "scrap", abstract: "Raise the scrap approval for an asset; prints the request's id.",
            discussion: "The asset is scrapped only when the request is approved (frontdesk approval approve ID), in the same record; a rejection leaves it as it is.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "The asset's tag.") var tag: String
        @Option(help: "Why it should be scrapped.") var reason: String
        @Option(name: .customLong("approver"), help: "A person who must approve, in order; repeatable (default: any approver).") var approvers: [String] = []

        func run(store: Store) throws -> Reply {
            let rec = try store.commit { s, ctx in
                if s.assets[tag] == nil { throw Refusal.invalid("No asset \(tag) on the ledger (frontdesk asset list).", zh: "台账中没有资产 \(tag)（frontdesk asset list）。") }
                return try s.assetScrapRequest(tag: tag, reason: reason, approvers: approvers, ctx)
            }
            return .committed(rec, in: store, created: rec.change.subject)
        }
    }

    struct Count: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "count", abstract: "Stocktake of a location: the tags found there; prints the count's id and the differences.",
            discussion: "Tags come as arguments and/or from --file (one per line or separated by spaces or commas; - reads stdin). The result lists missing (on the books here, not found), unexpected (not on the ledger) and misplaced (the books put it elsewhere); settle each with `asset settle`.")
        @OptionGroup var storeOptions: StoreOptions
        @Option var location: String
        @Option(help: "A file of tags found (- for stdin).") var file: String?
        @Argument(help: "Tags found.") var tags: [String] = []

        func run(store: Store) throws -> Reply {
            var found = tags
            if let file {
                let data: Data
                if file == "-" { data = FileHandle.standardInput.readDataToEndOfFile() } else {
                    guard let d = FileManager.default.contents(atPath: file) else { throw UsageError("--file \(file) cannot be read.") }
                    data = d
                }
                found += String(decoding: data, as: UTF8.self).split(whereSeparator: { $0.isWhitespace || $0 == "," }).map(String.init)
            }
            let rec = try store.commit { s, ctx in s.assetCount(location: location, found: found, ctx) }
            guard case .recordAssetCount(let c) = rec.change else { return .committed(rec, in: store) }
            AssetCommand.printResult(store.state.assetCountResult(store.state.assetCounts[c.id] ?? c), store.state)
            return .committed(rec, in: store, created: c.id)
        }
    }

    /// The differences of a count, one line each, with how each may be settled.
    static func printResult(_ r: AssetCountResult, _ s: OfficeState) {
        var rows: [[String]] = []
        for (tags, what, how) in [(r.missing, "missing", "lost|found"), (r.unexpected, "unexpected", "noted"), (r.misplaced, "misplaced", "moved|returned")] {
            for t in tags {
                let a = s.assets[t]
                rows.append([t, what, a.map { "\($0.model) (\($0.location))" } ?? "", r.settled[t].map { "\($0.kind.rawValue): \($0.reason)" } ?? "open: \(how)"])
            }
        }
        if !rows.isEmpty { Output.table(["TAG", "DIFFERENCE", "LEDGER", "SETTLED"], rows) }
    }

    struct Settle: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "settle", abstract: "Settle a stocktake difference with a reason, or list a count's differences.",
            discussion: "missing: --as lost (written off the books) or found; misplaced: --as moved (the ledger takes the counted location) or returned (taken back); unexpected: --as noted. Without TAG, lists the count's differences.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "The count's id (G…).") var count: String
        @Argument(help: "The tag to settle.") var tag: String?
        @Option(name: .customLong("as"), help: "lost, found, moved, returned or noted.") var kind: AssetSettlementKind?
        @Option var reason: String?

        func validate() throws {
            if tag != nil && (kind == nil || reason == nil) { throw ValidationError("Settling \(tag ?? "") needs --as KIND and --reason TEXT.") }
        }

        func run(store: Store) throws -> Reply {
            guard let tag, let kind, let reason else {
                guard let c = store.state.assetCounts[count] else { throw Refusal.invalid("No asset count \(count).", zh: "没有资产盘点 \(count)。") }
                let r = store.state.assetCountResult(c)
                AssetCommand.printResult(r, store.state)
                return Reply(notes: [r.open.isEmpty ? "count \(count) of \(c.location): the books match the floor." : "count \(count) of \(c.location): \(r.open.count) difference(s) open."])
            }
            let rec = try store.commit { _, ctx in
                .settleAssetCount(countID: count, settlement: AssetSettlement(tag: tag, kind: kind, reason: reason, by: ctx.actor, at: ctx.now))
            }
            return .committed(rec, in: store)
        }
    }

    struct List: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "The asset ledger: overdue repairs first, then by department and tag.")
        @OptionGroup var storeOptions: StoreOptions
        @Option var dept: String?
        @Option var location: String?
        @Option(help: "in-use, in-store, under-repair, lost or scrapped.") var state: AssetState?
        @Option(help: "Only assets held by this person.") var holder: String?
        @OptionGroup var output: ListOutput

        func run(store: Store) throws -> Reply {
            let ledger = AssetLedger(state: store.state, now: store.env.now(), settings: store.meta.settings)
            let rows = ledger.rows.filter { r in
                (dept == nil || r.asset.department == dept) && (location == nil || r.asset.location == location)
                    && (state == nil || r.asset.state == state) && (holder == nil || r.asset.holder == holder)
            }
            return try .list(rows, format: output.resolved, ["TAG", "CATEGORY", "MODEL", "DEPT", "LOCATION", "HOLDER", "STATE", "COST", "BOOK VALUE", "FLAGS"],
                             object: AssetCommand.object, cells: { r in
                let a = r.asset
                return [a.tag, a.category, a.model, a.department, a.location, r.holderName ?? "", a.state.rawValue, Cents.text(a.costCents),
                        Cents.text(r.bookValueCents), r.flags.map(\.rawValue).joined(separator: ",")]
            })
        }
    }

    /// The JSON object of one asset (docs/json.md `asset list`).
    static func object(_ r: AssetRow) -> [String: Any] {
        let a = r.asset
        return ["id": a.tag, "status": a.state.rawValue, "tag": a.tag, "category": a.category, "model": a.model, "serial": a.serial ?? NSNull(),
                "purchasedOn": Output.iso(a.purchasedOn), "cost": Double(a.costCents) / 100, "supplier": a.supplier ?? NSNull(),
                "department": a.department, "location": a.location, "holder": a.holder ?? NSNull(), "holderName": r.holderName ?? NSNull(),
                "bookValue": Double(r.bookValueCents) / 100, "flags": r.flags.map(\.rawValue), "purchase": a.purchaseID ?? NSNull(),
                "scrapRequest": a.scrapApprovalID ?? NSNull(), "daysUnderRepair": r.daysUnderRepair ?? NSNull()]
    }

    struct Show: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "One asset with its repairs and transfers.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "The asset's tag.") var tag: String
        @Flag(help: .json) var json = false

        func run(store: Store) throws -> Reply {
            let s = store.state, tz = store.env.timeZone
            guard let a = s.assets[tag],
                  let row = AssetLedger(state: s, now: store.env.now(), settings: store.meta.settings).rows.first(where: { $0.asset.tag == tag }) else {
                throw Refusal.invalid("No asset \(tag) on the ledger (frontdesk asset list).", zh: "台账中没有资产 \(tag)（frontdesk asset list）。")
            }
            if json {
                var o = AssetCommand.object(row)
                o["repairs"] = a.repairs.map { r in
                    ["fault": r.fault, "reportedAt": Output.iso(r.reportedAt), "reportedBy": r.reportedBy, "sentTo": r.sentTo ?? NSNull(),
                     "sentAt": Output.iso(r.sentAt), "backAt": Output.iso(r.backAt), "work": r.work ?? NSNull(),
                     "cost": r.costCents.map { Double($0) / 100 } ?? NSNull()] as [String: Any]
                }
                o["transfers"] = a.transfers.map { t in
                    ["at": Output.iso(t.at), "by": t.by, "fromDepartment": t.fromDepartment, "toDepartment": t.toDepartment,
                     "fromLocation": t.fromLocation, "toLocation": t.toLocation, "fromHolder": t.fromHolder ?? NSNull(),
                     "toHolder": t.toHolder ?? NSNull(), "reason": t.reason ?? NSNull(), "toState": t.toState.rawValue] as [String: Any]
                }
                return try .json([o])
            }
            var lines: [[String]] = [
                ["Tag", a.tag], ["Category", a.category], ["Model", a.model], ["Serial", a.serial ?? ""],
                ["Purchased", Clock.day(a.purchasedOn, tz) + (a.purchaseID.map { " (purchase \($0))" } ?? "")],
                ["Cost", Cents.text(a.costCents)], ["Book value", "\(Cents.text(row.bookValueCents)) (\(OfficeState.usefulYears(a.category, store.meta.settings)) years straight line)"],
                ["Supplier", a.supplier ?? ""], ["Department", a.department], ["Location", a.location], ["Holder", row.holderName ?? ""],
                ["State", a.state.rawValue + (row.flags.isEmpty ? "" : " " + row.flags.map(\.rawValue).joined(separator: ","))],
            ]
            if let id = a.scrapApprovalID { lines.append(["Scrap request", "\(id) (\(s.approvals[id]?.status.rawValue ?? "archived"))"]) }
            for r in a.repairs {
                lines.append(["Repair", "\(Clock.dayHM(r.reportedAt, tz)) \(r.fault)\(r.sentTo.map { " → \($0)" } ?? "")"
                              + (r.backAt.map { " → back \(Clock.day($0, tz)): \(r.work ?? "") \(Cents.text(r.costCents ?? 0))" } ?? "")])
            }
            for t in a.transfers {
                lines.append(["Transfer", "\(Clock.day(t.at, tz)) \(t.fromDepartment)/\(t.fromLocation)/\(t.fromHolder ?? "–") → \(t.toDepartment)/\(t.toLocation)/\(t.toHolder ?? "–")\(t.reason.map { " (\($0))" } ?? "")"])
            }
            return .table(["FIELD", "VALUE"], lines)
        }
    }

    struct Value: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "value", abstract: "Straight-line book value per department (and per asset with --assets).",
            discussion: "Value = cost − cost × days held ÷ (useful years × 365), the depreciation rounded down to the cent, never below 0; scrapped and lost assets count 0. Useful years per category: settings set usefulYears.CATEGORY N (default usefulYears, 5).")
        @OptionGroup var storeOptions: StoreOptions
        @Option var dept: String?
        @Flag(help: "List each asset's value too.") var assets = false
        @Flag(help: .json) var json = false

        func run(store: Store) throws -> Reply {
            let ledger = AssetLedger(state: store.state, now: store.env.now(), settings: store.meta.settings, includeOffBooks: false)
            let depts = ledger.byDepartment.filter { dept == nil || $0.department == dept }
            if json {
                return try .json(depts.map { d in
                    ["id": d.department, "department": d.department, "assets": d.assets, "cost": Double(d.costCents) / 100,
                     "bookValue": Double(d.valueCents) / 100] as [String: Any]
                })
            }
            if assets {
                _ = Reply.table(["TAG", "MODEL", "DEPT", "COST", "BOOK VALUE"], ledger.rows.filter { dept == nil || $0.asset.department == dept }.map {
                    [$0.asset.tag, $0.asset.model, $0.asset.department, Cents.text($0.asset.costCents), Cents.text($0.bookValueCents)]
                })
                print("")
            }
            let total = depts.reduce(0) { $0 + $1.valueCents }
            return .table(["DEPARTMENT", "ASSETS", "COST", "BOOK VALUE"], depts.map { [$0.department, "\($0.assets)", Cents.text($0.costCents), Cents.text($0.valueCents)] }
                          + [["total", "\(depts.reduce(0) { $0 + $1.assets })", Cents.text(depts.reduce(0) { $0 + $1.costCents }), Cents.text(total)]])
        }
    }
}
