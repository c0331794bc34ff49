import Foundation
import Testing
import TestSupport

/// What a person reads from the CLI (issue 8, defect 15): plain words for what was done, values
/// shown as they are typed, refusals that say what is wrong; and the command tree users rely on.
@Suite struct CLIWordsTests {
    /// The real user name of this process: the creator of a new store, so its admin.
    static let admin: String = {
        (try? CLI.exec("id", ["-un"]))?.stdout.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
    }()

    /// A fresh training store; `env` acts as its creator (every role) at 2026-03-10 10:30.
    struct Office {
        let tmp: TempStore
        let env: [String: String]

        init() throws {
            tmp = try TempStore("words")
            env = CLI.vars(tmp.path, user: CLIWordsTests.admin)
            let r = try CLI.run(["init", "--allow-overrides"], env: env)
            try #require(r.status == 0, "\(r)")
        }

        @discardableResult
        func run(_ args: [String], as user: String? = nil) throws -> RunResult {
            try CLI.run(args, env: user.map { CLI.vars(tmp.path, user: $0) } ?? env)
        }

        /// Runs a command that must succeed; its first stdout line.
        func ok(_ args: [String]) throws -> String {
            let r = try run(args)
            try #require(r.status == 0, "\(args): \(r)")
            return r.firstLine
        }
    }

    // MARK: The command tree

    /// Every command path the README documents; `help PATH` exits 0 only for a real one.
    static let commandPaths: [String] = [
        "init", "demo", "generate", "print", "check", "compact", "log",
        "room add", "room list", "room close",
        "meeting add", "meeting list", "meeting confirm", "meeting checkin", "meeting held", "meeting minutes", "meeting send",
        "meeting close", "meeting cancel", "meeting move", "meeting action add", "meeting action done",
        "meeting guest invite", "meeting guest reply",
        "visitor add", "visitor confirm", "visitor arrive", "visitor checkin", "visitor checkout", "visitor return-badge",
        "visitor outcome", "visitor cancel", "visitor noshow", "visitor list", "visitor show", "visitor clear", "visitor undo-checkin",
        "badge add", "badge list", "watch add", "watch remove", "watch list",
        "stock item add", "stock receive", "stock issue", "stock return", "stock writeoff", "stock count", "stock list",
        "stock demand add", "stock plan", "stock ledger",
        "purchase request", "purchase list", "approval request", "approval list", "approval approve", "approval reject",
        "role grant", "role revoke", "role list", "settings show", "settings set", "settings hook",
        "asset add", "asset move", "asset repair", "asset back", "asset scrap", "asset count", "asset settle", "asset list",
        "asset show", "asset value", "parcel in", "parcel collect", "parcel return", "parcel out", "parcel list", "parcel cost",
        "staff join", "staff leave", "staff issue", "staff recover", "staff writeoff", "staff close", "staff list", "staff show",
        "staff template show", "staff template set",
    ]

    @Test func everyDocumentedCommandStillAnswersHelp() throws {
        for path in Self.commandPaths {
            let r = try CLI.run(["help"] + path.split(separator: " ").map(String.init))
            #expect(r.status == 0, "help \(path): \(r)")
            #expect(r.stdout.contains("USAGE: frontdesk \(path)"), "help \(path): \(r.stdout)")
        }
    }

    @Test func helpForACommandThatDoesNotExistFails() throws {
        let r = try CLI.run(["help", "nope"])
        #expect(r.status == 2, "\(r)")
        #expect(r.stderr.contains("no command \"frontdesk nope\""), "\(r.stderr)")
        #expect(r.stderr.contains("visitor"), "the message lists the commands there are: \(r.stderr)")
        let deeper = try CLI.run(["help", "visitor", "checkinn"])
        #expect(deeper.status == 2, "\(deeper)")
        #expect(deeper.stderr.contains("frontdesk visitor checkinn") && deeper.stderr.contains("checkin"), "\(deeper.stderr)")
    }

    @Test func versionIsPrinted() throws {
        let r = try CLI.run(["--version"])
        #expect(r.status == 0, "\(r)")
        #expect(r.stdout.range(of: #"^[0-9]+\.[0-9]+\.[0-9]+ \(store schema [0-9]+\)\n$"#, options: .regularExpression) != nil, "\(r.stdout)")
    }

    @Test func closedSetsAreListedInHelpAndNamedWhenWrong() throws {
        // Help wraps at the terminal's width; compare with the white space folded.
        func help(_ args: [String]) throws -> String {
            try CLI.run(args + ["--help"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        let grant = try help(["role", "grant"])
        #expect(grant.contains("values: frontdesk, lead, approver, admin"), "\(grant)")
        let request = try help(["approval", "request"])
        #expect(request.contains("values: purchase, leave, overtime, document, scrap"), "\(request)")
        let office = try Office()
        let bad = try office.run(["approval", "request", "--type", "holiday", "--title", "T"])
        #expect(bad.status == 2, "\(bad)")
        #expect(bad.stderr.contains("'holiday'") && bad.stderr.contains("'leave'"), "\(bad.stderr)")
        let repeatBad = try office.run(["meeting", "add", "--title", "T", "--room", "R1", "--start", "2026-03-11 10:00",
                                        "--end", "2026-03-11 11:00", "--repeat", "fortnightly", "--count", "2"])
        #expect(repeatBad.status == 2 && repeatBad.stderr.contains("'weekly'"), "\(repeatBad)")
    }

    // MARK: Defect 15: the words

    @Test func negativeQuantitiesAreNumbersRefusedInWords() throws {
        let office = try Office()
        _ = try office.ok(["stock", "item", "add", "--sku", "GLUE", "--name", "Glue", "--unit", "stick", "--reorder-at", "2", "--target", "9"])
        let cases: [[String]] = [
            ["stock", "issue", "--sku", "GLUE", "--qty", "-5", "--dept", "HR", "--to", "lina"],
            ["stock", "return", "--sku", "GLUE", "--qty", "-5", "--dept", "HR"],
            ["stock", "writeoff", "--sku", "GLUE", "--qty", "-5", "--reason", "wet"],
            ["stock", "count", "--sku", "GLUE", "--qty", "-5", "--reason", "lost"],
            ["stock", "receive", "--sku", "GLUE", "--qty", "-5", "--supplier", "Deli", "--unit-price", "3"],
        ]
        for args in cases {
            let r = try office.run(args)
            #expect(r.status == 2, "\(args): \(r)")
            #expect(!r.stderr.contains("Missing value"), "\(args) read -5 as a missing value: \(r.stderr)")
            #expect(r.stderr.contains("--qty") && r.stderr.contains("-5"), "\(args): \(r.stderr)")
        }
        // The kit's rule refuses what only it knows: a room for −5 people.
        let room = try office.run(["room", "add", "--name", "Minus", "--capacity", "-5"])
        #expect(room.status == 2 && room.stderr.contains("1 to 10,000 people (got -5)"), "\(room)")
        let log = try office.run(["log", "--json"])
        #expect(!log.stdout.contains("stock.issue") && !log.stdout.contains("room.add"), "a refused command wrote: \(log.stdout)")
    }

    @Test func aSeriesEndsOnADayOrAfterACountNotBoth() throws {
        let office = try Office()
        let room = try office.ok(["room", "add", "--name", "Board", "--capacity", "8"])
        let both = try office.run(["meeting", "add", "--title", "Weekly", "--room", room, "--start", "2026-03-11 10:00", "--end", "2026-03-11 11:00",
                                   "--repeat", "weekly", "--until", "2026-04-30", "--count", "3"])
        #expect(both.status == 2, "\(both)")
        #expect(both.stderr.contains("--until or --count, not both"), "\(both.stderr)")
        let none = try office.run(["meeting", "add", "--title", "Weekly", "--room", room, "--start", "2026-03-11 10:00", "--end", "2026-03-11 11:00",
                                   "--repeat", "weekly"])
        #expect(none.status == 2 && none.stderr.contains("--repeat needs --until"), "\(none)")
        let listed = try office.run(["meeting", "list", "--date", "2026-03-11", "--json"])
        #expect(listed.status == 0 && !listed.stdout.contains("Weekly"), "a refused series booked something: \(listed)")
        // Each alone still books.
        #expect(try office.run(["meeting", "add", "--title", "Weekly", "--room", room, "--start", "2026-03-11 10:00", "--end", "2026-03-11 11:00",
                                "--repeat", "weekly", "--count", "3"]).status == 0)
    }

    @Test func settingsShowPrintsWhatSettingsSetTakes() throws {
        let office = try Office()
        let before = try office.run(["settings", "show"])
        try #require(before.status == 0, "\(before)")
        func rows(_ text: String) -> [[String]] {
            text.split(separator: "\n").dropFirst().map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
        }
        let numeric = rows(before.stdout).filter { $0.count >= 2 && !["designatedSupplier", "timeZone", "hook"].contains($0[0]) }
        #expect(numeric.count >= 10, "\(before.stdout)")
        #expect(numeric.contains { $0[0] == "dayEndHour" && $0[1] == "18:00" }, "\(before.stdout)")
        for row in numeric {
            let r = try office.run(["settings", "set", row[0], row[1]])
            #expect(r.status == 0, "settings set \(row[0]) \(row[1]) (as shown): \(r)")
        }
        #expect(try office.run(["settings", "show"]).stdout == before.stdout, "setting every shown value changed what is shown")
        // The short forms are accepted too and shown in the long one.
        #expect(try office.run(["settings", "set", "dayEndHour", "17"]).status == 0)
        #expect(try office.run(["settings", "set", "roomCheckBefore", "90s"]).status == 0)
        let after = rows(try office.run(["settings", "show"]).stdout)
        #expect(after.contains { $0.starts(with: ["dayEndHour", "17:00"]) } && after.contains { $0.starts(with: ["roomCheckBefore", "90s"]) }, "\(after)")
        let half = try office.run(["settings", "set", "dayEndHour", "17:30"])
        #expect(half.status == 2 && half.stderr.contains("whole hour"), "\(half)")
    }

    @Test func aMissingMinutesFileIsSaidToBeMissing() throws {
        let office = try Office()
        let room = try office.ok(["room", "add", "--name", "Board", "--capacity", "8"])
        let m = try office.ok(["meeting", "add", "--title", "Review", "--room", room, "--start", "2026-03-10 09:00", "--end", "2026-03-10 10:00"])
        let missing = office.tmp.base + "/no-such-minutes.txt"
        let r = try office.run(["meeting", "minutes", m, "--file", missing])
        #expect(r.status == 2, "\(r)")
        #expect(r.stderr.contains("No file \(missing)"), "\(r.stderr)")
        #expect(!r.stderr.contains("UTF-8"), "\(r.stderr)")
        let latin1 = office.tmp.base + "/latin1.txt"
        try Data([0x43, 0x61, 0x66, 0xE9, 0x0A]).write(to: URL(fileURLWithPath: latin1))
        let notUTF8 = try office.run(["meeting", "minutes", m, "--file", latin1])
        #expect(notUTF8.status == 2 && notUTF8.stderr.contains("not UTF-8"), "\(notUTF8)")
    }

    @Test func theWatchListIsNotDescribedAsLeadOnlyWhereItIsNot() throws {
        let help = try CLI.run(["help", "watch"])
        let overview = help.stdout.split(separator: "\n").prefix { !$0.hasPrefix("USAGE") }.joined(separator: " ")
        #expect(!overview.contains("lead only"), "\(overview)")
        #expect(help.stdout.contains("(lead only)"), "adding and removing still say lead only: \(help.stdout)")
        let office = try Office()
        #expect(try office.run(["role", "grant", "lina", "frontdesk"]).status == 0)
        #expect(try office.run(["watch", "add", "--name", "Mallory", "--reason", "test"]).status == 0)
        let list = try office.run(["watch", "list"], as: "lina")
        #expect(list.status == 0 && list.stdout.contains("Mallory"), "a desk user who is not a lead lists it: \(list)")
        let add = try office.run(["watch", "add", "--name", "Eve", "--reason", "test"], as: "lina")
        #expect(add.status == 3, "adding needs the lead role: \(add)")
    }

    @Test func whatWasDoneIsSaidInPlainWords() throws {
        let office = try Office()
        _ = try office.ok(["stock", "item", "add", "--sku", "GLUE", "--name", "Glue", "--unit", "stick", "--reorder-at", "2", "--target", "9"])
        _ = try office.ok(["stock", "receive", "--sku", "GLUE", "--qty", "7", "--supplier", "Deli", "--unit-price", "3"])
        let count = try office.run(["stock", "count", "--sku", "GLUE", "--qty", "5", "--reason", "two dried out"])
        try #require(count.status == 0, "\(count)")
        #expect(count.stdout == count.firstLine + "\n", "stdout stays the id alone: \(count.stdout)")
        #expect(count.stderr.contains("Stock count recorded for \(count.firstLine): GLUE counted 5 stick, the books said 7, variance −2 (two dried out)."),
                "\(count.stderr)")
        #expect(!count.stderr.contains("stock.adjust"), "\(count.stderr)")

        let room = try office.ok(["room", "add", "--name", "Board", "--capacity", "8"])
        let m = try office.ok(["meeting", "add", "--title", "Review", "--room", room, "--start", "2026-03-10 11:00", "--end", "2026-03-10 12:00"])
        // The room check ticks the equipment; the meeting's room is checked once materials and notices are ticked too.
        let ticked = try office.run(["meeting", "check", m, "materials"])
        #expect(ticked.status == 0 && ticked.stderr.contains("Meeting \(m) (Review): materials ticked; still to check: notified, room."), "\(ticked)")
        #expect(try office.run(["meeting", "check", m, "notified"]).status == 0)
        let checked = try office.run(["meeting", "checkin", m])
        #expect(checked.status == 0 && checked.stderr.contains("Meeting \(m) (Review) has its room checked"), "\(checked)")
        #expect(!checked.stderr.contains("roomChecked"), "\(checked.stderr)")

        let v = try office.ok(["visitor", "add", "--name", "Zhang Wei", "--host", "lina", "--at", "2026-03-10 14:00"])
        let confirmed = try office.run(["visitor", "confirm", v])
        #expect(confirmed.status == 0 && confirmed.stderr.contains("Visit of Zhang Wei (\(v)) confirmed."), "\(confirmed)")
        let w = try office.ok(["visitor", "add", "--name", "Ann Lee", "--host", "lina", "--at", "2026-03-10 14:00", "--id-number", "310101199001011234"])
        let newNumber = try office.run(["visitor", "checkin", w, "--id-number", "999999999999", "--confirm-new-identity"])
        #expect(newNumber.status == 0 && newNumber.stderr.contains("Identity number of Ann Lee (\(w)) changed to ••••••••9999"), "\(newNumber)")
        #expect(!newNumber.stderr.contains("visitor.identity") && !newNumber.stderr.contains("saved."), "\(newNumber.stderr)")
    }

    @Test func daysOfCoverAreRoundedAsTheDashboardRoundsThem() throws {
        let office = try Office()
        _ = try office.ok(["stock", "item", "add", "--sku", "GLUE", "--name", "Glue", "--unit", "stick", "--reorder-at", "2", "--target", "90"])
        _ = try office.ok(["stock", "receive", "--sku", "GLUE", "--qty", "23", "--supplier", "Deli", "--unit-price", "3"])
        _ = try office.ok(["stock", "issue", "--sku", "GLUE", "--qty", "12", "--dept", "HR", "--to", "lina"])
        // 11 on hand at 12/30 a day: 27.5 days, which lasts 27 whole days — in the JSON too (StockRow.coverDays).
        let json = try office.run(["stock", "list", "--json"])
        #expect(json.stdout.contains("\"daysOfCover\" : 27,") || json.stdout.contains("\"daysOfCover\" : 27\n"), "\(json.stdout)")
        let row = try office.run(["stock", "list"]).stdout.split(separator: "\n").first { $0.hasPrefix("GLUE") } ?? ""
        #expect(row.range(of: #"\s27 d(\s|$)"#, options: .regularExpression) != nil, "\(row)")
        let pane = try office.run(["print", "--pane", "stock", "--zoom", "--width", "120", "--height", "30"])
        #expect(pane.stdout.contains("27 d") && !pane.stdout.contains("28 d"), "the pane shows the same: \(pane.stdout)")
    }

    // MARK: The one-id steps go through the process

    @Test func oneIdStepsTakeTheProcessStepAndItsRefusals() throws {
        let office = try Office()
        let unknown = try office.run(["visitor", "confirm", "V404"])
        #expect(unknown.status == 2 && unknown.stderr.contains("No visitor V404"), "\(unknown)")
        let v = try office.ok(["visitor", "add", "--name", "Li Lei", "--host", "lina", "--at", "2026-03-10 14:00"])
        for step in ["confirm", "arrive", "noshow"] {
            let r = try office.run(["visitor", step, v])
            if step == "noshow" {
                #expect(r.status == 3, "a visitor in the lobby is no no-show: \(r)")
            } else {
                #expect(r.status == 0, "visitor \(step): \(r)")
            }
        }
        let listed = try office.run(["visitor", "list", "--status", "arrived", "--json"])
        #expect(listed.status == 0 && listed.stdout.contains("\"\(v)\""), "\(listed)")
        let room = try office.ok(["room", "add", "--name", "Board", "--capacity", "8"])
        // Started 10 min ago: within the 15 min in which someone may still claim the room.
        let m = try office.ok(["meeting", "add", "--title", "Review", "--room", room, "--start", "2026-03-10 10:20", "--end", "2026-03-10 11:00"])
        #expect(try office.run(["meeting", "held", m]).status == 0)
        let again = try office.run(["meeting", "checkin", m])
        #expect(again.status == 3, "a held meeting's room check is refused by the process: \(again)")
        // Nobody claimed this one within 15 min of its start: its room was released, so held is refused.
        let unclaimed = try office.ok(["meeting", "add", "--title", "Early", "--room", room, "--start", "2026-03-10 09:00", "--end", "2026-03-10 10:00"])
        let late = try office.run(["meeting", "held", unclaimed])
        #expect(late.status == 3, "an unclaimed meeting's room was released: \(late)")
    }
}
