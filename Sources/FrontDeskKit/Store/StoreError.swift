import Foundation

/// The store cannot be used as it is. Names the file and what to do; exit code 4.
public struct StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var problem: String
    public var remedy: String

    public init(file: String, problem: String, remedy: String) {
        self.file = file; self.problem = problem; self.remedy = remedy
    }

    public var description: String { "\(file): \(problem). \(remedy)" }

    static func io(_ path: String, _ what: String, errno e: Int32 = errno) -> StoreError {
        StoreError(file: path, problem: "\(what) failed: \(String(cString: strerror(e)))",
                   remedy: "Check the file's permissions and the disk, then try again.")
    }
}
