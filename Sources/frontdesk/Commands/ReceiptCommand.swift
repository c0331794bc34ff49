import ArgumentParser
import Foundation
import FrontDeskKit

/// `stock receipt show ID`: a delivery's acceptance record.
struct ReceiptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "receipt", abstract: "Deliveries booked in, with their acceptance records.",
                                                    subcommands: [Show.self])

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "One delivery's acceptance record: ordered, delivered, accepted, checks, inspector.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "The receipt's move id (printed by stock receive).") var id: String
        @Flag(help: .json) var json = false

        func run() throws {
            let store = try storeOptions.open()
            let found = try store.stockMove(id: id)
            guard let m = found, m.kind == .receive else { throw Refusal.invalid("No delivery \(id) (the id printed by stock receive).", zh: "没有入库记录 \(id)（即 stock receive 打印的编号）。") }
            let tz = store.env.timeZone
            // Receipts booked before acceptance records existed still show their counts.
            let a = m.acceptance ?? Acceptance(ordered: nil, delivered: m.countedQuantity ?? m.quantity, accepted: m.quantity,
                                               specificationMatches: true, qualityPassed: true, notes: m.reason, inspector: m.by)
            let unit = store.state.items[m.sku]?.unit ?? ""
            if json {
                try Output.json([["id": m.id, "status": a.accepted == a.delivered && a.specificationMatches && a.qualityPassed ? "accepted" : "partly rejected",
                                  "sku": m.sku, "at": Output.iso(m.at), "by": m.by, "supplier": m.supplier ?? NSNull(),
                                  "purchaseId": m.purchaseID ?? NSNull(), "unitPrice": m.unitPrice ?? NSNull(), "ordered": a.ordered ?? NSNull(),
                                  "delivered": a.delivered, "accepted": a.accepted, "rejected": a.rejected,
                                  "specificationMatches": a.specificationMatches, "qualityPassed": a.qualityPassed,
                                  "notes": a.notes ?? NSNull(), "inspector": a.inspector] as [String: Any]])
                return
            }
            let rows: [(String, String?)] = [
                ("receipt", m.id), ("item", "\(store.state.items[m.sku]?.name ?? m.sku) (\(m.sku))"), ("received", Clock.dayHM(m.at, tz)),
                ("booked by", store.state.displayName(m.by)), ("supplier", m.supplier), ("purchase", m.purchaseID),
                ("unit price", m.unitPrice.map { String(format: "%.2f", $0) }), ("ordered", a.ordered.map { "\($0) \(unit)" }),
                ("delivered", "\(a.delivered) \(unit)"), ("accepted", "\(a.accepted) \(unit)"), ("rejected", "\(a.rejected) \(unit)"),
                ("specification", a.specificationMatches ? "matches" : "does not match"), ("quality", a.qualityPassed ? "passed" : "failed"),
                ("notes", a.notes), ("inspector", store.state.displayName(a.inspector)),
            ]
            Output.table(["FIELD", "VALUE"], rows.compactMap { k, v in v.flatMap { $0.isEmpty ? nil : [k, $0] } })
        }
    }
}
