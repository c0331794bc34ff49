import Foundation
import Testing
@testable import FrontDeskKit

/// Every refusal carries a Simplified Chinese reason beside the English one, which stays as it was.
@Suite struct RefusalLanguageTests {
    static let tz = TimeZone(identifier: "Asia/Shanghai") ?? .current
    static func at(_ s: String) -> Date { DateInput.parseDateTime(s, tz) ?? Date() }
    let ctx = RuleContext(env: .fixed(at: at("2026-11-30 09:00"), user: "zhangmin", timeZone: tz))

    static func hasChinese(_ s: String) -> Bool { s.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }

    func office() throws -> OfficeState {
        var s = OfficeState()
        let changes: [Change] = [
            .addPerson(Person(login: "lina", name: "李娜")),
            .grantRole(user: "ann", role: .approver),
            .addRoom(Room(id: "R1", name: "长城厅", capacity: 8, equipment: ["projector"])),
            .bookMeetings([Meeting(id: "M1", title: "Budget", roomID: "R1", organizer: "lina", start: Self.at("2026-11-30 10:00"),
                                   end: Self.at("2026-11-30 11:00"), status: .confirmed, requestedAt: Self.at("2026-11-29 10:00"))]),
            .addBadges(["B001"]),
            .addVisitor(Visitor(id: "V1", name: "张伟", host: "lina", expectedAt: Self.at("2026-11-30 10:00"), receivedAt: Self.at("2026-11-30 08:00"))),
            .addItem(SupplyItem(sku: "PAP-A4", name: "A4 paper", unit: "ream", reorderAt: 2, target: 10)),
        ]
        for c in changes {
            if case .grantRole = c { s.apply(c); continue }
            try s.validate(c, ctx); s.apply(c)
        }
        return s
    }

    func refusal(_ c: Change, in s: OfficeState, as user: String? = nil, allowOverrides: Bool = true) -> Refusal? {
        var context = ctx
        if let u = user { context.env.actingUser = u }
        context.allowOverrides = allowOverrides
        do { try s.validate(c, context); return nil } catch { return error }
    }

    func meeting(_ id: String, _ from: String, _ to: String, room: String = "R1", attendees: Int = 0) -> Change {
        .bookMeetings([Meeting(id: id, title: "X", roomID: room, organizer: "tom", attendees: (0..<attendees).map { "p\($0)" },
                               start: Self.at("2026-11-30 \(from)"), end: Self.at("2026-11-30 \(to)"), requestedAt: Self.at("2026-11-30 08:00"))])
    }

    @Test func aSampleOfRulePathsRefusesInBothLanguages() throws {
        let s = try office()
        let samples: [(String, Change, String?)] = [
            ("room taken", meeting("M2", "10:30", "11:30"), nil),
            ("too many attendees", meeting("M2", "12:00", "13:00", attendees: 20), nil),
            ("no such room", meeting("M2", "12:00", "13:00", room: "R9"), nil),
            ("ends before it starts", meeting("M2", "13:00", "12:00"), nil),
            ("no such meeting", .setMeetingStatus(meetingID: "M9", status: .confirmed, at: Self.at("2026-11-30 09:00")), nil),
            ("no such visitor", .cancelVisitor(visitorID: "V9", at: Self.at("2026-11-30 09:00")), nil),
            ("badge exists", .addBadges(["B001"]), nil),
            ("visitor not on site", .checkOutVisitor(visitorID: "V1", at: Self.at("2026-11-30 09:00"), lostBadges: []), nil),
            ("no stock", .moveStock(StockMove(id: "K9", sku: "PAP-A4", kind: .issue, quantity: -3, at: Self.at("2026-11-30 09:00"), by: "zhangmin",
                                              department: "行政部", recipient: "李娜")), nil),
            ("unknown item", .moveStock(StockMove(id: "K9", sku: "NOPE", kind: .receive, quantity: 3, at: Self.at("2026-11-30 09:00"), by: "zhangmin")), nil),
            ("not an admin", .grantRole(user: "bob", role: .admin), "bob"),
            ("empty name", .addRoom(Room(id: "R5", name: " ", capacity: 3)), nil),
            ("control character", .addRoom(Room(id: "R5", name: "A\u{1B}B", capacity: 3)), nil),
        ]
        for (what, change, user) in samples {
            let r = try #require(refusal(change, in: s, as: user, allowOverrides: user == nil), "\(what) should be refused")
            let zh = try #require(r.zh, "\(what): no Chinese for \"\(r.message)\"")
            #expect(Self.hasChinese(zh), "\(what): \(zh)")
            #expect(zh != r.message)
            #expect(r.text(chinese: true) == zh && r.text(chinese: false) == r.message)
            #expect(!Self.hasChinese(r.message.replacingOccurrences(of: "长城厅", with: "").replacingOccurrences(of: "李娜", with: "")
                .replacingOccurrences(of: "张伟", with: "").replacingOccurrences(of: "行政部", with: "")), "\(what): English stays English: \(r.message)")
        }
    }

    @Test func theRoomTakenRefusalReadsAsAClerkWouldSayIt() throws {
        let r = try #require(refusal(meeting("M2", "10:30", "11:30"), in: try office()))
        #expect(r.message == "Not booked: 长城厅 is booked 2026-11-30 10:00–11:00 by 李娜 (M1 Budget).")
        #expect(r.zh == "未预订：长城厅 在 2026-11-30 10:00–11:00 已被 李娜 预订（M1 Budget）。")
    }

    /// Every refusal written in the Kit's sources passes a `zh:` text, so a new rule cannot forget it.
    @Test func everyRefusalInTheKitHasChinese() throws {
        let kit = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/FrontDeskKit")
        let files = try #require(FileManager.default.enumerator(atPath: kit.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") })
        var calls = 0
        for file in files where file != "Changes/Refusal.swift" {
            let text = try String(contentsOf: kit.appendingPathComponent(file), encoding: .utf8)
            let chars = Array(text)
            var i = 0
            let opens = [".rule(", ".invalid(", ".permission("].map(Array.init)
            while i < chars.count {
                guard let open = opens.first(where: { i + $0.count <= chars.count && Array(chars[i..<(i + $0.count)]) == $0 }) else { i += 1; continue }
                // The call's arguments, to the matching parenthesis.
                var depth = 0, j = i + open.count - 1
                repeat {
                    if chars[j] == "(" { depth += 1 } else if chars[j] == ")" { depth -= 1 }
                    j += 1
                } while depth > 0 && j < chars.count
                let call = String(chars[i..<j])
                calls += 1
                #expect(call.contains("zh:"), "\(file): a refusal without Chinese: \(call.prefix(120))")
                i = j
            }
        }
        #expect(calls > 150, "the scan found the refusals (\(calls))")
    }
}
