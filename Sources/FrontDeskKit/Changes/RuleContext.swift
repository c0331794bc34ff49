import Foundation

/// What a rule may consult besides the state: who acts, when, and the store's settings.
public struct RuleContext: Sendable {
    public var env: Environment
    public var settings: StoreSettings
    /// On a training store any name may act and be granted roles.
    public var allowOverrides: Bool

    public init(env: Environment, settings: StoreSettings = .defaults, allowOverrides: Bool = false) {
        self.env = env; self.settings = settings; self.allowOverrides = allowOverrides
    }

    public var actor: String { env.actingUser }
    public var now: Date { env.now() }
}

