import ArgumentParser
import Foundation
import FrontDeskKit

struct StockCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stock", abstract: "Office supplies: items, receipts, issues, counts.",
        subcommands: [ItemCommand.self, Receive.self, Issue.self, Return.self, WriteOff.self, Count.self, List.self,
                      DemandCommand.self, PlanCommand.self, LedgerCommand.self, ReceiptCommand.self, StocktakesCommand.self])

    struct Return: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Units a department brings back into stock.")
        @OptionGroup var storeOptions: StoreOptions
        @Option var sku: String
        @Option var qty: Int
        @Option var dept: String
        func run() throws {
            guard qty > 0 else { throw UsageError("--qty must be a positive number.") }
            let store = try storeOptions.open()
            let rec = try store.commit { s, ctx in s.stockReturn(sku: sku, quantity: qty, department: dept, ctx) }
            Output.created(rec.change.subject)
        }
    }

    struct WriteOff: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "writeoff", abstract: "Write off damaged or expired units, with the reason.")
        @OptionGroup var storeOptions: StoreOptions
        @Option var sku: String
        @Option var qty: Int
        @Option var reason: String
        func run() throws {
            guard qty > 0 else { throw UsageError("--qty must be a positive number.") }
            let store = try storeOptions.open()
            let rec = try store.commit { s, ctx in s.writeOff(sku: sku, quantity: qty, reason: reason, ctx) }
            Output.created(rec.change.subject)
        }
    }

    struct ItemCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "item", abstract: "Supply items.", subcommands: [Add.self])
        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Add an item; prints its SKU.")
            @OptionGroup var storeOptions: StoreOptions
            @Option var sku: String
            @Option var name: String
            @Option var unit: String
            @Option(name: .customLong("reorder-at")) var reorderAt: Int
            @Option var target: Int
            @Option var price: Double?
            @Option var category: String = "general"
            @Option(help: "Preferred supplier SUPPLIER:PRICE:DAYS, repeatable.") var supplier: [String] = []
            @Flag(help: "A special item (custom gift, equipment): planned with a justification and budget.") var special = false
            func run() throws {
                let offers = try supplier.map { text -> SupplierOffer in
                    guard let q = Quote.parse(text) else { throw UsageError("--supplier must be SUPPLIER:PRICE:DAYS, got \"\(text)\".") }
                    return SupplierOffer(supplier: q.supplier, unitPrice: q.unitPrice, leadDays: q.leadDays)
                }
                let store = try storeOptions.open()
                try store.commit(.addItem(SupplyItem(sku: sku, name: name, unit: unit, category: category, reorderAt: reorderAt, target: target,
                                                     unitPrice: price ?? offers.first?.unitPrice, suppliers: offers, special: special)))
                Output.created(sku)
            }
        }
    }

    struct Receive: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Book a delivery in after acceptance; only the accepted quantity enters stock.")
        @OptionGroup var storeOptions: StoreOptions
        @Option var sku: String
        @Option(help: "Quantity counted on arrival.") var qty: Int
        @Option var supplier: String
        @Option(name: .customLong("unit-price")) var unitPrice: Double
        @Option(name: .customLong("reject-qty"), help: "Units rejected at acceptance.") var rejectQty: Int = 0
        @Option(help: "Why units were rejected.") var reason: String?
        @Option(help: "The approved purchase this delivery is for.") var purchase: String?
        @Flag(name: .customLong("spec-mismatch"), help: "The delivery does not match the specification (say why in --reason).") var specMismatch = false
        @Flag(name: .customLong("quality-failed"), help: "The quality check failed (say why in --reason).") var qualityFailed = false
        @Option(help: "Who inspected the delivery (default: you).") var inspector: String?

        func run() throws {
            guard qty >= 0, rejectQty >= 0, rejectQty <= qty else { throw UsageError("--reject-qty must be between 0 and --qty.") }
            if rejectQty > 0 && (reason ?? "").isEmpty { throw UsageError("Give --reason for the rejected units.") }
            let store = try storeOptions.open()
            let rec = try store.commit { s, ctx in
                s.receipt(sku: sku, counted: qty, rejected: rejectQty, reason: reason, unitPrice: unitPrice, supplier: supplier,
                          purchaseID: purchase, specificationMatches: !specMismatch, qualityPassed: !qualityFailed, inspector: inspector, ctx)
            }
            Output.created(rec.change.subject)
        }
    }

    struct Issue: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Issue to a department; the recipient signs. More than on hand exits 3.")
        @OptionGroup var storeOptions: StoreOptions
        @Option var sku: String?
        @Option var qty: Int?
        @Option(help: "SKU:QTY, repeatable: several items in one sign-off (all or nothing).") var item: [String] = []
        @Option var dept: String
        @Option(help: "The person who signs for it.") var to: String
        func run() throws {
            var lines: [(String, Int)] = []
            if let sku, let qty { lines.append((sku, qty)) } else if sku != nil || qty != nil { throw UsageError("--sku and --qty go together.") }
            for text in item {
                let p = text.split(separator: ":")
                guard p.count == 2, let q = Int(p[1]) else { throw UsageError("--item must be SKU:QTY, got \"\(text)\".") }
                lines.append((String(p[0]), q))
            }
            guard !lines.isEmpty else { throw UsageError("Give --sku and --qty, or --item SKU:QTY.") }
            guard lines.allSatisfy({ $0.1 > 0 }) else { throw UsageError("Quantities must be positive numbers.") }
            let store = try storeOptions.open()
            let records = try store.commitBatch { s, ctx in
                var trial = s
                return lines.map { sku, qty in
                    let c = trial.issue(sku: sku, quantity: qty, department: dept, recipient: to, ctx)
                    trial.apply(c)
                    return c
                }
            }
            for r in records { Output.created(r.change.subject) }
        }
    }

    struct Count: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stocktake: record the counted quantity; the variance is booked with the reason.")
        @OptionGroup var storeOptions: StoreOptions
        @Option var sku: String
        @Option var qty: Int
        @Option var reason: String
        func run() throws {
            guard qty >= 0 else { throw UsageError("--qty cannot be negative.") }
            let store = try storeOptions.open()
            let rec = try store.commit { s, ctx in s.stocktake(sku: sku, counted: qty, reason: reason, ctx) }
            Output.created(rec.change.subject)
            if case .moveStock(let m) = rec.change { Outcome.say("frontdesk: " + StocktakeList.varianceLine(m, unit: store.state.items[sku]?.unit ?? "")) }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Items with on hand against reorder point and target; below reorder first.")
        @OptionGroup var storeOptions: StoreOptions
        @Flag var json = false
        func run() throws {
            let store = try storeOptions.open()
            let levels = StockLevels(state: store.state, now: store.env.now(), calendar: store.env.calendar)
            if json {
                try Output.json(levels.rows.map { r in
                    ["id": r.item.sku, "status": r.flags.contains(.outOfStock) ? "out" : r.flags.contains(.belowReorder) ? "low" : "ok",
                     "sku": r.item.sku, "name": r.item.name, "unit": r.item.unit, "onHand": r.onHand, "reorderAt": r.item.reorderAt,
                     "target": r.item.target, "flags": r.flags.map(\.rawValue), "dailyUse": (r.dailyUse * 100).rounded() / 100,
                     "daysOfCover": r.coverDays ?? NSNull()] as [String: Any]
                })
            } else {
                Output.table(["SKU", "NAME", "ON HAND", "REORDER", "TARGET", "COVER", "FLAGS"], levels.rows.map { r in
                    [r.item.sku, r.item.name, "\(r.onHand) \(r.item.unit)", "\(r.item.reorderAt)", "\(r.item.target)",
                     r.coverDays.map { "\($0) d" } ?? "–", r.flags.map(\.rawValue).joined(separator: ",")]
                })
            }
        }
    }
}

struct ApprovalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approval", abstract: "The approval queue.",
        subcommands: [Request.self, List.self, Approve.self, Reject.self, ApprovalShowCommand.self, ApprovalRuleCommand.self])

    struct Request: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Route a request for approval; prints its id.")
        @OptionGroup var storeOptions: StoreOptions
        @Option(help: "leave|overtime|document|scrap|purchase") var type: String
        @Option var title: String
        @Option var amount: Double?
        @Option(help: "YYYY-MM-DD") var from: String?
        @Option(help: "YYYY-MM-DD") var to: String?
        @Option(name: .customLong("approver"), help: "A person who must approve, in order; repeatable.") var approvers: [String] = []
        @Option(help: "Document routing: the document's reference number.") var document: String?
        @Option(help: "Asset scrapping: the asset's tag or name.") var asset: String?

        func run() throws {
            guard let t = ApprovalType(rawValue: type) else {
                throw UsageError("--type must be one of \(ApprovalType.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            let store = try storeOptions.open()
            let tz = store.env.timeZone
            let f = try from.map { try Parse.day($0, tz, "--from") }, e = try to.map { try Parse.day($0, tz, "--to") }
            if t == .purchase && !approvers.isEmpty {
                throw UsageError("A purchase follows the store's approval chain; --approver is for other requests.")
            }
            let rec = try store.commit { s, ctx in
                try s.approvalRequest(type: t, title: title, amount: amount, from: f, to: e, approvers: approvers, document: document, asset: asset, ctx)
            }
            Output.created(rec.change.subject)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Requests waiting for you first, then the others.")
        @OptionGroup var storeOptions: StoreOptions
        @Flag(help: "Only those waiting for you.") var mine = false
        @Flag var json = false
        func run() throws {
            let store = try storeOptions.open()
            let q = ApprovalQueue(state: store.state, user: store.env.actingUser, now: store.env.now(), settings: store.meta.settings)
            let rows = mine ? q.rows.filter(\.waitingForUser) : q.rows
            if json {
                try Output.json(rows.map { r in
                    ["id": r.request.id, "status": r.request.status.rawValue, "flags": r.flags.map(\.rawValue), "type": r.request.type.rawValue,
                     "title": r.request.title, "requester": r.request.requester, "amount": r.request.amount ?? NSNull(),
                     "createdAt": Output.iso(r.request.createdAt), "waitingForYou": r.waitingForUser] as [String: Any]
                })
            } else {
                Output.table(["ID", "TYPE", "TITLE", "REQUESTER", "AMOUNT", "AGE", "STATUS", "FLAGS"], rows.map { r in
                    [r.request.id, r.request.type.rawValue, r.request.title, r.requesterName, r.request.amount.map { String(format: "%.2f", $0) } ?? "",
                     Age.text(r.age), r.request.status.rawValue, r.flags.map(\.rawValue).joined(separator: ",")]
                })
            }
        }
    }

    struct Approve: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Approve (approver role; never your own request).")
        @OptionGroup var storeOptions: StoreOptions
        @Argument var id: String
        @Option var comment: String?
        func run() throws {
            let store = try storeOptions.open()
            let rec = try store.commit { _, ctx in .decideApproval(requestID: id, decision: Decision(by: ctx.actor, verdict: .approve, comment: comment, at: ctx.now)) }
            Outcome.say("frontdesk: \(id) is \(store.state.approvals[rec.change.subject]?.status.rawValue ?? "decided")")
        }
    }

    struct Reject: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Reject with a reason (stops the request).")
        @OptionGroup var storeOptions: StoreOptions
        @Argument var id: String
        @Option var comment: String
        func run() throws {
            let store = try storeOptions.open()
            try store.commit { _, ctx in .decideApproval(requestID: id, decision: Decision(by: ctx.actor, verdict: .reject, comment: comment, at: ctx.now)) }
        }
    }
}

struct RoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "role", abstract: "Roles: frontdesk, lead, approver, admin.",
                                                    subcommands: [Grant.self, Revoke.self, List.self])

    static func role(_ s: String) throws -> Role {
        guard let r = Role(rawValue: s) else { throw UsageError("Role must be one of \(Role.allCases.map(\.rawValue).joined(separator: ", ")).") }
        return r
    }

    /// On a working store a role goes only to a real Unix user or group.
    static func checkUser(_ user: String, _ store: Store) throws {
        if store.meta.allowOverrides { return }
        if getpwnam(user) == nil && getgrnam(user) == nil {
            throw UsageError("\(user) is not a Unix user or group on this machine.")
        }
    }

    struct Grant: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Grant a role (admin only).")
        @OptionGroup var storeOptions: StoreOptions
        @Argument var user: String
        @Argument var role: String
        func run() throws {
            let r = try RoleCommand.role(role)
            let store = try storeOptions.open()
            try RoleCommand.checkUser(user, store)
            try store.commit(.grantRole(user: user, role: r))
        }
    }
    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a role (admin only).")
        @OptionGroup var storeOptions: StoreOptions
        @Argument var user: String
        @Argument var role: String
        func run() throws {
            let r = try RoleCommand.role(role)
            let store = try storeOptions.open()
            try store.commit(.revokeRole(user: user, role: r))
        }
    }
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Who holds which role.")
        @OptionGroup var storeOptions: StoreOptions
        @Flag var json = false
        func run() throws {
            let store = try storeOptions.open()
            let rows = store.state.roles.sorted { $0.key < $1.key }
            if json {
                try Output.json(rows.map { ["id": $0.key, "status": "active", "roles": $0.value.map(\.rawValue)] })
            } else {
                Output.table(["USER", "ROLES"], rows.map { [$0.key, $0.value.map(\.rawValue).joined(separator: ", ")] })
            }
        }
    }
}

