import Foundation
import FrontDeskKit
import FrontDeskTUI
import Testing
import TestSupport

/// A page-3 step on the real binary in tmux: the parcel waiting longest is handed over from the
/// Parcels pane's actions menu and form, and the CLI then lists it as collected.
@Suite(.serialized) struct PageTwoTmuxTests {
    @Test func aParcelIsCollectedFromTheParcelsMenu() throws {
        let s = try DashboardTmuxTests.Session()
        try s.requireScreen("the home grid") { DashboardTmuxTests.isCleanGrid($0) }
        try s.press(.nextPage)
        try s.press(.nextPage)
        try s.press(.pane3)
        try s.requireScreen("page 3 with the Parcels pane") { $0.contains("┌ Parcels") && $0.contains("┌ People") }
        // The first row of the pane is the parcel waiting longest (flagged first).
        let before = try s.cli(["parcel", "list", "--waiting", "--json"])
        let waiting = try #require(try JSONSerialization.jsonObject(with: Data(before.stdout.utf8)) as? [[String: Any]])
        let id = try #require(waiting.first?["id"] as? String, "\(before)")
        try s.press(.actions)
        try s.requireScreen("the parcel's actions menu") { $0.contains("\(id) · Parcels") && $0.contains("Collected") && $0.contains("Return to sender") }
        try s.press(.step(.parcelCollect))
        try s.requireScreen("the collect form") { $0.contains("Collected by") }
        try s.tmux.keys("C-u")
        try s.tmux.type("黄丽 for 赵磊")
        try s.press(.formSave)
        // A long "Saved: …" goes on the line above the status bar.
        try s.requireScreen("saved") { $0.screenLines.suffix(2).joined().contains("Saved: Collected") && !$0.contains("Collected by") }
        let after = try s.cli(["parcel", "list", "--json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(after.stdout.utf8)) as? [[String: Any]])
        let row = try #require(rows.first { $0["id"] as? String == id }, "\(after)")
        #expect(row["status"] as? String == "collected" && row["collectedBy"] as? String == "黄丽 for 赵磊", "\(row)")
    }
}
