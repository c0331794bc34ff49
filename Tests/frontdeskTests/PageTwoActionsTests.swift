import Foundation
import FrontDeskKit
@testable import FrontDeskTUI
import Testing
import TestSupport

/// Every step of notices, archives, fixed assets and parcels taken from the dashboard's actions
/// menu and forms changes the store exactly as the CLI command does: two demo stores, the same
/// fixed clock and user; the CLI acts on one, the dashboard (keys, form, the launcher's commit)
/// on the other; the two states must then be equal, and differ from before.
@Suite struct PageTwoActionsTests {
    static let now = "2026-03-10 10:30"

    /// A demo office store (the CLI's `init` and `demo`), as `user` would open it.
    final class Twin {
        let tmp: TempStore
        var env: [String: String]
        init(_ label: String, user: String) throws {
            tmp = try TempStore(label)
            env = CLI.vars(tmp.path, user: "lina", now: PageTwoActionsTests.now)
            var r = try CLI.run(["init", "--allow-overrides"], env: env)
            try #require(r.status == 0, "\(r)")
            r = try CLI.run(["demo", "--date", "2026-03-10"], env: env)
            try #require(r.status == 0, "\(r)")
            env["FRONTDESK_USER"] = user
        }
        func cli(_ args: [String]) throws {
            let r = try CLI.run(args, env: env)
            try #require(r.status == 0, "\(args): \(r)")
        }
        func open(user: String) throws -> Store { try tmp.open(at: PageTwoActionsTests.now, user: user) }
    }

    /// The CLI's store and the dashboard's, both after `setup` (CLI commands run on both).
    static func twins(user: String = "lina", setup: [[String]] = []) throws -> (cli: Twin, dash: Twin) {
        let a = try Twin("p2-cli", user: user), b = try Twin("p2-dash", user: user)
        for args in setup { try a.cli(args); try b.cli(args) }
        return (a, b)
    }

    /// Presses `action` by its first default key.
    @discardableResult
    static func press(_ d: inout Dashboard, _ action: ActionID) -> Dashboard.Effect {
        guard let key = d.keymap.keys(for: action).first else { Issue.record("\(action) has no key"); return .none }
        return d.handle(key)
    }

    /// On the dashboard of `twin`'s store as `user`: selects `row` of `pane` (nil: whatever is
    /// selected), opens the actions menu, takes `step`; a form gets `fields` typed by English
    /// label (each cleared first) and is saved and committed as the launcher does.
    static func act(_ twin: Twin, user: String, pane: PaneID, row: String?, step: StepID, fields: [(String, String)] = [],
                    sourceLocation: SourceLocation = #_sourceLocation) throws {
        let store = try twin.open(user: user)
        var d = Dashboard(model: DashboardModel(state: store.state, settings: store.meta.settings, env: store.env, allowOverrides: store.meta.allowOverrides))
        d.showPage(pane.page)
        d.focused = pane
        if let row { d.views[pane]?.selectedID = row }
        press(&d, .actions)
        guard case .actions = d.mode else { Issue.record("no actions menu on \(pane)", sourceLocation: sourceLocation); return }
        let menu = RowActions.menu(pane, id: { if case .actions(_, let id) = d.mode { id } else { "" } }(), model: d.model)
        try #require(menu.contains { $0.step == step }, "\(step) is not in the menu: \(menu.map(\.step))", sourceLocation: sourceLocation)
        switch press(&d, .step(step)) {
        case .step(let st):
            _ = try store.commit { s, ctx in try st.change(s, ctx) }
        default:
            guard case .form(let opened) = d.mode else { Issue.record("\(step) opened no form", sourceLocation: sourceLocation); return }
            for (label, text) in fields {
                guard case .form(let f) = d.mode, let i = f.fields.firstIndex(where: { $0.label.en == label }) else {
                    Issue.record("no field \(label) in \(opened.fields.map(\.label.en))", sourceLocation: sourceLocation); return
                }
                var guardSteps = 0
                while case .form(let g) = d.mode, g.focus != i, guardSteps < 40 { press(&d, .fieldNext); guardSteps += 1 }
                _ = d.handle(.ctrl("u"))
                for c in text { _ = d.handle(.char(c)) }
            }
            guard case .submit(let form) = press(&d, .formSave) else { Issue.record("not submitted", sourceLocation: sourceLocation); return }
            let records = DashboardLauncher.submit(form, store: store, dash: &d)
            if records.isEmpty, case .form(let refused) = d.mode {
                Issue.record("refused: \(refused.refusal ?? "") \(refused.fields.compactMap { f in f.error.map { "\(f.label.en): \($0.en)" } })",
                             sourceLocation: sourceLocation)
            }
        }
    }

    /// Both stores read afresh must hold the same office, changed from `before`.
    static func expectSame(_ t: (cli: Twin, dash: Twin), before: OfficeState, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let a = try t.cli.open(user: "lina").state, b = try t.dash.open(user: "lina").state
        #expect(b != before, "the dashboard changed nothing", sourceLocation: sourceLocation)
        #expect(a.parcels == b.parcels, sourceLocation: sourceLocation)
        #expect(a.assets == b.assets, sourceLocation: sourceLocation)
        #expect(a.assetCounts == b.assetCounts, sourceLocation: sourceLocation)
        #expect(a.archives == b.archives && a.loans == b.loans, sourceLocation: sourceLocation)
        #expect(a.notices == b.notices, sourceLocation: sourceLocation)
        #expect(a.approvals == b.approvals, sourceLocation: sourceLocation)
        #expect(a == b, "the whole office", sourceLocation: sourceLocation)
    }

    static func before(_ t: (cli: Twin, dash: Twin)) throws -> OfficeState { try t.dash.open(user: "lina").state }

    // MARK: Parcels

    @Test func parcelIn() throws {
        let t = try Self.twins(), s0 = try Self.before(t)
        try t.cli.cli(["parcel", "in", "--carrier", "顺丰", "--tracking", "SF1400238815421", "--to", "priya", "--size", "M", "--shelf", "A2"])
        try Self.act(t.dash, user: "lina", pane: .parcels, row: nil, step: .parcelIn,
                     fields: [("Carrier", "顺丰"), ("Tracking", "SF1400238815421"), ("For", "priya"), ("Size", "M"), ("Shelf", "A2")])
        try Self.expectSame(t, before: s0)
    }

    static func waitingParcel(_ s: OfficeState) throws -> String {
        try #require(s.parcels.values.filter { $0.incoming && $0.status == .waiting }.map(\.id).sorted().first)
    }

    @Test func parcelCollect() throws {
        let t = try Self.twins(), s0 = try Self.before(t)
        let id = try Self.waitingParcel(s0)
        try t.cli.cli(["parcel", "collect", id, "--by", "黄丽 (for 赵磊)"])
        try Self.act(t.dash, user: "lina", pane: .parcels, row: id, step: .parcelCollect, fields: [("Collected by", "黄丽 (for 赵磊)")])
        try Self.expectSame(t, before: s0)
    }

    @Test func parcelReturn() throws {
        let t = try Self.twins(), s0 = try Self.before(t)
        let id = try Self.waitingParcel(s0)
        try t.cli.cli(["parcel", "return", id, "--reason", "收件人已离职"])
        try Self.act(t.dash, user: "lina", pane: .parcels, row: id, step: .parcelReturn, fields: [("Reason", "收件人已离职")])
        try Self.expectSame(t, before: s0)
    }

    @Test func parcelOut() throws {
        let t = try Self.twins(), s0 = try Self.before(t)
        try t.cli.cli(["parcel", "out", "--from", "lina", "--dept", "行政部", "--carrier", "顺丰", "--tracking", "SF14002", "--cost", "23.50"])
        try Self.act(t.dash, user: "lina", pane: .parcels, row: nil, step: .parcelOut,
                     fields: [("Sender", "lina"), ("Department", "行政部"), ("Carrier", "顺丰"), ("Tracking", "SF14002"), ("Cost", "23.50")])
        try Self.expectSame(t, before: s0)
    }

    // MARK: Fixed assets

    /// An asset in use, not under repair, with no scrap request: FA-0101 in the demo.
    static let inUse = "FA-0101"

    @Test func assetAdd() throws {
        let t = try Self.twins(), s0 = try Self.before(t)
        try t.cli.cli(["asset", "add", "--tag", "FA-0900", "--category", "laptop", "--model", "ThinkPad T14 笔记本", "--cost", "8999",
                       "--purchased", "2026-03-01", "--supplier", "联想", "--dept", "研发部", "--location", "3F 研发区", "--holder", "priya"])
        try Self.act(t.dash, user: "lina", pane: .assets, row: nil, step: .assetAdd,
                     fields: [("Tag", "FA-0900"), ("Category", "laptop"), ("Model", "ThinkPad T14 笔记本"), ("Cost", "8999"), ("Purchased", "2026-03-01"),
                              ("Supplier", "联想"), ("Department", "研发部"), ("Location", "3F 研发区"), ("Holder", "priya")])
        try Self.expectSame(t, before: s0)
    }

    @Test func assetMove() throws {
        let t = try Self.twins(), s0 = try Self.before(t)
        try #require(s0.assets[Self.inUse]?.state == .inUse)
        try t.cli.cli(["asset", "move", Self.inUse, "--dept", "销售部", "--location", "5F 销售区", "--holder", "maria", "--reason", "transfer"])
        try Self.act(t.dash, user: "lina", pane: .assets, row: Self.inUse, step: .assetMove,
                     fields: [("Department", "销售部"), ("Location", "5F 销售区"), ("Holder", "maria"), ("Reason", "transfer")])
        try Self.expectSame(t, before: s0)
    }

    @Test func assetFaultAndSendInOneForm() throws {
        let t = try Self.twins(), s0 = try Self.before(t)
        try t.cli.cli(["asset", "repair", Self.inUse, "--fault", "键盘失灵 keyboard dead", "--to", "联想服务站"])
        try Self.act(t.dash, user: "lina", pane: .assets, row: Self.inUse, step: .assetFault,
                     fields: [("Fault", "键盘失灵 keyboard dead"), ("Sent to", "联想服务站")])
        try Self.expectSame(t, before: s0)
    }

    @Test func assetSendToRepair() throws {
        let t = try Self.twins(setup: [["asset", "repair", Self.inUse, "--fault", "键盘失灵"]]), s0 = try Self.before(t)
        try t.cli.cli(["asset", "repair", Self.inUse, "--to", "联想服务站"])
        try Self.act(t.dash, user: "lina", pane: .assets, row: Self.inUse, step: .assetRepair, fields: [("Sent to", "联想服务站")])
        try Self.expectSame(t, before: s0)
    }

    @Test func assetBack() throws {
        let t = try Self.twins(), s0 = try Self.before(t)
        try #require(s0.assets["FA-0107"]?.state == .underRepair)
        try t.cli.cli(["asset", "back", "FA-0107", "--work", "换屏 new screen", "--cost", "450"])
        try Self.act(t.dash, user: "lina", pane: .assets, row: "FA-0107", step: .assetBack, fields: [("Work done", "换屏 new screen"), ("Cost", "450")])
        try Self.expectSame(t, before: s0)
    }

    @Test func assetScrapRaisesTheApproval() throws {
        let t = try Self.twins(), s0 = try Self.before(t)
        try t.cli.cli(["asset", "scrap", Self.inUse, "--reason", "beyond repair"])
        try Self.act(t.dash, user: "lina", pane: .assets, row: Self.inUse, step: .assetScrap, fields: [("Reason", "beyond repair")])
        try Self.expectSame(t, before: s0)
        #expect(try t.dash.open(user: "lina").state.assets[Self.inUse]?.scrapApprovalID != nil)
    }

    @Test func assetCount() throws {
        let t = try Self.twins(), s0 = try Self.before(t)
        try t.cli.cli(["asset", "count", "--location", "3F 研发区", "FA-0101", "FA-0112", "ZZ-1"])
        try Self.act(t.dash, user: "lina", pane: .assets, row: nil, step: .assetCount,
                     fields: [("Location", "3F 研发区"), ("Tags found", "FA-0101 FA-0112, ZZ-1")])
        try Self.expectSame(t, before: s0)
    }

    @Test func assetSettle() throws {
        let t = try Self.twins(setup: [["asset", "count", "--location", "3F 研发区", "FA-0101", "ZZ-1"]]), s0 = try Self.before(t)
        let open = s0.openAssetCounts()
        let count = try #require(open.first)
        let r = s0.assetCountResult(count.count)
        // Not one away for repair: a lost asset must be back first.
        let tag = try #require(r.missing.first { r.open.contains($0) && s0.assets[$0]?.state != .underRepair }, "\(r)")
        try t.cli.cli(["asset", "settle", count.count.id, tag, "--as", "lost", "--reason", "not found after search"])
        try Self.act(t.dash, user: "lina", pane: .assets, row: tag, step: .assetSettle,
                     fields: [("Difference", "\(count.count.id) \(tag)"), ("Settle as", "lost"), ("Reason", "not found after search")])
        try Self.expectSame(t, before: s0)
    }

    // MARK: Archives

    static func file(_ s: OfficeState, titled prefix: String) throws -> String {
        try #require(s.archives.values.first { $0.title.hasPrefix(prefix) }?.id, "no file \(prefix)")
    }

    @Test func archiveAdd() throws {
        let t = try Self.twins(), s0 = try Self.before(t)
        try t.cli.cli(["archive", "add", "--title", "采购合同 Purchase contract", "--dept", "行政部", "--category", "contract", "--date", "2026-03-01",
                       "--cabinet", "A-03", "--box", "05", "--retention", "10", "--pages", "8", "--attachments", "1"])
        try Self.act(t.dash, user: "lina", pane: .archives, row: nil, step: .archiveAdd,
                     fields: [("Title", "采购合同 Purchase contract"), ("Department", "行政部"), ("Category", "contract"), ("Date", "2026-03-01"),
                              ("Cabinet", "A-03"), ("Box", "05"), ("Keep (years)", "10"), ("Pages", "8"), ("Attachments", "1")])
        try Self.expectSame(t, before: s0)
    }

    @Test func archiveLend() throws {
        let t = try Self.twins(), s0 = try Self.before(t)
        let id = try Self.file(s0, titled: "员工手册")
        try t.cli.cli(["archive", "lend", id, "--to", "tom", "--purpose", "policy review", "--due", "2026-03-12"])
        try Self.act(t.dash, user: "lina", pane: .archives, row: id, step: .archiveLend,
                     fields: [("Borrower", "tom"), ("Purpose", "policy review"), ("Due back", "2026-03-12")])
        try Self.expectSame(t, before: s0)
    }

    /// A confidential file's loan waits for its approval; the approver's decision in the
    /// Approvals pane lends it, as `approval approve` does.
    @Test func confidentialLoanGoesOutWhenItsApprovalIsGiven() throws {
        let t = try Self.twins(user: "wangwei"), s0 = try Self.before(t)
        let lease = try Self.file(s0, titled: "办公楼租赁合同")
        let loan = try #require(s0.loans.values.first { $0.fileID == lease && $0.status == .awaitingApproval })
        let approval = try #require(loan.approvalID)
        try t.cli.cli(["approval", "approve", approval])
        try Self.act(t.dash, user: "wangwei", pane: .approvals, row: approval, step: .approvalApprove)
        try Self.expectSame(t, before: s0)
        #expect(try t.dash.open(user: "lina").state.loans[loan.id]?.status == .out)
    }

    @Test func archiveReturnCountsAgainstTheRecord() throws {
        let t = try Self.twins(), s0 = try Self.before(t)
        let sales = try Self.file(s0, titled: "华信科技销售合同")
        try t.cli.cli(["archive", "return", sales, "--pages", "17", "--attachments", "1", "--missing", "p. 9"])
        try Self.act(t.dash, user: "lina", pane: .archives, row: sales, step: .archiveReturn,
                     fields: [("Pages counted", "17"), ("Attachments counted", "1"), ("Missing", "p. 9")])
        try Self.expectSame(t, before: s0)
        #expect(try t.dash.open(user: "lina").state.loans.values.contains { $0.fileID == sales && $0.status == .incomplete }, "17 of 18 pages: incomplete")
    }

    // MARK: Notices (on the Documents pane's menu)

    static func drill(_ s: OfficeState) throws -> String {
        try #require(s.notices.values.first { $0.title.contains("消防演习") }?.id)
    }

    @Test func noticePost() throws {
        let t = try Self.twins(), s0 = try Self.before(t)
        try t.cli.cli(["notice", "post", "--title", "年会报名 Annual party sign-up", "--text", "请于周五前报名。", "--to", "财务部", "--until", "2026-03-20"])
        try Self.act(t.dash, user: "lina", pane: .documents, row: nil, step: .noticePost,
                     fields: [("Title", "年会报名 Annual party sign-up"), ("Text", "请于周五前报名。"), ("For departments", "财务部"), ("Shown until", "2026-03-20")])
        try Self.expectSame(t, before: s0)
    }

    @Test func noticeAcknowledgeIsTakenAtOnce() throws {
        let t = try Self.twins(user: "maria"), s0 = try Self.before(t)
        let id = try Self.drill(s0)
        try #require(s0.noticeInView(user: "maria", now: TempStore.date(Self.now))?.id == id, "the notice line's notice")
        try t.cli.cli(["notice", "ack", id])
        try Self.act(t.dash, user: "maria", pane: .documents, row: nil, step: .noticeAcknowledge)
        try Self.expectSame(t, before: s0)
    }

    @Test func noticeFeedback() throws {
        let t = try Self.twins(user: "maria"), s0 = try Self.before(t)
        let id = try Self.drill(s0)
        try t.cli.cli(["notice", "feedback", id, "--text", "销售部周五 15:00 有客户来访"])
        try Self.act(t.dash, user: "maria", pane: .documents, row: nil, step: .noticeFeedback, fields: [("Feedback", "销售部周五 15:00 有客户来访")])
        try Self.expectSame(t, before: s0)
    }

    @Test func noticeEndByItsPoster() throws {
        let t = try Self.twins(), s0 = try Self.before(t)
        let id = try #require(s0.noticeInView(user: "lina", now: TempStore.date(Self.now))?.id)
        try t.cli.cli(["notice", "end", id])
        try Self.act(t.dash, user: "lina", pane: .documents, row: nil, step: .noticeEnd)
        try Self.expectSame(t, before: s0)
    }
}
