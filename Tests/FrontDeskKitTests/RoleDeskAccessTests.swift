import Foundation
import Testing
import TestSupport
@testable import FrontDeskKit

/// Desk actions need the frontdesk role on a working store; the store's creator holds every role;
/// the refusal names the admins to ask.
@Suite("Roles: desk access")
struct RoleDeskAccessTests {
    func visitor(_ s: OfficeState, _ ctx: RuleContext) -> Change {
        .addVisitor(Visitor(id: ctx.env.ids.next(.visitor, in: s), name: "Ann Lee", host: "lina", expectedAt: ctx.now, receivedAt: ctx.now))
    }

    @Test func aUserWithoutTheDeskRoleIsRefusedAndToldWhomToAsk() throws {
        let tmp = try TempStore("roles")
        let store = try tmp.create(at: "2026-03-10 10:30", user: "lina", allowOverrides: false)
        try store.commit(.addPerson(Person(login: "lina", name: "李娜")))
        #expect(try store.commit { s, ctx in visitor(s, ctx) }.change.name == "visitor.add", "the creator has every role")
        let other = try tmp.open(at: "2026-03-10 10:35", user: "wangwei")
        do {
            try other.commit { s, ctx in visitor(s, ctx) }
            Issue.record("a user with no role added a visitor")
        } catch let r as Refusal {
            #expect(r.kind == .permission)
            #expect(r.message.contains("frontdesk role") && r.message.contains("李娜 (lina)") && r.message.contains("frontdesk role grant wangwei frontdesk"),
                    "\(r.message)")
        }
        #expect(throws: Refusal.self) { try other.commit(.addBadges(["B900"])) }
        #expect(throws: Refusal.self) {
            try other.commit(.addItem(SupplyItem(sku: "PEN", name: "Pen", unit: "box", reorderAt: 1, target: 5)))
        }
        // Rooms and meetings are desk work too (issue #8 defect 13 names rooms).
        #expect(throws: Refusal.self) { try other.commit(.addRoom(Room(id: "R9", name: "Annex", capacity: 4))) }
        let room = try store.commit(.addRoom(Room(id: "R1", name: "Board Room", capacity: 8)))
        #expect(room.change.name == "room.add")
        let start = TempStore.date("2026-03-11 10:00")
        let booking = Meeting(id: "M1", title: "Budget", roomID: "R1", organizer: "wangwei", attendees: ["wangwei"],
                              start: start, end: start.addingTimeInterval(3600), requestedAt: TempStore.date("2026-03-10 10:35"))
        #expect(throws: Refusal.self) { try other.commit(.bookMeetings([booking])) }
        #expect(throws: Refusal.self) {
            try other.commit(.setRoomOutOfService(roomID: "R1", period: ClosedPeriod(start: start, end: start.addingTimeInterval(3600), reason: "paint")))
        }
        #expect(other.state.nextSteps(for: .visitor("V1"), other.context).isEmpty, "no menu entry the store would refuse")
        #expect(other.state.visitors.count == 1)
        try store.commit(.grantRole(user: "wangwei", role: .frontdesk))
        _ = try other.refresh()
        #expect(try other.commit { s, ctx in visitor(s, ctx) }.change.name == "visitor.add")
        #expect(other.state.nextSteps(for: .visitor("V1"), other.context).map(\.id).contains(.visitorConfirm))
        _ = try other.refresh()
        #expect(try other.commit(.bookMeetings([booking])).change.name == "meeting.book")
        #expect(other.state.nextSteps(for: .meeting("M1"), other.context).map(\.id).contains(.roomAdd))
    }

    @Test func onATrainingStoreTheMenuOffersWhatTheStoreAccepts() throws {
        let tmp = try TempStore("training-roles")
        let store = try tmp.create(at: "2026-03-10 10:30", user: "lina", allowOverrides: true)
        try store.commit { s, ctx in visitor(s, ctx) }
        let trainee = try tmp.open(at: "2026-03-10 10:35", user: "trainee")
        let steps = trainee.state.nextSteps(for: .visitor("V1"), trainee.context).map(\.id)
        #expect(steps.contains(.visitorConfirm), "\(steps)")
        #expect(try trainee.commit(.confirmVisitor(visitorID: "V1", at: TempStore.date("2026-03-10 10:35"))).change.name == "visitor.confirm")
    }

    @Test func aLeadDoesDeskWorkAndOnlyAdminsGrantRoles() throws {
        var s = OfficeState()
        s.apply(.grantRole(user: "lina", role: .admin))
        s.apply(.grantRole(user: "boss", role: .lead))
        #expect(s.mayAct("boss", as: .frontdesk) && s.mayAct("lina", as: .lead) && !s.mayAct("boss", as: .admin))
        let ctx = RuleContext(env: .fixed(at: Date(timeIntervalSince1970: 1_790_000_000), user: "boss", timeZone: .gmt))
        #expect(throws: Refusal.self) { try s.validate(.grantRole(user: "boss", role: .admin), ctx) }
        try s.validate(.addBadges(["B900"]), ctx)
    }
}
