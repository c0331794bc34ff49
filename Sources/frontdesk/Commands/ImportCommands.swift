import ArgumentParser
import Foundation
import FrontDeskInterchange
import FrontDeskKit
import FrontDeskTUI

/// `FILE.csv` and `--dry-run`: what every spreadsheet import takes.
struct ImportOptions: ParsableArguments {
    @Argument(help: "The CSV file: UTF-8 with or without BOM (GBK is read too), a header line naming the columns.", completion: .file(extensions: ["csv"]))
    var file: String
    @Flag(name: .customLong("dry-run"), help: "Check every row and print what would be written; write nothing.") var dryRun = false
}

/// The one path of every import: read the file, bind its header, build each row's changes and check
/// them by the kit's rules (`SpreadsheetImport.plan`), then either print them (`--dry-run`) or write
/// them all in one `commitBatch` (all or nothing, re-checked under the store lock).
enum SheetImport {
    typealias RowChanges = (SpreadsheetRecords, SpreadsheetRow, OfficeState, RuleContext) throws -> [Change]

    static func run(_ options: ImportOptions, store: Store, columns: [SpreadsheetColumn], what: (en: String, zh: String),
                    changes: RowChanges) throws -> Reply {
        let chinese = ReaderLanguage.isChinese()
        let records = try read(options.file, columns: columns)
        var notes = records.sheet.notes.map { $0.text(chinese: chinese) }
        if !records.ignored.isEmpty {
            notes.append(chinese ? "已忽略不认识的列：\(records.ignored.joined(separator: "、"))。"
                                 : "Ignored the column(s) it does not know: \(records.ignored.joined(separator: ", ")).")
        }
        func plan(_ s: OfficeState, _ ctx: RuleContext) throws -> [PlannedRow] {
            do {
                return try SpreadsheetImport.plan(records.rows, state: s, ctx) { row, trial, ctx in try changes(records, row, trial, ctx) }
            } catch let refused as ImportRefused {
                throw Refusal.rule(refused.text(chinese: false), zh: refused.text(chinese: true))
            } catch let e as SpreadsheetFileError {
                throw Refusal.invalid(e.message.en, zh: e.message.zh)
            }
        }
        if options.dryRun {
            let planned = try plan(store.state, store.context)
            for p in planned {
                for c in p.changes { print(TerminalText.sanitize((chinese ? "第 \(p.line) 行：" : "line \(p.line): ") + ChangeWords.done(c, in: store))) }
            }
            let count = planned.reduce(0) { $0 + $1.changes.count }
            notes.append(chinese ? "试运行：\(planned.count) 行 \(what.zh)均通过检查，将写入 \(count) 项变更；未写入任何内容。"
                                 : "Dry run: all \(planned.count) row(s) of \(what.en) pass the checks and would make \(count) change(s); nothing was written.")
            return Reply(notes: notes)
        }
        // Checked first without the lock, so a file with bad rows touches nothing (not even store.lock);
        // then again under it, against whatever other sessions wrote meanwhile.
        _ = try plan(store.state, store.context)
        let written = try store.commitBatch { s, ctx in try plan(s, ctx).flatMap(\.changes) }
        notes.append(chinese ? "已从 \(options.file) 导入 \(records.rows.count) 行\(what.zh)（\(written.count) 项变更，一次提交）。"
                             : "Imported \(records.rows.count) row(s) of \(what.en) from \(options.file) (\(written.count) change(s), one commit).")
        return Reply(records: written, stdout: written.compactMap { created($0.change) }, notes: notes)
    }

    /// The new record's id a script wants on stdout (as `… add` prints it).
    static func created(_ c: Change) -> String? {
        switch c {
        case .addVisitor(let v): v.id
        case .addRoom(let r): r.id
        case .addItem(let i): i.sku
        case .addPerson(let p): p.login
        default: nil
        }
    }

    /// The file as rows by column; a file that cannot be read is refused in words (exit 2).
    static func read(_ path: String, columns: [SpreadsheetColumn]) throws -> SpreadsheetRecords {
        let data: Data
        guard let read = FileManager.default.contents(atPath: path) else {
            throw Refusal.invalid("Cannot read \(path): no such file, or not readable by you.", zh: "无法读取 \(path)：文件不存在，或您无权读取。")
        }
        data = read
        do {
            return try SpreadsheetRecords(try SpreadsheetSheet(data: data), columns: columns)
        } catch let e as SpreadsheetFileError {
            throw Refusal.invalid("\(path): \(e.message.en)", zh: "\(path)：\(e.message.zh)")
        }
    }
}

extension VisitorCommand {
    /// `visitor import FILE.csv --meeting ID | --date DAY [--dry-run]`: an event's guest list.
    struct Import: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "import", abstract: "Expected visitors from a spreadsheet (an event's guest list), all or none.",
            discussion: """
            Columns by header name, English or Chinese: name/姓名 (required), company/公司, purpose/事由, host/接待人, expected/时间, headCount/人数, idNumber/证件号.
            --meeting ID: the meeting's organiser hosts, its start is the time and its title the purpose, unless a row says otherwise.
            --date DAY: a time cell of HH:MM is on that day; each row needs a host.
            Every row is checked as `visitor add` checks it; if any row is refused nothing is imported and every bad row is listed with its line.
            """)
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var options: ImportOptions
        @Option(help: "The meeting the guests come to.") var meeting: String?
        @Option(help: "The day of the visits: YYYY-MM-DD, tomorrow, mon…") var date: String?

        func validate() throws {
            if (meeting == nil) == (date == nil) { throw ValidationError("Give --meeting ID (an event's guests) or --date DAY, one of them.") }
        }

        func run(store: Store) throws -> Reply {
            var defaults = VisitorSheet.Defaults()
            if let meeting {
                guard let m = try store.meeting(id: meeting) else {
                    throw Refusal.invalid("No meeting \(meeting) (frontdesk meeting list).", zh: "没有会议 \(meeting)（frontdesk meeting list）。")
                }
                defaults = VisitorSheet.Defaults(host: m.organizer, at: m.start, purpose: m.title, day: m.start)
            } else if let date {
                defaults.day = try Parse.day(date, store.env)
            }
            return try SheetImport.run(options, store: store, columns: VisitorSheet.columns, what: ("expected visitors", "预约访客")) { r, row, s, ctx in
                [try VisitorSheet.change(r, row, defaults, s, ctx)]
            }
        }
    }
}

extension StockCommand {
    /// `stock import FILE.csv [--dry-run]`: a first catalogue of items.
    struct Import: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "import", abstract: "Supply items from a spreadsheet (a first catalogue), all or none.",
            discussion: """
            Columns by header name, English or Chinese: sku/编号, name/名称, unit/单位, reorderAt/补货点, target/目标库存 (required); category/类别, unitPrice/单价, suppliers/供应商 (SUPPLIER:PRICE:DAYS; several separated by ;), special/特殊 (yes/no). `stock list --format csv` writes these columns.
            Every row is checked as `stock item add` checks it; if any row is refused nothing is imported and every bad row is listed with its line.
            """)
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var options: ImportOptions

        func run(store: Store) throws -> Reply {
            try SheetImport.run(options, store: store, columns: StockItemSheet.columns, what: ("items", "物品")) { r, row, _, _ in
                [try StockItemSheet.change(r, row)]
            }
        }
    }
}

extension RoomCommand {
    /// `room import FILE.csv [--dry-run]`.
    struct Import: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "import", abstract: "Meeting rooms from a spreadsheet, all or none.",
            discussion: "Columns: name/会议室 and capacity/座位数 (required), equipment/设备 (a list). Every row is checked as `room add` checks it; if any row is refused nothing is imported and every bad row is listed with its line.")
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var options: ImportOptions

        func run(store: Store) throws -> Reply {
            try SheetImport.run(options, store: store, columns: RoomSheet.columns, what: ("rooms", "会议室")) { r, row, s, ctx in
                [try RoomSheet.change(r, row, s, ctx)]
            }
        }
    }
}

/// `people import FILE.csv [--dry-run]`: staff with their departments and roles.
struct PeopleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "people", _superCommandName: "frontdesk", abstract: "Staff and departments.", subcommands: [Import.self])

    struct Import: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "import", abstract: "Staff, their departments and roles from a spreadsheet, all or none.",
            discussion: """
            Columns: login/登录名 and name/姓名 (required), department/部门, email/邮箱, roles/角色 (frontdesk, lead, approver, admin; several separated by spaces or commas).
            A department the office does not know yet is added with its first person. Granting roles needs the admin role, as `role grant` does. If any row is refused nothing is imported and every bad row is listed with its line.
            """)
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var options: ImportOptions

        func run(store: Store) throws -> Reply {
            try SheetImport.run(options, store: store, columns: PeopleSheet.columns, what: ("people", "人员")) { r, row, s, _ in
                try PeopleSheet.changes(r, row, s)
            }
        }
    }
}
