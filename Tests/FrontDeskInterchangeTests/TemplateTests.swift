import Foundation
import FrontDeskKit
import Testing
import TestSupport
@testable import FrontDeskInterchange

/// The office's Chinese-named test office: 李娜 organises 季度预算评审 in 长城厅 on Thursday
/// 2026-03-12; a purchase of A4 paper with three quotes (not the cheapest chosen) and one with two.
enum FormFixture {
    static let tz = TempStore.timeZone
    static let now = TempStore.date("2026-03-10 10:30")

    static var state: OfficeState {
        var s = OfficeState()
        s.people["lina"] = Person(login: "lina", name: "李娜", department: "行政部", email: "lina@example.com")
        s.people["wangwei"] = Person(login: "wangwei", name: "王伟", department: "财务部", email: "wangwei@example.com")
        s.people["zhangmin"] = Person(login: "zhangmin", name: "张敏", department: "市场部")
        s.rooms["R1"] = Room(id: "R1", name: "长城厅", capacity: 8, equipment: ["投影仪", "视频会议"])
        var m = Meeting(id: "M1", title: "季度预算评审", roomID: "R1", organizer: "lina", attendees: ["lina", "wangwei", "zhangmin"],
                        start: TempStore.date("2026-03-12 10:00"), end: TempStore.date("2026-03-12 11:30"), status: .confirmed,
                        requestedAt: now, requiredEquipment: ["投影仪"])
        m.chair = "wangwei"
        m.goal = "确定第二季度办公用品预算"
        m.guests = [GuestInvite(name: "陈博士", contact: "chen@example.com", invitedAt: now)]
        s.meetings["M1"] = m
        s.items["S1"] = SupplyItem(sku: "S1", name: "A4 打印纸", unit: "箱", reorderAt: 5, target: 20)
        s.purchases["P1"] = PurchaseRequest(
            id: "P1", sku: "S1", quantity: 10,
            quotes: [Quote(supplier: "得力文具", unitPrice: 25.5, leadDays: 3, quality: "品质稳定"),
                     Quote(supplier: "晨光办公", unitPrice: 24, leadDays: 5),
                     Quote(supplier: "京东企业购", unitPrice: 26, leadDays: 1, quality: "次日达")],
            chosen: 0, justification: "质量更稳定，去年无退货", urgent: false, requester: "lina", createdAt: now, approvalID: "A1")
        s.purchases["P2"] = PurchaseRequest(
            id: "P2", sku: "S1", quantity: 2,
            quotes: [Quote(supplier: "得力文具", unitPrice: 25.5, leadDays: 3), Quote(supplier: "晨光办公", unitPrice: 24, leadDays: 5)],
            chosen: 1, justification: nil, urgent: true, requester: "zhangmin", createdAt: now, approvalID: "A2")
        return s
    }

    static let input = MeetingFormInput(agenda: ["一季度支出回顾", "二季度预算草案"], bring: ["一季度部门开支表"])

    static func meetingValues(_ lang: String) -> [String: Any] {
        let s = state
        return MeetingForms.values(s.meetings["M1"]!, in: s, input: input, language: lang, now: now, timeZone: tz)
    }

    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func golden(_ name: String) throws -> String {
        // Decoded by hand: Foundation may drop a BOM, and the CSV golden starts with one.
        String(decoding: try Data(contentsOf: repo.appendingPathComponent("Tests/FrontDeskInterchangeTests/Golden/\(name)")), as: UTF8.self)
    }

    static func tempDir() throws -> String {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("fd-templates-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
        return d
    }
}

/// Each shipped template, filled for the Chinese-named office, against an expected file written by hand.
@Suite struct FormGoldenTests {
    let builtIn = TemplateLibrary(folders: [])

    @Test(arguments: ["en", "zh"]) func meetingNotice(lang: String) throws {
        let text = try builtIn.render(.meetingNotice, language: lang, FormFixture.meetingValues(lang))
        #expect(text == (try FormFixture.golden("meeting-notice.\(lang).txt")))
    }

    @Test(arguments: ["en", "zh"]) func minutesSkeleton(lang: String) throws {
        let text = try builtIn.render(.minutes, language: lang, FormFixture.meetingValues(lang))
        #expect(text == (try FormFixture.golden("minutes.\(lang).txt")))
    }

    @Test(arguments: [("P1", "zh"), ("P2", "en")]) func priceComparison(id: String, lang: String) throws {
        let s = FormFixture.state
        let values = PriceComparison.values(s.purchases[id]!, in: s, language: lang, timeZone: FormFixture.tz)
        let text = try builtIn.render(.priceComparison, language: lang, values)
        #expect(text == (try FormFixture.golden("price-comparison.\(id).\(lang).txt")))
    }

    @Test func priceComparisonCSVIsASpreadsheetSafeFile() throws {
        var s = FormFixture.state
        s.purchases["P1"]?.quotes[1].quality = "=HYPERLINK(\"http://x\")"
        let csv = PriceComparison.csv(s.purchases["P1"]!, in: s, language: "zh")
        #expect(csv == (try FormFixture.golden("price-comparison.P1.zh.csv")).replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(csv.hasPrefix("\u{FEFF}"))
    }
}

/// An admin's file overrides the built-in template; a broken one is reported, never replaced.
@Suite struct TemplateOverrideTests {
    @Test func aFileInAFolderIsUsedInsteadOfTheBuiltInOne() throws {
        let mine = try FormFixture.tempDir(), office = try FormFixture.tempDir()
        defer { try? FileManager.default.removeItem(atPath: mine); try? FileManager.default.removeItem(atPath: office) }
        try "门口贴：{{title}} 在 {{room}}\n".write(toFile: office + "/meeting-notice.zh.mustache", atomically: true, encoding: .utf8)
        let lib = TemplateLibrary(folders: [TemplateFolder(path: mine, what: "yours"), TemplateFolder(path: office, what: "system-wide")])
        #expect(try lib.render(.meetingNotice, language: "zh", FormFixture.meetingValues("zh")) == "门口贴：季度预算评审 在 长城厅\n")
        #expect(try lib.source("meeting-notice.zh.mustache").file == office + "/meeting-notice.zh.mustache")
        // English still comes built in; the first folder that has a file wins.
        #expect(try lib.source("meeting-notice.en.mustache").file == nil)
        try "{{title}}!\n".write(toFile: mine + "/meeting-notice.zh.mustache", atomically: true, encoding: .utf8)
        #expect(try lib.render(.meetingNotice, language: "zh", FormFixture.meetingValues("zh")) == "季度预算评审!\n")
    }

    @Test func aBrokenFileIsReportedWithItsLineAndTheDefaultIsNotUsed() throws {
        let dir = try FormFixture.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/minutes.en.mustache"
        try "MINUTES {{title}}\n\n{{#agenda}}\n{{number}}. {{text}}\nDECISIONS\n".write(toFile: file, atomically: true, encoding: .utf8)
        let lib = TemplateLibrary(folders: [TemplateFolder(path: dir, what: "system-wide")])
        do {
            let text = try lib.render(.minutes, language: "en", FormFixture.meetingValues("en"))
            Issue.record("rendered a broken template: \(text)")
        } catch {
            #expect(error.file == file)
            #expect(error.line == 3, "the line where {{#agenda}} was opened")
            #expect(error.description.contains("\(file):3:") && error.description.contains("{{/agenda}}"))
        }
        try "x {{title\n".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(throws: TemplateError.self) { try lib.render(.minutes, language: "en", [:]) }
    }
}

/// The shipped files are compiled in: a copied binary without `templates/` still fills its forms.
@Suite struct BuiltinTemplateTests {
    @Test func theBuiltInCopyEqualsTheShippedFiles() throws {
        let dir = FormFixture.repo.appendingPathComponent("templates")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".mustache") }.sorted()
        #expect(files == OfficeForm.allFileNames.sorted())
        #expect(BuiltinTemplates.texts.keys.sorted() == files)
        for name in files {
            let file = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
            #expect(BuiltinTemplates.texts[name] == file, "run scripts/builtin-templates.py: the built-in \(name) is out of date with templates/\(name)")
        }
    }

    @Test func everyBuiltInTemplateParses() throws {
        for name in OfficeForm.allFileNames {
            _ = try TemplateLibrary.parse(try #require(TemplateLibrary.builtinText(name)), file: name)
        }
    }
}

/// The invitation a mail client reads: RFC 5545 lines, folded on character boundaries.
@Suite struct InvitationTests {
    @Test func theInvitationIsAFoldedRequestWithEveryAttendee() throws {
        let s = FormFixture.state
        let notice = try TemplateLibrary(folders: []).render(.meetingNotice, language: "zh", FormFixture.meetingValues("zh"))
        let ics = Invitation.ics(s.meetings["M1"]!, in: s, uid: "M1.1@frontdesk", description: notice, now: FormFixture.now)
        let bytes = Array(ics.utf8)
        #expect(ics.hasSuffix("END:VCALENDAR\r\n"))
        let physical = ics.components(separatedBy: "\r\n").dropLast()
        for line in physical {
            #expect(line.utf8.count <= 75, "line longer than 75 octets: \(line)")
            #expect(!line.contains("\n") && !line.contains("\r"))
        }
        #expect(!bytes.indices.contains { bytes[$0] == 0x0A && ($0 == 0 || bytes[$0 - 1] != 0x0D) }, "bare LF")
        // Unfolded, the long description is the notice, escaped.
        let unfolded = ics.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n")
        #expect(unfolded.contains("METHOD:REQUEST"))
        #expect(unfolded.contains("DTSTART:20260312T020000Z") && unfolded.contains("DTEND:20260312T033000Z"))
        #expect(unfolded.contains("LOCATION:长城厅"))
        #expect(unfolded.contains("ORGANIZER;CN=李娜:mailto:lina@example.com"))
        #expect(unfolded.contains("ATTENDEE;CN=王伟;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:wangwei@example.com"))
        #expect(unfolded.contains("ATTENDEE;CN=陈博士;ROLE=OPT-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:chen@example.com"))
        let description = try #require(unfolded.first { $0.hasPrefix("DESCRIPTION:") })
        #expect(description == "DESCRIPTION:" + notice.replacingOccurrences(of: ",", with: "\\,")
            .replacingOccurrences(of: ";", with: "\\;").replacingOccurrences(of: "\n", with: "\\n"))
        #expect(physical.count > unfolded.count, "the description was folded")
    }

    @Test func foldingNeverSplitsACharacter() {
        for prefix in ["", "a", "ab"] {
            let line = "SUMMARY:" + prefix + String(repeating: "会议室预订", count: 12)
            let bytes = Array(ICalendarText.fold(line).utf8)
            // Physical lines as bytes: each decodes on its own (no character cut) and fits 75 octets.
            var parts: [[UInt8]] = [[]]
            var i = 0
            while i < bytes.count {
                if bytes[i] == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { parts.append([]); i += 2; continue }
                parts[parts.count - 1].append(bytes[i]); i += 1
            }
            #expect(parts.removeLast().isEmpty, "ends with CRLF")
            for (n, part) in parts.enumerated() {
                #expect(part.count <= 75)
                #expect(n == parts.count - 1 || part.count >= 73, "folded no earlier than a character boundary needs")
                #expect(String(bytes: n == 0 ? part : Array(part.dropFirst()), encoding: .utf8) != nil, "a character was cut")
            }
            #expect(ICalendarText.fold(line).replacingOccurrences(of: "\r\n ", with: "") == line + "\r\n")
        }
    }
}
