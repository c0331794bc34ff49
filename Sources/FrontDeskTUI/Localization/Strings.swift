import Foundation
import FrontDeskKit

/// UI language, chosen from LC_ALL, LC_MESSAGES, then LANG (zh* → Simplified Chinese).
public enum UILanguage: String, Sendable, CaseIterable {
    case en, zhHans

    public static func fromEnvironment(_ vars: [String: String] = ProcessInfo.processInfo.environment) -> UILanguage {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let v = vars[key], !v.isEmpty { return v.lowercased().hasPrefix("zh") ? .zhHans : .en }
        }
        return .en
    }
}

/// Every user-visible string of the dashboard, in English and Simplified Chinese.
///
/// English is the source: the ``Phrase`` raw values, the Kit's status names (raw values), the
/// flag marks below and ``Action/table`` for key labels and help. Each Chinese text is written
/// once, in the tables of this file. A missing phrase translation falls back to English.
public struct Strings: Sendable {
    public let language: UILanguage

    public init(_ language: UILanguage) { self.language = language }

    private var zh: Bool { language == .zhHans }

    // MARK: Panes

    public func paneTitle(_ p: PaneID) -> String {
        switch (p, language) {
        case (.meetings, .en): "Meetings"
        case (.visitors, .en): "Visitors"
        case (.stock, .en): "Stock"
        case (.approvals, .en): "Approvals"
        case (.meetings, .zhHans): "会议"
        case (.visitors, .zhHans): "访客"
        case (.stock, .zhHans): "库存"
        case (.approvals, .zhHans): "审批"
        }
    }

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

    // MARK: Phrases

    public subscript(_ key: Phrase) -> String {
        zh ? (Self.zhPhrases[key] ?? key.rawValue) : key.rawValue
    }

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

    public func status(_ s: MeetingStatus) -> String {
        guard zh else { return Self.words(s.rawValue) }
        return switch s {
        case .requested: "待确认"
        case .confirmed: "已确认"
        case .prepared: "已准备"
        case .roomChecked: "已检查会议室"
        case .held: "已召开"
        case .minutesDrafted: "纪要草稿"
        case .minutesSent: "纪要已发送"
        case .closed: "已结束"
        case .cancelled: "已取消"
        case .noShow: "未到场"
        }
    }

    public func status(_ s: VisitorStatus) -> String {
        guard zh else { return Self.words(s.rawValue) }
        return switch s {
        case .expected: "预约"
        case .confirmed: "已确认"
        case .arrived: "大厅等候"
        case .onSite: "在访"
        case .left: "已离开"
        case .closed: "已结束"
        case .cancelled: "已取消"
        case .noShow: "未到场"
        }
    }

    public func status(_ s: ApprovalStatus) -> String {
        guard zh else { return Self.words(s.rawValue) }
        return switch s {
        case .pending: "待审批"
        case .approved: "已批准"
        case .rejected: "已驳回"
        case .withdrawn: "已撤回"
        }
    }

    public func approvalType(_ t: ApprovalType) -> String {
        guard zh else { return Self.words(t.rawValue) }
        return switch t {
        case .purchase: "采购"
        case .leave: "请假"
        case .overtime: "加班"
        case .document: "公文流转"
        case .scrap: "资产报废"
        }
    }

    public func verdict(_ v: Verdict) -> String {
        guard zh else { return v.rawValue }
        return switch v {
        case .approve: "批准"
        case .reject: "驳回"
        }
    }

    /// The short mark a pane shows for the flag (`!confirm` / `!确认`); nil when the pane's
    /// layout already says it (waiting for you is a section of its own).
    public func flagMark(_ f: DueFlag) -> String? {
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
        case .waitingForYou: return nil
        }
        return zh ? cn : en
    }

    // MARK: Keys

    /// The action's short label: ``Action/table``'s English, or its translation.
    public func actionLabel(_ id: ActionID) -> String {
        if zh, let t = zhAction(id) { return t.label }
        return Self.action(id)?.label ?? id.rawValue
    }

    /// The action's help sentence: ``Action/table``'s English, or its translation.
    public func actionHelp(_ id: ActionID) -> String {
        if zh, let t = zhAction(id) { return t.help }
        return Self.action(id)?.help ?? ""
    }

    static func action(_ id: ActionID) -> Action? { Action.table.first { $0.id == id } }

    /// Chinese label and help per action, from dictionaries rather than an exhaustive switch so
    /// that an action added to the table falls back to English (a test lists the missing ones).
    func zhAction(_ id: ActionID) -> (label: String, help: String)? {
        switch id {
        case .pane1, .pane2, .pane3, .pane4:
            let pane: PaneID = id == .pane1 ? .meetings : id == .pane2 ? .visitors : id == .pane3 ? .stock : .approvals
            return (paneTitle(pane), "转到\(paneTitle(pane))面板。")
        case .help: return (self[.help], Self.zhActionHelp[id] ?? "")
        case .filter: return (self[.filter], Self.zhActionHelp[id] ?? "")
        default:
            guard let label = Self.zhActionLabels[id], let help = Self.zhActionHelp[id] else { return nil }
            return (label, help)
        }
    }

    static let zhActionLabels: [ActionID: String] = [
        .quit: "退出", .nextPane: "下一面板", .prevPane: "上一面板",
        .up: "上移", .down: "下移", .pageUp: "上一页", .pageDown: "下一页", .top: "首行", .bottom: "末行",
        .open: "打开", .back: "返回", .zoom: "最大化", .actions: "操作",
        .newVisitor: "新增访客", .checkIn: "签到", .checkOut: "签离", .bookRoom: "预订会议室",
        .issueStock: "领用", .receiveStock: "入库", .approve: "批准", .reject: "驳回", .refresh: "刷新",
    ]

    static let zhActionHelp: [ActionID: String] = [
        .quit: "退出前台看板。",
        .help: "显示或隐藏本按键列表。",
        .nextPane: "移到下一个面板。",
        .prevPane: "移到上一个面板。",
        .up: "选择上一行。",
        .down: "选择下一行。",
        .pageUp: "向上滚动一页。",
        .pageDown: "向下滚动一页。",
        .top: "选择第一行。",
        .bottom: "选择最后一行。",
        .open: "打开所选行的详情。",
        .back: "关闭表单、筛选或弹窗。",
        .filter: "筛选本面板的行。",
        .zoom: "只显示本面板，或恢复显示全部面板。",
        .actions: "所选行可办理的每一步（确认、检查会议室、会议纪要、来访结果……）。",
        .newVisitor: "登记一位预约访客。",
        .checkIn: "为所选访客办理签到并发放访客证。",
        .checkOut: "为所选访客办理签离并收回访客证。",
        .bookRoom: "预订会议室。",
        .issueStock: "从库存领用物品。",
        .receiveStock: "登记收到的物品入库。",
        .approve: "批准所选申请。",
        .reject: "驳回所选申请，需填写理由。",
        .refresh: "重新绘制整个屏幕。",
    ]

    // MARK: Phrase table

    /// The English text is the key. `{1}`, `{2}`… are filled by ``format(_:_:)``.
    public enum Phrase: String, Sendable, CaseIterable {
        case noMeetings = "No meetings today"
        case noVisitors = "No visitors today"
        case noItems = "No supply items"
        case noApprovals = "Nothing to approve"
        case waiting = "Waiting in lobby"
        case onSite = "On site"
        case expected = "Expected"
        case left = "Left"
        case waitingForYou = "Waiting for you"
        case others = "Others"
        case decided = "Decided"
        case earlier = "Earlier, still owing"
        case upcoming = "Later days, needing action"
        case timeline = "Rooms today"
        case tooSmall = "Terminal too small"
        case need = "need"
        case live = "live"
        case stale = "stale"
        case filter = "Filter"
        case help = "Help"
        case keys = "Keys"
        case pressAnyKey = "Esc closes"
        case selectRowFirst = "Select a row in {1} first ({2})"
        case nothingSelected = "Nothing selected"
        case formKeys = "Enter next/save · Tab move · Esc cancel"
        case filterKeys = "Enter keeps · Esc clears"
        case unbound = "unbound"
        case overdue = "overdue"
        case due = "due"
        case user = "user"
        case store = "store"
        case quitConfirm = "A form is half-filled. Quit anyway? (y/n)"
        case saved = "Saved"
        case refused = "Refused"
        case noMatch = "No rows match the filter"
        case onHand = "on hand"
        case cover = "cover"
        case days = "d"
        case badge = "badge"
        case host = "host"

        // Detail labels shared by several panes.
        case status = "Status"
        case flags = "Flags"
        case requested = "Requested"
        case confirmed = "Confirmed"

        // Meeting detail.
        case room = "Room"
        case time = "Time"
        case organizer = "Organizer"
        case chair = "Chair"
        case attendees = "Attendees"
        case goal = "Goal"
        case equipmentNeeded = "Equipment needed"
        case roomChecked = "Room checked"
        case held = "Held"
        case minutesSent = "Minutes sent"
        case minutes = "Minutes"
        case series = "Series"
        case actionItems = "Action items"
        case actionItemLine = "{1} {2} — {3}, due {4}, {5}"
        case actionDone = "done {1}"
        case actionOpen = "open"
        case actionOpenOverdue = "open, overdue"
        case guests = "Guests"
        case stillToCheck = "Still to check"
        case minutesReviewed = "Minutes reviewed"

        // Visitor detail.
        case company = "Company"
        case purpose = "Purpose"
        case headCount = "Head count"
        case appointmentReceived = "Appointment received"
        case arrived = "Arrived"
        case checkedIn = "Checked in"
        case badgesNotReturned = "Badges not returned"
        case idNumber = "ID number"
        case outcome = "Outcome"

        // Stock.
        case sku = "SKU"
        case category = "Category"
        case special = "special"
        case unit = "Unit"
        case reorderAtTarget = "Reorder at / target"
        case unitPrice = "Unit price"
        case dailyUse = "Daily use"
        case weeklyUse = "Weekly use (8 weeks)"
        case openPurchaseRequests = "Open purchase requests"
        case openRequestsShort = "req"
        case belowReorder = "below reorder"
        case outOfStock = "out of stock"
        case suppliers = "Suppliers"
        case supplierLine = "{1}: {2} per {3}, {4} lead time"

        // Approval detail.
        case type = "Type"
        case amount = "Amount"
        case from = "From"
        case to = "To"
        case document = "Document"
        case asset = "Asset"
        case requester = "Requester"
        case approvers = "Approvers"
        case anyApprover = "any approver"
        case approvalsNeeded = "Approvals needed"
        case next = "Next"
        case decisions = "Decisions"
    }

    static let zhPhrases: [Phrase: String] = [
        .noMeetings: "今天没有会议", .noVisitors: "今天没有访客", .noItems: "没有物品", .noApprovals: "没有待审批事项",
        .waiting: "大厅等候", .onSite: "在访", .expected: "预约", .left: "已离开",
        .waitingForYou: "待您审批", .others: "其他待审批", .decided: "已处理", .earlier: "往期会议待跟进", .upcoming: "后续会议待处理",
        .timeline: "今日会议室", .tooSmall: "终端太小", .need: "需要", .live: "实时", .stale: "未同步",
        .selectRowFirst: "请先在{1}中选择一行（{2}）", .nothingSelected: "未选择任何行",
        .formKeys: "Enter 下一项/保存 · Tab 切换 · Esc 取消", .filterKeys: "Enter 保留 · Esc 清除", .unbound: "未绑定",
        .filter: "筛选", .help: "帮助", .keys: "按键", .pressAnyKey: "Esc 关闭", .overdue: "逾期", .due: "待补货",
        .user: "用户", .store: "数据", .quitConfirm: "表单尚未填完。仍要退出吗？(y/n)", .saved: "已保存", .refused: "被拒绝",
        .noMatch: "没有符合筛选条件的行", .onHand: "现有库存", .cover: "可用天数", .days: "天", .badge: "访客证", .host: "接待人",

        .status: "状态", .flags: "提醒", .requested: "申请时间", .confirmed: "确认时间",

        .room: "会议室", .time: "时间", .organizer: "组织者", .chair: "主持人", .attendees: "参会人员", .goal: "会议目标",
        .equipmentNeeded: "所需设备", .roomChecked: "会议室检查", .held: "召开时间", .minutesSent: "纪要发送",
        .minutes: "会议纪要", .series: "例会系列", .actionItems: "待办事项",
        .actionItemLine: "{1} {2} — {3}，截止 {4}，{5}", .actionDone: "已完成 {1}", .actionOpen: "未完成",
        .actionOpenOverdue: "未完成，已逾期", .guests: "外部嘉宾", .stillToCheck: "待检查", .minutesReviewed: "纪要审阅",

        .company: "来访单位", .purpose: "来访事由", .headCount: "人数", .appointmentReceived: "收到预约",
        .arrived: "到达时间", .checkedIn: "签到时间", .badgesNotReturned: "未归还访客证", .idNumber: "证件号码",
        .outcome: "来访结果",

        .sku: "编号", .category: "类别", .special: "特殊物品", .unit: "单位", .reorderAtTarget: "补货点 / 目标库存",
        .unitPrice: "单价", .dailyUse: "日均用量", .weeklyUse: "每周用量（近 8 周）", .openPurchaseRequests: "未完成采购申请",
        .openRequestsShort: "申购", .belowReorder: "低于补货点", .outOfStock: "缺货", .suppliers: "供应商",
        .supplierLine: "{1}：{2} / {3}，交货期 {4}",

        .type: "类型", .amount: "金额", .from: "开始", .to: "结束", .document: "公文编号", .asset: "资产编号",
        .requester: "申请人", .approvers: "审批人", .anyApprover: "任一审批人", .approvalsNeeded: "需批准人数",
        .next: "下一审批人", .decisions: "审批记录",
    ]
}
