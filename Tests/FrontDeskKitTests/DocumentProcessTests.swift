import Foundation
import Testing
@testable import FrontDeskKit

/// The document register: incoming 收文 and outgoing 发文 steps, numbers, due times, approval
/// link, trace and confidentiality.
@Suite("Documents")
struct DocumentProcessTests {
    static let tz = TimeZone(identifier: "Asia/Shanghai") ?? .current
    static func at(_ s: String) -> Date { DateInput.parseDateTime(s, tz) ?? Date() }
    static let t0 = at("2026-11-30 09:00")

    func ctx(_ user: String = "desk", at: Date = t0, _ settings: StoreSettings = .defaults) -> RuleContext {
        RuleContext(env: .fixed(at: at, user: user, timeZone: Self.tz), settings: settings)
    }

    /// An office with an admin, a desk clerk, a leader, an approver and two departments.
    func office() -> OfficeState {
        var s = OfficeState()
        s.apply(.grantRole(user: "boss", role: .admin))
        s.apply(.grantRole(user: "desk", role: .frontdesk))
        s.apply(.grantRole(user: "ann", role: .approver))
        s.apply(.addDepartment(Department(name: "行政部")))
        s.apply(.addDepartment(Department(name: "财务部")))
        s.apply(.addPerson(Person(login: "wang", name: "王伟", department: "财务部")))
        s.apply(.addPerson(Person(login: "zhao", name: "赵磊", department: "行政部")))
        return s
    }

    func commit(_ s: inout OfficeState, _ c: Change, _ context: RuleContext? = nil) throws {
        try s.validate(c, context ?? ctx()); s.apply(c)
    }

    func register(_ s: inout OfficeState, _ title: String = "关于预算的通知", urgency: DocumentUrgency = .normal,
                  _ conf: Confidentiality = .none, at: Date = t0) throws -> String {
        let c = s.registerIncoming(title: title, sender: "市财政局", receivedOn: at, category: "通知", urgency: urgency,
                                   confidentiality: conf, pages: 3, attachment: nil, ctx(at: at))
        try commit(&s, c, ctx(at: at))
        return c.subject
    }

    // MARK: Incoming

    @Test func incomingNumbersFollowThePatternPerYear() throws {
        var s = office()
        let a = try register(&s), b = try register(&s)
        #expect(s.documents[a]?.number == "收〔2026〕0001")
        #expect(s.documents[b]?.number == "收〔2026〕0002")
        let c = try register(&s, at: Self.at("2027-01-02 09:00"))
        #expect(s.documents[c]?.number == "收〔2027〕0001", "a new year starts again at 1")
        var custom = StoreSettings.defaults
        custom.documents.incomingPattern = "IN-{year}-{seq}"
        let d = s.registerIncoming(title: "x", sender: "y", receivedOn: Self.t0, category: nil, urgency: .normal, confidentiality: .none,
                                   pages: nil, attachment: nil, ctx(at: Self.t0, custom))
        try s.validate(d, ctx(at: Self.t0, custom))
        guard case .document(.register(let doc)) = d else { Issue.record("not a registration"); return }
        #expect(doc.number == "IN-2026-3")
    }

    @Test func anIncomingDocumentGoesFromRegistrationToHandled() throws {
        var s = office()
        let id = try register(&s)
        try commit(&s, .document(.submit(documentID: id, leader: "wang", by: "desk", at: Self.at("2026-11-30 10:00"))))
        #expect(s.documents[id]?.stage == .submitted)
        try commit(&s, .document(.decide(documentID: id, text: "请行政部、财务部办理", by: "wang", at: Self.at("2026-11-30 11:00"))), ctx("wang"))
        try commit(&s, .document(.forward(documentID: id, departments: ["行政部", "财务部"], by: "desk", at: Self.at("2026-11-30 12:00"))))
        try commit(&s, .document(.handled(documentID: id, department: "行政部", note: "done", by: "desk", at: Self.at("2026-11-30 13:00"))))
        #expect(s.documents[id]?.stage == .forwarded, "one department still has it")
        try commit(&s, .document(.handled(documentID: id, department: "财务部", note: nil, by: "wang", at: Self.at("2026-11-30 14:00"))), ctx("wang"))
        #expect(s.documents[id]?.stage == .handled)
        let steps = try #require(s.documents[id]).events.map(\.step)
        #expect(steps == ["doc.in", "doc.submit", "doc.decide", "doc.forward", "doc.handled", "doc.handled"])
    }

    @Test func stepsOutOfOrderAndWrongPeopleAreRefusedInWords() throws {
        var s = office()
        let id = try register(&s)
        #expect(throws: Refusal.self) { try s.validate(.document(.decide(documentID: id, text: "x", by: "wang", at: Self.t0)), ctx("wang")) }
        try commit(&s, .document(.submit(documentID: id, leader: "wang", by: "desk", at: Self.t0)))
        do {
            try s.validate(.document(.decide(documentID: id, text: "x", by: "zhao", at: Self.t0)), ctx("zhao"))
            Issue.record("someone else decided for the leader")
        } catch {
            #expect(error.kind == .permission && error.message.contains("王伟"))
        }
        #expect(throws: Refusal.self) { try s.validate(.document(.forward(documentID: id, departments: ["行政部"], by: "desk", at: Self.t0)), ctx()) }
        #expect(throws: Refusal.self) { try s.validate(.document(.submit(documentID: id, leader: "nobody", by: "desk", at: Self.t0)), ctx()) }
        try commit(&s, .document(.decide(documentID: id, text: "ok", by: "wang", at: Self.t0)), ctx("wang"))
        do {
            try s.validate(.document(.forward(documentID: id, departments: ["不存在部"], by: "desk", at: Self.t0)), ctx())
            Issue.record("an unknown department was accepted")
        } catch {
            #expect(error.message.contains("行政部") && error.zh != nil, "names the departments there are")
        }
    }

    // MARK: Due times: at due − 1 s not overdue, at due overdue

    func boundary(_ s: OfficeState, _ id: String, due: Date, flag: DueFlag) throws {
        let d = try #require(s.documents[id])
        #expect(s.documentDue(d, .defaults) == due)
        #expect(s.flags(of: d, at: due.addingTimeInterval(-1), .defaults).isEmpty)
        #expect(s.flags(of: d, at: due, .defaults) == [flag])
    }

    @Test func registeredIsDueForSubmissionWithinFourHours() throws {
        var s = office()
        let id = try register(&s)
        try boundary(s, id, due: Self.at("2026-11-30 13:00"), flag: .documentOverdue)
    }

    @Test(arguments: [(DocumentUrgency.veryUrgent, "2026-11-30 14:00"), (.urgent, "2026-12-01 10:00"), (.normal, "2026-12-03 10:00")])
    func theDecisionIsDueByUrgency(_ urgency: DocumentUrgency, _ due: String) throws {
        var s = office()
        let id = try register(&s, urgency: urgency)
        try commit(&s, .document(.submit(documentID: id, leader: "wang", by: "desk", at: Self.at("2026-11-30 10:00"))))
        try boundary(s, id, due: Self.at(due), flag: .decisionOverdue)
    }

    @Test func forwardingHandlingAndOutgoingStepsHaveTheirDueTimes() throws {
        var s = office()
        let id = try register(&s)
        try commit(&s, .document(.submit(documentID: id, leader: "wang", by: "desk", at: Self.t0)))
        try commit(&s, .document(.decide(documentID: id, text: "ok", by: "wang", at: Self.at("2026-11-30 10:00"))), ctx("wang"))
        try boundary(s, id, due: Self.at("2026-12-01 10:00"), flag: .documentOverdue)
        try commit(&s, .document(.forward(documentID: id, departments: ["财务部"], by: "desk", at: Self.at("2026-11-30 11:00"))))
        try boundary(s, id, due: Self.at("2026-12-03 11:00"), flag: .documentOverdue)
        try commit(&s, .document(.handled(documentID: id, department: "财务部", note: nil, by: "desk", at: Self.at("2026-11-30 12:00"))))
        #expect(s.documentDue(try #require(s.documents[id]), .defaults) == nil, "handled: nothing due")

        let out = try outgoingApproved(&s)
        try boundary(s, out, due: Self.at("2026-12-01 12:00"), flag: .documentOverdue)  // approved at 12:00: release within 24 h
        try commit(&s, try s.releaseOutgoing(out, ctx(at: Self.at("2026-11-30 13:00"))), ctx(at: Self.at("2026-11-30 13:00")))
        try boundary(s, out, due: Self.at("2026-12-01 13:00"), flag: .documentOverdue)
        try commit(&s, .document(.file(documentID: out, by: "desk", at: Self.at("2026-11-30 14:00"))))
        try boundary(s, out, due: Self.at("2026-12-01 14:00"), flag: .documentOverdue)
        try commit(&s, .document(.distribute(documentID: out, recipients: ["财务部", "Acme Ltd"], by: "desk", at: Self.at("2026-11-30 15:00"))))
        try boundary(s, out, due: Self.at("2026-12-03 15:00"), flag: .documentOverdue)
    }

    @Test func aDraftIsDueForProofreadingAndTheApprovalFollowsItsOverdueSetting() throws {
        var s = office()
        let c = s.draftOutgoing(type: .notice, title: "放假通知", department: "行政部", confidentiality: .none, ctx())
        try commit(&s, c)
        try boundary(s, c.subject, due: Self.at("2026-12-01 09:00"), flag: .documentOverdue)
        try commit(&s, .document(.proofread(documentID: c.subject, by: "desk", at: Self.at("2026-11-30 10:00"))))
        try boundary(s, c.subject, due: Self.at("2026-12-01 10:00"), flag: .documentOverdue)
        try commit(&s, try s.sendDocumentForApproval(c.subject, approvers: ["ann"], ctx(at: Self.at("2026-11-30 11:00"))), ctx(at: Self.at("2026-11-30 11:00")))
        try boundary(s, c.subject, due: Self.at("2026-12-02 11:00"), flag: .documentOverdue)  // approvalOverdueAfter 48 h
    }

    // MARK: Outgoing

    /// A notice drafted at 09:00, proofread, approved by ann at 12:00.
    func outgoingApproved(_ s: inout OfficeState, type: OutgoingType = .notice) throws -> String {
        let c = s.draftOutgoing(type: type, title: "关于元旦放假的通知", department: "行政部", confidentiality: .none, ctx())
        try commit(&s, c)
        try commit(&s, .document(.proofread(documentID: c.subject, by: "desk", at: Self.t0)))
        let send = try s.sendDocumentForApproval(c.subject, approvers: ["ann"], ctx())
        try commit(&s, send)
        let aid = try #require(s.documents[c.subject]?.approvalID)
        try commit(&s, .decideApproval(requestID: aid, decision: Decision(by: "ann", verdict: .approve, comment: "同意", at: Self.at("2026-11-30 12:00"))), ctx("ann"))
        return c.subject
    }

    @Test func theApprovalChainAdvancesTheDocumentAndReleaseNumbersFollowGBT9704() throws {
        var s = office()
        let a = try outgoingApproved(&s)
        let doc = try #require(s.documents[a])
        #expect(doc.stage == .approved && doc.approvedAt == Self.at("2026-11-30 12:00"))
        #expect(s.approvals[doc.approvalID ?? ""]?.type == .document && s.approvals[doc.approvalID ?? ""]?.documentRef == a)
        try commit(&s, try s.releaseOutgoing(a, ctx()))
        #expect(s.documents[a]?.number == "行政发〔2026〕1号", "full year in 〔〕, no leading zeros, 号 after")
        let b = try outgoingApproved(&s)
        try commit(&s, try s.releaseOutgoing(b, ctx()))
        #expect(s.documents[b]?.number == "行政发〔2026〕2号")
        let letter = try outgoingApproved(&s, type: .letter)
        try commit(&s, try s.releaseOutgoing(letter, ctx()))
        #expect(s.documents[letter]?.number == "行政函〔2026〕1号", "each type has its own sequence")
        #expect(throws: Refusal.self) { try s.validate(try s.releaseOutgoing(a, ctx()), ctx()) }
    }

    @Test func releasingFilesTheDocumentInTheArchiveOnce() throws {
        var s = office()
        let a = try outgoingApproved(&s)
        #expect(s.archives.isEmpty)
        let when = Self.at("2026-11-30 13:00")
        try commit(&s, try s.releaseOutgoing(a, ctx(at: when)), ctx(at: when))
        let f = try #require(s.archives.values.first { $0.source == "document \(a)" })
        #expect(s.archives.count == 1)
        #expect(f.title == "行政发〔2026〕1号 关于元旦放假的通知" && f.department == "行政部" && f.category == "outgoing notice")
        #expect(f.date == when && f.medium == .electronic && f.retentionYears == OfficeState.outgoingRetentionYears && !f.confidential)
        // Filing it as a step afterwards changes the document only: the archive keeps one record.
        try commit(&s, .document(.file(documentID: a, by: "desk", at: when)))
        #expect(s.archives.count == 1)
        // A confidential document is filed under its number only, as a confidential file.
        let c = s.draftOutgoing(type: .letter, title: "人事任免 secret", department: "财务部", confidentiality: .confidential, ctx())
        try commit(&s, c)
        try commit(&s, .document(.proofread(documentID: c.subject, by: "desk", at: Self.t0)))
        try commit(&s, try s.sendDocumentForApproval(c.subject, approvers: ["ann"], ctx()))
        let aid = try #require(s.documents[c.subject]?.approvalID)
        try commit(&s, .decideApproval(requestID: aid, decision: Decision(by: "ann", verdict: .approve, comment: nil, at: when)), ctx("ann"))
        try commit(&s, try s.releaseOutgoing(c.subject, ctx(at: when)), ctx(at: when))
        let secret = try #require(s.archives.values.first { $0.source == "document \(c.subject)" })
        #expect(secret.title == "行政函〔2026〕1号" && secret.confidential && secret.department == "财务部" && secret.category == "outgoing letter")
    }

    @Test func aStaleNumberIsRefusedSoNoneIsReusedOrSkipped() throws {
        var s = office()
        let a = try outgoingApproved(&s), b = try outgoingApproved(&s)
        let first = try s.releaseOutgoing(a, ctx()), second = try s.releaseOutgoing(b, ctx())  // both built on the same state
        try commit(&s, first)
        do {
            try s.validate(second, ctx())
            Issue.record("a second release with the same number was accepted")
        } catch {
            #expect(error.kind == .rule && error.message.contains("行政发〔2026〕2号"))
        }
        let skip = Change.document(.release(documentID: b, number: "行政发〔2026〕5号", year: 2026, sequence: 5, by: "desk", at: Self.t0))
        #expect(throws: Refusal.self) { try s.validate(skip, ctx()) }
    }

    @Test func aRejectedDraftGoesBackToTheDesk() throws {
        var s = office()
        let c = s.draftOutgoing(type: .request, title: "请示", department: "行政部", confidentiality: .none, ctx())
        try commit(&s, c)
        try commit(&s, .document(.proofread(documentID: c.subject, by: "desk", at: Self.t0)))
        try commit(&s, try s.sendDocumentForApproval(c.subject, approvers: ["ann"], ctx()))
        #expect(throws: Refusal.self) { try s.validate(try s.releaseOutgoing(c.subject, ctx()), ctx()) }
        let aid = try #require(s.documents[c.subject]?.approvalID)
        try commit(&s, .decideApproval(requestID: aid, decision: Decision(by: "ann", verdict: .reject, comment: "改标题", at: Self.t0)), ctx("ann"))
        #expect(s.documents[c.subject]?.stage == .rejected)
        try commit(&s, .document(.proofread(documentID: c.subject, by: "desk", at: Self.t0)))
        #expect(s.documents[c.subject]?.stage == .proofread)
    }

    @Test func recipientsAcknowledge() throws {
        var s = office()
        let a = try outgoingApproved(&s)
        try commit(&s, try s.releaseOutgoing(a, ctx()))
        try commit(&s, .document(.file(documentID: a, by: "desk", at: Self.t0)))
        try commit(&s, .document(.distribute(documentID: a, recipients: ["财务部", "wang"], by: "desk", at: Self.t0)))
        try commit(&s, .document(.acknowledge(documentID: a, recipient: "wang", by: "wang", at: Self.t0)), ctx("wang"))
        #expect(throws: Refusal.self) { try s.validate(.document(.acknowledge(documentID: a, recipient: "wang", by: "wang", at: Self.t0)), ctx("wang")) }
        #expect(throws: Refusal.self) { try s.validate(.document(.acknowledge(documentID: a, recipient: "财务部", by: "zhao", at: Self.t0)), ctx("zhao")) }
        try commit(&s, .document(.acknowledge(documentID: a, recipient: "财务部", by: "desk", at: Self.t0)))
        #expect(s.documents[a]?.recipients.allSatisfy { $0.doneAt != nil } == true)
        #expect(s.documents[a]?.stage.isClosed == true)
    }

    // MARK: Trace and confidentiality

    @Test func theTraceHasEveryStepWithTimePersonAndText() throws {
        var s = office()
        let a = try outgoingApproved(&s)
        try commit(&s, try s.releaseOutgoing(a, ctx(at: Self.at("2026-11-30 13:00"))), ctx(at: Self.at("2026-11-30 13:00")))
        let trace = s.documentTrace(try #require(s.documents[a]), user: "zhao")
        #expect(trace.map(\.step) == ["doc.draft", "doc.proofread", "doc.approval", "doc.approved", "doc.release"])
        #expect(trace[3].by == "ann" && trace[3].text == "同意" && trace[3].at == Self.at("2026-11-30 12:00"))
        #expect(trace[4].text == "行政发〔2026〕1号" && trace[4].at == Self.at("2026-11-30 13:00"))
    }

    @Test func aConfidentialTitleShowsOnlyToHandlersAndAdmins() throws {
        var s = office()
        let id = try register(&s, "人事任免 secret", .confidential)
        let d0 = try #require(s.documents[id])
        #expect(s.shownTitle(d0, user: "desk") == "人事任免 secret", "the clerk who registered it")
        #expect(s.shownTitle(d0, user: "boss") == "人事任免 secret", "an admin")
        #expect(s.shownTitle(d0, user: "wang") == "confidential")
        #expect(s.shownTitle(d0, user: "wang", chinese: true) == "机密")
        try commit(&s, .document(.submit(documentID: id, leader: "wang", by: "desk", at: Self.t0)))
        #expect(s.maySeeTitle(try #require(s.documents[id]), user: "wang"), "its leader")
        #expect(!s.maySeeTitle(try #require(s.documents[id]), user: "zhao"))
        try commit(&s, .document(.decide(documentID: id, text: "任命张三", by: "wang", at: Self.t0)), ctx("wang"))
        let trace = s.documentTrace(try #require(s.documents[id]), user: "zhao")
        #expect(!trace.contains { ($0.text ?? "").contains("张三") }, "the decision's words are masked too")
        try commit(&s, .document(.forward(documentID: id, departments: ["行政部"], by: "desk", at: Self.t0)))
        #expect(s.maySeeTitle(try #require(s.documents[id]), user: "zhao"), "a member of a department it went to")
    }

    @Test func aConfidentialDraftReachesTheApprovalQueueByIDOnlyAndItsApproversReadIt() throws {
        var s = office()
        let c = s.draftOutgoing(type: .request, title: "人事任免 secret", department: "行政部", confidentiality: .confidential, ctx())
        try commit(&s, c)
        try commit(&s, .document(.proofread(documentID: c.subject, by: "desk", at: Self.t0)))
        #expect(!s.maySeeTitle(try #require(s.documents[c.subject]), user: "ann"), "not yet an approver of it")
        try commit(&s, try s.sendDocumentForApproval(c.subject, approvers: ["ann"], ctx()))
        let a = try #require(s.approvals[s.documents[c.subject]?.approvalID ?? ""])
        #expect(!a.title.contains("任免") && a.title.contains(c.subject), "\(a.title)")
        #expect(s.maySeeTitle(try #require(s.documents[c.subject]), user: "ann"), "the approver named reads what she approves")
        #expect(!s.maySeeTitle(try #require(s.documents[c.subject]), user: "wang"))
        let open = s.draftOutgoing(type: .request, title: "购置请示", department: "行政部", confidentiality: .none, ctx())
        try commit(&s, open)
        try commit(&s, .document(.proofread(documentID: open.subject, by: "desk", at: Self.t0)))
        try commit(&s, try s.sendDocumentForApproval(open.subject, approvers: ["ann"], ctx()))
        #expect(s.approvals[s.documents[open.subject]?.approvalID ?? ""]?.title == "请示：购置请示", "an open title is shown as it is")
    }

    @Test func searchNeverMatchesAMaskedTitle() throws {
        var s = office()
        _ = try register(&s, "人事任免 secret", .confidential)
        _ = try register(&s, "预算通知 budget")
        let outsider = DocumentRegister(state: s, user: "wang", now: Self.t0, settings: .defaults)
        #expect(outsider.rows(query: "secret").isEmpty, "the masked title is not searched")
        #expect(outsider.rows(query: "任免").isEmpty)
        #expect(outsider.rows(query: "budget").count == 1)
        #expect(outsider.rows(query: "收〔2026〕0001").first?.title == "confidential", "found by its number, title masked")
        let clerk = DocumentRegister(state: s, user: "desk", now: Self.t0, settings: .defaults)
        #expect(clerk.rows(query: "secret").count == 1)
    }

    @Test func theDemoOfficeHasADocumentDay() throws {
        let s = OfficeState.demoForDocuments()
        let docs = s.documents.values
        #expect(docs.contains { $0.direction == .incoming && $0.stage == .submitted })
        #expect(docs.contains { $0.direction == .outgoing && $0.stage == .approving })
        #expect(docs.contains { $0.stage == .distributed && $0.number?.hasSuffix("号") == true })
        #expect(docs.contains { $0.confidentiality == .confidential })
        #expect(s.overdueDocuments(at: DemoFixtureDocs.now, .defaults) >= 1)
    }
}

enum DemoFixtureDocs {
    static let tz = TimeZone(identifier: "Asia/Shanghai") ?? .current
    static let now = DateInput.parseDateTime("2026-11-30 10:30", tz) ?? Date()
}

extension OfficeState {
    /// The demo office's state, every change validated as the demo's operator.
    static func demoForDocuments() -> OfficeState {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = DemoFixtureDocs.tz
        let ctx = RuleContext(env: .fixed(at: DemoFixtureDocs.now, user: "lina", timeZone: DemoFixtureDocs.tz), allowOverrides: true)
        var s = OfficeState()
        for c in DemoOffice.changes(now: DemoFixtureDocs.now, calendar: cal, operator: "lina", in: OfficeState()) {
            if (try? s.validate(c, ctx)) == nil, case .document = c { Issue.record("the demo's \(c.name) \(c.subject) is refused") }
            s.apply(c)
        }
        return s
    }
}
