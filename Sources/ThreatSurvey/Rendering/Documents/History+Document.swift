import Foundation

extension HistoryEntry {
    /// `history` as a document: every submission, superseded ones included.
    public static func document(_ entries: [HistoryEntry], catalog: QuestionnaireCatalog)
        -> Document
    {
        var rows: [[String]] = []
        var decisionLines: [String] = []
        for e in entries {
            let s = e.submission
            let q = try? catalog.find(s.questionnaire)
            let zone = q?.timeZone ?? Submission.defaultZone
            let who = ([s.delegation] + s.response.cosignatories.map { "+" + $0 }).joined(
                separator: " ")
            rows.append([
                "#\(s.id)", Timestamp.short(s.received, in: zone) + (e.late ? " LATE" : ""),
                s.questionnaire,
                who + (s.response.respondent.map { " (\($0))" } ?? "")
                    + (s.gathersRespondents
                        ? " (\(s.response.respondentCount) respondent"
                            + (s.response.respondentCount == 1 ? ")" : "s)") : ""),
                s.sourceFile + (s.part.map { " » " + $0.name } ?? ""),
                String(s.answerThreats.count), e.status,
            ])
            decisionLines += e.decisions.map { "#\(s.id): \($0.line)" }
        }
        let table = TextTable(
            columns: ["#", "received", "questionnaire", "delegation", "file", "threats", "status"],
            alignments: [.right, .left, .left, .left, .left, .right, .left], rows: rows)
        var blocks: [Document.Block] = [.heading("Submissions received (\(entries.count))")]
        blocks.append(entries.isEmpty ? .text("No submissions yet.") : .table(table))
        // A voided submission is withdrawn: it was received late, and its row says so, but it
        // is no late answer of anyone's, so the count leaves it out (and says so).
        let late = entries.filter { $0.late && $0.voided == nil }.count
        let voidedLate = entries.filter { $0.late && $0.voided != nil }.count
        if late + voidedLate > 0 {
            blocks.append(
                .note(
                    "\(late) received after the deadline (marked LATE)"
                        + (voidedLate > 0
                            ? "; \(voidedLate) voided, not counted"
                            : "") + "."))
        }
        if !decisionLines.isEmpty {
            blocks.append(.heading("The officer's decisions (\(decisionLines.count))"))
            for line in decisionLines { blocks.append(.text(line)) }
        }
        // Built only for `--format json` (each submission whole, with its mentions).
        let json: @Sendable () -> JSONValue = {
            .object([
                "submissions": .array(
                    entries.map { e in
                        e.submission.json(in: try? catalog.find(e.submission.questionnaire))
                            .adding("status", .string(e.status))
                            .adding("currentFor", .strings(e.currentFor))
                            .adding("decisions", .array(e.decisions.map(\.json)))
                    })
            ])
        }
        return Document(blocks: blocks, json: json(), csv: table)
    }
}
