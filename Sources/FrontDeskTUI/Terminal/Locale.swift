import CNcursesw
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The C library's view of characters, for the Screen layer (which may not import ncurses).
enum CLocale {
    /// A `C.UTF-8` LC_CTYPE locale object, created once; `@unchecked` because glibc locale
    /// objects are immutable after creation and may be used from any thread.
    private struct LocaleHandle: @unchecked Sendable { let handle: locale_t? }
    private static let utf8 = LocaleHandle(handle: shim_utf8_ctype_locale())

    /// `wcwidth` of one scalar under a UTF-8 `LC_CTYPE`: 0, 1, 2, or -1 for non-printables.
    ///
    /// Uses a private `C.UTF-8` locale object (glibc's UTF-8 locales share one width table), so
    /// widths are right even before `setlocale` and under a C locale — where the grid then
    /// draws `?` of the same widths. Falls back to the process locale if `C.UTF-8` is missing.
    static func wcwidth(_ scalar: UInt32) -> Int {
        if let handle = utf8.handle { return Int(shim_wcwidth_in(handle, scalar)) }
        return Int(shim_wcwidth(scalar))
    }

    /// Whether the process's `LC_CTYPE` codeset is UTF-8 (`nl_langinfo(CODESET)`).
    static var isUTF8: Bool {
        guard let codeset = shim_codeset() else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }
}

/// How the dashboard treats characters and language when the locale the user names is missing,
/// as tmux does: a missing locale whose name says UTF-8 (`zh_CN.UTF-8` forwarded by an SSH
/// client to a server that has only `C`, `C.utf8` and `POSIX`) still gets UTF-8 characters
/// (`LC_CTYPE` = `C.UTF-8`), and the interface language still follows `LC_ALL`/`LC_MESSAGES`/`LANG`.
public struct LocaleChoice: Equatable, Sendable {
    /// The `LC_CTYPE` locale set in place of the named one (`C.UTF-8` or `C.utf8`), nil when none was.
    public var characterLocale: String?
    /// The interface language: English whenever the screen cannot show Chinese (ASCII).
    public var language: UILanguage
    /// Draw with ASCII lines and `?` for other text: asked for (`--ascii`), or no UTF-8 locale.
    public var ascii: Bool
    /// One line for stderr and the status line, in `language`, when the named locale was not
    /// usable; nil when all is as named or `--ascii` was asked for.
    public var warning: String?

    public init(characterLocale: String?, language: UILanguage, ascii: Bool, warning: String?) {
        self.characterLocale = characterLocale
        self.language = language
        self.ascii = ascii
        self.warning = warning
    }

    /// The locale name that decides characters, as the C library reads it: `LC_ALL`, then
    /// `LC_CTYPE`, then `LANG` (the first non-empty); nil when none is set (the C locale).
    public static func characterName(_ env: [String: String]) -> String? {
        for key in ["LC_ALL", "LC_CTYPE", "LANG"] { if let v = env[key], !v.isEmpty { return v } }
        return nil
    }

    /// Whether a locale name says UTF-8 (`.UTF-8`, `.utf8`, any case, before any `@modifier`).
    public static func namesUTF8(_ name: String) -> Bool {
        let codeset = name.split(separator: "@", maxSplits: 1).first.map(String.init) ?? name
        let lower = codeset.lowercased()
        return lower.hasSuffix(".utf-8") || lower.hasSuffix(".utf8")
    }

    /// Whether `LC_CTYPE` should be set to `C.UTF-8`: the named locale could not be set or gave a
    /// non-UTF-8 codeset, while its name says UTF-8.
    public static func wantsFallback(_ env: [String: String], codesetIsUTF8: Bool) -> Bool {
        guard !codesetIsUTF8, let name = characterName(env) else { return false }
        return namesUTF8(name)
    }

    /// The decision, without side effects.
    /// - Parameters:
    ///   - env: the process environment (`LC_ALL`, `LC_CTYPE`, `LC_MESSAGES`, `LANG`).
    ///   - installed: whether `setlocale(LC_ALL, "")` succeeded.
    ///   - codesetIsUTF8: whether the codeset it gave is UTF-8.
    ///   - fallback: the `LC_CTYPE` locale then set in its place (see ``wantsFallback(_:codesetIsUTF8:)``), nil if none.
    ///   - asciiRequested: `--ascii`.
    public static func decide(_ env: [String: String], installed: Bool, codesetIsUTF8: Bool,
                              fallback: String?, asciiRequested: Bool) -> LocaleChoice {
        let utf8 = codesetIsUTF8 || fallback != nil
        let ascii = asciiRequested || !utf8
        // Chinese needs UTF-8 on screen; the ASCII screen speaks English.
        let language: UILanguage = ascii ? .en : UILanguage.fromEnvironment(env)
        var warning: String?
        if !asciiRequested, let name = characterName(env) {
            let text = Strings(language)
            if let fallback {
                // Named C.UTF-8 itself: another category (LC_MESSAGES…) is missing; characters are as asked.
                if !name.lowercased().hasPrefix("c.utf") { warning = text.localeFallback(name: name, fallback: fallback) }
            } else if !installed {
                warning = text.localeMissing(name: name)
            }
        }
        return LocaleChoice(characterLocale: fallback, language: language, ascii: ascii, warning: warning)
    }

    /// What the C library made of the environment, once per process: `setlocale(LC_ALL, "")`,
    /// then `LC_CTYPE` = `C.UTF-8` (or `C.utf8`) when ``wantsFallback(_:codesetIsUTF8:)`` says so.
    private struct Adopted: Sendable { var installed: Bool; var codesetIsUTF8: Bool; var fallback: String? }
    private static let adopted: Adopted = {
        let installed = setlocale(LC_ALL, "") != nil
        let utf8 = CLocale.isUTF8
        var fallback: String?
        if wantsFallback(ProcessInfo.processInfo.environment, codesetIsUTF8: utf8) {
            fallback = ["C.UTF-8", "C.utf8"].first { setlocale(LC_CTYPE, $0) != nil && CLocale.isUTF8 }
        }
        return Adopted(installed: installed, codesetIsUTF8: utf8, fallback: fallback)
    }()

    /// Sets the process locale from the environment (once; later calls only answer) and returns
    /// the decision for this run. Call before ncurses starts.
    @discardableResult
    public static func adopt(asciiRequested: Bool = false) -> LocaleChoice {
        let a = adopted
        return decide(ProcessInfo.processInfo.environment, installed: a.installed, codesetIsUTF8: a.codesetIsUTF8,
                      fallback: a.fallback, asciiRequested: asciiRequested)
    }
}
