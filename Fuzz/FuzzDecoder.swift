import Foundation

// libFuzzer entry for the typed bplist decoder (built by scripts/fuzz-decoder together with the
// FrontDeskKit sources as one module; not part of Package.swift). Every input is decoded as each
// store file type; whatever decodes must re-encode to bytes that decode and re-encode to the same
// bytes, and the PlistValue-tree decoder, when it accepts the input too, must read the same value.
// Values are compared by their encoding, so NaN and -0 compare by bit pattern.

/// Traps (a finding) when `ok` is false.
func expect(_ ok: Bool, _ what: @autoclosure () -> String) {
    if !ok { fatalError("fuzz property broken: \(what())") }
}

func check<T: PlistCodable & Codable>(_ type: T.Type, _ data: Data) {
    guard let v = try? BinaryPlistDecoder().decode(T.self, from: data) else { return }
    guard let once = try? BinaryPlistEncoder().encode(v) else { return expect(false, "re-encoding \(T.self) failed") }
    guard let back = try? BinaryPlistDecoder().decode(T.self, from: once) else { return expect(false, "re-decoding \(T.self) failed") }
    expect((try? BinaryPlistEncoder().encode(back)) == once, "\(T.self) changed in a round trip")
    if let tree = try? BinaryPlist.decode(data), let old = try? PlistValueDecoder().decode(T.self, from: tree) {
        expect((try? BinaryPlistEncoder().encode(old)) == once, "typed and tree decoders disagree on \(T.self)")
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDecoder(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let bytes else { return 0 }
    let data = Data(bytes: bytes, count: count)
    check(Snapshot.self, data)
    check(HistorySegment.self, data)
    check(JournalRecord.self, data)
    check(Manifest.self, data)
    _ = try? BinaryPlistDecoder().decode(StoreMeta.self, from: data)
    return 0
}

// MARK: - Seeds

func few<V>(_ d: [String: V], _ n: Int = 3) -> [String: V] {
    Dictionary(uniqueKeysWithValues: d.keys.sorted().prefix(n).compactMap { k in d[k].map { (k, $0) } })
}

/// With FRONTDESK_FUZZ_TRIM=DIR: rewrites each snapshot or segment in DIR as `NAME.small`, keeping
/// three records of each kind, so the corpus starts from real but small documents; then exits.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> CInt {
    guard let dir = ProcessInfo.processInfo.environment["FRONTDESK_FUZZ_TRIM"] else { return 0 }
    let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
    for name in names where !name.hasSuffix(".small") {
        let path = dir + "/" + name
        guard let data = FileManager.default.contents(atPath: path) else { continue }
        var small: Data?
        if var s = try? BinaryPlistDecoder().decode(Snapshot.self, from: data) {
            var st = s.state
            st.rooms = few(st.rooms); st.meetings = few(st.meetings); st.visitors = few(st.visitors); st.badges = few(st.badges)
            st.items = few(st.items); st.onHand = few(st.onHand); st.moves = few(st.moves); st.approvals = few(st.approvals)
            st.people = few(st.people); st.departments = few(st.departments); st.roles = few(st.roles); st.counters = few(st.counters)
            st.watchList = Array(st.watchList.prefix(3)); st.returningVisitors = few(st.returningVisitors)
            st.purchases = few(st.purchases); st.demand = few(st.demand)
            s.state = st
            small = try? BinaryPlistEncoder().encode(s)
        } else if var h = try? BinaryPlistDecoder().decode(HistorySegment.self, from: data) {
            h.meetings = Array(h.meetings.prefix(3)); h.visitors = Array(h.visitors.prefix(3))
            h.moves = Array(h.moves.prefix(3)); h.approvals = Array(h.approvals.prefix(3))
            small = try? BinaryPlistEncoder().encode(h)
        }
        if let small { FileManager.default.createFile(atPath: path + ".small", contents: small) }
    }
    exit(0)
}
