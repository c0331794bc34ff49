import Foundation
import FrontDeskKit

/// The forms of notices and archives, each building its change with the kit builder the CLI
/// command uses (`notice post|feedback`, `archive add|lend|return`), so a rule is written once.
extension FormKind {
    func paperTrailDeclaration(subject: String?, _ s: OfficeState, _ ctx: RuleContext, _ strings: Strings) -> AnyFormSpec? {
        let pick = Pickers(s: s, strings: strings)
        let tz = ctx.env.timeZone, now = ctx.now, cal = ctx.env.calendar
        switch self {
        case .noticePost:
            struct Draft { var title = "", body: String?, departments: [String] = [], until = Date() }
            let known = s.departments.keys.sorted().joined(separator: ", ")
            let weekOn = cal.date(byAdding: .day, value: 7, to: now) ?? now
            return FormSpec(title: L("Post a notice", "发布通知"), draft: Draft(), fields: [
                .text(L("Title", "标题"), \.title),
                .text(L("Text", "正文"), \.body),
                .list(L("For departments", "受众部门"), \.departments,
                      hint: L("empty: everyone; \(known)", "留空：所有人；\(known)")),
                deadline(L("Shown until", "显示至"), \Draft.until, initial: Clock.day(weekOn, tz), dayEndsAt: nil),
            ], build: { d, s, ctx in
                s.noticePost(title: d.title, body: d.body ?? "", departments: d.departments, until: d.until, ctx)
            }).erased()

        case .noticeFeedback:
            guard let id = subject, let n = s.notices[id] else { return nil }
            struct Draft { var text = "" }
            return FormSpec(title: L("Feedback · \(n.title)", "通知反馈 · \(n.title)"), draft: Draft(), fields: [
                .text(L("Feedback", "反馈"), \.text, hint: L("what the poster should know", "希望发布人知道的事")),
            ], build: { d, s, ctx in s.noticeFeedback(id, text: d.text, for: nil, ctx) }).erased()

        case .archiveAdd:
            struct Draft {
                var title = "", department = "", category = "", project: String?, date: Date?, cabinet: String?, box: String?, path: String?
                var retention: Int? = nil, confidential = false, pages: Int?, attachments: Int?
            }
            let retention = FieldSpec<Draft>(label: L("Keep (years)", "保管期限（年）"), hint: L("years from its date, or permanent", "自文件日期起的年数，或“永久”"),
                                             required: true, initial: "10", choices: nil, path: \Draft.retention) { t, d, _ throws(FieldProblem) in
                if ["permanent", "永久"].contains(t.lowercased()) { d.retention = nil; return }
                guard let y = Int(t) else { throw FieldProblem("a number of years, or permanent", "请填写年数，或“永久”") }
                d.retention = y
            }
            return FormSpec(title: L("File a record", "新增档案"), draft: Draft(), fields: [
                .text(L("Title", "标题"), \.title),
                .pick(L("Department", "部门"), \.department, from: pick.departments, allowsOther: true),
                .text(L("Category", "类别"), \.category, hint: L("contract, regulation, minutes…", "合同、制度、会议纪要……")),
                .text(L("Project", "项目"), \.project),
                .day(L("Date", "日期"), \.date),
                .text(L("Cabinet", "档案柜"), \.cabinet, hint: L("paper: cabinet and box", "纸质：填写档案柜和档案盒")),
                .text(L("Box", "档案盒"), \.box),
                .text(L("Path", "路径"), \.path, hint: L("electronic: where the file is", "电子：文件所在位置")),
                retention,
                .yesNo(L("Confidential?", "机密？"), \.confidential, initial: false, pick.yesNo),
                optionalCount(L("Pages", "页数"), \Draft.pages),
                optionalCount(L("Attachments", "附件数"), \Draft.attachments),
            ], build: { d, s, ctx in
                if d.path != nil && (d.cabinet != nil || d.box != nil) {
                    throw DraftProblem(\Draft.path, "paper (cabinet, box) or electronic (path), not both", "纸质（档案柜、档案盒）或电子（路径），不能同时填写")
                }
                return s.archiveFile(title: d.title, department: d.department, project: d.project, category: d.category, date: d.date ?? ctx.now,
                                     cabinet: d.cabinet, box: d.box, path: d.path, retentionYears: d.retention, confidential: d.confidential,
                                     pages: d.pages, attachments: d.attachments, ctx)
            }).erased()

        case .archiveLend:
            guard let id = subject, let f = s.archives[id] else { return nil }
            struct Draft { var borrower = "", purpose = "", due = Date() }
            let weekOn = cal.date(byAdding: .day, value: 7, to: now) ?? now
            let title = f.confidential ? L("Lend \(f.id) \(f.title) (needs approval)", "借出 · \(f.id) \(f.title)（须审批）") : L("Lend \(f.id) \(f.title)", "借出 · \(f.id) \(f.title)")
            return FormSpec(title: title, draft: Draft(), fields: [
                .pick(L("Borrower", "借阅人"), \.borrower, from: pick.people, allowsOther: true),
                .text(L("Purpose", "用途"), \.purpose),
                deadline(L("Due back", "归还期限"), \Draft.due, initial: Clock.day(weekOn, tz), dayEndsAt: ctx.settings.dayEndHour),
            ], build: { d, s, ctx in try s.archiveLoan(fileID: id, borrower: d.borrower, purpose: d.purpose, due: d.due, ctx) }).erased()

        case .archiveReturn:
            guard let id = subject, let f = s.archives[id] else { return nil }
            struct Draft { var pages: Int?, attachments: Int?, missing: String? }
            return FormSpec(title: L("Take back \(f.id) \(f.title)", "归还 · \(f.id) \(f.title)"), draft: Draft(), fields: [
                optionalCount(L("Pages counted", "清点页数"), \Draft.pages, hint: f.pages.map { L("the record has \($0)", "档案记录为 \($0)") }),
                optionalCount(L("Attachments counted", "清点附件数"), \Draft.attachments, hint: f.attachments.map { L("the record has \($0)", "档案记录为 \($0)") }),
                .text(L("Missing", "缺失"), \.missing, hint: L("what is missing, in words", "缺失内容")),
            ], build: { d, s, ctx in try s.archiveReturn(id, pages: d.pages, attachments: d.attachments, missing: d.missing, ctx) }).erased()

        default:
            return nil
        }
    }
}

extension FormKind {
    /// An end or due time: a time, or a day alone meaning `dayEndsAt` o'clock that day (nil: its
    /// end), read by the kit's parser as the CLI's `--until` and `--due` are.
    func deadline<Draft>(_ label: Localized, _ path: WritableKeyPath<Draft, Date>, initial: String, dayEndsAt hour: Int?) -> FieldSpec<Draft> {
        FieldSpec(label: label, hint: L("a day (its end) or YYYY-MM-DD HH:MM", "日期（当天结束）或 YYYY-MM-DD HH:MM"), required: true, initial: initial,
                  choices: nil, path: path) { t, d, c throws(FieldProblem) in
            guard let at = DateInput.deadline(t, now: c.now, calendar: c.calendar, dayEndsAt: hour) else {
                throw FieldProblem("a day (\(DateInput.dayForms)) or a time (\(DateInput.momentForms))", "请填写日期（\(DateInput.dayFormsZh)）或时间（\(DateInput.momentFormsZh)）")
            }
            d[keyPath: path] = at
        }
    }

    /// A whole number 0 or more, or empty (nil).
    func optionalCount<Draft>(_ label: Localized, _ path: WritableKeyPath<Draft, Int?>, hint: Localized? = nil) -> FieldSpec<Draft> {
        FieldSpec(label: label, hint: hint, required: false, initial: "", choices: nil, path: path) { t, d, _ throws(FieldProblem) in
            guard let n = Int(t), n >= 0 else { throw FieldProblem("a whole number ≥ 0", "请填写不小于 0 的整数") }
            d[keyPath: path] = n
        }
    }

    /// An amount of money as the CLI's `--cost` reads it (at most two decimals), kept in cents.
    func cents<Draft>(_ label: Localized, _ path: WritableKeyPath<Draft, Int>, initial: String = "", hint: Localized? = nil) -> FieldSpec<Draft> {
        FieldSpec(label: label, hint: hint, required: true, initial: initial, choices: nil, path: path) { t, d, _ throws(FieldProblem) in
            guard let c = Cents.parse(t) else { throw FieldProblem("an amount like 23 or 23.50", "请填写金额，如 23 或 23.50") }
            d[keyPath: path] = c
        }
    }
}
