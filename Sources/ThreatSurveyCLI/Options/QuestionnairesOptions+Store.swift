import ThreatSurvey

extension QuestionnairesOptions {
    /// The questionnaires known: the folder's, merged with the definitions `store` keeps
    /// (see ``QuestionnaireCatalog/merging(store:)``).
    ///
    /// With a store, a missing default folder is no error: the store's definitions stand in
    /// (commands work from another folder). A folder named with `--questionnaires` must exist.
    func catalog(with store: Store?) throws(SurveyError) -> QuestionnaireCatalog {
        let disk: QuestionnaireCatalog
        do {
            disk = try catalog()
        } catch {
            guard case .inputMissing = error, let store, questionnaires == "questionnaires" else {
                throw error
            }
            let stored = try QuestionnaireCatalog(questionnaires: []).merging(store: store)
            if stored.questionnaires.isEmpty { throw error }
            return stored
        }
        guard let store else { return disk }
        return try disk.merging(store: store)
    }
}
