import Foundation
import Testing
@testable import FrontDeskKit

/// The rules checked at write time: each refusal names what stands in the way, and nothing changes.
@Suite("Changes refused with a reason")
struct ChangeRuleTests {
    static let tz = TimeZone(identifier: "Asia/Shanghai") ?? .current
    static func at(_ s: String) -> Date { DateInput.parseDateTime(s, tz) ?? Date() }
    let ctx = RuleContext(env: .fixed(at: at("2026-11-30 09:00"), user: "zhangmin", timeZone: tz))

    /// A small office: two rooms, 李娜 holds 10:00–11:00 in 长城厅, badges B001–B003, paper 5 reams.
    func office() throws -> OfficeState {
        var s = OfficeState()
        let changes: [Change] = [
            .addPerson(Person(login: "lina", name: "李娜")),
            .grantRole(user: "ann", role: .approver),
            .addRoom(Room(id: "R1", name: "长城厅", capacity: 8, equipment: ["projector"])),
            .addRoom(Room(id: "R2", name: "Focus 1", capacity: 4)),
            .bookMeetings([Meeting(id: "M1", title: "Budget", roomID: "R1", organizer: "lina", start: Self.at("2026-11-30 10:00"),
                                   end: Self.at("2026-11-30 11:00"), status: .confirmed, requestedAt: Self.at("2026-11-29 10:00"))]),
            .addBadges(["B001", "B002", "B003"]),
            .addVisitor(Visitor(id: "V1", name: "张伟", host: "lina", expectedAt: Self.at("2026-11-30 10:00"), receivedAt: Self.at("2026-11-30 08:00"))),
            .addVisitor(Visitor(id: "V2", name: "Ann Lee", host: "lina", expectedAt: Self.at("2026-11-30 10:00"), headCount: 2, receivedAt: Self.at("2026-11-30 08:00"))),
            .addItem(SupplyItem(sku: "PAP-A4", name: "A4 paper", unit: "ream", reorderAt: 2, target: 10)),
            .moveStock(StockMove(id: "K1", sku: "PAP-A4", kind: .receive, quantity: 5, at: Self.at("2026-11-29 09:00"), by: "tom")),
        ]
        for c in changes {
            if case .grantRole = c { s.apply(c); continue }  // setting up, not testing the admin rule
            try s.validate(c, ctx); s.apply(c)
        }
        return s
    }

    func booking(_ id: String, room: String, _ from: String, _ to: String, attendees: Int = 0, needs: [String] = []) -> Change {
        .bookMeetings([Meeting(id: id, title: "X", roomID: room, organizer: "tom", attendees: (0..<attendees).map { "p\($0)" },
                               start: Self.at("2026-11-30 \(from)"), end: Self.at("2026-11-30 \(to)"), requestedAt: Self.at("2026-11-30 08:00"),
                               requiredEquipment: needs)])
    }

    func refusal(_ c: Change, in s: OfficeState, as user: String? = nil) -> Refusal? {
        var context = ctx
        if let u = user { context.env.actingUser = u }
        do { try s.validate(c, context); return nil } catch { return error }
    }

    @Test func anOverlappingBookingIsRefusedNamingTheHolder() throws {
        let s = try office()
        let r = try #require(refusal(booking("M2", room: "R1", "10:30", "11:30"), in: s))
        #expect(r.kind == .rule)
        #expect(r.message.contains("李娜"))
        #expect(r.message.contains("10:00–11:00"))
        #expect(refusal(booking("M2", room: "R1", "11:00", "12:00"), in: s) == nil, "back-to-back is fine")
        #expect(refusal(booking("M2", room: "R2", "10:30", "11:30"), in: s) == nil, "another room is free")
    }

    @Test func aCancelledMeetingFreesItsSlot() throws {
        var s = try office()
        let cancel = Change.setMeetingStatus(meetingID: "M1", status: .cancelled, at: Self.at("2026-11-30 09:00"))
        try s.validate(cancel, ctx); s.apply(cancel)
        #expect(refusal(booking("M2", room: "R1", "10:30", "11:30"), in: s) == nil)
    }

    @Test func capacityEquipmentAndServiceAreChecked() throws {
        var s = try office()
        #expect(refusal(booking("M2", room: "R2", "12:00", "13:00", attendees: 5), in: s)?.message.contains("holds 4") == true)
        #expect(refusal(booking("M2", room: "R2", "12:00", "13:00", needs: ["projector"]), in: s)?.message.contains("no projector") == true)
        let oos = Change.setRoomOutOfService(roomID: "R2", period: ClosedPeriod(start: Self.at("2026-11-30 12:00"), end: Self.at("2026-11-30 18:00"), reason: "repair"))
        s.apply(oos)
        #expect(refusal(booking("M2", room: "R2", "13:00", "14:00"), in: s)?.message.contains("out of service") == true)
        #expect(refusal(booking("M2", room: "R2", "11:00", "10:00"), in: s)?.kind == .invalid)
    }

    @Test func everyConflictOfARecurringBookingIsReportedAndNothingIsBooked() throws {
        let s = try office()
        let series = (0..<3).map { i in
            Meeting(id: "M\(10 + i)", title: "Daily", roomID: "R1", organizer: "tom",
                    start: Self.at("2026-11-30 10:30").addingTimeInterval(Double(i) * 86_400),
                    end: Self.at("2026-11-30 11:30").addingTimeInterval(Double(i) * 86_400), requestedAt: Self.at("2026-11-30 08:00"))
        }
        let r = try #require(refusal(.bookMeetings(series), in: s))
        #expect(r.message.hasPrefix("No occurrence was booked"))
        #expect(r.message.contains("李娜"))
    }

    @Test func aBadgeCannotBeIssuedTwice() throws {
        var s = try office()
        let first = Change.checkInVisitor(visitorID: "V1", badges: ["B001"], idNumber: "310101199001010001", at: Self.at("2026-11-30 10:00"))
        try s.validate(first, ctx); s.apply(first)
        let r = try #require(refusal(.checkInVisitor(visitorID: "V2", badges: ["B001", "B002"], idNumber: "310101199001010002", at: Self.at("2026-11-30 10:05")), in: s))
        #expect(r.kind == .rule)
        #expect(r.message.contains("张伟"), "names who has the badge")
        #expect(refusal(.checkInVisitor(visitorID: "V2", badges: ["B002"], idNumber: "310101199001010002", at: Self.at("2026-11-30 10:05")), in: s)?.message.contains("party of 2") == true)
        #expect(refusal(.checkInVisitor(visitorID: "V2", badges: ["B002", "B003"], idNumber: "310101199001010002", at: Self.at("2026-11-30 10:05")), in: s) == nil)
        #expect(s.freeBadges(2) == ["B002", "B003"])
    }

    @Test func aReturnedBadgeIsFreeAgainAndALostOneIsNot() throws {
        var s = try office()
        for c: Change in [.checkInVisitor(visitorID: "V1", badges: ["B001"], idNumber: "310101199001011234", at: Self.at("2026-11-30 10:00")),
                          .checkOutVisitor(visitorID: "V1", at: Self.at("2026-11-30 11:00"), lostBadges: [])] {
            try s.validate(c, ctx); s.apply(c)
        }
        #expect(s.visitors["V1"]?.status == .left)
        #expect(s.badges["B001"]?.state == .issued)
        let back = Change.returnBadges(visitorID: "V1", badges: ["B001"], at: Self.at("2026-11-30 11:05"))
        try s.validate(back, ctx); s.apply(back)
        #expect(s.badges["B001"]?.state == .available)
        #expect(s.visitors["V1"]?.status == .closed)
        #expect(s.visitors["V1"]?.maskedIDNumber == "••••••••••••••1234")
    }

    @Test func stockNeverGoesBelowZero() throws {
        var s = try office()
        let issue = { (q: Int, id: String) in Change.moveStock(StockMove(id: id, sku: "PAP-A4", kind: .issue, quantity: -q, at: Self.at("2026-11-30 09:00"), by: "tom", department: "行政部", recipient: "李娜")) }
        let r = try #require(refusal(issue(6, "K2"), in: s))
        #expect(r.kind == .rule && r.message.contains("Only 5"))
        try s.validate(issue(5, "K2"), ctx); s.apply(issue(5, "K2"))
        #expect(s.onHand["PAP-A4"] == 0)
        #expect(refusal(issue(1, "K3"), in: s)?.kind == .rule)
        let noRecipient = Change.moveStock(StockMove(id: "K4", sku: "PAP-A4", kind: .issue, quantity: -1, at: Self.at("2026-11-30 09:00"), by: "tom", department: "行政部"))
        #expect(refusal(noRecipient, in: s)?.kind == .invalid)
    }

    @Test func approvalRules() throws {
        var s = try office()
        s.apply(.grantRole(user: "chenjing", role: .approver))
        s.apply(.requestApproval(ApprovalRequest(id: "A1", type: .leave, title: "Leave", requester: "ann", createdAt: Self.at("2026-11-30 08:00"))))
        func decide(_ by: String, _ v: Verdict, _ comment: String? = nil, _ id: String = "A1") -> Change {
            .decideApproval(requestID: id, decision: Decision(by: by, verdict: v, comment: comment, at: Self.at("2026-11-30 09:00")))
        }
        #expect(refusal(decide("ann", .approve), in: s)?.message.contains("own request") == true)
        #expect(refusal(decide("tom", .approve), in: s)?.kind == .permission)
        #expect(refusal(decide("chenjing", .reject), in: s)?.message.contains("comment") == true)
        #expect(refusal(decide("chenjing", .approve), in: s) == nil)
        // A chain: wangwei then chenjing, both required.
        var chained = ApprovalRequest(id: "A2", type: .purchase, title: "Chairs", requester: "tom", createdAt: Self.at("2026-11-30 08:00"), amount: 8700)
        chained.approvers = ["ann", "chenjing"]; chained.requiredApprovals = 2
        s.apply(.requestApproval(chained))
        #expect(refusal(decide("chenjing", .approve, nil, "A2"), in: s)?.message.contains("waiting for") == true)
        s.apply(decide("ann", .approve, nil, "A2"))
        #expect(s.approvals["A2"]?.status == .pending)
        s.apply(decide("chenjing", .approve, nil, "A2"))
        #expect(s.approvals["A2"]?.status == .approved)
        // Any rejection stops a request.
        s.apply(decide("chenjing", .reject, "no budget"))
        #expect(s.approvals["A1"]?.status == .rejected)
        #expect(refusal(decide("ann", .approve, nil, "A1"), in: s)?.message.contains("already rejected") == true)
    }

    @Test func onlyAdminsGrantRolesAndTheLastAdminStays() throws {
        var s = try office()
        s.apply(.grantRole(user: "root", role: .admin))
        #expect(refusal(.grantRole(user: "tom", role: .approver), in: s, as: "tom")?.kind == .permission)
        #expect(refusal(.grantRole(user: "tom", role: .approver), in: s, as: "root") == nil)
        #expect(refusal(.revokeRole(user: "root", role: .admin), in: s, as: "root")?.message.contains("last admin") == true)
    }

    @Test func newIdsFollowTheCountersEvenAfterReplay() throws {
        let s = try office()
        #expect(IDGenerator().next(.visitor, in: s) == "V3")
        #expect(IDGenerator().next(.meeting, in: s) == "M2")
        #expect(IDGenerator().next(.room, in: s) == "R3")
    }
}
