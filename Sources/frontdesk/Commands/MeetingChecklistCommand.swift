import ArgumentParser
import Foundation
import FrontDeskKit

/// `frontdesk meeting check ID [ITEM…]`: tick preparation items (materials, notified, room, or a
/// piece of equipment the meeting needs); without items, print what is still unchecked.
struct MeetingChecklist: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Tick preparation items: materials, notified, and each piece of equipment tested (on the day).",
        discussion: "Without ITEM, prints the items still unchecked. Ticking the last item records the room as checked.")
    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "Meeting id.", completion: Completions.meetingIDs) var id: String
    @Argument(help: "materials | notified | room | an equipment name (projector, video…).") var items: [String] = []

    func run(store: Store) throws -> Reply {
        guard let m = store.state.meetings[id] else { throw Refusal.invalid("No meeting \(id) today or open (frontdesk meeting list).", zh: "今天或未结束的会议中没有 \(id)（frontdesk meeting list）。") }
        if items.isEmpty {
            let open = m.uncheckedItems
            print(open.isEmpty ? "nothing left to check" : open.joined(separator: "\n"))
            return .done
        }
        let rec = try store.commit { _, ctx in
            .checkPreparation(meetingID: id, items: items.map { $0.lowercased() }, by: ctx.actor, at: ctx.now)
        }
        return .committed(rec, in: store)
    }
}
