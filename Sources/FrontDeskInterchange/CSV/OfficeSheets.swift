import Foundation
import FrontDeskKit

/// Reading whole numbers, amounts and yes/no from cells, with the row's own reason when they are not.
enum Cell {
    static func int(_ v: String, _ column: String, zh: String) throws(RowReason) -> Int {
        guard let n = Int(v) else { throw RowReason("\(column) \"\(v)\" is not a whole number.", zh: "\(zh)“\(v)”不是整数。") }
        return n
    }

    static func amount(_ v: String, _ column: String, zh: String) throws(RowReason) -> Double {
        // Spreadsheets in Chinese locales may write the currency sign or thousands separators.
        let t = v.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "¥", with: "").replacingOccurrences(of: "￥", with: "")
        guard let x = Double(t), x.isFinite else { throw RowReason("\(column) \"\(v)\" is not an amount.", zh: "\(zh)“\(v)”不是金额。") }
        return x
    }

    static func yesNo(_ v: String?, _ column: String, zh: String) throws(RowReason) -> Bool {
        guard let v else { return false }
        switch v.lowercased() {
        case "yes", "y", "true", "1", "是", "x", "✓": return true
        case "no", "n", "false", "0", "否", "": return false
        default: throw RowReason("\(column) \"\(v)\" is neither yes nor no.", zh: "\(zh)“\(v)”既不是“是”也不是“否”。")
        }
    }

    /// A list typed in one cell: items split at commas, semicolons, 、 or ，.
    static func list(_ v: String?) -> [String] {
        (v ?? "").split(whereSeparator: { ",;、，；".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

/// Stock items as a spreadsheet: what `stock list --format csv` writes and `stock import` reads
/// (a first catalogue). Each row becomes the `addItem` change `stock item add` makes.
public enum StockItemSheet {
    public static let columns: [SpreadsheetColumn] = [
        SpreadsheetColumn("sku", ["编号", "货号", "物品编号", "物料编码"], required: true),
        SpreadsheetColumn("name", ["名称", "品名", "物品名称", "物品"], required: true),
        SpreadsheetColumn("unit", ["单位", "计量单位"], required: true),
        SpreadsheetColumn("category", ["类别", "分类"]),
        SpreadsheetColumn("reorderAt", ["reorder at", "reorder point", "补货点", "再订货点", "最低库存"], required: true),
        SpreadsheetColumn("target", ["target stock", "目标库存", "目标"], required: true),
        SpreadsheetColumn("unitPrice", ["price", "单价", "价格"]),
        SpreadsheetColumn("suppliers", ["supplier", "供应商"]),
        SpreadsheetColumn("special", ["特殊", "特殊物品"]),
    ]
    public static var header: [String] { columns.map(\.name) }

    /// An item's cells under `header`; suppliers as SUPPLIER:PRICE:DAYS separated by `;`.
    public static func cells(_ i: SupplyItem) -> [String] {
        [i.sku, i.name, i.unit, i.category, "\(i.reorderAt)", "\(i.target)", i.unitPrice.map { String(format: "%.2f", $0) } ?? "",
         i.suppliers.map { "\($0.supplier):\(String(format: "%.2f", $0.unitPrice)):\($0.leadDays)" }.joined(separator: "; "),
         i.special ? "yes" : "no"]
    }

    /// The `addItem` change for `row`; a row reason for a cell that is not a number or supplier.
    public static func change(_ r: SpreadsheetRecords, _ row: SpreadsheetRow) throws(RowReason) -> Change {
        let offers = try Cell.list(r.value("suppliers", in: row).map { $0.replacingOccurrences(of: "，", with: ";") }.map { $0.replacingOccurrences(of: ",", with: ";") })
            .map { text throws(RowReason) -> SupplierOffer in
                guard let q = Quote.parse(text) else {
                    throw RowReason("Supplier \"\(text)\" is not SUPPLIER:PRICE:DAYS (e.g. 得力:2.50:3).", zh: "供应商“\(text)”不是“供应商:单价:天数”格式（例如 得力:2.50:3）。")
                }
                return SupplierOffer(supplier: q.supplier, unitPrice: q.unitPrice, leadDays: q.leadDays)
            }
        let price = try r.value("unitPrice", in: row).map { v throws(RowReason) in try Cell.amount(v, "unitPrice", zh: "单价") }
        return .addItem(SupplyItem(
            sku: try RowReason.required(r.value("sku", in: row), "sku", zh: "编号"),
            name: try RowReason.required(r.value("name", in: row), "name", zh: "名称"),
            unit: try RowReason.required(r.value("unit", in: row), "unit", zh: "单位"),
            category: r.value("category", in: row) ?? "general",
            reorderAt: try Cell.int(try RowReason.required(r.value("reorderAt", in: row), "reorderAt", zh: "补货点"), "reorderAt", zh: "补货点"),
            target: try Cell.int(try RowReason.required(r.value("target", in: row), "target", zh: "目标库存"), "target", zh: "目标库存"),
            unitPrice: price ?? offers.first?.unitPrice, suppliers: offers,
            special: try Cell.yesNo(r.value("special", in: row), "special", zh: "特殊")))
    }
}

/// Meeting rooms as a spreadsheet: `room list --format csv` writes it, `room import` reads it.
public enum RoomSheet {
    public static let columns: [SpreadsheetColumn] = [
        SpreadsheetColumn("name", ["room", "会议室", "名称", "会议室名称"], required: true),
        SpreadsheetColumn("capacity", ["seats", "座位", "座位数", "容纳人数"], required: true),
        SpreadsheetColumn("equipment", ["设备"]),
    ]

    /// The `addRoom` change `room add` makes, with a new id from `state`.
    public static func change(_ r: SpreadsheetRecords, _ row: SpreadsheetRow, _ state: OfficeState, _ ctx: RuleContext) throws(RowReason) -> Change {
        let name = try RowReason.required(r.value("name", in: row), "name", zh: "名称")
        let seats = try Cell.int(try RowReason.required(r.value("capacity", in: row), "capacity", zh: "座位数"), "capacity", zh: "座位数")
        return .addRoom(Room(id: ctx.env.ids.next(.room, in: state), name: name, capacity: seats, equipment: Cell.list(r.value("equipment", in: row))))
    }
}

/// People, their departments and roles as a spreadsheet (`people import`): each row adds the person,
/// first their department when the office has none of that name, then each role named.
public enum PeopleSheet {
    public static let columns: [SpreadsheetColumn] = [
        SpreadsheetColumn("login", ["user", "username", "登录名", "用户名", "账号"], required: true),
        SpreadsheetColumn("name", ["姓名", "名字"], required: true),
        SpreadsheetColumn("department", ["dept", "部门"]),
        SpreadsheetColumn("email", ["e-mail", "邮箱", "电子邮件"]),
        SpreadsheetColumn("roles", ["role", "角色"]),
    ]

    /// The changes of one row: `addDepartment` (when new), `addPerson`, a `grantRole` per role.
    public static func changes(_ r: SpreadsheetRecords, _ row: SpreadsheetRow, _ state: OfficeState) throws(RowReason) -> [Change] {
        let login = try RowReason.required(r.value("login", in: row), "login", zh: "登录名")
        let name = try RowReason.required(r.value("name", in: row), "name", zh: "姓名")
        let dept = r.value("department", in: row)
        var out: [Change] = []
        if let dept, state.departments[dept] == nil { out.append(.addDepartment(Department(name: dept))) }
        out.append(.addPerson(Person(login: login, name: name, department: dept, email: r.value("email", in: row))))
        for word in Cell.list(r.value("roles", in: row)?.replacingOccurrences(of: " ", with: ",")) {
            guard let role = Role(rawValue: word.lowercased()) ?? ZHRole.role(word) else {
                throw RowReason("Role \"\(word)\" is none of \(Role.allCases.map(\.rawValue).joined(separator: ", ")).",
                                zh: "角色“\(word)”不是 \(Role.allCases.map { ZH.role($0) }.joined(separator: "、")) 之一。")
            }
            out.append(.grantRole(user: login, role: role))
        }
        return out
    }
}

/// Role names as the Chinese front end writes them, read back.
enum ZHRole {
    static func role(_ word: String) -> Role? { Role.allCases.first { ZH.role($0) == word } }
}

/// Expected visitors as a spreadsheet (an event's guest list): `visitor import` reads it, and the
/// visitor register's CSV has the same column names, so an export can be read back.
public enum VisitorSheet {
    public static let columns: [SpreadsheetColumn] = [
        SpreadsheetColumn("name", ["visitor", "guest", "姓名", "访客", "访客姓名", "来宾"], required: true),
        SpreadsheetColumn("company", ["organisation", "organization", "公司", "单位"]),
        SpreadsheetColumn("purpose", ["事由", "来访事由", "目的"]),
        SpreadsheetColumn("host", ["接待人", "被访人"]),
        SpreadsheetColumn("expected", ["at", "time", "expectedAt", "时间", "到访时间", "预计到达"]),
        SpreadsheetColumn("headCount", ["count", "人数"]),
        SpreadsheetColumn("idNumber", ["id number", "证件号", "身份证号"]),
    ]

    /// What the rows leave out: the host, time and purpose of the event (`--meeting`), or the day (`--date`).
    public struct Defaults: Sendable {
        public var host: String?
        public var at: Date?
        public var purpose: String?
        /// The day an `HH:MM` cell is on.
        public var day: Date?
        public init(host: String? = nil, at: Date? = nil, purpose: String? = nil, day: Date? = nil) {
            self.host = host; self.at = at; self.purpose = purpose; self.day = day
        }
    }

    /// The `addVisitor` change `visitor add` makes, with a new id from `state`. The time cell takes
    /// what `visitor add --at` takes; `HH:MM` is on `defaults.day` when given.
    public static func change(_ r: SpreadsheetRecords, _ row: SpreadsheetRow, _ defaults: Defaults, _ state: OfficeState,
                              _ ctx: RuleContext) throws(RowReason) -> Change {
        let name = try RowReason.required(r.value("name", in: row), "name", zh: "姓名")
        guard let host = r.value("host", in: row) ?? defaults.host else {
            throw RowReason("The host cell is empty (or give --meeting: its organiser hosts).", zh: "接待人为空（或用 --meeting：由会议组织者接待）。")
        }
        let at: Date
        if let text = r.value("expected", in: row) {
            let cal = ctx.env.calendar
            // HH:MM is "today" to DateInput; on --date it is that day, so ask as of that day's noon.
            let now = defaults.day.flatMap { cal.date(byAdding: .hour, value: 12, to: cal.startOfDay(for: $0)) } ?? ctx.now
            guard let d = DateInput.moment(text, now: now, calendar: cal) else {
                throw RowReason("Time \"\(text)\" is not one of: \(DateInput.momentForms).", zh: "时间“\(text)”不是以下格式之一：\(DateInput.momentFormsZh)。")
            }
            at = d
        } else if let d = defaults.at {
            at = d
        } else {
            throw RowReason("The expected time cell is empty (or give --meeting: its start is the time).", zh: "到访时间为空（或用 --meeting：以会议开始时间为准）。")
        }
        let count = try r.value("headCount", in: row).map { v throws(RowReason) in try Cell.int(v, "headCount", zh: "人数") } ?? 1
        return .addVisitor(Visitor(id: ctx.env.ids.next(.visitor, in: state), name: name, company: r.value("company", in: row),
                                   purpose: r.value("purpose", in: row) ?? defaults.purpose, host: host, expectedAt: at, headCount: count,
                                   receivedAt: ctx.now, idNumber: r.value("idNumber", in: row)))
    }
}
