import Foundation
import Testing
import TestSupport
@testable import FrontDeskKit

/// Notices and archives: every due time at its boundary (one second before: not yet; at it: due),
/// the confidential loan's approval, counted returns, and minutes filed by the send itself.
@Suite("Notices and archives")
struct PaperTrailTests {
    static let tz = TimeZone(identifier: "Asia/Shanghai") ?? .current
    static func at(_ s: String) -> Date { DateInput.parseDateTime(s, tz) ?? Date() }
    static var cal: Calendar { Environment.fixed(at: Date(), user: "x", timeZone: tz).calendar }

    func ctx(_ user: String, _ when: String = "2026-11-30 09:00") -> RuleContext { ctx(user, Self.at(when)) }
    func ctx(_ user: String, _ when: Date) -> RuleContext { RuleContext(env: .fixed(at: when, user: user, timeZone: Self.tz)) }

    /// Two departments, four people, a desk user and approvers; an admin so desk work is checked.
    func office() -> OfficeState {
        var s = OfficeState()
        for c: Change in [.addDepartment(Department(name: "行政部", head: "lina")), .addDepartment(Department(name: "财务部", head: "ann")),
                          .addPerson(Person(login: "lina", name: "李娜", department: "行政部")),
                          .addPerson(Person(login: "desk", name: "前台", department: "行政部")),
                          .addPerson(Person(login: "ann", name: "Ann Lee", department: "财务部")),
                          .addPerson(Person(login: "sam", name: "Sam Okafor", department: "财务部")),
                          .grantRole(user: "root", role: .admin), .grantRole(user: "desk", role: .frontdesk),
                          .grantRole(user: "lina", role: .approver), .grantRole(user: "ann", role: .approver)] {
            s.apply(c)
        }
        return s
    }

    func commit(_ s: inout OfficeState, _ c: Change, _ ctx: RuleContext) throws {
        try s.validate(c, ctx); s.apply(c)
    }

    func refusal(_ s: OfficeState, _ c: Change, _ ctx: RuleContext) -> Refusal? {
        do { try s.validate(c, ctx); return nil } catch { return error }
    }

    // MARK: Notices

    func postedNotice(audience: [String] = ["财务部"]) throws -> OfficeState {
        var s = office()
        let c = ctx("desk")
        try commit(&s, s.noticePost(title: "年终报销 Expense claims", body: "", departments: audience, until: Self.at("2026-12-20 00:00"), c), c)
        return s
    }

    @Test func noticeIsShownUntilItsEndAndNotAtIt() throws {
        let s = try postedNotice()
        let n = try #require(s.notices["N1"])
        let end = Self.at("2026-12-20 00:00")
        #expect(n.isShown(at: end.addingTimeInterval(-1)))
        #expect(!n.isShown(at: end))
        #expect(NoticeBoard(state: s, user: "sam", now: end.addingTimeInterval(-1)).rows.count == 1)
        #expect(NoticeBoard(state: s, user: "sam", now: end).rows.isEmpty)
        // The flag for an unread notice ends with it.
        #expect(s.flags(of: n, at: end.addingTimeInterval(-1), user: "sam") == [.ackDue])
        #expect(s.flags(of: n, at: end, user: "sam").isEmpty)
        // An acknowledgement one second before the end is taken; at the end it is refused.
        let ack = s.noticeAcknowledgement("N1", for: nil, ctx("sam", end.addingTimeInterval(-1)))
        #expect(refusal(s, ack, ctx("sam", end.addingTimeInterval(-1))) == nil)
        #expect(refusal(s, ack, ctx("sam", end))?.kind == .rule)
    }

    @Test func posterSeesWhoHasNotAcknowledged() throws {
        var s = try postedNotice()
        #expect(s.pendingAcknowledgements(try #require(s.notices["N1"])) == ["ann", "sam"], "the 财务部 people, not 行政部")
        try commit(&s, s.noticeAcknowledgement("N1", for: nil, ctx("sam")), ctx("sam"))
        #expect(s.pendingAcknowledgements(try #require(s.notices["N1"])) == ["ann"])
        // Twice is refused; someone outside the audience is refused; the desk records for ann.
        #expect(refusal(s, s.noticeAcknowledgement("N1", for: nil, ctx("sam")), ctx("sam"))?.kind == .rule)
        #expect(refusal(s, s.noticeAcknowledgement("N1", for: nil, ctx("lina")), ctx("lina"))?.message.contains("财务部") == true)
        let forAnn = s.noticeAcknowledgement("N1", for: "ann", ctx("desk"))
        #expect(refusal(s, s.noticeAcknowledgement("N1", for: "ann", ctx("lina")), ctx("lina"))?.kind == .permission, "lina lacks the desk role")
        try commit(&s, forAnn, ctx("desk"))
        let n = try #require(s.notices["N1"])
        #expect(s.pendingAcknowledgements(n).isEmpty)
        #expect(n.acknowledgements.last?.recordedBy == "desk")
    }

    @Test func everyoneMeansEveryRegisteredPersonButThePoster() throws {
        let s = try postedNotice(audience: [])
        #expect(s.pendingAcknowledgements(try #require(s.notices["N1"])) == ["ann", "lina", "sam"])
    }

    @Test func feedbackReachesThePosterAndEndingStopsIt() throws {
        var s = try postedNotice()
        let fb = Change.leaveNoticeFeedback(noticeID: "N1", feedback: NoticeFeedback(by: "ann", at: Self.at("2026-11-30 09:00"), text: "能否延期到 22 日？"))
        try commit(&s, fb, ctx("ann"))
        #expect(s.notices["N1"]?.feedback.map(\.text) == ["能否延期到 22 日？"])
        #expect(refusal(s, .endNotice(noticeID: "N1", at: Self.at("2026-11-30 09:00")), ctx("sam"))?.kind == .permission)
        try commit(&s, .endNotice(noticeID: "N1", at: Self.at("2026-11-30 10:00")), ctx("desk", "2026-11-30 10:00"))
        #expect(s.notices["N1"]?.isShown(at: Self.at("2026-11-30 10:00")) == false)
        #expect(refusal(s, fb, ctx("ann", "2026-11-30 10:00"))?.kind == .rule)
    }

    @Test func aNoticeEndingBeforeNowOrForAnUnknownDepartmentIsRefused() throws {
        let s = office()
        let c = ctx("desk")
        #expect(refusal(s, s.noticePost(title: "Old", body: "", departments: [], until: Self.at("2026-11-30 09:00"), c), c)?.kind == .invalid)
        let unknown = refusal(s, s.noticePost(title: "X", body: "", departments: ["研发部"], until: Self.at("2026-12-01 09:00"), c), c)
        #expect(unknown?.kind == .invalid && unknown?.message.contains("财务部") == true && unknown?.zh != nil)
    }

    // MARK: Archives

    func shelf() throws -> OfficeState {
        var s = office()
        let c = ctx("desk")
        try commit(&s, .fileArchive(ArchiveFile(id: "F1", title: "华信销售合同", department: "行政部", project: "Huaxin", category: "contract",
                                                date: Self.at("2016-03-01 00:00"), medium: .paper, cabinet: "A-01", box: "03", retentionYears: 10,
                                                pages: 18, attachments: 2, filedBy: "desk", filedAt: Self.at("2026-11-01 09:00"))), c)
        try commit(&s, .fileArchive(ArchiveFile(id: "F2", title: "办公楼租赁合同", department: "行政部", category: "contract",
                                                date: Self.at("2025-06-01 00:00"), medium: .paper, cabinet: "A-01", box: "04", retentionYears: nil,
                                                confidential: true, pages: 24, filedBy: "desk", filedAt: Self.at("2026-11-01 09:00"))), c)
        return s
    }

    @Test func aLoanIsOverdueAtItsDueTimeNotASecondBefore() throws {
        var s = try shelf()
        let due = Self.at("2026-12-02 18:00")
        try commit(&s, try s.archiveLoan(fileID: "F1", borrower: "sam", purpose: "续约 renewal", due: due, ctx("desk")), ctx("desk"))
        let l = try #require(s.loans["L1"])
        #expect(l.status == .out && l.lentAt == Self.at("2026-11-30 09:00"))
        let f = try #require(s.archives["F1"])
        #expect(!s.flags(of: f, at: due.addingTimeInterval(-1), calendar: Self.cal).contains(.loanOverdue))
        #expect(s.flags(of: f, at: due, calendar: Self.cal).contains(.loanOverdue))
        #expect(ArchiveShelf(state: s, now: due, calendar: Self.cal).overdue == 1)
        #expect(ArchiveShelf(state: s, now: due.addingTimeInterval(-1), calendar: Self.cal).overdue == 0)
        // Out already: a second loan is refused, naming the borrower.
        let again = refusal(s, try s.archiveLoan(fileID: "F1", borrower: "ann", purpose: "audit", due: due, ctx("desk")), ctx("desk"))
        #expect(again?.kind == .rule && again?.message.contains("Sam Okafor") == true)
    }

    @Test func retentionEndsAtTheFilesDatePlusItsYears() throws {
        let s = try shelf()
        let f = try #require(s.archives["F1"])
        let end = Self.at("2026-03-01 00:00")
        #expect(f.retentionEnds(Self.cal) == end)
        #expect(!s.flags(of: f, at: end.addingTimeInterval(-1), calendar: Self.cal).contains(.retentionDue))
        #expect(s.flags(of: f, at: end, calendar: Self.cal).contains(.retentionDue))
        #expect(s.flags(of: try #require(s.archives["F2"]), at: Self.at("2126-01-01 00:00"), calendar: Self.cal).isEmpty, "permanent")
    }

    @Test func aConfidentialFileIsLentOnlyAfterItsApproval() throws {
        var s = try shelf()
        let due = Self.at("2026-12-05 18:00")
        // Lent directly, it is refused.
        let direct = Change.lendArchive(ArchiveLoan(id: "L1", fileID: "F2", borrower: "sam", purpose: "check clause", due: due, requestedBy: "desk",
                                                    requestedAt: Self.at("2026-11-30 09:00"), status: .out, lentAt: Self.at("2026-11-30 09:00")))
        let r = refusal(s, direct, ctx("desk"))
        #expect(r?.kind == .rule && r?.message.contains("confidential") == true && r?.zh?.contains("机密") == true)
        // Asked for, it waits for the approval; the file has not left.
        let ask = try s.archiveLoan(fileID: "F2", borrower: "sam", purpose: "check clause", due: due, ctx("desk"))
        guard case .requestArchiveLoan(let loan, let approval) = ask else { Issue.record("not a loan request: \(ask)"); return }
        #expect(approval.type == .archiveLoan && approval.approvers == ["lina"], "the 行政部 head decides")
        try commit(&s, ask, ctx("desk"))
        #expect(s.loans[loan.id]?.status == .awaitingApproval && s.loans[loan.id]?.lentAt == nil)
        #expect(s.openLoan(of: "F2")?.id == loan.id, "the file is held for this loan")
        #expect(refusal(s, .returnArchive(loanID: loan.id, count: ArchiveReturnCount(pages: 24, attachments: nil), by: "desk", at: due), ctx("desk"))?.kind == .rule)
        // The approval lets it go out, at the decision's time.
        let decided = Self.at("2026-11-30 11:00")
        try commit(&s, .decideApproval(requestID: approval.id, decision: Decision(by: "lina", verdict: .approve, comment: nil, at: decided)), ctx("lina", decided))
        #expect(s.loans[loan.id]?.status == .out && s.loans[loan.id]?.lentAt == decided)
        // An archive-loan approval cannot be raised by hand.
        var manual = approval; manual.id = "A9"
        #expect(refusal(s, .requestApproval(manual), ctx("desk"))?.kind == .invalid)
    }

    @Test func aRejectedApprovalRefusesTheLoanAndFreesTheFile() throws {
        var s = try shelf()
        let ask = try s.archiveLoan(fileID: "F2", borrower: "sam", purpose: "check clause", due: Self.at("2026-12-05 18:00"), ctx("desk"))
        try commit(&s, ask, ctx("desk"))
        guard case .requestArchiveLoan(let loan, let approval) = ask else { return }
        try commit(&s, .decideApproval(requestID: approval.id, decision: Decision(by: "lina", verdict: .reject, comment: "not now", at: Self.at("2026-11-30 10:00"))), ctx("lina"))
        #expect(s.loans[loan.id]?.status == .refused)
        #expect(s.openLoan(of: "F2") == nil)
    }

    @Test func anIncompleteReturnRecordsWhatIsMissingAndStaysFlagged() throws {
        var s = try shelf()
        try commit(&s, try s.archiveLoan(fileID: "F1", borrower: "sam", purpose: "audit", due: Self.at("2026-12-02 18:00"), ctx("desk")), ctx("desk"))
        let back = ctx("desk", "2026-12-01 10:00")
        // Pages must be counted; more than the record is a miscount.
        #expect(refusal(s, .returnArchive(loanID: "L1", count: ArchiveReturnCount(pages: nil, attachments: 2), by: "desk", at: back.now), back)?.kind == .invalid)
        #expect(refusal(s, .returnArchive(loanID: "L1", count: ArchiveReturnCount(pages: 19, attachments: 2), by: "desk", at: back.now), back)?.kind == .invalid)
        try commit(&s, .returnArchive(loanID: "L1", count: ArchiveReturnCount(pages: 16, attachments: 2, missing: "signed page 7"), by: "desk", at: back.now), back)
        let l = try #require(s.loans["L1"])
        #expect(l.status == .incomplete && l.missing == "2 pages; signed page 7")
        let later = Self.at("2026-12-20 10:00")
        #expect(s.flags(of: try #require(s.archives["F1"]), at: later, calendar: Self.cal).contains(.returnIncomplete))
        #expect(!s.flags(of: l, at: later).contains(.loanOverdue), "back, so not overdue")
        // The rest comes back: a complete count clears it.
        try commit(&s, .returnArchive(loanID: "L1", count: ArchiveReturnCount(pages: 18, attachments: 2), by: "desk", at: later), ctx("desk", later))
        #expect(s.loans["L1"]?.status == .returned && s.loans["L1"]?.missing == nil)
        #expect(!s.flags(of: try #require(s.archives["F1"]), at: later, calendar: Self.cal).contains(.returnIncomplete))
    }

    @Test func filingNeedsAPlaceAndASaneRetention() throws {
        let s = office()
        func file(_ f: (inout ArchiveFile) -> Void) -> Refusal? {
            var a = ArchiveFile(id: "F1", title: "T", department: "行政部", category: "contract", date: Self.at("2026-01-01 00:00"), medium: .paper,
                                cabinet: "A", box: "1", retentionYears: 10, filedBy: "desk", filedAt: Self.at("2026-11-30 09:00"))
            f(&a)
            return refusal(s, .fileArchive(a), ctx("desk"))
        }
        #expect(file { _ in } == nil)
        #expect(file { $0.box = nil }?.kind == .invalid)
        #expect(file { $0.medium = .electronic }?.kind == .invalid, "electronic without a path")
        #expect(file { $0.retentionYears = 0 }?.kind == .invalid)
        #expect(file { $0.pages = -1 }?.kind == .invalid)
        #expect(refusal(s, .fileArchive(ArchiveFile(id: "F1", title: "T", department: "行政部", category: "c", date: Date(), medium: .paper, cabinet: "A",
                                                     box: "1", retentionYears: 1, filedBy: "sam", filedAt: Date())), ctx("sam"))?.kind == .permission)
    }

    // MARK: Minutes filed with the send

    @Test func minutesSentAreFiledInTheSameJournalRecord() throws {
        let tmp = try TempStore("minutes-archive")
        let store = try tmp.create(at: "2026-11-30 09:00", user: "lina")
        try store.commitBatch { _, _ in
            [.addDepartment(Department(name: "行政部", head: "lina")), .addPerson(Person(login: "lina", name: "李娜", department: "行政部")),
             .addRoom(Room(id: "R1", name: "长城厅", capacity: 8))]
        }
        var m = Meeting(id: "M1", title: "季度评审 Quarterly review", roomID: "R1", organizer: "lina", start: TempStore.date("2026-11-30 07:00"),
                        end: TempStore.date("2026-11-30 08:00"), status: .held, requestedAt: TempStore.date("2026-11-28 09:00"))
        m.heldAt = m.start
        try store.commit(.bookMeetings([m]))
        try store.commit(.recordMinutes(meetingID: "M1", text: "决定：…", at: TempStore.date("2026-11-30 08:30")))
        try store.commit(.reviewMinutes(meetingID: "M1", by: "lina", at: TempStore.date("2026-11-30 08:40")))
        #expect(store.state.archives.isEmpty)
        let before = store.seq
        let rec = try store.commit { s, ctx in try #require(s.immediateChange(.meetingSendMinutes, on: .meeting("M1"), ctx)) }
        #expect(store.seq == before + 1, "one record: the send")
        #expect(rec.change.name == "meeting.send")
        let f = try #require(store.state.archives.values.first)
        #expect(f.source == "meeting M1" && f.department == "行政部" && f.medium == .electronic && f.category == "minutes")
        #expect(f.date == TempStore.date("2026-11-30 09:00") && f.retentionYears == OfficeState.minutesRetentionYears)
        // Replaying the journal files the same record under the same id.
        let reopened = try tmp.open(at: "2026-11-30 09:05")
        #expect(reopened.state.archives == store.state.archives)
    }

    @Test func aRecordFiledByAnotherProcessTakesTheNextArchiveID() throws {
        var s = try shelf()
        let id = s.fileRecord(ArchiveFile(id: "ignored", title: "行政发〔2026〕12号", department: "行政部", category: "outgoing document",
                                          date: Self.at("2026-11-30 09:00"), medium: .electronic, path: "doc O3", retentionYears: 30,
                                          filedBy: "desk", filedAt: Self.at("2026-11-30 09:00"), source: "document O3"))
        #expect(id == "F3" && s.archives["F3"]?.source == "document O3")
        #expect(s.env_nextArchiveID == "F4")
    }
}

private extension OfficeState {
    var env_nextArchiveID: String { IDGenerator().next(.archive, in: self) }
}
