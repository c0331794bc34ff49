import Foundation

/// A column an import understands: the names its header may carry, in English and Chinese.
public struct SpreadsheetColumn: Sendable, Hashable {
    /// The name the export writes and messages use.
    public var name: String
    /// Other accepted header names (compared without case, spaces, `_` and `-`).
    public var aliases: [String]
    public var required: Bool
    public init(_ name: String, _ aliases: [String], required: Bool = false) {
        self.name = name; self.aliases = aliases; self.required = required
    }

    static func key(_ s: String) -> String {
        s.lowercased().filter { !$0.isWhitespace && $0 != "_" && $0 != "-" }
    }

    func matches(_ header: String) -> Bool {
        let k = Self.key(header)
        return k == Self.key(name) || aliases.contains { Self.key($0) == k }
    }
}

/// A sheet's rows read by column name: which header cell is which column.
public struct SpreadsheetRecords: Sendable {
    public let sheet: SpreadsheetSheet
    let index: [String: Int]
    /// Header cells no column claims; the import ignores them and says so.
    public let ignored: [String]

    /// Binds `sheet`'s header to `columns`. Throws `SpreadsheetFileError` naming the required
    /// columns that are missing (with every accepted name) or a column given twice.
    public init(_ sheet: SpreadsheetSheet, columns: [SpreadsheetColumn]) throws {
        var index: [String: Int] = [:], ignored: [String] = []
        for (i, h) in sheet.header.enumerated() {
            guard let c = columns.first(where: { $0.matches(h) }) else { if !h.isEmpty { ignored.append(h) }; continue }
            if let first = index[c.name] {
                throw SpreadsheetFileError("Columns \(first + 1) (\(sheet.header[first])) and \(i + 1) (\(h)) are both \(c.name); keep one.",
                                           zh: "第 \(first + 1) 列（\(sheet.header[first])）和第 \(i + 1) 列（\(h)）都是 \(c.name)，请只保留一列。")
            }
            index[c.name] = i
        }
        let missing = columns.filter { $0.required && index[$0.name] == nil }
        if !missing.isEmpty {
            let en = missing.map { "\($0.name) (or \($0.aliases.joined(separator: ", ")))" }.joined(separator: "; ")
            let zh = missing.map { "\($0.name)（或 \($0.aliases.joined(separator: "、"))）" }.joined(separator: "；")
            throw SpreadsheetFileError("The header line lacks a column: \(en). It has: \(sheet.header.joined(separator: ", ")).",
                                       zh: "表头缺少列：\(zh)。现有列：\(sheet.header.joined(separator: "、"))。")
        }
        self.sheet = sheet; self.index = index; self.ignored = ignored
    }

    /// The cell of `column` in `row`, trimmed; nil when the column is absent or the cell is empty.
    public func value(_ column: String, in row: SpreadsheetRow) -> String? {
        guard let i = index[column], i < row.cells.count else { return nil }
        let v = row.cells[i].trimmingCharacters(in: .whitespaces)
        return v.isEmpty ? nil : v
    }

    public var rows: [SpreadsheetRow] { sheet.rows }
}

/// A row the import refuses: its line in the file and why, in both languages.
public struct RowProblem: Sendable, Equatable {
    public var line: Int
    public var reason: Bilingual
    public init(line: Int, reason: Bilingual) { self.line = line; self.reason = reason }
}

/// An import that found bad rows: nothing was written; every bad row is listed.
public struct ImportRefused: Error, Sendable, Equatable {
    public var problems: [RowProblem]
    public var rowCount: Int
    public init(problems: [RowProblem], rowCount: Int) { self.problems = problems; self.rowCount = rowCount }

    /// The message: how many rows are bad, then one line per bad row ("line 4: …").
    public func text(chinese: Bool) -> String {
        let head = chinese ? "\(problems.count) 行有误（共 \(rowCount) 行），未导入任何内容：" :
            "\(problems.count) of \(rowCount) row(s) are wrong; nothing was imported:"
        return ([head] + problems.map { chinese ? "  第 \($0.line) 行：\($0.reason.zh)" : "  line \($0.line): \($0.reason.en)" })
            .joined(separator: "\n")
    }
}
