import Foundation

/// Threats ranked by how many Member States mention them (CONTRACT.md, "Ranking rules").
///
/// This is the question the Working Party asked. Counting distinct Member States, not
/// answers, means a joint answer counts once for each state it speaks for and a resubmission
/// replaces, never adds. Every threat of the questionnaire is listed, unmentioned ones last,
/// so that "nobody named it" is visible too.
public struct Ranking: Sendable {
    /// The questionnaire ranked.
    public var questionnaire: Questionnaire
    /// How it was computed.
    public var options: RankingOptions
    /// The roster Member States counted (in the region, if one was given), protocol order.
    public var roster: [String]
    /// The roster states with a current answer, protocol order.
    public var responded: [String]
    /// Distinct respondents with a current answer, where answers carry respondents.
    public var respondents: Int?
    /// Current answers that arrived after the deadline (left out with `onTimeOnly`).
    public var lateAnswers: [String]
    /// Every threat, ranked.
    public var threats: [RankedThreat]

    /// Ranks the threats of `questionnaire` from `submissions` (all of its submissions).
    ///
    /// - Complexity: O(s log s + m + t log t) for s submissions, m mentions, t threats.
    public init(questionnaire: Questionnaire, submissions: [Submission], options: RankingOptions = .init()) {
        self.questionnaire = questionnaire
        self.options = options
        let cutoff = options.onTimeOnly ? questionnaire.deadline.next.start(in: questionnaire.timeZone) : nil
        let current = CurrentAnswers(submissions, asOf: options.asOf, receivedBefore: cutoff)
        var roster = questionnaire.roster
        if let members = options.memberStates { roster = roster.filter(members.contains) }
        self.roster = roster
        let answering = roster.filter { current.byState[$0] != nil }
        self.responded = answering
        let all = CurrentAnswers(submissions, asOf: options.asOf)
        self.lateAnswers = roster.filter { state in
            guard let s = all.current(for: state) else { return false }
            return !questionnaire.isOnTime(s.received)
        }

        let threatCount = questionnaire.threats.count
        var mentionedBy: [String: [String]] = [:]
        var priorities: [String: [Int]] = [:]
        var firsts: [String: Int] = [:]
        var borda: [String: Double] = [:]
        var respondentsPerThreat: [String: Set<String>] = [:]
        var respondentIDs = Set<String>()
        var carriesRespondents = false
        for state in answering {
            let answers = current.byState[state] ?? []
            var stateThreats = Set<String>()
            for s in answers {
                let response = s.response
                if let r = response.respondent {
                    carriesRespondents = true
                    respondentIDs.insert(r)
                }
                let threats = response.threats.filter { questionnaire.threat($0) != nil }
                for t in threats {
                    stateThreats.insert(t)
                    if let p = response.priority(of: t) { priorities[t, default: []].append(p) }
                    if let r = response.respondent { respondentsPerThreat[t, default: []].insert(r) }
                }
                for (t, points) in Ranking.bordaPoints(response, threats: threats, total: threatCount) {
                    borda[t, default: 0] += points
                }
                for t in Ranking.firstPlaced(response, threats: threats) { firsts[t, default: 0] += 1 }
            }
            for t in stateThreats { mentionedBy[t, default: []].append(state) }
        }
        self.respondents = carriesRespondents ? respondentIDs.count : nil

        var lines = questionnaire.threats.map { threat in
            let states = mentionedBy[threat.id] ?? []
            let given = priorities[threat.id] ?? []
            return RankedThreat(
                rank: 0, tied: false, id: threat.id, title: threat.title, memberStates: states.count,
                share: answering.isEmpty ? 0 : Double(states.count) / Double(answering.count),
                mentionedBy: states,
                meanPriority: given.isEmpty ? nil : Double(given.reduce(0, +)) / Double(given.count),
                firstPreferences: firsts[threat.id] ?? 0, bordaPoints: borda[threat.id] ?? 0,
                respondents: carriesRespondents ? respondentsPerThreat[threat.id]?.count ?? 0 : nil)
        }
        lines.sort(by: options.method == .borda ? Ranking.bordaOrder : Ranking.countOrder)
        let score: (RankedThreat) -> Double =
            options.method == .borda ? { $0.bordaPoints } : { Double($0.memberStates) }
        for index in lines.indices {
            let s = score(lines[index])
            if index > 0, score(lines[index - 1]) == s {
                lines[index].rank = lines[index - 1].rank
            } else {
                lines[index].rank = index + 1
            }
        }
        for index in lines.indices {
            let s = score(lines[index])
            lines[index].tied = lines.indices.contains { $0 != index && score(lines[$0]) == s }
        }
        self.threats = lines
    }

    /// Count order: more Member States first, then lower mean priority (none after some),
    /// then id.
    static func countOrder(_ a: RankedThreat, _ b: RankedThreat) -> Bool {
        if a.memberStates != b.memberStates { return a.memberStates > b.memberStates }
        return priorityThenID(a, b)
    }

    /// Borda order: more points first, then the count order.
    static func bordaOrder(_ a: RankedThreat, _ b: RankedThreat) -> Bool {
        if a.bordaPoints != b.bordaPoints { return a.bordaPoints > b.bordaPoints }
        return countOrder(a, b)
    }

    private static func priorityThenID(_ a: RankedThreat, _ b: RankedThreat) -> Bool {
        switch (a.meanPriority, b.meanPriority) {
        case let (x?, y?) where x != y: return x < y
        case (.some, nil): return true
        case (nil, .some): return false
        default: return a.id < b.id
        }
    }

    /// Borda points of one answer: mentioned threats ordered by priority, unprioritised ones
    /// after and tied among themselves, tied items sharing the average position; position p
    /// earns `total − p`.
    static func bordaPoints(_ response: Response, threats: [String], total: Int) -> [(String, Double)] {
        let keyed = threats.map { (threat: $0, key: response.priority(of: $0) ?? Int.max) }
            .sorted { $0.key < $1.key }
        var out: [(String, Double)] = []
        var start = 0
        while start < keyed.count {
            var end = start
            while end + 1 < keyed.count, keyed[end + 1].key == keyed[start].key { end += 1 }
            // Positions start+1 … end+1 share their average.
            let position = Double(start + end + 2) / 2
            for i in start...end { out.append((keyed[i].threat, Double(total) - position)) }
            start = end + 1
        }
        return out
    }

    /// The threats an answer puts first: its best priority, or, with no priorities, none.
    static func firstPlaced(_ response: Response, threats: [String]) -> [String] {
        let given = threats.compactMap { t in response.priority(of: t).map { (t, $0) } }
        guard let best = given.map(\.1).min() else { return [] }
        return given.filter { $0.1 == best }.map(\.0)
    }
}
