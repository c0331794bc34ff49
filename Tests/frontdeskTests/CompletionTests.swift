import Foundation
import Testing
import TestSupport
@testable import frontdesk

/// Shell completions: a script per shell, and the values completed from the store.
@Suite struct CompletionTests {
    @Test(arguments: ["bash", "zsh", "fish"])
    func eachShellGetsAScriptNamingTheCommands(_ shell: String) throws {
        let r = try CLI.run(["--generate-completion-script", shell])
        try #require(r.status == 0, "\(r)")
        for word in ["visitor", "meeting", "stock", "approval", "paths", "--store", "--theme"] {
            #expect(r.stdout.contains(word), "\(shell): no \(word)")
        }
    }

    /// The values come from the store the command line names, as the shell asks for them.
    @Test func idsRoomsAndSKUsComeFromTheDemoStore() throws {
        let tmp = try TempStore("completion")
        defer { tmp.remove() }
        try #require(try CLI.run(["demo", "--date", "2026-03-10"], env: CLI.vars(tmp.path)).status == 0)
        let store = try tmp.open()
        let vars: [String: String] = ["HOME": tmp.base, "FRONTDESK_STORE": ""]
        let visitors = Completions.values(.visitors, words: ["frontdesk", "visitor", "arrive", "--store", tmp.path, ""], vars: vars)
        #expect(!visitors.isEmpty && visitors == store.state.visitors.keys.sorted())
        let meetings = Completions.values(.meetings, words: ["frontdesk", "meeting", "show", "--store=\(tmp.path)"], vars: vars)
        #expect(!meetings.isEmpty && meetings == store.state.meetings.keys.sorted())
        let rooms = Completions.values(.rooms, words: ["frontdesk", "meeting", "book", "--store", tmp.path], vars: vars)
        #expect(store.state.rooms.values.allSatisfy { rooms.contains($0.id) && (rooms.contains($0.name) == !$0.name.contains(" ")) }, "\(rooms)")
        #expect(rooms.contains("Studio"), "\(rooms)")
        let skus = Completions.values(.skus, words: ["frontdesk", "stock", "issue", "--store", tmp.path], vars: vars)
        #expect(!skus.isEmpty && skus == store.state.items.keys.sorted())
        // A step command's id follows its first word.
        #expect(Completions.values(.recordOfCommand, words: ["frontdesk", "meeting", "held", "--store", tmp.path], vars: vars) == meetings)
        // The store from $FRONTDESK_STORE when the line names none.
        #expect(Completions.values(.skus, words: ["frontdesk", "stock", "issue"], vars: ["FRONTDESK_STORE": tmp.path]) == skus)
        // No store: nothing, quietly, and nothing created.
        let nowhere = tmp.base + "/nowhere"
        #expect(Completions.values(.visitors, words: ["frontdesk", "visitor", "arrive", "--store", nowhere], vars: vars).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: nowhere))
    }

    /// End to end: the call the generated bash script makes for a visitor id.
    @Test func theBinaryAnswersTheShellsCustomCompletionCall() throws {
        let tmp = try TempStore("completion-call")
        defer { tmp.remove() }
        try #require(try CLI.run(["demo", "--date", "2026-03-10"], env: CLI.vars(tmp.path)).status == 0)
        let script = try CLI.run(["--generate-completion-script", "bash"]).stdout
        // The script asks `frontdesk ---completion visitor arrive -- positional@0 …` for the values.
        try #require(script.contains("---completion visitor arrive -- positional@0"), "the bash script's call changed")
        let r = try CLI.run(["---completion", "visitor", "arrive", "--", "positional@0", "2", "2", "frontdesk", "visitor", "arrive", ""],
                            env: ["FRONTDESK_STORE": tmp.path])
        #expect(r.status == 0, "\(r)")
        let ids = r.stdout.split(separator: "\n").map(String.init)
        #expect(ids == (try tmp.open()).state.visitors.keys.sorted(), "\(r)")
        #expect(r.stderr.isEmpty, "\(r)")
    }

    @Test func themesAreCompletedFromTheBuiltInsAndTheThemeFolders() throws {
        let tmp = try TempStore("completion-themes")
        defer { tmp.remove() }
        try FileManager.default.createDirectory(atPath: tmp.base + "/cfg/frontdesk/themes", withIntermediateDirectories: true)
        try Data("".utf8).write(to: URL(fileURLWithPath: tmp.base + "/cfg/frontdesk/themes/office-blue.theme"))
        let names = Completions.themeNames(["XDG_CONFIG_HOME": tmp.base + "/cfg"])
        #expect(names.contains("office-blue") && names.contains("light") && names.contains("monochrome"), "\(names)")
    }
}
