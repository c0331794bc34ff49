import ArgumentParser
import Foundation
import FrontDeskInterchange
import FrontDeskKit

/// `frontdesk meeting export --ics`: meetings as an iCalendar file for Outlook, Google Calendar,
/// Thunderbird or a phone.
struct MeetingExport: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write meetings as an .ics calendar file (RFC 5545) for Outlook, Google Calendar or a phone.",
        discussion: """
        Without --date or --from/--to, every meeting of the working set (open and recent) is written; with them, the meetings \
        starting in those days, read from history too. A series is one event with RRULE; cancelled occurrences are EXDATEs, \
        moved ones RECURRENCE-ID events. UIDs are stable: exporting again gives the same UIDs, so a calendar updates instead of \
        duplicating. Times carry the office's time zone (a VTIMEZONE is included).
        Example: frontdesk meeting export --ics --from 2026-03-01 --to 2026-03-31 --output march.ics
        """)
    @OptionGroup var storeOptions: StoreOptions
    @Flag(help: "iCalendar (.ics), the format calendars read.") var ics = false
    @OptionGroup var days: DaysOption
    @Option(help: "Only meetings in this room (name or id).", completion: Completions.rooms) var room: String?
    @Option(help: "Write to this file instead of standard output.", completion: .file()) var output: String?

    func validate() throws {
        if !ics { throw ValidationError("Say which format: --ics (iCalendar, the only one so far).") }
    }

    func run(store: Store) throws -> Reply {
        let env = store.env
        var meetings: [Meeting]
        if days.date != nil || days.isRange {
            let period = try days.period(env)
            meetings = try store.meetingRows(from: period.start, to: period.end).map(\.meeting)
        } else {
            let now = env.now(), release = store.meta.settings.noShowAfter
            meetings = store.state.meetings.values.map { $0.effective(at: now, noShowAfter: release) }
        }
        if let room {
            let id = try RoomCommand.find(room, in: store.state).id
            meetings = meetings.filter { $0.roomID == id }
        }
        let export = MeetingCalendarExport(state: store.state, zone: env.timeZone,
                                           storeTag: MeetingCalendarExport.storeTag(createdAt: store.meta.createdAt, createdBy: store.meta.createdBy))
        let bytes = Array(export.calendar(meetings).utf8)
        guard let output else {
            Outcome.writeAll(bytes, to: STDOUT_FILENO)
            return .done
        }
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            throw UsageError("Cannot write \(output): \(error.localizedDescription) (check the directory exists and you may write there).")
        }
        let zh = ReaderLanguage.isChinese()
        return Reply(notes: [zh ? "已将 \(meetings.count) 个会议写入 \(output)。" : "Wrote \(meetings.count) meeting(s) to \(output)."])
    }
}
