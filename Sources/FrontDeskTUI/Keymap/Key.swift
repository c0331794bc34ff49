/// A key press as the dashboard sees it, independent of ncurses.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    /// A printable character, including wide ones such as `张` (one value per typed character).
    case char(Character)
    /// Control plus a letter or one of `@ [ \ ] ^ _`; stored lower-case. Ctrl-I, Ctrl-M (and Ctrl-J), Ctrl-H
    /// and Ctrl-[ are `.tab`, `.enter`, `.backspace` and `.escape`, as terminals cannot tell them apart.
    case ctrl(Character)
    case up, down, left, right, home, end, pageUp, pageDown
    case enter, escape, tab, backTab, backspace, delete
    /// F1…F24.
    case function(Int)
    /// The terminal changed size (not bindable).
    case resize
    /// A mouse press or wheel step at a screen cell (not bindable; see ``Dashboard/click(_:)``).
    case mouse(MouseEvent)

    /// Parses a key name as written in the keys file and help: a single character (`q`, `G`,
    /// `/`, `?`, `张`), `space`, `ctrl-x` (or `ctrl+x`, `c-x`, `^x`), `enter`/`return`, `esc`/
    /// `escape`, `tab`, `shift-tab`/`backtab`, `backspace`, `delete`/`del`, `up`, `down`, `left`,
    /// `right`, `home`, `end`, `pgup`/`pageup`, `pgdn`/`pagedown`, `f1`…`f24`.
    /// Names are case-insensitive except single characters. Returns `nil` for anything else.
    public static func parse(_ name: String) -> Key? {
        if name.count == 1, let c = name.first {
            return normalized(c)
        }
        let lower = name.lowercased()
        if let named = named[lower] { return named }
        for prefix in ["ctrl-", "ctrl+", "c-", "^"] where lower.hasPrefix(prefix) {
            let rest = lower.dropFirst(prefix.count)
            guard rest.count == 1, let c = rest.first else { return nil }
            return control(c)
        }
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...24).contains(n) {
            return .function(n)
        }
        return nil
    }

    /// The canonical name, which ``parse(_:)`` reads back: `q`, `G`, `space`, `ctrl-c`,
    /// `enter`, `esc`, `tab`, `shift-tab`, `up`, `pgup`, `pgdn`, `f1`, …
    public var name: String {
        switch self {
        case .char(" "): "space"
        case .char(let c): String(c)
        case .ctrl(let c): "ctrl-\(c)"
        case .up: "up"
        case .down: "down"
        case .left: "left"
        case .right: "right"
        case .home: "home"
        case .end: "end"
        case .pageUp: "pgup"
        case .pageDown: "pgdn"
        case .enter: "enter"
        case .escape: "esc"
        case .tab: "tab"
        case .backTab: "shift-tab"
        case .backspace: "backspace"
        case .delete: "delete"
        case .function(let n): "f\(n)"
        case .resize: "resize"
        case .mouse(let m): "mouse-\(m.kind)@\(m.row),\(m.col)"
        }
    }

    public var description: String { name }

    /// The key for a control character as typed (`ctrl-m` and `ctrl-j` are Enter, and so on); `nil` for characters that have no control form.
    public static func control(_ c: Character) -> Key? {
        let lower = Character(c.lowercased())
        switch lower {
        case "i": return .tab
        case "m", "j": return .enter
        case "h": return .backspace
        case "[": return .escape
        case "a"..."z", "@", "\\", "]", "^", "_": return .ctrl(lower)
        default: return nil
        }
    }

    /// A single typed character as a key; control characters become their named keys.
    static func normalized(_ c: Character) -> Key? {
        guard let scalar = c.unicodeScalars.first, c.unicodeScalars.count == 1 else { return .char(c) }
        switch scalar.value {
        case 0x09: return .tab
        case 0x0A, 0x0D: return .enter
        case 0x1B: return .escape
        case 0x08, 0x7F: return .backspace
        case 0x00: return .ctrl("@")
        case 0x01...0x1A: return .ctrl(Character(Unicode.Scalar(scalar.value + 0x60) ?? "?"))
        case 0x1C: return .ctrl("\\")
        case 0x1D: return .ctrl("]")
        case 0x1E: return .ctrl("^")
        case 0x1F: return .ctrl("_")
        default: return .char(c)
        }
    }

    private static let named: [String: Key] = [
        "space": .char(" "), "enter": .enter, "return": .enter, "esc": .escape, "escape": .escape,
        "tab": .tab, "shift-tab": .backTab, "backtab": .backTab, "s-tab": .backTab,
        "backspace": .backspace, "bksp": .backspace, "delete": .delete, "del": .delete,
        "up": .up, "down": .down, "left": .left, "right": .right, "home": .home, "end": .end,
        "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown,
    ]
}

/// One mouse event as the dashboard sees it: what happened, at which screen cell (0-based).
public struct MouseEvent: Hashable, Sendable {
    public enum Button: Hashable, Sendable { case left, middle, right }
    public enum Kind: Hashable, Sendable, CustomStringConvertible {
        case press(Button)
        case wheelUp, wheelDown

        public var description: String {
            switch self {
            case .press(let b): "\(b)"
            case .wheelUp: "wheelUp"
            case .wheelDown: "wheelDown"
            }
        }
    }

    public var kind: Kind
    public var row: Int
    public var col: Int

    public init(_ kind: Kind, row: Int, col: Int) {
        self.kind = kind
        self.row = row
        self.col = col
    }
}
