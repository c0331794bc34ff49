import ArgumentParser
import Foundation
import FrontDeskKit

/// One office-process step that needs nothing but a record's id (`visitor confirm V3`,
/// `meeting held M1`): which step it takes and the words of its subcommand. A conforming type is
/// one line, e.g. `enum Held: OneRecordStep { static let step = StepID.meetingHeld, abstract = "…" }`.
protocol OneRecordStep {
    /// The process step; `OfficeState.immediateChange` builds its change, as for the dashboard's menu.
    static var step: StepID { get }
    /// The subcommand's name; by default the step's name after the dot (`meeting.held` → `held`).
    static var name: String { get }
    /// The one-line help.
    static var abstract: String { get }
}

extension OneRecordStep {
    static var name: String { String(step.rawValue.split(separator: ".").last ?? "") }
}

/// `frontdesk PROCESS STEP ID`: takes `S.step` on the record now, through the same rule the
/// dashboard's actions menu uses. An unknown id exits 2; a step the record's state or the user's
/// roles do not allow exits 3 with the store's reason.
struct StepCommand<S: OneRecordStep>: StoreCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: S.name, abstract: S.abstract) }

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "The record's id.", completion: Completions.recordIDs) var id: String

    /// The record the step is taken on, from the process its name starts with.
    var record: RecordRef {
        switch S.step.rawValue.prefix(while: { $0 != "." }) {
        case "visitor": .visitor(id)
        case "stock": .supplyItem(id)
        case "approval": .approval(id)
        default: .meeting(id)
        }
    }

    func run(store: Store) throws -> Reply {
        let rec = try store.commit { s, ctx in
            guard let change = s.immediateChange(S.step, on: record, ctx) else { throw Self.missing(record) }
            return change
        }
        return .committed(rec, in: store)
    }

    /// Why there is no change to make: the record is not open (or the step needs more than an id).
    static func missing(_ record: RecordRef) -> Refusal {
        if S.step.needsInput { return .invalid("\(S.name) needs more than an id; see frontdesk \(S.step.rawValue.prefix(while: { $0 != "." })) \(S.name) --help.", zh: "\(S.name) 需要的不只是编号；请看 frontdesk \(S.step.rawValue.prefix(while: { $0 != "." })) \(S.name) --help。") }
        switch record {
        case .visitor(let id): return .invalid("No visitor \(id) in the open register.", zh: "在访登记中没有访客 \(id)。")
        case .meeting(let id): return .invalid("No meeting \(id) today or open.", zh: "今天或未结束的会议中没有 \(id)。")
        case .supplyItem(let sku): return .invalid("No item \(sku) (frontdesk stock list).", zh: "没有物品 \(sku)（frontdesk stock list）。")
        case .approval(let id): return .invalid("No approval request \(id) (frontdesk approval list).", zh: "没有审批申请 \(id)（frontdesk approval list）。")
        case .document(let id): return .invalid("No document \(id) in the register (frontdesk doc list).", zh: "登记簿中没有公文 \(id)（frontdesk doc list）。")
        case .staff(let id): return .invalid("No joiner or leaver checklist \(id) (frontdesk staff list).", zh: "没有入职或离职清单 \(id)（frontdesk staff list）。")
        case .notice(let id): return .invalid("No notice \(id) shown (frontdesk notice list).", zh: "没有正在显示的通知 \(id)（frontdesk notice list）。")
        case .archiveFile(let id): return .invalid("No archive file \(id) (frontdesk archive list).", zh: "没有档案 \(id)（frontdesk archive list）。")
        case .asset(let tag): return .invalid("No asset \(tag) on the ledger (frontdesk asset list).", zh: "台账中没有资产 \(tag)（frontdesk asset list）。")
        case .parcel(let id): return .invalid("No parcel \(id) (frontdesk parcel list).", zh: "没有包裹 \(id)（frontdesk parcel list）。")
        }
    }
}
