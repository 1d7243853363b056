public import Foundation

/// The printable report: one self-contained HTML file (inline CSS and SVG, no script, nothing
/// fetched) that a secretariat officer can attach to an e-mail or print on A4.
///
/// Every piece of text that came from a submission or a definition goes through
/// ``escape(_:)``: a comment holding markup or a script shows as text.
public struct HTMLReport: Sendable {
    /// The questionnaire.
    public var questionnaire: Questionnaire
    /// All of its submissions (superseded ones included, for provenance).
    public var submissions: [Submission]
    /// The grouping for the regional section.
    public var grouping: Grouping
    /// The day the deadline status is shown for.
    public var today: CivilDate
    /// When the report was made (shown in the headline).
    public var generated: Date
    /// The officer's decisions about these submissions, voids included (for provenance).
    public var decisions: [Decision] = []
    /// The submissions withdrawn by a void (listed in provenance, counted nowhere).
    public var voided: [Submission] = []
    /// Files stored by the streaming path, by their sums; their rows are then not in
    /// ``submissions`` (see `StoredSums.separable(store:questionnaire:)`), so a store of a
    /// million respondents is reported from a few hundred rows.
    public var streamed: [StreamedFileSums] = []
    /// When streamed files share respondents, each visible file's sums over its answers still
    /// current as of ``asOf`` (``StoredSums/currentSums(_:store:questionnaire:)``), by file:
    /// they replace the files' own sums in the ranking, regions, heat map and robustness, while
    /// who answered and when still comes from ``streamed``.
    public var currentStreamedSums: [Int64: [String: MentionAggregate.StateSums]]?

    /// The instant the report judges as of: the end of ``today`` in the questionnaire's zone.
    public var asOf: Date { today.endOfDay(in: questionnaire.timeZone) }

    /// Creates a report.
    public init(
        questionnaire: Questionnaire, submissions: [Submission], grouping: Grouping = .eurovoc,
        today: CivilDate, generated: Date
    ) {
        self.questionnaire = questionnaire
        self.submissions = submissions
        self.grouping = grouping
        self.today = today
        self.generated = generated
    }

    /// Text made safe for HTML element content and attribute values.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// The whole HTML document.
    public func render() -> String {
        let zone = questionnaire.timeZone
        let asOf = self.asOf
        let visible = submissions.filter { $0.received <= asOf }
        let current = CurrentAnswers(visible)
        var aggregate = MentionAggregate(questionnaire: questionnaire, current: current)
        let visibleFiles = streamed.filter { $0.received <= asOf }
        // What the visible files count: their own sums, or those of their current answers.
        let countedFiles = visibleFiles.map { file in
            var counted = file
            if let sums = currentStreamedSums?[file.fileID] { counted.aggregate.states = sums }
            return counted
        }
        if !streamed.isEmpty { aggregate.carriesRespondents = true }
        for file in countedFiles {
            for (state, sums) in file.aggregate.states {
                var total =
                    aggregate.states[state]
                    ?? MentionAggregate.StateSums(threats: aggregate.threats.count)
                total.add(sums)
                aggregate.states[state] = total
            }
        }
        // Who answered, and when, in streamed files: one answerless placeholder per state.
        let placeholders = StoredSums.placeholders(for: streamed, questionnaire: questionnaire)
        let late = questionnaire.roster.filter { s in
            var latest = current.current(for: s)?.received
            for file in visibleFiles where file.aggregate.states[s] != nil {
                if latest.map({ file.received > $0 }) ?? true { latest = file.received }
            }
            return latest.map { !questionnaire.isOnTime($0) } ?? false
        }
        let ranking = Ranking(questionnaire: questionnaire, aggregate: aggregate, lateAnswers: late)
        let borda = Ranking(
            questionnaire: questionnaire, aggregate: aggregate, options: .init(method: .borda),
            lateAnswers: late)
        var breakdown = RegionalBreakdown(
            questionnaire: questionnaire, aggregate: aggregate, grouping: grouping,
            lateAnswers: late)
        breakdown.markJointAnswers(current)
        let check = DeadlineCheck(
            questionnaire: questionnaire, submissions: submissions + placeholders, today: today)
        let tally = Tally(
            questionnaire: questionnaire,
            submissions: visible + placeholders.filter { $0.received <= asOf },
            grouping: grouping)
        let robustness = Robustness(questionnaire: questionnaire, aggregate: aggregate)
        // Who is late: the deadline tiles' rule (first answer after the deadline), once.
        let lateCount = Lateness.lateStates(questionnaire: questionnaire, submissions: visible)
            .count
        let summary = SummaryWriter(ranking: ranking, breakdown: breakdown, lateCount: lateCount)
            .paragraph()

        var body = ""
        body += headline(check: check, ranking: ranking, summary: summary)
        body += rankingSection(ranking, borda: borda)
        body += heatMap(ranking: ranking, current: current, files: countedFiles)
        body += regionsSection(breakdown)
        body += deadlineSection(check)
        if !tally.questions.isEmpty { body += tallySection(tally) }
        body += robustnessSection(robustness)
        body += provenance(visible, current: current, files: visibleFiles)
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8"/>
            <title>\(Self.escape(questionnaire.id)) — threat ranking report</title>
            <style>\(Self.css)</style>
            </head>
            <body>
            \(body)
            <footer><p>Generated by threatsurvey on \(Self.escape(Timestamp.iso(generated, in: zone))). \
            Figures follow the rules of "How the figures are computed" (threatsurvey help figures).</p></footer>
            </body>
            </html>

            """
    }

    static let css = """
        body{font-family:"DejaVu Sans",Arial,sans-serif;font-size:10.5pt;color:#111;max-width:190mm;margin:12mm auto;line-height:1.35}
        h1{font-size:16pt;margin:0 0 4pt}h2{font-size:13pt;border-bottom:1.5pt solid #111;margin:18pt 0 6pt;padding-bottom:2pt}
        h3{font-size:11pt;margin:10pt 0 4pt}table{border-collapse:collapse;margin:4pt 0 8pt}
        th,td{border:0.5pt solid #777;padding:1.5pt 4pt;text-align:left;vertical-align:top}
        th{background:#e8e8e8}td.n{text-align:right}.note{font-size:9pt;color:#333}
        .summary{border-left:3pt solid #555;padding:4pt 8pt;background:#f4f4f4}
        .heat td{text-align:center;width:7mm;font-size:8.5pt;padding:1pt}.heat th.v{writing-mode:vertical-rl;transform:rotate(180deg);font-size:8pt;font-weight:normal}
        .p1{background:#333;color:#fff}.p2{background:#666;color:#fff}.p3{background:#999}.p4{background:#ccc}.pm{background:#e6e6e6}
        .tiles{display:flex;flex-wrap:wrap;gap:2mm}.tile{width:20mm;height:15mm;border:0.8pt solid #111;font-size:8pt;padding:1mm;box-sizing:border-box}
        .tile b{font-size:11pt;display:block}.on{background:#fff}.late{background:repeating-linear-gradient(45deg,#fff,#fff 2px,#bbb 2px,#bbb 4px)}
        .missing{background:#444;color:#fff}svg text{font-family:"DejaVu Sans",Arial,sans-serif}
        section{break-inside:auto}
        @page{size:A4;margin:14mm}
        @media print{body{margin:0;max-width:none}section{break-before:page}section.first{break-before:auto}
        th{background:#ddd !important;-webkit-print-color-adjust:exact;print-color-adjust:exact}
        .p1,.p2,.p3,.p4,.pm,.missing,.late{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
        """

    func headline(check: DeadlineCheck, ranking: Ranking, summary: String) -> String {
        let zone = questionnaire.timeZone
        return """
            <section class="first"><h1>\(Self.escape(questionnaire.id)): \(Self.escape(questionnaire.title))</h1>
            <p>Deadline \(Self.escape(questionnaire.deadline.description)), end of day \(Self.escape(zone.identifier)) \
            (\(Self.escape(Timestamp.iso(questionnaire.deadlineInstant, in: zone)))). As of the end of \(Self.escape(today.description)): \
            <b>\(ranking.responded.count) of \(questionnaire.roster.count)</b> Member States answered — \
            \(check.onTime.count) on time, \(check.late.count) late, \(check.missing.count) missing.</p>
            <p class="summary">\(Self.escape(summary))</p>
            \(questionnaire.note.map { "<p class=\"note\">\(Self.escape($0))</p>" } ?? "")
            </section>

            """
    }

    func rankingSection(_ ranking: Ranking, borda: Ranking) -> String {
        let bordaRank = Dictionary(
            uniqueKeysWithValues: borda.threats.map { ($0.id, $0.rankLabel) })
        let rowHeight = 17
        let labelWidth = 250
        let barWidth = 300
        let height = rowHeight * ranking.threats.count + 24
        let maxCount = max(ranking.responded.count, 1)
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"680\" height=\"\(height)\" role=\"img\" aria-label=\"Member States per threat\">"
        svg +=
            "<text x=\"\(labelWidth)\" y=\"12\" font-size=\"9\">Member States mentioning (of \(ranking.responded.count))</text>"
        svg += "<text x=\"\(labelWidth + barWidth + 60)\" y=\"12\" font-size=\"9\">Borda</text>"
        for (i, t) in ranking.threats.enumerated() {
            let y = 20 + i * rowHeight
            let w = Int(Double(barWidth) * Double(t.memberStates) / Double(maxCount))
            svg +=
                "<text x=\"0\" y=\"\(y + 11)\" font-size=\"9.5\">\(Self.escape(t.rankLabel)) \(Self.escape(label(t.id)))</text>"
            svg +=
                "<rect x=\"\(labelWidth)\" y=\"\(y + 2)\" width=\"\(w)\" height=\"\(rowHeight - 5)\" fill=\"\(t.tied ? "#777" : "#333")\" stroke=\"#111\" stroke-width=\"0.5\"/>"
            svg +=
                "<text x=\"\(labelWidth + w + 4)\" y=\"\(y + 11)\" font-size=\"9.5\">\(t.memberStates)</text>"
            svg +=
                "<text x=\"\(labelWidth + barWidth + 60)\" y=\"\(y + 11)\" font-size=\"9.5\">\(Self.escape(bordaRank[t.id] ?? ""))</text>"
        }
        svg += "</svg>"
        var notes =
            "<p class=\"note\">=N marks tied counts (lighter bars); ties are listed by mean priority. Borda: the rank by Borda points.</p>"
        if !ranking.lateAnswers.isEmpty {
            notes +=
                "<p class=\"note\">Late answers counted: \(Self.escape(ranking.lateAnswers.joined(separator: " "))).</p>"
        }
        return "<section><h2>Ranking</h2>\(svg)\(notes)</section>\n"
    }

    func heatMap(ranking: Ranking, current: CurrentAnswers, files: [StreamedFileSums] = [])
        -> String
    {
        var html = "<section><h2>Member States × threats</h2><table class=\"heat\"><tr><th>MS</th>"
        for t in ranking.threats { html += "<th class=\"v\">\(Self.escape(label(t.id)))</th>" }
        html += "</tr>"
        for state in questionnaire.roster {
            html += "<tr><th>\(Self.escape(state))</th>"
            let answers = current.byState[state] ?? []
            for t in ranking.threats {
                let mentions = answers.flatMap(\.response.mentions).filter {
                    $0.threat == t.id && $0.counts
                }
                // Streamed files keep sums, not rows: priority 1 when one of their
                // respondents gave it, "≥2" when they gave only lower ones.
                var sums: [(mentions: Int, firsts: Int, priorities: Int)] = []
                if let index = files.first?.aggregate.threats.firstIndex(of: t.id) {
                    for file in files {
                        guard let state = file.aggregate.states[state],
                            index < state.mentions.count,
                            state.mentions[index] > 0
                        else { continue }
                        sums.append(
                            (state.mentions[index], state.firsts[index], state.priorityCount[index])
                        )
                    }
                }
                if mentions.isEmpty && sums.isEmpty {
                    html += "<td></td>"
                    continue
                }
                var priority = mentions.compactMap(\.priority).min()
                if sums.contains(where: { $0.firsts > 0 }) { priority = 1 }
                let structured = mentions.contains { $0.origin == .structured } || !sums.isEmpty
                let atLeastTwo = priority == nil && sums.contains { $0.priorities > 0 }
                let mark = priority.map(String.init) ?? (atLeastTwo ? "≥2" : structured ? "●" : "○")
                let shade = priority.map { $0 <= 4 ? "p\($0)" : "pm" } ?? "pm"
                html += "<td class=\"\(shade)\">\(Self.escape(mark))</td>"
            }
            html += "</tr>"
        }
        html +=
            "</table><p class=\"note\">A number is the priority given (1 = highest, darker); ● named without priority in a structured answer; ○ found in written comments (prose); ≥2 given a priority by respondents of a streamed file, none of them 1. Empty: not named, or no answer.</p></section>\n"
        return html
    }

    func regionsSection(_ breakdown: RegionalBreakdown) -> String {
        var html = "<section><h2>Regional breakdown: \(Self.escape(breakdown.grouping.title))</h2>"
        for note in breakdown.grouping.notes {
            html += "<p class=\"note\">\(Self.escape(note))</p>"
        }
        html +=
            "<p class=\"note\">Signals: threats named by a larger share of the region's responding states than of the others, one-sided Fisher exact p &lt; \(Self.escape(JSONValue.format(breakdown.alpha))). With so few states, a region with few answers may be unable to show any signal.</p>"
        for region in breakdown.regions {
            html +=
                "<h3>\(Self.escape(region.region.title)): \(region.responded.count) of \(region.region.members.count) answered"
            if !region.missing.isEmpty {
                html += " (missing \(Self.escape(region.missing.joined(separator: " "))))"
            }
            html += "</h3>"
            let top = region.ranking.threats.filter { $0.memberStates > 0 }.prefix(5)
            if top.isEmpty {
                html += "<p class=\"note\">No answers from this region.</p>"
                continue
            }
            var svg =
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"520\" height=\"\(top.count * 15 + 4)\">"
            for (i, t) in top.enumerated() {
                let w = Int(240 * t.share)
                svg +=
                    "<text x=\"0\" y=\"\(i * 15 + 11)\" font-size=\"9\">\(Self.escape(label(t.id)))</text>"
                svg +=
                    "<rect x=\"200\" y=\"\(i * 15 + 2)\" width=\"\(w)\" height=\"11\" fill=\"#555\"/>"
                svg +=
                    "<text x=\"\(204 + w)\" y=\"\(i * 15 + 11)\" font-size=\"9\">\(t.memberStates) (\(Int((t.share * 100).rounded()))%)</text>"
            }
            svg += "</svg>"
            html += svg
            if region.signals.isEmpty {
                html +=
                    region.smallestPossiblePValue >= breakdown.alpha
                    ? "<p class=\"note\">Too few answers here for any threat to reach the threshold: the absence of signals says nothing.</p>"
                    : "<p class=\"note\">No signal.</p>"
            } else {
                html +=
                    "<table><tr><th>signal</th><th>in region</th><th>outside</th><th>lift</th><th>p</th></tr>"
                for s in region.signals {
                    html +=
                        "<tr><td>\(Self.escape(label(s.id)))\(s.restsOnOneJointAnswer ? " *" : "")</td><td class=\"n\">\(s.inRegion)/\(s.regionResponded)</td><td class=\"n\">\(s.outside)/\(s.outsideResponded)</td><td class=\"n\">\(s.lift.map { String(format: "%.1f", $0) } ?? "only here")</td><td class=\"n\">\(Self.escape(RegionalBreakdown.formatP(s.pValue)))</td></tr>"
                }
                html += "</table>"
                for s in region.signals where s.restsOnOneJointAnswer {
                    html +=
                        "<p class=\"note\">* \(Self.escape(label(s.id))) rests on one joint answer (#\(s.jointAnswer ?? 0)): the \(s.inRegion) states mentioning it signed the same text; one view, not \(s.inRegion).</p>"
                }
            }
        }
        return html + "</section>\n"
    }

    func deadlineSection(_ check: DeadlineCheck) -> String {
        let zone = questionnaire.timeZone
        let onTime = Dictionary(uniqueKeysWithValues: check.onTime.map { ($0.memberState, $0) })
        let late = Dictionary(uniqueKeysWithValues: check.late.map { ($0.memberState, $0) })
        var html =
            "<section><h2>Deadline status</h2><p>As of the end of \(Self.escape(check.today.description)): \(Self.escape(check.daysSentence)).</p><div class=\"tiles\">"
        for code in questionnaire.roster {
            let (cls, label, when): (String, String, String)
            if let a = onTime[code] {
                (cls, label, when) = (
                    "on", "on time", Timestamp.short(a.received, in: zone).prefix(10).description
                )
            } else if let a = late[code] {
                (cls, label, when) = (
                    "late", "LATE", Timestamp.short(a.received, in: zone).prefix(10).description
                )
            } else {
                (cls, label, when) = ("missing", "missing", "")
            }
            html +=
                "<div class=\"tile \(cls)\"><b>\(Self.escape(code))</b>\(Self.escape(label))<br/>\(Self.escape(when))</div>"
        }
        return html
            + "</div><p class=\"note\">White: on time; hatched: late; dark: missing.</p></section>\n"
    }

    func tallySection(_ tally: Tally) -> String {
        var html = "<section><h2>Questions</h2>"
        for q in tally.questions {
            html += "<h3>\(Self.escape(q.question.text))</h3><table><tr><th>answer</th><th>all</th>"
            for r in q.byRegion { html += "<th>\(Self.escape(r.region))</th>" }
            html += "<th>Member States</th></tr>"
            for a in q.answers {
                html +=
                    "<tr><td>\(Self.escape(a.value))</td><td class=\"n\">\(a.memberStates.count)</td>"
                for r in q.byRegion { html += "<td class=\"n\">\(r.counts[a.value] ?? 0)</td>" }
                html += "<td>\(Self.escape(a.memberStates.joined(separator: " ")))</td></tr>"
            }
            html += "</table>"
        }
        return html + "</section>\n"
    }

    func robustnessSection(_ robustness: Robustness) -> String {
        var html =
            "<section><h2>How robust is the ranking?</h2><table><tr><th>threat</th><th>count rank</th><th>Borda rank</th><th>mean-priority rank</th><th>rank changes when left out</th></tr>"
        for line in robustness.lines {
            html +=
                "<tr><td>\(Self.escape(label(line.id)))</td><td class=\"n\">\(line.countRank)</td><td class=\"n\">\(line.bordaRank)</td><td class=\"n\">\(line.meanPriorityRank.map(String.init) ?? "–")</td><td>\(Self.escape(line.sensitiveTo.joined(separator: " ")))</td></tr>"
        }
        return html
            + "</table><p class=\"note\">Leave-one-out: each responding Member State's answer is removed in turn and the count ranking recomputed; the last column lists the states whose removal alone moves the threat.</p></section>\n"
    }
}
