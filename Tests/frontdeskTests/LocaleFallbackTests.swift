import Foundation
import Testing
import TestSupport

/// A Chinese user whose SSH client forwards `LANG=zh_CN.UTF-8` to a server that has only the C
/// locales: the dashboard still shows Chinese names, a Chinese interface and box-drawing lines
/// (LC_CTYPE falls back to C.UTF-8, as tmux does), and says so once; `--ascii` draws the plain screen.
@Suite(.serialized) struct LocaleFallbackTests {
    static let now = "2026-11-30 10:30"
    static let names = ["李娜", "张敏", "王伟", "刘洋", "陈静", "周杰"]

    /// A Chinese UTF-8 locale name that `locale -a` does not list (glibc lists `zh_CN.utf8`).
    static func missingChineseLocale() throws -> String {
        let r = try CLI.exec("locale", ["-a"])
        let installed = Set(r.stdout.split(separator: "\n").map { $0.lowercased().replacingOccurrences(of: "-", with: "") })
        let name = try #require(["zh_CN.UTF-8", "zh_SG.UTF-8", "zh_XX.UTF-8"].first { !installed.contains($0.lowercased().replacingOccurrences(of: "-", with: "")) })
        return name
    }

    func demoStore(_ tmp: TempStore) throws {
        let vars = CLI.vars(tmp.path, user: "zhangmin", now: Self.now)
        var r = try CLI.run(["init", "--allow-overrides"], env: vars)
        try #require(r.status == 0, "\(r)")
        r = try CLI.run(["demo", "--date", "2026-11-30"], env: vars)
        try #require(r.status == 0, "\(r)")
    }

    func dashboard(_ tmp: TempStore, lang: String, _ extra: String) throws -> Tmux {
        try Tmux(width: 120, height: 40, env: ["LANG": lang, "TERM": "xterm-256color", "TZ": "Asia/Shanghai",
                                               "FRONTDESK_NOW": Self.now, "FRONTDESK_USER": "zhangmin"],
                 unsetting: ["NO_COLOR", "LC_ALL", "LC_CTYPE", "LC_MESSAGES"],
                 command: "'\(CLI.binary)' --store '\(tmp.path)' \(extra); exec sleep 3600")
    }

    @Test(.enabled(if: CLI.available("tmux") && CLI.available("locale"), "needs tmux and locale"))
    func aMissingChineseLocaleStillShowsChinese() throws {
        let lang = try Self.missingChineseLocale()
        let tmp = try TempStore("zh-fallback")
        try demoStore(tmp)
        let tmux = try dashboard(tmp, lang: lang, "")
        defer { tmux.kill() }
        let w = tmux.waitUntil(timeout: 30) { $0.contains("审批") && $0.contains("访客") }
        try #require(w.ok, "a Chinese interface under \(lang): \(w)")
        #expect(Self.names.contains { w.screen.contains($0) }, "Chinese names shown: \(w.screen)")
        #expect(!w.screen.contains("??"), "no ? placeholders: \(w.screen)")
        #expect(w.screen.contains("┌") && w.screen.contains("─"), "box-drawing frame: \(w.screen)")
        #expect(w.screen.contains("未安装区域设置 \(lang)"), "the warning stays readable in the status line: \(w.screen)")
        // Printed on stderr before the screen started: it waits on the shell's screen beneath.
        let shell = try tmux.tmux(["capture-pane", "-p", "-a", "-t", tmux.session]).stdout
        #expect(shell.components(separatedBy: "未安装区域设置").count - 1 == 1, "warned once on stderr: \(shell)")
    }

    @Test(.enabled(if: CLI.available("tmux") && CLI.available("locale"), "needs tmux and locale"))
    func asciiForcesThePlainScreen() throws {
        let lang = try Self.missingChineseLocale()
        let tmp = try TempStore("zh-ascii")
        try demoStore(tmp)
        let tmux = try dashboard(tmp, lang: lang, "--ascii")
        defer { tmux.kill() }
        let w = tmux.waitUntil(timeout: 30) { $0.contains("Approvals") && $0.contains("Visitors") }
        try #require(w.ok, "an English ASCII screen with --ascii: \(w)")
        #expect(w.screen.contains("+-"), "ASCII frame: \(w.screen)")
        #expect(!w.screen.contains("┌") && !w.screen.contains("─"), "no box-drawing: \(w.screen)")
        #expect(w.screen.unicodeScalars.allSatisfy { $0.isASCII }, "nothing but ASCII: \(w.screen)")
        #expect(!w.screen.contains("未安装"), "no warning when the plain screen was asked for")
    }
}
