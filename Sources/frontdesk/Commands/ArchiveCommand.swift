import ArgumentParser
import Foundation
import FrontDeskKit

extension ArchiveMedium: ExpressibleByArgument {}

/// `frontdesk archive …`: the office's archive of files, and borrowing them.
struct ArchiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive", _superCommandName: "frontdesk", abstract: "The archive: file records, lend and take back files, overdue loans, retention reviews.",
        subcommands: [Add.self, Lend.self, Return.self, List.self, Loans.self, Show.self])

    struct Add: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "File a record: paper (--cabinet and --box) or electronic (--path); prints its id.")
        @OptionGroup var storeOptions: StoreOptions
        @Option var title: String
        @Option(name: .customLong("dept"), help: "The department the file belongs to.") var department: String
        @Option(help: "The project, if any.") var project: String?
        @Option(help: "contract, regulation, minutes, …") var category: String
        @Option(help: "The file's date: YYYY-MM-DD (default today).") var date: String?
        @Option(help: "Paper: the cabinet.") var cabinet: String?
        @Option(help: "Paper: the box.") var box: String?
        @Option(help: "Electronic: where the file is.") var path: String?
        @Option(help: "Years to keep it from its date, or \"permanent\".") var retention: String
        @Flag(help: "Lent only after an archive-loan approval.") var confidential = false
        @Option(parsing: .unconditional, help: "Pages the file holds (a return is counted against it).") var pages: Int?
        @Option(parsing: .unconditional, help: "Attachments the file holds.") var attachments: Int?

        var retentionYears: Int?? {
            let r = retention.lowercased()
            if r == "permanent" || r == "永久" { return .some(nil) }
            return Int(retention).map { .some($0) }
        }

        func validate() throws {
            if path != nil && (cabinet != nil || box != nil) { throw ValidationError("A file is paper (--cabinet, --box) or electronic (--path), not both.") }
            if retentionYears == nil { throw ValidationError("--retention is a number of years or \"permanent\", got \"\(retention)\".") }
            try Check.notNegative(pages, "--pages"); try Check.notNegative(attachments, "--attachments")
        }

        func run(store: Store) throws -> Reply {
            let day = try Parse.dayOrToday(date, store.env)
            let years = retentionYears ?? nil
            let rec = try store.commit { s, ctx in
                s.archiveFile(title: title, department: department, project: project, category: category, date: day, cabinet: cabinet, box: box,
                              path: path, retentionYears: years, confidential: confidential, pages: pages, attachments: attachments, ctx)
            }
            return .committed(rec, in: store, created: rec.change.subject)
        }
    }

    struct Lend: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "lend", abstract: "Lend a file: who, why, due back when; prints the loan's id.",
            discussion: "A confidential file's loan is sent for an archive-loan approval (the file's department head when they approve, else any approver) and goes out when it is approved. A day alone as --due means the end of that office day (settings: dayEndHour); without --due the file is due at the end of the office day archiveLoanDays (a setting, 14 by default) days from today.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "The file's id.") var file: String
        @Option(name: .customLong("to"), help: "The borrower (a login or a name).") var borrower: String
        @Option var purpose: String
        @Option(help: "Due back: a day (its office end) or a time; default archiveLoanDays from today.") var due: String?

        func run(store: Store) throws -> Reply {
            let settings = store.meta.settings
            let dueAt = try due.map { try Parse.deadline($0, store.env, "--due", dayEndsAt: settings.dayEndHour) }
                ?? OfficeState.defaultLoanDue(from: store.env.now(), settings, calendar: store.env.calendar)
            let rec = try store.commit { s, ctx in try s.archiveLoan(fileID: file, borrower: borrower, purpose: purpose, due: dueAt, ctx) }
            return .committed(rec, in: store, created: rec.change.subject)
        }
    }

    struct Return: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "return", abstract: "Take a file back, counting its pages and attachments against its record.",
            discussion: "ID is the loan or the file. Fewer pages or attachments than the record, or --missing, records the return as incomplete: it stays flagged until a later complete count (run return again when the rest comes back).")
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "The loan's id, or the file's.") var id: String
        @Option(parsing: .unconditional, help: "Pages counted.") var pages: Int?
        @Option(parsing: .unconditional, help: "Attachments counted.") var attachments: Int?
        @Option(help: "What is missing, in words.") var missing: String?

        func validate() throws { try Check.notNegative(pages, "--pages"); try Check.notNegative(attachments, "--attachments") }

        func run(store: Store) throws -> Reply {
            let rec = try store.commit { s, ctx in try s.archiveReturn(id, pages: pages, attachments: attachments, missing: missing, ctx) }
            return .committed(rec, in: store)
        }
    }

    /// The JSON object of a file on the shelf.
    static func object(_ r: ArchiveRow, _ cal: Calendar) -> [String: Any] {
        let f = r.file
        return ["id": f.id, "title": f.title, "department": f.department, "project": f.project ?? NSNull(), "category": f.category,
                "date": Output.iso(f.date), "medium": f.medium.rawValue, "location": f.location, "retentionYears": f.retentionYears ?? NSNull(),
                "retentionEnds": Output.iso(f.retentionEnds(cal)), "confidential": f.confidential, "pages": f.pages ?? NSNull(),
                "attachments": f.attachments ?? NSNull(), "source": f.source ?? NSNull(),
                "status": r.loan.map { $0.status.rawValue } ?? "shelf", "loan": r.loan?.id ?? NSNull(), "borrower": r.loan?.borrower ?? NSNull(),
                "due": Output.iso(r.loan?.due), "flags": r.flags.map(\.rawValue)]
    }

    struct List: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "The archive's files: those needing the desk first (overdue, incomplete, past retention), then on loan, then the shelf.")
        @OptionGroup var storeOptions: StoreOptions
        @Option(name: .customLong("dept")) var department: String?
        @Option var project: String?
        @Option var category: String?
        @Option(help: "Files whose date is in this year.") var year: Int?
        @Flag(help: "Only files with a flag.") var flagged = false
        @OptionGroup var output: ListOutput

        func run(store: Store) throws -> Reply {
            let env = store.env, cal = env.calendar, tz = env.timeZone
            let rows = ArchiveShelf(state: store.state, now: env.now(), calendar: cal).rows.filter { r in
                (department == nil || r.file.department == department) && (project == nil || r.file.project == project)
                    && (category == nil || r.file.category == category) && (year == nil || cal.component(.year, from: r.file.date) == year)
                    && (!flagged || !r.flags.isEmpty)
            }
            return try .list(rows, format: output.resolved, ["ID", "TITLE", "DEPT", "PROJECT", "CATEGORY", "DATE", "WHERE", "KEEP", "LOAN", "FLAGS"], object: { r in
                ArchiveCommand.object(r, cal)
            }, cells: { r in
                let f = r.file
                return [f.id + (f.confidential ? "*" : ""), f.title, f.department, f.project ?? "", f.category, Clock.day(f.date, tz), f.location,
                        f.retentionYears.map { "\($0)y" } ?? "permanent",
                        r.loan.map { l in
                            let state = l.status == .awaitingApproval ? "awaiting approval" : l.status == .incomplete ? "returned incomplete" : "due " + Clock.dayHM(l.due, tz)
                            return "\(l.id) \(r.borrowerName ?? l.borrower) \(state)"
                        } ?? "",
                        r.flags.map(\.rawValue).joined(separator: ",")]
            })
        }
    }

    /// The JSON object of a loan.
    static func object(_ l: ArchiveLoan, _ s: OfficeState, now: Date) -> [String: Any] {
        ["id": l.id, "file": l.fileID, "title": s.archives[l.fileID]?.title ?? "", "borrower": l.borrower, "purpose": l.purpose,
         "due": Output.iso(l.due), "status": l.status.rawValue, "requestedBy": l.requestedBy, "requestedAt": Output.iso(l.requestedAt),
         "lentAt": Output.iso(l.lentAt), "approval": l.approvalID ?? NSNull(), "returnedAt": Output.iso(l.returnedAt),
         "pagesReturned": l.pagesReturned ?? NSNull(), "attachmentsReturned": l.attachmentsReturned ?? NSNull(),
         "missing": l.missing ?? NSNull(), "flags": s.flags(of: l, at: now).map(\.rawValue)]
    }

    struct Loans: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "loans", abstract: "Loans out, waiting for approval or returned incomplete, soonest due first; --all adds the finished ones.",
            discussion: "--file F: every loan of that file, finished ones from history included. --date or --from/--to: the loans requested in those days, wherever they live.")
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var days: DaysOption
        @Option(help: "Only the loans of this file (its id, F…), history included.") var file: String?
        @Flag(help: "Returned and refused loans too.") var all = false
        @Flag(help: "Only overdue loans.") var overdue = false
        @OptionGroup var output: ListOutput

        func run(store: Store) throws -> Reply {
            let s = store.state, tz = store.env.timeZone, now = store.env.now()
            var loans = Array(s.loans.values), every = all
            if days.date != nil || days.isRange {
                // Finished loans live in the month segments: the days' loans wherever they live.
                let period = try days.period(store.env)
                loans = try store.paperTrail(.loans, from: period.start, to: period.end).loans
                every = true
            }
            if let file {
                guard s.archives[file] != nil else { throw Refusal.invalid("No archive file \(file) (frontdesk archive list).", zh: "没有档案 \(file)（frontdesk archive list）。") }
                let inDays = Set(loans.map(\.id)), ranged = days.date != nil || days.isRange
                loans = try store.loans(ofFile: file).filter { !ranged || inDays.contains($0.id) }
                every = true
            }
            let rows = loans.filter { l in
                (every || l.status.holdsFile || l.status == .incomplete) && (!overdue || l.isOverdue(at: now))
            }.sorted { ($0.due, $0.id) < ($1.due, $1.id) }
            return try .list(rows, format: output.resolved, ["LOAN", "FILE", "TITLE", "BORROWER", "PURPOSE", "DUE", "STATUS", "FLAGS"], object: { l in
                ArchiveCommand.object(l, s, now: now)
            }, cells: { l in
                [l.id, l.fileID, s.archives[l.fileID]?.title ?? "", s.displayName(l.borrower), l.purpose, Clock.dayHM(l.due, tz),
                 l.status.rawValue + (l.missing.map { " (missing \($0))" } ?? ""), s.flags(of: l, at: now).map(\.rawValue).joined(separator: ",")]
            })
        }
    }

    struct Show: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "One file in full, with every loan of it.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument var id: String
        @Flag(help: .json) var json = false

        func run(store: Store) throws -> Reply {
            let s = store.state, env = store.env, tz = env.timeZone, cal = env.calendar, now = env.now()
            guard let f = s.archives[id] else { throw Refusal.invalid("No archive file \(id) (frontdesk archive list).", zh: "没有档案 \(id)（frontdesk archive list）。") }
            let row = ArchiveShelf(state: s, now: now, calendar: cal).rows.first { $0.file.id == id } ?? ArchiveRow(file: f, loan: nil, borrowerName: nil, flags: [])
            // Finished loans move to history: every loan of the file, wherever it lives.
            let loans = try store.loans(ofFile: id)
            if json {
                var o = ArchiveCommand.object(row, cal)
                o["filedBy"] = f.filedBy; o["filedAt"] = Output.iso(f.filedAt)
                o["loans"] = loans.map { ArchiveCommand.object($0, s, now: now) }
                return try .json([o])
            }
            let fields: [(String, String?)] = [
                ("id", f.id), ("title", f.title), ("department", f.department), ("project", f.project), ("category", f.category),
                ("date", Clock.day(f.date, tz)), ("medium", f.medium.rawValue), ("where", f.location),
                ("keep", f.retentionYears.map { "\($0) years, until \(f.retentionEnds(cal).map { Clock.day($0, tz) } ?? "?")" } ?? "permanent"),
                ("confidential", f.confidential ? "yes: loans need an archive-loan approval" : nil),
                ("pages", f.pages.map { String($0) }), ("attachments", f.attachments.map { String($0) }),
                ("filed", "\(Clock.dayHM(f.filedAt, tz)) by \(s.displayName(f.filedBy))"), ("source", f.source),
                ("flags", row.flags.isEmpty ? nil : row.flags.map(\.rawValue).joined(separator: " ")),
            ]
            Output.table(["FIELD", "VALUE"], fields.compactMap { k, v in v.flatMap { $0.isEmpty ? nil : [k, $0] } })
            if !loans.isEmpty {
                print("")
                Output.table(["LOAN", "BORROWER", "PURPOSE", "LENT", "DUE", "RETURNED", "STATUS"], loans.map { l in
                    [l.id, s.displayName(l.borrower), l.purpose, l.lentAt.map { Clock.dayHM($0, tz) } ?? (l.approvalID.map { "approval \($0)" } ?? ""),
                     Clock.dayHM(l.due, tz), l.returnedAt.map { Clock.dayHM($0, tz) } ?? "",
                     l.status.rawValue + (l.missing.map { ": missing \($0)" } ?? "")]
                })
            }
            return .done
        }
    }
}
