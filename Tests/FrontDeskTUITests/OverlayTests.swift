import Foundation
import Testing
import TestSupport
@testable import FrontDeskKit
@testable import FrontDeskTUI

/// The help overlay, pickers, and messages that must never be cut, as text frames at 80×24 and
/// 120×40.
@Suite("Help, pickers and full messages")
struct OverlayTests {
    static func dashboard(_ language: UILanguage = .en) -> Dashboard {
        var d = DashboardTests.dashboard()
        d.strings = Strings(language)
        return d
    }

    /// The help box's inner text per screen line (box column + 2 up to its right border).
    static func boxLines(_ grid: TextGrid) -> [String] {
        let w = min(grid.width - 2, 104), col = (grid.width - w) / 2
        return (0..<grid.height).map { r in
            var s = ""
            for c in (col + 2)..<(col + w - 2) { s += grid[r, c].text }
            return s
        }
    }

    /// Pages through the help with PgDn until the footer says the last line is shown.
    static func helpPages(_ d: inout Dashboard, width: Int, height: Int) -> [TextGrid] {
        d.press(.help)
        var pages: [TextGrid] = []
        for _ in 0..<40 {
            let grid = d.render(width: width, height: height)
            pages.append(grid)
            guard let m = grid.text.firstMatch(of: #/(\d+)–(\d+)/(\d+)/#), m.output.2 != m.output.3 else { break }
            d.press(.pageDown)
        }
        return pages
    }

    @Test(arguments: [(80, 24), (120, 40)], [UILanguage.en, .zhHans])
    func theHelpScrollsToEveryKey(_ size: (Int, Int), _ language: UILanguage) throws {
        let (w, h) = size
        var d = Self.dashboard(language)
        let pages = Self.helpPages(&d, width: w, height: h)
        #expect(pages.count > 1, "\(w)×\(h): the key list fits one screen, so scrolling is untested")
        let footer = try #require(pages.last?.text.firstMatch(of: #/(\d+)–(\d+)/(\d+)/#))
        #expect(footer.output.2 == footer.output.3, "\(w)×\(h): PgDn never reached the end")
        let seen = pages.flatMap(Self.boxLines)
        // Every row of the key table is on some page, with its keys in front of its label.
        for row in Action.table {
            let keys = try #require(d.keymap.keyList(row.id))
            let label = d.strings[row.label]
            #expect(seen.contains { $0.hasPrefix(keys) && $0.contains(" " + label) }, "\(w)×\(h) \(language): no line for \(row.id.name)")
        }
        for grid in pages {
            for r in 0..<grid.height { #expect(DisplayWidth.of(grid.line(r)) == w, "\(w)×\(h) row \(r)") }
        }
        // Labels and help sentences start at one column on every row, CJK or not.
        var labelColumns: Set<Int> = [], helpColumns: Set<Int> = []
        for row in Action.table {
            let keys = d.keymap.keyList(row.id) ?? ""
            let label = d.strings[row.label], help = String(d.strings[row.help].prefix(3))
            guard let line = seen.first(where: { $0.hasPrefix(keys + " ") && $0.contains(" " + label + " ") && $0.contains(help) }),
                  let l = line.range(of: " " + label + " "), let hr = line.range(of: help, range: l.upperBound..<line.endIndex) else {
                Issue.record("\(w)×\(h) \(language): \(row.id.name) not found whole"); continue
            }
            labelColumns.insert(DisplayWidth.of(line[..<l.lowerBound]) + 1)
            helpColumns.insert(DisplayWidth.of(line[..<hr.lowerBound]))
        }
        #expect(labelColumns.count == 1, "\(w)×\(h) \(language): labels start at \(labelColumns.sorted())")
        #expect(helpColumns.count == 1, "\(w)×\(h) \(language): help starts at \(helpColumns.sorted())")
    }

    @Test func helpScrollsByLineAndStopsAtBothEnds() {
        var d = Self.dashboard()
        d.press(.help)
        _ = d.render(width: 80, height: 24)
        d.press(.up)
        guard case .help(let top) = d.mode else { Issue.record("help closed"); return }
        #expect(top == 0 || d.render(width: 80, height: 24).text.contains("1–"), "scrolled above the first line")
        d.press(.down); d.press(.down)
        #expect(d.render(width: 80, height: 24).text.contains("3–"))
        d.press(.bottom)
        let end = d.render(width: 80, height: 24).text
        let m = end.firstMatch(of: #/(\d+)–(\d+)/(\d+)/#)
        #expect(m != nil && m?.output.2 == m?.output.3)
        d.press(.back)
        #expect(d.mode == .normal)
    }

    // MARK: Messages are never cut

    static let longRefusal = "Room 长城厅 Great Wall is booked 10:00–11:00 by 李娜 (M3, Quarterly budget review with the finance department); choose another room or time, or ask 李娜 to move it."

    @Test(arguments: [(80, 24), (120, 40)])
    func aLongRefusalIsShownInFull(_ size: (Int, Int)) {
        let (w, h) = size
        var d = Self.dashboard()
        d.stepped("Refused: " + Self.longRefusal, ok: false)
        let grid = d.render(width: w, height: h)
        let text = (0..<h).map { grid.line($0) }.joined(separator: " ")
        let words = ("Refused: " + Self.longRefusal).split(separator: " ")
        for word in words { #expect(text.contains(word), "\(w)×\(h): '\(word)' cut") }
        #expect(text.contains("ask 李娜 to move it."))
        for r in 0..<h { #expect(DisplayWidth.of(grid.line(r)) == w) }
    }

    @Test func aLongRefusalInAFormIsShownInFull() throws {
        var d = Self.dashboard()
        d.press(.bookRoom)
        let form = try d.openForm()
        let reason = Self.longRefusal + " " + Self.longRefusal + " The last words are here."
        d.refused(form, reason: reason)
        let grid = d.render(width: 80, height: 24)
        let text = (0..<24).map { grid.line($0) }.joined(separator: " ")
        #expect(text.contains("The last words are here."), "the end of the refusal was cut")
        #expect(text.components(separatedBy: "Quarterly").count == 3, "both sentences shown")
        #expect(text.contains("Title"), "the form is still there")
    }

    // MARK: Pickers

    @Test func aPickerNarrowsAsYouTypeAndArrowsChoose() throws {
        var d = Self.dashboard()
        d.press(.bookRoom)
        d.press(.fieldNext)   // Room
        #expect(try d.openForm().fields[try d.openForm().focus].label.en == "Room")
        DashboardTests.type("focus", into: &d)
        var frame = d.render(width: 120, height: 40).text
        #expect(frame.contains("1/2 ▸ Focus 1  Focus 2"), "\(frame)")
        d.press(.choiceDown)
        frame = d.render(width: 120, height: 40).text
        #expect(frame.contains("2/2 ▸ Focus 2  Focus 1"))
        let room = try #require(try d.openForm().field("Room"))
        #expect(room.resolved == d.model.state.room(named: "Focus 2")?.id)
        d.press(.fieldNext)
        #expect(try d.openForm().field("Room")?.value == "Focus 2", "leaving the picker shows the chosen room")
    }

    @Test func aPickerRefusesTextThatMatchesNothing() throws {
        var d = Self.dashboard()
        d.press(.bookRoom)
        DashboardTests.type("Budget", into: &d)
        d.press(.fieldNext)
        _ = d.handle(.ctrl("u"))
        DashboardTests.type("Mars", into: &d)
        #expect(d.render(width: 120, height: 40).text.contains("matches nothing in the list"))
        guard case .submit(let form) = d.press(.formSave) else { Issue.record("no submit"); return }
        #expect { try form.change(d.model.state, RuleContext(env: DemoFixture.env())) } throws: { e in
            (e as? FieldError).map { $0.field == 1 && $0.message.en.hasPrefix("not one of:") } ?? false
        }
    }

    /// A check across fields lands on the field its declaration names (End), shown there.
    @Test func anEndBeforeTheStartIsShownAtTheEndField() throws {
        var d = Self.dashboard()
        d.press(.bookRoom)
        DashboardTests.type("Budget", into: &d)
        d.press(.fieldNext); DashboardTests.type("Focus 1", into: &d)
        d.press(.fieldNext); _ = d.handle(.ctrl("u")); DashboardTests.type("15:00", into: &d)
        d.press(.fieldNext); _ = d.handle(.ctrl("u")); DashboardTests.type("14:00", into: &d)
        guard case .submit(let form) = d.press(.formSave) else { Issue.record("no submit"); return }
        let end = try #require(form.fields.firstIndex { $0.label.en == "End" })
        do {
            _ = try form.change(d.model.state, RuleContext(env: DemoFixture.env()))
            Issue.record("an end before the start was accepted")
        } catch let e as FieldError {
            #expect(e.field == end && e.message.en == "ends before it starts")
            d.refused(form, e)
        }
        #expect(try d.openForm().focus == end)
        #expect(d.render(width: 120, height: 40).text.contains("⚠ ends before it starts"))
    }

    @Test func checkOutAsksYesNoOrLostAsAPicker() throws {
        var d = Self.dashboard()
        d.press(.pane2)
        let onSite = try #require(d.model.state.visitors.values.first { $0.status == .onSite && !$0.badgesOut.isEmpty })
        d.views[.visitors]?.selectedID = onSite.id
        d.press(.checkOut)
        _ = d.handle(.ctrl("u"))
        DashboardTests.type("lo", into: &d)
        guard case .submit(let form) = d.press(.formSave) else { Issue.record("no submit"); return }
        #expect(form.field("Badge back?")?.value == "lost")
        guard case .checkOutVisitor(_, _, let lost) = try form.change(d.model.state, RuleContext(env: DemoFixture.env())) else {
            Issue.record("not a check-out"); return
        }
        #expect(lost == onSite.badgesOut)
    }

    @Test func theChineseFormShowsChineseLabelsAndChoices() throws {
        var d = Self.dashboard(.zhHans)
        d.press(.bookRoom)
        let frame = d.render(width: 80, height: 24).text
        for word in ["预订会议室", "主题", "会议室", "已确认？", "保存", "取消"] { #expect(frame.contains(word), "no \(word)") }
        #expect(!frame.contains("Title") && !frame.contains("Book a room"))
        #expect(try d.openForm().field("Confirmed?")?.value == "是")
    }

    /// The form's key line is whole at 80×24 in both languages, for every form of the demo.
    @Test(arguments: [UILanguage.en, .zhHans])
    func formKeyHintsAreNeverCut(_ language: UILanguage) throws {
        var d = Self.dashboard(language)
        let footer = d.keymap.hints(.form, strings: d.strings).map { "\($0.key) \($0.label)" }.joined(separator: " · ")
        d.mode = .form(try #require(DeskForm.make(.bookRoom, subject: nil, model: d.model, strings: d.strings)))
        let text = d.render(width: 80, height: 24).text
        #expect(text.contains(footer), "\(language): \(footer)")
    }

    /// A picker pre-filled with one of its choices still offers the others on ↓.
    @Test func aPrefilledPickerOffersEveryChoice() throws {
        var f = TextField(L("Room", "会议室"), value: "Focus 1", choices: [Choice("R1", "Board Room"), Choice("R4", "Focus 1"), Choice("R5", "Focus 2")])
        #expect(f.matches.map(\.value) == ["R4", "R1", "R5"])
        #expect(f.resolved == "R4")
        _ = f.moveHighlight(1)
        #expect(f.resolved == "R1")
        f.settleChoice()
        #expect(f.value == "Board Room")
    }

    // MARK: Group headings under a filter

    @Test func headingsCountOnlyTheRowsTheFilterKeeps() throws {
        let model = PaneFixture.demo
        let waiting = model.visitors.rows.filter { $0.group == .waiting }
        try #require(waiting.count > 1)
        let name = waiting[0].visitor.name
        let r = PaneFixture.render(.visitors, model: model, width: 120, height: 40, view: PaneViewState(filter: name))
        let lines = PaneFixture.innerLines(r.grid, r.rect)
        #expect(lines.contains("Waiting in lobby (1)"), "\(lines)")
        #expect(!lines.contains("Waiting in lobby (\(waiting.count))"))
        let all = PaneFixture.render(.visitors, model: model, width: 120, height: 40)
        #expect(PaneFixture.innerLines(all.grid, all.rect).contains("Waiting in lobby (\(waiting.count))"))
    }
}
