import Foundation

extension Ranking {
    /// The `rank --format json` shape (<doc:Documents>).
    public var json: JSONValue {
        var members: [JSONValue.Member] = [
            .init(key: "questionnaire", value: .string(questionnaire.id)),
            .init(key: "method", value: .string(options.method.rawValue)),
            .init(key: "roster", value: .int(roster.count)),
            .init(key: "responded", value: .int(responded.count)),
        ]
        if let respondents { members.append(.init(key: "respondents", value: .int(respondents))) }
        members += [
            .init(
                key: "asOf",
                value: options.asOf.map { .string(Timestamp.iso($0, in: questionnaire.timeZone)) }
                    ?? .null),
            .init(key: "onTimeOnly", value: .bool(options.onTimeOnly)),
            .init(key: "late", value: .strings(lateAnswers)),
            .init(key: "threats", value: .array(threats.map(\.json))),
        ]
        return .object(members)
    }

    /// `rank` as a document: the table, what was counted, and what was left out.
    public func document(regionTitle: String? = nil) -> Document {
        let what =
            options.method == .borda
            ? "Borda points" : "the number of Member States mentioning them"
        var blocks: [Document.Block] = [.heading("\(questionnaire.id): threats ranked by \(what)")]
        var lines: [String] = []
        if let regionTitle { lines.append("Region: \(regionTitle).") }
        lines.append(answeredSentence)
        blocks.append(.text(lines.joined(separator: "\n")))
        blocks.append(.table(table))
        blocks += notes.map(Document.Block.note)
        return Document(blocks: blocks, json: json, csv: csvTable)
    }

    /// The sentence saying how many Member States answered.
    ///
    /// For example: `20 of 28 Member States answered (as of 2015-09-07T23:59:59+02:00).`
    var answeredSentence: String {
        var s = "\(responded.count) of \(roster.count) Member States answered"
        if let respondents { s += " (\(respondents) respondents)" }
        if let asOf = options.asOf {
            s += ", as of \(Timestamp.iso(asOf, in: questionnaire.timeZone))"
        }
        return s + "."
    }

    /// Late answers, ties, and how mean priority orders ties.
    var notes: [String] {
        var notes: [String] = []
        if options.onTimeOnly {
            if !lateAnswers.isEmpty {
                notes.append(
                    "--on-time-only: answers received after the deadline are left out "
                        + "(\(lateAnswers.joined(separator: " ")) count with their latest on-time answer, if any)."
                )
            }
        } else if !lateAnswers.isEmpty {
            let n = lateAnswers.count
            notes.append(
                "\(n) answer\(n == 1 ? "" : "s") counted here arrived after the deadline "
                    + "(\(lateAnswers.joined(separator: " "))); --on-time-only leaves \(n == 1 ? "it" : "them") out."
            )
        }
        if threats.contains(where: \.tied) {
            notes.append(
                options.method == .borda
                    ? "=N marks tied points; ties are listed by Member States, then mean priority, then id."
                    : "=N marks tied counts; ties are listed by mean priority (1 = highest), then id."
            )
        }
        return notes
    }

    var table: TextTable {
        let bar = { (share: Double) in String(repeating: "█", count: Int((share * 12).rounded())) }
        var columns = ["rank", "threat", "MS", "share", "", "mean prio", "1st", "Borda"]
        var alignments: [TextTable.Alignment] = [
            .right, .left, .right, .right, .left, .right, .right, .right,
        ]
        if respondents != nil {
            columns.append("resp.")
            alignments.append(.right)
        }
        let rows = threats.map { t in
            var row = [
                t.rankLabel, t.id, String(t.memberStates), Ranking.percent(t.share), bar(t.share),
                t.meanPriority.map { String(format: "%.1f", $0) } ?? "-",
                String(t.firstPreferences),
                Ranking.points(t.bordaPoints),
            ]
            if let r = t.respondents { row.append(String(r)) }
            return row
        }
        return TextTable(columns: columns, alignments: alignments, rows: rows)
    }

    var csvTable: TextTable {
        var columns = [
            "rank", "id", "title", "memberStates", "share", "mentionedBy", "meanPriority",
            "firstPreferences",
            "bordaPoints",
        ]
        if respondents != nil { columns.append("respondents") }
        return TextTable(
            columns: columns,
            rows: threats.map { t in
                var row = [
                    String(t.rank), t.id, t.title, String(t.memberStates),
                    JSONValue.format(t.share),
                    t.mentionedBy.joined(separator: " "),
                    t.meanPriority.map(JSONValue.format) ?? "",
                    String(t.firstPreferences), JSONValue.format(t.bordaPoints),
                ]
                if let r = t.respondents { row.append(String(r)) }
                return row
            })
    }

    static func percent(_ share: Double) -> String { String(Int((share * 100).rounded())) + "%" }

    static func points(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}

extension RankedThreat {
    /// One threat in the contract's JSON shape.
    public var json: JSONValue {
        var members: [JSONValue.Member] = [
            .init(key: "rank", value: .int(rank)),
            .init(key: "id", value: .string(id)),
            .init(key: "title", value: .string(title)),
            .init(key: "memberStates", value: .int(memberStates)),
            .init(key: "share", value: .double(share)),
            .init(key: "mentionedBy", value: .strings(mentionedBy)),
            .init(key: "meanPriority", value: .optional(meanPriority)),
            .init(key: "firstPreferences", value: .int(firstPreferences)),
            .init(key: "bordaPoints", value: .double(bordaPoints)),
        ]
        if let respondents { members.append(.init(key: "respondents", value: .int(respondents))) }
        members.append(.init(key: "tied", value: .bool(tied)))
        return .object(members)
    }
}
