/// Everything a key can do on the dashboard. The raw value is the name used in the keys file.
public enum ActionID: String, CaseIterable, Sendable, Hashable {
    case quit, help
    case nextPane, prevPane, pane1, pane2, pane3, pane4
    case up, down, pageUp, pageDown, top, bottom
    case open, back, filter, zoom, actions
    case newVisitor, checkIn, checkOut, bookRoom
    case issueStock, receiveStock
    case approve, reject
    case refresh
}

/// One row of the action table: the single source for key dispatch, the help overlay, the
/// status-bar hints and the keys file.
public struct Action: Sendable {
    public var id: ActionID
    public var defaultKeys: [Key]
    /// Short label for the status bar ("Quit", "Check in").
    public var label: String
    /// One sentence for the help overlay.
    public var help: String

    public init(id: ActionID, defaultKeys: [Key], label: String, help: String) {
        self.id = id
        self.defaultKeys = defaultKeys
        self.label = label
        self.help = help
    }

    /// The action table, in help-overlay order.
    public static let table: [Action] = [
        Action(id: .quit, defaultKeys: [.char("q"), .ctrl("c")], label: "Quit", help: "Leave the dashboard."),
        Action(id: .help, defaultKeys: [.char("?"), .function(1)], label: "Help", help: "Show or hide this list of keys."),
        Action(id: .nextPane, defaultKeys: [.tab], label: "Next pane", help: "Move to the next pane."),
        Action(id: .prevPane, defaultKeys: [.backTab], label: "Prev pane", help: "Move to the previous pane."),
        Action(id: .pane1, defaultKeys: [.char("1")], label: "Meetings", help: "Go to the Meetings pane."),
        Action(id: .pane2, defaultKeys: [.char("2")], label: "Visitors", help: "Go to the Visitors pane."),
        Action(id: .pane3, defaultKeys: [.char("3")], label: "Stock", help: "Go to the Stock pane."),
        Action(id: .pane4, defaultKeys: [.char("4")], label: "Approvals", help: "Go to the Approvals pane."),
        Action(id: .up, defaultKeys: [.up, .char("k")], label: "Up", help: "Select the row above."),
        Action(id: .down, defaultKeys: [.down, .char("j")], label: "Down", help: "Select the row below."),
        Action(id: .pageUp, defaultKeys: [.pageUp], label: "Page up", help: "Scroll up one page."),
        Action(id: .pageDown, defaultKeys: [.pageDown], label: "Page down", help: "Scroll down one page."),
        Action(id: .top, defaultKeys: [.char("g"), .home], label: "Top", help: "Select the first row."),
        Action(id: .bottom, defaultKeys: [.char("G"), .end], label: "Bottom", help: "Select the last row."),
        Action(id: .open, defaultKeys: [.enter], label: "Open", help: "Open the selected row."),
        Action(id: .back, defaultKeys: [.escape], label: "Back", help: "Close the form, filter or overlay."),
        Action(id: .filter, defaultKeys: [.char("/")], label: "Filter", help: "Filter the rows of this pane."),
        Action(id: .zoom, defaultKeys: [.char("z")], label: "Zoom", help: "Show this pane alone, or all panes again."),
        Action(id: .actions, defaultKeys: [.char(" "), .char(".")], label: "Actions", help: "Every step for the selected row (confirm, room check, minutes, outcome…)."),
        Action(id: .newVisitor, defaultKeys: [.char("n")], label: "New visitor", help: "Register an expected visitor."),
        Action(id: .checkIn, defaultKeys: [.char("c")], label: "Check in", help: "Check the selected visitor in and issue a badge."),
        Action(id: .checkOut, defaultKeys: [.char("o")], label: "Check out", help: "Check the selected visitor out and take the badge back."),
        Action(id: .bookRoom, defaultKeys: [.char("b")], label: "Book room", help: "Book a meeting room."),
        Action(id: .issueStock, defaultKeys: [.char("i")], label: "Issue", help: "Issue supplies from stock."),
        Action(id: .receiveStock, defaultKeys: [.char("r")], label: "Receive", help: "Record supplies received."),
        Action(id: .approve, defaultKeys: [.char("a")], label: "Approve", help: "Approve the selected request."),
        Action(id: .reject, defaultKeys: [.char("x")], label: "Reject", help: "Reject the selected request, with a reason."),
        Action(id: .refresh, defaultKeys: [.ctrl("l")], label: "Redraw", help: "Redraw the whole screen."),
    ]
}

/// A keys-file error naming file and line: `keys.toml:4: 'j' is bound to both down and nextPane`.
public struct KeymapError: Error, Equatable, Sendable, CustomStringConvertible {
    public var source: String
    public var line: Int
    public var message: String

    public var description: String { "\(source):\(line): \(message)" }
}

/// Which keys trigger which actions: the defaults of ``Action/table``, overridden per action by
/// the user's keys file. Every key maps to at most one action.
public struct Keymap: Sendable {
    /// Keys per action, in table order; an action may have none (unbound).
    public private(set) var bindings: [ActionID: [Key]]
    private var byKey: [Key: ActionID]

    /// The built-in bindings.
    public static let defaults: Keymap = {
        var bindings: [ActionID: [Key]] = [:]
        for action in Action.table { bindings[action.id] = action.defaultKeys }
        return Keymap(bindings: bindings)
    }()

    /// Builds the reverse index; when a key is listed twice the first action in table order
    /// wins (``load(text:source:)`` refuses such tables, ``conflicts`` lists them).
    public init(bindings: [ActionID: [Key]]) {
        self.bindings = bindings
        var byKey: [Key: ActionID] = [:]
        for action in Action.table {
            for key in bindings[action.id] ?? [] where byKey[key] == nil { byKey[key] = action.id }
        }
        self.byKey = byKey
    }

    /// The action `key` triggers, if any.
    public func action(for key: Key) -> ActionID? { byKey[key] }

    /// The keys that trigger `id`, first one is the one shown in hints.
    public func keys(for id: ActionID) -> [Key] { bindings[id] ?? [] }

    /// Keys bound to more than one action, with the actions in table order.
    public var conflicts: [(key: Key, actions: [ActionID])] {
        var seen: [Key: [ActionID]] = [:]
        var order: [Key] = []
        for action in Action.table {
            for key in Set(bindings[action.id] ?? []) {
                if seen[key] == nil { order.append(key) }
                seen[key, default: []].append(action.id)
            }
        }
        return order.compactMap { key in
            guard let actions = seen[key], actions.count > 1 else { return nil }
            return (key, actions)
        }
    }

    /// Help-overlay rows, one per action in table order: key names joined by `, `
    /// (`unbound` when none), the label and the help sentence.
    /// Labels and help default to the table's English; the dashboard passes its language's.
    public func helpLines(label: (ActionID) -> String = { id in Action.table.first { $0.id == id }?.label ?? id.rawValue },
                          help: (ActionID) -> String = { id in Action.table.first { $0.id == id }?.help ?? "" },
                          unbound: String = "unbound") -> [(keys: String, label: String, help: String)] {
        Action.table.map { action in
            let keys = self.keys(for: action.id).map(\.name)
            return (keys.isEmpty ? unbound : keys.joined(separator: ", "), label(action.id), help(action.id))
        }
    }

    /// Reads a user keys file (`~/.config/frontdesk/keys.toml`) over the defaults.
    ///
    /// Format, a TOML subset: a `[keys]` table whose entries are `action = "key"` or
    /// `action = ["key", "key"]` (`[]` unbinds); `#` comments; basic `"…"` strings with `\"`
    /// and `\\`, or literal `'…'` strings. Action names are the ``ActionID`` raw values;
    /// `next_pane` and `next-pane` are accepted for `nextPane`. An action named in the file
    /// loses all its default keys.
    ///
    /// Throws on the first problem, with its line: syntax, unknown section, unknown action
    /// (listing the known ones), unknown key name, an action given twice, and a key bound to two
    /// actions — in the file, or by the file and a default left in place.
    public static func load(text: String, source: String) throws(KeymapError) -> Keymap {
        var bindings = defaults.bindings
        var lineOf: [ActionID: Int] = [:]
        var inKeys = false
        var lineNo = 0
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNo += 1
            func fail(_ message: String) -> KeymapError { KeymapError(source: source, line: lineNo, message: message) }
            var scanner = TOMLLine(Array(rawLine))
            scanner.skipSpace()
            if scanner.atEndOrComment { continue }
            if scanner.peek == "[" {
                scanner.advance()
                let name = String(scanner.take { $0 != "]" }).trimmingCharacters()
                guard scanner.peek == "]" else { throw fail("missing ']' after section name") }
                scanner.advance()
                scanner.skipSpace()
                guard scanner.atEndOrComment else { throw fail("unexpected text after [\(name)]") }
                guard name == "keys" else { throw fail("unknown section [\(name)] (only [keys])") }
                inKeys = true
                continue
            }
            let name = String(scanner.take { $0 != "=" && $0 != " " && $0 != "\t" && $0 != "#" })
            scanner.skipSpace()
            guard scanner.peek == "=" else { throw fail("missing '=' (expected 'action = \"key\"')") }
            scanner.advance()
            guard inKeys else { throw fail("'\(name)' outside the [keys] section") }
            guard let id = actionID(named: name) else {
                let known = ActionID.allCases.map(\.rawValue).joined(separator: ", ")
                throw fail("unknown action '\(name)' (known: \(known))")
            }
            if let first = lineOf[id] { throw fail("action '\(id.rawValue)' already set on line \(first)") }
            let names: [String]
            do {
                names = try scanner.value()
            } catch {
                throw fail(error.message)
            }
            var keys: [Key] = []
            for keyName in names {
                guard let key = Key.parse(keyName), key != .resize else {
                    throw fail("unknown key '\(keyName)' (e.g. q, G, ctrl-c, enter, esc, tab, shift-tab, up, pgdn, f1, space)")
                }
                if !keys.contains(key) { keys.append(key) }
            }
            bindings[id] = keys
            lineOf[id] = lineNo
        }
        let keymap = Keymap(bindings: bindings)
        // Report each conflict on the line of a file entry involved (the later line if both).
        let conflicts = keymap.conflicts.compactMap { c -> (line: Int, message: String)? in
            let fromFile = c.actions.filter { lineOf[$0] != nil }.sorted { (lineOf[$0] ?? 0) > (lineOf[$1] ?? 0) }
            guard let culprit = fromFile.first, let line = lineOf[culprit] else { return nil }
            let others = c.actions.filter { $0 != culprit }.map { other in
                if let l = lineOf[other] { return "\(other.rawValue) (line \(l))" }
                return "\(other.rawValue) (a default; rebind \(other.rawValue) too)"
            }
            return (line, "'\(c.key.name)' is bound to both \(culprit.rawValue) and \(others.joined(separator: " and "))")
        }
        if let first = conflicts.min(by: { $0.line < $1.line }) {
            throw KeymapError(source: source, line: first.line, message: first.message)
        }
        return keymap
    }

    /// `nextPane`, `next_pane`, `next-pane` and `NextPane` all name ``ActionID/nextPane``.
    static func actionID(named name: String) -> ActionID? {
        if let id = ActionID(rawValue: name) { return id }
        let folded = name.lowercased().filter { $0 != "_" && $0 != "-" }
        return ActionID.allCases.first { $0.rawValue.lowercased() == folded }
    }
}

/// A tiny cursor over one line of the keys file.
struct TOMLLine {
    struct ValueError: Error { var message: String }

    private let chars: [Character]
    private var i = 0

    init(_ chars: [Character]) { self.chars = chars }

    var peek: Character? { i < chars.count ? chars[i] : nil }
    var atEndOrComment: Bool { peek == nil || peek == "#" }
    mutating func advance() { i += 1 }
    mutating func skipSpace() { while let c = peek, c == " " || c == "\t" { i += 1 } }

    mutating func take(while predicate: (Character) -> Bool) -> ArraySlice<Character> {
        let start = i
        while let c = peek, predicate(c) { i += 1 }
        return chars[start..<i]
    }

    /// Reads `"k"` or `["k", …]` and requires only a comment after it.
    mutating func value() throws(ValueError) -> [String] {
        skipSpace()
        var result: [String] = []
        if peek == "[" {
            advance()
            skipSpace()
            if peek == "]" {
                advance()
            } else {
                while true {
                    result.append(try string())
                    skipSpace()
                    if peek == "," {
                        advance()
                        skipSpace()
                        if peek == "]" { advance(); break } // trailing comma
                        continue
                    }
                    if peek == "]" { advance(); break }
                    throw ValueError(message: "expected ',' or ']' in the key list")
                }
            }
        } else {
            result.append(try string())
        }
        skipSpace()
        guard atEndOrComment else { throw ValueError(message: "unexpected text after the value") }
        return result
    }

    /// Reads one basic (`"…"`, with `\"` and `\\`) or literal (`'…'`) string.
    mutating func string() throws(ValueError) -> String {
        guard let quote = peek, quote == "\"" || quote == "'" else {
            throw ValueError(message: "expected a quoted key name such as \"q\" or a list [\"q\", \"ctrl-c\"]")
        }
        advance()
        var s = ""
        while let c = peek {
            advance()
            if c == quote { return s }
            if c == "\\" && quote == "\"" {
                guard let next = peek, next == "\"" || next == "\\" else {
                    throw ValueError(message: "unsupported escape in string (only \\\" and \\\\)")
                }
                advance()
                s.append(next)
            } else {
                s.append(c)
            }
        }
        throw ValueError(message: "unterminated string")
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    func trimmingCharacters() -> String {
        String(self[...].trimmingSpaces())
    }
}
