/// A text attribute a terminal can show without colour.
public enum Attr: String, CaseIterable, Sendable, Hashable {
    case bold, dim, reverse, underline
}

/// A colour as written in a theme file.
public enum ThemeColor: Equatable, Hashable, Sendable {
    /// The terminal's own foreground / background.
    case `default`
    /// One of the 8 ANSI colours (0 black … 7 white).
    case basic(Int)
    /// The bright variant of an ANSI colour (terminal colours 8–15).
    case bright(Int)
    /// An xterm-256 colour number, 0–255.
    case indexed(Int)

    /// Colour names, in ANSI order.
    public static let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]
}

/// The style of one role: colours plus attributes, and the attributes to use instead when
/// there is no colour (monochrome terminal or `NO_COLOR`).
public struct Style: Equatable, Sendable {
    public var fg: ThemeColor
    public var bg: ThemeColor
    public var attrs: Set<Attr>
    public var mono: Set<Attr>

    public init(fg: ThemeColor = .default, bg: ThemeColor = .default, attrs: Set<Attr> = [], mono: Set<Attr> = []) {
        self.fg = fg
        self.bg = bg
        self.attrs = attrs
        self.mono = mono
    }

    /// Plain text in the terminal's colours.
    public static let plain = Style()
}

/// A style made concrete for one terminal: colour numbers as ncurses takes them (`-1` is the
/// terminal default) and the attributes to set.
public struct ResolvedStyle: Equatable, Sendable {
    public var fg: Int
    public var bg: Int
    public var attrs: Set<Attr>

    public init(fg: Int, bg: Int, attrs: Set<Attr>) {
        self.fg = fg
        self.bg = bg
        self.attrs = attrs
    }

    /// Whether this style needs a colour pair (any colour other than the default).
    public var usesColor: Bool { fg >= 0 || bg >= 0 }
}

/// A theme-file error, naming file and line: `themes/light.theme:7: unknown role 'titel' (…)`.
public struct ThemeError: Error, Equatable, Sendable, CustomStringConvertible {
    public var source: String
    public var line: Int
    public var message: String

    public var description: String { "\(source):\(line): \(message)" }
}

/// A colour theme: a name and a style per role.
///
/// File format (one setting per line, `#` starts a comment, blank lines ignored):
///
///     name     = default
///     title    = bold cyan
///     selected = black on cyan
///     overdue  = bold white on red | bold reverse
///     gauge    = 34 on default
///
/// A style is attribute words (`bold dim reverse underline`), an optional foreground colour and
/// an optional `on <background>`. Colours: `default`, the 8 names `black red green yellow blue
/// magenta cyan white`, `bright-<name>` (also `gray`/`grey` for bright black) and numbers 0–255.
/// After `|` come the attributes used without colour; without `|` they are the style's own
/// attributes, plus `reverse` when the style sets a background, so selections stay visible.
public struct Theme: Equatable, Sendable {
    public var name: String
    /// Styles of the roles the file names; see ``style(for:)`` for the fallback.
    public var styles: [Role: Style]

    public init(name: String, styles: [Role: Style]) {
        self.name = name
        self.styles = styles
    }

    /// The style of `role`: its own, else `normal`'s, else plain.
    public func style(for role: Role) -> Style {
        styles[role] ?? styles[.normal] ?? .plain
    }

    /// Parses a theme file. `source` names it in errors (e.g. `themes/light.theme`).
    ///
    /// Throws on the first bad line: missing `=`, unknown role (listing the known ones),
    /// duplicate role, unknown word or colour, colour number out of 0–255, colours after `|`,
    /// two foregrounds, an empty style.
    public static func parse(_ text: String, source: String) throws(ThemeError) -> Theme {
        var name: String?
        var styles: [Role: Style] = [:]
        var lineNo = 0
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNo += 1
            let content = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let line = content.trimmingSpaces()
            if line.isEmpty { continue }
            func fail(_ message: String) -> ThemeError { ThemeError(source: source, line: lineNo, message: message) }
            guard let eq = line.firstIndex(of: "=") else {
                throw fail("missing '=' (expected 'role = style')")
            }
            let key = line[..<eq].trimmingSpaces()
            let value = line[line.index(after: eq)...].trimmingSpaces()
            if key == "name" {
                if name != nil { throw fail("duplicate 'name'") }
                if value.isEmpty { throw fail("empty name") }
                name = String(value)
                continue
            }
            guard let role = Role(rawValue: String(key)) else {
                let known = Role.allCases.map(\.rawValue).joined(separator: ", ")
                throw fail("unknown role '\(key)' (known: \(known))")
            }
            if styles[role] != nil { throw fail("duplicate role '\(key)'") }
            do {
                styles[role] = try parseStyle(value)
            } catch {
                throw fail(error.message)
            }
        }
        return Theme(name: name ?? defaultName(from: source), styles: styles)
    }

    /// Concrete styles for a terminal with `colors` colours (ncurses `COLORS`).
    ///
    /// - `noColor` (the `NO_COLOR` convention) or fewer than 8 colours: default colours and the
    ///   monochrome attributes.
    /// - 256 or more: colours as written (`bright n` is 8+n).
    /// - 16: `indexed` maps to the nearest of the 16 ANSI colours.
    /// - 8: `bright` and `indexed` map to the nearest of the 8 basic colours.
    public func resolved(colors: Int, noColor: Bool) -> [Role: ResolvedStyle] {
        var result: [Role: ResolvedStyle] = [:]
        for role in Role.allCases {
            let style = style(for: role)
            if noColor || colors < 8 {
                result[role] = ResolvedStyle(fg: -1, bg: -1, attrs: style.mono)
            } else {
                result[role] = ResolvedStyle(fg: Self.number(style.fg, colors: colors),
                                             bg: Self.number(style.bg, colors: colors),
                                             attrs: style.attrs)
            }
        }
        return result
    }

    // MARK: - Parsing helpers

    struct StyleError: Error { var message: String }

    static func parseStyle(_ value: Substring) throws(StyleError) -> Style {
        let halves = value.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
        let words = halves[0].split(whereSeparator: { $0 == " " || $0 == "\t" })
        if words.isEmpty { throw StyleError(message: "empty style") }
        var style = Style()
        var fg: ThemeColor?
        var bg: ThemeColor?
        var i = 0
        while i < words.count {
            let word = words[i].lowercased()
            if let attr = Attr(rawValue: word) {
                style.attrs.insert(attr)
            } else if word == "on" {
                guard i + 1 < words.count else { throw StyleError(message: "'on' needs a background colour") }
                if bg != nil { throw StyleError(message: "two background colours") }
                bg = try parseColor(words[i + 1].lowercased())
                i += 1
            } else {
                if fg != nil { throw StyleError(message: "two foreground colours ('\(word)'); use 'on' before a background") }
                fg = try parseColor(word)
            }
            i += 1
        }
        style.fg = fg ?? .default
        style.bg = bg ?? .default
        if halves.count == 2 {
            for word in halves[1].split(whereSeparator: { $0 == " " || $0 == "\t" }) {
                guard let attr = Attr(rawValue: word.lowercased()) else {
                    throw StyleError(message: "'\(word)' after '|': the monochrome fallback takes attributes only (bold, dim, reverse, underline)")
                }
                style.mono.insert(attr)
            }
        } else {
            style.mono = style.attrs
            if style.bg != .default { style.mono.insert(.reverse) }
        }
        return style
    }

    static func parseColor(_ word: String) throws(StyleError) -> ThemeColor {
        if word == "default" { return .default }
        if word == "gray" || word == "grey" { return .bright(0) }
        if let n = ThemeColor.names.firstIndex(of: word) { return .basic(n) }
        for prefix in ["bright-", "bright_", "bright"] where word.hasPrefix(prefix) {
            if let n = ThemeColor.names.firstIndex(of: String(word.dropFirst(prefix.count))) { return .bright(n) }
        }
        if let n = Int(word) {
            guard (0...255).contains(n) else { throw StyleError(message: "colour number \(n) out of range 0–255") }
            return .indexed(n)
        }
        let known = (["default"] + ThemeColor.names + ["bright-<name>", "0–255"]).joined(separator: ", ")
        throw StyleError(message: "unknown colour or attribute '\(word)' (colours: \(known); attributes: bold, dim, reverse, underline)")
    }

    static func defaultName(from source: String) -> String {
        let file = source.split(separator: "/").last.map(String.init) ?? source
        return file.hasSuffix(".theme") ? String(file.dropLast(6)) : file
    }

    // MARK: - Colour fallback

    /// The ncurses colour number for `color` on a terminal with `colors` colours.
    static func number(_ color: ThemeColor, colors: Int) -> Int {
        switch color {
        case .default: return -1
        case .basic(let n): return n
        case .bright(let n): return colors >= 16 ? 8 + n : n
        case .indexed(let n):
            if colors >= 256 || n < min(colors, 16) { return n }
            return nearest(to: rgb(of: n), among: colors >= 16 ? 16 : 8)
        }
    }

    /// xterm's RGB for a 256-colour number.
    static func rgb(of n: Int) -> (Int, Int, Int) {
        switch n {
        case 0..<16: return ansiRGB[n]
        case 16..<232:
            let levels = [0, 95, 135, 175, 215, 255]
            let i = n - 16
            return (levels[i / 36], levels[(i / 6) % 6], levels[i % 6])
        default:
            let g = 8 + 10 * (n - 232)
            return (g, g, g)
        }
    }

    /// xterm's default RGB for the 16 ANSI colours.
    static let ansiRGB: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    /// The ANSI colour (0..<count) closest to `rgb` by squared distance.
    static func nearest(to rgb: (Int, Int, Int), among count: Int) -> Int {
        var best = 0
        var bestDistance = Int.max
        for i in 0..<count {
            let c = ansiRGB[i]
            let d = (c.0 - rgb.0) * (c.0 - rgb.0) + (c.1 - rgb.1) * (c.1 - rgb.1) + (c.2 - rgb.2) * (c.2 - rgb.2)
            if d < bestDistance { bestDistance = d; best = i }
        }
        return best
    }
}

extension Substring {
    /// Without leading and trailing spaces and tabs (and a CR from CRLF files).
    func trimmingSpaces() -> Substring {
        var s = self
        while let f = s.first, f == " " || f == "\t" || f == "\r" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s.removeLast() }
        return s
    }
}
