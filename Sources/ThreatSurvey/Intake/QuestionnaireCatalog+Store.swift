import Foundation

extension QuestionnaireCatalog {
    /// The catalog with the store's definitions added: a questionnaire the folder does not
    /// define is read from the definition its submissions were validated against, so that
    /// every command works from the store alone.
    ///
    /// A definition in the folder that would hide stored data is refused: a threat id with
    /// stored mentions that the folder's definition no longer has (renamed or removed) would
    /// silently count as zero everywhere.
    ///
    /// - Throws: ``SurveyError/invalidData(_:)`` naming each such threat, the definition file
    ///   and the store; a stored definition that no longer loads.
    /// - Complexity: one pass over the mentions of each questionnaire both define.
    public func merging(store: Store) throws(SurveyError) -> QuestionnaireCatalog {
        var all = questionnaires
        var problems: [Diagnostic] = []
        let stored = try store.latestDefinitions()
        let storedByID = Dictionary(
            uniqueKeysWithValues: stored.map { ($0.questionnaire.uppercased(), $0) })
        for q in questionnaires {
            let mentioned = try store.mentionedThreats(questionnaire: q.id)
            guard !mentioned.isEmpty else { continue }
            let defined = Set(q.threats.map(\.id))
            let place = files[q.id] ?? folder
            let keptAs =
                storedByID[q.id.uppercased()].map {
                    "the store keeps the definition they were validated against (\($0.name), SHA-256 \($0.sha256.prefix(16))…)"
                } ?? "the store holds them"
            for threat in mentioned.sorted() where !defined.contains(threat) {
                let count = try store.mentionCount(questionnaire: q.id, threat: threat)
                problems.append(
                    Diagnostic(
                        file: place,
                        message:
                            "threat \"\(threat)\" of \(q.id) is not defined here, but \(store.path) holds "
                            + "\(count) mention\(count == 1 ? "" : "s") of it; \(keptAs). A renamed or removed "
                            + "threat id would hide them: restore the id in \(place), or move this file aside "
                            + "to use the stored definition"))
            }
        }
        if problems.containsErrors { throw .invalidData(problems) }
        let known = Set(questionnaires.map { $0.id.uppercased() })
        for definition in stored where !known.contains(definition.questionnaire.uppercased()) {
            all.append(
                try Questionnaire.load(
                    bytes: definition.bytes,
                    file: "\(store.path) (stored definition \(definition.name))"))
        }
        var merged = QuestionnaireCatalog(questionnaires: all, folder: folder)
        merged.files = files
        return merged
    }
}

extension Submitter {
    /// Keeps, in `store`, the definition `submissions` were validated against: the file the
    /// catalog read it from, or (when it came from the store) the stored one again.
    ///
    /// A file stored by streaming (millions of answers) keeps the definition without a link
    /// per answer (`submissions` empty): the store still stands alone.
    public func keepDefinition(
        of questionnaire: Questionnaire, for submissions: [Submission], in store: Store
    )
        throws(SurveyError)
    {
        let ids = submissions.map(\.id)
        if let path = catalog.files[questionnaire.id],
            let data = FileManager.default.contents(atPath: path)
        {
            try store.keepDefinition(
                questionnaire: questionnaire.id, name: (path as NSString).lastPathComponent,
                bytes: Array(data),
                for: ids)
        } else if let stored = try store.latestDefinitions().first(where: {
            $0.questionnaire == questionnaire.id
        }) {
            try store.keepDefinition(
                questionnaire: questionnaire.id, name: stored.name, bytes: stored.bytes, for: ids)
        }
    }
}
