/// Which reader took a large file in `submit`, and why: the fast reader (streamed into the
/// store), or the general reader, with the reason it had to.
///
/// Files of at least ``StreamingSubmitter/threshold`` bytes that are CSV or TSV are meant for
/// the fast reader; when one is read by the general reader instead (about 1 MB/s, with its
/// whole file in memory), the receipt and a `note:` say why, in a sentence the officer can act
/// on (issue 18). A large CSV or TSV attached to a mail is read whole with its mail, and its
/// route says so (``Reason/mailAttachment``). Smaller files and other formats always take the
/// general reader and carry no route.
public struct SubmitRoute: Sendable, Hashable, CustomStringConvertible {
    /// The reader that took the file.
    public enum Path: String, Sendable, Hashable {
        /// The fast reader: streamed into the store, memory flat.
        case fast
        /// The general reader: the whole file read and validated with every rule.
        case general
    }

    /// Why a large CSV or TSV file was read by the general reader.
    public enum Reason: Sendable, Hashable, CustomStringConvertible {
        /// The fast reader read the file and declined it.
        case declined(FastPathDecline)
        /// Another file of the same submit was declined, and one submit stores every file or
        /// none, so all were read by the general reader (the declined file's name is given).
        case withDeclinedFile(String)
        /// The submit also holds smaller files, other formats or mails.
        case mixedWithOtherFiles
        /// `--delegation` was given: the fast reader takes delegations from the file.
        case delegationGiven
        /// The questionnaire could not be known before reading (no `--questionnaire`, several
        /// defined, none in the store).
        case questionnaireNotKnown
        /// `--each`: every file is read and stored on its own by the general reader.
        case eachOnItsOwn
        /// A dry run reads every file with the general reader; stored, this one would be
        /// streamed.
        case dryRun
        /// The file is an attachment of a mail: a mail is read whole, and the fast reader
        /// streams files on disk only.
        case mailAttachment

        /// The reason, with what would let the fast reader take the file.
        public var description: String {
            switch self {
            case .declined(let decline):
                return decline.description
            case .withDeclinedFile(let name):
                return "it was submitted with \(name), which the fast reader declines, and one "
                    + "submit stores every file or none; submit it on its own to stream it"
            case .mixedWithOtherFiles:
                return "it was submitted with smaller files, other formats or mails, which the "
                    + "general reader reads; submit large CSV files on their own to stream them"
            case .delegationGiven:
                return "--delegation was given, and the fast reader takes delegations from the "
                    + "file; leave --delegation out to stream it"
            case .questionnaireNotKnown:
                return "the questionnaire is not known before reading (several are defined and "
                    + "the store holds none); give --questionnaire to stream it"
            case .eachOnItsOwn:
                return "--each reads every file on its own with the general reader; leave "
                    + "--each out to stream it"
            case .dryRun:
                return "a dry run reads every file with the general reader; stored, this file "
                    + "will be streamed by the fast reader"
            case .mailAttachment:
                return "it is an attachment of a mail, which is read whole (the fast reader "
                    + "streams files on disk only); save it and submit it on its own to stream it"
            }
        }

        /// A short name for the reason, for scripts reading the JSON receipt.
        public var code: String {
            switch self {
            case .declined: return "declined"
            case .withDeclinedFile: return "withDeclinedFile"
            case .mixedWithOtherFiles: return "mixedWithOtherFiles"
            case .delegationGiven: return "delegationGiven"
            case .questionnaireNotKnown: return "questionnaireNotKnown"
            case .eachOnItsOwn: return "each"
            case .dryRun: return "dryRun"
            case .mailAttachment: return "mailAttachment"
            }
        }
    }

    /// The file, as named on the command line.
    public var file: String
    /// The reader that took it.
    public var path: Path
    /// Why the general reader took it (`nil` for the fast reader).
    public var reason: Reason?
    /// Whether this was a dry run (nothing stored).
    public var dryRun: Bool

    /// A route for `file`.
    public init(file: String, path: Path, reason: Reason? = nil, dryRun: Bool = false) {
        self.file = file
        self.path = path
        self.reason = reason
        self.dryRun = dryRun
    }

    /// The sentence for the receipt and the `note:`.
    ///
    /// For example `big.csv: read by the general reader (about 1 MB/s): the column
    /// "cosignatories" is not one the fast reader knows …; it is stored the same way`.
    public var description: String {
        switch path {
        case .fast:
            return "\(file): streamed by the fast reader (about 100 MB/s, memory flat)"
        case .general:
            let why = reason.map { ": \($0)" } ?? ""
            guard dryRun else {
                return "\(file): read by the general reader (about 1 MB/s)\(why); it is stored "
                    + "the same way"
            }
            if reason == .dryRun { return "\(file): read by the general reader\(why)" }
            return "\(file): read by the general reader (dry run); stored, it would be read by it "
                + "too (about 1 MB/s)\(why)"
        }
    }
}
