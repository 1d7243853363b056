public import Foundation

/// Every figure the report shows, built once (``init(_:)``) and rendered many times: as
/// HTML, Markdown, JSON, or a Word or OpenDocument file (STYLE.md, habit 19).
///
/// A renderer formats these figures and never counts: which answer is current, what a
/// delegation's respondents add up to, who is late, which files count are all decided here, so
/// that every format of one report shows the same numbers.
public struct ReportModel: Sendable {
    /// What the headline says: the questionnaire, the day judged, and who answered.
    public struct Headline: Sendable, Hashable {
        /// The questionnaire's number (`9396/1/15`).
        public var questionnaire: String
        /// Its title.
        public var title: String
        /// Its deadline day.
        public var deadline: CivilDate
        /// The deadline's last instant (the end of its day in ``timeZone``).
        public var deadlineInstant: Date
        /// The questionnaire's zone, in which days are read.
        public var timeZone: TimeZone
        /// The day the report is as of (its end is the cut-off).
        public var today: CivilDate
        /// When the report was made.
        public var generated: Date
        /// Roster Member States.
        public var roster: Int
        /// Roster Member States with a counted answer.
        public var responded: Int
        /// Member States whose first answer came by the deadline.
        public var onTime: Int
        /// Late Member States (``Lateness/Meaning/memberState``).
        public var late: Int
        /// Roster Member States with no answer.
        public var missing: Int
        /// The questionnaire's note, if any.
        public var note: String?
    }

    /// The questionnaire reported on (labels, time zone).
    public var questionnaire: Questionnaire
    /// The headline figures.
    public var headline: Headline
    /// The ranking by Member State count; its `lateAnswers` are the late answers counted
    /// (``Lateness/Meaning/answer``).
    public var ranking: Ranking
    /// The same answers ranked by Borda points (the chart's second column).
    public var borda: Ranking
    /// Late Member States (``Lateness/Meaning/memberState``), protocol order: the summary's
    /// "after the deadline", the same states as the deadline status's late ones.
    public var lateMemberStates: [String]
    /// The Member State × threat heat map.
    public var heatMap: HeatMap
    /// The regional breakdown (its signals).
    public var regions: RegionalBreakdown
    /// Who answered on time, late, or not at all.
    public var deadline: DeadlineCheck
    /// The answers to the questionnaire's questions.
    public var tally: Tally
    /// How much the ranking depends on the method and on any one Member State.
    public var robustness: Robustness
    /// One row per file received by the report's day: what it holds and whether it counts.
    public var provenance: [ProvenanceRow]
}

extension ReportModel {
    /// Member States × threats: per roster state (protocol order) and threat (rank order), what
    /// its counted answers say of the threat.
    public struct HeatMap: Sendable, Hashable {
        /// One cell.
        public enum Cell: Sendable, Hashable {
            /// Not named, or no answer.
            case empty
            /// Named, the best (lowest) priority given being this one.
            case priority(Int)
            /// Named without a priority: in a structured answer (`true`) or only in written
            /// comments (`false`).
            case named(structured: Bool)
        }

        /// Threat ids, in rank order (the columns).
        public var threats: [String]
        /// Roster Member States, in protocol order (the rows).
        public var memberStates: [String]
        /// Per Member State, per threat.
        public var cells: [[Cell]]
    }

    /// One received file in the provenance table: what it holds, whether it counts and why.
    ///
    /// A file is one row whatever its size: per-respondent detail stays in `history` and
    /// `show`, so the report of 60,000 respondents in 28 files has 28 rows, not 60,000.
    public struct ProvenanceRow: Sendable, Hashable {
        /// The file's name as received.
        public var file: String
        /// The numbers of its submissions.
        public var submissions: ClosedRange<Int64>
        /// The delegations it answers for (cosignatories marked `+`), when its answers carry
        /// no respondents.
        public var delegations: [String]
        /// How many respondents it holds, when its answers carry respondents.
        public var respondents: Int?
        /// When it was received.
        public var received: Date
        /// Whether that was by the deadline.
        public var onTime: Bool
        /// How it was read (`csv-long`, `json`, `prose`, …).
        public var format: InputFormat
        /// Its answers (one per delegation, or per respondent).
        public var answers: Int
        /// How many of them count as of the report's day.
        public var counted: Int
        /// SHA-256 of the file, lowercase hex.
        public var checksum: String
        /// Why it counts or not: superseded, off the roster, voided, the officer's decisions.
        public var status: String
    }
}
