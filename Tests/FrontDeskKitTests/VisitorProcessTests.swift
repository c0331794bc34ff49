import Foundation
import Testing
import TestSupport
@testable import FrontDeskKit

/// The reception process as one rule set: the steps listed for a visit are exactly the ones the
/// store accepts, identity is on record at check-in, and watch-list waits are flagged.
@Suite("Visitor process")
struct VisitorProcessTests {
    static let tz = TimeZone(identifier: "Asia/Shanghai") ?? .current
    static func at(_ s: String) -> Date { DateInput.parseDateTime(s, tz) ?? Date() }
    static let now = at("2026-11-30 11:00")

    func ctx(_ user: String, settings: StoreSettings = .defaults) -> RuleContext {
        RuleContext(env: .fixed(at: Self.now, user: user, timeZone: Self.tz), settings: settings)
    }

    /// A working store's state: lina is admin, desk works the desk, boss is a lead; one visitor in
    /// every status, and one expected later today.
    func register() throws -> OfficeState {
        var s = OfficeState()
        s.apply(.grantRole(user: "lina", role: .admin))
        s.apply(.grantRole(user: "desk", role: .frontdesk))
        s.apply(.grantRole(user: "boss", role: .lead))
        s.apply(.addBadges(BadgePool.defaultCodes))
        func visitor(_ id: String, _ steps: [Change], at: String = "2026-11-30 10:00") {
            s.apply(.addVisitor(Visitor(id: id, name: "Guest \(id)", host: "lina", expectedAt: Self.at(at), receivedAt: Self.at("2026-11-30 08:00"),
                                        idNumber: "31010119900101\(id.dropFirst())000")))
            for c in steps { s.apply(c) }
        }
        let t = Self.at("2026-11-30 10:30")
        visitor("V1", [])
        visitor("V2", [], at: "2026-11-30 15:00")
        visitor("V3", [.confirmVisitor(visitorID: "V3", at: t)])
        visitor("V4", [.visitorArrived(visitorID: "V4", at: t)])
        visitor("V5", [.checkInVisitor(visitorID: "V5", badges: ["B005"], idNumber: nil, at: t)])
        visitor("V6", [.checkInVisitor(visitorID: "V6", badges: ["B006"], idNumber: nil, at: t),
                       .checkOutVisitor(visitorID: "V6", at: t, lostBadges: [])])
        visitor("V7", [.checkInVisitor(visitorID: "V7", badges: ["B007"], idNumber: nil, at: t),
                       .checkOutVisitor(visitorID: "V7", at: t, lostBadges: []), .returnBadges(visitorID: "V7", badges: ["B007"], at: t)])
        visitor("V8", [.cancelVisitor(visitorID: "V8", at: t)])
        visitor("V9", [.visitorNoShow(visitorID: "V9", at: t)])
        return s
    }

    @Test func everyListedStepIsAcceptedAndEveryOtherIsRefused() throws {
        let s = try register()
        #expect(Set(s.visitors.values.map(\.status)) == Set(VisitorStatus.allCases), "a visitor in every status")
        let noInput = StepID.allCases.filter { $0.rawValue.hasPrefix("visitor.") && !$0.needsInput }
        var checked = 0
        for user in ["desk", "boss", "lina", "nobody"] {
            for id in s.visitors.keys.sorted() {
                let listed = Set(s.nextSteps(for: .visitor(id), ctx(user)).map(\.id))
                for step in noInput {
                    let v = try #require(s.visitors[id])
                    let change = try #require(s.visitorImmediateChange(step, v, ctx(user)))
                    var refusal: Refusal?
                    do { try s.validate(change, ctx(user)) } catch { refusal = error }
                    #expect(listed.contains(step) == (refusal == nil),
                            "\(user) on \(id) (\(s.visitors[id]?.status.rawValue ?? "")): \(step.rawValue) listed \(listed.contains(step)), refused: \(refusal?.message ?? "no")")
                    checked += 1
                }
            }
        }
        #expect(checked == 4 * 9 * noInput.count)
    }

    @Test func theRegisterShowsOnlyWhatTheStateAllows() throws {
        let s = try register()
        func steps(_ id: String) -> [StepID] { s.nextSteps(for: .visitor(id), ctx("desk")).map(\.id) }
        #expect(!steps("V5").contains(.visitorReturnBadges), "on site: the badge comes back with the check-out")
        #expect(steps("V6").contains(.visitorReturnBadges))
        #expect(!steps("V1").contains(.visitorOutcome) && !steps("V5").contains(.visitorOutcome), "no outcome before the visit")
        #expect(steps("V7").contains(.visitorOutcome))
        #expect(steps("V1").contains(.visitorNoShow) && !steps("V2").contains(.visitorNoShow), "a no-show only after the expected time")
        #expect(!steps("V5").contains(.visitorUndoCheckIn) && s.nextSteps(for: .visitor("V5"), ctx("boss")).map(\.id).contains(.visitorUndoCheckIn))
    }

    @Test func anOutcomeBeforeTheVisitIsRefused() throws {
        let s = try register()
        let r = try #require(refusal(.recordOutcome(visitorID: "V3", text: "Signed", at: Self.now), s, "desk"))
        #expect(r.message.contains("after the visit"), "\(r.message)")
        #expect(refusal(.recordOutcome(visitorID: "V7", text: "Signed", at: Self.now), s, "desk") == nil)
    }

    @Test func aVisitOnADayThatHasPassedIsRefused() throws {
        let s = try register()
        let yesterday = Visitor(id: "V20", name: "Late entry", host: "lina", expectedAt: Self.at("2026-11-29 15:00"), receivedAt: Self.now)
        let r = try #require(refusal(.addVisitor(yesterday), s, "desk"))
        #expect(r.message.contains("2026-11-29 15:00") && r.message.contains("passed"), "\(r.message)")
        var walkIn = yesterday
        walkIn.expectedAt = Self.at("2026-11-30 10:45")
        #expect(refusal(.addVisitor(walkIn), s, "desk") == nil, "earlier today is a walk-in registered late")
    }

    func refusal(_ c: Change, _ s: OfficeState, _ user: String, settings: StoreSettings = .defaults) -> Refusal? {
        do { try s.validate(c, ctx(user, settings: settings)); return nil } catch { return error }
    }

    @Test func checkInNeedsAnIdentityNumberUnlessTheSettingIsOff() throws {
        var s = try register()
        s.apply(.addVisitor(Visitor(id: "V30", name: "No Papers", host: "lina", expectedAt: Self.at("2026-11-30 11:00"), receivedAt: Self.now)))
        let plain = Change.checkInVisitor(visitorID: "V30", badges: ["B030"], idNumber: nil, at: Self.now)
        let r = try #require(refusal(plain, s, "desk"))
        #expect(r.message.contains("identity document") && r.message.contains("--id-number"), "\(r.message)")
        #expect(refusal(.checkInVisitor(visitorID: "V30", badges: ["B030"], idNumber: "310101199001010030", at: Self.now), s, "desk") == nil)
        var relaxed = StoreSettings.defaults
        relaxed.checkInNeedsIdentity = false
        #expect(refusal(plain, s, "desk", settings: relaxed) == nil)
    }

    @Test func aDifferentIdentityNumberNeedsAConfirmationAndIsAudited() throws {
        let tmp = try TempStore("identity")
        let store = try tmp.create(at: "2026-03-10 10:30", user: "lina", allowOverrides: false)
        let v = try store.commit { s, ctx in
            .addVisitor(Visitor(id: ctx.env.ids.next(.visitor, in: s), name: "王五", host: "lina", expectedAt: ctx.now, receivedAt: ctx.now,
                                idNumber: "310101199001011234"))
        }.change.subject
        #expect(throws: Refusal.self) {
            try store.commitBatch { s, ctx in try s.checkIn(visitorID: v, badges: [], idNumber: "310101199001015678", ctx) }
        }
        do {
            _ = try store.commitBatch { s, ctx in try s.checkIn(visitorID: v, badges: [], idNumber: "310101199001015678", ctx) }
        } catch let r as Refusal {
            #expect(r.message.contains("••••1234") && r.message.contains("••••5678") && r.message.contains("--confirm-new-identity"), "\(r.message)")
            #expect(!r.message.contains("310101199001015678"), "refusals never show the full number")
        }
        #expect(store.state.visitors[v]?.status == .expected, "nothing changed")
        let records = try store.commitBatch { s, ctx in
            try s.checkIn(visitorID: v, badges: [], idNumber: "310101199001015678", confirmNewIdentity: true, ctx)
        }
        #expect(records.map(\.change.name) == ["visitor.identity", "visitor.checkin"])
        #expect(store.state.visitors[v]?.idNumber == "310101199001015678")
        #expect(store.state.visitors[v]?.status == .onSite)
        let audit = try store.auditTrail().filter { $0.change.name == "visitor.identity" }
        #expect(audit.count == 1 && audit.first?.actor == "lina" && audit.first?.change.subject == v)
    }

    @Test func aVisitorWaitingForALeadsWatchListDecisionIsFlagged() throws {
        var s = try register()
        s.apply(.addToWatchList(WatchEntry(name: "Guest V4", idNumber: nil, reason: "banned", addedBy: "boss", addedAt: Self.now)))
        let cal = ctx("desk").env.calendar
        #expect(s.flags(of: try #require(s.visitors["V4"]), at: Self.now, .defaults, calendar: cal).contains(.watchDecisionDue))
        #expect(!s.flags(of: try #require(s.visitors["V3"]), at: Self.now, .defaults, calendar: cal).contains(.watchDecisionDue))
        let q = VisitorQueue(state: s, day: Self.now, now: Self.now, settings: .defaults, calendar: cal)
        #expect(q.rows.first { $0.visitor.id == "V4" }?.flags.contains(.watchDecisionDue) == true, "the Visitors pane's rows carry it")
        s.apply(.decideWatch(visitorID: "V4", decision: WatchDecision(allowed: true, by: "boss", at: Self.now, comment: nil)))
        #expect(!s.flags(of: try #require(s.visitors["V4"]), at: Self.now, .defaults, calendar: cal).contains(.watchDecisionDue))
    }

    @Test func checkOutBuildsTheBadgeReturnInTheSameWrite() throws {
        let s = try register()
        let returned = try s.checkOut(visitorID: "V5", badges: .returned, ctx("desk"))
        #expect(returned.map(\.name) == ["visitor.checkout", "badge.return"])
        let lost = try s.checkOut(visitorID: "V5", badges: .lost, ctx("desk"))
        #expect(lost == [.checkOutVisitor(visitorID: "V5", at: Self.now, lostBadges: ["B005"])])
        #expect(try s.checkOut(visitorID: "V5", badges: .kept, ctx("desk")).count == 1)
        var trial = s
        for c in returned { try trial.validate(c, ctx("desk")); trial.apply(c) }
        #expect(trial.visitors["V5"]?.status == .closed && trial.badges["B005"]?.state == .available)
    }
}
