import Foundation

extension HTMLReport {
    /// The provenance table: every submission received by the report's day, with why it
    /// counts or does not (superseded by #N, not on the roster, voided, the officer's
    /// decisions), so that each figure can be traced to a file and a reason.
    ///
    /// - Complexity: O(n log n) for n submissions; at most 2,000 rows are written.
    func provenance(
        _ counted: [Submission], current: CurrentAnswers, files: [StreamedFileSums] = []
    ) -> String {
        let zone = questionnaire.timeZone
        let asOf = today.endOfDay(in: zone)
        let roster = Set(questionnaire.roster)
        let decided = Dictionary(grouping: decisions, by: \.submission)
        let entries = HistoryEntry.history(of: counted, questionnaire: questionnaire)
        var rows: [(Submission, String)] = entries.map { e in
            let s = e.submission
            var reasons: [String] = []
            let counting = e.currentFor.filter(roster.contains)
            let offRoster = s.memberStates.filter { !roster.contains($0) }
            if !counting.isEmpty {
                reasons.append(
                    counting.count == s.memberStates.count
                        ? "counted" : "counted for " + counting.joined(separator: " "))
            }
            for r in e.supersededBy { reasons.append("\(r.memberState) superseded by #\(r.by)") }
            if !offRoster.isEmpty {
                reasons.append("\(offRoster.joined(separator: " ")) not on the roster")
            }
            if counting.isEmpty { reasons[0] = "not counted: " + reasons[0] }
            for d in decided[s.id] ?? [] where d.action != .void {
                reasons.append("decision #\(d.id): \(d.summary) — \(d.reason) (\(d.by))")
            }
            return (s, reasons.joined(separator: "; "))
        }
        for s in voided where s.received <= asOf {
            let void = decided[s.id]?.first { $0.action == .void }
            rows.append(
                (s, "voided: \(void?.reason ?? "") (decision #\(void?.id ?? 0), \(void?.by ?? ""))")
            )
        }
        rows.sort { ($0.0.received, $0.0.id) < ($1.0.received, $1.0.id) }
        var html =
            "<section><h2>Provenance</h2><table><tr><th>#</th><th>delegation</th><th>received</th><th>file</th><th>SHA-256</th><th>status</th></tr>"
        for (s, status) in rows.prefix(2000) {
            let who = ([s.delegation] + s.response.cosignatories.map { "+" + $0 }).joined(
                separator: " ")
            html +=
                "<tr><td class=\"n\">\(s.id)</td><td>\(Self.escape(who))</td><td>\(Self.escape(Timestamp.short(s.received, in: zone)))\(questionnaire.isOnTime(s.received) ? "" : " LATE")</td><td>\(Self.escape(s.sourceFile))</td><td><code>\(Self.escape(String(s.checksum.prefix(16))))…</code></td><td>\(Self.escape(status))</td></tr>"
        }
        if rows.count > 2000 {
            html +=
                "<tr><td colspan=\"6\">… and \(rows.count - 2000) more (see threatsurvey history)</td></tr>"
        }
        // A streamed file is counted by its sums: one line, not a row per respondent.
        for file in files {
            let answers = file.aggregate.states.values.reduce(0) { $0 &+ $1.answers }
            let first = Self.escape(file.respondentPrefix) + String(file.respondents.lowerBound)
            let last = Self.escape(file.respondentPrefix) + String(file.respondents.upperBound)
            html +=
                "<tr><td colspan=\"6\">\(answers) answers of respondents \(first)–\(last) in a file received \(Self.escape(Timestamp.short(file.received, in: zone))), counted by their sums (see threatsurvey history)</td></tr>"
        }
        return html + "</table></section>\n"
    }
}
