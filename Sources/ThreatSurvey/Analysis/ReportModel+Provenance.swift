import Foundation

extension ReportModel {
    /// The provenance rows: one per file received by the report's day, whatever its size,
    /// in received order; each says what the file holds, how many of its answers count and
    /// why the others do not (superseded by #N, not on the roster, voided, the officer's
    /// decisions), so that each figure can be traced to a file.
    ///
    /// - Complexity: O(n log n) for n submissions.
    static func provenance(_ inputs: ReportInputs, counted: CountedAnswers) -> [ProvenanceRow] {
        let questionnaire = inputs.questionnaire
        let asOf = inputs.asOf
        let roster = Set(questionnaire.roster)
        let decided = Dictionary(grouping: inputs.decisions, by: \.submission)
        let visible = counted.submissions.filter { $0.received <= asOf }
        let entries = HistoryEntry.history(of: visible, questionnaire: questionnaire)
        var rows: [ProvenanceRow] = []
        for file in Self.byFile(entries.map { ($0.submission, $0) }) {
            let reasons = file.map { entry in
                ProvenanceReasons(entry, roster: roster, decisions: decided[entry.submission.id])
            }
            // A submission gathering respondents is as many answers as it has respondents.
            let answers = file.reduce(0) { $0 + Self.answers(in: $1.submission) }
            let counted = zip(file, reasons).reduce(0) { total, pair in
                total + (pair.0.respondentsCounted ?? (pair.1.counts ? 1 : 0))
            }
            // Answers without respondents are at most one per delegation: each is told. A
            // file of respondents is told in counts, whatever its size.
            let perRespondent = file.contains {
                $0.submission.response.respondent != nil || $0.submission.gathersRespondents
            }
            let status =
                perRespondent
                ? ProvenanceReasons.summary(reasons, answers: answers, counted: counted)
                : ProvenanceReasons.each(reasons, file: file)
            rows.append(
                row(
                    file.map(\.submission), questionnaire, answers: answers, counted: counted,
                    status: status))
        }
        let voided = inputs.voided.filter { $0.received <= asOf }
        for file in Self.byFile(voided.map { ($0, $0) }) {
            let texts = file.map { s in
                let void = decided[s.id]?.first { $0.action == .void }
                return
                    "voided: \(void?.reason ?? "") (decision #\(void?.id ?? 0), \(void?.by ?? ""))"
            }
            var unique: [String] = []
            for text in texts where !unique.contains(text) { unique.append(text) }
            rows.append(
                row(
                    file, questionnaire, answers: file.reduce(0) { $0 + Self.answers(in: $1) },
                    counted: 0, status: unique.joined(separator: "; ")))
        }
        rows.sort {
            ($0.received, $0.submissions.lowerBound) < ($1.received, $1.submissions.lowerBound)
        }
        return rows
    }

    /// `items` grouped by the file their submission came from, in first-seen order.
    private static func byFile<T>(_ items: [(Submission, T)]) -> [[T]] {
        var order: [String] = []
        var groups: [String: [T]] = [:]
        for (s, item) in items {
            let key = "\(s.fileID)\u{1F}\(s.checksum)\u{1F}\(s.sourceFile)"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(item)
        }
        return order.compactMap { groups[$0] }
    }

    /// How many answers `submission` gives: one per respondent it gathers, else one.
    private static func answers(in submission: Submission) -> Int {
        submission.gathersRespondents ? submission.response.respondentCount : 1
    }

    /// The row of one file's submissions (all from one file, received order).
    private static func row(
        _ file: [Submission], _ questionnaire: Questionnaire, answers: Int, counted: Int,
        status: String
    ) -> ProvenanceRow {
        let first = file.min { $0.id < $1.id } ?? file[0]
        let last = file.max { $0.id < $1.id } ?? file[0]
        let withRespondents = file.reduce(0) { total, s in
            total
                + (s.gathersRespondents
                    ? s.response.respondentCount : s.response.respondent == nil ? 0 : 1)
        }
        var delegations: [String] = []
        if withRespondents == 0 {
            for s in file {
                for who in [s.delegation] + s.response.cosignatories.map({ "+" + $0 })
                where !delegations.contains(who) {
                    delegations.append(who)
                }
            }
        }
        let received = file.map(\.received).min() ?? first.received
        return ProvenanceRow(
            file: first.sourceFile, submissions: first.id...last.id, delegations: delegations,
            respondents: withRespondents == 0 ? nil : withRespondents, received: received,
            onTime: questionnaire.isOnTime(received),
            format: first.format, answers: answers, counted: counted,
            checksum: first.checksum, status: status)
    }
}

/// Why one submission counts or not, for its file's provenance row.
private struct ProvenanceReasons {
    /// Whether it counts for a roster state.
    var counts: Bool
    /// The states it was superseded for, with the replacing submission.
    var superseded: [(memberState: String, by: Int64)]
    /// The states it names that are not on the roster.
    var offRoster: [String]
    /// The officer's decisions about it, in words.
    var decisions: [String]
    /// The reasons in words, as a one-submission file's status.
    var text: String
    /// How many of its answers later answers replaced (one per respondent it gathers).
    var replaced: Int

    init(_ entry: HistoryEntry, roster: Set<String>, decisions: [Decision]?) {
        let s = entry.submission
        var reasons: [String] = []
        let counting = entry.currentFor.filter(roster.contains)
        offRoster = s.memberStates.filter { !roster.contains($0) }
        superseded = entry.supersededBy
        counts = !counting.isEmpty
        if let respondentsCounted = entry.respondentsCounted {
            let replacing = !entry.supersededBy.isEmpty || !entry.partlySupersededBy.isEmpty
            replaced = replacing ? s.response.respondentCount - respondentsCounted : 0
        } else {
            replaced = !counts && !superseded.isEmpty ? 1 : 0
        }
        if counts {
            reasons.append(
                counting.count == s.memberStates.count
                    ? "counted" : "counted for " + counting.joined(separator: " "))
        }
        for r in entry.supersededBy { reasons.append("\(r.memberState) superseded by #\(r.by)") }
        if !offRoster.isEmpty {
            reasons.append("\(offRoster.joined(separator: " ")) not on the roster")
        }
        if !counts, !reasons.isEmpty { reasons[0] = "not counted: " + reasons[0] }
        self.decisions = (decisions ?? []).filter { $0.action != .void }.map { d in
            "decision #\(d.id): \(d.summary) — \(d.reason) (\(d.by))"
        }
        text = (reasons + self.decisions).joined(separator: "; ")
    }

    /// The status of a file of answers without respondents (at most one per delegation):
    /// "counted" when every answer counts, else for whom it counts and why the others do not.
    static func each(_ reasons: [ProvenanceReasons], file: [HistoryEntry]) -> String {
        guard reasons.count > 1 else { return reasons.first?.text ?? "" }
        if reasons.allSatisfy({ $0.text == "counted" }) { return "counted" }
        let prefix = "not counted: "
        var counting: [String] = []
        var others: [String] = []
        for (reason, entry) in zip(reasons, file) {
            if reason.counts {
                counting += entry.currentFor
                continue
            }
            others.append(
                reason.text.hasPrefix(prefix)
                    ? String(reason.text.dropFirst(prefix.count)) : reason.text)
        }
        var parts: [String] = []
        if !counting.isEmpty { parts.append("counted for " + counting.joined(separator: " ")) }
        if !others.isEmpty { parts.append(prefix + others.joined(separator: "; ")) }
        return (parts + reasons.flatMap(\.decisions)).joined(separator: "; ")
    }

    /// The status of a file of respondents: how many count, and why the others do not, in
    /// counts rather than one line per answer.
    static func summary(_ reasons: [ProvenanceReasons], answers: Int, counted: Int) -> String {
        var parts: [String] = []
        parts.append(counted == answers ? "counted" : "\(counted) of \(answers) counted")
        let superseded = reasons.reduce(0) { $0 + $1.replaced }
        if superseded > 0 { parts.append("\(superseded) superseded by later answers") }
        var off: [String] = []
        for r in reasons {
            for state in r.offRoster where !off.contains(state) { off.append(state) }
        }
        if !off.isEmpty { parts.append("\(off.joined(separator: " ")) not on the roster") }
        if counted == 0 {
            parts[0] = parts.count > 1 ? "not counted: " + parts.remove(at: 1) : "not counted"
        }
        return (parts + reasons.flatMap(\.decisions)).joined(separator: "; ")
    }
}
