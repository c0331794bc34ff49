import Foundation
import Testing
import FrontDeskKit
@testable import FrontDeskTUI

/// config.toml and keys.toml: two layers (system, then user) parsed by TOMLKit, every problem a
/// warning with `file:line`, never a crash and never a stop.
@Suite struct UserConfigTests {
    /// A system folder and a user folder under a fresh temp dir, and the variables that point at them.
    struct Layers {
        let base: String
        var system: String { base + "/etc" }
        var user: String { base + "/home/.config/frontdesk" }
        var vars: [String: String] { ["HOME": base + "/home", "XDG_CONFIG_HOME": "", "FRONTDESK_SYSTEM_CONFIG_DIR": system] }

        init() throws {
            base = FileManager.default.temporaryDirectory.path + "/fd-config-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: base + "/etc", withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: base + "/home/.config/frontdesk", withIntermediateDirectories: true)
        }
        func write(_ dir: String, _ name: String, _ text: String) throws {
            try Data(text.utf8).write(to: URL(fileURLWithPath: dir + "/" + name))
        }
        func remove() { try? FileManager.default.removeItem(atPath: base) }
    }

    @Test func theUsersFileWinsOverTheSystemsPerKeyAndEachValueNamesItsLine() throws {
        let l = try Layers()
        defer { l.remove() }
        try l.write(l.system, "config.toml", "# set by the admin\nstore = \"/srv/frontdesk/office\"\ntheme = \"light\"\nmouse = false\n")
        try l.write(l.user, "config.toml", "\ntheme = \"high-contrast\"\n")
        let c = UserConfig.load(l.vars)
        #expect(c.store == "/srv/frontdesk/office")
        #expect(c.theme == "high-contrast")
        #expect(c.mouse == false)
        #expect(c.origins["store"] == l.system + "/config.toml:2")
        #expect(c.origins["theme"] == "~/.config/frontdesk/config.toml:2")
        #expect(c.origins["mouse"] == l.system + "/config.toml:4")
        #expect(c.warnings.isEmpty, "\(c.warnings)")
        #expect(c.storeProblem == nil)
        // Without the system file only the user's settings remain; the defaults fill the rest.
        try FileManager.default.removeItem(atPath: l.system + "/config.toml")
        let alone = UserConfig.load(l.vars)
        #expect(alone.store == nil && alone.mouse == true && alone.theme == "high-contrast")
    }

    @Test func validTOMLIsAcceptedMultiLineStringsEscapesLiteralStringsAndHomeInStore() throws {
        let l = try Layers()
        defer { l.remove() }
        try l.write(l.user, "config.toml", """
            # escapes, a multi-line string, a literal string
            theme = "hi\\u0067h-\\u0063ontrast"
            language = \"\"\"
            zh\"\"\"
            store = '~/office'   # trailing comment
            "mouse" = true
            """)
        let c = UserConfig.load(l.vars)
        #expect(c.warnings.isEmpty, "\(c.warnings)")
        #expect(c.theme == "high-contrast")
        #expect(c.language == "zh")
        #expect(c.store == l.base + "/home/office")
        #expect(c.origins["store"] == "~/.config/frontdesk/config.toml:5")
        #expect(c.origins["mouse"] == "~/.config/frontdesk/config.toml:6")
    }

    @Test func anUnknownKeyIsWarnedAboutWithItsFileAndLineAndTheRestIsUsed() throws {
        let l = try Layers()
        defer { l.remove() }
        // The unknown key sits after a multi-line string whose text looks like keys: its line must still be 5.
        try l.write(l.user, "config.toml", "theme = \"\"\"\nlight\"\"\"\nlanguage = '''en'''\n\ncolour = \"red\"\n[dashboard]\nmouse = true\n")
        let c = UserConfig.load(l.vars)
        #expect(c.theme == "light")
        #expect(c.warnings.contains("~/.config/frontdesk/config.toml:5: unknown key 'colour' (known: store, theme, language, mouse); ignored"), "\(c.warnings)")
        #expect(c.warnings.contains { $0.hasPrefix("~/.config/frontdesk/config.toml:6: unknown key 'dashboard'") }, "\(c.warnings)")
        #expect(c.mouse == true)
    }

    @Test func aSyntaxErrorIsWarnedWithFileAndLineAndTheDefaultsAreUsed() throws {
        let l = try Layers()
        defer { l.remove() }
        try l.write(l.system, "config.toml", "theme = \"light\"\n\nmouse = \n")
        try l.write(l.user, "config.toml", "language = \"en\"\n")
        let c = UserConfig.load(l.vars)
        #expect(c.warnings.count == 1, "\(c.warnings)")
        #expect(c.warnings.first?.hasPrefix(l.system + "/config.toml:3: ") == true, "\(c.warnings)")
        #expect(c.warnings.first?.hasSuffix("its settings are not used") == true, "\(c.warnings)")
        // The broken file sets nothing; the good one still does.
        #expect(c.theme == nil && c.language == "en")
        #expect(c.storeProblem == nil)
    }

    @Test func aValueOfTheWrongTypeIsWarnedAndLeftAtItsDefault() throws {
        let l = try Layers()
        defer { l.remove() }
        try l.write(l.user, "config.toml", "theme = 5\nmouse = \"no\"\nlanguage = \"klingon\"\n")
        let c = UserConfig.load(l.vars)
        #expect(c.theme == nil && c.mouse == true && c.language == nil)
        #expect(c.warnings == [
            "~/.config/frontdesk/config.toml:1: theme must be a theme name or a file path in quotes (theme = \"light\"), got an integer (5); using the default",
            "~/.config/frontdesk/config.toml:2: mouse must be true or false, got a string (\"no\"); using the default",
            "~/.config/frontdesk/config.toml:3: language must be \"en\" or \"zh\", got a string (\"klingon\"); using the default",
        ])
    }

    /// A bad `store` is not a warning: falling back to a personal store would split the office's records.
    @Test func aBadStoreIsAProblemNamingTheLineNotASilentFallback() throws {
        let l = try Layers()
        defer { l.remove() }
        try l.write(l.system, "config.toml", "store = \"srv/office\"\n")
        var c = UserConfig.load(l.vars)
        #expect(c.store == nil)
        #expect(c.storeProblem == l.system + "/config.toml:1: store must be an absolute path (or start with ~/), got \"srv/office\". Fix the file, or pass --store DIR.")
        try l.write(l.system, "config.toml", "\nstore = 42\n")
        c = UserConfig.load(l.vars)
        #expect(c.storeProblem?.hasPrefix(l.system + "/config.toml:2: store must be a directory path in quotes") == true, "\(String(describing: c.storeProblem))")
        // A file that cannot be parsed but has a store line: no store may be guessed from it.
        try l.write(l.system, "config.toml", "store = \"/srv/office\n")
        c = UserConfig.load(l.vars)
        #expect(c.storeProblem?.contains("it may set store") == true, "\(String(describing: c.storeProblem))")
        // The user's good store mends the system's bad one.
        try l.write(l.user, "config.toml", "store = \"/home/me/office\"\n")
        c = UserConfig.load(l.vars)
        #expect(c.storeProblem == nil && c.store == "/home/me/office")
    }

    @Test(arguments: [
        Data([0xFF, 0xFE, 0x00, 0x41]),
        Data("theme = \"a\"\u{0}\n".utf8),
        Data(String(repeating: "[", count: 100_000).utf8),
        Data("a = [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n".utf8),
        Data("\"\"\"\n\\".utf8),
        Data("[[ [\n".utf8),
        Data("a = [\n# a comment\n}\n".utf8),
        Data("a = [1, [ } ] ]\n".utf8),
    ])
    func anyBytesGiveWarningsNeverACrash(_ bytes: Data) throws {
        let l = try Layers()
        defer { l.remove() }
        try bytes.write(to: URL(fileURLWithPath: l.user + "/config.toml"))
        let c = UserConfig.load(l.vars)
        #expect(!c.warnings.isEmpty)
        #expect(c.theme == nil && c.mouse == true)
    }

    @Test func aDirectoryWhereTheFileShouldBeIsAWarning() throws {
        let l = try Layers()
        defer { l.remove() }
        try FileManager.default.createDirectory(atPath: l.user + "/config.toml", withIntermediateDirectories: true)
        #expect(UserConfig.load(l.vars).warnings == ["~/.config/frontdesk/config.toml is a directory, not a file; its settings are not used"])
    }

    @Test func keysFilesAreTOMLDottedKeysMultiLineArraysEscapesAndInlineTables() throws {
        let l = try Layers()
        defer { l.remove() }
        try l.write(l.user, "keys.toml", """
            [keys]
            nextPane = [
                "tab",   # a comment inside the list
                "\\u0066\\u0039",
            ]
            meeting.confirm = "F"
            "visitor.confirm" = 'V'
            """)
        let k = try UserConfig.load(l.vars).keymap(l.vars)
        #expect(k.warnings.isEmpty, "\(k.warnings)")
        #expect(k.keys(for: .nextPane) == [.tab, .function(9)])
        #expect(k.keyName(ActionID(name: "meeting.confirm")!) == "F")
        #expect(k.keyName(ActionID(name: "visitor.confirm")!) == "V")
        // An inline table is the same table.
        try l.write(l.user, "keys.toml", "keys = { quit = [\"ctrl-q\"] }\n")
        #expect(try UserConfig.load(l.vars).keymap(l.vars).keys(for: .quit) == [.ctrl("q")])
    }

    @Test func theUsersKeysWinOverTheSystemsAndABadFileIsLeftOutWithItsLine() throws {
        let l = try Layers()
        defer { l.remove() }
        try l.write(l.system, "keys.toml", "[keys]\nquit = \"ctrl-q\"\nhelp = \"f2\"\n")
        try l.write(l.user, "keys.toml", "[keys]\nhelp = \"f3\"\n")
        var k = try UserConfig.load(l.vars).keymap(l.vars)
        #expect(k.warnings.isEmpty, "\(k.warnings)")
        #expect(k.keys(for: .quit) == [.ctrl("q")])
        #expect(k.keys(for: .help) == [.function(3)])
        // The user's file binds one key twice: it is left out whole, with its line; the system's stays.
        try l.write(l.user, "keys.toml", "[keys]\n\ndown = \"j\"\nzoom = [\"j\"]\n")
        k = try UserConfig.load(l.vars).keymap(l.vars)
        #expect(k.keys(for: .quit) == [.ctrl("q")])
        #expect(k.keys(for: .zoom) == Keymap.defaults.keys(for: .zoom))
        #expect(k.warnings.map(\.description).contains { $0.hasPrefix("~/.config/frontdesk/keys.toml:4: 'j' is bound to both zoom and down") && $0.hasSuffix("the file is not used") }, "\(k.warnings)")
        // A syntax error: the same, with the parser's line.
        try l.write(l.user, "keys.toml", "[keys]\nquit = [\"q\",\n\n")
        k = try UserConfig.load(l.vars).keymap(l.vars)
        #expect(k.keys(for: .quit) == [.ctrl("q")])
        #expect(k.warnings.map(\.description).contains { $0.hasPrefix("~/.config/frontdesk/keys.toml:") && $0.hasSuffix("the file is not used") }, "\(k.warnings)")
    }

    @Test func keyLinesFollowTablesNestedArraysAndMultiLineStrings() {
        let text = """
            a = [
              [1, 2],
              { x = 1 },
            ]
            b = \"\"\"
            c = 1
            [not.a.table]
            \"\"\"
            [t.u]
            "q.k" = 1
            d . e = 2
            [[arr]]
            f = 'its'
            """
        let lines = ConfigText.KeyLines(text)
        #expect(lines.line(of: ["a"]) == 1)
        #expect(lines.line(of: ["b"]) == 5)
        #expect(!lines.has(["c"]) && !lines.has(["not"]))
        #expect(lines.line(of: ["t"]) == 9)
        #expect(lines.line(of: ["t", "u", "q.k"]) == 10)
        #expect(lines.line(of: ["t", "u", "d", "e"]) == 11)
        #expect(lines.line(of: ["arr", "f"]) == 13)
        #expect(lines.line(of: ["a", "x"]) == 1)
    }
}
