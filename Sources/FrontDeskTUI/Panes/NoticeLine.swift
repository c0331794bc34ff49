import Foundation
import FrontDeskKit

/// The notices waiting for the user's acknowledgement, as one line of the home page's status bar
/// ("Notice: Fire drill Friday 15:00 (2 more)" / "通知：周五消防演习（另 2 条）"). The home page has
/// no free line under its panes at 80×24, so the notice takes the status bar's room for key hints.
enum NoticeLine {
    /// The line for `user` at `now`, or nil when no shown notice waits for them.
    static func text(state: OfficeState, user: String, now: Date, strings: Strings) -> String? {
        let waiting = NoticeBoard(state: state, user: user, now: now).rows.filter { $0.flags.contains(.ackDue) }
        guard let first = waiting.first else { return nil }
        let more = waiting.count - 1
        let tail = more > 0 ? strings[Localized(" (\(more) more)", "（另 \(more) 条）")] : ""
        return strings[Localized("Notice: ", "通知：")] + first.notice.title + tail
    }
}
