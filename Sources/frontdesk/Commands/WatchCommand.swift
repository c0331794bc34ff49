import ArgumentParser
import Foundation
import FrontDeskKit

/// `frontdesk watch …`: names and identity numbers that make a check-in wait for a lead.
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "watch", _superCommandName: "frontdesk", abstract: "The watch list: any desk user lists it; a lead adds and removes entries.",
                                                    subcommands: [Add.self, Remove.self, List.self])

    struct Add: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a name or identity number (lead only).")
        @OptionGroup var storeOptions: StoreOptions
        @Option var name: String?
        @Option(name: .customLong("id-number")) var idNumber: String?
        @Option var reason: String

        func run(store: Store) throws -> Reply {
            let rec = try store.commit { _, ctx in .addToWatchList(WatchEntry(name: name, idNumber: idNumber, reason: reason, addedBy: ctx.actor, addedAt: ctx.now)) }
            return .committed(rec, in: store)
        }
    }

    struct Remove: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove an entry, given as it was added: the same --name and/or --id-number (lead only).")
        @OptionGroup var storeOptions: StoreOptions
        @Option var name: String?
        @Option(name: .customLong("id-number")) var idNumber: String?

        func run(store: Store) throws -> Reply { .committed(try store.commit(.removeFromWatchList(name: name, idNumber: idNumber)), in: store) }
    }

    struct List: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Every entry (identity numbers masked except for admins).")
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var output: ListOutput

        func run(store: Store) throws -> Reply {
            let admin = store.state.hasRole(store.env.actingUser, .admin)
            func idText(_ s: String?) -> String { guard let s else { return "" }; return admin ? s : String(repeating: "•", count: max(0, s.count - 4)) + s.suffix(4) }
            return try .list(Array(store.state.watchList.enumerated()), output, ["NAME", "ID NUMBER", "REASON", "ADDED BY"], object: { i, w in
                ["id": "\(i + 1)", "name": w.name ?? NSNull(), "idNumber": w.idNumber.map(idText) ?? NSNull(), "reason": w.reason] as [String: Any]
            }, cells: { _, w in [w.name ?? "", idText(w.idNumber), w.reason, w.addedBy] })
        }
    }
}
