import Foundation
import FrontDeskKit
@testable import FrontDeskTUI
import Testing
import TestSupport

/// Properties of every pane over the whole demo office, at the 2×2 grid size and the tabbed size.
@Suite struct PaneRenderingTests {
    static let sizes = [(120, 40), (80, 24)]

    @Test(arguments: PaneID.allCases)
    func linesFitAndBordersStayWhole(_ pane: PaneID) {
        for (w, h) in Self.sizes {
            let r = PaneFixture.render(pane, model: PaneFixture.demo, width: w, height: h)
            for row in 0..<h {
                #expect(DisplayWidth.of(r.grid.line(row)) == w, "\(pane) \(w)×\(h) row \(row)")
            }
            // Nothing drawn inside may spill over the right border.
            for row in (r.rect.row + 1)..<(r.rect.row + r.rect.height - 1) {
                #expect(r.grid[row, r.rect.col + r.rect.width - 1].text == "│", "\(pane) \(w)×\(h) row \(row)")
                #expect(r.grid[row, r.rect.col].text == "│")
            }
        }
    }

    @Test(arguments: PaneID.allCases)
    func selectedRowIsHighlightedAcrossTheWidth(_ pane: PaneID) throws {
        let ids = PaneRenderer.rowIDs(pane, model: PaneFixture.demo, filter: "")
        let id = ids[min(3, ids.count - 1)]
        for (w, h) in Self.sizes {
            let r = PaneFixture.render(pane, model: PaneFixture.demo, width: w, height: h, view: PaneViewState(selectedID: id))
            let cursor = try #require(r.result.cursor)
            #expect(cursor.col == r.rect.col + 1)
            for c in (r.rect.col + 1)..<(r.rect.col + r.rect.width - 1) {
                #expect(r.grid[cursor.row, c].role == .selected, "\(pane) col \(c)")
            }
            // The row above is not selected.
            #expect(r.grid[cursor.row - 1, r.rect.col + 1].role != .selected)
            let unfocused = PaneFixture.render(pane, model: PaneFixture.demo, width: w, height: h,
                                               view: PaneViewState(selectedID: id), focused: false)
            #expect(unfocused.grid[cursor.row, r.rect.col + 1].role == PaneList.inactiveSelection)
        }
    }

    /// The display column where each row's `token` starts, over every row line of the pane.
    func columns(of token: (String) -> String?, _ pane: PaneID, width: Int, height: Int) -> [Int] {
        let r = PaneFixture.render(pane, model: PaneFixture.demo, width: width, height: height)
        return PaneFixture.innerLines(r.grid, r.rect).compactMap { line in token(line).flatMap { PaneFixture.column(of: $0, in: line) } }
    }

    @Test func columnsLineUpWithCJKText() {
        let statuses = MeetingStatus.allCases.map(\.rawValue)
        for (w, h) in Self.sizes {
            // Meetings: the time column follows the in-progress mark; the status (at 80 columns) follows
            // rooms and organizers with Chinese names.
            let times = columns(of: { l in l.range(of: #"\d\d:\d\d–"#, options: .regularExpression).map { String(l[$0]) } }, .meetings,
                                width: w, height: h)
            #expect(times.count >= 6 && Set(times).count == 1, "\(w): \(times)")
            // Stock: the gauge follows item names such as "A4 复印纸 copy paper".
            let gauges = columns(of: { l in l.range(of: #"[█░┊]+"#, options: .regularExpression).map { String(l[$0]) } }, .stock,
                                 width: w, height: h)
            #expect(gauges.count >= 10 && Set(gauges).count == 1, "\(w): \(gauges)")
            // Visitors: badge codes follow names and hosts with Chinese characters.
            let badges = columns(of: { l in l.range(of: #" B0\d\d"#, options: .regularExpression).map { String(l[$0]) } }, .visitors,
                                 width: w, height: h)
            #expect(badges.count >= 4 && Set(badges).count == 1, "\(w): \(badges)")
        }
        let status = columns(of: { l in statuses.first { l.contains(" \($0) ") || l.hasSuffix(" \($0)") }.map { " \($0)" } },
                             .meetings, width: 80, height: 24)
        #expect(status.count >= 6 && Set(status).count == 1, "\(status)")
        // Approvals: requesters follow Chinese titles.
        let names = Set(PaneFixture.demo.approvals.rows.map(\.requesterName))
        let requesters = columns(of: { l in names.first { l.contains(" \($0) ") }.map { " \($0) " } }, .approvals, width: 80, height: 24)
        #expect(requesters.count >= 10 && Set(requesters).count == 1, "\(requesters)")
    }

    @Test(arguments: PaneID.allCases)
    func emptyOfficeShowsEachPanesEmptyText(_ pane: PaneID) {
        let model = PaneFixture.model(OfficeState())
        let text: [PaneID: Strings.Phrase] = [.meetings: .noMeetings, .visitors: .noVisitors, .stock: .noItems, .approvals: .noApprovals, .documents: .noDocuments,
                                                .assets: .noAssets, .parcels: .noParcels]
        for lang in [UILanguage.en, .zhHans] {
            let strings = Strings(lang)
            let r = PaneFixture.render(pane, model: model, width: 80, height: 24, view: PaneViewState(), strings: strings)
            let empty = pane == .archives ? strings[Localized("No archive files yet (frontdesk archive add).", "尚无档案（frontdesk archive add）。")]
                : pane == .people ? strings[PeoplePane.emptyText] : strings[text[pane] ?? .noMeetings]
            #expect(r.grid.text.contains(empty), "\(pane)")
            #expect(r.result.cursor == nil)
            #expect(!r.grid.text.contains(strings[.noMatch]))
        }
    }

    @Test func filterNarrowsRowsAndDrawAgreesWithRowIDs() throws {
        let demo = PaneFixture.demo
        for (pane, filter) in [(PaneID.meetings, "focus"), (.visitors, "david"), (.stock, "PAP"), (.approvals, "purchase")] {
            let all = PaneRenderer.rowIDs(pane, model: demo, filter: "")
            let some = PaneRenderer.rowIDs(pane, model: demo, filter: filter)
            #expect(!some.isEmpty && some.count < all.count, "\(pane)")
            #expect(some == all.filter(some.contains), "order kept")
            // Every id rowIDs gives is drawn (the selection is found), and no other row is.
            for id in all {
                let r = PaneFixture.render(pane, model: demo, width: 120, height: 40, view: PaneViewState(selectedID: id, filter: filter))
                #expect((r.result.cursor != nil) == some.contains(id), "\(pane) \(id)")
            }
            let r = PaneFixture.render(pane, model: demo, width: 80, height: 24, view: PaneViewState(selectedID: some.first, filter: filter))
            #expect(PaneFixture.innerLines(r.grid, r.rect).contains { $0.lowercased().contains(filter.lowercased()) })
            #expect(r.grid.line(r.rect.row).contains("/" + filter))
            let none = PaneFixture.render(pane, model: demo, width: 80, height: 24, view: PaneViewState(filter: "zzzz-no-such"))
            #expect(none.grid.text.contains(Strings(.en)[.noMatch]))
            #expect(PaneRenderer.rowIDs(pane, model: demo, filter: "zzzz-no-such").isEmpty)
        }
        // Case-insensitive, over the row's visible text.
        #expect(PaneRenderer.rowIDs(.meetings, model: demo, filter: "FOCUS") == PaneRenderer.rowIDs(.meetings, model: demo, filter: "focus"))
    }

    @Test(arguments: PaneID.allCases)
    func scrollKeepsTheLastRowVisible(_ pane: PaneID) throws {
        let ids = PaneRenderer.rowIDs(pane, model: PaneFixture.demo, filter: "")
        let last = try #require(ids.last)
        for (w, h) in Self.sizes {
            let r = PaneFixture.render(pane, model: PaneFixture.demo, width: w, height: h, view: PaneViewState(selectedID: last))
            let cursor = try #require(r.result.cursor, "\(pane) \(w)")
            #expect(cursor.row > r.rect.row && cursor.row < r.rect.row + r.rect.height - 1)
            #expect(r.grid.line(r.rect.row + r.rect.height - 1).contains("\(ids.count)/\(ids.count)"))
            // Back to the first row: scroll returns to the top.
            let back = PaneFixture.render(pane, model: PaneFixture.demo, width: w, height: h,
                                          view: PaneViewState(selectedID: ids[0], scroll: r.result.scroll))
            #expect(back.result.scroll == 0)
        }
        // A list longer than the pane must actually scroll.
        if pane == .stock {
            let r = PaneFixture.render(pane, model: PaneFixture.demo, width: 80, height: 24, view: PaneViewState(selectedID: last))
            #expect(r.result.scroll > 0)
        }
    }

    @Test func chineseTitlesAndHeadings() {
        let zh = Strings(.zhHans)
        for (pane, title) in [(PaneID.meetings, "会议"), (.visitors, "访客"), (.stock, "库存"), (.approvals, "审批")] {
            let r = PaneFixture.render(pane, model: PaneFixture.demo, width: 80, height: 24, strings: zh)
            #expect(r.grid.line(r.rect.row).contains("┌ \(title) "), "\(pane)")
        }
        let v = PaneFixture.render(.visitors, model: PaneFixture.demo, width: 80, height: 24, strings: zh)
        #expect(v.grid.text.contains("大厅等候"))
        let m = PaneFixture.render(.meetings, model: PaneFixture.demo, width: 80, height: 24, strings: zh)
        #expect(m.grid.text.contains("今日会议室"))
    }

    @Test(arguments: PaneID.allCases)
    func asciiOnlyRenderHasNoNonASCII(_ pane: PaneID) {
        for (w, h) in Self.sizes {
            let r = PaneFixture.render(pane, model: PaneFixture.demo, width: w, height: h, ascii: true)
            let bad = r.grid.text.unicodeScalars.filter { !$0.isASCII }
            #expect(bad.isEmpty, "\(pane) \(w): \(String(String.UnicodeScalarView(bad.prefix(10))))")
        }
    }

    @Test func timelineOnlyWhenTallEnough() {
        let tall = PaneFixture.render(.meetings, model: PaneFixture.demo, width: 80, height: 24)
        #expect(tall.grid.text.contains("Rooms today"))
        #expect(tall.grid.text.contains("××××"), "the out-of-service room")
        #expect(tall.grid[tall.rect.row + 1, tall.rect.col + 1].role == .header)
        let short = PaneFixture.render(.meetings, model: PaneFixture.demo, width: 80, height: 16)
        #expect(!short.grid.text.contains("Rooms today"))
        // The now marker is in its role on a room line.
        var found = false
        for c in 0..<80 where tall.grid[tall.rect.row + 2, c].text == "│" && tall.grid[tall.rect.row + 2, c].role == .nowMarker { found = true }
        #expect(found)
    }

    @Test func dashboardFrameRendersAllPanesWithCounts() {
        var d = Dashboard(model: PaneFixture.demo)
        let text = d.render(width: 120, height: 40).text
        #expect(text.contains("┌ Meetings \(PaneFixture.demo.agenda.rows.count) · "))
        #expect(text.contains("Waiting in lobby (3)"))
        #expect(text.contains("Waiting for you"))
    }
}
