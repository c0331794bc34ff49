import Foundation

// Typed bplist codecs of the asset and parcel records (see ModelCodecs.swift for the pattern).

extension AssetRepair: PlistCodable {
    static let plistRequired: [StaticString] = ["fault", "reportedAt", "reportedBy", "stateBefore"]

    public init(plist r: inout PlistReader, _ ref: Int) throws {
        self = AssetRepair(fault: "", reportedAt: .distantPast, reportedBy: "", stateBefore: .inUse)
        var d = try r.record(ref, Self.self), seen: UInt64 = 0
        while let e = try d.next(r) {
            switch e.key {
            case "fault": fault = try r.value(e); seen |= 1 << 0
            case "reportedAt": reportedAt = try r.value(e); seen |= 1 << 1
            case "reportedBy": reportedBy = try r.value(e); seen |= 1 << 2
            case "sentTo": sentTo = try r.value(e)
            case "sentAt": sentAt = try r.value(e)
            case "backAt": backAt = try r.value(e)
            case "work": work = try r.value(e)
            case "costCents": costCents = try r.value(e)
            case "stateBefore": stateBefore = try r.value(e); seen |= 1 << 3
            default: break
            }
        }
        try r.required(seen, Self.plistRequired, Self.self, ref)
    }

    public func encode(plist w: inout PlistWriter) throws -> Int {
        let m = w.begin()
        try w.field("fault", fault)
        try w.field("reportedAt", reportedAt)
        try w.field("reportedBy", reportedBy)
        try w.field("sentTo", sentTo)
        try w.field("sentAt", sentAt)
        try w.field("backAt", backAt)
        try w.field("work", work)
        try w.field("costCents", costCents)
        try w.field("stateBefore", stateBefore)
        return w.endDictionary(m)
    }
}

extension AssetTransfer: PlistCodable {
    static let plistRequired: [StaticString] = ["at", "by", "fromDepartment", "toDepartment", "fromLocation", "toLocation", "toState"]

    public init(plist r: inout PlistReader, _ ref: Int) throws {
        self = AssetTransfer(at: .distantPast, by: "", fromDepartment: "", toDepartment: "", fromLocation: "", toLocation: "", fromHolder: nil, toHolder: nil, reason: nil, toState: .inUse)
        var d = try r.record(ref, Self.self), seen: UInt64 = 0
        while let e = try d.next(r) {
            switch e.key {
            case "at": at = try r.value(e); seen |= 1 << 0
            case "by": by = try r.value(e); seen |= 1 << 1
            case "fromDepartment": fromDepartment = try r.value(e); seen |= 1 << 2
            case "toDepartment": toDepartment = try r.value(e); seen |= 1 << 3
            case "fromLocation": fromLocation = try r.value(e); seen |= 1 << 4
            case "toLocation": toLocation = try r.value(e); seen |= 1 << 5
            case "fromHolder": fromHolder = try r.value(e)
            case "toHolder": toHolder = try r.value(e)
            case "reason": reason = try r.value(e)
            case "toState": toState = try r.value(e); seen |= 1 << 6
            default: break
            }
        }
        try r.required(seen, Self.plistRequired, Self.self, ref)
    }

    public func encode(plist w: inout PlistWriter) throws -> Int {
        let m = w.begin()
        try w.field("at", at)
        try w.field("by", by)
        try w.field("fromDepartment", fromDepartment)
        try w.field("toDepartment", toDepartment)
        try w.field("fromLocation", fromLocation)
        try w.field("toLocation", toLocation)
        try w.field("fromHolder", fromHolder)
        try w.field("toHolder", toHolder)
        try w.field("reason", reason)
        try w.field("toState", toState)
        return w.endDictionary(m)
    }
}

extension Asset: PlistCodable {
    static let plistRequired: [StaticString] = ["tag", "category", "model", "purchasedOn", "costCents", "department", "location", "state", "addedAt", "addedBy"]

    public init(plist r: inout PlistReader, _ ref: Int) throws {
        self = Asset(tag: "", category: "", model: "", serial: nil, purchasedOn: .distantPast, costCents: 0, supplier: nil, department: "", location: "", holder: nil, state: .inStore, addedAt: .distantPast, addedBy: "")
        var d = try r.record(ref, Self.self), seen: UInt64 = 0
        while let e = try d.next(r) {
            switch e.key {
            case "tag": tag = try r.value(e); seen |= 1 << 0
            case "category": category = try r.value(e); seen |= 1 << 1
            case "model": model = try r.value(e); seen |= 1 << 2
            case "serial": serial = try r.value(e)
            case "purchasedOn": purchasedOn = try r.value(e); seen |= 1 << 3
            case "costCents": costCents = try r.value(e); seen |= 1 << 4
            case "supplier": supplier = try r.value(e)
            case "department": department = try r.value(e); seen |= 1 << 5
            case "location": location = try r.value(e); seen |= 1 << 6
            case "holder": holder = try r.value(e)
            case "state": state = try r.value(e); seen |= 1 << 7
            case "purchaseID": purchaseID = try r.value(e)
            case "addedAt": addedAt = try r.value(e); seen |= 1 << 8
            case "addedBy": addedBy = try r.value(e); seen |= 1 << 9
            case "repairs": repairs = try r.value(e)
            case "transfers": transfers = try r.value(e)
            case "scrapApprovalID": scrapApprovalID = try r.value(e)
            case "offBooksAt": offBooksAt = try r.value(e)
            default: break
            }
        }
        try r.required(seen, Self.plistRequired, Self.self, ref)
    }

    public func encode(plist w: inout PlistWriter) throws -> Int {
        let m = w.begin()
        try w.field("tag", tag)
        try w.field("category", category)
        try w.field("model", model)
        try w.field("serial", serial)
        try w.field("purchasedOn", purchasedOn)
        try w.field("costCents", costCents)
        try w.field("supplier", supplier)
        try w.field("department", department)
        try w.field("location", location)
        try w.field("holder", holder)
        try w.field("state", state)
        try w.field("purchaseID", purchaseID)
        try w.field("addedAt", addedAt)
        try w.field("addedBy", addedBy)
        try w.field("repairs", repairs)
        try w.field("transfers", transfers)
        try w.field("scrapApprovalID", scrapApprovalID)
        try w.field("offBooksAt", offBooksAt)
        return w.endDictionary(m)
    }
}

extension AssetSettlement: PlistCodable {
    static let plistRequired: [StaticString] = ["tag", "kind", "reason", "by", "at"]

    public init(plist r: inout PlistReader, _ ref: Int) throws {
        self = AssetSettlement(tag: "", kind: .noted, reason: "", by: "", at: .distantPast)
        var d = try r.record(ref, Self.self), seen: UInt64 = 0
        while let e = try d.next(r) {
            switch e.key {
            case "tag": tag = try r.value(e); seen |= 1 << 0
            case "kind": kind = try r.value(e); seen |= 1 << 1
            case "reason": reason = try r.value(e); seen |= 1 << 2
            case "by": by = try r.value(e); seen |= 1 << 3
            case "at": at = try r.value(e); seen |= 1 << 4
            default: break
            }
        }
        try r.required(seen, Self.plistRequired, Self.self, ref)
    }

    public func encode(plist w: inout PlistWriter) throws -> Int {
        let m = w.begin()
        try w.field("tag", tag)
        try w.field("kind", kind)
        try w.field("reason", reason)
        try w.field("by", by)
        try w.field("at", at)
        return w.endDictionary(m)
    }
}

extension AssetCount: PlistCodable {
    static let plistRequired: [StaticString] = ["id", "location", "at", "by", "found", "expected"]

    public init(plist r: inout PlistReader, _ ref: Int) throws {
        self = AssetCount(id: "", location: "", at: .distantPast, by: "", found: [], expected: [])
        var d = try r.record(ref, Self.self), seen: UInt64 = 0
        while let e = try d.next(r) {
            switch e.key {
            case "id": id = try r.value(e); seen |= 1 << 0
            case "location": location = try r.value(e); seen |= 1 << 1
            case "at": at = try r.value(e); seen |= 1 << 2
            case "by": by = try r.value(e); seen |= 1 << 3
            case "found": found = try r.value(e); seen |= 1 << 4
            case "expected": expected = try r.value(e); seen |= 1 << 5
            case "settlements": settlements = try r.value(e)
            default: break
            }
        }
        try r.required(seen, Self.plistRequired, Self.self, ref)
    }

    public func encode(plist w: inout PlistWriter) throws -> Int {
        let m = w.begin()
        try w.field("id", id)
        try w.field("location", location)
        try w.field("at", at)
        try w.field("by", by)
        try w.field("found", found)
        try w.field("expected", expected)
        try w.field("settlements", settlements)
        return w.endDictionary(m)
    }
}

extension Parcel: PlistCodable {
    static let plistRequired: [StaticString] = ["id", "incoming", "carrier", "tracking", "status", "at", "by"]

    public init(plist r: inout PlistReader, _ ref: Int) throws {
        self = Parcel(id: "", incoming: true, carrier: "", tracking: "", person: nil, department: nil, size: nil, shelf: nil, status: .waiting, at: .distantPast, by: "")
        var d = try r.record(ref, Self.self), seen: UInt64 = 0
        while let e = try d.next(r) {
            switch e.key {
            case "id": id = try r.value(e); seen |= 1 << 0
            case "incoming": incoming = try r.value(e); seen |= 1 << 1
            case "carrier": carrier = try r.value(e); seen |= 1 << 2
            case "tracking": tracking = try r.value(e); seen |= 1 << 3
            case "person": person = try r.value(e)
            case "department": department = try r.value(e)
            case "size": size = try r.value(e)
            case "shelf": shelf = try r.value(e)
            case "status": status = try r.value(e); seen |= 1 << 4
            case "at": at = try r.value(e); seen |= 1 << 5
            case "by": by = try r.value(e); seen |= 1 << 6
            case "collectedAt": collectedAt = try r.value(e)
            case "collectedBy": collectedBy = try r.value(e)
            case "returnedAt": returnedAt = try r.value(e)
            case "returnReason": returnReason = try r.value(e)
            case "costCents": costCents = try r.value(e)
            default: break
            }
        }
        try r.required(seen, Self.plistRequired, Self.self, ref)
    }

    public func encode(plist w: inout PlistWriter) throws -> Int {
        let m = w.begin()
        try w.field("id", id)
        try w.field("incoming", incoming)
        try w.field("carrier", carrier)
        try w.field("tracking", tracking)
        try w.field("person", person)
        try w.field("department", department)
        try w.field("size", size)
        try w.field("shelf", shelf)
        try w.field("status", status)
        try w.field("at", at)
        try w.field("by", by)
        try w.field("collectedAt", collectedAt)
        try w.field("collectedBy", collectedBy)
        try w.field("returnedAt", returnedAt)
        try w.field("returnReason", returnReason)
        try w.field("costCents", costCents)
        return w.endDictionary(m)
    }
}

extension AssetState: PlistStringEnum {}
extension AssetSettlementKind: PlistStringEnum {}
extension ParcelStatus: PlistStringEnum {}
