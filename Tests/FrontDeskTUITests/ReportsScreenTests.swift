import Foundation
import Testing
import TestSupport
@testable import FrontDeskKit
@testable import FrontDeskTUI

/// The Reports screen driven by keys over a report source that records what it was asked for:
/// tabs, months, scrolling and closing; drawn at 80×24 and 120×40, in English and Chinese.
@Suite struct ReportsScreenTests {
    /// A supplies report with CJK department names, a 12-month trend and an empty section.
    static func supplies(_ period: ReportPeriod) -> Report {
        let months = (1...12).map { String(format: "2026-%02d", $0) }
        return Report(kind: .supplies, period: period, sections: [
            ReportSection(id: "supplies.byDepartment", heading: "Consumption by department", headingZh: "各部门领用",
                          columns: ["department", "units", "cost"],
                          rows: [[.text("行政部"), .count(120), .amount(4900)], [.text("Engineering"), .count(30), .amount(1225.5)],
                                 [.text("财务部"), .count(0), .amount(0)]],
                          chart: .bars(label: "department", value: "cost")),
            ReportSection(id: "supplies.trend", heading: "Cost of consumption, 12 months", headingZh: "近12个月领用成本",
                          columns: ["month", "units", "cost"],
                          rows: months.enumerated().map { i, m in [.text(m), .count(i * 10), .amount(Double(i) * 100)] },
                          chart: .sparkline(label: "month", value: "cost")),
            ReportSection(id: "supplies.outOrIdle", heading: "Ran out or lay idle", headingZh: "断货或闲置",
                          columns: ["sku", "name", "state", "since", "onHandAtEnd"], rows: [[.text("PAP-A4"), .text("A4 复印纸"), .text("ran out"), .text("2026-11-03"), .count(0)]]),
            ReportSection(id: "supplies.bySupplier", heading: "Purchase spend by supplier", headingZh: "各供应商采购额",
                          columns: ["supplier", "receipts", "units", "amount"], rows: [], chart: .bars(label: "supplier", value: "amount")),
        ])
    }

    final class Asked: @unchecked Sendable { var calls: [(ReportKind, String)] = [] }

    static func dashboard(_ asked: Asked, language: UILanguage = .en) -> Dashboard {
        var d = DashboardTests.dashboard()
        d.strings = Strings(language)
        let today = d.model
        d.history = HistorySource(today: { today }, day: { _ in today }, report: { kind, period in
            asked.calls.append((kind, period.label))
            var r = supplies(period)
            r.kind = kind
            return r
        })
        return d
    }

    @Test func rOpensTheFocusedPanesReportAndKeysMoveAcrossReportsAndMonths() throws {
        let asked = Asked()
        var d = Self.dashboard(asked)
        d.press(.pane3)
        d.press(.reports)
        guard case .reports(let v) = d.mode else { Issue.record("not open: \(d.mode)"); return }
        #expect(v.kind == .supplies)
        #expect(asked.calls.map(\.1) == ["2026-11"])
        d.press(.reportNext)
        d.press(.reportPreviousMonth)
        _ = d.handle(.char("<"))            // the month's second key
        d.press(.reportNextMonth)
        d.press(.pane1)                     // 1–4 pick a report as they pick a pane
        d.press(.reportPrevious)
        #expect(asked.calls.map(\.0) == [.supplies, .approvals, .approvals, .approvals, .meetings])
        #expect(asked.calls.map(\.1) == ["2026-11", "2026-11", "2026-10", "2026-09", "2026-10"], "months already read are not read again")
        guard case .reports(let last) = d.mode else { Issue.record("closed early"); return }
        #expect(last.kind == .approvals && last.report?.period.label == "2026-10")
        d.press(.reports)
        #expect(d.mode == .normal, "R closes as it opens")
        d.press(.reports)
        d.press(.back)
        #expect(d.mode == .normal)
    }

    @Test(arguments: [(80, 24), (120, 40)]) func theScreenFitsAndCJKLinesUp(size: (Int, Int)) throws {
        for language in UILanguage.allCases {
            var d = Self.dashboard(Asked(), language: language)
            d.press(.pane3)
            d.press(.reports)
            let grid = d.render(width: size.0, height: size.1)
            let lines = grid.text.components(separatedBy: "\n")
            #expect(lines.count == size.1)
            #expect(lines.allSatisfy { DisplayWidth.of($0) <= size.0 }, "\(lines)")
            let zh = language == .zhHans
            // At 80 columns the English screen name gives way so the month still shows.
            let tabs = zh ? " 报表   1 会议   2 访客   3 物品   4 审批 "
                : size.0 >= 120 ? " Reports   1 Meetings   2 Visitors   3 Supplies   4 Approvals " : "  1 Meetings   2 Visitors   3 Supplies   4 Approvals "
            #expect(lines[0].hasPrefix(tabs), "\(lines[0])")
            #expect(lines[0].hasSuffix("[ 2026-11 (\(zh ? "截至今日" : "so far")) ]"))
            #expect(lines[1].hasPrefix(zh ? " 各部门领用" : " Consumption by department"))
            // Bars start in one column after labels of mixed scripts; the value ends the line.
            let bars = lines[2...4].map { l in DisplayWidth.of(l.prefix { !"▏▎▍▌▋▊▉█".contains($0) }) }
            #expect(bars[0] == bars[1], "\(lines[2...4])")
            // Values right-aligned to the widest ("1,225.50"), one gap after the bar area.
            #expect(lines[2].hasSuffix("█    4,900") && lines[3].hasSuffix(" 1,225.50") && lines[4].hasSuffix(" 0"), "\(lines[2...4])")
            #expect(lines[4].filter { "▏▎▍▌▋▊▉█".contains($0) }.isEmpty, "zero draws nothing")
            #expect(lines.last?.contains(zh ? "[ 上月" : "[ Prev month") == true, "the footer hints come from the key table")
        }
    }

    @Test func aTallReportScrollsAndTheFooterSaysWhere() throws {
        var d = Self.dashboard(Asked())
        d.press(.pane3)
        d.press(.reports)
        let first = d.render(width: 80, height: 12).text.components(separatedBy: "\n")
        #expect(first.last?.hasPrefix(" 1–10/") == true, "\(first.last ?? "")")
        d.press(.bottom)
        let end = d.render(width: 80, height: 12).text.components(separatedBy: "\n")
        guard case .reports(let v) = d.mode else { Issue.record("closed"); return }
        #expect(v.scroll > 0 && v.scroll < Int.max / 2, "clamped to the last page")
        #expect(end.contains { $0.contains("Nothing recorded in this period.") }, "the last section is in view")
        #expect(!end.contains { $0.contains("Consumption by department") })
        d.press(.top)
        #expect(d.render(width: 80, height: 12).text.components(separatedBy: "\n") == first)
    }

    @Test func aReportThatCannotBeReadSaysSoAndKeepsTheScreen() throws {
        var d = DashboardTests.dashboard()
        let today = d.model
        struct Damaged: Error, CustomStringConvertible { var description: String { "history/2026-11.plist: damaged" } }
        d.history = HistorySource(today: { today }, day: { _ in today }, report: { _, _ in throw Damaged() })
        d.press(.reports)
        let text = d.render(width: 80, height: 24).text
        #expect(text.contains("Could not read the report (2026-11): history/2026-11.plist: damaged"))
    }

    @Test func asciiTerminalsGetASCIICharts() {
        var d = Self.dashboard(Asked())
        d.press(.pane3)
        d.press(.reports)
        let grid = d.render(width: 80, height: 24, ascii: true)
        let lines = grid.text.components(separatedBy: "\n")
        #expect(lines[2].contains("#####") && lines[2].hasSuffix("#    4,900"))
        #expect(lines.allSatisfy { $0.unicodeScalars.allSatisfy { $0.isASCII } })
        // Picture characters have ASCII stand-ins (only the CJK names become "?").
        #expect(lines.contains(" max 1,100 (2026-12) / last 1,100"), "\(lines)")
        #expect(lines.last?.hasPrefix(" 1-21/21 ") == true, "\(lines.last ?? "")")
    }

    /// The same report read from a real store: every bar's number is the report row's.
    @Test func barsReconcileWithTheStoresReport() throws {
        let tmp = try TempStore("reports-screen")
        defer { tmp.remove() }
        let store = try tmp.create(at: "2026-03-10 17:30")
        _ = try store.commitBatch { s, ctx in DemoOffice.changes(now: ctx.now, calendar: ctx.env.calendar, operator: ctx.actor, in: s) }
        let source = HistorySource(store: store)
        var d = Dashboard(model: source.today(), storeLabel: "s")
        d.history = source
        d.press(.pane3)
        d.press(.reports)
        guard case .reports(let v) = d.mode, let report = v.report else { Issue.record("no report"); return }
        let section = try #require(report.section("supplies.byDepartment"))
        try #require(section.rows.count >= 2)
        let body = ReportsScreen.body(report, width: 79, strings: Strings(.en), ascii: false)
        let lines = body.text.components(separatedBy: "\n")
        let top = section.values("cost").compactMap(\.number).max() ?? 0
        for (i, row) in section.rows.enumerated() {
            let line = lines[1 + i]
            let value = row[2].number ?? 0
            #expect(line.hasSuffix(" " + ReportsScreen.cellText(row[2])), "\(line)")
            let drawn = line.reduce(0) { n, c in n + (c == "█" ? 8 : (Charts.eighths.firstIndex(of: String(c)) ?? 0)) }
            let width = 79 - min(max(4, 79 / 3), section.values("department").map { DisplayWidth.of($0.text) }.max() ?? 0)
                - (section.values("cost").map { DisplayWidth.of(ReportsScreen.cellText($0)) }.max() ?? 0) - 3
            #expect(drawn == Charts.barEighths(value, top: top, width: width), "\(line)")
            if value == top { #expect(drawn == width * 8, "the largest fills the bar") }
        }
    }
}
