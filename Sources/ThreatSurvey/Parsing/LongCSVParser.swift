/// Reads the long CSV form: a header, then one row per threat a delegation mentions.
///
/// Columns are found by name in any order and case (`delegation`, also `member state`,
/// `country`, `ms`; `threat`; optional `priority`, `comment`, `questionnaire`, `respondent`,
/// and, as an extension, `cosignatories`, `question`, `answer`). One file may hold several
/// delegations; each (delegation, respondent) becomes its own response.
struct LongCSVParser {
    // The header words, in the 24 official languages: one table (``HeaderVocabulary``).
    static let delegationColumnNames = HeaderVocabulary.keys(.delegation)
    static let threatColumnNames = HeaderVocabulary.keys(.threat)
    static let priorityColumnNames = HeaderVocabulary.keys(.priority)
    static let commentColumnNames = HeaderVocabulary.keys(.comment)
    static let questionnaireColumnNames = HeaderVocabulary.keys(.questionnaire)
    static let respondentColumnNames = HeaderVocabulary.keys(.respondent)
    static let cosignatoryColumnNames = HeaderVocabulary.keys(.cosignatories)
    static let questionColumnNames = HeaderVocabulary.keys(.question)
    static let answerColumnNames = HeaderVocabulary.keys(.answer)
    /// A column that marks whether the row's threat is mentioned (`x`, `yes`, blank): the
    /// long template's way to keep every threat's row and say which are meant.
    static let mentionColumnNames = HeaderVocabulary.keys(.mentioned)

    /// What separates cosignatories in one cell: `;` `,` `+` `/`, never a space ("Czech
    /// Republic" is one state).
    static let cosignatorySeparators: Set<Character> = [";", ",", "+", "/"]

    let context: ParseContext

    private struct Columns {
        var delegation: Int?
        var threat: Int?
        var priority: Int?
        var comment: Int?
        var questionnaire: Int?
        var respondent: Int?
        var cosignatories: Int?
        var question: Int?
        var answer: Int?
        var mentioned: Int?
    }

    func parse(_ records: [CSVRecord]) -> (responses: [Response], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard let header = records.first else {
            return ([], [context.error(nil, nil, "file is empty")])
        }
        var columns = Columns()
        var unknown: [String] = []
        for (index, name) in header.fields.enumerated() {
            let key = TextFolding.key(name)
            if key.isEmpty { continue }  // Excel's trailing empty columns
            let at = header.location(ofField: index, in: context.file)
            func claim(_ slot: WritableKeyPath<Columns, Int?>) {
                if columns[keyPath: slot] != nil {
                    diagnostics.record(
                        context.error(
                            at.line, at.column,
                            "column \"\(TerminalText.clipped(name))\" appears twice"))
                } else {
                    columns[keyPath: slot] = index
                }
            }
            switch key {
            case _ where Self.delegationColumnNames.contains(key): claim(\.delegation)
            case _ where Self.threatColumnNames.contains(key): claim(\.threat)
            case _ where Self.priorityColumnNames.contains(key): claim(\.priority)
            case _ where Self.commentColumnNames.contains(key): claim(\.comment)
            case _ where Self.questionnaireColumnNames.contains(key): claim(\.questionnaire)
            case _ where Self.respondentColumnNames.contains(key): claim(\.respondent)
            case _ where Self.cosignatoryColumnNames.contains(key): claim(\.cosignatories)
            case _ where Self.questionColumnNames.contains(key): claim(\.question)
            case _ where Self.answerColumnNames.contains(key): claim(\.answer)
            case _ where Self.mentionColumnNames.contains(key): claim(\.mentioned)
            default:
                unknown.append(name)
                diagnostics.record(
                    context.warning(
                        at.line, at.column,
                        "column \"\(TerminalText.clipped(name))\" is not a known header; ignored",
                        suggestion: HeaderVocabulary.suggestion(for: name)))
            }
        }
        let seen = unknown.isEmpty ? "" : "; not known: " + TerminalText.quotedList(unknown)
        if columns.delegation == nil && context.delegation == nil {
            diagnostics.record(
                context.error(
                    header.line, 1,
                    "no delegation column (a header such as \(HeaderVocabulary.delegationExamples))\(seen); "
                        + "or give --delegation",
                    suggestion: HeaderVocabulary.suggestion(among: unknown, for: .delegation)))
        }
        if columns.threat == nil {
            diagnostics.record(
                context.error(
                    header.line, 1,
                    "no threat column (a header such as \(HeaderVocabulary.threatExamples))"
                        + seen,
                    suggestion: HeaderVocabulary.suggestion(among: unknown, for: .threat)))
        }
        guard !diagnostics.containsErrors else { return ([], diagnostics) }

        // Group rows by (delegation, respondent), keeping first-seen order.
        var order: [String] = []
        var responses: [String: Response] = [:]
        var firstLine: [String: [String: Int]] = [:]
        // Per response: the threats its rows name, and which of its mentions came from rows
        // without priority, comment or mark (a template's rows left as they were).
        var named: [String: Set<String>] = [:]
        var bare: [String: Set<Int>] = [:]
        var blankRows: [Int] = []
        for record in records.dropFirst() {
            func cell(_ index: Int?) -> (text: String, line: Int, column: Int)? {
                guard let index else { return nil }
                let at = record.location(ofField: index, in: context.file)
                return (record[safe: index], at.line, at.column)
            }
            func filled(_ index: Int?) -> Bool {
                cell(index).map { !$0.text.trimmingWhitespace().isEmpty } ?? false
            }
            context.checkExtraCells(record, header: header, into: &diagnostics)
            // A template row left blank: only the questionnaire and the threat written (with
            // --delegation, the filled-in template rule below decides instead).
            if context.delegation == nil && columns.delegation != nil && !filled(columns.delegation)
                && !filled(columns.priority) && !filled(columns.comment)
                && !filled(columns.mentioned)
                && !filled(columns.question) && !filled(columns.answer)
                && !filled(columns.cosignatories)
                && (columns.priority != nil || columns.mentioned != nil)
            {
                blankRows.append(record.line)
                continue
            }
            if let q = cell(columns.questionnaire) {
                context.checkQuestionnaire(
                    q.text, line: q.line, column: q.column, into: &diagnostics)
            }
            var state = context.delegation
            if let d = cell(columns.delegation) {
                let fromFile = context.memberState(
                    d.text, line: d.line, column: d.column, role: "delegation", into: &diagnostics)
                if let given = context.delegation, let fromFile, fromFile != given {
                    diagnostics.record(
                        context.error(
                            d.line, d.column,
                            "row is for \(fromFile.code) but --delegation says \(given.code)"))
                }
                state = fromFile ?? (d.text.isEmpty ? context.delegation : nil)
            }
            let respondent = cell(columns.respondent)?.text.trimmingWhitespace()
            var cosignatories: [String] = []
            if let c = cell(columns.cosignatories) {
                // Never on spaces: "Czech Republic" is one state.
                for part in c.text.split(whereSeparator: { Self.cosignatorySeparators.contains($0) }
                )
                where !String(part).trimmingWhitespace().isEmpty {
                    if let s = context.memberState(
                        String(part), line: c.line, column: c.column, role: "cosignatory",
                        into: &diagnostics)
                    {
                        cosignatories.append(s.code)
                    }
                }
            }
            let threatCell = cell(columns.threat)
            let questionCell = cell(columns.question)
            var mention: Mention?
            var answer: Response.Answer?
            var isBare = false
            if let t = threatCell, !t.text.trimmingWhitespace().isEmpty {
                // Every problem of the row: the priority is checked even when the threat is unknown.
                let id = context.threat(t.text, line: t.line, column: t.column, into: &diagnostics)
                var priority: Int?
                if let p = cell(columns.priority) {
                    priority = context.priority(
                        p.text, line: p.line, column: p.column, into: &diagnostics)
                }
                var marked: Bool?
                if let m = cell(columns.mentioned), !m.text.trimmingWhitespace().isEmpty {
                    marked = YesNo.read(m.text)
                    if marked == nil {
                        diagnostics.record(
                            context.error(
                                m.line, m.column,
                                "\"\(m.text.trimmingWhitespace())\" in the mention column is neither a mark "
                                    + "(x, yes) nor blank (or no)"))
                    } else if marked == false, priority != nil, let p = cell(columns.priority) {
                        diagnostics.record(
                            context.error(
                                p.line, p.column,
                                "this row gives a priority but its mention column says no; clear one of them"
                            ))
                    }
                }
                let comment = cell(columns.comment)?.text.trimmingWhitespace()
                if let id {
                    let says: Bool
                    if columns.mentioned != nil {
                        // The mark, or the priority alone, says the threat is mentioned.
                        says = marked == true || (marked == nil && priority != nil)
                    } else {
                        says = true
                        isBare = priority == nil && comment?.isEmpty != false
                    }
                    if says {
                        mention = Mention(
                            threat: id, priority: priority,
                            comment: comment?.isEmpty == false ? comment : nil,
                            origin: .structured, phrase: t.text.trimmingWhitespace(), line: t.line,
                            column: t.column)
                    }
                }
                if let id, let state {
                    named[state.code + "\u{1F}" + (respondent ?? ""), default: []].insert(id)
                }
            } else if let q = questionCell, !q.text.trimmingWhitespace().isEmpty {
                let value = cell(columns.answer)?.text ?? ""
                answer = context.answer(
                    question: q.text, value: value, line: q.line, column: q.column,
                    into: &diagnostics)
            } else {
                let at = threatCell.map { ($0.line, $0.column) } ?? (record.line, 1)
                diagnostics.record(context.warning(at.0, at.1, "row names no threat; skipped"))
                continue
            }
            guard let state else { continue }
            let key = state.code + "\u{1F}" + (respondent ?? "")
            if responses[key] == nil {
                order.append(key)
                responses[key] = Response(
                    delegation: state.code,
                    respondent: respondent?.isEmpty == false ? respondent : nil,
                    line: record.line)
            }
            for code in cosignatories where code != state.code {
                if responses[key]?.cosignatories.contains(code) == false {
                    responses[key]?.cosignatories.append(code)
                }
            }
            if let mention {
                if let earlier = firstLine[key]?[mention.threat] {
                    diagnostics.record(
                        context.warning(
                            mention.line, mention.column,
                            "\(mention.threat) is listed again for \(state.code) (first on line "
                                + "\(earlier)); both rows are kept, the better priority counts"))
                } else {
                    firstLine[key, default: [:]][mention.threat] = mention.line ?? 0
                }
                if isBare { bare[key, default: []].insert(responses[key]?.mentions.count ?? 0) }
                responses[key]?.mentions.append(mention)
            }
            if let answer { responses[key]?.answers.append(answer) }
        }
        if !blankRows.isEmpty {
            let lines =
                blankRows.prefix(5).map(String.init).joined(separator: ", ")
                + (blankRows.count > 5 ? ", …" : "")
            diagnostics.record(
                context.warning(
                    blankRows[0], nil,
                    "\(blankRows.count) row(s) left blank (line \(lines)) mention nothing"))
        }
        let everyThreat = Set(context.questionnaire.threats.map(\.id))
        for key in order {
            guard var response = responses[key] else { continue }
            // A filled-in template: its rows name every threat, and some carry a priority or a
            // comment; the rows left without either mention nothing.
            if columns.mentioned == nil, named[key] == everyThreat, let bareRows = bare[key],
                bareRows.count < response.mentions.count, !bareRows.isEmpty
            {
                let dropped = response.mentions.indices.filter { bareRows.contains($0) }
                diagnostics.record(
                    context.warning(
                        response.line, nil,
                        "\(response.delegation) lists every threat of \(context.questionnaire.id), as a filled-in "
                            + "template: the \(dropped.count) row(s) without priority or comment mention nothing"
                    ))
                response.mentions = response.mentions.enumerated().filter {
                    !bareRows.contains($0.offset)
                }.map(\.element)
                responses[key] = response
            }
        }
        var result = order.compactMap { responses[$0] }
        for index in result.indices {
            result[index].cosignatories = MemberState.sortedByProtocol(result[index].cosignatories)
        }
        if result.isEmpty && !diagnostics.containsErrors {
            diagnostics.record(context.error(header.line, 1, "no answer rows after the header"))
        }
        return (result, diagnostics)
    }
}
