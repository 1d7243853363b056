import Foundation

extension StreamedReceipt {
    /// The receipts of one `submit` that streamed its files: for one file its receipt (JSON
    /// `{"streamed": {…}}`, as before several files could stream), for several each in turn
    /// (JSON `{"streamed": [{…}, …]}`, in the order the files were given).
    public static func document(_ receipts: [StreamedReceipt]) -> Document {
        if receipts.count == 1, let only = receipts.first { return only.document() }
        return Document(
            blocks: receipts.flatMap { $0.document().blocks },
            json: .object(["streamed": .array(receipts.map(\.json))]))
    }

    /// The receipt of a large file stored by streaming: one line per threat, not per row.
    public func document() -> Document {
        let zone = questionnaire.timeZone
        let late = !questionnaire.isOnTime(received)
        let lines = [
            "received:      \(Timestamp.iso(received, in: zone))",
            "deadline:      \(questionnaire.deadline) → " + (late ? "LATE" : "on time"),
            "file:          \(name) (csv-long, UTF-8, \(size) bytes, \(rows) rows; stored in 4 MiB chunks)",
            "checksum:      sha256:\(checksum)",
            "route:         fast reader (streamed into the store, about 100 MB/s, memory flat)",
            "respondents:   \(respondents) (submissions #\(submissions.lowerBound)–#\(submissions.upperBound), one per Member State)",
            "Member States: \(memberStates.count): \(memberStates.joined(separator: " "))",
        ]
        let ranking = Ranking(questionnaire: questionnaire, aggregate: aggregate)
        let table = TextTable(
            columns: ["threat", "respondents", "MS"], alignments: [.left, .right, .right],
            rows: ranking.threats.map {
                [$0.id, String($0.respondents ?? 0), String($0.memberStates)]
            })
        return Document(
            blocks: [
                .heading(
                    "Submissions #\(submissions.lowerBound)–#\(submissions.upperBound) to \(questionnaire.id) from \(name)"
                ),
                .text(lines.joined(separator: "\n")), .table(table),
            ],
            json: .object(["streamed": json]))
    }

    /// The receipt's JSON object: the file, its submissions and its sums per threat.
    var json: JSONValue {
        let zone = questionnaire.timeZone
        let count = Int(submissions.upperBound - submissions.lowerBound + 1)
        let ranking = Ranking(questionnaire: questionnaire, aggregate: aggregate)
        let late = !questionnaire.isOnTime(received)
        return .object([
            "file": .string(name), "fileID": .int(Int(fileID)),
            "questionnaire": .string(questionnaire.id),
            "received": .string(Timestamp.iso(received, in: zone)), "late": .bool(late),
            "checksum": .string("sha256:" + checksum), "size": .int(size), "rows": .int(rows),
            "route": .object(["path": .string(SubmitRoute.Path.fast.rawValue)]),
            "submissions": .object([
                "first": .int(Int(submissions.lowerBound)),
                "last": .int(Int(submissions.upperBound)), "count": .int(count),
            ]),
            "respondents": .int(respondents),
            "memberStates": .strings(memberStates),
            "threats": .array(
                ranking.threats.map {
                    .object([
                        "id": .string($0.id), "respondents": .optional($0.respondents),
                        "memberStates": .int($0.memberStates),
                    ])
                }),
        ])
    }
}

extension StreamedReceipt {
    /// How many respondents' answers the file held.
    var respondents: Int {
        aggregate.states.values.reduce(0) { SumsRow.saturatingAdd($0, $1.answers) }
    }
}
