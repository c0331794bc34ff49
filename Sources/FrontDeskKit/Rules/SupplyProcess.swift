import Foundation

/// The supplies chain: accepted quantity enters stock; stock never goes below zero.
extension OfficeState {
    func validateNewItem(_ i: SupplyItem) throws(Refusal) {
        try requireText(i.sku, "SKU"); try requireText(i.name, "item name"); try requireText(i.unit, "unit")
        if items[i.sku] != nil { throw .rule("Item \(i.sku) exists already (\(items[i.sku]?.name ?? "")).", zh: "物品 \(i.sku) 已存在（\(items[i.sku]?.name ?? "")）。") }
        if i.reorderAt < 0 || i.target < 0 { throw .invalid("Reorder point and target cannot be negative.", zh: "补货点和目标库存不能为负数。") }
        if i.target > Self.maxQuantity { throw .invalid("A target above \(Self.maxQuantity) is a typing mistake.", zh: "目标库存超过 \(Self.maxQuantity)，应是输入错误。") }
        if let p = i.unitPrice, !p.isFinite || p < 0 || p > Self.maxAmount { throw .invalid("The price must be between 0 and \(Int(Self.maxAmount)).", zh: "价格必须在 0 到 \(Int(Self.maxAmount)) 之间。") }
        if i.target < i.reorderAt { throw .invalid("Target level (\(i.target)) is below the reorder point (\(i.reorderAt)).", zh: "目标库存（\(i.target)）低于补货点（\(i.reorderAt)）。") }
    }

    /// No office moves more than this many units of one item at once: a bigger number is a typo.
    public static let maxQuantity = 1_000_000
    /// Amounts above this are typing mistakes, not office purchases.
    public static let maxAmount = 1e10

    func validateMove(_ m: StockMove) throws(Refusal) {
        guard let item = items[m.sku] else { throw .invalid("No item \(m.sku) (frontdesk stock list).", zh: "没有物品 \(m.sku)（frontdesk stock list）。") }
        // magnitude, not abs: abs(Int.min) traps, and anyone can type --qty -9223372036854775808.
        let caps = [m.quantity, m.countedQuantity ?? 0, m.rejectedQuantity ?? 0]
        if let over = caps.first(where: { $0.magnitude > UInt(Self.maxQuantity) }) {
            throw .invalid("\(over.magnitude) is more than \(Self.maxQuantity) units at once; check the quantity.", zh: "一次 \(over.magnitude) 超过 \(Self.maxQuantity) 个单位；请核对数量。")
        }
        if let p = m.unitPrice, !p.isFinite || p < 0 || p > Self.maxAmount { throw .invalid("The unit price must be between 0 and \(Int(Self.maxAmount)).", zh: "单价必须在 0 到 \(Int(Self.maxAmount)) 之间。") }
        if onHand[m.sku, default: 0] + m.quantity > Self.maxQuantity * 100 {
            throw .invalid("That would put \(onHand[m.sku, default: 0] + m.quantity) \(item.unit) in stock; check the quantity.", zh: "这样库存会变成 \(onHand[m.sku, default: 0] + m.quantity) \(item.unit)；请核对数量。")
        }
        if moves[m.id] != nil { throw .rule("Stock move \(m.id) exists already.", zh: "出入库记录 \(m.id) 已存在。") }
        if let pid = m.purchaseID {
            guard let p = purchases[pid] else { throw .invalid("No purchase \(pid).", zh: "没有采购单 \(pid)。") }
            if p.sku != m.sku { throw .invalid("Purchase \(pid) is for \(p.sku), not \(m.sku).", zh: "采购单 \(pid) 采购的是 \(p.sku)，不是 \(m.sku)。") }
            if m.kind != .receive { throw .invalid("Only a delivery is booked against a purchase.", zh: "只有到货入库才能对应采购单。") }
            if item.isEquipment {
                throw .rule("\(item.name) (\(item.sku)) is equipment: each unit of purchase \(pid) is received into the asset ledger with its tag (frontdesk asset add --purchase \(pid) --tag TAG …), not into stock.",
                            zh: "\(item.name)（\(item.sku)）属于设备：采购单 \(pid) 的每一件都要带标签登记到资产台账（frontdesk asset add --purchase \(pid) --tag 标签 …），不入库存。")
            }
            switch p.status {
            case .approved: break
            case .received: throw .rule("Purchase \(pid) was received in full (\(p.receivedQuantity) of \(p.quantity) \(item.unit)); nothing more is due on it.", zh: "采购单 \(pid) 已全部到货（\(p.receivedQuantity)/\(p.quantity) \(item.unit)）；不再有待收货物。")
            case .awaitingApproval: throw .rule("Purchase \(pid) is not approved yet (request \(p.approvalID) is pending); nothing can be received against it.", zh: "采购单 \(pid) 尚未批准（审批 \(p.approvalID) 待审批中）；不能据此收货。")
            case .rejected: throw .rule("Purchase \(pid) was rejected; nothing can be received against it.", zh: "采购单 \(pid) 已被驳回；不能据此收货。")
            }
            let due = p.quantity - p.receivedQuantity
            if m.quantity > due { throw .rule("Only \(due) \(item.unit) still due on purchase \(pid) (\(p.receivedQuantity) of \(p.quantity) received); \(m.quantity) cannot be accepted against it.", zh: "采购单 \(pid) 只剩 \(due) \(item.unit) 待到货（已收 \(p.receivedQuantity)/\(p.quantity)）；不能据此验收 \(m.quantity)。") }
            if let o = m.acceptance?.ordered, o != p.quantity { throw .invalid("Purchase \(pid) ordered \(p.quantity) \(item.unit), not \(o).", zh: "采购单 \(pid) 订购的是 \(p.quantity) \(item.unit)，不是 \(o)。") }
        }
        if let a = m.acceptance { try validateAcceptance(a, m) }
        let have = onHand[m.sku, default: 0]
        switch m.kind {
        case .receive, .returned:
            if m.quantity < 0 { throw .invalid("A \(m.kind.rawValue) adds stock; the quantity cannot be negative.", zh: "\(ZH.kind(m.kind))会增加库存，数量不能为负数。") }
            if m.kind == .receive, m.quantity == 0, (m.rejectedQuantity ?? 0) == 0 { throw .invalid("Nothing received.", zh: "没有收到任何货物。") }
        case .issue, .writeOff:
            if m.quantity >= 0 { throw .invalid("Give a positive quantity to \(m.kind == .issue ? "issue" : "write off").", zh: "请填写正数作为\(m.kind == .issue ? "领用" : "报损")数量。") }
            if m.kind == .issue {
                try requireText(m.department ?? "", "department"); try requireText(m.recipient ?? "", "recipient who signs")
            }
            if have + m.quantity < 0 {
                throw .rule("Only \(have) \(item.unit) of \(item.name) (\(item.sku)) on hand; cannot take \(-m.quantity).", zh: "\(item.name)（\(item.sku)）库存只有 \(have) \(item.unit)；不能取出 \(-m.quantity)。")
            }
        case .adjust:
            try requireText(m.reason ?? "", "reason for the stocktake variance")
            if have + m.quantity < 0 { throw .invalid("A count cannot be below zero.", zh: "盘点数量不能低于零。") }
        }
    }

    /// The acceptance record agrees with the move: accepted ≤ delivered, the accepted units are
    /// what enters stock, an inspector signs, and rejections or failed checks say why.
    func validateAcceptance(_ a: Acceptance, _ m: StockMove) throws(Refusal) {
        if a.delivered < 0 || a.accepted < 0 { throw .invalid("Delivered and accepted quantities cannot be negative.", zh: "到货数量和验收数量不能为负数。") }
        if a.accepted > a.delivered { throw .invalid("\(a.accepted) accepted is more than the \(a.delivered) delivered.", zh: "验收 \(a.accepted) 多于到货 \(a.delivered)。") }
        if a.accepted != m.quantity { throw .invalid("The accepted quantity (\(a.accepted)) must be what enters stock (\(m.quantity)).", zh: "验收数量（\(a.accepted)）必须等于入库数量（\(m.quantity)）。") }
        try requireText(a.inspector, "inspector's name")
        let failed = !a.specificationMatches || !a.qualityPassed || a.accepted < a.delivered
        if failed && (a.notes ?? "").nilIfBlank == nil {
            throw .invalid("Say in the notes why units were rejected or a check failed (specification, quality).", zh: "请在备注中说明拒收或检验不合格的原因（规格、质量）。")
        }
    }

    /// At least three quotes, unless it is a small urgent buy from the designated supplier; a
    /// chosen quote that is not the cheapest needs a justification; special items need one too.
    func validatePurchase(_ p: PurchaseRequest, _ a: ApprovalRequest, _ ctx: RuleContext) throws(Refusal) {
        guard let item = items[p.sku] else { throw .invalid("No item \(p.sku) (frontdesk stock list).", zh: "没有物品 \(p.sku)（frontdesk stock list）。") }
        if purchases[p.id] != nil { throw .rule("Purchase \(p.id) exists already.", zh: "采购单 \(p.id) 已存在。") }
        if p.quantity < 1 || p.quantity > Self.maxQuantity { throw .invalid("Quantity must be 1 to \(Self.maxQuantity).", zh: "数量必须在 1 到 \(Self.maxQuantity) 之间。") }
        guard let chosen = p.chosenQuote else { throw .invalid("Choose one of the quotes.", zh: "请从报价中选定一家。") }
        for q in p.quotes where q.unitPrice < 0 || !q.unitPrice.isFinite || q.unitPrice > Self.maxAmount || q.leadDays < 0 || q.leadDays > 3650 {
            throw .invalid("Quote from \(q.supplier): price and delivery days cannot be negative.", zh: "\(q.supplier) 的报价：价格和交货天数不能为负数。")
        }
        if Set(p.quotes.map { $0.supplier.lowercased() }).count != p.quotes.count { throw .invalid("Each quote must come from a different supplier.", zh: "每份报价须来自不同的供应商。") }
        let s = ctx.settings
        let smallUrgent = p.urgent && p.amount <= s.smallPurchaseLimit
            && s.designatedSupplier.map { $0.lowercased() == chosen.supplier.lowercased() } == true
        if p.quotes.count < 3 && !smallUrgent {
            if p.urgent && p.amount <= s.smallPurchaseLimit && s.designatedSupplier == nil {
                throw .rule("Only \(p.quotes.count) quote(s): a small urgent buy needs the designated supplier, and none is set (frontdesk settings set designatedSupplier NAME).", zh: "只有 \(p.quotes.count) 份报价：小额紧急采购须向指定供应商购买，但尚未设置（frontdesk settings set designatedSupplier 名称）。")
            }
            throw .rule("Only \(p.quotes.count) quote(s): compare at least 3 suppliers\(p.urgent ? " (or, up to \(String(format: "%.2f", s.smallPurchaseLimit)), buy urgently from \(s.designatedSupplier ?? "the designated supplier"))" : "").", zh: "只有 \(p.quotes.count) 份报价：请至少比较 3 家供应商\(p.urgent ? "（或在 \(String(format: "%.2f", s.smallPurchaseLimit)) 以内向\(s.designatedSupplier ?? "指定供应商")紧急采购）" : "")。")
        }
        let cheapest = p.quotes.map(\.unitPrice).min() ?? chosen.unitPrice
        if chosen.unitPrice > cheapest && (p.justification ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw .rule("\(chosen.supplier) is not the cheapest quote (\(String(format: "%.2f", cheapest))); give a justification.", zh: "\(chosen.supplier) 不是最低报价（最低为 \(String(format: "%.2f", cheapest))）；请说明理由。")
        }
        if item.special && (p.justification ?? "").isEmpty { throw .rule("\(item.name) is a special item: give a justification and budget.", zh: "\(item.name) 是特殊物品：请说明理由和预算。") }
        if a.type != .purchase || a.amount != p.amount || a.requester != p.requester { throw .invalid("The approval does not match the purchase.", zh: "审批申请与采购单不一致。") }
        try validateNewApproval(a)
    }

    func validateDemand(_ d: DemandEntry) throws(Refusal) {
        guard let item = items[d.sku] else { throw .invalid("No item \(d.sku) (frontdesk stock list).", zh: "没有物品 \(d.sku)（frontdesk stock list）。") }
        try requireText(d.department, "department")
        if d.quantity < 1 || d.quantity > Self.maxQuantity { throw .invalid("Quantity must be 1 to \(Self.maxQuantity).", zh: "数量必须在 1 到 \(Self.maxQuantity) 之间。") }
        if let b = d.budget, !b.isFinite || b < 0 || b > Self.maxAmount { throw .invalid("The budget must be between 0 and \(Int(Self.maxAmount)).", zh: "预算必须在 0 到 \(Int(Self.maxAmount)) 之间。") }
        if demand[d.id] != nil { throw .rule("Demand \(d.id) exists already.", zh: "需求 \(d.id) 已存在。") }
        if item.special && ((d.justification ?? "").isEmpty || d.budget == nil) {
            throw .rule("\(item.name) is a special item: give a justification and a budget.", zh: "\(item.name) 是特殊物品：请说明理由和预算。")
        }
    }

    public func flags(of item: SupplyItem) -> [DueFlag] {
        let have = onHand[item.sku, default: 0]
        if have <= 0 { return [.outOfStock, .belowReorder] }
        return have < item.reorderAt ? [.belowReorder] : []
    }
}

extension Quote {
    /// "SUPPLIER:PRICE:DAYS[:QUALITY]" as typed at the desk or on the command line.
    public static func parse(_ text: String) -> Quote? {
        let p = text.split(separator: ":", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard p.count >= 3, !p[0].isEmpty, let price = Double(p[1]), price >= 0, price.isFinite, let days = Int(p[2]), days >= 0 else { return nil }
        return Quote(supplier: p[0], unitPrice: price, leadDays: days, quality: p.count > 3 ? p[3...].joined(separator: ":") : nil)
    }
}

extension OfficeState {
    /// A purchase request and its approval, routed along the store's chain (department head, then
    /// administration over the threshold). `chosen` nil picks the cheapest quote.
    public func purchaseRequest(sku: String, quantity: Int, quotes: [Quote], chosen: Int?, justification: String?, urgent: Bool,
                                _ ctx: RuleContext) -> Change {
        let pick = chosen ?? quotes.indices.min { quotes[$0].unitPrice < quotes[$1].unitPrice } ?? 0
        let approvalID = ctx.env.ids.next(.approval, in: self)
        let p = PurchaseRequest(id: ctx.env.ids.next(.purchase, in: self), sku: sku, quantity: quantity, quotes: quotes, chosen: pick,
                                justification: justification, urgent: urgent, requester: ctx.actor, createdAt: ctx.now, approvalID: approvalID)
        let chain = purchaseChain(requester: ctx.actor, amount: p.amount, ctx.settings)
        let from = quotes.indices.contains(pick) ? quotes[pick].supplier : "?"
        var a = ApprovalRequest(id: approvalID, type: .purchase, title: "\(quantity) × \(items[sku]?.name ?? sku) (\(sku)) from \(from)",
                                requester: ctx.actor, createdAt: ctx.now, amount: p.amount, approvers: chain,
                                requiredApprovals: Self.approvalsNeeded(.purchase, chain: chain, ctx.settings))
        a.documentRef = p.id
        return .requestPurchase(p, approval: a)
    }
}

extension OfficeState {
    /// A delivery booked in after acceptance: the acceptance record (ordered, delivered, accepted,
    /// specification and quality checks, notes, inspector) travels with the move, and only the
    /// accepted quantity enters stock. `inspector` defaults to the person booking it in.
    public func receipt(sku: String, counted: Int, rejected: Int, reason: String?, unitPrice: Double?, supplier: String?,
                        purchaseID: String? = nil, specificationMatches: Bool = true, qualityPassed: Bool = true,
                        inspector: String? = nil, _ ctx: RuleContext) -> Change {
        var m = StockMove(id: ctx.env.ids.next(.move, in: self), sku: sku, kind: .receive, quantity: counted - rejected, at: ctx.now,
                          by: ctx.actor, reason: reason, unitPrice: unitPrice, supplier: supplier)
        m.countedQuantity = counted
        m.rejectedQuantity = rejected
        m.purchaseID = purchaseID
        m.acceptance = Acceptance(ordered: purchaseID.flatMap { purchases[$0]?.quantity }, delivered: counted, accepted: counted - rejected,
                                  specificationMatches: specificationMatches, qualityPassed: qualityPassed, notes: reason,
                                  inspector: inspector ?? ctx.actor)
        return .moveStock(m)
    }

    /// A stocktake: the variance between the count and the books, with its reason.
    public func stocktake(sku: String, counted: Int, reason: String, _ ctx: RuleContext) -> Change {
        var m = StockMove(id: ctx.env.ids.next(.move, in: self), sku: sku, kind: .adjust, quantity: counted - onHand[sku, default: 0],
                          at: ctx.now, by: ctx.actor, reason: reason)
        m.countedQuantity = counted
        return .moveStock(m)
    }

    /// Units a department brings back into stock.
    public func stockReturn(sku: String, quantity: Int, department: String, _ ctx: RuleContext) -> Change {
        .moveStock(StockMove(id: ctx.env.ids.next(.move, in: self), sku: sku, kind: .returned, quantity: quantity, at: ctx.now,
                             by: ctx.actor, department: department))
    }

    /// Damaged or expired units taken out of stock, with the reason.
    public func writeOff(sku: String, quantity: Int, reason: String, _ ctx: RuleContext) -> Change {
        .moveStock(StockMove(id: ctx.env.ids.next(.move, in: self), sku: sku, kind: .writeOff, quantity: -quantity, at: ctx.now,
                             by: ctx.actor, reason: reason))
    }

    /// Supplies handed to a department; `recipient` signs for them.
    public func issue(sku: String, quantity: Int, department: String, recipient: String, _ ctx: RuleContext) -> Change {
        .moveStock(StockMove(id: ctx.env.ids.next(.move, in: self), sku: sku, kind: .issue, quantity: -quantity, at: ctx.now, by: ctx.actor,
                             department: department, recipient: recipient))
    }
}

// MARK: Steps

extension OfficeState {
    /// The supply chain's steps on an item: issue, receive against a purchase, count, next month's
    /// demand, a purchase request with quotes, returns and write-offs.
    func supplySteps(_ item: SupplyItem, _ ctx: RuleContext) -> [ProcessStep] {
        [.stockIssue, .stockReceive, .stockCount, .stockDemand, .stockPurchase, .stockReturn, .stockWriteOff].map { ProcessStep($0, role: .frontdesk) }
    }

    /// Checks a supplies change: the desk's role, then the item, quantities and purchase rules.
    func validateSupply(_ change: Change, _ ctx: RuleContext) throws(Refusal) {
        switch change {
        case .addItem(let item):
            try requireRole(ctx, .frontdesk, to: "add supply items")
            try validateNewItem(item)
        case .moveStock(let m):
            try requireRole(ctx, .frontdesk, to: "move stock")
            try validateMove(m)
        case .requestPurchase(let p, let a):
            try requireRole(ctx, .frontdesk, to: "request purchases")
            try validatePurchase(p, a, ctx)
        case .addDemand(let d):
            try requireRole(ctx, .frontdesk, to: "record departments' demand")
            try validateDemand(d)
        default:
            throw .invalid("That is not a supplies change.", zh: "这不是物品库存的变更。")
        }
    }

    /// Applies a validated (or replayed) supplies change.
    mutating func applySupply(_ change: Change) {
        switch change {
        case .addItem(let i):
            items[i.sku] = i; bump(.item, i.sku)
        case .moveStock(let m):
            moves[m.id] = m; bump(.move, m.id)
            onHand[m.sku, default: 0] &+= m.quantity  // validation caps quantities; replay must never trap
            if let pid = m.purchaseID, var p = purchases[pid] {
                p.receivedQuantity &+= m.quantity
                if p.receivedQuantity >= p.quantity { p.status = .received }
                purchases[pid] = p
            }
        case .requestPurchase(let p, let a):
            purchases[p.id] = p; bump(.purchase, p.id)
            approvals[a.id] = a; bump(.approval, a.id)
        case .addDemand(let d):
            demand[d.id] = d; bump(.demand, d.id)
        default:
            break
        }
    }
}
