import ArgumentParser
import Foundation
import FrontDeskKit
import FrontDeskTUI

/// `frontdesk check`: every file of the store verified; a damaged one exits 4.
struct CheckCommand: StoreCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Verify every file of the store.")
    @OptionGroup var storeOptions: StoreOptions

    func run(store: Store) throws -> Reply {
        let results = store.check()
        for r in results { print(TerminalText.sanitize("\(r.ok ? "ok  " : "BAD ") \(r.file): \(r.detail)")) }
        let bad = results.filter { !$0.ok }
        if !bad.isEmpty {
            Outcome.say("frontdesk: \(bad.count) file(s) damaged: \(bad.map(\.file).joined(separator: ", ")). Restore them from backup; the journals under history/ hold every change.")
            throw ExitCode(4)
        }
        return .done
    }
}
