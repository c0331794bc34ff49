import Foundation
import FrontDeskKit

/// One entry of a picker: what is stored (a room id, a login, `y`) and what the desk reads
/// (长城厅, 李娜 (lina), yes).
public struct Choice: Equatable, Sendable {
    public var value: String
    public var label: String
    public init(_ value: String, _ label: String? = nil) { self.value = value; self.label = label ?? value }
}

/// A field-level problem found before the store is asked: which field (its place in the
/// declaration, found by the form from the field's key path) and what to fix.
struct FieldError: Error {
    var field: Int
    var message: Localized
    init(field: Int, message en: String, zh: String) { self.field = field; self.message = Localized(en, zh) }
}

/// What a parser says is wrong with a field's text; the form attaches it to the field.
struct FieldProblem: Error {
    var message: Localized
    init(_ en: String, _ zh: String) { message = Localized(en, zh) }
}

/// What parsers need to read times and days the way the office says them.
struct FieldContext {
    var now: Date
    var timeZone: TimeZone
    var calendar: Calendar
    init(_ ctx: RuleContext) { now = ctx.now; timeZone = ctx.env.timeZone; calendar = ctx.env.calendar }
}

/// One field of a form, declared once: its label and hint in both languages, whether it is
/// required, its initial text, its choices when it is a picker, and how its text is parsed into
/// the form's draft (`read`, usually writing one key path). The form's fields, their order on
/// screen and the change the form builds all follow from the list of these.
struct FieldSpec<Draft> {
    var label: Localized
    var hint: Localized?
    var required: Bool
    var initial: String
    /// A picker's known values (type to narrow, ↑↓ to choose); nil for free text.
    var choices: [Choice]?
    /// A picker that also takes a value not in its list (a visitor's host who is not yet on file).
    var allowsOther = false
    /// The draft property this field fills, so a whole-form check can point at the field.
    var path: PartialKeyPath<Draft>?
    /// Parses the trimmed text (never called with an empty text for an optional field).
    var read: (String, inout Draft, FieldContext) throws(FieldProblem) -> Void

    // MARK: Field kinds

    /// Free text into a `String`.
    static func text(_ label: Localized, _ path: WritableKeyPath<Draft, String>, initial: String = "", hint: Localized? = nil,
                     required: Bool = true) -> Self {
        Self(label: label, hint: hint, required: required, initial: initial, choices: nil, path: path) { t, d, _ in d[keyPath: path] = t }
    }

    /// Free text into an optional `String` (empty → nil).
    static func text(_ label: Localized, _ path: WritableKeyPath<Draft, String?>, initial: String = "", hint: Localized? = nil) -> Self {
        Self(label: label, hint: hint, required: false, initial: initial, choices: nil, path: path) { t, d, _ in d[keyPath: path] = t }
    }

    /// A comma-separated list (attendees, equipment).
    static func list(_ label: Localized, _ path: WritableKeyPath<Draft, [String]>, hint: Localized? = nil) -> Self {
        Self(label: label, hint: hint, required: false, initial: "", choices: nil, path: path) { t, d, _ in
            d[keyPath: path] = t.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
    }

    /// A whole number at least `min`.
    static func count(_ label: Localized, _ path: WritableKeyPath<Draft, Int>, min lo: Int, initial: String = "", hint: Localized? = nil) -> Self {
        Self(label: label, hint: hint, required: true, initial: initial, choices: nil, path: path) { t, d, _ throws(FieldProblem) in
            guard let n = Int(t), n >= lo else { throw FieldProblem("a whole number ≥ \(lo)", "请填写不小于 \(lo) 的整数") }
            d[keyPath: path] = n
        }
    }

    /// An amount of money, 0 or more (empty → nil).
    static func amount(_ label: Localized, _ path: WritableKeyPath<Draft, Double?>, initial: String = "", hint: Localized? = nil,
                       required: Bool = false) -> Self {
        Self(label: label, hint: hint, required: required, initial: initial, choices: nil, path: path) { t, d, _ throws(FieldProblem) in
            guard let a = Double(t), a >= 0 else { throw FieldProblem("an amount like 1200 or 24.50", "请填写金额，如 1200 或 24.50") }
            d[keyPath: path] = a
        }
    }

    /// A time: `HH:MM` today, or `YYYY-MM-DD HH:MM`.
    static func time(_ label: Localized, _ path: WritableKeyPath<Draft, Date>, initial: String) -> Self {
        Self(label: label, hint: L("HH:MM today, tomorrow 9:30, +30m, or YYYY-MM-DD HH:MM", "今天 HH:MM、明天 9:30、+30m，或 YYYY-MM-DD HH:MM"), required: true, initial: initial,
             choices: nil, path: path) { t, d, c throws(FieldProblem) in
            d[keyPath: path] = try parseTime(t, c)
        }
    }

    /// A day `YYYY-MM-DD` (empty → nil unless required).
    static func day(_ label: Localized, _ path: WritableKeyPath<Draft, Date?>, initial: String = "", required: Bool = false) -> Self {
        Self(label: label, hint: L("YYYY-MM-DD, tomorrow, fri", "YYYY-MM-DD、明天、周五"), required: required, initial: initial, choices: nil, path: path) { t, d, c throws(FieldProblem) in
            guard let day = DateInput.day(t, now: c.now, calendar: c.calendar) else {
                throw FieldProblem("a day: \(DateInput.dayForms)", "请填写日期：\(DateInput.dayFormsZh)")
            }
            d[keyPath: path] = day
        }
    }

    /// A month `YYYY-MM`.
    static func month(_ label: Localized, _ path: WritableKeyPath<Draft, String>, initial: String) -> Self {
        Self(label: label, hint: L("YYYY-MM", "YYYY-MM"), required: true, initial: initial, choices: nil, path: path) { t, d, c throws(FieldProblem) in
            guard DateInput.month(t, calendar: c.calendar) != nil else { throw FieldProblem("a month like 2026-12", "请填写月份，如 2026-12") }
            d[keyPath: path] = t
        }
    }

    /// One of `choices` (stores the choice's value); with `allowsOther`, any text.
    static func pick(_ label: Localized, _ path: WritableKeyPath<Draft, String>, from choices: [Choice], initial: String = "",
                     hint: Localized? = nil, required: Bool = true, allowsOther: Bool = false) -> Self {
        Self(label: label, hint: hint, required: required, initial: initial, choices: choices, allowsOther: allowsOther, path: path) { t, d, _ in
            d[keyPath: path] = t
        }
    }

    /// Yes or no, as a picker over `choices` (values `yes` and `no`, labels in the UI's language).
    static func yesNo(_ label: Localized, _ path: WritableKeyPath<Draft, Bool>, initial: Bool?, _ choices: [Choice]) -> Self {
        let start = initial.flatMap { yes in choices.first { $0.value == (yes ? "yes" : "no") }?.label } ?? ""
        return Self(label: label, hint: nil, required: true, initial: start, choices: choices, path: path) { t, d, _ in d[keyPath: path] = t == "yes" }
    }

    /// A time through the kit's one parser (the CLI's `--at` reads the same forms), office time.
    static func parseTime(_ text: String, _ c: FieldContext) throws(FieldProblem) -> Date {
        if let d = DateInput.moment(text, now: c.now, calendar: c.calendar) { return d }
        throw FieldProblem("use \(DateInput.momentForms)", "请用 \(DateInput.momentFormsZh)")
    }
}

/// A form declared once: its title, the draft it fills (with defaults), its fields in screen
/// order, and how the filled draft becomes the change (plus any change that follows it in the
/// same write, such as the badge return after a check-out).
struct FormSpec<Draft> {
    var title: Localized
    var draft: Draft
    var fields: [FieldSpec<Draft>]
    /// The changes the filled draft becomes, written together in this order (most forms build one).
    var build: (Draft, OfficeState, RuleContext) throws -> [Change]
    var followUps: (Draft, OfficeState, RuleContext) -> [Change]

    /// A form that builds one change.
    init(title: Localized, draft: Draft, fields: [FieldSpec<Draft>], build: @escaping (Draft, OfficeState, RuleContext) throws -> Change,
         followUps: @escaping (Draft, OfficeState, RuleContext) -> [Change] = { _, _, _ in [] }) {
        self.init(title: title, draft: draft, fields: fields, builds: { d, s, ctx in [try build(d, s, ctx)] }, followUps: followUps)
    }

    /// A form that builds several changes through a kit builder shared with the CLI (a check-in
    /// with a confirmed new identity number is two records).
    init(title: Localized, draft: Draft, fields: [FieldSpec<Draft>], builds: @escaping (Draft, OfficeState, RuleContext) throws -> [Change],
         followUps: @escaping (Draft, OfficeState, RuleContext) -> [Change] = { _, _, _ in [] }) {
        self.title = title; self.draft = draft; self.fields = fields; self.build = builds; self.followUps = followUps
    }

    /// The declaration without its draft type, as the dashboard keeps it.
    func erased() -> AnyFormSpec {
        AnyFormSpec(title: title, fields: fields.map { f in
            TextField(f.label, value: f.initial, hint: f.hint, required: f.required, choices: f.choices, allowsOther: f.allowsOther)
        }, parse: { values, ctx in
            var d = draft
            let c = FieldContext(ctx)
            for (i, f) in fields.enumerated() {
                let text = values[i]
                if text.isEmpty {
                    if f.required { throw FieldError(field: i, message: "required", zh: "必填") }
                    continue
                }
                do { try f.read(text, &d, c) } catch let e as FieldProblem { throw FieldError(field: i, message: e.message.en, zh: e.message.zh) }
            }
            return d
        }, build: { any, s, ctx in
            guard let d = any as? Draft else { throw Refusal.invalid("The form's values were lost; open it again.", zh: "表单内容已丢失；请重新打开。") }
            do { return try build(d, s, ctx) } catch let p as DraftProblem {
                let i = fields.firstIndex { $0.path.map { $0 as AnyKeyPath } == p.path as AnyKeyPath } ?? 0
                throw FieldError(field: i, message: p.message.en, zh: p.message.zh)
            }
        }, followUps: { any, s, ctx in
            (any as? Draft).map { followUps($0, s, ctx) } ?? []
        })
    }
}

/// A form declaration with its draft type erased: the fields to show and the steps from their
/// texts to the change.
struct AnyFormSpec {
    var title: Localized
    var fields: [TextField]
    var parse: ([String], RuleContext) throws -> Any
    var build: (Any, OfficeState, RuleContext) throws -> [Change]
    var followUps: (Any, OfficeState, RuleContext) -> [Change]
}

/// A problem found across fields while building the change (an end before its start), thrown
/// with the key path of the field to show it at.
struct DraftProblem: Error {
    var path: any AnyKeyPath & Sendable
    var message: Localized
    init(_ path: any AnyKeyPath & Sendable, _ en: String, _ zh: String) { self.path = path; self.message = Localized(en, zh) }
}
