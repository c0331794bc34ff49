import ArgumentParser
import Foundation
import FrontDeskKit
import FrontDeskTUI

/// A command that works on the store. It declares `@OptionGroup var storeOptions: StoreOptions` and
/// does its work in `run(store:)`; the shared `run()` opens the store (applying `FRONTDESK_USER` /
/// `FRONTDESK_NOW` where the store allows them) and prints the
/// reply. Errors are not caught here: `main.swift` maps every one to its exit code in one place.
protocol StoreCommand: ParsableCommand {
    var storeOptions: StoreOptions { get }
    /// The command's work on the opened store; what it returns is printed by `run()`.
    func run(store: Store) throws -> Reply
}

extension StoreCommand {
    func run() throws {
        let store = try storeOptions.open()
        let reply = try run(store: store)
        reply.print()
    }
}

/// What a command says once its work is done: created ids alone on stdout (one per line, so scripts
/// can write `id=$(frontdesk …)`), and a sentence for the person on stderr.
struct Reply {
    /// The committed journal records (their hooks ran in the store's commit path).
    var records: [JournalRecord] = []
    /// Printed alone on stdout, one per line.
    var stdout: [String] = []
    /// Printed on stderr after "frontdesk: ", one line each.
    var notes: [String] = []

    /// Nothing more to say (a listing has printed itself).
    static let done = Reply()

    /// Committed records, each told in plain words on stderr; `created` goes to stdout.
    static func committed(_ records: [JournalRecord], in store: Store, created: [String] = []) -> Reply {
        Reply(records: records, stdout: created, notes: records.map { ChangeWords.done($0.change, in: store) })
    }

    /// One committed record; `created` (its new id) goes to stdout.
    static func committed(_ record: JournalRecord, in store: Store, created: String? = nil) -> Reply {
        committed([record], in: store, created: created.map { [$0] } ?? [])
    }

    /// The ids on stdout (sanitised for the terminal), then each note on stderr.
    func print() {
        for line in stdout { Swift.print(TerminalText.sanitize(line)) }
        for note in notes { Outcome.say("frontdesk: \(note)") }
    }
}

extension Reply {
    /// A JSON array of objects on stdout (see `Output.json`).
    static func json(_ rows: [[String: Any]]) throws -> Reply {
        try Output.json(rows)
        return .done
    }

    /// Aligned columns on stdout (see `Output.table`).
    static func table(_ header: [String], _ rows: [[String]]) -> Reply {
        Output.table(header, rows)
        return .done
    }
}

extension Reply {
    /// A listing: with `json`, a JSON array of one object per row; otherwise aligned columns
    /// under `header` (the `format:` listing, for commands that take only `--json`).
    static func list<Row>(_ rows: [Row], json: Bool, _ header: [String], object: (Row) -> [String: Any],
                          cells: (Row) -> [String]) throws -> Reply {
        try list(rows, format: json ? .json : .table, header, object: object, cells: cells)
    }
}
