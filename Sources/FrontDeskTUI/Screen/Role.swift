/// What a piece of the screen is, for colouring. Themes map each role to a style; panes only
/// ever name roles, never colours.
public enum Role: String, CaseIterable, Sendable, Hashable {
    /// Plain text; also the fallback for every role a theme leaves out.
    case normal
    /// Pane titles of unfocused panes.
    case title
    /// Box lines of unfocused panes.
    case border
    /// Column headers inside a pane.
    case header
    /// The selected row of the focused pane.
    case selected
    /// The selected row of a pane without focus (kept visible, quieter).
    case selectedInactive
    /// The title of the focused pane.
    case focusTitle
    /// Box lines of the focused pane.
    case focusBorder
    /// Something due soon (a meeting starting, minutes due).
    case due
    /// Something late (overdue visitor badge, minutes past 48 h).
    case overdue
    /// Done / in order.
    case ok
    /// Secondary text: past meetings, hints.
    case dim
    /// Emphasis inside normal text (names, counts).
    case accent
    /// Stock level bar above the reorder point.
    case gauge
    /// Stock level bar at or below the reorder point.
    case gaugeLow
    /// The bottom status row.
    case statusBar
    /// A key name inside the status bar ("q", "?").
    case statusKey
    /// The active tab in the tab bar.
    case tabActive
    /// Other tabs in the tab bar.
    case tabInactive
    /// Error messages (refused changes, bad input).
    case error
    /// Warnings that need attention but are not errors.
    case warning
    /// Text input fields in forms and the filter line.
    case input
    /// The "now" line in the meetings timeline.
    case nowMarker
    /// A bar of a chart on the Reports screen.
    case chartBar
    /// The highest point of a trend line.
    case chartPeak
    /// Heat-map shades, least to most (░ ▒ ▓ █): the shade carries the value, the colour helps.
    case heat1, heat2, heat3, heat4
    /// The status bar's notice while another day than today is shown (read-only).
    case pastDay
}
