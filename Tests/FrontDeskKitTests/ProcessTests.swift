import Foundation
import Testing
@testable import FrontDeskKit

@Suite("Meeting and visitor processes")
struct ProcessTests {
    static let tz = TimeZone(identifier: "Asia/Shanghai") ?? .current
    static var cal: Calendar { var c = Calendar(identifier: .gregorian); c.timeZone = tz; return c }
    static func at(_ s: String) -> Date { DateInput.parseDateTime(s, tz) ?? Date() }
    func ctx(_ user: String = "zhangmin") -> RuleContext {
        RuleContext(env: .fixed(at: Self.at("2026-11-30 09:00"), user: user, timeZone: Self.tz))
    }

    func refusal(_ c: Change, in s: OfficeState, as user: String = "zhangmin") -> Refusal? {
        do { try s.validate(c, ctx(user)); return nil } catch { return error }
    }

    // MARK: Recurring meetings

    func weekly(count: Int? = nil, until: String? = nil, _ f: Recurrence.Frequency = .weekly, start: String = "2026-11-30 10:00") throws -> [Meeting] {
        let first = Meeting(id: "M1", title: "Sync", roomID: "R1", organizer: "lina", start: Self.at(start),
                            end: Self.at(start).addingTimeInterval(3600), requestedAt: Self.at("2026-11-29 10:00"))
        return try Recurrence(f, until: until.flatMap { DateInput.parseDay($0, Self.tz) }, count: count)
            .occurrences(of: first, calendar: Self.cal, firstNumber: 5)
    }

    @Test func recurrenceByCountAndUntil() throws {
        let byCount = try weekly(count: 4)
        #expect(byCount.map(\.id) == ["M5", "M6", "M7", "M8"])
        #expect(byCount.map { Clock.dayHM($0.start, Self.tz) } == ["2026-11-30 10:00", "2026-12-07 10:00", "2026-12-14 10:00", "2026-12-21 10:00"])
        #expect(Set(byCount.map(\.seriesID)) == ["M5"])
        let byUntil = try weekly(until: "2026-12-14")
        #expect(byUntil.count == 3, "the last day is included")
        let daily = try weekly(count: 3, .daily)
        #expect(daily.map { Clock.day($0.start, Self.tz) } == ["2026-11-30", "2026-12-01", "2026-12-02"])
        let monthly = try weekly(count: 3, .monthly, start: "2027-01-31 10:00")
        #expect(monthly.map { Clock.day($0.start, Self.tz) } == ["2027-01-31", "2027-03-31", "2027-05-31"], "months without a 31st are skipped")
        #expect(throws: Refusal.self) { try weekly() }
        #expect(throws: Refusal.self) { try weekly(until: "2030-01-01", .daily) }
    }

    @Test func aConflictInAnyOccurrenceBooksNothing() throws {
        var s = OfficeState()
        s.apply(.addRoom(Room(id: "R1", name: "长城厅", capacity: 10)))
        s.apply(.bookMeetings([Meeting(id: "M1", title: "Board", roomID: "R1", organizer: "lina", start: Self.at("2026-12-14 10:30"),
                                       end: Self.at("2026-12-14 11:00"), status: .confirmed, requestedAt: Self.at("2026-11-01 10:00"))]))
        let series = try weekly(count: 4)
        let r = try #require(refusal(.bookMeetings(series), in: s))
        #expect(r.message.contains("2026-12-14"))
        #expect(s.meetings.count == 1)
    }

    @Test func theMeetingCycleGoesForwardAndClosesOnlyWhenEveryActionIsDone() throws {
        var s = OfficeState()
        s.apply(.addRoom(Room(id: "R1", name: "Focus", capacity: 4)))
        s.apply(.bookMeetings([Meeting(id: "M1", title: "Plan", roomID: "R1", organizer: "lina", start: Self.at("2026-11-30 09:00"),
                                       end: Self.at("2026-11-30 10:00"), requestedAt: Self.at("2026-11-29 10:00"))]))
        #expect(refusal(.recordMinutes(meetingID: "M1", text: "x", at: Self.at("2026-11-30 09:00")), in: s)?.message.contains("not been held") == true)
        func step(_ st: MeetingStatus) -> Change { .setMeetingStatus(meetingID: "M1", status: st, at: Self.at("2026-11-30 09:00")) }
        for st in [MeetingStatus.confirmed, .roomChecked, .held] { try s.validate(step(st), ctx()); s.apply(step(st)) }
        #expect(refusal(step(.confirmed), in: s)?.message.contains("cannot go back") == true)
        #expect(refusal(step(.cancelled), in: s)?.message.contains("already held") == true)
        #expect(refusal(step(.minutesSent), in: s)?.message.contains("no minutes") == true)
        s.apply(.recordMinutes(meetingID: "M1", text: "Decisions", at: Self.at("2026-11-30 12:00")))
        #expect(s.meetings["M1"]?.status == .minutesDrafted)
        let review = Change.reviewMinutes(meetingID: "M1", by: "zhangmin", at: Self.at("2026-11-30 12:00"))
        #expect(refusal(review, in: s, as: "zhangmin")?.kind == .permission, "the chair reviews the minutes")
        #expect(refusal(step(.minutesSent), in: s, as: "lina")?.message.contains("not reviewed") == true)
        let chairReview = Change.reviewMinutes(meetingID: "M1", by: "lina", at: Self.at("2026-11-30 12:00"))
        try s.validate(chairReview, ctx("lina")); s.apply(chairReview)
        try s.validate(step(.minutesSent), ctx("zhangmin")); s.apply(step(.minutesSent))
        s.apply(.addActionItem(meetingID: "M1", item: ActionItem(id: "T1", text: "Quote", owner: "wangwei", due: Self.at("2026-12-02 18:00"))))
        #expect(refusal(step(.closed), in: s)?.message.contains("T1") == true)
        s.apply(.completeActionItem(meetingID: "M1", itemID: "T1", at: Self.at("2026-12-01 10:00")))
        #expect(refusal(step(.closed), in: s) == nil)
    }

    // MARK: Visitors

    func lobby() -> OfficeState {
        var s = OfficeState()
        s.apply(.addBadges(BadgePool.defaultCodes))
        s.apply(.grantRole(user: "lina", role: .lead))
        s.apply(.addVisitor(Visitor(id: "V1", name: "王五", host: "lina", expectedAt: Self.at("2026-11-30 10:00"), receivedAt: Self.at("2026-11-30 08:00"),
                                    idNumber: "310101199001011234")))
        return s
    }

    @Test func aWatchListMatchNeedsALeadsDecisionBeforeABadge() throws {
        var s = lobby()
        s.apply(.addToWatchList(WatchEntry(name: nil, idNumber: "310101199001011234", reason: "banned after incident", addedBy: "lina", addedAt: Self.at("2026-11-01 09:00"))))
        let checkIn = Change.checkInVisitor(visitorID: "V1", badges: ["B001"], idNumber: nil, at: Self.at("2026-11-30 10:00"))
        #expect(refusal(checkIn, in: s)?.message.contains("watch list") == true)
        let allow = Change.decideWatch(visitorID: "V1", decision: WatchDecision(allowed: true, by: "lina", at: Self.at("2026-11-30 10:01"), comment: nil))
        #expect(refusal(allow, in: s, as: "zhangmin")?.kind == .permission, "only a lead decides")
        try s.validate(allow, ctx("lina")); s.apply(allow)
        #expect(refusal(checkIn, in: s) == nil)
        // A name typed at check-in is matched too.
        s.apply(.addToWatchList(WatchEntry(name: "张三", idNumber: nil, reason: "x", addedBy: "lina", addedAt: Self.at("2026-11-01 09:00"))))
        s.apply(.addVisitor(Visitor(id: "V2", name: " 张三", host: "lina", expectedAt: Self.at("2026-11-30 10:00"), receivedAt: Self.at("2026-11-30 08:00"))))
        #expect(refusal(.checkInVisitor(visitorID: "V2", badges: ["B002"], idNumber: nil, at: Self.at("2026-11-30 10:00")), in: s) != nil)
    }

    @Test func onlyALeadUndoesACheckInAndTheBadgeIsFreedAgain() throws {
        var s = lobby()
        s.apply(.checkInVisitor(visitorID: "V1", badges: ["B001"], idNumber: nil, at: Self.at("2026-11-30 10:00")))
        let undo = Change.undoCheckIn(visitorID: "V1", at: Self.at("2026-11-30 10:02"))
        #expect(refusal(undo, in: s)?.kind == .permission)
        try s.validate(undo, ctx("lina")); s.apply(undo)
        #expect(s.visitors["V1"]?.status == .arrived)
        #expect(s.badges["B001"]?.state == .available)
    }

    @Test func aKnownNameOffersItsCompanyAndLastHost() {
        var s = lobby()
        s.apply(.addVisitor(Visitor(id: "V2", name: "Emily Watson", company: "Acme", host: "wangwei", expectedAt: Self.at("2026-11-30 11:00"), receivedAt: Self.at("2026-11-30 08:00"))))
        #expect(s.returningVisitors["emily watson"]?.company == "Acme")
        #expect(s.returningVisitors["emily watson"]?.lastHost == "wangwei")
    }

    @Test func hookValuesNeverReachTheShellAsCode() throws {
        var s = lobby()
        s.apply(.addVisitor(Visitor(id: "V2", name: "x\"; touch /tmp/pwned; echo \"", host: "lina", expectedAt: Self.at("2026-11-30 11:00"), receivedAt: Self.at("2026-11-30 08:00"))))
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("hook-\(UUID().uuidString)").path
        var hooks = HookTable()
        hooks.hooks["visitor.arrived"] = "printf '%s|%s' {visitor} {host} > \(out)"
        let started = try #require(try HostNotifier.start(for: .visitorArrived(visitorID: "V2", at: Self.at("2026-11-30 10:00")), state: s, hooks: hooks, timeZone: Self.tz))
        #expect(HostNotifier.outcome(started, timeout: 5) == nil)
        #expect((try? String(contentsOfFile: out, encoding: .utf8)) == "x\"; touch /tmp/pwned; echo \"|lina")
        try? FileManager.default.removeItem(atPath: out)
        hooks.hooks["visitor.arrived"] = "echo boom >&2; exit 7"
        let failing = try #require(try HostNotifier.start(for: .visitorArrived(visitorID: "V2", at: Self.at("2026-11-30 10:00")), state: s, hooks: hooks, timeZone: Self.tz))
        let problem = HostNotifier.outcome(failing, timeout: 5)
        #expect(problem?.contains("exit 7") == true)
        #expect(problem?.contains("boom") == true)
    }
}

@Suite("Moving occurrences and guests")
struct MeetingChangesTests {
    static func at(_ s: String) -> Date { ProcessTests.at(s) }
    let ctx = RuleContext(env: .fixed(at: at("2026-11-30 09:00"), user: "lina", timeZone: ProcessTests.tz))

    func office() -> OfficeState {
        var s = OfficeState()
        s.apply(.addRoom(Room(id: "R1", name: "长城厅", capacity: 10)))
        for (id, from, to) in [("M1", "10:00", "11:00"), ("M2", "11:00", "12:00")] {
            s.apply(.bookMeetings([Meeting(id: id, title: id, roomID: "R1", organizer: "lina", start: Self.at("2026-12-01 \(from)"),
                                           end: Self.at("2026-12-01 \(to)"), status: .confirmed, requestedAt: Self.at("2026-11-29 10:00"))]))
        }
        return s
    }

    @Test func oneOccurrenceMovesWithoutClashingWithItselfButNotOntoAnother() throws {
        var s = office()
        let later = Change.moveMeeting(meetingID: "M1", start: Self.at("2026-12-01 10:30"), end: Self.at("2026-12-01 11:00"), roomID: "R1")
        try s.validate(later, ctx)
        let clash = Change.moveMeeting(meetingID: "M1", start: Self.at("2026-12-01 11:30"), end: Self.at("2026-12-01 12:30"), roomID: "R1")
        #expect(throws: Refusal.self) { try s.validate(clash, ctx) }
        s.apply(later)
        #expect(s.meetings["M1"]?.start == Self.at("2026-12-01 10:30"))
    }

    @Test func guestRepliesAreTrackedAndPendingOnesFlaggedTheDayBefore() throws {
        var s = office()
        s.apply(.inviteGuest(meetingID: "M1", guest: GuestInvite(name: "Dr. Chen", contact: nil, invitedAt: Self.at("2026-11-28 10:00"))))
        #expect(throws: Refusal.self) { try s.validate(.inviteGuest(meetingID: "M1", guest: GuestInvite(name: "Dr. Chen", contact: nil, invitedAt: Self.at("2026-11-28 10:00"))), ctx) }
        let m = try #require(s.meetings["M1"])
        #expect(!s.flags(of: m, at: Self.at("2026-11-30 09:59"), .defaults).contains(.guestReplyDue))
        #expect(s.flags(of: m, at: Self.at("2026-11-30 10:01"), .defaults).contains(.guestReplyDue))
        s.apply(.recordGuestReply(meetingID: "M1", name: "Dr. Chen", reply: .accepted, at: Self.at("2026-11-30 11:00")))
        let replied = try #require(s.meetings["M1"])
        #expect(!s.flags(of: replied, at: Self.at("2026-11-30 12:00"), .defaults).contains(.guestReplyDue))
        #expect(throws: Refusal.self) { try s.validate(.recordGuestReply(meetingID: "M1", name: "Nobody", reply: .declined, at: Self.at("2026-11-30 11:00")), ctx) }
    }
}

@Suite("Visitor no-show")
struct VisitorNoShowTests {
    @Test func aVisitorIsANoShowOnlyAfterTheExpectedTime() throws {
        var s = OfficeState()
        s.apply(.addVisitor(Visitor(id: "V1", name: "Ann", host: "lina", expectedAt: ProcessTests.at("2026-11-30 10:00"), receivedAt: ProcessTests.at("2026-11-30 08:00"))))
        let ctx = RuleContext(env: .fixed(at: ProcessTests.at("2026-11-30 09:00"), user: "zhangmin", timeZone: ProcessTests.tz))
        #expect(throws: Refusal.self) { try s.validate(.visitorNoShow(visitorID: "V1", at: ProcessTests.at("2026-11-30 09:59")), ctx) }
        try s.validate(.visitorNoShow(visitorID: "V1", at: ProcessTests.at("2026-11-30 10:01")), ctx)
        s.apply(.visitorNoShow(visitorID: "V1", at: ProcessTests.at("2026-11-30 10:01")))
        #expect(s.visitors["V1"]?.status == .noShow)
        #expect(throws: Refusal.self) { try s.validate(.checkInVisitor(visitorID: "V1", badges: ["B001"], idNumber: nil, at: ProcessTests.at("2026-11-30 10:05")), ctx) }
    }
}

@Suite("Meeting steps keep to the clock")
struct MeetingClockTests {
    @Test func aMeetingCannotBeHeldOrCheckedDaysBeforeItStarts() {
        var s = OfficeState()
        s.apply(.addRoom(Room(id: "R1", name: "Focus", capacity: 4)))
        s.apply(.bookMeetings([Meeting(id: "M1", title: "Later", roomID: "R1", organizer: "lina", start: ProcessTests.at("2026-12-05 10:00"),
                                       end: ProcessTests.at("2026-12-05 11:00"), status: .confirmed, requestedAt: ProcessTests.at("2026-11-29 10:00"))]))
        let ctx = RuleContext(env: .fixed(at: ProcessTests.at("2026-11-30 09:00"), user: "lina", timeZone: ProcessTests.tz))
        #expect(throws: Refusal.self) { try s.validate(.setMeetingStatus(meetingID: "M1", status: .held, at: ctx.now), ctx) }
        #expect(throws: Refusal.self) { try s.validate(.setMeetingStatus(meetingID: "M1", status: .roomChecked, at: ctx.now), ctx) }
        let onTheDay = RuleContext(env: .fixed(at: ProcessTests.at("2026-12-05 09:30"), user: "lina", timeZone: ProcessTests.tz))
        #expect((try? s.validate(.setMeetingStatus(meetingID: "M1", status: .roomChecked, at: onTheDay.now), onTheDay)) != nil)
    }
}

@Suite("Approval chains are met step by step")
struct ApprovalChainTests {
    @Test func oneDecisionMeetsOneStepAndEveryStepNeedsSomeone() throws {
        var s = OfficeState()
        s.apply(.grantRole(user: "boss", role: .approver)); s.apply(.grantRole(user: "boss", role: .admin))
        s.apply(.grantRole(user: "ann", role: .approver))
        var a = ApprovalRequest(id: "A1", type: .purchase, title: "Chairs", requester: "tom", createdAt: ProcessTests.at("2026-11-30 09:00"), amount: 9000)
        a.approvers = ["boss", "role:admin"]; a.requiredApprovals = 2
        let ctx = RuleContext(env: .fixed(at: ProcessTests.at("2026-11-30 09:00"), user: "tom", timeZone: ProcessTests.tz))
        try s.validate(.requestApproval(a), ctx)
        s.apply(.requestApproval(a))
        s.apply(.decideApproval(requestID: "A1", decision: Decision(by: "boss", verdict: .approve, comment: nil, at: ctx.now)))
        #expect(s.approvals["A1"]?.status == .pending, "the head's approval does not also meet the administration step")
        #expect(s.pendingStep(s.approvals["A1"]!) == "role:admin")
        #expect(!s.isWaiting(s.approvals["A1"]!, for: "ann"), "ann is not an admin")
        var lonely = a; lonely.id = "A2"; lonely.approvers = ["role:lead"]
        #expect(throws: Refusal.self) { try s.validate(.requestApproval(lonely), ctx) }
        var twice = a; twice.id = "A3"; twice.approvers = ["ann", "ann"]
        #expect(throws: Refusal.self) { try s.validate(.requestApproval(twice), ctx) }
    }
}
