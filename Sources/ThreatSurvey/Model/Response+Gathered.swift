extension Response {
    /// The responses a reader gave, with every respondent's answer gathered into one
    /// response per delegation (and cosignatories): what is stored as one submission.
    ///
    /// A reader of a long table gives one response per respondent, as the rows name them;
    /// storing each as a submission of its own cost a row and two index entries per
    /// respondent (186 bytes; a million respondents made a store larger than their CSV).
    /// Gathered, a delegation's respondents are one submission whose answers are kept
    /// packed (`RespondentPack`), whichever reader read the file.
    ///
    /// Responses without a respondent pass through unchanged. A gathered response takes the
    /// position of its delegation's first respondent, its line and its date; its own
    /// mentions, answers and comments are empty (each respondent keeps its own). A
    /// respondent named twice for one delegation keeps both answers, in file order; the
    /// later one counts (``Submission/answers``).
    ///
    /// - Complexity: O(n) for n responses.
    public static func gathered(_ responses: [Response]) -> [Response] {
        var out: [Response] = []
        var slot: [GroupKey: Int] = [:]
        for response in responses {
            // No respondent, or an empty one (a JSON answer may say `"respondent": ""`): a
            // delegation's own answer.
            guard response.respondent?.isEmpty == false, response.respondents.isEmpty else {
                out.append(response)
                continue
            }
            let key = GroupKey(
                delegation: response.delegation, cosignatories: response.cosignatories)
            if let index = slot[key] {
                out[index].respondents.append(response)
                out[index].respondentCount += 1
                continue
            }
            slot[key] = out.count
            var group = Response(
                delegation: response.delegation, cosignatories: response.cosignatories,
                dated: response.dated, line: response.line)
            group.respondents = [response]
            group.respondentCount = 1
            out.append(group)
        }
        for i in out.indices where !out[i].respondents.isEmpty {
            out[i].respondentThreats = out[i].countedRespondentThreats()
        }
        return out
    }

    /// The distinct threats named by the answers of ``respondents`` that count (each
    /// respondent's last), in first-named order.
    func countedRespondentThreats() -> [String] {
        var seen = Set<String>()
        return countedRespondents().flatMap(\.threats).filter { seen.insert($0).inserted }
    }

    /// The answers of ``respondents`` that count: each respondent's last, by line and then as
    /// held — the order `CurrentAnswers` gives the answers of one submission.
    func countedRespondents() -> [Response] {
        var last: [String: Int] = [:]
        for (i, answer) in respondents.enumerated() {
            let key = answer.respondent ?? ""
            if let kept = last[key], respondents[kept].line > answer.line { continue }
            last[key] = i
        }
        return respondents.enumerated().filter { last[$0.element.respondent ?? ""] == $0.offset }
            .map(\.element)
    }

    /// What one gathered response is kept per.
    private struct GroupKey: Hashable {
        var delegation: String
        var cosignatories: [String]
    }
}

extension Response {
    /// The sums of the answers of ``respondents`` over `threats` (the questionnaire's, in
    /// order): one answer per respondent, its last in file order (as ``Submission/answers``
    /// and the current-answer rule choose).
    ///
    /// - Complexity: O(n × T + mentions) for n respondents and T threats.
    public func respondentSums(threats: [String]) -> MentionAggregate.StateSums {
        let index = Dictionary(threats.enumerated().map { ($1, $0) }) { first, _ in first }
        var sums = MentionAggregate.StateSums(threats: threats.count)
        var scratch = [Int32](repeating: SumsRow.notMentioned, count: threats.count)
        for answer in countedRespondents() {
            MentionAggregate.StateSums.fill(&scratch, with: answer.mentions, index: index)
            sums.addAnswer(priorities: scratch)
        }
        return sums
    }
}
