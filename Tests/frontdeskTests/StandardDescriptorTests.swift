import Foundation
import Testing
import TestSupport

/// frontdesk started with its standard descriptors closed, or with stderr open read-only (what
/// glibc gives a set-id program started with them closed: /dev/null, read-only), still does its
/// work and exits with its documented status: a message it cannot write is lost, and nothing else.
@Suite struct StandardDescriptorTests {
    /// Each way a caller can leave the descriptors: read-only stderr, closed stderr, all three closed,
    /// read-only stdout and stderr (glibc's set-id replacement for closed ones).
    static let redirections = ["2</dev/null", "2>&-", "<&- >&- 2>&-", "</dev/full >/dev/null 2>/dev/null 1</dev/null 2</dev/null"]

    /// Runs `frontdesk args` through sh with `redirection`; its exit status (sh's last line of output).
    func status(_ args: [String], _ redirection: String, env: [String: String]) throws -> String {
        let quoted = ([CLI.binary] + args).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let r = try CLI.exec("/bin/sh", ["-c", "\(quoted) \(redirection); echo $?"], env: env)
        return r.stdout.split(separator: "\n").last.map(String.init) ?? ""
    }

    @Test(arguments: redirections)
    func aRefusalIsStillItsExitStatusAndNoCrash(_ redirection: String) throws {
        let tmp = try TempStore("fds")
        defer { tmp.remove() }
        #expect(try status(["check", "--store", tmp.path + "/missing"], redirection, env: [:]) == "4", "\(redirection)")
        let env = CLI.vars(tmp.path)
        try #require(try CLI.run(["init", "--allow-overrides"], env: env).status == 0)
        let refused = try status(["visitor", "add", "--name", "", "--host", "lina", "--at", "2026-03-10 14:00"], redirection, env: env)
        #expect(refused == "2", "\(redirection)")
    }

    @Test(arguments: redirections)
    func theWorkIsDoneWhenItsNoteCannotBeWritten(_ redirection: String) throws {
        let tmp = try TempStore("fds")
        defer { tmp.remove() }
        let env = CLI.vars(tmp.path)
        try #require(try CLI.run(["init", "--allow-overrides"], env: env).status == 0)
        #expect(try status(["visitor", "add", "--name", "Ann Lee", "--host", "lina", "--at", "2026-03-10 14:00"], redirection, env: env) == "0",
                "\(redirection)")
        let list = try CLI.run(["visitor", "list", "--json", "--date", "2026-03-10"], env: env)
        #expect(list.status == 0 && list.stdout.contains("Ann Lee"), "\(redirection): \(list)")
        #expect(try CLI.run(["check"], env: env).status == 0)
        // With them closed, the store's own files would take descriptors 0–2: no reply may land in one.
        for f in tmp.files() {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: tmp.file(f), isDirectory: &isDir), isDir.boolValue { continue }
            let bytes = try #require(FileManager.default.contents(atPath: tmp.file(f)), "\(f)")
            #expect(bytes.range(of: Data("frontdesk: ".utf8)) == nil, "\(redirection): a message was written into \(f)")
            #expect(bytes.range(of: Data("V1\n".utf8)) == nil, "\(redirection): the reply was written into \(f)")
        }
    }
}
