import Foundation

/// UI language, chosen from LC_ALL, LC_MESSAGES, then LANG (zh* → Simplified Chinese).
public enum UILanguage: String, Sendable {
    case en, zhHans

    public static func fromEnvironment(_ vars: [String: String] = ProcessInfo.processInfo.environment) -> UILanguage {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let v = vars[key], !v.isEmpty { return v.lowercased().hasPrefix("zh") ? .zhHans : .en }
        }
        return .en
    }
}

/// Every user-visible string of the dashboard, in English and Simplified Chinese.
/// Keys are the English text's meaning; a missing translation falls back to English.
public struct Strings: Sendable {
    public let language: UILanguage

    public init(_ language: UILanguage) { self.language = language }

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

    public subscript(_ key: Phrase) -> String {
        language == .zhHans ? (Self.zh[key] ?? key.rawValue) : key.rawValue
    }

    /// The English text is the key.
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
        case timeline = "Rooms today"
        case tooSmall = "Terminal too small"
        case need = "need"
        case live = "live"
        case stale = "stale"
        case filter = "Filter"
        case help = "Help"
        case keys = "Keys"
        case pressAnyKey = "Esc closes"
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
    }

    static let zh: [Phrase: String] = [
        .noMeetings: "今天没有会议", .noVisitors: "今天没有访客", .noItems: "没有物品", .noApprovals: "没有待审批事项",
        .waiting: "大厅等候", .onSite: "在访", .expected: "预约", .left: "已离开",
        .waitingForYou: "等待您审批", .others: "其他", .decided: "已处理", .earlier: "往日待办",
        .timeline: "今日会议室", .tooSmall: "终端太小", .need: "需要", .live: "实时", .stale: "未同步",
        .filter: "筛选", .help: "帮助", .keys: "按键", .pressAnyKey: "Esc 关闭", .overdue: "逾期", .due: "待办",
        .user: "用户", .store: "数据", .quitConfirm: "表单尚未完成。仍要退出吗？(y/n)", .saved: "已保存", .refused: "被拒绝",
        .noMatch: "没有匹配的行", .onHand: "库存", .cover: "可用", .days: "天", .badge: "证件", .host: "接待人",
    ]
}
