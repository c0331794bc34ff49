import ArgumentParser
import Foundation
import FrontDeskKit

/// `frontdesk log`: the audit trail, read from the journals.
struct LogCommand: StoreCommand {
    static let configuration = CommandConfiguration(commandName: "log", abstract: "The audit trail: who changed what, when.")
    @OptionGroup var storeOptions: StoreOptions
    @Option(name: .long, help: ArgumentHelp("Only changes from this day on.", valueName: "YYYY-MM-DD")) var since: String?
    @Flag(name: .long, help: .json) var json = false

    func run(store: Store) throws -> Reply {
        let tz = store.env.timeZone
        let records = try store.auditTrail(since: try since.map { try Parse.day($0, store.env, "--since") })
        return try .list(records, json: json, ["SEQ", "WHEN", "UNIX USER", "AS", "CHANGE", "SUBJECT"], object: { r in
            ["id": String(r.seq), "seq": r.seq, "at": Output.iso(r.at), "unixUser": r.unixUser, "uid": r.uid,
             "actor": r.actor, "change": r.change.name, "subject": r.change.subject] as [String: Any]
        }, cells: { r in
            ["\(r.seq)", Output.day(r.at, tz) + " " + Output.hm(r.at, tz), r.unixUser, r.actor == r.unixUser ? "" : r.actor,
             r.change.name, r.change.subject]
        })
    }
}
