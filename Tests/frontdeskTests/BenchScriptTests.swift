import Foundation
import Testing
import TestSupport

/// `scripts/bench --self-check` against the built binaries: a 1-year store, one run of each
/// measurement, and the script asserts its table has every row measured (targets are not judged
/// here: a debug build on a shared CI box says nothing about them). Keeps the benchmark runnable.
@Suite("Benchmark script")
struct BenchScriptTests {
    static let script: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scripts/bench").path
    }()
    static let binDir = URL(fileURLWithPath: CLI.binary).deletingLastPathComponent().path

    @Test(.enabled(if: CLI.available("python3") && FileManager.default.fileExists(atPath: script)
                   && FileManager.default.isExecutableFile(atPath: binDir + "/frontdesk-bench")))
    func theSelfCheckMeasuresEveryRowOfTheTable() throws {
        let r = try CLI.exec("python3", [Self.script, "--self-check", "--skip-build", "--bin-dir", Self.binDir])
        #expect(r.status == 0, "\(r)")
        #expect(r.stdout.contains("self-check: ok"), "\(r.stdout)")
        #expect(r.stdout.contains("| what | frontdesk | compared with | ratio | target | met |"), "\(r.stdout)")
        #expect(!r.stdout.contains("not measured"), "\(r.stdout)")
    }
}
