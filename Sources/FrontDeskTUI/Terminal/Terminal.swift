import CNcursesw
#if canImport(Glibc)
import Glibc
#endif

/// Why the terminal could not be started.
public enum TerminalError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Standard input or output is not a terminal (piped, or run from cron).
    case notATerminal
    /// ncurses does not know the terminal type named by `TERM`.
    case unknownTerminal(String)
    /// `TERM` is unset, empty or `dumb` (an editor's shell buffer, a serial console): it cannot
    /// move the cursor, so a full-screen dashboard would print garbage.
    case dumbTerminal(String)

    public var description: String {
        switch self {
        case .notATerminal:
            "standard input and output must be a terminal (use the CLI commands for scripts)"
        case .unknownTerminal(let term):
            "cannot use terminal type '\(term)'; try TERM=xterm-256color"
        case .dumbTerminal(let term):
            "the terminal type \(term.isEmpty ? "is not set (TERM)" : "'\(term)' cannot move the cursor"), so the dashboard cannot be drawn; "
                + "run it in a real terminal (TERM=xterm-256color, screen, tmux…), or use the commands: frontdesk print, frontdesk visitor list, …"
        }
    }
}

/// The only ncurses caller: sets the terminal up and down, reads keys, sets colour pairs and
/// copies a ``TextGrid`` to the screen. One instance per process; not thread-safe — use it from
/// one thread (the dashboard's main loop).
public final class Terminal {
    /// Whether the locale's codeset is UTF-8. When false, draw grids with `asciiOnly` set:
    /// ncurses cannot show non-ASCII text under such a locale.
    public let isUTF8: Bool
    /// Colours the terminal supports (ncurses `COLORS`), 0 without colour support.
    public let colorCount: Int
    /// Whether `--no-color` was given or the `NO_COLOR` environment variable is set to a non-empty
    /// value (https://no-color.org); pass it to ``Theme/resolved(colors:noColor:)``.
    public let noColorRequested: Bool
    /// Whether clicks and the wheel arrive as ``Key/mouse(_:)`` (asked for, and the terminal can
    /// report them). When false the terminal keeps its own selection and copy.
    public private(set) var mouseEnabled = false
    /// The descriptor the SIGTSTP/SIGCONT handlers write to: poll it with ``inputFD`` and call
    /// ``takeJobControl()`` when it is readable. -1 when the pipe could not be made.
    public let jobControlFD: Int32

    private let window: UnsafeMutablePointer<WINDOW>
    private var stopped = false
    private var defaultColors = false
    private var attrsByRole: [Role: attr_t] = [:]
    private var pairByRole: [Role: Int16] = [:]
    private var cursorVisible: Int32 = -1
    /// The grid last copied to ncurses, to copy only the cells that differ; nil after a theme
    /// change, a resize or ``invalidate()``, when every cell is copied again.
    private var shown: TextGrid?

    private init(window: UnsafeMutablePointer<WINDOW>, isUTF8: Bool, colorCount: Int, noColor: Bool, jobControlFD: Int32) {
        self.window = window
        self.jobControlFD = jobControlFD
        self.isUTF8 = isUTF8
        self.colorCount = colorCount
        self.noColorRequested = noColor
    }

    deinit { stop() }

    /// Takes over the terminal: the locale (``LocaleChoice/adopt(asciiRequested:)``), ncurses on stdin/stdout, raw mode
    /// (Ctrl-C and Ctrl-Z arrive as keys), no echo, no CR/LF translation, keypad keys decoded,
    /// a 25 ms Escape delay, colours with the terminal's default background when available.
    /// Installs SIGINT/SIGTERM/SIGHUP/SIGQUIT handlers that restore the terminal and exit with
    /// 128 + signal; SIGWINCH stays with ncurses, which turns it into ``Key/resize``. SIGTSTP
    /// (`kill -TSTP`) and SIGCONT only write to ``jobControlFD``; the loop then calls
    /// ``suspend()`` or redraws. With `mouse`, presses and the wheel are reported (see
    /// ``mouseEnabled``).
    ///
    /// - Throws: ``TerminalError`` when stdin/stdout is not a terminal or `TERM` is unusable.
    ///   Unlike `initscr`, which exits the process in that case.
    public static func start(noColor: Bool = false, mouse: Bool = false) throws(TerminalError) -> Terminal {
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        if term.isEmpty || term == "dumb" { throw .dumbTerminal(term) }
        LocaleChoice.adopt()  // setlocale(LC_ALL, ""), with the C.UTF-8 fallback for a missing UTF-8 locale
        guard isatty(0) == 1, isatty(1) == 1 else { throw .notATerminal }
        for sig in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] {
            signal(sig) { received in
                endwin()
                _exit(128 + received)
            }
        }
        guard newterm(nil, shim_stdout(), shim_stdin()) != nil, let window = shim_stdscr() else {
            let term = getenv("TERM").map { String(cString: $0) } ?? "(unset)"
            throw .unknownTerminal(term)
        }
        raw()
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(25)
        var colors = 0
        var defaultColors = false
        if has_colors() {
            start_color()
            defaultColors = use_default_colors() == OK
            colors = Int(shim_colors())
        }
        let noColorVar = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
        // After newterm: it installs its own SIGTSTP handler, which does curses work inside the handler.
        let jobFD = shim_job_control_start()
        let terminal = Terminal(window: window, isUTF8: CLocale.isUTF8, colorCount: colors, noColor: noColor || noColorVar,
                                jobControlFD: jobFD)
        terminal.defaultColors = defaultColors
        if mouse { terminal.mouseEnabled = shim_mouse_on() != 0 }
        return terminal
    }

    /// Gives the terminal back (`endwin`): cursor shown, modes restored, screen left as the
    /// shell had it. Safe to call more than once; also run on deinit.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        curs_set(1)
        endwin()
        signal(SIGTSTP, SIG_DFL)
    }

    /// What the job-control signals asked since the last call (drains ``jobControlFD``).
    public struct JobControl: Equatable, Sendable {
        /// SIGTSTP arrived (`kill -TSTP`): call ``suspend()``.
        public var stop: Bool
        /// SIGCONT arrived (after any stop, ours or `kill -STOP`): the screen may be garbled.
        public var continued: Bool
    }

    public func takeJobControl() -> JobControl {
        let seen = shim_job_control_take()
        return JobControl(stop: seen & 1 != 0, continued: seen & 2 != 0)
    }

    /// Ctrl-Z as in vim and less: gives the terminal back to the shell (`endwin`: cursor shown,
    /// modes and screen restored, mouse reporting off), stops the process group with SIGTSTP's
    /// default action, and on `fg` takes the terminal again — at its current size, which may have
    /// changed meanwhile — with the next ``draw(_:)`` repainting every cell. Without a job-control
    /// shell the stop is discarded by the kernel and this returns at once, screen repainted.
    public func suspend() {
        guard !stopped else { return }
        curs_set(1)
        endwin()
        fflush(nil)
        shim_stop_self()
        // Continued: back to curses modes, then follow a size change made while stopped.
        reset_prog_mode()
        _ = followSize()
        cursorVisible = -1
        invalidate()
        _ = shim_job_control_take()   // our own stop and continue are handled here
    }

    /// Current size in cells; changes after a ``Key/resize``.
    public var size: (width: Int, height: Int) {
        (Int(getmaxx(window)), Int(getmaxy(window)))
    }

    /// Follows the terminal's real size when a resize signal was missed (it can land after the
    /// last key read and before the next poll). True when the screen was resized: redraw.
    public func followSize() -> Bool { shim_sync_size(window) != 0 }

    /// The descriptor keys arrive on, for `poll` together with store change notifications.
    public var inputFD: Int32 { 0 }

    /// Sets up one colour pair per role from `theme` (see ``Theme/resolved(colors:noColor:)``).
    /// Without colour support only the attributes are used. Call again after a theme change,
    /// then draw.
    public func apply(theme: [Role: ResolvedStyle]) {
        shown = nil
        attrsByRole = [:]
        pairByRole = [:]
        let useColor = colorCount >= 8
        for (index, role) in Role.allCases.enumerated() {
            let style = theme[role] ?? ResolvedStyle(fg: -1, bg: -1, attrs: [])
            var attrs: attr_t = shim_a_normal()
            for attr in style.attrs {
                switch attr {
                case .bold: attrs |= shim_a_bold()
                case .dim: attrs |= shim_a_dim()
                case .reverse: attrs |= shim_a_reverse()
                case .underline: attrs |= shim_a_underline()
                }
            }
            attrsByRole[role] = attrs
            guard useColor, style.usesColor, index + 1 < Int(shim_color_pairs()) else {
                pairByRole[role] = 0
                continue
            }
            let pair = Int16(index + 1)
            init_pair(pair, colorNumber(style.fg, isBackground: false), colorNumber(style.bg, isBackground: true))
            pairByRole[role] = pair
        }
    }

    /// Copies `grid` to the screen: each cell with its role's pair and attributes (wide
    /// characters written once, continuation cells skipped; non-ASCII as `?` when the locale is
    /// not UTF-8), then the hardware cursor at `grid.cursor` (hidden when `nil`), then
    /// `wnoutrefresh` + `doupdate`, so only changed cells go to the terminal. Cells equal to
    /// the last grid drawn are not even handed to ncurses, so an unchanged frame costs a compare.
    /// A grid of another size than the screen is clipped, and the rest of the screen blanked.
    public func draw(_ grid: TextGrid) {
        let (width, height) = size
        if grid.width != width || grid.height != height { werase(window); shown = nil }
        let previous = shown.flatMap { $0.width == grid.width && $0.height == grid.height ? $0 : nil }
        var currentRole: Role?
        for row in 0..<min(grid.height, height) {
            for col in 0..<min(grid.width, width) {
                let cell = grid[row, col]
                if cell.isContinuation { continue }
                if let previous, previous[row, col] == cell { continue }
                if cell.role != currentRole {
                    wattr_set(window, attrsByRole[cell.role] ?? shim_a_normal(), pairByRole[cell.role] ?? 0, nil)
                    currentRole = cell.role
                }
                if isUTF8 || cell.text.utf8.allSatisfy({ $0 < 0x80 }) {
                    _ = mvwaddstr(window, Int32(row), Int32(col), cell.text)
                } else {
                    let w = max(1, DisplayWidth.of(cell.text))
                    _ = mvwaddstr(window, Int32(row), Int32(col), String(repeating: "?", count: w))
                }
            }
        }
        wattr_set(window, shim_a_normal(), 0, nil)
        if let cursor = grid.cursor, cursor.row >= 0, cursor.row < height, cursor.col >= 0, cursor.col < width {
            setCursorVisible(1)
            wmove(window, Int32(cursor.row), Int32(cursor.col))
        } else {
            setCursorVisible(0)
        }
        wnoutrefresh(window)
        doupdate()
        shown = grid.width == width && grid.height == height ? grid : nil
    }

    /// Makes the next ``draw(_:)`` repaint everything (after other output garbled the screen).
    public func invalidate() {
        clearok(window, true)
        shown = nil
    }

    /// Waits up to `timeoutMs` milliseconds (negative: forever, 0: don't wait) for a key.
    ///
    /// Returns `nil` on timeout or for keys the dashboard has no name for. A typed `张` is one
    /// `.char("张")`; Enter is `.enter` (CR or LF), DEL/BS/KEY_BACKSPACE `.backspace`, a lone
    /// ESC `.escape` after 25 ms, control letters `.ctrl`, `KEY_BTAB` `.backTab`, and a
    /// terminal size change `.resize` (ncurses has already resized its screen).
    public func readKey(timeoutMs: Int32) -> Key? {
        wtimeout(window, timeoutMs)
        var ch: wint_t = 0
        let rc = wget_wch(window, &ch)
        if rc == ERR { return nil }
        if rc == KEY_CODE_YES && Int32(bitPattern: ch) == KEY_MOUSE { return readMouse() }
        if rc == KEY_CODE_YES { return Self.functionKey(Int32(bitPattern: ch)) }
        guard let scalar = Unicode.Scalar(ch) else { return nil }
        return Key.normalized(Character(scalar))
    }

    // MARK: - Internals

    /// The pending mouse event as a key; nil for releases and what the dashboard does not use.
    private func readMouse() -> Key? {
        var row: Int32 = 0, col: Int32 = 0
        let kind: MouseEvent.Kind
        switch shim_read_mouse(&row, &col) {
        case 1: kind = .press(.left)
        case 2: kind = .press(.middle)
        case 3: kind = .press(.right)
        case 4: kind = .wheelUp
        case 5: kind = .wheelDown
        default: return nil
        }
        return .mouse(MouseEvent(kind, row: Int(row), col: Int(col)))
    }

    private func setCursorVisible(_ visibility: Int32) {
        guard visibility != cursorVisible else { return }
        curs_set(visibility)
        cursorVisible = visibility
    }

    /// An ncurses colour number in range for this terminal; -1 (default) only when
    /// `use_default_colors` worked, else white on black.
    private func colorNumber(_ n: Int, isBackground: Bool) -> Int16 {
        if n >= 0 && n < colorCount && n <= Int(Int16.max) { return Int16(n) }
        if defaultColors { return -1 }
        return isBackground ? Int16(COLOR_BLACK) : Int16(COLOR_WHITE)
    }

    private static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case KEY_RESIZE: return .resize
        case shim_key_f(1)...shim_key_f(24): return .function(Int(code - shim_key_f(0)))
        default: return nil
        }
    }
}
