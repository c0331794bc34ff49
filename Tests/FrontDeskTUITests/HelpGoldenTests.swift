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
        ││ 1–19/109  up down pgup pgdn 滚动 · esc 关闭                                ││
        └└────────────────────────────────────────────────────────────────────────────┘┘
        """
        #expect(Self.screen(scrolledTo: nil) == expected.components(separatedBy: "\n"))
    }

    @Test func chineseHelpLastPage() {
        let expected = """
        ┌┌ 帮助 — 按键 ───────────────────────────────────────────────────────────────┐┐
        ││ r         访客证已归还     记录访客证已归还。                              ││
        ││ t         来访结果         为接待部门记录来访结果。                        ││
        ││ x         取消             取消来访。                                      ││
        ││ s         未到访           记录访客未到访。                                ││
        ││ n         新访客           登记一位预约访客。                              ││
        ││                                                                            ││
        ││ 操作菜单 · 库存                                                            ││
        ││ i         领用             向部门发放物品。                                ││
        ││ r         入库验收         验收到货并入库。                                ││
        ││ k         盘点             记录盘点数量。                                  ││
        ││ d         下月需求         登记部门下月需求。                              ││
        ││ p         采购申请         附报价提出采购申请。                            ││
        ││ b         退库             将退回的物品入库。                              ││
        ││ w         报损             报损损坏或遗失的物品。                          ││
        ││                                                                            ││
        ││ 操作菜单 · 审批                                                            ││
        ││ a         批准             批准该申请。                                    ││
        ││ x         驳回             驳回该申请并说明理由。                          ││
        ││ n         新申请           提出请假、加班、公文或报废申请。                ││
        ││ 91–109/109  up down pgup pgdn 滚动 · esc 关闭                              ││
        └└────────────────────────────────────────────────────────────────────────────┘┘
        """
        #expect(Self.screen(scrolledTo: .bottom) == expected.components(separatedBy: "\n"))
    }
}
