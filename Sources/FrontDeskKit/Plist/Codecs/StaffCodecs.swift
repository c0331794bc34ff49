import Foundation

// Typed bplist codecs of the joiner and leaver records (see ModelCodecs.swift for the pattern).

extension StaffTemplateItem: PlistCodable {
    static let plistRequired: [StaticString] = ["kind", "name"]

    public init(plist r: inout PlistReader, _ ref: Int) throws {
        self = StaffTemplateItem(kind: .other, name: "")
        var d = try r.record(ref, Self.self), seen: UInt64 = 0
        while let e = try d.next(r) {
            switch e.key {
            case "kind": kind = try r.value(e); seen |= 1 << 0
            case "name": name = try r.value(e); seen |= 1 << 1
            case "sku": sku = try r.value(e)
            case "quantity": quantity = try r.value(e)
            default: break
            }
        }
        try r.required(seen, Self.plistRequired, Self.self, ref)
    }

    public func encode(plist w: inout PlistWriter) throws -> Int {
        let m = w.begin()
        try w.field("kind", kind)
        try w.field("name", name)
        try w.field("sku", sku)
        try w.field("quantity", quantity)
        return w.endDictionary(m)
    }
}

extension StaffTemplate: PlistCodable {
    static let plistRequired: [StaticString] = ["department", "items", "setAt", "setBy"]

    public init(plist r: inout PlistReader, _ ref: Int) throws {
        self = StaffTemplate(department: "", items: [], setAt: .distantPast, setBy: "")
        var d = try r.record(ref, Self.self), seen: UInt64 = 0
        while let e = try d.next(r) {
            switch e.key {
            case "department": department = try r.value(e); seen |= 1 << 0
            case "items": items = try r.value(e); seen |= 1 << 1
            case "setAt": setAt = try r.value(e); seen |= 1 << 2
            case "setBy": setBy = try r.value(e); seen |= 1 << 3
            default: break
            }
        }
        try r.required(seen, Self.plistRequired, Self.self, ref)
    }

    public func encode(plist w: inout PlistWriter) throws -> Int {
        let m = w.begin()
        try w.field("department", department)
        try w.field("items", items)
        try w.field("setAt", setAt)
        try w.field("setBy", setBy)
        return w.endDictionary(m)
    }
}

extension StaffItem: PlistCodable {
    static let plistRequired: [StaticString] = ["id", "kind", "name", "state"]

    public init(plist r: inout PlistReader, _ ref: Int) throws {
        self = StaffItem(id: "", kind: .other, name: "")
        var d = try r.record(ref, Self.self), seen: UInt64 = 0
        while let e = try d.next(r) {
            switch e.key {
            case "id": id = try r.value(e); seen |= 1 << 0
            case "kind": kind = try r.value(e); seen |= 1 << 1
            case "name": name = try r.value(e); seen |= 1 << 2
            case "asset": asset = try r.value(e)
            case "sku": sku = try r.value(e)
            case "quantity": quantity = try r.value(e)
            case "state": state = try r.value(e); seen |= 1 << 3
            case "doneAt": doneAt = try r.value(e)
            case "doneBy": doneBy = try r.value(e)
            case "note": note = try r.value(e)
            case "moveID": moveID = try r.value(e)
            case "writeOffApprovalID": writeOffApprovalID = try r.value(e)
            default: break
            }
        }
        try r.required(seen, Self.plistRequired, Self.self, ref)
    }

    public func encode(plist w: inout PlistWriter) throws -> Int {
        let m = w.begin()
        try w.field("id", id)
        try w.field("kind", kind)
        try w.field("name", name)
        try w.field("asset", asset)
        try w.field("sku", sku)
        try w.field("quantity", quantity)
        try w.field("state", state)
        try w.field("doneAt", doneAt)
        try w.field("doneBy", doneBy)
        try w.field("note", note)
        try w.field("moveID", moveID)
        try w.field("writeOffApprovalID", writeOffApprovalID)
        return w.endDictionary(m)
    }
}

extension StaffChecklist: PlistCodable {
    static let plistRequired: [StaticString] = ["id", "direction", "person", "department", "day", "dueAt", "openedAt", "openedBy", "items"]

    public init(plist r: inout PlistReader, _ ref: Int) throws {
        self = StaffChecklist(id: "", direction: .joining, person: "", department: "", day: .distantPast, dueAt: .distantPast,
                              openedAt: .distantPast, openedBy: "", items: [])
        var d = try r.record(ref, Self.self), seen: UInt64 = 0
        while let e = try d.next(r) {
            switch e.key {
            case "id": id = try r.value(e); seen |= 1 << 0
            case "direction": direction = try r.value(e); seen |= 1 << 1
            case "person": person = try r.value(e); seen |= 1 << 2
            case "department": department = try r.value(e); seen |= 1 << 3
            case "day": day = try r.value(e); seen |= 1 << 4
            case "dueAt": dueAt = try r.value(e); seen |= 1 << 5
            case "openedAt": openedAt = try r.value(e); seen |= 1 << 6
            case "openedBy": openedBy = try r.value(e); seen |= 1 << 7
            case "items": items = try r.value(e); seen |= 1 << 8
            case "closedAt": closedAt = try r.value(e)
            case "closedBy": closedBy = try r.value(e)
            default: break
            }
        }
        try r.required(seen, Self.plistRequired, Self.self, ref)
    }

    public func encode(plist w: inout PlistWriter) throws -> Int {
        let m = w.begin()
        try w.field("id", id)
        try w.field("direction", direction)
        try w.field("person", person)
        try w.field("department", department)
        try w.field("day", day)
        try w.field("dueAt", dueAt)
        try w.field("openedAt", openedAt)
        try w.field("openedBy", openedBy)
        try w.field("items", items)
        try w.field("closedAt", closedAt)
        try w.field("closedBy", closedBy)
        return w.endDictionary(m)
    }
}

extension StaffDirection: PlistStringEnum {}
extension StaffItemKind: PlistStringEnum {}
extension StaffItemState: PlistStringEnum {}
