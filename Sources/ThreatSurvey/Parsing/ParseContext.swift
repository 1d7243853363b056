/// What every answer parser needs to know: the questionnaire and how to resolve names.
struct ParseContext: Sendable {
    var questionnaire: Questionnaire
    var threats: ThreatResolver
    var states: MemberStateResolver
    var prose: ProseMatcher
    /// The delegation given with `--delegation`, which the file must not contradict.
    var delegation: MemberState?
    var file: String

    /// Suggestions are computed for the first problems of a file only: every problem is
    /// still reported, but a file of garbage cannot make the tool compute millions of edit
    /// distances.
    static let suggestionLimit = 100

    /// The roster, computed once per file rather than once per row.
    var roster: Set<String>

    init(
        questionnaire: Questionnaire, delegation: MemberState?, file: String, threats: ThreatResolver,
        prose: ProseMatcher
    ) {
        self.questionnaire = questionnaire
        self.threats = threats
        self.states = MemberStateResolver.shared
        self.prose = prose
        self.delegation = delegation
        self.file = file
        self.roster = Set(questionnaire.roster)
    }

    func error(_ line: Int?, _ column: Int?, _ message: String, suggestion: String? = nil) -> Diagnostic {
        Diagnostic(file: file, line: line, column: column, message: message, suggestion: suggestion)
    }

    func warning(_ line: Int?, _ column: Int?, _ message: String) -> Diagnostic {
        Diagnostic(file: file, line: line, column: column, severity: .warning, message: message)
    }

    /// Resolves a Member State name, or records an error with a suggestion.
    func memberState(
        _ text: String, line: Int?, column: Int?, role: String, into diagnostics: inout [Diagnostic]
    ) -> MemberState? {
        let trimmed = text.trimmingWhitespace()
        if trimmed.isEmpty {
            diagnostics.record(error(line, column, "missing \(role)"))
            return nil
        }
        guard let state = states.resolve(trimmed) else {
            diagnostics.record(
                error(
                    line, column, "unknown Member State \"\(TerminalText.clipped(trimmed))\"",
                    suggestion: diagnostics.count < Self.suggestionLimit ? states.suggestion(for: trimmed) : nil))
            return nil
        }
        if !roster.contains(state.code) {
            diagnostics.record(
                warning(
                    line, column,
                    "\(state.code) (\(state.englishName)) is not on the roster of "
                        + "\(questionnaire.id); its answer is kept but not counted"))
        }
        return state
    }

    /// Resolves a threat name, or records an error with a suggestion.
    func threat(_ text: String, line: Int?, column: Int?, into diagnostics: inout [Diagnostic]) -> String? {
        let trimmed = text.trimmingWhitespace()
        guard let id = threats.resolve(trimmed) else {
            diagnostics.record(
                error(
                    line, column, "unknown threat \"\(TerminalText.clipped(trimmed))\" in \(questionnaire.id)",
                    suggestion: diagnostics.count < Self.suggestionLimit ? threats.suggestion(for: trimmed) : nil))
            return nil
        }
        return id
    }

    /// Parses a priority (plain digits, 1 through ``Priority/maximum``), or records an error
    /// with the plain spelling as a suggestion when there is one (`+3`, `1.0`, `1e3`).
    func priority(_ text: String, line: Int?, column: Int?, into diagnostics: inout [Diagnostic]) -> Int? {
        let trimmed = text.trimmingWhitespace()
        if trimmed.isEmpty { return nil }
        switch Priority.parse(trimmed) {
        case .success(let value):
            return value
        case .failure(let problem):
            var suggestion: String?
            if case .notDigits(let plain) = problem { suggestion = plain }
            diagnostics.record(
                error(line, column, Priority.message(TerminalText.clipped(trimmed), problem), suggestion: suggestion))
            return nil
        }
    }

    /// Checks that a questionnaire named in the file is the one being answered.
    func checkQuestionnaire(_ text: String, line: Int?, column: Int?, into diagnostics: inout [Diagnostic]) {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else { return }
        if Questionnaire.canonicalID(trimmed).uppercased() != questionnaire.id.uppercased() {
            diagnostics.record(
                error(
                    line, column,
                    "this row answers questionnaire \"\(trimmed)\", not \(questionnaire.id)"))
        }
    }

    /// Validates an answer to a question, or records an error.
    func answer(
        question text: String, value: String, line: Int?, column: Int?,
        into diagnostics: inout [Diagnostic]
    ) -> Response.Answer? {
        let key = text.trimmingWhitespace()
        guard let question = questionnaire.question(key) else {
            let ids = questionnaire.questions.map(\.id)
            diagnostics.record(
                error(
                    line, column,
                    "unknown question \"\(key)\" in \(questionnaire.id)"
                        + (ids.isEmpty ? " (it has no questions)" : ""),
                    suggestion: EditDistance.suggestion(
                        for: key, among: ids.map { (TextFolding.key($0), $0) })))
            return nil
        }
        guard let normalized = question.normalize(value) else {
            let valid = question.validAnswers.map { "\"\($0)\"" }.joined(separator: ", ")
            diagnostics.record(
                error(
                    line, column,
                    "answer \"\(value)\" to \"\(question.id)\" is not one of \(valid)",
                    suggestion: EditDistance.suggestion(
                        for: value, among: question.validAnswers.map { (TextFolding.key($0), $0) })))
            return nil
        }
        return Response.Answer(question: question.id, value: normalized, line: line)
    }
}
