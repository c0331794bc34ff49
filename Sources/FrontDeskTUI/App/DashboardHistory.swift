import Foundation
import FrontDeskKit

/// Stepping through days and the Reports screen: the dashboard's reading of history.
extension Dashboard {
    /// Keys that would change the store: on another day they answer in the status bar instead.
    static let writes: Set<ActionID> = [.actions, .newVisitor, .checkIn, .checkOut, .bookRoom, .issueStock, .receiveStock, .approve, .reject]

    var calendar: Calendar { model.context.env.calendar }

    /// The start of the day shown (today's when live).
    var shownDay: Date { model.viewedDay ?? calendar.startOfDay(for: model.now) }

    /// "Tue 2025-03-12 is read-only: Check in works on today only. Press t for today."
    mutating func refuseOnOtherDay(_ action: ActionID) -> Effect {
        let day = ReportWords.day(shownDay, calendar, strings)
        message = (strings[ReportWords.readOnly(day, action: strings.actionLabel(action), today: keymap.keyName(.today))], .warning)
        return .redraw
    }

    /// The day `days` after the one shown.
    mutating func stepDay(_ days: Int) {
        guard let target = calendar.date(byAdding: .day, value: days, to: shownDay) else { return }
        showDay(target)
    }

    /// Shows the office day holding `day` (nil or today: the live model), keeping each pane's
    /// selection where the row is still there. A day that cannot be read leaves the view as it
    /// was and says why.
    mutating func showDay(_ day: Date?) {
        guard let history else {
            message = (strings[ReportWords.noHistory], .warning)
            return
        }
        let today = calendar.startOfDay(for: model.readAt)
        do {
            if let day, calendar.startOfDay(for: day) != today {
                replaceModel(try history.day(day))
            } else {
                replaceModel(history.today())
            }
        } catch {
            message = ("\(error)", .error)
        }
    }

    /// Opens the Reports screen on the month of the day shown, at the report of the focused pane.
    mutating func openReports() {
        let kind: ReportKind = switch focused {
        case .meetings: .meetings
        case .visitors: .visitors
        case .stock: .supplies
        case .approvals, .documents, .archives, .assets, .parcels, .people: .approvals   // the other pages' desks have no monthly report yet
        }
        var view = ReportsView(kind: kind, month: calendar.dateInterval(of: .month, for: shownDay)?.start ?? shownDay)
        load(&view)
        mode = .reports(view)
    }

    /// Reads the view's report (or takes it from those read while the screen is open).
    func load(_ view: inout ReportsView) {
        let period = ReportPeriod.month(view.month, calendar: calendar)
        let key = "\(view.kind.rawValue) \(period.label)"
        view.scroll = 0
        if let known = view.read[key] { view.report = known; view.problem = nil; return }
        guard let history else { view.report = nil; view.problem = strings[ReportWords.noHistory]; return }
        do {
            let report = try history.report(view.kind, period)
            view.read[key] = report
            view.report = report
            view.problem = nil
        } catch {
            view.report = nil
            view.problem = "\(strings[ReportWords.couldNotRead]) (\(period.label)): \(error)"
        }
    }

    /// The Reports screen's keys: its own scope first (months, next/previous report), then the
    /// global keys it shares (scrolling, 1–4 for a report, and Esc, q, R or ? to close).
    mutating func handleReports(_ key: Key, _ view: inout ReportsView) -> Effect {
        let order = ReportWords.order
        let at = order.firstIndex(of: view.kind) ?? 0
        switch keymap.action(for: key, in: .reports) {
        case .reportPreviousMonth?, .reportNextMonth?:
            let step = keymap.action(for: key, in: .reports) == .reportNextMonth ? 1 : -1
            guard let month = calendar.date(byAdding: .month, value: step, to: view.month) else { return .none }
            view.month = month
            load(&view)
        case .reportNext?: view.kind = order[(at + 1) % order.count]; load(&view)
        case .reportPrevious?: view.kind = order[(at + order.count - 1) % order.count]; load(&view)
        default:
            switch keymap.action(for: key) {
            case .up?: view.scroll = max(0, view.scroll - 1)
            case .down?: view.scroll += 1
            case .pageUp?: view.scroll = max(0, view.scroll - 10)
            case .pageDown?: view.scroll += 10
            case .top?: view.scroll = 0
            case .bottom?: view.scroll = Int.max / 2
            case .pane1?: view.kind = order[0]; load(&view)
            case .pane2?: view.kind = order[1]; load(&view)
            case .pane3?: view.kind = order[2]; load(&view)
            case .pane4?: view.kind = order[3]; load(&view)
            case .refresh?: mode = .reports(view); return .repaint
            case .reports?:
                mode = .normal
                return .redraw
            default:
                guard closes(key) else { return .none }
                mode = .normal
                return .redraw
            }
        }
        mode = .reports(view)
        return .redraw
    }
}
