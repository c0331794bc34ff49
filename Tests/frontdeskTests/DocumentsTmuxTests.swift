import Foundation
import FrontDeskTUI
import Testing
import TestSupport

/// Page 2 on the real binary in tmux: one key shows the Documents pane, the same key goes home.
@Suite(.serialized) struct DocumentsTmuxTests {
    @Test func oneKeySwitchesToPage2AndBack() throws {
        let s = try DashboardTmuxTests.Session()
        try s.requireScreen("the home grid") { DashboardTmuxTests.isCleanGrid($0) }
        s.expectScreen("the home status bar counts page 2's overdue documents") { $0.screenLines.last?.contains("page 2: ") == true }
        try s.press(.nextPage)
        try s.requireScreen("page 2 with the Documents pane") { screen in
            let lines = screen.screenLines
            // A grid of four at the default size: the number column ends in "…" there.
            return lines.first?.hasPrefix("┌ Documents") == true && screen.contains("收〔2026") && screen.contains("┌ Parcels")
                && !screen.contains("┌ Meetings")
        }
        // The register's first row is selected: its actions menu opens on page 2 too.
        try s.press(.actions)
        s.expectScreen("the document's actions menu") { $0.contains("Register incoming") }
        try s.press(.back)
        try s.press(.nextPage)
        try s.requireScreen("home again") { DashboardTmuxTests.isCleanGrid($0) }
    }
}
