import Foundation
import FrontDeskKit
@testable import FrontDeskTUI
import Testing
import TestSupport

/// The Archives pane drawn as text (English and Chinese, CJK titles and names), at the dashboard's
/// two sizes, and the notice in the home page's status bar.
@Suite struct ArchivesPaneTests {
    static func at(_ h: Int, _ m: Int, dayOffset: Int = 0) -> Date { DemoFixture.at(h, m, dayOffset: dayOffset) }

    /// A shelf of three files: one overdue on loan to 刘洋, one confidential waiting for approval, one on the shelf.
    static var shelfState: OfficeState {
        var s = OfficeState()
        let changes: [Change] = [
            .addPerson(Person(login: "liuyang", name: "刘洋", department: "销售部")),
            .addPerson(Person(login: "maria", name: "Maria Garcia", department: "销售部")),
            .fileArchive(ArchiveFile(id: "F1", title: "华信科技销售合同 Huaxin sales contract", department: "销售部", project: "Huaxin",
                                     category: "contract", date: at(10, 0, dayOffset: -200), medium: .paper, cabinet: "B-02", box: "11",
                                     retentionYears: 30, pages: 18, attachments: 1, filedBy: "lina", filedAt: at(10, 0, dayOffset: -200))),
            .fileArchive(ArchiveFile(id: "F2", title: "办公楼租赁合同", department: "行政部", category: "contract", date: at(10, 0, dayOffset: -400),
                                     medium: .paper, cabinet: "A-01", box: "03", retentionYears: 10, confidential: true, pages: 24,
                                     filedBy: "lina", filedAt: at(10, 0, dayOffset: -400))),
            .fileArchive(ArchiveFile(id: "F3", title: "Employee handbook", department: "人力资源部", category: "regulation",
                                     date: at(10, 0, dayOffset: -90), medium: .electronic, path: "/srv/hr/handbook.pdf", retentionYears: nil,
                                     filedBy: "lina", filedAt: at(10, 0, dayOffset: -90))),
            .lendArchive(ArchiveLoan(id: "L1", fileID: "F1", borrower: "liuyang", purpose: "renewal", due: at(18, 0, dayOffset: -2),
                                     requestedBy: "lina", requestedAt: at(10, 0, dayOffset: -7), lentAt: at(10, 0, dayOffset: -7))),
            .requestArchiveLoan(ArchiveLoan(id: "L2", fileID: "F2", borrower: "maria", purpose: "clause", due: at(18, 0, dayOffset: 2),
                                            requestedBy: "lina", requestedAt: at(9, 0), status: .awaitingApproval, approvalID: "A1"),
                                approval: ApprovalRequest(id: "A1", type: .archiveLoan, title: "lease → Maria", requester: "lina", createdAt: at(9, 0))),
        ]
        for c in changes { s.apply(c) }
        return s
    }

    static func render(_ state: OfficeState, width: Int, height: Int, strings: Strings = Strings(.en), selected: String? = nil) -> [String] {
        let now = DemoFixture.now
        let content = ArchivesPane.content(ArchiveShelf(state: state, now: now, calendar: DemoFixture.calendar), now: now,
                                           timeZone: DemoFixture.timeZone, strings: strings)
        var grid = TextGrid(width: width, height: height)
        _ = PaneList.draw(content, view: PaneViewState(selectedID: selected), rect: Rect(row: 0, col: 0, width: width, height: height),
                          focused: true, strings: strings, into: &grid)
        return grid.text.components(separatedBy: "\n")
    }

    static let goldenEn80: [String] = [
        "┌ Archives 3 · 1 overdue ──────────────────────────────────────────────────────┐",
        "│Needs attention (1)                                                           │",
        "│F1  华信科技销售合同 Huaxin… 销售部     B-02/11      11-28 18:00 刘洋    !loan│",
        "│On loan (1)                                                                   │",
        "│F2* 办公楼租赁合同           行政部     A-01/03      approval Maria Gar…      │",
        "│On the shelf (1)                                                              │",
        "│F3  Employee handbook        人力资源部 handbook.pdf                          │",
        "│                                                                              │",
    ]
    static let goldenZh120: [String] = [
        "┌ 档案 3 · 逾期 1 ─────────────────────────────────────────────────────────────────────────────────────────────────────┐",
        "│待处理 (1)                                                                                                            │",
        "│F1   华信科技销售合同 Huaxin sales con…  销售部      合同  B-02柜11盒    11-28 18:00 刘洋     !未还                   │",
        "│借出中 (1)                                                                                                            │",
        "│F2*  办公楼租赁合同                      行政部      合同  A-01柜03盒    待审批 Maria Garcia                          │",
        "│在库 (1)                                                                                                              │",
        "│F3   Employee handbook                   人力资源部  制度  handbook.pdf                                               │",
        "│                                                                                                                      │",
    ]

    @Test func shelfAt80x24InEnglish() {
        let lines = Self.render(Self.shelfState, width: 80, height: 24)
        #expect(Array(lines.prefix(8)) == Self.goldenEn80, "\n\(lines.prefix(8).joined(separator: "\n"))")
        #expect(lines.allSatisfy { DisplayWidth.of($0) == 80 })
    }

    @Test func shelfAt120x40InChinese() {
        let lines = Self.render(Self.shelfState, width: 120, height: 40, strings: Strings(.zhHans))
        #expect(Array(lines.prefix(8)) == Self.goldenZh120, "\n\(lines.prefix(8).joined(separator: "\n"))")
        #expect(lines.allSatisfy { DisplayWidth.of($0) == 120 })
    }

    /// Over the whole demo office, at both sizes and in both languages: every line fills the width,
    /// the borders stay whole, and the loan column starts at one display column on every row that has one.
    @Test(arguments: [(120, 40), (80, 24)])
    func demoShelfLinesUpWithCJK(_ size: (Int, Int)) {
        let (w, h) = size
        for strings in [Strings(.en), Strings(.zhHans)] {
            let lines = Self.render(DemoFixture.state(), width: w, height: h, strings: strings)
            #expect(lines.count == h)
            for (i, l) in lines.enumerated() { #expect(DisplayWidth.of(l) == w, "\(w)×\(h) row \(i): \(l)") }
            for l in lines.dropFirst().dropLast() { #expect(l.hasPrefix("│") && l.hasSuffix("│"), "\(l)") }
            let ids = lines.compactMap { l in l.range(of: #"│F\d+\*? "#, options: .regularExpression).map { _ in l } }
            #expect(ids.count >= 6, "\(lines)")
            let dates = ids.compactMap { l in l.range(of: #"\d\d-\d\d \d\d:\d\d"#, options: .regularExpression).map { PaneFixture.column(of: String(l[$0]), in: l) } }
            #expect(dates.count >= 1 && Set(dates).count == 1, "\(w)×\(h): \(dates)\n\(lines.joined(separator: "\n"))")
        }
    }

    @Test func detailNamesTheLoansInChinese() throws {
        let d = try #require(ArchivesPane.detail(id: "F1", state: Self.shelfState, now: DemoFixture.now, calendar: DemoFixture.calendar,
                                                  strings: Strings(.zhHans)))
        #expect(d.title == "F1 华信科技销售合同 Huaxin sales contract")
        #expect(d.lines.contains("存放：B-02柜11盒"), "\(d.lines)")
        #expect(d.lines.contains { $0.hasPrefix("  L1 刘洋 ") && $0.hasSuffix(" out") })
        #expect(d.lines.contains { $0.contains("!未还") }, "\(d.lines)")
    }

    // MARK: The notice in the status bar

    static func noticeState(postedBy: String) -> OfficeState {
        var s = DemoFixture.state()
        // The notice alone in the status bar: the demo's other pages' overdue counts and parcels would crowd it at 80 columns.
        s.documents = [:]; s.parcels = [:]; s.loans = [:]; s.assets = [:]; s.staff = [:]
        s.apply(.postNotice(Notice(id: "N9", title: "周五 15:00 消防演习 Fire drill", postedBy: postedBy, postedAt: Self.at(9, 0),
                                   endsAt: Self.at(18, 0, dayOffset: 3))))
        return s
    }

    func statusLine(_ state: OfficeState, user: String, width: Int = 80, height: Int = 24, language: UILanguage = .en) -> String {
        var d = Dashboard(model: DashboardModel(state: state, settings: .defaults, env: DemoFixture.env(user: user)), storeLabel: "/srv/frontdesk")
        d.strings = Strings(language)
        let grid = d.render(width: width, height: height)
        return grid.line(height - 1)
    }

    @Test func anUnreadNoticeShowsInTheStatusBar() {
        // lina posted the demo's notices (she operates the demo office), so a notice by someone else waits for her.
        let line = statusLine(Self.noticeState(postedBy: "zhangmin"), user: "lina")
        #expect(line.contains(" Notice: 周五"), "\(line)")
        #expect(statusLine(Self.noticeState(postedBy: "zhangmin"), user: "lina", width: 120, height: 40).contains("Notice: 周五 15:00 消防演习 Fire drill"))
        #expect(DisplayWidth.of(line) == 80)
        let zh = statusLine(Self.noticeState(postedBy: "zhangmin"), user: "lina", width: 120, height: 40, language: .zhHans)
        #expect(zh.contains("通知：周五 15:00 消防演习"), "\(zh)")
        // Its poster is not asked to acknowledge it, and once read it is gone.
        #expect(!statusLine(Self.noticeState(postedBy: "lina"), user: "lina").contains("Notice:"))
        var read = Self.noticeState(postedBy: "zhangmin")
        read.apply(.acknowledgeNotice(noticeID: "N9", ack: NoticeAcknowledgement(by: "lina", at: Self.at(10, 0))))
        #expect(!statusLine(read, user: "lina").contains("Notice:"))
    }

    @Test func twoUnreadNoticesSayHowManyMore() {
        var s = Self.noticeState(postedBy: "zhangmin")
        s.apply(.postNotice(Notice(id: "N10", title: "Lift", postedBy: "zhangmin", postedAt: Self.at(9, 30), endsAt: Self.at(18, 0, dayOffset: 3))))
        let line = statusLine(s, user: "lina", width: 120, height: 40)
        #expect(line.contains("Notice: Lift (1 more)"), "\(line)")
    }
}
