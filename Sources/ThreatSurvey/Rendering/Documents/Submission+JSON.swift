import Foundation

extension Submission {
    /// The submission as `show --format json` prints it (<doc:Documents>).
    public func json(in questionnaire: Questionnaire?) -> JSONValue {
        let zone = questionnaire?.timeZone ?? Submission.defaultZone
        let object: JSONValue = .object([
            "id": .int(Int(id)),
            "questionnaire": .string(self.questionnaire),
            "delegation": .string(delegation),
            "cosignatories": .strings(response.cosignatories),
            "respondent": .optional(response.respondent),
            "received": .string(Timestamp.iso(received, in: zone)),
            "late": questionnaire.map { .bool(!$0.isOnTime(received)) } ?? .null,
            "file": .string(sourceFile),
            "format": .string(format.rawValue),
            "encoding": .string(encoding),
            "delimiter": .optional(delimiter),
            "checksum": .string("sha256:" + checksum),
            "dated": .optional(response.dated?.description),
            "mentions": .array(
                response.mentions.map { m in
                    .object([
                        "threat": .string(m.threat),
                        "priority": .optional(m.priority),
                        "comment": .optional(m.comment),
                        "origin": .string(m.origin.rawValue),
                        "phrase": .optional(m.phrase),
                        "line": .optional(m.line),
                        "column": .optional(m.column),
                        "negated": .bool(m.negated),
                        "cue": .optional(m.cue),
                    ])
                }),
            "answers": .object(
                response.answers.map { .init(key: $0.question, value: .string($0.value)) }),
            "comments": .optional(response.comments),
            "warnings": .strings(warnings),
        ])
        // An Office answer: its format and the part read (`xlsx, sheet Answers`).
        let sourced = source.map { object.adding("source", .string($0)) } ?? object
        // Read from a mail: which attachment (or the body), and the mail that carried it.
        guard let part else { return sourced }
        return sourced.adding("part", .string(part.name)).adding(
            "partChecksum", .string("sha256:" + part.checksum)
        )
        .adding("container", .string(sourceFile))
    }

    /// The zone used when a submission's questionnaire is no longer defined.
    static let defaultZone = TimeZone(identifier: "Europe/Brussels") ?? Timestamp.utc

    /// The threats with the evidence for each, as receipts and `show` list them.
    func evidenceTable() -> TextTable {
        var rows: [[String]] = []
        for m in response.mentions {
            let place: String
            switch m.origin {
            case .structured: place = m.line.map { "line \($0)" } ?? ""
            case .prose: place = "line \(m.line ?? 0) \"\(m.phrase ?? "")\""
            }
            let decision: String
            if m.negated {
                decision = "not counted: negated by \"\(m.cue ?? "")\""
            } else if let cue = m.cue {
                decision = "priority from \"\(cue)\""
            } else {
                decision = "counted"
            }
            rows.append([
                m.threat, m.priority.map(String.init) ?? "-", place, decision, m.comment ?? "",
            ])
        }
        return TextTable(
            columns: ["threat", "priority", "found at", "decision", "comment"],
            alignments: [.left, .right, .left, .left, .left], rows: rows)
    }
}

extension Submission {
    /// The submission as receipts and `show` print it: who, when, which file, what was found.
    public func blocks(
        title: String, questionnaire: Questionnaire?, receivedAssumedNoon: Bool = false,
        receivedIsNow: Bool = false, receivedNote: String? = nil
    ) -> [Document.Block] {
        let zone = questionnaire?.timeZone ?? Submission.defaultZone
        var lines: [String] = []
        let state = MemberState.withCode(delegation)
        lines.append("delegation:    \(delegation)" + (state.map { " (\($0.englishName))" } ?? ""))
        if !response.cosignatories.isEmpty {
            lines.append(
                "cosignatories: \(response.cosignatories.joined(separator: " ")) (joint answer: counts for each)"
            )
        }
        if let r = response.respondent { lines.append("respondent:    \(r)") }
        var receivedLine = "received:      \(Timestamp.iso(received, in: zone))"
        if receivedAssumedNoon { receivedLine += " (date only: 12:00 assumed)" }
        if receivedIsNow { receivedLine += " (now; pass --received for the real time)" }
        if let receivedNote { receivedLine += " (\(receivedNote))" }
        lines.append(receivedLine)
        if let q = questionnaire {
            let late = !q.isOnTime(received)
            lines.append(
                "deadline:      \(q.deadline) → "
                    + (late
                        ? "LATE (after \(Timestamp.iso(q.deadlineInstant, in: zone)))" : "on time"))
        }
        if let source {
            lines.append("file:          \(sourceFile) (\(source), read as \(format.rawValue))")
        } else {
            let dialect = delimiter.map { ", delimiter \($0)" } ?? ""
            lines.append("file:          \(sourceFile) (\(format.rawValue), \(encoding)\(dialect))")
        }
        lines.append("checksum:      sha256:\(checksum)")
        if let part {
            lines.append(
                "part:          \(part.name) (sha256:\(part.checksum)) of the mail \(sourceFile)")
        }
        let threats = response.threats
        let negated = response.mentions.filter(\.negated).count
        lines.append(
            "threats:       \(threats.count) found"
                + (negated > 0
                    ? " (\(negated) more match(es) in negated clauses, not counted)" : "")
                + (threats.isEmpty && negated == 0 ? "" : ":"))
        var blocks: [Document.Block] = [.heading(title), .text(lines.joined(separator: "\n"))]
        if !response.mentions.isEmpty { blocks.append(.table(evidenceTable())) }
        if !response.answers.isEmpty {
            blocks.append(
                .table(
                    TextTable(
                        columns: ["question", "answer"],
                        rows: response.answers.map { [$0.question, $0.value] })))
        }
        return blocks
    }
}
