import Testing
@testable import FrontDeskTUI

/// The locale decision as a pure function: environment and what the C library made of it →
/// the character locale, the interface language, ASCII or not, and the warning.
@Suite struct LocaleChoiceTests {
    @Test func aMissingUTF8LocaleFallsBackAndKeepsItsLanguage() {
        let env = ["LANG": "zh_CN.UTF-8"]
        #expect(LocaleChoice.wantsFallback(env, codesetIsUTF8: false))
        let c = LocaleChoice.decide(env, installed: false, codesetIsUTF8: false, fallback: "C.UTF-8", asciiRequested: false)
        #expect(c.characterLocale == "C.UTF-8")
        #expect(c.language == .zhHans)
        #expect(!c.ascii)
        let w = try? #require(c.warning)
        #expect(w?.contains("zh_CN.UTF-8") == true && w?.contains("C.UTF-8") == true && w?.contains("界面使用中文") == true, "\(w ?? "")")
    }

    @Test func anEnglishMissingLocaleWarnsInEnglish() {
        let env = ["LANG": "en_GB.utf8"]
        let c = LocaleChoice.decide(env, installed: false, codesetIsUTF8: false, fallback: "C.utf8", asciiRequested: false)
        #expect(c.language == .en && !c.ascii)
        #expect(c.warning?.hasPrefix("frontdesk: locale en_GB.utf8 is not installed; using C.utf8 for characters") == true, "\(c.warning ?? "")")
    }

    @Test func namesThatSayUTF8() {
        for name in ["zh_CN.UTF-8", "zh_CN.utf8", "de_DE.Utf-8@euro", "C.UTF-8", "xx_YY.UTF8"] {
            #expect(LocaleChoice.namesUTF8(name), "\(name)")
        }
        for name in ["C", "POSIX", "zh_CN.GB18030", "zh_CN", "en_US.ISO-8859-1", "utf8"] {
            #expect(!LocaleChoice.namesUTF8(name), "\(name)")
        }
    }

    @Test func theCharacterNameFollowsTheCLibrarysOrder() {
        // LC_ALL outranks LC_CTYPE, which outranks LANG; empty values are skipped. LC_MESSAGES plays no part.
        #expect(LocaleChoice.characterName(["LC_ALL": "C", "LANG": "zh_CN.UTF-8"]) == "C")
        #expect(LocaleChoice.characterName(["LC_CTYPE": "zh_CN.UTF-8", "LANG": "C"]) == "zh_CN.UTF-8")
        #expect(LocaleChoice.characterName(["LC_ALL": "", "LANG": "zh_CN.UTF-8"]) == "zh_CN.UTF-8")
        #expect(LocaleChoice.characterName(["LC_MESSAGES": "zh_CN.UTF-8"]) == nil)
        // So LC_ALL=C keeps the C locale even under a Chinese LANG: nothing to fall back from.
        #expect(!LocaleChoice.wantsFallback(["LC_ALL": "C", "LANG": "zh_CN.UTF-8"], codesetIsUTF8: false))
    }

    @Test func anInstalledLocaleIsLeftAlone() {
        let env = ["LANG": "zh_CN.UTF-8"]
        #expect(!LocaleChoice.wantsFallback(env, codesetIsUTF8: true))
        let c = LocaleChoice.decide(env, installed: true, codesetIsUTF8: true, fallback: nil, asciiRequested: false)
        #expect(c == LocaleChoice(characterLocale: nil, language: .zhHans, ascii: false, warning: nil))
    }

    @Test func theCLocaleIsPlainASCIIWithoutAWarning() {
        for env in [[:], ["LANG": "C"], ["LANG": "POSIX"]] as [[String: String]] {
            #expect(!LocaleChoice.wantsFallback(env, codesetIsUTF8: false))
            let c = LocaleChoice.decide(env, installed: true, codesetIsUTF8: false, fallback: nil, asciiRequested: false)
            #expect(c == LocaleChoice(characterLocale: nil, language: .en, ascii: true, warning: nil), "\(env)")
        }
    }

    @Test func aMissingLocaleWithoutAnyUTF8FallbackWarnsOfASCII() {
        // No C.UTF-8 either (an old system), or a name that does not say UTF-8.
        for (name, fallbackWanted) in [("zh_CN.UTF-8", true), ("zh_CN.GB18030", false)] {
            let env = ["LANG": name]
            #expect(LocaleChoice.wantsFallback(env, codesetIsUTF8: false) == fallbackWanted)
            let c = LocaleChoice.decide(env, installed: false, codesetIsUTF8: false, fallback: nil, asciiRequested: false)
            #expect(c.ascii && c.language == .en && c.characterLocale == nil)
            #expect(c.warning?.contains("locale \(name) is not installed") == true && c.warning?.contains("ASCII") == true, "\(c.warning ?? "")")
        }
    }

    @Test func theLanguageComesFromMessagesNotCharacters() {
        // LC_CTYPE=C.UTF-8 names the characters; LANG names the (missing) Chinese messages.
        let env = ["LC_CTYPE": "C.UTF-8", "LANG": "zh_CN.UTF-8"]
        let c = LocaleChoice.decide(env, installed: false, codesetIsUTF8: false, fallback: "C.UTF-8", asciiRequested: false)
        #expect(c.language == .zhHans && !c.ascii)
        #expect(c.warning == nil, "the characters are what was named: nothing to warn about")
        let messages = LocaleChoice.decide(["LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"], installed: false, codesetIsUTF8: false,
                                           fallback: "C.UTF-8", asciiRequested: false)
        #expect(messages.language == .zhHans)
    }

    @Test func asciiIsForcedAndQuiet() {
        let c = LocaleChoice.decide(["LANG": "zh_CN.UTF-8"], installed: false, codesetIsUTF8: false, fallback: "C.UTF-8", asciiRequested: true)
        #expect(c.ascii && c.language == .en && c.warning == nil)
        let installed = LocaleChoice.decide(["LANG": "zh_CN.UTF-8"], installed: true, codesetIsUTF8: true, fallback: nil, asciiRequested: true)
        #expect(installed.ascii && installed.language == .en)
    }
}
