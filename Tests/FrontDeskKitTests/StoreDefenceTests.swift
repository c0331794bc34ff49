import Foundation
import Testing
import TestSupport
@testable import FrontDeskKit

/// Defences found by review: each test breaks a store the way a disk, a typo or a colleague could.
@Suite("Store defences")
struct StoreDefenceTests {
    func demoStore() throws -> (TempStore, Store) {
        let tmp = try TempStore("defence")
        let store = try tmp.create()
        try store.commitBatch { s, ctx in DemoOffice.changes(now: ctx.now, calendar: ctx.env.calendar, operator: ctx.actor, in: s) }
        return (tmp, store)
    }

    @Test func damageInTheMiddleOfTheJournalIsRefusedNotCutOff() throws {
        let (tmp, store) = try demoStore()
        let journal = try #require(JournalFile.current(in: tmp.path).first)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: journal))
        let sizeBefore = bytes.count
        bytes[bytes.count / 2] ^= 0xFF
        try bytes.write(to: URL(fileURLWithPath: journal))
        // A session opening now is refused, naming the damage; nothing is cut off.
        #expect(throws: StoreError.self) { _ = try tmp.open() }
        let fresh = try? tmp.open()
        #expect(fresh == nil)
        // A session that read everything before the damage may still append after it: no record is lost.
        _ = try? storeTestAddVisitor(store, "After damage", at: "2026-03-10 11:00")
        let after = try Data(contentsOf: URL(fileURLWithPath: journal))
        #expect(after.count >= sizeBefore, "nothing was cut off")
        let report = store.check().first { $0.file.hasPrefix("journal.") }
        #expect(report?.ok == false)
        #expect(report?.detail.contains("damaged") == true)
    }

    @Test func aTornTailIsStillCutByTheNextWriter() throws {
        let (tmp, store) = try demoStore()
        let journal = try #require(JournalFile.current(in: tmp.path).first)
        try JournalFile.append(Data([0, 0, 1, 0, 0xAB, 0xCD]), to: journal)
        let reopened = try tmp.open()
        #expect(reopened.seq == store.seq)
        try storeTestAddVisitor(reopened, "After a torn tail", at: "2026-03-10 11:00")
        #expect(JournalFile.parse(file: journal)?.trailing == 0)
    }

    @Test func hugeQuantitiesAndAmountsAreRefusedAndNeverTrap() throws {
        let (tmp, store) = try demoStore()
        defer { withExtendedLifetime(tmp) {} }
        #expect(throws: Refusal.self) {
            try store.commit { s, ctx in
                .moveStock(StockMove(id: ctx.env.ids.next(.move, in: s), sku: "PAP-A4", kind: .returned, quantity: Int.max, at: ctx.now, by: "lina", department: "x"))
            }
        }
        #expect(throws: Refusal.self) {
            try store.commit { s, ctx in
                var a = ApprovalRequest(id: ctx.env.ids.next(.approval, in: s), type: .scrap, title: "x", requester: ctx.actor, createdAt: ctx.now, amount: 1e300)
                a.asset = "FA-1"
                return .requestApproval(a)
            }
        }
        var s = OfficeState()
        s.apply(.moveStock(StockMove(id: "K1", sku: "X", kind: .returned, quantity: Int.max, at: Date(), by: "x")))
        s.apply(.moveStock(StockMove(id: "K2", sku: "X", kind: .returned, quantity: 1, at: Date(), by: "x")))  // replay of a hostile record wraps, never traps
    }

    @Test func initRefusesANonEmptyDirectoryAndLeavesItsModeAlone() throws {
        let tmp = try TempStore("init")
        try FileManager.default.createDirectory(atPath: tmp.path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        FileManager.default.createFile(atPath: tmp.file("userfile"), contents: Data("mine".utf8))
        #expect(throws: StoreError.self) { _ = try tmp.create() }
        #expect(TempStore.mode(tmp.path).map { $0 & 0o7777 } == 0o755)
        #expect(FileManager.default.fileExists(atPath: tmp.file("userfile")))
    }

    @Test func hooksRunOnlyFromAnOwnerOnlyFileOwnedByAnAdminOrRoot() throws {
        let (tmp, store) = try demoStore()
        try store.setHook(event: "visitor.arrived", command: "echo {visitor}")
        #expect(TempStore.mode(tmp.file("hooks.plist")).map { $0 & 0o777 } == 0o600)
        #expect(store.hooks().refusal == nil)
        #expect(store.hooks().table.hooks["visitor.arrived"] == "echo {visitor}")
        chmod(tmp.file("hooks.plist"), 0o664)
        #expect(store.hooks().refusal?.contains("chmod go-w") == true)
        var notAdmin = store.env
        notAdmin.actingUser = "tom"
        store.env = notAdmin
        #expect(throws: Refusal.self) { try store.setHook(event: "visitor.arrived", command: "rm -rf ~") }
    }

    @Test func settingsAreReReadUnderTheLockAndFollowedByOpenSessions() throws {
        let (tmp, first) = try demoStore()
        let second = try tmp.open()
        try first.updateSettings(key: "lobbyWaitLimit", value: "30m") { $0.lobbyWaitLimit = 1800 }
        try second.updateSettings(key: "dayEndHour", value: "19") { $0.dayEndHour = 19 }
        let fresh = try tmp.open()
        #expect(fresh.meta.settings.lobbyWaitLimit == 1800, "the first admin's change was not lost")
        #expect(fresh.meta.settings.dayEndHour == 19)
        #expect(try first.refresh())
        #expect(first.meta.settings.dayEndHour == 19, "an open session follows")
        #expect(try fresh.auditTrail().filter { $0.change.name == "settings.change" }.count == 2)
    }
}
