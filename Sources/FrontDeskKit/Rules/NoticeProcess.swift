import Foundation

/// Company notices (通知): the desk posts a notice for everyone or for some departments with an
/// end date; it is shown until that end (at the end instant it is gone); the people of its
/// audience acknowledge it and may leave feedback while it is shown; the poster sees who has not
/// acknowledged. The audience's people are the office's registered people (`people`) — of the
/// named departments, or all of them — other than the poster.
extension OfficeState {
    // MARK: Validation

    func validateNotice(_ change: Change, _ ctx: RuleContext) throws(Refusal) {
        let tz = ctx.env.timeZone
        switch change {
        case .postNotice(let n):
            try requireRole(ctx, .frontdesk, to: "post notices")
            try requireText(n.title, "notice title")
            if notices[n.id] != nil { throw .rule("Notice \(n.id) exists already.", zh: "通知 \(n.id) 已存在。") }
            if n.postedBy != ctx.actor { throw .permission("\(ctx.actor) cannot post a notice in \(n.postedBy)'s name.", zh: "\(ctx.actor) 不能以 \(n.postedBy) 的名义发布通知。") }
            if n.endsAt <= n.postedAt || n.endsAt <= ctx.now {
                throw .invalid("The notice would end (\(Clock.dayHM(n.endsAt, tz))) before it is posted (\(Clock.dayHM(n.postedAt, tz))); give a later end (--until).",
                               zh: "通知的结束时间（\(Clock.dayHM(n.endsAt, tz))）早于发布时间（\(Clock.dayHM(n.postedAt, tz))）；请给出更晚的结束时间（--until）。")
            }
            if Set(n.audience).count != n.audience.count { throw .invalid("A department is named twice in the audience.", zh: "受众中有部门重复出现。") }
            for d in n.audience where departments[d] == nil {
                let known = departments.keys.sorted()
                throw .invalid("No department \(d)\(known.isEmpty ? "" : " (known: \(known.joined(separator: ", ")))"); name departments as they are registered, or leave --to out for everyone.",
                               zh: "没有部门 \(d)\(known.isEmpty ? "" : "（已登记：\(known.joined(separator: "、"))）")；请按登记的名称填写部门，或不填 --to 以发给所有人。")
            }
        case .acknowledgeNotice(let id, let a):
            let n = try shownNotice(id, ctx)
            try checkOnBehalf(a.by, a.recordedBy, ctx, to: "record an acknowledgement for someone else")
            try requireAudience(n, a.by)
            if n.isAcknowledged(by: a.by) { throw .rule("\(displayName(a.by)) has already acknowledged \(id).", zh: "\(displayName(a.by)) 已阅读过 \(id)。") }
        case .leaveNoticeFeedback(let id, let f):
            let n = try shownNotice(id, ctx)
            try checkOnBehalf(f.by, f.recordedBy, ctx, to: "record feedback for someone else")
            try requireText(f.text, "feedback")
            if f.by != n.postedBy { try requireAudience(n, f.by) }
        case .endNotice(let id, _):
            let n = try shownNotice(id, ctx)
            if ctx.actor != n.postedBy && !mayAct(ctx.actor, as: .lead) {
                throw .permission("Notice \(id) is ended by its poster, \(displayName(n.postedBy)), or a lead or admin.", zh: "通知 \(id) 由发布人 \(displayName(n.postedBy)) 或主管、管理员结束。")
            }
        default:
            throw .invalid("That is not a notice change.", zh: "这不是通知变更。")
        }
    }

    /// Refuses unless `by` is the actor (and nothing is `recordedBy`), or the desk (`recordedBy`
    /// the actor, with the frontdesk role) records it for a registered person.
    func checkOnBehalf(_ by: String, _ recordedBy: String?, _ ctx: RuleContext, to what: String) throws(Refusal) {
        if by == ctx.actor {
            if recordedBy != nil { throw .invalid("Your own acknowledgement or feedback is not recorded for you.", zh: "本人的已阅或反馈不需要代为登记。") }
            return
        }
        try requireRole(ctx, .frontdesk, to: what)
        if recordedBy != ctx.actor { throw .permission("\(ctx.actor) cannot record this in \(recordedBy ?? by)'s name.", zh: "\(ctx.actor) 不能以 \(recordedBy ?? by) 的名义登记。") }
        if people[by] == nil { throw .invalid("No person \(by) is registered; the desk records acknowledgements and feedback for registered people only.", zh: "没有登记人员 \(by)；前台只能为已登记的人员代为登记已阅或反馈。") }
    }

    /// The notice `id`, refused unless it is shown at `ctx.now` (posted and not yet at its end).
    func shownNotice(_ id: String, _ ctx: RuleContext) throws(Refusal) -> Notice {
        guard let n = notices[id] else { throw .invalid("No notice \(id) (frontdesk notice list --all).", zh: "没有通知 \(id)（frontdesk notice list --all）。") }
        if !n.isShown(at: ctx.now) {
            let tz = ctx.env.timeZone
            if ctx.now < n.postedAt { throw .rule("Notice \(id) is shown from \(Clock.dayHM(n.postedAt, tz)).", zh: "通知 \(id) 从 \(Clock.dayHM(n.postedAt, tz)) 起显示。") }
            throw .rule("Notice \(id) ended \(Clock.dayHM(n.shownUntil, tz)); it takes no more acknowledgements or feedback.", zh: "通知 \(id) 已于 \(Clock.dayHM(n.shownUntil, tz)) 结束，不再接受已阅或反馈。")
        }
        return n
    }

    /// Refuses unless `login` is in the notice's audience (anyone, for a notice to everyone).
    func requireAudience(_ n: Notice, _ login: String) throws(Refusal) {
        if isInAudience(n, login) { return }
        let dept = people[login]?.department
        throw .rule("Notice \(n.id) is for \(n.audience.joined(separator: ", ")); \(displayName(login)) is \(dept.map { "in \($0)" } ?? "in no department").",
                    zh: "通知 \(n.id) 发给 \(n.audience.joined(separator: "、"))；\(displayName(login)) \(dept.map { "属于\($0)" } ?? "不属于任何部门")。")
    }

    // MARK: Application

    mutating func applyNotice(_ change: Change) {
        switch change {
        case .postNotice(let n):
            notices[n.id] = n; bump(.notice, n.id)
        case .acknowledgeNotice(let id, let a):
            if notices[id]?.isAcknowledged(by: a.by) == false { notices[id]?.acknowledgements.append(a) }
        case .leaveNoticeFeedback(let id, let f):
            notices[id]?.feedback.append(f)
        case .endNotice(let id, let at):
            notices[id]?.endedAt = at
        default:
            break
        }
    }

    // MARK: Queries

    /// True when `login` is one the notice is for: anyone for a notice to everyone, else a person
    /// of one of its departments.
    public func isInAudience(_ n: Notice, _ login: String) -> Bool {
        if n.isForEveryone { return true }
        guard let d = people[login]?.department else { return false }
        return n.audience.contains(d)
    }

    /// The registered people the notice is for (its poster left out), by login.
    public func audienceMembers(_ n: Notice) -> [String] {
        people.values.filter { $0.login != n.postedBy && isInAudience(n, $0.login) }.map(\.login).sorted()
    }

    /// The audience's people who have not acknowledged the notice, by login.
    public func pendingAcknowledgements(_ n: Notice) -> [String] {
        audienceMembers(n).filter { !n.isAcknowledged(by: $0) }
    }

    /// `ackDue` while the notice is shown, `user` is in its audience (not its poster) and has not acknowledged it.
    public func flags(of n: Notice, at now: Date, user: String) -> [DueFlag] {
        guard n.isShown(at: now), user != n.postedBy, isInAudience(n, user), !n.isAcknowledged(by: user) else { return [] }
        return [.ackDue]
    }

    /// A new notice posted by `ctx.actor` now: for `departments` (empty: everyone) until `until`.
    public func noticePost(title: String, body: String, departments: [String], until: Date, _ ctx: RuleContext) -> Change {
        .postNotice(Notice(id: ctx.env.ids.next(.notice, in: self), title: title, body: body, postedBy: ctx.actor, postedAt: ctx.now,
                           audience: departments, endsAt: until))
    }

    /// `ctx.actor`'s acknowledgement of notice `id`, or one the desk records for `person`.
    public func noticeAcknowledgement(_ id: String, for person: String?, _ ctx: RuleContext) -> Change {
        let by = person ?? ctx.actor
        return .acknowledgeNotice(noticeID: id, ack: NoticeAcknowledgement(by: by, at: ctx.now, recordedBy: by == ctx.actor ? nil : ctx.actor))
    }
    /// `ctx.actor`'s feedback on notice `id`, or feedback the desk writes down for `person`.
    public func noticeFeedback(_ id: String, text: String, for person: String?, _ ctx: RuleContext) -> Change {
        let by = person ?? ctx.actor
        return .leaveNoticeFeedback(noticeID: id, feedback: NoticeFeedback(by: by, at: ctx.now, text: text, recordedBy: by == ctx.actor ? nil : ctx.actor))
    }

    // MARK: Steps (the dashboard's actions menu)

    /// The notice the dashboard acts on for `user` at `now`: the first one waiting for their
    /// acknowledgement (the one the status bar's notice line shows), else the newest shown one
    /// they are in the audience of or posted; nil when none is shown.
    public func noticeInView(user: String, now: Date) -> Notice? {
        let rows = NoticeBoard(state: self, user: user, now: now).rows
        return (rows.first { $0.flags.contains(.ackDue) } ?? rows.first { $0.notice.postedBy == user || isInAudience($0.notice, user) })?.notice
    }

    /// Steps on notice `n` for `ctx.actor`: acknowledge while it waits for them, feedback while it
    /// is shown to its audience (or its poster), end for its poster or a lead; posting is the desk's.
    func noticeSteps(_ n: Notice?, _ ctx: RuleContext) -> [ProcessStep] {
        var out: [ProcessStep] = []
        if let n, n.isShown(at: ctx.now) {
            let reader = ctx.actor != n.postedBy && isInAudience(n, ctx.actor)
            if reader && !n.isAcknowledged(by: ctx.actor) { out.append(ProcessStep(.noticeAcknowledge)) }
            if reader || ctx.actor == n.postedBy { out.append(ProcessStep(.noticeFeedback)) }
            if ctx.actor == n.postedBy || mayAct(ctx.actor, as: .lead) { out.append(ProcessStep(.noticeEnd)) }
        }
        return out + [ProcessStep(.noticePost, role: .frontdesk)]
    }

    /// The change of a notice step taken at once: `ctx.actor`'s acknowledgement, or ending it now.
    func noticeImmediateChange(_ step: StepID, _ n: Notice, _ ctx: RuleContext) -> Change? {
        switch step {
        case .noticeAcknowledge: noticeAcknowledgement(n.id, for: nil, ctx)
        case .noticeEnd: .endNotice(noticeID: n.id, at: ctx.now)
        default: nil
        }
    }
}
