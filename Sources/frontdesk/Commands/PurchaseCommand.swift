import ArgumentParser
import Foundation
import FrontDeskKit

/// `frontdesk purchase …`: purchase requests with compared quotes, routed to approval.
struct PurchaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purchase", _superCommandName: "frontdesk", abstract: "Purchase requests: quotes compared, then approval, then receipt.",
        subcommands: [Request.self, List.self, Quotes.self, PurchaseCompare.self])

    struct Request: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "request", abstract: "Request a purchase with at least 3 quotes; prints the purchase id (its approval id on stderr).",
            discussion: "--quote SUPPLIER:PRICE:DAYS[:QUALITY], repeated. The cheapest is chosen unless --choose names another supplier (then --why is required). --urgent with one quote from the designated supplier is allowed up to the small-purchase limit.")
        @OptionGroup var storeOptions: StoreOptions
        @Option(completion: Completions.skus) var sku: String
        @Option(parsing: .unconditional) var qty: Int
        @Option(help: ArgumentHelp("A supplier's quote, repeatable.", valueName: "SUPPLIER:PRICE:DAYS[:QUALITY]")) var quote: [Quote] = []
        @Option(help: "The supplier to buy from (default: the cheapest).") var choose: String?
        @Option(help: "Why not the cheapest, or why a special item is needed.") var why: String?
        @Flag var urgent = false

        /// The index of the `--choose`n quote; nil for the cheapest.
        var chosen: Int? { choose.flatMap { c in quote.firstIndex { $0.supplier.lowercased() == c.lowercased() } } }

        func validate() throws {
            try Check.positive(qty, "--qty")
            guard !quote.isEmpty else { throw ValidationError("Give at least one --quote SUPPLIER:PRICE:DAYS.") }
            if let c = choose, chosen == nil { throw ValidationError("--choose \(c) is not one of the quoted suppliers.") }
        }

        func run(store: Store) throws -> Reply {
            let rec = try store.commit { s, ctx in
                s.purchaseRequest(sku: sku, quantity: qty, quotes: quote, chosen: chosen, justification: why, urgent: urgent, ctx)
            }
            guard case .requestPurchase(let p, let a) = rec.change else { return .committed(rec, in: store) }
            let by = a.approvers.isEmpty ? "" : " by " + a.approvers.map { store.state.describeStep($0) }.joined(separator: " then ")
            return Reply(records: [rec], stdout: [p.id], notes: ["\(p.id) waits for approval \(a.id) (\(String(format: "%.2f", p.amount)))\(by)."])
        }
    }

    struct List: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Purchase requests with their quotes side by side.")
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var output: ListOutput

        func run(store: Store) throws -> Reply {
            let rows = store.state.purchases.values.sorted { $0.createdAt > $1.createdAt }
            return try .list(rows, output, ["ID", "SKU", "QTY", "QUOTES (price/days)", "CHOSEN", "AMOUNT", "APPROVAL", "STATUS"], object: { p in
                ["id": p.id, "status": p.status.rawValue, "sku": p.sku, "quantity": p.quantity, "amount": p.amount, "approvalId": p.approvalID,
                 "chosen": p.chosenQuote?.supplier ?? NSNull(), "received": p.receivedQuantity,
                 "quotes": p.quotes.map { ["supplier": $0.supplier, "unitPrice": $0.unitPrice, "leadDays": $0.leadDays] }] as [String: Any]
            }, cells: { p in
                [p.id, p.sku, "\(p.quantity)", p.quotes.map { "\($0.supplier) \(String(format: "%.2f", $0.unitPrice))/\($0.leadDays)d" }.joined(separator: " | "),
                 p.chosenQuote?.supplier ?? "", String(format: "%.2f", p.amount), p.approvalID, p.status.rawValue]
            })
        }
    }

    /// `purchase quotes [ID] [--format table|csv|json]`: the price-comparison sheet, one row per quote.
    struct Quotes: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "quotes", abstract: "The quotes of purchase requests side by side, one row per quote (the price-comparison sheet).",
            discussion: "Without an id: every purchase request, newest first. --format csv gives the sheet to open in a spreadsheet.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "Only this purchase request.") var id: String?
        @OptionGroup var output: ListOutput

        func run(store: Store) throws -> Reply {
            if let id, store.state.purchases[id] == nil {
                throw Refusal.invalid("No purchase request \(id) (frontdesk purchase list).", zh: "没有采购申请 \(id)（frontdesk purchase list）。")
            }
            let purchases = store.state.purchases.values.filter { id == nil || $0.id == id }.sorted { $0.createdAt > $1.createdAt }
            let rows = purchases.flatMap { p in p.quotes.enumerated().map { (p, $0.offset, $0.element) } }
            func object(_ p: PurchaseRequest, _ i: Int, _ q: Quote) -> [String: Any] {
                let isChosen: Bool = i == p.chosen
                let total: Double = (q.unitPrice * Double(p.quantity) * 100).rounded() / 100
                let why: Any = isChosen ? p.justification ?? NSNull() : NSNull()
                return ["id": "\(p.id).\(i + 1)", "purchase": p.id, "sku": p.sku, "quantity": p.quantity, "supplier": q.supplier,
                        "unitPrice": q.unitPrice, "leadDays": q.leadDays, "quality": q.quality ?? NSNull(), "total": total, "chosen": isChosen, "why": why]
            }
            func cells(_ p: PurchaseRequest, _ i: Int, _ q: Quote) -> [String] {
                let price: String = String(format: "%.2f", q.unitPrice), total: String = String(format: "%.2f", q.unitPrice * Double(p.quantity))
                return ["\(p.id).\(i + 1)", p.id, p.sku, "\(p.quantity)", q.supplier, price, "\(q.leadDays)", q.quality ?? "", total, i == p.chosen ? "✓" : ""]
            }
            func sheet(_ p: PurchaseRequest, _ i: Int, _ q: Quote) -> [String] {
                let isChosen: Bool = i == p.chosen
                let price: String = String(format: "%.2f", q.unitPrice), total: String = String(format: "%.2f", q.unitPrice * Double(p.quantity))
                let name: String = store.state.items[p.sku]?.name ?? ""
                let why: String = isChosen ? p.justification ?? "" : ""
                return ["\(p.id).\(i + 1)", p.id, p.sku, name, "\(p.quantity)", q.supplier, price, "\(q.leadDays)", q.quality ?? "", total,
                        isChosen ? "yes" : "no", why]
            }
            let header = ["QUOTE", "PURCHASE", "SKU", "QTY", "SUPPLIER", "PRICE", "DAYS", "QUALITY", "TOTAL", "CHOSEN"]
            let sheetHeader = ["quote", "purchase", "sku", "name", "quantity", "supplier", "unitPrice", "leadDays", "quality", "total", "chosen", "why"]
            return try .list(rows, output, header, object: { object($0.0, $0.1, $0.2) }, cells: { cells($0.0, $0.1, $0.2) },
                             csv: (sheetHeader, { sheet($0.0, $0.1, $0.2) }))
        }
    }
}
