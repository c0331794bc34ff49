import Testing
@testable import FrontDeskTUI

@Suite struct LayoutTests {
    @Test func tabbedAt80x24() {
        let r = Layout.compute(width: 80, height: 24, focused: .stock, zoomed: false)
        #expect(r == .panes(visible: [.stock: Rect(row: 1, col: 0, width: 80, height: 22)],
                            statusBar: Rect(row: 23, col: 0, width: 80, height: 1),
                            tabBar: Rect(row: 0, col: 0, width: 80, height: 1)))
    }

    @Test func gridAt120x40() {
        let r = Layout.compute(width: 120, height: 40, focused: .stock, zoomed: false)
        #expect(r == .panes(visible: [
            .meetings: Rect(row: 0, col: 0, width: 60, height: 19),
            .visitors: Rect(row: 0, col: 60, width: 60, height: 19),
            .stock: Rect(row: 19, col: 0, width: 60, height: 20),
            .approvals: Rect(row: 19, col: 60, width: 60, height: 20),
        ], statusBar: Rect(row: 39, col: 0, width: 120, height: 1), tabBar: nil))
    }

    @Test func gridCoversScreenWithoutOverlap() {
        for (w, h) in [(120, 36), (121, 37), (200, 60)] {
            guard case .panes(let visible, let status, _) = Layout.compute(width: w, height: h, focused: .meetings, zoomed: false) else {
                Issue.record("expected panes at \(w)×\(h)"); continue
            }
            var covered = Array(repeating: 0, count: w * h)
            for rect in Array(visible.values) + [status] {
                for r in rect.row..<(rect.row + rect.height) { for c in rect.col..<(rect.col + rect.width) { covered[r * w + c] += 1 } }
            }
            #expect(covered.allSatisfy { $0 == 1 }, "\(w)×\(h)")
            #expect(visible.count == 4)
        }
    }

    @Test func justBelowGridIsTabbed() {
        let r = Layout.compute(width: 119, height: 36, focused: .approvals, zoomed: false)
        guard case .panes(let visible, _, let tabBar) = r else { Issue.record("\(r)"); return }
        #expect(Array(visible.keys) == [.approvals])
        #expect(tabBar != nil)
        guard case .panes(let v2, _, _) = Layout.compute(width: 120, height: 35, focused: .meetings, zoomed: false) else { Issue.record("panes"); return }
        #expect(v2.count == 1)
    }

    @Test func zoomed() {
        let r = Layout.compute(width: 120, height: 40, focused: .visitors, zoomed: true)
        #expect(r == .panes(visible: [.visitors: Rect(row: 0, col: 0, width: 120, height: 39)],
                            statusBar: Rect(row: 39, col: 0, width: 120, height: 1), tabBar: nil))
    }

    @Test(arguments: [(59, 16), (60, 15), (1, 1), (0, 0), (-5, 100)])
    func tooSmall(size: (Int, Int)) {
        #expect(Layout.compute(width: size.0, height: size.1, focused: .meetings, zoomed: false)
                == .tooSmall(needWidth: Layout.minWidth, needHeight: Layout.minHeight))
    }

    @Test func minimumSizeWorks() {
        guard case .panes(let v, _, _) = Layout.compute(width: 60, height: 16, focused: .meetings, zoomed: false) else {
            Issue.record("60×16 must be usable"); return
        }
        #expect(v[.meetings] == Rect(row: 1, col: 0, width: 60, height: 14))
    }

    @Test func paneOrder() {
        #expect(PaneID.approvals.next == .meetings)
        #expect(PaneID.meetings.previous == .approvals)
    }
}
