import Foundation
import Testing
@testable import FrontDeskKit

@Suite("Joiners and leavers: checklists, issue, recovery, write-off, due times")
struct StaffProcessTests {
    static let tz = TimeZone(identifier: "Asia/Shanghai") ?? .current
    static func at(_ s: String) -> Date { DateInput.parseDateTime(s, tz) ?? Date() }
    static let now = at("2026-11-30 09:00")

    func ctx(at when: Date = Self.now, user: String = "tom") -> RuleContext {
        RuleContext(env: .fixed(at: when, user: user, timeZone: Self.tz))
    }

    static func asset(_ tag: String, holder: String?) -> Asset {
        Asset(tag: tag, category: "laptop", model: "ThinkPad 笔记本", serial: nil, purchasedOn: at("2025-11-30 09:00"), costCents: 800_000, supplier: nil,
              department: "研发部", location: "3F", holder: holder, state: holder == nil ? .inStore : .inUse, addedAt: at("2026-11-01 09:00"), addedBy: "tom")
    }

    func office() -> OfficeState {
        var s = OfficeState()
        s.apply(.addDepartment(Department(name: "研发部", head: "lina")))
        s.apply(.addPerson(Person(login: "lina", name: "李娜", department: "研发部")))
        s.apply(.addPerson(Person(login: "david", name: "David Chen", department: "研发部")))
        s.apply(.grantRole(user: "tom", role: .frontdesk))
        s.apply(.grantRole(user: "lina", role: .approver))
        s.apply(.grantRole(user: "lina", role: .lead))
        s.apply(.grantRole(user: "root", role: .admin))
        s.apply(.addItem(SupplyItem(sku: "PEN", name: "签字笔 pen", unit: "box", reorderAt: 0, target: 10)))
        s.onHand["PEN"] = 10
        s.apply(.addAsset(Self.asset("FA-1", holder: nil)))
        s.apply(.addAsset(Self.asset("FA-2", holder: "david")))
        s.apply(.addAsset(Self.asset("FA-3", holder: "lina")))
        return s
    }

    /// Validates and applies, as the store does; returns the refusal instead when there is one.
    @discardableResult
    func take(_ c: Change, _ s: inout OfficeState, _ context: RuleContext? = nil) -> Refusal? {
        do { try s.validate(c, context ?? ctx()); s.apply(c); return nil } catch { return error }
    }

    func joiner(_ s: inout OfficeState, start: String = "2026-12-03 00:00") throws -> StaffChecklist {
        let c = s.staffJoin(person: "孙悦", department: "研发部", start: Self.at(start), ctx())
        #expect(take(c, &s) == nil)
        return try #require(s.staff[c.subject])
    }

    @Test func aJoinerGetsTheDefaultTemplateThenTheDepartmentsOwn() throws {
        var s = office()
        let c = try joiner(&s)
        #expect(c.items.map(\.kind) == [.badge, .desk, .equipment, .account])
        #expect(c.dueAt == Self.at("2026-12-03 00:00") && c.direction == .joining)
        // A lead sets R&D's template with a starter kit; the desk may not.
        let set = try s.staffTemplate(department: "研发部", lines: ["badge", "equipment:Laptop", "kit:PEN:2"], ctx(user: "lina"))
        #expect(take(set, &s, ctx())?.kind == .permission)
        #expect(take(set, &s, ctx(user: "lina")) == nil)
        #expect(throws: Refusal.self) { try s.staffTemplate(department: "研发部", lines: ["laptop"], ctx(user: "lina")) }
        #expect(take(try s.staffTemplate(department: "研发部", lines: ["kit:NOPE:2"], ctx(user: "lina")), &s, ctx(user: "lina"))?.kind == .invalid)
        let second = s.staffJoin(person: "Emma Liu", department: "研发部", start: Self.now, ctx())
        #expect(take(second, &s) == nil)
        let items = try #require(s.staff[second.subject]).items
        #expect(items.map(\.kind) == [.badge, .equipment, .kit] && items[2].quantity == 2 && items[2].name == "签字笔 pen")
        // One open joining checklist per person.
        #expect(take(s.staffJoin(person: "孙悦", department: "研发部", start: Self.now, ctx()), &s)?.kind == .rule)
    }

    @Test func issuingEquipmentMovesTheAssetAndTheKitLeavesStockInTheSameRecord() throws {
        var s = office()
        #expect(take(try s.staffTemplate(department: "研发部", lines: ["badge", "equipment:Laptop", "kit:PEN:2"], ctx(user: "lina")), &s, ctx(user: "lina")) == nil)
        let c = try joiner(&s)
        // Equipment needs a tag; one held by someone else is refused and changes nothing.
        let before = s
        #expect(take(try s.staffIssue(checklist: c.id, item: "equipment", asset: nil, location: nil, note: nil, ctx()), &s)?.kind == .invalid)
        let taken = take(try s.staffIssue(checklist: c.id, item: "equipment", asset: "FA-3", location: nil, note: nil, ctx()), &s)
        #expect(taken?.kind == .rule && taken?.message.contains("李娜") == true)
        #expect(s == before)
        #expect(take(try s.staffIssue(checklist: c.id, item: "2", asset: "FA-1", location: "3F-21", note: nil, ctx()), &s) == nil)
        let a = try #require(s.assets["FA-1"])
        #expect(a.holder == "孙悦" && a.state == .inUse && a.location == "3F-21" && a.transfers.last?.reason == "joiner \(c.id)")
        #expect(s.staff[c.id]?.items[1].asset == "FA-1" && s.staff[c.id]?.items[1].state == .issued)
        // The starter kit is an ordinary issue on the supplies ledger.
        #expect(take(try s.staffIssue(checklist: c.id, item: "kit", asset: nil, location: nil, note: nil, ctx()), &s) == nil)
        #expect(s.onHand["PEN"] == 8)
        let moveID = try #require(s.staff[c.id]?.items[2].moveID)
        #expect(s.moves[moveID]?.kind == .issue && s.moves[moveID]?.department == "研发部" && s.moves[moveID]?.recipient == "孙悦")
        // An item is issued once; the checklist closes only when every item is settled.
        #expect(take(try s.staffIssue(checklist: c.id, item: "kit", asset: nil, location: nil, note: nil, ctx()), &s)?.kind == .rule)
        let early = take(.closeStaffChecklist(checklistID: c.id, at: Self.now, by: "tom"), &s)
        #expect(early?.kind == .rule && early?.message.contains("1 Staff badge") == true && early?.zh?.isEmpty == false)
        #expect(take(try s.staffIssue(checklist: c.id, item: "badge", asset: nil, location: nil, note: "S-1042", ctx()), &s) == nil)
        #expect(take(.closeStaffChecklist(checklistID: c.id, at: Self.now, by: "tom"), &s) == nil)
        #expect(s.staff[c.id]?.isClosed == true)
        #expect(take(try s.staffIssue(checklist: c.id, item: "badge", asset: nil, location: nil, note: nil, ctx()), &s)?.kind == .rule)
    }

    @Test func aLeaverListsTheBadgeAndEveryAssetTheyHold() throws {
        var s = office()
        s.apply(.addAsset(Self.asset("FA-4", holder: "David Chen")))  // held by name, not login
        let leave = s.staffLeave(person: "david", department: nil, lastDay: Self.at("2026-12-04 00:00"), ctx())
        guard case .openStaffChecklist(let c) = leave else { Issue.record("not a checklist"); return }
        #expect(c.items.map(\.kind) == [.badge, .equipment, .equipment] && c.items.compactMap(\.asset) == ["FA-2", "FA-4"])
        #expect(c.department == "研发部" && c.dueAt == Self.at("2026-12-05 00:00"))
        // The ledger changing in between is caught: a new asset for him makes the list stale.
        var moved = s
        #expect(take(moved.assetTransfer(tag: "FA-1", department: nil, location: nil, holder: "david", state: nil, reason: nil, ctx()), &moved) == nil)
        #expect(take(leave, &moved)?.kind == .rule)
        // A list without the badge is refused.
        var noBadge = c
        noBadge.items.removeFirst()
        #expect(take(.openStaffChecklist(noBadge), &s)?.kind == .invalid)
        #expect(take(leave, &s) == nil)
    }

    @Test func recoveringPutsTheAssetBackInStoreAndWriteOffGoesOnlyThroughTheApproval() throws {
        var s = office()
        let leave = s.staffLeave(person: "david", department: nil, lastDay: Self.now, ctx())
        #expect(take(leave, &s) == nil)
        let id = leave.subject
        #expect(take(try s.staffRecover(checklist: id, item: "FA-2", location: "2F 仓库", note: nil, ctx()), &s) == nil)
        let a = try #require(s.assets["FA-2"])
        #expect(a.holder == nil && a.state == .inStore && a.location == "2F 仓库")
        // The badge is lost: a write-off request, not a tick by hand.
        let ask = try s.staffWriteOff(checklist: id, item: "badge", reason: "丢失 lost", approvers: [], ctx())
        #expect(take(ask, &s) == nil)
        guard case .requestStaffWriteOff(_, _, let req) = ask else { Issue.record("not a write-off"); return }
        #expect(req.type == .writeOff && req.approvers == ["lina"] && s.approvals[req.id]?.status == .pending)
        #expect(s.staff[id]?.items[0].state == .open, "a request alone writes nothing off")
        #expect(take(try s.staffRecover(checklist: id, item: "badge", location: nil, note: nil, ctx()), &s)?.message.contains("waits for write-off approval") == true)
        #expect(take(.closeStaffChecklist(checklistID: id, at: Self.now, by: "tom"), &s)?.kind == .rule)
        // Raised by hand (not from the checklist) it is refused.
        #expect(take(.requestApproval(req), &s)?.kind == .invalid)
        // A rejection leaves the item open; a new request and an approval write it off.
        #expect(take(.decideApproval(requestID: req.id, decision: Decision(by: "lina", verdict: .reject, comment: "search again", at: Self.now)), &s, ctx(user: "lina")) == nil)
        #expect(s.staff[id]?.items[0].state == .open)
        let again = try s.staffWriteOff(checklist: id, item: "1", reason: "丢失 lost", approvers: [], ctx())
        #expect(take(again, &s) == nil)
        guard case .requestStaffWriteOff(_, _, let req2) = again else { return }
        #expect(take(.decideApproval(requestID: req2.id, decision: Decision(by: "lina", verdict: .approve, comment: "ok", at: Self.now)), &s, ctx(user: "lina")) == nil)
        #expect(s.staff[id]?.items[0].state == .writtenOff && s.staff[id]?.items[0].doneBy == "lina")
        #expect(take(.closeStaffChecklist(checklistID: id, at: Self.now, by: "tom"), &s) == nil)
    }

    @Test func aWrittenOffAssetGoesOffTheBooksAsLost() throws {
        var s = office()
        let leave = s.staffLeave(person: "david", department: nil, lastDay: Self.now, ctx())
        #expect(take(leave, &s) == nil)
        let ask = try s.staffWriteOff(checklist: leave.subject, item: "FA-2", reason: "not returned", approvers: ["lina"], ctx())
        #expect(take(ask, &s) == nil)
        guard case .requestStaffWriteOff(_, _, let req) = ask else { return }
        #expect(req.asset == "FA-2" && req.amount != nil)
        #expect(take(.decideApproval(requestID: req.id, decision: Decision(by: "lina", verdict: .approve, comment: nil, at: Self.now)), &s, ctx(user: "lina")) == nil)
        let a = try #require(s.assets["FA-2"])
        #expect(a.state == .lost && a.holder == nil && a.offBooksAt == Self.now)
        // A joiner's items are not written off.
        let c = try joiner(&s)
        #expect(take(try s.staffWriteOff(checklist: c.id, item: "badge", reason: "x", approvers: [], ctx()), &s)?.kind == .rule)
    }

    @Test func joinerItemsAreOverdueFromTheStartOfTheStartDateNotASecondBefore() throws {
        var s = office()
        let c = try joiner(&s, start: "2026-12-03 14:00")
        let due = Self.at("2026-12-03 00:00")
        #expect(c.dueAt == due)
        #expect(s.flags(of: c, at: due.addingTimeInterval(-1)).isEmpty)
        #expect(s.flags(of: c, at: due) == [.joinerOverdue])
        #expect(s.flags(of: c, at: due.addingTimeInterval(1)) == [.joinerOverdue])
        #expect(DueFlag.joinerOverdue.isOverdue)
        // Settled items are never overdue.
        for ref in ["badge", "desk", "account"] { #expect(take(try s.staffIssue(checklist: c.id, item: ref, asset: nil, location: nil, note: nil, ctx()), &s) == nil) }
        #expect(take(try s.staffIssue(checklist: c.id, item: "equipment", asset: "FA-1", location: nil, note: nil, ctx()), &s) == nil)
        let done = try #require(s.staff[c.id])
        #expect(s.flags(of: done, at: due.addingTimeInterval(86_400)).isEmpty)
    }

    @Test func leaverItemsAreOverdueFromTheEndOfTheLastDayNotASecondBefore() throws {
        var s = office()
        let leave = s.staffLeave(person: "david", department: nil, lastDay: Self.at("2026-12-04 10:00"), ctx())
        #expect(take(leave, &s) == nil)
        let c = try #require(s.staff[leave.subject])
        let due = Self.at("2026-12-05 00:00")
        #expect(c.dueAt == due)
        #expect(s.flags(of: c, at: due.addingTimeInterval(-1)).isEmpty)
        #expect(s.flags(of: c, at: due) == [.leaverOverdue])
        #expect(s.flags(of: c, at: due.addingTimeInterval(1)) == [.leaverOverdue])
        let board = StaffBoard(state: s, now: due.addingTimeInterval(1))
        #expect(board.overdue == 1 && board.rows.first?.open == 2)
    }

    @Test func stepsFollowTheChecklist() throws {
        var s = office()
        let c = try joiner(&s)
        #expect(s.nextSteps(for: .staff(c.id), ctx()).map(\.id) == [.staffIssue, .staffJoin, .staffLeave])
        for ref in ["badge", "desk", "account"] { #expect(take(try s.staffIssue(checklist: c.id, item: ref, asset: nil, location: nil, note: nil, ctx()), &s) == nil) }
        #expect(take(try s.staffIssue(checklist: c.id, item: "equipment", asset: "FA-1", location: nil, note: nil, ctx()), &s) == nil)
        #expect(s.nextSteps(for: .staff(c.id), ctx()).map(\.id) == [.staffClose, .staffJoin, .staffLeave])
        let close = try #require(s.immediateChange(.staffClose, on: .staff(c.id), ctx()))
        #expect(take(close, &s) == nil)
        let leave = s.staffLeave(person: "david", department: nil, lastDay: Self.now, ctx())
        #expect(take(leave, &s) == nil)
        #expect(s.nextSteps(for: .staff(leave.subject), ctx()).map(\.id) == [.staffRecover, .staffWriteOff, .staffJoin, .staffLeave])
    }

    @Test func hookValuesNameThePersonAndWhatIsOpen() throws {
        var s = office()
        let leave = s.staffLeave(person: "david", department: nil, lastDay: Self.now, ctx())
        #expect(take(leave, &s) == nil)
        let v = try #require(HostNotifier.values(for: leave, in: s, timeZone: Self.tz))
        #expect(v["event"] == "staff.leave" && v["person"] == "david" && v["title"] == "David Chen" && v["open"]?.contains("ThinkPad") == true)
        #expect(HookTable.events.contains("staff.issue") && HookTable.events.contains("staff.writeoff"))
    }
}
