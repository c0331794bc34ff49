import Foundation
import FrontDeskKit

/// What a committed change did, in the office's words, for the line the CLI prints on stderr
/// ("Stock count recorded for K677: …", not the audit trail's "stock.adjust K677").
/// It is asked after the commit, so names, on-hand counts and statuses are the store's current ones.
enum ChangeWords {
    /// The sentence in the reader's language (``ReaderLanguage``: `LC_ALL`, `LC_MESSAGES`, `LANG`).
    static func done(_ change: Change, in store: Store, chinese: Bool = ReaderLanguage.isChinese()) -> String {
        chinese ? ChineseChangeWords.done(change, in: store) : english(change, in: store)
    }

    static func english(_ change: Change, in store: Store) -> String {
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
            if status == .approved, let a = s.approvals[id], a.type == .scrap, let tag = a.asset, s.assets[tag]?.state == .scrapped {
                return "\(id) is approved; asset \(tag) is scrapped and off the books."
            }
            return "\(id) is \(status?.rawValue ?? "decided")."
        case .document(let c): return DocumentWords.done(c, in: store, chinese: false)
        case .addDepartment(let d): return "Department \(d.name) added\(d.head.map { ", headed by \(s.displayName($0))" } ?? "")."
        case .addPerson(let p): return "\(p.name) (\(p.login)) added\(p.department.map { " to \($0)" } ?? "")."
        case .addAsset(let a):
            return "Asset \(a.tag) (\(a.model)) added to the ledger: \(a.department), \(a.location)\(a.holder.map { ", held by \(s.displayName($0))" } ?? ""), cost \(Cents.text(a.costCents))\(a.purchaseID.map { ", received on purchase \($0)" } ?? "")."
        case .moveAsset(let tag, let t):
            return "Asset \(tag) moved: \(t.toDepartment), \(t.toLocation), \(t.toHolder.map { "held by \(s.displayName($0))" } ?? "no holder"), \(t.toState.rawValue)."
        case .reportAssetFault(let tag, let r):
            return "Fault of \(tag) recorded (\(r.fault)); it is under repair. Send it with: frontdesk asset repair \(tag) --to VENDOR"
        case .sendAssetToRepair(let tag, let to, _): return "Asset \(tag) sent to \(to) for repair."
        case .assetBack(let tag, let work, let cost, _):
            return "Asset \(tag) is back from repair (\(work), \(Cents.text(cost))); it is \(s.assets[tag]?.state.rawValue ?? "back")."
        case .recordAssetCount(let c):
            let r = s.assetCountResult(c)
            return "Asset count \(c.id) of \(c.location) recorded: \(r.matched.count) matched, \(r.missing.count) missing, \(r.unexpected.count) unexpected, \(r.misplaced.count) misplaced\(r.open.isEmpty ? "; the books match the floor." : "; settle each with: frontdesk asset settle \(c.id) TAG --as KIND --reason TEXT")"
        case .settleAssetCount(let id, let st):
            let left = s.assetCounts[id].map { s.assetCountResult($0).open.count } ?? 0
            return "\(st.tag) settled as \(st.kind.rawValue) in count \(id)\(left == 0 ? "; the books match the floor." : "; \(left) difference(s) still open.")"
        case .receiveParcel(let p):
            return "Parcel \(p.id) (\(p.carrier) \(p.tracking)) for \(p.person.map { s.displayName($0) } ?? p.department ?? "?") is on shelf \(p.shelf ?? "–")."
        case .collectParcel(let id, let who, _): return "Parcel \(id) collected by \(who)."
        case .returnParcel(let id, let reason, _): return "Parcel \(id) returned to the sender (\(reason))."
        case .sendParcel(let p):
            return "Parcel \(p.id) sent by \(p.person.map { s.displayName($0) } ?? "?") via \(p.carrier) \(p.tracking), \(Cents.text(p.costCents ?? 0)) charged to \(p.department ?? "?")."
        case .postNotice(let n):
            let who = n.audience.isEmpty ? "everyone" : n.audience.joined(separator: ", ")
            return "Notice \(n.id) (\(n.title)) posted for \(who) until \(Clock.dayHM(n.endsAt, tz)); \(s.audienceMembers(n).count) people to acknowledge it."
        case .acknowledgeNotice(let id, let a):
            let left = s.notices[id].map { s.pendingAcknowledgements($0).count } ?? 0
            return "\(s.displayName(a.by)) acknowledged notice \(id)\(a.recordedBy.map { " (recorded by \(s.displayName($0)))" } ?? ""); \(left) still to acknowledge."
        case .leaveNoticeFeedback(let id, let f): return "Feedback from \(s.displayName(f.by)) on notice \(id) recorded for its poster."
        case .endNotice(let id, let at): return "Notice \(id) ended at \(Clock.dayHM(at, tz)); it is no longer shown."
        case .fileArchive(let f): return "\(f.title) filed as \(f.id) (\(f.department), \(f.category)) at \(f.location)."
        case .lendArchive(let l):
            return "\(l.fileID) lent to \(s.displayName(l.borrower)) as loan \(l.id), due back \(Clock.dayHM(l.due, tz))."
        case .requestArchiveLoan(let l, let a):
            return "\(l.fileID) is confidential: loan \(l.id) to \(s.displayName(l.borrower)) waits for approval \(a.id) (\(a.approvers.isEmpty ? "any approver" : approvers(a, s))); the file goes out when it is approved."
        case .returnArchive(let id, _, _, _):
            guard let l = s.loans[id] else { return "Loan \(id) returned." }
            if l.status == .incomplete { return "\(l.fileID) is back from loan \(id) but incomplete: \(l.missing ?? "") missing; it stays flagged until a complete count." }
            return "\(l.fileID) is back from loan \(id), complete."
        case .setStaffTemplate(let t):
            return "Joiners of \(t.department) now get: \(t.items.map(\.name).joined(separator: ", "))."
        case .openStaffChecklist(let c):
            let items = c.items.map { "\($0.id) \($0.name)" }.joined(separator: ", ")
            return c.direction == .joining
                ? "Joining checklist \(c.id) opened for \(s.displayName(c.person)) (\(c.department)), starting \(Clock.day(c.day, tz)): \(items)."
                : "Leaving checklist \(c.id) opened for \(s.displayName(c.person)), last day \(Clock.day(c.day, tz)): \(items) to come back."
        case .settleStaffItem(let cid, let iid, let st):
            let name = s.staff[cid]?.items.first { $0.id == iid }?.name ?? iid
            let left = s.staff[cid]?.openItems.count ?? 0
            let what = st.asset.map { " (asset \($0)\(st.transfer.map { t in t.toHolder.map { " now held by \(s.displayName($0))" } ?? " back in store at \(t.toLocation)" } ?? ""))" } ?? ""
            let kit = st.move.map { " (\(-$0.quantity) × \($0.sku) issued from stock as \($0.id))" } ?? ""
            return "\(name) \(st.state == .issued ? "issued" : "recovered") on \(cid)\(what)\(kit); \(left == 0 ? "every item is settled: frontdesk staff close \(cid)" : "\(left) still open")."
        case .requestStaffWriteOff(let cid, let iid, let a):
            let name = s.staff[cid]?.items.first { $0.id == iid }?.name ?? iid
            return "\(name) on \(cid) waits for write-off approval \(a.id) (\(a.approvers.isEmpty ? "any approver" : approvers(a, s))); the decision settles it."
        case .closeStaffChecklist(let cid, _, _):
            return "Checklist \(cid) of \(s.staff[cid].map { s.displayName($0.person) } ?? "?") closed."
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

/// What a committed change did, in Chinese, sentence for sentence with ``ChangeWords``: the
/// office's words of the dashboard (会议室、访客证、领用、审批…); ids, logins and commands stay as typed.
enum ChineseChangeWords {
    static func done(_ change: Change, in store: Store) -> String {
        let s = store.state, tz = store.env.timeZone, limits = store.meta.settings
        switch change {
        case .grantRole(let user, let role): return "\(user) 现在拥有\(ZH.role(role))角色。"
        case .revokeRole(let user, let role): return "\(user) 不再拥有\(ZH.role(role))角色。"
        case .changeSetting(let key, let value): return value.isEmpty ? "\(key) 已清除。" : "\(key) 现在为 \(value)。"
        case .addRoom(let r): return "已添加会议室 \(r.name)，编号 \(r.id)（\(r.capacity) 座）。"
        case .setRoomOutOfService(let id, let p):
            return "\(room(id, s)) 在 \(Clock.dayHM(p.start, tz)) – \(Clock.dayHM(p.end, tz)) 停用：\(p.reason)。"
        case .bookMeetings(let ms):
            guard let m = ms.first else { return "没有预订任何会议。" }
            if ms.count > 1 { return "已预订 \(ms.count) 次会议：\(ms.map(\.id).joined(separator: " "))。" }
            let booked = "\(m.title) 已\(m.status == .requested ? "申请" : "预订")\(room(m.roomID, s))，\(ChangeWords.span(m.start, m.end, tz))，编号 \(m.id)"
            guard m.status == .requested else { return booked + "。" }
            return booked + "；请在 \(Clock.dayHM(m.requestedAt.addingTimeInterval(limits.meetingConfirmWithin), tz)) 前确认。"
        case .setMeetingStatus(let id, let status, _):
            return "\(meeting(id, s))\(sentence(status))。"
        case .recordMinutes(let id, _, _): return "\(id) 的纪要已登记；发送命令：frontdesk meeting send \(id)"
        case .addActionItem(let id, let item):
            return "已为 \(id) 添加待办 \(item.id)，负责人 \(s.displayName(item.owner))，截止 \(Clock.day(item.due, tz))。"
        case .completeActionItem(let id, let item, _): return "\(id) 的待办 \(item) 已完成。"
        case .moveMeeting(let id, let start, let end, let roomID):
            return "\(meeting(id, s))已改到 \(ChangeWords.span(start, end, tz))，\(room(roomID, s))。"
        case .inviteGuest(let id, let g): return "已邀请 \(g.name) 参加\(meeting(id, s))。"
        case .recordGuestReply(let id, let name, let reply, _):
            return "\(name) \(reply == .accepted ? "接受" : reply == .declined ? "谢绝" : "尚未回复")了\(meeting(id, s))的邀请。"
        case .reviewMinutes(let id, let by, _):
            return "\(meeting(id, s))的纪要已由 \(s.displayName(by)) 审阅；发送命令：frontdesk meeting send \(id)"
        case .checkPreparation(let id, let items, _, _): return preparation(id, ticked: items, s)
        case .releaseUnclaimedRoom(let id, let at, let user):
            return "\(meeting(id, s))未按时签到：会议室已于 \(Clock.hm(at, tz)) 释放，记为未到场（由 \(s.displayName(user)) 发现）。"
        case .addBadges(let codes): return "已添加访客证：\(codes.joined(separator: " "))。"
        case .addVisitor(let v):
            return "已登记预约 \(v.id)：\(v.name)，\(Clock.dayHM(v.expectedAt, tz))，接待人 \(s.displayName(v.host))；请在 \(Clock.hm(v.receivedAt.addingTimeInterval(limits.visitorConfirmWithin), tz)) 前确认。"
        case .confirmVisitor(let id, _): return "\(visitor(id, s))的来访已确认。"
        case .visitorArrived(let id, _): return "\(visitor(id, s))正在大厅等候。"
        case .confirmIdentity(let id, let number, _):
            return "\(visitor(id, s))的证件号码已按证件改为 \(Visitor.mask(number))；此项更改已记入审计。"
        case .checkInVisitor(let id, let badges, _, _): return "\(visitor(id, s))已登记入内，访客证 \(badges.joined(separator: " "))。"
        case .checkOutVisitor(let id, _, let lost):
            return "\(visitor(id, s))已离开" + (lost.isEmpty ? "。" : "；访客证 \(lost.joined(separator: " ")) 登记为遗失。")
        case .returnBadges(let id, let badges, _): return "已收回\(visitor(id, s))的访客证 \(badges.joined(separator: " "))。"
        case .cancelVisitor(let id, _): return "\(visitor(id, s))的来访已取消。"
        case .visitorNoShow(let id, _): return "\(visitor(id, s))已记为未到场。"
        case .recordOutcome(let id, _, _): return "\(visitor(id, s))的来访结果已登记。"
        case .undoCheckIn(let id, _): return "已撤销\(visitor(id, s))的登记；访客证已空出。"
        case .addToWatchList(let w): return "\(w.name ?? "该证件号码")已加入关注名单。"
        case .removeFromWatchList(let name, _): return "\(name ?? "该证件号码")已移出关注名单。"
        case .decideWatch(let id, let d): return "关注名单核查后，\(visitor(id, s))\(d.allowed ? "准许进入" : "被拒绝进入")。"
        case .addItem(let i): return "已添加物品 \(i.sku)（\(i.name)）；补货点 \(i.reorderAt)，目标库存 \(i.target) \(i.unit)。"
        case .moveStock(let m): return stock(m, s)
        case .requestPurchase(let p, let a): return "已提交采购申请 \(p.id)（\(String(format: "%.2f", p.amount))），等待审批 \(a.id)。"
        case .addDemand(let d): return "已登记需求 \(d.id)：\(d.department) \(d.month) 需要 \(d.sku) \(d.quantity) \(ChangeWords.unit(d.sku, s))。"
        case .requestApproval(let a): return "审批申请 \(a.id)（\(ZH.type(a.type))）已提交给 \(approvers(a, s))。"
        case .decideApproval(let id, let d):
            let status = s.approvals[id]?.status
            if status == .pending { return "您对 \(id) 的\(d.verdict == .approve ? "批准" : "决定")已记录；仍在等待其他审批人。" }
            if status == .approved, let a = s.approvals[id], a.type == .scrap, let tag = a.asset, s.assets[tag]?.state == .scrapped {
                return "\(id) 已批准；资产 \(tag) 已报废并销账。"
            }
            return "\(id) \(status.map { ZH.status($0) } ?? "已处理")。"
        case .document(let c): return DocumentWords.done(c, in: store, chinese: true)
        case .addDepartment(let d): return "已添加部门 \(d.name)\(d.head.map { "，负责人 \(s.displayName($0))" } ?? "")。"
        case .addPerson(let p): return "已添加 \(p.name)（\(p.login)）\(p.department.map { "到\($0)" } ?? "")。"
        case .addAsset(let a):
            return "资产 \(a.tag)（\(a.model)）已登记入账：\(a.department)，\(a.location)\(a.holder.map { "，使用人 \(s.displayName($0))" } ?? "")，原值 \(Cents.text(a.costCents))\(a.purchaseID.map { "，采购单 \($0) 到货" } ?? "")。"
        case .moveAsset(let tag, let t):
            return "资产 \(tag) 已调拨：\(t.toDepartment)，\(t.toLocation)，\(t.toHolder.map { "使用人 \(s.displayName($0))" } ?? "无使用人")，\(ZH.words(t.toState.rawValue))。"
        case .reportAssetFault(let tag, let r):
            return "已登记 \(tag) 的故障（\(r.fault)），进入维修。送修请运行：frontdesk asset repair \(tag) --to 维修方"
        case .sendAssetToRepair(let tag, let to, _): return "资产 \(tag) 已送 \(to) 维修。"
        case .assetBack(let tag, let work, let cost, _):
            return "资产 \(tag) 已修回（\(work)，\(Cents.text(cost))）；现为\(ZH.words(s.assets[tag]?.state.rawValue ?? "in-use"))。"
        case .recordAssetCount(let c):
            let r = s.assetCountResult(c)
            return "资产盘点 \(c.id)（\(c.location)）已登记：相符 \(r.matched.count)，盘亏 \(r.missing.count)，盘盈 \(r.unexpected.count)，位置不符 \(r.misplaced.count)\(r.open.isEmpty ? "；账实相符。" : "；请逐项处理：frontdesk asset settle \(c.id) 标签 --as 方式 --reason 原因")"
        case .settleAssetCount(let id, let st):
            let left = s.assetCounts[id].map { s.assetCountResult($0).open.count } ?? 0
            return "盘点 \(id) 中 \(st.tag) 已按 \(st.kind.rawValue) 处理\(left == 0 ? "；账实相符。" : "；尚有 \(left) 项差异未处理。")"
        case .receiveParcel(let p):
            return "包裹 \(p.id)（\(p.carrier) \(p.tracking)）收件人 \(p.person.map { s.displayName($0) } ?? p.department ?? "?")，放在 \(p.shelf ?? "–") 号架。"
        case .collectParcel(let id, let who, _): return "包裹 \(id) 已由 \(who) 领取。"
        case .returnParcel(let id, let reason, _): return "包裹 \(id) 已退回寄件人（\(reason)）。"
        case .sendParcel(let p):
            return "包裹 \(p.id) 已寄出：寄件人 \(p.person.map { s.displayName($0) } ?? "?")，\(p.carrier) \(p.tracking)，费用 \(Cents.text(p.costCents ?? 0)) 计入 \(p.department ?? "?")。"
        case .postNotice(let n):
            let who = n.audience.isEmpty ? "全体人员" : n.audience.joined(separator: "、")
            return "通知 \(n.id)（\(n.title)）已发给\(who)，显示至 \(Clock.dayHM(n.endsAt, tz))；需 \(s.audienceMembers(n).count) 人阅知。"
        case .acknowledgeNotice(let id, let a):
            let left = s.notices[id].map { s.pendingAcknowledgements($0).count } ?? 0
            return "\(s.displayName(a.by)) 已阅通知 \(id)\(a.recordedBy.map { "（由 \(s.displayName($0)) 代为登记）" } ?? "")；尚有 \(left) 人未阅。"
        case .leaveNoticeFeedback(let id, let f): return "\(s.displayName(f.by)) 对通知 \(id) 的反馈已记录，发布人可查看。"
        case .endNotice(let id, let at): return "通知 \(id) 已于 \(Clock.dayHM(at, tz)) 结束，不再显示。"
        case .fileArchive(let f): return "\(f.title) 已归档为 \(f.id)（\(f.department)，\(f.category)），存放于 \(f.location)。"
        case .lendArchive(let l):
            return "\(l.fileID) 已借给 \(s.displayName(l.borrower))（借阅 \(l.id)），应于 \(Clock.dayHM(l.due, tz)) 归还。"
        case .requestArchiveLoan(let l, let a):
            return "\(l.fileID) 为机密档案：借给 \(s.displayName(l.borrower)) 的借阅 \(l.id) 等待审批 \(a.id)（\(a.approvers.isEmpty ? "任一审批人" : approvers(a, s))）；批准后档案即借出。"
        case .returnArchive(let id, _, _, _):
            guard let l = s.loans[id] else { return "借阅 \(id) 已归还。" }
            if l.status == .incomplete { return "\(l.fileID) 已随借阅 \(id) 归还，但不完整：缺 \(l.missing ?? "")；在补齐前保持标记。" }
            return "\(l.fileID) 已随借阅 \(id) 完整归还。"
        case .setStaffTemplate(let t):
            return "\(t.department) 的入职人员今后发放：\(t.items.map(\.name).joined(separator: "、"))。"
        case .openStaffChecklist(let c):
            let items = c.items.map { "\($0.id) \($0.name)" }.joined(separator: "、")
            return c.direction == .joining
                ? "已为 \(s.displayName(c.person))（\(c.department)）建立入职清单 \(c.id)，\(Clock.day(c.day, tz)) 入职：\(items)。"
                : "已为 \(s.displayName(c.person)) 建立离职清单 \(c.id)，最后工作日 \(Clock.day(c.day, tz))：须收回 \(items)。"
        case .settleStaffItem(let cid, let iid, let st):
            let name = s.staff[cid]?.items.first { $0.id == iid }?.name ?? iid
            let left = s.staff[cid]?.openItems.count ?? 0
            let what = st.asset.map { "（资产 \($0)\(st.transfer.map { t in t.toHolder.map { "，现由 \(s.displayName($0)) 使用" } ?? "，已入库于 \(t.toLocation)" } ?? "")）" } ?? ""
            let kit = st.move.map { "（已从库存领用 \(-$0.quantity) × \($0.sku)，单号 \($0.id)）" } ?? ""
            return "\(cid) 的 \(name) 已\(st.state == .issued ? "发放" : "收回")\(what)\(kit)；\(left == 0 ? "所有项目均已完成：frontdesk staff close \(cid)" : "尚有 \(left) 项未完成")。"
        case .requestStaffWriteOff(let cid, let iid, let a):
            let name = s.staff[cid]?.items.first { $0.id == iid }?.name ?? iid
            return "\(cid) 的 \(name) 等待核销审批 \(a.id)（\(a.approvers.isEmpty ? "任一审批人" : approvers(a, s))）；审批结果即处理该项。"
        case .closeStaffChecklist(let cid, _, _):
            return "\(s.staff[cid].map { s.displayName($0.person) } ?? "?") 的清单 \(cid) 已关闭。"
        }
    }

    /// "K677 盘点已登记：GLUE 实盘 5 支，账面 7，差异 −2（损坏）。"
    static func stock(_ m: StockMove, _ s: OfficeState) -> String {
        let u = ChangeWords.unit(m.sku, s), left = s.onHand[m.sku, default: 0]
        switch m.kind {
        case .receive:
            let rejected = (m.rejectedQuantity ?? 0) > 0 ? "，拒收 \(m.rejectedQuantity ?? 0)" : ""
            return "\(m.id) 入库已登记：\(m.sku) \(m.quantity) \(u) 验收入库\(rejected)；现有 \(left)。"
        case .issue:
            return "\(m.id) 领用已登记：\(m.sku) \(-m.quantity) \(u) 领给 \(m.department ?? "?")，签收人 \(m.recipient ?? "?")；剩余 \(left)。"
        case .returned:
            return "\(m.id) 退还已登记：\(m.department ?? "?") 退回 \(m.sku) \(m.quantity) \(u)；现有 \(left)。"
        case .adjust:
            let counted = m.countedQuantity ?? left
            return "\(m.id) 盘点已登记：\(m.sku) 实盘 \(counted) \(u)，账面 \(counted - m.quantity)，差异 \(ChangeWords.signed(m.quantity))\(m.reason.map { "（\($0)）" } ?? "")。"
        case .writeOff:
            return "\(m.id) 报损已登记：\(m.sku) \(-m.quantity) \(u)\(m.reason.map { "（\($0)）" } ?? "")；剩余 \(left)。"
        }
    }

    static func preparation(_ id: String, ticked: [String], _ s: OfficeState) -> String {
        guard let m = s.meetings[id] else { return "\(meeting(id, s))：已勾选 \(ticked.joined(separator: "、"))。" }
        let open = m.uncheckedItems
        if open.isEmpty && m.status == .roomChecked { return "\(meeting(id, s))\(sentence(.roomChecked))。" }
        let left = open.isEmpty ? "" : "；尚待检查：\(open.joined(separator: "、"))"
        return "\(meeting(id, s))：已勾选 \(ticked.joined(separator: "、"))\(left)。"
    }

    /// Meeting statuses as a sentence's end: "会议 M4（评审）已召开，会议室已签到".
    static func sentence(_ status: MeetingStatus) -> String {
        switch status {
        case .prepared: "已准备：已通知参会人，材料已备齐"
        case .roomChecked: "已检查会议室并测试设备"
        case .held: "已召开，会议室已签到"
        case .minutesDrafted: "纪要草稿已写好"
        case .minutesSent: "纪要已发送"
        case .cancelled: "已取消，会议室已空出"
        case .noShow: "已记为未到场"
        default: "现为“\(ZH.status(status))”"
        }
    }

    static func room(_ id: String, _ s: OfficeState) -> String { s.rooms[id]?.name ?? id }
    static func meeting(_ id: String, _ s: OfficeState) -> String { s.meetings[id].map { "会议 \(id)（\($0.title)）" } ?? "会议 \(id)" }
    static func visitor(_ id: String, _ s: OfficeState) -> String { s.visitors[id].map { "\($0.name)（\(id)）" } ?? "访客 \(id)" }
    static func approvers(_ a: ApprovalRequest, _ s: OfficeState) -> String {
        a.approvers.isEmpty ? "（尚无审批人）" : a.approvers.map { ZH.step($0, s) }.joined(separator: "，再由")
    }
}
