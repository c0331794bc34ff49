import ArgumentParser
import Foundation
import FrontDeskKit

/// `frontdesk restore FILE DIR`: a backup verified whole, then written as a new store in DIR.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", _superCommandName: "frontdesk",
        abstract: "Restore a backup file into a new or empty directory, after verifying all of it.",
        discussion: """
        Every file's SHA-256, its path (store file names only) and size are verified before anything is written, \
        and a backup of a newer frontdesk is refused; on any failure nothing is left in DIR. Then the restored \
        store is checked as frontdesk check does. Hooks (commands run on events) are listed, not installed, \
        unless --hooks: a backup from someone else must not run commands as you.
        """)
    @Argument(help: ArgumentHelp("The backup file (written by frontdesk backup).", valueName: "FILE")) var file: String
    @Argument(help: ArgumentHelp("Where the store is restored: a new or empty directory.", valueName: "DIR")) var directory: String
    @Flag(name: .long, help: "Install the backup's hooks too (read them first: frontdesk restore lists them).") var hooks = false

    func run() throws {
        Privilege.dropPermanently()  // the restored store is the user's own
        let progress = ProgressLine()
        defer { progress.finish() }
        let r = try Backup.restore(from: file, into: directory, installHooks: hooks, progress: progress.report)
        progress.finish()
        let h = r.header
        for (event, command) in r.hooksLeftOut.sorted(by: { $0.key < $1.key }) {
            Outcome.say("frontdesk: hook not installed: \(event) → \(command) (set it again with frontdesk settings hook, or restore with --hooks)")
        }
        let results = try Store.check(at: r.directory)
        let bad = results.filter { !$0.ok }
        for b in bad { Outcome.say("frontdesk: BAD \(b.file): \(b.detail)") }
        if !bad.isEmpty {
            Outcome.say("frontdesk: restored \(h.files.count) files into \(r.directory), but check finds \(bad.count) damaged file(s): the store was like this when it was backed up. Try an older backup, or frontdesk recover --store \(r.directory).")
            throw ExitCode(4)
        }
        let store = try Store.open(at: r.directory, env: StoreOptions.processEnvironment())
        Outcome.say("frontdesk: restored \(h.files.count) files (\(h.totalBytes) bytes; backed up \(h.createdAt.formatted(.iso8601)) by \(h.createdBy), sequence \(h.seq)) into \(r.directory); check passes and the store opens at sequence \(store.seq).")
    }
}
