import Foundation
import FrontDeskInterchange
import Testing

/// RFC 5545's text layer: folding, escaping, and malformed files named by their line.
@Suite struct ICalendarTextTests {
    /// 75-octet folding on a Chinese title: no physical line is longer, none splits a character,
    /// and unfolding gives the title back.
    @Test func foldingAtSeventyFiveOctetsNeverSplitsAChineseCharacter() throws {
        let title = "SUMMARY:" + String(repeating: "季度预算评审会议，", count: 12) + "end"
        let folded = ICalendarText.fold(title)
        let bytes = Array(folded.utf8)
        var lines: [[UInt8]] = [], current: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == 13, i + 1 < bytes.count, bytes[i + 1] == 10 { lines.append(current); current = []; i += 2; continue }
            current.append(bytes[i]); i += 1
        }
        #expect(current.isEmpty, "the folded line ends in CRLF")
        #expect(lines.count > 3)
        for l in lines {
            #expect(l.count <= 75, "a physical line of \(l.count) octets")
            // Each physical line alone is valid UTF-8: no character was cut in two.
            #expect(String(validating: l, as: UTF8.self) != nil, "a line splits a UTF-8 sequence")
        }
        // The lines are filled: only the last may be short by more than one character.
        for l in lines.dropLast() { #expect(l.count >= 72) }
        let unfolded = ICalendarText.unfold(folded)
        #expect(unfolded.count == 1)
        #expect(unfolded.first?.text == title)
    }

    /// A 4-octet emoji at the boundary moves whole to the next line.
    @Test func anEmojiAtTheBoundaryIsNotSplit() {
        let line = "SUMMARY:" + String(repeating: "a", count: 64) + "😀😀😀"
        let lines = ICalendarText.fold(line).components(separatedBy: "\r\n")
        // 72 octets + 4 would be 76: the emoji starts the next line instead.
        #expect(lines[0].utf8.count == 72)
        #expect(lines[1] == " 😀😀😀")
    }

    @Test func textEscapingRoundTrips() throws {
        let cases = ["a,b;c\\d", "line one\nline two", "预算, 第二季度; 备注\\n字面", "ends with backslash\\", ""]
        for s in cases {
            let escaped = ICalendarText.escape(s)
            #expect(!escaped.contains("\n"))
            #expect(ICalendarText.unescape(escaped) == s)
            // Through a whole content line, as a reader meets it.
            let parsed = try ICalendarText.parse(ICalendarText.unfold(ICalendarText.fold("DESCRIPTION:" + escaped))[0].text, line: 1)
            #expect(ICalendarText.unescape(parsed.value) == s)
        }
        #expect(ICalendarText.escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne")
        #expect(ICalendarText.unescape("Outlook\\: colon\\Nnext") == "Outlook: colon\nnext")
    }

    @Test func quotedParametersAreRead() throws {
        let p = try ICalendarText.parse("DTSTART;TZID=\"China Standard Time\";X-A=1,\"b:c\":20260317T100000", line: 7)
        #expect(p.name == "DTSTART")
        #expect(p.parameter("TZID") == "China Standard Time")
        #expect(p.parameters["X-A"] == ["1", "b:c"])
        #expect(p.value == "20260317T100000")
    }

    static let head = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"

    func error(_ text: String) -> ICalendarError? {
        do { _ = try ICalendarReader.events(text, office: TimeZone(identifier: "Asia/Shanghai")!); return nil } catch { return error }
    }

    @Test func anUnterminatedEventNamesTheLineOfItsBegin() throws {
        let text = Self.head + "BEGIN:VEVENT\r\nDTSTART:20260317T100000\r\nSUMMARY:x\r\nEND:VCALENDAR\r\n"
        let e = try #require(error(text))
        // END:VCALENDAR meets the open VEVENT of line 4.
        #expect(e.line == 7)
        #expect(e.message.contains("BEGIN:VEVENT of line 4"))
        let cut = try #require(error(Self.head + "BEGIN:VEVENT\r\nDTSTART:20260317T100000\r\n"))
        #expect(cut.line == 4 && cut.message.contains("never closed"))
        #expect(cut.zh.contains("END:VEVENT"))
    }

    @Test func aBadStartNamesItsLine() throws {
        let text = Self.head + "BEGIN:VEVENT\r\nSUMMARY:x\r\nDTSTART:2026-03-17 10:00\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        let e = try #require(error(text))
        #expect(e.line == 6)
        #expect(e.message.contains("DTSTART"))
        let feb30 = try #require(error(Self.head + "BEGIN:VEVENT\r\nDTSTART:20260230T100000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"))
        #expect(feb30.line == 5)
        // A folded line counts from where it starts; LF-only files count the same.
        let folded = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:long\n  title\nDTSTART;TZID=Nowhere/Land:20260317T100000\nEND:VEVENT\nEND:VCALENDAR\n"
        let zone = try #require(error(folded))
        #expect(zone.line == 5 && zone.message.contains("Nowhere/Land"))
        #expect(error("hello\n")?.line == 1)
        #expect(error("")?.message.contains("no BEGIN:VCALENDAR") == true)
    }

    @Test func durationsAndRulesParse() throws {
        #expect(ZoneNames.duration("P0DT1H0M0S") == 3600)
        #expect(ZoneNames.duration("PT1H30M") == 5400)
        #expect(ZoneNames.duration("P1W") == 604_800)
        #expect(ZoneNames.duration("1H") == nil)
        #expect(ZoneNames.known("China Standard Time")?.identifier == "Asia/Shanghai")
        #expect(ZoneNames.known("/mozilla.org/20050126_1/Asia/Shanghai")?.identifier == "Asia/Shanghai")
    }
}
