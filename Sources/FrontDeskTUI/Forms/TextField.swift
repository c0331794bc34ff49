/// One field of a form: a line of editable text, or a picker over known values.
///
/// Edits by Character (grapheme), so a typed 张 is inserted, moved over and deleted as one unit,
/// and the caret's column is its display width, not its byte count. In a picker the text is the
/// type-ahead: it narrows ``matches`` (case-insensitive, on value or label) and ↑↓ move the
/// highlight among them; ``resolved`` is what the field stands for.
public struct TextField: Equatable, Sendable {
    public var label: Localized
    public var value: String { didSet { cursor = min(cursor, value.count) } }
    /// Caret position in Characters.
    public var cursor: Int
    public var hint: Localized?
    public var required: Bool
    /// Set when validation fails; shown under the field.
    public var error: Localized?
    /// A picker's known values; nil for free text.
    public var choices: [Choice]?
    /// A picker that also takes text not in its list.
    public var allowsOther: Bool
    /// The highlighted match of a picker.
    public var highlight = 0
    let initial: String

    public init(_ label: Localized, value: String = "", hint: Localized? = nil, required: Bool = false,
                choices: [Choice]? = nil, allowsOther: Bool = false) {
        self.label = label; self.value = value; self.cursor = value.count
        self.hint = hint; self.required = required; self.initial = value
        self.choices = choices; self.allowsOther = allowsOther
    }

    /// True once the user typed something that differs from what the form offered.
    public var isEdited: Bool { value != initial }

    public var trimmed: String { value.trimmingCharacters(in: .whitespaces) }

    public var isPicker: Bool { choices != nil }

    /// The choices the typed text narrows to: those that contain it; all of them for an empty
    /// text, or for a text that names one exactly (a pre-filled room), that one first, so ↑↓
    /// still offer the others.
    public var matches: [Choice] {
        guard let choices else { return [] }
        let q = trimmed.lowercased()
        guard !q.isEmpty else { return choices }
        let exact = choices.filter { $0.value.lowercased() == q || $0.label.lowercased() == q }
        if !exact.isEmpty { return exact + choices.filter { !exact.contains($0) } }
        return choices.filter { $0.value.lowercased().contains(q) || $0.label.lowercased().contains(q) }
    }

    /// The text the form parses: for a picker the highlighted match's value (or the typed text
    /// when it matches nothing and the picker allows other values); for free text, the text.
    public var resolved: String? {
        guard isPicker else { return trimmed }
        if trimmed.isEmpty { return "" }
        let m = matches
        if m.isEmpty { return allowsOther ? trimmed : nil }
        return m[min(max(0, highlight), m.count - 1)].value
    }

    /// Moves the highlight by `delta` among the matches, wrapping. Returns false for free text.
    public mutating func moveHighlight(_ delta: Int) -> Bool {
        guard isPicker else { return false }
        let n = matches.count
        guard n > 0 else { return true }
        highlight = ((min(max(0, highlight), n - 1) + delta) % n + n) % n
        return true
    }

    /// On leaving a picker, its text becomes the chosen entry's label (what you see is what is saved).
    public mutating func settleChoice() {
        guard isPicker, !trimmed.isEmpty else { return }
        let m = matches
        guard !m.isEmpty else { return }
        let chosen = m[min(max(0, highlight), m.count - 1)]
        if trimmed != chosen.label { value = chosen.label; cursor = value.count }
        highlight = 0
    }

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
        highlight = 0
        value = String(chars)
        return true
    }

    /// Display columns from the start of the value to the caret.
    public var cursorColumn: Int { DisplayWidth.of(String(Array(value).prefix(cursor))) }
}
