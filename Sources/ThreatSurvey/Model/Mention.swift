/// One threat named in one answer, with the evidence for it.
///
/// A mention keeps where it came from (a structured row or a phrase found in prose, and the
/// line) so that every count the tool prints can be traced back to what a delegation wrote.
public struct Mention: Sendable, Hashable {
    /// Where a mention came from.
    public enum Origin: String, Sendable, Hashable {
        /// A threat listed in a structured answer (a CSV row or cell, a JSON entry).
        case structured
        /// A threat found by its alias in written comments.
        case prose
    }

    /// The threat id.
    public var threat: String
    /// The priority given (1 = highest), if any.
    public var priority: Int?
    /// The delegation's comment on this threat, if any.
    public var comment: String?
    /// Structured or found in prose.
    public var origin: Origin
    /// The exact text that produced the mention (the cell, or the phrase in prose).
    public var phrase: String?
    /// 1-based line in the submitted file.
    public var line: Int?
    /// 1-based column in the submitted file.
    public var column: Int?
    /// Found inside a negated clause ("is not a priority", "ne constitue pas"): kept as
    /// evidence for the officer, never counted.
    public var negated: Bool
    /// Why the matcher decided as it did, quoting the text: the negation cue
    /// (`"pas"`), or the phrase a priority was read from (`"priorité 2"`).
    public var cue: String?

    /// Whether the mention counts (is not negated).
    public var counts: Bool { !negated }

    /// Creates a mention.
    public init(
        threat: String, priority: Int? = nil, comment: String? = nil,
        origin: Origin = .structured, phrase: String? = nil, line: Int? = nil, column: Int? = nil,
        negated: Bool = false, cue: String? = nil
    ) {
        self.threat = threat
        self.priority = priority
        self.comment = comment
        self.origin = origin
        self.phrase = phrase
        self.line = line
        self.column = column
        self.negated = negated
        self.cue = cue
    }
}
