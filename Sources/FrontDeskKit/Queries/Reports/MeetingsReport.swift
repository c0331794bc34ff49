import Foundation

extension Report {
    /// Meetings starting in `period`: count and hours per room and per department (the
    /// organiser's), room use by hour × weekday, the no-show rate, minutes sent on time or late,
    /// open and overdue action items per owner, and the meetings that cost the most person-hours.
    /// Cancelled meetings and no-shows used no room and are left out of the room figures; the
    /// no-show rate is no-shows over meetings not cancelled; "late" minutes were sent after
    /// `minutesWithin`, "unsent overdue" ones are still not sent past it.
    public static func meetings(_ meetings: [Meeting], rooms: [String: Room], people: [String: Person], settings: StoreSettings,
                                period: ReportPeriod, now: Date, calendar cal: Calendar) -> Report {
        var tally = MeetingTally(rooms: rooms, people: people, settings: settings, period: period, now: now, calendar: cal)
        for m in meetings.sorted(by: { ($0.start, $0.id) < ($1.start, $1.id) }) { tally.add(m) }
        return tally.report()
    }

    /// The meetings report built one meeting at a time (`add`, then `report`), so a period of
    /// years is read segment by segment holding only these tallies and the ten costliest
    /// meetings. Meetings starting outside the period are ignored; one added twice counts twice.
    /// Added in (start, id) order, the sums equal `Report.meetings` of the same meetings to the bit.
    public struct MeetingTally: Sendable {
        let rooms: [String: Room], people: [String: Person], settings: StoreSettings
        let period: ReportPeriod, now: Date, cal: Calendar
        let firstHour: Int, lastHour: Int
        var byRoom: [String: (count: Int, hours: Double)] = [:], byDept: [String: (count: Int, hours: Double)] = [:]
        var heat: [[Double]]
        var booked = 0, held = 0, used = 0, noShows = 0
        var onTime = 0, late = 0, unsentLate = 0, pending = 0
        var owners: [String: (open: Int, overdue: Int)] = [:]
        /// The ten meetings with the most person-hours so far, most first (ties by id).
        var costly: [(Meeting, Double)] = []

        public init(rooms: [String: Room], people: [String: Person], settings: StoreSettings, period: ReportPeriod, now: Date, calendar: Calendar) {
            self.rooms = rooms; self.people = people; self.settings = settings
            self.period = period; self.now = now; self.cal = calendar
            firstHour = max(0, min(23, settings.workdayStartHour))
            lastHour = max(firstHour, min(23, settings.workdayEndHour - 1))
            heat = Array(repeating: Array(repeating: 0.0, count: lastHour - firstHour + 1), count: 7)
        }

        static func hours(_ m: Meeting) -> Double { max(0, m.end.timeIntervalSince(m.start)) / 3600 }

        /// Counts `m` when it starts in the period.
        public mutating func add(_ m: Meeting) {
            guard period.contains(m.start) else { return }
            booked += 1
            guard m.status != .cancelled else { return }
            held += 1
            for a in m.actionItems where a.doneAt == nil {
                owners[a.owner, default: (0, 0)].open += 1
                if a.due < now { owners[a.owner, default: (0, 0)].overdue += 1 }
            }
            guard m.status != .noShow else { noShows += 1; return }
            used += 1
            let h = Self.hours(m)
            let room = rooms[m.roomID]?.name ?? m.roomID
            let dept = people[m.organizer]?.department ?? "(none)"
            byRoom[room, default: (0, 0)].count += 1; byRoom[room, default: (0, 0)].hours += h
            byDept[dept, default: (0, 0)].count += 1; byDept[dept, default: (0, 0)].hours += h
            // Room-hours in each hour slot the meeting overlaps.
            let day = (cal.component(.weekday, from: m.start) + 5) % 7  // Monday = 0
            for hour in firstHour...lastHour {
                guard let slot = cal.date(bySettingHour: hour, minute: 0, second: 0, of: m.start) else { continue }
                let overlap = min(m.end, slot.addingTimeInterval(3600)).timeIntervalSince(max(m.start, slot))
                if overlap > 0 { heat[day][hour - firstHour] += overlap / 3600 }
            }
            if m.end <= now {
                let due = m.end.addingTimeInterval(settings.minutesWithin)
                if let sent = m.minutesSentAt { if sent <= due { onTime += 1 } else { late += 1 } }
                else if now > due { unsentLate += 1 } else { pending += 1 }
            }
            let ph = Double(Set(m.attendees + [m.organizer]).count) * h
            func before(_ a: (Meeting, Double), _ b: (Meeting, Double)) -> Bool { a.1 != b.1 ? a.1 > b.1 : a.0.id < b.0.id }
            if costly.count < 10 || costly.last.map({ before((m, ph), $0) }) == true {
                let at = costly.firstIndex { before((m, ph), $0) } ?? costly.count
                costly.insert((m, ph), at: at)
                if costly.count > 10 { costly.removeLast() }
            }
        }

        /// The report of every meeting added so far.
        public func report() -> Report {
            let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
            let minutesDone = onTime + late + unsentLate
            return Report(kind: .meetings, period: period, sections: [
                ReportSection(id: "meetings.byRoom", heading: "Meetings by room", headingZh: "各会议室使用",
                              columns: ["room", "meetings", "hours"],
                              rows: ranked(byRoom) { $0.hours }.map { [.text($0.0), .count($0.1.count), .hours($0.1.hours)] },
                              chart: .bars(label: "room", value: "hours")),
                ReportSection(id: "meetings.byDepartment", heading: "Meetings by department", headingZh: "各部门会议",
                              columns: ["department", "meetings", "hours"],
                              rows: ranked(byDept) { $0.hours }.map { [.text($0.0), .count($0.1.count), .hours($0.1.hours)] },
                              chart: .bars(label: "department", value: "hours")),
                ReportSection(id: "meetings.roomUse", heading: "Room-hours by weekday and hour", headingZh: "会议室使用（星期 × 小时）",
                              columns: ["weekday"] + (firstHour...lastHour).map { String(format: "%02d", $0) },
                              rows: weekdays.indices.map { d in [.text(weekdays[d])] + heat[d].map { .hours($0) } },
                              chart: .heatmap(rows: weekdays, columns: (firstHour...lastHour).map { String(format: "%02d", $0) }, values: heat)),
                ReportSection(id: "meetings.attendance", heading: "Held and no-shows", headingZh: "召开与未到场",
                              columns: ["booked", "held", "noShows", "noShowRate", "cancelled"],
                              rows: [[.count(held), .count(used), .count(noShows), .share(held == 0 ? nil : Double(noShows) / Double(held)),
                                      .count(booked - held)]]),
                ReportSection(id: "meetings.minutes", heading: "Minutes within \(Int(settings.minutesWithin / 3600)) h", headingZh: "会议纪要按时发送",
                              columns: ["onTime", "late", "unsentOverdue", "notYetDue", "onTimeRate"],
                              rows: [[.count(onTime), .count(late), .count(unsentLate), .count(pending),
                                      .share(minutesDone == 0 ? nil : Double(onTime) / Double(minutesDone))]]),
                ReportSection(id: "meetings.actionItems", heading: "Open action items by owner", headingZh: "各负责人未完成事项",
                              columns: ["owner", "open", "overdue"],
                              rows: ranked(owners) { Double($0.overdue * 10_000 + $0.open) }.map { [.text($0.0), .count($0.1.open), .count($0.1.overdue)] }),
                ReportSection(id: "meetings.costliest", heading: "Most person-hours", headingZh: "人时最多的会议",
                              columns: ["id", "title", "day", "people", "hours", "personHours"],
                              rows: costly.map { m, ph in
                                  [.text(m.id), .text(m.title), .text(Clock.day(m.start, cal.timeZone)), .count(Set(m.attendees + [m.organizer]).count),
                                   .hours(Self.hours(m)), .hours(ph)]
                              }),
            ])
        }
    }
}
