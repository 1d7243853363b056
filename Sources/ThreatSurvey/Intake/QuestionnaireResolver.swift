/// Which questionnaire a command means: the one rule every command uses.
///
/// In order: the one named on the command line (`--questionnaire`; an unknown id is a usage
/// error, exit 64, since the command line is what is wrong); else the one the files name; else
/// the one the store holds answers to; else the only one defined.
public struct QuestionnaireResolver: Sendable {
    /// The questionnaires known.
    public var catalog: QuestionnaireCatalog

    /// A resolver over `catalog`.
    public init(catalog: QuestionnaireCatalog) {
        self.catalog = catalog
    }

    /// The questionnaire `id` names on the command line (either spelling).
    ///
    /// - Throws: ``SurveyError/usage(_:)`` naming the known ones when none matches.
    public func named(_ id: String) throws(SurveyError) -> Questionnaire {
        do {
            return try catalog.find(id)
        } catch {
            if case .notFound(let message) = error { throw .usage(message) }
            throw error
        }
    }

    /// The questionnaire meant, when every source of the rule is known.
    ///
    /// - Parameters:
    ///   - explicit: `--questionnaire`, if given.
    ///   - filesName: the ids the files name (empty when they name none).
    ///   - store: the existing store, if any.
    /// - Returns: the questionnaire meant.
    /// - Throws: ``SurveyError/usage(_:)`` when it is unknown or cannot be told.
    public func resolve(explicit: String?, filesName: [String] = [], store: Store?)
        throws(SurveyError) -> Questionnaire
    {
        if let explicit { return try named(explicit) }
        let named = Set(filesName.map { Questionnaire.canonicalID($0).uppercased() })
        if named.count == 1, let id = named.first { return try catalog.find(id) }
        if named.count > 1 {
            throw .usage(
                "the files answer several questionnaires (\(TerminalText.quotedList(named.sorted()))); "
                    + "submit them separately or pass --questionnaire")
        }
        if let store {
            let inStore = try store.storedQuestionnaires()
            if inStore.count == 1, let id = inStore.first, let q = try? catalog.find(id) {
                return q
            }
        }
        if let only = catalog.only { return only }
        let known = catalog.questionnaires.map(\.id).joined(separator: ", ")
        throw .usage(
            "which questionnaire? pass --questionnaire ID (known: \(known.isEmpty ? "none" : known))"
        )
    }

    /// The questionnaire meant, the files given whole so that an id they name that is not
    /// known is reported where it is written.
    ///
    /// A questionnaire named *in a file* that the catalog does not know is bad data (exit 65,
    /// `FILE:LINE:COLUMN: error: unknown questionnaire …`), not a usage error: the command line
    /// is right, the file is wrong. The `--questionnaire` option still wins over the files.
    ///
    /// - Throws: ``SurveyError/invalidData(_:)`` for unknown ids in the files;
    ///   ``SurveyError/usage(_:)`` as ``resolve(explicit:filesName:store:)``.
    public func resolve(explicit: String?, files: [AnswerFile], store: Store?)
        throws(SurveyError) -> Questionnaire
    {
        if explicit == nil { try checkNamed(in: files) }
        return try resolve(
            explicit: explicit, filesName: files.flatMap(\.namedQuestionnaires), store: store)
    }

    /// Refuses questionnaire ids the files name that the catalog does not know, each once
    /// per file, at its first cell where the file is a table.
    private func checkNamed(in files: [AnswerFile]) throws(SurveyError) {
        var problems: [Diagnostic] = []
        let known = catalog.questionnaires.map(\.id)
        let candidates = known.map { (TextFolding.key($0), $0) }
        for file in files {
            var reported: Set<String> = []
            for id in file.namedQuestionnaires where (try? catalog.find(id)) == nil {
                guard reported.insert(id).inserted else { continue }
                var diagnostic = Diagnostic(
                    file: file.name,
                    message: "unknown questionnaire \"\(TerminalText.clipped(id))\"; known: "
                        + (known.isEmpty ? "none" : known.joined(separator: ", ")),
                    suggestion: EditDistance.suggestion(for: id, among: candidates))
                if file.source == nil, let at = Self.firstCell(holding: id, in: file) {
                    diagnostic.line = at.line
                    diagnostic.column = at.column
                }
                problems.record(diagnostic)
            }
        }
        if !problems.isEmpty { throw .invalidData(problems.listed()) }
    }

    /// Where a text file's questionnaire column first holds `id`.
    private static func firstCell(holding id: String, in file: AnswerFile) -> SourceLocation? {
        guard let header = file.records.first,
            let column = header.fields.firstIndex(where: {
                LongCSVParser.questionnaireColumnNames.contains(TextFolding.key($0))
            }),
            let record = file.records.dropFirst().first(where: { $0[safe: column] == id })
        else { return nil }
        return record.location(ofField: column, in: file.name)
    }

    /// The questionnaire meant before any file is read (for streaming decisions), or `nil` when
    /// only the files could tell.
    public func resolveBeforeReading(explicit: String?, store: Store?) throws(SurveyError)
        -> Questionnaire?
    {
        if let explicit { return try named(explicit) }
        if let only = catalog.only { return only }
        guard let store else { return nil }
        return try? resolve(explicit: nil, store: store)
    }
}
