import Testing
@testable import FrontDeskTUI

@Suite struct TextGridTests {
    @Test func putReturnsColumnsAndPlacesWideChars() {
        var g = TextGrid(width: 10, height: 2)
        #expect(g.put("张伟 Ann", row: 0, col: 1) == 8)
        #expect(g.line(0) == " 张伟 Ann ")
        #expect(g[0, 1].text == "张")
        #expect(g[0, 2].isContinuation)
        #expect(g[0, 1].role == .normal)
    }

    @Test func clipsAtGridEdgeWithoutHalfChars() {
        var g = TextGrid(width: 5, height: 1)
        #expect(g.put("ab张伟", row: 0, col: 0) == 5)
        #expect(g.line(0) == "ab张 ")
        #expect(!g[0, 4].isContinuation)
    }

    @Test func clipsAtMaxWidth() {
        var g = TextGrid(width: 10, height: 1)
        g.put("xxxxxxxxxx", row: 0, col: 0)
        #expect(g.put("张伟李", row: 0, col: 2, maxWidth: 3) == 3)
        #expect(g.line(0) == "xx张 xxxxx")
        #expect(g.put("abc", row: 0, col: 0, maxWidth: 0) == 0)
    }

    @Test func outsideGridIsIgnored() {
        var g = TextGrid(width: 4, height: 1)
        #expect(g.put("abc", row: 1, col: 0) == 0)
        #expect(g.put("abc", row: -1, col: 0) == 0)
        #expect(g.put("abc", row: 0, col: 4) == 0)
        #expect(g.put("张bc", row: 0, col: -1) == 3) // left half clipped: the right half becomes a space
        #expect(g.line(0) == " bc ")
    }

    @Test func overwritingHalfAWideCharBlanksTheOtherHalf() {
        var g = TextGrid(width: 6, height: 1)
        g.put("张伟李", row: 0, col: 0)
        g.put("x", row: 0, col: 1) // right half of 张
        #expect(g.line(0) == " x伟李")
        g.put("y", row: 0, col: 2) // left half of 伟
        #expect(g.line(0) == " xy 李")
        g.put("王", row: 0, col: 3) // right half of nothing, left half of 李: 李's right half blanks
        #expect(g.line(0) == " xy王 ")
        #expect(DisplayWidth.of(g.line(0)) == 6)
    }

    @Test func combiningAndEmoji() {
        var g = TextGrid(width: 8, height: 1)
        #expect(g.put("e\u{301}🙂x", row: 0, col: 0) == 4)
        #expect(g[0, 0].text == "e\u{301}")
        #expect(g[0, 1].text == "🙂")
        #expect(g[0, 3].text == "x")
    }

    @Test func sanitizesText() {
        var g = TextGrid(width: 10, height: 1)
        g.put("a\u{1B}[2Jb\tc", row: 0, col: 0)
        #expect(g.line(0) == "ab c      ")
    }

    @Test func fillAndRoles() {
        var g = TextGrid(width: 4, height: 3)
        g.fill(row: 1, col: 1, width: 3, height: 2, role: .selected, char: "·")
        #expect(g.text == "\n ···\n ···")
        #expect(g[2, 3].role == .selected)
        #expect(g[0, 0].role == .normal)
        g.fill(row: 0, col: 0, width: 3, height: 1, char: "张")
        #expect(g.line(0) == "张  ")
    }

    @Test func box() {
        var g = TextGrid(width: 12, height: 4)
        g.box(row: 0, col: 0, width: 12, height: 4, title: "访客 Visitors", role: .border, titleRole: .focusTitle)
        #expect(g.text == """
        ┌ 访客 Vi… ┐
        │          │
        │          │
        └──────────┘
        """)
        #expect(g[0, 0].role == .border)
        #expect(g[0, 2].role == .focusTitle)
    }

    @Test func asciiBox() {
        var g = TextGrid(width: 6, height: 3)
        g.box(row: 0, col: 0, width: 6, height: 3, title: nil, ascii: true)
        #expect(g.text == "+----+\n|    |\n+----+")
    }

    @Test func asciiOnlyMode() {
        var g = TextGrid(width: 12, height: 3, asciiOnly: true)
        g.box(row: 0, col: 0, width: 12, height: 3, title: "张 A")
        g.put("张e\u{301}x🙂", row: 1, col: 1)
        #expect(g.text == "+ ?? A ----+\n|???x??    |\n+----------+")
        #expect(g.text.unicodeScalars.allSatisfy { $0.isASCII })
    }

    @Test func cursorAndText() {
        var g = TextGrid(width: 3, height: 2)
        g.cursor = (1, 2)
        g.put("ab", row: 0, col: 0)
        #expect(g.text == "ab\n")
        #expect(g.cursor?.col == 2)
        #expect(TextGrid(width: -1, height: 5).text == "\n\n\n\n")
    }
}
