import Testing
@testable import FrontDeskTUI

@Suite struct DisplayWidthTests {
    init() { DisplayWidth.ensureUTF8Locale() }

    @Test func mixedText() {
        #expect(DisplayWidth.of("张伟 Ann 🙂 e\u{301}") == 2 + 2 + 1 + 3 + 1 + 2 + 1 + 1)
        #expect(DisplayWidth.of(Character("张")) == 2)
        #expect(DisplayWidth.of(Character("e\u{301}")) == 1)
        #expect(DisplayWidth.of(Character("🙂")) == 2)
        #expect(DisplayWidth.of("") == 0)
        #expect(DisplayWidth.of("\u{7}") == 0) // control: negative wcwidth counted as 0
        #expect(DisplayWidth.of("…") == 1)
        #expect(DisplayWidth.of("ＡＢ") == 4) // full-width Latin
    }

    @Test func substringMatchesString() {
        let s = "李娜 (财务) ok"
        #expect(DisplayWidth.of(s.dropFirst(1)) == DisplayWidth.of(String(s.dropFirst(1))))
    }

    @Test(arguments: 0...20)
    func truncateCJKAtEveryWidth(width: Int) {
        let s = "欧阳娜娜🙂张e\u{301}伟 Ann"
        for ellipsis in [true, false] {
            let t = DisplayWidth.truncate(s, to: width, ellipsis: ellipsis)
            let w = DisplayWidth.of(t)
            #expect(w <= width, "width \(width) ellipsis \(ellipsis): '\(t)' is \(w)")
            // Every grapheme of the result is a whole grapheme of the input (or the ellipsis / pad).
            let core = t.filter { $0 != "…" && $0 != " " }
            #expect(s.filter { $0 != " " }.hasPrefix(core), "'\(t)' is not a prefix of whole graphemes")
            if DisplayWidth.of(s) > width {
                #expect(w == width, "a truncated result fills the width exactly: '\(t)'")
                if ellipsis && width > 0 { #expect(t.contains("…")) }
            } else {
                #expect(t == s)
            }
        }
    }

    @Test func truncateExamples() {
        #expect(DisplayWidth.truncate("张伟李娜", to: 4) == "张… ")
        #expect(DisplayWidth.truncate("张伟李娜", to: 5) == "张伟…")
        #expect(DisplayWidth.truncate("张伟李娜", to: 1) == "…")
        #expect(DisplayWidth.truncate("张伟李娜", to: 0) == "")
        #expect(DisplayWidth.truncate("张伟李娜", to: 3, ellipsis: false) == "张 ")
        #expect(DisplayWidth.truncate("张伟", to: 4) == "张伟")
        #expect(DisplayWidth.truncate("abc", to: -3) == "")
    }

    @Test func pad() {
        #expect(DisplayWidth.pad("张伟", to: 6) == "张伟  ")
        #expect(DisplayWidth.pad("张伟", to: 6, alignRight: true) == "  张伟")
        #expect(DisplayWidth.pad("张伟李娜", to: 5) == "张伟…")
        #expect(DisplayWidth.of(DisplayWidth.pad("e\u{301}🙂", to: 7)) == 7)
        #expect(DisplayWidth.pad("x", to: 0) == "")
    }
}

@Suite struct SanitizerTests {
    @Test func plainTextUnchanged() {
        #expect(TerminalText.sanitize("张伟 Ann 🙂 e\u{301}") == "张伟 Ann 🙂 e\u{301}")
    }

    @Test func csiSequencesRemoved() {
        #expect(TerminalText.sanitize("a\u{1B}[2Jb") == "ab")
        #expect(TerminalText.sanitize("\u{1B}[1;31mred\u{1B}[0m") == "red")
        #expect(TerminalText.sanitize("x\u{1B}[?1049hy") == "xy")
        #expect(TerminalText.sanitize("a\u{9B}2Jb") == "ab") // C1 CSI
    }

    @Test func oscSequencesRemoved() {
        #expect(TerminalText.sanitize("a\u{1B}]0;pwned\u{7}b") == "ab")
        #expect(TerminalText.sanitize("a\u{1B}]2;title\u{1B}\\b") == "ab")
        #expect(TerminalText.sanitize("a\u{9D}0;t\u{9C}b") == "ab")
        #expect(TerminalText.sanitize("a\u{1B}]8;;http://x\u{1B}\\link\u{1B}]8;;\u{1B}\\b") == "alinkb")
        #expect(TerminalText.sanitize("a\u{1B}Pq#0;data\u{1B}\\b") == "ab") // DCS (sixel)
        #expect(TerminalText.sanitize("a\u{1B}]0;never ends") == "a")
    }

    @Test func otherEscapes() {
        #expect(TerminalText.sanitize("a\u{1B}cb") == "ab") // RIS
        #expect(TerminalText.sanitize("a\u{1B}(Bb") == "ab")
        #expect(TerminalText.sanitize("a\u{1B}") == "a")
    }

    @Test func controlsReplacedOrRemoved() {
        #expect(TerminalText.sanitize("a\tb\nc\r\nd\re") == "a b c d e")
        #expect(TerminalText.sanitize("a\u{0}\u{7}\u{8}\u{7F}b") == "ab")
        #expect(TerminalText.sanitize("a\u{80}\u{85}\u{9A}b") == "a b")
        #expect(TerminalText.sanitize("a\u{9F}apc\u{9C}b") == "ab") // C1 APC string
        #expect(TerminalText.sanitize("a\u{2028}b") == "a b")
    }

    @Test func bidiOverridesRemoved() {
        #expect(TerminalText.sanitize("abc\u{202E}fdp.exe") == "abcfdp.exe")
        #expect(TerminalText.sanitize("\u{202A}\u{202B}\u{202C}\u{202D}x\u{2066}\u{2067}\u{2068}\u{2069}\u{200F}") == "x")
    }

    @Test func resultHasNoControls() {
        let nasty = (0..<0xA0).map { String(Unicode.Scalar($0)!) }.joined() + "ok"
        let clean = TerminalText.sanitize(nasty)
        #expect(!clean.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    }
}
