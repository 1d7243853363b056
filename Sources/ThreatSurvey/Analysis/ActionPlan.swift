/// A draft of the next Action Plan from the replies (CONTRACT.md, `plan`): fewer actions, the
/// threats most Member States name, and "regionalised" actions where a threat matters to one
/// region only.
///
/// Every figure comes from the ``Ranking`` and ``RegionalBreakdown`` that `rank` and `regions`
/// print; the plan only chooses among their lines. Leads come from the counted answers
/// (``CurrentAnswers``), the one reading of who said what.
public struct ActionPlan: Sendable {
    /// How the plan is drawn (`plan`'s options).
    public struct Options: Sendable, Hashable {
        /// EU-wide actions need at least this share of the replying Member States.
        public var minShare: Double
        /// EU-wide actions keep the threats ranked at most this (ties at the cut all kept).
        public var maxActions: Int
        /// The plan's number (`8` numbers actions `8.1`, `8.2`); `nil`: the questionnaire's
        /// `plan`, else 1.
        public var number: Int?

        /// The contract's defaults: a half, ten actions.
        public init(minShare: Double = 0.5, maxActions: Int = 10, number: Int? = nil) {
            self.minShare = minShare
            self.maxActions = maxActions
            self.number = number
        }
    }

    /// One proposed action.
    public struct Action: Sendable, Hashable {
        /// EU-wide, or for one region.
        public enum Scope: String, Sendable, Hashable {
            case eu
            case regional
        }

        /// `8.1`.
        public var number: String
        /// The threat id.
        public var threat: String
        /// The threat's title.
        public var title: String
        /// EU-wide or regional.
        public var scope: Scope
        /// The region, for a regional action.
        public var region: Grouping.Region?
        /// The regional signal it answers (with its p-value), for a regional action.
        public var signal: RegionalBreakdown.Signal?
        /// The participants' count.
        public var memberStates: Int
        /// Of how many replying Member States (all, or the region's).
        public var replied: Int
        /// Mean priority given by the participants (the ranking's), or `nil`.
        public var meanPriority: Double?
        /// Member States (or respondents) putting it first (the ranking's).
        public var firstPreferences: Int
        /// Proposed leads: priority 1, else the best priority given; none: to be decided.
        public var leads: [String]
        /// Every Member State mentioning it (for a regional action, those of the region).
        public var participants: [String]
        /// Other fora to coordinate with (the threat's `otherFora`).
        public var coordinateWith: [String]

        /// The signal's p-value, for a regional action.
        public var pValue: Double? { signal?.pValue }
    }

    /// A threat left out, with its figures.
    public struct NotRetained: Sendable, Hashable {
        /// Why a threat is not an action.
        public enum Reason: String, Sendable, Hashable {
            /// Named by no replying Member State.
            case notMentioned = "not-mentioned"
            /// Named by fewer than `--min-share` of them, and no regional signal.
            case belowMinShare = "below-min-share"
            /// Ranked below `--max-actions`, and no regional signal.
            case beyondMaxActions = "beyond-max-actions"
        }

        /// The threat id.
        public var threat: String
        /// Its title.
        public var title: String
        /// Its rank.
        public var rank: Int
        /// Member States naming it.
        public var memberStates: Int
        /// Their share of those who replied.
        public var share: Double
        /// Why it is left out.
        public var reason: Reason
    }

    /// The questionnaire.
    public var questionnaire: Questionnaire
    /// How it was drawn.
    public var options: Options
    /// The plan's number actions are numbered under.
    public var number: Int
    /// The ranking it was drawn from.
    public var ranking: Ranking
    /// The regional breakdown it was drawn from.
    public var breakdown: RegionalBreakdown
    /// EU-wide actions in rank order, then regional ones by p-value, then threat id.
    public var actions: [Action]
    /// The threats not retained, in rank order.
    public var notRetained: [NotRetained]

    /// Draws the plan.
    ///
    /// - Parameters:
    ///   - ranking: the count ranking of `rank` (its replying states and counts).
    ///   - breakdown: the breakdown of `regions`, whose signals give the regional actions.
    ///   - submissions: the submissions as they count, for the leads (priorities per state).
    ///   - options: the thresholds and number.
    /// - Complexity: O(s log s + t × r) for s submissions, t threats and r regions.
    public init(
        ranking: Ranking, breakdown: RegionalBreakdown, submissions: [Submission],
        options: Options = .init()
    ) {
        let questionnaire = ranking.questionnaire
        self.init(
            ranking: ranking, breakdown: breakdown,
            counted: CountedAnswers(
                questionnaire: questionnaire, submissions: submissions,
                asOf: ranking.options.asOf,
                receivedBefore: ranking.options.onTimeOnly ? questionnaire.onTimeCutoff : nil),
            options: options)
    }

    /// Draws the plan from the counted answers the ranking was built from: the leads are
    /// read from their sums (each Member State's best priority per threat), so a million
    /// respondents' answers need not be read.
    ///
    /// - Complexity: O(t × (r + s)) for t threats, r regions and s Member States.
    package init(
        ranking: Ranking, breakdown: RegionalBreakdown, counted: CountedAnswers,
        options: Options = .init()
    ) {
        let questionnaire = ranking.questionnaire
        self.questionnaire = questionnaire
        self.options = options
        self.ranking = ranking
        self.breakdown = breakdown
        let number = options.number ?? questionnaire.plan ?? 1
        self.number = number
        let aggregate = counted.aggregate
        let replied = ranking.responded.count
        let eu = ranking.threats.filter { line in
            line.memberStates > 0 && line.share >= options.minShare
                && line.rank <= options.maxActions
        }
        var actions: [Action] = eu.map { line in
            Action(
                number: "", threat: line.id, title: line.title, scope: .eu, region: nil,
                signal: nil, memberStates: line.memberStates, replied: replied,
                meanPriority: line.meanPriority, firstPreferences: line.firstPreferences,
                leads: ActionPlan.leads(line.id, among: line.mentionedBy, aggregate: aggregate),
                participants: line.mentionedBy,
                coordinateWith: questionnaire.threat(line.id)?.otherFora ?? [])
        }
        let euIDs = Set(eu.map(\.id))
        var regional: [Action] = []
        for result in breakdown.regions {
            for signal in result.signals where !euIDs.contains(signal.id) {
                guard let line = result.ranking.threats.first(where: { $0.id == signal.id })
                else { continue }
                regional.append(
                    Action(
                        number: "", threat: line.id, title: line.title, scope: .regional,
                        region: result.region, signal: signal,
                        memberStates: signal.inRegion, replied: signal.regionResponded,
                        meanPriority: line.meanPriority, firstPreferences: line.firstPreferences,
                        leads: ActionPlan.leads(
                            line.id, among: line.mentionedBy, aggregate: aggregate),
                        participants: line.mentionedBy,
                        coordinateWith: questionnaire.threat(line.id)?.otherFora ?? []))
            }
        }
        regional.sort {
            ($0.pValue ?? 1, $0.threat, $0.region?.id ?? "")
                < ($1.pValue ?? 1, $1.threat, $1.region?.id ?? "")
        }
        actions += regional
        for index in actions.indices { actions[index].number = "\(number).\(index + 1)" }
        self.actions = actions
        let retained = Set(actions.map(\.threat))
        self.notRetained = ranking.threats.filter { !retained.contains($0.id) }.map { line in
            let reason: NotRetained.Reason =
                line.memberStates == 0
                ? .notMentioned : line.share < options.minShare ? .belowMinShare : .beyondMaxActions
            return NotRetained(
                threat: line.id, title: line.title, rank: line.rank,
                memberStates: line.memberStates, share: line.share, reason: reason)
        }
    }

    /// The proposed leads for `threat` among `states` (protocol order): those whose counted
    /// answer gives it priority 1; else those giving its best priority; else none.
    ///
    /// Read from the counted answers' sums: a Member State's best priority for a threat over
    /// its current answers (one per respondent, where there are respondents).
    static func leads(_ threat: String, among states: [String], aggregate: MentionAggregate)
        -> [String]
    {
        guard let t = aggregate.threats.firstIndex(of: threat) else { return [] }
        var best: [String: Int] = [:]
        for state in states {
            if let sums = aggregate.states[state], t < sums.bestPriority.count,
                sums.bestPriority[t] > 0
            {
                best[state] = sums.bestPriority[t]
            }
        }
        guard let top = best.values.min() else { return [] }
        return states.filter { best[$0] == top }
    }
}
