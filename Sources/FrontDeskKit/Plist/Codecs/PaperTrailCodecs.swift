import Foundation

// Typed bplist codecs of the notice and archive records (see ModelCodecs.swift for the pattern:
// one `case` line and one `field` line per stored property, required keys in `plistRequired`).

extension NoticeAcknowledgement: PlistCodable {
    static let plistRequired: [StaticString] = ["by", "at"]

    public init(plist r: inout PlistReader, _ ref: Int) throws {
        self = NoticeAcknowledgement(by: "", at: .distantPast)
        var d = try r.record(ref, Self.self), seen: UInt64 = 0
        while let e = try d.next(r) {
            switch e.key {
            case "by": by = try r.value(e); seen |= 1 << 0
            case "at": at = try r.value(e); seen |= 1 << 1
            case "recordedBy": recordedBy = try r.value(e)
            default: break
            }
        }
        try r.required(seen, Self.plistRequired, Self.self, ref)
    }

    public func encode(plist w: inout PlistWriter) throws -> Int {
        let m = w.begin()
        try w.field("by", by)
        try w.field("at", at)
        try w.field("recordedBy", recordedBy)
        return w.endDictionary(m)
    }
}

extension NoticeFeedback: PlistCodable {
    static let plistRequired: [StaticString] = ["by", "at", "text"]

    public init(plist r: inout PlistReader, _ ref: Int) throws {
        self = NoticeFeedback(by: "", at: .distantPast, text: "")
        var d = try r.record(ref, Self.self), seen: UInt64 = 0
        while let e = try d.next(r) {
            switch e.key {
            case "by": by = try r.value(e); seen |= 1 << 0
            case "at": at = try r.value(e); seen |= 1 << 1
            case "text": text = try r.value(e); seen |= 1 << 2
            case "recordedBy": recordedBy = try r.value(e)
            default: break
            }
        }
        try r.required(seen, Self.plistRequired, Self.self, ref)
    }

    public func encode(plist w: inout PlistWriter) throws -> Int {
        let m = w.begin()
        try w.field("by", by)
        try w.field("at", at)
        try w.field("text", text)
        try w.field("recordedBy", recordedBy)
        return w.endDictionary(m)
    }
}

extension Notice: PlistCodable {
    static let plistRequired: [StaticString] = ["id", "title", "body", "postedBy", "postedAt", "audience", "endsAt", "acknowledgements", "feedback"]

    public init(plist r: inout PlistReader, _ ref: Int) throws {
        self = Notice(id: "", title: "", postedBy: "", postedAt: .distantPast, endsAt: .distantPast)
        var d = try r.record(ref, Self.self), seen: UInt64 = 0
        while let e = try d.next(r) {
            switch e.key {
            case "id": id = try r.value(e); seen |= 1 << 0
            case "title": title = try r.value(e); seen |= 1 << 1
            case "body": body = try r.value(e); seen |= 1 << 2
            case "postedBy": postedBy = try r.value(e); seen |= 1 << 3
            case "postedAt": postedAt = try r.value(e); seen |= 1 << 4
            case "audience": audience = try r.value(e); seen |= 1 << 5
            case "endsAt": endsAt = try r.value(e); seen |= 1 << 6
            case "endedAt": endedAt = try r.value(e)
            case "acknowledgements": acknowledgements = try r.value(e); seen |= 1 << 7
            case "feedback": feedback = try r.value(e); seen |= 1 << 8
            default: break
            }
        }
        try r.required(seen, Self.plistRequired, Self.self, ref)
    }

    public func encode(plist w: inout PlistWriter) throws -> Int {
        let m = w.begin()
        try w.field("id", id)
        try w.field("title", title)
        try w.field("body", body)
        try w.field("postedBy", postedBy)
        try w.field("postedAt", postedAt)
        try w.field("audience", audience)
        try w.field("endsAt", endsAt)
        try w.field("endedAt", endedAt)
        try w.field("acknowledgements", acknowledgements)
        try w.field("feedback", feedback)
        return w.endDictionary(m)
    }
}

extension ArchiveFile: PlistCodable {
    static let plistRequired: [StaticString] = ["id", "title", "department", "category", "date", "medium", "confidential", "filedBy", "filedAt"]

    public init(plist r: inout PlistReader, _ ref: Int) throws {
        self = ArchiveFile(id: "", title: "", department: "", category: "", date: .distantPast, medium: .paper, retentionYears: nil, filedBy: "", filedAt: .distantPast)
        var d = try r.record(ref, Self.self), seen: UInt64 = 0
        while let e = try d.next(r) {
            switch e.key {
            case "id": id = try r.value(e); seen |= 1 << 0
            case "title": title = try r.value(e); seen |= 1 << 1
            case "department": department = try r.value(e); seen |= 1 << 2
            case "project": project = try r.value(e)
            case "category": category = try r.value(e); seen |= 1 << 3
            case "date": date = try r.value(e); seen |= 1 << 4
            case "medium": medium = try r.value(e); seen |= 1 << 5
            case "cabinet": cabinet = try r.value(e)
            case "box": box = try r.value(e)
            case "path": path = try r.value(e)
            case "retentionYears": retentionYears = try r.value(e)
            case "confidential": confidential = try r.value(e); seen |= 1 << 6
            case "pages": pages = try r.value(e)
            case "attachments": attachments = try r.value(e)
            case "filedBy": filedBy = try r.value(e); seen |= 1 << 7
            case "filedAt": filedAt = try r.value(e); seen |= 1 << 8
            case "source": source = try r.value(e)
            default: break
            }
        }
        try r.required(seen, Self.plistRequired, Self.self, ref)
    }

    public func encode(plist w: inout PlistWriter) throws -> Int {
        let m = w.begin()
        try w.field("id", id)
        try w.field("title", title)
        try w.field("department", department)
        try w.field("project", project)
        try w.field("category", category)
        try w.field("date", date)
        try w.field("medium", medium)
        try w.field("cabinet", cabinet)
        try w.field("box", box)
        try w.field("path", path)
        try w.field("retentionYears", retentionYears)
        try w.field("confidential", confidential)
        try w.field("pages", pages)
        try w.field("attachments", attachments)
        try w.field("filedBy", filedBy)
        try w.field("filedAt", filedAt)
        try w.field("source", source)
        return w.endDictionary(m)
    }
}

extension ArchiveLoan: PlistCodable {
    static let plistRequired: [StaticString] = ["id", "fileID", "borrower", "purpose", "due", "requestedBy", "requestedAt", "status"]

    public init(plist r: inout PlistReader, _ ref: Int) throws {
        self = ArchiveLoan(id: "", fileID: "", borrower: "", purpose: "", due: .distantPast, requestedBy: "", requestedAt: .distantPast)
        var d = try r.record(ref, Self.self), seen: UInt64 = 0
        while let e = try d.next(r) {
            switch e.key {
            case "id": id = try r.value(e); seen |= 1 << 0
            case "fileID": fileID = try r.value(e); seen |= 1 << 1
            case "borrower": borrower = try r.value(e); seen |= 1 << 2
            case "purpose": purpose = try r.value(e); seen |= 1 << 3
            case "due": due = try r.value(e); seen |= 1 << 4
            case "requestedBy": requestedBy = try r.value(e); seen |= 1 << 5
            case "requestedAt": requestedAt = try r.value(e); seen |= 1 << 6
            case "status": status = try r.value(e); seen |= 1 << 7
            case "lentAt": lentAt = try r.value(e)
            case "approvalID": approvalID = try r.value(e)
            case "returnedAt": returnedAt = try r.value(e)
            case "returnedTo": returnedTo = try r.value(e)
            case "pagesReturned": pagesReturned = try r.value(e)
            case "attachmentsReturned": attachmentsReturned = try r.value(e)
            case "missing": missing = try r.value(e)
            default: break
            }
        }
        try r.required(seen, Self.plistRequired, Self.self, ref)
    }

    public func encode(plist w: inout PlistWriter) throws -> Int {
        let m = w.begin()
        try w.field("id", id)
        try w.field("fileID", fileID)
        try w.field("borrower", borrower)
        try w.field("purpose", purpose)
        try w.field("due", due)
        try w.field("requestedBy", requestedBy)
        try w.field("requestedAt", requestedAt)
        try w.field("status", status)
        try w.field("lentAt", lentAt)
        try w.field("approvalID", approvalID)
        try w.field("returnedAt", returnedAt)
        try w.field("returnedTo", returnedTo)
        try w.field("pagesReturned", pagesReturned)
        try w.field("attachmentsReturned", attachmentsReturned)
        try w.field("missing", missing)
        return w.endDictionary(m)
    }
}

extension ArchiveMedium: PlistStringEnum {}
extension LoanStatus: PlistStringEnum {}
