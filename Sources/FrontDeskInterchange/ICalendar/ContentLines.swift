import Foundation

/// A file that is not iCalendar as RFC 5545 writes it, with the line (1-based, as an editor
/// counts them) where the trouble starts and the reason in English and Chinese.
public struct ICalendarError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var message: String
    public var zh: String
    public init(line: Int, _ message: String, zh: String) { self.line = line; self.message = message; self.zh = zh }
    public var description: String { "line \(line): \(message)" }
}

/// One property of an iCalendar file, `NAME;PARAM=value:VALUE`, unfolded, with the line it starts on.
public struct ContentLine: Sendable, Equatable {
    /// Upper-cased, as RFC 5545 names are case-insensitive.
    public var name: String
    /// Parameter names upper-cased; values unquoted, in order.
    public var parameters: [String: [String]]
    /// The raw value: still escaped for TEXT (see `ICalendarText.unescape`).
    public var value: String
    public var line: Int

    public init(name: String, parameters: [String: [String]] = [:], value: String, line: Int = 0) {
        self.name = name; self.parameters = parameters; self.value = value; self.line = line
    }

    /// The first value of parameter `name` (upper-case), if given.
    public func parameter(_ name: String) -> String? { parameters[name]?.first }
}

/// RFC 5545 §3.1–3.3 text rules: unfolding and folding of lines, TEXT escaping, parameters.
public enum ICalendarText {
    /// The logical lines of `text`: CRLF or LF (or CR) line ends, a line that begins with a space
    /// or a tab continues the one before (the fold is removed), blank lines skipped. Each line
    /// carries the physical line number it starts on.
    public static func unfold(_ text: String) -> [(text: String, line: Int)] {
        var out: [(text: String, line: Int)] = []
        var physical = 0
        var body = Substring(text)
        if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
        // "\r\n" is one Character in Swift, so splitting on newlines treats CRLF, LF and CR alike.
        for raw in body.split(omittingEmptySubsequences: false, whereSeparator: { $0.isNewline }) {
            physical += 1
            if let first = raw.unicodeScalars.first, first == " " || first == "\t", !out.isEmpty {
                out[out.count - 1].text += String(raw.unicodeScalars.dropFirst())
            } else if !raw.trimmingCharacters(in: .whitespaces).isEmpty {
                out.append((String(raw), physical))
            }
        }
        return out
    }

    /// Splits one logical line into name, parameters and value. Throws when there is no `:`
    /// outside quotes, the name is empty, or a quote is left open.
    public static func parse(_ text: String, line: Int) throws(ICalendarError) -> ContentLine {
        let chars = Array(text.unicodeScalars)
        var i = 0
        func readName() -> String {
            var s = ""
            while i < chars.count, chars[i] != ";" && chars[i] != ":" && chars[i] != "=" { s.unicodeScalars.append(chars[i]); i += 1 }
            return s.trimmingCharacters(in: .whitespaces).uppercased()
        }
        let name = readName()
        if name.isEmpty || i >= chars.count || chars[i] == "=" {
            throw ICalendarError(line: line, "“\(preview(text))” is not an iCalendar property (NAME:VALUE).",
                                 zh: "“\(preview(text))”不是 iCalendar 属性（名称:值）。")
        }
        var params: [String: [String]] = [:]
        while i < chars.count, chars[i] == ";" {
            i += 1
            let p = readName()
            guard i < chars.count, chars[i] == "=", !p.isEmpty else {
                throw ICalendarError(line: line, "A parameter of \(name) has no value (PARAM=value expected).",
                                     zh: "\(name) 的某个参数没有值（应为 参数=值）。")
            }
            i += 1
            var values: [String] = []
            repeat {
                if i < chars.count, chars[i] == "," { i += 1 }
                var v = ""
                if i < chars.count, chars[i] == "\"" {
                    i += 1
                    while i < chars.count, chars[i] != "\"" { v.unicodeScalars.append(chars[i]); i += 1 }
                    if i >= chars.count {
                        throw ICalendarError(line: line, "A quoted parameter value of \(name) is not closed.", zh: "\(name) 的带引号参数值没有闭合。")
                    }
                    i += 1
                } else {
                    while i < chars.count, chars[i] != ";" && chars[i] != ":" && chars[i] != "," { v.unicodeScalars.append(chars[i]); i += 1 }
                }
                values.append(v)
            } while i < chars.count && chars[i] == ","
            params[p, default: []].append(contentsOf: values)
        }
        guard i < chars.count, chars[i] == ":" else {
            throw ICalendarError(line: line, "\(name) has no value (no “:” after its name and parameters).", zh: "\(name) 没有值（名称和参数后缺少“:”）。")
        }
        var value = ""
        value.unicodeScalars.append(contentsOf: chars[(i + 1)...])
        return ContentLine(name: name, parameters: params, value: value, line: line)
    }

    /// At most 40 characters of `s`, for messages.
    static func preview(_ s: String) -> String { s.count > 40 ? String(s.prefix(40)) + "…" : s }

    /// TEXT escaping (§3.3.11): backslash, semicolon, comma and line breaks.
    public static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n", "\r": out += "\\n"
            default: out.append(c)
            }
        }
        return out
    }

    /// Undoes `escape`; also reads `\N` and the `\:` some writers put out. A lone backslash stays.
    public static func unescape(_ s: String) -> String {
        var out = ""
        var pending = false
        for c in s {
            if pending {
                switch c {
                case "n", "N": out += "\n"
                case "\\", ";", ",", ":": out.append(c)
                default: out += "\\"; out.append(c)
                }
                pending = false
            } else if c == "\\" {
                pending = true
            } else {
                out.append(c)
            }
        }
        if pending { out += "\\" }
        return out
    }

    /// A parameter value as written: quoted when it holds `:`, `;` or `,`; double quotes and
    /// control characters (not allowed in a parameter) dropped.
    public static func parameterValue(_ s: String) -> String {
        let clean = String(s.unicodeScalars.filter { $0 != "\"" && !($0.properties.generalCategory == .control) })
        return clean.contains(where: { $0 == ":" || $0 == ";" || $0 == "," }) ? "\"\(clean)\"" : clean
    }

    /// One content line folded to at most 75 octets per physical line (§3.1), each ending in CRLF.
    /// Breaks only between characters, so a UTF-8 sequence (a Chinese character, an emoji) is never
    /// split; a single character longer than a line is split between its scalars.
    public static func fold(_ line: String) -> String {
        var out = ""
        var used = 0
        var limit = 75
        func put(_ piece: String, _ size: Int) {
            if used + size > limit {
                out += "\r\n "
                used = 0
                limit = 74  // the leading space counts
            }
            out += piece
            used += size
        }
        for c in line {
            let size = c.utf8.count
            if size <= 74 {
                put(String(c), size)
            } else {
                for s in c.unicodeScalars { put(String(s), String(s).utf8.count) }
            }
        }
        return out + "\r\n"
    }
}

/// A component of an iCalendar file (VCALENDAR, VEVENT, VTIMEZONE, VALARM…) with its properties
/// and sub-components, and the line of its BEGIN.
public struct CalendarComponent: Sendable, Equatable {
    public var name: String
    public var properties: [ContentLine] = []
    public var components: [CalendarComponent] = []
    public var line: Int

    public init(name: String, line: Int) { self.name = name; self.line = line }

    /// The first property named `name` (upper-case).
    public func property(_ name: String) -> ContentLine? { properties.first { $0.name == name } }
    /// Every property named `name`.
    public func all(_ name: String) -> [ContentLine] { properties.filter { $0.name == name } }

    /// The components of `text`, nested as BEGIN/END say. Throws for an END that closes another
    /// component than the open one, a BEGIN never closed, a property outside any component, or a
    /// file without a VCALENDAR.
    public static func parse(_ text: String) throws(ICalendarError) -> [CalendarComponent] {
        var stack: [CalendarComponent] = []
        var top: [CalendarComponent] = []
        let lines = unfoldedLines(text)
        for (raw, n) in lines {
            let p = try ICalendarText.parse(raw, line: n)
            switch p.name {
            case "BEGIN":
                let name = p.value.trimmingCharacters(in: .whitespaces).uppercased()
                if name.isEmpty { throw ICalendarError(line: n, "BEGIN names no component.", zh: "BEGIN 没有写组件名。") }
                stack.append(CalendarComponent(name: name, line: n))
            case "END":
                let name = p.value.trimmingCharacters(in: .whitespaces).uppercased()
                guard let open = stack.popLast() else {
                    throw ICalendarError(line: n, "END:\(name) closes nothing (no BEGIN:\(name) before it).", zh: "END:\(name) 之前没有对应的 BEGIN:\(name)。")
                }
                if open.name != name {
                    throw ICalendarError(line: n, "END:\(name) does not close BEGIN:\(open.name) of line \(open.line); END:\(open.name) is missing.",
                                         zh: "END:\(name) 不能结束第 \(open.line) 行的 BEGIN:\(open.name)；缺少 END:\(open.name)。")
                }
                if stack.isEmpty { top.append(open) } else { stack[stack.count - 1].components.append(open) }
            default:
                guard !stack.isEmpty else {
                    throw ICalendarError(line: n, "\(p.name) stands outside BEGIN:VCALENDAR … END:VCALENDAR.", zh: "\(p.name) 位于 BEGIN:VCALENDAR … END:VCALENDAR 之外。")
                }
                stack[stack.count - 1].properties.append(p)
            }
        }
        if let open = stack.last {
            throw ICalendarError(line: open.line, "BEGIN:\(open.name) is never closed (END:\(open.name) is missing).",
                                 zh: "BEGIN:\(open.name) 没有结束（缺少 END:\(open.name)）。")
        }
        guard top.contains(where: { $0.name == "VCALENDAR" }) else {
            throw ICalendarError(line: max(1, lines.first?.1 ?? 1), "This is not an iCalendar file: there is no BEGIN:VCALENDAR.",
                                 zh: "这不是 iCalendar 文件：没有 BEGIN:VCALENDAR。")
        }
        return top
    }

    static func unfoldedLines(_ text: String) -> [(String, Int)] { ICalendarText.unfold(text).map { ($0.text, $0.line) } }

    /// This component written out: BEGIN, its properties and sub-components, END; folded, CRLF.
    public func serialized() -> String {
        var out = ICalendarText.fold("BEGIN:\(name)")
        for p in properties {
            var s = p.name
            for (k, vs) in p.parameters.sorted(by: { $0.key < $1.key }) {
                s += ";\(k)=" + vs.map(ICalendarText.parameterValue).joined(separator: ",")
            }
            out += ICalendarText.fold(s + ":" + p.value)
        }
        for c in components { out += c.serialized() }
        return out + ICalendarText.fold("END:\(name)")
    }
}
