import ArgumentParser
import Foundation
import FrontDeskKit

/// `frontdesk compact`: closed records into month segments, a new journal generation.
struct CompactCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "compact", _superCommandName: "frontdesk",
        abstract: "Move closed records into month segments and start a new journal generation.")
    @OptionGroup var storeOptions: StoreOptions

    func run(store: Store) throws -> Reply {
        // A line on stderr while segments are written, when stderr is a terminal; erased before the reply.
        let progress = ProgressLine()
        defer { progress.finish() }
        let r = try store.compact(progress: progress.report)
        progress.finish()
        return Reply(notes: ["archived \(r.archived) closed records into \(r.segmentsWritten.count) month segment(s); \(r.kept) records stay in the working set; generation \(r.generation); personal data purged from \(r.purgedVisitors) visitor(s) and \(r.purgedRecords) journal record(s) past the retention period."])
    }
}
