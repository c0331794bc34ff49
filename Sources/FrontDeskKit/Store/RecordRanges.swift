import Foundation

extension Change {
    /// Why a record read from disk cannot be real (a quantity or amount beyond what any change
    /// passing validation could carry), or nil. Filled in by step 6.
    func rangeProblem() -> String? { nil }
}
