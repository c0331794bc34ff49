import ArgumentParser
import Foundation
import FrontDeskKit

/// `frontdesk settings …`: the store's time limits, thresholds and hooks.
/// `settings show` prints every value in the form `settings set` accepts, so a shown value can be
/// typed back unchanged ("18:00", "45m", "180d", "5000.00").
struct SettingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings", _superCommandName: "frontdesk", abstract: "The store's settings: time limits, hooks (admin to change).",
        subcommands: [Show.self, Set.self, Hook.self])

    struct Show: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Every setting and its value, as `settings set` takes it.")
        @OptionGroup var storeOptions: StoreOptions
        @Flag(help: .json) var json = false

        func run(store: Store) throws -> Reply {
            let s = store.meta.settings
            if json {
                let (table, refusal) = store.hooks()
                try Output.jsonObject(SettingsCommand.jsonObject(s, hooks: table))
                return Reply(notes: refusal.map { ["warning: \($0)"] } ?? [])
            }
            var rows: [[String]] = SettingsCommand.numeric.map { [$0.key, $0.unit.format($0.get(s)), $0.help] }
            rows.append(["timeZone", s.timeZone ?? "", s.timeZone == nil ? "office time zone (unset: each user's TZ, now \(TimeZone.current.identifier))" : "office time zone: every desk sees times in it"])
            rows.append(["designatedSupplier", s.designatedSupplier ?? "", "supplier for small urgent purchases"])
            rows.append(["checkInNeedsIdentity", s.checkInNeedsIdentity ? "yes" : "no", "check-in needs an identity number on record"])
            for (type, n) in s.approvalsNeeded.sorted(by: { $0.key < $1.key }) { rows.append(["approvals needed: \(type)", "\(n)", "of the chain (frontdesk approval needs)"]) }
            rows.append(["docIncomingPattern", s.documents.incomingPattern, "incoming number: {year} the year, {seq} or {seq:4} the number"])
            rows.append(["docIssuer", s.documents.issuer, "issuer's short name in outgoing numbers (\(s.documents.outgoingNumber(.notice, year: 2026, seq: 12)))"])
            rows.append(["usefulYears", "\(s.assetDefaultUsefulYears)", "asset book value: straight line over this many years"])
            for (cat, n) in s.assetUsefulYears.sorted(by: { $0.key < $1.key }) { rows.append(["usefulYears.\(cat)", "\(n)", "years for assets of category \(cat)"]) }
            let (table, refusal) = store.hooks()
            for (event, cmd) in table.hooks.sorted(by: { $0.key < $1.key }) { rows.append(["hook \(event)", cmd, ""]) }
            Output.table(["SETTING", "VALUE", "MEANING"], rows)
            return Reply(notes: refusal.map { ["warning: \($0)"] } ?? [])
        }
    }

    /// `settings show --json`: every setting by name, durations and amounts as `settings set` takes
    /// them, so a value can be typed back unchanged (docs/json.md).
    static func jsonObject(_ s: StoreSettings, hooks: HookTable) -> [String: Any] {
        var o: [String: Any] = [:]
        for n in numeric { o[n.key] = n.unit.format(n.get(s)) }
        o["timeZone"] = s.timeZone ?? NSNull()
        o["designatedSupplier"] = s.designatedSupplier ?? NSNull()
        o["checkInNeedsIdentity"] = s.checkInNeedsIdentity
        o["approvalsNeeded"] = s.approvalsNeeded
        o["docIncomingPattern"] = s.documents.incomingPattern
        o["docIssuer"] = s.documents.issuer
        o["usefulYears"] = s.assetDefaultUsefulYears
        o["usefulYearsByCategory"] = s.assetUsefulYears
        o["hooks"] = hooks.hooks
        return o
    }

    struct Set: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "set", abstract: "Change a setting, e.g. `settings set visitorConfirmWithin 45m` or `settings set dayEndHour 18:00`.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument var key: String
        @Argument var value: String

        /// Every key's value checked before anything is written: a refusal in the reader's language
        /// (exit 2), and meta.plist untouched.
        func check() throws(Refusal) {
            if key == "designatedSupplier" { return }
            if key == "timeZone" {
                guard value.isEmpty || TimeZone(identifier: value) != nil else {
                    throw .invalid("timeZone takes an IANA time zone name such as Asia/Shanghai or Europe/Berlin (see /usr/share/zoneinfo), or \"\" to unset; got \"\(value)\".",
                                   zh: "timeZone 须为 IANA 时区名，如 Asia/Shanghai 或 Europe/Berlin（见 /usr/share/zoneinfo），或用 \"\" 取消；收到的是“\(value)”。")
                }
                return
            }
            if key == "usefulYears" || key.hasPrefix("usefulYears.") {
                guard let n = Int(value), (1...100).contains(n) else {
                    throw .invalid("\(key) takes a whole number of years, 1–100, got \"\(value)\".", zh: "\(key) 须为 1–100 的整年数，收到的是“\(value)”。")
                }
                if key.hasPrefix("usefulYears."), key.dropFirst(12).trimmingCharacters(in: .whitespaces).isEmpty {
                    throw .invalid("Name the asset category after the dot: usefulYears.laptop 3.", zh: "请在点号后写明资产类别：usefulYears.laptop 3。")
                }
                return
            }
            if key == "checkInNeedsIdentity" {
                guard ["yes", "no"].contains(value.lowercased()) else {
                    throw .invalid("checkInNeedsIdentity takes yes or no, got \"\(value)\".", zh: "checkInNeedsIdentity 须为 yes 或 no，收到的是“\(value)”。")
                }
                return
            }
            if key == "docIncomingPattern" { try DocumentSettings.checkIncomingPattern(value); return }
            if key == "docIssuer" { try DocumentSettings.checkIssuer(value); return }
            guard let setting = SettingsCommand.numeric.first(where: { $0.key == key }) else {
                let known = (SettingsCommand.numeric.map(\.key) + SettingsCommand.textKeys).joined(separator: ", ") + ", usefulYears, usefulYears.CATEGORY"
                throw .invalid("No setting \(key). Known: \(known).", zh: "没有设置项 \(key)。现有：\(known)。")
            }
            if setting.unit.parse(value) == nil {
                throw .invalid("\(key) takes \(setting.unit.expected), got \"\(value)\".", zh: "\(key) 须为\(setting.unit.expectedChinese)，收到的是“\(value)”。")
            }
        }

        func run(store: Store) throws -> Reply {
            try check()
            if key == "docIncomingPattern" || key == "docIssuer" {
                let pattern = key == "docIncomingPattern"
                try store.updateSettings(key: key, value: value) { s in
                    if pattern { s.documents.incomingPattern = value } else { s.documents.issuer = value }
                }
                let d = store.meta.settings.documents, year = store.env.calendar.component(.year, from: store.env.now())
                let sample = pattern ? d.incomingNumber(year: year, seq: 7) : d.outgoingNumber(.notice, year: year, seq: 12)
                return Reply(notes: [ReaderLanguage.isChinese() ? "\(key) 已设为 \(value)：编号形如 \(sample)。" : "\(key) is now \(value): numbers read like \(sample)."])
            }
            if key == "timeZone" {
                try store.updateSettings(key: key, value: value) { $0.timeZone = value.isEmpty ? nil : value }
                return Reply(notes: [value.isEmpty ? "timeZone is unset: each desk uses its own TZ." : "timeZone is now \(value): every desk sees times in it."])
            }
            if key == "designatedSupplier" {
                try store.updateSettings(key: key, value: value) { $0.designatedSupplier = value.isEmpty ? nil : value }
            } else if key == "usefulYears" || key.hasPrefix("usefulYears."), let n = Int(value) {
                let category = String(key.dropFirst(12))
                try store.updateSettings(key: key, value: value) { s in
                    if category.isEmpty { s.assetDefaultUsefulYears = n } else { s.assetUsefulYears[category] = n }
                }
                return Reply(notes: ["\(category.isEmpty ? "Assets of other categories" : category) now depreciate over \(n) years."])
            } else if key == "checkInNeedsIdentity" {
                let on = value.lowercased() == "yes"
                try store.updateSettings(key: key, value: on ? "yes" : "no") { $0.checkInNeedsIdentity = on }
                return Reply(notes: ["\(key) is now \(on ? "yes" : "no")."])
            } else if let setting = SettingsCommand.numeric.first(where: { $0.key == key }), let v = setting.unit.parse(value) {
                try store.updateSettings(key: key, value: value) { setting.set(&$0, v) }
                return Reply(notes: ["\(key) is now \(setting.unit.format(v))."])
            }
            return Reply(notes: ["\(key) is now \(value.isEmpty ? "cleared" : value)."])
        }
    }

    struct Hook: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "hook", abstract: "Set or clear the command run on an event (e.g. visitor.arrived).",
            discussion: "Placeholders: \(HostNotifier.placeholders.map { "{\($0)}" }.joined(separator: " ")). Meeting events give {attendees} (logins) and {guests} (contacts). Example: settings hook visitor.arrived 'echo \"{visitor} is here\" | write {host}'. An empty command clears it.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: ArgumentHelp("The event.", valueName: "event")) var event: String
        @Argument var command: String

        func validate() throws {
            guard HookTable.events.contains(event) else { throw ValidationError("Events with hooks: \(HookTable.events.joined(separator: ", ")).") }
        }

        func run(store: Store) throws -> Reply {
            try store.setHook(event: event, command: command)
            return Reply(notes: [command.isEmpty ? "no command runs on \(event) now." : "the command runs on \(event) from now on."])
        }
    }

    /// How a numeric setting is written: the same form for `show` and `set`.
    enum Unit: Sendable {
        case duration, hour, days, amount

        /// The form `settings show` prints, and `parse` reads back to the same value.
        func format(_ v: Double) -> String {
            switch self {
            case .duration:
                let s = Int(min(max(v, 0), 1e12))
                return s % 3600 == 0 ? "\(s / 3600)h" : s % 60 == 0 ? "\(s / 60)m" : "\(s)s"
            case .hour: return String(format: "%02d:00", Int(min(max(v, 0), 99)))
            case .days: return "\(Int(min(max(v, 0), 1e9)))d"
            case .amount: return String(format: "%.2f", v)
            }
        }

        /// "45m", "24h", "2d", "90s" for durations; "18" or "18:00" for hours; "180" or "180d" for days; plain numbers otherwise.
        func parse(_ text: String) -> Double? {
            let t = text.trimmingCharacters(in: .whitespaces).lowercased()
            switch self {
            case .duration:
                let mult: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86_400]
                guard let last = t.last, let m = mult[last], let n = Double(t.dropLast()), n > 0, n.isFinite, n * m <= 365 * 86_400,
                      (n * m).rounded() == n * m else { return nil }  // whole seconds, so `show` prints it back exactly
                return n * m
            case .hour:
                let h = t.hasSuffix(":00") ? String(t.dropLast(3)) : t
                guard let n = Int(h), (0...23).contains(n) else { return nil }
                return Double(n)
            case .days:
                guard let n = Int(t.hasSuffix("d") ? String(t.dropLast()) : t), (1...36_500).contains(n) else { return nil }
                return Double(n)
            case .amount:
                guard let n = Double(t), n.isFinite, n >= 0, n <= 1e10 else { return nil }
                return n
            }
        }

        var expected: String {
            switch self {
            case .duration: "a duration like 45m, 24h, 2d (at most 365d)"
            case .hour: "a whole hour 0–23, like 18 or 18:00"
            case .days: "a number of days, 1–36500, like 180 or 180d"
            case .amount: "a number from 0 to 1e10, like 5000 or 5000.00"
            }
        }

        var expectedChinese: String {
            switch self {
            case .duration: "时长，如 45m、24h、2d（最多 365d）"
            case .hour: "0–23 的整点，如 18 或 18:00"
            case .days: "1–36500 的天数，如 180 或 180d"
            case .amount: "0 到 1e10 的数字，如 5000 或 5000.00"
            }
        }
    }

    /// The settings that take words rather than numbers.
    static let textKeys = ["timeZone", "designatedSupplier", "checkInNeedsIdentity", "docIncomingPattern", "docIssuer"]

    struct Numeric: Sendable {
        var key: String
        var unit: Unit
        var help: String
        var get: @Sendable (StoreSettings) -> Double
        var set: @Sendable (inout StoreSettings, Double) -> Void
    }

    static let numeric: [Numeric] = [
        Numeric(key: "visitorConfirmWithin", unit: .duration, help: "confirm an appointment within", get: { $0.visitorConfirmWithin }, set: { $0.visitorConfirmWithin = $1 }),
        Numeric(key: "meetingConfirmWithin", unit: .duration, help: "confirm a meeting request within", get: { $0.meetingConfirmWithin }, set: { $0.meetingConfirmWithin = $1 }),
        Numeric(key: "roomCheckBefore", unit: .duration, help: "check the room this long before start", get: { $0.roomCheckBefore }, set: { $0.roomCheckBefore = $1 }),
        Numeric(key: "minutesWithin", unit: .duration, help: "minutes sent within, after the end", get: { $0.minutesWithin }, set: { $0.minutesWithin = $1 }),
        Numeric(key: "lobbyWaitLimit", unit: .duration, help: "flag a visitor waiting longer than", get: { $0.lobbyWaitLimit }, set: { $0.lobbyWaitLimit = $1 }),
        Numeric(key: "noShowAfter", unit: .duration, help: "release an unclaimed room after start +", get: { $0.noShowAfter }, set: { $0.noShowAfter = $1 }),
        Numeric(key: "approvalOverdueAfter", unit: .duration, help: "approvals overdue after", get: { $0.approvalOverdueAfter }, set: { $0.approvalOverdueAfter = $1 }),
        Numeric(key: "dayEndHour", unit: .hour, help: "badges still out are overdue from", get: { Double($0.dayEndHour) }, set: { $0.dayEndHour = Int($1) }),
        Numeric(key: "workdayStartHour", unit: .hour, help: "timeline starts", get: { Double($0.workdayStartHour) }, set: { $0.workdayStartHour = Int($1) }),
        Numeric(key: "workdayEndHour", unit: .hour, help: "timeline ends", get: { Double($0.workdayEndHour) }, set: { $0.workdayEndHour = Int($1) }),
        Numeric(key: "smallPurchaseLimit", unit: .amount, help: "one quote suffices up to", get: { $0.smallPurchaseLimit }, set: { $0.smallPurchaseLimit = $1 }),
        Numeric(key: "purchaseAdminThreshold", unit: .amount, help: "purchases above need administration too", get: { $0.purchaseAdminThreshold }, set: { $0.purchaseAdminThreshold = $1 }),
        Numeric(key: "assetRepairOverdueAfter", unit: .duration, help: "flag an asset under repair longer than", get: { $0.assetRepairOverdueAfter }, set: { $0.assetRepairOverdueAfter = $1 }),
        Numeric(key: "parcelCollectWithin", unit: .duration, help: "flag a parcel not collected within", get: { $0.parcelCollectWithin }, set: { $0.parcelCollectWithin = $1 }),
        Numeric(key: "docSubmitWithin", unit: .duration, help: "incoming document to a leader within", get: { $0.documents.submitWithin }, set: { $0.documents.submitWithin = $1 }),
        Numeric(key: "docDecideVeryUrgent", unit: .duration, help: "leader's decision on a very urgent document within", get: { $0.documents.decideVeryUrgent }, set: { $0.documents.decideVeryUrgent = $1 }),
        Numeric(key: "docDecideUrgent", unit: .duration, help: "leader's decision on an urgent document within", get: { $0.documents.decideUrgent }, set: { $0.documents.decideUrgent = $1 }),
        Numeric(key: "docDecideNormal", unit: .duration, help: "leader's decision on a normal document within", get: { $0.documents.decideNormal }, set: { $0.documents.decideNormal = $1 }),
        Numeric(key: "docForwardWithin", unit: .duration, help: "decided document forwarded within", get: { $0.documents.forwardWithin }, set: { $0.documents.forwardWithin = $1 }),
        Numeric(key: "docHandleWithin", unit: .duration, help: "each department handles a forwarded document within", get: { $0.documents.handleWithin }, set: { $0.documents.handleWithin = $1 }),
        Numeric(key: "docStepWithin", unit: .duration, help: "each desk step of an outgoing document within", get: { $0.documents.outgoingStepWithin }, set: { $0.documents.outgoingStepWithin = $1 }),
        Numeric(key: "docAcknowledgeWithin", unit: .duration, help: "each recipient acknowledges within", get: { $0.documents.acknowledgeWithin }, set: { $0.documents.acknowledgeWithin = $1 }),
        Numeric(key: "archiveLoanDays", unit: .days, help: "an archive loan without --due is due after (days, at day end)", get: { Double($0.archiveLoanDays) }, set: { $0.archiveLoanDays = Int($1) }),
        Numeric(key: "retentionDays", unit: .days, help: "visitors' personal data kept for", get: { Double($0.retentionDays) }, set: { $0.retentionDays = Int($1) }),
    ]
}
