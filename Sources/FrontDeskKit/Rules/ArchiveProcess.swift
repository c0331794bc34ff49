import Foundation

/// The archive (档案): files classified by department, project, category and date, on paper in a
/// cabinet and box or electronic at a path, each kept for its retention period (past it the file
/// is flagged for review; the program never deletes one). Borrowing: who, why, until when; a
/// confidential file's loan waits for an `archive-loan` approval and goes out when that approval
/// is given (refused when it is rejected), nothing by hand; a loan not back by its due time is
/// overdue; on return the desk counts pages and attachments against the file's record, and an
/// incomplete return is recorded with what is missing and stays flagged until a complete count.
/// Minutes sent from a meeting are filed here by the same journal record (`fileSentMinutes`).
extension OfficeState {
    /// Years minutes filed automatically are kept.
    public static let minutesRetentionYears = 10
    /// Years released outgoing documents filed automatically are kept (文书档案 定期30年).
    public static let outgoingRetentionYears = 30
    /// The longest retention period a file may be given (longer: file it as permanent).
    public static let maxRetentionYears = 100

    // MARK: Validation

    func validateArchive(_ change: Change, _ ctx: RuleContext) throws(Refusal) {
        switch change {
        case .fileArchive(let f):
            try requireRole(ctx, .frontdesk, to: "file archives")
            try validateNewFile(f)
        case .lendArchive(let l):
            try requireRole(ctx, .frontdesk, to: "lend archive files")
            let f = try checkLoan(l, ctx)
            if f.confidential {
                throw .rule("\(f.id) (\(f.title)) is confidential: its loan needs an archive-loan approval first. frontdesk archive lend \(f.id) … requests it, and the file goes out when the approval is given.",
                            zh: "\(f.id)（\(f.title)）为机密档案：借阅须先经档案借阅审批。frontdesk archive lend \(f.id) … 会提交申请，审批通过后档案即借出。")
            }
            if l.status != .out || l.lentAt == nil || l.approvalID != nil { throw .invalid("A loan of a file that is not confidential goes out at once.", zh: "非机密档案的借阅立即借出。") }
        case .requestArchiveLoan(let l, let a):
            try requireRole(ctx, .frontdesk, to: "lend archive files")
            let f = try checkLoan(l, ctx)
            if !f.confidential { throw .rule("\(f.id) is not confidential; lend it without an approval (frontdesk archive lend \(f.id) …).", zh: "\(f.id) 不是机密档案，无需审批即可借出（frontdesk archive lend \(f.id) …）。") }
            if l.status != .awaitingApproval || l.lentAt != nil || l.approvalID != a.id || a.type != .archiveLoan || a.documentRef != f.id {
                throw .invalid("A confidential file's loan waits for its own archive-loan approval naming the file.", zh: "机密档案的借阅须等待注明该档案的档案借阅审批。")
            }
            try validateNewApproval(a)
        case .returnArchive(let id, let c, let by, _):
            try requireRole(ctx, .frontdesk, to: "take archive files back")
            if by != ctx.actor { throw .permission("\(ctx.actor) cannot take a file back in \(by)'s name.", zh: "\(ctx.actor) 不能以 \(by) 的名义登记归还。") }
            guard let l = loans[id] else { throw .invalid("No loan \(id) (frontdesk archive list --loans).", zh: "没有借阅记录 \(id)（frontdesk archive list --loans）。") }
            switch l.status {
            case .out, .incomplete: break
            case .awaitingApproval: throw .rule("Loan \(id) waits for approval \(l.approvalID ?? ""); the file never left.", zh: "借阅 \(id) 正在等待审批 \(l.approvalID ?? "")；档案尚未借出。")
            case .refused: throw .rule("Loan \(id) was refused; the file never left.", zh: "借阅 \(id) 未获批准；档案从未借出。")
            case .returned: throw .rule("\(l.fileID) is already back from loan \(id), complete.", zh: "\(l.fileID) 已随借阅 \(id) 完整归还。")
            }
            guard let f = archives[l.fileID] else { throw .invalid("No archive file \(l.fileID).", zh: "没有档案 \(l.fileID)。") }
            try checkCount(c.pages, of: f.pages, "pages", "页", option: "--pages", f)
            try checkCount(c.attachments, of: f.attachments, "attachments", "附件", option: "--attachments", f)
        default:
            throw .invalid("That is not an archive change.", zh: "这不是档案变更。")
        }
    }

    func validateNewFile(_ f: ArchiveFile) throws(Refusal) {
        try requireText(f.title, "archive title"); try requireText(f.department, "department"); try requireText(f.category, "archive category")
        if archives[f.id] != nil { throw .rule("Archive file \(f.id) exists already.", zh: "档案 \(f.id) 已存在。") }
        switch f.medium {
        case .paper:
            if (f.cabinet ?? "").trimmingCharacters(in: .whitespaces).isEmpty || (f.box ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                throw .invalid("A paper file needs its cabinet and box (--cabinet and --box).", zh: "纸质档案需要填写档案柜和档案盒（--cabinet 和 --box）。")
            }
        case .electronic:
            if (f.path ?? "").trimmingCharacters(in: .whitespaces).isEmpty { throw .invalid("An electronic file needs its path (--path).", zh: "电子档案需要填写路径（--path）。") }
        }
        if let y = f.retentionYears, !(1...Self.maxRetentionYears).contains(y) {
            throw .invalid("The retention period is 1 to \(Self.maxRetentionYears) years, or permanent (got \(y)).", zh: "保管期限为 1 到 \(Self.maxRetentionYears) 年，或永久（收到的是 \(y)）。")
        }
        for (n, what, zh) in [(f.pages, "pages", "页数"), (f.attachments, "attachments", "附件数")] {
            if let n, n < 0 || n > OfficeState.maxQuantity { throw .invalid("The number of \(what) must be 0 to \(OfficeState.maxQuantity) (got \(n)).", zh: "\(zh)必须为 0 到 \(OfficeState.maxQuantity)（收到的是 \(n)）。") }
        }
    }

    /// The file a new loan is for, refused unless the loan can start now.
    func checkLoan(_ l: ArchiveLoan, _ ctx: RuleContext) throws(Refusal) -> ArchiveFile {
        guard let f = archives[l.fileID] else { throw .invalid("No archive file \(l.fileID) (frontdesk archive list).", zh: "没有档案 \(l.fileID)（frontdesk archive list）。") }
        if loans[l.id] != nil { throw .rule("Loan \(l.id) exists already.", zh: "借阅记录 \(l.id) 已存在。") }
        try requireText(l.borrower, "borrower"); try requireText(l.purpose, "loan purpose")
        if l.requestedBy != ctx.actor { throw .permission("\(ctx.actor) cannot lend a file in \(l.requestedBy)'s name.", zh: "\(ctx.actor) 不能以 \(l.requestedBy) 的名义借出档案。") }
        let tz = ctx.env.timeZone
        // A loan written down after the fact (the paper register) may start in the past, never in the future.
        let start = l.lentAt ?? l.requestedAt
        if l.requestedAt > ctx.now || start > ctx.now { throw .invalid("A loan cannot start in the future (\(Clock.dayHM(start, tz))).", zh: "借阅不能从将来的时间开始（\(Clock.dayHM(start, tz))）。") }
        if l.due <= start { throw .invalid("The file would be due back (\(Clock.dayHM(l.due, tz))) before it leaves (\(Clock.dayHM(start, tz))); give a later --due.", zh: "归还期限（\(Clock.dayHM(l.due, tz))）早于借出时间（\(Clock.dayHM(start, tz))）；请给出更晚的 --due。") }
        if let held = openLoan(of: f.id) {
            let what = held.status == .awaitingApproval ? "waits for approval \(held.approvalID ?? "") for \(displayName(held.borrower))" : "is out with \(displayName(held.borrower)), due \(Clock.dayHM(held.due, tz))"
            let zh = held.status == .awaitingApproval ? "正在为 \(displayName(held.borrower)) 等待审批 \(held.approvalID ?? "")" : "已借给 \(displayName(held.borrower))，应于 \(Clock.dayHM(held.due, tz)) 归还"
            throw .rule("\(f.id) \(what) (loan \(held.id)); it can be lent again once it is back.", zh: "\(f.id) \(zh)（借阅 \(held.id)）；归还后才能再借。")
        }
        return f
    }

    /// A counted number on return, against the file's record: required when the record counts
    /// them, never more than the record (recount).
    private func checkCount(_ counted: Int?, of recorded: Int?, _ what: String, _ zh: String, option: String, _ f: ArchiveFile) throws(Refusal) {
        if let counted, counted < 0 { throw .invalid("\(option) cannot be negative, got \(counted).", zh: "\(option) 不能为负数（收到的是 \(counted)）。") }
        guard let recorded else { return }
        guard let counted else {
            throw .invalid("Count the \(what) of \(f.id): its record has \(recorded) (\(option) N).", zh: "请清点 \(f.id) 的\(zh)：档案记录为 \(recorded)（\(option) 数量）。")
        }
        if counted > recorded {
            throw .invalid("\(counted) \(what) counted, but \(f.id)'s record has \(recorded); count again.", zh: "清点到 \(counted) \(zh)，但 \(f.id) 的记录为 \(recorded)；请重新清点。")
        }
    }

    // MARK: Application

    mutating func applyArchive(_ change: Change) {
        switch change {
        case .fileArchive(let f):
            archives[f.id] = f; bump(.archive, f.id)
        case .lendArchive(let l):
            loans[l.id] = l; bump(.loan, l.id)
        case .requestArchiveLoan(let l, let a):
            loans[l.id] = l; bump(.loan, l.id)
            approvals[a.id] = a; bump(.approval, a.id)
        case .returnArchive(let id, let c, let by, let at):
            guard var l = loans[id] else { return }
            let f = archives[l.fileID]
            l.returnedAt = at; l.returnedTo = by
            l.pagesReturned = c.pages; l.attachmentsReturned = c.attachments
            let missing = Self.missing(c, file: f)
            l.missing = missing.isEmpty ? nil : missing
            l.status = missing.isEmpty ? .returned : .incomplete
            loans[id] = l
        default:
            break
        }
    }

    /// What a counted return lacks against the file's record, in words ("2 pages, 1 attachment;
    /// signed page 7"); empty when complete.
    public static func missing(_ c: ArchiveReturnCount, file f: ArchiveFile?) -> String {
        var parts: [String] = []
        if let p = f?.pages, let n = c.pages, n < p { parts.append("\(p - n) page\(p - n == 1 ? "" : "s")") }
        if let a = f?.attachments, let n = c.attachments, n < a { parts.append("\(a - n) attachment\(a - n == 1 ? "" : "s")") }
        let said = c.missing?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return [parts.joined(separator: ", "), said].filter { !$0.isEmpty }.joined(separator: "; ")
    }

    /// An approval decision moves the loan waiting for it: approved, the file goes out then; rejected, the loan is refused.
    mutating func applyLoanDecision(approvalID: String, status: ApprovalStatus, at: Date) {
        guard status != .pending, let id = loans.values.first(where: { $0.approvalID == approvalID && $0.status == .awaitingApproval })?.id else { return }
        if status == .approved {
            loans[id]?.status = .out; loans[id]?.lentAt = at
        } else {
            loans[id]?.status = .refused
        }
    }

    /// Files `f` under the next archive id and returns that id: for records other processes file
    /// as part of their own change (minutes sent; released outgoing documents), so the filing is
    /// in the same journal record. `f.id` is ignored. Deterministic, so a replay files the same.
    @discardableResult
    public mutating func fileRecord(_ f: ArchiveFile) -> String {
        var filed = f
        filed.id = "\(RecordKind.archive.idPrefix)\(counters[RecordKind.archive.rawValue, default: 0] + 1)"
        archives[filed.id] = filed; bump(.archive, filed.id)
        return filed.id
    }

    /// Files the minutes of meeting `meetingID`, sent at `at`, as an electronic record of the
    /// organizer's department (once per meeting).
    mutating func fileSentMinutes(meetingID: String, at: Date) {
        guard let m = meetings[meetingID] else { return }
        let source = "meeting \(m.id)"
        guard !archives.values.contains(where: { $0.source == source }) else { return }
        let dept = people[m.organizer]?.department ?? people[m.chair ?? m.organizer]?.department ?? ""
        fileRecord(ArchiveFile(id: "", title: m.title, department: dept, category: "minutes", date: at, medium: .electronic,
                               path: "frontdesk meeting show \(m.id)", retentionYears: Self.minutesRetentionYears,
                               filedBy: m.minutesReviewedBy ?? m.organizer, filedAt: at, source: source))
    }

    // MARK: Queries

    /// The loan that holds file `id` now (out, or waiting for its approval), if any.
    public func openLoan(of id: String) -> ArchiveLoan? {
        loans.values.filter { $0.fileID == id && $0.status.holdsFile }.max { $0.requestedAt < $1.requestedAt }
    }

    /// The file's flags at `now`: its loan overdue, an incomplete return outstanding, retention ended.
    public func flags(of f: ArchiveFile, at now: Date, calendar: Calendar) -> [DueFlag] {
        var out: [DueFlag] = []
        let fileLoans = loans.values.filter { $0.fileID == f.id }
        if fileLoans.contains(where: { $0.isOverdue(at: now) }) { out.append(.loanOverdue) }
        if fileLoans.contains(where: { $0.status == .incomplete }) { out.append(.returnIncomplete) }
        if let end = f.retentionEnds(calendar), now >= end { out.append(.retentionDue) }
        return out.sorted()
    }

    /// A loan's flags at `now`.
    public func flags(of l: ArchiveLoan, at now: Date) -> [DueFlag] {
        var out: [DueFlag] = []
        if l.isOverdue(at: now) { out.append(.loanOverdue) }
        if l.status == .incomplete { out.append(.returnIncomplete) }
        return out
    }

    // MARK: Builders

    /// A loan of file `fileID` to `borrower` for `purpose`, due `due`: out at once, or for a
    /// confidential file a loan waiting for an `archive-loan` approval (raised with it) by the
    /// file's department head when they are an approver other than the desk, else any approver.
    public func archiveLoan(fileID: String, borrower: String, purpose: String, due: Date, _ ctx: RuleContext) throws(Refusal) -> Change {
        guard let f = archives[fileID] else { throw .invalid("No archive file \(fileID) (frontdesk archive list).", zh: "没有档案 \(fileID)（frontdesk archive list）。") }
        let id = ctx.env.ids.next(.loan, in: self)
        guard f.confidential else {
            return .lendArchive(ArchiveLoan(id: id, fileID: fileID, borrower: borrower, purpose: purpose, due: due, requestedBy: ctx.actor,
                                            requestedAt: ctx.now, status: .out, lentAt: ctx.now))
        }
        let approvalID = ctx.env.ids.next(.approval, in: self)
        var chain: [String] = []
        if let head = departments[f.department]?.head, head != ctx.actor, hasRole(head, .approver) { chain = [head] }
        var a = ApprovalRequest(id: approvalID, type: .archiveLoan, title: "\(f.title) → \(displayName(borrower))", requester: ctx.actor,
                                createdAt: ctx.now, approvers: chain, requiredApprovals: 1)
        a.documentRef = f.id
        let loan = ArchiveLoan(id: id, fileID: fileID, borrower: borrower, purpose: purpose, due: due, requestedBy: ctx.actor,
                               requestedAt: ctx.now, status: .awaitingApproval, approvalID: approvalID)
        return .requestArchiveLoan(loan, approval: a)
    }

    /// When a loan starting at `now` is due back when none is given: the end of the office day
    /// (`dayEndHour`) `archiveLoanDays` days later, in `calendar`.
    public static func defaultLoanDue(from now: Date, _ s: StoreSettings, calendar: Calendar) -> Date {
        let day = calendar.date(byAdding: .day, value: s.archiveLoanDays, to: calendar.startOfDay(for: now)) ?? now
        return calendar.date(byAdding: .hour, value: s.dayEndHour, to: day) ?? day
    }

    /// The open (or incomplete) loan to take back for `id`: a loan id, or a file id with one such loan.
    public func loanToReturn(_ id: String) -> ArchiveLoan? {
        if let l = loans[id] { return l }
        return loans.values.filter { $0.fileID == id && ($0.status == .out || $0.status == .incomplete) }.max { $0.requestedAt < $1.requestedAt }
    }
}

extension OfficeState {
    /// A new archive file record filed by `ctx.actor` now: paper when `path` is nil (cabinet and
    /// box), else electronic; `retentionYears` nil keeps it permanently.
    public func archiveFile(title: String, department: String, project: String?, category: String, date: Date,
                            cabinet: String?, box: String?, path: String?, retentionYears: Int?, confidential: Bool,
                            pages: Int?, attachments: Int?, _ ctx: RuleContext) -> Change {
        .fileArchive(ArchiveFile(id: ctx.env.ids.next(.archive, in: self), title: title, department: department, project: project, category: category,
                                 date: date, medium: path == nil ? .paper : .electronic, cabinet: cabinet, box: box, path: path,
                                 retentionYears: retentionYears, confidential: confidential, pages: pages, attachments: attachments,
                                 filedBy: ctx.actor, filedAt: ctx.now))
    }

    /// Taking back the loan of `id` (a loan, or a file with one loan out) with what was counted.
    /// - Throws: a refusal when nothing of `id` is out to take back.
    public func archiveReturn(_ id: String, pages: Int?, attachments: Int?, missing: String?, _ ctx: RuleContext) throws(Refusal) -> Change {
        guard let l = loanToReturn(id) else {
            throw .invalid("No loan of \(id) to take back (frontdesk archive loans).", zh: "没有可归还的 \(id) 借阅（frontdesk archive loans）。")
        }
        return .returnArchive(loanID: l.id, count: ArchiveReturnCount(pages: pages, attachments: attachments, missing: missing), by: ctx.actor, at: ctx.now)
    }

    // MARK: Steps (the dashboard's actions menu)

    /// Steps on file `f`: take it back while a loan of it is out (or came back incomplete); lend
    /// it while nothing holds it; filing a new record is always there. All are the desk's.
    func archiveSteps(_ f: ArchiveFile?, _ ctx: RuleContext) -> [ProcessStep] {
        var out: [ProcessStep] = []
        if let f {
            if loanToReturn(f.id) != nil { out.append(ProcessStep(.archiveReturn, role: .frontdesk)) }
            if openLoan(of: f.id) == nil { out.append(ProcessStep(.archiveLend, role: .frontdesk)) }
        }
        return out + [ProcessStep(.archiveAdd, role: .frontdesk)]
    }
}

// MARK: Hooks

/// The hook events of notices and archives and the placeholders their commands may use (besides
/// `id`, `event`, `title`, `purpose`, `status`).
public enum PaperTrailHooks {
    public static let events = ["notice.post", "notice.ack", "notice.feedback", "notice.end",
                                "archive.add", "archive.lend", "archive.loanRequest", "archive.return"]
    public static let placeholders = ["notice", "file", "loan", "borrower", "due", "audience"]
}

extension OfficeState {
    /// Hook values of a committed notice or archive change, or nil for other changes.
    /// `audience` is the logins of the people who have not acknowledged a notice, separated by spaces.
    public func paperTrailHookValues(_ change: Change, timeZone tz: TimeZone) -> [String: String]? {
        guard PaperTrailHooks.events.contains(change.name) else { return nil }
        switch change {
        case .postNotice, .acknowledgeNotice, .leaveNoticeFeedback, .endNotice:
            guard let n = notices[change.subject] else { return nil }
            return ["notice": n.id, "id": n.id, "event": change.name, "title": n.title, "due": Clock.dayHM(n.endsAt, tz),
                    "status": n.endedAt == nil ? "posted" : "ended",
                    "audience": pendingAcknowledgements(n).joined(separator: " ")]
        case .fileArchive(let f):
            return ["file": f.id, "id": f.id, "event": change.name, "title": f.title, "status": f.medium.rawValue]
        case .lendArchive, .requestArchiveLoan, .returnArchive:
            guard let l = loans[change.subject] else { return nil }
            return ["loan": l.id, "id": l.id, "file": l.fileID, "event": change.name, "title": archives[l.fileID]?.title ?? "",
                    "borrower": l.borrower, "purpose": l.purpose, "due": Clock.dayHM(l.due, tz), "status": l.status.rawValue]
        default:
            return nil
        }
    }
}
