import Foundation
import FrontDeskKit
import Testing
import TestSupport
@testable import FrontDeskInterchange

/// The CSV layer alone: the writer's quoting, BOM and formula guard; the reader's encodings, line
/// ends and line numbers; the import plan's all-or-nothing check through the kit's rules.
@Suite struct SpreadsheetTests {
    static let tricky = ["订书机, 大号", "He said \"hi\"", "two\nlines", "=HYPERLINK(\"http://x\")", "-3", "+2", "-1+1", "@SUM(A1)", "\tx", "李娜"]

    @Test func exportStartsWithABOMEndsRowsWithCRLFAndQuotesPerRFC4180() {
        let text = SpreadsheetExport.text([SpreadsheetTable(header: ["a", "b"], rows: [["1, 2", "say \"x\""], ["line\none", "李娜"]])])
        #expect(text.hasPrefix("\u{FEFF}"))
        #expect(text == "\u{FEFF}a,b\r\n\"1, 2\",\"say \"\"x\"\"\"\r\n\"line\none\",李娜\r\n")
        #expect(!SpreadsheetExport.text([SpreadsheetTable(header: ["a"], rows: [])], bom: false).hasPrefix("\u{FEFF}"))
    }

    @Test func formulaCellsGetAQuoteButPlainSignedNumbersDoNot() {
        #expect(SpreadsheetExport.neutralise("=1+1") == "'=1+1")
        #expect(SpreadsheetExport.neutralise("@SUM(A1)") == "'@SUM(A1)")
        #expect(SpreadsheetExport.neutralise("+CMD|' /C calc'!A0") == "'+CMD|' /C calc'!A0")
        #expect(SpreadsheetExport.neutralise("-1+1") == "'-1+1")
        #expect(SpreadsheetExport.neutralise("\tx") == "'\tx")
        #expect(SpreadsheetExport.neutralise("\rx") == "'\rx")
        #expect(SpreadsheetExport.neutralise("-3") == "-3")
        #expect(SpreadsheetExport.neutralise("-12.50") == "-12.50")
        #expect(SpreadsheetExport.neutralise("+2") == "+2")
        #expect(SpreadsheetExport.neutralise("-inf") == "'-inf")
        #expect(SpreadsheetExport.neutralise("-0x1p3") == "'-0x1p3")
        #expect(SpreadsheetExport.neutralise("李娜") == "李娜")
    }

    @Test func whatTheExportWritesReadsBackCellForCell() throws {
        let rows = [Self.tricky, Self.tricky.reversed()]
        let header = (1...Self.tricky.count).map { "c\($0)" }
        for bom in [true, false] {
            let text = SpreadsheetExport.text([SpreadsheetTable(header: header, rows: rows)], bom: bom)
            let sheet = try SpreadsheetSheet(data: Data(text.utf8))
            #expect(sheet.header == header)
            #expect(sheet.rows.map(\.cells) == rows)
            // The quoted line breaks push the second row's first line down by one.
            #expect(sheet.rows.map(\.line) == [2, 4])
        }
    }

    @Test func readsLFAndCRLFWithAndWithoutBOMAndSkipsBlankLines() throws {
        let body = "姓名,公司\n李娜,\"ACME, Inc.\"\n\n\"Ann\nLee\",X\nBob,Y\n"
        for text in [body, "\u{FEFF}" + body, body.replacingOccurrences(of: "\n", with: "\r\n"), "\u{FEFF}" + body.replacingOccurrences(of: "\n", with: "\r\n")] {
            let sheet = try SpreadsheetSheet(data: Data(text.utf8))
            #expect(sheet.header == ["姓名", "公司"])
            #expect(sheet.rows.map { $0.cells.map { $0.replacingOccurrences(of: "\r\n", with: "\n") } } == [["李娜", "ACME, Inc."], ["Ann\nLee", "X"], ["Bob", "Y"]])
            #expect(sheet.rows.map(\.line) == [2, 4, 6])
        }
    }

    @Test func gbkIsDecodedAndSaysSoAndOtherBytesAreRefusedWithHowToSaveAsUTF8() throws {
        // "姓名,公司\r\n李娜,ACME\r\n" as Chinese Excel saves it (GBK).
        let gbk = Data([0xD0, 0xD5, 0xC3, 0xFB, 0x2C, 0xB9, 0xAB, 0xCB, 0xBE, 0x0D, 0x0A, 0xC0, 0xEE, 0xC4, 0xC8, 0x2C, 0x41, 0x43, 0x4D, 0x45, 0x0D, 0x0A])
        let sheet = try SpreadsheetSheet(data: gbk)
        #expect(sheet.header == ["姓名", "公司"])
        #expect(sheet.rows.first?.cells == ["李娜", "ACME"])
        #expect(sheet.notes.first?.en.contains("GBK") == true)
        // Latin-1 "café,x": not UTF-8, no Chinese in any reading.
        let latin1 = Data([0x63, 0x61, 0x66, 0xE9, 0x2C, 0x78, 0x0A])
        #expect { try SpreadsheetSheet(data: latin1) } throws: { ($0 as? SpreadsheetFileError)?.message.en.contains("CSV UTF-8") == true }
    }

    @Test func anUnclosedQuoteAndAnEmptyFileAreRefused() {
        #expect { try SpreadsheetSheet(text: "name\na\n\"b,c\nd\n") } throws: { ($0 as? SpreadsheetFileError)?.message.en.hasPrefix("Line 3") == true }
        #expect(throws: SpreadsheetFileError.self) { try SpreadsheetSheet(text: "\n\n") }
    }

    @Test func headersAreFoundByEnglishOrChineseNameAndMissingOnesNamed() throws {
        let zh = try SpreadsheetRecords(try SpreadsheetSheet(text: "编号,名称,单位,补货点,目标库存,备注\nA,B,C,1,2,x\n"), columns: StockItemSheet.columns)
        #expect(zh.ignored == ["备注"])
        #expect(zh.value("reorderAt", in: zh.rows[0]) == "1")
        #expect { try SpreadsheetRecords(try SpreadsheetSheet(text: "sku,name\nA,B\n"), columns: StockItemSheet.columns) }
            throws: { ($0 as? SpreadsheetFileError)?.message.en.contains("unit (or 单位") == true }
    }

    /// Items with the awkward names an office has survive export → import unchanged.
    @Test func stockItemsRoundTripThroughTheSheet() throws {
        let items = [
            SupplyItem(sku: "PAP-X4", name: "复印纸, A4 \"高白\"", unit: "包", category: "paper", reorderAt: 10, target: 40, unitPrice: 22.5,
                       suppliers: [SupplierOffer(supplier: "得力", unitPrice: 22.5, leadDays: 3), SupplierOffer(supplier: "晨光", unitPrice: 23, leadDays: 2)]),
            SupplyItem(sku: "GIFT-X1", name: "=定制礼品", unit: "个", reorderAt: 0, target: 5, special: true),
        ]
        let text = SpreadsheetExport.text([SpreadsheetTable(header: StockItemSheet.header, rows: items.map(StockItemSheet.cells))])
        let records = try SpreadsheetRecords(try SpreadsheetSheet(data: Data(text.utf8)), columns: StockItemSheet.columns)
        let state = DemoFixture.state()
        let planned = try SpreadsheetImport.plan(records.rows, state: state, RuleContext(env: DemoFixture.env())) { row, _, _ in
            [try StockItemSheet.change(records, row)]
        }
        #expect(planned.flatMap(\.changes) == items.map { Change.addItem($0) })
    }

    @Test func oneBadRowAmongGoodOnesPlansNothingAndNamesEveryBadLine() throws {
        let text = "sku,name,unit,reorderAt,target\nN-1,Notebook,pc,5,20\nN-2,\"Two\nline\",pc,five,20\nN-1,Again,pc,1,2\nN-3,Fine,pc,1,2\n"
        let records = try SpreadsheetRecords(try SpreadsheetSheet(text: text), columns: StockItemSheet.columns)
        #expect {
            try SpreadsheetImport.plan(records.rows, state: DemoFixture.state(), RuleContext(env: DemoFixture.env())) { row, _, _ in
                [try StockItemSheet.change(records, row)]
            }
        } throws: { error in
            guard let refused = error as? ImportRefused else { return false }
            // Line 3 has "five" for a number; line 5 repeats N-1 (the kit's duplicate rule, as for a second `stock item add`).
            return refused.problems.map(\.line) == [3, 5] && refused.problems[0].reason.en.contains("five")
                && refused.text(chinese: true).contains("第 5 行") && refused.rowCount == 4
        }
    }

    @Test func importedCellsLoseTheQuoteTheExportAdded() throws {
        let sheet = try SpreadsheetSheet(text: "a,b,c\n'=1+1,'x,'-2\n")
        #expect(sheet.rows[0].cells == ["=1+1", "'x", "-2"])
    }
}
