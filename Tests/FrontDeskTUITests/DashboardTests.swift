import Foundation
import Testing
import TestSupport
@testable import FrontDeskKit
@testable import FrontDeskTUI

/// The dashboard without a terminal: keys in, effects and text frames out.
@Suite("Dashboard keys, forms and frames")
struct DashboardTests {
    static func dashboard(_ state: OfficeState = DemoFixture.state(), user: String = DemoFixture.user) -> Dashboard {
        let env = DemoFixture.env(user: user)
        return Dashboard(model: DashboardModel(state: state, settings: .defaults, env: env), storeLabel: "/srv/frontdesk")
    }

    static func type(_ text: String, into d: inout Dashboard) {
        for c in text { _ = d.handle(.char(c)) }
    }

    @Test func panesAreReachedByTabShiftTabAndDigits() {
        var d = Self.dashboard()
        #expect(d.focused == .meetings)
        _ = d.handle(.tab); #expect(d.focused == .visitors)
        _ = d.handle(.backTab); #expect(d.focused == .meetings)
        _ = d.handle(.char("4")); #expect(d.focused == .approvals)
        _ = d.handle(.char("3")); #expect(d.focused == .stock)
        #expect(d.handle(.char("q")) == .quit)
    }

    @Test func arrowsAndJKMoveTheSelectionWithinThePane() throws {
        var d = Self.dashboard()
        _ = d.handle(.char("2"))
        let ids = PaneRenderer.rowIDs(.visitors, model: d.model, filter: "")
        #expect(d.views[.visitors]?.selectedID == ids.first)
        _ = d.handle(.char("j")); _ = d.handle(.down)
        #expect(d.views[.visitors]?.selectedID == ids[2])
        _ = d.handle(.char("k"))
        #expect(d.views[.visitors]?.selectedID == ids[1])
        _ = d.handle(.char("G"))
        #expect(d.views[.visitors]?.selectedID == ids.last)
    }

    @Test func aFormTakesChineseTextAndDeletesByCharacter() throws {
        var d = Self.dashboard()
        _ = d.handle(.char("n"))
        guard case .form = d.mode else { Issue.record("n did not open the form"); return }
        Self.type("张伟伟", into: &d)
        _ = d.handle(.backspace)
        _ = d.handle(.char("q"))   // typed into the field, not quit
        guard case .form(let form) = d.mode else { Issue.record("form closed"); return }
        #expect(form.fields[0].value == "张伟q")
        #expect(form.fields[0].cursorColumn == 5, "two wide characters and one narrow")
        #expect(form.isHalfFilled)
        let frame = d.render(width: 120, height: 40).text
        #expect(frame.contains("张伟q"))
    }

    @Test func quittingWithAHalfFilledFormAsksFirst() {
        var d = Self.dashboard()
        _ = d.handle(.char("n"))
        Self.type("Ann", into: &d)
        #expect(d.handle(.ctrl("c")) == .redraw)
        guard case .confirmQuit = d.mode else { Issue.record("no confirmation"); return }
        #expect(d.render(width: 120, height: 40).text.contains("Quit anyway"))
        #expect(d.handle(.char("n")) == .redraw)
        guard case .form(let f) = d.mode else { Issue.record("the form was lost"); return }
        #expect(f.fields[0].value == "Ann")
        _ = d.handle(.ctrl("c"))
        #expect(d.handle(.char("y")) == .quit)
        var empty = Self.dashboard()
        _ = empty.handle(.char("n"))
        #expect(empty.handle(.ctrl("c")) == .quit, "an untouched form does not ask")
    }

    @Test func aSubmittedFormBuildsTheChangeAndARefusalKeepsWhatWasTyped() throws {
        var d = Self.dashboard()
        _ = d.handle(.char("n"))
        Self.type("欧阳娜娜", into: &d)
        _ = d.handle(.tab); Self.type("华信科技", into: &d)
        _ = d.handle(.tab); Self.type("lina", into: &d)
        var effect = Dashboard.Effect.none
        for _ in 0..<6 { effect = d.handle(.enter); if case .submit = effect { break } }
        guard case .submit(let form) = effect else { Issue.record("no submit: \(effect)"); return }
        let state = d.model.state
        let change = try form.change(state, RuleContext(env: DemoFixture.env()))
        guard case .addVisitor(let v) = change else { Issue.record("not a visitor: \(change)"); return }
        #expect(v.name == "欧阳娜娜" && v.company == "华信科技" && v.host == "lina")
        #expect(v.expectedAt > DemoFixture.now)
        d.refused(form, reason: "Badge B001 is out with 林志强 (V13).")
        guard case .form(let kept) = d.mode else { Issue.record("the form closed on refusal"); return }
        #expect(kept.fields[0].value == "欧阳娜娜")
        let frame = d.render(width: 120, height: 40).text
        #expect(frame.contains("Badge B001 is out with 林志强"))
    }

    @Test func fieldErrorsAreShownAtTheField() throws {
        var d = Self.dashboard()
        _ = d.handle(.char("n"))
        guard case .form(let form) = d.mode else { return }
        #expect(throws: (any Error).self) { try form.change(d.model.state, RuleContext(env: DemoFixture.env())) }
        d.refused(form, reason: "required", field: 0, fieldMessage: "required")
        #expect(d.render(width: 120, height: 40).text.contains("⚠ required"))
    }

    @Test func theActionsMenuOffersEveryStepOfTheSelectedVisitor() throws {
        var d = Self.dashboard()
        _ = d.handle(.char("2"))
        let state = d.model.state
        let expected = try #require(PaneRenderer.rowIDs(.visitors, model: d.model, filter: "").first { state.visitors[$0]?.status == .expected })
        d.views[.visitors]?.selectedID = expected
        _ = d.handle(.char(" "))
        let frame = d.render(width: 120, height: 40).text
        #expect(frame.contains("Confirm"))
        #expect(frame.contains("Check in"))
        #expect(d.handle(.char("f")) == .step(RowStep(.visitorConfirm, on: .visitor(expected))))
    }

    @Test func theMeetingCycleIsReachableFromTheActionsMenu() throws {
        var d = Self.dashboard()
        let state = d.model.state
        let held = try #require(state.meetings.values.first { $0.status == .held && $0.minutes == nil })
        d.views[.meetings]?.selectedID = held.id
        _ = d.handle(.char("."))
        let labels = RowActions.menu(.meetings, id: held.id, model: d.model).map(\.key)
        #expect(labels.contains("m") && labels.contains("a"))
        _ = d.handle(.char("m"))
        guard case .form(let f) = d.mode, f.kind == .minutes else { Issue.record("no minutes form"); return }
    }

    @Test func theStatusBarShowsClockUserStoreAndKeysFromTheKeymap() {
        var d = Self.dashboard()
        let lines = d.render(width: 120, height: 40).text.split(separator: "\n", omittingEmptySubsequences: false)
        let status = String(lines.last ?? "")
        #expect(status.contains("2026-11-30 10:30"))
        #expect(status.contains("lina"))
        #expect(status.contains("/srv/frontdesk"))
        #expect(status.contains("live"))
        #expect(status.contains("? Help"))
        var rebound = Self.dashboard()
        rebound.keymap = (try? Keymap.load(text: "[keys]\nhelp = \"h\"\n", source: "keys.toml")) ?? .defaults
        #expect((rebound.render(width: 120, height: 40).text.split(separator: "\n").last ?? "").contains("h Help"))
    }

    @Test func everySizeRendersWithinItsWidthAndTooSmallSaysSo() {
        var d = Self.dashboard()
        for (w, h) in [(120, 40), (80, 24), (100, 30), (60, 16), (200, 60)] {
            let grid = d.render(width: w, height: h)
            for row in 0..<grid.height { #expect(DisplayWidth.of(grid.line(row)) <= w, "\(w)×\(h) row \(row)") }
        }
        let small = d.render(width: 40, height: 10).text
        #expect(small.contains("Terminal too small"))
        #expect(small.contains("60×16"))
        _ = d.render(width: 0, height: 0)
        _ = d.render(width: 1, height: 1)
    }

    @Test func aLiveUpdateKeepsTheSelectionById() throws {
        var d = Self.dashboard()
        _ = d.handle(.char("2"))
        _ = d.handle(.char("j")); _ = d.handle(.char("j"))
        let selected = try #require(d.views[.visitors]?.selectedID)
        var state = d.model.state
        state.apply(.addVisitor(Visitor(id: "V900", name: "Aaron First", host: "lina", expectedAt: DemoFixture.at(8, 0), status: .arrived,
                                        receivedAt: DemoFixture.at(7, 0))))
        d.update(model: DashboardModel(state: state, settings: .defaults, env: DemoFixture.env()))
        #expect(d.views[.visitors]?.selectedID == selected)
        state.visitors[selected] = nil
        d.update(model: DashboardModel(state: state, settings: .defaults, env: DemoFixture.env()))
        #expect(d.views[.visitors]?.selectedID != nil, "a vanished row gives way to a neighbour")
    }

    @Test func theZhHansDashboardUsesChineseTitles() {
        var d = Self.dashboard()
        d.strings = Strings(.zhHans)
        let text = d.render(width: 120, height: 40).text
        for title in ["会议", "访客", "库存", "审批"] { #expect(text.contains(title)) }
    }
}

@Suite("Wrapping by display width")
struct WrapTests {
    @Test func wrapsAtSpacesAndBetweenChineseCharactersWithinTheWidth() {
        let english = DisplayWidth.wrap("Room 3 is booked 10:00–11:00 by Ann Lee", to: 16)
        #expect(english == ["Room 3 is booked", "10:00–11:00 by", "Ann Lee"])
        let chinese = DisplayWidth.wrap("长城厅已被李娜预订十点到十一点", to: 9)
        for l in chinese { #expect(DisplayWidth.of(l) <= 9) }
        #expect(chinese.joined() == "长城厅已被李娜预订十点到十一点")
        #expect(DisplayWidth.wrap("", to: 5) == [""])
    }
}

@Suite("Returning visitors")
struct ReturningVisitorTests {
    @Test func aKnownNameFillsCompanyAndHost() {
        var d = DashboardTests.dashboard()
        _ = d.handle(.char("n"))
        DashboardTests.type("Emily Watson", into: &d)
        _ = d.handle(.tab)
        guard case .form(let f) = d.mode else { Issue.record("form closed"); return }
        let known = d.model.state.returningVisitors["emily watson"]
        #expect(known != nil)
        #expect(f.fields[1].value == known?.company)
        #expect(f.fields[2].value == known?.lastHost)
        #expect(f.fields[0].hint.hasPrefix("↺"))
    }
}

@Suite("Status bar with a long store path")
struct StatusBarTests {
    @Test func aMessageIsNeverCrowdedOutByTheStorePath() {
        let env = DemoFixture.env()
        let long = "/tmp/frontdesk-test-tmux-232B6AC8-90B3-45CC-A186-016900CC0119/store"
        var d = Dashboard(model: DashboardModel(state: DemoFixture.state(), settings: .defaults, env: env), storeLabel: long)
        d.message = ("Saved visitor.add V28", .ok)
        let status = String(d.render(width: 120, height: 40).text.split(separator: "\n").last ?? "")
        #expect(status.contains("Saved visitor.add V28"))
        #expect(status.contains("/store"), "the end of the path stays")
        #expect(DisplayWidth.middleTruncate("/srv/frontdesk", to: 40) == "/srv/frontdesk")
        #expect(DisplayWidth.of(DisplayWidth.middleTruncate(long, to: 20)) <= 20)
    }
}
