import Foundation

extension Strings {
    /// A UI text by a typed name. Its English and Chinese are written side by side in ``text``,
    /// the one table of the dashboard's words; `{1}`, `{2}`… are filled by ``Strings/format(_:_:)``.
    public enum Phrase: Sendable, Hashable, CaseIterable {
        // Pane names (tabs, box titles, help).
        case paneMeetings, paneVisitors, paneStock, paneApprovals

        case noMeetings
        case noVisitors
        case noItems
        case noApprovals
        case noDocuments
        case waiting
        case onSite
        case expected
        case left
        case waitingForYou
        case others
        case decided
        case earlier
        case upcoming
        case timeline
        case tooSmall
        // Locale warnings before the screen starts: {1} the locale named, {2} the one used instead.
        case localeFallback, localeMissing
        case need
        case live
        case stale
        case filter
        case help
        case keys
        case close
        case newValue
        case noChoice
        case scroll
        case selectRowFirst
        case nothingSelected
        case unbound
        case overdue
        case due
        case user
        case store
        case quitConfirm
        case saved
        case savedWhat
        case hookFailed
        case refused
        case noMatch
        case onHand
        case cover
        case days
        case badge
        case host

        // Detail labels shared by several panes.
        case status
        case flags
        case requested
        case confirmed

        // Meeting detail.
        case room
        case time
        case organizer
        case chair
        case attendees
        case goal
        case equipmentNeeded
        case roomChecked
        case held
        case minutesSent
        case minutes
        case series
        case actionItems
        case actionItemLine
        case actionDone
        case actionOpen
        case actionOpenOverdue
        case guests
        case stillToCheck
        case minutesReviewed

        // Visitor detail.
        case company
        case purpose
        case headCount
        case appointmentReceived
        case arrived
        case checkedIn
        case badgesNotReturned
        case idNumber
        case outcome

        // Stock.
        case sku
        case category
        case special
        case unit
        case reorderAtTarget
        case unitPrice
        case dailyUse
        case weeklyUse
        case openPurchaseRequests
        case openRequestsShort
        case belowReorder
        case outOfStock
        case suppliers
        case supplierLine

        // Approval detail.
        case type
        case amount
        case from
        case to
        case document
        case asset
        case requester
        case approvers
        case anyApprover
        case approvalsNeeded
        case next
        case decisions

        // Assets and parcels (panes on the second page).
        case paneAssets, paneParcels
        case noAssets, noParcels
        case repairsOverdue, uncollected
        case waitingCollection, handledToday
        case assetTag, model, serial, purchased, cost, bookValue, department, location, holder, supplier
        case repairs, transfers, scrapRequest
        case carrier, tracking, recipient, sender, shelf, size, collectedBy, returned, underRepairDays, onShelfDays
        /// The home status bar's count of parcels waiting for collection.
        case parcelsWaiting

        /// The phrase in both languages.
        public var text: Localized {
            switch self {
            case .paneMeetings: L("Meetings", "会议")
            case .paneVisitors: L("Visitors", "访客")
            case .paneStock: L("Stock", "库存")
            case .paneApprovals: L("Approvals", "审批")
            case .noMeetings: L("No meetings today", "今天没有会议")
            case .noVisitors: L("No visitors today", "今天没有访客")
            case .noItems: L("No supply items", "没有物品")
            case .noApprovals: L("Nothing to approve", "没有待审批事项")
            case .noDocuments: L("No documents. Register one: n in the actions menu, or frontdesk doc in", "暂无公文。登记收文：操作菜单中按 n，或 frontdesk doc in")
            case .waiting: L("Waiting in lobby", "大厅等候")
            case .onSite: L("On site", "在访")
            case .expected: L("Expected", "预约")
            case .left: L("Left", "已离开")
            case .waitingForYou: L("Waiting for you", "待您审批")
            case .others: L("Others", "其他待审批")
            case .decided: L("Decided", "已处理")
            case .earlier: L("Earlier, still owing", "往期会议待跟进")
            case .upcoming: L("Later days, needing action", "后续会议待处理")
            case .timeline: L("Rooms today", "今日会议室")
            case .tooSmall: L("Terminal too small", "终端太小")
            case .localeFallback:
                L("frontdesk: locale {1} is not installed; using {2} for characters, English for the interface. To silence this, install the locale (dpkg-reconfigure locales) or set LC_CTYPE={2}.",
                  "frontdesk：本机未安装区域设置 {1}；字符改用 {2}，界面使用中文。如不想再看到此提示，请安装该区域设置（dpkg-reconfigure locales）或设置 LC_CTYPE={2}。")
            case .localeMissing:
                L("frontdesk: locale {1} is not installed and no UTF-8 locale could be used instead; the screen uses ASCII and English. Install a UTF-8 locale (dpkg-reconfigure locales) or set LANG=C.UTF-8.",
                  "frontdesk：本机未安装区域设置 {1}，也没有可替代的 UTF-8 区域设置；屏幕只显示 ASCII 字符和英文。请安装 UTF-8 区域设置（dpkg-reconfigure locales）或设置 LANG=C.UTF-8。")
            case .need: L("need", "需要")
            case .live: L("live", "实时")
            case .stale: L("stale", "未同步")
            case .filter: L("Filter", "筛选")
            case .help: L("Help", "帮助")
            case .keys: L("Keys", "按键")
            case .close: L("Close", "关闭")
            case .newValue: L("not in the list: kept as typed", "不在列表中：按输入保存")
            case .noChoice: L("matches nothing in the list", "列表中没有匹配项")
            case .scroll: L("scroll", "滚动")
            case .selectRowFirst: L("Select a row in {1} first ({2})", "请先在{1}中选择一行（{2}）")
            case .nothingSelected: L("Nothing selected", "未选择任何行")
            case .unbound: L("unbound", "未绑定")
            case .overdue: L("overdue", "逾期")
            case .due: L("due", "待补货")
            case .user: L("user", "用户")
            case .store: L("store", "数据")
            case .quitConfirm: L("A form is half-filled. Quit anyway?", "表单尚未填完。仍要退出吗？")
            case .hookFailed: L("Saved {1}, but notifying the host failed: {2}", "{1} 已保存，但通知接待人失败：{2}")
            case .savedWhat: L("Saved: {1} · {2}", "已保存：{1} · {2}")
            case .saved: L("Saved", "已保存")
            case .refused: L("Refused", "被拒绝")
            case .noMatch: L("No rows match the filter", "没有符合筛选条件的行")
            case .onHand: L("on hand", "现有库存")
            case .cover: L("cover", "可用天数")
            case .days: L("d", "天")
            case .badge: L("badge", "访客证")
            case .host: L("host", "接待人")
            case .status: L("Status", "状态")
            case .flags: L("Flags", "提醒")
            case .requested: L("Requested", "申请时间")
            case .confirmed: L("Confirmed", "确认时间")
            case .room: L("Room", "会议室")
            case .time: L("Time", "时间")
            case .organizer: L("Organizer", "组织者")
            case .chair: L("Chair", "主持人")
            case .attendees: L("Attendees", "参会人员")
            case .goal: L("Goal", "会议目标")
            case .equipmentNeeded: L("Equipment needed", "所需设备")
            case .roomChecked: L("Room checked", "会议室检查")
            case .held: L("Held", "召开时间")
            case .minutesSent: L("Minutes sent", "纪要发送")
            case .minutes: L("Minutes", "会议纪要")
            case .series: L("Series", "例会系列")
            case .actionItems: L("Action items", "待办事项")
            case .actionItemLine: L("{1} {2} — {3}, due {4}, {5}", "{1} {2} — {3}，截止 {4}，{5}")
            case .actionDone: L("done {1}", "已完成 {1}")
            case .actionOpen: L("open", "未完成")
            case .actionOpenOverdue: L("open, overdue", "未完成，已逾期")
            case .guests: L("Guests", "外部嘉宾")
            case .stillToCheck: L("Still to check", "待检查")
            case .minutesReviewed: L("Minutes reviewed", "纪要审阅")
            case .company: L("Company", "来访单位")
            case .purpose: L("Purpose", "来访事由")
            case .headCount: L("Head count", "人数")
            case .appointmentReceived: L("Appointment received", "收到预约")
            case .arrived: L("Arrived", "到达时间")
            case .checkedIn: L("Checked in", "签到时间")
            case .badgesNotReturned: L("Badges not returned", "未归还访客证")
            case .idNumber: L("ID number", "证件号码")
            case .outcome: L("Outcome", "来访结果")
            case .sku: L("SKU", "编号")
            case .category: L("Category", "类别")
            case .special: L("special", "特殊物品")
            case .unit: L("Unit", "单位")
            case .reorderAtTarget: L("Reorder at / target", "补货点 / 目标库存")
            case .unitPrice: L("Unit price", "单价")
            case .dailyUse: L("Daily use", "日均用量")
            case .weeklyUse: L("Weekly use (8 weeks)", "每周用量（近 8 周）")
            case .openPurchaseRequests: L("Open purchase requests", "未完成采购申请")
            case .openRequestsShort: L("req", "申购")
            case .belowReorder: L("below reorder", "低于补货点")
            case .outOfStock: L("out of stock", "缺货")
            case .suppliers: L("Suppliers", "供应商")
            case .supplierLine: L("{1}: {2} per {3}, {4} lead time", "{1}：{2} / {3}，交货期 {4}")
            case .type: L("Type", "类型")
            case .amount: L("Amount", "金额")
            case .from: L("From", "开始")
            case .to: L("To", "结束")
            case .document: L("Document", "公文编号")
            case .asset: L("Asset", "资产编号")
            case .requester: L("Requester", "申请人")
            case .approvers: L("Approvers", "审批人")
            case .anyApprover: L("any approver", "任一审批人")
            case .approvalsNeeded: L("Approvals needed", "需批准人数")
            case .next: L("Next", "下一审批人")
            case .decisions: L("Decisions", "审批记录")
            case .paneAssets: L("Assets", "固定资产")
            case .paneParcels: L("Parcels", "快递")
            case .noAssets: L("No assets on the ledger", "台账中没有资产")
            case .noParcels: L("No parcels today", "今天没有快递")
            case .repairsOverdue: L("repair overdue", "维修超期")
            case .uncollected: L("uncollected", "超期未领")
            case .waitingCollection: L("Waiting for collection", "待领取")
            case .handledToday: L("Handled today", "今日已处理")
            case .assetTag: L("Tag", "资产标签")
            case .model: L("Model", "型号")
            case .serial: L("Serial", "序列号")
            case .purchased: L("Purchased", "购置日期")
            case .cost: L("Cost", "原值")
            case .bookValue: L("Book value", "账面价值")
            case .department: L("Department", "部门")
            case .location: L("Location", "存放地点")
            case .holder: L("Holder", "使用人")
            case .supplier: L("Supplier", "供应商")
            case .repairs: L("Repairs", "维修记录")
            case .transfers: L("Transfers", "调拨记录")
            case .scrapRequest: L("Scrap request", "报废申请")
            case .carrier: L("Carrier", "快递公司")
            case .tracking: L("Tracking number", "快递单号")
            case .recipient: L("Recipient", "收件人")
            case .sender: L("Sender", "寄件人")
            case .shelf: L("Shelf", "货架")
            case .size: L("Size", "尺寸")
            case .collectedBy: L("Collected by", "领取人")
            case .returned: L("Returned", "已退回")
            case .underRepairDays: L("{1} d in repair", "维修 {1} 天")
            case .onShelfDays: L("{1} d", "{1} 天")
            case .parcelsWaiting: L("Parcels {1}", "待领快递 {1}")
            }
        }
    }
}

/// Shorthand for a table row: English first, then Simplified Chinese.
func L(_ en: String, _ zh: String) -> Localized { Localized(en, zh) }
