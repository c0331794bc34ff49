import Foundation

/// Why a change was not made, in words a person at the desk can act on, in English and in
/// Simplified Chinese. Nothing is written when a change is refused.
public struct Refusal: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The input itself is wrong (unknown id, end before start): exit code 2.
        case invalid
        /// A business rule refuses it against the current state (room taken, badge out): exit code 3.
        case rule
        /// The acting user lacks the role for it: exit code 3.
        case permission
    }

    public var kind: Kind
    /// The reason in English: what tests, logs and English front ends read.
    public var message: String
    /// The same reason in Simplified Chinese, as a front-desk clerk reads it; nil where none is written.
    public var zh: String?

    public init(_ kind: Kind, _ message: String, zh: String? = nil) { self.kind = kind; self.message = message; self.zh = zh }

    public static func invalid(_ m: String, zh: String? = nil) -> Refusal { Refusal(.invalid, m, zh: zh) }
    public static func rule(_ m: String, zh: String? = nil) -> Refusal { Refusal(.rule, m, zh: zh) }
    public static func permission(_ m: String, zh: String? = nil) -> Refusal { Refusal(.permission, m, zh: zh) }

    /// The reason in Chinese when `chinese` (English where no Chinese is written), else in English.
    public func text(chinese: Bool) -> String { chinese ? (zh ?? message) : message }

    public var description: String { message }
}

/// Whether a person reads Chinese, from the locale variables as the C library ranks them for
/// messages: `LC_ALL`, then `LC_MESSAGES`, then `LANG` (the first non-empty); `zh*` is Chinese.
/// The dashboard's `UILanguage.fromEnvironment` makes the same choice.
public enum ReaderLanguage {
    /// `FRONTDESK_LANGUAGE` (`zh`/`en`; set from config.toml's `language`) first, then the locale variables.
    public static func isChinese(_ env: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        for key in ["FRONTDESK_LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"] {
            if let v = env[key], !v.isEmpty { return v.lowercased().hasPrefix("zh") }
        }
        return false
    }
}

/// The Kit's states in the Chinese words the dashboard uses (Strings.swift), for Chinese refusals
/// and the CLI's Chinese sentences.
public enum ZH {
    public static func status(_ s: VisitorStatus) -> String {
        switch s {
        case .expected: "预约待到"
        case .confirmed: "已确认"
        case .arrived: "在大厅等候"
        case .onSite: "在访"
        case .left: "已离开但访客证未还"
        case .closed: "已离开"
        case .cancelled: "已取消"
        case .noShow: "未到场"
        }
    }

    public static func status(_ s: MeetingStatus) -> String {
        switch s {
        case .requested: "待确认"
        case .confirmed: "已确认"
        case .prepared: "已准备"
        case .roomChecked: "已检查会议室"
        case .held: "已召开"
        case .minutesDrafted: "纪要草稿已写"
        case .minutesSent: "纪要已发送"
        case .closed: "已结束"
        case .cancelled: "已取消"
        case .noShow: "未到场"
        }
    }

    public static func status(_ s: ApprovalStatus) -> String {
        switch s {
        case .pending: "待审批"
        case .approved: "已批准"
        case .rejected: "已驳回"
        case .withdrawn: "已撤回"
        }
    }

    public static func type(_ t: ApprovalType) -> String {
        switch t {
        case .purchase: "采购"
        case .leave: "请假"
        case .overtime: "加班"
        case .document: "公文流转"
        case .scrap: "资产报废"
        case .archiveLoan: "档案借阅"
        case .writeOff: "离职物品核销"
        }
    }

    public static func kind(_ k: StockMoveKind) -> String {
        switch k {
        case .receive: "入库"
        case .issue: "领用"
        case .returned: "退还"
        case .adjust: "盘点"
        case .writeOff: "报损"
        }
    }

    /// A task or field name the rules pass as English words ("move stock", "reason"), in Chinese;
    /// an unknown one is kept as given, in quotes.
    public static func words(_ english: String) -> String { table[english] ?? "“\(english)”" }

    private static let table: [String: String] = [
        "keep the asset ledger": "登记资产台账",
        "book parcels in and out": "登记包裹收发",
        "keep joiners' and leavers' checklists": "办理入职离职清单",
        "set joiner templates": "设置入职清单模板",
        "checklist id": "清单编号",
        "item id": "项目编号",
        "note": "备注",
        "item": "项目",
        "issued": "发放",
        "recovered": "收回",
        "written-off": "核销",
        "asset tag": "资产标签",
        "model": "型号",
        "location": "存放地点",
        "fault": "故障描述",
        "vendor or property management": "维修方（供应商或物业）",
        "work done": "维修内容",
        "serial number": "序列号",
        "holder": "使用人",
        "asset count id": "资产盘点编号",
        "carrier": "快递公司",
        "tracking number": "快递单号",
        "sender": "寄件人",
        "collector's name": "领取人姓名",
        "parcel id": "包裹编号",
        "size": "尺寸",
        "shelf": "货架",
        "person": "人员",
        "in-use": "在用",
        "in-store": "在库",
        "under-repair": "维修中",
        "lost": "丢失",
        "scrapped": "报废",
        "missing": "盘亏",
        "unexpected": "盘盈",
        "misplaced": "位置不符",
        "matched": "相符",
        "add supply items": "添加物品",
        "move stock": "登记出入库",
        "request purchases": "提交采购申请",
        "record departments' demand": "登记部门需求",
        "grant roles": "授予角色",
        "revoke roles": "收回角色",
        "add badges to the pool": "添加访客证",
        "change the watch list": "修改关注名单",
        "book rooms or record a meeting's steps": "预订会议室或登记会议进度",
        "change settings": "修改设置",
        "confirm visits": "确认来访",
        "record arrivals": "登记到达",
        "check visitors in": "为访客办理登记",
        "decide on a watch-list match": "对关注名单命中作出决定",
        "check visitors out": "为访客办理离开",
        "undo a check-in": "撤销登记",
        "take badges back": "收回访客证",
        "record a visit's outcome": "登记来访结果",
        "cancel visits": "取消来访",
        "record a no-show": "登记未到场",
        "register visitors": "登记访客预约",
        "do front-desk work": "办理前台事务",
        "SKU": "物品编号（SKU）",
        "item name": "物品名称",
        "unit": "单位",
        "department": "部门",
        "recipient who signs": "签收人",
        "reason for the stocktake variance": "盘点差异原因",
        "inspector's name": "验收人姓名",
        "user": "用户",
        "identity number": "证件号码",
        "outcome": "来访结果",
        "reason": "原因",
        "badge code": "访客证编号",
        "visitor's name": "访客姓名",
        "host": "接待人",
        "minutes": "会议纪要",
        "action text": "待办内容",
        "owner": "负责人",
        "guest's name": "来宾姓名",
        "room name": "会议室名称",
        "title": "标题",
        "comment giving the reason for the rejection": "驳回理由",
        "department name": "部门名称",
        "action owner": "待办负责人",
        "approval id": "审批编号",
        "approval title": "审批标题",
        "approver": "审批人",
        "asset": "资产",
        "attendee": "参会人",
        "category": "类别",
        "chair": "主持人",
        "checklist item": "检查项",
        "comment": "意见",
        "company": "单位",
        "document reference": "文号",
        "email": "电子邮箱",
        "equipment": "设备",
        "goal": "目的",
        "guest's contact": "来宾联系方式",
        "justification": "理由",
        "login": "登录名",
        "meeting id": "会议编号",
        "meeting title": "会议标题",
        "name": "姓名",
        "organizer": "组织人",
        "person's name": "人员姓名",
        "purchase id": "采购编号",
        "purpose": "来访事由",
        "quality": "质量",
        "requester": "申请人",
        "room id": "会议室编号",
        "setting": "设置项",
        "setting's value": "设置值",
        "supplier": "供应商",
        "visitor id": "访客编号",
        "user (login)": "用户（登录名）",
        "post notices": "发布通知", "end notices": "结束通知", "record an acknowledgement for someone else": "代他人登记已阅", "record feedback for someone else": "代他人登记反馈",
        "file archives": "登记档案", "lend archive files": "借出档案", "take archive files back": "归还档案",
        "notice title": "通知标题", "notice text": "通知内容", "feedback": "反馈", "archive title": "档案标题",
        "archive category": "档案类别", "project": "项目", "cabinet": "档案柜", "box": "档案盒", "path": "路径",
        "borrower": "借阅人", "loan purpose": "借阅用途", "what is missing": "缺失内容", "notice id": "通知编号",
        "archive id": "档案编号", "loan id": "借阅编号", "source": "来源",
        "its preparation is done": "准备工作已完成", "its room was already checked": "会议室已检查过",
        "it was already held": "会议已召开", "only a meeting still to come can change": "只有尚未召开的会议才能更改",
    ]

    /// "管理员（李娜、王伟）": whom to ask for a role, as `adminNames` lists them.
    public static func ask(_ adminNames: [String]) -> String {
        adminNames.isEmpty ? "管理员" : "管理员（\(adminNames.joined(separator: "、"))）"
    }

    /// An approval chain step: a person's name, or "拥有 lead 角色的人" for `role:lead`.
    public static func step(_ entry: String, _ s: OfficeState) -> String {
        entry.hasPrefix("role:") ? "拥有 \(entry.dropFirst(5)) 角色的人" : s.describeStep(entry)
    }

    public static func role(_ r: Role) -> String {
        switch r {
        case .frontdesk: "前台（frontdesk）"
        case .lead: "主管（lead）"
        case .approver: "审批人（approver）"
        case .admin: "管理员（admin）"
        }
    }
}
