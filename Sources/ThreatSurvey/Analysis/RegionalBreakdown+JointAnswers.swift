extension RegionalBreakdown {
    /// Marks the signals that rest on one joint answer.
    ///
    /// A signal rests on one joint answer when every state of the region that mentions the
    /// threat does so through the same current submission (a delegation and its
    /// cosignatories). Such a signal is one text, not several states' independent views, and
    /// the reader is told so (the rules leave it to the officer to weigh).
    ///
    /// - Parameter current: the current answers.
    /// - Complexity: O(r × s × k) for r regions, s signals and k mentioning states.
    public mutating func markJointAnswers(
        _ current: CurrentAnswers
    ) {
        for r in regions.indices {
            let inside = Set(regions[r].responded)
            for s in regions[r].signals.indices {
                let id = regions[r].signals[s].id
                guard let line = overall.threats.first(where: { $0.id == id }) else { continue }
                let states = line.mentionedBy.filter(inside.contains)
                guard states.count >= 2 else { continue }
                let sources = Set(states.compactMap { current.byState[$0]?.map(\.id) ?? nil })
                guard sources.count == 1, let only = states.first.flatMap({ current.byState[$0] }),
                    only.count == 1,
                    only[0].memberStates.count > 1
                else { continue }
                regions[r].signals[s].restsOnOneJointAnswer = true
                regions[r].signals[s].jointAnswer = only[0].id
            }
        }
    }
}
