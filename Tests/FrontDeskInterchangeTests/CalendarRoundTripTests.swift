import Foundation
import FrontDeskInterchange
import FrontDeskKit
import Testing
import TestSupport

/// Export → import, and Python's `icalendar` package as an independent reader and writer.
@Suite struct CalendarRoundTripTests {
    typealias O = CalendarOffice

    /// A store with a single meeting (guests, goal with commas and a line break, equipment, chair),
    /// a weekly series with one occurrence cancelled and one moved to another hour and room, and a
    /// monthly series from the 31st (months without a 31st are skipped).
    static func busyStore(_ tmp: TempStore) throws -> Store {
        let store = try O.store(tmp)
        let cal = store.env.calendar
        var single = Meeting(id: "M1", title: "预算评审, 第二季度; 定稿", roomID: "R1", organizer: "lina", attendees: ["wangwei"],
                             start: O.at("2026-03-12 10:00"), end: O.at("2026-03-12 11:30"), status: .confirmed,
                             requestedAt: O.at("2026-03-10 10:30"), requiredEquipment: ["projector"])
        single.goal = "Agree the budget, line by line;\nsign it off \\ today"
        single.chair = "wangwei"
        var guest = GuestInvite(name: "Dr. Chen", contact: "chen@partner.example.com", invitedAt: O.at("2026-03-10 10:30"))
        guest.reply = .accepted
        single.guests = [guest, GuestInvite(name: "张先生", contact: "138 0000 0000", invitedAt: O.at("2026-03-10 10:30"))]
        try store.commit(.bookMeetings([single]))
        let weekly = Meeting(id: "M2", title: "Weekly sync", roomID: "R2", organizer: "wangwei", attendees: ["lina"],
                             start: O.at("2026-03-16 09:30"), end: O.at("2026-03-16 10:00"), status: .requested, requestedAt: O.at("2026-03-10 10:30"))
        try store.commit(.bookMeetings(try Recurrence(.weekly, count: 5).occurrences(of: weekly, calendar: cal, firstNumber: 2)))
        let monthly = Meeting(id: "M7", title: "月末盘点", roomID: "R2", organizer: "lina", start: O.at("2026-03-31 16:00"),
                              end: O.at("2026-03-31 17:00"), status: .confirmed, requestedAt: O.at("2026-03-10 10:30"))
        try store.commit(.bookMeetings(try Recurrence(.monthly, count: 3).occurrences(of: monthly, calendar: cal, firstNumber: 7)))
        try store.commit(.setMeetingStatus(meetingID: "M4", status: .cancelled, at: O.at("2026-03-10 10:30")))
        try store.commit(.moveMeeting(meetingID: "M5", start: O.at("2026-04-06 14:00"), end: O.at("2026-04-06 14:30"), roomID: "R1"))
        return store
    }

    static func export(_ store: Store) -> String {
        MeetingCalendarExport(state: store.state, zone: store.env.timeZone,
                              storeTag: MeetingCalendarExport.storeTag(createdAt: store.meta.createdAt, createdBy: store.meta.createdBy))
            .calendar(Array(store.state.meetings.values))
    }

    /// What must survive a trip through a calendar file, with series named by their order.
    static func projection(_ ms: [Meeting], _ state: OfficeState) -> [String] {
        let live = ms.filter { $0.status.holdsRoom }.sorted { ($0.start, $0.roomID) < ($1.start, $1.roomID) }
        let seriesOrder = live.compactMap(\.seriesID).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        return live.map { m in
            let series = m.seriesID.flatMap { seriesOrder.firstIndex(of: $0) }.map { "series\($0)" } ?? "-"
            let guests = (m.guests ?? []).map { "\($0.name)<\($0.contact ?? "")>\($0.reply.rawValue)" }.joined(separator: ",")
            return [m.title, state.rooms[m.roomID]?.name ?? "?", m.organizer, m.attendees.joined(separator: ","), Clock.dayHM(m.start, TempStore.timeZone),
                    Clock.dayHM(m.end, TempStore.timeZone), m.goal ?? "", m.status == .requested ? "requested" : "booked", guests,
                    m.requiredEquipment.joined(separator: ","), m.chair ?? "", series].joined(separator: " | ")
        }
    }

    @Test func exportThenImportIntoAnEmptyStoreGivesTheSameMeetings() throws {
        let tmp = try TempStore("ics-from"), store = try Self.busyStore(tmp)
        let text = Self.export(store)
        #expect(text.contains("RRULE:FREQ=WEEKLY;COUNT=5") && text.contains("RRULE:FREQ=MONTHLY;COUNT=3"))
        #expect(text.contains("EXDATE;TZID=Asia/Shanghai:20260330T093000"))
        #expect(text.contains("RECURRENCE-ID;TZID=Asia/Shanghai:20260406T093000"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every line ends in CRLF")
        let tmp2 = try TempStore("ics-into"), empty = try O.store(tmp2)
        let events = try ICalendarReader.events(text, office: empty.env.timeZone)
        let plan = MeetingCalendarImport().plan(events, state: empty.state, ctx: empty.context)
        #expect(plan.filter(\.isRefused).isEmpty, "\(plan.map(\.outcome))")
        try empty.commitBatch { _, _ in plan.compactMap { if case .book(let c) = $0.outcome { c } else { nil } } }
        let before = Self.projection(Array(store.state.meetings.values), store.state)
        let after = Self.projection(Array(empty.state.meetings.values), empty.state)
        #expect(before.count == 8)
        #expect(after == before)
        // Exporting the same store again gives the same file, so the same UIDs.
        #expect(Self.export(try tmp.open()) == text)
    }

    /// A zone with daylight saving: the VTIMEZONE carries Foundation's transitions, and a weekly
    /// series that crosses one stays at 09:30 local in one RRULE (no override for the moved UTC hour).
    @Test func aDaylightSavingZoneGetsItsTransitions() throws {
        let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
        let cal = Environment.fixed(at: Date(), user: "lina", timeZone: berlin).calendar
        var state = OfficeState()
        state.rooms["R1"] = Room(id: "R1", name: "Blau", capacity: 5)
        let first = try #require(DateInput.parseDateTime("2026-03-23 09:30", berlin))
        let m = Meeting(id: "M1", title: "Jour fixe", roomID: "R1", organizer: "lina", start: first, end: first.addingTimeInterval(1800),
                        status: .confirmed, requestedAt: first)
        for o in try Recurrence(.weekly, count: 3).occurrences(of: m, calendar: cal, firstNumber: 1) { state.meetings[o.id] = o }
        let text = MeetingCalendarExport(state: state, zone: berlin, storeTag: "t").calendar(Array(state.meetings.values))
        #expect(text.contains("BEGIN:DAYLIGHT\r\nDTSTART:20260329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n"))
        #expect(text.contains("BEGIN:STANDARD\r\nDTSTART:20261025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n"))
        #expect(text.contains("DTSTART;TZID=Europe/Berlin:20260323T093000\r\n") && text.contains("RRULE:FREQ=WEEKLY;COUNT=3\r\n"))
        #expect(!text.contains("RECURRENCE-ID"))
        let back = try ICalendarReader.events(text, office: berlin)
        let starts = try #require(back.first?.rule).starts(from: try #require(back.first?.start), limit: 10, horizon: .distantFuture)
        #expect(starts == state.meetings.values.map(\.start).sorted())
    }

    // MARK: Python's icalendar as the oracle

    static let oracleAvailable: Bool = {
        guard let r = try? CLI.exec("/usr/bin/env", ["python3", "-c", "import icalendar, dateutil"]) else { return false }
        return r.status == 0
    }()

    static func python(_ script: String, _ args: [String]) throws -> RunResult {
        try CLI.exec("/usr/bin/env", ["python3", "-c", script] + args)
    }

    /// icalendar parses our export; dateutil expands each RRULE minus EXDATE plus RECURRENCE-IDs;
    /// the starts it gets are the store's meetings.
    @Test(.enabled(if: oracleAvailable, "needs python3 with icalendar: pip install icalendar (.ci/run installs it)"))
    func pythonIcalendarReadsWhatWeExport() throws {
        let tmp = try TempStore("ics-oracle"), store = try Self.busyStore(tmp)
        let file = tmp.base + "/out.ics"
        try Data(Self.export(store).utf8).write(to: URL(fileURLWithPath: file))
        let script = """
        import sys, json
        from icalendar import Calendar
        from dateutil.rrule import rrulestr
        cal = Calendar.from_ical(open(sys.argv[1], 'rb').read())
        out = {"uids": [], "starts": [], "rrules": [], "tz": [str(t['TZID']) for t in cal.walk('VTIMEZONE')]}
        events = cal.walk('VEVENT')
        moved = {}
        for e in events:
            if 'RECURRENCE-ID' in e:
                moved[(str(e['UID']), e['RECURRENCE-ID'].dt)] = e['DTSTART'].dt
        for e in events:
            if 'RECURRENCE-ID' in e: continue
            out["uids"].append(str(e['UID']))
            start = e['DTSTART'].dt
            if 'RRULE' in e:
                rule = e['RRULE'].to_ical().decode()
                out["rrules"].append(rule)
                ex = set()
                exd = e.get('EXDATE')
                for x in (exd if isinstance(exd, list) else [exd] if exd else []):
                    ex.update(d.dt for d in x.dts)
                for s in rrulestr(rule, dtstart=start):
                    if s in ex: continue
                    s = moved.get((str(e['UID']), s), s)
                    out["starts"].append(s.isoformat())
            else:
                out["starts"].append(start.isoformat())
        print(json.dumps(out))
        """
        let r = try Self.python(script, [file])
        try #require(r.status == 0, "\(r)")
        let o = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let tag = MeetingCalendarExport.storeTag(createdAt: store.meta.createdAt, createdBy: store.meta.createdBy)
        #expect(Set(o["uids"] as? [String] ?? []) == Set(["M1", "M2", "M7"].map { "\($0)-\(tag)@frontdesk" }))
        #expect(Set(o["rrules"] as? [String] ?? []) == ["FREQ=WEEKLY;COUNT=5", "FREQ=MONTHLY;COUNT=3"])
        #expect(o["tz"] as? [String] == ["Asia/Shanghai"])
        let iso = ISO8601DateFormatter()
        let starts = (o["starts"] as? [String] ?? []).compactMap { iso.date(from: $0) }.sorted()
        let expected = store.state.meetings.values.filter { $0.status.holdsRoom }.map(\.start).sorted()
        #expect(starts.count == 8)
        #expect(starts == expected)
    }

    /// icalendar writes a file (a Chinese title with a comma, a zoneinfo TZID, a weekly rule with an
    /// EXDATE, an attendee); we import it.
    @Test(.enabled(if: oracleAvailable, "needs python3 with icalendar: pip install icalendar (.ci/run installs it)"))
    func weImportWhatPythonIcalendarWrites() throws {
        let tmp = try TempStore("ics-oracle-in"), store = try O.store(tmp)
        let file = tmp.base + "/in.ics"
        let script = """
        import sys
        from datetime import datetime
        from zoneinfo import ZoneInfo
        from icalendar import Calendar, Event, vCalAddress
        sh = ZoneInfo('Asia/Shanghai')
        cal = Calendar(); cal.add('prodid', '-//python icalendar//EN'); cal.add('version', '2.0')
        e = Event()
        e.add('uid', 'py-1@example.org'); e.add('summary', '部门周会, 第一期'); e.add('location', 'Board Room')
        e.add('description', 'Agenda; one\\ntwo')
        e.add('dtstart', datetime(2026, 3, 18, 15, 0, tzinfo=sh)); e.add('dtend', datetime(2026, 3, 18, 16, 0, tzinfo=sh))
        e.add('dtstamp', datetime(2026, 3, 1, 0, 0, tzinfo=sh))
        e.add('rrule', {'freq': 'weekly', 'count': 3})
        e.add('exdate', datetime(2026, 3, 25, 15, 0, tzinfo=sh))
        a = vCalAddress('mailto:wangwei@example.cn'); a.params['cn'] = 'Wang Wei'; e.add('attendee', a, encode=0)
        cal.add_component(e)
        cal.add_missing_timezones()
        open(sys.argv[1], 'wb').write(cal.to_ical())
        """
        let r = try Self.python(script, [file])
        try #require(r.status == 0, "\(r)")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let plan = MeetingCalendarImport().plan(try ICalendarReader.events(text, office: store.env.timeZone), state: store.state, ctx: store.context)
        let ms = try #require(plan.first?.meetings)
        #expect(ms.map(\.start) == [O.at("2026-03-18 15:00"), O.at("2026-04-01 15:00")])
        #expect(ms.first?.title == "部门周会, 第一期" && ms.first?.goal == "Agenda; one\ntwo")
        #expect(ms.first?.attendees == ["wangwei"] && ms.first?.roomID == "R2")
    }
}
