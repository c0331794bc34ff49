import Foundation
import Testing
@testable import FrontDeskKit

/// The safety net of the hand-written typed codecs: Foundation's Codable PropertyListEncoder and
/// PropertyListDecoder are the oracle. A field forgotten in `encode(plist:)` or `init(plist:)` makes
/// one of the two directions differ, because every fixture sets every field.
@Suite struct TypedCodecTests {
    /// Encodes with the typed writer only (no Codable on the way).
    static func typedBytes<T: PlistEncodable>(_ v: T) throws -> Data {
        var w = PlistWriter()
        let top = try v.encode(plist: &w)
        return w.finish(top: top)
    }

    /// Decodes with the typed reader only.
    static func typedValue<T: PlistDecodable>(_ type: T.Type, _ data: Data) throws -> T {
        try data.withUnsafeBytes { buf in
            var r = try PlistReader(buf)
            return try T(plist: &r, r.top)
        }
    }

    static func foundationBytes<T: Encodable>(_ v: T) throws -> Data {
        let e = PropertyListEncoder()
        e.outputFormat = .binary
        return try e.encode(v)
    }

    /// Both directions against Foundation, and typed → typed.
    static func check<T: PlistCodable & Codable>(_ v: T, _ same: (T, T) -> Bool, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(Typed.unsetFields(v).isEmpty, "fixture leaves fields unset: \(Typed.unsetFields(v))", sourceLocation: sourceLocation)
        let ours = try typedBytes(v)
        let viaFoundation = try PropertyListDecoder().decode(T.self, from: ours)
        #expect(same(viaFoundation, v), "typed encode → Foundation decode differs for \(T.self)", sourceLocation: sourceLocation)
        let theirs = try foundationBytes(v)
        let viaTyped = try typedValue(T.self, theirs)
        #expect(same(viaTyped, v), "Foundation encode → typed decode differs for \(T.self)", sourceLocation: sourceLocation)
        #expect(same(try typedValue(T.self, ours), v), sourceLocation: sourceLocation)
        // The public entry points take the typed path and agree.
        #expect(same(try BinaryPlistDecoder().decode(T.self, from: try BinaryPlistEncoder().encode(v)), v), sourceLocation: sourceLocation)
        // PropertyListSerialization reads our bytes as the same tree as Foundation's own bytes.
        var tree = try PropertyListSerialization.propertyList(from: ours, format: nil)
        // A segment's visitor summary is derived by the typed writer from the visitors beside it
        // (HistorySummary.swift); Foundation's synthesized Codable has no such key.
        if T.self == HistorySegment.self, var d = tree as? [String: Any] {
            #expect(d.removeValue(forKey: "visitorSummary") != nil, "the typed writer adds the visitor summary", sourceLocation: sourceLocation)
            #expect(d.removeValue(forKey: "moveSummary") != nil, "the typed writer adds the move summary", sourceLocation: sourceLocation)
            #expect(d.removeValue(forKey: "approvalDecisions") != nil, "the typed writer adds the approval decision span", sourceLocation: sourceLocation)
            #expect(d.removeValue(forKey: "noticesShown") != nil, "the typed writer adds the notice span", sourceLocation: sourceLocation)
            #expect(d.removeValue(forKey: "parcelsHandled") != nil, "the typed writer adds the parcel span", sourceLocation: sourceLocation)
            tree = NSDictionary(dictionary: d)
        }
        let a = tree as? NSObject
        let b = try PropertyListSerialization.propertyList(from: theirs, format: nil) as? NSObject
        #expect(a != nil && a == b, "PropertyListSerialization sees different trees for \(T.self)", sourceLocation: sourceLocation)
    }

    static func check<T: PlistCodable & Codable & Equatable>(_ v: T, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try check(v, ==, sourceLocation: sourceLocation)
    }

    static func sameSnapshot(_ a: Snapshot, _ b: Snapshot) -> Bool {
        let header = a.schemaVersion == b.schemaVersion && a.generation == b.generation && a.seq == b.seq
        let body: Bool = a.savedAt == b.savedAt && a.state == b.state && a.headHash == b.headHash
        return header && body
    }

    @Test func modelRecordsRoundTripBothWaysWithFoundation() throws {
        try Self.check(Typed.decision)
        try Self.check(Typed.approval)
        try Self.check(Typed.room)
        try Self.check(Typed.guest)
        try Self.check(Typed.period)
        try Self.check(Typed.check)
        try Self.check(Typed.action)
        try Self.check(Typed.meeting)
        try Self.check(Typed.department)
        try Self.check(Typed.person)
        try Self.check(Typed.offer)
        try Self.check(Typed.item)
        try Self.check(Typed.acceptance)
        try Self.check(Typed.move)
        try Self.check(Typed.quote)
        try Self.check(Typed.purchase)
        try Self.check(Typed.demand)
        try Self.check(Typed.watchDecision)
        try Self.check(Typed.visitor)
        try Self.check(Typed.badge)
        try Self.check(Typed.watch)
        try Self.check(Typed.returning)
        try Self.check(Typed.documentEvent)
        try Self.check(Typed.documentCopy)
        try Self.check(Typed.document)
        try Self.check(Typed.repair)
        try Self.check(Typed.transfer)
        try Self.check(Typed.asset)
        try Self.check(Typed.settlement)
        try Self.check(Typed.assetCount)
        try Self.check(Typed.parcel)
        try Self.check(Typed.notice)
        try Self.check(Typed.archive)
        try Self.check(Typed.loan)
    }

    @Test func storeFilesRoundTripBothWaysWithFoundation() throws {
        try Self.check(Typed.state)
        try Self.check(Typed.segment)
        try Self.check(Typed.manifest)
        try Self.check(Typed.record)
        try Self.check(Typed.snapshot, Self.sameSnapshot)
    }

    @Test func everyJournalChangeRoundTripsThroughCodableOverTheReader() throws {
        var changes: [Change] = [.addDepartment(Typed.department), .addPerson(Typed.person)]
        changes.append(.grantRole(user: "li.na", role: .lead))
        changes.append(.changeSetting(key: "noShowAfter", value: "600"))
        changes.append(.addRoom(Typed.room))
        changes.append(.setRoomOutOfService(roomID: "R3", period: Typed.period))
        changes.append(.bookMeetings([Typed.meeting]))
        changes.append(.setMeetingStatus(meetingID: "M12", status: .held, at: Typed.at(1)))
        changes.append(.addActionItem(meetingID: "M12", item: Typed.action))
        changes.append(.inviteGuest(meetingID: "M12", guest: Typed.guest))
        changes.append(.checkInVisitor(visitorID: "V8", badges: ["V001"], idNumber: nil, at: Typed.at(2)))
        changes.append(.removeFromWatchList(name: "某人", idNumber: nil))
        changes.append(.decideWatch(visitorID: "V8", decision: Typed.watchDecision))
        changes.append(.addItem(Typed.item))
        changes.append(.moveStock(Typed.move))
        changes.append(.requestPurchase(Typed.purchase, approval: Typed.approval))
        changes.append(.addDemand(Typed.demand))
        changes.append(.decideApproval(requestID: "A7", decision: Typed.decision))
        changes.append(.addVisitor(Typed.visitor))
        changes.append(.document(.register(Typed.document)))
        changes.append(.document(.sendForApproval(documentID: "W3", approval: Typed.approval, by: "li.na", at: Typed.at(3))))
        changes.append(.document(.release(documentID: "W3", number: "行政函〔2026〕12号", year: 2026, sequence: 12, by: "li.na", at: Typed.at(4))))
        changes.append(.addAsset(Typed.asset))
        changes.append(.moveAsset(tag: "FA-0107", transfer: Typed.transfer))
        changes.append(.reportAssetFault(tag: "FA-0107", repair: Typed.repair))
        changes.append(.sendAssetToRepair(tag: "FA-0107", to: "物业", at: Typed.at(3)))
        changes.append(.assetBack(tag: "FA-0107", work: "换屏", costCents: 45_050, at: Typed.at(4)))
        changes.append(.recordAssetCount(Typed.assetCount))
        changes.append(.settleAssetCount(countID: "G1", settlement: Typed.settlement))
        changes.append(.receiveParcel(Typed.parcel))
        changes.append(.collectParcel(parcelID: "C3", collector: "张伟", at: Typed.at(5)))
        changes.append(.returnParcel(parcelID: "C3", reason: "拒收", at: Typed.at(6)))
        changes.append(.sendParcel(Typed.parcel))
        changes.append(.postNotice(Typed.notice))
        changes.append(.acknowledgeNotice(noticeID: "N3", ack: NoticeAcknowledgement(by: "王芳", at: Typed.at(5), recordedBy: "desk")))
        changes.append(.leaveNoticeFeedback(noticeID: "N3", feedback: NoticeFeedback(by: "王芳", at: Typed.at(6), text: "好")))
        changes.append(.endNotice(noticeID: "N3", at: Typed.at(7)))
        changes.append(.fileArchive(Typed.archive))
        changes.append(.lendArchive(Typed.loan))
        changes.append(.requestArchiveLoan(Typed.loan, approval: Typed.approval))
        changes.append(.returnArchive(loanID: "L2", count: ArchiveReturnCount(pages: 22, attachments: 2, missing: "第 7 页"), by: "desk", at: Typed.at(8)))
        changes.append(.setStaffTemplate(Typed.staffTemplate))
        changes.append(.openStaffChecklist(Typed.staffChecklist))
        changes.append(.settleStaffItem(checklistID: "J2", itemID: "2", settlement: StaffSettlement(state: .issued, at: Typed.at(9), by: "desk", note: "3F",
                                                                                                    asset: "FA-0107", transfer: Typed.transfer, move: Typed.move)))
        changes.append(.requestStaffWriteOff(checklistID: "J2", itemID: "2", approval: Typed.approval))
        changes.append(.closeStaffChecklist(checklistID: "J2", at: Typed.at(10), by: "tom"))
        for c in changes {
            var rec = Typed.record
            rec.change = c
            let ours = try BinaryPlistEncoder().encode(rec)
            #expect(try PropertyListDecoder().decode(JournalRecord.self, from: ours) == rec)
            #expect(try BinaryPlistDecoder().decode(JournalRecord.self, from: try Self.foundationBytes(rec)) == rec)
            #expect(try BinaryPlistDecoder().decode(JournalRecord.self, from: ours) == rec)
        }
    }

    /// A throwaway dictionary document for tolerance checks.
    static func dict(_ d: [String: Any]) throws -> Data {
        try PropertyListSerialization.data(fromPropertyList: d, format: .binary, options: 0)
    }

    @Test func olderFilesDecodeMissingKeysToDefaultsAndIgnoreUnknownKeys() throws {
        // An OfficeState written before most fields existed, plus a key from the future.
        let s = try BinaryPlistDecoder().decode(OfficeState.self, from: try Self.dict(["counters": ["meeting": 3], "fromTheFuture": [1, 2]]))
        var expected = OfficeState()
        expected.counters = ["meeting": 3]
        #expect(s == expected)
        // A segment written before `previous` existed.
        let seg = try BinaryPlistDecoder().decode(HistorySegment.self, from: try Self.dict(
            ["schemaVersion": 2, "month": "2024-01", "meetings": [Any](), "visitors": [Any](), "moves": [Any](), "approvals": [Any]()]))
        #expect(seg.previous == nil && seg.month == "2024-01" && seg.schemaVersion == 2)
        // …and before the paper trail's arrays: read as empty, by the typed reader and by Foundation.
        #expect(seg.documents.isEmpty && seg.notices.isEmpty && seg.loans.isEmpty && seg.parcels.isEmpty)
        let viaFoundation = try PropertyListDecoder().decode(HistorySegment.self, from: try Self.dict(
            ["schemaVersion": 2, "month": "2024-01", "meetings": [Any](), "visitors": [Any](), "moves": [Any](), "approvals": [Any]()]))
        #expect(viaFoundation == seg)
        // A meeting record without the checklist or guests (older records): nil, as Codable reads it.
        var m = try PropertyListSerialization.propertyList(from: try Self.foundationBytes(Typed.meeting), format: nil) as? [String: Any] ?? [:]
        m["checklist"] = nil; m["guests"] = nil; m["extra"] = "ignored"
        let meeting = try BinaryPlistDecoder().decode(Meeting.self, from: try Self.dict(m))
        #expect(meeting.checklist == nil && meeting.guests == nil && meeting.title == Typed.meeting.title)
        #expect(try PropertyListDecoder().decode(Meeting.self, from: try Self.dict(m)) == meeting)
    }

    @Test func explicitNullReadsAsNilLikeFoundation() throws {
        var m = try PropertyListSerialization.propertyList(from: try Self.foundationBytes(Typed.person), format: nil) as? [String: Any] ?? [:]
        m["email"] = "$null"
        let data = try Self.dict(m)
        let ours = try BinaryPlistDecoder().decode(Person.self, from: data)
        #expect(ours.email == nil)
        #expect(try PropertyListDecoder().decode(Person.self, from: data) == ours)
    }

    @Test func missingRequiredKeyNamesTypeAndKey() throws {
        var m = try PropertyListSerialization.propertyList(from: try Self.foundationBytes(Typed.move), format: nil) as? [String: Any] ?? [:]
        m["sku"] = nil
        let data = try Self.dict(["moves": ["K44": m]])
        #expect { try BinaryPlistDecoder().decode(OfficeState.self, from: data) } throws: { e in
            "\(e)".contains("OfficeState.moves[K44]") && "\(e)".contains("StockMove") && "\(e)".contains("\"sku\"")
        }
        #expect(throws: DecodingError.self) { try PropertyListDecoder().decode(OfficeState.self, from: data) }
    }

    @Test func wrongTypeInARecordNamesTheKey() throws {
        var m = try PropertyListSerialization.propertyList(from: try Self.foundationBytes(Typed.meeting), format: nil) as? [String: Any] ?? [:]
        m["start"] = "tomorrow"
        #expect { try BinaryPlistDecoder().decode(Meeting.self, from: try Self.dict(m)) } throws: { e in
            "\(e)".contains("Meeting.start") && "\(e)".contains("expected a date, found a string")
        }
        m = try PropertyListSerialization.propertyList(from: try Self.foundationBytes(Typed.meeting), format: nil) as? [String: Any] ?? [:]
        m["status"] = "partying"
        #expect { try BinaryPlistDecoder().decode(Meeting.self, from: try Self.dict(m)) } throws: { e in
            "\(e)".contains("Meeting.status") && "\(e)".contains("not a valid MeetingStatus")
        }
        m["status"] = "held"; m["actionItems"] = [["id": 5]]
        #expect { try BinaryPlistDecoder().decode(Meeting.self, from: try Self.dict(m)) } throws: { e in
            "\(e)".contains("Meeting.actionItems[0].id") && "\(e)".contains("expected a string")
        }
    }

    @Test func typedOutputIsDeterministic() throws {
        #expect(try Self.typedBytes(Typed.state) == Self.typedBytes(Typed.state))
    }
}
