import Foundation
import Testing
import TestSupport

/// The short torture run (scripts/torture --quick) through the built binary: several writers in
/// separate processes, kill -9 rounds (during compaction too), damaged copies opened by check, a
/// reader and a writer, and hostile inputs. Nothing acknowledged may be lost, no id given twice,
/// nothing may crash or hang. The long run is `scripts/torture --long`.
@Suite("Store torture")
struct StoreTortureTests {
    static let script: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scripts/torture").path
    }()

    @Test(.enabled(if: CLI.available("python3") && FileManager.default.fileExists(atPath: script)))
    func aShortTortureRunLosesNothingAndNothingCrashes() throws {
        let r = try CLI.exec("python3", [Self.script, "--quick", "--bin", CLI.binary, "--seed", "7"])
        #expect(r.status == 0, "\(r)")
        #expect(r.stdout.contains("lost: 0 acknowledged records"), "\(r.stdout)")
        #expect(r.stdout.contains("crashes: 0") && r.stdout.contains("hangs: 0"), "\(r.stdout)")
        #expect(r.stdout.contains("check after the kills: ok"), "\(r.stdout)")
        #expect(!r.stdout.contains("operations: 0 "), "\(r.stdout)")
    }
}
