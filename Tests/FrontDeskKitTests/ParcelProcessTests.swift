import Foundation
import Testing
@testable import FrontDeskKit

@Suite("Parcels: in, collected, returned, out, monthly cost")
struct ParcelProcessTests {
    static let tz = TimeZone(identifier: "Asia/Shanghai") ?? .current
    static var cal: Calendar { var c = Calendar(identifier: .gregorian); c.timeZone = tz; return c }
    static func at(_ s: String) -> Date { DateInput.parseDateTime(s, tz) ?? Date() }

    func ctx(at when: String = "2026-11-30 09:00", user: String = "tom") -> RuleContext {
        RuleContext(env: .fixed(at: Self.at(when), user: user, timeZone: Self.tz))
    }

    func office() -> OfficeState {
        var s = OfficeState()
        s.apply(.addDepartment(Department(name: "财务部", head: "ann")))
        s.apply(.addPerson(Person(login: "ann", name: "Ann Lee", department: "财务部", email: "ann@example.com")))
        s.apply(.addPerson(Person(login: "lina", name: "李娜", department: "行政部")))
        s.apply(.grantRole(user: "tom", role: .frontdesk))
        return s
    }

    @discardableResult
    func take(_ c: Change, _ s: inout OfficeState, _ context: RuleContext? = nil) -> Refusal? {
        do { try s.validate(c, context ?? ctx()); s.apply(c); return nil } catch { return error }
    }

    @Test func aParcelIsFlaggedExactlyWhenTheCollectionTimeIsUp() throws {
        var s = office()
        let c = s.parcelIn(carrier: "顺丰 SF", tracking: "SF123", person: "ann", department: nil, size: "M", shelf: "A2", ctx())
        #expect(take(c, &s) == nil)
        let p = try #require(s.parcels[c.subject])
        #expect(p.department == "财务部", "the recipient's department is filled in")
        #expect(s.parcelsWaiting == 1)
        let limit = StoreSettings.defaults.parcelCollectWithin
        #expect(limit == 3 * 86_400)
        #expect(s.flags(of: p, at: p.at.addingTimeInterval(limit - 1), .defaults).isEmpty)
        #expect(s.flags(of: p, at: p.at.addingTimeInterval(limit), .defaults) == [.parcelOverdue])
        var oneDay = StoreSettings.defaults
        oneDay.parcelCollectWithin = 86_400
        #expect(s.flags(of: p, at: p.at.addingTimeInterval(86_400), oneDay) == [.parcelOverdue])
        #expect(s.flags(of: p, at: p.at.addingTimeInterval(86_399), oneDay).isEmpty)
        // Collected: no flag however late, and no longer waiting.
        #expect(take(.collectParcel(parcelID: p.id, collector: "王芳 (for Ann)", at: p.at.addingTimeInterval(limit * 2)), &s) == nil)
        let done = try #require(s.parcels[p.id])
        #expect(done.status == .collected && done.collectedBy == "王芳 (for Ann)")
        #expect(s.flags(of: done, at: p.at.addingTimeInterval(limit * 2), .defaults).isEmpty)
        #expect(s.parcelsWaiting == 0)
    }

    @Test func aParcelLeavesTheShelfOnceCollectedOrReturned() throws {
        var s = office()
        let first = s.parcelIn(carrier: "JD", tracking: "JD1", person: nil, department: "财务部", size: nil, shelf: nil, ctx())
        #expect(take(first, &s) == nil)
        // The same tracking number twice while it is on the shelf is a double booking.
        #expect(take(s.parcelIn(carrier: "jd", tracking: "JD1", person: "lina", department: nil, size: nil, shelf: nil, ctx()), &s)?.message.contains("on the shelf already") == true)
        #expect(take(.collectParcel(parcelID: first.subject, collector: " ", at: Self.at("2026-11-30 10:00")), &s)?.kind == .invalid)
        #expect(take(.returnParcel(parcelID: first.subject, reason: "无人认领 nobody claims it", at: Self.at("2026-12-04 10:00")), &s) == nil)
        #expect(s.parcels[first.subject]?.status == .returned)
        #expect(take(.collectParcel(parcelID: first.subject, collector: "Ann", at: Self.at("2026-12-04 11:00")), &s)?.message.contains("returned to the sender") == true)
        #expect(take(.returnParcel(parcelID: "C99", reason: "x", at: Self.now), &s)?.kind == .invalid)
        // Nobody named: refused before anything is written.
        #expect(take(s.parcelIn(carrier: "EMS", tracking: "E1", person: nil, department: nil, size: nil, shelf: nil, ctx()), &s)?.kind == .invalid)
    }

    static let now = at("2026-11-30 09:00")

    @Test func monthlyCourierCostIsSummedPerDepartmentToTheCent() throws {
        var s = office()
        let sends: [(String, String, Int)] = [("2026-11-02 10:00", "财务部", 2_350), ("2026-11-30 23:59", "财务部", 1_805),
                                              ("2026-11-15 12:00", "行政部", 18_650), ("2026-12-01 00:00", "财务部", 99_999),
                                              ("2026-10-31 23:59", "行政部", 50_000)]
        for (when, dept, cents) in sends {
            #expect(take(s.parcelOut(sender: "ann", department: dept, carrier: "SF", tracking: "T\(cents)", costCents: cents, ctx(at: when)), &s, ctx(at: when)) == nil)
        }
        let start = Self.at("2026-11-01 00:00"), end = Self.at("2026-12-01 00:00")
        let costs = ParcelCosts(state: s, month: "2026-11", start: start, end: end)
        #expect(costs.lines.map(\.department) == ["行政部", "财务部"], "largest first")
        #expect(costs.lines.first { $0.department == "财务部" }?.costCents == 4_155)
        #expect(costs.lines.first { $0.department == "财务部" }?.parcels == 2)
        #expect(costs.totalCents == 2_350 + 1_805 + 18_650)
        #expect(Cents.text(costs.totalCents) == "228.05")
        // An outgoing parcel needs its cost; a negative one is refused.
        var free = s.parcelOut(sender: "ann", department: "财务部", carrier: "SF", tracking: "X", costCents: -1, ctx())
        #expect(take(free, &s)?.kind == .invalid)
        free = s.parcelOut(sender: "", department: "财务部", carrier: "SF", tracking: "X", costCents: 100, ctx())
        #expect(take(free, &s)?.kind == .invalid)
    }

    @Test func theRecipientIsNotifiedByTheParcelInHook() throws {
        var s = office()
        let c = s.parcelIn(carrier: "顺丰 SF", tracking: "SF9", person: "ann", department: nil, size: "S", shelf: "B1", ctx())
        #expect(take(c, &s) == nil)
        let v = try #require(HostNotifier.values(for: c, in: s, timeZone: Self.tz))
        #expect(v["recipient"] == "ann" && v["email"] == "ann@example.com" && v["shelf"] == "B1" && v["tracking"] == "SF9")
        #expect(v["event"] == "parcel.in" && v["host"] == "ann")
        #expect(HookTable.events.contains("parcel.in"))
        // Each placeholder becomes its own positional argument, so a tracking number cannot inject shell code.
        let args = HostNotifier.arguments("notify {recipient} {shelf}", values: v)
        #expect(args.contains("ann") && args.contains("B1"))
    }

    @Test func centsParseAndPrintExactly() {
        #expect(Cents.parse("23") == 2_300)
        #expect(Cents.parse("23.5") == 2_350)
        #expect(Cents.parse("23.05") == 2_305)
        #expect(Cents.parse("23.055") == nil)
        #expect(Cents.parse("-3") == nil)
        #expect(Cents.parse("1e3") == nil)
        #expect(Cents.parse("") == nil)
        #expect(Cents.text(5) == "0.05" && Cents.text(123_456) == "1234.56" && Cents.text(-250) == "-2.50")
    }
}
