import Foundation

// Typed bplist codecs of the model's records. Keys and optionality mirror the synthesized Codable
// conformances exactly (Foundation's PropertyListDecoder reads what these write, and the other way
// round; Plist_TypedCodecTests checks every field both ways). Adding a stored property means one
// `case` line in `init(plist:)` and one `field` line in `encode(plist:)`; a non-optional one also
// goes into `plistRequired` (its bit is its index there).

extension Decision: PlistCodable {
    static let plistRequired: [StaticString] = ["by", "verdict", "at"]

    public init(plist r: inout PlistReader, _ ref: Int) throws {
        self = Decision(by: "", verdict: .approve, comment: nil, at: .distantPast)
        var d = try r.record(ref, Self.self), seen: UInt64 = 0
        while let e = try d.next(r) {
            switch e.key {
            case "by": by = try r.value(e); seen |= 1 << 0
            case "verdict": verdict = try r.value(e); seen |= 1 << 1
            case "comment": comment = try r.value(e)
            case "at": at = try r.value(e); seen |= 1 << 2
            default: break
            }
        }
        try r.required(seen, Self.plistRequired, Self.self, ref)
    }

    public func encode(plist w: inout PlistWriter) throws -> Int {
        let m = w.begin()
        try w.field("by", by)
        try w.field("verdict", verdict)
        try w.field("comment", comment)
        try w.field("at", at)
        return w.endDictionary(m)
    }
}

extension ApprovalRequest: PlistCodable {
    static let plistRequired: [StaticString] = ["id", "type", "title", "requester", "createdAt", "approvers", "requiredApprovals", "decisions", "status"]

    public init(plist r: inout PlistReader, _ ref: Int) throws {
        self = ApprovalRequest(id: "", type: .purchase, title: "", requester: "", createdAt: .distantPast)
        var d = try r.record(ref, Self.self), seen: UInt64 = 0
        while let e = try d.next(r) {
            switch e.key {
            case "id": id = try r.value(e); seen |= 1 << 0
            case "type": type = try r.value(e); seen |= 1 << 1
            case "title": title = try r.value(e); seen |= 1 << 2
            case "requester": requester = try r.value(e); seen |= 1 << 3
            case "createdAt": createdAt = try r.value(e); seen |= 1 << 4
            case "amount": amount = try r.value(e)
            case "from": from = try r.value(e)
            case "to": to = try r.value(e)
            case "documentRef": documentRef = try r.value(e)
            case "asset": asset = try r.value(e)
            case "approvers": approvers = try r.value(e); seen |= 1 << 5
            case "requiredApprovals": requiredApprovals = try r.value(e); seen |= 1 << 6
            case "decisions": decisions = try r.value(e); seen |= 1 << 7
            case "status": status = try r.value(e); seen |= 1 << 8
            default: break
            }
        }
        try r.required(seen, Self.plistRequired, Self.self, ref)
    }

    public func encode(plist w: inout PlistWriter) throws -> Int {
        let m = w.begin()
        try w.field("id", id)
        try w.field("type", type)
        try w.field("title", title)
        try w.field("requester", requester)
        try w.field("createdAt", createdAt)
        try w.field("amount", amount)
        try w.field("from", from)
        try w.field("to", to)
        try w.field("documentRef", documentRef)
        try w.field("asset", asset)
        try w.field("approvers", approvers)
        try w.field("requiredApprovals", requiredApprovals)
        try w.field("decisions", decisions)
        try w.field("status", status)
        return w.endDictionary(m)
    }
}

extension Room: PlistCodable {
    static let plistRequired: [StaticString] = ["id", "name", "capacity", "equipment", "outOfService"]

    public init(plist r: inout PlistReader, _ ref: Int) throws {
        self = Room(id: "", name: "", capacity: 0)
        var d = try r.record(ref, Self.self), seen: UInt64 = 0
        while let e = try d.next(r) {
            switch e.key {
            case "id": id = try r.value(e); seen |= 1 << 0
            case "name": name = try r.value(e); seen |= 1 << 1
            case "capacity": capacity = try r.value(e); seen |= 1 << 2
            case "equipment": equipment = try r.value(e); seen |= 1 << 3
            case "outOfService": outOfService = try r.value(e); seen |= 1 << 4
            default: break
            }
        }
        try r.required(seen, Self.plistRequired, Self.self, ref)
    }

    public func encode(plist w: inout PlistWriter) throws -> Int {
        let m = w.begin()
        try w.field("id", id)
        try w.field("name", name)
        try w.field("capacity", capacity)
        try w.field("equipment", equipment)
        try w.field("outOfService", outOfService)
        return w.endDictionary(m)
    }
}

extension GuestInvite: PlistCodable {
    static let plistRequired: [StaticString] = ["name", "reply", "invitedAt"]

    public init(plist r: inout PlistReader, _ ref: Int) throws {
        self = GuestInvite(name: "", contact: nil, invitedAt: .distantPast)
        var d = try r.record(ref, Self.self), seen: UInt64 = 0
        while let e = try d.next(r) {
            switch e.key {
            case "name": name = try r.value(e); seen |= 1 << 0
            case "contact": contact = try r.value(e)
            case "reply": reply = try r.value(e); seen |= 1 << 1
            case "invitedAt": invitedAt = try r.value(e); seen |= 1 << 2
            case "repliedAt": repliedAt = try r.value(e)
            default: break
            }
        }
        try r.required(seen, Self.plistRequired, Self.self, ref)
    }

    public func encode(plist w: inout PlistWriter) throws -> Int {
        let m = w.begin()
        try w.field("name", name)
        try w.field("contact", contact)
        try w.field("reply", reply)
        try w.field("invitedAt", invitedAt)
        try w.field("repliedAt", repliedAt)
        return w.endDictionary(m)
    }
}

extension ClosedPeriod: PlistCodable {
    static let plistRequired: [StaticString] = ["start", "end", "reason"]

    public init(plist r: inout PlistReader, _ ref: Int) throws {
        self = ClosedPeriod(start: .distantPast, end: .distantPast, reason: "")
        var d = try r.record(ref, Self.self), seen: UInt64 = 0
        while let e = try d.next(r) {
            switch e.key {
            case "start": start = try r.value(e); seen |= 1 << 0
            case "end": end = try r.value(e); seen |= 1 << 1
            case "reason": reason = try r.value(e); seen |= 1 << 2
            default: break
            }
        }
        try r.required(seen, Self.plistRequired, Self.self, ref)
    }

    public func encode(plist w: inout PlistWriter) throws -> Int {
        let m = w.begin()
        try w.field("start", start)
        try w.field("end", end)
        try w.field("reason", reason)
        return w.endDictionary(m)
    }
}

extension PreparationCheck: PlistCodable {
    static let plistRequired: [StaticString] = ["item", "by", "at"]

    public init(plist r: inout PlistReader, _ ref: Int) throws {
        self = PreparationCheck(item: "", by: "", at: .distantPast)
        var d = try r.record(ref, Self.self), seen: UInt64 = 0
        while let e = try d.next(r) {
            switch e.key {
            case "item": item = try r.value(e); seen |= 1 << 0
            case "by": by = try r.value(e); seen |= 1 << 1
            case "at": at = try r.value(e); seen |= 1 << 2
            default: break
            }
        }
        try r.required(seen, Self.plistRequired, Self.self, ref)
    }

    public func encode(plist w: inout PlistWriter) throws -> Int {
        let m = w.begin()
        try w.field("item", item)
        try w.field("by", by)
        try w.field("at", at)
        return w.endDictionary(m)
    }
}

extension ActionItem: PlistCodable {
    static let plistRequired: [StaticString] = ["id", "text", "owner", "due"]

    public init(plist r: inout PlistReader, _ ref: Int) throws {
        self = ActionItem(id: "", text: "", owner: "", due: .distantPast)
        var d = try r.record(ref, Self.self), seen: UInt64 = 0
        while let e = try d.next(r) {
            switch e.key {
            case "id": id = try r.value(e); seen |= 1 << 0
            case "text": text = try r.value(e); seen |= 1 << 1
            case "owner": owner = try r.value(e); seen |= 1 << 2
            case "due": due = try r.value(e); seen |= 1 << 3
            case "doneAt": doneAt = try r.value(e)
            default: break
            }
        }
        try r.required(seen, Self.plistRequired, Self.self, ref)
    }

    public func encode(plist w: inout PlistWriter) throws -> Int {
        let m = w.begin()
        try w.field("id", id)
        try w.field("text", text)
        try w.field("owner", owner)
        try w.field("due", due)
        try w.field("doneAt", doneAt)
        return w.endDictionary(m)
    }
}

extension Meeting: PlistCodable {
    static let plistRequired: [StaticString] = ["id", "title", "roomID", "organizer", "attendees", "start", "end", "status", "requestedAt", "requiredEquipment", "actionItems"]

    public init(plist r: inout PlistReader, _ ref: Int) throws {
        self = Meeting(id: "", title: "", roomID: "", organizer: "", start: .distantPast, end: .distantPast, requestedAt: .distantPast)
        var d = try r.record(ref, Self.self), seen: UInt64 = 0
        while let e = try d.next(r) {
            switch e.key {
            case "id": id = try r.value(e); seen |= 1 << 0
            case "title": title = try r.value(e); seen |= 1 << 1
            case "roomID": roomID = try r.value(e); seen |= 1 << 2
            case "organizer": organizer = try r.value(e); seen |= 1 << 3
            case "chair": chair = try r.value(e)
            case "attendees": attendees = try r.value(e); seen |= 1 << 4
            case "start": start = try r.value(e); seen |= 1 << 5
            case "end": end = try r.value(e); seen |= 1 << 6
            case "status": status = try r.value(e); seen |= 1 << 7
            case "requestedAt": requestedAt = try r.value(e); seen |= 1 << 8
            case "confirmedAt": confirmedAt = try r.value(e)
            case "roomCheckedAt": roomCheckedAt = try r.value(e)
            case "heldAt": heldAt = try r.value(e)
            case "minutesSentAt": minutesSentAt = try r.value(e)
            case "minutes": minutes = try r.value(e)
            case "goal": goal = try r.value(e)
            case "requiredEquipment": requiredEquipment = try r.value(e); seen |= 1 << 9
            case "actionItems": actionItems = try r.value(e); seen |= 1 << 10
            case "seriesID": seriesID = try r.value(e)
            case "guests": guests = try r.value(e)
            case "minutesReviewedBy": minutesReviewedBy = try r.value(e)
            case "minutesReviewedAt": minutesReviewedAt = try r.value(e)
            case "checklist": checklist = try r.value(e)
            default: break
            }
        }
        try r.required(seen, Self.plistRequired, Self.self, ref)
    }

    public func encode(plist w: inout PlistWriter) throws -> Int {
        let m = w.begin()
        try w.field("id", id)
        try w.field("title", title)
        try w.field("roomID", roomID)
        try w.field("organizer", organizer)
        try w.field("chair", chair)
        try w.field("attendees", attendees)
        try w.field("start", start)
        try w.field("end", end)
        try w.field("status", status)
        try w.field("requestedAt", requestedAt)
        try w.field("confirmedAt", confirmedAt)
        try w.field("roomCheckedAt", roomCheckedAt)
        try w.field("heldAt", heldAt)
        try w.field("minutesSentAt", minutesSentAt)
        try w.field("minutes", minutes)
        try w.field("goal", goal)
        try w.field("requiredEquipment", requiredEquipment)
        try w.field("actionItems", actionItems)
        try w.field("seriesID", seriesID)
        try w.field("guests", guests)
        try w.field("minutesReviewedBy", minutesReviewedBy)
        try w.field("minutesReviewedAt", minutesReviewedAt)
        try w.field("checklist", checklist)
        return w.endDictionary(m)
    }
}

extension Department: PlistCodable {
    static let plistRequired: [StaticString] = ["name"]

    public init(plist r: inout PlistReader, _ ref: Int) throws {
        self = Department(name: "")
        var d = try r.record(ref, Self.self), seen: UInt64 = 0
        while let e = try d.next(r) {
            switch e.key {
            case "name": name = try r.value(e); seen |= 1 << 0
            case "head": head = try r.value(e)
            default: break
            }
        }
        try r.required(seen, Self.plistRequired, Self.self, ref)
    }

    public func encode(plist w: inout PlistWriter) throws -> Int {
        let m = w.begin()
        try w.field("name", name)
        try w.field("head", head)
        return w.endDictionary(m)
    }
}

extension Person: PlistCodable {
    static let plistRequired: [StaticString] = ["login", "name"]

    public init(plist r: inout PlistReader, _ ref: Int) throws {
        self = Person(login: "", name: "")
        var d = try r.record(ref, Self.self), seen: UInt64 = 0
        while let e = try d.next(r) {
            switch e.key {
            case "login": login = try r.value(e); seen |= 1 << 0
            case "name": name = try r.value(e); seen |= 1 << 1
            case "department": department = try r.value(e)
            case "email": email = try r.value(e)
            default: break
            }
        }
        try r.required(seen, Self.plistRequired, Self.self, ref)
    }

    public func encode(plist w: inout PlistWriter) throws -> Int {
        let m = w.begin()
        try w.field("login", login)
        try w.field("name", name)
        try w.field("department", department)
        try w.field("email", email)
        return w.endDictionary(m)
    }
}

extension SupplierOffer: PlistCodable {
    static let plistRequired: [StaticString] = ["supplier", "unitPrice", "leadDays"]

    public init(plist r: inout PlistReader, _ ref: Int) throws {
        self = SupplierOffer(supplier: "", unitPrice: 0, leadDays: 0)
        var d = try r.record(ref, Self.self), seen: UInt64 = 0
        while let e = try d.next(r) {
            switch e.key {
            case "supplier": supplier = try r.value(e); seen |= 1 << 0
            case "unitPrice": unitPrice = try r.value(e); seen |= 1 << 1
            case "leadDays": leadDays = try r.value(e); seen |= 1 << 2
            default: break
            }
        }
        try r.required(seen, Self.plistRequired, Self.self, ref)
    }

    public func encode(plist w: inout PlistWriter) throws -> Int {
        let m = w.begin()
        try w.field("supplier", supplier)
        try w.field("unitPrice", unitPrice)
        try w.field("leadDays", leadDays)
        return w.endDictionary(m)
    }
}

extension SupplyItem: PlistCodable {
    static let plistRequired: [StaticString] = ["sku", "name", "unit", "category", "reorderAt", "target", "suppliers", "special"]

    public init(plist r: inout PlistReader, _ ref: Int) throws {
        self = SupplyItem(sku: "", name: "", unit: "", reorderAt: 0, target: 0)
        var d = try r.record(ref, Self.self), seen: UInt64 = 0
        while let e = try d.next(r) {
            switch e.key {
            case "sku": sku = try r.value(e); seen |= 1 << 0
            case "name": name = try r.value(e); seen |= 1 << 1
            case "unit": unit = try r.value(e); seen |= 1 << 2
            case "category": category = try r.value(e); seen |= 1 << 3
            case "reorderAt": reorderAt = try r.value(e); seen |= 1 << 4
            case "target": target = try r.value(e); seen |= 1 << 5
            case "unitPrice": unitPrice = try r.value(e)
            case "suppliers": suppliers = try r.value(e); seen |= 1 << 6
            case "special": special = try r.value(e); seen |= 1 << 7
            default: break
            }
        }
        try r.required(seen, Self.plistRequired, Self.self, ref)
    }

    public func encode(plist w: inout PlistWriter) throws -> Int {
        let m = w.begin()
        try w.field("sku", sku)
        try w.field("name", name)
        try w.field("unit", unit)
        try w.field("category", category)
        try w.field("reorderAt", reorderAt)
        try w.field("target", target)
        try w.field("unitPrice", unitPrice)
        try w.field("suppliers", suppliers)
        try w.field("special", special)
        return w.endDictionary(m)
    }
}

extension StockMove: PlistCodable {
    static let plistRequired: [StaticString] = ["id", "sku", "kind", "quantity", "at", "by"]

    public init(plist r: inout PlistReader, _ ref: Int) throws {
        self = StockMove(id: "", sku: "", kind: .receive, quantity: 0, at: .distantPast, by: "")
        var d = try r.record(ref, Self.self), seen: UInt64 = 0
        while let e = try d.next(r) {
            switch e.key {
            case "id": id = try r.value(e); seen |= 1 << 0
            case "sku": sku = try r.value(e); seen |= 1 << 1
            case "kind": kind = try r.value(e); seen |= 1 << 2
            case "quantity": quantity = try r.value(e); seen |= 1 << 3
            case "at": at = try r.value(e); seen |= 1 << 4
            case "by": by = try r.value(e); seen |= 1 << 5
            case "department": department = try r.value(e)
            case "recipient": recipient = try r.value(e)
            case "reason": reason = try r.value(e)
            case "unitPrice": unitPrice = try r.value(e)
            case "supplier": supplier = try r.value(e)
            case "countedQuantity": countedQuantity = try r.value(e)
            case "rejectedQuantity": rejectedQuantity = try r.value(e)
            case "purchaseID": purchaseID = try r.value(e)
            case "acceptance": acceptance = try r.value(e)
            default: break
            }
        }
        try r.required(seen, Self.plistRequired, Self.self, ref)
    }

    public func encode(plist w: inout PlistWriter) throws -> Int {
        let m = w.begin()
        try w.field("id", id)
        try w.field("sku", sku)
        try w.field("kind", kind)
        try w.field("quantity", quantity)
        try w.field("at", at)
        try w.field("by", by)
        try w.field("department", department)
        try w.field("recipient", recipient)
        try w.field("reason", reason)
        try w.field("unitPrice", unitPrice)
        try w.field("supplier", supplier)
        try w.field("countedQuantity", countedQuantity)
        try w.field("rejectedQuantity", rejectedQuantity)
        try w.field("purchaseID", purchaseID)
        try w.field("acceptance", acceptance)
        return w.endDictionary(m)
    }
}

extension Acceptance: PlistCodable {
    static let plistRequired: [StaticString] = ["delivered", "accepted", "specificationMatches", "qualityPassed", "inspector"]

    public init(plist r: inout PlistReader, _ ref: Int) throws {
        self = Acceptance(ordered: nil, delivered: 0, accepted: 0, specificationMatches: false, qualityPassed: false, notes: nil, inspector: "")
        var d = try r.record(ref, Self.self), seen: UInt64 = 0
        while let e = try d.next(r) {
            switch e.key {
            case "ordered": ordered = try r.value(e)
            case "delivered": delivered = try r.value(e); seen |= 1 << 0
            case "accepted": accepted = try r.value(e); seen |= 1 << 1
            case "specificationMatches": specificationMatches = try r.value(e); seen |= 1 << 2
            case "qualityPassed": qualityPassed = try r.value(e); seen |= 1 << 3
            case "notes": notes = try r.value(e)
            case "inspector": inspector = try r.value(e); seen |= 1 << 4
            default: break
            }
        }
        try r.required(seen, Self.plistRequired, Self.self, ref)
    }

    public func encode(plist w: inout PlistWriter) throws -> Int {
        let m = w.begin()
        try w.field("ordered", ordered)
        try w.field("delivered", delivered)
        try w.field("accepted", accepted)
        try w.field("specificationMatches", specificationMatches)
        try w.field("qualityPassed", qualityPassed)
        try w.field("notes", notes)
        try w.field("inspector", inspector)
        return w.endDictionary(m)
    }
}

extension Quote: PlistCodable {
    static let plistRequired: [StaticString] = ["supplier", "unitPrice", "leadDays"]

    public init(plist r: inout PlistReader, _ ref: Int) throws {
        self = Quote(supplier: "", unitPrice: 0, leadDays: 0)
        var d = try r.record(ref, Self.self), seen: UInt64 = 0
        while let e = try d.next(r) {
            switch e.key {
            case "supplier": supplier = try r.value(e); seen |= 1 << 0
            case "unitPrice": unitPrice = try r.value(e); seen |= 1 << 1
            case "leadDays": leadDays = try r.value(e); seen |= 1 << 2
            case "quality": quality = try r.value(e)
            default: break
            }
        }
        try r.required(seen, Self.plistRequired, Self.self, ref)
    }

    public func encode(plist w: inout PlistWriter) throws -> Int {
        let m = w.begin()
        try w.field("supplier", supplier)
        try w.field("unitPrice", unitPrice)
        try w.field("leadDays", leadDays)
        try w.field("quality", quality)
        return w.endDictionary(m)
    }
}

extension PurchaseRequest: PlistCodable {
    static let plistRequired: [StaticString] = ["id", "sku", "quantity", "quotes", "chosen", "urgent", "requester", "createdAt", "approvalID", "status", "receivedQuantity"]

    public init(plist r: inout PlistReader, _ ref: Int) throws {
        self = PurchaseRequest(id: "", sku: "", quantity: 0, quotes: [], chosen: 0, justification: nil, urgent: false, requester: "", createdAt: .distantPast, approvalID: "")
        var d = try r.record(ref, Self.self), seen: UInt64 = 0
        while let e = try d.next(r) {
            switch e.key {
            case "id": id = try r.value(e); seen |= 1 << 0
            case "sku": sku = try r.value(e); seen |= 1 << 1
            case "quantity": quantity = try r.value(e); seen |= 1 << 2
            case "quotes": quotes = try r.value(e); seen |= 1 << 3
            case "chosen": chosen = try r.value(e); seen |= 1 << 4
            case "justification": justification = try r.value(e)
            case "urgent": urgent = try r.value(e); seen |= 1 << 5
            case "requester": requester = try r.value(e); seen |= 1 << 6
            case "createdAt": createdAt = try r.value(e); seen |= 1 << 7
            case "approvalID": approvalID = try r.value(e); seen |= 1 << 8
            case "status": status = try r.value(e); seen |= 1 << 9
            case "receivedQuantity": receivedQuantity = try r.value(e); seen |= 1 << 10
            default: break
            }
        }
        try r.required(seen, Self.plistRequired, Self.self, ref)
    }

    public func encode(plist w: inout PlistWriter) throws -> Int {
        let m = w.begin()
        try w.field("id", id)
        try w.field("sku", sku)
        try w.field("quantity", quantity)
        try w.field("quotes", quotes)
        try w.field("chosen", chosen)
        try w.field("justification", justification)
        try w.field("urgent", urgent)
        try w.field("requester", requester)
        try w.field("createdAt", createdAt)
        try w.field("approvalID", approvalID)
        try w.field("status", status)
        try w.field("receivedQuantity", receivedQuantity)
        return w.endDictionary(m)
    }
}

extension DemandEntry: PlistCodable {
    static let plistRequired: [StaticString] = ["id", "department", "sku", "quantity", "month", "by", "at"]

    public init(plist r: inout PlistReader, _ ref: Int) throws {
        self = DemandEntry(id: "", department: "", sku: "", quantity: 0, month: "", by: "", at: .distantPast)
        var d = try r.record(ref, Self.self), seen: UInt64 = 0
        while let e = try d.next(r) {
            switch e.key {
            case "id": id = try r.value(e); seen |= 1 << 0
            case "department": department = try r.value(e); seen |= 1 << 1
            case "sku": sku = try r.value(e); seen |= 1 << 2
            case "quantity": quantity = try r.value(e); seen |= 1 << 3
            case "month": month = try r.value(e); seen |= 1 << 4
            case "justification": justification = try r.value(e)
            case "budget": budget = try r.value(e)
            case "by": by = try r.value(e); seen |= 1 << 5
            case "at": at = try r.value(e); seen |= 1 << 6
            default: break
            }
        }
        try r.required(seen, Self.plistRequired, Self.self, ref)
    }

    public func encode(plist w: inout PlistWriter) throws -> Int {
        let m = w.begin()
        try w.field("id", id)
        try w.field("department", department)
        try w.field("sku", sku)
        try w.field("quantity", quantity)
        try w.field("month", month)
        try w.field("justification", justification)
        try w.field("budget", budget)
        try w.field("by", by)
        try w.field("at", at)
        return w.endDictionary(m)
    }
}

extension Visitor: PlistCodable {
    static let plistRequired: [StaticString] = ["id", "name", "host", "expectedAt", "headCount", "status", "receivedAt", "badges", "badgesOut"]

    public init(plist r: inout PlistReader, _ ref: Int) throws {
        self = Visitor(id: "", name: "", host: "", expectedAt: .distantPast, receivedAt: .distantPast)
        var d = try r.record(ref, Self.self), seen: UInt64 = 0
        while let e = try d.next(r) {
            switch e.key {
            case "id": id = try r.value(e); seen |= 1 << 0
            case "name": name = try r.value(e); seen |= 1 << 1
            case "company": company = try r.value(e)
            case "purpose": purpose = try r.value(e)
            case "host": host = try r.value(e); seen |= 1 << 2
            case "expectedAt": expectedAt = try r.value(e); seen |= 1 << 3
            case "headCount": headCount = try r.value(e); seen |= 1 << 4
            case "status": status = try r.value(e); seen |= 1 << 5
            case "receivedAt": receivedAt = try r.value(e); seen |= 1 << 6
            case "confirmedAt": confirmedAt = try r.value(e)
            case "arrivedAt": arrivedAt = try r.value(e)
            case "checkedInAt": checkedInAt = try r.value(e)
            case "leftAt": leftAt = try r.value(e)
            case "badges": badges = try r.value(e); seen |= 1 << 7
            case "badgesOut": badgesOut = try r.value(e); seen |= 1 << 8
            case "idNumber": idNumber = try r.value(e)
            case "outcome": outcome = try r.value(e)
            case "watchDecision": watchDecision = try r.value(e)
            default: break
            }
        }
        try r.required(seen, Self.plistRequired, Self.self, ref)
    }

    public func encode(plist w: inout PlistWriter) throws -> Int {
        let m = w.begin()
        try w.field("id", id)
        try w.field("name", name)
        try w.field("company", company)
        try w.field("purpose", purpose)
        try w.field("host", host)
        try w.field("expectedAt", expectedAt)
        try w.field("headCount", headCount)
        try w.field("status", status)
        try w.field("receivedAt", receivedAt)
        try w.field("confirmedAt", confirmedAt)
        try w.field("arrivedAt", arrivedAt)
        try w.field("checkedInAt", checkedInAt)
        try w.field("leftAt", leftAt)
        try w.field("badges", badges)
        try w.field("badgesOut", badgesOut)
        try w.field("idNumber", idNumber)
        try w.field("outcome", outcome)
        try w.field("watchDecision", watchDecision)
        return w.endDictionary(m)
    }
}

extension Badge: PlistCodable {
    static let plistRequired: [StaticString] = ["id", "state"]

    public init(plist r: inout PlistReader, _ ref: Int) throws {
        self = Badge(id: "")
        var d = try r.record(ref, Self.self), seen: UInt64 = 0
        while let e = try d.next(r) {
            switch e.key {
            case "id": id = try r.value(e); seen |= 1 << 0
            case "state": state = try r.value(e); seen |= 1 << 1
            case "visitorID": visitorID = try r.value(e)
            case "issuedAt": issuedAt = try r.value(e)
            default: break
            }
        }
        try r.required(seen, Self.plistRequired, Self.self, ref)
    }

    public func encode(plist w: inout PlistWriter) throws -> Int {
        let m = w.begin()
        try w.field("id", id)
        try w.field("state", state)
        try w.field("visitorID", visitorID)
        try w.field("issuedAt", issuedAt)
        return w.endDictionary(m)
    }
}

extension WatchEntry: PlistCodable {
    static let plistRequired: [StaticString] = ["reason", "addedBy", "addedAt"]

    public init(plist r: inout PlistReader, _ ref: Int) throws {
        self = WatchEntry(name: nil, idNumber: nil, reason: "", addedBy: "", addedAt: .distantPast)
        var d = try r.record(ref, Self.self), seen: UInt64 = 0
        while let e = try d.next(r) {
            switch e.key {
            case "name": name = try r.value(e)
            case "idNumber": idNumber = try r.value(e)
            case "reason": reason = try r.value(e); seen |= 1 << 0
            case "addedBy": addedBy = try r.value(e); seen |= 1 << 1
            case "addedAt": addedAt = try r.value(e); seen |= 1 << 2
            default: break
            }
        }
        try r.required(seen, Self.plistRequired, Self.self, ref)
    }

    public func encode(plist w: inout PlistWriter) throws -> Int {
        let m = w.begin()
        try w.field("name", name)
        try w.field("idNumber", idNumber)
        try w.field("reason", reason)
        try w.field("addedBy", addedBy)
        try w.field("addedAt", addedAt)
        return w.endDictionary(m)
    }
}

extension WatchDecision: PlistCodable {
    static let plistRequired: [StaticString] = ["allowed", "by", "at"]

    public init(plist r: inout PlistReader, _ ref: Int) throws {
        self = WatchDecision(allowed: false, by: "", at: .distantPast, comment: nil)
        var d = try r.record(ref, Self.self), seen: UInt64 = 0
        while let e = try d.next(r) {
            switch e.key {
            case "allowed": allowed = try r.value(e); seen |= 1 << 0
            case "by": by = try r.value(e); seen |= 1 << 1
            case "at": at = try r.value(e); seen |= 1 << 2
            case "comment": comment = try r.value(e)
            default: break
            }
        }
        try r.required(seen, Self.plistRequired, Self.self, ref)
    }

    public func encode(plist w: inout PlistWriter) throws -> Int {
        let m = w.begin()
        try w.field("allowed", allowed)
        try w.field("by", by)
        try w.field("at", at)
        try w.field("comment", comment)
        return w.endDictionary(m)
    }
}

extension ReturningVisitor: PlistCodable {
    static let plistRequired: [StaticString] = ["name", "lastHost", "lastVisit"]

    public init(plist r: inout PlistReader, _ ref: Int) throws {
        self = ReturningVisitor(name: "", company: nil, lastHost: "", lastVisit: .distantPast)
        var d = try r.record(ref, Self.self), seen: UInt64 = 0
        while let e = try d.next(r) {
            switch e.key {
            case "name": name = try r.value(e); seen |= 1 << 0
            case "company": company = try r.value(e)
            case "lastHost": lastHost = try r.value(e); seen |= 1 << 1
            case "lastVisit": lastVisit = try r.value(e); seen |= 1 << 2
            default: break
            }
        }
        try r.required(seen, Self.plistRequired, Self.self, ref)
    }

    public func encode(plist w: inout PlistWriter) throws -> Int {
        let m = w.begin()
        try w.field("name", name)
        try w.field("company", company)
        try w.field("lastHost", lastHost)
        try w.field("lastVisit", lastVisit)
        return w.endDictionary(m)
    }
}

extension ApprovalType: PlistStringEnum {}
extension ApprovalStatus: PlistStringEnum {}
extension Verdict: PlistStringEnum {}
extension GuestReply: PlistStringEnum {}
extension MeetingStatus: PlistStringEnum {}
extension StockMoveKind: PlistStringEnum {}
extension PurchaseStatus: PlistStringEnum {}
extension VisitorStatus: PlistStringEnum {}
extension BadgeState: PlistStringEnum {}
extension Role: PlistStringEnum {}
extension RecordKind: PlistStringEnum {}

extension DocumentEvent: PlistCodable {
    static let plistRequired: [StaticString] = ["step", "at", "by"]

    public init(plist r: inout PlistReader, _ ref: Int) throws {
        self = DocumentEvent(step: "", at: .distantPast, by: "")
        var d = try r.record(ref, Self.self), seen: UInt64 = 0
        while let e = try d.next(r) {
            switch e.key {
            case "step": step = try r.value(e); seen |= 1 << 0
            case "at": at = try r.value(e); seen |= 1 << 1
            case "by": by = try r.value(e); seen |= 1 << 2
            case "text": text = try r.value(e)
            default: break
            }
        }
        try r.required(seen, Self.plistRequired, Self.self, ref)
    }

    public func encode(plist w: inout PlistWriter) throws -> Int {
        let m = w.begin()
        try w.field("step", step)
        try w.field("at", at)
        try w.field("by", by)
        try w.field("text", text)
        return w.endDictionary(m)
    }
}

extension DocumentCopy: PlistCodable {
    static let plistRequired: [StaticString] = ["to", "sentAt"]

    public init(plist r: inout PlistReader, _ ref: Int) throws {
        self = DocumentCopy(to: "", sentAt: .distantPast)
        var d = try r.record(ref, Self.self), seen: UInt64 = 0
        while let e = try d.next(r) {
            switch e.key {
            case "to": to = try r.value(e); seen |= 1 << 0
            case "sentAt": sentAt = try r.value(e); seen |= 1 << 1
            case "doneAt": doneAt = try r.value(e)
            case "doneBy": doneBy = try r.value(e)
            case "note": note = try r.value(e)
            default: break
            }
        }
        try r.required(seen, Self.plistRequired, Self.self, ref)
    }

    public func encode(plist w: inout PlistWriter) throws -> Int {
        let m = w.begin()
        try w.field("to", to)
        try w.field("sentAt", sentAt)
        try w.field("doneAt", doneAt)
        try w.field("doneBy", doneBy)
        try w.field("note", note)
        return w.endDictionary(m)
    }
}

extension Document: PlistCodable {
    static let plistRequired: [StaticString] = ["id", "direction", "title", "stage", "confidentiality", "createdAt", "createdBy", "events",
                                                "departments", "recipients"]

    public init(plist r: inout PlistReader, _ ref: Int) throws {
        self = Document(id: "", direction: .incoming, title: "", stage: .registered, createdAt: .distantPast, createdBy: "")
        var d = try r.record(ref, Self.self), seen: UInt64 = 0
        while let e = try d.next(r) {
            switch e.key {
            case "id": id = try r.value(e); seen |= 1 << 0
            case "direction": direction = try r.value(e); seen |= 1 << 1
            case "title": title = try r.value(e); seen |= 1 << 2
            case "stage": stage = try r.value(e); seen |= 1 << 3
            case "confidentiality": confidentiality = try r.value(e); seen |= 1 << 4
            case "number": number = try r.value(e)
            case "sequence": sequence = try r.value(e)
            case "year": year = try r.value(e)
            case "createdAt": createdAt = try r.value(e); seen |= 1 << 5
            case "createdBy": createdBy = try r.value(e); seen |= 1 << 6
            case "events": events = try r.value(e); seen |= 1 << 7
            case "receivedOn": receivedOn = try r.value(e)
            case "sender": sender = try r.value(e)
            case "category": category = try r.value(e)
            case "urgency": urgency = try r.value(e)
            case "pages": pages = try r.value(e)
            case "attachment": attachment = try r.value(e)
            case "leader": leader = try r.value(e)
            case "submittedAt": submittedAt = try r.value(e)
            case "decision": decision = try r.value(e)
            case "decidedAt": decidedAt = try r.value(e)
            case "departments": departments = try r.value(e); seen |= 1 << 8
            case "type": type = try r.value(e)
            case "draftedBy": draftedBy = try r.value(e)
            case "proofreadAt": proofreadAt = try r.value(e)
            case "approvalID": approvalID = try r.value(e)
            case "approvedAt": approvedAt = try r.value(e)
            case "releasedAt": releasedAt = try r.value(e)
            case "filedAt": filedAt = try r.value(e)
            case "recipients": recipients = try r.value(e); seen |= 1 << 9
            default: break
            }
        }
        try r.required(seen, Self.plistRequired, Self.self, ref)
    }

    public func encode(plist w: inout PlistWriter) throws -> Int {
        let m = w.begin()
        try w.field("id", id)
        try w.field("direction", direction)
        try w.field("title", title)
        try w.field("stage", stage)
        try w.field("confidentiality", confidentiality)
        try w.field("number", number)
        try w.field("sequence", sequence)
        try w.field("year", year)
        try w.field("createdAt", createdAt)
        try w.field("createdBy", createdBy)
        try w.field("events", events)
        try w.field("receivedOn", receivedOn)
        try w.field("sender", sender)
        try w.field("category", category)
        try w.field("urgency", urgency)
        try w.field("pages", pages)
        try w.field("attachment", attachment)
        try w.field("leader", leader)
        try w.field("submittedAt", submittedAt)
        try w.field("decision", decision)
        try w.field("decidedAt", decidedAt)
        try w.field("departments", departments)
        try w.field("type", type)
        try w.field("draftedBy", draftedBy)
        try w.field("proofreadAt", proofreadAt)
        try w.field("approvalID", approvalID)
        try w.field("approvedAt", approvedAt)
        try w.field("releasedAt", releasedAt)
        try w.field("filedAt", filedAt)
        try w.field("recipients", recipients)
        return w.endDictionary(m)
    }
}

extension DocumentDirection: PlistStringEnum {}
extension DocumentUrgency: PlistStringEnum {}
extension Confidentiality: PlistStringEnum {}
extension OutgoingType: PlistStringEnum {}
extension DocumentStage: PlistStringEnum {}
