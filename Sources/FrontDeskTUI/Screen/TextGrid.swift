/// One screen cell.
public struct Cell: Equatable, Sendable {
    /// What the cell shows: one cluster (a scalar of width 1 or 2 plus any zero-width scalars
    /// that follow it), or `""` for the right half of a wide character.
    public var text: String
    /// How the cell is coloured.
    public var role: Role

    public init(text: String, role: Role) {
        self.text = text
        self.role = role
    }

    /// A blank cell.
    public static let blank = Cell(text: " ", role: .normal)

    /// Whether this is the right half of a wide character.
    public var isContinuation: Bool { text.isEmpty }
}

/// A screen-sized grid of cells that panes draw into; the terminal layer copies it to ncurses
/// and tests compare its ``text`` with expected screens.
///
/// Invariants kept by every mutating method: a wide character occupies a lead cell and a
/// continuation cell (`""`) right after it, never split by the right edge; no cell holds a
/// control character (all text is passed through ``TerminalText/sanitize(_:)``).
public struct TextGrid: Sendable {
    /// Columns.
    public private(set) var width: Int
    /// Rows.
    public private(set) var height: Int
    /// Where the hardware cursor should be shown (row, column), or `nil` to hide it.
    public var cursor: (row: Int, col: Int)?
    /// For terminals whose locale is not UTF-8: boxes use `+ - |`, and every non-ASCII cluster
    /// put afterwards becomes `?` repeated to its width. Set it before drawing.
    public var asciiOnly: Bool

    private var cells: [Cell]

    /// A blank grid; negative sizes count as 0.
    public init(width: Int, height: Int, asciiOnly: Bool = false) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.asciiOnly = asciiOnly
        self.cursor = nil
        self.cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// The cell at (row, col); a blank cell outside the grid.
    public subscript(row: Int, col: Int) -> Cell {
        guard row >= 0, row < height, col >= 0, col < width else { return .blank }
        return cells[row * width + col]
    }

    /// Writes `s` (sanitized) at (row, col) and returns the number of columns it used.
    ///
    /// Text is clipped at the grid's edges and after `maxWidth` columns; a wide character that
    /// would straddle a clip edge is replaced by a space, so half characters never appear.
    /// Overwriting one half of an existing wide character turns its other half into a space.
    /// Zero-width text at the start of `s` (no base to attach to) is dropped.
    @discardableResult
    public mutating func put(_ s: String, row: Int, col: Int, role: Role = .normal, maxWidth: Int? = nil) -> Int {
        guard row >= 0, row < height else { return 0 }
        let limit = min(width, maxWidth.map { col + max(0, $0) } ?? width)
        let start = max(col, 0)
        guard start < limit else { return 0 }
        var x = col
        for cluster in Self.clusters(of: TerminalText.sanitize(s)) {
            let w = cluster.width
            if x + w <= 0 { x += w; continue }
            if x < 0 || x + w > limit {
                // Straddles the left or right clip edge: show blanks instead of half a glyph.
                for c in max(x, 0)..<min(x + w, limit) { setCell(row: row, col: c, text: " ", width: 1, role: role) }
                x = min(x + w, limit)
                if x >= limit { break }
                continue
            }
            if asciiOnly && !cluster.text.unicodeScalars.allSatisfy({ $0.isASCII }) {
                for c in x..<(x + w) { setCell(row: row, col: c, text: "?", width: 1, role: role) }
            } else {
                setCell(row: row, col: x, text: cluster.text, width: w, role: role)
            }
            x += w
        }
        return max(0, min(x, limit) - start)
    }

    /// Fills a rectangle with `char` in `role` (clipped to the grid). A wide `char` is repeated
    /// as often as it fits whole; a leftover column gets a space.
    public mutating func fill(row: Int, col: Int, width: Int, height: Int, role: Role = .normal, char: Character = " ") {
        guard width > 0, height > 0 else { return }
        let w = max(1, DisplayWidth.of(char))
        let line = String(repeating: String(char), count: width / w) + String(repeating: " ", count: width % w)
        for r in row..<(row + height) { put(line, row: r, col: col, role: role, maxWidth: width) }
    }

    /// Draws a box outline (interior untouched) with an optional title in the top edge,
    /// as `┌ Title ───┐`. Uses `+ - |` when `ascii` or ``asciiOnly`` is set. The title is
    /// truncated with `…` to fit; boxes smaller than 2×2 draw nothing.
    public mutating func box(row: Int, col: Int, width: Int, height: Int, title: String? = nil,
                             role: Role = .border, titleRole: Role = .title, ascii: Bool = false) {
        guard width >= 2, height >= 2 else { return }
        let plain = ascii || asciiOnly
        let (h, v, tl, tr, bl, br) = plain ? ("-", "|", "+", "+", "+", "+") : ("─", "│", "┌", "┐", "└", "┘")
        let inner = width - 2
        put(tl + String(repeating: h, count: inner) + tr, row: row, col: col, role: role)
        put(bl + String(repeating: h, count: inner) + br, row: row + height - 1, col: col, role: role)
        for r in (row + 1)..<(row + height - 1) {
            put(v, row: r, col: col, role: role)
            put(v, row: r, col: col + width - 1, role: role)
        }
        if let title, !title.isEmpty, inner >= 3 {
            let text = " " + DisplayWidth.truncate(TerminalText.sanitize(title), to: inner - 2) + " "
            put(text, row: row, col: col + 1, role: titleRole, maxWidth: inner)
        }
    }

    /// Copies `other` onto this grid with its top-left cell at (row, col), clipped to the grid.
    /// Wide characters stay whole: one cut by a clip edge, or one of ours whose half is covered,
    /// leaves a space.
    public mutating func paste(_ other: TextGrid, row: Int, col: Int) {
        let from = max(0, -col), to = min(other.width, width - col)
        guard from < to else { return }
        for r in 0..<other.height where row + r >= 0 && row + r < height {
            let base = (row + r) * width + col, src = r * other.width
            if col + from > 0, cells[base + from].isContinuation { cells[base + from - 1].text = " " }
            if col + to < width, cells[base + to].isContinuation { cells[base + to].text = " " }
            for c in from..<to { cells[base + c] = other.cells[src + c] }
            if cells[base + from].isContinuation { cells[base + from].text = " " }
            if to < other.width, other.cells[src + to].isContinuation { cells[base + to - 1].text = " " }
        }
    }

    /// The displayed text of one row (continuation cells contribute nothing), not trimmed.
    /// `""` outside the grid.
    public func line(_ row: Int) -> String {
        guard row >= 0, row < height else { return "" }
        var s = ""
        for c in 0..<width { s += cells[row * width + c].text }
        return s
    }

    /// All rows joined by `\n`, each with trailing spaces removed. For golden-screen tests.
    public var text: String {
        (0..<height).map { r in
            var l = line(r)
            while l.last == " " { l.removeLast() }
            return l
        }.joined(separator: "\n")
    }

    // MARK: - Internals

    /// Writes one cluster of `width` 1 or 2 at (row, col), first blanking the far half of any
    /// wide character it partly covers. Caller guarantees `col + width <= self.width`.
    private mutating func setCell(row: Int, col: Int, text: String, width w: Int, role: Role) {
        let base = row * width
        // Left edge lands on a continuation: its lead (outside our range) loses its pair.
        if cells[base + col].isContinuation, col > 0 {
            cells[base + col - 1].text = " "
        }
        // Right edge: the cell after our last one is a continuation whose lead we overwrite.
        let after = col + w
        if after < width, cells[base + after].isContinuation {
            cells[base + after].text = " "
        }
        cells[base + col] = Cell(text: text, role: role)
        if w == 2 { cells[base + col + 1] = Cell(text: "", role: role) }
    }

    /// A run of scalars that ncurses puts into one cell (or two, if wide).
    struct Cluster {
        var text: String
        var width: Int
    }

    /// Splits text the way ncurses places it: each scalar with positive width starts a cluster,
    /// zero-width scalars join the cluster before them. Graphemes wider than 2 (ZWJ sequences)
    /// thus become several clusters, as on screen.
    static func clusters(of s: String) -> [Cluster] {
        var result: [Cluster] = []
        for scalar in s.unicodeScalars {
            let w = DisplayWidth.of(scalar)
            if w > 0 {
                result.append(Cluster(text: String(scalar), width: min(w, 2)))
            } else if !result.isEmpty {
                result[result.count - 1].text.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
