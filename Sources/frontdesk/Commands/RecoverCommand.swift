import ArgumentParser
import Foundation
import FrontDeskKit
import FrontDeskTUI

/// `frontdesk recover`: after damage, says what was lost, then rebuilds what can be rebuilt.
struct RecoverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recover", _superCommandName: "frontdesk",
        abstract: "Say what damage lost and rebuild what can be rebuilt (a dry run unless --apply).",
        discussion: """
        Cuts a damaged journal back to its last good record (the rest is kept in damaged.* files), starts an emptied \
        current journal again, rebuilds a missing snapshot or month segment from the journals when they are all there, \
        and writes the manifest with the losses recorded, so check reports them. Exit 0 when the store is usable \
        afterwards, 4 when only a backup can help.
        """)
    @OptionGroup var storeOptions: StoreOptions
    @Flag(name: .long, help: "Make the changes; without it nothing is written.") var apply = false

    func run() throws {
        let r = try Store.recover(at: storeOptions.path, env: StoreOptions.processEnvironment(), apply: apply)
        if r.lost.isEmpty && r.actions.isEmpty {
            print("frontdesk: nothing to recover: every file is where the manifest says.")
            return
        }
        print(r.lost.isEmpty ? "Nothing was lost." : "Lost:")
        for l in r.lost { print(TerminalText.sanitize("  - \(l)")) }
        print(apply ? "Done:" : "Would do (run again with --apply):")
        for a in r.actions { print(TerminalText.sanitize("  - \(a)")) }
        if !r.recoverable {
            Outcome.say("frontdesk: the store cannot be made usable from what is left; restore it from backup.")
            throw ExitCode(4)
        }
    }
}
