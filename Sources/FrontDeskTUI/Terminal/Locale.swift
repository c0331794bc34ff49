import CNcursesw
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
