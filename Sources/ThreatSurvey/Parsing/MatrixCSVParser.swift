/// Reads the matrix CSV form: one row per delegation, one column per threat.
///
/// The first column is the delegation; every other header names a threat. A cell holding
/// a whole number is a priority; `x`, `yes`, `✓`, `1` mark a mention without priority;
/// empty, `0` and `no` mark none. A row whose marks are all `1` (or `x`) is read as marks,
/// not as priority 1 everywhere, and the receipt says so.
struct MatrixCSVParser {
    static let marks: Set<String> = ["x", "yes", "y", "oui", "ja", "true", "1"]
    static let markSymbols: Set<String> = ["✓", "✔", "☑", "✗", "×", "X"]
    static let blanks: Set<String> = ["", "0", "no", "n", "non", "nein", "false", "-"]

    let context: ParseContext

    func parse(_ records: [CSVRecord]) -> (responses: [Response], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard let header = records.first else { return ([], [context.error(nil, nil, "file is empty")]) }
        var threatColumns: [(index: Int, threat: String)] = []
        var commentColumn: Int?
        var columnOfThreat: [String: Int] = [:]  // linear in the header's width
        for index in header.fields.indices.dropFirst() {
            let name = header.fields[index]
            let at = header.location(ofField: index, in: context.file)
            let key = TextFolding.key(name)
            if key.isEmpty { continue }
            if LongCSVParser.commentColumnNames.contains(key) {
                commentColumn = index
                continue
            }
            if let id = context.threat(name, line: at.line, column: at.column, into: &diagnostics) {
                if let other = columnOfThreat[id] {
                    let otherAt = header.location(ofField: other, in: context.file)
                    diagnostics.record(
                        context.error(
                            at.line, at.column,
                            "column \"\(name)\" is the same threat (\(id)) as column "
                                + "\(otherAt.column)"))
                } else {
                    columnOfThreat[id] = index
                    threatColumns.append((index, id))
                }
            }
        }
        guard !diagnostics.containsErrors else { return ([], diagnostics) }
        var responses: [Response] = []
        var seen: [String: Int] = [:]
        for record in records.dropFirst() {
            let delegationAt = record.location(ofField: 0, in: context.file)
            var state = context.delegation
            let written = record[safe: 0]
            if !written.trimmingWhitespace().isEmpty || context.delegation == nil {
                state = context.memberState(
                    written, line: delegationAt.line, column: delegationAt.column,
                    role: "delegation in the first column", into: &diagnostics)
            }
            var cells: [(threat: String, value: Int?, text: String, line: Int, column: Int)] = []
            var sawNumberAboveOne = false
            for column in threatColumns {
                let text = record[safe: column.index].trimmingWhitespace()
                let at = record.location(ofField: column.index, in: context.file)
                let key = TextFolding.key(text)
                if Self.blanks.contains(key) && !Self.markSymbols.contains(text) { continue }
                let isDigits = !text.isEmpty && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
                let parsed = Priority.parse(text)
                if isDigits, case .success(let number) = parsed {
                    if number > 1 { sawNumberAboveOne = true }
                    cells.append((column.threat, number, text, at.line, at.column))
                } else if Self.marks.contains(key) || Self.markSymbols.contains(text) {
                    cells.append((column.threat, nil, text, at.line, at.column))
                } else if case .failure(let problem) = parsed,
                    isDigits || Int(text) != nil || problem != .notDigits(suggestion: nil)
                {
                    var suggestion: String?
                    if case .notDigits(let plain) = problem { suggestion = plain }
                    diagnostics.record(
                        context.error(
                            at.line, at.column, Priority.message(TerminalText.clipped(text), problem),
                            suggestion: suggestion))
                } else {
                    diagnostics.record(
                        context.error(
                            at.line, at.column,
                            "cell \"\(TerminalText.clipped(text))\" is neither a priority nor a mark (x, yes, ✓, 1) nor empty"))
                }
            }
            guard let state else { continue }
            if let first = seen[state.code] {
                diagnostics.record(
                    context.error(
                        delegationAt.line, delegationAt.column,
                        "\(state.code) has a second row (first on line \(first)); send one row "
                            + "per delegation"))
                continue
            }
            seen[state.code] = record.line
            var response = Response(delegation: state.code, line: record.line)
            let ones = cells.filter { $0.text == "1" }
            if sawNumberAboveOne {
                // Whole numbers are priorities, so a 1 is priority 1.
                response.mentions = cells.map {
                    Mention(
                        threat: $0.threat, priority: $0.text == "1" ? 1 : $0.value,
                        origin: .structured, phrase: $0.text, line: $0.line, column: $0.column)
                }
            } else {
                if !ones.isEmpty {
                    diagnostics.record(
                        context.warning(
                            record.line, nil,
                            "\(state.code): every mark is 1 or x, so they are read as mentions "
                                + "without priority"))
                }
                response.mentions = cells.map {
                    Mention(
                        threat: $0.threat, priority: nil, origin: .structured, phrase: $0.text,
                        line: $0.line, column: $0.column)
                }
            }
            if let commentColumn {
                let comment = record[safe: commentColumn].trimmingWhitespace()
                if !comment.isEmpty {
                    response.comments = comment
                    let at = record.location(ofField: commentColumn, in: context.file)
                    response.mentions += context.prose.mentions(
                        in: comment, firstLine: at.line, firstColumn: at.column)
                }
            }
            if response.mentions.isEmpty {
                diagnostics.record(
                    context.warning(record.line, nil, "\(state.code) marks no threat"))
            }
            responses.append(response)
        }
        if responses.isEmpty && !diagnostics.containsErrors {
            diagnostics.record(context.error(header.line, 1, "no delegation rows after the header"))
        }
        return (responses, diagnostics)
    }
}
