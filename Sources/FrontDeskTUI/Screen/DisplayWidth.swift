#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Terminal column widths of text, computed the way ncurses places it.
///
/// The width of a grapheme is the sum of `wcwidth` over its scalars, negative results counted
/// as 0: ncurses gives each scalar with a positive width its own cell(s) and attaches
/// zero-width scalars (combining marks, ZWJ, variation selectors) to the cell before. So
/// `张` is 2, `e\u{301}` is 1, `🙂` is 2 and a ZWJ family emoji is the sum of its members.
///
/// Widths come from glibc's UTF-8 width table (a private `C.UTF-8` locale object), whatever
/// the process locale: under a UTF-8 locale that is exactly what ncurses uses, and under a
/// non-UTF-8 locale the grid draws `?` placeholders of the same widths, so columns still line
/// up. East Asian "ambiguous" characters (`…`, `°`, `①`) count 1, as glibc and ncurses do.
public enum DisplayWidth {
    /// The ellipsis used by ``truncate(_:to:ellipsis:)``; one column wide.
    public static let ellipsis: Character = "…"

    private static let utf8LocaleSet: Bool = {
        setlocale(LC_CTYPE, "C.UTF-8") != nil
    }()

    /// Sets the process `LC_CTYPE` to `C.UTF-8` once (thread-safe) and returns whether it worked.
    /// Widths do not need it; tests call it so that anything else locale-dependent (C string
    /// conversions, ncurses-free tools) sees UTF-8 as the running dashboard does.
    @discardableResult
    public static func ensureUTF8Locale() -> Bool { utf8LocaleSet }

    /// Columns taken by one Unicode scalar: `wcwidth`, negatives (controls) as 0.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        if scalar.value >= 0x20 && scalar.value < 0x7F { return 1 }
        let w = CLocale.wcwidth(scalar.value)
        return w > 0 ? w : 0
    }

    /// Columns taken by one grapheme: the sum over its scalars.
    public static func of(_ c: Character) -> Int {
        var total = 0
        for scalar in c.unicodeScalars { total += of(scalar) }
        return total
    }

    /// Columns taken by a string. Cost: one `wcwidth` per non-ASCII scalar.
    public static func of(_ s: Substring) -> Int {
        var total = 0
        for scalar in s.unicodeScalars { total += of(scalar) }
        return total
    }

    /// Columns taken by a string. Cost: one `wcwidth` per non-ASCII scalar.
    public static func of(_ s: String) -> Int { of(s[...]) }

    /// Shortens `s` to at most `width` columns without ever splitting a grapheme.
    ///
    /// - Returns `s` unchanged when it already fits (it may then be narrower than `width`).
    /// - Otherwise returns exactly `width` columns: the longest grapheme prefix that fits,
    ///   then `…` when `ellipsis` is true, then one space where a wide character did not fit.
    /// - `width <= 0` gives `""`.
    public static func truncate(_ s: String, to width: Int, ellipsis: Bool = true) -> String {
        guard width > 0 else { return "" }
        if of(s) <= width { return s }
        let budget = ellipsis ? width - 1 : width
        var result = ""
        var used = 0
        for ch in s {
            let w = of(ch)
            if used + w > budget { break }
            result.append(ch)
            used += w
        }
        if ellipsis {
            result.append(Self.ellipsis)
            used += 1
        }
        if used < width { result += String(repeating: " ", count: width - used) }
        return result
    }

    /// Makes `s` exactly `width` columns: truncated with `…` when longer, otherwise padded
    /// with spaces on the right (or on the left when `alignRight`). `width <= 0` gives `""`.
    public static func pad(_ s: String, to width: Int, alignRight: Bool = false) -> String {
        guard width > 0 else { return "" }
        let w = of(s)
        if w > width { return truncate(s, to: width, ellipsis: true) }
        let fill = String(repeating: " ", count: width - w)
        return alignRight ? fill + s : s + fill
    }

    /// Splits `s` into lines of at most `width` columns, at spaces where it can and between
    /// characters where it must (Chinese has no spaces); never splits a wide character.
    public static func wrap(_ s: String, to width: Int) -> [String] {
        guard width > 1 else { return [s] }
        var lines: [String] = []
        var line = "", lineWidth = 0
        var lastSpace: String.Index?
        for c in s {
            let w = of(c)
            if lineWidth + w > width && c == " " {
                lines.append(line); line = ""; lineWidth = 0; lastSpace = nil
                continue
            }
            if lineWidth + w > width {
                if let sp = lastSpace, sp > line.startIndex {
                    let rest = String(line[line.index(after: sp)...])
                    lines.append(String(line[..<sp]))
                    line = rest
                } else {
                    lines.append(line)
                    line = ""
                }
                lineWidth = of(line)
                lastSpace = nil
                if c == " " && line.isEmpty { continue }
            }
            if c == " " { lastSpace = line.endIndex }
            line.append(c)
            lineWidth += w
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// Keeps the start and the end of `s` (a path's root and its last folder) within `width`
    /// columns, with `…` between them.
    public static func middleTruncate(_ s: String, to width: Int) -> String {
        guard of(s) > width else { return s }
        guard width > 2 else { return truncate(s, to: width) }
        let chars = Array(s)
        var tail: [Character] = [], tailWidth = 0
        let tailBudget = (width - 1) * 2 / 3
        for c in chars.reversed() {
            let w = of(c)
            if tailWidth + w > tailBudget { break }
            tail.insert(c, at: 0); tailWidth += w
        }
        let head = truncate(s, to: width - 1 - tailWidth, ellipsis: false)
        return head.trimmingCharacters(in: .whitespaces) + "…" + String(tail)
    }
}
