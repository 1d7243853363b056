import Foundation

extension StoredSums {
    /// The store's answers to `questionnaire` split into regular submissions and streamed
    /// files' sums, when the two can be added without reading the streamed rows; `nil` when
    /// there is no streamed file, or when a streamed row could supersede another answer
    /// (streamed files with overlapping respondents, a regular submission naming a
    /// respondent): then every submission must be read.
    ///
    /// The same rule ``aggregate(store:questionnaire:options:)`` applies, for the commands
    /// that need more than sums (`tally`, `report`).
    ///
    /// - Parameters:
    ///   - store: the store to read.
    ///   - questionnaire: the questionnaire whose answers are split.
    ///   - sharedRespondents: take streamed files that share respondents too, for a caller
    ///     that asks only who answered (`tally`): a later answer of a respondent replaces one
    ///     of the same Member State, so the states that answered do not change. Their sums
    ///     are then not the current answers' (the report needs those: it passes `false`).
    /// - Returns: the regular submissions and the streamed files' sums, or `nil`.
    /// - Throws: ``SurveyError`` when the store cannot be read.
    /// - Complexity: O(regular submissions + streamed files × log + their sums' rows).
    public static func separable(
        store: Store, questionnaire: Questionnaire, sharedRespondents: Bool = false
    ) throws(SurveyError) -> (regular: [Submission], files: [StreamedFileSums])? {
        let files = try store.streamedSums(questionnaire: questionnaire)
        guard !files.isEmpty else { return nil }
        if !sharedRespondents, StoredSums.overlap(files) { return nil }
        let regular = try store.submissions(
            questionnaire: questionnaire.id, excludingStreamed: true)
        guard regular.allSatisfy({ $0.response.respondent == nil }) else { return nil }
        return (regular, files)
    }

    /// One answerless submission per Member State of each streamed file.
    ///
    /// Each is received when the file was: what `tally` and the deadline check need of a file
    /// (who answered, when) without its rows. Ids are negative and respondents private to each file, so a
    /// placeholder supersedes nothing.
    ///
    /// - Complexity: O(files × Member States).
    public static func placeholders(for files: [StreamedFileSums], questionnaire: Questionnaire)
        -> [Submission]
    {
        var out: [Submission] = []
        var id: Int64 = 0
        for (index, file) in files.enumerated() {
            for state in MemberState.sortedByProtocol(file.aggregate.states.keys) {
                id -= 1
                out.append(
                    Submission(
                        id: id, questionnaire: questionnaire.id, received: file.received,
                        sourceFile: "", format: .csvLong, encoding: "", delimiter: nil,
                        checksum: "",
                        fileID: 0,
                        response: Response(
                            delegation: state, respondent: "\u{1F}streamed file \(index)"),
                        warnings: []))
            }
        }
        return out
    }
}
