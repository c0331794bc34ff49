import ArgumentParser
import Foundation
import FrontDeskKit
import FrontDeskTUI

/// Maps every error to a message on stderr and the documented exit code.
enum Outcome {
    static func report(_ error: Error) -> Int32 {
        switch error {
        case let r as Refusal:
            say("frontdesk: \(r.message)")
            return r.kind == .invalid ? 2 : 3
        case let s as StoreError:
            say("frontdesk: \(s.description)")
            return 4
        case let d as DashboardSetupError:
            say(d.description)
            return 2
        case let u as UsageError:
            say("frontdesk: \(u.message)")
            return 2
        case let e as ExitCode:
            return e.rawValue
        default:
            let code = Frontdesk.exitCode(for: error)
            if code == .success {
                print(Frontdesk.fullMessage(for: error))
                return 0
            }
            say(Frontdesk.fullMessage(for: error))
            if error is DecodingError || error is EncodingError { return 4 }
            return 2
        }
    }

    /// A line on stderr, made safe for the terminal.
    static func say(_ s: String) {
        let safe = s.split(separator: "\n", omittingEmptySubsequences: false).map { TerminalText.sanitize(String($0)) }
        FileHandle.standardError.write(Data((safe.joined(separator: "\n") + "\n").utf8))
    }
}

/// Bad input caught before the store is asked (exit 2).
struct UsageError: Error {
    var message: String
    init(_ m: String) { message = m }
}
