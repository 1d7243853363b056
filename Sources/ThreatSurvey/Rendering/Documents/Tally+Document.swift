extension Tally {
    /// The `tally --format json` shape.
    public var json: JSONValue {
        .object([
            "questionnaire": .string(questionnaire.id),
            "grouping": .string(grouping.id),
            "responded": .int(responded.count),
            "questions": .array(
                questions.map { q in
                    .object([
                        "id": .string(q.question.id),
                        "type": .string(q.question.kind.name),
                        "text": .string(q.question.text),
                        "answers": .array(
                            q.answers.map {
                                .object([
                                    "value": .string($0.value),
                                    "count": .int($0.memberStates.count),
                                    "memberStates": .strings($0.memberStates),
                                ])
                            }),
                        "unanswered": .strings(q.unanswered),
                        "regions": .array(
                            q.byRegion.map { r in
                                .object([
                                    "id": .string(r.region),
                                    "counts": .object(
                                        q.answers.map {
                                            .init(
                                                key: $0.value, value: .int(r.counts[$0.value] ?? 0))
                                        }),
                                    "unanswered": .int(r.unanswered),
                                ])
                            }),
                    ])
                }),
        ])
    }

    /// `tally` as a document: per question, the counts overall and per region.
    public func document() -> Document {
        var blocks: [Document.Block] = [
            .heading("\(questionnaire.id): answers to its questions"),
            .text(
                "\(responded.count) of \(questionnaire.roster.count) Member States answered; regions: \(grouping.title)."
            ),
        ]
        if questions.isEmpty {
            blocks.append(.text("This questionnaire asks no yes/no or choice question."))
        }
        var csvRows: [[String]] = []
        for q in questions {
            blocks.append(.heading("\(q.question.id): \(q.question.text)"))
            for a in q.answers {
                csvRows.append(
                    [q.question.id, a.value, String(a.memberStates.count)]
                        + q.byRegion.map { String($0.counts[a.value] ?? 0) })
            }
            csvRows.append(
                [q.question.id, "", String(q.unanswered.count)]
                    + q.byRegion.map { String($0.unanswered) })
            blocks.append(.table(Tally.table(q)))
        }
        let csv = TextTable(
            columns: ["question", "answer", "all"] + grouping.regions.map(\.id), rows: csvRows)
        return Document(blocks: blocks, json: json, csv: csv)
    }

    /// One question's counts: per answer (and "(no answer)"), overall, per region, and the
    /// Member States giving it.
    static func table(_ q: QuestionTally) -> TextTable {
        let regionIDs = q.byRegion.map(\.region)
        var rows: [[String]] = []
        for a in q.answers {
            rows.append(
                [a.value, String(a.memberStates.count)]
                    + q.byRegion.map { String($0.counts[a.value] ?? 0) } + [
                        a.memberStates.joined(separator: " ")
                    ])
        }
        rows.append(
            ["(no answer)", String(q.unanswered.count)]
                + q.byRegion.map { String($0.unanswered) } + [
                    q.unanswered.joined(separator: " ")
                ])
        return TextTable(
            columns: ["answer", "all"] + regionIDs.map(Tally.shortName) + ["Member States"],
            alignments: [.left, .right] + regionIDs.map { _ in .right } + [.left],
            rows: rows)
    }

    /// A region id short enough for a column head (`central-and-eastern` → `c-a-e`).
    static func shortName(_ id: String) -> String {
        id.count <= 10
            ? id : id.split(separator: "-").map { String($0.prefix(1)) }.joined(separator: "-")
    }
}
