import Foundation
import Testing
import TestSupport
@testable import FrontDeskKit

/// A following session learns what each refresh brought in, so a dashboard can redraw only that.
@Suite("Store refresh reports the changes it applied")
struct StoreRefreshChangesTests {
    @Test func aRefreshNamesTheRecordsItAppliedAndNothingWhenNothingCame() throws {
        let tmp = try TempStore("refresh-changes")
        let writer = try tmp.create()
        let reader = try tmp.open()
        #expect(try reader.refresh() == false)
        #expect(reader.refreshedChanges == [])

        let id = try storeTestAddVisitor(writer, "Follow Me")
        try writer.commit(.confirmVisitor(visitorID: id, at: TempStore.date("2026-03-10 10:31")))
        #expect(try reader.refresh())
        let kinds = try #require(reader.refreshedChanges).map(\.name)
        #expect(kinds == ["visitor.add", "visitor.confirm"])
        #expect(reader.refreshedChanges?.first?.subject == id)

        #expect(try reader.refresh() == false)
        #expect(reader.refreshedChanges == [], "the next refresh starts empty")
    }

    @Test func aNewSnapshotOrNewSettingsMeanAnythingMayHaveChanged() throws {
        let tmp = try TempStore("refresh-whole")
        let writer = try tmp.create()
        let reader = try tmp.open()
        _ = try storeTestAddVisitor(writer, "Before Compaction")
        writer.env = TempStore.env(at: "2026-03-10 10:40")
        try writer.compact()
        #expect(try reader.refresh())
        #expect(reader.refreshedChanges == nil, "a compaction replaced the snapshot: read whole")

        try writer.updateSettings(key: "workdayStartHour", value: "9") { $0.workdayStartHour = 9 }
        #expect(try reader.refresh())
        #expect(reader.refreshedChanges == nil, "meta.plist was read again")
    }
}
