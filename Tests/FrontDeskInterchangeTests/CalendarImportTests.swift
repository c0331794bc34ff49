import Foundation
import FrontDeskInterchange
import FrontDeskKit
import Testing
import TestSupport

/// The office every calendar test uses: two rooms and two people with e-mail addresses.
enum CalendarOffice {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func fixture(_ name: String) throws -> String {
        try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
    }

    static func store(_ tmp: TempStore) throws -> Store {
        let store = try tmp.create()
        try store.commitBatch { _, _ in [
            .addRoom(Room(id: "R1", name: "长城厅", capacity: 10, equipment: ["projector"])),
            .addRoom(Room(id: "R2", name: "Board Room", capacity: 20)),
            .addPerson(Person(login: "lina", name: "Li Na", email: "lina@example.cn")),
            .addPerson(Person(login: "wangwei", name: "Wang Wei", email: "wangwei@example.cn")),
        ] }
        return store
    }

    static func plan(_ file: String, in store: Store, room: String? = nil) throws -> [ImportedEvent] {
        let events = try ICalendarReader.events(try fixture(file), office: store.env.timeZone)
        return MeetingCalendarImport(room: room).plan(events, state: store.state, ctx: store.context)
    }

    static func at(_ s: String) -> Date { TempStore.date(s) }
}

/// Files as Outlook, Google Calendar, Thunderbird and calcurse write them (handwritten to those
/// clients' shapes, see Fixtures/), booked through the rules of `meeting add`.
@Suite struct CalendarImportTests {
    typealias O = CalendarOffice

    /// Outlook: Windows TZID, CRLF, folded UID and DESCRIPTION, weekly BYDAY with an EXDATE, VALARM.
    @Test func outlookFile() throws {
        let tmp = try TempStore("ics-outlook"), store = try O.store(tmp)
        let plan = try O.plan("outlook.ics", in: store)
        try #require(plan.count == 1)
        let ms = plan[0].meetings
        #expect(ms.map(\.start) == [O.at("2026-03-17 10:00"), O.at("2026-03-31 10:00"), O.at("2026-04-07 10:00")])
        #expect(ms.allSatisfy { $0.end.timeIntervalSince($0.start) == 3600 && $0.roomID == "R1" && $0.seriesID == ms.first?.id })
        let m = try #require(ms.first)
        #expect(m.title == "预算评审 Budget review")
        #expect(m.organizer == "lina" && m.attendees == ["wangwei"])
        #expect(m.goal == "Review the Q2 budget, line by line; bring the printed sheets.\nSecond line of the agenda.")
        #expect(m.guests?.map(\.name) == ["Dr. Chen"])
        #expect(m.guests?.first?.reply == .accepted && m.guests?.first?.contact == "chen@partner.example.com")
        #expect(m.status == .confirmed)
    }

    /// Google: UTC times, DAILY until a Z time with an EXDATE, one moved occurrence as its own
    /// VEVENT (RECURRENCE-ID), and an all-day tentative event.
    @Test func googleFile() throws {
        let tmp = try TempStore("ics-google"), store = try O.store(tmp)
        let plan = try O.plan("google.ics", in: store)
        try #require(plan.count == 2, "the override travels with its series")
        let standup = plan[0].meetings
        #expect(standup.map(\.start) == [O.at("2026-03-16 09:00"), O.at("2026-03-17 09:00"), O.at("2026-03-19 10:00"), O.at("2026-03-20 09:00")])
        #expect(Set(standup.map(\.seriesID)).count == 1 && standup.allSatisfy { $0.roomID == "R2" })
        let day = try #require(plan[1].meetings.first)
        #expect(day.start == O.at("2026-03-25 00:00") && day.end == O.at("2026-03-26 00:00"))
        #expect(day.status == .requested && day.roomID == "R1")
    }

    /// Thunderbird: VTIMEZONE Asia/Shanghai, MONTHLY on the second Wednesday, a declined guest.
    @Test func thunderbirdFile() throws {
        let tmp = try TempStore("ics-thunderbird"), store = try O.store(tmp)
        let plan = try O.plan("thunderbird.ics", in: store)
        let ms = try #require(plan.first?.meetings)
        #expect(ms.map(\.start) == [O.at("2026-03-11 14:00"), O.at("2026-04-08 14:00"), O.at("2026-05-13 14:00")])
        #expect(ms.first?.title == "月度例会" && ms.first?.goal == "议程：\n1. 上月工作回顾\n2. 本月计划")
        #expect(ms.first?.guests?.first?.name == "Zhao Lei" && ms.first?.guests?.first?.reply == .declined)
    }

    /// calcurse: LF, floating times in the office's zone, DURATION, no LOCATION (so --room).
    @Test func calcurseFileNeedsARoom() throws {
        let tmp = try TempStore("ics-calcurse"), store = try O.store(tmp)
        let without = try O.plan("calcurse.ics", in: store)
        #expect(without.count == 2 && without.allSatisfy(\.isRefused))
        if case .refused(let r) = without[0].outcome { #expect(r.message.contains("--room") && r.zh?.contains("--room") == true) }
        let plan = try O.plan("calcurse.ics", in: store, room: "Board Room")
        #expect(plan.flatMap(\.meetings).map { [$0.start, $0.end] } == [[O.at("2026-03-12 09:00"), O.at("2026-03-12 10:00")],
                                                                        [O.at("2026-03-13 16:00"), O.at("2026-03-13 16:45")]])
        #expect(plan.flatMap(\.meetings).map(\.id) == ["M1", "M2"], "ids follow on within one file")
    }

    /// An override that carries only its new time keeps the series' title and room.
    @Test func aSparseOverrideKeepsTheSeriesProperties() throws {
        let tmp = try TempStore("ics-sparse"), store = try O.store(tmp)
        let text = """
        BEGIN:VCALENDAR
        VERSION:2.0
        BEGIN:VEVENT
        UID:s1
        DTSTART:20260316T090000
        DTEND:20260316T093000
        RRULE:FREQ=DAILY;COUNT=2
        SUMMARY:Sync
        LOCATION:Board Room
        END:VEVENT
        BEGIN:VEVENT
        UID:s1
        RECURRENCE-ID:20260317T090000
        DTSTART:20260317T110000
        DTEND:20260317T113000
        END:VEVENT
        END:VCALENDAR
        """
        let plan = MeetingCalendarImport().plan(try ICalendarReader.events(text, office: store.env.timeZone), state: store.state, ctx: store.context)
        let ms = try #require(plan.first?.meetings)
        #expect(plan.count == 1 && ms.count == 2)
        #expect(ms.last?.title == "Sync" && ms.last?.roomID == "R2" && ms.last?.start == O.at("2026-03-17 11:00"))
    }

    /// The same rules as `meeting add`: a second import of a file meets the first one's bookings,
    /// each event refused with the holder; a file's own events cannot double-book a room.
    @Test func conflictsAreListedPerEvent() throws {
        let tmp = try TempStore("ics-conflict"), store = try O.store(tmp)
        let first = try O.plan("google.ics", in: store)
        try store.commitBatch { _, _ in first.compactMap { if case .book(let c) = $0.outcome { c } else { nil } } }
        let again = try O.plan("google.ics", in: store)
        #expect(again.count == 2 && again.allSatisfy(\.isRefused))
        if case .refused(let r) = again[0].outcome {
            #expect(r.kind == .rule && r.message.contains("Board Room is booked"))
        }
        let twice = try ICalendarReader.events(try O.fixture("calcurse.ics"), office: store.env.timeZone)
        let plan = MeetingCalendarImport(room: "长城厅").plan(twice + twice, state: store.state, ctx: store.context)
        #expect(plan.map(\.isRefused) == [false, false, true, true])
    }
}
