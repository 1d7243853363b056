public import Foundation

/// One of the officer's decisions about a stored submission, on the record.
///
/// A delegation's bytes and the machine's reading of them are never changed; what the
/// officer decides (count a negated prose match after all, drop a mention, change a
/// priority, add a threat the reader missed, withdraw a submission entered by mistake) is a
/// new dated row with who decided and why. The counts follow the decisions
/// (``apply(_:to:)``); `history`, `show` and the report list them.
public struct Decision: Sendable, Hashable {
    /// What the officer decided.
    public enum Action: String, Sendable, Hashable, CaseIterable {
        /// Mention N counts (e.g. a negated prose match the officer reads as a mention).
        case accept
        /// Mention N does not count.
        case reject
        /// Mention N has priority P.
        case priority
        /// The threat counts as mentioned, though the reading did not find it.
        case add
        /// The whole submission is withdrawn (entered by mistake, wrong delegation): the
        /// Member States' earlier answers become current again.
        case void
    }

    /// The store's number for the decision.
    public var id: Int64
    /// The submission decided about.
    public var submission: Int64
    /// What was decided.
    public var action: Action
    /// The mention's number as `review` lists it (1-based), for accept, reject and priority.
    public var mention: Int?
    /// The threat id, for `add` (and, for the others, the mention's threat when recorded).
    public var threat: String?
    /// The priority, for `priority`.
    public var priority: Int?
    /// Why, in the officer's words (required).
    public var reason: String
    /// Who decided (`--by`, else the login name).
    public var by: String
    /// When it was recorded.
    public var at: Date

    /// Creates a decision.
    public init(
        id: Int64 = 0, submission: Int64, action: Action, mention: Int? = nil,
        threat: String? = nil,
        priority: Int? = nil, reason: String, by: String, at: Date = Date()
    ) {
        self.id = id
        self.submission = submission
        self.action = action
        self.mention = mention
        self.threat = threat
        self.priority = priority
        self.reason = reason
        self.by = by
        self.at = at
    }

    /// `accepted mention 3 (environmental-crime)`, `voided`, …: what was decided, in words.
    public var summary: String {
        let what = threat.map { " (\($0))" } ?? ""
        switch action {
        case .accept: return "accepted mention \(mention ?? 0)\(what)"
        case .reject: return "rejected mention \(mention ?? 0)\(what)"
        case .priority: return "priority of mention \(mention ?? 0)\(what) set to \(priority ?? 0)"
        case .add: return "added \(threat ?? "?")"
        case .void: return "voided"
        }
    }

    /// `decision #4 2026-11-29T21:40:00Z by anna: accepted mention 3 (…) — reason`: one line for
    /// history, show and the report's provenance.
    public var line: String {
        "decision #\(id) \(Timestamp.iso(at, in: Timestamp.utc)) by \(by): \(summary) — \(reason)"
    }
}

/// One mention of a submission as the officer's review shows it: the machine's reading,
/// the decisions about it, and whether it counts now.
public struct ReviewedMention: Sendable, Hashable {
    /// Its number (1-based, stored order; added threats after).
    public var number: Int
    /// The mention as it counts (the decisions' priority; `negated` cleared by an accept).
    public var mention: Mention
    /// The mention as the machine read it; `nil` for a threat the officer added.
    public var reading: Mention?
    /// Whether it counts now.
    public var counts: Bool
    /// The decisions about it, in the order recorded.
    public var decisions: [Decision]
}

extension Decision {
    /// The submission's mentions with `decisions` applied in the order they were recorded,
    /// and the void that withdrew it, if any.
    ///
    /// Mentions are numbered 1… in stored order; an added threat takes the next number, so
    /// that a later decision can change it too. A rejected mention does not count; an
    /// accepted one counts even when the reading found it in a negated clause; a priority
    /// decision changes the priority only.
    ///
    /// - Complexity: O(m + d) for m mentions and d decisions.
    public static func review(_ decisions: [Decision], of submission: Submission)
        -> (voided: Decision?, mentions: [ReviewedMention])
    {
        var rows = submission.response.mentions.enumerated().map { index, m in
            ReviewedMention(
                number: index + 1, mention: m, reading: m, counts: m.counts, decisions: [])
        }
        var voided: Decision?
        for decision in decisions.sorted(by: { $0.id < $1.id })
        where decision.submission == submission.id {
            let index = (decision.mention ?? 0) - 1
            switch decision.action {
            case .void:
                if voided == nil { voided = decision }
            case .add:
                guard let threat = decision.threat else { continue }
                let m = Mention(
                    threat: threat, origin: .structured,
                    cue: "added by decision #\(decision.id): \(decision.reason)")
                rows.append(
                    ReviewedMention(
                        number: rows.count + 1, mention: m, reading: nil, counts: true,
                        decisions: [decision]))
            case .accept:
                guard rows.indices.contains(index) else { continue }
                rows[index].mention.negated = false
                rows[index].counts = true
                rows[index].decisions.append(decision)
            case .reject:
                guard rows.indices.contains(index) else { continue }
                rows[index].counts = false
                rows[index].decisions.append(decision)
            case .priority:
                guard rows.indices.contains(index) else { continue }
                rows[index].mention.priority = decision.priority
                rows[index].decisions.append(decision)
            }
        }
        return (voided, rows)
    }

    /// The submission as it counts: its reading with `decisions` applied (``review(_:of:)``),
    /// or `nil` when a decision voided it.
    ///
    /// This is the one rule for what an answer counts as, used by every command (through
    /// ``Store/countedSubmissions(questionnaire:respondents:)``).
    ///
    /// - Complexity: O(m + d) for m mentions and d decisions.
    public static func apply(_ decisions: [Decision], to submission: Submission) -> Submission? {
        guard !decisions.isEmpty else { return submission }
        let reviewed = review(decisions, of: submission)
        guard reviewed.voided == nil else { return nil }
        var counted = submission
        // Negated mentions stay as evidence (they never count); rejected ones leave.
        counted.response.mentions = reviewed.mentions.filter { row in
            row.counts || (row.mention.negated && !row.decisions.contains { $0.action == .reject })
        }.map(\.mention)
        return counted
    }
}
