import Foundation

// Typed bplist codecs of the store's files. Keys and tolerance mirror their Codable conformances:
// OfficeState reads a missing key as empty (a snapshot written before the field existed), the
// others require what their synthesized `init(from:)` requires. Adding a field: one `case` line
// and one `field` line (see ModelCodecs.swift).

extension OfficeState: PlistCodable {
    public init(plist r: inout PlistReader, _ ref: Int) throws {
        self.init()
        var d = try r.record(ref, Self.self)
        while let e = try d.next(r) {
            switch e.key {
            case "rooms": rooms = try r.value(e)
            case "meetings": meetings = try r.value(e)
            case "visitors": visitors = try r.value(e)
            case "badges": badges = try r.value(e)
            case "items": items = try r.value(e)
            case "onHand": onHand = try r.value(e)
            case "moves": moves = try r.value(e)
            case "approvals": approvals = try r.value(e)
            case "people": people = try r.value(e)
            case "departments": departments = try r.value(e)
            case "roles": roles = try r.value(e)
            case "counters": counters = try r.value(e)
            case "watchList": watchList = try r.value(e)
            case "returningVisitors": returningVisitors = try r.value(e)
            case "purchases": purchases = try r.value(e)
            case "demand": demand = try r.value(e)
            case "documents": documents = try r.value(e)
            case "archivedIssues": archivedIssues = try r.value(e)
            case "assets": assets = try r.value(e)
            case "assetCounts": assetCounts = try r.value(e)
            case "parcels": parcels = try r.value(e)
            case "notices": notices = try r.value(e)
            case "archives": archives = try r.value(e)
            case "loans": loans = try r.value(e)
            case "staff": staff = try r.value(e)
            case "staffTemplates": staffTemplates = try r.value(e)
            default: break
            }
        }
    }

    public func encode(plist w: inout PlistWriter) throws -> Int {
        let m = w.begin()
        try w.field("rooms", rooms)
        try w.field("meetings", meetings)
        try w.field("visitors", visitors)
        try w.field("badges", badges)
        try w.field("items", items)
        try w.field("onHand", onHand)
        try w.field("moves", moves)
        try w.field("approvals", approvals)
        try w.field("people", people)
        try w.field("departments", departments)
        try w.field("roles", roles)
        try w.field("counters", counters)
        try w.field("watchList", watchList)
        try w.field("returningVisitors", returningVisitors)
        try w.field("purchases", purchases)
        try w.field("demand", demand)
        try w.field("documents", documents)
        try w.field("archivedIssues", archivedIssues)
        try w.field("assets", assets)
        try w.field("assetCounts", assetCounts)
        try w.field("parcels", parcels)
        try w.field("notices", notices)
        try w.field("archives", archives)
        try w.field("loans", loans)
        try w.field("staff", staff)
        try w.field("staffTemplates", staffTemplates)
        return w.endDictionary(m)
    }
}

extension DailyIssues: PlistCodable {
    public init(plist r: inout PlistReader, _ ref: Int) throws {
        self.init()
        var d = try r.record(ref, Self.self)
        while let e = try d.next(r) {
            switch e.key {
            case "firstDay": firstDay = try r.value(e)
            case "units": units = try r.value(e)
            default: break
            }
        }
    }

    public func encode(plist w: inout PlistWriter) throws -> Int {
        let m = w.begin()
        try w.field("firstDay", firstDay)
        try w.field("units", units)
        return w.endDictionary(m)
    }
}

extension Snapshot: PlistCodable {
    static let plistRequired: [StaticString] = ["schemaVersion", "generation", "seq", "savedAt", "state"]

    init(plist r: inout PlistReader, _ ref: Int) throws {
        self = Snapshot(schemaVersion: 0, generation: 0, seq: 0, savedAt: .distantPast, state: OfficeState(), headHash: nil)
        var d = try r.record(ref, Self.self), seen: UInt64 = 0
        while let e = try d.next(r) {
            switch e.key {
            case "schemaVersion": schemaVersion = try r.value(e); seen |= 1 << 0
            case "generation": generation = try r.value(e); seen |= 1 << 1
            case "seq": seq = try r.value(e); seen |= 1 << 2
            case "savedAt": savedAt = try r.value(e); seen |= 1 << 3
            case "state": state = try r.value(e); seen |= 1 << 4
            case "headHash": headHash = try r.value(e)
            default: break
            }
        }
        try r.required(seen, Self.plistRequired, Self.self, ref)
    }

    func encode(plist w: inout PlistWriter) throws -> Int {
        let m = w.begin()
        try w.field("schemaVersion", schemaVersion)
        try w.field("generation", generation)
        try w.field("seq", seq)
        try w.field("savedAt", savedAt)
        try w.field("state", state)
        try w.field("headHash", headHash)
        return w.endDictionary(m)
    }
}

extension HistorySegment: PlistCodable {
    static let plistRequired: [StaticString] = ["schemaVersion", "month", "meetings", "visitors", "moves", "approvals"]

    public init(plist r: inout PlistReader, _ ref: Int) throws {
        try self.init(plist: &r, ref, only: .everything, balances: true, window: nil)
    }

    /// Reads only the parts of a segment a reader asks for: the record arrays of `kinds` (the
    /// others stay empty and only their array headers are checked: each top-level key leads
    /// straight to its array through the offset table, so a skipped array costs nothing), the
    /// stock balances when `balances`, and with a `window` only records filed in it (meetings by
    /// start, visitors by expected time, moves by time, approvals by creation); a record outside
    /// it is passed over after reading that one date. Every required key must still be there.
    init(plist r: inout PlistReader, _ ref: Int, only kinds: Store.RecordKinds, balances: Bool, window: Range<Date>?) throws {
        self.init(month: "")
        var d = try r.record(ref, Self.self), seen: UInt64 = 0
        while let e = try d.next(r) {
            switch e.key {
            case "schemaVersion": schemaVersion = try r.value(e); seen |= 1 << 0
            case "month": month = try r.value(e); seen |= 1 << 1
            case "meetings":
                if kinds.contains(.meetings) { meetings = try r.records(e, dateKey: "start", in: window) } else { try r.skipArray(e) }
                seen |= 1 << 2
            case "visitors":
                if kinds.contains(.visitors) { visitors = try r.records(e, dateKey: "expectedAt", in: window) } else { try r.skipArray(e) }
                seen |= 1 << 3
            case "moves":
                if kinds.contains(.moves) { moves = try r.records(e, dateKey: "at", in: window) } else { try r.skipArray(e) }
                seen |= 1 << 4
            case "approvals":
                if kinds.contains(.approvals) { approvals = try r.records(e, dateKey: "createdAt", in: window) } else { try r.skipArray(e) }
                seen |= 1 << 5
            // The paper trail's arrays: optional (segments written before them lack them).
            case "documents": if kinds.contains(.documents) { documents = try r.records(e, dateKey: "createdAt", in: window) } else { try r.skipArray(e) }
            case "notices": if kinds.contains(.notices) { notices = try r.records(e, dateKey: "postedAt", in: window) } else { try r.skipArray(e) }
            case "loans": if kinds.contains(.loans) { loans = try r.records(e, dateKey: "requestedAt", in: window) } else { try r.skipArray(e) }
            case "parcels": if kinds.contains(.parcels) { parcels = try r.records(e, dateKey: "at", in: window) } else { try r.skipArray(e) }
            case "previous": previous = try r.value(e)
            case "openingStock": if balances { openingStock = try r.value(e) }
            case "closingStock": if balances { closingStock = try r.value(e) }
            default: break
            }
        }
        try r.required(seen, Self.plistRequired, Self.self, ref)
    }

    /// The records under `key` (one of the four arrays) of a segment file, filed in `window` when
    /// given, read as `T` — a type that takes from each record only what a query needs. The
    /// other arrays are not decoded; every required key must still be there and each array be one.
    static func readRecords<T: PlistDecodable>(_ bytes: Data, _ key: StaticString, dateKey: StaticString, window: Range<Date>?) throws -> [T] {
        try bytes.withUnsafeBytes { buf in
            var r = try PlistReader(buf)
            do {
                var d = try r.record(r.top, Self.self), seen: UInt64 = 0
                var out: [T] = []
                while let e = try d.next(r) {
                    switch e.key {
                    case "schemaVersion": seen |= 1 << 0
                    case "month": seen |= 1 << 1
                    case "meetings", "visitors", "moves", "approvals":
                        let bit: UInt64 = e.key.equals("meetings") ? 1 << 2 : e.key.equals("visitors") ? 1 << 3 : e.key.equals("moves") ? 1 << 4 : 1 << 5
                        if e.key.equals(key) { out = try r.records(e, dateKey: dateKey, in: window) } else { try r.skipArray(e) }
                        seen |= bit
                    default: break
                    }
                }
                try r.required(seen, Self.plistRequired, Self.self, r.top)
                return out
            } catch { throw error.inside("HistorySegment") }
        }
    }

    /// A segment file's `kinds` of records (in `window`, when given) and, with `balances`, its
    /// stock balances; see `init(plist:_:only:balances:window:)`. Throws `PlistDecodeError` for
    /// malformed bytes, as `BinaryPlistDecoder` does.
    static func read(_ bytes: Data, only kinds: Store.RecordKinds, balances: Bool, window: Range<Date>?) throws -> HistorySegment {
        try bytes.withUnsafeBytes { buf in
            var r = try PlistReader(buf)
            do { return try HistorySegment(plist: &r, r.top, only: kinds, balances: balances, window: window) } catch { throw error.inside("HistorySegment") }
        }
    }

    public func encode(plist w: inout PlistWriter) throws -> Int {
        let m = w.begin()
        try w.field("schemaVersion", schemaVersion)
        try w.field("month", month)
        try w.field("meetings", meetings)
        try w.field("visitors", visitors)
        try w.field("moves", moves)
        try w.field("approvals", approvals)
        try w.field("previous", previous)
        try w.field("openingStock", openingStock)
        try w.field("closingStock", closingStock)
        try w.field("documents", documents)
        try w.field("notices", notices)
        try w.field("loans", loans)
        try w.field("parcels", parcels)
        // Derived from the visitors written above, so it always agrees with them (HistorySummary.swift).
        try w.field("visitorSummary", VisitorSummary(visitors))
        // Derived from the moves written above, for the month's ledger (MoveSummary.swift).
        try w.field("moveSummary", MoveSummary(moves))
        // Derived from the approvals written above, for the requests decided in some days (ApprovalDecisions.swift).
        try w.field("approvalDecisions", ActivitySpan(decisionsOf: approvals))
        // Derived from the notices and parcels written above, for those shown or handled in some days (ActivitySpans.swift).
        try w.field("noticesShown", ActivitySpan(notices: notices))
        try w.field("parcelsHandled", ActivitySpan(parcels: parcels))
        return w.endDictionary(m)
    }
}

extension Manifest.Entry: PlistCodable {
    static let plistRequired: [StaticString] = ["size", "sha256"]

    init(plist r: inout PlistReader, _ ref: Int) throws {
        self = Manifest.Entry(size: 0, sha256: Data())
        var d = try r.record(ref, Self.self), seen: UInt64 = 0
        while let e = try d.next(r) {
            switch e.key {
            case "size": size = try r.value(e); seen |= 1 << 0
            case "sha256": sha256 = try r.value(e); seen |= 1 << 1
            default: break
            }
        }
        try r.required(seen, Self.plistRequired, Self.self, ref)
    }

    func encode(plist w: inout PlistWriter) throws -> Int {
        let m = w.begin()
        try w.field("size", size)
        try w.field("sha256", sha256)
        return w.endDictionary(m)
    }
}

extension Manifest: PlistCodable {
    static let plistRequired: [StaticString] = ["schemaVersion", "generation", "writtenAt", "files"]

    init(plist r: inout PlistReader, _ ref: Int) throws {
        self = Manifest(schemaVersion: 0, generation: 0, writtenAt: .distantPast, files: [:])
        var d = try r.record(ref, Self.self), seen: UInt64 = 0
        while let e = try d.next(r) {
            switch e.key {
            case "schemaVersion": schemaVersion = try r.value(e); seen |= 1 << 0
            case "generation": generation = try r.value(e); seen |= 1 << 1
            case "writtenAt": writtenAt = try r.value(e); seen |= 1 << 2
            case "files": files = try r.value(e); seen |= 1 << 3
            case "losses": losses = try r.value(e)
            case "inProgress": inProgress = try r.value(e)
            case "chainRestarts": chainRestarts = try r.value(e)
            case "lastPurgeDay": lastPurgeDay = try r.value(e)
            case "purgedBefore": purgedBefore = try r.value(e)
            default: break
            }
        }
        try r.required(seen, Self.plistRequired, Self.self, ref)
    }

    func encode(plist w: inout PlistWriter) throws -> Int {
        let m = w.begin()
        try w.field("schemaVersion", schemaVersion)
        try w.field("generation", generation)
        try w.field("writtenAt", writtenAt)
        try w.field("files", files)
        try w.field("losses", losses)
        try w.field("inProgress", inProgress)
        try w.field("chainRestarts", chainRestarts)
        try w.field("lastPurgeDay", lastPurgeDay)
        try w.field("purgedBefore", purgedBefore)
        return w.endDictionary(m)
    }
}

extension JournalRecord: PlistCodable {
    static let plistRequired: [StaticString] = ["seq", "at", "unixUser", "uid", "actor", "change"]

    public init(plist r: inout PlistReader, _ ref: Int) throws {
        self = JournalRecord(seq: 0, at: .distantPast, unixUser: "", uid: 0, actor: "", change: .addBadges([]))
        var d = try r.record(ref, Self.self), seen: UInt64 = 0
        while let e = try d.next(r) {
            switch e.key {
            case "seq": seq = try r.value(e); seen |= 1 << 0
            case "at": at = try r.value(e); seen |= 1 << 1
            case "unixUser": unixUser = try r.value(e); seen |= 1 << 2
            case "uid": uid = try r.value(e); seen |= 1 << 3
            case "actor": actor = try r.value(e); seen |= 1 << 4
            case "change": change = try r.codable(e); seen |= 1 << 5
            case "prev": prev = try r.value(e)
            default: break
            }
        }
        try r.required(seen, Self.plistRequired, Self.self, ref)
    }

    public func encode(plist w: inout PlistWriter) throws -> Int {
        let m = w.begin()
        try w.field("seq", seq)
        try w.field("at", at)
        try w.field("unixUser", unixUser)
        try w.field("uid", uid)
        try w.field("actor", actor)
        try w.codableField("change", change)
        try w.field("prev", prev)
        return w.endDictionary(m)
    }
}

extension Report.VisitorFacts: PlistDecodable {
    /// Reads what the visitors report needs of a visitor record; the other fields are not read,
    /// but every key a `Visitor` requires must be there (the record is refused as `Visitor` would be).
    init(plist r: inout PlistReader, _ ref: Int) throws {
        self.init(id: "", host: "", expectedAt: .distantPast, headCount: 0, status: .expected)
        var d = try r.record(ref, Visitor.self), seen: UInt64 = 0
        while let e = try d.next(r) {
            switch e.key {
            case "id": id = try r.value(e); seen |= 1 << 0
            case "name": seen |= 1 << 1
            case "host": host = try r.value(e); seen |= 1 << 2
            case "expectedAt": expectedAt = try r.value(e); seen |= 1 << 3
            case "headCount": headCount = try r.value(e); seen |= 1 << 4
            case "status": status = try r.value(e); seen |= 1 << 5
            case "receivedAt": seen |= 1 << 6
            case "arrivedAt": arrivedAt = try r.value(e)
            case "checkedInAt": checkedInAt = try r.value(e)
            case "badges": seen |= 1 << 7
            case "badgesOut": seen |= 1 << 8
            default: break
            }
        }
        try r.required(seen, Visitor.plistRequired, Visitor.self, ref)
    }
}

// meta.plist is read by every command: a typed read costs one conformance lookup where Codable's
// containers cost dozens (each scans every conformance in the binary). Written through Codable
// still, so the file's bytes do not change; unknown keys are passed over, as Codable does.
extension StoreMeta: PlistDecodable {
    static let plistRequired: [StaticString] = ["format", "schemaVersion", "createdAt", "createdBy", "allowOverrides", "settings"]

    public init(plist r: inout PlistReader, _ ref: Int) throws {
        self.init(createdAt: .distantPast, createdBy: "", allowOverrides: false)
        var d = try r.record(ref, Self.self), seen: UInt64 = 0
        while let e = try d.next(r) {
            switch e.key {
            case "format": format = try r.value(e); seen |= 1 << 0
            case "schemaVersion": schemaVersion = try r.value(e); seen |= 1 << 1
            case "createdAt": createdAt = try r.value(e); seen |= 1 << 2
            case "createdBy": createdBy = try r.value(e); seen |= 1 << 3
            case "allowOverrides": allowOverrides = try r.value(e); seen |= 1 << 4
            case "settings": settings = try r.value(e); seen |= 1 << 5
            default: break
            }
        }
        try r.required(seen, Self.plistRequired, Self.self, ref)
    }
}

/// Every setting is optional on read (the default stands), so a store written before a setting
/// existed keeps working: the same rule as `StoreSettings.init(from:)`.
extension StoreSettings: PlistDecodable {
    public init(plist r: inout PlistReader, _ ref: Int) throws {
        self.init()
        var d = try r.record(ref, Self.self)
        while let e = try d.next(r) {
            switch e.key {
            case "visitorConfirmWithin": try r.update(&visitorConfirmWithin, e)
            case "meetingConfirmWithin": try r.update(&meetingConfirmWithin, e)
            case "roomCheckBefore": try r.update(&roomCheckBefore, e)
            case "minutesWithin": try r.update(&minutesWithin, e)
            case "lobbyWaitLimit": try r.update(&lobbyWaitLimit, e)
            case "noShowAfter": try r.update(&noShowAfter, e)
            case "approvalOverdueAfter": try r.update(&approvalOverdueAfter, e)
            case "dayEndHour": try r.update(&dayEndHour, e)
            case "workdayStartHour": try r.update(&workdayStartHour, e)
            case "workdayEndHour": try r.update(&workdayEndHour, e)
            case "smallPurchaseLimit": try r.update(&smallPurchaseLimit, e)
            case "designatedSupplier": designatedSupplier = try r.value(e)
            case "purchaseAdminThreshold": try r.update(&purchaseAdminThreshold, e)
            case "retentionDays": try r.update(&retentionDays, e)
            case "checkInNeedsIdentity": try r.update(&checkInNeedsIdentity, e)
            case "timeZone": timeZone = try r.value(e)
            case "approvalsNeeded": try r.update(&approvalsNeeded, e)
            case "documents": try r.update(&documents, e)
            case "assetRepairOverdueAfter": try r.update(&assetRepairOverdueAfter, e)
            case "parcelCollectWithin": try r.update(&parcelCollectWithin, e)
            case "archiveLoanDays": try r.update(&archiveLoanDays, e)
            case "assetUsefulYears": try r.update(&assetUsefulYears, e)
            case "assetDefaultUsefulYears": try r.update(&assetDefaultUsefulYears, e)
            default: break
            }
        }
    }
}

extension DocumentSettings: PlistDecodable {
    public init(plist r: inout PlistReader, _ ref: Int) throws {
        self.init()
        var d = try r.record(ref, Self.self)
        while let e = try d.next(r) {
            switch e.key {
            case "incomingPattern": try r.update(&incomingPattern, e)
            case "issuer": try r.update(&issuer, e)
            case "submitWithin": try r.update(&submitWithin, e)
            case "decideVeryUrgent": try r.update(&decideVeryUrgent, e)
            case "decideUrgent": try r.update(&decideUrgent, e)
            case "decideNormal": try r.update(&decideNormal, e)
            case "forwardWithin": try r.update(&forwardWithin, e)
            case "handleWithin": try r.update(&handleWithin, e)
            case "outgoingStepWithin": try r.update(&outgoingStepWithin, e)
            case "acknowledgeWithin": try r.update(&acknowledgeWithin, e)
            default: break
            }
        }
    }
}
