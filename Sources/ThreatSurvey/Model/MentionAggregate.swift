/// Per Member State and threat, the sums a ranking needs: how many answers mention it, the
/// priorities given, Borda points and first places.
///
/// Every ranking is computed from these sums, whether they come from stored submissions
/// (``MentionAggregate/init(questionnaire:current:packSums:)``, in Analysis) or from streaming a million-row file
/// (the fast path): both add answers with `SumsRow/addAnswer(_:)`, the one rule; a
/// differential test and fuzz target check that the two ways give the same ranking.
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
        /// The best (lowest) priority given to each threat, 0 when none was given
        /// (`SumsRow/bestPriority`).
        public var bestPriority: [Int]

        /// Zero sums for `threats` threats.
        public init(threats: Int) {
            answers = 0
            mentions = [Int](repeating: 0, count: threats)
            prioritySum = mentions
            priorityCount = mentions
            borda = [Double](repeating: 0, count: threats)
            firsts = mentions
            bestPriority = mentions
        }

        /// Adds `other` into these sums (saturating: stored sums may hold any value).
        public mutating func add(_ other: StateSums) {
            answers = SumsRow.saturatingAdd(answers, other.answers)
            for t in mentions.indices where t < other.mentions.count {
                mentions[t] = SumsRow.saturatingAdd(mentions[t], other.mentions[t])
                prioritySum[t] = SumsRow.saturatingAdd(prioritySum[t], other.prioritySum[t])
                priorityCount[t] = SumsRow.saturatingAdd(priorityCount[t], other.priorityCount[t])
                borda[t] += other.borda[t]
                firsts[t] = SumsRow.saturatingAdd(firsts[t], other.firsts[t])
                bestPriority[t] = SumsRow.better(bestPriority[t], other.bestPriority[t])
            }
        }

        /// Adds one answer, given as a priority per threat (`SumsRow/notMentioned`,
        /// `SumsRow/noPriority` or the priority): the rule is `SumsRow/addAnswer(_:)`.
        ///
        /// - Complexity: O(T + m²) for T threats, m of them mentioned.
        public mutating func addAnswer(priorities: [Int32]) {
            // The pointers stay inside this call: callers hand an array.
            priorities.withUnsafeBufferPointer { priorities in
                let threats = mentions.count
                mentions.withUnsafeMutableBufferPointer { m in
                    prioritySum.withUnsafeMutableBufferPointer { s in
                        priorityCount.withUnsafeMutableBufferPointer { c in
                            borda.withUnsafeMutableBufferPointer { b in
                                firsts.withUnsafeMutableBufferPointer { f in
                                    bestPriority.withUnsafeMutableBufferPointer { p in
                                        withUnsafeMutablePointer(to: &answers) { a in
                                            guard let m = m.baseAddress, let s = s.baseAddress,
                                                let c = c.baseAddress,
                                                let b = b.baseAddress, let f = f.baseAddress,
                                                let p = p.baseAddress
                                            else {
                                                a.pointee = SumsRow.saturatingAdd(a.pointee, 1)
                                                return
                                            }
                                            SumsRow(
                                                answers: a, mentions: m, prioritySum: s,
                                                priorityCount: c, borda: b, firsts: f,
                                                bestPriority: p, threats: threats
                                            ).addAnswer(priorities)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Priorities above this count as this much in sums and orderings (and below 1 as 1), so
    /// that no stored or parsed value can overflow a sum: 1,000,000, far above any priority a
    /// questionnaire asks for (parsers bound what they accept well below it).
    public static let maximumSummedPriority = 1_000_000

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

extension MentionAggregate.StateSums {
    /// Writes one answer's priorities per threat into `scratch` (`SumsRow/notMentioned`
    /// where it names none): the one reading of an answer's mentions that every sum is
    /// built from, whether the answer was loaded or streamed back from the store.
    ///
    /// - Complexity: O(threats + mentions).
    package static func fill(
        _ scratch: inout [Int32], with mentions: [Mention], index: [String: Int]
    ) {
        for t in scratch.indices { scratch[t] = SumsRow.notMentioned }
        // Negated prose matches are evidence, not mentions (Mention.counts).
        for mention in mentions where mention.counts {
            guard let t = index[mention.threat], t < scratch.count else { continue }
            scratch[t] = SumsRow.merge(scratch[t], mention.priority)
        }
    }
}
