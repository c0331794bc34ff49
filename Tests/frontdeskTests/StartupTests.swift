import ArgumentParser
import Foundation
import Testing
import TestSupport
@testable import frontdesk

/// Start-up does only what the command needs, and the install step puts the binary and themes
/// where the binary looks for them.
@Suite struct StartupTests {
    /// Every command names itself: without a `commandName`, ArgumentParser derives it with
    /// `String(describing:)` on each command type while building the command tree at every start,
    /// and that reflection scanned every protocol conformance in the process (30% of `--version`).
    @Test func everyCommandHasAnExplicitName() {
        var unnamed: [String] = []
        var named = 0
        func walk(_ command: ParsableCommand.Type, _ path: String) {
            for sub in command.configuration.subcommands {
                guard let name = sub.configuration.commandName else {
                    unnamed.append("\(path) > \(sub)")
                    continue
                }
                named += 1
                walk(sub, path + " " + name)
            }
        }
        walk(Frontdesk.self, "frontdesk")
        #expect(Frontdesk.configuration.commandName == "frontdesk")
        #expect(named > 60, "the walk found only \(named) commands")
        #expect(unnamed.isEmpty, "commands without commandName: \(unnamed)")
    }

    /// `--json` dates read exactly as ISO8601DateFormatter wrote them (the oracle), across the
    /// year, daylight-saving changes elsewhere, and seconds that are not whole.
    @Test func jsonDatesMatchFoundationsISO8601Text() throws {
        let oracle = ISO8601DateFormatter()
        let instants: [TimeInterval] = [0, 1_764_491_400, 1_764_491_459.999, 1_774_746_000, 1_792_886_399, 4_102_444_800, -86_400.5]
        for t in instants {
            let d = Date(timeIntervalSince1970: t)
            #expect(Output.iso(d) as? String == oracle.string(from: d), "t=\(t)")
        }
        #expect(Output.iso(nil) is NSNull)
    }

    /// Table lines lose their trailing white space (padding, tabs, the ideographic space) and
    /// nothing else.
    @Test func tableLinesLoseTrailingWhiteSpaceOnly() {
        #expect(Output.trimmingTrailingWhitespace("M1  10:00  Board  ") == "M1  10:00  Board")
        #expect(Output.trimmingTrailingWhitespace("会议\u{3000}\t \u{00A0}") == "会议")
        #expect(Output.trimmingTrailingWhitespace("  lead  kept") == "  lead  kept")
        #expect(Output.trimmingTrailingWhitespace("   ") == "")
        #expect(Output.trimmingTrailingWhitespace("e\u{301} ") == "e\u{301}")
    }

    /// scripts/install puts the binary (0755), the themes where the binary finds them, the man
    /// page and the bash, zsh and fish completions under the prefix (or DESTDIR), says so, and a
    /// second run leaves the same files; a missing binary installs nothing.
    @Test func installPutsTheBinaryAndThemesUnderThePrefixAndCanRepeat() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let script = root.appendingPathComponent("scripts/install").path
        let tmp = try TempStore("install")
        defer { tmp.remove() }
        let prefix = tmp.path + "/prefix"
        for round in 1...2 {
            let r = try CLI.exec(script, ["--prefix", prefix, "--binary", CLI.binary])
            try #require(r.status == 0, "round \(round): \(r)")
            #expect(r.stdout.contains("installed \(prefix)/bin/frontdesk"), "\(r)")
            var st = stat()
            try #require(stat(prefix + "/bin/frontdesk", &st) == 0)
            #expect(st.st_mode & 0o7777 == 0o755)
            let themes = try FileManager.default.contentsOfDirectory(atPath: prefix + "/share/frontdesk/themes").sorted()
            let shipped = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("themes").path)
                .filter { $0.hasSuffix(".theme") }.sorted()
            #expect(themes == shipped)
            #expect(try CLI.exec(prefix + "/bin/frontdesk", ["--version"]).stdout.hasPrefix(Frontdesk.version))
            // The man page (argument-parser's generate-manual) and a completion script per shell.
            let man = (try? String(contentsOfFile: prefix + "/share/man/man1/frontdesk.1", encoding: .utf8)) ?? ""
            #expect(man.contains(".Dt FRONTDESK 1") && man.contains("visitor") && man.contains("--store"), "\(r)")
            for (file, marker) in [("share/bash-completion/completions/frontdesk", "complete "), ("share/zsh/site-functions/_frontdesk", "#compdef frontdesk"),
                                   ("share/fish/vendor_completions.d/frontdesk.fish", "complete -c 'frontdesk'")] {
                let text = (try? String(contentsOfFile: prefix + "/" + file, encoding: .utf8)) ?? ""
                #expect(text.contains(marker) && text.contains("visitor"), "\(file)")
                #expect(TempStore.mode(prefix + "/" + file).map { $0 & 0o7777 } == 0o644, "\(file)")
            }
        }
        // DESTDIR (packagers): everything lands under it, at the prefix's paths.
        let dest = tmp.path + "/dest"
        let staged = try CLI.exec(script, ["--prefix", "/usr", "--binary", CLI.binary], env: ["DESTDIR": dest])
        #expect(staged.status == 0, "\(staged)")
        for file in ["bin/frontdesk", "share/man/man1/frontdesk.1", "share/bash-completion/completions/frontdesk", "share/zsh/site-functions/_frontdesk",
                     "share/fish/vendor_completions.d/frontdesk.fish", "share/frontdesk/themes/light.theme"] {
            #expect(FileManager.default.fileExists(atPath: dest + "/usr/" + file), "\(file)")
        }
        // PREFIX from the environment, as `PREFIX=DIR scripts/install` is documented.
        let other = tmp.path + "/env-prefix"
        var r = try CLI.exec(script, ["--binary", CLI.binary], env: ["PREFIX": other])
        #expect(r.status == 0, "\(r)")
        #expect(FileManager.default.isExecutableFile(atPath: other + "/bin/frontdesk"))
        // The installed binary looks for themes in its prefix's share/frontdesk/themes: asked for a
        // theme that does not exist, it names the installed ones there.
        let store = tmp.path + "/s"
        try #require(try CLI.run(["init", "--store", store]).status == 0)
        r = try CLI.exec(prefix + "/bin/frontdesk", ["--store", store, "--theme", "no-such-theme"], env: ["XDG_CONFIG_HOME": tmp.path + "/config"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("high-contrast, light, monochrome (in \(prefix)/share/frontdesk/themes)"), "\(r)")

        let nowhere = tmp.path + "/nowhere"
        r = try CLI.exec(script, ["--prefix", nowhere, "--binary", tmp.path + "/no-such-binary"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("no executable at"), "\(r)")
        #expect(!FileManager.default.fileExists(atPath: nowhere))
        r = try CLI.exec(script, ["--prefix", "relative/dir", "--binary", CLI.binary])
        #expect(r.status != 0 && r.stderr.contains("absolute"), "\(r)")
    }
}
