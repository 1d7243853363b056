import Foundation

@testable import ThreatSurvey

/// Writes a store as a threatsurvey before schema 12 kept a streamed file.
///
/// One submission per respondent with its mentions packed against the file's threat list,
/// the file's row in `bulk_files` and its per-state sums in `bulk_sums`. Such stores exist;
/// the one shape must still read them.
enum StoreBefore12 {
    /// One respondent's answer, as the old streaming writer took it.
    struct Answer {
        var memberState: String
        var respondent: String
        /// Per threat of the questionnaire: -1 not mentioned, 0 no priority, >0 the priority.
        var priorities: [Int32]
    }

    /// The answers of `submissions` (read from a store of the one shape), one per respondent.
    static func answers(of submissions: [Submission], questionnaire: Questionnaire) -> [Answer] {
        let ids = questionnaire.threats.map(\.id)
        let index = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        var scratch = [Int32](repeating: SumsRow.notMentioned, count: ids.count)
        return submissions.flatMap(\.answers).map { answer in
            MentionAggregate.StateSums.fill(&scratch, with: answer.response.mentions, index: index)
            return Answer(
                memberState: answer.delegation, respondent: answer.response.respondent ?? "",
                priorities: scratch)
        }
    }

    /// A store at schema 11 at `path` holding `answers` as one streamed file `name`,
    /// received at `received`.
    static func write(
        _ answers: [Answer], name: String, questionnaire: Questionnaire, received: Date,
        at path: String, checksum: String = String(repeating: "0", count: 64)
    ) throws {
        let db = try Connection(path: path)
        let millis = Int64((received.timeIntervalSince1970 * 1000).rounded())
        let ids = questionnaire.threats.map(\.id)
        try db.transaction {
            for version in 0..<11 { try db.execute(Store.migrations[version]) }
            try db.execute("PRAGMA user_version = 11")
            try db.run(
                "INSERT INTO files(id, name, bytes, sha256, size, stored_at) VALUES (1, ?, x'', ?, 0, ?)",
                [
                    .text(name), .text(checksum),
                    .text("2026-01-01T00:00:00Z"),
                ])
            let insert = try db.prepare(
                """
                INSERT INTO submissions(questionnaire, delegation, respondent, received, received_ms, file_id,
                    format, encoding, delimiter, warnings, packed_mentions)
                VALUES (?, ?, ?, ?, ?, 1, 'csv-long', 'UTF-8', ',', '', ?)
                """)
            var sums: [String: MentionAggregate.StateSums] = [:]
            var first: Int64 = 0
            for answer in answers {
                try insert.execute([
                    .text(questionnaire.id), .text(answer.memberState), .text(answer.respondent),
                    .text(Timestamp.storage(received)), .integer(millis),
                    .blob(packed(answer.priorities)),
                ])
                if first == 0 { first = db.lastInsertedRowID }
                sums[answer.memberState, default: .init(threats: ids.count)].addAnswer(
                    priorities: answer.priorities)
            }
            let numbers = answers.compactMap { Int($0.respondent.dropFirst()) }
            try db.run(
                """
                INSERT INTO bulk_files(file_id, questionnaire, received_ms, first_submission, last_submission,
                    rows, respondent_prefix, min_respondent, max_respondent, threats)
                VALUES (1, ?, ?, ?, ?, ?, 'R', ?, ?, ?)
                """,
                [
                    .text(questionnaire.id), .integer(millis), .integer(first),
                    .integer(db.lastInsertedRowID), .integer(Int64(answers.count)),
                    .integer(Int64(numbers.min() ?? 0)), .integer(Int64(numbers.max() ?? 0)),
                    .text(ids.joined(separator: ",")),
                ])
            for (state, s) in sums {
                for t in ids.indices {
                    try db.run(
                        """
                        INSERT INTO bulk_sums(file_id, member_state, threat, answers, mentions, priority_sum,
                            priority_count, borda, firsts, best_priority) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                        [
                            .text(state), .integer(Int64(t)), .integer(Int64(s.answers)),
                            .integer(Int64(s.mentions[t])), .integer(Int64(s.prioritySum[t])),
                            .integer(Int64(s.priorityCount[t])), .real(s.borda[t]),
                            .integer(Int64(s.firsts[t])), .integer(Int64(s.bestPriority[t])),
                        ])
                }
            }
            // The threats the file mentions, as the old writer noted them (schema 8).
            for t in ids.indices where sums.values.contains(where: { $0.mentions[t] > 0 }) {
                try db.run(
                    "INSERT OR IGNORE INTO questionnaire_threats(questionnaire, threat) VALUES (?, ?)",
                    [.text(questionnaire.id), .text(ids[t])])
            }
            return .commit
        }
    }

    /// One respondent's mentions as the old writer packed them: the marker 0xFF, then per
    /// mentioned threat its index and priority (0 for none) as varints.
    static func packed(_ priorities: [Int32]) -> [UInt8] {
        var out = PackedBytes()
        out.byte(Store.packedFormatMarker)
        for (t, p) in priorities.enumerated() where p >= 0 {
            out.varint(t)
            out.varint(Int(p))
        }
        return out.bytes
    }
}
