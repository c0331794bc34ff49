import ArgumentParser
import Foundation
import FrontDeskInterchange
import FrontDeskKit

/// `frontdesk meeting notice ID`: the notice to paste or mail (or, with `--ics`, the invitation).
struct MeetingNotice: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notice", abstract: "Print a meeting's notice (time, place, goal, agenda, what to bring, how to reply) to paste or mail.",
        discussion: """
        --ics prints an iCalendar invitation (METHOD:REQUEST) instead, for a mail client: frontdesk meeting notice M1 --ics > invite.ics
        The text comes from the template meeting-notice.LANG.mustache (frontdesk template list).
        """)
    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "Meeting id.", completion: Completions.meetingIDs) var id: String
    @Option(help: "en or zh (default: your language).") var lang: Language?
    @Option(help: "An agenda item, repeatable, in order.") var agenda: [String] = []
    @Option(help: "Something attendees should bring, repeatable.") var bring: [String] = []
    @Flag(help: "An iCalendar (.ics) invitation instead of text.") var ics = false

    func run() throws {
        let store = try storeOptions.open()
        let m = try MeetingForm.meeting(id, in: store)
        let lang = TemplateCommand.language(lang?.rawValue)
        let values = MeetingForms.values(m, in: store.state, input: MeetingFormInput(agenda: agenda, bring: bring), language: lang,
                                         now: store.env.now(), timeZone: store.env.timeZone)
        let text = try TemplateCommand.render(.meetingNotice, lang, values)
        guard ics else { return TemplateCommand.printText(text) }
        // The export's UID for this meeting, so a client updates one entry whether it got the invitation or an export.
        let uid = MeetingCalendarExport(state: store.state, zone: store.env.timeZone,
                                        storeTag: MeetingCalendarExport.storeTag(createdAt: store.meta.createdAt, createdBy: store.meta.createdBy)).uid(m.id)
        TemplateCommand.writeRaw(Invitation.ics(m, in: store.state, uid: uid, description: text, now: store.env.now()))
    }
}

/// `frontdesk meeting minutes-template ID`: the skeleton the minute-taker fills in and gives back.
struct MeetingMinutesTemplate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "minutes-template", abstract: "Print a minutes skeleton for a meeting, to fill in and record with meeting minutes ID --from-file FILE.",
        discussion: "Each line \"- [ ] owner | due YYYY-MM-DD | what is to be done\" becomes a tracked action item when the file is read back.")
    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "Meeting id.", completion: Completions.meetingIDs) var id: String
    @Option(help: "en or zh (default: your language).") var lang: Language?
    @Option(help: "An agenda item, repeatable, in order.") var agenda: [String] = []

    func run() throws {
        let store = try storeOptions.open()
        let m = try MeetingForm.meeting(id, in: store)
        let lang = TemplateCommand.language(lang?.rawValue)
        let values = MeetingForms.values(m, in: store.state, input: MeetingFormInput(agenda: agenda), language: lang,
                                         now: store.env.now(), timeZone: store.env.timeZone)
        TemplateCommand.printText(try TemplateCommand.render(.minutes, lang, values))
    }
}

enum MeetingForm {
    /// The meeting with `id`, from the working set or history; exit 2 when there is none.
    static func meeting(_ id: String, in store: Store) throws -> Meeting {
        guard let m = try store.meeting(id: id) else {
            throw Refusal.invalid("No meeting \(id) (frontdesk meeting list --date DAY).", zh: "没有会议 \(id)（frontdesk meeting list --date 日期）。")
        }
        return m
    }
}

/// `frontdesk purchase compare ID`: the price-comparison sheet of a purchase request.
struct PurchaseCompare: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, csv }
    static let configuration = CommandConfiguration(
        commandName: "compare", abstract: "Print a purchase request's price-comparison sheet: every quote, the choice and why; warns under 3 quotes.",
        discussion: "--format csv writes a spreadsheet (UTF-8 with BOM): frontdesk purchase compare P1 --format csv > P1.csv")
    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "Purchase request id.") var id: String
    @Option(help: "en or zh (default: your language).") var lang: Language?
    @Option(help: "text or csv.") var format: Format = .text

    func run() throws {
        let store = try storeOptions.open()
        guard let p = store.state.purchases[id] else {
            throw Refusal.invalid("No purchase request \(id) (frontdesk purchase list).", zh: "没有采购申请 \(id)（frontdesk purchase list）。")
        }
        let lang = TemplateCommand.language(lang?.rawValue)
        switch format {
        case .csv:
            TemplateCommand.writeRaw(PriceComparison.csv(p, in: store.state, language: lang))
        case .text:
            let values = PriceComparison.values(p, in: store.state, language: lang, timeZone: store.env.timeZone)
            TemplateCommand.printText(try TemplateCommand.render(.priceComparison, lang, values))
        }
        if p.quotes.count < PriceComparison.minimumQuotes {
            Outcome.say("frontdesk: " + (lang == "zh" ? "注意：\(id) 只有 \(p.quotes.count) 份报价，少于 \(PriceComparison.minimumQuotes) 份。"
                                                     : "warning: \(id) has only \(p.quotes.count) quote(s), fewer than \(PriceComparison.minimumQuotes)."))
        }
    }
}
