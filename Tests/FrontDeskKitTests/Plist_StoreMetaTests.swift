import Foundation
import Testing
@testable import FrontDeskKit

/// `meta.plist` is read by the typed reader (every command opens it) and still written through
/// Codable: Foundation's encoder is the oracle for what the file holds, and the reader must give
/// back every field, keep defaults for missing keys, and refuse what Codable refused.
@Suite struct StoreMetaTypedReadTests {
    /// Every setting, top level and documents, changed from its default.
    static func changedSettings() -> StoreSettings {
        var s = StoreSettings()
        s.visitorConfirmWithin = 1800; s.meetingConfirmWithin = 43_200; s.roomCheckBefore = 600; s.minutesWithin = 86_400
        s.lobbyWaitLimit = 1200; s.noShowAfter = 1200; s.approvalOverdueAfter = 86_400; s.dayEndHour = 17
        s.workdayStartHour = 9; s.workdayEndHour = 18; s.smallPurchaseLimit = 300.5; s.designatedSupplier = "晨光文具 M&G"
        s.purchaseAdminThreshold = 8000; s.retentionDays = 90; s.checkInNeedsIdentity = false; s.timeZone = "Asia/Shanghai"
        s.approvalsNeeded = ["purchase": 1, "leave": 2]
        s.documents.incomingPattern = "收文{year}-{seq:3}"; s.documents.issuer = "综合"; s.documents.submitWithin = 7200
        s.documents.decideVeryUrgent = 3600; s.documents.decideUrgent = 36_000; s.documents.decideNormal = 100_000
        s.documents.forwardWithin = 10_000; s.documents.handleWithin = 200_000; s.documents.outgoingStepWithin = 20_000
        s.documents.acknowledgeWithin = 150_000
        s.assetRepairOverdueAfter = 86_400 * 7; s.parcelCollectWithin = 86_400; s.archiveLoanDays = 7
        s.assetUsefulYears = ["laptop": 3]; s.assetDefaultUsefulYears = 4
        return s
    }

    /// The labels of the fields of `a` that equal the same field of `b` (nested structs by path).
    static func sameFields(_ a: Any, _ b: Any, _ path: String = "") -> [String] {
        let ma = Mirror(reflecting: a), mb = Mirror(reflecting: b)
        guard ma.displayStyle == .struct else { return "\(a)" == "\(b)" ? [path] : [] }
        return zip(ma.children, mb.children).flatMap { sameFields($0.value, $1.value, path + "." + ($0.label ?? "?")) }
    }

    @Test func everyFieldIsReadBackFromFoundationsBytes() throws {
        let settings = Self.changedSettings()
        // A field the fixture leaves at its default would hide a key the reader forgets.
        #expect(Self.sameFields(settings, StoreSettings.defaults).isEmpty, "fixture keeps defaults: \(Self.sameFields(settings, StoreSettings.defaults))")
        let meta = StoreMeta(createdAt: Date(timeIntervalSince1970: 1_764_000_000), createdBy: "王芳", allowOverrides: true, settings: settings)
        let bytes = try TypedCodecTests.foundationBytes(meta)
        #expect(try TypedCodecTests.typedValue(StoreMeta.self, bytes) == meta)
        #expect(try BinaryPlistDecoder().decode(StoreMeta.self, from: try BinaryPlistEncoder().encode(meta)) == meta)
        // The typed reader and Codable's containers agree on the same bytes.
        #expect(try BinaryPlistDecoder().decode(StoreMeta.self, from: bytes) == (try PropertyListDecoder().decode(StoreMeta.self, from: bytes)))
    }

    @Test func missingSettingsKeepTheirDefaults() throws {
        // A store written before most settings existed: only two keys, one of them nested.
        let old: [String: Any] = ["format": StoreMeta.formatName, "schemaVersion": 2, "createdAt": Date(timeIntervalSince1970: 1_700_000_000),
                                  "createdBy": "admin", "allowOverrides": false,
                                  "settings": ["lobbyWaitLimit": 600, "documents": ["issuer": "办公室"]] as [String: Any]]
        let bytes = try PropertyListSerialization.data(fromPropertyList: old, format: .binary, options: 0)
        let meta = try BinaryPlistDecoder().decode(StoreMeta.self, from: bytes)
        var expected = StoreSettings.defaults
        expected.lobbyWaitLimit = 600
        expected.documents.issuer = "办公室"
        #expect(meta.settings == expected)
        #expect(meta.schemaVersion == 2 && meta.createdBy == "admin")
    }

    @Test func aMissingRequiredKeyOrAWrongTypeIsRefused() throws {
        var old: [String: Any] = ["format": StoreMeta.formatName, "schemaVersion": 3, "createdAt": Date(), "createdBy": "admin",
                                  "allowOverrides": false, "settings": [String: Any]()]
        old.removeValue(forKey: "createdBy")
        let missing = try PropertyListSerialization.data(fromPropertyList: old, format: .binary, options: 0)
        #expect(throws: (any Error).self) { try BinaryPlistDecoder().decode(StoreMeta.self, from: missing) }
        old["createdBy"] = "admin"
        old["settings"] = ["dayEndHour": "six"]
        let wrong = try PropertyListSerialization.data(fromPropertyList: old, format: .binary, options: 0)
        #expect(throws: (any Error).self) { try BinaryPlistDecoder().decode(StoreMeta.self, from: wrong) }
    }
}
