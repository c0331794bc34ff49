import Foundation

// The paper trail's and the parcel desk's history: which of their records are closed, how
// compaction files them in the month segments, and how lists, shows and reports find them again.
// Fixed assets and archive files never move: the ledger is the books, and a file is the archive.

extension Store.RecordKinds {
    public static let documents = Store.RecordKinds(rawValue: 16)
    public static let notices = Store.RecordKinds(rawValue: 32)
    public static let loans = Store.RecordKinds(rawValue: 64)
    public static let parcels = Store.RecordKinds(rawValue: 128)
    /// Documents, notices, loans and parcels.
    public static let paperTrail: Store.RecordKinds = [.documents, .notices, .loans, .parcels]
    /// Every array of a segment: what a writer reads before it rewrites one (so nothing is dropped).
    public static let everything: Store.RecordKinds = [.meetings, .visitors, .moves, .approvals, .paperTrail]
}

// MARK: When a record is closed

extension Document {
    /// When nothing more is expected of anyone: an incoming document handled by every department
    /// it went to, an outgoing one distributed and acknowledged by every recipient. Nil while
    /// open — a rejected draft goes back to the desk, a filed one still waits for distribution.
    public var closedAt: Date? {
        switch stage {
        case .handled:
            return departments.compactMap(\.doneAt).max() ?? events.last?.at ?? createdAt
        case .distributed:
            guard !recipients.isEmpty, recipients.allSatisfy({ $0.doneAt != nil }) else { return nil }
            return recipients.compactMap(\.doneAt).max()
        default:
            return nil
        }
    }
}

extension ArchiveLoan {
    /// When the loan was over: the file came back complete, or the loan was refused. Nil while
    /// the file is out, waits for an approval, or came back incomplete (it stays flagged).
    public var closedAt: Date? {
        switch status {
        case .returned: returnedAt ?? requestedAt
        case .refused: requestedAt
        case .awaitingApproval, .out, .incomplete: nil
        }
    }
}

extension Parcel {
    /// When the desk was done with it: collected, returned to the sender, or (outgoing) sent.
    /// Nil while it waits on the shelf.
    public var closedAt: Date? {
        switch status {
        case .waiting: nil
        case .collected: collectedAt ?? at
        case .returned: returnedAt ?? at
        case .sent: at
        }
    }

    /// When it was collected or returned (incoming), or handed to the courier (outgoing).
    var handledAt: Date { collectedAt ?? returnedAt ?? at }
}

extension Store {
    /// Moves the closed documents, ended notices, finished loans and handled parcels closed
    /// before `cut` from `working` to the month segments in `closed`: documents by registration or
    /// drafting, notices by posting, loans by request, parcels by arrival or hand-over — the
    /// dates their range reads look for. Open records, archive files and assets stay.
    static func splitPaperTrail(_ s: OfficeState, into working: inout OfficeState, _ closed: inout [String: HistorySegment],
                                doneBefore cut: Date, calendar cal: Calendar) {
        var touched = Set<String>()
        // In place: taking a segment out and putting it back would copy its arrays per record.
        func put(_ at: Date, _ f: (inout HistorySegment) -> Void) {
            let month = monthKey(at, cal)
            f(&closed[month, default: HistorySegment(month: month)])
            touched.insert(month)
        }
        for d in s.documents.values {
            guard let c = d.closedAt, c < cut else { continue }
            working.documents[d.id] = nil
            put(d.createdAt) { $0.documents.append(d) }
        }
        for n in s.notices.values where n.shownUntil < cut {
            working.notices[n.id] = nil
            put(n.postedAt) { $0.notices.append(n) }
        }
        for l in s.loans.values {
            guard let c = l.closedAt, c < cut else { continue }
            working.loans[l.id] = nil
            put(l.requestedAt) { $0.loans.append(l) }
        }
        for p in s.parcels.values {
            guard let c = p.closedAt, c < cut else { continue }
            working.parcels[p.id] = nil
            put(p.at) { $0.parcels.append(p) }
        }
        for k in touched {
            closed[k]?.documents.sort { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
            closed[k]?.notices.sort { ($0.postedAt, $0.id) < ($1.postedAt, $1.id) }
            closed[k]?.loans.sort { ($0.requestedAt, $0.id) < ($1.requestedAt, $1.id) }
            closed[k]?.parcels.sort { ($0.at, $0.id) < ($1.at, $1.id) }
        }
    }
}

// MARK: Reading them back

extension OfficeState {
    /// This state with `records` added where it lacks them (its own copy of a record wins: the
    /// working set's is the newer one).
    public func adding(_ records: PaperTrailRecords) -> OfficeState {
        var s = self
        for d in records.documents where s.documents[d.id] == nil { s.documents[d.id] = d }
        for n in records.notices where s.notices[n.id] == nil { s.notices[n.id] = n }
        for l in records.loans where s.loans[l.id] == nil { s.loans[l.id] = l }
        for p in records.parcels where s.parcels[p.id] == nil { s.parcels[p.id] = p }
        return s
    }
}

/// Documents, notices, loans and parcels of a period, wherever they live (the working set's copy
/// of a record wins: it is the newer one).
public struct PaperTrailRecords: Sendable {
    public var documents: [Document] = []
    public var notices: [Notice] = []
    public var loans: [ArchiveLoan] = []
    public var parcels: [Parcel] = []

    public init(documents: [Document] = [], notices: [Notice] = [], loans: [ArchiveLoan] = [], parcels: [Parcel] = []) {
        self.documents = documents; self.notices = notices; self.loans = loans; self.parcels = parcels
    }
}

extension Store {
    /// The paper-trail records of `kinds` filed in `[start, end)` — documents by registration or
    /// drafting, notices by posting, loans by request, parcels by arrival or hand-over — from the
    /// month segments the range touches (only those arrays decoded, only records in the range
    /// built) and the working set.
    ///
    /// With `readingFrom` (a `YYYY-MM` month before the range), every segment from that month to
    /// the range's last is read whole and every working-set record returned: for lists whose rows
    /// are not picked by filing date (a loan overdue in the range), which the caller then filters.
    /// Notices shown and parcels handled in a range go through `activeRecords` instead.
    public func paperTrail(_ kinds: RecordKinds, from start: Date, to end: Date, readingFrom: String? = nil) throws -> PaperTrailRecords {
        guard start < end else { return PaperTrailRecords() }
        let cal = env.calendar
        let wanted = kinds.intersection(.paperTrail)
        let first = readingFrom ?? Self.monthKey(start, cal), last = Self.monthKey(end.addingTimeInterval(-1), cal)
        let window: Range<Date>? = readingFrom == nil ? start..<end : nil
        var documents: [String: Document] = [:], notices: [String: Notice] = [:]
        var loans: [String: ArchiveLoan] = [:], parcels: [String: Parcel] = [:]
        do {
            Privilege.raise(); defer { Privilege.lower() }  // team store: as its account, only here
            // Oldest first, so a later copy of a record replaces an earlier one.
            for month in historyMonths where month >= first && month <= last {
                guard let seg = try readSegment(month, wanted, balances: false, window: window) else { continue }
                for d in seg.documents { documents[d.id] = d }
                for n in seg.notices { notices[n.id] = n }
                for l in seg.loans { loans[l.id] = l }
                for p in seg.parcels { parcels[p.id] = p }
            }
        }
        func keep(_ d: Date) -> Bool { window?.contains(d) ?? true }
        if wanted.contains(.documents) { for d in state.documents.values where keep(d.createdAt) { documents[d.id] = d } }
        if wanted.contains(.notices) { for n in state.notices.values where keep(n.postedAt) { notices[n.id] = n } }
        if wanted.contains(.loans) { for l in state.loans.values where keep(l.requestedAt) { loans[l.id] = l } }
        if wanted.contains(.parcels) { for p in state.parcels.values where keep(p.at) { parcels[p.id] = p } }
        return PaperTrailRecords(documents: Array(documents.values), notices: Array(notices.values),
                                 loans: Array(loans.values), parcels: Array(parcels.values))
    }

    /// Reads segments newest first until `pick` finds the record, decoding only `kinds`; none
    /// (and nothing read) for an id never issued.
    func findClosed<T>(_ id: String, _ kind: RecordKind, _ kinds: RecordKinds, _ pick: (HistorySegment) -> T?) throws -> T? {
        guard id.hasPrefix(kind.idPrefix), let n = Int(id.dropFirst(kind.idPrefix.count)),
              n > 0, n <= state.counters[kind.rawValue, default: 0] else { return nil }
        Privilege.raise(); defer { Privilege.lower() }  // team store: as its account, only here
        for month in historyMonths.reversed() {
            if let seg = try readSegment(month, kinds, balances: false), let found = pick(seg) { return found }
        }
        return nil
    }

    /// A document by id, wherever it lives: the working set, else the month segments newest first.
    public func document(id: String) throws -> Document? {
        if let d = state.documents[id] { return d }
        return try findClosed(id, .document, .documents) { $0.documents.first { $0.id == id } }
    }

    /// A notice by id, wherever it lives (ended notices move to history).
    public func notice(id: String) throws -> Notice? {
        if let n = state.notices[id] { return n }
        return try findClosed(id, .notice, .notices) { $0.notices.first { $0.id == id } }
    }

    /// A loan by id, wherever it lives (returned and refused loans move to history).
    public func loan(id: String) throws -> ArchiveLoan? {
        if let l = state.loans[id] { return l }
        return try findClosed(id, .loan, .loans) { $0.loans.first { $0.id == id } }
    }

    /// A parcel by id, wherever it lives (collected, returned and sent parcels move to history).
    public func parcel(id: String) throws -> Parcel? {
        if let p = state.parcels[id] { return p }
        return try findClosed(id, .parcel, .parcels) { $0.parcels.first { $0.id == id } }
    }

    /// Every loan of archive file `fileID`, oldest first: the working set's and the finished ones
    /// in the segments since the file was filed (only their loans decoded).
    public func loans(ofFile fileID: String) throws -> [ArchiveLoan] {
        var byID: [String: ArchiveLoan] = [:]
        let since = state.archives[fileID].map { Self.monthKey($0.filedAt, env.calendar) } ?? ""
        do {
            Privilege.raise(); defer { Privilege.lower() }  // team store: as its account, only here
            for month in historyMonths where month >= since {
                for l in try readSegment(month, .loans, balances: false)?.loans ?? [] where l.fileID == fileID { byID[l.id] = l }
            }
        }
        for l in state.loans.values where l.fileID == fileID { byID[l.id] = l }
        return byID.values.sorted { ($0.requestedAt, $0.id) < ($1.requestedAt, $1.id) }
    }

    /// The working set with `records` added where it lacks them: what a list or show of closed
    /// records hands to the queries written for the working set (names, audiences, flags).
    public func state(adding records: PaperTrailRecords) -> OfficeState {
        state.adding(records)
    }

    /// The working set with document `id` in it, read from history when it is closed there. The
    /// working set as it is when no document has that id (the caller's lookup then refuses).
    public func state(findingDocument id: String) throws -> OfficeState {
        guard state.documents[id] == nil, let d = try document(id: id) else { return state }
        return state(adding: PaperTrailRecords(documents: [d]))
    }

    /// Notices shown at any time in `[start, end)` — posted before its end and not ended before
    /// its start — wherever they live, however long before the range they were posted, with the
    /// working set's people for names and audiences.
    public func noticesShown(from start: Date, to end: Date) throws -> (state: OfficeState, notices: [Notice]) {
        // Every segment whose notices were shown in the range (by its span; older segments whole).
        let r = try activeRecords(.notices, from: start, to: end)
        let shown = r.notices.filter { $0.postedAt < end && $0.shownUntil > start }
        return (state(adding: PaperTrailRecords(notices: shown)), shown)
    }

    /// Parcels booked in or out, collected or returned in `[start, end)`, wherever they live,
    /// however long before the range they were booked.
    public func parcelsHandled(from start: Date, to end: Date) throws -> [Parcel] {
        try paperTrailHappened(.parcels, from: start, to: end).parcels
    }
}
