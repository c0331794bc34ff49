import Foundation
import FrontDeskKit
@testable import FrontDeskTUI
import Testing
import TestSupport

/// Small hand-made offices rendered into small grids and compared line by line: CJK names, a long
/// English name and an emoji must keep every column in place.
@Suite struct PaneGoldenTests {
    static func at(_ h: Int, _ m: Int, dayOffset: Int = 0) -> Date { DemoFixture.at(h, m, dayOffset: dayOffset) }

    /// Two hosts, a room with a CJK name, and the visitors / meeting / item / request given.
    static func office(_ changes: [Change]) -> DashboardModel {
        var s = OfficeState()
        let base: [Change] = [
            .addPerson(Person(login: "lina", name: "李娜")), .addPerson(Person(login: "tom", name: "Tom Becker")),
            .grantRole(user: "lina", role: .approver),
            .addRoom(Room(id: "R1", name: "长城厅 Great Wall", capacity: 10)), .addRoom(Room(id: "R2", name: "Focus 1", capacity: 4)),
            .addBadges(["B001", "B002", "B003"]),
        ]
        for c in base + changes { s.apply(c) }
        return PaneFixture.model(s)
    }

    static var visitors: DashboardModel {
        office([
            .addVisitor(Visitor(id: "V1", name: "欧阳娜娜", company: "华信科技", host: "lina", expectedAt: at(10, 0), receivedAt: at(8, 0))),
            .visitorArrived(visitorID: "V1", at: at(10, 5)),
            .addVisitor(Visitor(id: "V2", name: "Maximilian Alexander Montgomery", company: "Acme Logistics", host: "tom",
                                expectedAt: at(9, 0), headCount: 2, receivedAt: at(8, 0))),
            .checkInVisitor(visitorID: "V2", badges: ["B001", "B002"], idNumber: "310101199001011234", at: at(9, 10)),
            .addVisitor(Visitor(id: "V3", name: "Zoë 🙂 Chen", company: "Globex", host: "lina", expectedAt: at(14, 0), receivedAt: at(8, 0))),
        ])
    }

    static var meetingsAndMore: DashboardModel {
        var m = Meeting(id: "M1", title: "季度预算评审 Budget", roomID: "R1", organizer: "lina", attendees: ["lina", "tom"],
                        start: at(10, 0), end: at(11, 0), requestedAt: at(8, 0, dayOffset: -2))
        m.status = .held
        let late = Meeting(id: "M2", title: "Supplier talk", roomID: "R2", organizer: "tom", start: at(11, 0), end: at(12, 0),
                           requestedAt: at(9, 0, dayOffset: -2))
        return office([
            .bookMeetings([m, late]),
            .addItem(SupplyItem(sku: "PAP-A4", name: "A4 复印纸", unit: "ream", reorderAt: 40, target: 120)),
            .moveStock(StockMove(id: "K1", sku: "PAP-A4", kind: .receive, quantity: 30, at: at(9, 0, dayOffset: -20), by: "lina")),
            .moveStock(StockMove(id: "K2", sku: "PAP-A4", kind: .issue, quantity: -6, at: at(9, 0, dayOffset: -3), by: "lina",
                                 department: "行政部", recipient: "李娜")),
            .requestApproval(ApprovalRequest(id: "A1", type: .purchase, title: "采购 A4 复印纸", requester: "tom",
                                             createdAt: at(9, 0, dayOffset: -3), amount: 4900)),
        ])
    }

    static func render(_ pane: PaneID, _ model: DashboardModel, width: Int, height: Int, selected: String? = nil,
                       ascii: Bool = false) -> [String] {
        let r = PaneFixture.render(pane, model: model, width: width, height: height, view: PaneViewState(selectedID: selected),
                                   ascii: ascii, rect: Rect(row: 0, col: 0, width: width, height: height))
        return r.grid.text.components(separatedBy: "\n")
    }

    @Test func visitorsWithCJKLongNameAndEmojiLineUp() {
        #expect(Self.render(.visitors, Self.visitors, width: 60, height: 9, selected: "V2") == [
            "┌ Visitors 3 · 2 overdue ──────────────────────────────────┐",
            "│Waiting in lobby (1)                                      │",
            "│10:05 25 min 欧阳娜娜        李娜                 !wait   │",
            "│On site (1)                                               │",
            "│09:10        Maximilian … ×2 Tom Becker B001,B002         │",
            "│Expected (1)                                              │",
            "│14:00        Zoë 🙂 Chen     李娜                 !confirm│",
            "│                                                          │",
            "└──────────────────────────────────────────────────── 2/3 ─┘",
        ])
    }

    @Test func narrowVisitorsCutEveryCellByDisplayWidth() {
        #expect(Self.render(.visitors, Self.visitors, width: 44, height: 9) == [
            "┌ Visitors 3 · 2 overdue ──────────────────┐",
            "│Waiting in lobby (1)                      │",
            "│10:05 25 min 欧阳娜娜   李娜        !wait │",
            "│On site (1)                               │",
            "│09:10        Maximi… ×2 Tom B… B00…       │",
            "│Expected (1)                              │",
            "│14:00        Zoë 🙂 Ch… 李娜        !conf…│",
            "│                                          │",
            "└────────────────────────────────────── 3 ─┘",
        ])
    }

    @Test func asciiVisitorsKeepTheSameColumns() {
        let lines = Self.render(.visitors, Self.visitors, width: 44, height: 9, ascii: true)
        #expect(lines[2] == "|10:05 25 min ????????   ????        !wait |")
        #expect(lines[4] == "|09:10        Maximi. x2 Tom B. B00.       |")
        #expect(lines[6] == "|14:00        Zo? ?? Ch. ????        !conf.|")
    }

    @Test func meetingsListWithoutRoomForTheTimeline() {
        #expect(Self.render(.meetings, Self.meetingsAndMore, width: 60, height: 6, selected: "M2") == [
            "┌ Meetings 2 · 1 overdue ──────────────────────────────────┐",
            "│▶ 10:00–11:00 长城厅 Gre… 季度预算评审 Budg…              │",
            "│  11:00–12:00 Focus 1     Supplier talk      !confirm !ch…│",
            "│                                                          │",
            "│                                                          │",
            "└──────────────────────────────────────────────────── 2/2 ─┘",
        ])
    }

    @Test func meetingsTimelineMarksBookingsAndNow() {
        #expect(Self.render(.meetings, Self.meetingsAndMore, width: 40, height: 11) == [
            "┌ Meetings 2 · 1 overdue ──────────────┐",
            "│Rooms today  08  10   12  14   16  18 │",
            "│Focus 1      ·····│·██················│",
            "│长城厅 Grea… ·····│█··················│",
            "│▶ 10:00–11:00 季度预算评审 …          │",
            "│  11:00–12:00 Supplier talk  !confirm │",
            "│                                      │",
            "│                                      │",
            "│                                      │",
            "│                                      │",
            "└────────────────────────────────── 2 ─┘",
        ])
    }

    @Test func stockGaugeCoverAndSparkline() {
        #expect(Self.render(.stock, Self.meetingsAndMore, width: 70, height: 3) == [
            "┌ Stock 1 · 1 due ───────────────────────────────────────────────────┐",
            "│PAP-A4 A4 复印纸 ██░┊░░░░░░ 24/120 ream 120 d ▁▁▁▁▁▁▁█ !reorder     │",
            "└──────────────────────────────────────────────────────────────── 1 ─┘",
        ])
    }

    @Test func approvalsSectionsAndAmounts() {
        #expect(Self.render(.approvals, Self.meetingsAndMore, width: 60, height: 4) == [
            "┌ Approvals 1 · 1 overdue ─────────────────────────────────┐",
            "│Waiting for you (1)                                       │",
            "│A1 purchase 采购 A4 复印纸 Tom Becker 4,900 3 d !overdue  │",
            "└────────────────────────────────────────────────────── 1 ─┘",
        ])
    }

    @Test func visitorDetailMasksTheIDNumber() throws {
        let d = try #require(PaneRenderer.detail(.visitors, id: "V2", model: Self.visitors, strings: Strings(.en)))
        #expect(d.title == "V2 Maximilian Alexander Montgomery ×2")
        #expect(d.lines.contains("ID number: ••••••••••••••1234"))
        #expect(!d.lines.joined().contains("310101199001011234"))
        #expect(d.lines.contains("Company: Acme Logistics"))
        #expect(d.lines.contains("Badges not returned: B001, B002"))
        var state = Self.visitors.state
        state.roles[Self.visitors.user] = [.admin]
        var adminModel = Self.visitors
        adminModel.state = state
        let admin = try #require(PaneRenderer.detail(.visitors, id: "V2", model: adminModel, strings: Strings(.en)))
        #expect(admin.lines.contains("ID number: 310101199001011234"), "an admin's detail view shows it in full")
    }

    @Test func detailsOfMeetingItemAndRequest() throws {
        let m = try #require(PaneRenderer.detail(.meetings, id: "M2", model: Self.meetingsAndMore, strings: Strings(.en)))
        #expect(m.title == "M2 Supplier talk")
        #expect(m.lines.contains("Room: Focus 1 (4)"))
        #expect(m.lines.contains("Time: 2026-11-30 11:00–12:00"))
        #expect(m.lines.contains("Flags: !confirm !check"))
        let s = try #require(PaneRenderer.detail(.stock, id: "PAP-A4", model: Self.meetingsAndMore, strings: Strings(.en)))
        #expect(s.lines.contains("on hand: 24 ream (below reorder)"))
        #expect(s.lines.contains("Reorder at / target: 40 / 120"))
        let a = try #require(PaneRenderer.detail(.approvals, id: "A1", model: Self.meetingsAndMore, strings: Strings(.en)))
        #expect(a.lines.contains("Amount: 4,900"))
        #expect(a.lines.contains("Requester: Tom Becker"))
        #expect(PaneRenderer.detail(.approvals, id: "nope", model: Self.meetingsAndMore, strings: Strings(.en)) == nil)
    }
}
