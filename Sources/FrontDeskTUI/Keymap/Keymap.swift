/// A keys-file problem naming file and line: `keys.toml:4: 'j' is bound to both down and nextPane`.
public struct KeymapError: Error, Equatable, Sendable, CustomStringConvertible {
    public var source: String
    public var line: Int
    public var message: String

    public var description: String { "\(source):\(line): \(message)" }
}

/// Which keys trigger which actions: the defaults of ``Action/table``, overridden per action by
/// the user's keys file. Within one ``KeyScope`` every key maps to at most one action.
public struct Keymap: Sendable {
    /// Keys per action, in table order; an action may have none (unbound).
    public private(set) var bindings: [ActionID: [Key]]
    private var byKey: [KeyScope: [Key: ActionID]]
    /// Lines of the keys file that were skipped (unknown action names), to show the user.
    public internal(set) var warnings: [KeymapError] = []

    /// The built-in bindings.
    public static let defaults: Keymap = {
        var bindings: [ActionID: [Key]] = [:]
        for action in Action.table { bindings[action.id] = action.defaultKeys }
        return Keymap(bindings: bindings)
    }()

    /// Builds the reverse index per scope; when a key is listed twice in a scope the first
    /// action in table order wins (``load(text:source:)`` refuses such tables, ``conflicts`` lists them).
    public init(bindings: [ActionID: [Key]]) {
        self.bindings = bindings
        var byKey: [KeyScope: [Key: ActionID]] = [:]
        for action in Action.table {
            for key in bindings[action.id] ?? [] where byKey[action.scope]?[key] == nil { byKey[action.scope, default: [:]][key] = action.id }
        }
        self.byKey = byKey
    }

    /// The action `key` triggers in `scope`, if any.
    public func action(for key: Key, in scope: KeyScope = .global) -> ActionID? { byKey[scope]?[key] }

    /// The keys that trigger `id`; the first is the one shown in hints.
    public func keys(for id: ActionID) -> [Key] { bindings[id] ?? [] }

    /// "ctrl-s" for the first key of `id`, or nil when it is unbound.
    public func keyName(_ id: ActionID) -> String? { keys(for: id).first?.name }

    /// Keys bound to more than one action of the same scope, with the actions in table order.
    public var conflicts: [(key: Key, scope: KeyScope, actions: [ActionID])] {
        var seen: [KeyScope: [Key: [ActionID]]] = [:]
        var order: [(KeyScope, Key)] = []
        for action in Action.table {
            for key in Set(bindings[action.id] ?? []) {
                if seen[action.scope]?[key] == nil { order.append((action.scope, key)) }
                seen[action.scope, default: [:]][key, default: []].append(action.id)
            }
        }
        return order.compactMap { scope, key in
            guard let actions = seen[scope]?[key], actions.count > 1 else { return nil }
            return (key, scope, actions)
        }
    }

    /// The table's rows of `scope`, in table order.
    public static func rows(in scope: KeyScope) -> [Action] { Action.table.filter { $0.scope == scope } }

    /// Key names of `id` joined by `, `, or nil when unbound.
    public func keyList(_ id: ActionID) -> String? {
        let names = keys(for: id).map(\.name)
        return names.isEmpty ? nil : names.joined(separator: ", ")
    }

    /// The hints of `scope` ("Enter Next/save · Tab Next field · …"), from the rows marked as
    /// hints, with the keys the user bound.
    public func hints(_ scope: KeyScope, strings: Strings) -> [(key: String, label: String)] {
        Self.rows(in: scope).filter { $0.hint != nil }.sorted { ($0.hint ?? 0) < ($1.hint ?? 0) }.compactMap { row in
            keyName(row.id).map { ($0, strings[row.label]) }
        }
    }

    /// Reads a user keys file (`~/.config/frontdesk/keys.toml`) over the defaults.
    ///
    /// Format, a TOML subset: a `[keys]` table whose entries are `action = "key"` or
    /// `action = ["key", "key"]` (`[]` unbinds); `#` comments; basic `"…"` strings with `\"`
    /// and `\\`, or literal `'…'` strings. Action names are ``ActionID/name`` (`quit`,
    /// `nextPane`, `formSave`, `meeting.confirm`); `next_pane` and `next-pane` are accepted for
    /// `nextPane`. An action named in the file loses all its default keys.
    ///
    /// An unknown action name is skipped and listed in ``warnings`` (a file written for another
    /// version still works). Throws on the first other problem, with its line: syntax, unknown
    /// section, unknown key name, an action given twice, and a key bound to two actions of one
    /// scope — in the file, or by the file and a default left in place.
    public static func load(text: String, source: String) throws(KeymapError) -> Keymap {
        var entries: [KeysFileEntry] = []
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
            let names: [String]
            do {
                names = try scanner.value()
            } catch {
                throw fail(error.message)
            }
            if let id = ActionID(name: name), let first = entries.first(where: { ActionID(name: $0.action) == id }) {
                throw fail("action '\(id.name)' already set on line \(first.line)")
            }
            entries.append(KeysFileEntry(action: name, keys: names, source: source, line: lineNo))
        }
        return try load(entries: entries)
    }

    /// The defaults with `entries` applied in order (a later entry for an action replaces an
    /// earlier one: a user's keys.toml over the system's). Unknown action names are skipped into
    /// ``warnings``; an unknown key name or a key bound to two actions of one scope throws,
    /// naming the entry's file and line.
    public static func load(entries: [KeysFileEntry]) throws(KeymapError) -> Keymap {
        var bindings = defaults.bindings
        var from: [ActionID: Int] = [:]   // the entry (by index) that set each action
        var warnings: [KeymapError] = []
        for (index, entry) in entries.enumerated() {
            func fail(_ message: String) -> KeymapError { KeymapError(source: entry.source, line: entry.line, message: message) }
            guard let id = ActionID(name: entry.action) else {
                let known = Action.table.map(\.id.name).joined(separator: ", ")
                warnings.append(fail("unknown action '\(entry.action)', line ignored (known: \(known))"))
                continue
            }
            var keys: [Key] = []
            for keyName in entry.keys {
                guard let key = Key.parse(keyName), key != .resize else {
                    throw fail("unknown key '\(keyName)' (e.g. q, G, ctrl-c, enter, esc, tab, shift-tab, up, pgdn, f1, space)")
                }
                if !keys.contains(key) { keys.append(key) }
            }
            bindings[id] = keys
            from[id] = index
        }
        var keymap = Keymap(bindings: bindings)
        keymap.warnings = warnings
        // Report each conflict on the line of a file entry involved (the later line if both).
        // Entries count in order (system file, then user file): of two, the later one is blamed.
        let conflicts = keymap.conflicts.compactMap { c -> (rank: Int, entry: KeysFileEntry, message: String)? in
            let fromFile = c.actions.filter { from[$0] != nil }.sorted { (from[$0] ?? 0) > (from[$1] ?? 0) }
            guard let culprit = fromFile.first, let index = from[culprit] else { return nil }
            let entry = entries[index]
            let others = c.actions.filter { $0 != culprit }.map { other in
                if let e = from[other].map({ entries[$0] }) { return e.source == entry.source ? "\(other.name) (line \(e.line))" : "\(other.name) (\(e.source):\(e.line))" }
                return "\(other.name) (a default; rebind \(other.name) too)"
            }
            let scope = c.scope == .global ? "" : " in the \(c.scope)"
            return (index, entry, "'\(c.key.name)' is bound to both \(culprit.name) and \(others.joined(separator: " and "))\(scope)")
        }
        if let first = conflicts.min(by: { $0.rank < $1.rank }) {
            throw KeymapError(source: first.entry.source, line: first.entry.line, message: first.message)
        }
        return keymap
    }
}

/// One `action = keys` line of a keys file, with where it was read (for error messages).
public struct KeysFileEntry: Sendable, Equatable {
    public var action: String
    public var keys: [String]
    public var source: String
    public var line: Int

    public init(action: String, keys: [String], source: String, line: Int) {
        self.action = action; self.keys = keys; self.source = source; self.line = line
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
