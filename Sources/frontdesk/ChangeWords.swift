import Foundation
import FrontDeskKit

/// What a committed change did, in the office's words, for the line the CLI prints on stderr
/// ("Stock count recorded for K677: …", not the audit trail's "stock.adjust K677").
/// It is asked after the commit, so names, on-hand counts and statuses are the store's current ones.
enum ChangeWords {
    static func done(_ change: Change, in store: Store) -> String {
        let s = store.state, tz = store.env.timeZone, limits = store.meta.settings
        switch change {
        case .grantRole(let user, let role): return "\(user) now has the \(role.rawValue) role."
        case .revokeRole(let user, let role): return "\(user) no longer has the \(role.rawValue) role."
        case .changeSetting(let key, let value): return "\(key) is now \(value.isEmpty ? "cleared" : value)."
        case .addRoom(let r): return "Room \(r.name) added as \(r.id) (\(r.capacity) seats)."
        case .setRoomOutOfService(let id, let p):
            return "\(room(id, s)) is out of service \(Clock.dayHM(p.start, tz)) – \(Clock.dayHM(p.end, tz)): \(p.reason)."
        case .bookMeetings(let ms):
            guard let m = ms.first else { return "Nothing booked." }
            if ms.count > 1 { return "Booked \(ms.count) occurrences: \(ms.map(\.id).joined(separator: " "))." }
            let booked = "\(m.title) \(m.status == .requested ? "requested" : "booked") in \(room(m.roomID, s)), \(span(m.start, m.end, tz)), as \(m.id)"
            guard m.status == .requested else { return booked + "." }
            return booked + "; confirm it by \(Clock.dayHM(m.requestedAt.addingTimeInterval(limits.meetingConfirmWithin), tz))."
        case .setMeetingStatus(let id, let status, _):
            return "\(meeting(id, s)) \(MeetingStatusWords.sentence(status))."
        case .recordMinutes(let id, _, _): return "Minutes of \(id) recorded; send them with: frontdesk meeting send \(id)"
        case .addActionItem(let id, let item):
            return "Action \(item.id) added to \(id) for \(s.displayName(item.owner)), due \(Clock.day(item.due, tz))."
        case .completeActionItem(let id, let item, _): return "Action \(item) of \(id) done."
        case .moveMeeting(let id, let start, let end, let roomID):
            return "\(meeting(id, s)) moved to \(span(start, end, tz)) in \(room(roomID, s))."
        case .inviteGuest(let id, let g): return "\(g.name) invited to \(meeting(id, s))."
        case .recordGuestReply(let id, let name, let reply, _): return "\(name) \(reply.rawValue) the invitation to \(meeting(id, s))."
        case .reviewMinutes(let id, let by, _):
            return "Minutes of \(meeting(id, s)) reviewed by \(s.displayName(by)); send them with: frontdesk meeting send \(id)"
        case .checkPreparation(let id, let items, _, _): return preparation(id, ticked: items, s)
        case .releaseUnclaimedRoom(let id, let at, let user):
            return "\(meeting(id, s)) was not claimed in time: its room was released at \(Clock.hm(at, tz)) and it is recorded as a no-show (noticed by \(s.displayName(user)))."
        case .addBadges(let codes): return "Badges added to the pool: \(codes.joined(separator: " "))."
        case .addVisitor(let v):
            return "Appointment \(v.id) recorded: \(v.name), \(Clock.dayHM(v.expectedAt, tz)), host \(s.displayName(v.host)); confirm it by \(Clock.hm(v.receivedAt.addingTimeInterval(limits.visitorConfirmWithin), tz))."
        case .confirmVisitor(let id, _): return "Visit of \(visitor(id, s)) confirmed."
        case .visitorArrived(let id, _): return "\(visitor(id, s)) is waiting in the lobby."
        case .confirmIdentity(let id, let number, _):
            return "Identity number of \(visitor(id, s)) changed to \(Visitor.mask(number)), as the document shows; the change is audited."
        case .checkInVisitor(let id, let badges, _, _): return "\(visitor(id, s)) checked in with badge \(badges.joined(separator: " "))."
        case .checkOutVisitor(let id, _, let lost):
            return "\(visitor(id, s)) checked out" + (lost.isEmpty ? "." : "; badge \(lost.joined(separator: " ")) recorded lost.")
        case .returnBadges(let id, let badges, _): return "Badge \(badges.joined(separator: " ")) back from \(visitor(id, s))."
        case .cancelVisitor(let id, _): return "Visit of \(visitor(id, s)) cancelled."
        case .visitorNoShow(let id, _): return "\(visitor(id, s)) recorded as a no-show."
        case .recordOutcome(let id, _, _): return "Outcome of the visit of \(visitor(id, s)) recorded."
        case .undoCheckIn(let id, _): return "Check-in of \(visitor(id, s)) undone; the badges are free again."
        case .addToWatchList(let w): return "\(w.name ?? "An identity number") added to the watch list."
        case .removeFromWatchList(let name, _): return "\(name ?? "The identity number") removed from the watch list."
        case .decideWatch(let id, let d): return "\(visitor(id, s)) \(d.allowed ? "allowed in" : "refused") after the watch-list check."
        case .addItem(let i): return "Item \(i.sku) (\(i.name)) added; reorder at \(i.reorderAt), target \(i.target) \(i.unit)."
        case .moveStock(let m): return stock(m, s)
        case .requestPurchase(let p, let a): return "Purchase \(p.id) requested (\(String(format: "%.2f", p.amount))); it waits for approval \(a.id)."
        case .addDemand(let d): return "Demand \(d.id) recorded: \(d.department) needs \(d.quantity) \(unit(d.sku, s)) of \(d.sku) in \(d.month)."
        case .requestApproval(let a): return "Approval request \(a.id) (\(a.type.rawValue)) sent to \(approvers(a, s))."
        case .decideApproval(let id, let d):
            let status = s.approvals[id]?.status
            if status == .pending { return "Your \(d.verdict == .approve ? "approval" : "decision") on \(id) is recorded; it still waits for another approver." }
            return "\(id) is \(status?.rawValue ?? "decided")."
        case .addDepartment(let d): return "Department \(d.name) added\(d.head.map { ", headed by \(s.displayName($0))" } ?? "")."
        case .addPerson(let p): return "\(p.name) (\(p.login)) added\(p.department.map { " to \($0)" } ?? "")."
        }
    }

    /// "Stock count recorded for K677: GLUE counted 5 stick, the books said 7, variance −2 (damaged)."
    static func stock(_ m: StockMove, _ s: OfficeState) -> String {
        let u = unit(m.sku, s), left = s.onHand[m.sku, default: 0]
        switch m.kind {
        case .receive:
            let rejected = (m.rejectedQuantity ?? 0) > 0 ? ", \(m.rejectedQuantity ?? 0) rejected" : ""
            return "Receipt recorded for \(m.id): \(m.quantity) \(u) of \(m.sku) accepted into stock\(rejected); \(left) on hand."
        case .issue:
            return "Issue recorded for \(m.id): \(-m.quantity) \(u) of \(m.sku) to \(m.department ?? "?"), signed by \(m.recipient ?? "?"); \(left) left."
        case .returned:
            return "Return recorded for \(m.id): \(m.quantity) \(u) of \(m.sku) back from \(m.department ?? "?"); \(left) on hand."
        case .adjust:
            let counted = m.countedQuantity ?? left
            return "Stock count recorded for \(m.id): \(m.sku) counted \(counted) \(u), the books said \(counted - m.quantity), variance \(signed(m.quantity))\(m.reason.map { " (\($0))" } ?? "")."
        case .writeOff:
            return "Write-off recorded for \(m.id): \(-m.quantity) \(u) of \(m.sku)\(m.reason.map { " (\($0))" } ?? ""); \(left) left."
        }
    }

    /// "Meeting M4 (Review): materials ticked; still to check: notified, room." or, once nothing is
    /// left, the room-checked sentence (ticking the last item checks the room).
    static func preparation(_ id: String, ticked: [String], _ s: OfficeState) -> String {
        guard let m = s.meetings[id] else { return "\(meeting(id, s)): \(ticked.joined(separator: ", ")) ticked." }
        let open = m.uncheckedItems
        if open.isEmpty && m.status == .roomChecked { return "\(meeting(id, s)) \(MeetingStatusWords.sentence(.roomChecked))." }
        let left = open.isEmpty ? "" : "; still to check: \(open.joined(separator: ", "))"
        return "\(meeting(id, s)): \(ticked.joined(separator: ", ")) ticked\(left)."
    }

    static func signed(_ n: Int) -> String { n > 0 ? "+\(n)" : n < 0 ? "−\(-n)" : "0" }
    static func span(_ a: Date, _ b: Date, _ tz: TimeZone) -> String { "\(Clock.dayHM(a, tz))–\(Clock.hm(b, tz))" }
    static func room(_ id: String, _ s: OfficeState) -> String { s.rooms[id]?.name ?? id }
    static func unit(_ sku: String, _ s: OfficeState) -> String { s.items[sku]?.unit ?? "units" }
    static func meeting(_ id: String, _ s: OfficeState) -> String { s.meetings[id].map { "Meeting \(id) (\($0.title))" } ?? "Meeting \(id)" }
    static func visitor(_ id: String, _ s: OfficeState) -> String { s.visitors[id].map { "\($0.name) (\(id))" } ?? "visitor \(id)" }
    static func approvers(_ a: ApprovalRequest, _ s: OfficeState) -> String {
        a.approvers.isEmpty ? "nobody yet" : a.approvers.map { s.describeStep($0) }.joined(separator: " then ")
    }
}

/// Meeting statuses in words, for messages and `--status` help.
enum MeetingStatusWords {
    static func sentence(_ status: MeetingStatus) -> String {
        switch status {
        case .prepared: "is prepared: attendees notified, materials ready"
        case .roomChecked: "has its room checked and equipment tested"
        case .held: "was held; its room is claimed"
        case .minutesDrafted: "has its minutes drafted"
        case .minutesSent: "has its minutes sent"
        case .cancelled: "is cancelled; its room is free"
        case .noShow: "is recorded as a no-show"
        default: "is \(status.rawValue)"  // requested, confirmed, closed: the name is the word
        }
    }
}
