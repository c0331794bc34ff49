import Foundation
@testable import FrontDeskKit

/// Deterministic RNG (SampleRandom) so fuzz tests are reproducible.
struct SampleRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

enum SamplePurpose: String, Codable, Equatable {
    case meeting, delivery, interview
}

enum SampleEvent: Codable, Equatable {
    case checkIn(at: Date, desk: Int)
    case checkOut(Date)
    case note(text: String, urgent: Bool?)
    case noShow
}

struct SampleHost: Codable, Equatable {
    var name: String
    var phone: String?
    var floors: [Int]
}

struct SampleVisitor: Codable, Equatable {
    var id: Int
    var name: String
    var company: String?
    var email: String?
    var badge: UInt16
    var score: Double
    var ratio: Float
    var vip: Bool
    var arrived: Date
    var photo: Data
    var purpose: SamplePurpose
    var host: SampleHost
    var tags: [String]
    var events: [SampleEvent]
    var optionalInts: [Int?]
    var bigNumber: Int64
    var attributes: [String: String]
}

enum Sample {
    static let date = Date(timeIntervalSinceReferenceDate: 767_225_045.25)

    static func visitor(_ i: Int = 1) -> SampleVisitor {
        SampleVisitor(
            id: i, name: i % 2 == 0 ? "张伟 🙂" : "Anna Smith", company: i % 3 == 0 ? nil : "Acme GmbH",
            email: nil, badge: UInt16(1000 + i), score: 3.75, ratio: 0.5, vip: i % 2 == 1,
            arrived: date.addingTimeInterval(Double(i)), photo: Data([0, 1, 2, 0xFF]),
            purpose: .interview,
            host: SampleHost(name: "Désirée", phone: "+49 30 1234", floors: [1, 2, 15]),
            tags: ["a", "", "long tag with more than fifteen characters"],
            events: [.checkIn(at: date, desk: 3), .checkOut(date.addingTimeInterval(3600)),
                     .note(text: "Parking", urgent: nil), .note(text: "VIP", urgent: true), .noShow],
            optionalInts: [1, nil, 3], bigNumber: Int64.min, attributes: ["k1": "v1", "ключ": "значение"])
    }

    /// A PlistValue exercising every kind.
    static let everything: PlistValue = .dict([
        "bool_t": .bool(true), "bool_f": .bool(false),
        "ints": .array([.int(0), .int(1), .int(255), .int(256), .int(65535), .int(65536), .int(4_294_967_295),
                        .int(4_294_967_296), .int(-1), .int(-255), .int(Int64.min), .int(Int64.max)]),
        "reals": .array([.real(0), .real(-1.5), .real(3.141592653589793), .real(1e300), .real(-.infinity)]),
        "date": .date(date),
        "old_date": .date(Date(timeIntervalSince1970: -86_400 * 365)),
        "data": .data(Data((0..<300).map { UInt8($0 & 0xFF) })),
        "empty_data": .data(Data()),
        "empty_string": .string(""),
        "ascii": .string("Front desk"),
        "chinese": .string("张伟"),
        "emoji": .string("🙂 outside the BMP 😀"),
        "mixed": .string("Zoë's café"),
        "empty_array": .array([]),
        "empty_dict": .dict([:]),
        "nested": .dict(["a": .array([.dict(["b": .string("c")])])]),
    ])
}
