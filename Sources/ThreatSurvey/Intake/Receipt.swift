/// What `submit` tells the officer about one stored submission.
///
/// A receipt is the officer's evidence that a delegation's answer was read as meant: every
/// threat with the line or phrase that produced it, every warning, and which earlier
/// answers it replaced.
public struct Receipt: Sendable {
    /// A Member State whose current answer this submission changed, or did not.
    public struct Replacement: Sendable, Hashable {
        /// The Member State.
        public var memberState: String
        /// The other submission involved.
        public var other: Submission
        /// How many respondents' answers are involved, where answers carry respondents.
        public var respondents: Int? = nil
    }

    /// The submission (id 0 in a dry run).
    public var submission: Submission
    /// The questionnaire it answers.
    public var questionnaire: Questionnaire
    /// Earlier answers this one replaces as current.
    public var supersedes: [Replacement]
    /// Later answers that stay current: this one was received before them.
    public var olderThan: [Replacement]
    /// Warnings from reading the file.
    public var warnings: [Diagnostic]
    /// Whether the received time was a date alone (12:00 assumed).
    public var receivedAssumedNoon: Bool
    /// Whether the received time defaulted to now.
    public var receivedIsNow: Bool
    /// Whether nothing was stored.
    public var dryRun: Bool
    /// Whether the same bytes were already stored for this delegation and questionnaire:
    /// ``submission`` is then the stored one, and nothing new was stored (`submit --again`
    /// stores them anyway).
    public var alreadyStored = false
    /// For an answer already stored: the file (or `mail » attachment`) given this time, which
    /// may differ from the stored one's (an attachment saved out of a stored mail, the same
    /// file under another name); `nil` when it is the stored file itself.
    public var submittedFile: String? = nil

    /// What the received line adds: why a forwarded answer counts at the forwarded
    /// message's Date.
    public var receivedNote: String? = nil

    /// Whether the submission arrived after the deadline.
    public var isLate: Bool { !questionnaire.isOnTime(submission.received) }
}
