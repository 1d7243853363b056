/// Fillable answer files for delegations (`template ID --form long|matrix|json`).
///
/// A template names every threat by its id, so a filled-in template always resolves; the
/// CSV forms carry a UTF-8 BOM and CRLF line ends so that Excel opens accents correctly.
public enum TemplateWriter {
    /// The forms a template can take.
    public enum Form: String, Sendable, CaseIterable {
        case long
        case matrix
        case json
    }

    /// The template's text for `questionnaire`.
    public static func template(for questionnaire: Questionnaire, form: Form) -> String {
        switch form {
        case .long:
            var header = [
                "questionnaire", "delegation", "threat", "mentioned", "priority", "comment",
            ]
            if !questionnaire.questions.isEmpty { header += ["question", "answer"] }
            var rows = [header]
            for threat in questionnaire.threats {
                rows.append(
                    [questionnaire.id, "", threat.id, "", "", ""]
                        + (questionnaire.questions.isEmpty ? [] : ["", ""]))
            }
            for question in questionnaire.questions {
                rows.append([questionnaire.id, "", "", "", "", "", question.id, ""])
            }
            return csv(rows)
        case .matrix:
            let header = ["delegation"] + questionnaire.threats.map(\.id) + ["comments"]
            return csv([header, [String](repeating: "", count: header.count)])
        case .json:
            let value: JSONValue = .object([
                "questionnaire": .string(questionnaire.id),
                "delegation": "",
                "cosignatories": [],
                "date": "",
                "threats": .array(
                    questionnaire.threats.map {
                        .object(["threat": .string($0.id), "priority": .null, "comment": ""])
                    }),
                "answers": .object(questionnaire.questions.map { .init(key: $0.id, value: "") }),
                "comments": "",
            ])
            return value.serialized() + "\n"
        }
    }

    /// How to fill in a template, printed on standard error beside it.
    public static func instructions(for questionnaire: Questionnaire, form: Form) -> String {
        var lines = [
            "Template for \(questionnaire.id) \"\(questionnaire.title)\", due \(questionnaire.deadline)."
        ]
        switch form {
        case .long:
            lines.append("Fill in the delegation (EL, UK… or the country's name) and put x under")
            lines.append(
                "'mentioned' (or a priority, 1 = highest) on the rows of the threats you mention;")
            lines.append("rows left blank, or with no mark and no priority, mention nothing.")
            if !questionnaire.questions.isEmpty {
                lines.append("Answer each question in the 'answer' column.")
            }
        case .matrix:
            lines.append(
                "One row per delegation: put a priority (1 = highest) or x under each threat")
            lines.append("you mention, leave the others empty; free text goes under 'comments'.")
        case .json:
            lines.append(
                "Fill in \"delegation\" and \"date\", set priorities (or null), remove the")
            lines.append("threats you do not mention, and answer the questions.")
        }
        for threat in questionnaire.threats { lines.append("  \(threat.id): \(threat.title)") }
        for question in questionnaire.questions {
            let valid =
                question.validAnswers.isEmpty
                ? "free text" : question.validAnswers.joined(separator: " / ")
            lines.append("  question \(question.id): \(question.text) [\(valid)]")
        }
        return lines.joined(separator: "\n")
    }

    private static func csv(_ rows: [[String]]) -> String {
        "\u{FEFF}"
            + rows.map { $0.map(CSVRenderer.cell).joined(separator: ",") }.joined(separator: "\r\n")
            + "\r\n"
    }
}
