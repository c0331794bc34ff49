import Foundation
import FrontDeskKit

/// UI language, chosen from LC_ALL, LC_MESSAGES, then LANG (zh* → Simplified Chinese).
public enum UILanguage: String, Sendable, CaseIterable {
    case en, zhHans

    /// The same choice as the CLI's (``ReaderLanguage/isChinese(_:)``), so both speak alike.
    public static func fromEnvironment(_ vars: [String: String] = ProcessInfo.processInfo.environment) -> UILanguage {
        ReaderLanguage.isChinese(vars) ? .zhHans : .en
    }
}

/// One UI text in both languages, written side by side where it is declared: a ``Strings/Phrase``
/// row, a key-table row (``Action``), a form field. ``Strings`` picks the language; nothing
/// else in the dashboard chooses between English and Chinese.
public struct Localized: Hashable, Sendable {
    public var en: String
    public var zh: String
    public init(_ en: String, _ zh: String) { self.en = en; self.zh = zh }

    /// The same text in both languages (a name, a code).
    public init(verbatim s: String) { self.en = s; self.zh = s }
}
