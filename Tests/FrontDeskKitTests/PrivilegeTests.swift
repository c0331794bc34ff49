import Foundation
import Testing
import FrontDeskKit
import TestSupport

/// The identity rules that need no second user (the multi-user suite covers the rest as root).
@Suite("Identity, overrides and hook quoting")
struct PrivilegeTests {
    @Test func overridesApplyOnlyToAPersonalStoreThatAllowsThemOutsideASetIDRun() {
        #expect(Overrides.policy(storeAllows: true, kind: .personal, setID: false).allowed)
        #expect(!Overrides.policy(storeAllows: false, kind: .personal, setID: false).allowed)
        let team = Overrides.policy(storeAllows: true, kind: .team(account: "frontdesk"), setID: false)
        #expect(!team.allowed && team.reason.contains("team store"))
        let setID = Overrides.policy(storeAllows: true, kind: .personal, setID: true)
        #expect(!setID.allowed && setID.reason.contains("set-uid"))
    }

    @Test func anIgnoredOverrideKeepsTheRealUserAndSaysWhy() throws {
        let env = TempStore.env(user: "desk2")
        let r = try Overrides.apply(["FRONTDESK_USER": "admin1", "FRONTDESK_NOW": "2020-01-01 09:00"], to: env, allowed: false,
                                    reason: "a team store (owned by frontdesk) never honours overrides")
        #expect(r.env.actingUser == "desk2")
        #expect(r.env.now() == env.now())
        #expect(r.warnings.count == 2 && r.warnings[0].contains("never honours overrides"))
    }

    @Test func theActingUserIsTheRealUidsName() {
        let name = String(cString: getpwuid(getuid())!.pointee.pw_name)
        #expect(realUnixUser() == name)
        setenv("USER", "someone-else", 1)
        defer { unsetenv("USER") }
        #expect(realUnixUser() == name)
    }

    @Test func withoutASetIDBitPrivilegeChangesNothing() throws {
        #expect(!Privilege.isSetID)
        let before = geteuid()
        Privilege.raise()
        #expect(geteuid() == before)
        Privilege.lower()
        let n = Privilege.asStore { 42 }
        #expect(n == 42 && geteuid() == before)
    }

    /// Each placeholder becomes one positional parameter, quoted for where it stands.
    @Test func placeholdersAreQuotedForTheirContext() {
        #expect(HostNotifier.shellCommand("echo {visitor}") == "echo \"${1}\"")
        #expect(HostNotifier.shellCommand("echo \"Hi {visitor}!\"") == "echo \"Hi ${1}!\"")
        #expect(HostNotifier.shellCommand("echo 'Hi {visitor}'") == "echo 'Hi '\"${1}\"''")
        #expect(HostNotifier.shellCommand("echo \\\"{host}") == "echo \\\"\"${2}\"")
        #expect(HostNotifier.shellCommand("echo {unknown} {id}") == "echo {unknown} \"${5}\"")
        let args = HostNotifier.arguments("x", values: ["visitor": "a b", "host": "h"])
        #expect(args.prefix(4) == ["/bin/sh", "-c", "x", "frontdesk-hook"])
        #expect(args[4] == "a b" && args[5] == "h")
    }

    @Test func aHookValueIsOneWordAndNeverCodeInEveryQuoteContext() throws {
        let hostile = "Zoë  O'Brien; touch /tmp/never-\(UUID().uuidString) $(id) `id` \"q\" *"
        let marker = try #require(hostile.split(separator: " ").first { $0.hasPrefix("/tmp/never-") }).description
        for template in ["printf '%s' {visitor}", "printf '%s' \"{visitor}\"", "printf '%s' '{visitor}'"] {
            let r = try CLI.exec("/bin/sh", ["-c", HostNotifier.shellCommand(template), "frontdesk-hook", hostile])
            #expect(r.stdout == hostile, "\(template): \(r.stdout)")
        }
        #expect(!FileManager.default.fileExists(atPath: marker))
    }
}
