import Foundation

extension ReportModel {
    /// `report --format json`: every figure of the report, its sections in the shapes
    /// `rank`, `regions`, `deadline` and `tally` print, so formats and paths can be compared.
    public var json: JSONValue {
        let zone = headline.timeZone
        return .object([
            "questionnaire": .string(headline.questionnaire),
            "title": .string(headline.title),
            "today": .string(headline.today.description),
            "generated": .string(Timestamp.iso(headline.generated, in: zone)),
            "headline": .object([
                "roster": .int(headline.roster), "responded": .int(headline.responded),
                "onTime": .int(headline.onTime), "late": .int(headline.late),
                "missing": .int(headline.missing),
            ]),
            "summary": .string(summaryParagraph()),
            "lateMemberStates": .strings(lateMemberStates),
            "lateAnswers": .strings(ranking.lateAnswers),
            "ranking": ranking.json,
            "borda": borda.json,
            "heatMap": .object([
                "threats": .strings(heatMap.threats),
                "memberStates": .strings(heatMap.memberStates),
                "cells": .array(heatMap.cells.map { .strings($0.map(\.mark)) }),
            ]),
            "regions": regions.json,
            "deadline": deadline.json,
            "tally": tally.json,
            "robustness": .array(
                robustness.lines.map { line in
                    .object([
                        "id": .string(line.id), "countRank": .int(line.countRank),
                        "bordaRank": .int(line.bordaRank),
                        "meanPriorityRank": line.meanPriorityRank.map { .int($0) } ?? .null,
                        "sensitiveTo": .strings(line.sensitiveTo),
                    ])
                }),
            "provenance": .array(
                provenance.map { row in
                    .object([
                        "file": .string(row.file),
                        "firstSubmission": .int(Int(row.submissions.lowerBound)),
                        "lastSubmission": .int(Int(row.submissions.upperBound)),
                        "delegations": .strings(row.delegations),
                        "respondents": row.respondents.map { .int($0) } ?? .null,
                        "received": .string(Timestamp.iso(row.received, in: zone)),
                        "onTime": .bool(row.onTime),
                        "format": .string(row.format.rawValue),
                        "answers": .int(row.answers),
                        "counted": .int(row.counted),
                        "sha256": .string(row.checksum),
                        "status": .string(row.status),
                    ])
                }),
        ])
    }
}
