import CSV
import Foundation

/// One block of a CSV export: a header line and its rows (a report prints one block per section).
public struct SpreadsheetTable: Sendable, Equatable {
    public var header: [String]
    public var rows: [[String]]
    public init(header: [String], rows: [[String]]) { self.header = header; self.rows = rows }
}

/// The one CSV writer of every export (lists, the visitor register, the ledger, reports).
/// RFC 4180: fields with a comma, a quote or a line break are quoted, quotes doubled, every row
/// ends with CR LF. The text starts with a UTF-8 byte-order mark unless `bom` is false, so
/// spreadsheets in Chinese locales open it as UTF-8. Cells a spreadsheet would run as a formula
/// are neutralised (see `neutralise`). Blocks are separated by one empty line.
public enum SpreadsheetExport {
    /// The UTF-8 byte-order mark spreadsheets look for.
    public static let bom = "\u{FEFF}"

    /// The export of `tables` as text, ready to print or write to a file.
    public static func text(_ tables: [SpreadsheetTable], bom: Bool = true) -> String {
        let body = tables.map(block).joined(separator: "\r\n")
        return (bom ? Self.bom : "") + body
    }

    /// One block: the header line, then a line per row, each ended by CR LF.
    public static func block(_ t: SpreadsheetTable) -> String {
        let stream = OutputStream(toMemory: ())
        stream.open()
        defer { stream.close() }
        do {
            let writer = try CSVWriter(stream: stream, newline: .crlf)
            for row in [t.header] + t.rows { try writer.write(row: row.map(neutralise)) }
        } catch {
            // An in-memory stream does not refuse writes; the fallback keeps the export whole if it ever did.
            return fallback(t)
        }
        // CSV.swift puts the line break before each row after the first; the block ends with one too.
        guard let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else { return fallback(t) }
        return String(decoding: data, as: UTF8.self) + "\r\n"
    }

    /// The characters that make a spreadsheet read a cell as a formula (OWASP CSV injection):
    /// `=`, `+`, `-`, `@`, tab and carriage return.
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r", "\r\n"]

    /// A cell as it is safe to hand a spreadsheet: one starting with a formula character gets a
    /// leading `'`, which spreadsheets show as text. A cell that is exactly a signed decimal number
    /// (`-12`, `+3`, `-0.50`) is left alone in any column: a spreadsheet computes it to that same
    /// number, it can call nothing, and a quote would stop the column from summing.
    public static func neutralise(_ cell: String) -> String {
        guard let c = cell.first, formulaStarts.contains(c), !isPlainNumber(cell) else { return cell }
        return "'" + cell
    }

    /// True for an optional sign, digits, and optionally a point and more digits — nothing else.
    public static func isPlainNumber(_ s: String) -> Bool {
        var u = Substring(s)
        if let c = u.first, c == "-" || c == "+" { u = u.dropFirst() }
        let parts = u.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty, whole.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        if parts.count == 2 { return !parts[1].isEmpty && parts[1].allSatisfy { $0.isASCII && $0.isNumber } }
        return true
    }

    /// The same RFC 4180 text without the library, should its in-memory stream ever fail.
    static func fallback(_ t: SpreadsheetTable) -> String {
        ([t.header] + t.rows).map { $0.map { quoteFallback(neutralise($0)) }.joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static func quoteFallback(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
