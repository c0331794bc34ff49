import ArgumentParser
import Foundation
import FrontDeskKit

/// `stock counts --month YYYY-MM`: the month's stocktakes with their variances.
struct StocktakesCommand: StoreCommand {
    static let configuration = CommandConfiguration(commandName: "counts", abstract: "A month's stocktakes (default: this month): books, counted, variance, reason.")
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var listing: MonthListing

    func run(store: Store) throws -> Reply {
        let tz = store.env.timeZone
        let start = try listing.month?.start(store.env)
            ?? store.env.calendar.dateInterval(of: .month, for: store.env.now())?.start ?? store.env.now()
        let list = StocktakeList(state: store.state, moves: try store.moves(since: start), month: start, calendar: store.env.calendar)
        return try .list(list.lines, listing.output, ["ID", "WHEN", "SKU", "NAME", "BOOKS", "COUNTED", "VARIANCE", "REASON", "BY"], object: { l in
            ["id": l.moveID, "status": l.variance == 0 ? "matches" : "variance", "at": Output.iso(l.at), "sku": l.sku, "books": l.books,
             "counted": l.counted, "variance": l.variance, "reason": l.reason, "by": l.by]
        }, cells: { l in
            [l.moveID, Clock.dayHM(l.at, tz), l.sku, l.name, "\(l.books)", "\(l.counted)", (l.variance > 0 ? "+" : "") + "\(l.variance) \(l.unit)",
             l.reason, store.state.displayName(l.by)]
        })
    }
}
