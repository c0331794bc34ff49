import Foundation
import FrontDeskTUI
import Testing
import TestSupport

/// Pages 2 and 3 on the real binary in tmux: one key shows the Documents pane, again the
/// Assets, People and Parcels, and again goes home.
@Suite(.serialized) struct DocumentsTmuxTests {
    @Test func oneKeySwitchesToPage2AndBack() throws {
        let s = try DashboardTmuxTests.Session()
        try s.requireScreen("the home grid") { DashboardTmuxTests.isCleanGrid($0) }
        s.expectScreen("the home status bar counts page 2's overdue documents") { $0.screenLines.last?.contains("page 2: ") == true }
        try s.press(.nextPage)
        try s.requireScreen("page 2 with the Documents pane") { screen in
            let lines = screen.screenLines
            // Documents and Archives side by side at the default size.
            return lines.first?.hasPrefix("┌ Documents") == true && screen.contains("收〔2026") && screen.contains("┌ Archives")
                && !screen.contains("┌ Meetings") && !screen.contains("┌ Parcels")
        }
        // The register's first row is selected: its actions menu opens on page 2 too.
        try s.press(.actions)
        s.expectScreen("the document's actions menu") { $0.contains("Register incoming") }
        try s.press(.back)
        try s.press(.nextPage)
        try s.requireScreen("page 3 with Assets, People and Parcels") { screen in
            screen.screenLines.first?.hasPrefix("┌ Assets") == true && screen.contains("┌ People") && screen.contains("┌ Parcels")
                && screen.contains("刘思雨")
        }
        try s.press(.nextPage)
        try s.requireScreen("home again") { DashboardTmuxTests.isCleanGrid($0) }
    }
}
