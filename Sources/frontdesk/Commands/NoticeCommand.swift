import ArgumentParser
import Foundation
import FrontDeskKit
import FrontDeskTUI

/// `frontdesk notice …`: company notices passed on to staff, their acknowledgements and feedback.
struct NoticeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notice", _superCommandName: "frontdesk", abstract: "Company notices: post, list, show who has not read one, acknowledge, feedback, end.",
        subcommands: [Post.self, List.self, Show.self, Ack.self, Feedback.self, End.self])

    struct Post: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "post", abstract: "Post a notice for everyone or some departments until a day or time; prints its id.",
            discussion: "A day alone (--until 2026-12-15) shows the notice through that whole day; a time (--until \"2026-12-15 12:00\") until that minute. At the end it is no longer shown.")
        @OptionGroup var storeOptions: StoreOptions
        @Option var title: String
        @Option(help: "The notice's text.") var text: String = ""
        @Option(help: "A file holding the notice's text (UTF-8).") var file: String?
        @Option(name: .customLong("to"), help: "A department the notice is for; repeatable. Leave out for everyone.") var departments: [String] = []
        @Option(help: "Shown until this day (through its end) or time.") var until: String

        func validate() throws {
            if file != nil && !text.isEmpty { throw ValidationError("Give the text with --text or --file, not both.") }
        }

        func run(store: Store) throws -> Reply {
            let body = try file.map { try Parse.textFile($0) } ?? text
            let end = try Parse.deadline(until, store.env, "--until", dayEndsAt: nil)
            let rec = try store.commit { s, ctx in s.noticePost(title: title, body: body, departments: departments, until: end, ctx) }
            return .committed(rec, in: store, created: rec.change.subject)
        }
    }

    struct List: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "The notices shown now, newest first; --all adds the ended ones the working set holds.",
            discussion: "--date or --from/--to: the notices shown at any time in those days, ended ones from history included, however long before them they were posted (history is read from every month whose notices were shown in those days).")
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var days: DaysOption
        @Flag(help: "Ended notices too.") var all = false
        @Flag(help: "Only notices for you that you have not acknowledged.") var unread = false
        @OptionGroup var output: ListOutput

        func run(store: Store) throws -> Reply {
            let env = store.env, tz = env.timeZone, now = env.now(), user = env.actingUser
            var source = store.state, every = all
            if days.date != nil || days.isRange {
                let period = try days.period(env)
                let shown = try store.noticesShown(from: period.start, to: period.end)
                source = shown.state
                source.notices = Dictionary(shown.notices.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
                every = true
            }
            let rows = NoticeBoard(state: source, user: user, now: now, all: every).rows.filter { !unread || $0.flags.contains(.ackDue) }
            return try .list(rows, format: output.resolved, ["ID", "TITLE", "FOR", "POSTED BY", "UNTIL", "READ", "STATUS", "FLAGS"], object: { r in
                NoticeCommand.object(r.notice, r, source, now: now)
            }, cells: { r in
                [r.notice.id, r.notice.title, r.notice.audience.isEmpty ? "everyone" : r.notice.audience.joined(separator: ","), r.posterName,
                 Clock.dayHM(r.notice.shownUntil, tz), "\(r.audienceCount - r.pending.count)/\(r.audienceCount)",
                 r.notice.isShown(at: now) ? "shown" : "ended", r.flags.map(\.rawValue).joined(separator: ",")]
            })
        }
    }

    /// The one JSON object of a notice, for `list` and `show`.
    static func object(_ n: Notice, _ r: NoticeRow?, _ s: OfficeState, now: Date) -> [String: Any] {
        let pending = r?.pending ?? s.pendingAcknowledgements(n)
        return ["id": n.id, "title": n.title, "text": n.body, "postedBy": n.postedBy, "postedAt": Output.iso(n.postedAt),
                "audience": n.audience, "endsAt": Output.iso(n.endsAt), "endedAt": Output.iso(n.endedAt),
                "status": n.isShown(at: now) ? "shown" : (now < n.postedAt ? "scheduled" : "ended"),
                "acknowledged": n.acknowledgements.map(\.by), "pending": pending,
                "feedbackCount": n.feedback.count, "flags": (r?.flags ?? []).map(\.rawValue)]
    }

    struct Show: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "One notice: its text, who acknowledged it, who has not yet, and the feedback.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument var id: String
        @Flag(help: .json) var json = false

        func run(store: Store) throws -> Reply {
            // An ended notice may live in a month segment: found by id wherever it lives.
            let found = try store.notice(id: id)
            let s: OfficeState = store.state(adding: PaperTrailRecords(notices: found.map { [$0] } ?? []))
            let tz = store.env.timeZone, now = store.env.now()
            guard let n = found else { throw Refusal.invalid("No notice \(id) (frontdesk notice list --all).", zh: "没有通知 \(id)（frontdesk notice list --all）。") }
            let row = NoticeBoard(state: s, user: store.env.actingUser, now: now, all: true).rows.first { $0.notice.id == id }
            if json {
                var o = NoticeCommand.object(n, row, s, now: now)
                o["acknowledgements"] = n.acknowledgements.map { ["by": $0.by, "at": Output.iso($0.at), "recordedBy": $0.recordedBy ?? NSNull()] as [String: Any] }
                o["feedback"] = n.feedback.map { ["by": $0.by, "at": Output.iso($0.at), "text": $0.text] as [String: Any] }
                return try .json([o])
            }
            let pending = s.pendingAcknowledgements(n)
            let rows: [(String, String)] = [
                ("id", n.id), ("title", n.title), ("for", n.audience.isEmpty ? "everyone" : n.audience.joined(separator: ", ")),
                ("posted", "\(Clock.dayHM(n.postedAt, tz)) by \(s.displayName(n.postedBy))"),
                ("until", Clock.dayHM(n.endsAt, tz) + (n.endedAt.map { " (ended \(Clock.dayHM($0, tz)))" } ?? "")),
                ("status", n.isShown(at: now) ? "shown" : "ended"),
                ("read", "\(n.acknowledgements.count) acknowledged, \(pending.count) not yet"),
            ]
            Output.table(["FIELD", "VALUE"], rows.map { [$0.0, $0.1] })
            if !n.body.isEmpty { print(""); print(TerminalText.sanitize(n.body)) }
            if !pending.isEmpty {
                print("")
                Output.table(["NOT YET ACKNOWLEDGED", "DEPARTMENT"], pending.map { [s.displayName($0) == $0 ? $0 : "\(s.displayName($0)) (\($0))", s.people[$0]?.department ?? ""] })
            }
            if !n.acknowledgements.isEmpty {
                print("")
                Output.table(["ACKNOWLEDGED", "WHEN", "RECORDED BY"], n.acknowledgements.map { [s.displayName($0.by), Clock.dayHM($0.at, tz), $0.recordedBy.map(s.displayName) ?? ""] })
            }
            if !n.feedback.isEmpty {
                print("")
                Output.table(["FEEDBACK FROM", "WHEN", "TEXT"], n.feedback.map { [s.displayName($0.by), Clock.dayHM($0.at, tz), $0.text] })
            }
            return .done
        }
    }

    struct Ack: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "ack", abstract: "Acknowledge a notice (you read it); the desk may record it for someone with --for.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument var id: String
        @Option(name: .customLong("for"), help: "The login of the person who acknowledged it (desk role).") var person: String?

        func run(store: Store) throws -> Reply {
            let rec = try store.commit { s, ctx in s.noticeAcknowledgement(id, for: person, ctx) }
            return .committed(rec, in: store)
        }
    }

    struct Feedback: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "feedback", abstract: "Leave feedback on a notice for its poster.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument var id: String
        @Option(help: "What you want the poster to know.") var text: String
        @Option(name: .customLong("for"), help: "The login of the person whose feedback the desk writes down (desk role).") var person: String?

        func run(store: Store) throws -> Reply {
            let rec = try store.commit { s, ctx in s.noticeFeedback(id, text: text, for: person, ctx) }
            return .committed(rec, in: store)
        }
    }

    struct End: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "end", abstract: "End a notice now, before its end date (its poster, a lead or an admin).")
        @OptionGroup var storeOptions: StoreOptions
        @Argument var id: String

        func run(store: Store) throws -> Reply {
            let rec = try store.commit { _, ctx in .endNotice(noticeID: id, at: ctx.now) }
            return .committed(rec, in: store)
        }
    }
}

extension Parse {
    /// An end or due time: a moment as `Parse.dateTime` reads it, or a day alone, which means
    /// `dayEndsAt` o'clock that day (nil: the end of the day, i.e. the next day's start).
    static func deadline(_ s: String, _ env: Environment, _ what: String, dayEndsAt hour: Int?) throws -> Date {
        guard let end = DateInput.deadline(s, now: env.now(), calendar: env.calendar, dayEndsAt: hour) else {
            throw UsageError("\(what) must be a day (\(DateInput.dayForms)) or a time (\(DateInput.momentForms)); got \"\(s)\".")
        }
        return end
    }
}
