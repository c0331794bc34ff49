import Foundation
import FrontDeskKit

/// The dashboard's one way to a user-visible string in the user's language.
///
/// Every text is a ``Localized`` pair written once where it is declared: ``Phrase/text`` for the
/// dashboard's words, ``Action/label`` and ``Action/help`` in the key table for keys and menu
/// steps, the form declarations for fields, and the `Localized` names below for the Kit's
/// statuses and flags. This type only picks the side.
public struct Strings: Sendable {
    public let language: UILanguage

    public init(_ language: UILanguage) { self.language = language }

    private var zh: Bool { language == .zhHans }

    // MARK: Panes

    /// The pane's name: "Meetings" / "会议".
    public func paneTitle(_ p: PaneID) -> String { self[p.name] }

    /// A pane's box title: "Meetings 24 · 4 overdue" / "会议 24 · 逾期 4" (no tail when
    /// `flagged` is 0).
    public func paneTitle(_ p: PaneID, count: Int, flagged: Int, _ what: Phrase) -> String {
        let head = "\(paneTitle(p)) \(count)"
        return flagged > 0 ? "\(head) · \(counted(flagged, what))" : head
    }

    /// "4 overdue" / "逾期 4"; "req 2" / "申购 2".
    public func counted(_ n: Int, _ what: Phrase) -> String {
        zh ? "\(self[what]) \(n)" : "\(n) \(self[what])"
    }

    // MARK: Locale

    /// The warning when the named locale is missing and `fallback` gives the characters instead.
    public func localeFallback(name: String, fallback: String) -> String { format(.localeFallback, name, fallback) }

    /// The warning when the named locale is missing and the screen falls back to ASCII and English.
    public func localeMissing(name: String) -> String { format(.localeMissing, name) }

    // MARK: Phrases

    public subscript(_ key: Phrase) -> String { self[key.text] }

    /// The side of `text` for this language.
    public subscript(_ text: Localized) -> String { zh ? text.zh : text.en }

    /// A phrase whose text holds `{1}`, `{2}`… filled with `args` in that order (the Chinese
    /// text may place them differently).
    public func format(_ key: Phrase, _ args: String...) -> String {
        var s = self[key]
        for (i, a) in args.enumerated() { s = s.replacingOccurrences(of: "{\(i + 1)}", with: a) }
        return s
    }

    /// "Room: 长城厅" / "会议室：长城厅" for the detail views; nil (line left out) for no value.
    public func field(_ label: Phrase, _ value: String?) -> String? { field(self[label], value) }

    /// The same with a label that is data (a person's name).
    public func field(_ label: String, _ value: String?) -> String? {
        guard let value, !value.isEmpty else { return nil }
        return label + colon + value
    }

    /// "Suppliers:" / "供应商：", over an indented list.
    public func listHeading(_ label: Phrase) -> String { self[label] + (zh ? "：" : ":") }

    private var colon: String { zh ? "：" : ": " }

    /// "45 min", "3 h", "2 d" (``Age/text(_:)``) / "45分钟", "3小时", "2天".
    public func age(_ seconds: TimeInterval) -> String {
        let en = Age.text(seconds)
        guard zh, let space = en.lastIndex(of: " ") else { return en }
        let units = ["min": "分钟", "h": "小时", "d": self[.days]]
        guard let unit = units[String(en[en.index(after: space)...])] else { return en }
        return String(en[..<space]) + unit
    }

    /// "12 d" / "12天".
    public func days(_ n: Int) -> String { zh ? "\(n)\(self[.days])" : "\(n) \(self[.days])" }

    /// A room's capacity: "16" / "16人".
    public func capacity(_ n: Int) -> String { zh ? "\(n)人" : "\(n)" }

    // MARK: Kit names

    /// "minutesDrafted" → "minutes drafted", "noShow" → "no-show": the English a desk reads.
    static func words(_ raw: String) -> String {
        if raw == "noShow" { return "no-show" }
        var out = ""
        for c in raw {
            if c.isUppercase { out += " " + c.lowercased() } else { out.append(c) }
        }
        return out
    }

    public func status(_ s: MeetingStatus) -> String { self[Self.name(s)] }

    /// The MeetingStatus as the desk says it, in both languages.
    public static func name(_ x: MeetingStatus) -> Localized {
        switch x {
        case .requested: L(Self.words(x.rawValue), "待确认")
        case .confirmed: L(Self.words(x.rawValue), "已确认")
        case .prepared: L(Self.words(x.rawValue), "已准备")
        case .roomChecked: L(Self.words(x.rawValue), "已检查会议室")
        case .held: L(Self.words(x.rawValue), "已召开")
        case .minutesDrafted: L(Self.words(x.rawValue), "纪要草稿")
        case .minutesSent: L(Self.words(x.rawValue), "纪要已发送")
        case .closed: L(Self.words(x.rawValue), "已结束")
        case .cancelled: L(Self.words(x.rawValue), "已取消")
        case .noShow: L(Self.words(x.rawValue), "未到场")
        }
    }

    public func status(_ s: VisitorStatus) -> String { self[Self.name(s)] }

    /// The VisitorStatus as the desk says it, in both languages.
    public static func name(_ x: VisitorStatus) -> Localized {
        switch x {
        case .expected: L(Self.words(x.rawValue), "预约")
        case .confirmed: L(Self.words(x.rawValue), "已确认")
        case .arrived: L(Self.words(x.rawValue), "大厅等候")
        case .onSite: L(Self.words(x.rawValue), "在访")
        case .left: L(Self.words(x.rawValue), "已离开")
        case .closed: L(Self.words(x.rawValue), "已结束")
        case .cancelled: L(Self.words(x.rawValue), "已取消")
        case .noShow: L(Self.words(x.rawValue), "未到场")
        }
    }

    public func status(_ s: ApprovalStatus) -> String { self[Self.name(s)] }

    /// The ApprovalStatus as the desk says it, in both languages.
    public static func name(_ x: ApprovalStatus) -> Localized {
        switch x {
        case .pending: L(Self.words(x.rawValue), "待审批")
        case .approved: L(Self.words(x.rawValue), "已批准")
        case .rejected: L(Self.words(x.rawValue), "已驳回")
        case .withdrawn: L(Self.words(x.rawValue), "已撤回")
        }
    }

    public func approvalType(_ t: ApprovalType) -> String { self[Self.name(t)] }

    /// The ApprovalType as the desk says it, in both languages.
    public static func name(_ x: ApprovalType) -> Localized {
        switch x {
        case .purchase: L(Self.words(x.rawValue), "采购")
        case .leave: L(Self.words(x.rawValue), "请假")
        case .overtime: L(Self.words(x.rawValue), "加班")
        case .document: L(Self.words(x.rawValue), "公文流转")
        case .scrap: L(Self.words(x.rawValue), "资产报废")
        case .archiveLoan: L(Self.words(x.rawValue), "档案借阅")
        case .writeOff: L(Self.words(x.rawValue), "离职物品核销")
        }
    }

    public func verdict(_ v: Verdict) -> String { self[Self.name(v)] }

    /// The Verdict as the desk says it, in both languages.
    public static func name(_ x: Verdict) -> Localized {
        switch x {
        case .approve: L(x.rawValue, "批准")
        case .reject: L(x.rawValue, "驳回")
        }
    }

    /// The short mark a pane shows for the flag (`!confirm` / `!确认`); nil when the pane's
    /// layout already says it (waiting for you is a section of its own).
    public func flagMark(_ f: DueFlag) -> String? { Self.mark(f).map { self[$0] } }

    /// The flag's mark in both languages; nil for ``DueFlag/waitingForYou``.
    public static func mark(_ f: DueFlag) -> Localized? {
        let (en, cn): (String, String)
        switch f {
        case .confirmDue, .confirmOverdue: (en, cn) = ("!confirm", "!确认")
        case .roomCheckDue, .roomCheckOverdue: (en, cn) = ("!check", "!检查")
        case .minutesDue, .minutesOverdue: (en, cn) = ("!minutes", "!纪要")
        case .actionOverdue: (en, cn) = ("!action", "!待办")
        case .unclaimed: (en, cn) = ("unclaimed", "未签到")
        case .guestReplyDue: (en, cn) = ("?guests", "?回复")
        case .waitOverdue: (en, cn) = ("!wait", "!久等")
        case .late: (en, cn) = ("late", "迟到")
        case .badgeOverdue: (en, cn) = ("!badge", "!还证")
        case .badgeLost: (en, cn) = ("!lost", "!证遗失")
        case .watchDecisionDue: (en, cn) = ("!lead", "!待审")
        case .belowReorder: (en, cn) = ("!reorder", "!补货")
        case .outOfStock: (en, cn) = ("!out", "!缺货")
        case .approvalOverdue: (en, cn) = ("!overdue", "!逾期")
        case .decisionOverdue: (en, cn) = ("!decision", "!批示")
        case .documentOverdue: (en, cn) = ("!overdue", "!逾期")
        case .repairOverdue: (en, cn) = ("!repair", "!久修")
        case .parcelOverdue: (en, cn) = ("!collect", "!待领")
        case .joinerOverdue: (en, cn) = ("!issue", "!待发")
        case .leaverOverdue: (en, cn) = ("!recover", "!待收")
        case .ackDue: (en, cn) = ("!read", "!待阅")
        case .loanOverdue: (en, cn) = ("!loan", "!未还")
        case .returnIncomplete: (en, cn) = ("!missing", "!缺页")
        case .retentionDue: (en, cn) = ("!review", "!鉴定")
        case .waitingForYou: return nil
        }
        return Localized(en, cn)
    }

    // MARK: Keys

    /// The action's short label, from its key-table row.
    public func actionLabel(_ id: ActionID) -> String { self[Action.row(id).label] }

    /// The action's help sentence, from its key-table row.
    public func actionHelp(_ id: ActionID) -> String { self[Action.row(id).help] }
}
