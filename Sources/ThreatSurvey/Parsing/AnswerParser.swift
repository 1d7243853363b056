/// Turns an ``AnswerFile`` into validated responses for one questionnaire.
///
/// The single entry point for every format, so that `submit`, `submit --dry-run` and
/// `rank --from` read files identically.
public struct AnswerParser: Sendable {
    /// The questionnaire the file answers.
    public var questionnaire: Questionnaire
    /// The delegation given on the command line (required for prose).
    public var delegation: MemberState?

    /// Shared by every parser of the same threats (``ParserTables``).
    private let tables: ParserTables

    /// A parser for `questionnaire`, optionally with the delegation fixed.
    public init(questionnaire: Questionnaire, delegation: MemberState? = nil) {
        self.questionnaire = questionnaire
        self.delegation = delegation
        self.tables = ParserTables.tables(for: questionnaire)
    }

    /// Validates `file` and returns its responses and every diagnostic (warnings included).
    ///
    /// - Throws: ``SurveyError/invalidData(_:)`` listing every problem when any is an error;
    ///   nothing from such a file may be stored.
    public func parse(_ file: AnswerFile) throws(SurveyError) -> (
        responses: [Response], diagnostics: [Diagnostic]
    ) {
        var context = ParseContext(
            questionnaire: questionnaire, delegation: delegation, file: file.name,
            threats: tables.threats, prose: tables.prose)
        if let dialect = file.dialect {
            context.delimiter = dialect.delimiter == 0x09 ? "\t" : dialect.delimiterName
        }
        var diagnostics = file.diagnostics
        var responses: [Response] = []
        switch file.format {
        case .csvLong:
            let result = LongCSVParser(context: context).parse(file.records)
            responses = result.responses
            diagnostics.record(contentsOf: result.diagnostics)
        case .csvMatrix:
            let result = MatrixCSVParser(context: context).parse(file.records)
            responses = result.responses
            diagnostics.record(contentsOf: result.diagnostics)
        case .json:
            guard let root = file.json else { throw .internalError("JSON file without a tree") }
            let result = JSONAnswerParser(context: context).parse(root)
            responses = result.responses
            diagnostics.record(contentsOf: result.diagnostics)
        case .prose:
            guard let delegation else {
                throw .usage(
                    "\(file.name) is prose (written comments); say whose with --delegation MS")
            }
            let text = String(decoding: file.text.utf8, as: UTF8.self)
            let mentions = context.proseMentions(in: text, line: 1, column: 1, into: &diagnostics)
            if mentions.isEmpty {
                diagnostics.record(
                    Diagnostic(
                        file: file.name, severity: .warning,
                        message: "no threat of \(questionnaire.id) was found in this text"))
            } else if !mentions.contains(where: \.counts) {
                diagnostics.record(
                    Diagnostic(
                        file: file.name, severity: .warning,
                        message:
                            "every threat found in this text is in a negated clause; none is counted"
                    ))
            }
            responses = [
                Response(delegation: delegation.code, mentions: mentions, comments: text, line: 1)
            ]
        }
        // A delegation naming every threat most likely sent a template back untouched.
        let everyThreat = Set(questionnaire.threats.map(\.id))
        for response in responses
        where everyThreat.count > 1 && Set(response.threats) == everyThreat {
            diagnostics.record(
                Diagnostic(
                    file: file.name, line: response.line, severity: .warning,
                    message:
                        "\(response.delegation) mentions every threat of \(questionnaire.id) (all "
                        + "\(everyThreat.count)); check that the threats it does not mean were left out"
                ))
        }
        if let source = file.source {
            // Positions in an Office file are named as the officer would look for them.
            for index in diagnostics.indices where diagnostics[index].file == file.name {
                diagnostics[index].place = source.place(
                    line: diagnostics[index].line, column: diagnostics[index].column)
            }
        }
        // Listed in file order, at most Diagnostic.listedPerFile, then "and N more".
        if diagnostics.containsErrors {
            throw .invalidData(diagnostics.listed())
        }
        return (responses, diagnostics.listed())
    }

    /// Orders diagnostics by line, then column; whole-file ones first.
    static func fileOrder(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        (a.line ?? 0, a.column ?? 0) < (b.line ?? 0, b.column ?? 0)
    }
}
