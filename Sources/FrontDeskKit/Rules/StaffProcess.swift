import Foundation

/// Joiners and leavers: a checklist per person from their department's template (the staff
/// badge, a desk, equipment from the asset ledger, accounts and other items, a supplies starter
/// kit). A joiner's items are issued by the start date: equipment through the asset ledger's own
/// transfer (the asset's holder becomes the joiner) and the kit through the supplies ledger's own
/// issue, in the same journal record. A leaver's checklist lists the staff badge and every asset
/// on the books held by the person; each item comes back by the end of the last day (the asset
/// goes back to store) or is written off through a `write-off` approval whose decision settles
/// it, nothing by hand. A checklist is closed only when every item is settled.
extension OfficeState {
    /// A department's template, else the default one (badge, desk, computer, accounts).
    public func staffTemplate(for department: String) -> StaffTemplate {
        staffTemplates[department] ?? StaffTemplate(department: department, items: Self.defaultStaffTemplate, setAt: .distantPast, setBy: "")
    }

    /// What a joiner gets when their department has no template of its own.
    public static let defaultStaffTemplate: [StaffTemplateItem] = [
        StaffTemplateItem(kind: .badge, name: "Staff badge"),
        StaffTemplateItem(kind: .desk, name: "Desk"),
        StaffTemplateItem(kind: .equipment, name: "Computer"),
        StaffTemplateItem(kind: .account, name: "Email and network account"),
    ]

    // MARK: Validation

    func validateStaffChange(_ change: Change, _ ctx: RuleContext) throws(Refusal) {
        switch change {
        case .setStaffTemplate(let t):
            try requireRole(ctx, .lead, to: "set joiner templates")
            try requireText(t.department, "department")
            if t.items.isEmpty { throw .invalid("A template lists at least one item.", zh: "模板至少要列出一项。") }
            for i in t.items { try validateTemplateItem(i) }
        case .openStaffChecklist(let c):
            try requireRole(ctx, .frontdesk, to: "keep joiners' and leavers' checklists")
            try validateNewChecklist(c)
        case .settleStaffItem(let cid, let iid, let s):
            try requireRole(ctx, .frontdesk, to: "keep joiners' and leavers' checklists")
            let (c, item) = try openStaffItem(cid, iid)
            try validateSettlement(s, of: item, in: c, ctx)
        case .requestStaffWriteOff(let cid, let iid, let a):
            try requireRole(ctx, .frontdesk, to: "keep joiners' and leavers' checklists")
            let (c, item) = try openStaffItem(cid, iid)
            if c.direction != .leaving {
                throw .rule("\(c.id) is a joiner's checklist; only what a leaver does not bring back is written off.", zh: "\(c.id) 是入职清单；只有离职人员未归还的物品才能核销。")
            }
            if a.type != .writeOff || a.documentRef != "\(c.id)/\(item.id)" || a.asset != item.asset {
                throw .invalid("A write-off request names its checklist item.", zh: "核销申请须写明清单项。")
            }
            try validateNewApproval(a)
        case .closeStaffChecklist(let cid, _, _):
            try requireRole(ctx, .frontdesk, to: "keep joiners' and leavers' checklists")
            let c = try openChecklist(cid)
            let open = c.openItems
            if !open.isEmpty {
                let names = open.map { "\($0.id) \($0.name)" }.joined(separator: ", ")
                let how = c.direction == .joining ? "issue them (frontdesk staff issue \(c.id) ITEM)" : "recover them (frontdesk staff recover \(c.id) ITEM) or write them off (frontdesk staff writeoff \(c.id) ITEM --reason …)"
                let howZH = c.direction == .joining ? "请先发放（frontdesk staff issue \(c.id) 项目）" : "请先收回（frontdesk staff recover \(c.id) 项目）或申请核销（frontdesk staff writeoff \(c.id) 项目 --reason …）"
                throw .rule("\(c.id) cannot be closed: \(open.count) item\(open.count == 1 ? "" : "s") not settled (\(names)); \(how).",
                            zh: "\(c.id) 不能关闭：还有 \(open.count) 项未完成（\(names)）；\(howZH)。")
            }
        default:
            throw .invalid("That is not a joiner or leaver change.", zh: "这不是入职或离职的变更。")
        }
    }

    func validateTemplateItem(_ i: StaffTemplateItem) throws(Refusal) {
        try requireText(i.name, "item")
        if i.kind == .kit {
            guard let sku = i.sku, items[sku] != nil else {
                throw .invalid("A starter kit names a supply item on the stock list (kit:SKU:QUANTITY); \(i.sku ?? "none") is not one (frontdesk stock list).",
                               zh: "入职礼包须写明库存中的物品（kit:物品编号:数量）；\(i.sku ?? "无") 不在库存清单中（frontdesk stock list）。")
            }
            let q = i.quantity ?? 0
            if q < 1 || q > Self.maxQuantity { throw .invalid("A starter kit issues 1 to \(Self.maxQuantity) of \(sku).", zh: "入职礼包中 \(sku) 的数量应为 1 到 \(Self.maxQuantity)。") }
        } else if i.sku != nil || i.quantity != nil {
            throw .invalid("Only a starter kit (kit:SKU:QUANTITY) is issued from stock.", zh: "只有入职礼包（kit:物品编号:数量）从库存发放。")
        }
    }

    func validateNewChecklist(_ c: StaffChecklist) throws(Refusal) {
        try requireText(c.person, "person"); try requireText(c.department, "department")
        if staff[c.id] != nil { throw .rule("Checklist \(c.id) exists already.", zh: "清单 \(c.id) 已存在。") }
        if c.items.isEmpty { throw .invalid("A checklist lists at least one item.", zh: "清单至少要列出一项。") }
        if c.closedAt != nil || c.items.contains(where: { $0.state != .open }) || c.dueAt < c.day {
            throw .invalid("A new checklist starts with every item open.", zh: "新清单的所有项目都应未完成。")
        }
        if Set(c.items.map(\.id)).count != c.items.count { throw .invalid("Two checklist items share an id.", zh: "清单中有重复的项目编号。") }
        for i in c.items where i.kind == .kit { try validateTemplateItem(StaffTemplateItem(kind: i.kind, name: i.name, sku: i.sku, quantity: i.quantity)) }
        if let same = staff.values.first(where: { !$0.isClosed && $0.direction == c.direction && $0.person == c.person }) {
            let what = c.direction == .joining ? "joining" : "leaving"
            throw .rule("\(displayName(c.person)) has an open \(what) checklist already (\(same.id)).",
                        zh: "\(displayName(c.person)) 已有未关闭的\(c.direction == .joining ? "入职" : "离职")清单（\(same.id)）。")
        }
        if c.direction == .leaving {
            if !c.items.contains(where: { $0.kind == .badge }) {
                throw .invalid("A leaver's checklist lists the staff badge.", zh: "离职清单须列出工牌。")
            }
            let listed = Set(c.items.compactMap { $0.kind == .equipment ? $0.asset : nil })
            let held = Set(assetsHeld(by: c.person).map(\.tag))
            if listed != held {
                throw .rule("The asset ledger changed while the leaving was prepared; open it again.", zh: "准备离职清单期间资产台账有变动；请重新办理。")
            }
        }
    }

    /// An open checklist, or the refusal that says why not.
    func openChecklist(_ id: String) throws(Refusal) -> StaffChecklist {
        guard let c = staff[id] else { throw .invalid("No joiner or leaver checklist \(id) (frontdesk staff list).", zh: "没有入职或离职清单 \(id)（frontdesk staff list）。") }
        if let at = c.closedAt { throw .rule("Checklist \(id) was closed on \(Self.dayText(at)).", zh: "清单 \(id) 已于 \(Self.dayText(at)) 关闭。") }
        return c
    }

    /// An item still open on an open checklist, or the refusal that says where it stands.
    func openStaffItem(_ cid: String, _ iid: String) throws(Refusal) -> (StaffChecklist, StaffItem) {
        let c = try openChecklist(cid)
        guard let item = c.items.first(where: { $0.id == iid }) else {
            throw .invalid("Checklist \(cid) has no item \(iid) (frontdesk staff show \(cid)).", zh: "清单 \(cid) 中没有项目 \(iid)（frontdesk staff show \(cid)）。")
        }
        if item.state.isSettled {
            throw .rule("\(item.name) on \(cid) is \(item.state.rawValue) already.", zh: "\(cid) 的 \(item.name) 已\(ZH.words(item.state.rawValue))。")
        }
        if let aid = item.writeOffApprovalID, approvals[aid]?.status == .pending {
            throw .rule("\(item.name) on \(cid) waits for write-off approval \(aid).", zh: "\(cid) 的 \(item.name) 正在等待核销审批 \(aid)。")
        }
        return (c, item)
    }

    func validateSettlement(_ s: StaffSettlement, of item: StaffItem, in c: StaffChecklist, _ ctx: RuleContext) throws(Refusal) {
        let want: StaffItemState = c.direction == .joining ? .issued : .recovered
        if s.state != want { throw .invalid("A \(c.direction.rawValue) checklist's items are \(want.rawValue).", zh: "该清单的项目只能标记为\(ZH.words(want.rawValue))。") }
        if item.kind != .equipment && (s.asset != nil || s.transfer != nil) {
            throw .invalid("\(item.name) is not equipment; no asset moves with it.", zh: "\(item.name) 不是设备，无需调拨资产。")
        }
        if item.kind != .kit && s.move != nil { throw .invalid("Only a starter kit is issued from stock.", zh: "只有入职礼包从库存发放。") }
        switch item.kind {
        case .equipment:
            guard let tag = s.asset ?? item.asset else {
                throw .invalid("Say which asset is issued (--asset TAG, frontdesk asset list).", zh: "请写明发放的资产（--asset 标签，frontdesk asset list）。")
            }
            if let fixed = item.asset, fixed != tag { throw .invalid("\(item.name) on \(c.id) is asset \(fixed), not \(tag).", zh: "\(c.id) 的 \(item.name) 是资产 \(fixed)，不是 \(tag)。") }
            let a = try onBooksAsset(tag)
            let mine = isHeld(a, by: c.person)
            if c.direction == .joining {
                if let t = s.transfer {
                    if !mine, let h = a.holder {
                        throw .rule("Asset \(tag) is held by \(displayName(h)); recover it first (frontdesk asset move \(tag) --store).", zh: "资产 \(tag) 由 \(displayName(h)) 使用；请先收回（frontdesk asset move \(tag) --store）。")
                    }
                    if t.toHolder != c.person || t.toState != .inUse { throw .invalid("An issued asset goes to the joiner, in use.", zh: "发放的资产应交给入职人员并在用。") }
                    try validateAssetChange(.moveAsset(tag: tag, transfer: t), ctx)
                } else if !mine {
                    throw .invalid("Asset \(tag) is not held by \(displayName(c.person)); issue it with its transfer.", zh: "资产 \(tag) 不在 \(displayName(c.person)) 名下；请随调拨一起发放。")
                }
                if let other = staff.values.first(where: { $0.id != c.id && !$0.isClosed && $0.direction == .joining && $0.items.contains { $0.asset == tag && $0.state == .issued } }) {
                    throw .rule("Asset \(tag) was issued on \(other.id) already.", zh: "资产 \(tag) 已在 \(other.id) 中发放。")
                }
            } else if let t = s.transfer {
                if !mine { throw .invalid("Asset \(tag) is no longer held by \(displayName(c.person)); record it without a transfer.", zh: "资产 \(tag) 已不在 \(displayName(c.person)) 名下；请直接登记，无需调拨。") }
                if t.toHolder == c.person { throw .invalid("A recovered asset leaves the leaver.", zh: "收回的资产不能仍归离职人员。") }
                try validateAssetChange(.moveAsset(tag: tag, transfer: t), ctx)
            } else if mine {
                throw .invalid("Asset \(tag) is still held by \(displayName(c.person)); recover it with its transfer back to store.", zh: "资产 \(tag) 仍在 \(displayName(c.person)) 名下；请随调拨一起收回入库。")
            }
        case .kit:
            guard let m = s.move, m.kind == .issue, m.sku == item.sku, m.quantity == -(item.quantity ?? 0) else {
                throw .invalid("A starter kit is issued from stock as listed (\(item.quantity ?? 0) × \(item.sku ?? "?")).", zh: "入职礼包应按清单从库存发放（\(item.quantity ?? 0) × \(item.sku ?? "?")）。")
            }
            try validateSupply(.moveStock(m), ctx)
        default:
            break
        }
    }

    /// True when `a` is held by `person` (their login or their name).
    func isHeld(_ a: Asset, by person: String) -> Bool {
        guard let h = a.holder else { return false }
        return h == person || h == people[person]?.name || people[h]?.name == person
    }

    /// Assets on the books held by `person` (login or name), by tag.
    public func assetsHeld(by person: String) -> [Asset] {
        assets.values.filter { $0.state.isOnBooks && isHeld($0, by: person) }.sorted { $0.tag < $1.tag }
    }

    // MARK: Application

    mutating func applyStaffChange(_ change: Change) {
        switch change {
        case .setStaffTemplate(let t):
            staffTemplates[t.department] = t
        case .openStaffChecklist(let c):
            staff[c.id] = c; bump(.staff, c.id)
        case .settleStaffItem(let cid, let iid, let s):
            guard var c = staff[cid], let i = c.items.firstIndex(where: { $0.id == iid }) else { return }
            c.items[i].state = s.state; c.items[i].doneAt = s.at; c.items[i].doneBy = s.by; c.items[i].note = s.note
            if let tag = s.asset { c.items[i].asset = tag }
            c.items[i].moveID = s.move?.id
            staff[cid] = c
            if let tag = s.asset, let t = s.transfer { applyAssetChange(.moveAsset(tag: tag, transfer: t)) }
            if let m = s.move { applySupply(.moveStock(m)) }
        case .requestStaffWriteOff(let cid, let iid, let a):
            approvals[a.id] = a; bump(.approval, a.id)
            guard var c = staff[cid], let i = c.items.firstIndex(where: { $0.id == iid }) else { return }
            c.items[i].writeOffApprovalID = a.id
            staff[cid] = c
        case .closeStaffChecklist(let cid, let at, let by):
            staff[cid]?.closedAt = at; staff[cid]?.closedBy = by
        default:
            break
        }
    }

    /// The approval's decision on a `write-off` request: approval writes the item off (and takes
    /// its asset off the books as lost); a rejection leaves the item open to recover.
    mutating func applyWriteOffDecision(_ request: ApprovalRequest, at: Date) {
        guard request.type == .writeOff, request.status == .approved, let ref = request.documentRef else { return }
        let parts = ref.split(separator: "/", maxSplits: 1).map(String.init)
        guard parts.count == 2, var c = staff[parts[0]], let i = c.items.firstIndex(where: { $0.id == parts[1] }),
              c.items[i].writeOffApprovalID == request.id, c.items[i].state == .open else { return }
        c.items[i].state = .writtenOff; c.items[i].doneAt = at; c.items[i].doneBy = request.decisions.last?.by
        c.items[i].note = request.title
        staff[c.id] = c
        if let tag = c.items[i].asset, var a = assets[tag], a.state.isOnBooks {
            a.state = .lost; a.offBooksAt = at; a.holder = nil
            assets[tag] = a
        }
    }
}

// MARK: Builders

extension OfficeState {
    /// A template for `department` from lines such as "badge", "desk:Window desk",
    /// "equipment:Laptop", "account:ERP login", "kit:S-PEN:2" (KIND[:NAME], kit:SKU[:QUANTITY]).
    /// Throws `.invalid` naming a line it cannot read.
    public func staffTemplate(department: String, lines: [String], _ ctx: RuleContext) throws(Refusal) -> Change {
        var out: [StaffTemplateItem] = []
        for line in lines {
            let parts = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let kind = StaffItemKind(rawValue: parts[0].lowercased()) else {
                throw .invalid("\"\(line)\" starts with no item kind; use one of \(StaffItemKind.allCases.map(\.rawValue).joined(separator: ", ")) (e.g. equipment:Laptop).",
                               zh: "“\(line)”没有以项目类别开头；请使用 \(StaffItemKind.allCases.map(\.rawValue).joined(separator: "、")) 之一（例如 equipment:笔记本电脑）。")
            }
            if kind == .kit {
                let sku = parts.count > 1 ? parts[1] : ""
                guard let q = parts.count > 2 ? Int(parts[2]) : 1 else {
                    throw .invalid("\"\(line)\": the quantity is not a whole number (kit:SKU:QUANTITY).", zh: "“\(line)”：数量不是整数（kit:物品编号:数量）。")
                }
                out.append(StaffTemplateItem(kind: .kit, name: items[sku]?.name ?? sku, sku: sku, quantity: q))
            } else {
                let name = parts.count > 1 ? parts[1...].joined(separator: ":") : Self.defaultItemName(kind)
                out.append(StaffTemplateItem(kind: kind, name: name))
            }
        }
        return .setStaffTemplate(StaffTemplate(department: department, items: out, setAt: ctx.now, setBy: ctx.actor))
    }

    static func defaultItemName(_ k: StaffItemKind) -> String {
        switch k {
        case .badge: "Staff badge"
        case .desk: "Desk"
        case .equipment: "Computer"
        case .account: "Accounts"
        case .kit: "Starter kit"
        case .other: "Other"
        }
    }

    /// A joiner's checklist for `person` in `department`, starting on the day of `start`, from
    /// the department's template (the default one when it has none).
    public func staffJoin(person: String, department: String, start: Date, _ ctx: RuleContext) -> Change {
        let cal = ctx.env.calendar
        let day = cal.startOfDay(for: start)
        let items = staffTemplate(for: department).items.enumerated().map { n, t in
            StaffItem(id: "\(n + 1)", kind: t.kind, name: t.name, sku: t.sku, quantity: t.quantity)
        }
        return .openStaffChecklist(StaffChecklist(id: ctx.env.ids.next(.staff, in: self), direction: .joining, person: person, department: department,
                                                  day: day, dueAt: day, openedAt: ctx.now, openedBy: ctx.actor, items: items))
    }

    /// A leaver's checklist for `person`: their staff badge and every asset on the books they
    /// hold, due back by the end of `lastDay`. The department is the one given, else the
    /// person's, else their latest joining checklist's.
    public func staffLeave(person: String, department: String?, lastDay: Date, _ ctx: RuleContext) -> Change {
        let cal = ctx.env.calendar
        let day = cal.startOfDay(for: lastDay)
        let due = cal.date(byAdding: .day, value: 1, to: day) ?? day.addingTimeInterval(86_400)
        let dept = department ?? people[person]?.department
            ?? staff.values.filter { $0.person == person }.max { $0.openedAt < $1.openedAt }?.department ?? ""
        var items = [StaffItem(id: "1", kind: .badge, name: "Staff badge")]
        for a in assetsHeld(by: person) {
            items.append(StaffItem(id: "\(items.count + 1)", kind: .equipment, name: a.model, asset: a.tag))
        }
        return .openStaffChecklist(StaffChecklist(id: ctx.env.ids.next(.staff, in: self), direction: .leaving, person: person, department: dept,
                                                  day: day, dueAt: due, openedAt: ctx.now, openedBy: ctx.actor, items: items))
    }

    /// The item `ref` names on checklist `c`: its id, its asset's tag, its kind when only one
    /// item has it, or its name (ignoring case).
    public func staffItem(_ c: StaffChecklist, _ ref: String) -> StaffItem? {
        if let i = c.items.first(where: { $0.id == ref || $0.asset == ref }) { return i }
        let byKind = c.items.filter { $0.kind.rawValue == ref.lowercased() }
        if byKind.count == 1 { return byKind[0] }
        let open = byKind.filter { !$0.state.isSettled }
        if !open.isEmpty { return open[0] }
        return c.items.first { $0.name.lowercased() == ref.lowercased() }
    }

    /// The checklist and item named by the person typing, or the refusal that says what exists.
    func checklistItem(_ cid: String, _ ref: String) throws(Refusal) -> (StaffChecklist, StaffItem) {
        guard let c = staff[cid] else { throw .invalid("No joiner or leaver checklist \(cid) (frontdesk staff list).", zh: "没有入职或离职清单 \(cid)（frontdesk staff list）。") }
        guard let item = staffItem(c, ref) else {
            let list = c.items.map { "\($0.id) \($0.name)" }.joined(separator: ", ")
            throw .invalid("Checklist \(cid) has no item \"\(ref)\"; its items: \(list).", zh: "清单 \(cid) 中没有“\(ref)”；其项目为：\(list)。")
        }
        return (c, item)
    }

    /// Ticks item `ref` of a joiner's checklist as issued. Equipment needs `asset` (a tag): it
    /// is transferred to the joiner in the department, at `location` when given; a starter kit
    /// is issued from stock to the joiner's department.
    public func staffIssue(checklist cid: String, item ref: String, asset: String?, location: String?, note: String?,
                           _ ctx: RuleContext) throws(Refusal) -> Change {
        let (c, item) = try checklistItem(cid, ref)
        var s = StaffSettlement(state: .issued, at: ctx.now, by: ctx.actor, note: note)
        switch item.kind {
        case .equipment:
            let tag = asset ?? item.asset
            s.asset = tag
            if let tag, let a = assets[tag], !isHeld(a, by: c.person) {
                s.transfer = moveTransfer(assetTransfer(tag: tag, department: c.department, location: location, holder: c.person, state: .inUse,
                                                        reason: "joiner \(c.id)", ctx))
            }
        case .kit:
            if case .moveStock(let m) = issue(sku: item.sku ?? "", quantity: item.quantity ?? 0, department: c.department, recipient: c.person, ctx) { s.move = m }
        default:
            if asset != nil { throw .invalid("\(item.name) is not equipment; leave out --asset.", zh: "\(item.name) 不是设备；请去掉 --asset。") }
        }
        return .settleStaffItem(checklistID: c.id, itemID: item.id, settlement: s)
    }

    /// Ticks item `ref` of a leaver's checklist as recovered. An asset still held by the leaver
    /// goes back to store (at `location` when given, in its department).
    public func staffRecover(checklist cid: String, item ref: String, location: String?, note: String?, _ ctx: RuleContext) throws(Refusal) -> Change {
        let (c, item) = try checklistItem(cid, ref)
        var s = StaffSettlement(state: .recovered, at: ctx.now, by: ctx.actor, note: note, asset: item.asset)
        if let tag = item.asset, let a = assets[tag], isHeld(a, by: c.person) {
            s.transfer = moveTransfer(assetTransfer(tag: tag, department: nil, location: location, holder: "", state: .inStore, reason: "leaver \(c.id)", ctx))
        }
        return .settleStaffItem(checklistID: c.id, itemID: item.id, settlement: s)
    }

    /// The `write-off` approval request for item `ref` of a leaver's checklist, naming it so the
    /// decision writes it off. `approvers` empty: the department head when an approver other
    /// than the desk, else anyone holding the approver role.
    public func staffWriteOff(checklist cid: String, item ref: String, reason: String, approvers: [String], _ ctx: RuleContext) throws(Refusal) -> Change {
        let (c, item) = try checklistItem(cid, ref)
        try requireText(reason, "reason")
        var chain = approvers
        if chain.isEmpty, let head = departments[c.department]?.head, head != ctx.actor, hasRole(head, .approver) { chain = [head] }
        var a = ApprovalRequest(id: ctx.env.ids.next(.approval, in: self), type: .writeOff,
                                title: "Write off \(item.asset.map { "\($0) " } ?? "")\(item.name) of \(displayName(c.person)): \(reason)",
                                requester: ctx.actor, createdAt: ctx.now,
                                amount: item.asset.flatMap { assets[$0] }.map { Double(bookValueCents($0, at: ctx.now, ctx.settings)) / 100 },
                                approvers: chain, requiredApprovals: Self.approvalsNeeded(.writeOff, chain: chain, ctx.settings))
        a.documentRef = "\(c.id)/\(item.id)"; a.asset = item.asset
        return .requestStaffWriteOff(checklistID: c.id, itemID: item.id, approval: a)
    }

    func moveTransfer(_ change: Change) -> AssetTransfer? {
        if case .moveAsset(_, let t) = change { return t }
        return nil
    }
}

// MARK: Due times and steps

extension OfficeState {
    /// Flags of a checklist at `now`: open items at or after its due time (the start of a
    /// joiner's first day; the end of a leaver's last day).
    public func flags(of c: StaffChecklist, at now: Date) -> [DueFlag] {
        guard !c.isClosed, !c.openItems.isEmpty, now >= c.dueAt else { return [] }
        return [c.direction == .joining ? .joinerOverdue : .leaverOverdue]
    }

    /// Issue (joining) or recover and write off (leaving) while items are open; close once all
    /// are settled; join and leave are always offered.
    func staffSteps(_ c: StaffChecklist?, _ ctx: RuleContext) -> [ProcessStep] {
        var out: [ProcessStep] = []
        if let c, !c.isClosed {
            let open = c.openItems.filter { i in !(i.writeOffApprovalID.map { approvals[$0]?.status == .pending } ?? false) }
            if !open.isEmpty {
                if c.direction == .joining { out.append(ProcessStep(.staffIssue, role: .frontdesk)) }
                else { out += [ProcessStep(.staffRecover, role: .frontdesk), ProcessStep(.staffWriteOff, role: .frontdesk)] }
            }
            if c.openItems.isEmpty { out.append(ProcessStep(.staffClose, role: .frontdesk)) }
        }
        out += [ProcessStep(.staffJoin, role: .frontdesk), ProcessStep(.staffLeave, role: .frontdesk)]
        return out
    }

    func staffImmediateChange(_ step: StepID, _ c: StaffChecklist, _ ctx: RuleContext) -> Change? {
        step == .staffClose ? .closeStaffChecklist(checklistID: c.id, at: ctx.now, by: ctx.actor) : nil
    }
}

// MARK: Hooks

/// The hook events of joiners and leavers and the placeholders their commands may use (besides
/// `id`, `event`, `title`, `status`, `due`).
public enum StaffHooks {
    public static let events = ["staff.join", "staff.leave", "staff.issue", "staff.recover", "staff.writeoff", "staff.close", "staff.template"]
    public static let placeholders = ["checklist", "person", "department", "open"]
}

extension OfficeState {
    /// Hook values of a committed joiner or leaver change, or nil for other changes. `open` is
    /// the names of the items not settled yet, separated by commas.
    public func staffHookValues(_ change: Change, timeZone tz: TimeZone) -> [String: String]? {
        guard StaffHooks.events.contains(change.name) else { return nil }
        if case .setStaffTemplate(let t) = change {
            return ["id": t.department, "event": change.name, "department": t.department, "title": t.items.map(\.name).joined(separator: ", ")]
        }
        guard let c = staff[change.subject] else { return nil }
        return ["checklist": c.id, "id": c.id, "event": change.name, "person": c.person, "host": c.person, "department": c.department,
                "title": displayName(c.person), "status": c.isClosed ? "closed" : c.direction.rawValue, "due": Clock.dayHM(c.dueAt, tz),
                "open": c.openItems.map(\.name).joined(separator: ", ")]
    }
}
