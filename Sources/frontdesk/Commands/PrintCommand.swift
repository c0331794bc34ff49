import ArgumentParser
import Foundation
import FrontDeskKit
import FrontDeskTUI

/// The dashboard as plain text on stdout: for a wall display, a mail to the office manager,
/// scripts, and to time start-up without a terminal.
struct PrintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "print", abstract: "Print the dashboard as text (no terminal needed).")
    @OptionGroup var storeOptions: StoreOptions
    @Option var width: Int = 120
    @Option var height: Int = 40
    @Option(help: "The pane to focus: meetings, visitors, stock, approvals.") var pane: String = "meetings"
    @Flag(help: "Only the focused pane, full screen.") var zoom = false

    func validate() throws {
        guard (1...1000).contains(width), (1...1000).contains(height) else { throw ValidationError("--width and --height must be 1 to 1000.") }
        guard Self.pane(pane) != nil else { throw ValidationError("--pane must be meetings, visitors, stock or approvals.") }
    }

    static func pane(_ name: String) -> PaneID? {
        ["meetings": .meetings, "visitors": .visitors, "stock": .stock, "approvals": .approvals][name.lowercased()]
    }

    func run() throws {
        let store = try storeOptions.open()
        var dash = Dashboard(model: DashboardModel(state: store.state, settings: store.meta.settings, env: store.env, allowOverrides: store.meta.allowOverrides),
                             strings: Strings(UILanguage.fromEnvironment()), storeLabel: store.root)
        dash.focused = Self.pane(pane) ?? .meetings
        dash.zoomed = zoom
        print(dash.render(width: width, height: height).text)
    }
}
