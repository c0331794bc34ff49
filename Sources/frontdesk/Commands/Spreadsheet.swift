import Foundation
import FrontDeskInterchange
import FrontDeskTUI

/// Where every CSV export is printed: the one writer (`SpreadsheetExport`, in FrontDeskInterchange)
/// over cells made safe for a terminal first.
enum Spreadsheet {
    /// Prints `tables` as CSV on stdout: a byte-order mark unless `bom` is false, CR LF rows,
    /// RFC 4180 quoting, formula cells neutralised.
    static func print(_ tables: [SpreadsheetTable], bom: Bool) {
        let clean = tables.map { SpreadsheetTable(header: $0.header.map(cell), rows: $0.rows.map { $0.map(cell) }) }
        Swift.print(SpreadsheetExport.text(clean, bom: bom), terminator: "")
    }

    /// A cell with terminal escapes and control characters taken out (as a table's cells are), but
    /// its line breaks kept as LF: the quoting carries them, and an import gets the same text back.
    static func cell(_ s: String) -> String {
        guard s.contains(where: { $0.isNewline }) else { return TerminalText.sanitize(s) }
        return s.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .map { TerminalText.sanitize(String($0)) }.joined(separator: "\n")
    }
}
