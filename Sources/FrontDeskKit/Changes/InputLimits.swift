import Foundation

/// The shape every typed value must have before any rule looks at it (issue #9 "Input").
///
/// Identifiers a person types (SKU, badge, room id, login, department, identity number) are
/// 1–32 letters (any script, CJK included), digits, `-`, `_` or `.`, not dots alone: no spaces,
/// slashes, control characters or terminal escapes, so an id is safe in a file name, a column
/// and a shell word. Free text has a length cap and no control characters (notes and minutes
/// may hold line breaks and tabs). A refusal names the field and the limit, and changes nothing.
public enum InputLimits {
    public static let identifier = 32
    /// A person's, company's, room's or item's name.
    public static let name = 100
    /// A title, purpose, reason, contact or reference.
    public static let title = 200
    /// Minutes, outcomes, comments, action items: long text.
    public static let note = 20_000

    /// Checks every typed identifier and text of `change`. Throws `Refusal.invalid`.
    public static func check(_ change: Change) throws(Refusal) {
        switch change {
        case .addDepartment(let d):
            try id(d.name, "department"); try id(d.head, "department head (login)")
        case .addPerson(let p):
            try id(p.login, "login"); try text(p.name, "person's name", name)
            try id(p.department, "department"); try text(p.email, "email", title)
        case .grantRole(let user, _), .revokeRole(let user, _):
            try id(user, "user (login)")
        case .changeSetting(let key, let value):
            try text(key, "setting", title); try text(value, "setting's value", note, lines: true)
        case .addRoom(let r):
            try id(r.id, "room id"); try text(r.name, "room name", name)
            for e in r.equipment { try text(e, "equipment", name) }
        case .setRoomOutOfService(let roomID, let p):
            try id(roomID, "room id"); try text(p.reason, "reason", title)
        case .bookMeetings(let ms):
            for m in ms { try meeting(m) }
        case .setMeetingStatus(let id_, _, _), .completeActionItem(let id_, _, _):
            try id(id_, "meeting id")
        case .reviewMinutes(let mid, let by, _):
            try id(mid, "meeting id"); try id(by, "reviewer (login)")
        case .checkPreparation(let mid, let items, let by, _):
            try id(mid, "meeting id"); try id(by, "user (login)")
            for i in items { try text(i, "checklist item", name) }
        case .releaseUnclaimedRoom(let mid, _, let by):
            try id(mid, "meeting id"); try id(by, "user (login)")
        case .recordMinutes(let mid, let t, _):
            try id(mid, "meeting id"); try text(t, "minutes", note, lines: true)
        case .addActionItem(let mid, let item):
            try id(mid, "meeting id"); try text(item.text, "action text", note, lines: true); try text(item.owner, "action owner", name)
        case .moveMeeting(let mid, _, _, let roomID):
            try id(mid, "meeting id"); try id(roomID, "room id")
        case .inviteGuest(let mid, let g):
            try id(mid, "meeting id"); try text(g.name, "guest's name", name); try text(g.contact, "guest's contact", title)
        case .recordGuestReply(let mid, let guest, _, _):
            try id(mid, "meeting id"); try text(guest, "guest's name", name)
        case .addBadges(let codes):
            for c in codes { try id(c, "badge code") }
        case .addVisitor(let v):
            try visitor(v)
        case .confirmVisitor(let vid, _), .visitorArrived(let vid, _), .cancelVisitor(let vid, _), .visitorNoShow(let vid, _),
             .undoCheckIn(let vid, _):
            try id(vid, "visitor id")
        case .checkInVisitor(let vid, let badges, let idNumber, _):
            try id(vid, "visitor id"); for b in badges { try id(b, "badge code") }; try id(idNumber, "identity number")
        case .confirmIdentity(let vid, let idNumber, _):
            try id(vid, "visitor id"); try id(idNumber, "identity number")
        case .checkOutVisitor(let vid, _, let lost):
            try id(vid, "visitor id"); for b in lost { try id(b, "badge code") }
        case .returnBadges(let vid, let badges, _):
            try id(vid, "visitor id"); for b in badges { try id(b, "badge code") }
        case .recordOutcome(let vid, let t, _):
            try id(vid, "visitor id"); try text(t, "outcome", note, lines: true)
        case .addToWatchList(let w):
            try text(w.name, "name", name); try id(w.idNumber, "identity number"); try text(w.reason, "reason", title)
        case .removeFromWatchList(let n, let idNumber):
            try text(n, "name", name); try id(idNumber, "identity number")
        case .decideWatch(let vid, let d):
            try id(vid, "visitor id"); try text(d.comment, "comment", note, lines: true)
        case .addItem(let item):
            try id(item.sku, "SKU"); try text(item.name, "item name", name)
            try text(item.unit, "unit", identifier); try text(item.category, "category", name)
            for s in item.suppliers { try text(s.supplier, "supplier", name) }
        case .moveStock(let m):
            try stockMove(m)
        case .requestPurchase(let p, let approval):
            try id(p.sku, "SKU")
            for q in p.quotes { try text(q.supplier, "supplier", name); try text(q.quality, "quality", title) }
            try approvalRequest(approval)
        case .addDemand(let d):
            try id(d.department, "department"); try id(d.sku, "SKU"); try text(d.justification, "justification", note, lines: true)
        case .requestApproval(let a):
            try approvalRequest(a)
        case .decideApproval(let rid, let d):
            try id(rid, "approval id"); try text(d.comment, "comment", note, lines: true)
        case .document(let c):
            try document(c)
        case .addAsset(let a):
            try id(a.tag, "asset tag"); try text(a.category, "category", name); try text(a.model, "model", name)
            try text(a.serial, "serial number", name); try text(a.supplier, "supplier", name); try id(a.department, "department")
            try text(a.location, "location", name); try text(a.holder, "holder", name); try id(a.purchaseID, "purchase id")
        case .moveAsset(let tag, let t):
            try id(tag, "asset tag"); try id(t.toDepartment, "department"); try text(t.toLocation, "location", name)
            try text(t.toHolder, "holder", name); try text(t.reason, "reason", title)
        case .reportAssetFault(let tag, let r):
            try id(tag, "asset tag"); try text(r.fault, "fault", note, lines: true)
        case .sendAssetToRepair(let tag, let to, _):
            try id(tag, "asset tag"); try text(to, "vendor or property management", name)
        case .assetBack(let tag, let work, _, _):
            try id(tag, "asset tag"); try text(work, "work done", note, lines: true)
        case .recordAssetCount(let c):
            try text(c.location, "location", name)
            if c.found.count > 100_000 { throw .invalid("More than 100000 tags in one count; count the location in parts.", zh: "一次盘点超过 100000 个标签；请分批盘点。") }
            for t in c.found { try id(t, "asset tag") }
        case .settleAssetCount(let cid, let s):
            try id(cid, "asset count id"); try id(s.tag, "asset tag"); try text(s.reason, "reason", title)
        case .receiveParcel(let p), .sendParcel(let p):
            try text(p.carrier, "carrier", name); try id(p.tracking, "tracking number"); try text(p.person, "person", name)
            try id(p.department, "department"); try text(p.size, "size", identifier); try text(p.shelf, "shelf", identifier)
        case .collectParcel(let pid, let collector, _):
            try id(pid, "parcel id"); try text(collector, "collector's name", name)
        case .returnParcel(let pid, let reason, _):
            try id(pid, "parcel id"); try text(reason, "reason", title)
        case .postNotice(let n):
            try id(n.id, "notice id"); try text(n.title, "notice title", title); try text(n.body, "notice text", note, lines: true)
            try id(n.postedBy, "user (login)"); for d in n.audience { try id(d, "department") }
        case .acknowledgeNotice(let nid, let a):
            try id(nid, "notice id"); try id(a.by, "user (login)"); try id(a.recordedBy, "user (login)")
        case .leaveNoticeFeedback(let nid, let f):
            try id(nid, "notice id"); try id(f.by, "user (login)"); try text(f.text, "feedback", note, lines: true)
        case .endNotice(let nid, _):
            try id(nid, "notice id")
        case .fileArchive(let f):
            try archiveFile(f)
        case .lendArchive(let l):
            try archiveLoan(l)
        case .requestArchiveLoan(let l, let a):
            try archiveLoan(l); try approvalRequest(a)
        case .returnArchive(let lid, let c, let by, _):
            try id(lid, "loan id"); try id(by, "user (login)"); try text(c.missing, "what is missing", title)
        case .setStaffTemplate(let t):
            try id(t.department, "department")
            if t.items.count > 100 { throw .invalid("A template lists at most 100 items.", zh: "模板最多列出 100 项。") }
            for i in t.items { try text(i.name, "item", name); try id(i.sku, "SKU") }
        case .openStaffChecklist(let c):
            try id(c.id, "checklist id"); try text(c.person, "person", name); try id(c.department, "department")
            if c.items.count > 1_000 { throw .invalid("A checklist lists at most 1000 items.", zh: "清单最多列出 1000 项。") }
            for i in c.items { try id(i.id, "item id"); try text(i.name, "item", name); try id(i.asset, "asset tag"); try id(i.sku, "SKU") }
        case .settleStaffItem(let cid, let iid, let s):
            try id(cid, "checklist id"); try id(iid, "item id"); try text(s.note, "note", title); try id(s.asset, "asset tag")
            if let t = s.transfer { try id(t.toDepartment, "department"); try text(t.toLocation, "location", name); try text(t.toHolder, "holder", name) }
            if let m = s.move { try stockMove(m) }
        case .requestStaffWriteOff(let cid, let iid, let a):
            try id(cid, "checklist id"); try id(iid, "item id"); try approvalRequest(a)
        case .closeStaffChecklist(let cid, _, let by):
            try id(cid, "checklist id"); try id(by, "user (login)")
        }
    }

    static func meeting(_ m: Meeting) throws(Refusal) {
        try id(m.roomID, "room id"); try text(m.title, "meeting title", title)
        try text(m.organizer, "organizer", name); try text(m.chair, "chair", name)
        for a in m.attendees { try text(a, "attendee", name) }
        try text(m.goal, "goal", note, lines: true); try text(m.minutes, "minutes", note, lines: true)
        for e in m.requiredEquipment { try text(e, "equipment", name) }
        for g in m.guests ?? [] { try text(g.name, "guest's name", name); try text(g.contact, "guest's contact", title) }
    }

    static func visitor(_ v: Visitor) throws(Refusal) {
        try text(v.name, "visitor's name", name); try text(v.company, "company", name)
        try text(v.purpose, "purpose", title); try text(v.host, "host", name)
        try id(v.idNumber, "identity number"); try text(v.outcome, "outcome", note, lines: true)
        for b in v.badges { try id(b, "badge code") }
    }

    static func stockMove(_ m: StockMove) throws(Refusal) {
        try id(m.sku, "SKU"); try id(m.department, "department"); try text(m.recipient, "recipient", name)
        try text(m.reason, "reason", title); try text(m.supplier, "supplier", name); try id(m.purchaseID, "purchase id")
    }

    static func document(_ c: DocumentChange) throws(Refusal) {
        try id(c.documentID, "document id")
        switch c {
        case .register(let d), .draft(let d):
            try text(d.title, "document title", title); try text(d.sender, "sender organisation", name)
            try text(d.category, "category", name); try text(d.attachment, "attachment path", title)
            try id(d.draftedBy, "drafting department"); try text(d.number, "document number", name)
        case .submit(_, let leader, let by, _):
            try id(leader, "leader (login)"); try id(by, "user (login)")
        case .decide(_, let t, let by, _):
            try text(t, "decision", note, lines: true); try id(by, "user (login)")
        case .forward(_, let depts, let by, _):
            for d in depts { try id(d, "department") }
            try id(by, "user (login)")
        case .handled(_, let dept, let n, let by, _):
            try id(dept, "department"); try text(n, "note", note, lines: true); try id(by, "user (login)")
        case .proofread(_, let by, _), .file(_, let by, _):
            try id(by, "user (login)")
        case .sendForApproval(_, let a, let by, _):
            try approvalRequest(a); try id(by, "user (login)")
        case .release(_, let number, _, _, let by, _):
            try text(number, "document number", name); try id(by, "user (login)")
        case .distribute(_, let rs, let by, _):
            for r in rs { try text(r, "recipient", name) }
            try id(by, "user (login)")
        case .acknowledge(_, let r, let by, _):
            try text(r, "recipient", name); try id(by, "user (login)")
        }
    }

    static func archiveFile(_ f: ArchiveFile) throws(Refusal) {
        try id(f.id, "archive id"); try text(f.title, "archive title", title); try text(f.department, "department", name)
        try text(f.project, "project", name); try text(f.category, "archive category", name)
        try text(f.cabinet, "cabinet", name); try text(f.box, "box", name); try text(f.path, "path", title)
        try text(f.filedBy, "user (login)", name); try text(f.source, "source", title)
    }

    static func archiveLoan(_ l: ArchiveLoan) throws(Refusal) {
        try id(l.id, "loan id"); try id(l.fileID, "archive id"); try text(l.borrower, "borrower", name)
        try text(l.purpose, "loan purpose", title); try id(l.approvalID, "approval id")
    }

    static func approvalRequest(_ a: ApprovalRequest) throws(Refusal) {
        try text(a.title, "approval title", title); try text(a.requester, "requester", name)
        try text(a.documentRef, "document reference", title); try text(a.asset, "asset", title)
        for p in a.approvers { try text(p, "approver", name) }
    }

    // MARK: The two shapes

    /// An identifier: 1–32 letters, digits, `-`, `_`, `.`; not dots alone. Nil passes.
    public static func id(_ value: String?, _ what: String) throws(Refusal) {
        guard let value else { return }
        let scalars = value.unicodeScalars
        let allowed = scalars.allSatisfy { u in
            u.properties.isAlphabetic || u.properties.numericType == .decimal || u == "-" || u == "_" || u == "." ||
                (u.properties.generalCategory == .nonspacingMark || u.properties.generalCategory == .spacingMark)
        }
        if scalars.isEmpty || scalars.count > identifier || !allowed || scalars.allSatisfy({ $0 == "." }) {
            throw .invalid("The \(what) \(shown(value)) is not usable: an id is 1 to \(identifier) letters, digits, - _ or . (no spaces, slashes, control characters, not dots alone).", zh: "\(ZH.words(what)) \(shown(value)) 不可用：编号为 1 到 \(identifier) 个字母、数字、- _ 或 .（不能有空格、斜杠、控制字符，也不能只有点）。")
        }
    }

    /// Free text of at most `limit` characters, without control characters (`lines`: line breaks
    /// and tabs allowed). Nil passes.
    public static func text(_ value: String?, _ what: String, _ limit: Int, lines: Bool = false) throws(Refusal) {
        guard let value else { return }
        let count = value.unicodeScalars.count
        if count > limit {
            throw .invalid("The \(what) is \(count) characters long; at most \(limit) are allowed. Shorten it; nothing was saved.", zh: "\(ZH.words(what))有 \(count) 个字符，最多允许 \(limit) 个。请缩短；没有保存任何内容。")
        }
        for u in value.unicodeScalars where isControl(u) && !(lines && (u == "\n" || u == "\t" || u == "\r")) {
            throw .invalid(String(format: "The %@ holds a control character (U+%04X), which could steer a terminal; type it without. Nothing was saved.", what, u.value),
                           zh: String(format: "%@含有控制字符（U+%04X），可能干扰终端；请去掉后重新输入。没有保存任何内容。", ZH.words(what), u.value))
        }
    }

    /// C0, DEL, C1 and the bidirectional overrides (they reorder what a terminal shows).
    static func isControl(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        return v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }

    /// A value quoted for a message, control characters escaped and cut to 40 characters.
    static func shown(_ value: String) -> String {
        var out = ""
        for u in value.unicodeScalars.prefix(40) {
            out += isControl(u) ? String(format: "\\u{%X}", u.value) : String(u)
        }
        return "\"" + out + (value.unicodeScalars.count > 40 ? "…" : "") + "\""
    }
}
