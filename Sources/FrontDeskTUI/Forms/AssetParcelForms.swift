import Foundation
import FrontDeskKit

/// The forms of fixed assets and parcels, each building the change the CLI command builds
/// (`asset add|move|repair|back|scrap|count|settle`, `parcel in|collect|return|out`), through
/// the same kit builders where the command has one.
extension FormKind {
    func assetParcelDeclaration(subject: String?, _ s: OfficeState, _ ctx: RuleContext, _ strings: Strings) -> AnyFormSpec? {
        let pick = Pickers(s: s, strings: strings)
        let locations = Set(s.assets.values.filter { $0.state.isOnBooks }.map(\.location)).sorted().map { Choice($0) }
        switch self {
        case .assetAdd:
            struct Draft {
                var tag = "", category: String?, model: String?, cost: Int?, purchased: Date?, supplier: String?, serial: String?
                var department = "", location = "", holder: String?, inStore = false, purchase: String?
            }
            let cost = FieldSpec<Draft>(label: L("Cost", "购置金额"), hint: L("e.g. 8999 or 8999.00", "如 8999 或 8999.00"), required: false, initial: "",
                                        choices: nil, path: \Draft.cost) { t, d, _ throws(FieldProblem) in
                guard let c = Cents.parse(t) else { throw FieldProblem("an amount like 8999 or 8999.50", "请填写金额，如 8999 或 8999.50") }
                d.cost = c
            }
            let holder = FieldSpec<Draft>(label: L("Holder", "使用人"), hint: L("empty: nobody", "留空：无"), required: false, initial: "",
                                          choices: pick.people, allowsOther: true, path: \Draft.holder) { t, d, _ in d.holder = t }
            return FormSpec(title: L("New asset", "新增资产"), draft: Draft(), fields: [
                .text(L("Tag", "标签"), \.tag, hint: L("as printed on the label; unique", "标签上印的编号；唯一")),
                .text(L("Category", "类别"), \.category, hint: L("laptop, monitor, furniture…", "笔记本、显示器、家具……")),
                .text(L("Model", "型号"), \.model),
                cost,
                .day(L("Purchased", "购置日期"), \.purchased),
                .text(L("Supplier", "供应商"), \.supplier),
                .text(L("Serial", "序列号"), \.serial),
                .pick(L("Department", "部门"), \.department, from: pick.departments, allowsOther: true),
                .pick(L("Location", "存放地点"), \.location, from: locations, allowsOther: true),
                holder,
                .yesNo(L("In store?", "在库？"), \.inStore, initial: false, pick.yesNo),
                .text(L("Purchase", "采购单"), \.purchase, hint: L("an approved equipment purchase (P…): fills category, model, cost", "已批准的设备采购单（P…）：带出类别、型号、金额")),
            ], build: { d, s, ctx in
                if d.inStore && d.holder != nil { throw DraftProblem(\Draft.holder, "an asset in store has no holder", "在库资产没有使用人") }
                if d.purchase == nil {
                    if d.category == nil { throw DraftProblem(\Draft.category, "give the category (or a purchase)", "请填写类别（或采购单）") }
                    if d.model == nil { throw DraftProblem(\Draft.model, "give the model (or a purchase)", "请填写型号（或采购单）") }
                    if d.cost == nil { throw DraftProblem(\Draft.cost, "give the cost (or a purchase)", "请填写金额（或采购单）") }
                }
                return s.assetAddition(tag: d.tag, category: d.category, model: d.model, serial: d.serial, purchasedOn: d.purchased, costCents: d.cost,
                                       supplier: d.supplier, department: d.department, location: d.location, holder: d.holder, inStore: d.inStore,
                                       purchase: d.purchase, ctx)
            }).erased()

        case .assetMove:
            guard let tag = subject, let a = s.assets[tag] else { return nil }
            struct Draft { var department = "", location = "", holder = "", state = "", reason: String? }
            let states = [AssetState.inUse, .inStore].map { Choice($0.rawValue, strings.assetState($0)) }
            return FormSpec(title: L("Move \(a.tag) \(a.model)", "调拨 · \(a.tag) \(a.model)"), draft: Draft(), fields: [
                .pick(L("Department", "部门"), \.department, from: pick.departments, initial: a.department, allowsOther: true),
                .pick(L("Location", "存放地点"), \.location, from: locations, initial: a.location, allowsOther: true),
                .pick(L("Holder", "使用人"), \.holder, from: pick.people, initial: a.holder.map(pick.person) ?? "",
                      hint: L("empty: nobody holds it", "留空：无使用人"), required: false, allowsOther: true),
                .pick(L("State", "状态"), \.state, from: states, initial: strings.assetState(a.state == .inStore ? .inStore : .inUse)),
                .text(L("Reason", "原因"), \.reason),
            ], build: { d, s, ctx in
                // As `asset move`: an empty holder clears it; the state is given only when changed (as
                // --in-store / --in-use), else a new holder puts the asset in use and in store clears the holder.
                let state = AssetState(rawValue: d.state)
                return s.assetTransfer(tag: tag, department: d.department, location: d.location, holder: d.holder,
                                       state: state == (s.assets[tag]?.state ?? a.state) ? nil : state, reason: d.reason, ctx)
            }).erased()

        case .assetFault:
            guard let tag = subject, let a = s.assets[tag] else { return nil }
            struct Draft { var fault = "", to: String? }
            return FormSpec(title: L("Report fault · \(a.tag) \(a.model)", "报修 · \(a.tag) \(a.model)"), draft: Draft(), fields: [
                .text(L("Fault", "故障"), \.fault, hint: L("what is wrong", "故障情况")),
                .text(L("Sent to", "送修至"), \.to, hint: L("optional: the vendor or property management it goes to now", "选填：现在送往的供应商或物业")),
            ], builds: { d, s, ctx in
                // As `asset repair TAG --fault F [--to V]`: the fault, then the sending, in one write.
                [s.assetFault(tag: tag, fault: d.fault, ctx)] + (d.to.map { [Change.sendAssetToRepair(tag: tag, to: $0, at: ctx.now)] } ?? [])
            }).erased()

        case .assetRepair:
            guard let tag = subject, let a = s.assets[tag] else { return nil }
            struct Draft { var to = "" }
            return FormSpec(title: L("Send to repair · \(a.tag) \(a.model)", "送修 · \(a.tag) \(a.model)"), draft: Draft(), fields: [
                .text(L("Sent to", "送修至"), \.to, hint: L("the vendor or property management", "供应商或物业")),
            ], build: { d, _, ctx in .sendAssetToRepair(tag: tag, to: d.to, at: ctx.now) }).erased()

        case .assetBack:
            guard let tag = subject, let a = s.assets[tag] else { return nil }
            struct Draft { var work = "", cost = 0 }
            return FormSpec(title: L("Back from repair · \(a.tag) \(a.model)", "修回 · \(a.tag) \(a.model)"), draft: Draft(), fields: [
                .text(L("Work done", "维修内容"), \.work),
                cents(L("Cost", "费用"), \Draft.cost, initial: "0"),
            ], build: { d, _, ctx in .assetBack(tag: tag, work: d.work, costCents: d.cost, at: ctx.now) }).erased()

        case .assetScrap:
            guard let tag = subject, let a = s.assets[tag] else { return nil }
            struct Draft { var reason = "" }
            return FormSpec(title: L("Scrap request · \(a.tag) \(a.model)", "报废申请 · \(a.tag) \(a.model)"), draft: Draft(), fields: [
                .text(L("Reason", "原因"), \.reason, hint: L("the approver's decision scraps it", "审批通过即报废")),
            ], build: { d, s, ctx in try s.assetScrapRequest(tag: tag, reason: d.reason, approvers: [], ctx) }).erased()

        case .assetCount:
            struct Draft { var location = "", found: [String] = [] }
            let found = FieldSpec<Draft>(label: L("Tags found", "盘点到的标签"), hint: L("separated by spaces or commas", "以空格或逗号分隔"), required: false,
                                         initial: "", choices: nil, path: \Draft.found) { t, d, _ in
                d.found = t.split(whereSeparator: { $0.isWhitespace || $0 == "," }).map(String.init)
            }
            let here = subject.flatMap { s.assets[$0]?.location } ?? ""
            return FormSpec(title: L("Asset stocktake", "资产盘点"), draft: Draft(), fields: [
                .pick(L("Location", "地点"), \.location, from: locations, initial: here, allowsOther: true),
                found,
            ], build: { d, s, ctx in s.assetCount(location: d.location, found: d.found, ctx) }).erased()

        case .assetSettle:
            struct Draft { var difference = "", kind = "", reason = "" }
            let open = s.openAssetCounts()
            let choices = open.flatMap { c in
                let r = s.assetCountResult(c.count)
                return c.open.map { tag in Choice("\(c.count.id) \(tag)", "\(c.count.id) \(tag) \(strings[Self.difference(r.category(of: tag))]) · \(c.count.location)") }
            }
            guard !choices.isEmpty else { return nil }
            let selected = choices.first { c in subject.map { c.value.hasSuffix(" " + $0) } ?? false } ?? choices[0]
            let kinds = AssetSettlementKind.allCases.map { Choice($0.rawValue, strings[Self.settlement($0)]) }
            return FormSpec(title: L("Settle a stocktake difference", "处理盘点差异"), draft: Draft(), fields: [
                .pick(L("Difference", "差异"), \.difference, from: choices, initial: selected.label),
                .pick(L("Settle as", "处理方式"), \.kind, from: kinds,
                      hint: L("missing: lost or found; misplaced: moved or returned; unexpected: noted", "盘亏：丢失或找到；错位：调整或归位；盘盈：记录")),
                .text(L("Reason", "理由"), \.reason),
            ], build: { d, _, ctx in
                let parts = d.difference.split(separator: " ", maxSplits: 1).map(String.init)
                guard parts.count == 2, let kind = AssetSettlementKind(rawValue: d.kind) else {
                    throw DraftProblem(\Draft.difference, "choose a difference from the list", "请从列表中选择差异")
                }
                return .settleAssetCount(countID: parts[0], settlement: AssetSettlement(tag: parts[1], kind: kind, reason: d.reason, by: ctx.actor, at: ctx.now))
            }).erased()

        case .parcelIn:
            struct Draft { var carrier = "", tracking = "", to: String?, department: String?, size: String?, shelf: String? }
            let to = FieldSpec<Draft>(label: L("For", "收件人"), hint: L("a person, or leave empty and give the department", "个人；或留空并填写部门"),
                                      required: false, initial: "", choices: pick.people, allowsOther: true, path: \Draft.to) { t, d, _ in d.to = t }
            let dept = FieldSpec<Draft>(label: L("Department", "部门"), hint: L("empty: the person's", "留空：收件人所在部门"),
                                        required: false, initial: "", choices: pick.departments, allowsOther: true, path: \Draft.department) { t, d, _ in d.department = t }
            return FormSpec(title: L("Parcel in", "收件登记"), draft: Draft(), fields: [
                .text(L("Carrier", "快递公司"), \.carrier),
                .text(L("Tracking", "单号"), \.tracking),
                to,
                dept,
                .text(L("Size", "大小"), \.size, hint: L("S, M, L…", "小、中、大……")),
                .text(L("Shelf", "货架"), \.shelf),
            ], build: { d, s, ctx in
                if d.to == nil && d.department == nil { throw DraftProblem(\Draft.to, "say who it is for: a person or a department", "请写明收件人：个人或部门") }
                return s.parcelIn(carrier: d.carrier, tracking: d.tracking, person: d.to, department: d.department, size: d.size, shelf: d.shelf, ctx)
            }).erased()

        case .parcelCollect:
            guard let id = subject, let p = s.parcels[id] else { return nil }
            struct Draft { var collector = "" }
            return FormSpec(title: L("Collected · \(p.id) \(p.carrier) \(p.tracking)", "领取 · \(p.id) \(p.carrier) \(p.tracking)"), draft: Draft(), fields: [
                .text(L("Collected by", "领取人"), \.collector, initial: p.person.map(s.displayName) ?? "", hint: L("the name of who takes it", "取件人姓名")),
            ], build: { d, _, ctx in .collectParcel(parcelID: id, collector: d.collector, at: ctx.now) }).erased()

        case .parcelReturn:
            guard let id = subject, let p = s.parcels[id] else { return nil }
            struct Draft { var reason = "" }
            return FormSpec(title: L("Return to sender · \(p.id) \(p.carrier) \(p.tracking)", "退回 · \(p.id) \(p.carrier) \(p.tracking)"), draft: Draft(), fields: [
                .text(L("Reason", "原因"), \.reason),
            ], build: { d, _, ctx in .returnParcel(parcelID: id, reason: d.reason, at: ctx.now) }).erased()

        case .parcelOut:
            struct Draft { var sender = "", department = "", carrier = "", tracking = "", cost = 0 }
            return FormSpec(title: L("Parcel out", "寄件登记"), draft: Draft(), fields: [
                .pick(L("Sender", "寄件人"), \.sender, from: pick.people, initial: pick.person(ctx.actor), allowsOther: true),
                .pick(L("Department", "费用部门"), \.department, from: pick.departments, initial: s.people[ctx.actor]?.department ?? "", allowsOther: true),
                .text(L("Carrier", "快递公司"), \.carrier),
                .text(L("Tracking", "单号"), \.tracking),
                cents(L("Cost", "费用"), \Draft.cost, hint: L("the courier's charge, e.g. 23 or 23.50", "快递费，如 23 或 23.50")),
            ], build: { d, s, ctx in
                s.parcelOut(sender: d.sender, department: d.department, carrier: d.carrier, tracking: d.tracking, costCents: d.cost, ctx)
            }).erased()

        default:
            return nil
        }
    }

    /// A stocktake difference's kind in the reader's language.
    static func difference(_ category: String) -> Localized {
        switch category {
        case "missing": L("missing", "盘亏")
        case "unexpected": L("unexpected", "盘盈")
        case "misplaced": L("misplaced", "错位")
        default: L("matched", "相符")
        }
    }

    /// How a difference is settled, in the reader's language.
    static func settlement(_ k: AssetSettlementKind) -> Localized {
        switch k {
        case .lost: L("lost (written off)", "丢失（核销）")
        case .found: L("found", "已找到")
        case .moved: L("moved here", "调整到此地")
        case .returned: L("returned", "已归位")
        case .noted: L("noted", "已记录")
        }
    }
}
