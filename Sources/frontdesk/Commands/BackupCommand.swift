import ArgumentParser
import Foundation
import FrontDeskKit

/// `frontdesk backup FILE`: every file of the store in one verified file, taken under the store lock.
struct BackupCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", _superCommandName: "frontdesk",
        abstract: "Write every file of the store into one backup file (consistent while others write).",
        discussion: """
        The store's files are read under its lock, so the backup holds no half-made change; FILE is written \
        beside itself and renamed into place (an existing FILE is replaced only by a complete backup), mode 0600 \
        because it holds visitors' personal data. Restore it with: frontdesk restore FILE DIR.
        Nightly, keeping 30 days (crontab -e):
          15 2 * * * frontdesk backup --store ~/desk ~/backups/frontdesk-$(date +\\%F).fdbackup && find ~/backups -name 'frontdesk-*.fdbackup' -mtime +30 -delete
        """)
    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: ArgumentHelp("The backup file to write.", valueName: "FILE")) var file: String

    func run(store: Store) throws -> Reply {
        let progress = ProgressLine()
        defer { progress.finish() }
        let s = try store.backup(to: file, progress: progress.report)
        progress.finish()
        let h = s.header
        return Reply(notes: ["backed up \(h.files.count) files (\(s.bytes) bytes, generation \(h.generation), sequence \(h.seq)) to \(s.file); restore with: frontdesk restore \(s.file) DIR"])
    }
}
