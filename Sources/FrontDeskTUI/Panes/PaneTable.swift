import Foundation

/// A piece of text in one colour role.
struct Span: Equatable, Sendable {
    var text: String
    var role: Role
    /// Kept whole when the cell is cut short (a head count after a long name).
    var keep = false
    init(_ text: String, _ role: Role = .normal, keep: Bool = false) { self.text = text; self.role = role; self.keep = keep }
}

extension Array where Element == Span {
    /// The spans' text, joined.
    var text: String { map(\.text).joined() }
    /// Display width of the joined text.
    var width: Int { reduce(0) { $0 + DisplayWidth.of($1.text) } }
}

/// One column of a pane's table. Widths are display widths (columns on screen).
struct PaneColumn: Sendable {
    /// Never narrower than this (unless its widest cell is narrower).
    var minWidth: Int
    /// Never wider than this.
    var maxWidth: Int
    /// Wide enough to read comfortably; optional columns give way until the others get this.
    var preferredWidth: Int? = nil
    /// Columns with a lower priority are dropped first when the pane is too narrow; a column
    /// at ``PaneColumn/essential`` is never dropped.
    var priority: Int
    var alignRight = false
    /// Whether its text takes part in filtering (decorations such as gauges do not).
    var searchable = true
    /// Keeps at least `minWidth` while any row shows something, so a value that shrinks (the
    /// longest wait ending at check-in) does not shift every column after it on a live change.
    var steady = false

    static let essential = 100
    /// Columns below this priority are dropped before other columns are cut short.
    static let optionalBelow = 50
}

/// A selectable row: an id and one list of spans per column.
struct PaneRow: Sendable {
    var id: String
    var cells: [[Span]]
}

/// A line of a pane's list: a section heading (not selectable) with the number of rows under
/// it when it shows one, or a row.
enum PaneLine: Sendable {
    case heading(String, count: Int?)
    case row(PaneRow)

    var row: PaneRow? { if case .row(let r) = self { r } else { nil } }

    /// "Waiting in lobby (3)"; nil for a row.
    var headingText: String? {
        guard case .heading(let title, let count) = self else { return nil }
        return count.map { "\(title) (\($0))" } ?? title
    }
}

/// What a pane lists: its columns and its lines, independent of the screen size, so that
/// ``PaneRenderer/rowIDs(_:model:filter:)`` and drawing filter exactly the same rows.
struct PaneTable: Sendable {
    var columns: [PaneColumn]
    var lines: [PaneLine]

    var rows: [PaneRow] { lines.compactMap(\.row) }
    var rowIDs: [String] { rows.map(\.id) }

    /// The text a filter is matched against: the searchable cells, space separated.
    func searchText(_ row: PaneRow) -> String {
        zip(columns, row.cells).filter { $0.0.searchable }.map { $0.1.text }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// The table with only the rows whose text contains `filter` (case-insensitive, ignoring
    /// surrounding spaces) and the headings that still have a row under them, each counting the
    /// rows it keeps (not the rows it had).
    func filtered(_ filter: String) -> PaneTable {
        let needle = filter.trimmingCharacters(in: .whitespaces).lowercased()
        guard !needle.isEmpty else { return self }
        var kept: [PaneLine] = []
        var heading: (index: Int, title: String, counts: Bool)?
        var pending: (title: String, counts: Bool)?
        var under = 0
        func closeSection() {
            if let h = heading, h.counts { kept[h.index] = .heading(h.title, count: under) }
        }
        for line in lines {
            switch line {
            case .heading(let title, let count):
                pending = (title, count != nil)
            case .row(let r):
                guard searchText(r).lowercased().contains(needle) else { continue }
                if let p = pending {
                    closeSection()
                    heading = (kept.count, p.title, p.counts)
                    kept.append(.heading(p.title, count: p.counts ? 0 : nil))
                    pending = nil
                    under = 0
                }
                under += 1
                kept.append(line)
            }
        }
        closeSection()
        return PaneTable(columns: columns, lines: kept)
    }

    /// Where each column goes in a list `width` columns wide: (column index, start, width) in
    /// display order.
    ///
    /// Columns no row fills are left out. Columns are two spaces apart, or one when that is
    /// what it takes for every column to show whole. When the pane is too narrow, optional
    /// columns (priority below ``PaneColumn/optionalBelow``) give way, least important first,
    /// until the other columns get their preferred widths next to the optional ones' minimums;
    /// if even the minimum widths do not fit, more columns are dropped the same way. Spare width is then shared out one column at a time, most
    /// important first, until each column holds its widest cell.
    func layout(width: Int) -> [(index: Int, start: Int, width: Int)] {
        let natural = columns.indices.map { i in
            let widest = rows.map { $0.cells[i].width }.max() ?? 0
            return min(columns[i].maxWidth, columns[i].steady && widest > 0 ? max(widest, columns[i].minWidth) : widest)
        }
        func minimum(_ i: Int) -> Int { min(natural[i], columns[i].minWidth) }
        var active = columns.indices.filter { natural[$0] > 0 }
        let gap = total(active, { natural[$0] }, gap: 2) <= width ? 2 : 1
        func leastImportant(_ set: [Int]) -> Int? { set.min { (columns[$0].priority, -$0) < (columns[$1].priority, -$1) } }
        func optional(_ i: Int) -> Bool { columns[i].priority < PaneColumn.optionalBelow }
        func comfortable(_ i: Int) -> Int {
            optional(i) ? minimum(i) : min(natural[i], columns[i].preferredWidth ?? columns[i].maxWidth)
        }
        while total(active, comfortable, gap: gap) > width,
              let victim = leastImportant(active.filter(optional)) {
            active.removeAll { $0 == victim }
        }
        while total(active, minimum, gap: gap) > width,
              let victim = leastImportant(active.filter { columns[$0].priority < PaneColumn.essential }) {
            active.removeAll { $0 == victim }
        }
        var widths = Dictionary(uniqueKeysWithValues: active.map { ($0, minimum($0)) })
        var spare = width - total(active, minimum, gap: gap)
        let byImportance = active.sorted { (columns[$0].priority, -$0) > (columns[$1].priority, -$1) }
        while spare > 0 {
            let growing = byImportance.filter { (widths[$0] ?? 0) < natural[$0] }
            if growing.isEmpty { break }
            for i in growing where spare > 0 { widths[i, default: 0] += 1; spare -= 1 }
        }
        var start = 0
        return active.map { i in
            defer { start += (widths[i] ?? 0) + gap }
            return (i, start, widths[i] ?? 0)
        }
    }

    /// Width of the columns `set`, each `width(column)` wide, with `gap` between them.
    private func total(_ set: [Int], _ width: (Int) -> Int, gap: Int) -> Int {
        set.map(width).reduce(0, +) + gap * max(0, set.count - 1)
    }
}
