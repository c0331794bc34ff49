import ArgumentParser
import Foundation
import FrontDeskInterchange
import FrontDeskKit

/// `frontdesk stock …`: supply items, their moves, month-end demand, the purchase plan and the ledger.
/// Quantity options parse unconditionally, so `--qty -5` is the number −5 and is refused in words.
struct StockCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stock", _superCommandName: "frontdesk", abstract: "Office supplies: items, receipts, issues, counts.",
        subcommands: [ItemCommand.self, Receive.self, Issue.self, Return.self, WriteOff.self, Count.self, List.self, Moves.self,
                      DemandCommand.self, PlanCommand.self, LedgerCommand.self, ReceiptCommand.self, StocktakesCommand.self, Import.self])

    /// A command that records one stock move, built by the supply process from what was typed,
    /// and prints the move's id (K…) alone on stdout.
    protocol OneMove: StoreCommand {
        func move(_ state: OfficeState, _ ctx: RuleContext) -> Change
    }

    /// `--sku` and `--qty` of a one-item move; the quantity is a count of units, more than zero.
    struct ItemQuantity: ParsableArguments {
        @Option(completion: Completions.skus) var sku: String
        @Option(parsing: .unconditional, help: "How many units.") var qty: Int
        func validate() throws { try Check.positive(qty, "--qty") }
    }

    struct Return: OneMove {
        static let configuration = CommandConfiguration(commandName: "return", abstract: "Units a department brings back into stock.")
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var units: ItemQuantity
        @Option(help: "The department bringing them back.") var dept: String

        func move(_ s: OfficeState, _ ctx: RuleContext) -> Change { s.stockReturn(sku: units.sku, quantity: units.qty, department: dept, ctx) }
    }

    struct WriteOff: OneMove {
        static let configuration = CommandConfiguration(commandName: "writeoff", abstract: "Write off damaged or expired units, with the reason.")
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var units: ItemQuantity
        @Option(help: "Damaged, expired, …") var reason: String

        func move(_ s: OfficeState, _ ctx: RuleContext) -> Change { s.writeOff(sku: units.sku, quantity: units.qty, reason: reason, ctx) }
    }

    struct ItemCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "item", abstract: "Supply items.", subcommands: [Add.self])
        struct Add: StoreCommand {
            static let configuration = CommandConfiguration(commandName: "add", abstract: "Add an item; prints its SKU.")
            @OptionGroup var storeOptions: StoreOptions
            @Option(completion: Completions.skus) var sku: String
            @Option var name: String
            @Option var unit: String
            @Option(name: .customLong("reorder-at"), parsing: .unconditional) var reorderAt: Int
            @Option(parsing: .unconditional) var target: Int
            @Option(parsing: .unconditional) var price: Double?
            @Option var category: String = "general"
            @Option(help: ArgumentHelp("Preferred supplier, repeatable.", valueName: "SUPPLIER:PRICE:DAYS")) var supplier: [Quote] = []
            @Flag(help: "A special item (custom gift, equipment): planned with a justification and budget.") var special = false

            func run(store: Store) throws -> Reply {
                let offers = supplier.map { SupplierOffer(supplier: $0.supplier, unitPrice: $0.unitPrice, leadDays: $0.leadDays) }
                let rec = try store.commit(.addItem(SupplyItem(sku: sku, name: name, unit: unit, category: category, reorderAt: reorderAt,
                                                               target: target, unitPrice: price ?? offers.first?.unitPrice, suppliers: offers,
                                                               special: special)))
                return .committed(rec, in: store, created: sku)
            }
        }
    }

    struct Receive: OneMove {
        static let configuration = CommandConfiguration(commandName: "receive", abstract: "Book a delivery in after acceptance; only the accepted quantity enters stock.")
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var counted: CountedQuantity
        @Option var supplier: String
        @Option(name: .customLong("unit-price"), parsing: .unconditional) var unitPrice: Double
        @Option(name: .customLong("reject-qty"), parsing: .unconditional, help: "Units rejected at acceptance.") var rejectQty: Int = 0
        @Option(help: "Why units were rejected.") var reason: String?
        @Option(help: "The approved purchase this delivery is for.") var purchase: String?
        @Flag(name: .customLong("spec-mismatch"), help: "The delivery does not match the specification (say why in --reason).") var specMismatch = false
        @Flag(name: .customLong("quality-failed"), help: "The quality check failed (say why in --reason).") var qualityFailed = false
        @Option(help: "Who inspected the delivery (default: you).") var inspector: String?

        func validate() throws {
            guard rejectQty >= 0, rejectQty <= counted.qty else {
                throw ValidationError("--reject-qty must be between 0 and --qty (\(counted.qty)), got \(rejectQty).")
            }
            if rejectQty > 0 && (reason ?? "").isEmpty { throw ValidationError("Give --reason for the rejected units.") }
        }

        func move(_ s: OfficeState, _ ctx: RuleContext) -> Change {
            s.receipt(sku: counted.sku, counted: counted.qty, rejected: rejectQty, reason: reason, unitPrice: unitPrice, supplier: supplier,
                      purchaseID: purchase, specificationMatches: !specMismatch, qualityPassed: !qualityFailed, inspector: inspector, ctx)
        }
    }

    struct Issue: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "issue", abstract: "Issue to a department; the recipient signs. More than on hand exits 3.")
        @OptionGroup var storeOptions: StoreOptions
        @Option(completion: Completions.skus) var sku: String?
        @Option(parsing: .unconditional) var qty: Int?
        @Option(help: ArgumentHelp("Several items in one sign-off (all or nothing), repeatable.", valueName: "SKU:QTY")) var item: [StockLine] = []
        @Option var dept: String
        @Option(help: "The person who signs for it.") var to: String

        /// Every line of the issue: `--sku`/`--qty` first, then each `--item`.
        var lines: [StockLine] { (sku.flatMap { s in qty.map { StockLine(sku: s, quantity: $0) } }.map { [$0] } ?? []) + item }

        func validate() throws {
            if (sku == nil) != (qty == nil) { throw ValidationError("--sku and --qty go together.") }
            if lines.isEmpty { throw ValidationError("Give --sku and --qty, or --item SKU:QTY.") }
            try Check.positive(qty, "--qty")
            for l in item where l.quantity <= 0 { throw ValidationError("--item \(l.sku):\(l.quantity): the quantity must be a positive number.") }
        }

        func run(store: Store) throws -> Reply {
            let records = try store.commitBatch { s, ctx in
                var trial = s
                return lines.map { l in
                    let c = trial.issue(sku: l.sku, quantity: l.quantity, department: dept, recipient: to, ctx)
                    trial.apply(c)
                    return c
                }
            }
            return .committed(records, in: store, created: records.map(\.change.subject))
        }
    }

    struct Count: OneMove {
        static let configuration = CommandConfiguration(commandName: "count", abstract: "Stocktake: record the counted quantity; the variance is booked with the reason and printed.")
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var counted: CountedQuantity
        @Option(help: "Why the count differs from the books.") var reason: String

        func move(_ s: OfficeState, _ ctx: RuleContext) -> Change { s.stocktake(sku: counted.sku, counted: counted.qty, reason: reason, ctx) }
    }


    struct List: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Items with on hand against reorder point and target; below reorder first.")
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var output: ListOutput

        func run(store: Store) throws -> Reply {
            let levels = StockLevels(state: store.state, now: store.env.now(), calendar: store.env.calendar)
            return try .list(levels.rows, output, ["SKU", "NAME", "ON HAND", "REORDER", "TARGET", "COVER", "FLAGS"], object: { r in
                ["id": r.item.sku, "status": r.flags.contains(.outOfStock) ? "out" : r.flags.contains(.belowReorder) ? "low" : "ok",
                 "sku": r.item.sku, "name": r.item.name, "unit": r.item.unit, "onHand": r.onHand, "reorderAt": r.item.reorderAt,
                 "target": r.item.target, "flags": r.flags.map(\.rawValue), "dailyUse": (r.dailyUse * 100).rounded() / 100,
                 "daysOfCover": r.coverDays ?? NSNull()] as [String: Any]
            }, cells: { r in
                [r.item.sku, r.item.name, "\(r.onHand) \(r.item.unit)", "\(r.item.reorderAt)", "\(r.item.target)",
                 r.coverDays.map { "\($0) d" } ?? "–", r.flags.map(\.rawValue).joined(separator: ",")]
            }, csv: (StockItemSheet.header + ["onHand", "daysOfCover", "flags"], { r in
                StockItemSheet.cells(r.item) + ["\(r.onHand)", r.coverDays.map { "\($0)" } ?? "", r.flags.map(\.rawValue).joined(separator: " ")]
            }))
        }
    }
}

extension StockCommand {
    struct Moves: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "moves", abstract: "The stock moves of a day or a range of days, with the balance after each.",
            discussion: "Default today. --sku keeps one item. ON HAND is the item's stock just after the move: the balance at the start of the first day (the month's opening stock plus its moves before that day) plus the moves listed up to it.")
        @OptionGroup var storeOptions: StoreOptions
        @Option(help: "Only this item.") var sku: String?
        @OptionGroup var days: DaysOption
        @OptionGroup var output: ListOutput

        func run(store: Store) throws -> Reply {
            let env = store.env, tz = env.timeZone
            if let sku, store.state.items[sku] == nil { throw Refusal.invalid("No item \(sku) (frontdesk stock list shows every SKU).") }
            let period = try days.period(env)
            let rows = try store.stockMoveRows(sku: sku, from: period.start, to: period.end)
            let when = WhenText(period: period, tz: tz, calendar: env.calendar)
            return try .list(rows, output, ["ID", "WHEN", "SKU", "KIND", "QTY", "ON HAND", "DEPT/SUPPLIER", "BY", "REASON"], object: { r in
                let m = r.move
                return ["id": m.id, "sku": m.sku, "kind": m.kind.rawValue, "quantity": m.quantity, "at": Output.iso(m.at),
                        "by": m.by, "department": m.department ?? NSNull(), "recipient": m.recipient ?? NSNull(), "supplier": m.supplier ?? NSNull(),
                        "unitPrice": m.unitPrice ?? NSNull(), "reason": m.reason ?? NSNull(), "onHandAfter": r.onHandAfter] as [String: Any]
            }, cells: { r in
                let m = r.move
                return [m.id, when.at(m.at), m.sku, m.kind.rawValue, m.quantity > 0 ? "+\(m.quantity)" : "\(m.quantity)", "\(r.onHandAfter)",
                        m.department ?? m.supplier ?? "", store.state.displayName(m.by), m.reason ?? ""]
            }, csv: (["id", "at", "sku", "kind", "quantity", "onHandAfter", "department", "recipient", "supplier", "unitPrice", "by", "byName", "reason"], { r in
                let m = r.move
                return [m.id, Clock.dayHM(m.at, tz), m.sku, m.kind.rawValue, "\(m.quantity)", "\(r.onHandAfter)", m.department ?? "", m.recipient ?? "",
                        m.supplier ?? "", m.unitPrice.map { String(format: "%.2f", $0) } ?? "", m.by, store.state.displayName(m.by), m.reason ?? ""]
            }))
        }
    }
}

// The month-end subcommands of `stock`, as top-level types so their own subcommands can be added in other files.

struct DemandCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "demand", abstract: "Departments' requests for next month.",
                                                    subcommands: [Add.self, DemandListCommand.self])
    struct Add: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Record a department's need for a month; prints its id.")
        @OptionGroup var storeOptions: StoreOptions
        @Option var dept: String
        @Option(completion: Completions.skus) var sku: String
        @Option(parsing: .unconditional) var qty: Int
        @Option(help: ArgumentHelp("The month the department needs it in.", valueName: "YYYY-MM")) var month: YearMonth
        @Option(help: "Special items: why it is needed.") var why: String?
        @Option(parsing: .unconditional, help: "Special items: the budget.") var budget: Double?

        func run(store: Store) throws -> Reply {
            let rec = try store.commit { s, ctx in
                .addDemand(DemandEntry(id: ctx.env.ids.next(.demand, in: s), department: dept, sku: sku, quantity: qty, month: month.text,
                                       justification: why, budget: budget, by: ctx.actor, at: ctx.now))
            }
            return .committed(rec, in: store, created: rec.change.subject)
        }
    }
}

struct PlanCommand: StoreCommand {
    static let configuration = CommandConfiguration(commandName: "plan", abstract: "The month's purchase proposal: demand, use, stock and orders, up to target.")
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var report: MonthReport

    func run(store: Store) throws -> Reply {
        let plan = ReorderProposal(state: store.state, month: report.month.text, now: store.env.now(), calendar: store.env.calendar)
        let listed = try Reply.list(plan.lines, report.output, ["SKU", "NAME", "DEMAND", "AVG USE/MO", "ON HAND", "ON ORDER", "TARGET", "PROPOSE", "NOTE"], object: { l in
            ["id": l.sku, "status": l.needsJustification ? "needsJustification" : "proposed", "sku": l.sku, "demand": l.demand,
             "averageMonthlyUse": (l.averageMonthlyUse * 10).rounded() / 10, "onHand": l.onHand, "onOrder": l.onOrder,
             "target": l.target, "proposed": l.proposed] as [String: Any]
        }, cells: { l in
            [l.sku, l.name, "\(l.demand)", String(format: "%.1f", l.averageMonthlyUse), "\(l.onHand)", "\(l.onOrder)", "\(l.target)",
             "\(l.proposed) \(l.unit)", l.needsJustification ? "special: justification and budget needed" : ""]
        })
        return report.output.resolved != .table ? listed : Reply(notes: [String(format: "proposal for %@ totals %.2f at list prices.", report.month.text, plan.total)])
    }
}

struct LedgerCommand: StoreCommand {
    static let configuration = CommandConfiguration(commandName: "ledger", abstract: "The monthly ledger: opening, in, out, closing; use and cost per department.")
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var report: MonthReport

    func run(store: Store) throws -> Reply {
        let start = try report.month.start(store.env)
        let ledger = try store.stockLedger(month: start)
        if report.json {
            try Output.jsonObject(["month": ledger.month,
                                   "lines": ledger.lines.map { l in
                                       ["sku": l.sku, "name": l.name, "opening": l.opening, "in": l.inQuantity, "out": l.outQuantity,
                                        "closing": l.closing, "reconciles": l.reconciles] as [String: Any] },
                                   "departments": ledger.departments.map { d in
                                       ["department": d.department, "units": d.units, "cost": (d.cost * 100).rounded() / 100] as [String: Any] }])
            return .done
        }
        if report.output.resolved == .csv {
            // Two blocks, as a report's sections: the items, then use and cost per department.
            Spreadsheet.print([
                SpreadsheetTable(header: ["month", "sku", "name", "opening", "in", "out", "closing", "reconciles"],
                                 rows: ledger.lines.map { [ledger.month, $0.sku, $0.name, "\($0.opening)", "\($0.inQuantity)", "\($0.outQuantity)",
                                                           "\($0.closing)", $0.reconciles ? "yes" : "no"] }),
                SpreadsheetTable(header: ["month", "department", "units", "cost"],
                                 rows: ledger.departments.map { [ledger.month, $0.department, "\($0.units)", String(format: "%.2f", $0.cost)] }),
            ], bom: !report.output.noBOM)
            return .done
        }
        _ = Reply.table(["SKU", "NAME", "OPENING", "IN", "OUT", "CLOSING"],
                        ledger.lines.map { [$0.sku, $0.name, "\($0.opening)", "\($0.inQuantity)", "\($0.outQuantity)", "\($0.closing)"] })
        print("")
        return .table(["DEPARTMENT", "UNITS", "COST"], ledger.departments.map { [$0.department, "\($0.units)", String(format: "%.2f", $0.cost)] })
    }
}

extension StockCommand.OneMove {
    func run(store: Store) throws -> Reply {
        let rec = try store.commit(move)
        return .committed(rec, in: store, created: rec.change.subject)
    }
}
