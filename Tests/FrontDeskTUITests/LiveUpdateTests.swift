import Foundation
import Testing
import TestSupport
@testable import FrontDeskKit
@testable import FrontDeskTUI

/// Another session's change re-queries, re-formats and redraws only the panes it touches, and
/// the screen it gives is the one a dashboard built from scratch would show.
@Suite("Live updates touch only what changed")
struct LiveUpdateTests {
    static let env = DemoFixture.env()

    static func dashboard(_ state: OfficeState) -> Dashboard {
        Dashboard(model: DashboardModel(state: state, settings: .defaults, env: env), storeLabel: "/srv/frontdesk")
    }

    /// Every cell (text and role) of two grids, row by row, for a readable failure.
    static func cells(_ g: TextGrid) -> [String] {
        (0..<g.height).map { r in (0..<g.width).map { c in "\(g[r, c].text)\(g[r, c].role)" }.joined(separator: "|") }
    }

    /// A visitor of the demo day who is expected or waiting, and a free badge for them.
    static func checkIn(_ s: OfficeState) throws -> Change {
        let queue = VisitorQueue(state: s, day: DemoFixture.now, now: DemoFixture.now, settings: .defaults, calendar: DemoFixture.calendar)
        let v = try #require(queue.rows.first { $0.group == .expected || $0.group == .waiting }?.visitor)
        let badges = try #require(s.freeBadges(v.headCount))
        return .checkInVisitor(visitorID: v.id, badges: badges, idNumber: nil, at: DemoFixture.now)
    }

    @Test func aCheckInRedrawsTheVisitorsPaneAloneAndMatchesAFreshScreen() throws {
        let before = DemoFixture.state()
        var d = Self.dashboard(before)
        _ = d.render(width: 120, height: 40)
        let builds = d.contents.mapValues(\.build)
        let drawings = d.drawnPanes.mapValues(\.drawing)

        let change = try Self.checkIn(before)
        var after = before
        after.apply(change)
        d.update(model: d.model.applying([change], state: after, env: Self.env))
        let frame = d.render(width: 120, height: 40)

        for pane in [PaneID.meetings, .stock, .approvals] {
            #expect(d.contents[pane]?.build == builds[pane], "\(pane): rows kept")
            #expect(d.drawnPanes[pane]?.drawing == drawings[pane], "\(pane): cells pasted, not drawn again")
        }
        #expect(d.contents[.visitors]?.build != builds[.visitors], "the visitors' rows are formatted again")
        #expect(d.drawnPanes[.visitors]?.drawing != drawings[.visitors], "and drawn again")
        guard case .checkInVisitor(_, let badges, _, _) = change else { return }
        #expect(frame.text.contains(badges[0]), "the badge shows on the visitor's row")

        var fresh = Self.dashboard(after)
        fresh.views = d.views
        #expect(Self.cells(frame) == Self.cells(fresh.render(width: 120, height: 40)))
    }

    @Test func anUnchangedModelDrawsNoPaneAgain() {
        var d = Self.dashboard(DemoFixture.state())
        _ = d.render(width: 120, height: 40)
        let drawings = d.paneDrawings
        d.update(model: d.model.applying([], state: d.model.state, env: Self.env))
        _ = d.render(width: 120, height: 40)
        #expect(d.paneDrawings == drawings)
        // Moving the selection redraws the focused pane only.
        d.press(.down)
        _ = d.render(width: 120, height: 40)
        #expect(d.paneDrawings == drawings + 1)
    }

    @Test func aNewMinuteQueriesEveryPaneAgain() {
        let state = DemoFixture.state()
        let m = DashboardModel(state: state, settings: .defaults, env: Self.env)
        let sameMinute = m.applying([], state: state, env: DemoFixture.env(at: DemoFixture.now.addingTimeInterval(30)))
        #expect(sameMinute.queriedAt == m.queriedAt)
        let later = DemoFixture.now.addingTimeInterval(60)
        let next = m.applying([], state: state, env: DemoFixture.env(at: later))
        #expect(next.queriedAt.values.allSatisfy { $0 == later })
        #expect(next.now == later)
    }

    /// Replays the demo office change by change: whenever a pane's query gives other rows after
    /// a change, that pane is among the ones the change says it touches.
    @Test func everyPaneAChangeAltersIsAmongThoseItTouches() {
        let changes = DemoOffice.changes(now: DemoFixture.now, calendar: DemoFixture.calendar, operator: DemoFixture.user, in: OfficeState())
        var s = OfficeState()
        var kinds = Set<String>()
        func queries(_ s: OfficeState) -> [PaneID: PaneCache.Source] {
            let m = DashboardModel(state: s, settings: .defaults, env: Self.env)
            return Dictionary(uniqueKeysWithValues: PaneID.allCases.map { ($0, PaneCache.Source($0, m)) })
        }
        var before = queries(s)
        for c in changes {
            s.apply(c)
            let after = queries(s)
            let altered = Set(PaneID.allCases.filter { before[$0] != after[$0] })
            #expect(altered.isSubset(of: PaneID.touched(by: c)), "\(c.name) altered \(altered)")
            if !altered.isEmpty { kinds.insert(c.name) }
            before = after
        }
        // The replay exercised changes of every pane.
        #expect(kinds.contains("visitor.add") && kinds.contains("meeting.book") && kinds.contains("approval.request"))
        #expect(kinds.contains { $0.hasPrefix("stock.") })
    }

    /// The longest wait ends at check-in; the minutes column keeps its width, so the rows below
    /// are not all rewritten one column to the left.
    @Test func checkingInTheLongestWaitLeavesTheColumnsWhereTheyWere() throws {
        let before = DemoFixture.state()
        let m0 = PaneFixture.model(before)
        let waiting = m0.visitors.rows.filter { $0.group == .waiting }.map(\.visitor)
        let longest = try #require(waiting.min { ($0.arrivedAt ?? .distantFuture) < ($1.arrivedAt ?? .distantFuture) })
        func waited(_ v: Visitor) -> Int { DisplayWidth.of(Strings(.en).age(DemoFixture.now.timeIntervalSince(v.arrivedAt ?? DemoFixture.now))) }
        let rest = waiting.filter { $0.id != longest.id }
        #expect(!rest.isEmpty && rest.allSatisfy { waited($0) < waited(longest) }, "the fixture's longest wait is also the widest")
        var after = before
        after.apply(.checkInVisitor(visitorID: longest.id, badges: try #require(before.freeBadges(longest.headCount)), idNumber: nil,
                                    at: DemoFixture.now))
        let expected = try #require(m0.visitors.rows.first { $0.group == .expected }?.visitor)
        func nameColumn(_ m: DashboardModel) -> Int? {
            let r = PaneFixture.render(.visitors, model: m, width: 120, height: 40)
            return PaneFixture.innerLines(r.grid, r.rect).first { $0.contains(expected.name) }
                .flatMap { PaneFixture.column(of: expected.name, in: $0) }
        }
        let column = try #require(nameColumn(m0))
        #expect(nameColumn(PaneFixture.model(after)) == column)
    }

    @Test func pasteKeepsWideCharactersWhole() {
        var g = TextGrid(width: 6, height: 1)
        g.put("张三x", row: 0, col: 0)
        var part = TextGrid(width: 3, height: 1)
        part.put("ab李", row: 0, col: 0)   // 李 does not fit: a space
        g.paste(part, row: 0, col: 1)     // covers the right half of 张 and the left half of 三
        #expect(g.line(0) == " ab x ")
        var wide = TextGrid(width: 4, height: 1)
        wide.put("王五", row: 0, col: 0)
        g.paste(wide, row: 0, col: 3)     // 五 is cut by the grid's edge
        #expect(g.line(0) == " ab王 ")
    }
}
