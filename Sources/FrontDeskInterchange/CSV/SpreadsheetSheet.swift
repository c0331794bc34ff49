import CSV
import Foundation

/// A message in the two languages of the desk; the CLI picks one by the reader's language.
public struct Bilingual: Sendable, Equatable, CustomStringConvertible {
    public var en: String
    public var zh: String
    public init(_ en: String, zh: String) { self.en = en; self.zh = zh }
    public func text(chinese: Bool) -> String { chinese ? zh : en }
    public var description: String { en }
}

/// A file that cannot be read as a spreadsheet at all (encoding, quoting, no header); nothing is imported.
public struct SpreadsheetFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: Bilingual
    public init(_ en: String, zh: String) { message = Bilingual(en, zh: zh) }
    public var description: String { message.en }
}

/// One data row of an imported file: its cells and the line of the file it starts on
/// (1 is the header; a quoted cell with line breaks makes a row span several lines).
public struct SpreadsheetRow: Sendable, Equatable {
    public var line: Int
    public var cells: [String]
}

/// A CSV file as read for import: its header and its non-empty rows, each with its line number.
/// Reads UTF-8 with or without a byte-order mark, CR LF or LF line ends and quoted cells with commas,
/// quotes and line breaks (RFC 4180, through CSV.swift). A file in GB 18030 / GBK (what Excel saves
/// as "CSV" in a Chinese locale) is decoded as such and says so in `notes`.
public struct SpreadsheetSheet: Sendable, Equatable {
    public var header: [String]
    public var rows: [SpreadsheetRow]
    /// What the reader noticed and the person should know (the encoding it guessed).
    public var notes: [Bilingual] = []

    /// Reads `data`. Throws `SpreadsheetFileError` for a file that is neither UTF-8 nor Chinese
    /// GB 18030 text, has no header line, or ends inside a quoted cell.
    public init(data: Data) throws {
        var notes: [Bilingual] = []
        var text: String
        if let utf8 = String(data: data, encoding: .utf8) {
            text = utf8
        } else if let gb = Self.gb18030(data) {
            text = gb
            notes.append(Bilingual("Read as GBK/GB 18030 (Excel's default in Chinese). To be sure, save as \"CSV UTF-8 (Comma delimited)\" next time.",
                                   zh: "已按 GBK/GB 18030（中文 Excel 默认编码）读取。稳妥起见，下次请另存为“CSV UTF-8（逗号分隔）”。"))
        } else {
            throw SpreadsheetFileError(
                "The file is not UTF-8 text. In Excel choose Save As → \"CSV UTF-8 (Comma delimited)\"; in WPS or LibreOffice choose CSV with the UTF-8 character set.",
                zh: "文件不是 UTF-8 文本。请在 Excel 中选择“另存为”→“CSV UTF-8（逗号分隔）”；在 WPS 或 LibreOffice 中保存为 CSV 并选择 UTF-8 字符集。")
        }
        if text.hasPrefix(SpreadsheetExport.bom) { text.removeFirst() }
        try self.init(text: text)
        self.notes = notes
    }

    /// Reads text already decoded (a leading byte-order mark is dropped).
    public init(text raw: String) throws {
        let text = raw.hasPrefix(SpreadsheetExport.bom) ? String(raw.dropFirst()) : raw
        if text.utf8.contains(0) {
            throw SpreadsheetFileError("The file holds NUL bytes: it is not a CSV text file (an .xlsx? Save it as CSV UTF-8).",
                                       zh: "文件含有 NUL 字节，不是 CSV 文本文件（是 .xlsx 吗？请另存为 CSV UTF-8）。")
        }
        let reader = try CSVReader(string: text, hasHeaderRow: false)
        var line = 1
        var header: [String]?
        var rows: [SpreadsheetRow] = []
        var lastStart = 1
        while let cells = reader.next() {
            lastStart = line
            let breaks = cells.reduce(0) { $0 + $1.filter { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }.count }
            defer { line += 1 + breaks }
            if cells.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            if header == nil {
                header = cells.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                headerLine = line
            } else {
                rows.append(SpreadsheetRow(line: line, cells: cells.map(Self.restore)))
            }
        }
        if text.filter({ $0 == "\"" }).count % 2 == 1 {
            throw SpreadsheetFileError("Line \(lastStart): a quoted cell is never closed (a \" is missing), so the rest of the file ran into it.",
                                       zh: "第 \(lastStart) 行：有一个带引号的单元格没有结束（少了一个 \"），文件其余部分都被并入其中。")
        }
        guard let header else { throw SpreadsheetFileError("The file is empty: the first line must name the columns.", zh: "文件为空：第一行须为列名。") }
        self.header = header
        self.rows = rows
    }

    /// The line the header was found on (blank lines before it are skipped).
    public private(set) var headerLine = 1

    /// An exported cell read back: the `'` the export put before a formula character is taken off again.
    static func restore(_ cell: String) -> String {
        guard cell.hasPrefix("'"), let second = cell.dropFirst().first, SpreadsheetExport.formulaStarts.contains(second) else { return cell }
        return String(cell.dropFirst())
    }

    /// GB 18030 (a superset of GBK) text, when the bytes decode as it and hold Chinese characters;
    /// nil otherwise, so a Latin-1 file is refused rather than read as nonsense.
    static func gb18030(_ data: Data) -> String? {
        // NSStringEncoding of kCFStringEncodingGB_18030_2000; swift-corelibs-foundation decodes it on Linux too.
        guard let s = String(data: data, encoding: String.Encoding(rawValue: 0x8000_0632)) else { return nil }
        return s.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } ? s : nil
    }
}
