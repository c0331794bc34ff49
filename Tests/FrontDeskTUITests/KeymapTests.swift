import Foundation
import Testing
import FrontDeskKit
@testable import FrontDeskTUI

@Suite struct KeyTests {
    @Test(arguments: [
        ("q", Key.char("q")), ("G", .char("G")), ("ctrl-c", .ctrl("c")), ("Ctrl+L", .ctrl("l")), ("^x", .ctrl("x")),
        ("enter", .enter), ("return", .enter), ("esc", .escape), ("tab", .tab), ("shift-tab", .backTab),
        ("up", .up), ("f1", .function(1)), ("F12", .function(12)), ("pgdn", .pageDown), ("pageup", .pageUp),
        ("space", .char(" ")), ("/", .char("/")), ("?", .char("?")), ("张", .char("张")),
        ("ctrl-i", .tab), ("ctrl-m", .enter), ("ctrl-h", .backspace), ("ctrl-[", .escape), ("del", .delete),
    ])
    func parse(pair: (String, Key)) {
        #expect(Key.parse(pair.0) == pair.1)
    }

    @Test(arguments: ["", "ctrl-", "ctrl-ab", "f0", "f25", "shift-q", "pgdown2", "ctrl-张"])
    func parseRejects(name: String) {
        #expect(Key.parse(name) == nil)
    }

    @Test func formatRoundTrips() {
        let keys: [Key] = [.char("q"), .char(" "), .ctrl("c"), .enter, .escape, .tab, .backTab, .up, .down, .left, .right,
                           .home, .end, .pageUp, .pageDown, .backspace, .delete, .function(5), .char("张")]
        for key in keys { #expect(Key.parse(key.name) == key, "\(key.name)") }
        #expect(Key.ctrl("c").name == "ctrl-c")
        #expect(Key.backTab.name == "shift-tab")
    }

    @Test func typedControlCharacters() {
        #expect(Key.normalized("\u{3}") == .ctrl("c"))
        #expect(Key.normalized("\u{7F}") == .backspace)
        #expect(Key.normalized("\r") == .enter)
        #expect(Key.normalized("\u{1B}") == .escape)
        #expect(Key.normalized("\u{C}") == .ctrl("l"))
    }
}

@Suite struct KeymapTests {
    @Test func defaultsHaveNoConflictsAndCoverEveryAction() {
        #expect(Keymap.defaults.conflicts.isEmpty, "\(Keymap.defaults.conflicts)")
        #expect(Set(Action.table.map(\.id)).count == Action.table.count, "an action has two rows")
        for action in Action.table { #expect(!action.defaultKeys.isEmpty, "\(action.id)") }
    }

    /// One row per step of the office processes: every StepID has its letter in its pane's menu.
    @Test(arguments: StepID.allCases)
    func everyStepHasAMenuRow(_ step: StepID) {
        let row = Action.table.first { $0.id == .step(step) }
        #expect(row != nil, "no key-table row for \(step.rawValue)")
        #expect(row?.scope == .menu(ActionID.pane(of: step)))
        #expect(row?.defaultKeys.count == 1)
    }

    /// Every name reads back to its action, so the keys file can name each row.
    @Test func namesRoundTrip() {
        for action in Action.table { #expect(ActionID(name: action.id.name) == action.id, "\(action.id.name)") }
        #expect(ActionID(name: "next_pane") == .nextPane)
        #expect(ActionID(name: "meeting_confirm") == .step(.meetingConfirm))
        #expect(ActionID(name: "\"meeting.confirm\"") == .step(.meetingConfirm))
    }

    @Test func aLetterMeansOneThingPerScope() {
        let k = Keymap.defaults
        #expect(k.action(for: .char("c")) == .checkIn)
        #expect(k.action(for: .char("c"), in: .menu(.meetings)) == .step(.meetingConfirm))
        #expect(k.action(for: .char("c"), in: .menu(.visitors)) == .step(.visitorCheckIn))
        #expect(k.action(for: .char("y"), in: .quitQuestion) == .quitYes)
        #expect(k.action(for: .ctrl("s"), in: .form) == .formSave)
        #expect(k.action(for: .ctrl("s")) == nil)
    }

    @Test func defaultBindings() {
        let k = Keymap.defaults
        #expect(k.action(for: .tab) == .nextPane)
        #expect(k.action(for: .backTab) == .prevPane)
        #expect(k.action(for: .char("3")) == .pane3)
        #expect(k.action(for: .char("j")) == .down)
        #expect(k.action(for: .up) == .up)
        #expect(k.action(for: .char("G")) == .bottom)
        #expect(k.action(for: .char("x")) == .reject)
        #expect(k.action(for: .ctrl("l")) == .refresh)
        #expect(k.action(for: .char("?")) == .help)
        #expect(k.action(for: .char("Q")) == nil)
        #expect(k.keys(for: .quit) == [.char("q"), .ctrl("c")])
    }

    @Test func fileOverridesDefaults() throws {
        let k = try Keymap.load(text: """
        # my keys
        [keys]
        quit = ["Q", "ctrl-c"]   # capital Q only
        next_pane = 'l'
        reject = []
        """, source: "keys.toml")
        #expect(k.action(for: .char("q")) == nil)
        #expect(k.action(for: .char("Q")) == .quit)
        #expect(k.action(for: .char("l")) == .nextPane)
        #expect(k.keys(for: .nextPane) == [.char("l")])
        #expect(k.action(for: .char("x")) == nil)
        #expect(k.action(for: .char("j")) == .down) // untouched default
        #expect(k.keyList(.reject) == nil)
    }

    @Test func conflictWithDefaultNamesTheLine() {
        #expect {
            _ = try Keymap.load(text: "[keys]\n\n# next\nnextPane = [\"j\", \"tab\"]\n", source: "keys.toml")
        } throws: { error in
            (error as? KeymapError)?.description == "keys.toml:4: 'j' is bound to both nextPane and down (a default; rebind down too)"
        }
    }

    @Test func conflictInsideFileNamesTheLaterLine() {
        #expect {
            _ = try Keymap.load(text: "[keys]\ndown = \"j\"\nup = [\"k\"]\nzoom = [\"j\"]\n", source: "keys.toml")
        } throws: { error in
            (error as? KeymapError)?.description == "keys.toml:4: 'j' is bound to both zoom and down (line 2)"
        }
    }

    @Test func movingAKeyByRebindingBothIsFine() throws {
        let k = try Keymap.load(text: "[keys]\ndown = \"n\"\nnewVisitor = \"j\"\n", source: "keys.toml")
        #expect(k.action(for: .char("n")) == .down)
        #expect(k.action(for: .char("j")) == .newVisitor)
    }

    /// A file written for another version keeps working: an unknown name is skipped with a warning.
    @Test func unknownActionsAreWarnedAboutAndSkipped() throws {
        let k = try Keymap.load(text: "[keys]\nquitt = \"q\"\nzoom = \"Z\"\n", source: "keys.toml")
        #expect(k.warnings.map(\.description).first?.hasPrefix("keys.toml:2: unknown action 'quitt', line ignored (known: quit, help,") == true,
                "\(k.warnings)")
        #expect(k.warnings.count == 1)
        #expect(k.action(for: .char("Z")) == .zoom)
        #expect(k.action(for: .char("q")) == .quit)
    }

    @Test func menuLettersConflictOnlyWithinTheirMenu() {
        #expect {
            _ = try Keymap.load(text: "[keys]\nmeeting.held = \"c\"\n", source: "keys.toml")
        } throws: { error in
            (error as? KeymapError)?.description == "keys.toml:2: 'c' is bound to both meeting.held and meeting.confirm (a default; rebind meeting.confirm too) in the Meetings menu"
        }
        #expect(throws: Never.self) { try Keymap.load(text: "[keys]\nmeeting.held = \"f\"\n", source: "keys.toml") }
    }

    @Test(arguments: [
        ("[keys]\nquit = \"ctrl-\"", "keys.toml:2: unknown key 'ctrl-'"),
        ("[keys]\nquit = [\"q\", \"hyper-q\"]", "keys.toml:2: unknown key 'hyper-q'"),
        ("quit = \"q\"", "keys.toml:1: 'quit' outside the [keys] section"),
        ("[colors]", "keys.toml:1: unknown section [colors]"),
        ("[keys]\nquit \"q\"", "keys.toml:2: missing '='"),
        ("[keys]\nquit = q", "keys.toml:2: expected a quoted key name"),
        ("[keys]\nquit = [\"q\"", "keys.toml:2: expected ',' or ']'"),
        ("[keys]\nquit = \"q", "keys.toml:2: unterminated string"),
        ("[keys]\nquit = \"q\"\nquit = \"x\"", "keys.toml:3: action 'quit' already set on line 2"),
        ("[keys]\nquit = \"q\" x", "keys.toml:2: unexpected text after the value"),
        ("[keys]\nquit = \"resize\"", "keys.toml:2: unknown key 'resize'"),
    ])
    func errorsNameTheLine(input: (String, String)) {
        #expect {
            _ = try Keymap.load(text: input.0, source: "keys.toml")
        } throws: { error in
            guard let e = error as? KeymapError else { return false }
            return e.description.hasPrefix(input.1)
        }
    }

    @Test func quotedSpecialKeys() throws {
        let k = try Keymap.load(text: "[keys]\nfilter = [\"\\\\\", '#', \"\\\"\"]  # backslash, hash, quote\n", source: "k")
        #expect(k.keys(for: .filter) == [.char("\\"), .char("#"), .char("\"")])
    }

    @Test func hintsAreGeneratedFromTheTable() {
        let hints = Keymap.defaults.hints(.form, strings: Strings(.en))
        #expect(hints.map(\.key) == ["enter", "down", "ctrl-s", "esc"])
        #expect(hints.first?.label == "Next/save")
        let zh = Keymap.defaults.hints(.global, strings: Strings(.zhHans))
        #expect(zh.contains { $0.key == "?" && $0.label == "帮助" })
    }
}

@Suite struct KeyReferenceTests {
    /// The README's key list and the sample keys file come from the table; the sample, with
    /// every line uncommented, reads back to the defaults. `FRONTDESK_KEYS_DOC=path` writes the
    /// reference there (how the notes' "Keys" section is regenerated).
    @Test func referenceAndSampleFileComeFromTheTable() throws {
        let md = Keymap.referenceMarkdown()
        for row in Action.table { #expect(md.contains("`\(row.id.name)`"), "\(row.id.name)") }
        let sample = Keymap.sampleFile()
        let uncommented = sample.split(separator: "\n").map { $0.hasPrefix("# ") && $0.contains(" = [") ? String($0.dropFirst(2)) : String($0) }
            .joined(separator: "\n")
        let k = try Keymap.load(text: uncommented, source: "sample.toml")
        #expect(k.warnings.isEmpty)
        for row in Action.table { #expect(k.keys(for: row.id) == row.defaultKeys, "\(row.id.name)") }
        if let path = ProcessInfo.processInfo.environment["FRONTDESK_KEYS_DOC"] {
            try (md + "\n#### Sample keys.toml\n\n```toml\n" + sample + "```\n").write(toFile: path, atomically: true, encoding: .utf8)
        }
    }
}
