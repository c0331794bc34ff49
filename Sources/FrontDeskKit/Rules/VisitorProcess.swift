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
        switch step {
        case .visitorConfirm:
            return st == .expected ? nil : .rule("\(who); only an appointment still awaiting confirmation can be confirmed.")
        case .visitorArrived:
            return booked ? nil : .rule("\(who); only an expected visitor can arrive.")
        case .visitorCheckIn:
            if st == .onSite { return .rule("\(who) with badge \(v.badgesOut.joined(separator: ", ")).") }
            return booked || st == .arrived ? nil : .rule("\(who); only an expected or waiting visitor can check in.")
        case .visitorWatchDecision:
            if watchMatch(v, idNumber: nil) == nil { return .rule("\(v.name) (\(v.id)) does not match the watch list.") }
            if let d = v.watchDecision { return .rule("\(displayName(d.by)) already decided on \(v.name) (\(d.allowed ? "allowed" : "refused")).") }
            return booked || st == .arrived ? nil : .rule("\(who); a watch-list decision is taken before the visitor is let in.")
        case .visitorCheckOut:
            return st == .onSite || st == .arrived ? nil : .rule("\(who), not on site or in the lobby.")
        case .visitorUndoCheckIn:
            return st == .onSite ? nil : .rule("\(who), not checked in.")
        case .visitorReturnBadges:
            if st == .onSite { return .rule("\(who); check them out, which takes the badge back.") }
            return st == .left && !v.badgesOut.isEmpty ? nil : .rule("\(v.name) (\(v.id)) has no badge out to return.")
        case .visitorOutcome:
            return st == .left || st == .closed ? nil : .rule("\(who); the outcome is recorded after the visit.")
        case .visitorCancel:
            return booked ? nil : .rule("\(who); only an expected visit can be cancelled.")
        case .visitorNoShow:
            if !booked { return .rule("\(who); only an expected visitor can be a no-show.") }
            return now >= v.expectedAt ? nil : .rule("\(v.name) is expected at \(Clock.hm(v.expectedAt, tz)); not a no-show yet.")
        default:
            return .invalid("That is not a step of a visit.")
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
            if v.idNumber == idNumber { throw .rule("\(v.name)'s identity number is already \(Visitor.mask(idNumber)); nothing to confirm.") }
        case .checkOutVisitor(let id, _, let lost):
            let v = try step(id, .visitorCheckOut)
            for b in lost where !v.badgesOut.contains(b) { throw .invalid("Badge \(b) is not out with visitor \(id).") }
        case .returnBadges(let id, let codes, _):
            let v = try step(id, .visitorReturnBadges)
            if codes.isEmpty { throw .invalid("Name the badge that came back.") }
            for b in codes where !v.badgesOut.contains(b) { throw .invalid("Badge \(b) is not out with visitor \(id).") }
        case .cancelVisitor(let id, _): _ = try step(id, .visitorCancel)
        case .visitorNoShow(let id, let at): _ = try step(id, .visitorNoShow, at: at)
        case .recordOutcome(let id, let text, _):
            _ = try step(id, .visitorOutcome)
            try requireText(text, "outcome")
        case .undoCheckIn(let id, _): _ = try step(id, .visitorUndoCheckIn)
        case .decideWatch(let id, _): _ = try step(id, .visitorWatchDecision)
        case .addToWatchList(let w):
            try requireRole(ctx, .lead, to: "change the watch list")
            if (w.name ?? "").isEmpty && (w.idNumber ?? "").isEmpty { throw .invalid("Give a name or an identity number.") }
            try requireText(w.reason, "reason")
        case .removeFromWatchList(let n, let id):
            try requireRole(ctx, .lead, to: "change the watch list")
            if !watchList.contains(where: { $0.name == n && $0.idNumber == id }) { throw .invalid("No such watch-list entry.") }
        default:
            throw .invalid("That is not a reception change.")
        }
    }

    func validateNewBadges(_ codes: [String]) throws(Refusal) {
        if codes.isEmpty { throw .invalid("No badge codes given.") }
        var seen = Set<String>()
        for c in codes {
            try requireText(c, "badge code")
            if c.count > 16 || !c.unicodeScalars.allSatisfy({ ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "-" || $0 == "_" }) {
                throw .invalid("A badge code is up to 16 letters, digits, - or _ (got \(c.debugDescription)).")
            }
            if badges[c] != nil || !seen.insert(c).inserted { throw .rule("Badge \(c) exists already.") }
        }
    }

    /// A new appointment: names, a sensible head count, and a day that has not passed.
    func validateNewVisitor(_ v: Visitor, _ ctx: RuleContext) throws(Refusal) {
        try requireText(v.name, "visitor's name"); try requireText(v.host, "host")
        if v.headCount < 1 { throw .invalid("Head count must be at least 1 (got \(v.headCount)).") }
        if v.headCount > 200 { throw .invalid("Head count \(v.headCount) is more than a lobby can take; split the group.") }
        if visitors[v.id] != nil { throw .rule("Visitor id \(v.id) exists already.") }
        // Earlier today is a walk-in registered late; an earlier day is a typing mistake.
        if v.expectedAt < ctx.env.calendar.startOfDay(for: ctx.now) {
            let tz = ctx.env.timeZone
            throw .invalid("\(Clock.dayHM(v.expectedAt, tz)) is on a day that has passed (today is \(Clock.day(ctx.now, tz))); check the date of the visit.")
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
            throw .rule("The identity number given (\(Visitor.mask(n))) differs from the one registered for \(v.name) (\(Visitor.mask(registered))). Check the document; if the new number is right, confirm it: frontdesk visitor checkin \(v.id) --id-number NUMBER --confirm-new-identity")
        }
        if ctx.settings.checkInNeedsIdentity && given == nil && v.idNumber == nil {
            throw .invalid("Check \(v.name)'s identity document and record its number (--id-number); an admin can drop this rule with: frontdesk settings set checkInNeedsIdentity no")
        }
        if let w = watchMatch(v, idNumber: given) {
            switch v.watchDecision?.allowed {
            case .some(true): break
            case .some(false): throw .rule("\(v.name) was refused entry by \(displayName(v.watchDecision?.by ?? "a lead")).")
            case .none:
                throw .rule("\(v.name) matches the watch list (\(w.reason)); a lead must decide before a badge is issued: frontdesk visitor clear \(v.id) --allow|--deny")
            }
        }
        if codes.count != v.headCount {
            throw .invalid("\(v.name) is a party of \(v.headCount): give \(v.headCount) badge(s), got \(codes.count).")
        }
        if Set(codes).count != codes.count { throw .invalid("The same badge is given twice.") }
        for c in codes {
            guard let b = badges[c] else { throw .invalid("No badge \(c) in the pool (frontdesk badge add \(c)).") }
            switch b.state {
            case .available: continue
            case .lost: throw .rule("Badge \(c) is recorded lost.")
            case .issued:
                let holder = b.visitorID.flatMap { visitors[$0] }
                let who = holder.map { "\($0.name) (\($0.id))" } ?? (b.visitorID ?? "someone")
                throw .rule("Badge \(c) is out with \(who) since \(b.issuedAt.map { Clock.hm($0, ctx.env.timeZone) } ?? "earlier").")
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
        guard let v = visitors[id] else { throw .invalid("No visitor \(id) in the open register.") }
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
                throw .rule("No free badge for \(v.headCount) visitor(s): every badge is out (frontdesk badge list).")
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
