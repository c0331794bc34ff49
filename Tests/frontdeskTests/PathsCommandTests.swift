import Foundation
import Testing
import TestSupport

/// `frontdesk paths` says where each file is read from and what chose it.
@Suite struct PathsCommandTests {
    @Test func saysWhereEachFileIsReadFromAndWhy() throws {
        let tmp = try TempStore("paths")
        let home = tmp.base + "/home"
        try FileManager.default.createDirectory(atPath: home + "/.config/frontdesk", withIntermediateDirectories: true)
        try Data("theme = \"light\"\n".utf8).write(to: URL(fileURLWithPath: home + "/.config/frontdesk/config.toml"))
        let r = try CLI.run(["paths"], env: ["HOME": home, "XDG_DATA_HOME": "", "XDG_CONFIG_HOME": "", "FRONTDESK_STORE": ""])
        try #require(r.status == 0, "\(r)")
        let rows = r.stdout.split(separator: "\n").map(String.init)
        #expect(rows.contains { $0.hasPrefix("store") && $0.contains(home + "/.local/share/frontdesk") && $0.contains("no store there yet") }, "\(r.stdout)")
        #expect(rows.contains { $0.hasPrefix("config") && $0.contains(home + "/.config/frontdesk/config.toml") && $0.hasSuffix("found") }, "\(r.stdout)")
        #expect(rows.contains { $0.hasPrefix("keys") && $0.hasSuffix("not there") }, "\(r.stdout)")
        #expect(rows.contains { $0.hasPrefix("themes") && $0.contains("(built in)") && $0.contains("monochrome") }, "\(r.stdout)")
        let named = try CLI.run(["paths"], env: CLI.vars(tmp.path))
        #expect(named.stdout.contains("$FRONTDESK_STORE"), "\(named.stdout)")
    }
}
