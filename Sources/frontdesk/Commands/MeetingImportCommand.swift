import ArgumentParser
import Foundation
import FrontDeskInterchange
import FrontDeskKit

/// `frontdesk meeting import FILE.ics`: books the events of a calendar file by the same rules as
/// `meeting add`; all or nothing unless `--skip-conflicts`.
struct MeetingImport: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Book the events of an .ics file (Outlook, Google Calendar, Thunderbird, calcurse); prints the new meeting ids.",
        discussion: """
        Each event is checked like frontdesk meeting add (room free and in service, big enough, equipment); a series \
        (RRULE with EXDATE and moved occurrences) is booked as one series. If any event is refused nothing is booked and \
        each refusal is listed (exit 3), unless --skip-conflicts: then the others are booked in one commit and the refused \
        ones listed. The room is the event's LOCATION (a room name) or --room. Cancelled events are left out. \
        A file that is not iCalendar is reported with its line number and changes nothing (exit 2).
        Example: frontdesk meeting import outlook.ics --room 长城厅 --dry-run
        """)
    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "The .ics file.", completion: .file(extensions: ["ics"])) var file: String
    @Option(help: "Book every event in this room (name or id) instead of its LOCATION.", completion: Completions.rooms) var room: String?
    @Flag(help: "Show what would be booked and refused; write nothing.") var dryRun = false
    @Flag(help: "Book the events that pass and list the refused ones, instead of booking nothing.") var skipConflicts = false

    func run(store: Store) throws -> Reply {
        let text = try Parse.textFile(file, "FILE.ics")
        let events: [CalendarEvent]
        do {
            events = try ICalendarReader.events(text, office: store.env.timeZone)
        } catch {
            throw Refusal.invalid("\(file):\(error.line): \(error.message) Nothing was imported.", zh: "\(file) 第 \(error.line) 行：\(error.zh)没有导入任何内容。")
        }
        if events.isEmpty { throw Refusal.invalid("\(file) holds no events (VEVENT); nothing was imported.", zh: "\(file) 中没有事件（VEVENT）；没有导入任何内容。") }
        let importer = MeetingCalendarImport(room: room)
        if dryRun {
            let plan = importer.plan(events, state: store.state, ctx: store.context)
            show(plan, committed: false, store.env.timeZone)
            if plan.contains(where: \.isRefused) && !skipConflicts { throw ExitCode(3) }
            return .done
        }
        var plan: [ImportedEvent] = []
        let records = try store.commitBatch { state, ctx in
            // Planned again under the lock, against the state the booking will be checked on.
            plan = importer.plan(events, state: state, ctx: ctx)
            let refused = plan.filter(\.isRefused)
            let booked = plan.compactMap { e -> Change? in if case .book(let c) = e.outcome { c } else { nil } }
            if booked.isEmpty || (!refused.isEmpty && !skipConflicts) { throw refusal(plan, ctx.env.timeZone) }
            return booked
        }
        show(plan, committed: true, store.env.timeZone)
        let ids = plan.flatMap(\.meetings).map(\.id)
        return .committed(records, in: store, created: ids)
    }

    /// The refusal that stops an import: every refused event with its line and reason.
    func refusal(_ plan: [ImportedEvent], _ tz: TimeZone) -> Refusal {
        let refused = plan.filter(\.isRefused)
        let en = refused.map { "  " + line($0, chinese: false, tz) }.joined(separator: "\n")
        let zh = refused.map { "  " + line($0, chinese: true, tz) }.joined(separator: "\n")
        let others = plan.count - refused.count
        if refused.isEmpty {
            return .rule("Every event of \(file) is cancelled; there is nothing to book.", zh: "\(file) 中的事件都已取消；没有可预订的内容。")
        }
        if others == 0 {
            return .rule("No event of \(file) can be booked:\n\(en)\nNothing was imported.", zh: "\(file) 中没有可以预订的事件：\n\(zh)\n没有导入任何内容。")
        }
        return .rule("\(refused.count) of \(plan.count) events of \(file) were refused:\n\(en)\nNothing was imported. Fix these, or import again with --skip-conflicts to book the other \(others).",
                     zh: "\(file) 的 \(plan.count) 个事件中有 \(refused.count) 个被拒绝：\n\(zh)\n没有导入任何内容。请处理这些事件，或加 --skip-conflicts 重新导入以预订其余 \(others) 个。")
    }

    /// "line 12 “Weekly sync” 2026-03-11 10:00: reason".
    func line(_ e: ImportedEvent, chinese: Bool, _ tz: TimeZone) -> String {
        let when = Clock.dayHM(e.start, tz)
        switch e.outcome {
        case .refused(let r): return (chinese ? "第 \(e.line) 行" : "line \(e.line)") + " “\(e.title)” \(when): \(r.text(chinese: chinese))"
        case .skipped: return (chinese ? "第 \(e.line) 行" : "line \(e.line)") + " “\(e.title)” \(when): " + (chinese ? "文件中已取消，未预订" : "cancelled in the file, not booked")
        case .book: return (chinese ? "第 \(e.line) 行" : "line \(e.line)") + " “\(e.title)” \(when)"
        }
    }

    /// The plan on stdout: a table for a dry run, and after a commit with --skip-conflicts
    /// the refused events on stderr.
    func show(_ plan: [ImportedEvent], committed: Bool, _ tz: TimeZone) {
        let zh = ReaderLanguage.isChinese()
        if committed {
            for e in plan where !(e.outcome.isBook) { Outcome.say("frontdesk: " + (zh ? "未导入：" : "not imported: ") + line(e, chinese: zh, tz)) }
            return
        }
        Output.table(["LINE", "START", "ROOM", "TITLE", "N", "RESULT"], plan.map { e in
            let result: String
            switch e.outcome {
            case .book: result = zh ? "将预订" : "book"
            case .refused(let r): result = (zh ? "拒绝：" : "refused: ") + r.text(chinese: zh)
            case .skipped: result = zh ? "跳过（已取消）" : "skip (cancelled)"
            }
            return [String(e.line), Clock.dayHM(e.start, tz), e.room ?? "", e.title, String(e.occurrences), result]
        })
    }
}

extension ImportedEvent.Outcome {
    var isBook: Bool { if case .book = self { true } else { false } }
}
