import Foundation
import FrontDeskKit
import Mustache

/// The office's standard forms that frontdesk fills from its records (the seed's "templates for
/// frequent work"): each is a Mustache template, one file per language.
public enum OfficeForm: String, CaseIterable, Sendable {
    case meetingNotice = "meeting-notice"
    case minutes
    case priceComparison = "price-comparison"

    /// The languages every form ships in.
    public static let languages = ["en", "zh"]

    /// `meeting-notice.en.mustache`: the file an admin puts in a templates folder to override it.
    public func fileName(_ language: String) -> String { "\(rawValue).\(language).mustache" }

    /// Every shipped template's file name, in list order.
    public static var allFileNames: [String] { allCases.flatMap { f in languages.map { f.fileName($0) } } }
}

/// A folder searched for templates, and what it is to the person reading `template list`.
public struct TemplateFolder: Sendable, Equatable {
    public var path: String
    /// "yours", "system-wide".
    public var what: String
    public init(path: String, what: String) { self.path = path; self.what = what }
}

/// A template file that cannot be used: which file, which line, what is wrong and what to do.
/// Never silently replaced by the default: the person who changed the file must see it.
public struct TemplateError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var problem: String
    public var description: String {
        "\(file):\(line): \(problem). Fix the file, or remove it to use the built-in template (frontdesk template show NAME prints it)."
    }
}

/// Which file fills a form: the first folder holding a file of that name wins (the CLI passes the
/// user's own, then the system-wide one), else the copy built into frontdesk.
public struct TemplateLibrary: Sendable {
    public var folders: [TemplateFolder]
    public init(folders: [TemplateFolder]) { self.folders = folders }

    /// Where one template comes from.
    public struct Source: Sendable, Equatable {
        /// The file used, or nil for the built-in copy.
        public var file: String?
        public var what: String
        public var text: String
    }

    /// The source of `fileName`: the first folder that has it, else the built-in copy.
    /// Throws `TemplateError` (line 0) when a file is there but cannot be read as UTF-8.
    public func source(_ fileName: String) throws(TemplateError) -> Source {
        for f in folders {
            let path = (f.path as NSString).appendingPathComponent(fileName)
            guard FileManager.default.fileExists(atPath: path) else { continue }
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw TemplateError(file: path, line: 0, problem: "cannot be read as UTF-8 text")
            }
            return Source(file: path, what: f.what, text: text)
        }
        return Source(file: nil, what: "built in", text: BuiltinTemplates.texts[fileName] ?? "")
    }

    /// The parsed template for `form` in `language` (`en` when not shipped in it). A file with a
    /// Mustache syntax error throws `TemplateError` naming the file and line; the default is not used.
    public func template(_ form: OfficeForm, language: String) throws(TemplateError) -> MustacheTemplate {
        let lang = OfficeForm.languages.contains(language) ? language : "en"
        let src = try source(form.fileName(lang))
        return try Self.parse(src.text, file: src.file ?? "built-in \(form.fileName(lang))")
    }

    /// Renders `form` with `values` (dictionaries, arrays and strings). Text, not HTML: nothing is
    /// escaped. An empty string counts as absent, so `{{#goal}}…{{/goal}}` shows only when there is one.
    public func render(_ form: OfficeForm, language: String, _ values: [String: Any]) throws(TemplateError) -> String {
        try template(form, language: language).render(Self.droppingEmpty(values) ?? [:])
    }

    /// `values` without empty strings, at every depth (Mustache treats "" as present).
    static func droppingEmpty(_ value: Any) -> Any? {
        switch value {
        case let s as String: return s.isEmpty ? nil : s
        case let d as [String: Any]: return d.compactMapValues(droppingEmpty)
        case let a as [[String: Any]]: return a.map { $0.compactMapValues(droppingEmpty) }
        case let a as [String]: return a.filter { !$0.isEmpty }
        default: return value
        }
    }

    /// The copy of `fileName` built into frontdesk, or nil for an unknown name.
    public static func builtinText(_ fileName: String) -> String? { BuiltinTemplates.texts[fileName] }

    /// Parses a template as plain text (no HTML escaping). Throws `TemplateError` with the line:
    /// for a section left open, the line where it was opened.
    public static func parse(_ text: String, file: String) throws(TemplateError) -> MustacheTemplate {
        do {
            // The pragma on a line of its own adds no output and keeps the file's first line standalone; lines shift by one.
            return try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}\n" + text)
        } catch let e as MustacheTemplate.ParserError {
            let (line, problem) = explain(e, text)
            throw TemplateError(file: file, line: line, problem: problem)
        } catch {
            throw TemplateError(file: file, line: 1, problem: "not a Mustache template (\(error))")
        }
    }

    /// The line and words for a parser error; an unclosed section is reported where it opened.
    static func explain(_ e: MustacheTemplate.ParserError, _ text: String) -> (Int, String) {
        let at = max(1, e.context.lineNumber - 1)  // the pragma line added in `parse`
        switch e.error as? MustacheTemplate.Error {
        case .expectedSectionEnd?:
            if let (name, line) = unclosedSection(text) { return (line, "section {{#\(name)}} is never closed (add {{/\(name)}})") }
            return (at, "a section is never closed")
        case .sectionCloseNameIncorrect?:
            return (at, "this {{/…}} closes a section that is not the one open here")
        case .unfinishedName?:
            return (at, "a tag is not finished (a {{ without its }})")
        case .invalidSetDelimiter?:
            return (at, "the {{=…=}} delimiter tag is badly formed")
        case .invalidConfigVariableSyntax?, .unrecognisedConfigVariable?:
            return (at, "unknown {{%…}} pragma")
        default:
            return (at, "Mustache syntax error (\(e.error))")
        }
    }

    /// The innermost section opened and never closed, with its line (standard `{{ }}` delimiters).
    static func unclosedSection(_ text: String) -> (String, Int)? {
        var stack: [(String, Int)] = []
        var line = 1
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            line += rest[..<open.lowerBound].filter { $0 == "\n" }.count
            let after = rest[open.upperBound...]
            guard let close = after.range(of: "}}") else { break }
            let tag = after[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            if let first = tag.first, first == "#" || first == "^" || first == "$" || first == "<" {
                stack.append((tag.dropFirst().trimmingCharacters(in: .whitespaces), line))
            } else if tag.first == "/", !stack.isEmpty {
                stack.removeLast()
            }
            line += after[..<close.lowerBound].filter { $0 == "\n" }.count
            rest = after[close.upperBound...]
        }
        return stack.last
    }
}
