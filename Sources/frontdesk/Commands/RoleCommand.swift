import ArgumentParser
import Foundation
import FrontDeskKit

/// `frontdesk role …`: who may do what (admin to change).
struct RoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "role", _superCommandName: "frontdesk", abstract: "Roles: frontdesk, lead, approver, admin.",
                                                    subcommands: [Grant.self, Revoke.self, List.self])

    /// On a working store a role goes only to a real Unix user or group.
    static func checkUser(_ user: String, _ store: Store) throws {
        if store.meta.allowOverrides { return }
        if getpwnam(user) == nil && getgrnam(user) == nil {
            throw UsageError("\(user) is not a Unix user or group on this machine.")
        }
    }

    struct Grant: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "grant", abstract: "Grant a role (admin only).")
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "A Unix user or group.") var user: String
        @Argument(help: "The role to grant.") var role: Role

        func run(store: Store) throws -> Reply {
            try RoleCommand.checkUser(user, store)
            return .committed(try store.commit(.grantRole(user: user, role: role)), in: store)
        }
    }

    struct Revoke: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke a role (admin only).")
        @OptionGroup var storeOptions: StoreOptions
        @Argument var user: String
        @Argument(help: "The role to take away.") var role: Role

        func run(store: Store) throws -> Reply { .committed(try store.commit(.revokeRole(user: user, role: role)), in: store) }
    }

    struct List: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Who holds which role.")
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var output: ListOutput

        func run(store: Store) throws -> Reply {
            try .list(store.state.roles.sorted { $0.key < $1.key }, output, ["USER", "ROLES"], object: {
                ["id": $0.key, "roles": $0.value.map(\.rawValue)]
            }, cells: { [$0.key, $0.value.map(\.rawValue).joined(separator: ", ")] })
        }
    }
}
