import Foundation
import FrontDeskKit

/// Today's meetings in time order, then earlier meetings still owing minutes or actions;
/// above them, when the pane is tall enough, a timeline of every room over the working day.
enum MeetingsPane {
    // Columns: in-progress mark, time, room, title, organizer, status, flags.
    static let columns = [
        PaneColumn(minWidth: 1, maxWidth: 1, priority: PaneColumn.essential, searchable: false),
        PaneColumn(minWidth: 11, maxWidth: 11, priority: PaneColumn.essential),
        PaneColumn(minWidth: 6, maxWidth: 14, preferredWidth: 12, priority: 80),
        PaneColumn(minWidth: 12, maxWidth: 40, preferredWidth: 20, priority: PaneColumn.essential),
        PaneColumn(minWidth: 6, maxWidth: 12, priority: 30),
        PaneColumn(minWidth: 7, maxWidth: 14, priority: 45),
        PaneColumn(minWidth: 8, maxWidth: 24, preferredWidth: 10, priority: 90),
    ]

    static func content(_ model: DashboardModel, strings: Strings, rect: Rect?) -> PaneContent {
        let agenda = model.agenda
        let overdue = model.overdueCount(.meetings)
        let title = strings.paneTitle(.meetings, count: agenda.rows.count, flagged: overdue, .overdue)
        var lines = agenda.rows.map { PaneLine.row(row($0, today: true, model, strings)) }
        if !agenda.followUps.isEmpty {
            lines.append(.heading(strings[.earlier], count: nil))
            lines += agenda.followUps.map { PaneLine.row(row($0, today: false, model, strings)) }
        }
        if !agenda.upcoming.isEmpty {
            lines.append(.heading(strings[.upcoming], count: nil))
            lines += agenda.upcoming.map { PaneLine.row(row($0, today: false, model, strings)) }
        }
        return PaneContent(title: title, table: PaneTable(columns: columns, lines: lines),
                           emptyText: strings[.noMeetings], preface: preface(model, strings: strings, rect: rect))
    }

    /// The rooms' timeline drawn above the list, when `rect` leaves the list room under it.
    static func preface(_ model: DashboardModel, strings: Strings, rect: Rect?) -> [[Span]] {
        guard let rect, PaneList.prefaceFits(model.agenda.timelines.count + 1, in: rect) else { return [] }
        var lines = timeline(model.agenda, width: PaneList.inner(rect).width, timeZone: model.timeZone, strings: strings)
        // Another day's ruler is not "today's".
        if model.viewedDay != nil, !lines.isEmpty, !lines[0].isEmpty {
            lines[0][0].text = DisplayWidth.pad(strings[ReportWords.rooms], to: roomNameWidth) + " "
        }
        return lines
    }

    static func row(_ r: MeetingRow, today: Bool, _ model: DashboardModel, _ strings: Strings) -> PaneRow {
        let m = r.meeting, tz = model.timeZone
        let past = m.end <= model.now || !m.status.holdsRoom
        let base: Role = r.flags.isEmpty && past ? .dim : .normal
        let when = today ? "\(Clock.hm(m.start, tz))\(Glyph.range)\(Clock.hm(m.end, tz))" : PaneText.shortDayHM(m.start, tz)
        return PaneRow(id: m.id, cells: [
            [Span(r.inProgress ? Glyph.inProgress : "", .ok)],
            [Span(when, r.inProgress ? .ok : base)],
            [Span(r.roomName, base)],
            [Span(m.title, r.inProgress ? .accent : base)],
            [Span(r.organizerName, base)],
            [Span(strings.status(m.status), statusRole(m.status, base: base))],
            PaneText.marks(r.flags, strings),
        ])
    }

    static func statusRole(_ s: MeetingStatus, base: Role) -> Role {
        switch s {
        case .requested: .due
        case .cancelled, .noShow: .dim
        default: base
        }
    }

    // MARK: Timeline

    /// Width of the room names in front of the bars.
    static let roomNameWidth = 12

    /// An hour ruler, then one bar per room across the working day: booked `█` coloured by the
    /// booking's state, free `·`, out of service `×`, and `│` at the current time.
    static func timeline(_ agenda: Agenda, width: Int, timeZone tz: TimeZone, strings: Strings) -> [[Span]] {
        let barWidth = width - roomNameWidth - 1
        let span = agenda.dayEnd.timeIntervalSince(agenda.dayStart)
        guard barWidth >= 8, span > 0 else { return [] }
        let step = span / Double(barWidth)
        func column(_ d: Date) -> Int { Int((d.timeIntervalSince(agenda.dayStart) / step).rounded(.down)) }
        func middle(_ i: Int) -> Date { agenda.dayStart.addingTimeInterval((Double(i) + 0.5) * step) }
        let nowColumn = agenda.now >= agenda.dayStart && agenda.now < agenda.dayEnd ? column(agenda.now) : nil

        // Ruler: an hour label wherever it fits after the previous one.
        var ruler = Array(repeating: " ", count: barWidth)
        var nextFree = 0
        var hour = agenda.dayStart
        while hour < agenda.dayEnd {
            let c = column(hour)
            let label = String(Clock.hm(hour, tz).prefix(2))
            if c >= nextFree && c + 2 <= barWidth {
                ruler[c] = String(label.prefix(1)); ruler[c + 1] = String(label.suffix(1))
                nextFree = c + 3
            }
            hour = hour.addingTimeInterval(3600)
        }
        var lines: [[Span]] = [[Span(DisplayWidth.pad(strings[.timeline], to: roomNameWidth) + " ", .header),
                                Span(ruler.joined(), .dim)]]

        let rowsByID = Dictionary((agenda.rows).map { ($0.meeting.id, $0) }, uniquingKeysWith: { a, _ in a })
        for t in agenda.timelines {
            var cells: [Span] = []
            for i in 0..<barWidth {
                let mid = middle(i)
                var cell = Span(Glyph.free, .dim)
                if t.room.outOfService.contains(where: { $0.start <= mid && mid < $0.end }) {
                    cell = Span(Glyph.outOfService, .overdue)
                } else if let b = t.bookings.first(where: { $0.start <= mid && mid < $0.end })
                            ?? t.bookings.first(where: { column($0.start) == i && column($0.end) <= i + 1 }) {
                    cell = Span(Glyph.booked, bookingRole(rowsByID[b.id], end: b.end, now: agenda.now))
                }
                if i == nowColumn { cell = Span(Glyph.now, .nowMarker) }
                if let last = cells.last, last.role == cell.role { cells[cells.count - 1].text += cell.text } else { cells.append(cell) }
            }
            let nameRole: Role = t.outOfService ? .dim : .normal
            lines.append([Span(DisplayWidth.pad(t.room.name, to: roomNameWidth) + " ", nameRole)] + cells)
        }
        return lines
    }

    /// Overdue bookings red, unconfirmed yellow, finished dim, the rest green.
    static func bookingRole(_ row: MeetingRow?, end: Date, now: Date) -> Role {
        guard let row else { return .ok }
        if row.flags.contains(where: \.isOverdue) { return .overdue }
        if row.meeting.status == .requested { return .due }
        return end <= now ? .dim : .ok
    }

    // MARK: Detail

    static func detail(id: String, model: DashboardModel, strings: Strings) -> (title: String, lines: [String])? {
        guard let stored = model.state.meetings[id] else { return nil }
        let s = model.state, tz = model.timeZone
        let row = (model.agenda.rows + model.agenda.followUps + model.agenda.upcoming).first { $0.meeting.id == id }
        let m = row?.meeting ?? stored
        let room = s.rooms[m.roomID]
        let roomText = room.map { r in
            "\(r.name) (\(strings.capacity(r.capacity))\(r.equipment.isEmpty ? "" : ", " + r.equipment.joined(separator: ", ")))"
        } ?? m.roomID
        var lines: [String?] = [
            strings.field(.room, roomText),
            strings.field(.time, "\(Clock.dayHM(m.start, tz))\(Glyph.range)\(Clock.hm(m.end, tz))"),
            strings.field(.status, strings.status(m.status)),
            strings.field(.organizer, s.displayName(m.organizer)),
            strings.field(.chair, m.chair.map(s.displayName)),
            strings.field(.attendees, m.attendees.map(s.displayName).joined(separator: ", ")),
            strings.field(.goal, m.goal),
            strings.field(.equipmentNeeded, m.requiredEquipment.joined(separator: ", ")),
            strings.field(.requested, Clock.dayHM(m.requestedAt, tz)),
            strings.field(.confirmed, m.confirmedAt.map { Clock.dayHM($0, tz) }),
            strings.field(.roomChecked, m.roomCheckedAt.map { Clock.dayHM($0, tz) }),
            strings.field(.held, m.heldAt.map { Clock.dayHM($0, tz) }),
            strings.field(.stillToCheck, m.uncheckedItems.isEmpty ? nil : m.uncheckedItems.joined(separator: ", ")),
            strings.field(.minutesReviewed, m.minutesReviewedBy.map { "\(s.displayName($0)) \(m.minutesReviewedAt.map { Clock.dayHM($0, tz) } ?? "")" }),
            strings.field(.minutesSent, m.minutesSentAt.map { Clock.dayHM($0, tz) }),
            strings.field(.minutes, m.minutes),
            strings.field(.series, m.seriesID),
            strings.field(.flags, row.map { PaneText.marksText($0.flags, strings) }),
        ]
        if let guests = m.guests, !guests.isEmpty {
            lines.append(strings.listHeading(.guests))
            for g in guests {
                let contact = g.contact.map { " <\($0)>" } ?? ""
                lines.append("  \(g.name)\(contact): \(g.reply.rawValue)\(g.repliedAt.map { " " + Clock.dayHM($0, tz) } ?? "")")
            }
        }
        if !m.actionItems.isEmpty {
            lines.append(strings.listHeading(.actionItems))
            for a in m.actionItems {
                let state = a.doneAt.map { strings.format(.actionDone, Clock.dayHM($0, tz)) }
                    ?? strings[a.due < model.now ? .actionOpenOverdue : .actionOpen]
                lines.append("  " + strings.format(.actionItemLine, a.id, a.text, s.displayName(a.owner), Clock.dayHM(a.due, tz), state))
            }
        }
        return ("\(m.id) \(m.title)", lines.compactMap { $0 })
    }
}
