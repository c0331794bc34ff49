import Foundation

/// The reception process: confirm an appointment within 1 h, check identity and issue one badge per
/// head on arrival, take every badge back when they leave (or flag it at day end).
extension OfficeState {
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

    func validateNewVisitor(_ v: Visitor) throws(Refusal) {
        try requireText(v.name, "visitor's name"); try requireText(v.host, "host")
        if v.headCount < 1 { throw .invalid("Head count must be at least 1 (got \(v.headCount)).") }
        if v.headCount > 200 { throw .invalid("Head count \(v.headCount) is more than a lobby can take; split the group.") }
        if visitors[v.id] != nil { throw .rule("Visitor id \(v.id) exists already.") }
    }

    /// Badges must be available; a group gets one per head; a badge out with someone else names them.
    /// The watch-list entry a visitor matches, by name or identity number.
    public func watchMatch(_ v: Visitor, idNumber: String?) -> WatchEntry? {
        watchList.first { $0.matches(name: v.name, idNumber: idNumber ?? v.idNumber) }
    }

    func validateCheckIn(_ id: String, _ codes: [String], idNumber: String? = nil, timeZone tz: TimeZone) throws(Refusal) {
        let v = try visitor(id)
        if let w = watchMatch(v, idNumber: idNumber) {
            switch v.watchDecision?.allowed {
            case .some(true): break
            case .some(false): throw .rule("\(v.name) was refused entry by \(v.watchDecision?.by ?? "a lead").")
            case .none:
                throw .rule("\(v.name) matches the watch list (\(w.reason)); a lead must decide before a badge is issued: frontdesk visitor clear \(id) --allow|--deny")
            }
        }
        if v.status == .onSite { throw .rule("Visitor \(id) is already on site with badge \(v.badgesOut.joined(separator: ", ")).") }
        if ![.expected, .confirmed, .arrived].contains(v.status) {
            throw .rule("Visitor \(id) is \(v.status.rawValue); only an expected or waiting visitor can check in.")
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
                throw .rule("Badge \(c) is out with \(who) since \(b.issuedAt.map { Clock.hm($0, tz) } ?? "earlier").")
            }
        }
    }

    /// Free badges in pool order, for a check-in that names none.
    public func freeBadges(_ count: Int) -> [String]? {
        let free = badges.values.filter { $0.state == .available }.map(\.id).sorted { a, b in
            (a.count, a) < (b.count, b)
        }
        return free.count >= count ? Array(free.prefix(count)) : nil
    }

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
        if v.badges.contains(where: { badges[$0]?.state == .lost && badges[$0]?.visitorID == v.id }) { f.append(.badgeLost) }
        return f.sorted()
    }

    func dayEnd(of d: Date, _ s: StoreSettings, _ cal: Calendar) -> Date? {
        cal.date(bySettingHour: s.dayEndHour, minute: 0, second: 0, of: d)
    }
}

// MARK: Steps

extension OfficeState {
    /// The reception steps allowed from the visit's state: confirm within 1 h → arrive → identity
    /// checked and badge issued → out → badge back → outcome.
    func visitorSteps(_ v: Visitor, _ ctx: RuleContext) -> [ProcessStep] {
        let st = v.status
        let booked = st == .expected || st == .confirmed
        var out: [ProcessStep] = []
        func add(_ id: StepID, when ok: Bool, role: Role? = nil) { if ok { out.append(ProcessStep(id, role: role)) } }
        add(.visitorConfirm, when: st == .expected)
        add(.visitorArrived, when: booked)
        add(.visitorCheckIn, when: booked || st == .arrived)
        add(.visitorWatchDecision, when: watchMatch(v, idNumber: nil) != nil && v.watchDecision == nil, role: .lead)
        add(.visitorCheckOut, when: st == .onSite || st == .arrived)
        add(.visitorUndoCheckIn, when: st == .onSite, role: .lead)
        add(.visitorReturnBadges, when: !v.badgesOut.isEmpty && st == .left)
        add(.visitorOutcome, when: st == .left || st == .closed)
        add(.visitorCancel, when: booked)
        add(.visitorNoShow, when: booked && ctx.now >= v.expectedAt)
        add(.visitorAdd, when: true)
        return out
    }

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
