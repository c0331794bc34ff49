import Foundation

/// The reception process: confirm an appointment within 1 h, check identity and issue one badge per
/// head on arrival, take every badge back when they leave (or flag it at day end).
///
/// `visitorStepRefusal` is the one statement of which step each state allows: `visitorSteps` (the
/// actions menu, the CLI) lists the steps it allows and `validateReception` refuses the others with
/// its reason, so the two cannot disagree.
extension OfficeState {
    /// Why `step` cannot be taken on `v` at `now` (nil: the visit's state allows it). Input checks
    /// (badges, identity numbers, texts) come on top, in `validateReception`.
    func visitorStepRefusal(_ step: StepID, _ v: Visitor, at now: Date, _ tz: TimeZone) -> Refusal? {
        let st = v.status
        let booked = st == .expected || st == .confirmed
        let who = "\(v.name) (\(v.id)) is \(st.words)"
        let whoZh = "\(v.name)（\(v.id)）当前\(ZH.status(st))"
        switch step {
        case .visitorConfirm:
            return st == .expected ? nil : .rule("\(who); only an appointment still awaiting confirmation can be confirmed.", zh: "\(whoZh)；只有待确认的预约才能确认。")
        case .visitorArrived:
            return booked ? nil : .rule("\(who); only an expected visitor can arrive.", zh: "\(whoZh)；只有预约中的访客才能登记到达。")
        case .visitorCheckIn:
            if st == .onSite { return .rule("\(who) with badge \(v.badgesOut.joined(separator: ", ")).", zh: "\(whoZh)，持有访客证 \(v.badgesOut.joined(separator: "、"))。") }
            return booked || st == .arrived ? nil : .rule("\(who); only an expected or waiting visitor can check in.", zh: "\(whoZh)；只有预约中或在大厅等候的访客才能办理登记。")
        case .visitorWatchDecision:
            if watchMatch(v, idNumber: nil) == nil { return .rule("\(v.name) (\(v.id)) does not match the watch list.", zh: "\(v.name)（\(v.id)）不在关注名单上。") }
            if let d = v.watchDecision { return .rule("\(displayName(d.by)) already decided on \(v.name) (\(d.allowed ? "allowed" : "refused")).", zh: "\(displayName(d.by)) 已对 \(v.name) 作出决定（\(d.allowed ? "准许进入" : "拒绝进入")）。") }
            return booked || st == .arrived ? nil : .rule("\(who); a watch-list decision is taken before the visitor is let in.", zh: "\(whoZh)；关注名单的决定要在访客进入之前作出。")
        case .visitorCheckOut:
            return st == .onSite || st == .arrived ? nil : .rule("\(who), not on site or in the lobby.", zh: "\(whoZh)，不在访也不在大厅等候。")
        case .visitorUndoCheckIn:
            return st == .onSite ? nil : .rule("\(who), not checked in.", zh: "\(whoZh)，尚未办理登记。")
        case .visitorReturnBadges:
            if st == .onSite { return .rule("\(who); check them out, which takes the badge back.", zh: "\(whoZh)；请为其办理离开，离开时会收回访客证。") }
            return st == .left && !v.badgesOut.isEmpty ? nil : .rule("\(v.name) (\(v.id)) has no badge out to return.", zh: "\(v.name)（\(v.id)）没有未归还的访客证。")
        case .visitorOutcome:
            return st == .left || st == .closed ? nil : .rule("\(who); the outcome is recorded after the visit.", zh: "\(whoZh)；来访结果在来访结束后登记。")
        case .visitorCancel:
            return booked ? nil : .rule("\(who); only an expected visit can be cancelled.", zh: "\(whoZh)；只有预约中的来访才能取消。")
        case .visitorNoShow:
            if !booked { return .rule("\(who); only an expected visitor can be a no-show.", zh: "\(whoZh)；只有预约中的访客才能登记为未到场。") }
            return now >= v.expectedAt ? nil : .rule("\(v.name) is expected at \(Clock.hm(v.expectedAt, tz)); not a no-show yet.", zh: "\(v.name) 预约在 \(Clock.hm(v.expectedAt, tz)) 到访；现在还不算未到场。")
        default:
            return .invalid("That is not a step of a visit.", zh: "这不是来访流程中的步骤。")
        }
    }

    /// The role a visitor step needs: the lead's steps, else front-desk work.
    static func visitorStepRole(_ step: StepID) -> Role {
        step == .visitorUndoCheckIn || step == .visitorWatchDecision ? .lead : .frontdesk
    }

    /// The reception steps allowed from the visit's state, in the process's order: confirm within
    /// 1 h → arrive → identity checked and badge issued → out → badge back → outcome.
    func visitorSteps(_ v: Visitor, _ ctx: RuleContext) -> [ProcessStep] {
        let order: [StepID] = [.visitorConfirm, .visitorArrived, .visitorCheckIn, .visitorWatchDecision, .visitorCheckOut, .visitorUndoCheckIn,
                               .visitorReturnBadges, .visitorOutcome, .visitorCancel, .visitorNoShow]
        return order.filter { visitorStepRefusal($0, v, at: ctx.now, ctx.env.timeZone) == nil }
            .map { ProcessStep($0, role: Self.visitorStepRole($0)) } + [ProcessStep(.visitorAdd, role: .frontdesk)]
    }

    /// The change a no-input visitor step makes (whether or not the state allows it; validation decides).
    func visitorImmediateChange(_ step: StepID, _ v: Visitor, _ ctx: RuleContext) -> Change? {
        switch step {
        case .visitorConfirm: .confirmVisitor(visitorID: v.id, at: ctx.now)
        case .visitorArrived: .visitorArrived(visitorID: v.id, at: ctx.now)
        case .visitorReturnBadges: .returnBadges(visitorID: v.id, badges: v.badgesOut, at: ctx.now)
        case .visitorCancel: .cancelVisitor(visitorID: v.id, at: ctx.now)
        case .visitorNoShow: .visitorNoShow(visitorID: v.id, at: ctx.now)
        case .visitorUndoCheckIn: .undoCheckIn(visitorID: v.id, at: ctx.now)
        default: nil
        }
    }
}

// MARK: Validation

extension OfficeState {
    /// Checks a visitor, badge or watch-list change: role, the visit's state (`visitorStepRefusal`),
    /// then what was typed. Throws the refusal a person can act on.
    func validateReception(_ change: Change, _ ctx: RuleContext) throws(Refusal) {
        let tz = ctx.env.timeZone
        func step(_ id: String, _ s: StepID, at: Date? = nil) throws(Refusal) -> Visitor {
            try requireRole(ctx, Self.visitorStepRole(s), to: Self.stepWords(s))
            let v = try visitor(id)
            if let r = visitorStepRefusal(s, v, at: at ?? ctx.now, tz) { throw r }
            return v
        }
        switch change {
        case .addBadges(let codes):
            try requireRole(ctx, .frontdesk, to: "add badges to the pool")
            try validateNewBadges(codes)
        case .addVisitor(let v):
            try requireRole(ctx, .frontdesk, to: Self.stepWords(.visitorAdd))
            try validateNewVisitor(v, ctx)
        case .confirmVisitor(let id, _): _ = try step(id, .visitorConfirm)
        case .visitorArrived(let id, _): _ = try step(id, .visitorArrived)
        case .checkInVisitor(let id, let codes, let idNumber, _):
            let v = try step(id, .visitorCheckIn)
            try validateCheckIn(v, codes, idNumber: idNumber, ctx)
        case .confirmIdentity(let id, let idNumber, _):
            let v = try step(id, .visitorCheckIn)
            try requireText(idNumber, "identity number")
            if v.idNumber == idNumber { throw .rule("\(v.name)'s identity number is already \(Visitor.mask(idNumber)); nothing to confirm.", zh: "\(v.name) 的证件号码已是 \(Visitor.mask(idNumber))；无需确认。") }
        case .checkOutVisitor(let id, _, let lost):
            let v = try step(id, .visitorCheckOut)
            for b in lost where !v.badgesOut.contains(b) { throw .invalid("Badge \(b) is not out with visitor \(id).", zh: "访客证 \(b) 不在访客 \(id) 手中。") }
        case .returnBadges(let id, let codes, _):
            let v = try step(id, .visitorReturnBadges)
            if codes.isEmpty { throw .invalid("Name the badge that came back.", zh: "请写明归还的是哪张访客证。") }
            for b in codes where !v.badgesOut.contains(b) { throw .invalid("Badge \(b) is not out with visitor \(id).", zh: "访客证 \(b) 不在访客 \(id) 手中。") }
        case .cancelVisitor(let id, _): _ = try step(id, .visitorCancel)
        case .visitorNoShow(let id, let at): _ = try step(id, .visitorNoShow, at: at)
        case .recordOutcome(let id, let text, _):
            _ = try step(id, .visitorOutcome)
            try requireText(text, "outcome")
        case .undoCheckIn(let id, _): _ = try step(id, .visitorUndoCheckIn)
        case .decideWatch(let id, _): _ = try step(id, .visitorWatchDecision)
        case .addToWatchList(let w):
            try requireRole(ctx, .lead, to: "change the watch list")
            if (w.name ?? "").isEmpty && (w.idNumber ?? "").isEmpty { throw .invalid("Give a name or an identity number.", zh: "请填写姓名或证件号码。") }
            try requireText(w.reason, "reason")
        case .removeFromWatchList(let n, let id):
            try requireRole(ctx, .lead, to: "change the watch list")
            if !watchList.contains(where: { $0.name == n && $0.idNumber == id }) { throw .invalid("No such watch-list entry.", zh: "关注名单中没有这一条。") }
        default:
            throw .invalid("That is not a reception change.", zh: "这不是前台接待的变更。")
        }
    }

    func validateNewBadges(_ codes: [String]) throws(Refusal) {
        if codes.isEmpty { throw .invalid("No badge codes given.", zh: "没有给出访客证编号。") }
        var seen = Set<String>()
        for c in codes {
            try requireText(c, "badge code")
            if c.count > 16 || !c.unicodeScalars.allSatisfy({ ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "-" || $0 == "_" }) {
                throw .invalid("A badge code is up to 16 letters, digits, - or _ (got \(c.debugDescription)).", zh: "访客证编号最多 16 个字母、数字、- 或 _（收到的是 \(c.debugDescription)）。")
            }
            if badges[c] != nil || !seen.insert(c).inserted { throw .rule("Badge \(c) exists already.", zh: "访客证 \(c) 已存在。") }
        }
    }

    /// A new appointment: names, a sensible head count, and a day that has not passed.
    func validateNewVisitor(_ v: Visitor, _ ctx: RuleContext) throws(Refusal) {
        try requireText(v.name, "visitor's name"); try requireText(v.host, "host")
        if v.headCount < 1 { throw .invalid("Head count must be at least 1 (got \(v.headCount)).", zh: "人数至少为 1（收到的是 \(v.headCount)）。") }
        if v.headCount > 200 { throw .invalid("Head count \(v.headCount) is more than a lobby can take; split the group.", zh: "\(v.headCount) 人超出大厅容量；请分批接待。") }
        if visitors[v.id] != nil { throw .rule("Visitor id \(v.id) exists already.", zh: "访客编号 \(v.id) 已存在。") }
        // Earlier today is a walk-in registered late; an earlier day is a typing mistake.
        if v.expectedAt < ctx.env.calendar.startOfDay(for: ctx.now) {
            let tz = ctx.env.timeZone
            throw .invalid("\(Clock.dayHM(v.expectedAt, tz)) is on a day that has passed (today is \(Clock.day(ctx.now, tz))); check the date of the visit.", zh: "\(Clock.dayHM(v.expectedAt, tz)) 是已经过去的日期（今天是 \(Clock.day(ctx.now, tz))）；请核对来访日期。")
        }
    }

    /// The watch-list entry a visitor matches, by name or identity number.
    public func watchMatch(_ v: Visitor, idNumber: String?) -> WatchEntry? {
        watchList.first { $0.matches(name: v.name, idNumber: idNumber ?? v.idNumber) }
    }

    /// Identity on record, a lead's decision on a watch-list match, one available badge per head.
    func validateCheckIn(_ v: Visitor, _ codes: [String], idNumber given: String?, _ ctx: RuleContext) throws(Refusal) {
        let given = given?.trimmingCharacters(in: .whitespaces).nilIfBlank
        if let n = given, let registered = v.idNumber, n != registered {
            throw .rule("The identity number given (\(Visitor.mask(n))) differs from the one registered for \(v.name) (\(Visitor.mask(registered))). Check the document; if the new number is right, confirm it: frontdesk visitor checkin \(v.id) --id-number NUMBER --confirm-new-identity", zh: "填写的证件号码（\(Visitor.mask(n))）与 \(v.name) 登记的号码（\(Visitor.mask(registered))）不同。请核对证件；如新号码无误，请确认：frontdesk visitor checkin \(v.id) --id-number 号码 --confirm-new-identity")
        }
        if ctx.settings.checkInNeedsIdentity && given == nil && v.idNumber == nil {
            throw .invalid("Check \(v.name)'s identity document and record its number (--id-number); an admin can drop this rule with: frontdesk settings set checkInNeedsIdentity no", zh: "请核对 \(v.name) 的身份证件并登记证件号码（--id-number）；管理员可用此命令取消该规定：frontdesk settings set checkInNeedsIdentity no")
        }
        if let w = watchMatch(v, idNumber: given) {
            switch v.watchDecision?.allowed {
            case .some(true): break
            case .some(false): throw .rule("\(v.name) was refused entry by \(displayName(v.watchDecision?.by ?? "a lead")).", zh: "\(v.name) 已被 \(displayName(v.watchDecision?.by ?? "主管")) 拒绝进入。")
            case .none:
                throw .rule("\(v.name) matches the watch list (\(w.reason)); a lead must decide before a badge is issued: frontdesk visitor clear \(v.id) --allow|--deny", zh: "\(v.name) 命中关注名单（\(w.reason)）；须由主管决定后才能发放访客证：frontdesk visitor clear \(v.id) --allow|--deny")
            }
        }
        if codes.count != v.headCount {
            throw .invalid("\(v.name) is a party of \(v.headCount): give \(v.headCount) badge(s), got \(codes.count).", zh: "\(v.name) 一行 \(v.headCount) 人：需发放 \(v.headCount) 张访客证，实际给出 \(codes.count) 张。")
        }
        if Set(codes).count != codes.count { throw .invalid("The same badge is given twice.", zh: "同一张访客证给了两次。") }
        for c in codes {
            guard let b = badges[c] else { throw .invalid("No badge \(c) in the pool (frontdesk badge add \(c)).", zh: "访客证池中没有 \(c)（frontdesk badge add \(c)）。") }
            switch b.state {
            case .available: continue
            case .lost: throw .rule("Badge \(c) is recorded lost.", zh: "访客证 \(c) 已登记为遗失。")
            case .issued:
                let holder = b.visitorID.flatMap { visitors[$0] }
                let who = holder.map { "\($0.name) (\($0.id))" } ?? (b.visitorID ?? "someone")
                throw .rule("Badge \(c) is out with \(who) since \(b.issuedAt.map { Clock.hm($0, ctx.env.timeZone) } ?? "earlier").", zh: "访客证 \(c) 自 \(b.issuedAt.map { Clock.hm($0, ctx.env.timeZone) } ?? "早些时候") 起由 \(who) 持有。")
            }
        }
    }

    static func stepWords(_ s: StepID) -> String {
        switch s {
        case .visitorConfirm: "confirm visits"
        case .visitorArrived: "record arrivals"
        case .visitorCheckIn: "check visitors in"
        case .visitorWatchDecision: "decide on a watch-list match"
        case .visitorCheckOut: "check visitors out"
        case .visitorUndoCheckIn: "undo a check-in"
        case .visitorReturnBadges: "take badges back"
        case .visitorOutcome: "record a visit's outcome"
        case .visitorCancel: "cancel visits"
        case .visitorNoShow: "record a no-show"
        case .visitorAdd: "register visitors"
        default: "do front-desk work"
        }
    }

    func visitor(_ id: String) throws(Refusal) -> Visitor {
        guard let v = visitors[id] else { throw .invalid("No visitor \(id) in the open register.", zh: "在访登记中没有访客 \(id)。") }
        return v
    }
}

// MARK: Application

extension OfficeState {
    /// Applies a validated (or replayed) reception change; a record no longer in the working set is skipped.
    mutating func applyReception(_ change: Change) {
        switch change {
        case .addBadges(let codes):
            for c in codes { badges[c] = Badge(id: c) }
        case .addVisitor(let v):
            visitors[v.id] = v; bump(.visitor, v.id)
            returningVisitors[v.name.lowercased()] = ReturningVisitor(name: v.name, company: v.company, lastHost: v.host, lastVisit: v.expectedAt)
        case .confirmVisitor(let id, let at):
            visitors[id]?.status = .confirmed; visitors[id]?.confirmedAt = at
        case .visitorArrived(let id, let at):
            visitors[id]?.status = .arrived; visitors[id]?.arrivedAt = at
        case .confirmIdentity(let id, let n, _):
            visitors[id]?.idNumber = n
        case .checkInVisitor(let id, let codes, let idNumber, let at):
            guard var v = visitors[id] else { return }
            if v.arrivedAt == nil { v.arrivedAt = at }
            v.checkedInAt = at
            v.status = .onSite
            v.badges += codes
            v.badgesOut = codes
            if let n = idNumber?.trimmingCharacters(in: .whitespaces).nilIfBlank { v.idNumber = n }
            visitors[id] = v
            for c in codes { badges[c] = Badge(id: c, state: .issued, visitorID: id, issuedAt: at) }
        case .checkOutVisitor(let id, let at, let lost):
            guard var v = visitors[id] else { return }
            v.leftAt = at
            for c in lost { badges[c] = Badge(id: c, state: .lost, visitorID: id, issuedAt: badges[c]?.issuedAt) }
            v.badgesOut.removeAll { lost.contains($0) }
            v.status = v.badgesOut.isEmpty ? .closed : .left
            visitors[id] = v
        case .returnBadges(let id, let codes, _):
            guard var v = visitors[id] else { return }
            for c in codes { badges[c] = Badge(id: c) }
            v.badgesOut.removeAll { codes.contains($0) }
            if v.badgesOut.isEmpty && v.status == .left { v.status = .closed }
            visitors[id] = v
        case .cancelVisitor(let id, _):
            visitors[id]?.status = .cancelled
        case .visitorNoShow(let id, _):
            visitors[id]?.status = .noShow
        case .recordOutcome(let id, let text, _):
            visitors[id]?.outcome = text
        case .undoCheckIn(let id, _):
            guard var v = visitors[id] else { return }
            for c in v.badgesOut { badges[c] = Badge(id: c) }
            v.badges.removeAll { v.badgesOut.contains($0) }
            v.badgesOut = []
            v.checkedInAt = nil
            v.status = .arrived
            visitors[id] = v
        case .addToWatchList(let w):
            watchList.append(w)
        case .removeFromWatchList(let n, let idNumber):
            watchList.removeAll { $0.name == n && $0.idNumber == idNumber }
        case .decideWatch(let id, let d):
            visitors[id]?.watchDecision = d
        default:
            break
        }
    }
}

// MARK: Change builders shared by the CLI and the dashboard's forms

/// What happened to the badges when a visitor left.
public enum BadgeReturn: String, Sendable, CaseIterable {
    /// Handed back at the desk: recorded in the same write as the check-out.
    case returned
    /// Lost: recorded lost, never flagged as out again.
    case lost
    /// Taken away: stays out and flagged until it comes back.
    case kept
}

extension OfficeState {
    /// The check-in of `visitorID`: the badges given, or free ones from the pool when none is given;
    /// with `confirmNewIdentity`, a number that differs from the registered one is recorded first
    /// (its own journal record, so the correction is audited). Throws when the visitor is unknown or
    /// no badge is free.
    public func checkIn(visitorID: String, badges given: [String], idNumber: String?, confirmNewIdentity: Bool = false,
                        _ ctx: RuleContext) throws(Refusal) -> [Change] {
        let v = try visitor(visitorID)
        var codes = given
        if codes.isEmpty {
            guard let free = freeBadges(v.headCount) else {
                throw .rule("No free badge for \(v.headCount) visitor(s): every badge is out (frontdesk badge list).", zh: "没有足够的空闲访客证发给 \(v.headCount) 位访客：所有访客证都已发出（frontdesk badge list）。")
            }
            codes = free
        }
        var out: [Change] = []
        if confirmNewIdentity, let n = idNumber?.trimmingCharacters(in: .whitespaces).nilIfBlank, n != v.idNumber {
            out.append(.confirmIdentity(visitorID: visitorID, idNumber: n, at: ctx.now))
        }
        out.append(.checkInVisitor(visitorID: visitorID, badges: codes, idNumber: idNumber, at: ctx.now))
        return out
    }

    /// The check-out of `visitorID` and, when the badges were handed back, their return in the same write.
    public func checkOut(visitorID: String, badges: BadgeReturn, _ ctx: RuleContext) throws(Refusal) -> [Change] {
        let v = try visitor(visitorID)
        var out: [Change] = [.checkOutVisitor(visitorID: visitorID, at: ctx.now, lostBadges: badges == .lost ? v.badgesOut : [])]
        if badges == .returned && !v.badgesOut.isEmpty { out.append(.returnBadges(visitorID: visitorID, badges: v.badgesOut, at: ctx.now)) }
        return out
    }

    /// Free badges in pool order (B001, B002, … B010), for a check-in that names none; nil when too few are free.
    public func freeBadges(_ count: Int) -> [String]? {
        let free = badges.values.filter { $0.state == .available }.map(\.id).sorted { a, b in (a.count, a) < (b.count, b) }
        return free.count >= count ? Array(free.prefix(count)) : nil
    }
}

// MARK: Flags

extension OfficeState {
    /// What is due on a visit now: confirmation, lateness, a long lobby wait, a lead's watch-list
    /// decision, badges out after the day's end or lost.
    public func flags(of v: Visitor, at now: Date, _ s: StoreSettings, calendar: Calendar) -> [DueFlag] {
        var f: [DueFlag] = []
        switch v.status {
        case .expected:
            f.append(now >= v.receivedAt.addingTimeInterval(s.visitorConfirmWithin) ? .confirmOverdue : .confirmDue)
            if now >= v.expectedAt.addingTimeInterval(s.lobbyWaitLimit) { f.append(.late) }
        case .confirmed:
            if now >= v.expectedAt.addingTimeInterval(s.lobbyWaitLimit) { f.append(.late) }
        case .arrived:
            if let a = v.arrivedAt, now >= a.addingTimeInterval(s.lobbyWaitLimit) { f.append(.waitOverdue) }
        case .onSite:
            if !v.badgesOut.isEmpty, let end = dayEnd(of: v.checkedInAt ?? v.expectedAt, s, calendar), now >= end {
                f.append(.badgeOverdue)
            }
        case .left:
            if !v.badgesOut.isEmpty { f.append(.badgeOverdue) }
        default:
            break
        }
        if [.expected, .confirmed, .arrived].contains(v.status), v.watchDecision == nil, watchMatch(v, idNumber: nil) != nil {
            f.append(.watchDecisionDue)
        }
        if v.badges.contains(where: { badges[$0]?.state == .lost && badges[$0]?.visitorID == v.id }) { f.append(.badgeLost) }
        return f.sorted()
    }

    /// The office's day end (`dayEndHour`) on the day of `d`, from which badges still out are overdue.
    func dayEnd(of d: Date, _ s: StoreSettings, _ cal: Calendar) -> Date? {
        cal.date(bySettingHour: s.dayEndHour, minute: 0, second: 0, of: d)
    }
}

extension String {
    /// nil for an empty or blank string.
    var nilIfBlank: String? { trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : self }
}
