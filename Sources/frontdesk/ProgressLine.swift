import Foundation
import FrontDeskKit
#if canImport(Glibc)
import Glibc
#endif

/// One updating line on stderr for a long command — "frontdesk: generating history 412/1827 (22%)
/// 0:03" — redrawn in place with `\r` at most ten times a second (and at every new step and at the
/// end of each), and erased by ``finish()`` so the command's own lines follow on a clean line.
/// When stderr is not a terminal it writes nothing at all, so scripts, logs and tests see clean
/// output. For `generate`, `compact`, and later imports and backups: pass ``report(_:)`` as the
/// kit's `progress:` callback, and call ``finish()`` (in a `defer`) before printing anything else.
final class ProgressLine {
    /// Whether lines are drawn: stderr is a terminal.
    let enabled: Bool
    private let clock: () -> Double
    private let write: (String) -> Void
    private let started: Double
    private var lastDraw: Double?
    private var lastStep = ""
    private var shownWidth = 0

    /// - Parameters:
    ///   - enabled: draw at all; by default, when stderr (descriptor 2) is a terminal.
    ///   - clock: seconds on a monotonic clock (tests pass a fixed one).
    ///   - write: where the bytes go; by default straight to descriptor 2, unbuffered.
    init(enabled: Bool = isatty(2) == 1, clock: @escaping () -> Double = ProgressLine.monotonicSeconds,
         write: @escaping (String) -> Void = ProgressLine.writeToStandardError) {
        self.enabled = enabled
        self.clock = clock
        self.write = write
        self.started = clock()
    }

    /// Shows `progress`, unless the line was drawn less than 0.1 s ago for the same step and this
    /// is not the step's last unit (so a million small reports cost a million compares, not writes).
    func report(_ progress: WorkProgress) {
        guard enabled else { return }
        let now = clock()
        let last = progress.total > 0 && progress.done >= progress.total
        if progress.step == lastStep, !last, let drawn = lastDraw, now - drawn < 0.1 { return }
        lastStep = progress.step
        lastDraw = now
        let line = Self.line(progress, elapsed: now - started)
        // Blank the tail of a longer previous line; no escape needed, so any terminal copes.
        let pad = max(0, shownWidth - line.count)
        write("\r" + line + String(repeating: " ", count: pad))
        shownWidth = line.count
    }

    /// Erases the line (the cursor back at its start) if one was drawn. Safe to call twice.
    func finish() {
        guard enabled, shownWidth > 0 else { return }
        write("\r" + String(repeating: " ", count: shownWidth) + "\r")
        shownWidth = 0
    }

    /// The text of one progress line: step, counts, percent when the total is known, and the
    /// time since the start as m:ss.
    static func line(_ p: WorkProgress, elapsed: Double) -> String {
        let seconds = max(0, Int(elapsed))
        let clock = "\(seconds / 60):" + (seconds % 60 < 10 ? "0" : "") + "\(seconds % 60)"
        guard p.total > 0 else { return "frontdesk: \(p.step) \(p.done) \(clock)" }
        let percent = min(100, max(0, p.done * 100 / p.total))
        return "frontdesk: \(p.step) \(p.done)/\(p.total) (\(percent)%) \(clock)"
    }

    static func monotonicSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// Writes all of `s` to descriptor 2; a stderr that cannot be written loses the line, nothing else.
    static func writeToStandardError(_ s: String) {
        let bytes = Array(s.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.write(2, $0.baseAddress, $0.count) }
            if n > 0 { offset += n } else if n < 0 && errno == EINTR { continue } else { return }
        }
    }
}
