import ArgumentParser
import Foundation
import Testing
import TestSupport
@testable import frontdesk

/// The start-up and output short cuts change nothing a reader sees: `--json` text is Foundation's
/// byte for byte, and a command routed to its own branch of the command tree parses as before.
@Suite struct FastPathTests {
    /// Foundation's `JSONSerialization` is the oracle: every shape `--json` prints, keys in every
    /// case mix, strings with escapes, controls, slashes and non-ASCII text.
    @Test func jsonTextIsFoundationsByteForByte() throws {
        var rng = SplitMix(seed: 11)
        let words = ["id", "ID", "host", "hostName", "expectedAt", "a", "B", "zeta", "Alpha", "alphabet", "in", "out", "x", "arrivedAt", "badge"]
        let strings = ["", "plain", "quote \" and \\ back", "a/b/c", "tab\there\nline\r\u{8}\u{c}", "\u{1}\u{1f}\u{0}", "中文 émigré 🥸",
                       "\u{7f}\u{85}\u{202e}x", "2026-03-10T10:30:00Z"]
        func value(_ depth: Int) -> Any {
            switch rng.next() % (depth > 2 ? 6 : 9) {
            case 0: return strings[Int(rng.next() % UInt64(strings.count))]
            case 1: return Int(rng.next() % 2000) - 1000
            case 2: return rng.next() % 2 == 0
            case 3: return NSNull()
            case 4: return [0.5, 10.0, -3.25, 1e-7, 12345.678, 0.1 + 0.2, 1e16][Int(rng.next() % 7)]
            case 5: return Optional<String>.some("some")
            case 6, 7:
                var d: [String: Any] = [:]
                for _ in 0..<(rng.next() % 6) { d[words[Int(rng.next() % UInt64(words.count))]] = value(depth + 1) }
                return d
            default: return (0..<(rng.next() % 4)).map { _ in value(depth + 1) }
            }
        }
        var fast = 0
        for _ in 0..<400 {
            let rows: [[String: Any]] = (0..<(rng.next() % 4)).map { _ in
                var d: [String: Any] = [:]
                for _ in 0..<(rng.next() % 7) { d[words[Int(rng.next() % UInt64(words.count))]] = value(0) }
                return d
            }
            let expected = try JSONText.foundationText(rows)
            if let t = JSONText.text(rows) {
                fast += 1
                #expect(t == expected)
            }
            #expect(try JSONText.pretty(rows) == expected)
        }
        // Keys equal but for case ("id", "ID") send some documents to Foundation; most stay fast.
        #expect(fast > 200, "only \(fast) of 400 documents took the fast path")
    }

    /// What the fast writer cannot promise to write as Foundation does goes to Foundation.
    @Test func jsonTextLeavesTheUnusualToFoundation() {
        #expect(JSONText.text(["sha256": 1]) == nil)  // a digit in a key: Foundation's numeric ordering
        #expect(JSONText.text(["a_b": 1]) == nil)
        #expect(JSONText.text(["n": NSNumber(value: 3)]) == nil)
        #expect(JSONText.text(["f": Float(1.5)]) == nil)
        #expect(JSONText.text(["d": Double.nan]) == nil)
        #expect(JSONText.text(["a": 1, "A": 2]) == nil)
        #expect(JSONText.text(["ok": [1, 2]]) != nil)
    }

    /// The routing table names each command as the command names itself, in help's order.
    @Test func routingTableMatchesTheCommands() {
        for (name, command) in Frontdesk.commandsByName { #expect(command.configuration.commandName == name) }
        #expect(Frontdesk.routed([]).count == Frontdesk.commandsByName.count)
        #expect(Frontdesk.routed(["stock", "ledger", "--month", "2026-03"]).map { "\($0)" } == ["StockCommand"])
        #expect(Frontdesk.routed(["--store", "x", "stock"]).count == Frontdesk.commandsByName.count)
        #expect(Frontdesk.routed(["stock", "--help"]).count == Frontdesk.commandsByName.count)
        #expect(Frontdesk.routed(["stock", "help", "ledger"]).count == Frontdesk.commandsByName.count)
        #expect(Frontdesk.routed(["stok"]).count == Frontdesk.commandsByName.count)
    }

    /// What a command line parses to, or the message and exit code its error gives; a command
    /// group (no run of its own) is run, as main does, so its help request is answered too.
    static func answer(_ args: [String], _ parse: () throws -> ParsableCommand) -> String {
        do {
            var command = try parse()
            if !type(of: command).configuration.subcommands.isEmpty { try command.run() }
            return "parsed \(type(of: command)): \(command)"
        } catch {
            return "exit \(Frontdesk.exitCode(for: error).rawValue): \(Frontdesk.fullMessage(for: error))"
        }
    }

    /// A command parsed as its own root (the routed path) gives the same command, and the same
    /// message and exit code for every mistake, as the whole tree under `frontdesk`.
    @Test func routedParseAnswersAsTheWholeTree() {
        let lines: [[String]] = [
            ["stock", "ledger", "--month", "2026-03", "--store", "/tmp/x"], ["stock", "ledger", "--month", "March"], ["stock", "ledger"],
            ["stock", "ledger", "--month", "2026-03", "--bogus"], ["stock"], ["stock", "nonsense"], ["stock", "issue", "--qty", "-5"],
            ["visitor", "list", "--date", "2026-03-10", "--json"], ["visitor", "list", "--format", "xml"], ["meeting", "add"],
            ["report", "supplies", "--month", "2026-13"], ["report"], ["approval", "approve"], ["log", "--from", "2026-01-01", "extra"],
            ["settings", "set"], ["init", "--bogus"], ["print", "--width", "abc"], ["staff", "join"], ["parcel", "list", "--date"],
            // frontdesk's own options after a command: the tree reads them, a command alone would not.
            ["stock", "--store", "/tmp/x"], ["stock", "ledger", "--month", "2026-03", "--no-color"], ["paths", "--theme", "light"], ["print"],
        ]
        for args in lines {
            #expect(Frontdesk.routed(args).count == 1, "\(args) is routed")
            let whole = Self.answer(args) { try Frontdesk.parseAsRoot(args) }
            let routed = Self.answer(args) { try Frontdesk.parseCommandLine(args) }
            #expect(routed == whole, "\(args)")
        }
    }

    /// A routed run answers as the whole tree did: a command, a usage error in a subcommand, and
    /// a subcommand's help (which is not routed) all read as before.
    @Test func routedCommandsAnswerAsBefore() throws {
        let store = try TempStore("routed")
        let vars = CLI.vars(store.path)
        try #require(try CLI.run(["init", "--allow-overrides"], env: vars).status == 0)
        try #require(try CLI.run(["demo", "--date", "2026-03-10"], env: vars).status == 0)
        let ledger = try CLI.run(["stock", "ledger", "--month", "2026-03"], env: vars)
        #expect(ledger.status == 0)
        #expect(ledger.stdout.contains("DEPARTMENT"))
        let bad = try CLI.run(["stock", "ledger", "--month", "March"], env: vars)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--month"))
        let help = try CLI.run(["stock", "--help"], env: vars)
        #expect(help.status == 0)
        #expect(help.stdout.contains("ledger"))
    }
}

/// A small deterministic generator (tests need the same documents every run).
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
