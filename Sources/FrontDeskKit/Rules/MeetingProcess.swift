import Foundation

/// The meeting process: confirm within 24 h of the request; prepare (materials and agenda ready,
/// attendees notified, each piece of equipment the meeting needs tested 15 min before start);
/// claim the room within `noShowAfter` of the start or it is released; minutes reviewed by the
/// chair and sent within 48 h of the end; every action item tracked to done.
///
/// Everything about meetings and rooms lives here: `validate` and `apply` dispatch each meeting
/// change to `validateMeetingChange` / `applyMeetingChange`, and the steps the actions menu offers
/// (`meetingSteps`) are the steps whose checks (`checkMeetingStep`) pass, so the two cannot disagree.
extension OfficeState {
    // MARK: Validation

    /// Checks one meeting or room change against this state at `ctx.now`.
    func validateMeetingChange(_ change: Change, _ ctx: RuleContext) throws(Refusal) {
        switch change {
        case .reviewMinutes, .releaseUnclaimedRoom:
            break  // the chair's own step (checked below) and the store's rule
        default:
            try requireRole(ctx, .frontdesk, to: "book rooms or record a meeting's steps")
        }
        switch change {
        case .addRoom(let r):
            try validateNewRoom(r)
        case .setRoomOutOfService(let id, let p):
            try validateRoomClosure(id, p, ctx)
        case .bookMeetings(let ms):
            try validateBooking(ms, ctx)
        case .setMeetingStatus(let id, let status, _):
            let m = try meeting(id)
            guard let step = MeetingStatus.step(for: status) else {
                throw .rule(status == .minutesDrafted
                            ? "Minutes are drafted by recording them: frontdesk meeting minutes \(id) --file FILE."
                            : "Meeting \(id) is \(m.status.rawValue); it cannot go back to \(status.rawValue).",
                        zh: status == .minutesDrafted
                            ? "纪要通过登记来起草：frontdesk meeting minutes \(id) --file 文件。"
                            : "会议 \(id) 当前为“\(ZH.status(m.status))”，不能退回到“\(ZH.status(status))”。")
            }
            if step == .meetingPrepared {
                // Recording "prepared" as a status ticks whatever of materials and notice is left.
                let st = m.effective(at: ctx.now, noShowAfter: ctx.settings.noShowAfter).status
                if st.isFinal || st.rawOrder >= MeetingStatus.prepared.rawOrder { try checkMeetingStep(.meetingChecklist, m, ctx) }
                if st.rawOrder >= MeetingStatus.prepared.rawOrder { throw .rule("Meeting \(id) is \(st.rawValue); its preparation is done.", zh: "会议 \(id) 当前为“\(ZH.status(st))”；准备工作已完成。") }
            } else {
                try checkMeetingStep(step, m, ctx)
            }
        case .reviewMinutes(let id, let by, _):
            if by != ctx.actor { throw .permission("\(ctx.actor) cannot record a review in \(by)'s name.", zh: "\(ctx.actor) 不能以 \(by) 的名义登记审阅。") }
            try checkMeetingStep(.meetingReviewMinutes, try meeting(id), ctx)
        case .checkPreparation(let id, let items, let by, _):
            if by != ctx.actor { throw .permission("\(ctx.actor) cannot tick a checklist in \(by)'s name.", zh: "\(ctx.actor) 不能以 \(by) 的名义勾选检查单。") }
            try checkPreparation(try meeting(id), items, ctx)
        case .releaseUnclaimedRoom(let id, _, _):
            let m = try meeting(id)
            if !m.isUnclaimed(at: ctx.now, noShowAfter: ctx.settings.noShowAfter) {
                throw .rule("Meeting \(id) still holds its room; only an unclaimed meeting's room is released.", zh: "会议 \(id) 仍占用会议室；只有未签到的会议才会释放会议室。")
            }
        case .recordMinutes(let id, let text, _):
            try requireText(text, "minutes")
            try checkMeetingStep(.meetingMinutes, try meeting(id), ctx)
        case .addActionItem(let id, let item):
            try requireText(item.text, "action text"); try requireText(item.owner, "owner")
            try checkMeetingStep(.meetingActionAdd, try meeting(id), ctx)
        case .completeActionItem(let id, let itemID, _):
            let m = try meeting(id)
            guard let item = m.actionItems.first(where: { $0.id == itemID }) else { throw .invalid("No action item \(itemID).", zh: "没有待办事项 \(itemID)。") }
            if item.doneAt != nil { throw .rule("Action item \(itemID) is already done.", zh: "待办事项 \(itemID) 已完成。") }
        case .moveMeeting(let id, let start, let end, let roomID):
            let m = try meeting(id)
            try checkMeetingStep(.meetingMove, m, ctx)
            var moved = m
            moved.start = start; moved.end = end; moved.roomID = roomID
            var without = self
            without.meetings[id] = nil
            try without.validateBooking([moved], ctx)
        case .inviteGuest(let id, let g):
            let m = try meeting(id)
            try requireText(g.name, "guest's name")
            try checkMeetingStep(.meetingInvite, m, ctx)
            if m.guests?.contains(where: { $0.name == g.name }) == true { throw .rule("\(g.name) is already invited to \(id).", zh: "\(g.name) 已受邀参加 \(id)。") }
        case .recordGuestReply(let id, let name, _, _):
            let m = try meeting(id)
            if m.guests?.contains(where: { $0.name == name }) != true { throw .invalid("\(name) is not invited to \(id).", zh: "\(name) 未受邀参加 \(id)。") }
        default:
            break
        }
    }

    func validateNewRoom(_ r: Room) throws(Refusal) {
        try requireText(r.name, "room name")
        if r.capacity < 1 || r.capacity > 10_000 { throw .invalid("A room holds 1 to 10,000 people (got \(r.capacity)).", zh: "会议室可容纳 1 到 10,000 人（收到的是 \(r.capacity)）。") }
        if room(named: r.name) != nil { throw .rule("A room named \(r.name) exists already.", zh: "已有名为 \(r.name) 的会议室。") }
        if rooms[r.id] != nil { throw .rule("Room id \(r.id) exists already.", zh: "会议室编号 \(r.id) 已存在。") }
    }

    /// A room cannot be closed over bookings that still hold it: each must be moved or cancelled
    /// first (each of those is its own change, so its hook tells the attendees).
    func validateRoomClosure(_ id: String, _ p: ClosedPeriod, _ ctx: RuleContext) throws(Refusal) {
        guard let room = rooms[id] else { throw .invalid("No room \(id).", zh: "没有会议室 \(id)。") }
        if p.end <= p.start { throw .invalid("The out-of-service period ends before it starts.", zh: "停用时段的结束时间早于开始时间。") }
        try requireText(p.reason, "reason")
        let affected = bookingsBlockingClosure(of: id, p, at: ctx.now, ctx.settings)
        guard affected.isEmpty else {
            let tz = ctx.env.timeZone
            let list = affected.map { "\($0.id) \(Clock.dayHM($0.start, tz))–\(Clock.hm($0.end, tz)) \($0.title) (\(displayName($0.organizer)))" }
            throw .rule("\(room.name) has \(affected.count) booking(s) in \(Self.period(p.start, p.end, tz)): \(list.joined(separator: "; ")). "
                        + "Move each (frontdesk meeting move ID --start … --end … --room …) or cancel them (frontdesk room close … --cancel-bookings); nothing was changed.",
                        zh: "\(room.name) 在 \(Self.period(p.start, p.end, tz)) 有 \(affected.count) 个预订：\(list.joined(separator: "；"))。"
                            + "请逐个改期（frontdesk meeting move 编号 --start … --end … --room …）或取消（frontdesk room close … --cancel-bookings）；没有做任何更改。")
        }
    }

    /// Meetings that hold room `id` during `p` at `now`, in time order.
    public func bookingsBlockingClosure(of id: String, _ p: ClosedPeriod, at now: Date, _ s: StoreSettings) -> [Meeting] {
        meetings.values.filter { $0.roomID == id && $0.holdsRoom(at: now, noShowAfter: s.noShowAfter) && $0.overlaps(p.start, p.end) }
            .sorted { ($0.start, $0.id) < ($1.start, $1.id) }
    }

    /// "2026-12-01 09:00–11:00", or with the end's day when the period runs past midnight.
    static func period(_ start: Date, _ end: Date, _ tz: TimeZone) -> String {
        let endText = Clock.day(start, tz) == Clock.day(end, tz) ? Clock.hm(end, tz) : Clock.dayHM(end, tz)
        return "\(Clock.dayHM(start, tz))–\(endText)"
    }

    /// All occurrences are checked before anything is booked; every conflict is reported at once.
    func validateBooking(_ ms: [Meeting], _ ctx: RuleContext) throws(Refusal) {
        guard !ms.isEmpty else { throw .invalid("Nothing to book.", zh: "没有要预订的会议。") }
        var problems: [String] = [], zhProblems: [String] = []
        let tz = ctx.env.timeZone
        for (i, m) in ms.enumerated() {
            try requireText(m.title, "title")
            if meetings[m.id] != nil { throw .rule("Meeting id \(m.id) exists already.", zh: "会议编号 \(m.id) 已存在。") }
            if m.end <= m.start { throw .invalid("The meeting ends (\(Clock.hm(m.end, tz))) before it starts (\(Clock.hm(m.start, tz))).", zh: "会议结束时间（\(Clock.hm(m.end, tz))）早于开始时间（\(Clock.hm(m.start, tz))）。") }
            guard let room = rooms[m.roomID] else { throw .invalid("No room \(m.roomID).", zh: "没有会议室 \(m.roomID)。") }
            let when = Clock.dayHM(m.start, tz)
            if room.capacity < m.attendees.count {
                problems.append("\(room.name) holds \(room.capacity), the meeting has \(m.attendees.count) attendees")
                zhProblems.append("\(room.name) 可容纳 \(room.capacity) 人，会议有 \(m.attendees.count) 位参会人")
            }
            let missing = m.requiredEquipment.filter { eq in !room.equipment.contains { $0.lowercased() == eq.lowercased() } }
            if !missing.isEmpty { problems.append("\(room.name) has no \(missing.joined(separator: ", "))"); zhProblems.append("\(room.name) 没有 \(missing.joined(separator: "、"))") }
            if let p = room.outOfService.first(where: { $0.start < m.end && m.start < $0.end }) {
                problems.append("\(room.name) is out of service \(Self.period(p.start, p.end, tz)) (\(p.reason))")
                zhProblems.append("\(room.name) 在 \(Self.period(p.start, p.end, tz)) 停用（\(p.reason)）")
            }
            let now = ctx.now, release = ctx.settings.noShowAfter
            if let holder = meetings.values.first(where: { $0.roomID == m.roomID && $0.holdsRoom(at: now, noShowAfter: release) && $0.overlaps(m.start, m.end) }) {
                problems.append("\(room.name) is booked \(Clock.dayHM(holder.start, tz))–\(Clock.hm(holder.end, tz)) by \(displayName(holder.organizer)) (\(holder.id) \(holder.title))")
                zhProblems.append("\(room.name) 在 \(Clock.dayHM(holder.start, tz))–\(Clock.hm(holder.end, tz)) 已被 \(displayName(holder.organizer)) 预订（\(holder.id) \(holder.title)）")
            } else if let other = ms[..<i].first(where: { $0.roomID == m.roomID && $0.overlaps(m.start, m.end) }) {
                problems.append("occurrences \(other.id) and \(m.id) overlap at \(when)")
                zhProblems.append("\(other.id) 与 \(m.id) 两次会议在 \(when) 时间重叠")
            }
        }
        if !problems.isEmpty {
            let head = ms.count > 1 ? "No occurrence was booked: " : "Not booked: "
            throw .rule(head + problems.joined(separator: "; ") + ".",
                        zh: (ms.count > 1 ? "所有会议均未预订：" : "未预订：") + zhProblems.joined(separator: "；") + "。")
        }
    }

    /// The one place a meeting step's preconditions are stated. Throws why `step` may not be taken
    /// on `m` by `ctx.actor` at `ctx.now`; `meetingSteps` lists exactly the steps this lets through.
    /// The meeting is judged as it stands at `now`: an unclaimed meeting is a no-show.
    func checkMeetingStep(_ step: StepID, _ stored: Meeting, _ ctx: RuleContext) throws(Refusal) {
        let id = stored.id, tz = ctx.env.timeZone, release = ctx.settings.noShowAfter
        let m = stored.effective(at: ctx.now, noShowAfter: release)
        let st = m.status
        let unclaimed = stored.isUnclaimed(at: ctx.now, noShowAfter: release)
        func final() -> Refusal {
            if unclaimed {
                return .rule("Meeting \(id) was not claimed within \(Int(release / 60)) min of its start (\(Clock.dayHM(stored.start, tz))), "
                             + "so its room was released at \(Clock.hm(stored.start.addingTimeInterval(release), tz)); book the room again (frontdesk meeting add).",
                         zh: "会议 \(id) 在开始（\(Clock.dayHM(stored.start, tz))）后 \(Int(release / 60)) 分钟内无人签到，"
                             + "会议室已于 \(Clock.hm(stored.start.addingTimeInterval(release), tz)) 释放；请重新预订会议室（frontdesk meeting add）。")
            }
            return .rule("Meeting \(id) is \(st.rawValue); it cannot change any more.", zh: "会议 \(id) 当前为“\(ZH.status(st))”，不能再更改。")
        }
        func notBefore(_ s: MeetingStatus, _ what: String) throws(Refusal) {
            if st.isFinal { throw final() }
            if st.rawOrder >= s.rawOrder { throw .rule("Meeting \(id) is \(st.rawValue); \(what).", zh: "会议 \(id) 当前为“\(ZH.status(st))”；\(ZH.words(what))。") }
        }
        let chair = m.chair ?? m.organizer
        let isChair = ctx.actor == chair || hasRole(ctx.actor, .admin)
        switch step {
        case .meetingConfirm:
            if st.isFinal { throw final() }
            if st != .requested { throw .rule("Meeting \(id) is \(st.rawValue); it cannot go back to confirmed.", zh: "会议 \(id) 当前为“\(ZH.status(st))”，不能退回到“已确认”。") }
        case .meetingMaterials, .meetingPrepared:
            try notBefore(.prepared, "its preparation is done")
            let item = step == .meetingMaterials ? PreparationCheck.materials : PreparationCheck.notified
            if !m.uncheckedItems.contains(item) { throw .rule("\(item) is already ticked on \(id)'s checklist.", zh: "\(item) 已在 \(id) 的检查单上勾选过。") }
        case .meetingRoomChecked:
            try notBefore(.roomChecked, "its room was already checked")
            try onTheDay(m, ctx)
        case .meetingHeld:
            try notBefore(.held, "it was already held")
            if ctx.now < m.start.addingTimeInterval(-ctx.settings.roomCheckBefore) {
                throw .rule("Meeting \(id) starts \(Clock.dayHM(m.start, tz)); it cannot have been held yet.", zh: "会议 \(id) 开始于 \(Clock.dayHM(m.start, tz))，还不可能已召开。")
            }
        case .meetingMinutes:
            if st.isFinal { throw st == .closed ? .rule("Meeting \(id) is closed; minutes can no longer be recorded.", zh: "会议 \(id) 已结束，不能再登记纪要。") : final() }
            if st.rawOrder < MeetingStatus.held.rawOrder { throw .rule("Meeting \(id) has not been held yet (it is \(st.rawValue)); minutes come after.", zh: "会议 \(id) 尚未召开（当前为“\(ZH.status(st))”）；纪要要在会后登记。") }
        case .meetingReviewMinutes:
            if st.isFinal { throw final() }
            if st.rawOrder < MeetingStatus.minutesDrafted.rawOrder { throw .rule("Meeting \(id) has no minutes yet (frontdesk meeting minutes \(id) --file FILE).", zh: "会议 \(id) 还没有纪要（frontdesk meeting minutes \(id) --file 文件）。") }
            if st != .minutesDrafted { throw .rule("The minutes of \(id) were already sent.", zh: "\(id) 的纪要已发送。") }
            if let by = m.minutesReviewedBy { throw .rule("The minutes of \(id) were already reviewed by \(displayName(by)).", zh: "\(id) 的纪要已由 \(displayName(by)) 审阅。") }
            if !isChair { throw .permission("The minutes of \(id) are reviewed by the chair, \(displayName(chair)) (or an admin).", zh: "\(id) 的纪要由主持人 \(displayName(chair)) 审阅（或由管理员审阅）。") }
        case .meetingSendMinutes:
            if st.isFinal { throw final() }
            if st.rawOrder < MeetingStatus.minutesDrafted.rawOrder { throw .rule("Meeting \(id) has no minutes yet (frontdesk meeting minutes \(id) --file FILE).", zh: "会议 \(id) 还没有纪要（frontdesk meeting minutes \(id) --file 文件）。") }
            if st != .minutesDrafted { throw .rule("The minutes of \(id) were already sent.", zh: "\(id) 的纪要已发送。") }
            if m.minutesReviewedBy == nil {
                throw .rule("The minutes of \(id) are not reviewed yet: the chair, \(displayName(chair)), reviews them first (frontdesk meeting review \(id)).", zh: "\(id) 的纪要尚未审阅：须先由主持人 \(displayName(chair)) 审阅（frontdesk meeting review \(id)）。")
            }
        case .meetingClose:
            if st.isFinal { throw final() }
            if st != .minutesSent { throw .rule("Meeting \(id) can close only after its minutes are sent (it is \(st.rawValue)).", zh: "会议 \(id) 须在纪要发送后才能结束（当前为“\(ZH.status(st))”）。") }
            let open = m.actionItems.filter { $0.doneAt == nil }
            if !open.isEmpty { throw .rule("Meeting \(id) has \(open.count) open action item(s): \(open.map(\.id).joined(separator: ", ")).", zh: "会议 \(id) 还有 \(open.count) 项待办未完成：\(open.map(\.id).joined(separator: "、"))。") }
        case .meetingActionAdd:
            if st == .cancelled || st == .noShow { throw unclaimed ? final() : .rule("Meeting \(id) did not take place.", zh: "会议 \(id) 没有召开。") }
        case .meetingActionDone:
            if !m.actionItems.contains(where: { $0.doneAt == nil }) { throw .rule("Meeting \(id) has no open action item.", zh: "会议 \(id) 没有未完成的待办事项。") }
        case .meetingChecklist:
            try notBefore(.roomChecked, "its preparation is done")
            if m.uncheckedItems.isEmpty { throw .rule("Nothing left to tick on \(id)'s checklist.", zh: "\(id) 的检查单已全部勾选。") }
        case .meetingMove, .meetingInvite, .meetingCancel:
            try notBefore(.held, step == .meetingCancel ? "it was already held" : "only a meeting still to come can change")
        case .meetingNoShow:
            if st.isFinal && !unclaimed { throw final() }
            if st.rawOrder >= MeetingStatus.held.rawOrder && !st.isFinal { throw .rule("Meeting \(id) was already held.", zh: "会议 \(id) 已召开。") }
            if ctx.now < m.start { throw .rule("Meeting \(id) starts \(Clock.dayHM(m.start, tz)); it is not a no-show yet.", zh: "会议 \(id) 开始于 \(Clock.dayHM(m.start, tz))，现在还不算未到场。") }
        case .meetingGuestReply:
            if m.guests?.contains(where: { $0.reply == .pending }) != true { throw .rule("No guest of \(id) is waiting for a reply.", zh: "\(id) 没有等待回复的来宾。") }
        default:
            break
        }
    }

    /// Equipment is tested on the day, from two hours before the start.
    private func onTheDay(_ m: Meeting, _ ctx: RuleContext) throws(Refusal) {
        let from = m.start.addingTimeInterval(-2 * 3600), tz = ctx.env.timeZone
        if ctx.now < from {
            throw .rule("The room check for \(m.id) is done on the day, from \(Clock.hm(from, tz)) (it starts \(Clock.dayHM(m.start, tz))).", zh: "\(m.id) 的会议室检查在当天进行，\(Clock.hm(from, tz)) 起（会议开始于 \(Clock.dayHM(m.start, tz))）。")
        }
    }

    /// Ticking checklist items: each must be on the meeting's list and not yet ticked; equipment
    /// and the room are tested on the day.
    func checkPreparation(_ m: Meeting, _ items: [String], _ ctx: RuleContext) throws(Refusal) {
        try checkMeetingStep(.meetingChecklist, m, ctx)
        if items.isEmpty { throw .rule("Nothing left to tick on \(m.id)'s checklist.", zh: "\(m.id) 的检查单已全部勾选。") }
        let all = m.preparationItems, open = m.uncheckedItems
        for item in items {
            if !all.contains(item) {
                throw .invalid("\(item) is not on \(m.id)'s checklist (\(all.joined(separator: ", "))).", zh: "\(item) 不在 \(m.id) 的检查单上（\(all.joined(separator: "、"))）。")
            }
            if !open.contains(item) { throw .rule("\(item) is already ticked on \(m.id)'s checklist.", zh: "\(item) 已在 \(m.id) 的检查单上勾选过。") }
            if item != PreparationCheck.materials && item != PreparationCheck.notified { try onTheDay(m, ctx) }
        }
        if Set(items).count != items.count { throw .invalid("An item is named twice.", zh: "有检查项重复出现。") }
    }

    // MARK: Application

    /// Applies one validated (or replayed) meeting or room change.
    mutating func applyMeetingChange(_ change: Change) {
        switch change {
        case .addRoom(let r):
            rooms[r.id] = r; bump(.room, r.id)
        case .setRoomOutOfService(let id, let p):
            rooms[id]?.outOfService.append(p)
        case .bookMeetings(let ms):
            for m in ms { meetings[m.id] = m; bump(.meeting, m.id) }
        case .setMeetingStatus(let id, let status, let at):
            guard var m = meetings[id] else { return }
            m.status = status
            switch status {
            case .confirmed: m.confirmedAt = at
            case .roomChecked: m.roomCheckedAt = at
            case .held: m.heldAt = at
            case .minutesSent: m.minutesSentAt = at
            default: break
            }
            meetings[id] = m
        case .reviewMinutes(let id, let by, let at):
            meetings[id]?.minutesReviewedBy = by; meetings[id]?.minutesReviewedAt = at
        case .checkPreparation(let id, let items, let by, let at):
            guard var m = meetings[id] else { return }
            m.checklist = (m.checklist ?? []) + items.map { PreparationCheck(item: $0, by: by, at: at) }
            let open = m.uncheckedItems
            if m.status.rawOrder < MeetingStatus.prepared.rawOrder && !open.contains(PreparationCheck.materials) && !open.contains(PreparationCheck.notified) {
                m.status = .prepared
            }
            if open.isEmpty && m.status.rawOrder < MeetingStatus.roomChecked.rawOrder {
                m.status = .roomChecked; m.roomCheckedAt = at
            }
            meetings[id] = m
        case .releaseUnclaimedRoom(let id, _, _):
            meetings[id]?.status = .noShow
        case .recordMinutes(let id, let text, _):
            guard var m = meetings[id] else { return }
            m.minutes = text
            if m.status.rawOrder < MeetingStatus.minutesDrafted.rawOrder { m.status = .minutesDrafted }
            // New minutes need a new review.
            if m.status == .minutesDrafted { m.minutesReviewedBy = nil; m.minutesReviewedAt = nil }
            meetings[id] = m
        case .addActionItem(let id, let item):
            meetings[id]?.actionItems.append(item); bump(.action, item.id)
        case .completeActionItem(let id, let itemID, let at):
            guard var m = meetings[id], let i = m.actionItems.firstIndex(where: { $0.id == itemID }) else { return }
            m.actionItems[i].doneAt = at
            meetings[id] = m
        case .moveMeeting(let id, let start, let end, let roomID):
            meetings[id]?.start = start; meetings[id]?.end = end; meetings[id]?.roomID = roomID
        case .inviteGuest(let id, let g):
            let invited = meetings[id]?.guests ?? []
            meetings[id]?.guests = invited + [g]
        case .recordGuestReply(let id, let name, let reply, let at):
            guard var m = meetings[id], var gs = m.guests, let i = gs.firstIndex(where: { $0.name == name }) else { return }
            gs[i].reply = reply; gs[i].repliedAt = at
            m.guests = gs
            meetings[id] = m
        default:
            break
        }
    }

    // MARK: Queries

    /// Meetings whose room was not claimed within `noShowAfter` of the start at `now`: their room
    /// is free for every reader and writer already; the store's commit path records the release.
    public func unclaimedMeetings(at now: Date, _ s: StoreSettings) -> [String] {
        meetings.values.filter { $0.isUnclaimed(at: now, noShowAfter: s.noShowAfter) }.map(\.id).sorted()
    }

    /// What is due or overdue on a meeting at `now` (judged as it stands then: an unclaimed
    /// meeting is a no-show, flagged `unclaimed` until its end and owing nothing).
    public func flags(of stored: Meeting, at now: Date, _ s: StoreSettings) -> [DueFlag] {
        if stored.isUnclaimed(at: now, noShowAfter: s.noShowAfter) { return now < stored.end ? [.unclaimed] : [] }
        let m = stored
        var f: [DueFlag] = []
        if m.status.isFinal && m.status != .closed { return f }
        if m.status == .requested {
            f.append(now >= m.requestedAt.addingTimeInterval(s.meetingConfirmWithin) ? .confirmOverdue : .confirmDue)
        }
        if !m.uncheckedItems.isEmpty && now < m.end {
            let checkBy = m.start.addingTimeInterval(-s.roomCheckBefore)
            if now >= checkBy { f.append(.roomCheckOverdue) } else if now >= checkBy.addingTimeInterval(-3600) { f.append(.roomCheckDue) }
        }
        if m.status.rawOrder < MeetingStatus.minutesSent.rawOrder && now >= m.end && m.status != .requested {
            f.append(now >= m.end.addingTimeInterval(s.minutesWithin) ? .minutesOverdue : .minutesDue)
        }
        if m.actionItems.contains(where: { $0.doneAt == nil && $0.due < now }) { f.append(.actionOverdue) }
        if now < m.start && now >= m.start.addingTimeInterval(-86_400) && m.guests?.contains(where: { $0.reply == .pending }) == true {
            f.append(.guestReplyDue)
        }
        return f.sorted()
    }

    // MARK: Hooks

    /// Hook values of a committed meeting change (see `MeetingHooks.placeholders`), or nil when
    /// the change is not about a meeting. `attendees` are logins separated by spaces; `guests` the
    /// invited guests' contacts (their names where no contact was given), separated by commas.
    public func meetingHookValues(_ change: Change, timeZone tz: TimeZone) -> [String: String]? {
        guard MeetingHooks.events.contains(change.name), let m = meetings[change.subject] else { return nil }
        let guests = (m.guests ?? []).filter { $0.reply != .declined }.map { g in
            let c = g.contact?.trimmingCharacters(in: .whitespaces) ?? ""
            return c.isEmpty ? g.name : c
        }
        return ["meeting": m.id, "id": m.id, "event": change.name, "title": m.title, "room": rooms[m.roomID]?.name ?? m.roomID,
                "time": Clock.dayHM(m.start, tz), "start": Clock.dayHM(m.start, tz), "end": Clock.dayHM(m.end, tz),
                "organizer": m.organizer, "chair": m.chair ?? m.organizer, "status": m.status.rawValue,
                "attendees": m.attendees.joined(separator: " "), "guests": guests.joined(separator: ",")]
    }
}

/// The hook events of the meeting process and the placeholders their commands may use.
public enum MeetingHooks {
    public static let events = ["meeting.book", "meeting.confirm", "meeting.move", "meeting.cancel", "meeting.noshow",
                                "meeting.released", "meeting.guest.invite", "meeting.review", "meeting.send", "meeting.close"]
    public static let placeholders = ["meeting", "title", "room", "start", "end", "organizer", "chair", "status", "attendees", "guests"]
}

extension MeetingStatus {
    /// Position in the forward cycle; cancelled and no-show sit outside it.
    public var rawOrder: Int { MeetingStatus.allCases.firstIndex(of: self) ?? 0 }

    /// The step that records this status (nil for the states a step does not set directly).
    public static func step(for status: MeetingStatus) -> StepID? {
        switch status {
        case .requested, .minutesDrafted: nil
        case .confirmed: .meetingConfirm
        case .prepared: .meetingPrepared
        case .roomChecked: .meetingRoomChecked
        case .held: .meetingHeld
        case .minutesSent: .meetingSendMinutes
        case .closed: .meetingClose
        case .cancelled: .meetingCancel
        case .noShow: .meetingNoShow
        }
    }

    /// The audit and hook name of a status change: the step's name (`meeting.confirm`, `meeting.send`…).
    public static func eventName(_ status: MeetingStatus) -> String {
        step(for: status)?.rawValue ?? "meeting.\(status.rawValue)"
    }
}

// MARK: Steps

extension OfficeState {
    /// The meeting steps `ctx.actor` may take on `m` now, in the order of the seed: confirm →
    /// materials → notify → check the room → held → minutes → chair reviews → send → action items →
    /// close. A step is listed exactly when `checkMeetingStep` lets it through.
    func meetingSteps(_ m: Meeting, _ ctx: RuleContext) -> [ProcessStep] {
        let order: [StepID] = [.meetingConfirm, .meetingMaterials, .meetingPrepared, .meetingRoomChecked, .meetingChecklist, .meetingHeld,
                               .meetingMinutes, .meetingReviewMinutes, .meetingSendMinutes, .meetingActionAdd, .meetingActionDone,
                               .meetingClose, .meetingMove, .meetingInvite, .meetingGuestReply]
        // Desk work needs the frontdesk role; the chair's review is the chair's (checked in the step).
        func step(_ id: StepID) -> ProcessStep { ProcessStep(id, role: id == .meetingReviewMinutes ? nil : .frontdesk) }
        var out = order.filter { (try? checkMeetingStep($0, m, ctx)) != nil }.map(step)
        out += [step(.roomOutOfService), step(.roomAdd)]
        out += [StepID.meetingCancel, .meetingNoShow].filter { (try? checkMeetingStep($0, m, ctx)) != nil }.map(step)
        return out
    }

    /// The change of a meeting step that needs no input, on meeting `id` now.
    func meetingImmediateChange(_ step: StepID, _ id: String, _ ctx: RuleContext) -> Change? {
        switch step {
        case .meetingReviewMinutes: return .reviewMinutes(meetingID: id, by: ctx.actor, at: ctx.now)
        case .meetingMaterials: return .checkPreparation(meetingID: id, items: [PreparationCheck.materials], by: ctx.actor, at: ctx.now)
        case .meetingPrepared: return .checkPreparation(meetingID: id, items: [PreparationCheck.notified], by: ctx.actor, at: ctx.now)
        case .meetingRoomChecked:
            // Every piece of equipment still untested (the whole checklist's remaining on-the-day items).
            let open = meetings[id]?.uncheckedItems.filter { $0 != PreparationCheck.materials && $0 != PreparationCheck.notified } ?? []
            if open.isEmpty { return .setMeetingStatus(meetingID: id, status: .roomChecked, at: ctx.now) }
            return .checkPreparation(meetingID: id, items: open, by: ctx.actor, at: ctx.now)
        default:
            break
        }
        let status: MeetingStatus
        switch step {
        case .meetingConfirm: status = .confirmed
        case .meetingHeld: status = .held
        case .meetingSendMinutes: status = .minutesSent
        case .meetingClose: status = .closed
        case .meetingCancel: status = .cancelled
        case .meetingNoShow: status = .noShow
        default: return nil
        }
        return .setMeetingStatus(meetingID: id, status: status, at: ctx.now)
    }
}
