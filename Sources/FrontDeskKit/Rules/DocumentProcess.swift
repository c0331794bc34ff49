import Foundation

/// The writes of the document register (收文 and 发文). Every case carries who acted and when, so
/// replaying the journal rebuilds the same trace.
public enum DocumentChange: Codable, Sendable, Equatable {
    /// An incoming document registered and numbered (`number`/`sequence` set by `registerIncoming`).
    case register(Document)
    /// Submitted to a leader for a decision.
    case submit(documentID: String, leader: String, by: String, at: Date)
    /// The leader's decision (批示), in the leader's words.
    case decide(documentID: String, text: String, by: String, at: Date)
    /// Forwarded to one or more departments to handle.
    case forward(documentID: String, departments: [String], by: String, at: Date)
    /// One department marked it handled.
    case handled(documentID: String, department: String, note: String?, by: String, at: Date)
    /// An outgoing document drafted.
    case draft(Document)
    /// Proofread and laid out (校对排版).
    case proofread(documentID: String, by: String, at: Date)
    /// Sent through the approval chain of type `document`: the request is written with it.
    case sendForApproval(documentID: String, approval: ApprovalRequest, by: String, at: Date)
    /// Released with its number (`行政发〔2026〕12号`), the next in its type's sequence for the year.
    case release(documentID: String, number: String, year: Int, sequence: Int, by: String, at: Date)
    /// Filed (归档).
    case file(documentID: String, by: String, at: Date)
    /// Distributed to a list of recipients.
    case distribute(documentID: String, recipients: [String], by: String, at: Date)
    /// A recipient acknowledged receipt.
    case acknowledge(documentID: String, recipient: String, by: String, at: Date)

    /// The audit trail's and the hooks' name (`doc.in`, `doc.release`, …).
    public var name: String {
        switch self {
        case .register: "doc.in"
        case .submit: "doc.submit"
        case .decide: "doc.decide"
        case .forward: "doc.forward"
        case .handled: "doc.handled"
        case .draft: "doc.draft"
        case .proofread: "doc.proofread"
        case .sendForApproval: "doc.approval"
        case .release: "doc.release"
        case .file: "doc.file"
        case .distribute: "doc.distribute"
        case .acknowledge: "doc.ack"
        }
    }

    /// The document's id.
    public var documentID: String {
        switch self {
        case .register(let d), .draft(let d): d.id
        case .submit(let id, _, _, _), .decide(let id, _, _, _), .forward(let id, _, _, _), .handled(let id, _, _, _, _),
             .proofread(let id, _, _), .sendForApproval(let id, _, _, _), .release(let id, _, _, _, _, _), .file(let id, _, _),
             .distribute(let id, _, _, _), .acknowledge(let id, _, _, _): id
        }
    }
}

/// The document settings of the store (in `meta.plist`), with the defaults an office starts from.
public struct DocumentSettings: Codable, Sendable, Equatable {
    /// The incoming number: `{year}` the full year, `{seq}` the number, `{seq:4}` zero-padded to 4.
    public var incomingPattern = "收〔{year}〕{seq:4}"
    /// The issuer's short name before the type's word: `行政` gives `行政发〔2026〕12号`.
    public var issuer = "行政"
    /// Registered → submitted to a leader within (4 h).
    public var submitWithin: TimeInterval = 4 * 3600
    /// A decision due this long after submission, by urgency: very urgent 4 h, urgent 24 h, normal 72 h.
    public var decideVeryUrgent: TimeInterval = 4 * 3600
    public var decideUrgent: TimeInterval = 24 * 3600
    public var decideNormal: TimeInterval = 72 * 3600
    /// Decided → forwarded within (24 h).
    public var forwardWithin: TimeInterval = 24 * 3600
    /// Each department handles it within this after forwarding (72 h).
    public var handleWithin: TimeInterval = 72 * 3600
    /// Each desk step of an outgoing document (proofread, send for approval, release, file,
    /// distribute) within this after the step before (24 h).
    public var outgoingStepWithin: TimeInterval = 24 * 3600
    /// Each recipient acknowledges within this after distribution (72 h).
    public var acknowledgeWithin: TimeInterval = 72 * 3600

    public init() {}

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = DocumentSettings()
        incomingPattern = try c.decodeIfPresent(String.self, forKey: .incomingPattern) ?? d.incomingPattern
        issuer = try c.decodeIfPresent(String.self, forKey: .issuer) ?? d.issuer
        submitWithin = try c.decodeIfPresent(TimeInterval.self, forKey: .submitWithin) ?? d.submitWithin
        decideVeryUrgent = try c.decodeIfPresent(TimeInterval.self, forKey: .decideVeryUrgent) ?? d.decideVeryUrgent
        decideUrgent = try c.decodeIfPresent(TimeInterval.self, forKey: .decideUrgent) ?? d.decideUrgent
        decideNormal = try c.decodeIfPresent(TimeInterval.self, forKey: .decideNormal) ?? d.decideNormal
        forwardWithin = try c.decodeIfPresent(TimeInterval.self, forKey: .forwardWithin) ?? d.forwardWithin
        handleWithin = try c.decodeIfPresent(TimeInterval.self, forKey: .handleWithin) ?? d.handleWithin
        outgoingStepWithin = try c.decodeIfPresent(TimeInterval.self, forKey: .outgoingStepWithin) ?? d.outgoingStepWithin
        acknowledgeWithin = try c.decodeIfPresent(TimeInterval.self, forKey: .acknowledgeWithin) ?? d.acknowledgeWithin
    }

    /// How long a leader has for a decision on a document of `urgency`.
    public func decideWithin(_ urgency: DocumentUrgency) -> TimeInterval {
        switch urgency {
        case .veryUrgent: decideVeryUrgent
        case .urgent: decideUrgent
        case .normal: decideNormal
        }
    }

    /// The incoming number for `seq` in `year`, from `incomingPattern`.
    public func incomingNumber(year: Int, seq: Int) -> String {
        incomingPattern.replacingOccurrences(of: "{year}", with: String(year))
            .replacingOccurrences(of: "{seq:4}", with: seq < 10_000 ? String(String(10_000 + seq).dropFirst()) : String(seq))
            .replacingOccurrences(of: "{seq}", with: String(seq))
    }

    /// Refuses an incoming number pattern that could repeat a number: it must hold `{year}` (the
    /// sequence starts again each year) and `{seq}` or `{seq:4}`, on one line, at most 40 characters.
    public static func checkIncomingPattern(_ p: String) throws(Refusal) {
        if p.count > 40 || p.contains(where: { $0.isNewline || $0.unicodeScalars.contains { $0.properties.generalCategory == .control } }) {
            throw .invalid("The incoming number pattern is one line of at most 40 characters, like 收〔{year}〕{seq:4}.",
                           zh: "收文编号格式须为一行、不超过 40 个字符，例如 收〔{year}〕{seq:4}。")
        }
        if !p.contains("{year}") || !(p.contains("{seq}") || p.contains("{seq:4}")) {
            throw .invalid("The incoming number pattern needs {year} and {seq} (or {seq:4}, zero-padded), or numbers would repeat; got \"\(p)\". Example: 收〔{year}〕{seq:4}.",
                           zh: "收文编号格式须包含 {year} 和 {seq}（或补零的 {seq:4}），否则编号会重复；收到的是“\(p)”。例如：收〔{year}〕{seq:4}。")
        }
    }

    /// Refuses an issuer's short name that would make a malformed number: 1–20 characters, no
    /// spaces, brackets 〔〕 or 号 (the number adds them).
    public static func checkIssuer(_ name: String) throws(Refusal) {
        let bad = name.contains { $0.isWhitespace || "〔〕[]号".contains($0) || $0.unicodeScalars.contains { $0.properties.generalCategory == .control } }
        if name.isEmpty || name.count > 20 || bad {
            throw .invalid("The issuer's short name is 1–20 characters without spaces, 〔〕 or 号, like 行政 (numbers read 行政发〔2026〕12号); got \"\(name)\".",
                           zh: "发文机关代字须为 1–20 个字符，不含空格、〔〕或“号”，例如 行政（编号为 行政发〔2026〕12号）；收到的是“\(name)”。")
        }
    }

    /// The outgoing number (GB/T 9704—2012 §7.2.5): issuer and type word, the full year in 〔〕,
    /// the number without leading zeros, then 号.
    public func outgoingNumber(_ type: OutgoingType, year: Int, seq: Int) -> String {
        "\(issuer)\(type.numberWord)〔\(year)〕\(seq)号"
    }
}

extension OutgoingType {
    /// The word after the issuer in the number: 发 (notice), 报 (report), 请 (request), 函 (letter).
    public var numberWord: String {
        switch self {
        case .notice: "发"
        case .report: "报"
        case .request: "请"
        case .letter: "函"
        }
    }

    public var chinese: String {
        switch self {
        case .notice: "通知"
        case .report: "报告"
        case .request: "请示"
        case .letter: "函"
        }
    }
}

extension DocumentStage {
    /// The stage in the reader's words.
    public func words(chinese: Bool) -> String {
        guard chinese else {
            switch self {
            case .registered: return "registered"
            case .submitted: return "with leader"
            case .decided: return "decided"
            case .forwarded: return "forwarded"
            case .handled: return "handled"
            case .drafted: return "drafted"
            case .proofread: return "proofread"
            case .approving: return "approving"
            case .approved: return "approved"
            case .rejected: return "rejected"
            case .released: return "released"
            case .filed: return "filed"
            case .distributed: return "distributed"
            }
        }
        switch self {
        case .registered: return "已登记"
        case .submitted: return "待批示"
        case .decided: return "已批示"
        case .forwarded: return "办理中"
        case .handled: return "已办结"
        case .drafted: return "拟稿"
        case .proofread: return "已校对"
        case .approving: return "审批中"
        case .approved: return "已批准"
        case .rejected: return "已驳回"
        case .released: return "已印发"
        case .filed: return "已归档"
        case .distributed: return "已分发"
        }
    }
}

extension DocumentUrgency {
    public var chinese: String {
        switch self {
        case .normal: "普通"
        case .urgent: "急件"
        case .veryUrgent: "特急"
        }
    }
}

// MARK: Confidentiality

extension OfficeState {
    /// True when `user` may read the title of `d`: it is not confidential, or they are an admin,
    /// took a step on it, are its leader or an approver named on its approval, belong to a
    /// department it was forwarded to, or are on its distribution list.
    public func maySeeTitle(_ d: Document, user: String) -> Bool {
        guard d.confidentiality == .confidential else { return true }
        if hasRole(user, .admin) || d.handlerLogins.contains(user) { return true }
        // The approvers of its release read it before they decide.
        if let a = d.approvalID.flatMap({ approvals[$0] }), a.approvers.contains(user) { return true }
        if let dept = people[user]?.department, d.departments.contains(where: { $0.to == dept }) { return true }
        return d.recipients.contains { $0.to == user }
    }

    /// The title as `user` may see it: the title, or "confidential" / "机密" when masked.
    public func shownTitle(_ d: Document, user: String, chinese: Bool = false) -> String {
        maySeeTitle(d, user: user) ? d.title : (chinese ? "机密" : "confidential")
    }
}

// MARK: Due times and flags

extension OfficeState {
    /// When the document's current step is due (nil when nothing is expected of anyone).
    public func documentDue(_ d: Document, _ s: StoreSettings) -> Date? {
        let ds = s.documents
        switch d.stage {
        case .registered: return d.createdAt.addingTimeInterval(ds.submitWithin)
        case .submitted: return (d.submittedAt ?? d.createdAt).addingTimeInterval(ds.decideWithin(d.urgency ?? .normal))
        case .decided: return (d.decidedAt ?? d.createdAt).addingTimeInterval(ds.forwardWithin)
        case .forwarded: return d.departments.filter { $0.doneAt == nil }.map { $0.sentAt.addingTimeInterval(ds.handleWithin) }.min()
        case .drafted: return d.createdAt.addingTimeInterval(ds.outgoingStepWithin)
        case .proofread: return (d.proofreadAt ?? d.createdAt).addingTimeInterval(ds.outgoingStepWithin)
        case .approving:
            let since = d.approvalID.flatMap { approvals[$0]?.createdAt } ?? d.createdAt
            return since.addingTimeInterval(s.approvalOverdueAfter)
        case .approved: return (d.approvedAt ?? d.createdAt).addingTimeInterval(ds.outgoingStepWithin)
        case .released: return (d.releasedAt ?? d.createdAt).addingTimeInterval(ds.outgoingStepWithin)
        case .filed: return (d.filedAt ?? d.createdAt).addingTimeInterval(ds.outgoingStepWithin)
        case .distributed: return d.recipients.filter { $0.doneAt == nil }.map { $0.sentAt.addingTimeInterval(ds.acknowledgeWithin) }.min()
        case .handled, .rejected: return nil
        }
    }

    /// What is due on a document at `now`: `decisionOverdue` when a leader's decision is late,
    /// `documentOverdue` when any other step is; nothing before its due time.
    public func flags(of d: Document, at now: Date, _ s: StoreSettings) -> [DueFlag] {
        guard let due = documentDue(d, s), now >= due else { return [] }
        return [d.stage == .submitted ? .decisionOverdue : .documentOverdue]
    }

    /// The open documents with an overdue step at `now` (the dashboard's "page 2: N overdue").
    public func overdueDocuments(at now: Date, _ s: StoreSettings) -> Int {
        documents.values.filter { !flags(of: $0, at: now, s).isEmpty }.count
    }
}

// MARK: Builders shared by the CLI and the dashboard's forms

extension OfficeState {
    /// The counter key of an incoming year's sequence, or an outgoing type's.
    static func documentSequenceKey(_ type: OutgoingType?, year: Int) -> String {
        type.map { "doc.out.\($0.rawValue).\(year)" } ?? "doc.in.\(year)"
    }

    /// The next number in a sequence (1 for a new year or type).
    func nextDocumentSequence(_ type: OutgoingType?, year: Int) -> Int {
        counters[Self.documentSequenceKey(type, year: year), default: 0] + 1
    }

    /// An incoming document registered now and given the next incoming number of the year.
    public func registerIncoming(title: String, sender: String, receivedOn: Date, category: String?, urgency: DocumentUrgency,
                                 confidentiality: Confidentiality, pages: Int?, attachment: String?, _ ctx: RuleContext) -> Change {
        let year = ctx.env.calendar.component(.year, from: ctx.now)
        let seq = nextDocumentSequence(nil, year: year)
        var d = Document(id: ctx.env.ids.next(.document, in: self), direction: .incoming, title: title, stage: .registered,
                         confidentiality: confidentiality, createdAt: ctx.now, createdBy: ctx.actor)
        d.number = ctx.settings.documents.incomingNumber(year: year, seq: seq); d.sequence = seq; d.year = year
        d.receivedOn = receivedOn; d.sender = sender; d.category = category; d.urgency = urgency
        d.pages = pages; d.attachment = attachment
        return .document(.register(d))
    }

    /// An outgoing document drafted now by `department`.
    public func draftOutgoing(type: OutgoingType, title: String, department: String, confidentiality: Confidentiality, _ ctx: RuleContext) -> Change {
        var d = Document(id: ctx.env.ids.next(.document, in: self), direction: .outgoing, title: title, stage: .drafted,
                         confidentiality: confidentiality, createdAt: ctx.now, createdBy: ctx.actor)
        d.type = type; d.draftedBy = department
        return .document(.draft(d))
    }

    /// The approval request (type `document`, the approvers named, in order) that approves `documentID`.
    public func sendDocumentForApproval(_ documentID: String, approvers: [String], _ ctx: RuleContext) throws(Refusal) -> Change {
        let d = try document(documentID)
        // The approval queue is read by everyone: a confidential document goes there by id only.
        let title = "\(d.type?.chinese ?? "发文")：\(d.confidentiality == .confidential ? "机密 confidential \(d.id)" : d.title)"
        var a = ApprovalRequest(id: ctx.env.ids.next(.approval, in: self), type: .document, title: String(title.prefix(InputLimits.title)),
                                requester: ctx.actor, createdAt: ctx.now, approvers: approvers,
                                requiredApprovals: Self.approvalsNeeded(.document, chain: approvers, ctx.settings))
        a.documentRef = d.id
        return .document(.sendForApproval(documentID: documentID, approval: a, by: ctx.actor, at: ctx.now))
    }

    /// The release of `documentID` with the next number of its type for this year. Built under the
    /// store's lock against the latest state, and validated to be exactly the next, so two desks
    /// releasing at once get consecutive numbers and a number is never used twice or skipped.
    public func releaseOutgoing(_ documentID: String, _ ctx: RuleContext) throws(Refusal) -> Change {
        let d = try document(documentID)
        guard let type = d.type else { throw .invalid("\(documentID) is an incoming document; only outgoing documents are released.", zh: "\(documentID) 是收文；只有发文才能印发。") }
        let year = ctx.env.calendar.component(.year, from: ctx.now)
        let seq = nextDocumentSequence(type, year: year)
        return .document(.release(documentID: documentID, number: ctx.settings.documents.outgoingNumber(type, year: year, seq: seq),
                                  year: year, sequence: seq, by: ctx.actor, at: ctx.now))
    }

    /// A document by id; refuses with what to do for an unknown one.
    public func document(_ id: String) throws(Refusal) -> Document {
        guard let d = documents[id] else {
            throw .invalid("No document \(id) in the register (frontdesk doc list).", zh: "登记簿中没有公文 \(id)（frontdesk doc list）。")
        }
        return d
    }
}

// MARK: Validation

extension OfficeState {
    func requireDesk(_ ctx: RuleContext, _ what: String, zh: String) throws(Refusal) {
        if mayTake(.frontdesk, ctx) { return }
        throw .permission("\(ctx.actor) may not \(what): that needs the frontdesk role. Ask an admin to run: frontdesk role grant \(ctx.actor) frontdesk",
                          zh: "\(ctx.actor) 不能\(zh)：这需要前台（frontdesk）角色。请管理员运行：frontdesk role grant \(ctx.actor) frontdesk")
    }

    func stageRefusal(_ d: Document, _ allowed: [DocumentStage], _ what: String, zh: String) -> Refusal? {
        if allowed.contains(d.stage) { return nil }
        let num = d.number.map { " (\($0))" } ?? ""
        return .rule("\(d.id)\(num) is \(d.stage.words(chinese: false)); it can be \(what) only when \(allowed.map { $0.words(chinese: false) }.joined(separator: " or ")).",
                     zh: "\(d.id)\(num) 当前\(d.stage.words(chinese: true))；只有在\(allowed.map { $0.words(chinese: true) }.joined(separator: "或"))时才能\(zh)。")
    }

    /// Checks a document change: role, the document's stage, then what was typed.
    func validateDocument(_ change: DocumentChange, _ ctx: RuleContext) throws(Refusal) {
        func doc(_ id: String, _ allowed: [DocumentStage], _ what: String, zh: String) throws(Refusal) -> Document {
            let d = try document(id)
            if let r = stageRefusal(d, allowed, what, zh: zh) { throw r }
            return d
        }
        switch change {
        case .register(let d):
            try requireDesk(ctx, "register documents", zh: "登记收文")
            try validateNewDocument(d)
            try requireText(d.sender ?? "", "sender organisation")
            if let p = d.pages, p < 1 || p > 100_000 { throw .invalid("Pages must be a number from 1 to 100000 (got \(p)).", zh: "页数必须是 1 到 100000 之间的数字（收到的是 \(p)）。") }
            let year = d.year ?? 0
            try checkSequence(d.sequence, d.number, expected: ctx.settings.documents.incomingNumber(year: year, seq: nextDocumentSequence(nil, year: year)),
                              next: nextDocumentSequence(nil, year: year))
        case .draft(let d):
            try requireDesk(ctx, "draft documents", zh: "拟稿")
            try validateNewDocument(d)
            if d.type == nil { throw .invalid("Say what kind of document it is: notice, report, request or letter.", zh: "请写明公文种类：notice（通知）、report（报告）、request（请示）或 letter（函）。") }
            try requireText(d.draftedBy ?? "", "drafting department")
        case .submit(let id, let leader, _, _):
            try requireDesk(ctx, "submit documents", zh: "呈送公文")
            _ = try doc(id, [.registered], "submitted to a leader", zh: "呈送领导")
            try requireText(leader, "leader")
            if people[leader] == nil && roles[leader] == nil {
                throw .invalid("\(leader) is not known to the store; give a leader's login (frontdesk person list).", zh: "本库中没有 \(leader)；请填写领导的登录名。")
            }
        case .decide(let id, let text, let by, _):
            let d = try doc(id, [.submitted], "decided", zh: "批示")
            if by != d.leader && !hasRole(by, .admin) {
                throw .permission("\(id) waits for \(displayName(d.leader ?? "its leader"))'s decision, not \(displayName(by))'s.", zh: "\(id) 等待 \(displayName(d.leader ?? "领导")) 批示，而不是 \(displayName(by))。")
            }
            try requireText(text, "decision")
        case .forward(let id, let depts, _, _):
            try requireDesk(ctx, "forward documents", zh: "转办公文")
            _ = try doc(id, [.decided, .forwarded], "forwarded", zh: "转办")
            if depts.isEmpty { throw .invalid("Name at least one department to forward it to (--to DEPT).", zh: "请至少写明一个承办部门（--to 部门）。") }
            if Set(depts).count != depts.count { throw .invalid("A department is named twice.", zh: "有部门重复出现。") }
            for dept in depts where departments[dept] == nil {
                throw .invalid("No department \(dept); the departments are: \(departments.keys.sorted().joined(separator: ", ")).", zh: "没有部门 \(dept)；现有部门：\(departments.keys.sorted().joined(separator: "、"))。")
            }
            if let d = documents[id], let dup = depts.first(where: { dept in d.departments.contains { $0.to == dept } }) {
                throw .rule("\(id) was already forwarded to \(dup).", zh: "\(id) 已转给 \(dup)。")
            }
        case .handled(let id, let dept, let note, let by, _):
            let d = try doc(id, [.forwarded], "marked handled", zh: "标记办结")
            guard let copy = d.departments.first(where: { $0.to == dept }) else {
                throw .invalid("\(id) was not forwarded to \(dept); it went to \(d.departments.map(\.to).joined(separator: ", ")).", zh: "\(id) 没有转给 \(dept)；它已转给 \(d.departments.map(\.to).joined(separator: "、"))。")
            }
            if copy.doneAt != nil { throw .rule("\(dept) already marked \(id) handled.", zh: "\(dept) 已将 \(id) 标记为办结。") }
            if !mayTake(.frontdesk, ctx) && people[by]?.department != dept {
                throw .permission("\(by) is not in \(dept); only that department or the desk marks it handled.", zh: "\(by) 不属于 \(dept)；只有该部门或前台可以标记办结。")
            }
            try requireText(note ?? "handled", "note")
        case .proofread(let id, _, _):
            try requireDesk(ctx, "proofread documents", zh: "校对公文")
            _ = try doc(id, [.drafted, .rejected], "proofread", zh: "校对")
        case .sendForApproval(let id, let a, _, _):
            try requireDesk(ctx, "send documents for approval", zh: "送审公文")
            _ = try doc(id, [.proofread], "sent for approval", zh: "送审")
            if a.type != .document || a.documentRef != id { throw .invalid("The approval request must be of type document for \(id).", zh: "审批申请必须是针对 \(id) 的公文流转类型。") }
            try validateNewApproval(a)
        case .release(let id, let number, let year, let seq, _, _):
            try requireDesk(ctx, "release documents", zh: "印发公文")
            let d = try doc(id, [.approved], "released", zh: "印发")
            guard let type = d.type else { throw .invalid("\(id) is an incoming document; only outgoing documents are released.", zh: "\(id) 是收文；只有发文才能印发。") }
            let next = nextDocumentSequence(type, year: year)
            try checkSequence(seq, number, expected: ctx.settings.documents.outgoingNumber(type, year: year, seq: next), next: next)
        case .file(let id, _, _):
            try requireDesk(ctx, "file documents", zh: "归档公文")
            _ = try doc(id, [.released], "filed", zh: "归档")
        case .distribute(let id, let recipients, _, _):
            try requireDesk(ctx, "distribute documents", zh: "分发公文")
            _ = try doc(id, [.filed], "distributed", zh: "分发")
            if recipients.isEmpty { throw .invalid("Name at least one recipient (--to NAME).", zh: "请至少写明一个接收方（--to 名称）。") }
            if Set(recipients).count != recipients.count { throw .invalid("A recipient is named twice.", zh: "有接收方重复出现。") }
            for r in recipients { try requireText(r, "recipient") }
        case .acknowledge(let id, let recipient, let by, _):
            let d = try doc(id, [.distributed], "acknowledged", zh: "签收")
            guard let copy = d.recipients.first(where: { $0.to == recipient }) else {
                throw .invalid("\(recipient) is not on \(id)'s distribution list: \(d.recipients.map(\.to).joined(separator: ", ")).", zh: "\(recipient) 不在 \(id) 的分发名单上：\(d.recipients.map(\.to).joined(separator: "、"))。")
            }
            if copy.doneAt != nil { throw .rule("\(recipient) already acknowledged \(id).", zh: "\(recipient) 已签收 \(id)。") }
            if !mayTake(.frontdesk, ctx) && by != recipient && people[by]?.department != recipient {
                throw .permission("Only \(recipient) or the desk acknowledges for \(recipient).", zh: "只有 \(recipient) 本人或前台可以代为签收。")
            }
        }
    }

    func validateNewDocument(_ d: Document) throws(Refusal) {
        try requireText(d.title, "title")
        if documents[d.id] != nil { throw .rule("Document \(d.id) exists already.", zh: "公文 \(d.id) 已存在。") }
    }

    /// A number must be exactly the next of its sequence: never reused, never skipped.
    func checkSequence(_ seq: Int?, _ number: String?, expected: String, next: Int) throws(Refusal) {
        if seq != next || number != expected {
            throw .rule("The number \(number ?? "(none)") is not the next one (\(expected)); another desk took a number meanwhile. Try again.",
                        zh: "编号 \(number ?? "（无）") 不是下一个编号（\(expected)）；其他前台刚刚用了一个编号。请重试。")
        }
    }
}

// MARK: Application

extension OfficeState {
    mutating func applyDocument(_ change: DocumentChange) {
        func event(_ id: String, _ by: String, _ at: Date, _ text: String? = nil) {
            documents[id]?.events.append(DocumentEvent(step: change.name, at: at, by: by, text: text))
        }
        switch change {
        case .register(let d), .draft(let d):
            var d = d
            d.events = [DocumentEvent(step: change.name, at: d.createdAt, by: d.createdBy,
                                      text: d.number.map { "\($0) · \(d.sender ?? "")" } ?? d.draftedBy)]
            documents[d.id] = d; bump(.document, d.id)
            if let seq = d.sequence, d.direction == .incoming {
                let key = Self.documentSequenceKey(nil, year: d.year ?? 0)
                if seq > counters[key, default: 0] { counters[key] = seq }
            }
        case .submit(let id, let leader, let by, let at):
            documents[id]?.leader = leader; documents[id]?.submittedAt = at; documents[id]?.stage = .submitted
            event(id, by, at, leader)
        case .decide(let id, let text, let by, let at):
            documents[id]?.decision = text; documents[id]?.decidedAt = at; documents[id]?.stage = .decided
            event(id, by, at, text)
        case .forward(let id, let depts, let by, let at):
            documents[id]?.departments += depts.map { DocumentCopy(to: $0, sentAt: at) }
            documents[id]?.stage = .forwarded
            event(id, by, at, depts.joined(separator: ", "))
        case .handled(let id, let dept, let note, let by, let at):
            guard var d = documents[id], let i = d.departments.firstIndex(where: { $0.to == dept }) else { return }
            d.departments[i].doneAt = at; d.departments[i].doneBy = by; d.departments[i].note = note
            if d.departments.allSatisfy({ $0.doneAt != nil }) { d.stage = .handled }
            documents[id] = d
            event(id, by, at, [dept, note].compactMap { $0 }.joined(separator: ": "))
        case .proofread(let id, let by, let at):
            documents[id]?.proofreadAt = at; documents[id]?.stage = .proofread
            event(id, by, at)
        case .sendForApproval(let id, let a, let by, let at):
            approvals[a.id] = a; bump(.approval, a.id)
            documents[id]?.approvalID = a.id; documents[id]?.stage = .approving
            event(id, by, at, a.id)
        case .release(let id, let number, let year, let seq, let by, let at):
            documents[id]?.number = number; documents[id]?.sequence = seq; documents[id]?.year = year
            documents[id]?.releasedAt = at; documents[id]?.stage = .released
            if let type = documents[id]?.type {
                let key = Self.documentSequenceKey(type, year: year)
                if seq > counters[key, default: 0] { counters[key] = seq }
            }
            event(id, by, at, number)
            // Filed in the archive by the release's own record, so the register and the archive never disagree.
            fileReleasedDocument(id, at: at, by: by)
        case .file(let id, let by, let at):
            documents[id]?.filedAt = at; documents[id]?.stage = .filed
            event(id, by, at)
        case .distribute(let id, let recipients, let by, let at):
            documents[id]?.recipients += recipients.map { DocumentCopy(to: $0, sentAt: at) }
            documents[id]?.stage = .distributed
            event(id, by, at, recipients.joined(separator: ", "))
        case .acknowledge(let id, let recipient, let by, let at):
            guard var d = documents[id], let i = d.recipients.firstIndex(where: { $0.to == recipient }) else { return }
            d.recipients[i].doneAt = at; d.recipients[i].doneBy = by
            documents[id] = d
            event(id, by, at, recipient)
        }
    }

    /// Files released outgoing document `id` in the archive (once): an electronic record of its
    /// drafting department, category `outgoing <type>`, dated its release, kept
    /// `outgoingRetentionYears`. A confidential document is filed under its number only and as a
    /// confidential file, because archive lists show titles to every reader.
    mutating func fileReleasedDocument(_ id: String, at: Date, by: String) {
        guard let d = documents[id], d.direction == .outgoing else { return }
        let source = "document \(d.id)"
        guard !archives.values.contains(where: { $0.source == source }) else { return }
        let secret = d.confidentiality == .confidential
        let number = d.number ?? d.id
        fileRecord(ArchiveFile(id: "", title: secret ? number : "\(number) \(d.title)", department: d.draftedBy ?? "",
                               category: "outgoing \(d.type?.rawValue ?? "document")", date: at, medium: .electronic,
                               path: "frontdesk doc show \(d.id)", retentionYears: Self.outgoingRetentionYears, confidential: secret,
                               filedBy: by, filedAt: at, source: source))
    }

    /// A decided approval request of type `document` moves its document on: approved (ready to
    /// release) or rejected (back to the desk to redraft and proofread).
    mutating func approvalDecided(_ a: ApprovalRequest, _ d: Decision) {
        guard a.type == .document, a.status != .pending,
              let id = documents.values.first(where: { $0.approvalID == a.id && $0.stage == .approving })?.id else { return }
        documents[id]?.stage = a.status == .approved ? .approved : .rejected
        if a.status == .approved { documents[id]?.approvedAt = d.at }
        documents[id]?.events.append(DocumentEvent(step: a.status == .approved ? "doc.approved" : "doc.rejected", at: d.at, by: d.by, text: d.comment))
    }
}

// MARK: Steps

extension OfficeState {
    /// The steps allowed on `d` now, in the order of its path, then registering and drafting anew.
    /// The leader's decision is listed for the leader (and admins) only.
    func documentSteps(_ d: Document?, _ ctx: RuleContext) -> [ProcessStep] {
        var out: [ProcessStep] = []
        if let d {
            switch d.stage {
            case .registered: out.append(ProcessStep(.docSubmit, role: .frontdesk))
            case .submitted:
                if ctx.actor == d.leader || hasRole(ctx.actor, .admin) { out.append(ProcessStep(.docDecide)) }
            case .decided: out.append(ProcessStep(.docForward, role: .frontdesk))
            case .forwarded: out += [ProcessStep(.docHandled), ProcessStep(.docForward, role: .frontdesk)]
            case .drafted, .rejected: out.append(ProcessStep(.docProofread, role: .frontdesk))
            case .proofread: out.append(ProcessStep(.docSendForApproval, role: .frontdesk))
            case .approved: out.append(ProcessStep(.docRelease, role: .frontdesk))
            case .released: out.append(ProcessStep(.docFile, role: .frontdesk))
            case .filed: out.append(ProcessStep(.docDistribute, role: .frontdesk))
            case .distributed:
                if d.recipients.contains(where: { $0.doneAt == nil }) { out.append(ProcessStep(.docAcknowledge)) }
            case .handled, .approving: break
            }
        }
        return out + [ProcessStep(.docRegister, role: .frontdesk), ProcessStep(.docDraft, role: .frontdesk)]
    }

    /// The change of a document step that needs no input (proofread, send for approval to any
    /// approver, release with the next number, file); nil for the others.
    func documentImmediateChange(_ step: StepID, _ d: Document, _ ctx: RuleContext) -> Change? {
        switch step {
        case .docProofread: .document(.proofread(documentID: d.id, by: ctx.actor, at: ctx.now))
        case .docSendForApproval: try? sendDocumentForApproval(d.id, approvers: [], ctx)
        case .docRelease: try? releaseOutgoing(d.id, ctx)
        case .docFile: .document(.file(documentID: d.id, by: ctx.actor, at: ctx.now))
        default: nil
        }
    }
}

// MARK: Hooks

/// The hook events of the document register and the placeholders their commands may use.
public enum DocumentHooks {
    public static let events = ["doc.in", "doc.submit", "doc.decide", "doc.forward", "doc.handled", "doc.release", "doc.distribute"]
    public static let placeholders = ["number", "urgency", "stage"]
}

extension OfficeState {
    /// Hook values of a committed document change; a confidential title is never passed on.
    public func documentHookValues(_ change: Change, timeZone tz: TimeZone) -> [String: String]? {
        guard case .document(let c) = change, let d = documents[c.documentID] else { return nil }
        return ["id": d.id, "event": change.name, "title": d.confidentiality == .confidential ? "confidential" : d.title,
                "number": d.number ?? "", "urgency": d.urgency?.rawValue ?? "", "stage": d.stage.rawValue,
                "time": Clock.dayHM(d.events.last?.at ?? d.createdAt, tz)]
    }
}
