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
            "mentions": .array(response.mentions.map(Submission.json)),
            "answers": .object(
                response.answers.map { .init(key: $0.question, value: .string($0.value)) }),
            "comments": .optional(response.comments),
            "warnings": .strings(warnings),
        ])
        // Its respondents' answers where they were read (`show`), their number always.
        var withRespondents = object
        if gathersRespondents {
            withRespondents = object.adding("respondentCount", .int(response.respondentCount))
            if !response.respondents.isEmpty {
                withRespondents = withRespondents.adding(
                    "respondents", .array(response.respondents.map(Submission.json)))
            }
        }
        // An Office answer: its format and the part read (`xlsx, sheet Answers`).
        let sourced =
            source.map { withRespondents.adding("source", .string($0)) } ?? withRespondents
        // Read from a mail: which attachment (or the body), and the mail that carried it.
        guard let part else { return sourced }
        return sourced.adding("part", .string(part.name)).adding(
            "partChecksum", .string("sha256:" + part.checksum)
        )
        .adding("container", .string(sourceFile))
    }

    /// A mention as `show` and receipts give it.
    static func json(_ m: Mention) -> JSONValue {
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
    }

    /// One respondent's answer, as `show` gives a submission's respondents: its respondent,
    /// line (`null`: not known, as for a file stored by streaming), mentions, answers and
    /// comments.
    static func json(_ r: Response) -> JSONValue {
        .object([
            "respondent": .optional(r.respondent),
            "line": r.line > 0 ? .int(r.line) : .null,
            "dated": .optional(r.dated?.description),
            "mentions": .array(r.mentions.map(Submission.json)),
            "answers": .object(r.answers.map { .init(key: $0.question, value: .string($0.value)) }),
            "comments": .optional(r.comments),
        ])
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
    ///
    /// A submission gathering respondents is told by threat (how many respondents name each)
    /// or, given `listing` (`show`: its first respondents' answers), one line per respondent
    /// listed and how many more there are.
    public func blocks(
        title: String, questionnaire: Questionnaire?, receivedAssumedNoon: Bool = false,
        receivedIsNow: Bool = false, receivedNote: String? = nil, listing: [Response]? = nil
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
        if gathersRespondents {
            lines.append("respondents:   \(response.respondentCount)")
        }
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
        let threats = answerThreats
        let negated = response.mentions.filter(\.negated).count
        lines.append(
            "threats:       \(threats.count) found"
                + (negated > 0
                    ? " (\(negated) more match(es) in negated clauses, not counted)" : "")
                + (threats.isEmpty && negated == 0 ? "" : ":"))
        var blocks: [Document.Block] = [.heading(title), .text(lines.joined(separator: "\n"))]
        if !response.mentions.isEmpty { blocks.append(.table(evidenceTable())) }
        if let listing, !listing.isEmpty {
            blocks.append(.table(Submission.respondentTable(listing)))
            // Streamed by the fast reader: what counts was kept (and where each answer
            // starts), not each row's position or comment; its mentions carry no line.
            let mentions = listing.flatMap(\.mentions)
            if !mentions.isEmpty, mentions.allSatisfy({ $0.line == nil }) {
                blocks.append(
                    .note(
                        "read by the fast reader: each respondent's threats and best priorities "
                            + "were kept, with the line its answer starts on, not each row's "
                            + "comment or position; the file as received has them: "
                            + "threatsurvey show \(id) --original"))
            }
            let more = response.respondentCount - listing.count
            if more > 0 {
                blocks.append(
                    .note(
                        "the first \(listing.count) of \(response.respondentCount) respondents; "
                            + "every one: threatsurvey show \(id) --format json"))
            }
        } else if !response.respondents.isEmpty {
            blocks.append(.table(respondentSummary()))
        }
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

extension Submission {
    /// The distinct threats its answer counts, or its respondents' answers do (first-named
    /// order).
    var answerThreats: [String] {
        gathersRespondents ? response.respondentThreats : response.threats
    }

    /// Per threat its respondents' answers name: how many name it, and how many give it a
    /// priority (a receipt's view of a submission gathering respondents).
    func respondentSummary() -> TextTable {
        var named: [String: (respondents: Int, prioritised: Int)] = [:]
        // The answers that count: a respondent named twice in the file once, by its later.
        for r in response.countedRespondents() {
            for threat in r.threats {
                named[threat, default: (0, 0)].respondents += 1
                if r.priority(of: threat) != nil { named[threat, default: (0, 0)].prioritised += 1 }
            }
        }
        return TextTable(
            columns: ["threat", "respondents", "with a priority"],
            alignments: [.left, .right, .right],
            rows: answerThreats.map { t in
                [t, String(named[t]?.respondents ?? 0), String(named[t]?.prioritised ?? 0)]
            })
    }

    /// One line per respondent: who, where in the file, and the threats with priorities
    /// (`show`'s view of a submission gathering respondents).
    static func respondentTable(_ respondents: [Response]) -> TextTable {
        TextTable(
            columns: ["respondent", "line", "threats"], alignments: [.left, .right, .left],
            rows: respondents.map { r in
                [
                    r.respondent ?? "", r.line > 0 ? String(r.line) : "-",
                    r.mentions.filter(\.counts).map { m in
                        m.threat + (m.priority.map { " (\($0))" } ?? "")
                    }.joined(separator: ", "),
                ]
            })
    }
}
