import ArgumentParser
import Foundation
import FrontDeskKit

/// `frontdesk init`: a new, empty store whose creator is its first admin.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", _superCommandName: "frontdesk",
        abstract: "Create an empty store; you become its first admin.",
        discussion: """
        A personal store (the default) is yours alone: the directory and history/ are mode 0700, every file 0600.
        A team store (--team, root only) belongs to a service account that desk users are not; every change
        goes through the installed set-uid frontdesk, which learns who acts from the kernel. See SECURITY.md.
        """
    )
    @OptionGroup var storeOptions: StoreOptions
    @Flag(name: .long, help: "A training or test store: FRONTDESK_USER and FRONTDESK_NOW are honoured (personal stores only).")
    var allowOverrides = false
    @Flag(name: .long, help: "A team store owned by a service account (root only; needs --store).")
    var team = false
    @Option(name: .long, help: ArgumentHelp("The team store's service account (created if absent).", valueName: "NAME"))
    var account = "frontdesk"
    @Option(name: .long, help: ArgumentHelp("The team store's first admin (default: $SUDO_USER).", valueName: "LOGIN"))
    var admin: String?

    func run() throws {
        if team { return try TeamSetup(options: self).run() }
        Privilege.dropPermanently()  // a personal store is created as you, never as an account
        let store = try Store.create(at: storeOptions.path, env: StoreOptions.processEnvironment(), allowOverrides: allowOverrides)
        Outcome.say("frontdesk: created \(allowOverrides ? "a training store (overrides allowed)" : "a store") at \(store.root); admin: \(store.env.unixUser); badges \(BadgePool.defaultCodes.first ?? "")–\(BadgePool.defaultCodes.last ?? "")")
    }
}
