import Foundation

/// The fixed-asset process: a ledger of tagged assets; a fault → sent to a vendor or property
/// management → back (work and cost); transfers between departments, locations and holders;
/// scrapping only through a `scrap` approval, whose approving decision scraps the asset in the
/// same record; stocktakes by location whose differences are settled with a reason, so the books
/// match the floor. Money is in cents.
extension OfficeState {
    /// Cents above this are typing mistakes (the same cap as `maxAmount`, in cents).
    public static let maxCents = 1_000_000_000_000

    func validateAssetChange(_ change: Change, _ ctx: RuleContext) throws(Refusal) {
        try requireRole(ctx, .frontdesk, to: "keep the asset ledger")
        switch change {
        case .addAsset(let a): try validateNewAsset(a, ctx)
        case .moveAsset(let tag, let t):
            let a = try onBooksAsset(tag)
            if a.state == .underRepair {
                throw .rule("Asset \(tag) is under repair\(a.openRepair?.sentTo.map { " at \($0)" } ?? ""); record it back first (frontdesk asset back \(tag)).",
                            zh: "资产 \(tag) 正在维修\(a.openRepair?.sentTo.map { "（\($0)）" } ?? "")；请先登记修回（frontdesk asset back \(tag)）。")
            }
            try requireText(t.toDepartment, "department"); try requireText(t.toLocation, "location")
            if t.toState != .inUse && t.toState != .inStore { throw .invalid("A transfer leaves the asset in use or in store.", zh: "调拨后资产只能是在用或在库。") }
            if t.toState == .inStore && t.toHolder != nil {
                throw .invalid("An asset in store has no holder; leave out the holder or the in-store choice.", zh: "在库资产没有使用人；请去掉使用人或“入库”选项。")
            }
            if t.toDepartment == a.department && t.toLocation == a.location && t.toHolder == a.holder && t.toState == a.state {
                throw .invalid("Asset \(tag) is already there (\(a.department), \(a.location)\(a.holder.map { ", " + displayName($0) } ?? "")); nothing to move.",
                               zh: "资产 \(tag) 已在该处（\(a.department)，\(a.location)\(a.holder.map { "，" + displayName($0) } ?? "")）；无需调拨。")
            }
        case .reportAssetFault(let tag, let r):
            let a = try onBooksAsset(tag)
            if a.state == .underRepair { throw .rule("Asset \(tag) is under repair already (since \(Self.dayText(a.openRepair?.reportedAt))).", zh: "资产 \(tag) 已在维修中（自 \(Self.dayText(a.openRepair?.reportedAt)) 起）。") }
            try requireText(r.fault, "fault")
        case .sendAssetToRepair(let tag, let to, _):
            let a = try onBooksAsset(tag)
            guard let open = a.openRepair else { throw .rule("Asset \(tag) has no fault reported; report it first (frontdesk asset repair \(tag) --fault TEXT).", zh: "资产 \(tag) 没有报修记录；请先报修（frontdesk asset repair \(tag) --fault 故障）。") }
            if let sent = open.sentTo { throw .rule("Asset \(tag) was sent to \(sent) already.", zh: "资产 \(tag) 已送至 \(sent)。") }
            try requireText(to, "vendor or property management")
        case .assetBack(let tag, let work, let cost, _):
            let a = try onBooksAsset(tag)
            if a.openRepair == nil { throw .rule("Asset \(tag) is not under repair.", zh: "资产 \(tag) 不在维修中。") }
            try requireText(work, "work done")
            if cost < 0 || cost > Self.maxCents { throw .invalid("The repair cost must be between 0 and \(Self.maxCents / 100).", zh: "维修费用必须在 0 到 \(Self.maxCents / 100) 之间。") }
        case .recordAssetCount(let c):
            try requireText(c.location, "location")
            if assetCounts[c.id] != nil { throw .rule("Asset count \(c.id) exists already.", zh: "资产盘点 \(c.id) 已存在。") }
            if Set(c.found).count != c.found.count { throw .invalid("A tag is listed twice in the count.", zh: "盘点中有资产标签重复。") }
            if Set(c.expected) != Set(assetTags(at: c.location)) {
                throw .rule("The ledger of \(c.location) changed while counting; record the count again.", zh: "盘点期间 \(c.location) 的台账有变动；请重新登记盘点。")
            }
        case .settleAssetCount(let id, let s):
            guard let c = assetCounts[id] else { throw .invalid("No asset count \(id) (frontdesk asset count --list).", zh: "没有资产盘点 \(id)（frontdesk asset count --list）。") }
            let result = assetCountResult(c)
            try requireText(s.reason, "reason")
            if result.settled[s.tag] != nil {
                throw .rule("The difference of \(s.tag) in count \(id) is settled already.", zh: "盘点 \(id) 中 \(s.tag) 的差异已处理。")
            }
            let allowed: [AssetSettlementKind]
            if result.missing.contains(s.tag) { allowed = [.lost, .found] }
            else if result.misplaced.contains(s.tag) { allowed = [.moved, .returned] }
            else if result.unexpected.contains(s.tag) { allowed = [.noted] }
            else {
                throw .invalid("\(s.tag) is no difference of count \(id): the count and the books agree on it.", zh: "\(s.tag) 不是盘点 \(id) 的差异：盘点与账面一致。")
            }
            if !allowed.contains(s.kind) {
                throw .invalid("\(s.tag) is \(result.category(of: s.tag)); settle it as \(allowed.map(\.rawValue).joined(separator: " or ")).",
                               zh: "\(s.tag) 属于“\(ZH.words(result.category(of: s.tag)))”；请按 \(allowed.map(\.rawValue).joined(separator: " 或 ")) 处理。")
            }
            if s.kind == .lost || s.kind == .moved, assets[s.tag]?.state == .underRepair {
                throw .rule("Asset \(s.tag) is under repair; record it back first.", zh: "资产 \(s.tag) 正在维修；请先登记修回。")
            }
        default:
            throw .invalid("That is not an asset change.", zh: "这不是资产变更。")
        }
    }

    func validateNewAsset(_ a: Asset, _ ctx: RuleContext) throws(Refusal) {
        try requireText(a.tag, "asset tag"); try requireText(a.category, "category"); try requireText(a.model, "model")
        try requireText(a.department, "department"); try requireText(a.location, "location")
        if let old = assets[a.tag] {
            throw .rule("Asset tag \(a.tag) is on the ledger already (\(old.model), \(old.location)); each label carries its own tag.",
                        zh: "资产标签 \(a.tag) 已在台账中（\(old.model)，\(old.location)）；每个标签的编号必须唯一。")
        }
        if a.costCents < 0 || a.costCents > Self.maxCents { throw .invalid("The cost must be between 0 and \(Self.maxCents / 100).", zh: "购置金额必须在 0 到 \(Self.maxCents / 100) 之间。") }
        if a.state != .inUse && a.state != .inStore { throw .invalid("A new asset is in use or in store.", zh: "新资产只能是在用或在库。") }
        if a.state == .inStore && a.holder != nil { throw .invalid("An asset in store has no holder.", zh: "在库资产没有使用人。") }
        if a.purchasedOn > ctx.now.addingTimeInterval(86_400) { throw .invalid("The purchase date is in the future.", zh: "购置日期晚于今天。") }
        if !a.repairs.isEmpty || !a.transfers.isEmpty || a.scrapApprovalID != nil || a.offBooksAt != nil {
            throw .invalid("A new asset starts with no history.", zh: "新资产不能带有历史记录。")
        }
        if let pid = a.purchaseID {
            guard let p = purchases[pid] else { throw .invalid("No purchase \(pid).", zh: "没有采购单 \(pid)。") }
            switch p.status {
            case .approved: break
            case .received: throw .rule("Purchase \(pid) was received in full (\(p.receivedQuantity) of \(p.quantity)); nothing more is due on it.", zh: "采购单 \(pid) 已全部到货（\(p.receivedQuantity)/\(p.quantity)）；不再有待收货物。")
            case .awaitingApproval: throw .rule("Purchase \(pid) is not approved yet (request \(p.approvalID) is pending).", zh: "采购单 \(pid) 尚未批准（审批 \(p.approvalID) 待审批中）。")
            case .rejected: throw .rule("Purchase \(pid) was rejected; nothing can be received against it.", zh: "采购单 \(pid) 已被驳回；不能据此收货。")
            }
            if let item = items[p.sku], !item.isEquipment {
                throw .rule("Purchase \(pid) is for \(item.name), a supply of category \(item.category): it is received into stock (frontdesk stock receive --purchase \(pid)).",
                            zh: "采购单 \(pid) 采购的是 \(item.name)（类别 \(item.category)），属于物品：应入库（frontdesk stock receive --purchase \(pid)）。")
            }
        }
    }

    /// An asset on the ledger and on the books (not scrapped or lost), or the refusal that says why not.
    func onBooksAsset(_ tag: String) throws(Refusal) -> Asset {
        guard let a = assets[tag] else { throw .invalid("No asset \(tag) on the ledger (frontdesk asset list).", zh: "台账中没有资产 \(tag)（frontdesk asset list）。") }
        if !a.state.isOnBooks { throw .rule("Asset \(tag) is \(a.state.rawValue); it is off the books.", zh: "资产 \(tag) 已\(ZH.words(a.state.rawValue))，不在账上。") }
        return a
    }

    /// A scrap request about a ledger asset: the asset is on the books and has no request pending.
    func validateScrapRequest(_ a: ApprovalRequest) throws(Refusal) {
        guard a.type == .scrap, let tag = a.asset, let asset = assets[tag] else { return }
        if !asset.state.isOnBooks { throw .rule("Asset \(tag) is \(asset.state.rawValue) already.", zh: "资产 \(tag) 已经\(ZH.words(asset.state.rawValue))。") }
        if let pending = asset.scrapApprovalID, approvals[pending]?.status == .pending {
            throw .rule("Asset \(tag) has a scrap request pending (\(pending)).", zh: "资产 \(tag) 已有待审批的报废申请（\(pending)）。")
        }
    }

    /// Tags on the books at `location`: what a stocktake there expects to find.
    public func assetTags(at location: String) -> [String] {
        assets.values.filter { $0.location == location && $0.state.isOnBooks }.map(\.tag).sorted()
    }

    static func dayText(_ d: Date?) -> String {
        guard let d else { return "?" }
        return ISO8601DateFormatter.string(from: d, timeZone: .current, formatOptions: [.withFullDate])
    }
}

// MARK: Application

extension OfficeState {
    mutating func applyAssetChange(_ change: Change) {
        switch change {
        case .addAsset(let a):
            assets[a.tag] = a
            if let pid = a.purchaseID, var p = purchases[pid] {
                p.receivedQuantity &+= 1
                if p.receivedQuantity >= p.quantity { p.status = .received }
                purchases[pid] = p
            }
        case .moveAsset(let tag, let t):
            guard var a = assets[tag] else { return }
            a.department = t.toDepartment; a.location = t.toLocation; a.holder = t.toHolder; a.state = t.toState
            a.transfers.append(t)
            assets[tag] = a
        case .reportAssetFault(let tag, let r):
            guard var a = assets[tag] else { return }
            a.repairs.append(r); a.state = .underRepair
            assets[tag] = a
        case .sendAssetToRepair(let tag, let to, let at):
            guard var a = assets[tag], !a.repairs.isEmpty else { return }
            a.repairs[a.repairs.count - 1].sentTo = to
            a.repairs[a.repairs.count - 1].sentAt = at
            assets[tag] = a
        case .assetBack(let tag, let work, let cost, let at):
            guard var a = assets[tag], let last = a.repairs.last else { return }
            a.repairs[a.repairs.count - 1].backAt = at
            a.repairs[a.repairs.count - 1].work = work
            a.repairs[a.repairs.count - 1].costCents = cost
            a.state = last.stateBefore == .underRepair ? .inUse : last.stateBefore
            assets[tag] = a
        case .recordAssetCount(let c):
            assetCounts[c.id] = c; bump(.assetCount, c.id)
        case .settleAssetCount(let id, let s):
            guard var c = assetCounts[id] else { return }
            c.settlements.append(s)
            assetCounts[id] = c
            guard var a = assets[s.tag] else { return }
            switch s.kind {
            case .lost:
                a.state = .lost; a.offBooksAt = s.at; a.holder = nil
            case .moved:
                a.transfers.append(AssetTransfer(at: s.at, by: s.by, fromDepartment: a.department, toDepartment: a.department,
                                                 fromLocation: a.location, toLocation: c.location, fromHolder: a.holder, toHolder: a.holder,
                                                 reason: s.reason, toState: a.state))
                a.location = c.location
            case .found, .returned, .noted:
                break
            }
            assets[s.tag] = a
        default:
            break
        }
    }

    /// The approval's decision on a scrap request about a ledger asset: approval scraps it.
    mutating func applyScrapDecision(_ request: ApprovalRequest, at: Date) {
        guard request.type == .scrap, request.status == .approved, let tag = request.asset, var a = assets[tag],
              a.scrapApprovalID == request.id, a.state.isOnBooks else { return }
        a.state = .scrapped; a.offBooksAt = at; a.holder = nil
        assets[tag] = a
    }
}

// MARK: Builders

extension OfficeState {
    /// The transfer of `tag` to the given department, location and holder (nil keeps each as it
    /// is; `holder: ""` clears it). `state` nil keeps the state, except that a new holder puts
    /// the asset in use; `.inStore` also clears the holder.
    public func assetTransfer(tag: String, department: String?, location: String?, holder: String?, state: AssetState?, reason: String?,
                              _ ctx: RuleContext) -> Change {
        let a = assets[tag]
        var newHolder: String? = holder.map { $0.isEmpty ? nil : $0 } ?? a?.holder
        var newState = state ?? (holder.map { !$0.isEmpty } == true ? .inUse : a?.state ?? .inUse)
        if state == .inStore { newHolder = nil }
        if newState == .underRepair { newState = .inUse }
        return .moveAsset(tag: tag, transfer: AssetTransfer(at: ctx.now, by: ctx.actor, fromDepartment: a?.department ?? "", toDepartment: department ?? a?.department ?? "",
                                                            fromLocation: a?.location ?? "", toLocation: location ?? a?.location ?? "",
                                                            fromHolder: a?.holder, toHolder: newHolder, reason: reason, toState: newState))
    }

    /// The `scrap` approval request for ledger asset `tag`, naming it so the decision scraps it.
    public func assetScrapRequest(tag: String, reason: String, approvers: [String], _ ctx: RuleContext) throws(Refusal) -> Change {
        let a = assets[tag]
        let what = a.map { "\($0.tag) \($0.model)" } ?? tag
        return try approvalRequest(type: .scrap, title: "Scrap \(what): \(reason)", amount: a.map { Double(bookValueCents($0, at: ctx.now, ctx.settings)) / 100 },
                                   from: nil, to: nil, approvers: approvers, document: nil, asset: tag, ctx)
    }

    /// A stocktake of `location` with the tags found there (duplicates dropped, order kept).
    public func assetCount(location: String, found: [String], _ ctx: RuleContext) -> Change {
        var seen = Set<String>()
        let tags = found.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && seen.insert($0).inserted }
        return .recordAssetCount(AssetCount(id: ctx.env.ids.next(.assetCount, in: self), location: location, at: ctx.now, by: ctx.actor,
                                            found: tags, expected: assetTags(at: location)))
    }
}

extension OfficeState {
    /// A new asset on the ledger, added by `ctx.actor` now. With `purchase`, one unit of that
    /// approved purchase: category, model, cost and supplier default to its item and chosen quote.
    public func assetAddition(tag: String, category: String?, model: String?, serial: String?, purchasedOn: Date?, costCents: Int?,
                              supplier: String?, department: String, location: String, holder: String?, inStore: Bool,
                              purchase: String?, _ ctx: RuleContext) -> Change {
        let p = purchase.flatMap { purchases[$0] }
        let item = p.flatMap { items[$0.sku] }
        let quote = p.flatMap { $0.quotes.indices.contains($0.chosen) ? $0.quotes[$0.chosen] : nil }
        var a = Asset(tag: tag, category: category ?? item?.category ?? "", model: model ?? item?.name ?? "", serial: serial,
                      purchasedOn: purchasedOn ?? ctx.env.calendar.startOfDay(for: ctx.now),
                      costCents: costCents ?? quote.map { Int(($0.unitPrice * 100).rounded()) } ?? 0,
                      supplier: supplier ?? quote?.supplier, department: department, location: location, holder: holder,
                      state: inStore ? .inStore : .inUse, addedAt: ctx.now, addedBy: ctx.actor)
        a.purchaseID = purchase
        return .addAsset(a)
    }

    /// A fault of `tag` reported by `ctx.actor` now (the asset goes under repair).
    public func assetFault(tag: String, fault: String, _ ctx: RuleContext) -> Change {
        .reportAssetFault(tag: tag, repair: AssetRepair(fault: fault, reportedAt: ctx.now, reportedBy: ctx.actor, stateBefore: assets[tag]?.state ?? .inUse))
    }

    /// Counts (G…) with differences not settled yet, newest first, each with its open tags.
    public func openAssetCounts() -> [(count: AssetCount, open: [String])] {
        assetCounts.values.map { ($0, assetCountResult($0).open) }.filter { !$0.1.isEmpty }
            .sorted { ($0.0.at, $0.0.id) > ($1.0.at, $1.0.id) }
    }

    // MARK: Steps (the dashboard's actions menu)

    /// Steps on asset `a`, all the desk's: move it or report a fault while it is in use or in
    /// store; send it out and record it back while under repair; raise the scrap approval unless
    /// one is pending; settle stocktake differences while any is open; add and count anywhere.
    func assetSteps(_ a: Asset?, _ ctx: RuleContext) -> [ProcessStep] {
        var out: [ProcessStep] = []
        if let a, a.state.isOnBooks {
            if a.state == .underRepair {
                if a.openRepair?.sentTo == nil { out.append(ProcessStep(.assetRepair, role: .frontdesk)) }
                out.append(ProcessStep(.assetBack, role: .frontdesk))
            } else {
                out += [ProcessStep(.assetMove, role: .frontdesk), ProcessStep(.assetFault, role: .frontdesk)]
            }
            if a.scrapApprovalID.flatMap({ approvals[$0] })?.status != .pending { out.append(ProcessStep(.assetScrap)) }
        }
        if !openAssetCounts().isEmpty { out.append(ProcessStep(.assetSettle, role: .frontdesk)) }
        return out + [ProcessStep(.assetAdd, role: .frontdesk), ProcessStep(.assetCount, role: .frontdesk)]
    }
}

// MARK: Due times, stocktake results, book value

/// What an asset stocktake found against the ledger, each difference open until settled.
public struct AssetCountResult: Sendable, Equatable {
    /// On the books at the location and not found there.
    public var missing: [String] = []
    /// Found, but not on the ledger (or off the books: scrapped, lost).
    public var unexpected: [String] = []
    /// Found at the location, but the books put it elsewhere.
    public var misplaced: [String] = []
    /// Found where the books say.
    public var matched: [String] = []
    /// Differences settled, by tag.
    public var settled: [String: AssetSettlement] = [:]

    /// Differences not settled yet; empty when the books match the floor.
    public var open: [String] { (missing + unexpected + misplaced).filter { settled[$0] == nil } }

    /// "missing", "unexpected", "misplaced" or "matched".
    public func category(of tag: String) -> String {
        missing.contains(tag) ? "missing" : unexpected.contains(tag) ? "unexpected" : misplaced.contains(tag) ? "misplaced" : "matched"
    }
}

extension OfficeState {
    /// The count against the ledger as it was recorded (`expected`) and the ledger now (for found tags).
    public func assetCountResult(_ c: AssetCount) -> AssetCountResult {
        var r = AssetCountResult()
        let found = Set(c.found)
        r.missing = c.expected.filter { !found.contains($0) }.sorted()
        for tag in c.found.sorted() {
            if c.expected.contains(tag) { r.matched.append(tag); continue }
            guard let a = assets[tag], a.state.isOnBooks || c.settlements.contains(where: { $0.tag == tag }) else { r.unexpected.append(tag); continue }
            // A tag settled as moved now sits at the count's location: it stays a (settled) misplaced one.
            if a.location != c.location || c.settlements.contains(where: { $0.tag == tag && $0.kind == .moved }) { r.misplaced.append(tag) } else { r.unexpected.append(tag) }
        }
        for s in c.settlements { r.settled[s.tag] = s }
        return r
    }

    /// Flags of an asset at `now`: under repair for `assetRepairOverdueAfter` or longer.
    public func flags(of a: Asset, at now: Date, _ s: StoreSettings) -> [DueFlag] {
        guard a.state == .underRepair, let open = a.openRepair else { return [] }
        return now >= open.reportedAt.addingTimeInterval(s.assetRepairOverdueAfter) ? [.repairOverdue] : []
    }

    /// Useful life in years of a category (`usefulYears.CATEGORY`, else `usefulYears`), at least 1.
    public static func usefulYears(_ category: String, _ s: StoreSettings) -> Int {
        max(1, s.assetUsefulYears[category] ?? s.assetDefaultUsefulYears)
    }

    /// Straight-line book value in cents at `now`: cost less cost × days held ÷ (years × 365),
    /// the depreciation rounded down to the cent; never below 0; 0 once scrapped or lost.
    public func bookValueCents(_ a: Asset, at now: Date, _ s: StoreSettings) -> Int {
        guard a.state.isOnBooks else { return 0 }
        let days = max(0, Int((now.timeIntervalSince(a.purchasedOn) / 86_400).rounded(.down)))
        let life = Self.usefulYears(a.category, s) * 365
        if days >= life { return 0 }
        // cost ≤ 1e12 and days < 36_500 × 100: the product stays far inside Int.
        return max(0, a.costCents - a.costCents * days / life)
    }
}

extension SupplyItem {
    /// Equipment (category "equipment" or "设备") bought through a purchase request is received
    /// into the asset ledger, one tagged asset per unit, never into stock.
    public var isEquipment: Bool { ["equipment", "设备"].contains(category.lowercased().trimmingCharacters(in: .whitespaces)) }
}

// MARK: Hooks

extension OfficeState {
    /// Hook values of a committed asset change (see `AssetHooks.placeholders`): the holder is told
    /// when their asset goes to repair, comes back or moves. Nil when the change is not about an asset.
    public func assetHookValues(_ change: Change, timeZone tz: TimeZone) -> [String: String]? {
        guard AssetHooks.events.contains(change.name), let a = assets[change.subject] else { return nil }
        // The time of the asset's latest event: the change itself (the environment's clock is not at hand here).
        let when = ([a.repairs.last?.reportedAt, a.repairs.last?.sentAt, a.repairs.last?.backAt, a.transfers.last?.at].compactMap { $0 } + [a.addedAt]).max() ?? a.addedAt
        return ["asset": a.tag, "id": a.tag, "event": change.name, "holder": a.holder ?? "", "title": a.model,
                "status": a.state.rawValue, "host": a.holder ?? "", "time": Clock.dayHM(when, tz)]
    }
}

/// The hook events of the asset process and the placeholders their commands may use.
public enum AssetHooks {
    public static let events = ["asset.fault", "asset.repair", "asset.back", "asset.move"]
    public static let placeholders = ["asset", "holder"]
}
