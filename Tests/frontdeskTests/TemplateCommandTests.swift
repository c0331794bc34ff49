import Foundation
import Testing
import TestSupport

/// The office's forms from the command line: notice (text and .ics), minutes skeleton read back,
/// price comparison, and the template files an admin overrides.
@Suite(.serialized) struct TemplateCommandTests {
    /// A store with 长城厅 and meeting M1 (Budget, 李娜's, with 王伟) tomorrow 10:00–11:00; config folders of its own.
    func office() throws -> (TempStore, ([String], String) throws -> RunResult) {
        let tmp = try TempStore("template-cli")
        try FileManager.default.createDirectory(atPath: tmp.base + "/config", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: tmp.base + "/etc", withIntermediateDirectories: true)
        func run(_ args: [String], _ now: String) throws -> RunResult {
            var env = CLI.vars(tmp.path, user: "lina", now: now)
            env["XDG_CONFIG_HOME"] = tmp.base + "/config"
            env["FRONTDESK_SYSTEM_CONFIG_DIR"] = tmp.base + "/etc"
            return try CLI.run(args, env: env)
        }
        try #require(try run(["init", "--allow-overrides"], "2026-03-10 10:30").status == 0)
        try #require(try run(["room", "add", "--name", "长城厅", "--capacity", "8", "--equipment", "projector"], "2026-03-10 10:30").status == 0)
        let add = try run(["meeting", "add", "--title", "预算会", "--room", "长城厅", "--start", "2026-03-11 10:00", "--end", "2026-03-11 11:00",
                           "--attendee", "wangwei", "--goal", "定预算"], "2026-03-10 10:30")
        try #require(add.firstLine == "M1", "\(add)")
        return (tmp, run)
    }

    @Test func theNoticePrintsAsTextAndAsAnInvitation() throws {
        let (tmp, run) = try office()
        let text = try run(["meeting", "notice", "M1", "--lang", "zh", "--agenda", "预算回顾", "--bring", "开支表"], "2026-03-10 10:40")
        #expect(text.status == 0, "\(text)")
        #expect(text.stdout.contains("会议通知：预算会（M1）") && text.stdout.contains("  1. 预算回顾") && text.stdout.contains("  - 开支表"))
        let ics = try run(["meeting", "notice", "M1", "--ics"], "2026-03-10 10:40")
        #expect(ics.status == 0, "\(ics)")
        #expect(ics.stdout.hasPrefix("BEGIN:VCALENDAR\r\n") && ics.stdout.contains("METHOD:REQUEST\r\n"))
        #expect(ics.stdout.contains("DTSTART:20260311T020000Z\r\n"))
        #expect(try run(["meeting", "notice", "M9"], "2026-03-10 10:40").status == 2)
        _ = tmp
    }

    @Test func anOfficeTemplateOverridesAndABrokenOneIsRefusedWithItsLine() throws {
        let (tmp, run) = try office()
        let dir = tmp.base + "/etc/templates"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "本店通知：{{title}}，{{room}}\n".write(toFile: dir + "/meeting-notice.zh.mustache", atomically: true, encoding: .utf8)
        let used = try run(["meeting", "notice", "M1", "--lang", "zh"], "2026-03-10 10:40")
        #expect(used.status == 0 && used.stdout == "本店通知：预算会，长城厅\n", "\(used)")
        let listed = try run(["template", "list"], "2026-03-10 10:40")
        #expect(listed.status == 0, "\(listed)")
        #expect(listed.stdout.split(separator: "\n").contains { $0.hasPrefix("meeting-notice.zh.mustache") && $0.contains(dir + "/meeting-notice.zh.mustache") && $0.contains("system-wide") })
        #expect(listed.stdout.split(separator: "\n").contains { $0.hasPrefix("minutes.en.mustache") && $0.contains("(built in)") })

        try "第一行\n{{#agenda}}\n{{text}}\n".write(toFile: dir + "/meeting-notice.zh.mustache", atomically: true, encoding: .utf8)
        let broken = try run(["meeting", "notice", "M1", "--lang", "zh"], "2026-03-10 10:40")
        #expect(broken.status == 2 && broken.stdout.isEmpty, "\(broken)")
        #expect(broken.stderr.contains(dir + "/meeting-notice.zh.mustache:2:"), "\(broken.stderr)")
        let list2 = try run(["template", "list"], "2026-03-10 10:40")
        #expect(list2.status == 2 && list2.stdout.contains("BROKEN: line 2"), "\(list2)")
        // The default to copy from.
        let shown = try run(["template", "show", "meeting-notice", "--lang", "zh"], "2026-03-10 10:40")
        #expect(shown.status == 0 && shown.stdout.contains("会议通知：{{title}}"))
    }

    @Test func aFilledMinutesSkeletonIsRecordedWithItsActionItems() throws {
        let (tmp, run) = try office()
        #expect(try run(["meeting", "held", "M1"], "2026-03-11 10:05").status == 0)
        let skeleton = try run(["meeting", "minutes-template", "M1", "--lang", "en"], "2026-03-11 11:10")
        #expect(skeleton.status == 0, "\(skeleton)")
        let file = tmp.base + "/minutes.txt"
        let bad = skeleton.stdout.replacingOccurrences(of: "- [ ] lina | due 2026-03-18 | ", with: "- [ ] lina | due 2026-03-18 | book the auditor\n- [ ] nobody | due tomorrow | x")
        try bad.write(toFile: file, atomically: true, encoding: .utf8)
        let refused = try run(["meeting", "minutes", "M1", "--from-file", file], "2026-03-11 11:20")
        #expect(refused.status == 2 && refused.stderr.contains("unknown owner 'nobody'") && refused.stderr.contains("'tomorrow'"), "\(refused)")
        let good = skeleton.stdout.replacingOccurrences(of: "- [ ] lina | due 2026-03-18 | ", with: "- [ ] lina | due 2026-03-18 | book the auditor\n- [ ] wangwei | due 2026-03-20 | 发预算表")
        try good.write(toFile: file, atomically: true, encoding: .utf8)
        let recorded = try run(["meeting", "minutes", "M1", "--from-file", file], "2026-03-11 11:20")
        #expect(recorded.status == 0 && recorded.stdout == "T1\nT2\n", "\(recorded)")
        let shown = try run(["meeting", "show", "M1", "--json"], "2026-03-11 11:30")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [[String: Any]])
        let items = try #require(rows.first?["actionItems"] as? [[String: Any]])
        #expect(items.compactMap { $0["owner"] as? String } == ["lina", "wangwei"])
        #expect(try run(["meeting", "minutes", "M1"], "2026-03-11 11:30").status == 2, "--file or --from-file is required")
    }

    @Test func thePriceComparisonWarnsUnderThreeQuotesAndWritesCSV() throws {
        let (tmp, run) = try office()
        #expect(try run(["stock", "item", "add", "--sku", "PAPER", "--name", "A4 纸", "--unit", "箱", "--reorder-at", "2", "--target", "10"], "2026-03-10 10:40").status == 0)
        let p = try run(["purchase", "request", "--sku", "PAPER", "--qty", "5", "--quote", "得力:25.5:3:稳定", "--quote", "晨光:24:5", "--quote", "=evil:26:1"],
                        "2026-03-10 10:45")
        try #require(p.status == 0, "\(p)")
        let id = p.firstLine
        let text = try run(["purchase", "compare", id, "--lang", "en"], "2026-03-10 10:50")
        #expect(text.status == 0 && text.stdout.contains("2. 晨光  <- CHOSEN") && !text.stdout.contains("WARNING"), "\(text)")
        let csv = try run(["purchase", "compare", id, "--format", "csv"], "2026-03-10 10:50")
        #expect(csv.stdout.hasPrefix("\u{FEFF}purchase,item,") && csv.stdout.contains("\r\n") && csv.stdout.contains(",'=evil,"), "\(csv)")
        _ = tmp
    }
}
