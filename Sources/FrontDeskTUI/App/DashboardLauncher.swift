import Foundation
import FrontDeskKit
#if canImport(Glibc)
import Glibc
#endif

/// Why the dashboard could not start (a bad theme or keys file): exit code 2.
public struct DashboardSetupError: Error, CustomStringConvertible {
    public var description: String
}

/// Runs the dashboard on a store until the user quits. The loop sleeps in poll(2) on the keyboard
/// and the store's change feed, waking at the next minute for the clock; a frame is drawn only
/// when something changed, and ncurses sends only the cells that differ.
public enum DashboardLauncher {
    /// `mouse: false` (`--no-mouse`) or `mouse = false` in config.toml leave the mouse to the terminal.
    /// `config` is the caller's one reading of config.toml (its warnings already said).
    public static func run(store: Store, config: UserConfig, themeName: String?, storeLabel: String, noColor: Bool = false, ascii: Bool = false, mouse: Bool = true) throws {
        let vars = ProcessInfo.processInfo.environment
        // A missing UTF-8 locale still gets UTF-8 characters; say so once, before the screen covers the shell.
        let locale = LocaleChoice.adopt(asciiRequested: ascii)
        if let w = locale.warning { FileHandle.standardError.write(Data((w + "\n").utf8)) }
        let keymap = try config.keymap()
        let theme = try ThemeCatalog.load(themeName ?? config.theme ?? "default", vars: vars)
        let terminal: Terminal
        do { terminal = try Terminal.start(noColor: noColor, mouse: mouse && config.mouse) } catch { throw DashboardSetupError(description: "frontdesk: \(error)") }
        defer { terminal.stop() }
        let strings = Strings(locale.language)
        var dash = Dashboard(model: DashboardModel(state: store.state, settings: store.meta.settings, env: store.env, allowOverrides: store.meta.allowOverrides),
                             keymap: keymap, strings: strings, storeLabel: storeLabel)
        dash.history = HistorySource(store: store)   // other days and reports, read through the store
        // Lines of keys.toml this version does not know were skipped: say so, in full.
        // …and the locale warning, which stays readable there once the screen covers stderr.
        let warnings = (locale.warning.map { [$0] } ?? []) + keymap.warnings.map(\.description)
        if !warnings.isEmpty { dash.message = (warnings.joined(separator: "; "), .warning) }
        terminal.apply(theme: theme.resolved(colors: terminal.colorCount, noColor: terminal.noColorRequested))
        let feed = store.changeFeed
        var dirty = true
        // The store runs every commit's hooks; here they run in the background and their
        // problems are shown in the status line, never waited for.
        store.afterCommit.waitForHooks = nil
        func showNotices() {
            for n in store.afterCommit.takeNotices() { dash.message = (n, .warning); dirty = true }
        }
        var lastMinute = minute(store.env.now())

        func rebuild() {
            dash.update(model: DashboardModel(state: store.state, settings: store.meta.settings, env: store.env, allowOverrides: store.meta.allowOverrides))
            dirty = true
        }
        // Another session's records: re-query only the panes they touch (the rest keep their cells).
        func follow(_ changes: [Change]?) {
            guard let changes else { return rebuild() }
            dash.update(model: dash.model.applying(changes, state: store.state, env: store.env))
            dirty = true
        }

        while true {
            if dirty {
                let size = terminal.size
                terminal.draw(dash.render(width: size.width, height: size.height, ascii: locale.ascii || !terminal.isUTF8))
                dirty = false
            }
            // Sleep until a key, a store change, or the next minute (the clock in the status bar).
            let now = store.env.now()
            let untilTick = max(50, Int32((60 - now.timeIntervalSince1970.truncatingRemainder(dividingBy: 60)) * 1000) + 20)
            var fds = [pollfd(fd: terminal.inputFD, events: Int16(POLLIN), revents: 0)]
            if let f = feed { fds.append(pollfd(fd: f, events: Int16(POLLIN), revents: 0)) }
            // SIGTSTP/SIGCONT wake the loop through the terminal's pipe (handlers only write a byte).
            let jobIndex = fds.count
            if terminal.jobControlFD >= 0 { fds.append(pollfd(fd: terminal.jobControlFD, events: Int16(POLLIN), revents: 0)) }
            // Without inotify (network file systems) fall back to a cheap size check twice a second.
            var timeout = feed == nil ? min(untilTick, 500) : untilTick
            if store.afterCommit.hasRunningHooks { timeout = min(timeout, 200) }
            if !dash.live { timeout = min(timeout, 500) }   // retry a store that could not be read
            timeout = min(timeout, 1000)   // a missed resize signal is noticed within a second
            let n = poll(&fds, nfds_t(fds.count), timeout)
            if terminal.followSize() { terminal.invalidate(); dirty = true }
            if n < 0 && errno != EINTR {
                throw DashboardSetupError(description: "frontdesk: waiting for input failed: \(String(cString: strerror(errno)))")
            }
            // The terminal went away (SSH dropped without SIGHUP): leave instead of spinning.
            if fds[0].revents & Int16(POLLHUP | POLLNVAL | POLLERR) != 0 { return }

            if jobIndex < fds.count && fds[jobIndex].revents != 0 {
                let job = terminal.takeJobControl()
                if job.stop { terminal.suspend() }   // kill -TSTP: as Ctrl-Z
                if job.stop || job.continued { terminal.invalidate(); dirty = true }
            }
            let feedChanged = feed != nil && fds[1].revents != 0
            if feedChanged { store.drainChangeFeed() }
            if n == 0 || feedChanged || n < 0 || feed == nil || !dash.live {
                do {
                    if try store.refresh() { follow(store.refreshedChanges) }
                    if !dash.live { dash.live = true; dirty = true }
                } catch {
                    dash.live = false
                    dash.message = ("\(error)", .error)
                    dirty = true
                }
            }
            store.afterCommit.poll()
            showNotices()
            let m = minute(store.env.now())
            if m != lastMinute {
                lastMinute = m
                rebuild()   // unclaimed rooms and due times follow from (state, now): nothing to write
            }

            // Read every key that is waiting, then draw once.
            while let key = terminal.readKey(timeoutMs: 0) {
                switch dash.handle(key) {
                case .none: break
                case .redraw: dirty = true
                case .quit: return
                case .repaint: terminal.invalidate(); _ = try? store.refresh(); rebuild()
                case .suspend: terminal.suspend(); dirty = true
                case .refreshStore: _ = try? store.refresh(); rebuild()
                case .submit(let form): submit(form, store: store, dash: &dash); showNotices(); rebuild()
                case .step(let st):
                    do {
                        let rec = try store.commit { s, ctx in try st.change(s, ctx) }
                        dash.stepped(dash.strings.format(.savedWhat, dash.strings.actionLabel(.step(st.step)), rec.change.subject), ok: true)
                    } catch {
                        let reason = (error as? Refusal)?.text(chinese: dash.strings.language == .zhHans) ?? "\(error)"
                        dash.stepped("\(dash.strings[.refused]): \(reason)", ok: false)
                    }
                    showNotices()
                    rebuild()
                }
            }
        }
    }

    static func minute(_ d: Date) -> Int { Int(d.timeIntervalSince1970 / 60) }

    /// Commits the form's change through the store (validated against the latest state under the
    /// lock); a refusal keeps the form open with the store's reason.
    @discardableResult
    static func submit(_ form: DeskForm, store: Store, dash: inout Dashboard) -> [JournalRecord] {
        do {
            let records = try store.commitBatch { state, ctx in
                let changes = try form.changes(state, ctx)
                var next = state
                for c in changes { try next.validate(c, ctx); next.apply(c) }
                return changes + form.followUps(next, ctx)
            }
            let subject = records.first?.change.subject ?? ""
            dash.saved(dash.strings.format(.savedWhat, dash.strings[form.title], subject))
            return records
        } catch let e as FieldError {
            dash.refused(form, e)
        } catch let r as Refusal {
            dash.refused(form, reason: r.text(chinese: dash.strings.language == .zhHans))
        } catch {
            dash.refused(form, reason: "\(error)")
        }
        return []
    }
}
