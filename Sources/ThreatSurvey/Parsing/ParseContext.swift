/// What every answer parser needs to know: the questionnaire and how to resolve names.
struct ParseContext: Sendable {
    var questionnaire: Questionnaire
    var threats: ThreatResolver
    var states: MemberStateResolver
    var prose: ProseMatcher
    /// The delegation given with `--delegation`, which the file must not contradict.
    var delegation: MemberState?
    var file: String
    /// The CSV delimiter as written (for the hint to quote a field that holds it).
    var delimiter: String = ","

    /// Suggestions are computed for the first problems of a file only: every problem is
    /// still reported, but a file of garbage cannot make the tool compute millions of edit
    /// distances.
    static let suggestionLimit = 100

    /// The roster, computed once per file rather than once per row.
    var roster: Set<String>

    init(
        questionnaire: Questionnaire, delegation: MemberState?, file: String,
        threats: ThreatResolver,
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

    func error(_ line: Int?, _ column: Int?, _ message: String, suggestion: String? = nil)
        -> Diagnostic
    {
        Diagnostic(file: file, line: line, column: column, message: message, suggestion: suggestion)
    }

    func warning(_ line: Int?, _ column: Int?, _ message: String, suggestion: String? = nil)
        -> Diagnostic
    {
        Diagnostic(
            file: file, line: line, column: column, severity: .warning, message: message,
            suggestion: suggestion)
    }

    /// The threats found in written comments, each read for negation and priority; numbers
    /// that could not be priorities become warnings, repeats listed once notes.
    func proseMentions(
        in text: String, line: Int, column: Int, into diagnostics: inout [Diagnostic]
    ) -> [Mention] {
        let reading = prose.read(text, firstLine: line, firstColumn: column)
        for note in reading.notes {
            diagnostics.record(
                note.isWarning
                    ? warning(note.line, note.column, note.message)
                    : Diagnostic(
                        file: file, line: note.line, column: note.column, severity: .note,
                        message: note.message))
        }
        return reading.mentions
    }

    /// Records an error for a row with more non-empty cells than the header has columns.
    ///
    /// Such a row has a field holding the delimiter that was not quoted. Nothing is dropped
    /// silently; the hint shows the last column's field quoted as it was probably meant.
    ///
    /// Empty trailing cells (Excel's habit) are not extra.
    ///
    /// - Complexity: O(cells of the row).
    func checkExtraCells(
        _ record: CSVRecord, header: CSVRecord, into diagnostics: inout [Diagnostic]
    ) {
        let width = header.fields.count
        guard record.fields.count > width else { return }
        let extra = record.fields[width...]
        guard let firstFilled = extra.firstIndex(where: { !$0.trimmingWhitespace().isEmpty }) else {
            return
        }
        let at = record.location(ofField: firstFilled, in: file)
        let lastFilled = extra.lastIndex(where: { !$0.trimmingWhitespace().isEmpty }) ?? firstFilled
        let meant = record.fields[(width - 1)...lastFilled].joined(separator: delimiter)
        let quoted = "\"" + meant.replacing("\"", with: "\"\"") + "\""
        let hint = quoted.count <= 200 ? ", as in " + quoted : ""
        diagnostics.record(
            error(
                at.line, at.column,
                "row has \(lastFilled + 1) cells but the header has \(width) columns, so "
                    + "\"\(record.fields[firstFilled])\" would be lost; put a field that holds "
                    + "\"\(delimiter)\" in double quotes\(hint)"))
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
                    suggestion: diagnostics.count < Self.suggestionLimit
                        ? states.suggestion(for: trimmed) : nil))
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
    func threat(_ text: String, line: Int?, column: Int?, into diagnostics: inout [Diagnostic])
        -> String?
    {
        let trimmed = text.trimmingWhitespace()
        guard let id = threats.resolve(trimmed) else {
            diagnostics.record(
                error(
                    line, column,
                    "unknown threat \"\(TerminalText.clipped(trimmed))\" in \(questionnaire.id)",
                    suggestion: diagnostics.count < Self.suggestionLimit
                        ? threats.suggestion(for: trimmed) : nil))
            return nil
        }
        return id
    }

    /// Parses a priority (plain digits, 1 through ``Priority/maximum``), or records an error
    /// with the plain spelling as a suggestion when there is one (`+3`, `1.0`, `1e3`).
    func priority(_ text: String, line: Int?, column: Int?, into diagnostics: inout [Diagnostic])
        -> Int?
    {
        let trimmed = text.trimmingWhitespace()
        if trimmed.isEmpty { return nil }
        switch Priority.parse(trimmed) {
        case .success(let value):
            return value
        case .failure(let problem):
            var suggestion: String?
            if case .notDigits(let plain) = problem { suggestion = plain }
            diagnostics.record(
                error(
                    line, column, Priority.message(TerminalText.clipped(trimmed), problem),
                    suggestion: suggestion))
            return nil
        }
    }

    /// Checks that a questionnaire named in the file is the one being answered.
    func checkQuestionnaire(
        _ text: String, line: Int?, column: Int?, into diagnostics: inout [Diagnostic]
    ) {
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
                        for: value, among: question.validAnswers.map { (TextFolding.key($0), $0) }))
            )
            return nil
        }
        return Response.Answer(question: question.id, value: normalized, line: line)
    }
}
