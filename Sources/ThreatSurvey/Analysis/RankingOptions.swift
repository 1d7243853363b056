public import Foundation

/// How a ranking is computed (`rank` options).
public struct RankingOptions: Sendable {
    /// Count Member States (the contract's default) or sum Borda points.
    public enum Method: String, Sendable, CaseIterable {
        case count
        case borda
    }

    /// The ordering method.
    public var method: Method
    /// Only submissions received at or before this instant count (`--as-of`).
    public var asOf: Date?
    /// Each Member State's latest answer received by the deadline (`--on-time-only`).
    public var onTimeOnly: Bool
    /// Only these Member States count (a region); `nil` for the whole roster.
    public var memberStates: Set<String>?

    /// Creates options; the defaults are the contract's.
    public init(
        method: Method = .count, asOf: Date? = nil, onTimeOnly: Bool = false,
        memberStates: Set<String>? = nil
    ) {
        self.method = method
        self.asOf = asOf
        self.onTimeOnly = onTimeOnly
        self.memberStates = memberStates
    }
}
