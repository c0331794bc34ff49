import Foundation
import FrontDeskKit
@testable import FrontDeskTUI
import Testing
import TestSupport

/// The People pane (joiners and leavers, page 3 beside Assets and Parcels), rendered as text at
/// the two dashboard sizes with CJK names; its actions menu; and page 3 in the home status bar.
@Suite struct PeoplePaneTests {
    static let zh = Strings(.zhHans)

    /// A joiner with a Chinese name starting in two days (one item issued) and an English-named
    /// leaver whose last day was yesterday, his laptop not back.
    static var office: DashboardModel {
        var s = OfficeState()
        let now = DemoFixture.now
        let laptop = Asset(tag: "FA-1", category: "laptop", model: "ThinkPad 笔记本", serial: nil, purchasedOn: DemoFixture.at(9, 0, dayOffset: -365),
                           costCents: 365_000, supplier: nil, department: "研发部", location: "3F", holder: "sam", state: .inUse, addedAt: now, addedBy: "tom")
        let joinDay = DemoFixture.at(0, 0, dayOffset: 2), lastDay = DemoFixture.at(0, 0, dayOffset: -1)
        for c: Change in [
            .addPerson(Person(login: "sam", name: "Sam Okafor", department: "研发部")),
            .addAsset(laptop),
            .openStaffChecklist(StaffChecklist(id: "J1", direction: .joining, person: "刘思雨", department: "研发部", day: joinDay, dueAt: joinDay,
                                               openedAt: now, openedBy: "tom",
                                               items: [StaffItem(id: "1", kind: .badge, name: "工牌"), StaffItem(id: "2", kind: .desk, name: "工位"),
                                                       StaffItem(id: "3", kind: .equipment, name: "Laptop")])),
            .settleStaffItem(checklistID: "J1", itemID: "1", settlement: StaffSettlement(state: .issued, at: now, by: "tom", note: "S-1042")),
            .openStaffChecklist(StaffChecklist(id: "J2", direction: .leaving, person: "sam", department: "研发部", day: lastDay,
                                               dueAt: DemoFixture.at(0, 0), openedAt: now, openedBy: "tom",
                                               items: [StaffItem(id: "1", kind: .badge, name: "Staff badge"),
                                                       StaffItem(id: "2", kind: .equipment, name: "ThinkPad 笔记本", asset: "FA-1")])),
        ] { s.apply(c) }
        return PaneFixture.model(s)
    }

    @Test func peopleGoldenOverdueLeaverAndJoinerWithCJK() {
        var grid = TextGrid(width: 72, height: 6)
        let rect = Rect(row: 0, col: 0, width: 72, height: 6)
        _ = PaneRenderer.draw(.people, model: Self.office, view: PaneViewState(), rect: rect, focused: true, strings: Strings(.en), into: &grid)
        #expect(grid.text.components(separatedBy: "\n") == [
            "┌ People 2 · 1 overdue ────────────────────────────────────────────────┐",
            "│Joiners (1)                                                           │",
            "│J1  刘思雨      joins   研发部  12-02  2/3 open                       │",
            "│Leavers (1)                                                           │",
            "│J2  Sam Okafor  leaves  研发部  11-29  2/2 open  !recover             │",
            "└────────────────────────────────────────────────────────────────── 2 ─┘",
        ])
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func theDemosJoinerAndLeaverFitAndLineUpInBothLanguages(_ size: (Int, Int)) throws {
        let (w, h) = size
        let demo = PaneFixture.demo
        let ids = PaneRenderer.rowIDs(.people, model: demo, filter: "")
        #expect(ids.count == 2, "the demo has one joiner and one leaver: \(ids)")
        for zh in [false, true] {
            let strings = zh ? Self.zh : Strings(.en)
            let r = PaneFixture.render(.people, model: demo, width: w, height: h, strings: strings)
            for row in 0..<h { #expect(DisplayWidth.of(r.grid.line(row)) == w, "\(w)×\(h) row \(row)") }
            for row in (r.rect.row + 1)..<(r.rect.row + r.rect.height - 1) {
                #expect(r.grid[row, r.rect.col].text == "│" && r.grid[row, r.rect.col + r.rect.width - 1].text == "│")
            }
            let lines = PaneFixture.innerLines(r.grid, r.rect)
            // The direction column follows a Chinese name and an English one at the same place.
            let words = zh ? ["入职", "离职"] : ["joins", "leaves"]
            let joinLine = try #require(lines.first { $0.contains("刘思雨") }, "\(lines)")
            let leaveLine = try #require(lines.first { $0.contains("David Chen") }, "\(lines)")
            #expect(PaneFixture.column(of: " \(words[0]) ", in: joinLine) == PaneFixture.column(of: " \(words[1]) ", in: leaveLine), "\(lines)")
            #expect(leaveLine.contains(zh ? "!待收" : "!recover"), "the leaver's phone is overdue: \(leaveLine)")
            #expect(!joinLine.contains("!"), "the joiner starts in two days: \(joinLine)")
        }
    }

    @Test func theDetailListsEveryItemWithItsState() throws {
        let d = try #require(PeoplePane.detail(id: "J2", model: Self.office, strings: Strings(.en)))
        #expect(d.title == "J2 Sam Okafor · leaves")
        #expect(d.lines.contains("Flags: !recover"))
        #expect(d.lines.contains { $0.contains("2 ThinkPad 笔记本 (FA-1): open") })
        let j = try #require(PeoplePane.detail(id: "J1", model: Self.office, strings: Self.zh))
        #expect(j.lines.contains { $0.contains("1 工牌 (S-1042)：") || $0.contains("1 工牌 (S-1042): 已发放") })
        #expect(PeoplePane.detail(id: "J9", model: Self.office, strings: Strings(.en)) == nil)
    }

    @Test func theActionsMenuOffersTheChecklistsNextStepsWithTheirKeys() throws {
        let leave = RowActions.menu(.people, id: "J2", model: Self.office)
        #expect(leave.map(\.step) == [.staffRecover, .staffWriteOff, .staffJoin, .staffLeave])
        #expect(leave.map { $0.key?.name } == ["r", "w", "n", "e"])
        #expect(leave.allSatisfy { if case .form = $0.kind { true } else { false } })
        let join = RowActions.menu(.people, id: "J1", model: Self.office)
        #expect(join.first?.step == .staffIssue && join.first?.key?.name == "i")
    }

    @Test func page3HoldsAssetsPeopleAndParcelsAndHomeCountsItsOverdue() {
        #expect(Page.things.panes == [.assets, .people, .parcels])
        #expect(PaneID.people.page == .things && PaneID.people.index == 1)
        var d = DashboardTests.dashboard()
        let n = Page.things.panes.reduce(0) { $0 + d.model.overdueCount($1) }
        #expect(d.model.overdueCount(.people) == 1, "the demo's leaver is overdue")
        let status = d.render(width: 200, height: 40).line(39)
        #expect(status.contains("page 3: \(n) overdue"), "\(status)")
        d.press(.nextPage); d.press(.nextPage)
        #expect(d.focused.page == .things)
        let frame = d.render(width: 120, height: 40).text
        #expect(frame.contains("2 People") || frame.contains("People 2"), "\(frame)")
        #expect(!d.render(width: 200, height: 40).line(39).contains("page 3:"), "not on page 3 itself")
    }
}
