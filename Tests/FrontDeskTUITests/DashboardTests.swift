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
        d.press(.nextPane); #expect(d.focused == .visitors)
        d.press(.prevPane); #expect(d.focused == .meetings)
        d.press(.pane4); #expect(d.focused == .approvals)
        d.press(.pane3); #expect(d.focused == .stock)
        #expect(d.press(.quit) == .quit)
    }

    @Test func upAndDownMoveTheSelectionWithinThePane() throws {
        var d = Self.dashboard()
        d.press(.pane2)
        let ids = PaneRenderer.rowIDs(.visitors, model: d.model, filter: "")
        #expect(d.views[.visitors]?.selectedID == ids.first)
        d.press(.down); _ = d.handle(.char("j"))   // the second key of the row works too
        #expect(d.views[.visitors]?.selectedID == ids[2])
        d.press(.up)
        #expect(d.views[.visitors]?.selectedID == ids[1])
        d.press(.bottom)
        #expect(d.views[.visitors]?.selectedID == ids.last)
    }

    @Test func aFormTakesChineseTextAndDeletesByCharacter() throws {
        var d = Self.dashboard()
        d.press(.newVisitor)
        _ = try d.openForm()
        Self.type("张伟伟", into: &d)
        _ = d.handle(.backspace)
        _ = d.handle(.char("q"))   // typed into the field, not quit
        let form = try d.openForm()
        let name = try #require(form.field("Name"))
        #expect(name.value == "张伟q")
        #expect(name.cursorColumn == 5, "two wide characters and one narrow")
        #expect(form.isHalfFilled)
        let frame = d.render(width: 120, height: 40).text
        #expect(frame.contains("张伟q"))
    }

    @Test func quittingWithAHalfFilledFormAsksFirst() throws {
        var d = Self.dashboard()
        d.press(.newVisitor)
        Self.type("Ann", into: &d)
        #expect(d.handle(.ctrl("c")) == .redraw)
        guard case .confirmQuit = d.mode else { Issue.record("no confirmation"); return }
        #expect(d.render(width: 120, height: 40).text.contains("Quit anyway? (y = Yes, quit)"))
        #expect(d.handle(.char("n")) == .redraw)
        #expect(try d.openForm().field("Name")?.value == "Ann", "the form was lost")
        _ = d.handle(.ctrl("c"))
        #expect(d.press(.quitYes) == .quit)
        var empty = Self.dashboard()
        empty.press(.newVisitor)
        #expect(empty.handle(.ctrl("c")) == .quit, "an untouched form does not ask")
    }

    @Test func aSubmittedFormBuildsTheChangeAndARefusalKeepsWhatWasTyped() throws {
        var d = Self.dashboard()
        d.press(.newVisitor)
        Self.type("欧阳娜娜", into: &d)
        d.press(.fieldNext); Self.type("华信科技", into: &d)
        d.press(.fieldNext); Self.type("lina", into: &d)
        var effect = Dashboard.Effect.none
        for _ in 0..<6 { effect = d.press(.formEnter); if case .submit = effect { break } }
        guard case .submit(let form) = effect else { Issue.record("no submit: \(effect)"); return }
        let state = d.model.state
        let change = try form.change(state, RuleContext(env: DemoFixture.env()))
        guard case .addVisitor(let v) = change else { Issue.record("not a visitor: \(change)"); return }
        #expect(v.name == "欧阳娜娜" && v.company == "华信科技" && v.host == "lina")
        #expect(v.expectedAt > DemoFixture.now)
        #expect(form.field("Host")?.value == "李娜 (lina)", "the host picker settled on the person")
        d.refused(form, reason: "Badge B001 is out with 林志强 (V13).")
        #expect(try d.openForm().field("Name")?.value == "欧阳娜娜", "the form closed on refusal")
        let frame = d.render(width: 120, height: 40).text
        #expect(frame.contains("Badge B001 is out with 林志强"))
    }

    @Test func ctrlSSavesFromAnyField() throws {
        var d = Self.dashboard()
        d.press(.newVisitor)
        Self.type("Ann Lee", into: &d)
        d.press(.fieldNext); d.press(.fieldNext); Self.type("lina", into: &d)
        guard case .submit(let form) = d.press(.formSave) else { Issue.record("Ctrl-S did not submit"); return }
        guard case .addVisitor(let v) = try form.change(d.model.state, RuleContext(env: DemoFixture.env())) else { Issue.record("not a visitor"); return }
        #expect(v.name == "Ann Lee" && v.host == "lina" && v.headCount == 1)
    }

    @Test func fieldErrorsAreShownAtTheField() throws {
        var d = Self.dashboard()
        d.press(.newVisitor)
        let form = try d.openForm()   // fails the test (no early return) when the key opens no form
        #expect { try form.change(d.model.state, RuleContext(env: DemoFixture.env())) } throws: { e in
            (e as? FieldError).map { $0.field == 0 && $0.message.en == "required" } ?? false
        }
        guard case .submit(let submitted) = d.press(.formSave) else { Issue.record("no submit"); return }
        do { _ = try submitted.change(d.model.state, RuleContext(env: DemoFixture.env())) } catch let e as FieldError { d.refused(submitted, e) }
        #expect(d.render(width: 120, height: 40).text.contains("⚠ required"))
    }

    @Test func theActionsMenuOffersEveryStepOfTheSelectedVisitor() throws {
        var d = Self.dashboard()
        d.press(.pane2)
        let state = d.model.state
        let expected = try #require(PaneRenderer.rowIDs(.visitors, model: d.model, filter: "").first { state.visitors[$0]?.status == .expected })
        d.views[.visitors]?.selectedID = expected
        d.press(.actions)
        let frame = d.render(width: 120, height: 40).text
        #expect(frame.contains("Confirm"))
        #expect(frame.contains("Check in"))
        #expect(d.press(.step(.visitorConfirm)) == .step(RowStep(.visitorConfirm, on: .visitor(expected))))
    }

    @Test func theMeetingCycleIsReachableFromTheActionsMenu() throws {
        var d = Self.dashboard()
        let state = d.model.state
        let held = try #require(state.meetings.values.first { $0.status == .held && $0.minutes == nil })
        d.views[.meetings]?.selectedID = held.id
        d.press(.actions)
        let steps = RowActions.menu(.meetings, id: held.id, model: d.model).map(\.step)
        #expect(steps.contains(.meetingMinutes) && steps.contains(.meetingActionAdd))
        d.press(.step(.meetingMinutes))
        #expect(try d.openForm().kind == .minutes)
    }

    /// A rebound menu letter works in the menu and shows there; the old letter does nothing.
    @Test func menuLettersComeFromTheKeymap() throws {
        var d = Self.dashboard()
        d.keymap = try Keymap.load(text: "[keys]\n\"visitor.confirm\" = \"F\"\n", source: "keys.toml")
        d.press(.pane2)
        let state = d.model.state
        let expected = try #require(PaneRenderer.rowIDs(.visitors, model: d.model, filter: "").first { state.visitors[$0]?.status == .expected })
        d.views[.visitors]?.selectedID = expected
        d.press(.actions)
        #expect(d.render(width: 120, height: 40).text.contains(" F  Confirm"))
        #expect(d.handle(.char("f")) == .none)
        #expect(d.handle(.char("F")) == .step(RowStep(.visitorConfirm, on: .visitor(expected))))
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
        #expect(rebound.keymap.keyName(.help) == "h")
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
        d.press(.pane2)
        d.press(.down); d.press(.down)
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
    @Test func aKnownNameFillsCompanyAndHost() throws {
        var d = DashboardTests.dashboard()
        d.press(.newVisitor)
        DashboardTests.type("Emily Watson", into: &d)
        d.press(.fieldNext)
        let f = try d.openForm()
        let known = try #require(d.model.state.returningVisitors["emily watson"])
        #expect(f.field("Company")?.value == known.company)
        #expect(f.field("Host")?.resolved == known.lastHost)
        #expect(f.field("Name")?.hint?.en.hasPrefix("↺") == true)
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

@Suite("Forms for issue 8's last steps")
struct ChecklistAndIdentityFormTests {
    /// The meetings menu offers the checklist step; its form ticks one unchecked item, which the
    /// meeting's detail no longer lists.
    @Test func theChecklistIsTickedFromTheActionsMenu() throws {
        var d = DashboardTests.dashboard()
        let ctx = RuleContext(env: DemoFixture.env())
        let m = try #require(d.model.state.meetings.values.sorted { $0.id < $1.id }.first { m in
            RowActions.menu(.meetings, id: m.id, model: d.model).contains { $0.step == .meetingChecklist }
                && m.uncheckedItems.contains(PreparationCheck.materials)
        })
        d.views[.meetings]?.selectedID = m.id
        d.press(.actions)
        #expect(d.render(width: 120, height: 40).text.contains("Equipment tested"))
        d.press(.step(.meetingChecklist))
        let form = try d.openForm()
        #expect(form.kind == .checkPreparation)
        #expect(form.fields.first?.choices?.map(\.value) == m.uncheckedItems)
        guard case .submit(let submitted) = d.press(.formSave) else { Issue.record("no submit"); return }
        let changes = try submitted.changes(d.model.state, ctx)
        #expect(changes == [.checkPreparation(meetingID: m.id, items: [PreparationCheck.materials], by: DemoFixture.user, at: DemoFixture.now)])
        var state = d.model.state
        for c in changes { try state.validate(c, ctx); state.apply(c) }
        d.saved("saved")
        d.update(model: DashboardModel(state: state, settings: .defaults, env: DemoFixture.env()))
        d.press(.open)
        let frame = d.render(width: 120, height: 40).text
        let still = try #require(frame.split(separator: "\n").first { $0.contains("Still to check") }, "\(frame)")
        #expect(!still.contains(PreparationCheck.materials), "\(still)")
        #expect(state.meetings[m.id]?.uncheckedItems.contains(PreparationCheck.materials) == false)
    }

    /// A number other than the registered one is refused in the form (what was typed stays) until
    /// the form's confirmation says it is right; then the check-in saves with its identity record.
    @Test func aChangedIdentityNumberNeedsTheFormsConfirmation() throws {
        let tmp = try TempStore("dash-identity")
        defer { tmp.remove() }
        let store = try tmp.create(at: "2026-03-10 10:30", user: "lina", allowOverrides: false)
        let v = try store.commit { s, ctx in
            .addVisitor(Visitor(id: ctx.env.ids.next(.visitor, in: s), name: "王五", host: "lina", expectedAt: ctx.now, receivedAt: ctx.now,
                                idNumber: "310101199001011234"))
        }.change.subject
        let env = TempStore.env(at: "2026-03-10 10:30", user: "lina")
        var d = Dashboard(model: DashboardModel(state: store.state, settings: .defaults, env: env), storeLabel: tmp.path)
        d.press(.pane2)
        d.views[.visitors]?.selectedID = v
        d.press(.actions)
        d.press(.step(.visitorCheckIn))
        #expect(try d.openForm().kind == .checkIn)
        d.press(.fieldNext)
        DashboardTests.type("310101199001015678", into: &d)
        guard case .submit(let first) = d.press(.formSave) else { Issue.record("no submit"); return }
        #expect(DashboardLauncher.submit(first, store: store, dash: &d).isEmpty)
        let refused = try d.openForm()
        #expect(refused.refusal?.contains("••••5678") == true, "\(refused.refusal ?? "no refusal")")
        #expect(refused.field("ID number")?.value == "310101199001015678", "what was typed is kept")
        #expect(store.state.visitors[v]?.status == .expected, "nothing was written")
        let frame = d.render(width: 120, height: 40).text
        #expect(frame.contains("New number is right?") && frame.contains("it differs from the registered one and is right"), "\(frame)")

        d.press(.fieldNext)
        #expect(try d.openForm().focus == 2)
        d.press(.choiceDown)
        guard case .submit(let second) = d.press(.formSave) else { Issue.record("no submit"); return }
        #expect(second.field(CheckInFields.confirmNewIdentity.en)?.resolved == "yes")
        let records = DashboardLauncher.submit(second, store: store, dash: &d)
        #expect(records.map(\.change.name) == ["visitor.identity", "visitor.checkin"])
        #expect(store.state.visitors[v]?.idNumber == "310101199001015678")
        #expect(store.state.visitors[v]?.status == .onSite)
        let audit = try store.auditTrail().filter { $0.change.name == "visitor.identity" }
        #expect(audit.count == 1 && audit.first?.change.subject == v)
        if case .form = d.mode { Issue.record("the form stayed open after saving") }
    }
}
