/// A Member State and a respondent (`""` for none): what one current answer is kept per.
public struct SubmissionKey: Sendable, Hashable {
    /// The Member State's code.
    public var memberState: String
    /// The respondent, `""` for none.
    public var respondent: String

    /// A key.
    public init(memberState: String, respondent: String) {
        self.memberState = memberState
        self.respondent = respondent
    }
}
