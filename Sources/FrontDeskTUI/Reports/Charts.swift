import Foundation

/// The Reports screen's pictures, as pure functions of (values, width) → a text grid, so a test
/// reads them as text. Every chart scales to the width it is given, shows its numbers beside the
/// picture, and reads without colour: a value is a length or a shade, the theme only tints it.
/// With `ascii` (a terminal that is not UTF-8) the same shapes are drawn with `#`, `=` and digits.
enum Charts {
    /// Eighths of a cell, left-aligned: index n holds n/8 of a cell (index 0 unused).
    static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    static let full = "█"
    static let sparkLevels = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    static let shades = ["░", "▒", "▓", "█"]
    static let asciiShades = [".", "-", "=", "#"]

    /// A bar of `value` against `top` over `width` cells, in eighths of a cell: `top` fills all of
    /// them, zero (or less, or no top) draws nothing, and any positive value at least ▏ so it is
    /// never mistaken for zero. ASCII: `#` per full cell and `=` for a half or more left over.
    static func bar(_ value: Double, top: Double, width: Int, ascii: Bool = false) -> String {
        let units = barEighths(value, top: top, width: width)
        guard units > 0 else { return "" }
        if ascii {
            let cells = units / 8, rest = units % 8
            return String(repeating: "#", count: cells) + (rest >= 4 || cells == 0 ? "=" : "")
        }
        return String(repeating: full, count: units / 8) + eighths[units % 8]
    }

    /// The length of ``bar(_:top:width:ascii:)`` in eighths of a cell.
    static func barEighths(_ value: Double, top: Double, width: Int) -> Int {
        guard value > 0, top > 0, width > 0, value.isFinite, top.isFinite else { return 0 }
        let units = Int((min(1, value / top) * Double(width * 8)).rounded())
        return max(1, min(width * 8, units))
    }

    /// One bar per row: the label (cut by display width), the bar scaled so the largest value
    /// fills the bar area, and the value's text right-aligned after it. One row per line.
    static func bars(_ rows: [(label: String, value: Double, text: String)], width: Int, ascii: Bool = false) -> TextGrid {
        let labelWidth = min(max(4, width / 3), rows.map { DisplayWidth.of($0.label) }.max() ?? 0)
        let valueWidth = rows.map { DisplayWidth.of($0.text) }.max() ?? 0
        let barWidth = max(1, width - labelWidth - valueWidth - 3)
        let top = rows.map(\.value).filter(\.isFinite).max() ?? 0
        var grid = TextGrid(width: max(0, width), height: rows.count, asciiOnly: ascii)
        for (i, r) in rows.enumerated() {
            grid.put(DisplayWidth.pad(DisplayWidth.truncate(r.label, to: labelWidth), to: labelWidth), row: i, col: 0)
            grid.put(bar(r.value, top: top, width: barWidth, ascii: ascii), row: i, col: labelWidth + 1, role: .chartBar)
            grid.put(DisplayWidth.pad(r.text, to: valueWidth, alignRight: true), row: i, col: labelWidth + 2 + barWidth, role: .accent)
        }
        return grid
    }

    /// A sparkline over `values` in order (a 12-month trend): each value one slot as wide as the
    /// width allows (up to 9 cells), its height one of eight levels of the largest; zero draws
    /// nothing. Under it the slots' labels (shortened to fit) and a line "max … · last …".
    /// ASCII: the level as a digit 1–8.
    static func sparkline(labels: [String], values: [Double], texts: [String], width: Int, ascii: Bool = false,
                          maxWord: String = "max", lastWord: String = "last") -> TextGrid {
        let n = values.count
        var grid = TextGrid(width: max(0, width), height: n == 0 ? 0 : 3, asciiOnly: ascii)
        guard n > 0, width > 0 else { return grid }
        let slot = max(1, min(9, width / n))
        let top = values.filter(\.isFinite).max() ?? 0
        for (i, v) in values.enumerated() {
            let level = sparkLevel(v, top: top)
            guard level > 0 else { continue }
            let glyph = ascii ? String(level) : sparkLevels[level - 1]
            let cells = ascii ? 1 : max(1, slot - 1)
            grid.put(String(repeating: glyph, count: cells), row: 0, col: i * slot, role: level == 8 ? .chartPeak : .chartBar)
        }
        for (i, label) in labels.enumerated() where slot >= 3 {
            // "2026-03" → "03" when the slot is narrow: the month tells slots apart, the last line has the year.
            let short = label.count > slot - 1 ? String(label.suffix(min(2, slot - 1))) : label
            grid.put(short, row: 1, col: i * slot, role: .dim, maxWidth: slot - 1)
        }
        if let peak = values.indices.max(by: { values[$0] < values[$1] }), let last = texts.last {
            let peakLabel = peak < labels.count ? " (\(labels[peak]))" : ""
            let peakText = peak < texts.count ? texts[peak] : ""
            grid.put("\(maxWord) \(peakText)\(peakLabel) \(ascii ? "/" : "·") \(lastWord) \(last)", row: 2, col: 0, role: .dim)
        }
        return grid
    }

    /// The level 1…8 of `value` against `top`, rounded (any positive value at least 1, only
    /// the largest values reach 8); 0 for zero.
    static func sparkLevel(_ value: Double, top: Double) -> Int {
        guard value > 0, top > 0, value.isFinite else { return 0 }
        return max(1, min(8, Int((value / top * 8).rounded())))
    }

    /// The shade 1…4 of `value` against `top` (any positive value at least 1); 0 for zero.
    static func shadeLevel(_ value: Double, top: Double) -> Int {
        guard value > 0, top > 0, value.isFinite else { return 0 }
        return max(1, min(4, Int((value / top * 4).rounded(.up))))
    }

    /// A heat map: a row per `rows` label, a column per `columns` label, each cell filled with a
    /// shade ░▒▓█ by its quarter of the largest value (zero left blank), cells as wide as the width
    /// allows (1–4), the column labels above, and a legend line saying what each shade means.
    static func heatmap(rows: [String], columns: [String], values: [[Double]], width: Int, unit: String = "",
                        ascii: Bool = false) -> TextGrid {
        let labelWidth = min(8, rows.map { DisplayWidth.of($0) }.max() ?? 0)
        let count = max(1, columns.count)
        let cell = max(1, min(4, (width - labelWidth - 1) / count))
        var grid = TextGrid(width: max(0, width), height: rows.count + 2, asciiOnly: ascii)
        guard !rows.isEmpty, !columns.isEmpty else { return TextGrid(width: max(0, width), height: 0, asciiOnly: ascii) }
        let top = values.flatMap { $0 }.filter(\.isFinite).max() ?? 0
        let x0 = labelWidth + 1
        // Column labels: every one that fits without touching the one before.
        var free = x0
        for (j, label) in columns.enumerated() {
            let x = x0 + j * cell
            if x >= free { free = x + grid.put(label, row: 0, col: x, role: .dim) + 1 }
        }
        let glyphs = ascii ? asciiShades : shades
        let roles: [Role] = [.heat1, .heat2, .heat3, .heat4]
        for (i, label) in rows.enumerated() {
            grid.put(DisplayWidth.truncate(label, to: labelWidth), row: i + 1, col: 0)
            for j in columns.indices {
                let v = i < values.count && j < values[i].count ? values[i][j] : 0
                let level = shadeLevel(v, top: top)
                guard level > 0 else { continue }
                // A gap between cells wide enough to spare one keeps the hours countable.
                let filled = cell >= 3 ? cell - 1 : cell
                grid.put(String(repeating: glyphs[level - 1], count: filled), row: i + 1, col: x0 + j * cell, role: roles[level - 1])
            }
        }
        var legend = ""
        for k in 1...4 { legend += "\(glyphs[k - 1]) ≤\(number(top * Double(k) / 4))  " }
        grid.put(ascii ? legend.replacingOccurrences(of: "≤", with: "<=") + unit : legend + unit, row: rows.count + 1, col: 0, role: .dim)
        return grid
    }

    /// "12", "2.5", "0.25": a legend number with no more digits than it needs.
    static func number(_ v: Double) -> String {
        if v >= 10 || v == v.rounded() { return String(Int(v.rounded())) }
        return v >= 1 ? String(format: "%.1f", v) : String(format: "%.2f", v)
    }
}
