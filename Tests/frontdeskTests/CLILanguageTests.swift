import Foundation
import Testing
import TestSupport

/// The CLI speaks the reader's language: with a Chinese `LANG` (installed or not) refusals and
/// the sentence after a change are Chinese, with the same exit codes; under `LANG=C` all stays English.
@Suite struct CLILanguageTests {
    static let admin: String = {
        (try? CLI.exec("id", ["-un"]))?.stdout.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
    }()

    /// Runs `args` on `store` as its creator, under `lang` with no other locale variable winning.
    static func run(_ args: [String], _ store: String, lang: String) throws -> RunResult {
        var env = CLI.vars(store, user: admin)
        env["LANG"] = lang
        env["LC_ALL"] = ""
        env["LC_MESSAGES"] = ""
        return try CLI.run(args, env: env)
    }

    /// A store with room R1 booked 10:00–11:00 on 2026-03-11.
    static func bookedOffice() throws -> TempStore {
        let tmp = try TempStore("language")
        var r = try run(["init", "--allow-overrides"], tmp.path, lang: "C")
        try #require(r.status == 0, "\(r)")
        r = try run(["room", "add", "--name", "长城厅", "--capacity", "8"], tmp.path, lang: "C")
        try #require(r.status == 0, "\(r)")
        r = try run(["meeting", "add", "--title", "周会", "--room", "R1", "--start", "2026-03-11 10:00", "--end", "2026-03-11 11:00"], tmp.path, lang: "C")
        try #require(r.status == 0, "\(r)")
        return tmp
    }

    static let clash = ["meeting", "add", "--title", "评审", "--room", "R1", "--start", "2026-03-11 10:30", "--end", "2026-03-11 11:30"]

    @Test(arguments: ["zh_CN.UTF-8", "zh_TW.utf8"])
    func aChineseReaderGetsAChineseRefusalWithTheSameExitCode(lang: String) throws {
        let tmp = try Self.bookedOffice()
        let zh = try Self.run(Self.clash, tmp.path, lang: lang)
        #expect(zh.status == 3, "\(zh)")
        #expect(zh.stderr.contains("未预订：长城厅 在 2026-03-11 10:00–11:00 已被"), "\(zh.stderr)")
        #expect(!zh.stderr.contains("is booked"), "no English left: \(zh.stderr)")
        // An input mistake is exit 2 in either language.
        let bad = try Self.run(["meeting", "confirm", "M99"], tmp.path, lang: lang)
        #expect(bad.status == 2, "\(bad)")
        #expect(bad.stderr.contains("今天或未结束的会议中没有 M99"), "\(bad.stderr)")
    }

    /// config.toml's `language = "zh"` speaks Chinese under `LANG=C` (an SSH client's own LANG),
    /// and `language = "en"` English under a Chinese LANG.
    @Test func configLanguageWinsOverTheLocaleVariables() throws {
        let tmp = try Self.bookedOffice()
        let config = tmp.path + "-config"
        try FileManager.default.createDirectory(atPath: config + "/frontdesk", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: config) }
        for (language, lang, expected) in [("zh", "C", "未预订：长城厅"), ("en", "zh_CN.UTF-8", "Not booked: 长城厅")] {
            try "language = \"\(language)\"\n".write(toFile: config + "/frontdesk/config.toml", atomically: true, encoding: .utf8)
            var env = CLI.vars(tmp.path, user: Self.admin)
            env["LANG"] = lang
            env["LC_ALL"] = ""
            env["LC_MESSAGES"] = ""
            env["XDG_CONFIG_HOME"] = config
            let r = try CLI.run(Self.clash, env: env)
            #expect(r.status == 3, "\(r)")
            #expect(r.stderr.contains(expected), "language = \(language), LANG=\(lang): \(r.stderr)")
        }
    }

    @Test func englishStaysEnglishUnderTheCLocale() throws {
        let tmp = try Self.bookedOffice()
        for lang in ["C", "C.UTF-8", "en_US.UTF-8"] {
            let en = try Self.run(Self.clash, tmp.path, lang: lang)
            #expect(en.status == 3, "\(en)")
            #expect(en.stderr.contains("Not booked: 长城厅 is booked 2026-03-11 10:00–11:00 by"), "\(lang): \(en.stderr)")
            #expect(!en.stderr.unicodeScalars.contains { (0x3000...0x303F).contains($0.value) || (0xFF00...0xFFEF).contains($0.value) },
                    "no Chinese punctuation under \(lang): \(en.stderr)")
        }
    }

    @Test func theSentenceAfterAChangeIsChinese() throws {
        let tmp = try Self.bookedOffice()
        let zh = try Self.run(["badge", "add", "B1", "B2"], tmp.path, lang: "zh_CN.UTF-8")
        #expect(zh.status == 0, "\(zh)")
        #expect(zh.stderr == "frontdesk: 已添加访客证：B1 B2。\n", "\(zh.stderr)")
        let booked = try Self.run(["meeting", "add", "--title", "复盘", "--room", "R1", "--start", "2026-03-11 14:00", "--end", "2026-03-11 15:00"],
                                  tmp.path, lang: "zh_CN.UTF-8")
        #expect(booked.status == 0, "\(booked)")
        #expect(booked.stderr.contains("复盘 已预订长城厅，2026-03-11 14:00–15:00，编号 M2"), "\(booked.stderr)")
        let en = try Self.run(["badge", "add", "B3"], tmp.path, lang: "C")
        #expect(en.stderr == "frontdesk: Badges added to the pool: B3.\n", "\(en.stderr)")
    }
}
