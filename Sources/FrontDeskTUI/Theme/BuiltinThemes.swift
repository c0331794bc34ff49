/// The shipped themes, compiled in: a copied binary without the `themes/` folder still has its
/// colours. A file of the same name (user folder, `$FRONTDESK_THEMES`, `themes/` beside the
/// binary) takes precedence; `BuiltinThemeTests` keeps these texts equal to `themes/*.theme`.
enum BuiltinThemes {
    static let texts: [String: String] = [
        "default": """
        # default dark theme — for terminals with a dark background.
        #
        # Format: one "role = style" per line; "#" starts a comment; blank lines are ignored.
        #   style  = [attributes] [foreground] [on background] [| monochrome attributes]
        #   attributes: bold dim reverse underline
        #   colours:    default black red green yellow blue magenta cyan white,
        #               bright-<colour> (e.g. bright-red), gray, or a number 0–255 (xterm 256 colours)
        #   After "|": attributes used when the terminal has no colour or NO_COLOR is set.
        #   Without "|": the style's attributes, plus reverse if it sets a background.
        # On 8/16-colour terminals numbers map to the nearest basic colour.
        # Roles left out look like "normal".
        # Roles: normal title border header selected focusTitle focusBorder due overdue ok dim accent
        #        selectedInactive gauge gaugeLow statusBar statusKey tabActive tabInactive error warning input nowMarker
        #        chartBar chartPeak heat1 heat2 heat3 heat4 pastDay

        name        = default

        normal      = default on default
        title       = cyan
        border      = 244                              | dim
        header      = bold 250                         | bold underline
        selected    = black on cyan                    | reverse
        selectedInactive = 250 on 238 | underline
        focusTitle  = bold bright-cyan                 | bold reverse
        focusBorder = cyan                             | bold
        due         = bold yellow                      | bold
        overdue     = bold white on red                | bold reverse
        ok          = green
        dim         = 244                              | dim
        accent      = bright-white                     | bold
        gauge       = 34 on default
        gaugeLow    = 208                              | bold underline
        statusBar   = 252 on 236                       | reverse
        statusKey   = bold bright-yellow on 236        | bold reverse
        tabActive   = bold black on cyan               | bold reverse
        tabInactive = 250 on 236                       |
        error       = bold bright-red                  | bold underline
        warning     = yellow                           | underline
        input       = underline                        | underline
        nowMarker   = bold bright-magenta              | bold

        # Charts on the Reports screen, and the status bar while another day is shown.
        chartBar    = 39                               |
        chartPeak   = bold 45                          | bold
        heat1       = 24                               | dim
        heat2       = 31                               |
        heat3       = 38                               | bold
        heat4       = bold 51                          | bold
        pastDay     = bold black on yellow             | bold reverse
        """,
        "light": """
        # light theme — for terminals with a white or light background.
        # Format: see default.theme.
        name        = light

        normal      = default on default
        title       = blue
        border      = 245                              | dim
        header      = bold 238                         | bold underline
        selected    = white on blue                    | reverse
        selectedInactive = 236 on 253 | underline
        focusTitle  = bold 19                          | bold reverse
        focusBorder = blue                             | bold
        due         = bold 130                         | bold
        overdue     = bold white on red                | bold reverse
        ok          = 28
        dim         = 245                              | dim
        accent      = bold black                       | bold
        gauge       = 28 on default
        gaugeLow    = bold 160                         | bold underline
        statusBar   = 235 on 252                       | reverse
        statusKey   = bold 19 on 252                   | bold reverse
        tabActive   = bold white on blue               | bold reverse
        tabInactive = 238 on 252                       |
        error       = bold red                         | bold underline
        warning     = 130                              | underline
        input       = underline                        | underline
        nowMarker   = bold magenta                     | bold

        # Charts on the Reports screen, and the status bar while another day is shown.
        chartBar    = 25                               |
        chartPeak   = bold 19                          | bold
        heat1       = 153                              | dim
        heat2       = 110                              |
        heat3       = 67                               | bold
        heat4       = bold 24                          | bold
        pastDay     = bold black on 222                | bold reverse
        """,
        "high-contrast": """
        # high-contrast theme — only the 16 ANSI colours, bold text, strong backgrounds.
        # For low vision and washed-out projectors. Format: see default.theme.
        name        = high-contrast

        normal      = bright-white on black             |
        title       = bold bright-yellow on black       | bold
        border      = bright-white on black             |
        header      = bold underline bright-white on black | bold underline
        selected    = bold black on bright-yellow       | bold reverse
        selectedInactive = bright-white on blue | underline
        focusTitle  = bold black on bright-cyan         | bold reverse
        focusBorder = bold bright-cyan on black         | bold
        due         = bold black on yellow              | bold reverse
        overdue     = bold bright-white on red          | bold reverse underline
        ok          = bold bright-green on black        | bold
        dim         = white on black                    | dim
        accent      = bold bright-white on black        | bold
        gauge       = bold bright-green on black        | bold
        gaugeLow    = bold bright-white on red          | bold reverse
        statusBar   = bold black on white               | reverse
        statusKey   = bold black on bright-yellow       | bold reverse
        tabActive   = bold black on bright-cyan         | bold reverse
        tabInactive = bright-white on black             |
        error       = bold bright-white on red          | bold reverse
        warning     = bold black on yellow              | bold underline
        input       = underline bright-white on black   | underline
        nowMarker   = bold bright-magenta on black      | bold

        # Charts on the Reports screen, and the status bar while another day is shown.
        chartBar    = bright-cyan on black              |
        chartPeak   = bold bright-white on black        | bold
        heat1       = blue on black                     | dim
        heat2       = cyan on black                     |
        heat3       = bright-cyan on black              | bold
        heat4       = bold bright-white on black        | bold
        pastDay     = bold black on bright-yellow       | bold reverse
        """,
        "monochrome": """
        # monochrome theme — no colours at all, only attributes; the same on every terminal.
        # Also what every theme falls back to (via its "|" attributes) under NO_COLOR.
        # Format: see default.theme.
        name        = monochrome

        normal      = default
        title       = bold
        border      = dim
        header      = bold underline
        selected    = reverse
        selectedInactive = underline
        focusTitle  = bold reverse
        focusBorder = bold
        due         = bold
        overdue     = bold reverse
        ok          = default
        dim         = dim
        accent      = bold
        gauge       = default
        gaugeLow    = bold underline
        statusBar   = reverse
        statusKey   = bold reverse
        tabActive   = bold reverse
        tabInactive = default
        error       = bold underline
        warning     = underline
        input       = underline
        nowMarker   = bold

        # Charts on the Reports screen, and the status bar while another day is shown.
        chartBar    = default
        chartPeak   = bold
        heat1       = dim
        heat2       = default
        heat3       = bold
        heat4       = bold
        pastDay     = bold reverse
        """,
    ]
}

/// The names of the compiled-in themes, for `frontdesk paths`.
public enum BuiltinThemeNames {
    public static var all: [String] { BuiltinThemes.texts.keys.sorted() }
}
