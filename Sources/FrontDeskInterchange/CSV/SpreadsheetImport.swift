import Foundation
import FrontDeskKit

/// Turns a sheet's rows into changes, each checked by the kit's own rules (`OfficeState.validate`,
/// the path every single-record command takes) against the state the rows before it leave, so two
/// rows adding the same SKU are caught like a second `stock add` would be.
public enum SpreadsheetImport {
    /// What one row asks for: its changes built against the trial state (new ids come from it), or
    /// a refusal with the row's own reason. A row may need more than one (a person in a new department).
    public typealias RowChanges = (SpreadsheetRow, OfficeState, RuleContext) throws -> [Change]

    /// The changes for every row, in file order. Throws `ImportRefused` listing every bad row (its
    /// line and the reason, a `Refusal`'s words or the row's own) when any row is bad; then no
    /// change is returned at all. Pure: `state` is not changed.
    public static func plan(_ rows: [SpreadsheetRow], state: OfficeState, _ ctx: RuleContext, changes make: RowChanges) throws -> [PlannedRow] {
        var trial = state
        var changes: [PlannedRow] = [], problems: [RowProblem] = []
        for row in rows {
            do {
                // The row's changes are tried on a copy, so a row refused halfway leaves no trace for the next.
                var rowTrial = trial
                let made = try make(row, rowTrial, ctx)
                for c in made { try rowTrial.validate(c, ctx); rowTrial.apply(c) }
                trial = rowTrial
                changes.append(PlannedRow(line: row.line, changes: made))
            } catch let r as Refusal {
                problems.append(RowProblem(line: row.line, reason: Bilingual(r.message, zh: r.zh ?? r.message)))
            } catch let p as RowReason {
                problems.append(RowProblem(line: row.line, reason: p.reason))
            } catch {
                problems.append(RowProblem(line: row.line, reason: Bilingual("\(error)", zh: "\(error)")))
            }
        }
        if rows.isEmpty {
            throw SpreadsheetFileError("The file has a header line but no rows; nothing to import.", zh: "文件只有表头，没有数据行，没有可导入的内容。")
        }
        if !problems.isEmpty { throw ImportRefused(problems: problems, rowCount: rows.count) }
        return changes
    }
}

/// The changes one row makes, with the row's line in the file.
public struct PlannedRow: Sendable {
    public var line: Int
    public var changes: [Change]
}

/// A row's own fault found before the kit's rules are asked (a missing cell, a time that is not one).
public struct RowReason: Error, Sendable {
    public var reason: Bilingual
    public init(_ en: String, zh: String) { reason = Bilingual(en, zh: zh) }

    /// The cell of a required column, or this reason naming it.
    public static func required(_ value: String?, _ column: String, zh: String) throws(RowReason) -> String {
        guard let value else { throw RowReason("The \(column) cell is empty.", zh: "\(zh)为空。") }
        return value
    }
}
