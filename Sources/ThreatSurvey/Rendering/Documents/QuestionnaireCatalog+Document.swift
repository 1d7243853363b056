import Foundation

extension QuestionnaireCatalog {
    /// `questionnaires` as a document: each with its deadline and answer counts.
    ///
    /// - Parameter answers: per questionnaire id, the submissions and responding states.
    /// - Returns: the catalog as a document.
    public func document(answers: [String: (submissions: Int, memberStates: Int)]) -> Document {
        var rows: [[String]] = []
        var json: [JSONValue] = []
        for q in questionnaires {
            let a = answers[q.id] ?? (0, 0)
            rows.append([
                q.id, q.title, q.deadline.description, q.timeZone.identifier,
                "\(a.memberStates)/\(q.roster.count)", String(a.submissions),
                String(q.threats.count),
                String(q.questions.count),
            ])
            json.append(
                .object([
                    "id": .string(q.id), "title": .string(q.title),
                    "issued": .string(q.issued.description),
                    "deadline": .string(q.deadline.description),
                    "timeZone": .string(q.timeZone.identifier),
                    "roster": .int(q.roster.count), "responded": .int(a.memberStates),
                    "submissions": .int(a.submissions), "threats": .int(q.threats.count),
                    "questions": .int(q.questions.count), "note": .optional(q.note),
                ]))
        }
        let table = TextTable(
            columns: [
                "questionnaire", "title", "deadline", "zone", "answered", "submissions", "threats",
                "questions",
            ],
            alignments: [.left, .left, .left, .left, .right, .right, .right, .right], rows: rows)
        var blocks: [Document.Block] = [.heading("Questionnaires in \(folder)")]
        blocks.append(questionnaires.isEmpty ? .text("None defined.") : .table(table))
        for q in questionnaires {
            if let note = q.note { blocks.append(.note("\(q.id): \(note)")) }
        }
        let items = json
        return Document(
            blocks: blocks, json: .object(["questionnaires": .array(items)]), csv: table)
    }
}
