import Foundation
import FrontDeskKit
@testable import FrontDeskTUI
import Testing
import TestSupport

/// The Assets and Parcels panes (placed on the second page), rendered as text at the two
/// dashboard sizes with CJK models and names, and the home status bar's parcel count.
@Suite struct AssetParcelPaneTests {
    static let sizes = [(120, 40), (80, 24)]

    enum Which: CaseIterable {
        case assets, parcels
        var pane: PaneID { self == .assets ? .assets : .parcels }
    }

    static func render(_ which: Which, _ model: DashboardModel, width: Int, height: Int, selected: String? = nil,
                       strings: Strings = Strings(.en)) -> (grid: TextGrid, result: PaneDrawResult, rect: Rect) {
        var grid = TextGrid(width: width, height: height)
        let rect = Rect(row: 0, col: 0, width: width, height: height)
        let view = PaneViewState(selectedID: selected)
        let result = PaneRenderer.draw(which.pane, model: model, view: view, rect: rect, focused: true, strings: strings, into: &grid)
        return (grid, result, rect)
    }

    static func ids(_ which: Which, _ model: DashboardModel) -> [String] {
        PaneRenderer.rowIDs(which.pane, model: model, filter: "")
    }

    @Test(arguments: Which.allCases)
    func demoRowsFitBetweenWholeBordersAtBothSizes(_ which: Which) throws {
        let demo = PaneFixture.demo
        let ids = Self.ids(which, demo)
        #expect(ids.count >= 10, "\(which): \(ids.count) rows in the demo")
        for (w, h) in Self.sizes {
            for strings in [Strings(.en), Strings(.zhHans)] {
                let r = Self.render(which, demo, width: w, height: h, selected: ids.last, strings: strings)
                for row in 0..<h { #expect(DisplayWidth.of(r.grid.line(row)) == w, "\(which) \(w)×\(h) row \(row)") }
                for row in 1..<(h - 1) {
                    #expect(r.grid[row, w - 1].text == "│" && r.grid[row, 0].text == "│", "\(which) \(w)×\(h) row \(row)")
                }
                let cursor = try #require(r.result.cursor, "\(which) \(w)×\(h): the last row scrolls into view")
                for c in 1..<(w - 1) { #expect(r.grid[cursor.row, c].role == .selected) }
            }
        }
    }

    @Test func assetColumnsLineUpAfterChineseModels() {
        for (w, h) in Self.sizes {
            let r = Self.render(.assets, PaneFixture.demo, width: w, height: h)
            let lines = PaneFixture.innerLines(r.grid, r.rect)
            // The model column follows the tag; the state column follows models and holders in Chinese and English.
            let states = ["in use", "in store", "repair"]
            let cols = lines.compactMap { l in states.first { l.contains(" \($0) ") }.flatMap { PaneFixture.column(of: " \($0) ", in: l) } }
            #expect(cols.count >= 10 && Set(cols).count == 1, "\(w): \(cols)")
            #expect(lines.contains { $0.contains(w >= 120 ? "ThinkPad T14 笔记本" : "ThinkPad T14") })
        }
    }

    static var office: DashboardModel {
        var s = OfficeState()
        let now = DemoFixture.now
        for c: Change in [
            .addPerson(Person(login: "lina", name: "李娜", department: "行政部")), .addPerson(Person(login: "tom", name: "Tom Becker")),
            .addAsset(Asset(tag: "FA-1", category: "laptop", model: "ThinkPad 笔记本", serial: nil, purchasedOn: DemoFixture.at(9, 0, dayOffset: -365),
                            costCents: 365_000, supplier: nil, department: "行政部", location: "3F", holder: "lina", state: .inUse,
                            addedAt: now, addedBy: "tom")),
            .addAsset(Asset(tag: "FA-2", category: "printer", model: "HP LaserJet", serial: nil, purchasedOn: DemoFixture.at(9, 0, dayOffset: -10),
                            costCents: 250_000, supplier: nil, department: "销售部", location: "2F 打印区", holder: nil, state: .inUse,
                            addedAt: now, addedBy: "tom")),
            .reportAssetFault(tag: "FA-2", repair: AssetRepair(fault: "jam", reportedAt: DemoFixture.at(9, 0, dayOffset: -15), reportedBy: "tom", stateBefore: .inUse)),
            .receiveParcel(Parcel(id: "C1", incoming: true, carrier: "顺丰 SF", tracking: "SF1", person: "lina", department: "行政部", size: "M",
                                  shelf: "A2", status: .waiting, at: DemoFixture.at(10, 0, dayOffset: -4), by: "tom")),
            .receiveParcel(Parcel(id: "C2", incoming: true, carrier: "DHL", tracking: "D2", person: "tom", department: nil, size: "S",
                                  shelf: "A1", status: .waiting, at: DemoFixture.at(9, 0), by: "tom")),
            .collectParcel(parcelID: "C2", collector: "Tom", at: DemoFixture.at(9, 30)),
        ] { s.apply(c) }
        return PaneFixture.model(s)
    }

    @Test func assetsGoldenWithAnOverdueRepairFirst() {
        let r = Self.render(.assets, Self.office, width: 72, height: 4)
        #expect(r.grid.text.components(separatedBy: "\n") == [
            "┌ Assets 2 · 1 repair overdue ─────────────────────────────────────────┐",
            "│FA-2 HP LaserJet     2F 打印区 销售部 repair 2,486.31 !repair 15d     │",
            "│FA-1 ThinkPad 笔记本 李娜      行政部 in use 2,920.00                 │",
            "└────────────────────────────────────────────────────────────────── 2 ─┘",
        ])
    }

    @Test func parcelsGoldenWaitingThenHandled() {
        let r = Self.render(.parcels, Self.office, width: 64, height: 6, strings: Strings(.zhHans))
        #expect(r.grid.text.components(separatedBy: "\n") == [
            "┌ 快递 1 · 超期未领 1 ─────────────────────────────────────────┐",
            "│待领取 (1)                                                    │",
            "│C1  顺丰 SF  李娜        行政部  A2  4 天        !待领        │",
            "│今日已处理 (1)                                                │",
            "│C2  DHL      Tom Becker          A1  已领取 Tom               │",
            "└────────────────────────────────────────────────────────── 2 ─┘",
        ])
    }

    @Test func detailsNameTheLedgerFieldsAndTheParcelsWay() throws {
        let a = try #require(AssetsPane.detail(id: "FA-2", model: Self.office, strings: Strings(.en)))
        #expect(a.title == "FA-2 HP LaserJet")
        // 2500.00 over 5 years, 10 days held: 2500.00 × 10 ÷ 1825 = 13.69 off.
        #expect(a.lines.contains("Book value: 2486.31"))
        #expect(a.lines.contains("Flags: !repair"))
        let p = try #require(ParcelsPane.detail(id: "C2", model: Self.office, strings: Strings(.zhHans)))
        #expect(p.lines.contains { $0.hasPrefix("领取人") && $0.contains("Tom") })
        #expect(ParcelsPane.detail(id: "C9", model: Self.office, strings: Strings(.en)) == nil)
    }

    @Test func theHomeStatusBarCountsParcelsWaitingForCollection() {
        var home = Dashboard(model: Self.office, storeLabel: "/srv/frontdesk")
        let with = home.render(width: 120, height: 40).text
        let bar = with.split(separator: "\n").last.map(String.init) ?? ""
        #expect(bar.contains("Parcels 1"), "\(bar)")
        var empty = OfficeState()
        empty.apply(.addPerson(Person(login: "lina", name: "李娜")))
        var bare = Dashboard(model: PaneFixture.model(empty), storeLabel: "/srv/frontdesk")
        let without = bare.render(width: 120, height: 40).text
        #expect(!(without.split(separator: "\n").last.map(String.init) ?? "").contains("Parcels"))
    }
}
