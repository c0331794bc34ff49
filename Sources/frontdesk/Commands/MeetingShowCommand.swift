import ArgumentParser
import Foundation
import FrontDeskKit
import FrontDeskTUI

/// `frontdesk meeting show ID [--json]`: one meeting in full — guests and their replies, the
/// preparation checklist, the minutes and who reviewed them, action items, flags.
struct MeetingShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one meeting: guests and replies, checklist, minutes, action items.")
    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "Meeting id.", completion: Completions.meetingIDs) var id: String
    @Flag(help: .json) var json = false

    func run() throws {
        let store = try storeOptions.open()
        let s = store.state, tz = store.env.timeZone, now = store.env.now()
        guard let stored = try store.meeting(id: id) else { throw Refusal.invalid("No meeting \(id) (frontdesk meeting list --date DAY).", zh: "没有会议 \(id)（frontdesk meeting list --date 日期）。") }
        let m = stored.effective(at: now, noShowAfter: store.meta.settings.noShowAfter)
        let flags = s.flags(of: stored, at: now, store.meta.settings)
        if json {
            try Output.json([MeetingJSON.object(m, flags: flags, in: s)])
            return
        }
        func line(_ label: String, _ value: String?) { if let v = value, !v.isEmpty { print("\(label): \(TerminalText.sanitize(v))") } }
        line("Meeting", "\(m.id) \(m.title)")
        line("Room", s.rooms[m.roomID]?.name ?? m.roomID)
        line("Time", "\(Clock.dayHM(m.start, tz))–\(Clock.hm(m.end, tz))")
        line("Status", m.status.rawValue + (stored.status != m.status ? " (room not claimed within \(Int(store.meta.settings.noShowAfter / 60)) min; released)" : ""))
        line("Organizer", s.displayName(m.organizer))
        line("Chair", s.displayName(m.chair ?? m.organizer))
        line("Attendees", m.attendees.map(s.displayName).joined(separator: ", "))
        line("Goal", m.goal)
        line("Flags", flags.map(\.rawValue).joined(separator: ", "))
        print("Checklist:")
        let done = Dictionary((m.checklist ?? []).map { ($0.item, $0) }, uniquingKeysWith: { a, _ in a })
        let open = Set(m.uncheckedItems)
        for item in m.preparationItems {
            let mark = open.contains(item) ? "[ ]" : "[x]"
            let who = done[item].map { " \(s.displayName($0.by)) \(Clock.dayHM($0.at, tz))" } ?? ""
            print("  \(mark) \(TerminalText.sanitize(item))\(TerminalText.sanitize(who))")
        }
        if let guests = m.guests, !guests.isEmpty {
            print("Guests:")
            for g in guests {
                let replied = g.repliedAt.map { " " + Clock.dayHM($0, tz) } ?? ""
                print("  " + TerminalText.sanitize("\(g.name)\(g.contact.map { " <\($0)>" } ?? ""): \(g.reply.rawValue)\(replied) (invited \(Clock.dayHM(g.invitedAt, tz)))"))
            }
        }
        line("Minutes reviewed", m.minutesReviewedBy.map { "\(s.displayName($0)) \(m.minutesReviewedAt.map { Clock.dayHM($0, tz) } ?? "")" })
        line("Minutes sent", m.minutesSentAt.map { Clock.dayHM($0, tz) })
        if let text = m.minutes {
            print("Minutes:")
            for l in text.split(separator: "\n", omittingEmptySubsequences: false) { print("  " + TerminalText.sanitize(String(l))) }
        }
        if !m.actionItems.isEmpty {
            print("Action items:")
            for a in m.actionItems {
                let state = a.doneAt.map { "done \(Clock.dayHM($0, tz))" } ?? (a.due < now ? "open, overdue" : "open")
                print("  " + TerminalText.sanitize("\(a.id) \(a.text) — \(s.displayName(a.owner)), due \(Clock.dayHM(a.due, tz)), \(state)"))
            }
        }
    }
}

/// A meeting as `meeting show --json` and `meeting list --json` give it.
enum MeetingJSON {
    static func object(_ m: Meeting, flags: [DueFlag], in s: OfficeState) -> [String: Any] {
        [
            "id": m.id, "title": m.title, "status": m.status.rawValue, "flags": flags.map(\.rawValue),
            "room": s.rooms[m.roomID]?.name ?? m.roomID, "roomId": m.roomID, "organizer": m.organizer, "chair": m.chair ?? m.organizer,
            "start": Output.iso(m.start), "end": Output.iso(m.end), "attendees": m.attendees, "goal": m.goal ?? NSNull(),
            "requiredEquipment": m.requiredEquipment, "seriesId": m.seriesID ?? NSNull(),
            "checklist": checklist(m), "unchecked": m.uncheckedItems, "guests": guests(m),
            "minutes": m.minutes ?? NSNull(), "minutesReviewedBy": m.minutesReviewedBy ?? NSNull(),
            "minutesReviewedAt": Output.iso(m.minutesReviewedAt), "minutesSentAt": Output.iso(m.minutesSentAt),
            "actionItems": actionItems(m),
        ]
    }

    static func guests(_ m: Meeting) -> [[String: Any]] {
        (m.guests ?? []).map { ["name": $0.name, "contact": $0.contact ?? NSNull(), "reply": $0.reply.rawValue,
                                "invitedAt": Output.iso($0.invitedAt), "repliedAt": Output.iso($0.repliedAt)] }
    }

    static func checklist(_ m: Meeting) -> [[String: Any]] {
        let done = Dictionary((m.checklist ?? []).map { ($0.item, $0) }, uniquingKeysWith: { a, _ in a })
        let open = Set(m.uncheckedItems)
        return m.preparationItems.map { item in
            ["item": item, "done": !open.contains(item), "by": done[item]?.by ?? NSNull(), "at": Output.iso(done[item]?.at)]
        }
    }

    static func actionItems(_ m: Meeting) -> [[String: Any]] {
        m.actionItems.map { ["id": $0.id, "text": $0.text, "owner": $0.owner, "due": Output.iso($0.due), "done": $0.doneAt != nil] }
    }
}
