import ArgumentParser
import Foundation
import FrontDeskKit
import FrontDeskTUI

/// Maps every error to a message on stderr and the documented exit code.
enum Outcome {
    static func report(_ error: Error) -> Int32 {
        switch error {
        case let r as Refusal:
            say("frontdesk: \(r.text(chinese: ReaderLanguage.isChinese()))")
            return r.kind == .invalid ? 2 : 3
        case let s as StoreError:
            say("frontdesk: \(ReaderLanguage.isChinese() ? chinese(s) ?? s.description : s.description)")
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

    /// The store errors a new desk user meets first, in Chinese; nil for the others (they stay English).
    static func chinese(_ s: StoreError) -> String? {
        let root = (s.file as NSString).deletingLastPathComponent
        switch s.problem {
        case "no store here":
            return "\(s.file)：这里没有数据目录。请创建：frontdesk init --store \(s.file)（或用 frontdesk demo 创建练习用的数据目录）"
        case "missing: this directory is not a frontdesk store":
            return "\(s.file)：缺失，此目录不是 frontdesk 数据目录。请创建：frontdesk init --store \(root)"
        default:
            return nil
        }
    }

    /// A line on stderr, made safe for the terminal. A stderr that cannot be written (closed, or
    /// the read-only /dev/null glibc puts there for a set-id program started with it closed) loses
    /// the line and nothing else: the command's work and exit status stand.
    static func say(_ s: String) {
        let safe = s.split(separator: "\n", omittingEmptySubsequences: false).map { TerminalText.sanitize(String($0)) }
        writeAll(Array((safe.joined(separator: "\n") + "\n").utf8), to: STDERR_FILENO)
    }

    /// Opens /dev/null on each of stdin, stdout and stderr that is closed, as glibc does for a set-id
    /// program: otherwise the store's first files would get descriptors 0–2, and a reply or a
    /// message would be written into store.lock or a journal. Exits 4 when /dev/null cannot be opened.
    static func openClosedStandardDescriptors() {
        for fd: Int32 in 0...2 where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            let null = open("/dev/null", O_RDWR)
            if null < 0 { _exit(4) }
            // The lowest free descriptor is `fd` itself; move it there if not.
            if null != fd { if dup2(null, fd) != fd { _exit(4) }; close(null) }
        }
    }

    /// Writes every byte it can with write(2), retrying after signals and short writes, and gives up
    /// quietly on any other error (FileHandle.write traps on one, which turned a message into a crash).
    static func writeAll(_ bytes: [UInt8], to fd: Int32) {
        bytes.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count, let base = buffer.baseAddress {
                let n = write(fd, base + done, buffer.count - done)
                if n > 0 { done += n } else if n < 0 && errno == EINTR { continue } else { return }
            }
        }
    }
}

/// Bad input caught before the store is asked (exit 2).
struct UsageError: Error {
    var message: String
    init(_ m: String) { message = m }
}
