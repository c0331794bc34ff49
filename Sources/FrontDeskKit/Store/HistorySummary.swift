import Foundation

/// What the visitors report needs of one month segment's visitors, written into the segment
/// (`visitorSummary`) every time the segment is encoded — from the very array written beside it,
/// so a summary never disagrees with its records, whoever rewrites history (compaction,
/// retention, migration, the chain). A report over whole months reads this instead of every
/// visitor; `check` recomputes it from the records. Segments written before summaries existed,
/// or whose visitor ids are not the desk's own (`V` + number), have none and are read in full.
struct VisitorSummary: Equatable, Sendable {
    /// The earliest and latest expected time of the segment's visitors (nil when it has none): a
    /// report uses the summary only when the period holds both.
    var first: Date?, last: Date?
    /// The visitors' id numbers (`V12` → 12), ascending: to count each visitor once and to find
    /// the visitors a lost badge was with.
    var ids: [UInt32] = []
    var expected = 0, noShows = 0, cancelled = 0, came = 0
    /// Per host (login), in ascending order of host: the `VisitorTally` figures of the visitors
    /// who came or were due (neither no-show nor cancelled).
    var hosts: [String] = []
    var visits: [Int] = [], people: [Int] = [], waits: [Int] = []
    var waitSums: [Double] = []
    /// The longest wait per host in minutes; -1 when none of its visitors has a wait.
    var longestWaits: [Double] = []

    /// The id number of a desk visitor id (`V` + decimal digits that fit 32 bits), else nil.
    static func number(_ id: String) -> UInt32? {
        let prefix = RecordKind.visitor.idPrefix
        guard id.hasPrefix(prefix) else { return nil }
        let digits = id.utf8.dropFirst(prefix.utf8.count)
        guard !digits.isEmpty, digits.count <= 10, digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return UInt32(Substring(id.dropFirst(prefix.count)))
    }

    /// The summary of `visitors`; nil when one has an id that is not a desk id, or two share one.
    init?(_ visitors: [Visitor]) {
        var numbers: [UInt32] = []
        numbers.reserveCapacity(visitors.count)
        var byHost: [String: (visits: Int, people: Int, waits: Int, waitSum: Double, longest: Double)] = [:]
        for v in visitors {
            guard let n = Self.number(v.id) else { return nil }
            numbers.append(n)
            first = min(first ?? v.expectedAt, v.expectedAt)
            last = max(last ?? v.expectedAt, v.expectedAt)
            expected += 1
            switch v.status {
            case .noShow: noShows += 1; continue
            case .cancelled: cancelled += 1; continue
            default: break
            }
            byHost[v.host, default: (0, 0, 0, 0, -1)].visits += 1
            byHost[v.host, default: (0, 0, 0, 0, -1)].people += v.headCount
            if v.arrivedAt != nil { came += 1 }
            if let a = v.arrivedAt, let c = v.checkedInAt, c >= a {
                let w = c.timeIntervalSince(a) / 60
                byHost[v.host, default: (0, 0, 0, 0, -1)].waits += 1
                byHost[v.host, default: (0, 0, 0, 0, -1)].waitSum += w
                byHost[v.host, default: (0, 0, 0, 0, -1)].longest = max(byHost[v.host, default: (0, 0, 0, 0, -1)].longest, w)
            }
        }
        numbers.sort()
        for i in numbers.indices.dropFirst() where numbers[i] == numbers[i - 1] { return nil }
        ids = numbers
        for (host, t) in byHost.sorted(by: { $0.key < $1.key }) {
            hosts.append(host); visits.append(t.visits); people.append(t.people); waits.append(t.waits)
            waitSums.append(t.waitSum); longestWaits.append(t.longest)
        }
    }

    /// True when id number `n` is one of the segment's visitors.
    func holds(_ n: UInt32) -> Bool {
        var lo = 0, hi = ids.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if ids[mid] < n { lo = mid + 1 } else { hi = mid }
        }
        return lo < ids.count && ids[lo] == n
    }
}

extension VisitorSummary: PlistCodable {
    static let plistRequired: [StaticString] = ["ids", "expected", "noShows", "cancelled", "came", "hosts", "visits", "people", "waits", "waitSums", "longestWaits"]

    init(plist r: inout PlistReader, _ ref: Int) throws {
        var d = try r.record(ref, Self.self), seen: UInt64 = 0
        var packed = Data()
        while let e = try d.next(r) {
            switch e.key {
            case "first": first = try r.value(e)
            case "last": last = try r.value(e)
            case "ids": packed = try r.value(e); seen |= 1 << 0
            case "expected": expected = try r.value(e); seen |= 1 << 1
            case "noShows": noShows = try r.value(e); seen |= 1 << 2
            case "cancelled": cancelled = try r.value(e); seen |= 1 << 3
            case "came": came = try r.value(e); seen |= 1 << 4
            case "hosts": hosts = try r.value(e); seen |= 1 << 5
            case "visits": visits = try r.value(e); seen |= 1 << 6
            case "people": people = try r.value(e); seen |= 1 << 7
            case "waits": waits = try r.value(e); seen |= 1 << 8
            case "waitSums": waitSums = try r.value(e); seen |= 1 << 9
            case "longestWaits": longestWaits = try r.value(e); seen |= 1 << 10
            default: break
            }
        }
        try r.required(seen, Self.plistRequired, Self.self, ref)
        let n = hosts.count
        guard packed.count % 4 == 0, [visits.count, people.count, waits.count, waitSums.count, longestWaits.count].allSatisfy({ $0 == n }) else {
            throw PlistDecodeError("a visitor summary whose parts differ in length", at: try? r.offset(of: ref), path: ["\(Self.self)"])
        }
        // Little-endian UInt32s, ascending (as `encode` packs them).
        ids = packed.withUnsafeBytes { b in (0..<(b.count / 4)).map { UInt32(littleEndian: b.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self)) } }
    }

    func encode(plist w: inout PlistWriter) throws -> Int {
        var packed = Data(capacity: ids.count * 4)
        for n in ids { withUnsafeBytes(of: n.littleEndian) { packed.append(contentsOf: $0) } }
        let m = w.begin()
        try w.field("first", first)
        try w.field("last", last)
        try w.field("ids", packed)
        try w.field("expected", expected)
        try w.field("noShows", noShows)
        try w.field("cancelled", cancelled)
        try w.field("came", came)
        try w.field("hosts", hosts)
        try w.field("visits", visits)
        try w.field("people", people)
        try w.field("waits", waits)
        try w.field("waitSums", waitSums)
        try w.field("longestWaits", longestWaits)
        return w.endDictionary(m)
    }
}

extension HistorySegment {
    /// The visitor summary of a segment file, without decoding any record; nil when it has none.
    /// Throws for malformed bytes.
    static func readVisitorSummary(_ bytes: Data) throws -> VisitorSummary? {
        try readTopLevel("visitorSummary", bytes)
    }

    /// One top-level value of a segment file (a summary beside the records), decoded alone
    /// through the offset table; nil when the file has no such key. Throws for malformed bytes,
    /// naming the key.
    static func readTopLevel<T: PlistDecodable>(_ key: StaticString, _ bytes: Data) throws -> T? {
        try bytes.withUnsafeBytes { buf in
            var r = try PlistReader(buf)
            do {
                guard let ref = try r.valueRef(key, in: r.top) else { return nil }
                return try T(plist: &r, ref)
            } catch { throw error.inside("HistorySegment.\(key)") }
        }
    }
}

extension Report.VisitorTally {
    /// Counts a whole segment's visitors from its summary (the caller has checked that every one
    /// of them was expected in the period and none is counted elsewhere).
    mutating func add(_ s: VisitorSummary) {
        expected += s.expected; noShows += s.noShows; cancelled += s.cancelled; came += s.came
        for i in s.hosts.indices {
            let d = people[s.hosts[i]]?.department ?? "(none)"
            byDept[d, default: (0, 0, 0, 0)].visits += s.visits[i]
            byDept[d, default: (0, 0, 0, 0)].people += s.people[i]
            guard s.waits[i] > 0 else { continue }
            byDept[d, default: (0, 0, 0, 0)].waitSum += s.waitSums[i]
            byDept[d, default: (0, 0, 0, 0)].waits += s.waits[i]
            waitSum += s.waitSums[i]; waits += s.waits[i]
            longestWait = max(longestWait ?? s.longestWaits[i], s.longestWaits[i])
        }
        for id in lostWith.keys { if let n = VisitorSummary.number(id), s.holds(n) { lostVisitors.insert(id) } }
    }
}
