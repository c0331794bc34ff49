import Foundation
import FrontDeskKit

/// The desk actions that open a form. Each is declared once in `DeskForms.swift`.
public enum FormKind: String, Sendable, CaseIterable {
    case newVisitor, checkIn, checkOut, bookRoom, issueStock, receiveStock, approve, reject
    case minutes, actionItem, actionDone, outcome, watchDecision, countStock, demand, purchase
    case moveMeeting, inviteGuest, guestReply, roomOutOfService, addRoom, newApproval, returnStock, writeOff, checkPreparation
    case docIn, docDraft, docSubmit, docDecide, docForward, docHandled, docDistribute, docAck
    case staffJoin, staffLeave, staffIssue, staffRecover, staffWriteOff
    // Page 2's other desks (declared in `PaperTrailForms.swift` and `AssetParcelForms.swift`).
    case noticePost, noticeFeedback, archiveAdd, archiveLend, archiveReturn
    case assetAdd, assetMove, assetFault, assetRepair, assetBack, assetScrap, assetCount, assetSettle
    case parcelIn, parcelCollect, parcelReturn, parcelOut
}

/// A modal form on screen: the fields of its declaration, the focused one, and the last refusal
/// (the store's reason, shown in place; what was typed is kept).
public struct DeskForm: Equatable, Sendable {
    public var kind: FormKind
    public var title: Localized
    public var fields: [TextField]
    public var focus = 0
    /// The store's refusal of the last submit, shown at the bottom of the form.
    public var refusal: String?
    /// The record the form acts on (visitor, item, request, meeting), if any.
    public var subjectID: String?
    /// The language the pickers' labels were written in (asked again when the form is saved).
    public var language: UILanguage

    public var isHalfFilled: Bool { fields.contains { $0.isEdited } }

    public enum Event: Equatable { case none, edited, submit, cancel }

    /// Reads a key through the form scope of the key table: Enter moves on (saves from the last
    /// field), Tab/Shift-Tab move, ↑/↓ choose in a picker (move elsewhere), Ctrl-S saves, Esc
    /// cancels; any other key edits the focused field.
    public mutating func handle(_ key: Key, keymap: Keymap = .defaults) -> Event {
        switch keymap.action(for: key, in: .form) {
        case .formCancel?: return .cancel
        case .formSave?: fields[focus].settleChoice(); return .submit
        case .formEnter?:
            if focus == fields.count - 1 { fields[focus].settleChoice(); return .submit }
            move(1)
        case .fieldNext?: move(1)
        case .fieldPrevious?: move(-1)
        case .choiceDown?: if !fields[focus].moveHighlight(1) { move(1) }
        case .choiceUp?: if !fields[focus].moveHighlight(-1) { move(-1) }
        default:
            return fields[focus].edit(key) ? .edited : .none
        }
        return .edited
    }

    /// Leaves the focused field (a picker settles on its choice) for the next or previous one.
    mutating func move(_ delta: Int) {
        fields[focus].settleChoice()
        focus = (focus + delta + fields.count) % fields.count
    }

    mutating func markError(_ e: FieldError) {
        guard fields.indices.contains(e.field) else { refusal = e.message.en; return }
        fields[e.field].error = e.message
        focus = e.field
    }
}

extension DeskForm {
    /// Opens the form for `kind`, pre-filled from the selected record where that helps; nil when
    /// it needs a record that is not there.
    public static func make(_ kind: FormKind, subject: String?, model: DashboardModel, strings: Strings = Strings(.en)) -> DeskForm? {
        guard let spec = kind.declaration(subject: subject, model.state, model.context, strings) else { return nil }
        return DeskForm(kind: kind, title: spec.title, fields: spec.fields, subjectID: subject, language: strings.language)
    }

    /// The texts the declaration parses, one per field; a picker's text that matches none of its
    /// choices is a field error naming a few of them.
    func values() throws -> [String] {
        try fields.enumerated().map { i, f in
            guard let v = f.resolved else {
                let some = f.choices?.prefix(6).map(\.label).joined(separator: ", ") ?? ""
                throw FieldError(field: i, message: "not one of: \(some)", zh: "不在可选范围内：\(some)")
            }
            return v
        }
    }

    /// Builds the changes this form asks for (in write order), against the latest state (the declaration is asked
    /// again, so a picker's choices are today's). Field problems throw `FieldError`; the store's
    /// own rules are checked when it is committed.
    func changes(_ s: OfficeState, _ ctx: RuleContext) throws -> [Change] {
        guard let spec = kind.declaration(subject: subjectID, s, ctx, Strings(language)) else {
            throw Refusal.invalid("\(subjectID ?? "The record") is no longer there; close the form.", zh: "\(subjectID ?? "该记录") 已不存在；请关闭表单。")
        }
        return try spec.build(try spec.parse(try values(), ctx), s, ctx)
    }

    /// The form's own change: the last one it builds (any before it is a record it needs first,
    /// such as a confirmed identity number before the check-in).
    func change(_ s: OfficeState, _ ctx: RuleContext) throws -> Change {
        guard let last = try changes(s, ctx).last else { throw Refusal.invalid("The form built no change; open it again.", zh: "表单没有生成任何变更；请重新打开。") }
        return last
    }

    /// Changes written together with the form's own (a returned badge after a check-out),
    /// computed on the state after it.
    func followUps(_ s: OfficeState, _ ctx: RuleContext) -> [Change] {
        guard let spec = kind.declaration(subject: subjectID, s, ctx, Strings(language)),
              let vs = try? values(), let draft = try? spec.parse(vs, ctx) else { return [] }
        return spec.followUps(draft, s, ctx)
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
