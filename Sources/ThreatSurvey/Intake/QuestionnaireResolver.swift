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
                "the files answer several questionnaires (\(named.sorted().joined(separator: ", "))); "
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
