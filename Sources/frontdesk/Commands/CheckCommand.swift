import ArgumentParser
import Foundation
import FrontDeskKit
import FrontDeskTUI

/// `frontdesk check`: every file of the store verified; a damaged one exits 4.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", _superCommandName: "frontdesk", abstract: "Verify every file of the store.")
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        // A store too damaged to open is checked too; claimed first like any store.
        let path = StoreOptions.resolved(storeOptions.path)
        try Privilege.claim(storeAt: path)
        var results = try Store.check(at: path)
        // The months' stock balances need a store that opens: checked once every file is sound.
        if results.allSatisfy(\.ok) { results.append(try storeOptions.open().checkStockBalances()) }
        for r in results { print(TerminalText.sanitize("\(r.ok ? "ok  " : "BAD ") \(r.file): \(r.detail)")) }
        let bad = results.filter { !$0.ok }
        if !bad.isEmpty {
            Outcome.say("frontdesk: \(bad.count) file(s) damaged: \(bad.map(\.file).joined(separator: ", ")). Restore them from backup; the journals under history/ hold every change.")
            throw ExitCode(4)
        }
    }
}
