/// Per Member State and threat, the sums a ranking needs: how many answers mention it, the
/// priorities given, Borda points and first places.
///
/// Every ranking is computed from these sums, whether they come from stored submissions
/// (``MentionAggregate/init(questionnaire:current:)``, in Analysis) or from streaming a million-row file
/// (``LongCSVAggregator``): one rule, two ways to feed it, the same numbers.
public struct MentionAggregate: Sendable {
    /// One Member State's sums; arrays are indexed like the questionnaire's threats.
    public struct StateSums: Sendable, Hashable {
        /// Current answers (one per respondent, or one) of this state.
        public var answers: Int
        /// Answers mentioning each threat.
        public var mentions: [Int]
        /// Sum of the priorities given to each threat.
        public var prioritySum: [Int]
        /// Answers giving each threat a priority.
        public var priorityCount: [Int]
        /// Borda points of each threat.
        public var borda: [Double]
        /// Answers putting each threat first.
        public var firsts: [Int]

        /// Zero sums for `threats` threats.
        public init(threats: Int) {
            answers = 0
            mentions = [Int](repeating: 0, count: threats)
            prioritySum = mentions
            priorityCount = mentions
            borda = [Double](repeating: 0, count: threats)
            firsts = mentions
        }

        /// Adds `other` into these sums.
        public mutating func add(_ other: StateSums) {
            answers += other.answers
            for t in mentions.indices {
                mentions[t] += other.mentions[t]
                prioritySum[t] += other.prioritySum[t]
                priorityCount[t] += other.priorityCount[t]
                borda[t] += other.borda[t]
                firsts[t] += other.firsts[t]
            }
        }

        /// Adds one answer: its threats (indices) with their priorities.
        ///
        /// Borda: threats ordered by priority, unprioritised ones after and tied among
        /// themselves, tied items sharing the average position; position p earns
        /// `total − p` points (CONTRACT.md, "Ranking rules").
        public mutating func addAnswer(_ threats: [(index: Int, priority: Int?)], total: Int) {
            answers += 1
            var best = Int.max
            for (t, p) in threats {
                mentions[t] += 1
                if let p {
                    prioritySum[t] += p
                    priorityCount[t] += 1
                    best = min(best, p)
                }
            }
            if best != Int.max {
                for (t, p) in threats where p == best { firsts[t] += 1 }
            }
            let keyed = threats.sorted { ($0.priority ?? Int.max) < ($1.priority ?? Int.max) }
            var start = 0
            while start < keyed.count {
                var end = start
                let key = keyed[start].priority ?? Int.max
                while end + 1 < keyed.count, (keyed[end + 1].priority ?? Int.max) == key {
                    end += 1
                }
                let position = Double(start + end + 2) / 2
                for i in start...end { borda[keyed[i].index] += Double(total) - position }
                start = end + 1
            }
        }
    }

    /// The questionnaire's threat ids, in its order.
    public var threats: [String]
    /// Sums per Member State (EU code).
    public var states: [String: StateSums]
    /// Whether answers carry respondents.
    public var carriesRespondents: Bool

    /// Empty sums for `threats`.
    public init(threats: [String], carriesRespondents: Bool = false) {
        self.threats = threats
        self.states = [:]
        self.carriesRespondents = carriesRespondents
    }
}
