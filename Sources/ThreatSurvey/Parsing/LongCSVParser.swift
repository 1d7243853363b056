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

    /// Where each known column is in the header (`nil`: the file has no such column).
    struct Columns {
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

    /// One cell of a row: its text and where it starts in the file.
    typealias RowCell = (text: String, line: Int, column: Int)

    /// What one row says, once its cells are read: the threat it names (when known), the
    /// mention it makes, or the answer it gives.
    struct RowReading {
        /// The threat the row names, when recognised (mentioned or not).
        var threat: String?
        /// The mention the row makes, if it makes one.
        var mention: Mention?
        /// Whether the mention came from a row without priority, comment or mark.
        var isBare = false
        /// The answer to a question the row gives, if it gives one.
        var answer: Response.Answer?
    }

    /// The responses being built, row after row; one value carried through the loop so that
    /// no row allocates its own bookkeeping.
    struct ResponseGroups {
        /// Response keys (delegation, U+001F, respondent) in first-seen order.
        var order: [String] = []
        var responses: [String: Response] = [:]
        /// Per response, the line on which each threat was first listed.
        var firstLine: [String: [String: Int]] = [:]
        /// Per response: the threats its rows name.
        var named: [String: Set<String>] = [:]
        /// Per response: which of its mentions came from rows without priority, comment or
        /// mark (a template's rows left as they were).
        var bare: [String: Set<Int>] = [:]
        /// Lines of template rows left blank.
        var blankRows: [Int] = []
    }

    /// Reads the file: header, required columns, each row, then the whole-file checks.
    func parse(_ records: [CSVRecord]) -> (responses: [Response], diagnostics: [Diagnostic]) {
        guard let header = records.first else {
            return ([], [context.error(nil, nil, "file is empty")])
        }
        var diagnostics: [Diagnostic] = []
        let (columns, unknown) = readHeader(header, into: &diagnostics)
        checkRequiredColumns(columns, unknown: unknown, header: header, into: &diagnostics)
        guard !diagnostics.containsErrors else { return ([], diagnostics) }
        var grouping = ResponseGroups()
        for record in records.dropFirst() {
            readRow(
                record, header: header, columns: columns, into: &grouping,
                diagnostics: &diagnostics)
        }
        reportBlankRows(grouping.blankRows, into: &diagnostics)
        dropFilledInTemplateRows(of: &grouping, columns: columns, into: &diagnostics)
        let result = finishedResponses(grouping)
        if result.isEmpty && !diagnostics.containsErrors {
            diagnostics.record(context.error(header.line, 1, "no answer rows after the header"))
        }
        return (result, diagnostics)
    }

    // MARK: - Header

    /// The known columns of `header`, found by name, and the names it does not know.
    ///
    /// Its own phase because columns come in any order, language and case: every later phase
    /// reads cells by the positions found here. A name seen twice is an error at the second;
    /// an unknown name is a warning with the nearest known header.
    func readHeader(_ header: CSVRecord, into diagnostics: inout [Diagnostic]) -> (
        columns: Columns, unknown: [String]
    ) {
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
        return (columns, unknown)
    }

    /// Errors for a missing delegation column (unless `--delegation` gives it) or threat
    /// column, naming the headers that were not known.
    ///
    /// Its own phase because without these columns no row can be read: `parse` stops here
    /// rather than report every row.
    func checkRequiredColumns(
        _ columns: Columns, unknown: [String], header: CSVRecord,
        into diagnostics: inout [Diagnostic]
    ) {
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
    }

    // MARK: - Rows

    /// Reads one row into `grouping`: blank template row, questionnaire, delegation,
    /// respondent, cosignatories, then the mention or answer, added to its response.
    ///
    /// - Complexity: O(cells of the row); nothing is allocated per row beyond what the row
    ///   itself holds (its cosignatories, its mention).
    func readRow(
        _ record: CSVRecord, header: CSVRecord, columns: Columns,
        into grouping: inout ResponseGroups,
        diagnostics: inout [Diagnostic]
    ) {
        context.checkExtraCells(record, header: header, into: &diagnostics)
        if isBlankTemplateRow(record, columns: columns) {
            grouping.blankRows.append(record.line)
            return
        }
        if let q = cell(columns.questionnaire, of: record) {
            context.checkQuestionnaire(q.text, line: q.line, column: q.column, into: &diagnostics)
        }
        let state = rowDelegation(record, columns: columns, into: &diagnostics)
        let respondent = cell(columns.respondent, of: record)?.text.trimmingWhitespace()
        let cosignatories = rowCosignatories(record, columns: columns, into: &diagnostics)
        guard let reading = readEntry(record, columns: columns, into: &diagnostics),
            let state
        else { return }
        group(
            reading, of: record, state: state, respondent: respondent,
            cosignatories: cosignatories, into: &grouping, diagnostics: &diagnostics)
    }

    /// The cell at column `index` of `record`, with where it starts; `nil` when the file
    /// has no such column (a short row gives `""`).
    func cell(_ index: Int?, of record: CSVRecord) -> RowCell? {
        guard let index else { return nil }
        let at = record.location(ofField: index, in: context.file)
        return (record[safe: index], at.line, at.column)
    }

    /// Whether the cell at column `index` holds more than whitespace.
    func filled(_ index: Int?, of record: CSVRecord) -> Bool {
        cell(index, of: record).map { !$0.text.trimmingWhitespace().isEmpty } ?? false
    }

    /// Whether `record` is a template row left blank: only the questionnaire and the threat
    /// written.
    ///
    /// Its own phase because such rows mention nothing and are reported together, once,
    /// rather than each as a problem. With `--delegation`, the filled-in template rule
    /// (``dropFilledInTemplateRows(of:columns:into:)``) decides instead.
    func isBlankTemplateRow(_ record: CSVRecord, columns: Columns) -> Bool {
        context.delegation == nil && columns.delegation != nil
            && !filled(columns.delegation, of: record)
            && !filled(columns.priority, of: record) && !filled(columns.comment, of: record)
            && !filled(columns.mentioned, of: record)
            && !filled(columns.question, of: record) && !filled(columns.answer, of: record)
            && !filled(columns.cosignatories, of: record)
            && (columns.priority != nil || columns.mentioned != nil)
    }

    /// The delegation a row is for: its delegation cell, else `--delegation`; `nil` when the
    /// cell names no Member State.
    ///
    /// Its own phase because the cell and `--delegation` must agree, and a blank cell falls
    /// back to `--delegation` while an unreadable one does not.
    func rowDelegation(
        _ record: CSVRecord, columns: Columns, into diagnostics: inout [Diagnostic]
    ) -> MemberState? {
        guard let d = cell(columns.delegation, of: record) else { return context.delegation }
        let fromFile = context.memberState(
            d.text, line: d.line, column: d.column, role: "delegation", into: &diagnostics)
        if let given = context.delegation, let fromFile, fromFile != given {
            diagnostics.record(
                context.error(
                    d.line, d.column,
                    "row is for \(fromFile.code) but --delegation says \(given.code)"))
        }
        return fromFile ?? (d.text.isEmpty ? context.delegation : nil)
    }

    /// The codes of the cosignatories a row names, split at ``cosignatorySeparators``.
    ///
    /// Its own phase because a cell holds several states and each is checked on its own;
    /// never split on spaces: "Czech Republic" is one state.
    func rowCosignatories(
        _ record: CSVRecord, columns: Columns, into diagnostics: inout [Diagnostic]
    ) -> [String] {
        var cosignatories: [String] = []
        guard let c = cell(columns.cosignatories, of: record) else { return cosignatories }
        for part in c.text.split(whereSeparator: { Self.cosignatorySeparators.contains($0) })
        where !String(part).trimmingWhitespace().isEmpty {
            if let s = context.memberState(
                String(part), line: c.line, column: c.column, role: "cosignatory",
                into: &diagnostics)
            {
                cosignatories.append(s.code)
            }
        }
        return cosignatories
    }

    /// What a row says: a threat (with priority, mark and comment) or, without one, an
    /// answer to a question; `nil` for a row that says neither (warned and skipped).
    ///
    /// Its own phase because a row is one of three kinds, and which decides what is read.
    func readEntry(
        _ record: CSVRecord, columns: Columns, into diagnostics: inout [Diagnostic]
    ) -> RowReading? {
        let threatCell = cell(columns.threat, of: record)
        if let t = threatCell, !t.text.trimmingWhitespace().isEmpty {
            return readThreat(t, of: record, columns: columns, into: &diagnostics)
        }
        if let q = cell(columns.question, of: record), !q.text.trimmingWhitespace().isEmpty {
            let value = cell(columns.answer, of: record)?.text ?? ""
            var reading = RowReading()
            reading.answer = context.answer(
                question: q.text, value: value, line: q.line, column: q.column,
                into: &diagnostics)
            return reading
        }
        let at = threatCell.map { ($0.line, $0.column) } ?? (record.line, 1)
        diagnostics.record(context.warning(at.0, at.1, "row names no threat; skipped"))
        return nil
    }

    /// What a row naming threat cell `t` says: the threat, and the mention it makes (with
    /// its priority and comment), if it makes one.
    ///
    /// Its own phase because it holds the rules of a threat row: every problem of the row
    /// is reported (the priority is checked even when the threat is unknown), and with a
    /// mention column the mark (or the priority alone) says whether the threat is
    /// mentioned; without one, a row with neither priority nor comment is bare.
    func readThreat(
        _ t: RowCell, of record: CSVRecord, columns: Columns,
        into diagnostics: inout [Diagnostic]
    ) -> RowReading {
        var reading = RowReading()
        let id = context.threat(t.text, line: t.line, column: t.column, into: &diagnostics)
        reading.threat = id
        var priority: Int?
        if let p = cell(columns.priority, of: record) {
            priority = context.priority(
                p.text, line: p.line, column: p.column, into: &diagnostics)
        }
        var marked: Bool?
        if let m = cell(columns.mentioned, of: record), !m.text.trimmingWhitespace().isEmpty {
            marked = YesNo.read(m.text)
            if marked == nil {
                diagnostics.record(
                    context.error(
                        m.line, m.column,
                        "\"\(m.text.trimmingWhitespace())\" in the mention column is neither a mark "
                            + "(x, yes) nor blank (or no)"))
            } else if marked == false, priority != nil,
                let p = cell(columns.priority, of: record)
            {
                diagnostics.record(
                    context.error(
                        p.line, p.column,
                        "this row gives a priority but its mention column says no; clear one of them"
                    ))
            }
        }
        let comment = cell(columns.comment, of: record)?.text.trimmingWhitespace()
        if let id {
            let says: Bool
            if columns.mentioned != nil {
                // The mark, or the priority alone, says the threat is mentioned.
                says = marked == true || (marked == nil && priority != nil)
            } else {
                says = true
                reading.isBare = priority == nil && comment?.isEmpty != false
            }
            if says {
                reading.mention = Mention(
                    threat: id, priority: priority,
                    comment: comment?.isEmpty == false ? comment : nil,
                    origin: .structured, phrase: t.text.trimmingWhitespace(), line: t.line,
                    column: t.column)
            }
        }
        return reading
    }

    /// Adds a row's reading to the response of (`state`, `respondent`), made on its first row.
    ///
    /// Its own phase because one file holds several responses, kept in first-seen order; a
    /// threat listed again for a response is warned about (both rows kept).
    func group(
        _ reading: RowReading, of record: CSVRecord, state: MemberState, respondent: String?,
        cosignatories: [String], into grouping: inout ResponseGroups,
        diagnostics: inout [Diagnostic]
    ) {
        let key = state.code + "\u{1F}" + (respondent ?? "")
        if let id = reading.threat { grouping.named[key, default: []].insert(id) }
        if grouping.responses[key] == nil {
            grouping.order.append(key)
            grouping.responses[key] = Response(
                delegation: state.code,
                respondent: respondent?.isEmpty == false ? respondent : nil,
                line: record.line)
        }
        for code in cosignatories where code != state.code {
            if grouping.responses[key]?.cosignatories.contains(code) == false {
                grouping.responses[key]?.cosignatories.append(code)
            }
        }
        if let mention = reading.mention {
            if let earlier = grouping.firstLine[key]?[mention.threat] {
                diagnostics.record(
                    context.warning(
                        mention.line, mention.column,
                        "\(mention.threat) is listed again for \(state.code) (first on line "
                            + "\(earlier)); both rows are kept, the better priority counts"))
            } else {
                grouping.firstLine[key, default: [:]][mention.threat] = mention.line ?? 0
            }
            if reading.isBare {
                grouping.bare[key, default: []].insert(
                    grouping.responses[key]?.mentions.count ?? 0)
            }
            grouping.responses[key]?.mentions.append(mention)
        }
        if let answer = reading.answer { grouping.responses[key]?.answers.append(answer) }
    }

    // MARK: - Whole file

    /// One warning for the template rows left blank, naming the first five lines.
    ///
    /// Its own phase because a template has many such rows: one line for all of them.
    func reportBlankRows(_ blankRows: [Int], into diagnostics: inout [Diagnostic]) {
        guard !blankRows.isEmpty else { return }
        let lines =
            blankRows.prefix(5).map(String.init).joined(separator: ", ")
            + (blankRows.count > 5 ? ", …" : "")
        diagnostics.record(
            context.warning(
                blankRows[0], nil,
                "\(blankRows.count) row(s) left blank (line \(lines)) mention nothing"))
    }

    /// Drops, from each response whose rows name every threat and some of which carry a
    /// priority or a comment (a filled-in template), the rows with neither.
    ///
    /// Its own phase because it needs a response's rows all read: only then is it known
    /// that they name every threat.
    func dropFilledInTemplateRows(
        of grouping: inout ResponseGroups, columns: Columns, into diagnostics: inout [Diagnostic]
    ) {
        guard columns.mentioned == nil else { return }
        let everyThreat = Set(context.questionnaire.threats.map(\.id))
        for key in grouping.order {
            guard var response = grouping.responses[key] else { continue }
            if grouping.named[key] == everyThreat, let bareRows = grouping.bare[key],
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
                grouping.responses[key] = response
            }
        }
    }

    /// The responses in first-seen order, each with its cosignatories in protocol order.
    func finishedResponses(_ grouping: ResponseGroups) -> [Response] {
        var result = grouping.order.compactMap { grouping.responses[$0] }
        for index in result.indices {
            result[index].cosignatories = MemberState.sortedByProtocol(result[index].cosignatories)
        }
        return result
    }
}
