import Foundation
import FrontDeskKit

/// What the meeting notice and the minutes skeleton are filled with, from a meeting record.
/// Agenda items and what to bring are not stored on a meeting: the desk gives them when it
/// prints the notice (`--agenda`, `--bring`); the goal and the equipment come from the record.
public struct MeetingFormInput: Sendable {
    public var agenda: [String]
    public var bring: [String]
    public init(agenda: [String] = [], bring: [String] = []) { self.agenda = agenda; self.bring = bring }
}

public enum MeetingForms {
    /// The values the `meeting-notice` and `minutes` templates may use (see templates/README in
    /// the notes): `id title date weekday start end timeZone room roomEquipment[] goal needs[] needsText
    /// agenda[{number text}] bring[] organizer{name login email contact} chair{…} attendees[{name
    /// login last}] guests[{name contact}] replyBy actionDueExample status`.
    public static func values(_ m: Meeting, in state: OfficeState, input: MeetingFormInput = MeetingFormInput(),
                              language: String, now: Date, timeZone tz: TimeZone) -> [String: Any] {
        func person(_ login: String) -> [String: Any] {
            let p = state.people[login]
            let email = p?.email.flatMap { $0.isEmpty ? nil : $0 }
            return ["name": state.displayName(login), "login": login, "email": email ?? "",
                    "contact": email ?? login, "department": p?.department ?? ""]
        }
        let room = state.rooms[m.roomID]
        let attendees = m.attendees.enumerated().map { i, a -> [String: Any] in
            var p = person(a); p["last"] = i == m.attendees.count - 1; return p
        }
        let guests = (m.guests ?? []).map { g -> [String: Any] in ["name": g.name, "contact": g.contact ?? "", "reply": g.reply.rawValue] }
        var cal = Calendar(identifier: .gregorian); cal.timeZone = tz
        // Replies by the end of the day before the meeting, or today when it is that close.
        let dayBefore = cal.date(byAdding: .day, value: -1, to: m.start) ?? m.start
        let replyBy = max(Clock.day(dayBefore, tz), Clock.day(now, tz))
        // The example due date in the minutes skeleton: a week after the meeting.
        let dueExample = Clock.day(cal.date(byAdding: .day, value: 7, to: m.start) ?? m.start, tz)
        let agenda = input.agenda.enumerated().map { ["number": "\($0.offset + 1)", "text": $0.element] }
        return [
            "id": m.id, "title": m.title, "status": m.status.rawValue,
            "date": Clock.day(m.start, tz), "weekday": weekday(m.start, language, cal),
            "start": Clock.hm(m.start, tz), "end": Clock.hm(m.end, tz), "timeZone": tz.identifier,
            "room": room?.name ?? m.roomID, "roomEquipment": room?.equipment ?? [],
            "goal": m.goal ?? "", "needs": m.requiredEquipment,
            "needsText": m.requiredEquipment.joined(separator: language == "zh" ? "、" : ", "),
            "agenda": agenda, "bring": input.bring,
            "organizer": person(m.organizer), "chair": person(m.chair ?? m.organizer),
            "attendees": attendees, "guests": guests, "replyBy": replyBy, "actionDueExample": dueExample,
        ]
    }

    static func weekday(_ d: Date, _ language: String, _ cal: Calendar) -> String {
        let i = cal.component(.weekday, from: d) - 1
        let en = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
        let zh = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"]
        return (language == "zh" ? zh : en)[max(0, min(6, i))]
    }
}
