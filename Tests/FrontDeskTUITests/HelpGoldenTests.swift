import Foundation
import FrontDeskKit
@testable import FrontDeskTUI
import Testing
import TestSupport

/// The help overlay as a whole screen (tig's way): the Chinese key list at 80×24 on its first and
/// last pages, compared line by line, so a CJK label that shifts a column shows up here.
@Suite struct HelpGoldenTests {
    static func screen(scrolledTo: ActionID?) -> [String] {
        var d = DashboardTests.dashboard()
        d.strings = Strings(.zhHans)
        d.press(.help)
        if let a = scrolledTo { d.press(a) }
        let grid = d.render(width: 80, height: 24)
        return (1..<23).map { r in
            var s = ""
            for c in 0..<80 { s += grid[r, c].text }
            while s.last == " " { s.removeLast() }
            return s
        }
    }

    @Test func chineseHelpFirstPage() {
        let expected = """
        ┌┌ 帮助 — 按键 ───────────────────────────────────────────────────────────────┐┐
        ││ 通用按键                                                                   ││
        ││ q, ctrl-c 退出             退出前台看板。                                  ││
        ││ ?, f1     帮助             显示或隐藏本按键列表。                          ││
        ││ tab       下一面板         移到下一个面板。                                ││
        ││ shift-tab 上一面板         移到上一个面板。                                ││
        ││ 1         会议             转到会议面板。                                  ││
        ││ 2         访客             转到访客面板。                                  ││
        ││ 3         库存             转到库存面板。                                  ││
        ││ 4         审批             转到审批面板。                                  ││
        ││ up, k     上移             选择上一行；帮助向上滚动。                      ││
        ││ down, j   下移             选择下一行；帮助向下滚动。                      ││
        ││ pgup      上一页           向上滚动一页。                                  ││
        ││ pgdn      下一页           向下滚动一页。                                  ││
        ││ g, home   首行             选择第一行。                                    ││
        ││ G, end    末行             选择最后一行。                                  ││
        ││ enter     打开             打开所选行的详情。                              ││
        ││ esc       返回             关闭菜单、筛选或弹窗。                          ││
        ││ /         筛选             筛选本面板的行。                                ││
        ││ z         最大化           只显示本面板，或恢复显示全部面板。              ││
        ││ 1–19/160  up down pgup pgdn 滚动 · esc 关闭                                ││
        └└────────────────────────────────────────────────────────────────────────────┘┘
        """
        #expect(Self.screen(scrolledTo: nil) == expected.components(separatedBy: "\n"))
    }

    @Test func chineseHelpLastPage() {
        let expected = """
        ┌┌ 帮助 — 按键 ───────────────────────────────────────────────────────────────┐┐
        ││ x         报废申请         提出报废审批；审批通过即报废。                  ││
        ││ d         处理盘点差异     说明理由，处理盘点差异。                        ││
        ││ n         新增资产         将资产登记入账。                                ││
        ││ c         资产盘点         登记某地点盘点到的资产标签。                    ││
        ││                                                                            ││
        ││ 操作菜单 · 快递                                                            ││
        ││ c         已领取           包裹已领取：领取人。                            ││
        ││ r         退回             将无人领取的包裹退回寄件人。                    ││
        ││ i         收件登记         登记收到的包裹并上架。                          ││
        ││ o         寄件登记         寄出包裹：寄件人、部门、快递公司、单号、费用。  ││
        ││                                                                            ││
        ││ 操作菜单 · 入离职                                                          ││
        ││ i         发放             勾选入职人员已领取的项目（设备转给其使用，入职  ││
        ││                            礼包从库存领用）。                              ││
        ││ r         收回             勾选离职人员已归还的项目（资产退回入库）。      ││
        ││ w         申请核销         对无法收回的项目提出核销审批。                  ││
        ││ l         关闭清单         关闭所有项目均已完成的清单。                    ││
        ││ n         新入职           按部门模板为入职人员建立清单。                  ││
        ││ e         离职             为离职人员建立清单：工牌及其名下全部资产。      ││
        ││ 142–160/160  up down pgup pgdn 滚动 · esc 关闭                             ││
        └└────────────────────────────────────────────────────────────────────────────┘┘
        """
        #expect(Self.screen(scrolledTo: .bottom) == expected.components(separatedBy: "\n"))
    }
}
