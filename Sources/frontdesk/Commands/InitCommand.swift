import ArgumentParser
import Foundation
import FrontDeskKit

/// `frontdesk init`: a new, empty store whose creator is its first admin.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create an empty store; you become its first admin.",
        discussion: "The directory is created group-shared (mode 2770); add colleagues to its group to share it."
    )
    @OptionGroup var storeOptions: StoreOptions
    @Flag(name: .long, help: "A training or test store: FRONTDESK_USER and FRONTDESK_NOW are honoured.")
    var allowOverrides = false

    func run() throws {
        let store = try Store.create(at: storeOptions.path, env: StoreOptions.processEnvironment(), allowOverrides: allowOverrides)
        Outcome.say("frontdesk: created \(allowOverrides ? "a training store (overrides allowed)" : "a store") at \(store.root); admin: \(store.env.unixUser); badges \(BadgePool.defaultCodes.first ?? "")–\(BadgePool.defaultCodes.last ?? "")")
    }
}
