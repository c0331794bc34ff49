/// Makes untrusted text safe to draw on a terminal.
public enum TerminalText {
    /// Returns `s` with nothing left that a terminal would act on, so text typed by one user
    /// (a visitor name, a note) can never move the cursor, retitle the window, clear the
    /// screen or reorder text on another user's terminal.
    ///
    /// - Whole escape sequences are removed: CSI (`ESC [` … final byte, or C1 `U+009B` …),
    ///   OSC / DCS / SOS / PM / APC strings (`ESC ]`, `ESC P`, `ESC X`, `ESC ^`, `ESC _` or
    ///   their C1 forms, up to BEL, `ESC \` or `U+009C`; an unterminated one runs to the end
    ///   of the text, as a terminal would swallow it), and two-or-more-byte `ESC` sequences
    ///   such as `ESC ( B` or `ESC c`.
    /// - TAB, LF, VT, FF, CR (and CR LF as one), U+0085, U+2028 and U+2029 become one space;
    ///   every other C0 control, DEL and every other C1 control (U+0080–U+009F) is removed.
    /// - Bidi controls are removed: U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C.
    ///
    /// Cost: one pass over the scalars; text without anything to remove is returned as is.
    public static func sanitize(_ s: String) -> String {
        if !s.unicodeScalars.contains(where: needsAttention) { return s }
        var out = String.UnicodeScalarView()
        let scalars = Array(s.unicodeScalars)
        var i = 0
        let n = scalars.count
        while i < n {
            let v = scalars[i].value
            switch v {
            case 0x1B:
                i = skipEscape(scalars, from: i)
            case 0x9B:
                i = skipCSI(scalars, from: i + 1)
            case 0x90, 0x98, 0x9D, 0x9E, 0x9F:
                i = skipString(scalars, from: i + 1)
            case 0x0D:
                out.append(" ")
                i += (i + 1 < n && scalars[i + 1].value == 0x0A) ? 2 : 1
            case 0x09, 0x0A, 0x0B, 0x0C, 0x85, 0x2028, 0x2029:
                out.append(" ")
                i += 1
            default:
                if !needsAttention(scalars[i]) { out.append(scalars[i]) }
                i += 1
            }
        }
        return String(out)
    }

    /// True for scalars the sanitizer removes or replaces.
    private static func needsAttention(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x20 || (v >= 0x7F && v <= 0x9F) { return true }
        switch v {
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// `scalars[start]` is ESC; returns the index after the whole sequence.
    private static func skipEscape(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        let next = start + 1
        guard next < scalars.count else { return next }
        switch scalars[next].value {
        case 0x5B: // [
            return skipCSI(scalars, from: next + 1)
        case 0x5D, 0x50, 0x58, 0x5E, 0x5F: // ] P X ^ _
            return skipString(scalars, from: next + 1)
        case 0x20...0x2F: // intermediates, then one final byte
            var i = next
            while i < scalars.count, (0x20...0x2F).contains(scalars[i].value) { i += 1 }
            if i < scalars.count, (0x30...0x7E).contains(scalars[i].value) { i += 1 }
            return i
        case 0x30...0x7E: // two-byte sequence such as ESC 7, ESC c
            return next + 1
        default: // lone ESC: drop it, keep what follows
            return next
        }
    }

    /// Skips CSI parameters/intermediates (0x20–0x3F) and the final byte (0x40–0x7E).
    /// Stops early, without consuming, at anything else so real text is not eaten.
    private static func skipCSI(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var i = start
        while i < scalars.count {
            let v = scalars[i].value
            if (0x20...0x3F).contains(v) { i += 1; continue }
            if (0x40...0x7E).contains(v) { return i + 1 }
            return i
        }
        return i
    }

    /// Skips a control string up to and including BEL, `ESC \` or U+009C (ST).
    private static func skipString(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var i = start
        while i < scalars.count {
            let v = scalars[i].value
            if v == 0x07 || v == 0x9C { return i + 1 }
            if v == 0x1B {
                if i + 1 < scalars.count, scalars[i + 1].value == 0x5C { return i + 2 }
                return i // a new escape sequence ends the string; the caller handles it
            }
            i += 1
        }
        return i
    }
}
