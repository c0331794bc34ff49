import Foundation
import FrontDeskKit
@testable import FrontDeskTUI
import Testing
import TestSupport

/// Every string the panes and the help overlay show has a Simplified Chinese text, the Chinese
/// dashboard keeps its columns and widths, and the language follows the locale variables.
@Suite struct LocalizationTests {
    static let en = Strings(.en)
    static let zh = Strings(.zhHans)

    static func hasCJK(_ s: String) -> Bool {
        s.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) || (0x3000...0x303F).contains($0.value) }
    }

    static func placeholders(_ s: String) -> Set<String> {
        Set(s.matches(of: /\{\d\}/).map { String($0.output) })
    }

    // MARK: Tables

    @Test(arguments: Strings.Phrase.allCases)
    func everyPhraseHasAChineseText(_ p: Strings.Phrase) throws {
        let text = p.text
        #expect(!text.en.isEmpty)
        #expect(text.zh != text.en)
        #expect(Self.hasCJK(text.zh), "\(p): \(text.zh)")
        #expect(Self.zh[p] == text.zh)
        #expect(Self.en[p] == text.en)
        #expect(!Self.hasCJK(text.en), "\(p): \(text.en)")
        // A template keeps every slot.
        #expect(Self.placeholders(text.zh) == Self.placeholders(text.en), "\(p): \(text.zh)")
    }

    @Test(arguments: Action.table.map(\.id))
    func everyActionHasAChineseLabelAndHelp(_ id: ActionID) throws {
        let row = Action.row(id)
        #expect(Self.en.actionLabel(id) == row.label.en)
        #expect(Self.en.actionHelp(id) == row.help.en)
        #expect(Self.zh.actionLabel(id) == row.label.zh)
        #expect(Self.zh.actionHelp(id) == row.help.zh)
        for s in [row.label.zh, row.help.zh] {
            #expect(Self.hasCJK(s), "\(id): \(s)")
        }
        for s in [row.label.en, row.help.en] {
            #expect(!Self.hasCJK(s), "\(id): \(s)")
        }
        #expect(row.help.zh.hasSuffix("。"), "\(id): \(row.help.zh)")
        #expect(row.help.en.hasSuffix("."), "\(id): \(row.help.en)")
        // A label fits the status-bar hints and the menu as the English one does.
        #expect(DisplayWidth.of(row.label.zh) <= max(12, DisplayWidth.of(row.label.en)), "\(id): \(row.label.zh)")
        // The help overlay gives labels 22 columns; a longer one would be cut there.
        #expect(DisplayWidth.of(row.label.en) <= 22 && DisplayWidth.of(row.label.zh) <= 22, "\(id): \(row.label)")
    }

    /// Within a scope (the panes, a form, one pane's actions menu) no two actions share a label.
    @Test func labelsAreDistinctWithinAScope() {
        for scope in KeyScope.all {
            for side in [\Localized.en, \Localized.zh] {
                let labels = Keymap.rows(in: scope).map { $0.label[keyPath: side] }
                #expect(Set(labels).count == labels.count, "\(scope): \(labels)")
            }
        }
    }

    /// No English text is left in the Chinese form, menu and help of the dashboard: every form of
    /// the demo, opened on a row it fits, has Chinese title, labels and hints.
    @Test(arguments: FormKind.allCases)
    func everyFormIsDeclaredInBothLanguages(_ kind: FormKind) throws {
        var model = PaneFixture.demo
        if kind == .assetSettle {
            // Settling needs a stocktake with a difference: nothing found on the 3rd floor.
            var s = model.state
            s.apply(s.assetCount(location: "3F 研发区", found: [], model.context))
            model = PaneFixture.model(s)
        }
        let subjects: [String?] = [nil] + model.state.visitors.keys.sorted() + model.state.items.keys.sorted()
            + model.state.approvals.keys.sorted() + model.state.meetings.keys.sorted() + model.state.documents.keys.sorted()
            + model.state.notices.keys.sorted() + model.state.archives.keys.sorted() + model.state.assets.keys.sorted() + model.state.parcels.keys.sorted()
            + model.state.staff.keys.sorted()
        let form = try #require(subjects.lazy.compactMap { DeskForm.make(kind, subject: $0, model: model, strings: Self.zh) }.first,
                                "\(kind) opens on no demo record")
        #expect(Self.hasCJK(form.title.zh) && form.title.zh != form.title.en, "\(kind): \(form.title)")
        for f in form.fields {
            #expect(Self.hasCJK(f.label.zh) && !Self.hasCJK(f.label.en), "\(kind): \(f.label)")
            if let h = f.hint, h.en != h.zh { #expect(Self.hasCJK(h.zh), "\(kind): \(h)") }
        }
    }

    @Test func statusesAndTypesInBothLanguages() {
        func check<T: RawRepresentable>(_ all: [T], _ name: (Strings, T) -> String) where T.RawValue == String {
            var seen: Set<String> = []
            for v in all {
                #expect(name(Self.en, v) == Strings.words(v.rawValue))
                let z = name(Self.zh, v)
                #expect(Self.hasCJK(z), "\(v): \(z)")
                #expect(seen.insert(z).inserted, "\(v): \(z) twice")
            }
        }
        check(MeetingStatus.allCases) { $0.status($1) }
        check(VisitorStatus.allCases) { $0.status($1) }
        check(ApprovalStatus.allCases) { $0.status($1) }
        check(ApprovalType.allCases) { $0.approvalType($1) }
        check([Verdict.approve, .reject]) { $0.verdict($1) }
        #expect(Self.zh.status(MeetingStatus.roomChecked) == "已检查会议室")
        #expect(Self.zh.status(VisitorStatus.arrived) == "大厅等候")
        #expect(Self.zh.approvalType(.document) == "公文流转")
        #expect(Self.zh.approvalType(.scrap) == "资产报废")
    }

    @Test(arguments: DueFlag.allCases)
    func everyFlagHasAMarkInBothLanguages(_ f: DueFlag) throws {
        guard f != .waitingForYou else {
            // Its own section says it.
            #expect(Self.en.flagMark(f) == nil && Self.zh.flagMark(f) == nil)
            return
        }
        let e = try #require(Self.en.flagMark(f))
        let z = try #require(Self.zh.flagMark(f))
        #expect(!Self.hasCJK(e))
        #expect(Self.hasCJK(z), "\(f): \(z)")
        #expect(e.hasPrefix("!") == z.hasPrefix("!"), "\(f): \(e) / \(z)")
        #expect(DisplayWidth.of(z) <= 8, "\(f): \(z)")
    }

    @Test func englishMarksAreUnchanged() {
        #expect(Self.en.flagMark(.confirmOverdue) == "!confirm")
        #expect(Self.en.flagMark(.belowReorder) == "!reorder")
        #expect(Self.en.flagMark(.unclaimed) == "unclaimed")
        #expect(Self.zh.flagMark(.confirmDue) == "!确认")
    }

    @Test func agesCountsAndTemplates() {
        let samples: [TimeInterval] = [0, 1500, 10_800, 180_000, 777_600]
        for seconds in samples {
            #expect(Self.en.age(seconds) == Age.text(seconds))
            #expect(Self.hasCJK(Self.zh.age(seconds)))
        }
        #expect(Self.zh.age(25 * 60) == "25分钟")
        #expect(Self.zh.age(3 * 3600) == "3小时")
        #expect(Self.zh.age(50 * 3600) == "2天")
        #expect(Self.en.paneTitle(.meetings, count: 24, flagged: 4, .overdue) == "Meetings 24 · 4 overdue")
        #expect(Self.zh.paneTitle(.meetings, count: 24, flagged: 4, .overdue) == "会议 24 · 逾期 4")
        #expect(Self.zh.paneTitle(.stock, count: 3, flagged: 0, .due) == "库存 3")
        #expect(Self.en.format(.actionItemLine, "T1", "Call", "Tom", "2026-12-01 12:00", "open")
                == "T1 Call — Tom, due 2026-12-01 12:00, open")
        #expect(Self.zh.format(.supplierLine, "得力", "18", "box", Self.zh.days(3)) == "得力：18 / box，交货期 3天")
        #expect(Self.en.field(.room, "Focus 1") == "Room: Focus 1")
        #expect(Self.zh.field(.room, "Focus 1") == "会议室：Focus 1")
        #expect(Self.zh.field(.room, "") == nil)
    }

    // MARK: The Chinese dashboard

    /// Every pane drawn as the dashboard lays it out: one 2×2 grid at 120×40, one grid per pane
    /// (tabbed) at 80×24.
    static func render(width: Int, height: Int) -> [(pane: PaneID, grid: TextGrid, rect: Rect)] {
        PaneID.allCases.map { p in
            let r = PaneFixture.render(p, model: PaneFixture.demo, width: width, height: height, strings: Self.zh)
            return (p, r.grid, r.rect)
        }
    }

    @Test(arguments: [(120, 40), (80, 24)])
    func chineseDemoRendersInChineseWithinTheWidth(_ size: (Int, Int)) {
        let (w, h) = size
        var all = ""
        for r in Self.render(width: w, height: h) {
            for row in 0..<h {
                #expect(DisplayWidth.of(r.grid.line(row)) == w, "\(r.pane) \(w)×\(h) row \(row)")
            }
            for row in (r.rect.row + 1)..<(r.rect.row + r.rect.height - 1) {
                #expect(r.grid[row, r.rect.col].text == "│" && r.grid[row, r.rect.col + r.rect.width - 1].text == "│",
                        "\(r.pane) \(w)×\(h) row \(row)")
            }
            let inner = PaneFixture.innerLines(r.grid, r.rect).joined(separator: "\n")
            let title = r.grid.line(r.rect.row)
            #expect(title.contains(Self.zh.paneTitle(r.pane) + " "), "\(r.pane): \(title)")
            all += title + "\n" + inner + "\n"
        }
        for word in ["会议 24 · 逾期 4", "访客 27 · 逾期", "库存 42 · 待补货", "审批 12 · 逾期",
                     "大厅等候 (", "在访 (", "预约 (", "待您审批 (", "其他待审批 (", "已处理 (",
                     "已批准", "已驳回", "!逾期", "!缺货", "!补货", "!确认", "分钟", "小时", "天"] {
            #expect(all.contains(word), "\(w)×\(h): no \(word)")
        }
        if w == 80 {
            // Tabbed: the panes are wide enough for the meeting status and request type columns.
            for word in ["已召开", "纪要草稿", "公文流转", "资产报废", "请假", "加班", "采购"] {
                #expect(all.contains(word), "\(w)×\(h): no \(word)")
            }
        }
        // No English UI text left (names, titles and units are data and stay as typed).
        for word in ["overdue", "Waiting", "On site", "Expected", "Decided", "Others", "Rooms today",
                     "!confirm", "!reorder", "!out", "!wait", " min", "held", "approved"] {
            #expect(!all.contains(word), "\(w)×\(h): \(word)")
        }
        #expect(all.firstMatch(of: #/\nA\d+ +(purchase|leave|overtime|document|scrap)[ ]/#) == nil)
    }

    @Test func chineseColumnsLineUp() {
        let approvals = PaneFixture.render(.approvals, model: PaneFixture.demo, width: 80, height: 24, strings: Self.zh)
        let lines = PaneFixture.innerLines(approvals.grid, approvals.rect).filter { $0.hasPrefix("A") }
        // The title column starts after the type column ("公文流转" is as wide as "overtime").
        let titles = lines.compactMap { l -> Int? in
            let id = String(l.prefix { $0 != " " })
            return PaneFixture.demo.state.approvals[id].flatMap { PaneFixture.column(of: String($0.title.prefix(4)), in: l) }
        }
        #expect(titles.count == lines.count && Set(titles).count == 1, "\(titles)")
        // Ages and flags line up on the right whatever their width.
        let ages = lines.compactMap { l in l.range(of: #"\d+(分钟|小时|天)"#, options: .regularExpression).map { DisplayWidth.of(l[..<$0.upperBound]) } }
        #expect(ages.count == lines.count && Set(ages).count == 1, "\(ages)")

        let stock = PaneFixture.render(.stock, model: PaneFixture.demo, width: 80, height: 24, strings: Self.zh)
        let covers = PaneFixture.innerLines(stock.grid, stock.rect).compactMap { l in
            l.range(of: #"\d+天"#, options: .regularExpression).map { DisplayWidth.of(l[..<$0.upperBound]) }
        }
        #expect(covers.count >= 20 && Set(covers).count == 1, "\(covers)")

        let visitors = PaneFixture.render(.visitors, model: PaneFixture.demo, width: 80, height: 24, strings: Self.zh)
        let waited = PaneFixture.innerLines(visitors.grid, visitors.rect).compactMap { l in
            l.range(of: #"\d+分钟"#, options: .regularExpression).map { DisplayWidth.of(l[..<$0.upperBound]) }
        }
        #expect(waited.count == 3 && Set(waited).count == 1, "\(waited)")
    }

    @Test func englishDemoIsUnchangedByTheChineseTables() {
        let r = PaneFixture.render(.meetings, model: PaneFixture.demo, width: 80, height: 24)
        let text = PaneFixture.innerLines(r.grid, r.rect).joined(separator: "\n")
        #expect(r.grid.line(r.rect.row).hasPrefix("┌ Meetings 24 · 4 overdue "))
        #expect(text.contains("held") && text.contains("!minutes") && text.contains("Rooms today"))
        for word in ["已召开", "纪要", "今日会议室", "逾期"] { #expect(!text.contains(word)) }
    }

    @Test func filteringMatchesTheChineseText() {
        let ids = PaneRenderer.rowIDs(.approvals, model: PaneFixture.demo, filter: "已批准", strings: Self.zh)
        #expect(ids == ["A11", "A12", "A14"])
        #expect(PaneRenderer.rowIDs(.approvals, model: PaneFixture.demo, filter: "已批准").isEmpty)
        #expect(PaneRenderer.rowIDs(.approvals, model: PaneFixture.demo, filter: "approved") == ids)
        let waiting = PaneRenderer.rowIDs(.visitors, model: PaneFixture.demo, filter: "!久等", strings: Self.zh)
        #expect(!waiting.isEmpty)
    }

    /// Every detail view of the demo in Chinese: every "label：value" line has a Chinese label.
    @Test(arguments: PaneID.allCases)
    func chineseDetailsHaveChineseLabels(_ pane: PaneID) throws {
        let model = PaneFixture.demo
        let ids = PaneRenderer.rowIDs(pane, model: model, filter: "")
        #expect(!ids.isEmpty)
        for id in ids {
            let d = try #require(PaneRenderer.detail(pane, id: id, model: model, strings: Self.zh))
            let en = try #require(PaneRenderer.detail(pane, id: id, model: model, strings: Self.en))
            #expect(d.lines.count == en.lines.count, "\(id)")
            for line in d.lines where !line.hasPrefix("  ") {
                #expect(line.contains("："), "\(id): \(line)")
                let label = String(line.prefix { $0 != "：" })
                #expect(Self.hasCJK(label) && !label.contains { $0.isASCII && $0.isLetter }, "\(id): \(line)")
            }
        }
    }

    @Test func meetingDetailInChinese() throws {
        let d = try #require(PaneRenderer.detail(.meetings, id: "M27", model: PaneFixture.demo, strings: Self.zh))
        #expect(d.lines.contains("会议室：Board Room (20人, projector, video)"))
        #expect(d.lines.contains("状态：纪要草稿"))
        #expect(d.lines.contains("待办事项："))
        #expect(d.lines.contains { $0.hasPrefix("  T2 ") && $0.contains("，截止 2026-12-02 12:00，未完成") })
        let a = try #require(PaneRenderer.detail(.approvals, id: "A13", model: PaneFixture.demo, strings: Self.zh))
        #expect(a.lines.contains("类型：资产报废"))
        #expect(a.lines.contains("状态：已驳回"))
        #expect(a.lines.contains("审批人：任一审批人"))
        #expect(a.lines.contains { $0.hasPrefix("  2026-11-30 09:00 王伟：驳回") })
        let s = try #require(PaneRenderer.detail(.stock, id: "HND-SAN", model: PaneFixture.demo, strings: Self.zh))
        #expect(s.lines.contains("现有库存：0 bottle (缺货)"))
        #expect(s.lines.contains("供应商："))
    }

    // MARK: Choosing the language

    @Test func languageFollowsTheLocaleVariables() {
        #expect(UILanguage.fromEnvironment(["LANG": "zh_CN.UTF-8"]) == .zhHans)
        #expect(UILanguage.fromEnvironment(["LC_ALL": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"]) == .zhHans)
        #expect(UILanguage.fromEnvironment(["LC_ALL": "zh_TW.UTF-8", "LANG": "en_US"]) == .zhHans)
        #expect(UILanguage.fromEnvironment(["LANG": "C.UTF-8"]) == .en)
        #expect(UILanguage.fromEnvironment(["LANG": "en_US.UTF-8"]) == .en)
        #expect(UILanguage.fromEnvironment([:]) == .en)
        // LC_ALL outranks LC_MESSAGES, which outranks LANG; an empty variable is skipped.
        #expect(UILanguage.fromEnvironment(["LC_ALL": "C", "LANG": "zh_CN.UTF-8"]) == .en)
        #expect(UILanguage.fromEnvironment(["LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_GB.UTF-8"]) == .zhHans)
        #expect(UILanguage.fromEnvironment(["LC_ALL": "", "LANG": "zh_CN.UTF-8"]) == .zhHans)
    }
}
