/// What one `submit` did, and everything it has to tell the officer: the result of
/// ``Submitter/submit(_:store:progress:)``, which a command only renders.
///
/// Kept as data, not text, so that the library decides what happened (which reader took a
/// file, what was stored, what failed) and the command decides only how it looks (table or
/// JSON, standard output or error).
public struct SubmitOutcome: Sendable {
    /// One file `--each` refused, with why.
    public struct FileFailure: Sendable {
        /// The file, as expanded from the command line.
        public var path: String
        /// Why nothing was stored from it.
        public var error: SurveyError
    }

    /// Folder entries left out because they are not regular files (said first, as a warning:
    /// ``Submitter/skippedWarning(_:)``).
    public var skipped: [Submitter.SkippedEntry] = []
    /// Which reader took each large CSV or TSV file or mail attachment, and why: said as a
    /// `note:` before the receipts, and in the receipt.
    public var routes: [SubmitRoute] = []
    /// Notes about the request as a whole, such as `--contacts` given with no mail to use it on.
    public var notes: [String] = []
    /// The receipts of the general reader, in file order.
    public var receipts: [Receipt] = []
    /// The receipts of the files stored by streaming (then ``receipts`` is empty).
    public var streamed: [StreamedReceipt] = []
    /// Warnings about the request that no receipt carries: a streamed receipt has no warning
    /// list, so a received time before the questionnaire was issued is said here.
    public var warnings: [String] = []
    /// `--each`: the files refused, in order (the others are stored).
    public var failures: [FileFailure] = []
    /// How many files were submitted, folders expanded.
    public var fileCount = 0
    /// Whether this was a dry run (nothing stored).
    public var dryRun = false

    /// Whether the files were stored by streaming.
    public var isStreamed: Bool { !streamed.isEmpty }

    /// Submissions this submit stored (or, in a dry run, validated): only what it wrote.
    public var newlyStored: Int { receipts.filter { !$0.alreadyStored }.count }

    /// Submissions whose same bytes were already stored, and not stored again.
    public var alreadyStored: Int { receipts.count - newlyStored }
}
