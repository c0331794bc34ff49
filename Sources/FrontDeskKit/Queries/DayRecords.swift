import Foundation

// What happened on the desks beyond the home page in a range of time (an office day, usually),
// and each record as it stood at the range's end: what the dashboard's past day and the
// history reads ask. A stored record holds its latest state; these undo what came later where
// the record keeps the times to do it.

extension Document {
    /// Registered or drafted in `range`, or any step taken in it (submitted, decided, forwarded,
    /// handled, released, filed, distributed, acknowledged…: every step is in the trace).
    public func happened(in range: Range<Date>) -> Bool {
        range.contains(createdAt) || events.contains { range.contains($0.at) }
    }
}

extension ArchiveLoan {
    /// Requested, lent out or returned in `range`.
    public func happened(in range: Range<Date>) -> Bool {
        [requestedAt, lentAt, returnedAt].contains { $0.map(range.contains) ?? false }
    }

    /// The loan as it stood just before `instant`: a return at or after it not made yet, a
    /// confidential file's lending approved at or after it still waiting. A refusal keeps no
    /// time of its own and stays.
    public func asOf(_ instant: Date) -> ArchiveLoan {
        var l = self
        if let back = returnedAt, back >= instant {
            l.status = .out
            l.returnedAt = nil; l.returnedTo = nil; l.pagesReturned = nil; l.attachmentsReturned = nil; l.missing = nil
        }
        if l.status == .out, lentAt.map({ $0 >= instant }) ?? false {
            l.status = .awaitingApproval
            l.lentAt = nil
        }
        return l
    }
}

extension Parcel {
    /// Booked in or out, collected or returned in `range`.
    public func handled(in range: Range<Date>) -> Bool {
        [at, collectedAt, returnedAt].contains { $0.map(range.contains) ?? false }
    }

    /// The parcel as it stood just before `instant`: an incoming one collected or returned at or
    /// after it still waiting on the shelf.
    public func asOf(_ instant: Date) -> Parcel {
        guard incoming, [collectedAt, returnedAt].contains(where: { $0.map { $0 >= instant } ?? false }) else { return self }
        var p = self
        p.status = .waiting
        p.collectedAt = nil; p.collectedBy = nil; p.returnedAt = nil; p.returnReason = nil
        return p
    }
}

extension Asset {
    /// Added, transferred, reported faulty, sent to or back from repair, or taken off the books in `range`.
    public func happened(in range: Range<Date>) -> Bool {
        range.contains(addedAt) || transfers.contains { range.contains($0.at) }
            || repairs.contains { [$0.reportedAt, $0.sentAt, $0.backAt].contains { $0.map(range.contains) ?? false } }
            || offBooksAt.map(range.contains) ?? false
    }

    /// The asset as the ledger had it just before `instant`: later transfers undone (its
    /// department, place and holder are the first undone transfer's "from"), later repairs and
    /// returns from repair not yet made, a later scrapping or loss not yet decided. Its state is
    /// under repair while a repair was open then, else the last transfer's before `instant`, else
    /// the state it has now when that is on the books and not a repair, else in use with a holder
    /// and in store without.
    public func asOf(_ instant: Date) -> Asset {
        var a = self
        if let undone = transfers.first(where: { $0.at >= instant }) {
            a.department = undone.fromDepartment; a.location = undone.fromLocation; a.holder = undone.fromHolder
        }
        a.transfers = transfers.filter { $0.at < instant }
        a.repairs = repairs.filter { $0.reportedAt < instant }.map { r in
            var r = r
            if r.sentAt.map({ $0 >= instant }) ?? false { r.sentTo = nil; r.sentAt = nil }
            if r.backAt.map({ $0 >= instant }) ?? false { r.backAt = nil; r.work = nil; r.costCents = nil }
            return r
        }
        let wentOff = offBooksAt.map { $0 >= instant } ?? false
        if wentOff { a.offBooksAt = nil }
        if a.openRepair != nil {
            a.state = .underRepair
        } else if wentOff || state == .underRepair || a.transfers.count < transfers.count {
            a.state = a.transfers.last?.toState ?? (a.holder == nil ? .inStore : .inUse)
        }
        return a
    }
}

extension StaffChecklist {
    /// Its start date or last day in `range`, or opened, an item settled, or closed in it.
    public func happened(in range: Range<Date>) -> Bool {
        range.contains(day) || range.contains(openedAt) || closedAt.map(range.contains) ?? false
            || items.contains { $0.doneAt.map(range.contains) ?? false }
    }

    /// The checklist as it stood just before `instant`: items settled at or after it still open,
    /// a closing at or after it not done yet.
    public func asOf(_ instant: Date) -> StaffChecklist {
        var c = self
        for i in c.items.indices where c.items[i].doneAt.map({ $0 >= instant }) ?? false {
            c.items[i].state = .open; c.items[i].doneAt = nil; c.items[i].doneBy = nil; c.items[i].note = nil
        }
        if closedAt.map({ $0 >= instant }) ?? false { c.closedAt = nil; c.closedBy = nil }
        return c
    }
}

extension ArchiveShelf {
    /// The archive's work in `range`: the files filed in it and the files whose loan was
    /// requested, lent or returned in it, one row per file with the last such loan as it stood at
    /// the range's end (none for a file only filed). Flags are judged at `now`; the shelf's order.
    public init(state s: OfficeState, during range: Range<Date>, now: Date, calendar: Calendar) {
        var last: [String: ArchiveLoan] = [:]
        for l in s.loans.values where l.happened(in: range) {
            if let seen = last[l.fileID], (seen.requestedAt, seen.id) > (l.requestedAt, l.id) { continue }
            last[l.fileID] = l
        }
        let ids = Set(last.keys).union(s.archives.values.filter { range.contains($0.filedAt) }.map(\.id))
        let rows = ids.compactMap { id -> ArchiveRow? in
            guard let f = s.archives[id] else { return nil }
            let loan = last[id]?.asOf(range.upperBound)
            return ArchiveRow(file: f, loan: loan, borrowerName: loan.map { s.displayName($0.borrower) }, flags: s.flags(of: f, at: now, calendar: calendar))
        }
        self.init(rows: rows)
    }
}

extension StaffBoard {
    /// The joiners and leavers with anything on `range` (see ``StaffChecklist/happened(in:)``),
    /// each as it stood at the range's end, closed ones included; flags judged at `now`.
    public init(state s: OfficeState, during range: Range<Date>, now: Date) {
        var t = s
        t.staff = s.staff.filter { $0.value.happened(in: range) }.mapValues { $0.asOf(range.upperBound) }
        self.init(state: t, now: now, includeClosed: true)
    }
}

extension Store {
    /// How far back `paperTrailHappened` reads history for documents and loans (filed by the
    /// month they were registered or requested; they carry no span of their own).
    public static let dayRecordsLookBackMonths = 3

    /// The documents, loans and parcels of `kinds` with anything happening in `[start, end)`
    /// (``Document/happened(in:)``, ``ArchiveLoan/happened(in:)``, ``Parcel/handled(in:)``),
    /// wherever they live. Parcels are read from every segment whose parcels were on the desk in
    /// the range (its span). Documents and loans are read from ``dayRecordsLookBackMonths``
    /// before the range, so one filed longer before it (a document registered five months
    /// before its last step) is found only while it is in the working set.
    ///
    /// - Throws: the store's error when a segment cannot be read (it names the file).
    public func paperTrailHappened(_ kinds: RecordKinds, from start: Date, to end: Date) throws -> PaperTrailRecords {
        guard start < end else { return PaperTrailRecords() }
        let range = start..<end
        var found = PaperTrailRecords()
        let filed = kinds.intersection([.documents, .loans])
        if !filed.isEmpty {
            // Documents and loans are filed by registration or request: read from three months
            // before, so one registered then and stepped on in the range is found.
            let cal = env.calendar
            let from = Self.monthKey(cal.date(byAdding: .month, value: -Self.dayRecordsLookBackMonths, to: start) ?? start, cal)
            let r = try paperTrail(filed, from: start, to: end, readingFrom: from)
            found.documents = r.documents.filter { $0.happened(in: range) }
            found.loans = r.loans.filter { $0.happened(in: range) }
        }
        if kinds.contains(.parcels) {
            // Parcels: every segment whose parcels were on the desk in the range (by its span).
            found.parcels = try activeRecords(.parcels, from: start, to: end).parcels.filter { $0.handled(in: range) }
        }
        return found
    }
}
