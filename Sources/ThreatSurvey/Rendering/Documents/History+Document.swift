import Foundation

extension HistoryEntry {
    /// `history` as a document: every submission, superseded ones included.
    public static func document(_ entries: [HistoryEntry], catalog: QuestionnaireCatalog)
        -> Document
    {
        var rows: [[String]] = []
        var json: [JSONValue] = []
        for e in entries {
            let s = e.submission
            let q = try? catalog.find(s.questionnaire)
            let zone = q?.timeZone ?? Submission.defaultZone
            let who = ([s.delegation] + s.response.cosignatories.map { "+" + $0 }).joined(
                separator: " ")
            rows.append([
                "#\(s.id)", Timestamp.short(s.received, in: zone) + (e.late ? " LATE" : ""),
                s.questionnaire, who + (s.response.respondent.map { " (\($0))" } ?? ""),
                s.sourceFile,
                String(s.response.threats.count), e.status,
            ])
            json.append(
                s.json(in: q).adding("status", .string(e.status))
                    .adding("currentFor", .strings(e.currentFor)))
        }
        let table = TextTable(
            columns: ["#", "received", "questionnaire", "delegation", "file", "threats", "status"],
            alignments: [.right, .left, .left, .left, .left, .right, .left], rows: rows)
        var blocks: [Document.Block] = [.heading("Submissions received (\(entries.count))")]
        blocks.append(entries.isEmpty ? .text("No submissions yet.") : .table(table))
        let late = entries.filter(\.late).count
        if late > 0 { blocks.append(.note("\(late) received after the deadline (marked LATE).")) }
        return Document(blocks: blocks, json: .object(["submissions": .array(json)]), csv: table)
    }
}
