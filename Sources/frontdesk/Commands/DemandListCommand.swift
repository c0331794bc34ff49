import ArgumentParser
import Foundation
import FrontDeskKit

/// `stock demand list [--month YYYY-MM]`: departments' recorded needs.
struct DemandListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Departments' demand, for one month or all.")
    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "YYYY-MM: the month the supplies are for (default every month).") var month: String?
    @Flag var json = false

    func run() throws {
        let store = try storeOptions.open()
        if let month { _ = try Parse.month(month, store.env.timeZone) }
        let list = DemandList(state: store.state, month: month)
        if json {
            try Output.json(list.entries.map { d in
                ["id": d.id, "status": "recorded", "month": d.month, "department": d.department, "sku": d.sku, "quantity": d.quantity,
                 "justification": d.justification ?? NSNull(), "budget": d.budget ?? NSNull(), "by": d.by, "at": Output.iso(d.at)] as [String: Any]
            })
        } else {
            Output.table(["ID", "MONTH", "DEPARTMENT", "SKU", "QTY", "BUDGET", "WHY"], list.entries.map { d in
                [d.id, d.month, d.department, d.sku, "\(d.quantity) \(store.state.items[d.sku]?.unit ?? "")",
                 d.budget.map { String(format: "%.2f", $0) } ?? "", d.justification ?? ""]
            })
        }
    }
}
