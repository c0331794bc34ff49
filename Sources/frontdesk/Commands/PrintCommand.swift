import ArgumentParser
import Foundation
import FrontDeskKit
import FrontDeskTUI

/// The dashboard as plain text on stdout: for a wall display, a mail to the office manager,
/// scripts, and to time start-up without a terminal.
struct PrintCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "print", _superCommandName: "frontdesk", abstract: "Print the dashboard as text (no terminal needed).")
    @OptionGroup var storeOptions: StoreOptions
    @Option var width: Int = 120
    @Option var height: Int = 40
    @Option(help: "The pane to focus.") var pane: PaneName = .meetings
    @Flag(help: "Only the focused pane, full screen.") var zoom = false

    func validate() throws {
        guard (1...1000).contains(width), (1...1000).contains(height) else { throw ValidationError("--width and --height must be 1 to 1000.") }
    }

    func run(store: Store) throws -> Reply {
        var dash = Dashboard(model: DashboardModel(state: store.state, settings: store.meta.settings, env: store.env, allowOverrides: store.meta.allowOverrides),
                             strings: Strings(UILanguage.fromEnvironment()), storeLabel: store.root)
        dash.focused = pane.pane
        dash.zoomed = zoom
        print(dash.render(width: width, height: height).text)
        return .done
    }
}
