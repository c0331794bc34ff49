import ArgumentParser
import Foundation
import FrontDeskKit

/// `frontdesk log`: the audit trail, read from the journals.
struct LogCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "log", _superCommandName: "frontdesk", abstract: "The audit trail: who changed what, when.",
        discussion: "Without options, the whole trail. --date DAY keeps one day's changes, --from DAY --to DAY a range (both days included), --since DAY every change from that day on.")
    @OptionGroup var storeOptions: StoreOptions
    @Option(name: .long, help: ArgumentHelp("Only changes from this day on.", valueName: "YYYY-MM-DD")) var since: String?
    @OptionGroup var days: DaysOption
    @OptionGroup var output: ListOutput

    func validate() throws {
        if since != nil && (days.date != nil || days.isRange) { throw ValidationError("Give --since, --date, or --from and --to; one of them.") }
    }

    func run(store: Store) throws -> Reply {
        let tz = store.env.timeZone
        let records: [JournalRecord]
        if days.date != nil || days.isRange {
            let period = try days.period(store.env)
            records = try store.auditTrail(from: period.start, to: period.end)
        } else {
            records = try store.auditTrail(since: try since.map { try Parse.day($0, store.env, "--since") })
        }
        return try .list(records, output, ["SEQ", "WHEN", "UNIX USER", "AS", "CHANGE", "SUBJECT"], object: { r in
            ["id": String(r.seq), "seq": r.seq, "at": Output.iso(r.at), "unixUser": r.unixUser, "uid": r.uid,
             "actor": r.actor, "change": r.change.name, "subject": r.change.subject] as [String: Any]
        }, cells: { r in
            ["\(r.seq)", Output.day(r.at, tz) + " " + Output.hm(r.at, tz), r.unixUser, r.actor == r.unixUser ? "" : r.actor,
             r.change.name, r.change.subject]
        })
    }
}
