/// One threat's line in a ranking.
public struct RankedThreat: Sendable, Hashable {
    /// Competition rank (1, 2, 2, 4) on the method's score.
    public var rank: Int
    /// Whether another threat shares the rank.
    public var tied: Bool
    /// The threat id.
    public var id: String
    /// The threat title.
    public var title: String
    /// Distinct roster Member States whose current answer mentions it.
    public var memberStates: Int
    /// `memberStates / responded` (0 when nobody responded).
    public var share: Double
    /// Those Member States, in protocol order.
    public var mentionedBy: [String]
    /// Mean of the priorities given to it, or `nil` where none was.
    public var meanPriority: Double?
    /// Member States (or respondents) whose answer puts it first.
    public var firstPreferences: Int
    /// Borda points (<doc:Figures>).
    public var bordaPoints: Double
    /// Distinct respondents mentioning it, where answers carry respondents.
    public var respondents: Int?

    /// `1` or `=2` (tied ranks marked, as Council tables do).
    public var rankLabel: String { tied ? "=\(rank)" : String(rank) }
}
