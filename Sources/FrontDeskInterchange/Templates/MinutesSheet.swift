import Foundation
import FrontDeskKit

/// A filled minutes skeleton read back: the whole text becomes the meeting's minutes and every
/// action line becomes a tracked action item, so decisions need no retyping.
///
/// An action line is any line that begins (after spaces) with `- [ ]`:
/// `- [ ] OWNER | due YYYY-MM-DD | what is to be done` (`截止` may stand for `due`, and the
/// full-width `｜` for `|`). OWNER is a person's login or name, or one of the meeting's people.
public enum MinutesSheet {
    /// One action line, read.
    public struct ActionLine: Sendable, Equatable {
        public var line: Int
        public var owner: String
        public var due: Date
        public var text: String
    }

    /// Reads every action line of `text` for meeting `m`. Throws `Refusal.invalid` listing every
    /// malformed line with its number (unknown owner, bad or early date, missing text); nothing
    /// is read then.
    public static func actionLines(_ text: String, for m: Meeting, in state: OfficeState, timeZone tz: TimeZone) throws(Refusal) -> [ActionLine] {
        var found: [ActionLine] = [], problems: [String] = [], zhProblems: [String] = []
        var cal = Calendar(identifier: .gregorian); cal.timeZone = tz
        let meetingDay = cal.startOfDay(for: m.start)
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let n = i + 1
            let line = raw.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\r")))
            func bad(_ en: String, _ zh: String) { problems.append("line \(n): \(en)"); zhProblems.append("第 \(n) 行：\(zh)") }
            if line.hasPrefix("- [x]") || line.hasPrefix("- [X]") {
                bad("an action item is written open, \"- [ ]\"; mark it done later with frontdesk meeting action done",
                    "待办事项须写成未完成“- [ ]”；完成后用 frontdesk meeting action done 标记")
                continue
            }
            guard line.hasPrefix("- [ ]") else { continue }
            let parts = line.dropFirst(5).split(omittingEmptySubsequences: false) { $0 == "|" || $0 == "｜" }
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count >= 3 else {
                bad("write it as \"- [ ] owner | due YYYY-MM-DD | what is to be done\"", "格式应为“- [ ] 负责人 | due YYYY-MM-DD | 事项内容”")
                continue
            }
            let ownerText = parts[0], what = parts[2...].joined(separator: " | ").trimmingCharacters(in: .whitespaces)
            var dueText = parts[1]
            for word in ["due", "Due", "DUE", "截止日期", "截止"] where dueText.hasPrefix(word) {
                dueText = String(dueText.dropFirst(word.count)).trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: ":：")))
                break
            }
            var ok = true
            let owner = resolveOwner(ownerText, m, state)
            if ownerText.isEmpty {
                bad("no owner", "没有负责人"); ok = false
            } else if owner == nil {
                bad("unknown owner '\(ownerText)' (give a login or name of a person the office knows, or one of the meeting's people)",
                    "未知的负责人“\(ownerText)”（请写办公室已登记人员的登录名或姓名，或本会议的参会人）"); ok = false
            }
            let due = dueText.count == 10 ? DateInput.parseDay(dueText, tz) : nil
            if due == nil {
                bad("the due date '\(dueText)' is not a date YYYY-MM-DD", "截止日期“\(dueText)”不是 YYYY-MM-DD 格式的日期"); ok = false
            } else if let d = due, d < meetingDay {
                bad("due \(dueText) is before the meeting (\(Clock.day(m.start, tz)))", "截止日期 \(dueText) 早于会议日期（\(Clock.day(m.start, tz))）"); ok = false
            }
            if what.isEmpty { bad("no text: say what is to be done", "没有内容：请写明要做的事"); ok = false }
            if ok, let owner, let due { found.append(ActionLine(line: n, owner: owner, due: Clock.endOfDay(due, cal), text: what)) }
        }
        if !problems.isEmpty {
            throw .invalid("The minutes file has \(problems.count) malformed action line(s); nothing was recorded: " + problems.joined(separator: "; ") + ".",
                           zh: "纪要文件中有 \(problems.count) 行待办格式有误，未登记任何内容：" + zhProblems.joined(separator: "；") + "。")
        }
        return found
    }

    /// The changes that record `text` as the minutes of meeting `id` and add its action items,
    /// for `Store.commitBatch` (one write, all or nothing). Throws `Refusal` for an unknown
    /// meeting or a malformed action line.
    public static func changes(_ text: String, meetingID id: String, in state: OfficeState, _ ctx: RuleContext) throws(Refusal) -> [Change] {
        guard let m = state.meetings[id] else { throw .invalid("No meeting \(id) today or open.", zh: "今天或未结束的会议中没有 \(id)。") }
        let lines = try actionLines(text, for: m, in: state, timeZone: ctx.env.timeZone)
        let first = state.counters[RecordKind.action.rawValue, default: 0] + 1
        return [.recordMinutes(meetingID: id, text: text, at: ctx.now)] + lines.enumerated().map { i, a in
            .addActionItem(meetingID: id, item: ActionItem(id: "\(RecordKind.action.idPrefix)\(first + i)", text: a.text, owner: a.owner, due: a.due))
        }
    }

    /// The login for `text`: a known person's login or name, or one of the meeting's people as written.
    static func resolveOwner(_ text: String, _ m: Meeting, _ state: OfficeState) -> String? {
        if state.people[text] != nil { return text }
        if let p = state.people.values.sorted(by: { $0.login < $1.login }).first(where: { $0.name == text }) { return p.login }
        let own = [m.organizer] + (m.chair.map { [$0] } ?? []) + m.attendees
        return own.first { $0 == text || $0.lowercased() == text.lowercased() }
    }
}
