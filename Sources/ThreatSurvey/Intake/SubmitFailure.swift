/// A refused ``Submitter/submit(_:store:progress:)``: the error, and what had been found to
/// say before it (folder entries left out, which reader took a large file and why).
///
/// A refused submit still tells the officer why a large file took the slow reader; carried
/// with the error so that the command says it before the error, as it would have on success.
public struct SubmitFailure: Error, Sendable {
    /// What was known before the error (no receipts).
    public var said: SubmitOutcome
    /// The error, with its exit code.
    public var error: SurveyError

    /// A failure with what was said so far.
    public init(said: SubmitOutcome, error: SurveyError) {
        self.said = said
        self.error = error
    }
}
