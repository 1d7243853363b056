public import Foundation

/// A questionnaire or call for written comments sent to delegations, with its threats.
///
/// Everything the tool computes is relative to one questionnaire: which threats exist,
/// who is expected to answer (the roster on the deadline), and when the deadline falls in
/// the questionnaire's own time zone. Defined in `questionnaires/<number-with-dashes>.json`
/// (<doc:QuestionnaireDefinitions>).
public struct Questionnaire: Sendable, Identifiable {
    /// Who is expected to answer.
    public enum RosterRule: Sendable, Hashable {
        /// The EU membership on the deadline day.
        case eu
        /// An explicit list of EU codes.
        case explicit([String])
    }

    /// The Council document number, `9396/1/15`.
    public var id: String
    /// The title.
    public var title: String
    /// The day it was sent.
    public var issued: CivilDate
    /// The last day answers count as on time.
    public var deadline: CivilDate
    /// The zone the deadline day is in (default Europe/Brussels).
    public var timeZone: TimeZone
    /// Who is expected to answer.
    public var rosterRule: RosterRule
    /// The threats, in the questionnaire's order.
    public var threats: [Threat]
    /// The questions, possibly none.
    public var questions: [Question]
    /// A remark shown with the questionnaire (for example, that it is a reconstruction).
    public var note: String?
    /// The Working Party the answers go to (`"workingParty"`, optional): the "To:" line of the
    /// documents drawn from it (CONTRACT.md, "Council documents").
    public var workingParty: String?
    /// The number of the Action Plan being prepared (`"plan"`, optional: `8` for the 8th), so
    /// that `plan` numbers its actions `8.1`, `8.2` as the Working Party does.
    public var plan: Int?

    /// Creates a questionnaire.
    public init(
        id: String, title: String, issued: CivilDate, deadline: CivilDate,
        timeZone: TimeZone, rosterRule: RosterRule = .eu, threats: [Threat],
        questions: [Question] = [], note: String? = nil
    ) {
        self.id = id
        self.title = title
        self.issued = issued
        self.deadline = deadline
        self.timeZone = timeZone
        self.rosterRule = rosterRule
        self.threats = threats
        self.questions = questions
        self.note = note
    }

    /// The Member States expected to answer, EU codes in protocol order.
    public var roster: [String] {
        switch rosterRule {
        case .eu: return MemberState.roster(on: deadline).map(\.code)
        case .explicit(let codes): return MemberState.sortedByProtocol(codes)
        }
    }

    /// The deadline's last second in the questionnaire's zone (`2015-09-07T23:59:59+02:00`).
    public var deadlineInstant: Date { deadline.endOfDay(in: timeZone) }

    /// The first instant that is late.
    ///
    /// It is the start of the day after the deadline, in the questionnaire's zone. The one
    /// on-time rule: an answer is on time when received before
    /// it (``isOnTime(_:)``), and `--on-time-only` counts the answers received before it.
    public var onTimeCutoff: Date { deadline.next.start(in: timeZone) }

    /// Whether an answer received at `date` is on time (before ``onTimeCutoff``).
    public func isOnTime(_ date: Date) -> Bool {
        date < onTimeCutoff
    }

    /// The roster Member States that are late.
    ///
    /// They are those whose answer, as `latest` gives it (`nil`: none), was received after the
    /// deadline. The one "which answers are late" rule, whichever answer a figure judges (the
    /// counted one for a ranking's note, the first one for the deadline check, ``Lateness``)
    /// and however it is found.
    ///
    /// - Complexity: O(r) calls of `latest` for r roster states.
    public func lateStates(latest: (String) -> Date?) -> [String] {
        roster.filter { state in latest(state).map { !isOnTime($0) } ?? false }
    }

    /// The file name stem, `9396-1-15`.
    public var fileStem: String { Questionnaire.fileStem(of: id) }

    /// The threat with this id.
    public func threat(_ id: String) -> Threat? { threats.first { $0.id == id } }

    /// The question with this id.
    public func question(_ id: String) -> Question? { questions.first { $0.id == id } }

    /// `9396/1/15` for either spelling (`9396-1-15`), so the CLI accepts both.
    public static func canonicalID(_ text: String) -> String {
        text.trimmingWhitespace().split(separator: "-").joined(separator: "/")
    }

    /// `9396-1-15` for either spelling.
    public static func fileStem(of id: String) -> String {
        canonicalID(id).split(separator: "/").joined(separator: "-")
    }
}
