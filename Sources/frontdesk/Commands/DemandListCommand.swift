import ArgumentParser
import Foundation
import FrontDeskKit

/// `stock demand list [--month YYYY-MM]`: departments' recorded needs.
struct DemandListCommand: StoreCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Departments' demand for the month the supplies are for (default: every month).")
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var listing: MonthListing

    func run(store: Store) throws -> Reply {
        let list = DemandList(state: store.state, month: listing.month?.text)
        return try .list(list.entries, listing.output, ["ID", "MONTH", "DEPARTMENT", "SKU", "QTY", "BUDGET", "WHY"], object: { d in
            ["id": d.id, "month": d.month, "department": d.department, "sku": d.sku, "quantity": d.quantity,
             "justification": d.justification ?? NSNull(), "budget": d.budget ?? NSNull(), "by": d.by, "at": Output.iso(d.at)]
        }, cells: { d in
            [d.id, d.month, d.department, d.sku, "\(d.quantity) \(store.state.items[d.sku]?.unit ?? "")",
             d.budget.map { String(format: "%.2f", $0) } ?? "", d.justification ?? ""]
        })
    }
}
