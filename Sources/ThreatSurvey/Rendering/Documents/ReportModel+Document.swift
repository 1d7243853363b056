import Foundation

extension ReportModel {
    /// The reader's name for threat `id`: its English label, else its title, else the id.
    public func label(_ id: String) -> String {
        questionnaire.threat(id)?.label("en") ?? id
    }

    /// The summary paragraph, written by ``SummaryWriter`` from the model's ranking, regions
    /// and late Member States, so the report says what `summary` says.
    public func summaryParagraph() -> String {
        SummaryWriter(ranking: ranking, breakdown: regions, lateCount: lateMemberStates.count)
            .paragraph()
    }

    /// The headline's sentence: the deadline, the day judged, and who answered.
    var headlineSentence: String {
        let h = headline
        return "Deadline \(h.deadline), end of day \(h.timeZone.identifier) "
            + "(\(Timestamp.iso(h.deadlineInstant, in: h.timeZone))). As of the end of \(h.today): "
            + "\(h.responded) of \(h.roster) Member States answered — \(h.onTime) on time, "
            + "\(h.late) late, \(h.missing) missing."
    }

    /// The whole report as a document: every section of the HTML report, in its order, for
    /// Markdown, JSON and the word-processor formats.
    public func document() -> Document {
        var blocks: [Document.Block] = [
            .heading("\(headline.questionnaire): \(headline.title)"),
            .text(headlineSentence),
            .text(summaryParagraph()),
        ]
        if let note = headline.note { blocks.append(.note(note)) }
        blocks += rankingBlocks + heatMapBlocks + regionBlocks + deadlineBlocks
        blocks += questionBlocks + robustnessBlocks + provenanceBlocks
        var document = Document(blocks: blocks, json: json)
        document.title = "\(headline.questionnaire): \(headline.title) — threat ranking report"
        document.language = "en"
        return document
    }

    /// The ranking: a chart of Member States per threat, and the table it draws.
    var rankingBlocks: [Document.Block] {
        let bordaRank = Dictionary(
            uniqueKeysWithValues: borda.threats.map { ($0.id, $0.rankLabel) })
        let chart = BarChart(
            title: "Member States mentioning each threat (of \(ranking.responded.count))",
            categories: ranking.threats.map { "\($0.rankLabel) \(label($0.id))" },
            values: ranking.threats.map { Double($0.memberStates) },
            valueTitle: "Member States",
            alternativeText: rankingAlternativeText)
        var table = TextTable(
            columns: [
                "rank", "threat", "Member States", "share", "mean priority", "first preferences",
                "Borda points", "Borda rank",
            ],
            alignments: [.right, .left, .right, .right, .right, .right, .right, .right],
            rows: ranking.threats.map { t in
                [
                    t.rankLabel, label(t.id), String(t.memberStates), Ranking.percent(t.share),
                    t.meanPriority.map { String(format: "%.1f", $0) } ?? "-",
                    String(t.firstPreferences), Ranking.points(t.bordaPoints),
                    bordaRank[t.id] ?? "",
                ]
            })
        table.caption = "Threats ranked by the number of Member States mentioning them."
        var blocks: [Document.Block] = [.heading("Ranking"), .chart(chart), .table(table)]
        blocks.append(
            .note(
                "=N marks tied counts; ties are listed by mean priority. Borda: the rank by Borda points."
            ))
        if !ranking.lateAnswers.isEmpty {
            blocks.append(
                .note("Late answers counted: \(ranking.lateAnswers.joined(separator: " "))."))
        }
        return blocks
    }

    /// What the ranking chart shows, in words: the leading threats and their counts.
    var rankingAlternativeText: String {
        let named = ranking.threats.filter { $0.memberStates > 0 }
        guard !named.isEmpty else {
            return
                "Bar chart: no threat is mentioned by any of the \(ranking.responded.count) Member States that answered."
        }
        let leading = named.prefix(3).map { "\(label($0.id)) (\($0.memberStates))" }
        return
            "Bar chart of the \(ranking.threats.count) threats by the number of the \(ranking.responded.count) "
            + "answering Member States mentioning them; most mentioned: "
            + leading.joined(separator: ", ") + "."
    }

    /// The heat map as a shaded, wide table: a priority's figure is written in its cell too.
    var heatMapBlocks: [Document.Block] {
        var table = TextTable(
            columns: ["MS"] + heatMap.threats.map(label),
            alignments: [.left] + heatMap.threats.map { _ in .right },
            rows: zip(heatMap.memberStates, heatMap.cells).map { state, cells in
                [state] + cells.map(\.mark)
            })
        table.shades = heatMap.cells.map { [0] + $0.map(\.shade) }
        table.isWide = true
        table.caption =
            "Member States (rows) by threats in rank order (columns): the priority each gave, or a mark where it named the threat without one."
        return [
            .heading("Member States × threats"), .table(table),
            .note(ReportModel.HeatMap.legend(heatMap)),
        ]
    }

    /// Per region: who answered, its top threats, its signals.
    var regionBlocks: [Document.Block] {
        var blocks: [Document.Block] = [
            .heading("Regional breakdown: \(regions.grouping.title)")
        ]
        blocks += regions.grouping.notes.map(Document.Block.note)
        blocks.append(
            .note(
                "Signals: threats named by a larger share of the region's responding states than of the others, one-sided Fisher exact p < \(JSONValue.format(regions.alpha)). With so few states, a region with few answers may be unable to show any signal."
            ))
        for region in regions.regions {
            var title =
                "\(region.region.title): \(region.responded.count) of \(region.region.members.count) answered"
            if !region.missing.isEmpty {
                title += " (missing \(region.missing.joined(separator: " ")))"
            }
            blocks.append(.subheading(title))
            guard region.ranking.threats.contains(where: { $0.memberStates > 0 }) else {
                blocks.append(.note("No answers from this region."))
                continue
            }
            blocks.append(.table(RegionalBreakdown.topTable(region, topThreats: 5, name: label)))
            if region.signals.isEmpty {
                blocks.append(
                    .note(
                        region.smallestPossiblePValue >= regions.alpha
                            ? "Too few answers here for any threat to reach the threshold: the absence of signals says nothing."
                            : "No signal."))
                continue
            }
            blocks.append(.table(RegionalBreakdown.signalTable(region, name: label)))
            for s in region.signals where s.restsOnOneJointAnswer {
                blocks.append(
                    .note(
                        "* \(label(s.id)) rests on one joint answer (#\(s.jointAnswer ?? 0)): the \(s.inRegion) states mentioning it signed the same text; one view, not \(s.inRegion)."
                    ))
            }
        }
        return blocks
    }

    /// Who answered on time, late, or not at all.
    var deadlineBlocks: [Document.Block] {
        var table = deadline.table
        table.caption = "Each roster Member State: on time, late, or missing, and when it answered."
        return [
            .heading("Deadline status"), .text(deadline.summaryLines.joined(separator: "\n")),
            .table(table),
        ]
    }

    /// The answers to the questionnaire's questions, when it asks any.
    var questionBlocks: [Document.Block] {
        guard !tally.questions.isEmpty else { return [] }
        var blocks: [Document.Block] = [.heading("Questions")]
        for q in tally.questions {
            blocks += [.subheading(q.question.text), .table(Tally.table(q))]
        }
        return blocks
    }

    /// The ranks under each method, and who alone moves a threat.
    var robustnessBlocks: [Document.Block] {
        let table = TextTable(
            columns: [
                "threat", "count rank", "Borda rank", "mean-priority rank",
                "rank changes when left out",
            ],
            alignments: [.left, .right, .right, .right, .left],
            rows: robustness.lines.map { line in
                [
                    label(line.id), String(line.countRank), String(line.bordaRank),
                    line.meanPriorityRank.map(String.init) ?? "–",
                    line.sensitiveTo.joined(separator: " "),
                ]
            })
        return [
            .heading("How robust is the ranking?"), .table(table),
            .note(
                "Leave-one-out: each responding Member State's answer is removed in turn and the count ranking recomputed; the last column lists the states whose removal alone moves the threat."
            ),
        ]
    }

    /// One row per file received.
    var provenanceBlocks: [Document.Block] {
        let zone = headline.timeZone
        var table = TextTable(
            columns: [
                "file", "#", "delegation", "received", "format", "answers counted", "SHA-256",
                "status",
            ],
            alignments: [.left, .right, .left, .left, .left, .right, .left, .left],
            rows: provenance.map { row in
                [
                    row.file, row.numbers, row.who,
                    Timestamp.short(row.received, in: zone) + (row.onTime ? "" : " LATE"),
                    row.formatName, row.countedText, String(row.checksum.prefix(16)) + "…",
                    row.status,
                ]
            })
        table.isWide = true
        table.caption =
            "Each file received: who it answers for, how many of its answers count, and why."
        return [
            .heading("Provenance"), .table(table),
            .note(
                "One row per file; each answer, respondent by respondent: threatsurvey history, threatsurvey show N."
            ),
        ]
    }
}

extension ReportModel.HeatMap.Cell {
    /// The cell's figure as text: the priority, or a mark (``ReportModel/HeatMap/legend(_:)``).
    public var mark: String {
        switch self {
        case .empty: return ""
        case .priority(let p): return String(p)
        case .named(let structured): return structured ? "●" : "○"
        }
    }

    /// How dark the cell is, 0 (empty) to 1 (priority 1): the same steps as the HTML report.
    public var shade: Double {
        switch self {
        case .empty: return 0
        case .priority(let p) where p <= 4: return [1.0, 0.8, 0.6, 0.4][p - 1]
        default: return 0.2
        }
    }
}

extension ReportModel.HeatMap {
    /// What the marks mean.
    public static func legend(_ map: ReportModel.HeatMap) -> String {
        "A number is the best priority given (1 = highest, darker); ● named without priority in a structured answer; ○ found in written comments (prose). Empty: not named, or no answer."
    }
}

extension ReportModel.ProvenanceRow {
    /// `#3`, or `#5–#2004` for a file of several submissions.
    public var numbers: String {
        submissions.lowerBound == submissions.upperBound
            ? "#\(submissions.lowerBound)" : "#\(submissions.lowerBound)–#\(submissions.upperBound)"
    }

    /// The delegations (`FR +DE`), or `2,143 respondents`.
    public var who: String {
        if let respondents {
            return "\(respondents) respondent\(respondents == 1 ? "" : "s")"
        }
        return delegations.joined(separator: " ")
    }

    /// The format it was read as.
    public var formatName: String { format.rawValue }

    /// `12`, or `3 of 12` when not all count.
    public var countedText: String {
        counted == answers ? String(answers) : "\(counted) of \(answers)"
    }
}
