import Foundation

/// The ranking per region, and the threats concentrated in one region (<doc:Figures>): the
/// evidence for "regionalising" an action.
public struct RegionalBreakdown: Sendable {
    /// A threat mentioned more in a region than outside it, significantly so.
    public struct Signal: Sendable, Hashable {
        /// The threat id.
        public var id: String
        /// Region responders mentioning it.
        public var inRegion: Int
        /// Region responders.
        public var regionResponded: Int
        /// Responders outside the region mentioning it.
        public var outside: Int
        /// Responders outside the region.
        public var outsideResponded: Int
        /// Share inside ÷ share outside; `nil` when nobody outside mentions it.
        public var lift: Double?
        /// One-sided Fisher exact p-value.
        public var pValue: Double
        /// Whether every region state mentioning it does so through one joint answer
        /// (`markJointAnswers(_:)`): one text, not independent views.
        public var restsOnOneJointAnswer = false
        /// That joint answer's submission number.
        public var jointAnswer: Int64?
    }

    /// One region's figures.
    public struct RegionResult: Sendable {
        /// The region.
        public var region: Grouping.Region
        /// Roster members that answered, protocol order.
        public var responded: [String]
        /// Roster members that did not.
        public var missing: [String]
        /// The ranking inside the region.
        public var ranking: Ranking
        /// Threats significantly concentrated here, strongest first.
        public var signals: [Signal]
        /// The smallest p-value any threat could reach here; no signal is possible when it
        /// is not below alpha.
        public var smallestPossiblePValue: Double
    }

    /// The questionnaire.
    public var questionnaire: Questionnaire
    /// The grouping, restricted to the roster.
    public var grouping: Grouping
    /// The significance threshold.
    public var alpha: Double
    /// The whole-roster ranking the regions are compared with.
    public var overall: Ranking
    /// Per region, in the grouping's order.
    public var regions: [RegionResult]
    /// Roster states in no region of the grouping.
    public var unassigned: [String]

    /// The significance level of a regional signal unless the officer sets `--alpha`
    /// (<doc:Figures>): the conventional 0.05, named once so that `regions`, `summary`
    /// and the report agree.
    public static let defaultAlpha = 0.05

    /// Computes the breakdown of `submissions` by `grouping`, through the same counted
    /// answers (`CountedAnswers`) every figure is built from.
    public init(
        questionnaire: Questionnaire, submissions: [Submission], grouping: Grouping,
        alpha: Double = RegionalBreakdown.defaultAlpha,
        options: RankingOptions = .init()
    ) {
        self.init(
            counted: CountedAnswers(
                questionnaire: questionnaire, submissions: submissions, asOf: options.asOf,
                receivedBefore: options.onTimeOnly ? questionnaire.onTimeCutoff : nil),
            grouping: grouping, alpha: alpha, options: options)
    }

    /// Computes the breakdown of the counted answers by `grouping`, with the joint-answer
    /// caveat marked (`markJointAnswers(_:)`) whichever way they were read.
    package init(
        counted: CountedAnswers, grouping: Grouping,
        alpha: Double = RegionalBreakdown.defaultAlpha, options: RankingOptions = .init()
    ) {
        var wholeOptions = options
        wholeOptions.memberStates = nil
        self.init(
            questionnaire: counted.questionnaire, aggregate: counted.aggregate,
            grouping: grouping, alpha: alpha, options: wholeOptions,
            lateAnswers: counted.lateStates(.answer))
        markJointAnswers(counted.current)
    }

    /// Computes the breakdown from per-state sums.
    public init(
        questionnaire: Questionnaire, aggregate: MentionAggregate, grouping: Grouping,
        alpha: Double = RegionalBreakdown.defaultAlpha,
        options: RankingOptions = .init(), lateAnswers: [String] = []
    ) {
        self.questionnaire = questionnaire
        self.alpha = alpha
        let roster = questionnaire.roster
        self.grouping = grouping.restricted(to: roster)
        self.unassigned = grouping.unassigned(in: roster)
        var wholeOptions = options
        wholeOptions.memberStates = nil
        let overall = Ranking(
            questionnaire: questionnaire, aggregate: aggregate, options: wholeOptions,
            lateAnswers: lateAnswers)
        self.overall = overall
        let allResponded = Set(overall.responded)
        self.regions = self.grouping.regions.map { region in
            var regional = wholeOptions
            regional.memberStates = Set(region.members)
            let ranking = Ranking(
                questionnaire: questionnaire, aggregate: aggregate, options: regional,
                lateAnswers: lateAnswers)
            let inside = Set(ranking.responded)
            let outsideResponded = allResponded.subtracting(inside).count
            var signals: [Signal] = []
            for line in overall.threats {
                let inRegion = line.mentionedBy.filter(inside.contains).count
                let outside = line.memberStates - inRegion
                guard inside.count > 0, outsideResponded > 0, inRegion > 0 else { continue }
                let shareIn = Double(inRegion) / Double(inside.count)
                let shareOut = Double(outside) / Double(outsideResponded)
                guard shareIn > shareOut else { continue }
                let p = FisherExact.upperTail(
                    inRegion: inRegion, regionSize: inside.count, mentioning: line.memberStates,
                    total: allResponded.count)
                guard p < alpha else { continue }
                signals.append(
                    Signal(
                        id: line.id, inRegion: inRegion, regionResponded: inside.count,
                        outside: outside,
                        outsideResponded: outsideResponded,
                        lift: outside == 0 ? nil : shareIn / shareOut,
                        pValue: p))
            }
            signals.sort { ($0.pValue, $0.id) < ($1.pValue, $1.id) }
            return RegionResult(
                region: region, responded: ranking.responded,
                missing: region.members.filter { !inside.contains($0) }, ranking: ranking,
                signals: signals,
                smallestPossiblePValue: FisherExact.smallestPossible(
                    regionSize: inside.count, total: allResponded.count))
        }
    }
}
