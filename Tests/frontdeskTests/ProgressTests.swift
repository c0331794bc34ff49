import Foundation
import FrontDeskKit
import Testing
import TestSupport
@testable import frontdesk

/// The progress line of long commands: drawn in place on a terminal, throttled, erased at the
/// end, and absent when stderr is not a terminal.
@Suite struct ProgressTests {
    final class Recorder {
        var writes: [String] = []
        var now = 0.0
    }

    func progress(enabled: Bool = true) -> (ProgressLine, Recorder) {
        let r = Recorder()
        return (ProgressLine(enabled: enabled, clock: { r.now }, write: { r.writes.append($0) }), r)
    }

    @Test func theLineSaysStepCountsPercentAndElapsedTime() {
        #expect(ProgressLine.line(WorkProgress("generating history", done: 412, total: 1827), elapsed: 63.9)
                == "frontdesk: generating history 412/1827 (22%) 1:03")
        #expect(ProgressLine.line(WorkProgress("reading", done: 7, total: 0), elapsed: 5) == "frontdesk: reading 7 0:05")
    }

    @Test func reportsAreThrottledButEachStepsFirstAndLastAreShown() {
        let (p, r) = progress()
        p.report(WorkProgress("a", done: 1, total: 10))
        r.now = 0.05
        p.report(WorkProgress("a", done: 2, total: 10))   // too soon: skipped
        #expect(r.writes.count == 1)
        p.report(WorkProgress("a", done: 10, total: 10))  // the last unit: shown
        p.report(WorkProgress("b", done: 0, total: 3))    // a new step: shown
        #expect(r.writes.count == 3)
        r.now = 0.2
        p.report(WorkProgress("b", done: 1, total: 3))
        #expect(r.writes.count == 4)
        #expect(r.writes.allSatisfy { $0.hasPrefix("\r") }, "each draw goes back to the line's start")
    }

    @Test func finishErasesTheLineOnce() throws {
        let (p, r) = progress()
        p.report(WorkProgress("writing month segments", done: 3, total: 12))
        let drawn = try #require(r.writes.first)
        let width = drawn.count - 1
        p.finish()
        p.finish()
        #expect(r.writes.count == 2)
        #expect(r.writes.last == "\r" + String(repeating: " ", count: width) + "\r")
    }

    @Test func aShorterLineBlanksTheTailOfTheLongerOne() throws {
        let (p, r) = progress()
        p.report(WorkProgress("a long step name", done: 1, total: 1))
        p.report(WorkProgress("b", done: 1, total: 1))
        let first: String = try #require(r.writes.first)
        let second: String = try #require(r.writes.last)
        #expect(second.count == first.count, "\(second.debugDescription)")
    }

    @Test func withoutATerminalNothingIsWritten() {
        let (p, r) = progress(enabled: false)
        p.report(WorkProgress("a", done: 1, total: 2))
        p.report(WorkProgress("a", done: 2, total: 2))
        p.finish()
        #expect(r.writes.isEmpty)
    }

    /// `compact` on the demo day a month later writes month segments; `generate` shares the type
    /// (its one-year run takes minutes in a debug build, so it is checked by hand in tmux).
    @Test func compactPrintsNoProgressWhenStderrIsAPipe() throws {
        let tmp = try TempStore("progress-pipe")
        var r = try CLI.run(["init", "--allow-overrides"], env: CLI.vars(tmp.path, now: "2026-11-30 10:30"))
        try #require(r.status == 0, "\(r)")
        r = try CLI.run(["demo", "--date", "2026-11-30"], env: CLI.vars(tmp.path, now: "2026-11-30 10:30"))
        try #require(r.status == 0, "\(r)")
        r = try CLI.run(["compact"], env: CLI.vars(tmp.path, now: "2026-12-30 10:30"))
        try #require(r.status == 0, "\(r)")
        #expect(r.stderr.contains("month segment"), "segments were written: \(r.stderr)")
        #expect(!r.stderr.contains("\r") && !r.stderr.contains("writing month segments"), "\(r.stderr.debugDescription)")
    }
}
