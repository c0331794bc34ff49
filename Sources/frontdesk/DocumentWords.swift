import Foundation
import FrontDeskKit

/// What a committed document change did, in English or Chinese (see ``ChangeWords``). A
/// confidential title is shown only to those who may read it.
enum DocumentWords {
    static func done(_ c: DocumentChange, in store: Store, chinese zh: Bool) -> String {
        let s = store.state, tz = store.env.timeZone, user = store.env.actingUser
        guard let d = s.documents[c.documentID] else { return zh ? "\(c.documentID) 已登记。" : "\(c.documentID) recorded." }
        let title = s.shownTitle(d, user: user, chinese: zh)
        let due = s.documentDue(d, store.meta.settings).map { Clock.dayHM($0, tz) } ?? ""
        let name = "\(d.id) \(d.number.map { "\($0) " } ?? "")«\(title)»"
        switch c {
        case .register:
            return zh ? "收文 \(name) 已登记；请在 \(due) 前呈送领导：frontdesk doc submit \(d.id) --leader 登录名"
                : "Incoming \(name) registered; submit it to a leader by \(due): frontdesk doc submit \(d.id) --leader LOGIN"
        case .submit(_, let leader, _, _):
            return zh ? "\(name) 已呈送 \(s.displayName(leader))，批示期限 \(due)。" : "\(name) submitted to \(s.displayName(leader)); the decision is due by \(due)."
        case .decide:
            return zh ? "\(name) 的批示已记录；请在 \(due) 前转办：frontdesk doc forward \(d.id) --to 部门"
                : "Decision on \(name) recorded; forward it by \(due): frontdesk doc forward \(d.id) --to DEPT"
        case .forward(_, let depts, _, _):
            return zh ? "\(name) 已转 \(depts.joined(separator: "、")) 办理，期限 \(due)。" : "\(name) forwarded to \(depts.joined(separator: ", ")); handle it by \(due)."
        case .handled(_, let dept, _, _, _):
            let left = d.departments.filter { $0.doneAt == nil }.map(\.to)
            if left.isEmpty { return zh ? "\(dept) 已办结 \(name)；全部办结。" : "\(dept) handled \(name); every department has handled it." }
            return zh ? "\(dept) 已办结 \(name)；待办：\(left.joined(separator: "、"))。" : "\(dept) handled \(name); still with \(left.joined(separator: ", "))."
        case .draft:
            return zh ? "发文 \(name) 已拟稿；请在 \(due) 前校对：frontdesk doc proofread \(d.id)"
                : "Outgoing \(name) drafted; proofread it by \(due): frontdesk doc proofread \(d.id)"
        case .proofread:
            return zh ? "\(name) 已校对排版；送审：frontdesk doc approval \(d.id) --approver 登录名"
                : "\(name) proofread and laid out; send it for approval: frontdesk doc approval \(d.id) --approver LOGIN"
        case .sendForApproval(_, let a, _, _):
            return zh ? "\(name) 已送审（审批 \(a.id)）；批准后印发：frontdesk doc release \(d.id)"
                : "\(name) sent for approval as \(a.id); once approved, release it: frontdesk doc release \(d.id)"
        case .release(_, let number, _, _, _, _):
            return zh ? "\(d.id) 已印发，文号 \(number)；请归档：frontdesk doc file \(d.id)" : "\(d.id) released as \(number); file it: frontdesk doc file \(d.id)"
        case .file:
            return zh ? "\(name) 已归档；分发：frontdesk doc distribute \(d.id) --to 接收方" : "\(name) filed; distribute it: frontdesk doc distribute \(d.id) --to RECIPIENT"
        case .distribute(_, let rs, _, _):
            return zh ? "\(name) 已分发给 \(rs.joined(separator: "、"))；签收期限 \(due)。" : "\(name) distributed to \(rs.joined(separator: ", ")); acknowledgements due by \(due)."
        case .acknowledge(_, let r, _, _):
            let left = d.recipients.filter { $0.doneAt == nil }.count
            return zh ? "\(r) 已签收 \(name)；尚有 \(left) 方未签收。" : "\(r) acknowledged \(name); \(left) still to acknowledge."
        }
    }
}
