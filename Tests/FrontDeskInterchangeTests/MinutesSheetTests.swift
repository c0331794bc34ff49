import Foundation
import FrontDeskKit
import Testing
import TestSupport
@testable import FrontDeskInterchange

/// The minutes skeleton filled in and read back: the minutes are recorded and every action line
/// becomes a tracked action item with its owner and due date, in one write; a bad line writes nothing.
@Suite struct MinutesSheetTests {
    /// A store where 李娜 (lina) held 季度预算评审 (M1) with 王伟 and 张敏, 2026-03-12 10:00–11:30.
    func heldMeeting() throws -> (TempStore, Store) {
        let tmp = try TempStore("minutes-sheet")
        let store = try tmp.create(at: "2026-03-10 10:30")
        try store.commit(.addPerson(Person(login: "wangwei", name: "王伟", department: "财务部")))
        try store.commit(.addPerson(Person(login: "zhangmin", name: "张敏", department: "市场部")))
        try store.commit(.addRoom(Room(id: "R1", name: "长城厅", capacity: 8)))
        var m = Meeting(id: "M1", title: "季度预算评审", roomID: "R1", organizer: "lina", attendees: ["lina", "wangwei", "zhangmin"],
                        start: TempStore.date("2026-03-12 10:00"), end: TempStore.date("2026-03-12 11:30"), status: .confirmed,
                        requestedAt: TempStore.date("2026-03-10 10:30"))
        m.goal = "确定第二季度办公用品预算"
        try store.commit(.bookMeetings([m]))
        // Held (the room claimed within 15 min of the start), then the minutes are written after the end.
        try tmp.open(at: "2026-03-12 10:05").commit(.setMeetingStatus(meetingID: "M1", status: .held, at: TempStore.date("2026-03-12 10:05")))
        return (tmp, try tmp.open(at: "2026-03-12 11:40"))
    }

    func skeleton(_ store: Store, _ lang: String) throws -> String {
        let m = try #require(store.state.meetings["M1"])
        let values = MeetingForms.values(m, in: store.state, input: MeetingFormInput(agenda: ["预算回顾"]), language: lang,
                                         now: store.env.now(), timeZone: store.env.timeZone)
        return try TemplateLibrary(folders: []).render(.minutes, language: lang, values)
    }

    /// The skeleton's example action line replaced by what the minute-taker wrote.
    func fill(_ skeleton: String, _ actions: [String]) throws -> String {
        var lines = skeleton.components(separatedBy: "\n")
        let i = try #require(lines.firstIndex { $0.hasPrefix("- [ ]") }, "the skeleton has an action line")
        lines.replaceSubrange(i...i, with: actions)
        return lines.joined(separator: "\n").replacingOccurrences(of: "1. \n", with: "1. 二季度预算按草案执行\n")
    }

    @Test(arguments: ["en", "zh"]) func aFilledSkeletonBecomesMinutesAndTrackedActionItems(lang: String) throws {
        let (tmp, store) = try heldMeeting()
        let filled = try fill(try skeleton(store, lang), [
            "- [ ] 王伟 | \(lang == "zh" ? "截止" : "due") 2026-03-20 | 发出二季度预算表",
            "  - [ ] zhangmin ｜ due 2026-03-31 ｜ 收集各部门需求 | 含特殊物品",
            "- [ ] lina | due 2026-03-12 | 归档纪要",
        ])
        let records = try store.commitBatch { s, ctx in try MinutesSheet.changes(filled, meetingID: "M1", in: s, ctx) }
        #expect(records.count == 4, "minutes and three action items in one write")
        // Read back from disk by a fresh open, as another desk would see it.
        let m = try #require(try tmp.open(at: "2026-03-12 12:00").state.meetings["M1"])
        #expect(m.minutes == filled)
        #expect(m.status == .minutesDrafted)
        let tz = TempStore.timeZone
        #expect(m.actionItems.map(\.id) == ["T1", "T2", "T3"])
        #expect(m.actionItems.map(\.owner) == ["wangwei", "zhangmin", "lina"])
        #expect(m.actionItems.map { Clock.dayHM($0.due, tz) } == ["2026-03-20 23:59", "2026-03-31 23:59", "2026-03-12 23:59"])
        #expect(m.actionItems.map(\.text) == ["发出二季度预算表", "收集各部门需求 | 含特殊物品", "归档纪要"])
        #expect(m.actionItems.allSatisfy { $0.doneAt == nil })
    }

    @Test func oneMalformedActionLineWritesNothingAndNamesEveryBadLine() throws {
        let (tmp, store) = try heldMeeting()
        let before = try Data(contentsOf: URL(fileURLWithPath: tmp.file("journal.000001.log")))
        let filled = try fill(try skeleton(store, "en"), [
            "- [ ] wangwei | due 2026-03-20 | send the budget sheet",
            "- [ ] zhaoliu | due 2026-03-20 | nobody knows zhaoliu",
            "- [ ] zhangmin | due 2026-02-30 | no such day",
            "- [ ] zhangmin | due 2026-03-01 | before the meeting",
            "- [ ] zhangmin | 2026-03-25",
            "- [x] lina | due 2026-03-20 | done already",
        ])
        let lines = filled.components(separatedBy: "\n")
        let first = try #require(lines.firstIndex { $0.hasPrefix("- [ ] wangwei") }) + 1
        do {
            _ = try store.commitBatch { s, ctx in try MinutesSheet.changes(filled, meetingID: "M1", in: s, ctx) }
            Issue.record("a file with malformed action lines was recorded")
        } catch let r as Refusal {
            #expect(r.kind == .invalid)
            #expect(r.message.contains("line \(first + 1): unknown owner 'zhaoliu'"))
            #expect(r.message.contains("line \(first + 2): the due date '2026-02-30'"))
            #expect(r.message.contains("line \(first + 3): due 2026-03-01 is before the meeting"))
            #expect(r.message.contains("line \(first + 4): write it as"))
            #expect(r.message.contains("line \(first + 5): an action item is written open"))
            #expect(!r.message.contains("line \(first):"), "the good line is not blamed")
            #expect(r.zh?.contains("第 \(first + 1) 行") == true)
        }
        let m = try #require(try tmp.open(at: "2026-03-12 12:00").state.meetings["M1"])
        #expect(m.minutes == nil && m.actionItems.isEmpty && m.status == .held)
        #expect(try Data(contentsOf: URL(fileURLWithPath: tmp.file("journal.000001.log"))) == before, "nothing was appended")
    }

    @Test func anUnfilledExampleLineIsMalformedNotSilentlySkipped() throws {
        let (_, store) = try heldMeeting()
        let text = try skeleton(store, "en")
        #expect(throws: Refusal.self) { try MinutesSheet.changes(text, meetingID: "M1", in: store.state, store.context) }
    }
}
