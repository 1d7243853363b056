/// What the user asked `submit` to do: the input of ``Submitter/submit(_:store:progress:)``,
/// whose rules between options ``Submitter/validate(_:)`` checks before any file is read.
public struct SubmitRequest: Sendable {
    /// The files, as named on the command line.
    public var paths: [String]
    /// `--questionnaire`, in either spelling.
    public var questionnaire: String?
    /// `--delegation`, as written.
    public var delegation: String?
    /// `--received`, parsed; `nil` means now.
    public var received: DateTimeInput?
    /// `--dry-run`: validate and report, store nothing.
    public var dryRun: Bool
    /// `--contacts FILE`: delegations' addresses, deciding whose a mail is from its sender.
    public var contacts: String? = nil
    /// `--again`: store a file even when the same bytes are already stored for the same
    /// delegation and questionnaire.
    public var again = false
    /// `--each`: every file (a mail with all its parts) read and stored on its own; the
    /// failed ones are listed in ``SubmitOutcome/failures`` instead of refusing the others.
    public var each = false

    /// Creates a request.
    public init(
        paths: [String], questionnaire: String? = nil, delegation: String? = nil,
        received: DateTimeInput? = nil, dryRun: Bool = false
    ) {
        self.paths = paths
        self.questionnaire = questionnaire
        self.delegation = delegation
        self.received = received
        self.dryRun = dryRun
    }
}
