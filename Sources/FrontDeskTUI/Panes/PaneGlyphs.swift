import Foundation
import FrontDeskKit

/// The picture characters the panes draw, and their ASCII stand-ins for terminals whose locale
/// is not UTF-8. Tables are built with the Unicode ones; ``ascii(_:)`` swaps them at draw time,
/// so filtering never depends on the terminal.
enum Glyph {
    static let inProgress = "▶"
    static let booked = "█"
    static let free = "·"
    static let outOfService = "×"
    static let now = "│"
    static let reorderMark = "┊"
    static let gaugeFull = "█"
    static let gaugeEmpty = "░"
    static let range = "–"
    static let times = "×"
    static let none = "–"
    static let sparkLevels: [String] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    private static let asciiMap: [Character: Character] = [
        "▶": ">", "█": "#", "·": ".", "×": "x", "│": "|", "┊": ":", "░": "-", "–": "-", "…": ".",
        "▁": "_", "▂": "_", "▃": ".", "▄": ".", "▅": "-", "▆": "=", "▇": "=",
    ]

    /// `s` with every picture character above replaced by its ASCII stand-in. Other non-ASCII
    /// text (names) is left for the grid, which shows `?` of the same width.
    static func ascii(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { !$0.isASCII }) else { return s }
        return String(s.map { asciiMap[$0] ?? $0 })
    }
}

/// Small pictures shared by the panes.
enum PanePicture {
    /// A `width`-cell bar of `value` against `full`, with `mark` (e.g. the reorder point) shown
    /// as `┊` where it falls; the bar is `low` when `isLow`, else `gauge`.
    static func gauge(value: Int, mark: Int, full: Int, width: Int, isLow: Bool) -> [Span] {
        guard width > 0 else { return [] }
        let top = max(1, full)
        func cells(_ v: Int) -> Int { min(width, max(0, Int(min(Double(width), max(0, (Double(v) / Double(top) * Double(width)).rounded()))))) }
        let filled = value > 0 ? max(1, cells(value)) : 0
        let markAt = min(width - 1, cells(mark))
        var spans: [Span] = []
        for i in 0..<width {
            let span: Span
            if i == markAt && mark > 0 {
                span = Span(Glyph.reorderMark, i < filled ? (isLow ? .gaugeLow : .gauge) : .dim)
            } else if i < filled {
                span = Span(Glyph.gaugeFull, isLow ? .gaugeLow : .gauge)
            } else {
                span = Span(Glyph.gaugeEmpty, .dim)
            }
            if let last = spans.last, last.role == span.role { spans[spans.count - 1].text += span.text } else { spans.append(span) }
        }
        return spans
    }

    /// One level character per value, scaled to the largest (all zero: the lowest level).
    static func sparkline(_ values: [Int]) -> String {
        let top = values.max() ?? 0
        return String(values.map { v -> String in
            guard top > 0 else { return Glyph.sparkLevels[0] }
            let level = Int((Double(max(0, v)) / Double(top) * Double(Glyph.sparkLevels.count - 1)).rounded())
            return Glyph.sparkLevels[min(Glyph.sparkLevels.count - 1, level)]
        }.joined())
    }
}

extension DueFlag {
    /// Overdue marks are red, due ones yellow (their text is ``Strings/flagMark(_:)``).
    var role: Role { isOverdue ? .overdue : .due }
}

enum PaneText {
    /// The marks of `flags`, each in its role, separated by spaces.
    static func marks(_ flags: [DueFlag], _ strings: Strings) -> [Span] {
        var spans: [Span] = []
        for f in flags {
            guard let m = strings.flagMark(f) else { continue }
            if !spans.isEmpty { spans.append(Span(" ")) }
            spans.append(Span(m, f.role))
        }
        return spans
    }

    /// The marks as plain text, for detail views.
    static func marksText(_ flags: [DueFlag], _ strings: Strings) -> String {
        flags.compactMap(strings.flagMark).joined(separator: " ")
    }

    /// "4,900" or "680.50": money without a currency sign, grouped by thousands.
    static func amount(_ value: Double) -> String {
        // Beyond a trillion (or not a number) the figure is shown as such rather than trapping.
        guard value.isFinite, abs(value) < 1e12 else { return value.isNaN ? "?" : (value < 0 ? "-" : "") + "≥1e12" }
        let cents = Int((abs(value) * 100).rounded())
        var whole = String(cents / 100)
        var grouped = ""
        while whole.count > 3 {
            grouped = "," + whole.suffix(3) + grouped
            whole.removeLast(3)
        }
        let fraction = cents % 100 == 0 ? "" : String(format: ".%02d", cents % 100)
        return (value < 0 ? "-" : "") + whole + grouped + fraction
    }

    /// "11-27 14:00" (a short day and time, for rows of other days).
    static func shortDayHM(_ d: Date, _ tz: TimeZone) -> String {
        String(Clock.day(d, tz).dropFirst(5)) + " " + Clock.hm(d, tz)
    }
}
