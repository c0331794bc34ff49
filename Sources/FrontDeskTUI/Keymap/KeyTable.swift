import Foundation
import FrontDeskKit

/// Where a key is read: the panes (global), the filter line, a form, the quit question, or the
/// actions menu of one pane. A key means one thing per scope; the same letter may mean another
/// thing in another scope (`c` confirms a meeting and checks a visitor in).
public enum KeyScope: Hashable, Sendable, CustomStringConvertible {
    case global, filter, form, quitQuestion
    /// The Reports screen (scrolling and closing use the global keys).
    case reports
    case menu(PaneID)

    /// Help-overlay order.
    public static let all: [KeyScope] = [.global, .filter, .form, .quitQuestion, .reports] + PaneID.allCases.map { .menu($0) }

    /// The help overlay's section heading.
    public var title: Localized {
        switch self {
        case .global: L("Everywhere", "通用按键")
        case .filter: L("While filtering", "筛选时")
        case .form: L("In a form", "表单中")
        case .quitQuestion: L("Quit question", "退出确认")
        case .reports: L("Reports screen", "报表屏幕")
        case .menu(let p): L("Actions menu · \(p.name.en)", "操作菜单 · \(p.name.zh)")
        }
    }

    public var description: String {
        switch self {
        case .global: "global"
        case .filter: "filter"
        case .form: "form"
        case .quitQuestion: "quit question"
        case .reports: "reports"
        case .menu(let p): "\(p.name.en) menu"
        }
    }
}

/// Everything a key can do, by name. The keys file, the dispatch, the help overlay, the
/// status-bar hints and the tests name actions by these ids; each has one row in ``Action/table``.
public enum ActionID: Hashable, Sendable, CustomStringConvertible {
    case quit, help
    case nextPane, prevPane, pane1, pane2, pane3, pane4
    /// The next page of panes (home → documents and the other desks → home).
    case nextPage
    case up, down, pageUp, pageDown, top, bottom
    case open, back, filter, zoom, actions
    case newVisitor, checkIn, checkOut, bookRoom
    case issueStock, receiveStock
    case approve, reject
    case refresh
    /// Days: another day's meetings, visitors, approvals and stock (read-only), and back.
    case previousDay, nextDay, today
    /// The Reports screen, and within it the month and the report shown.
    case reports, reportPreviousMonth, reportNextMonth, reportNext, reportPrevious
    case suspend
    /// The filter line.
    case filterKeep, filterClear
    /// Forms.
    case fieldNext, fieldPrevious, choiceUp, choiceDown, formEnter, formSave, formCancel
    /// The quit question.
    case quitYes
    /// A step of the actions menu (the office process's own name for it).
    case step(StepID)

    /// Every action, in table order.
    public static var allCases: [ActionID] { Action.table.map(\.id) }

    /// The name used in the keys file: `quit`, `nextPane`, `formSave`, `meeting.confirm`.
    public var name: String {
        switch self {
        case .quit: "quit"
        case .help: "help"
        case .nextPane: "nextPane"
        case .prevPane: "prevPane"
        case .pane1: "pane1"
        case .pane2: "pane2"
        case .pane3: "pane3"
        case .pane4: "pane4"
        case .nextPage: "nextPage"
        case .up: "up"
        case .down: "down"
        case .pageUp: "pageUp"
        case .pageDown: "pageDown"
        case .top: "top"
        case .bottom: "bottom"
        case .open: "open"
        case .back: "back"
        case .filter: "filter"
        case .zoom: "zoom"
        case .actions: "actions"
        case .newVisitor: "newVisitor"
        case .checkIn: "checkIn"
        case .checkOut: "checkOut"
        case .bookRoom: "bookRoom"
        case .issueStock: "issueStock"
        case .receiveStock: "receiveStock"
        case .approve: "approve"
        case .reject: "reject"
        case .refresh: "refresh"
        case .previousDay: "previousDay"
        case .nextDay: "nextDay"
        case .today: "today"
        case .reports: "reports"
        case .reportPreviousMonth: "reportPreviousMonth"
        case .reportNextMonth: "reportNextMonth"
        case .reportNext: "reportNext"
        case .reportPrevious: "reportPrevious"
        case .suspend: "suspend"
        case .filterKeep: "filterKeep"
        case .filterClear: "filterClear"
        case .fieldNext: "fieldNext"
        case .fieldPrevious: "fieldPrevious"
        case .choiceUp: "choiceUp"
        case .choiceDown: "choiceDown"
        case .formEnter: "formEnter"
        case .formSave: "formSave"
        case .formCancel: "formCancel"
        case .quitYes: "quitYes"
        case .step(let s): s.rawValue
        }
    }

    public var description: String { name }

    /// The action a keys-file name means: exact, or ignoring case, `_` and `-` (`next_pane`,
    /// `next-pane`, `NextPane`); steps also as `meeting_confirm`. Nil for an unknown name.
    public init?(name: String) {
        let unquoted = name.count >= 2 && (name.hasPrefix("\"") && name.hasSuffix("\"") || name.hasPrefix("'") && name.hasSuffix("'"))
            ? String(name.dropFirst().dropLast()) : name
        func fold(_ s: String) -> String { s.lowercased().filter { $0 != "_" && $0 != "-" && $0 != "." } }
        let all = Action.table.map(\.id)
        if let exact = all.first(where: { $0.name == unquoted }) { self = exact; return }
        let folded = fold(unquoted)
        guard let found = all.first(where: { fold($0.name) == folded }) else { return nil }
        self = found
    }

    /// The pane whose actions menu offers a step.
    static func pane(of step: StepID) -> PaneID {
        let process = step.rawValue.prefix { $0 != "." }
        switch process {
        case "visitor": return .visitors
        case "stock": return .stock
        case "approval": return .approvals
        case "doc": return .documents
        case "staff": return .people
        // Notices have no pane: their steps sit in the Documents menu (the paper trail's page).
        case "notice": return .documents
        case "archive": return .archives
        case "asset": return .assets
        case "parcel": return .parcels
        default: return .meetings   // meeting.*, room.*
        }
    }
}

/// One row of the key table (calcurse's `keydef[]`): an action's scope, default keys, label and
/// help in both languages, and whether the status bar hints it. The only place a key's meaning is
/// written: dispatch (``Keymap``), the help overlay, the status-bar and form hints, the keys file
/// and the README's key list all read it.
public struct Action: Sendable {
    public var id: ActionID
    public var scope: KeyScope
    public var defaultKeys: [Key]
    /// Short label: status bar, actions menu, help.
    public var label: Localized
    /// One sentence for the help overlay.
    public var help: Localized
    /// Shown among the hints of its scope (status bar, form footer, filter line), lowest first
    /// (the desk's everyday keys before the ones everyone knows); nil: not hinted.
    public var hint: Int?

    public init(_ id: ActionID, _ scope: KeyScope = .global, keys: [Key], hint: Int? = nil, _ label: Localized, _ help: Localized) {
        self.id = id; self.scope = scope; self.defaultKeys = keys; self.hint = hint; self.label = label; self.help = help
    }

    private static func c(_ s: String) -> [Key] { s.map { Key.char($0) } }

    /// A menu row: the step's letter in its pane's actions menu.
    private static func step(_ s: StepID, _ letter: Character, _ label: Localized, _ help: Localized) -> Action {
        Action(.step(s), .menu(ActionID.pane(of: s)), keys: [.char(letter)], label, help)
    }

    /// The key table, in help-overlay order within each scope.
    public static let table: [Action] = [
        // Everywhere (the panes).
        Action(.quit, keys: [.char("q"), .ctrl("c")], hint: 12, L("Quit", "退出"), L("Leave the dashboard.", "退出前台看板。")),
        Action(.help, keys: [.char("?"), .function(1)], hint: 1, L("Help", "帮助"), L("Show or hide this list of keys.", "显示或隐藏本按键列表。")),
        Action(.nextPane, keys: [.tab], hint: 10, L("Next pane", "下一面板"), L("Move to the next pane.", "移到下一个面板。")),
        Action(.prevPane, keys: [.backTab], L("Prev pane", "上一面板"), L("Move to the previous pane.", "移到上一个面板。")),
        Action(.pane1, keys: c("1"), L("Meetings", "会议"), L("Go to the Meetings pane.", "转到会议面板。")),
        Action(.pane2, keys: c("2"), L("Visitors", "访客"), L("Go to the Visitors pane.", "转到访客面板。")),
        Action(.pane3, keys: c("3"), L("Stock", "库存"), L("Go to the Stock pane.", "转到库存面板。")),
        Action(.pane4, keys: c("4"), L("Approvals", "审批"), L("Go to the Approvals pane.", "转到审批面板。")),
        Action(.up, keys: [.up, .char("k")], L("Up", "上移"), L("Select the row above; scroll help up.", "选择上一行；帮助向上滚动。")),
        Action(.down, keys: [.down, .char("j")], L("Down", "下移"), L("Select the row below; scroll help down.", "选择下一行；帮助向下滚动。")),
        Action(.pageUp, keys: [.pageUp], L("Page up", "上一页"), L("Scroll up one page.", "向上滚动一页。")),
        Action(.pageDown, keys: [.pageDown], L("Page down", "下一页"), L("Scroll down one page.", "向下滚动一页。")),
        Action(.top, keys: [.char("g"), .home], L("Top", "首行"), L("Select the first row.", "选择第一行。")),
        Action(.bottom, keys: [.char("G"), .end], L("Bottom", "末行"), L("Select the last row.", "选择最后一行。")),
        Action(.open, keys: [.enter], hint: 11, L("Open", "打开"), L("Open the selected row.", "打开所选行的详情。")),
        Action(.back, keys: [.escape], L("Back", "返回"), L("Close the menu, filter or overlay.", "关闭菜单、筛选或弹窗。")),
        Action(.filter, keys: c("/"), hint: 9, L("Filter", "筛选"), L("Filter the rows of this pane.", "筛选本面板的行。")),
        Action(.zoom, keys: c("z"), L("Zoom", "最大化"), L("Show this pane alone, or all panes again.", "只显示本面板，或恢复显示全部面板。")),
        Action(.actions, keys: [.char(" "), .char(".")], hint: 2, L("Actions", "操作"),
               L("Every step for the selected row (confirm, room check, minutes, outcome…).", "所选行可办理的每一步（确认、检查会议室、会议纪要、来访结果……）。")),
        Action(.newVisitor, keys: c("n"), hint: 3, L("New visitor", "新增访客"), L("Register an expected visitor.", "登记一位预约访客。")),
        Action(.checkIn, keys: c("c"), hint: 4, L("Check in", "签到"), L("Check the selected visitor in and issue a badge.", "为所选访客办理签到并发放访客证。")),
        Action(.checkOut, keys: c("o"), hint: 5, L("Check out", "签离"), L("Check the selected visitor out and take the badge back.", "为所选访客办理签离并收回访客证。")),
        Action(.bookRoom, keys: c("b"), hint: 6, L("Book room", "预订会议室"), L("Book a meeting room.", "预订会议室。")),
        Action(.issueStock, keys: c("i"), hint: 7, L("Issue", "领用"), L("Issue supplies from stock.", "从库存领用物品。")),
        Action(.receiveStock, keys: c("r"), L("Receive", "入库"), L("Record supplies received.", "登记收到的物品入库。")),
        Action(.approve, keys: c("a"), hint: 8, L("Approve", "批准"), L("Approve the selected request.", "批准所选申请。")),
        Action(.reject, keys: c("x"), L("Reject", "驳回"), L("Reject the selected request, with a reason.", "驳回所选申请，需填写理由。")),
        Action(.refresh, keys: [.ctrl("l")], L("Redraw", "刷新"), L("Redraw the whole screen.", "重新绘制整个屏幕。")),
        Action(.previousDay, keys: c("["), hint: 13, L("Prev day", "前一天"),
               L("Show the day before: its meetings, visitors, approvals and stock at its end (read-only).",
                 "查看前一天：当天的会议、访客、审批及当天结束时的库存（只读）。")),
        Action(.nextDay, keys: c("]"), L("Next day", "后一天"),
               L("Show the day after (read-only unless it is today).", "查看后一天（除今天外只读）。")),
        Action(.today, keys: c("t"), L("Today", "今天"), L("Back to today, live and editable.", "回到今天（实时、可办理）。")),
        Action(.reports, keys: c("R"), hint: 14, L("Reports", "报表"),
               L("Open or close the Reports screen: supplies, meetings, visitors, approvals by month, with charts.",
                 "打开或关闭报表屏幕：按月查看物品、会议、访客、审批，附图表。")),
        Action(.suspend, keys: [.ctrl("z")], L("Suspend", "挂起"),
               L("Back to the shell (works in forms too); type fg to return.", "暂时回到命令行（表单中也可用）；输入 fg 返回。")),
        Action(.nextPage, keys: [.char("P")], L("Next page", "下一页面"),
               L("Next page: home, page 2 (documents, archives), page 3 (assets, people, parcels); 1–4 pick a pane of the page shown.",
                 "切换页面：首页、第 2 页（公文、档案）、第 3 页（资产、入离职、快递）；1–4 选择当前页面的面板。")),

        // The filter line.
        Action(.filterKeep, .filter, keys: [.enter], hint: 1, L("Keep", "保留"), L("Keep the filter and go back to the rows.", "保留筛选条件，回到列表。")),
        Action(.filterClear, .filter, keys: [.escape], hint: 2, L("Clear", "清除"), L("Clear the filter.", "清除筛选条件。")),

        // The Reports screen (↑↓ PgUp PgDn g G scroll; 1–4 pick a report; Esc, q or R close).
        Action(.reportPreviousMonth, .reports, keys: [.char("["), .char("<")], hint: 1, L("Prev month", "上月"),
               L("Show the report for the month before.", "查看上个月的报表。")),
        Action(.reportNextMonth, .reports, keys: [.char("]"), .char(">")], hint: 2, L("Next month", "下月"),
               L("Show the report for the month after.", "查看下个月的报表。")),
        Action(.reportNext, .reports, keys: [.tab], hint: 3, L("Next report", "下一报表"),
               L("Meetings → visitors → supplies → approvals (or press 1–4).", "会议 → 访客 → 物品 → 审批（或按 1–4）。")),
        Action(.reportPrevious, .reports, keys: [.backTab], L("Prev report", "上一报表"),
               L("The report before this one.", "上一个报表。")),

        // Forms (other keys edit the field: ←→ Home End Backspace Delete Ctrl-U).
        Action(.formEnter, .form, keys: [.enter], hint: 1, L("Next/save", "下一项/保存"),
               L("Go to the next field; on the last field, save.", "转到下一项；在最后一项时保存。")),
        Action(.fieldNext, .form, keys: [.tab], L("Next field", "下一项"), L("Go to the next field.", "转到下一项。")),
        Action(.fieldPrevious, .form, keys: [.backTab], L("Prev field", "上一项"), L("Go to the previous field.", "转到上一项。")),
        Action(.choiceUp, .form, keys: [.up], L("Choice up", "上一选项"),
               L("In a list field, the previous match; elsewhere, the previous field.", "列表字段中选上一个匹配项；其他字段转到上一项。")),
        Action(.choiceDown, .form, keys: [.down], hint: 3, L("Choose", "选择"),
               L("In a list field, the next match (type to narrow); elsewhere, the next field.", "列表字段中选下一个匹配项（输入可缩小范围）；其他字段转到下一项。")),
        Action(.formSave, .form, keys: [.ctrl("s")], hint: 4, L("Save", "保存"), L("Save the form from any field.", "在任一项直接保存表单。")),
        Action(.formCancel, .form, keys: [.escape], hint: 5, L("Cancel", "取消"), L("Close the form without saving.", "关闭表单，不保存。")),

        // The quit question (any other key answers no).
        Action(.quitYes, .quitQuestion, keys: [.char("y"), .char("Y")], hint: 1, L("Yes, quit", "确认退出"),
               L("Quit although a form is half-filled.", "表单未填完，仍然退出。")),

        // Actions menu: Meetings and rooms.
        step(.meetingConfirm, "c", L("Confirm", "确认"), L("Confirm the requested meeting.", "确认会议申请。")),
        step(.meetingMaterials, "t", L("Materials ready", "材料已备齐"), L("Record that the agenda and materials are ready.", "记录议程和材料已备齐。")),
        step(.meetingPrepared, "p", L("Attendees notified", "已通知参会人"), L("Record that attendees were notified of time, place and what to bring.", "记录已通知参会人时间、地点和需携带的材料。")),
        step(.meetingChecklist, "e", L("Equipment tested", "设备已测试"), L("Tick the room's equipment tested before the meeting (CLI: frontdesk meeting check).", "勾选会前已测试的设备（命令行：frontdesk meeting check）。")),
        step(.meetingRoomChecked, "k", L("Room checked", "已检查会议室"), L("Record that the room and its equipment were checked.", "记录会议室及设备已检查。")),
        step(.meetingHeld, "h", L("Held", "已召开"), L("Record that the meeting took place.", "记录会议已召开。")),
        step(.meetingMinutes, "m", L("Minutes", "会议纪要"), L("Write or edit the minutes.", "填写或修改会议纪要。")),
        step(.meetingReviewMinutes, "w", L("Chair reviewed minutes", "主持人已审阅纪要"), L("Record that the chair reviewed the minutes (the chair or an admin).", "记录主持人已审阅纪要（主持人或管理员）。")),
        step(.meetingSendMinutes, "s", L("Minutes sent", "纪要已发送"), L("Record that the chair approved the minutes and they were sent.", "记录纪要经主持人审定并已发送。")),
        step(.meetingActionAdd, "a", L("Action item", "新增待办"), L("Add an action item with owner and due day.", "新增待办事项，含负责人和截止日期。")),
        step(.meetingActionDone, "d", L("Action item done", "待办完成"), L("Mark an action item done.", "将待办事项标记为完成。")),
        step(.meetingClose, "l", L("Close", "结束"), L("Close the meeting's follow-up.", "结束会议的后续跟进。")),
        step(.meetingMove, "v", L("Move", "改期"), L("Move the meeting to another time or room.", "将会议改到其他时间或会议室。")),
        step(.meetingInvite, "g", L("Invite a guest", "邀请嘉宾"), L("Invite an external guest.", "邀请外部嘉宾。")),
        step(.meetingGuestReply, "r", L("Guest replied", "嘉宾回复"), L("Record a guest's reply.", "记录嘉宾的回复。")),
        step(.roomOutOfService, "o", L("Room out of service", "会议室停用"), L("Take a room out of service for a period.", "在一段时间内停用会议室。")),
        step(.roomAdd, "R", L("New room", "新增会议室"), L("Add a meeting room.", "新增一间会议室。")),
        step(.meetingCancel, "x", L("Cancel", "取消"), L("Cancel the meeting.", "取消会议。")),
        step(.meetingNoShow, "n", L("No-show", "未到场"), L("Record that nobody came.", "记录无人到场。")),

        // Actions menu: Visitors.
        step(.visitorConfirm, "f", L("Confirm", "确认预约"), L("Confirm the appointment with the host.", "与接待人确认预约。")),
        step(.visitorArrived, "w", L("Arrived, waiting", "已到达"), L("The visitor is waiting in the lobby.", "访客已到大厅等候。")),
        step(.visitorCheckIn, "c", L("Check in with badge", "登记发访客证"), L("Check in and issue badges.", "办理签到并发放访客证。")),
        step(.visitorWatchDecision, "y", L("Watch list decision", "名单审核"), L("A lead decides whether the visitor may enter.", "由主管决定访客能否进入。")),
        step(.visitorCheckOut, "o", L("Check out", "离开"), L("Check out and take the badges back.", "办理签离并收回访客证。")),
        step(.visitorUndoCheckIn, "u", L("Undo check-in", "撤销登记"), L("Undo a check-in made by mistake.", "撤销误操作的签到。")),
        step(.visitorReturnBadges, "r", L("Badge returned", "访客证已归还"), L("Record that the badges came back.", "记录访客证已归还。")),
        step(.visitorOutcome, "t", L("Outcome", "来访结果"), L("Record the visit's outcome for the host department.", "为接待部门记录来访结果。")),
        step(.visitorCancel, "x", L("Cancel", "取消"), L("Cancel the visit.", "取消来访。")),
        step(.visitorNoShow, "s", L("No-show", "未到访"), L("Record that the visitor did not come.", "记录访客未到访。")),
        step(.visitorAdd, "n", L("New visitor", "新访客"), L("Register an expected visitor.", "登记一位预约访客。")),

        // Actions menu: Stock.
        step(.stockIssue, "i", L("Issue", "领用"), L("Issue units to a department.", "向部门发放物品。")),
        step(.stockReceive, "r", L("Receive", "入库验收"), L("Receive and inspect a delivery.", "验收到货并入库。")),
        step(.stockCount, "k", L("Stocktake count", "盘点"), L("Record a counted quantity.", "记录盘点数量。")),
        step(.stockDemand, "d", L("Demand for next month", "下月需求"), L("Record a department's demand for next month.", "登记部门下月需求。")),
        step(.stockPurchase, "p", L("Purchase request", "采购申请"), L("Request a purchase with quotes.", "附报价提出采购申请。")),
        step(.stockReturn, "b", L("Returned to stock", "退库"), L("Take returned units back into stock.", "将退回的物品入库。")),
        step(.stockWriteOff, "w", L("Write off", "报损"), L("Write off damaged or lost units.", "报损损坏或遗失的物品。")),

        // Actions menu: Approvals.
        step(.approvalApprove, "a", L("Approve", "批准"), L("Approve the request.", "批准该申请。")),
        step(.approvalReject, "x", L("Reject", "驳回"), L("Reject the request with a reason.", "驳回该申请并说明理由。")),
        step(.approvalRequest, "n", L("New request", "新申请"), L("Request leave, overtime, a document or a scrapping.", "提出请假、加班、公文或报废申请。")),

        // Actions menu: Documents (收文 and 发文).
        step(.docSubmit, "s", L("Submit to leader", "呈送领导"), L("Submit the incoming document to a leader for a decision.", "将收文呈送领导批示。")),
        step(.docDecide, "c", L("Decision", "批示"), L("Record the leader's decision (the leader or an admin).", "记录领导批示（领导本人或管理员）。")),
        step(.docForward, "f", L("Forward", "转办"), L("Forward the document to departments to handle.", "将公文转交部门办理。")),
        step(.docHandled, "h", L("Handled", "办结"), L("Mark the document handled by one department.", "标记某部门已办结。")),
        step(.docProofread, "p", L("Proofread", "校对排版"), L("Record that the draft is proofread and laid out.", "记录草稿已校对排版。")),
        step(.docSendForApproval, "a", L("Send for approval", "送审"), L("Send the draft through the approval chain (any approver).", "将草稿送交审批（任一审批人）。")),
        step(.docRelease, "r", L("Release", "印发"), L("Release with the next number of its type this year.", "按本年度该类公文的下一个文号印发。")),
        step(.docFile, "l", L("File", "归档"), L("File the released document.", "将已印发的公文归档。")),
        step(.docDistribute, "t", L("Distribute", "分发"), L("Distribute to a list of recipients.", "分发给接收方名单。")),
        step(.docAcknowledge, "k", L("Acknowledged", "签收"), L("Record a recipient's acknowledgement.", "记录接收方签收。")),
        step(.docRegister, "n", L("Register incoming", "收文登记"), L("Register an incoming document.", "登记一份收文。")),
        step(.docDraft, "d", L("Draft outgoing", "拟稿"), L("Draft an outgoing document.", "起草一份发文。")),

        // Actions menu: Documents — the notice on the status bar (capital letters: the notice's own steps).
        step(.noticeAcknowledge, "K", L("Acknowledge notice", "通知已阅"), L("Acknowledge the notice shown on the status bar (you read it).", "确认已阅状态栏显示的通知。")),
        step(.noticeFeedback, "F", L("Notice feedback", "通知反馈"), L("Leave feedback on the notice for its poster.", "就该通知给发布人留下反馈。")),
        step(.noticeEnd, "E", L("End notice", "结束通知"), L("End the notice now (its poster, a lead or an admin).", "立即结束通知（发布人、主管或管理员）。")),
        step(.noticePost, "N", L("Post notice", "发布通知"), L("Post a notice for everyone or some departments until a day.", "向所有人或部分部门发布通知，显示到指定日期。")),

        // Actions menu: Archives.
        step(.archiveLend, "l", L("Lend", "借出"), L("Lend the file: who, why, due back when (a confidential file waits for approval).", "借出档案：借阅人、用途、期限；机密须先审批。")),
        step(.archiveReturn, "r", L("Take back", "归还"), L("Take the file back, counting its pages and attachments.", "收回档案，清点页数和附件。")),
        step(.archiveAdd, "n", L("File a record", "新增档案"), L("File a paper or electronic record.", "登记一份纸质或电子档案。")),

        // Actions menu: Assets.
        step(.assetMove, "m", L("Move", "调拨"), L("Transfer the asset to another department, location or holder.", "将资产调拨到其他部门、地点或使用人。")),
        step(.assetFault, "f", L("Report fault", "报修"), L("Report a fault (the asset goes under repair).", "登记故障（资产进入维修）。")),
        step(.assetRepair, "s", L("Send to repair", "送修"), L("Send the asset to a vendor or property management.", "将资产送至供应商或物业维修。")),
        step(.assetBack, "b", L("Back from repair", "修回"), L("The asset is back: what was done and what it cost.", "资产修回：维修内容和费用。")),
        step(.assetScrap, "x", L("Scrap request", "报废申请"), L("Raise the scrap approval; the approver's decision scraps it.", "提出报废审批；审批通过即报废。")),
        step(.assetSettle, "d", L("Settle difference", "处理盘点差异"), L("Settle a stocktake difference with a reason.", "说明理由，处理盘点差异。")),
        step(.assetAdd, "n", L("New asset", "新增资产"), L("Put an asset on the ledger.", "将资产登记入账。")),
        step(.assetCount, "c", L("Stocktake", "资产盘点"), L("Record the tags found at a location.", "登记某地点盘点到的资产标签。")),

        // Actions menu: Parcels.
        step(.parcelCollect, "c", L("Collected", "已领取"), L("The parcel was collected: who took it.", "包裹已领取：领取人。")),
        step(.parcelReturn, "r", L("Return to sender", "退回"), L("Return an uncollected parcel to the sender.", "将无人领取的包裹退回寄件人。")),
        step(.parcelIn, "i", L("Parcel in", "收件登记"), L("Book a parcel in onto a shelf.", "登记收到的包裹并上架。")),
        step(.parcelOut, "o", L("Parcel out", "寄件登记"), L("Send a parcel: sender, department, carrier, tracking, cost.", "寄出包裹：寄件人、部门、快递公司、单号、费用。")),

        // Actions menu: People (joiners and leavers).
        step(.staffIssue, "i", L("Issue item", "发放"), L("Tick a joiner's item issued (equipment moves to them; a starter kit leaves stock).", "勾选入职人员已领取的项目（设备转给其使用，入职礼包从库存领用）。")),
        step(.staffRecover, "r", L("Recover item", "收回"), L("Tick a leaver's item recovered (an asset goes back to store).", "勾选离职人员已归还的项目（资产退回入库）。")),
        step(.staffWriteOff, "w", L("Write off item", "申请核销"), L("Ask for a write-off approval for an item that will not come back.", "对无法收回的项目提出核销审批。")),
        step(.staffClose, "l", L("Close", "关闭清单"), L("Close a checklist whose items are all settled.", "关闭所有项目均已完成的清单。")),
        step(.staffJoin, "n", L("New joiner", "新入职"), L("Open a joiner's checklist from the department's template.", "按部门模板为入职人员建立清单。")),
        step(.staffLeave, "e", L("Leaver", "离职"), L("Open a leaver's checklist: badge and every asset they hold.", "为离职人员建立清单：工牌及其名下全部资产。")),
    ]

    private static let byID: [ActionID: Action] = Dictionary(table.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })

    /// The row of `id`. A step the processes added after this table was written gets a row with
    /// no key and its own name as label, so the menu still lists it (a test names such steps).
    public static func row(_ id: ActionID) -> Action {
        if let row = byID[id] { return row }
        if case .step(let s) = id {
            return Action(id, .menu(ActionID.pane(of: s)), keys: [], Localized(verbatim: s.rawValue), Localized(verbatim: s.rawValue))
        }
        return Action(id, keys: [], Localized(verbatim: id.name), Localized(verbatim: ""))
    }
}

extension Keymap {
    /// The key reference for the README and `keys.toml` authors, generated from the table: one
    /// section per scope, one line per action with its keys, its keys-file name and its help.
    public static func referenceMarkdown(_ strings: Strings = Strings(.en)) -> String {
        var out = ""
        for scope in KeyScope.all {
            let rows = rows(in: scope)
            guard !rows.isEmpty else { continue }
            out += "### \(strings[scope.title])\n\n| Keys | Action | `keys.toml` name | What it does |\n|---|---|---|---|\n"
            for row in rows {
                let keys = row.defaultKeys.map { "`\($0.name)`" }.joined(separator: " ")
                out += "| \(keys) | \(strings[row.label]) | `\(row.id.name)` | \(strings[row.help]) |\n"
            }
            out += "\n"
        }
        return out
    }

    /// A `keys.toml` that restates every default, commented out: uncomment a line to change it.
    public static func sampleFile() -> String {
        var out = "# frontdesk key bindings: uncomment a line and change its keys; [] unbinds.\n[keys]\n"
        for scope in KeyScope.all {
            out += "\n# \(scope.title.en)\n"
            for row in rows(in: scope) {
                let name = row.id.name.contains(".") ? "\"\(row.id.name)\"" : row.id.name
                let keys = row.defaultKeys.map { "\"\($0.name == "\"" ? "\\\"" : $0.name == "\\" ? "\\\\" : $0.name)\"" }.joined(separator: ", ")
                out += "# \(name) = [\(keys)]\n"
            }
        }
        return out
    }
}
