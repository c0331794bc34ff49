import Foundation
import FrontDeskKit

/// The Reports screen's and the day view's words, English and Chinese side by side. Report
/// columns are stable keys (CSV headers); these are what a person reads above them.
enum ReportWords {
    static let title = L("Reports", "报表")
    static let loading = L("No report read yet.", "尚未读取报表。")
    static let empty = L("Nothing recorded in this period.", "本期无记录。")
    static let noHistory = L("History cannot be read here.", "此处无法读取历史记录。")
    static let couldNotRead = L("Could not read the report", "无法读取报表")
    static let scroll = L("scroll", "滚动")
    static let close = L("close", "关闭")
    static let maxWord = L("max", "最大")
    static let lastWord = L("last", "最近")
    static let totalWord = L("total", "合计")
    static let roomHours = L("room-hours", "间·小时")
    static let soFar = L("so far", "截至今日")
    /// The meetings timeline's heading on another day ("Rooms today" on today).
    static let rooms = L("Rooms", "会议室")

    /// "Viewing Tue 2025-03-12 · read-only · t: today" — the status bar of another day.
    static func viewing(_ day: String, today key: String?) -> Localized {
        let back = key.map { (" · \($0): today", " · \($0)：回到今天") } ?? ("", "")
        return L("Viewing \(day) · read-only\(back.0)", "正在查看 \(day) · 只读\(back.1)")
    }

    /// An empty pane on another day: "Nothing on Tue 2025-03-12" / "2025-03-12 周二 无记录".
    static func nothingOn(_ day: String) -> Localized { L("Nothing on \(day)", "\(day) 无记录") }

    /// What a step, form or menu key answers on another day.
    static func readOnly(_ day: String, action: String, today key: String?) -> Localized {
        let back = key.map { (" Press \($0) for today.", "按 \($0) 回到今天。") } ?? ("", "")
        return L("\(day) is read-only: \(action) works on today only.\(back.0)", "\(day) 为只读：\(action)只能在今天办理。\(back.1)")
    }

    static let weekdays: [Localized] = [
        L("Sun", "周日"), L("Mon", "周一"), L("Tue", "周二"), L("Wed", "周三"), L("Thu", "周四"), L("Fri", "周五"), L("Sat", "周六"),
    ]

    /// "Tue 2025-03-12" / "2025-03-12 周二".
    static func day(_ d: Date, _ cal: Calendar, _ strings: Strings) -> String {
        let tz = cal.timeZone
        let wd = weekdays[max(0, min(6, cal.component(.weekday, from: d) - 1))]
        return strings.language == .zhHans ? "\(Clock.day(d, tz)) \(wd.zh)" : "\(wd.en) \(Clock.day(d, tz))"
    }

    /// The heat map's row labels as the report writes them (Mon…Sun), in the user's language.
    static func weekday(_ en: String, _ strings: Strings) -> String {
        strings[weekdays.first { $0.en == en } ?? Localized(verbatim: en)]
    }

    static func kind(_ k: ReportKind) -> Localized {
        switch k {
        case .meetings: L("Meetings", "会议")
        case .visitors: L("Visitors", "访客")
        case .supplies: L("Supplies", "物品")
        case .approvals: L("Approvals", "审批")
        case .documents: L("Documents", "公文")
        case .loans: L("Archive loans", "档案借阅")
        case .parcels: L("Parcels", "快递")
        }
    }

    /// Tab order: the home page's panes (1 Meetings, 2 Visitors, 3 Stock → supplies, 4 Approvals).
    static let order: [ReportKind] = [.meetings, .visitors, .supplies, .approvals]

    /// A column's heading; an unknown key is shown as it is.
    static func column(_ key: String) -> Localized {
        columns[key] ?? Localized(verbatim: key)
    }

    /// Cell texts the reports write in English.
    static func cell(_ text: String, _ strings: Strings) -> String {
        switch text {
        case "idle": strings[L("idle", "闲置")]
        case "ran out": strings[L("ran out", "断货")]
        case "(none)": strings[L("(none)", "（无）")]
        default: text
        }
    }

    static let columns: [String: Localized] = [
        "amount": L("Amount", "金额"), "approved": L("Appr.", "批准"), "arrived": L("Arrived", "到访"),
        "averageDaysBetween": L("Days apart", "间隔天数"), "averageHoursToDecision": L("Avg h", "平均小时"),
        "averageLot": L("Avg lot", "平均批量"), "averageWaitMinutes": L("Avg wait", "平均等候"), "badge": L("Badge", "访客证"),
        "badgesLost": L("Badges lost", "遗失证"), "booked": L("Booked", "预订"), "cancelled": L("Cancelled", "取消"),
        "cost": L("Cost", "成本"), "day": L("Day", "日期"), "department": L("Department", "部门"), "expected": L("Expected", "预约"),
        "held": L("Held", "召开"), "hours": L("Hours", "小时"), "id": L("ID", "编号"), "late": L("Late", "迟发"),
        "longestWaitMinutes": L("Max wait", "最长等候"), "meetings": L("Meetings", "会议"), "month": L("Month", "月份"),
        "name": L("Name", "名称"), "noShowRate": L("No-show %", "未到率"), "noShows": L("No-shows", "未到"),
        "notYetDue": L("Not due", "未到期"), "onHandAtEnd": L("On hand", "期末库存"), "onTime": L("On time", "按时"),
        "onTimeRate": L("On time %", "按时率"), "open": L("Open", "未完成"), "overdue": L("Overdue", "逾期"),
        "overdueShare": L("Overdue %", "逾期率"), "owner": L("Owner", "负责人"), "pending": L("Pending", "待批"),
        "people": L("People", "人数"), "personHours": L("Person-h", "人时"), "receipts": L("Receipts", "入库次数"),
        "rejected": L("Rej.", "驳回"), "rejectionRate": L("Reject %", "驳回率"), "requests": L("Requests", "申请"),
        "room": L("Room", "会议室"), "since": L("Since", "起始"), "sku": L("SKU", "编码"), "state": L("State", "状态"),
        "supplier": L("Supplier", "供应商"), "target": L("Target", "目标"), "title": L("Title", "主题"), "type": L("Type", "类型"),
        "unit": L("Unit", "单位"), "units": L("Units", "数量"), "unsentOverdue": L("Unsent", "逾期未发"),
        "visitor": L("Visitor", "访客"), "visits": L("Visits", "来访"), "weekday": L("Weekday", "星期"),
    ]
}
