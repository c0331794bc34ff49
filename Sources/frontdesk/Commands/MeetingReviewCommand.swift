import ArgumentParser
import Foundation
import FrontDeskKit

/// `frontdesk meeting review ID`: the chair (or an admin) reviewed the drafted minutes; the record
/// names them. Minutes are sent only after this (`frontdesk meeting send ID`).
struct MeetingReview: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "review", abstract: "The chair (or an admin) reviewed the drafted minutes; they may be sent after this.")
    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "Meeting id.") var id: String

    func run() throws {
        let store = try storeOptions.open()
        try store.commit { s, ctx in
            guard s.meetings[id] != nil else { throw Refusal.invalid("No meeting \(id) today or open (frontdesk meeting list).") }
            return .reviewMinutes(meetingID: id, by: ctx.actor, at: ctx.now)
        }
        Outcome.say("frontdesk: minutes of \(id) reviewed by \(store.env.actingUser); send them with: frontdesk meeting send \(id)")
    }
}
