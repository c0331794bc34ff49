import ArgumentParser
import Foundation
import FrontDeskKit

/// `frontdesk badge …`: the pool of visitor badges.
struct BadgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "badge", _superCommandName: "frontdesk", abstract: "The visitor badge pool.", subcommands: [Add.self, List.self])

    struct Add: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add badges to the pool.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument var codes: [String]

        func run(store: Store) throws -> Reply { .committed(try store.commit(.addBadges(codes)), in: store) }
    }

    struct List: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Every badge and who has it.")
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var output: ListOutput

        func run(store: Store) throws -> Reply {
            let s = store.state
            let badges = s.badges.values.sorted { ($0.id.count, $0.id) < ($1.id.count, $1.id) }
            return try .list(badges, output, ["BADGE", "STATUS", "WITH"], object: {
                ["id": $0.id, "status": $0.state.rawValue, "visitorId": $0.visitorID ?? NSNull(), "issuedAt": Output.iso($0.issuedAt)] as [String: Any]
            }, cells: { b in
                [b.id, b.state.rawValue, b.state == .available ? "" : b.visitorID.map { "\(s.visitors[$0]?.name ?? "") (\($0))" } ?? ""]
            })
        }
    }
}
