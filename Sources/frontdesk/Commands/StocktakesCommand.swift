import ArgumentParser
import Foundation
import FrontDeskKit

/// `stock counts --month YYYY-MM`: the month's stocktakes with their variances.
struct StocktakesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "counts", abstract: "A month's stocktakes: books, counted, variance, reason.")
    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "YYYY-MM (default this month)") var month: String?
    @Flag var json = false

    func run() throws {
        let store = try storeOptions.open()
        let tz = store.env.timeZone
        let start = try month.map { try Parse.month($0, tz) }
            ?? store.env.calendar.dateInterval(of: .month, for: store.env.now())?.start ?? store.env.now()
        let list = StocktakeList(state: store.state, moves: try store.moves(since: start), month: start, calendar: store.env.calendar)
        if json {
            try Output.json(list.lines.map { l in
                ["id": l.moveID, "status": l.variance == 0 ? "matches" : "variance", "at": Output.iso(l.at), "sku": l.sku, "books": l.books,
                 "counted": l.counted, "variance": l.variance, "reason": l.reason, "by": l.by] as [String: Any]
            })
        } else {
            Output.table(["ID", "WHEN", "SKU", "NAME", "BOOKS", "COUNTED", "VARIANCE", "REASON", "BY"], list.lines.map { l in
                [l.moveID, Clock.dayHM(l.at, tz), l.sku, l.name, "\(l.books)", "\(l.counted)", (l.variance > 0 ? "+" : "") + "\(l.variance) \(l.unit)",
                 l.reason, store.state.displayName(l.by)]
            })
        }
    }
}
