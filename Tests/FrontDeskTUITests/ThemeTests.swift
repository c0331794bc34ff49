import Foundation
import Testing
@testable import FrontDeskTUI

/// The repository's themes/ folder, found from this file's path.
let themesDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("themes")

@Suite struct ThemeTests {
    @Test func parsesTheExampleFromTheBrief() throws {
        let theme = try Theme.parse("""
        # default dark theme
        name = default
        title      = bold cyan
        selected   = black on cyan
        overdue    = bold white on red | bold reverse     # after | : the monochrome fallback
        gauge      = 34 on default
        """, source: "t.theme")
        #expect(theme.name == "default")
        #expect(theme.styles[.title] == Style(fg: .basic(6), attrs: [.bold], mono: [.bold]))
        #expect(theme.styles[.selected] == Style(fg: .basic(0), bg: .basic(6), mono: [.reverse]))
        #expect(theme.styles[.overdue] == Style(fg: .basic(7), bg: .basic(1), attrs: [.bold], mono: [.bold, .reverse]))
        #expect(theme.styles[.gauge] == Style(fg: .indexed(34), bg: .default))
        #expect(theme.style(for: .dim) == .plain) // not given, no normal either
    }

    @Test func missingRolesFallBackToNormal() throws {
        let theme = try Theme.parse("normal = white on blue | \ntitle = bold", source: "x")
        #expect(theme.style(for: .header) == Style(fg: .basic(7), bg: .basic(4)))
        #expect(theme.resolved(colors: 256, noColor: false)[.header] == ResolvedStyle(fg: 7, bg: 4, attrs: []))
        #expect(theme.name == "x")
    }

    @Test func colourForms() throws {
        let theme = try Theme.parse("""
        normal = bright-red on gray
        title = 255 on 0\t# tab before comment
        """, source: "x")
        #expect(theme.styles[.normal]?.fg == .bright(1))
        #expect(theme.styles[.normal]?.bg == .bright(0))
        #expect(theme.styles[.title] == Style(fg: .indexed(255), bg: .indexed(0), mono: [.reverse]))
    }

    @Test(arguments: [
        ("name = x\n\ntitel = bold", "themes/light.theme:3: unknown role 'titel' (known: normal, title, border,"),
        ("title = bold purple", "t:1: unknown colour or attribute 'purple'"),
        ("title = bold\n# c\ntitle = dim", "t:3: duplicate role 'title'"),
        ("# fine\ntitle bold", "t:2: missing '='"),
        ("title = 256", "t:1: colour number 256 out of range 0–255"),
        ("title = red | blue", "t:1: 'blue' after '|': the monochrome fallback takes attributes only"),
        ("title = red blue", "t:1: two foreground colours"),
        ("title = bold on", "t:1: 'on' needs a background colour"),
        ("title =   # nothing", "t:1: empty style"),
    ])
    func errorsNameTheLine(input: (String, String)) {
        let source = input.1.hasPrefix("themes/") ? "themes/light.theme" : "t"
        #expect {
            _ = try Theme.parse(input.0, source: source)
        } throws: { error in
            guard let e = error as? ThemeError else { return false }
            return e.description.hasPrefix(input.1)
        }
    }

    @Test(arguments: ["default", "light", "high-contrast", "monochrome"])
    func shippedThemesParse(name: String) throws {
        let url = themesDirectory.appendingPathComponent("\(name).theme")
        let text = try String(contentsOf: url, encoding: .utf8)
        let theme = try Theme.parse(text, source: "themes/\(name).theme")
        #expect(theme.name == name)
        // Every role is styled explicitly, so no role silently looks like plain text.
        #expect(Set(theme.styles.keys) == Set(Role.allCases))
        // Without colour, plain text must not be reversed and selection must stand out.
        let mono = theme.resolved(colors: 256, noColor: true)
        #expect(mono[.normal]?.attrs.contains(.reverse) == false)
        #expect(mono[.selected]?.attrs.contains(.reverse) == true)
        #expect(mono[.selected] != mono[.normal])
        #expect(mono[.overdue] != mono[.normal])
    }

    @Test func eightColourFallback() throws {
        let theme = try Theme.parse("""
        gauge = 34 on 236
        title = bright-cyan on 196
        normal = 7 on default
        """, source: "x")
        let r8 = theme.resolved(colors: 8, noColor: false)
        #expect(r8[.gauge] == ResolvedStyle(fg: 2, bg: 0, attrs: [])) // (0,175,0)→green, dark grey→black
        #expect(r8[.title] == ResolvedStyle(fg: 6, bg: 1, attrs: []))  // bright cyan→cyan, 196 red→red
        #expect(r8[.normal] == ResolvedStyle(fg: 7, bg: -1, attrs: []))
        let r16 = theme.resolved(colors: 16, noColor: false)
        #expect(r16[.title] == ResolvedStyle(fg: 14, bg: 9, attrs: []))
        let r256 = theme.resolved(colors: 256, noColor: false)
        #expect(r256[.gauge] == ResolvedStyle(fg: 34, bg: 236, attrs: []))
        for style in r8.values { #expect(style.fg < 8 && style.bg < 8) }
    }

    @Test func noColorUsesMonoAttributes() throws {
        let theme = try Theme.parse("overdue = bold white on red | bold reverse\ntitle = cyan | underline", source: "x")
        for (colors, noColor) in [(256, true), (0, false), (2, false)] {
            let r = theme.resolved(colors: colors, noColor: noColor)
            #expect(r[.overdue] == ResolvedStyle(fg: -1, bg: -1, attrs: [.bold, .reverse]))
            #expect(r[.title] == ResolvedStyle(fg: -1, bg: -1, attrs: [.underline]))
            #expect(r.values.allSatisfy { !$0.usesColor })
        }
    }

    @Test func nearestColourIsSensible() {
        #expect(Theme.nearest(to: Theme.rgb(of: 231), among: 8) == 7) // white
        #expect(Theme.nearest(to: Theme.rgb(of: 21), among: 8) == 4)  // blue
        #expect(Theme.nearest(to: Theme.rgb(of: 226), among: 8) == 3) // yellow
        #expect(Theme.nearest(to: Theme.rgb(of: 232), among: 16) == 0)
    }
}

/// The shipped themes are compiled into the binary, so a copied `frontdesk` without `themes/`
/// still has its colours and a visible selection.
@Suite struct BuiltinThemeTests {
    @Test(arguments: ["default", "light", "high-contrast", "monochrome"])
    func builtInTextMatchesTheShippedFile(name: String) throws {
        let file = try String(contentsOf: themesDirectory.appendingPathComponent("\(name).theme"), encoding: .utf8)
        let builtIn = try #require(BuiltinThemes.texts[name], "no built-in \(name)")
        func lines(_ s: String) -> [String] {
            s.split(separator: "\n", omittingEmptySubsequences: false).map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
                .reversed().drop { $0.isEmpty }.reversed()
        }
        #expect(lines(builtIn) == lines(file), "Sources/FrontDeskTUI/Theme/BuiltinThemes.swift is out of date with themes/\(name).theme")
    }

    @Test func aBinaryWithoutThemesFolderKeepsItsColours() throws {
        // Nowhere to find theme files: an empty user folder, an empty FRONTDESK_THEMES, a binary path with no themes/ above.
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("no-themes-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: empty) }
        let theme = try ThemeCatalog.load("default", vars: ["XDG_CONFIG_HOME": empty, "FRONTDESK_THEMES": empty], binary: empty + "/bin/frontdesk")
        #expect(Set(theme.styles.keys) == Set(Role.allCases))
        let colour = theme.resolved(colors: 256, noColor: false)
        #expect(colour[.selected] != colour[.normal], "the selected row must be visible")
        #expect(colour[.overdue] != colour[.normal])
        let light = try ThemeCatalog.load("light", vars: ["XDG_CONFIG_HOME": empty, "FRONTDESK_THEMES": empty], binary: empty + "/bin/frontdesk")
        #expect(light.name == "light")
        #expect(throws: (any Error).self) { try ThemeCatalog.load("nonesuch", vars: ["XDG_CONFIG_HOME": empty], binary: empty + "/bin/frontdesk") }
    }
}
