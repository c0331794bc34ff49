import ArgumentParser
import Foundation
import FrontDeskKit

struct PurchaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purchase", abstract: "Purchase requests: quotes compared, then approval, then receipt.",
        subcommands: [Request.self, List.self])

    struct Request: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Request a purchase with at least 3 quotes; prints the purchase id (its approval id on stderr).",
            discussion: "--quote SUPPLIER:PRICE:DAYS[:QUALITY], repeated. The cheapest is chosen unless --choose names another supplier (then --why is required). --urgent with one quote from the designated supplier is allowed up to the small-purchase limit.")
        @OptionGroup var storeOptions: StoreOptions
        @Option var sku: String
        @Option var qty: Int
        @Option(help: "SUPPLIER:PRICE:DAYS[:QUALITY]") var quote: [String] = []
        @Option(help: "The supplier to buy from (default: the cheapest).") var choose: String?
        @Option(help: "Why not the cheapest, or why a special item is needed.") var why: String?
        @Flag var urgent = false

        func run() throws {
            let quotes = try quote.map(Self.parse)
            guard !quotes.isEmpty else { throw UsageError("Give at least one --quote SUPPLIER:PRICE:DAYS.") }
            var chosen: Int?
            if let c = choose {
                guard let i = quotes.firstIndex(where: { $0.supplier.lowercased() == c.lowercased() }) else {
                    throw UsageError("--choose \(c) is not one of the quoted suppliers.")
                }
                chosen = i
            }
            let store = try storeOptions.open()
            let rec = try store.commit { s, ctx in
                s.purchaseRequest(sku: sku, quantity: qty, quotes: quotes, chosen: chosen, justification: why, urgent: urgent, ctx)
            }
            if case .requestPurchase(let p, let a) = rec.change {
                Output.created(p.id)
                Outcome.say("frontdesk: \(p.id) waits for approval \(a.id) (\(String(format: "%.2f", p.amount)))\(a.approvers.isEmpty ? "" : " by " + a.approvers.map { store.state.describeStep($0) }.joined(separator: " then ")).")
            }
        }

        static func parse(_ text: String) throws -> Quote {
            guard let q = Quote.parse(text) else { throw UsageError("--quote must be SUPPLIER:PRICE:DAYS[:QUALITY], got \"\(text)\".") }
            return q
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Purchase requests with their quotes side by side.")
        @OptionGroup var storeOptions: StoreOptions
        @Flag var json = false
        func run() throws {
            let store = try storeOptions.open()
            let rows = store.state.purchases.values.sorted { $0.createdAt > $1.createdAt }
            if json {
                try Output.json(rows.map { p in
                    ["id": p.id, "status": p.status.rawValue, "sku": p.sku, "quantity": p.quantity, "amount": p.amount, "approvalId": p.approvalID,
                     "chosen": p.chosenQuote?.supplier ?? NSNull(), "received": p.receivedQuantity,
                     "quotes": p.quotes.map { ["supplier": $0.supplier, "unitPrice": $0.unitPrice, "leadDays": $0.leadDays] }] as [String: Any]
                })
            } else {
                Output.table(["ID", "SKU", "QTY", "QUOTES (price/days)", "CHOSEN", "AMOUNT", "APPROVAL", "STATUS"], rows.map { p in
                    [p.id, p.sku, "\(p.quantity)", p.quotes.map { "\($0.supplier) \(String(format: "%.2f", $0.unitPrice))/\($0.leadDays)d" }.joined(separator: " | "),
                     p.chosenQuote?.supplier ?? "", String(format: "%.2f", p.amount), p.approvalID, p.status.rawValue]
                })
            }
        }
    }
}

struct DemandCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "demand", abstract: "Departments' requests for next month.",
                                                    subcommands: [Add.self, DemandListCommand.self])
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a department's need for a month; prints its id.")
        @OptionGroup var storeOptions: StoreOptions
        @Option var dept: String
        @Option var sku: String
        @Option var qty: Int
        @Option(help: "YYYY-MM") var month: String
        @Option(help: "Special items: why it is needed.") var why: String?
        @Option(help: "Special items: the budget.") var budget: Double?
        func run() throws {
            let store = try storeOptions.open()
            _ = try Parse.month(month, store.env.timeZone)
            let rec = try store.commit { s, ctx in
                .addDemand(DemandEntry(id: ctx.env.ids.next(.demand, in: s), department: dept, sku: sku, quantity: qty, month: month,
                                       justification: why, budget: budget, by: ctx.actor, at: ctx.now))
            }
            Output.created(rec.change.subject)
        }
    }
}

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "plan", abstract: "The month's purchase proposal: demand, use, stock and orders, up to target.")
    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "YYYY-MM: the month to buy for.") var month: String
    @Flag var json = false
    func run() throws {
        let store = try storeOptions.open()
        _ = try Parse.month(month, store.env.timeZone)
        let plan = ReorderProposal(state: store.state, month: month, now: store.env.now(), calendar: store.env.calendar)
        if json {
            try Output.json(plan.lines.map { l in
                ["id": l.sku, "status": l.needsJustification ? "needsJustification" : "proposed", "sku": l.sku, "demand": l.demand,
                 "averageMonthlyUse": (l.averageMonthlyUse * 10).rounded() / 10, "onHand": l.onHand, "onOrder": l.onOrder,
                 "target": l.target, "proposed": l.proposed] as [String: Any]
            })
        } else {
            Output.table(["SKU", "NAME", "DEMAND", "AVG USE/MO", "ON HAND", "ON ORDER", "TARGET", "PROPOSE", "NOTE"], plan.lines.map { l in
                [l.sku, l.name, "\(l.demand)", String(format: "%.1f", l.averageMonthlyUse), "\(l.onHand)", "\(l.onOrder)", "\(l.target)",
                 "\(l.proposed) \(l.unit)", l.needsJustification ? "special: justification and budget needed" : ""]
            })
            Outcome.say(String(format: "frontdesk: proposal for %@ totals %.2f at list prices.", month, plan.total))
        }
    }
}

struct LedgerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ledger", abstract: "The monthly ledger: opening, in, out, closing; use and cost per department.")
    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "YYYY-MM") var month: String
    @Flag var json = false
    func run() throws {
        let store = try storeOptions.open()
        let start = try Parse.month(month, store.env.timeZone)
        let ledger = StockLedger(state: store.state, moves: try store.moves(since: start), month: start, calendar: store.env.calendar)
        if json {
            try Output.json(ledger.lines.map { l in
                ["id": l.sku, "status": l.reconciles ? "reconciled" : "mismatch", "sku": l.sku, "opening": l.opening, "in": l.inQuantity,
                 "out": l.outQuantity, "closing": l.closing] as [String: Any]
            })
        } else {
            Output.table(["SKU", "NAME", "OPENING", "IN", "OUT", "CLOSING"], ledger.lines.map {
                [$0.sku, $0.name, "\($0.opening)", "\($0.inQuantity)", "\($0.outQuantity)", "\($0.closing)"]
            })
            print("")
            Output.table(["DEPARTMENT", "UNITS", "COST"], ledger.departments.map { [$0.department, "\($0.units)", String(format: "%.2f", $0.cost)] })
        }
    }
}
