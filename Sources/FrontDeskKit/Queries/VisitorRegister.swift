import Foundation

/// The visitor register of a day, a week or a month, as an office keeps it on paper: per visit,
/// who came (and with whom), their company, the host, the purpose, when they were expected,
/// arrived, were let in and left, how long they waited for the host, the badges issued and what
/// became of each, and how the visit ended. A pure function of the visits read for the period,
/// the people (names and departments) and the badge pool.
public struct VisitorRegister: Sendable, Equatable {
    /// What became of one badge issued for a visit.
    public enum BadgeFate: String, Sendable, Equatable, CaseIterable {
        /// Handed back (at check-out or later).
        case returned
        /// Recorded lost at check-out.
        case lost
        /// Taken away when the visitor left; still out.
        case kept
        /// With a visitor still on site.
        case out
    }

    /// How a visit ended, or where it stands.
    public enum VisitOutcome: String, Sendable, Equatable, CaseIterable {
        case expected, waiting, stillIn, leftWithBadge, left, cancelled, noShow, neverCame

        /// The register's words.
        public var words: String {
            switch self {
            case .expected: "expected"
            case .waiting: "waiting in the lobby"
            case .stillIn: "still in"
            case .leftWithBadge: "left, badge not back"
            case .left: "left"
            case .cancelled: "cancelled"
            case .noShow: "no-show"
            case .neverCame: "never came (not recorded)"
            }
        }
    }

    public struct Entry: Sendable, Equatable {
        public var visitor: Visitor
        public var hostName: String
        /// The host's department, when the host is a known person with one.
        public var hostDepartment: String?
        /// Minutes from arrival in the lobby to check-in (the host came, the badge was issued).
        public var waitMinutes: Double?
        /// Each badge issued, in issue order, with what became of it.
        public var badges: [(code: String, fate: BadgeFate)]
        public var outcome: VisitOutcome

        public static func == (a: Entry, b: Entry) -> Bool {
            a.visitor == b.visitor && a.hostName == b.hostName && a.hostDepartment == b.hostDepartment && a.waitMinutes == b.waitMinutes
                && a.badges.map(\.code) == b.badges.map(\.code) && a.badges.map(\.fate) == b.badges.map(\.fate) && a.outcome == b.outcome
        }
    }

    /// The register's totals, each a count over `entries`.
    public struct Totals: Sendable, Equatable {
        public var visits = 0
        /// Heads: a group of 3 counts 3.
        public var people = 0
        /// Visits that reached the lobby.
        public var arrived = 0
        public var noShows = 0
        public var cancelled = 0
        public var stillIn = 0
        public var badgesIssued = 0
        public var badgesReturned = 0
        public var badgesLost = 0
        public var badgesKept = 0
        /// Mean of the waits recorded, in minutes; nil when none was.
        public var averageWaitMinutes: Double?
        public var longestWaitMinutes: Double?
    }

    public var period: ReportPeriod
    /// In order of the expected time, then id.
    public var entries: [Entry]
    public var totals: Totals

    /// The register of the visits expected in `period`. A badge is lost when the pool records it
    /// lost with this visitor (a lost badge is never issued again, so the pool keeps that for
    /// good); kept when it is still out after the visitor left; otherwise it came back. A visit
    /// still expected after its day ended never came, though nobody recorded the no-show.
    public init(visitors: [Visitor], people: [String: Person], badges pool: [String: Badge], period: ReportPeriod,
                now: Date, calendar cal: Calendar) {
        self.period = period
        let today = cal.startOfDay(for: now)
        entries = visitors.filter { period.contains($0.expectedAt) }.sorted { ($0.expectedAt, $0.id) < ($1.expectedAt, $1.id) }.map { v in
            let fates = v.badges.map { code -> (code: String, fate: BadgeFate) in
                if v.badgesOut.contains(code) { return (code, v.status == .onSite || v.status == .arrived ? .out : .kept) }
                if let b = pool[code], b.state == .lost, b.visitorID == v.id { return (code, .lost) }
                return (code, .returned)
            }
            var wait: Double?
            if let a = v.arrivedAt, let c = v.checkedInAt, c >= a { wait = c.timeIntervalSince(a) / 60 }
            let outcome: VisitOutcome = switch v.status {
            case .expected, .confirmed: v.expectedAt < today ? .neverCame : .expected
            case .arrived: .waiting
            case .onSite: .stillIn
            case .left: .leftWithBadge
            case .closed: .left
            case .cancelled: .cancelled
            case .noShow: .noShow
            }
            return Entry(visitor: v, hostName: people[v.host]?.name ?? v.host, hostDepartment: people[v.host]?.department,
                         waitMinutes: wait, badges: fates, outcome: outcome)
        }
        var t = Totals()
        var waits: [Double] = []
        for e in entries {
            t.visits += 1
            t.people += e.visitor.headCount
            if e.visitor.arrivedAt != nil { t.arrived += 1 }
            if e.outcome == .noShow { t.noShows += 1 }
            if e.outcome == .cancelled { t.cancelled += 1 }
            if e.outcome == .stillIn { t.stillIn += 1 }
            t.badgesIssued += e.badges.count
            t.badgesReturned += e.badges.filter { $0.fate == .returned }.count
            t.badgesLost += e.badges.filter { $0.fate == .lost }.count
            t.badgesKept += e.badges.filter { $0.fate == .kept }.count
            if let w = e.waitMinutes { waits.append(w) }
        }
        t.averageWaitMinutes = waits.isEmpty ? nil : waits.reduce(0, +) / Double(waits.count)
        t.longestWaitMinutes = waits.max()
        totals = t
    }
}

extension ReportPeriod {
    /// The office week (Monday first, as the office calendar counts) holding `day`.
    public static func week(of day: Date, calendar cal: Calendar) -> ReportPeriod {
        var c = cal
        c.firstWeekday = 2
        let start = c.dateInterval(of: .weekOfYear, for: day)?.start ?? cal.startOfDay(for: day)
        let last = cal.date(byAdding: .day, value: 6, to: start) ?? start
        var p = ReportPeriod.days(start, through: last, calendar: cal)
        p.label = "week of \(Clock.day(start, cal.timeZone)) – \(Clock.day(last, cal.timeZone))"
        return p
    }

    /// The one office day holding `day`.
    public static func day(_ day: Date, calendar cal: Calendar) -> ReportPeriod {
        var p = ReportPeriod.days(day, through: day, calendar: cal)
        p.label = Clock.day(p.start, cal.timeZone)
        return p
    }
}
