/// How much the ranking depends on the method and on any single Member State.
///
/// Delegates read a ranking as a verdict; before it goes into a Council document the
/// secretariat should see whether the order holds under another counting method, and
/// whether one delegation's answer alone moves a threat.
package struct Robustness: Sendable {
    /// One threat's positions under each method, and who can move it.
    public struct Line: Sendable, Hashable {
        /// The threat id.
        public var id: String
        /// Competition rank by Member State count.
        public var countRank: Int
        /// Competition rank by Borda points.
        public var bordaRank: Int
        /// Rank by mean priority (1 = best), or `nil` when no priority was given.
        public var meanPriorityRank: Int?
        /// Member States whose answer, left out, changes this threat's count rank.
        public var sensitiveTo: [String]
    }

    /// Every threat, in count order.
    public var lines: [Line]

    /// Compares methods and leaves each responding Member State out in turn.
    ///
    /// - Complexity: O(states × threats log threats).
    public init(
        questionnaire: Questionnaire, aggregate: MentionAggregate, options: RankingOptions = .init()
    ) {
        var countOptions = options
        countOptions.method = .count
        var bordaOptions = options
        bordaOptions.method = .borda
        let count = Ranking(
            questionnaire: questionnaire, aggregate: aggregate, options: countOptions)
        let borda = Ranking(
            questionnaire: questionnaire, aggregate: aggregate, options: bordaOptions)
        let bordaRank = Dictionary(uniqueKeysWithValues: borda.threats.map { ($0.id, $0.rank) })
        let prioritised = count.threats.filter { $0.meanPriority != nil }
            .sorted { ($0.meanPriority ?? 0, $0.id) < ($1.meanPriority ?? 0, $1.id) }
        var meanRank: [String: Int] = [:]
        for (i, t) in prioritised.enumerated() {
            if i > 0, prioritised[i - 1].meanPriority == t.meanPriority,
                let previous = meanRank[prioritised[i - 1].id]
            {
                meanRank[t.id] = previous
            } else {
                meanRank[t.id] = i + 1
            }
        }
        let base = Dictionary(uniqueKeysWithValues: count.threats.map { ($0.id, $0.rank) })
        var sensitive: [String: [String]] = [:]
        for state in count.responded {
            var without = aggregate
            without.states[state] = nil
            let ranking = Ranking(
                questionnaire: questionnaire, aggregate: without, options: countOptions)
            for t in ranking.threats where base[t.id] != t.rank {
                sensitive[t.id, default: []].append(state)
            }
        }
        lines = count.threats.map { t in
            Line(
                id: t.id, countRank: t.rank, bordaRank: bordaRank[t.id] ?? 0,
                meanPriorityRank: meanRank[t.id],
                sensitiveTo: sensitive[t.id] ?? [])
        }
    }
}
