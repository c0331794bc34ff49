import ArgumentParser
import Foundation
import FrontDeskKit

struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "watch", abstract: "The watch list (lead only).",
                                                    subcommands: [Add.self, Remove.self, List.self])
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a name or identity number.")
        @OptionGroup var storeOptions: StoreOptions
        @Option var name: String?
        @Option(name: .customLong("id-number")) var idNumber: String?
        @Option var reason: String
        func run() throws {
            let store = try storeOptions.open()
            try store.commit { _, ctx in .addToWatchList(WatchEntry(name: name, idNumber: idNumber, reason: reason, addedBy: ctx.actor, addedAt: ctx.now)) }
        }
    }
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove an entry (same --name/--id-number as added).")
        @OptionGroup var storeOptions: StoreOptions
        @Option var name: String?
        @Option(name: .customLong("id-number")) var idNumber: String?
        func run() throws {
            let store = try storeOptions.open()
            try store.commit(.removeFromWatchList(name: name, idNumber: idNumber))
        }
    }
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every entry (identity numbers masked except for admins).")
        @OptionGroup var storeOptions: StoreOptions
        @Flag var json = false
        func run() throws {
            let store = try storeOptions.open()
            let admin = store.state.hasRole(store.env.actingUser, .admin)
            func idText(_ s: String?) -> String { guard let s else { return "" }; return admin ? s : String(repeating: "•", count: max(0, s.count - 4)) + s.suffix(4) }
            let rows = store.state.watchList
            if json {
                try Output.json(rows.enumerated().map { i, w in
                    ["id": "\(i + 1)", "status": "active", "name": w.name ?? NSNull(), "idNumber": w.idNumber.map(idText) ?? NSNull(), "reason": w.reason] as [String: Any]
                })
            } else {
                Output.table(["NAME", "ID NUMBER", "REASON", "ADDED BY"], rows.map { [$0.name ?? "", idText($0.idNumber), $0.reason, $0.addedBy] })
            }
        }
    }
}

struct SettingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings", abstract: "The store's settings: time limits, hooks (admin to change).",
        subcommands: [Show.self, Set.self, Hook.self])

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every setting and its value.")
        @OptionGroup var storeOptions: StoreOptions
        func run() throws {
            let store = try storeOptions.open()
            let s = store.meta.settings
            var rows: [[String]] = SettingsCommand.numeric.map { [$0.key, SettingsCommand.format($0.get(s), $0.unit), $0.help] }
            rows.append(["designatedSupplier", s.designatedSupplier ?? "", "supplier for small urgent purchases"])
            rows.append(["checkInNeedsIdentity", s.checkInNeedsIdentity ? "yes" : "no", "check-in needs an identity number on record"])
            for (type, n) in s.approvalsNeeded.sorted(by: { $0.key < $1.key }) { rows.append(["approvals needed: \(type)", "\(n)", "of the chain (frontdesk approval needs)"]) }
            let (table, refusal) = store.hooks()
            for (event, cmd) in table.hooks.sorted(by: { $0.key < $1.key }) { rows.append(["hook \(event)", cmd, ""]) }
            if let why = refusal { Outcome.say("frontdesk: warning: \(why)") }
            Output.table(["SETTING", "VALUE", "MEANING"], rows)
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a setting, e.g. `settings set visitorConfirmWithin 45m`.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument var key: String
        @Argument var value: String
        func run() throws {
            let store = try storeOptions.open()
            if key == "designatedSupplier" {
                try store.updateSettings(key: key, value: value) { $0.designatedSupplier = value.isEmpty ? nil : value }
                return
            }
            if key == "checkInNeedsIdentity" {
                guard let on = ["yes": true, "no": false][value.lowercased()] else { throw UsageError("checkInNeedsIdentity takes yes or no.") }
                try store.updateSettings(key: key, value: value) { $0.checkInNeedsIdentity = on }
                return
            }
            guard let setting = SettingsCommand.numeric.first(where: { $0.key == key }) else {
                throw UsageError("No setting \(key). Known: \(SettingsCommand.numeric.map(\.key).joined(separator: ", ")), designatedSupplier, checkInNeedsIdentity.")
            }
            guard let v = SettingsCommand.parse(value, setting.unit) else {
                throw UsageError("\(key) takes \(setting.unit == "s" ? "a duration like 45m, 24h, 2d (at most 365d)" : setting.unit == "h" ? "an hour 0–23" : setting.unit == "d" ? "a number of days, 1–36500" : "a number up to 1e10").")
            }
            try store.updateSettings(key: key, value: value) { setting.set(&$0, v) }
        }
    }

    struct Hook: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set or clear the command run on an event (e.g. visitor.arrived).",
            discussion: "Placeholders: \(HostNotifier.placeholders.map { "{\($0)}" }.joined(separator: " ")). Meeting events give {attendees} (logins) and {guests} (contacts). Example: settings hook visitor.arrived 'echo \"{visitor} is here\" | write {host}'. An empty command clears it.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument var event: String
        @Argument var command: String
        func run() throws {
            guard HookTable.events.contains(event) else { throw UsageError("Events with hooks: \(HookTable.events.joined(separator: ", ")).") }
            let store = try storeOptions.open()
            try store.setHook(event: event, command: command)
        }
    }

    struct Numeric: Sendable {
        var key: String
        var unit: String
        var help: String
        var get: @Sendable (StoreSettings) -> Double
        var set: @Sendable (inout StoreSettings, Double) -> Void
    }

    static let numeric: [Numeric] = [
        Numeric(key: "visitorConfirmWithin", unit: "s", help: "confirm an appointment within", get: { $0.visitorConfirmWithin }, set: { $0.visitorConfirmWithin = $1 }),
        Numeric(key: "meetingConfirmWithin", unit: "s", help: "confirm a meeting request within", get: { $0.meetingConfirmWithin }, set: { $0.meetingConfirmWithin = $1 }),
        Numeric(key: "roomCheckBefore", unit: "s", help: "check the room this long before start", get: { $0.roomCheckBefore }, set: { $0.roomCheckBefore = $1 }),
        Numeric(key: "minutesWithin", unit: "s", help: "minutes sent within, after the end", get: { $0.minutesWithin }, set: { $0.minutesWithin = $1 }),
        Numeric(key: "lobbyWaitLimit", unit: "s", help: "flag a visitor waiting longer than", get: { $0.lobbyWaitLimit }, set: { $0.lobbyWaitLimit = $1 }),
        Numeric(key: "noShowAfter", unit: "s", help: "release an unclaimed room after start +", get: { $0.noShowAfter }, set: { $0.noShowAfter = $1 }),
        Numeric(key: "approvalOverdueAfter", unit: "s", help: "approvals overdue after", get: { $0.approvalOverdueAfter }, set: { $0.approvalOverdueAfter = $1 }),
        Numeric(key: "dayEndHour", unit: "h", help: "badges still out are overdue from", get: { Double($0.dayEndHour) }, set: { $0.dayEndHour = Int($1) }),
        Numeric(key: "workdayStartHour", unit: "h", help: "timeline starts", get: { Double($0.workdayStartHour) }, set: { $0.workdayStartHour = Int($1) }),
        Numeric(key: "workdayEndHour", unit: "h", help: "timeline ends", get: { Double($0.workdayEndHour) }, set: { $0.workdayEndHour = Int($1) }),
        Numeric(key: "smallPurchaseLimit", unit: "", help: "one quote suffices up to", get: { $0.smallPurchaseLimit }, set: { $0.smallPurchaseLimit = $1 }),
        Numeric(key: "purchaseAdminThreshold", unit: "", help: "purchases above need administration too", get: { $0.purchaseAdminThreshold }, set: { $0.purchaseAdminThreshold = $1 }),
        Numeric(key: "retentionDays", unit: "d", help: "visitors' personal data kept for", get: { Double($0.retentionDays) }, set: { $0.retentionDays = Int($1) }),
    ]

    static func format(_ v: Double, _ unit: String) -> String {
        switch unit {
        case "s": v.truncatingRemainder(dividingBy: 3600) == 0 ? "\(Int(min(v, 1e12) / 3600))h" : "\(Int(min(v, 1e12) / 60))m"
        case "h": String(format: "%02d:00", Int(min(max(v, 0), 99)))
        case "d": "\(Int(min(v, 1e9))) days"
        default: String(format: "%.2f", v)
        }
    }

    /// "45m", "24h", "2d", "90s" for durations; plain numbers otherwise (hours 0–23, days ≥ 1).
    static func parse(_ text: String, _ unit: String) -> Double? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        if unit == "s" {
            let mult: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86_400]
            guard let last = t.last, let m = mult[last], let n = Double(t.dropLast()), n > 0, n.isFinite, n * m <= 365 * 86_400 else { return nil }
            return n * m
        }
        guard let n = Double(t), n.isFinite, n >= 0, n <= 1e10 else { return nil }
        if unit == "h" { return (0...23).contains(n) && n == n.rounded() ? n : nil }
        if unit == "d" { return n >= 1 && n <= 36_500 && n == n.rounded() ? n : nil }
        return n
    }
}
