/// One line of editable text. Edits by Character (grapheme), so a typed 张 is inserted, moved over
/// and deleted as one unit, and the caret's column is its display width, not its byte count.
public struct TextField: Equatable, Sendable {
    public var label: String
    public var value: String { didSet { cursor = min(cursor, value.count) } }
    /// Caret position in Characters.
    public var cursor: Int
    public var hint: String
    public var required: Bool
    /// Set when validation fails; shown under the field.
    public var error: String?
    let initial: String

    public init(_ label: String, value: String = "", hint: String = "", required: Bool = false) {
        self.label = label; self.value = value; self.cursor = value.count
        self.hint = hint; self.required = required; self.initial = value
    }

    /// True once the user typed something that differs from what the form offered.
    public var isEdited: Bool { value != initial }

    public var trimmed: String { value.trimmingCharacters(in: .whitespaces) }

    /// Applies an editing key. Returns false if the key is not an editing key.
    public mutating func edit(_ key: Key) -> Bool {
        var chars = Array(value)
        switch key {
        case .char(let c):
            chars.insert(c, at: cursor); cursor += 1
        case .backspace:
            guard cursor > 0 else { return true }
            chars.remove(at: cursor - 1); cursor -= 1
        case .delete:
            guard cursor < chars.count else { return true }
            chars.remove(at: cursor)
        case .left: cursor = max(0, cursor - 1); return true
        case .right: cursor = min(chars.count, cursor + 1); return true
        case .home, .ctrl("a"): cursor = 0; return true
        case .end, .ctrl("e"): cursor = chars.count; return true
        case .ctrl("u"): chars.removeAll(); cursor = 0
        default: return false
        }
        error = nil
        value = String(chars)
        return true
    }

    /// Display columns from the start of the value to the caret.
    public var cursorColumn: Int { DisplayWidth.of(String(Array(value).prefix(cursor))) }
}
