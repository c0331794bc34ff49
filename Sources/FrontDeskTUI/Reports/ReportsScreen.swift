import Foundation
import FrontDeskKit

/// Where the user is on the Reports screen: which report, which month, how far scrolled, and the
/// report as read (kept per report and month while the screen is open, so tabbing back is free).
public struct ReportsView: Equatable {
    public var kind: ReportKind
    /// The first instant of the month shown.
    public var month: Date
    /// The first body line shown.
    public var scroll = 0
    /// The report shown, or nil with ``problem`` saying why.
    public var report: Report?
    public var problem: String?
    /// Reports read while the screen is open, by kind and month label.
    var read: [String: Report] = [:]

    public init(kind: ReportKind, month: Date) { self.kind = kind; self.month = month }
}

/// The Reports screen as a pure function of (view, size) → a full-screen grid: a tab line with
/// the period, the report's sections (heading, chart where one reads faster, then the table) in a
/// scrolled body, and a footer of keys and position.
enum ReportsScreen {
    /// Every body line of `report` at `width`: each section's heading, its chart and its table.
    static func body(_ report: Report, width: Int, strings: Strings, ascii: Bool) -> TextGrid {
        var parts: [TextGrid] = []
        let w = max(10, width)
        for section in report.sections {
            var head = TextGrid(width: w, height: 1, asciiOnly: ascii)
            head.put(strings.language == .zhHans ? section.headingZh : section.heading, row: 0, col: 0, role: .header)
            parts.append(head)
            var showTable = true
            if let chart = section.chart {
                parts.append(self.chart(chart, section: section, width: w, strings: strings, ascii: ascii))
                switch chart {
                case .bars(let label, let value): showTable = !Set(section.columns).isSubset(of: [label, value])
                case .sparkline, .heatmap: showTable = false  // the picture carries its numbers
                }
            }
            if section.rows.isEmpty {
                var none = TextGrid(width: w, height: 1, asciiOnly: ascii)
                none.put("  " + strings[ReportWords.empty], row: 0, col: 0, role: .dim)
                parts.append(none)
            } else if showTable {
                parts.append(table(section, width: w, strings: strings, ascii: ascii))
            }
            parts.append(TextGrid(width: w, height: 1, asciiOnly: ascii))
        }
        var out = TextGrid(width: w, height: parts.reduce(0) { $0 + $1.height }, asciiOnly: ascii)
        var row = 0
        for p in parts { out.paste(p, row: row, col: 0); row += p.height }
        return out
    }

    /// The section's chart at `width`, its labels and numbers taken from the section's rows.
    static func chart(_ chart: ReportChart, section: ReportSection, width: Int, strings: Strings, ascii: Bool) -> TextGrid {
        switch chart {
        case .bars(let label, let value):
            let labels = section.values(label).map { ReportWords.cell($0.text, strings) }
            let values = section.values(value)
            let rows = zip(labels, values).map { (label: $0, value: $1.number ?? 0, text: cellText($1)) }
            return Charts.bars(rows, width: width, ascii: ascii)
        case .sparkline(let label, let value):
            let values = section.values(value)
            return Charts.sparkline(labels: section.values(label).map(\.text), values: values.map { $0.number ?? 0 },
                                    texts: values.map(cellText), width: width, ascii: ascii,
                                    maxWord: strings[ReportWords.maxWord], lastWord: strings[ReportWords.lastWord])
        case .heatmap(let rows, let columns, let values):
            return Charts.heatmap(rows: rows.map { ReportWords.weekday($0, strings) }, columns: columns, values: values,
                                  width: width, unit: section.id == "meetings.roomUse" ? strings[ReportWords.roomHours] : "", ascii: ascii)
        }
    }

    /// A cell as the screen shows it: money grouped by thousands, the rest as the report formats it.
    static func cellText(_ v: ReportValue) -> String {
        if case .amount(let a) = v { return PaneText.amount(a) }
        return v.text
    }

    /// The section as a table: localized headings, text left and numbers right, columns narrowed
    /// (widest first, by display width with `…`) until the table fits `width`.
    static func table(_ section: ReportSection, width: Int, strings: Strings, ascii: Bool) -> TextGrid {
        let heads = section.columns.map { strings[ReportWords.column($0)] }
        let cells = section.rows.map { row in row.map { v -> String in
            if case .text(let t) = v { return ReportWords.cell(t, strings) }
            return cellText(v)
        } }
        let numeric = section.columns.indices.map { i in section.rows.contains { i < $0.count && $0[i].number != nil } }
        var widths = section.columns.indices.map { i in
            max(DisplayWidth.of(heads[i]), cells.map { i < $0.count ? DisplayWidth.of($0[i]) : 0 }.max() ?? 0)
        }
        let avail = width - 2
        func total() -> Int { widths.reduce(0, +) + max(0, widths.count - 1) * 2 }
        while total() > avail, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > 4 {
            widths[widest] -= 1
        }
        var grid = TextGrid(width: width, height: cells.count + 1, asciiOnly: ascii)
        func line(_ texts: [String], row: Int, role: Role) {
            var col = 2
            for (i, t) in texts.enumerated() where i < widths.count {
                let cut = DisplayWidth.truncate(t, to: widths[i])
                grid.put(DisplayWidth.pad(cut, to: widths[i], alignRight: numeric[i]), row: row, col: col, role: role)
                col += widths[i] + 2
            }
        }
        line(heads, row: 0, role: .dim)
        for (r, row) in cells.enumerated() { line(row, row: r + 1, role: .normal) }
        return grid
    }

    /// The whole screen: tabs and period on the first line, the body scrolled to `view.scroll`
    /// (clamped and written back), keys and position on the last line.
    static func draw(_ view: inout ReportsView, keymap: Keymap, strings: Strings, now: Date, calendar cal: Calendar,
                     into grid: inout TextGrid) {
        let w = grid.width, h = grid.height
        guard w > 0, h > 0 else { return }
        grid.fill(row: 0, col: 0, width: w, height: h, role: .normal)
        grid.fill(row: 0, col: 0, width: w, height: 1, role: .tabInactive)
        let period = ReportPeriod.month(view.month, calendar: cal)
        let current = period.contains(now) ? " (\(strings[ReportWords.soFar]))" : ""
        let (prev, next) = (keymap.keyName(.reportPreviousMonth) ?? "", keymap.keyName(.reportNextMonth) ?? "")
        var monthText = " \(prev) \(period.label)\(current) \(next) "
        let title = " \(strings[ReportWords.title]) "
        let tabs = ReportWords.order.enumerated().map { i, k in " \(i + 1) \(strings[ReportWords.kind(k)]) " }
        let tabsWidth = tabs.reduce(0) { $0 + DisplayWidth.of($1) + 1 }
        // Narrow screens give up the screen's name, then "(so far)": the month always shows.
        let showTitle = DisplayWidth.of(title) + tabsWidth + DisplayWidth.of(monthText) < w
        if !showTitle && tabsWidth + DisplayWidth.of(monthText) >= w { monthText = " \(prev) \(period.label) \(next) " }
        var col = showTitle ? grid.put(title, row: 0, col: 0, role: .tabActive) : 0
        for (k, tab) in zip(ReportWords.order, tabs) {
            col += 1
            col += grid.put(tab, row: 0, col: col, role: k == view.kind ? .tabActive : .tabInactive, maxWidth: w - col)
        }
        let mw = DisplayWidth.of(monthText)
        if col + mw < w { grid.put(monthText, row: 0, col: w - mw, role: .accent) }

        let bodyHeight = max(0, h - 2)
        var lines: TextGrid
        if let report = view.report {
            lines = body(report, width: w - 1, strings: strings, ascii: grid.asciiOnly)
        } else {
            lines = TextGrid(width: w, height: 1, asciiOnly: grid.asciiOnly)
            lines.put(" " + (view.problem ?? strings[ReportWords.loading]), row: 0, col: 0, role: view.problem == nil ? .dim : .error)
        }
        let top = max(0, min(view.scroll, lines.height - bodyHeight))
        view.scroll = top
        var shown = TextGrid(width: lines.width, height: bodyHeight, asciiOnly: grid.asciiOnly)
        shown.paste(lines, row: -top, col: 0)
        grid.paste(shown, row: 1, col: 1)

        // Footer: position, then the screen's own keys from the key table, then scrolling and closing.
        grid.fill(row: h - 1, col: 0, width: w, height: 1, role: .statusBar)
        let last = min(lines.height, top + bodyHeight)
        let position = " \(lines.height == 0 ? 0 : top + 1)–\(last)/\(lines.height) "
        var fc = grid.put(PaneList.glyphs(position, grid), row: h - 1, col: 0, role: .statusBar)
        var hints = keymap.hints(.reports, strings: strings)
        let scrollKeys = [ActionID.up, .down].compactMap { keymap.keyName($0) }.joined(separator: "/")
        hints.append((scrollKeys, strings[ReportWords.scroll]))
        if let close = keymap.keyName(.back) { hints.append((close, strings[ReportWords.close])) }
        for hint in hints {
            let text = " \(hint.key)"
            if fc + DisplayWidth.of(text + " " + hint.label) >= w { break }
            fc += grid.put(text, row: h - 1, col: fc, role: .statusKey)
            fc += grid.put(" " + hint.label, row: h - 1, col: fc, role: .statusBar)
        }
        grid.cursor = nil
    }
}
