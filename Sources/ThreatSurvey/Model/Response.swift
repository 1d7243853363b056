/// One delegation's answer as read from a file, before it is stored.
///
/// A file may hold several (a long CSV with rows for several delegations, a JSON array);
/// each delegation's becomes its own submission. In a consultation with many respondents per
/// Member State, a reader gives one response per respondent (``respondent`` set), and
/// ``gathered(_:)`` makes them one response per delegation holding its respondents' answers
/// (``respondents``): the one stored shape, whichever reader read the file and however large
/// it is. Everything here has been validated against the questionnaire: codes are EU codes,
/// threats are ids.
public struct Response: Sendable, Hashable {
    /// An answer to one of the questionnaire's questions.
    public struct Answer: Sendable, Hashable {
        /// The question id.
        public var question: String
        /// The canonical answer (`yes`, `no`, an option, or text).
        public var value: String
        /// 1-based line in the file.
        public var line: Int?
    }

    /// The EU code of the delegation that sent it.
    public var delegation: String
    /// EU codes of the Member States that signed it jointly, in protocol order.
    public var cosignatories: [String]
    /// The respondent, in consultations with several respondents per Member State: set on
    /// each of ``respondents``' answers (and on a respondent's answer stored on its own by a
    /// threatsurvey before schema 12).
    public var respondent: String?
    /// The answers of the respondents this response gathers, in file order, each with
    /// ``respondent`` set and this response's delegation and cosignatories; empty for a
    /// delegation's own answer (see ``Submission/answers``).
    public var respondents: [Response] = []
    /// How many respondents' answers the stored submission holds, whether or not
    /// ``respondents`` were loaded (figures read their sums instead: `CountedAnswers`).
    public var respondentCount: Int = 0
    /// The threats its respondents' counted answers name (each respondent's last answer in
    /// the file), whether or not ``respondents`` were loaded: what `history` and receipts
    /// count as the threats found.
    public var respondentThreats: [String] = []
    /// The date the delegation wrote on it, if any (not the received time).
    public var dated: CivilDate?
    /// The threats mentioned, structured ones first, in file order.
    public var mentions: [Mention]
    /// The answers to questions.
    public var answers: [Answer]
    /// The written comments, as sent.
    public var comments: String?
    /// 1-based line where this answer starts in the file.
    public var line: Int

    /// Creates a response.
    public init(
        delegation: String, cosignatories: [String] = [], respondent: String? = nil,
        dated: CivilDate? = nil, mentions: [Mention] = [], answers: [Answer] = [],
        comments: String? = nil, line: Int = 1
    ) {
        self.delegation = delegation
        self.cosignatories = cosignatories
        self.respondent = respondent
        self.dated = dated
        self.mentions = mentions
        self.answers = answers
        self.comments = comments
        self.line = line
    }

    /// Every Member State this answer speaks for: the delegation, then its cosignatories.
    public var memberStates: [String] { [delegation] + cosignatories }

    /// The distinct threats mentioned, in first-mention order; negated mentions (kept as
    /// evidence only) do not count.
    public var threats: [String] {
        var seen = Set<String>()
        return mentions.filter(\.counts).map(\.threat).filter { seen.insert($0).inserted }
    }

    /// The priority given to `threat` (the best one if given twice), or `nil`; negated
    /// mentions give none.
    public func priority(of threat: String) -> Int? {
        mentions.filter { $0.threat == threat && $0.counts }.compactMap(\.priority).min()
    }
}
