/// Reads the matrix CSV form: one row per delegation, one column per threat.
///
/// The first column is the delegation; every other header names a threat. A cell holding
/// a whole number is a priority; `x`, `yes`, `✓` (and "yes" in the Union's languages) mark
/// a mention without priority; empty, `0` and `no` mark none. A `1` is priority 1 — using
/// `x` for a plain mention is exactly why a `1` next to it is a priority — except in a file
/// whose marks are nothing but `1`s (with blanks or `0`s): a tick export, whose `1`s are
/// mentions without priority, said in a warning.
struct MatrixCSVParser {
    /// Folded marks of a mention without priority: `x` and "yes" in the Union's languages.
    static let marks: Set<String> = YesNo.yes.subtracting(["1"])
    static let markSymbols: Set<String> = ["✓", "✔", "☑", "✗", "×", "X"]
    /// Folded cells that mark no mention: empty, `0`, `-` and "no" in the Union's languages.
    static let blanks: Set<String> = YesNo.no.union([""])

    let context: ParseContext

    func parse(_ records: [CSVRecord]) -> (responses: [Response], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard let header = records.first else {
            return ([], [context.error(nil, nil, "file is empty")])
        }
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
        // First pass: every row's marks, so that the file can be told a tick export or not.
        typealias Cell = (threat: String, value: Int?, text: String, line: Int, column: Int)
        var rows: [(record: CSVRecord, state: MemberState?, cells: [Cell])] = []
        var onlyOnes = true
        var sawOne = false
        for record in records.dropFirst() {
            let delegationAt = record.location(ofField: 0, in: context.file)
            var state = context.delegation
            let written = record[safe: 0]
            if !written.trimmingWhitespace().isEmpty || context.delegation == nil {
                state = context.memberState(
                    written, line: delegationAt.line, column: delegationAt.column,
                    role: "delegation in the first column", into: &diagnostics)
            }
            context.checkExtraCells(record, header: header, into: &diagnostics)
            var cells: [Cell] = []
            for column in threatColumns {
                let text = record[safe: column.index].trimmingWhitespace()
                let at = record.location(ofField: column.index, in: context.file)
                let key = TextFolding.key(text)
                if Self.blanks.contains(key) && !Self.markSymbols.contains(text) { continue }
                let isDigits = !text.isEmpty && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
                let parsed = Priority.parse(text)
                if isDigits, case .success(let number) = parsed {
                    if number == 1 { sawOne = true } else { onlyOnes = false }
                    cells.append((column.threat, number, text, at.line, at.column))
                } else if Self.marks.contains(key) || Self.markSymbols.contains(text) {
                    onlyOnes = false
                    cells.append((column.threat, nil, text, at.line, at.column))
                } else if case .failure(let problem) = parsed,
                    isDigits || Int(text) != nil || problem != .notDigits(suggestion: nil)
                {
                    var suggestion: String?
                    if case .notDigits(let plain) = problem { suggestion = plain }
                    diagnostics.record(
                        context.error(
                            at.line, at.column,
                            Priority.message(TerminalText.clipped(text), problem),
                            suggestion: suggestion))
                } else {
                    diagnostics.record(
                        context.error(
                            at.line, at.column,
                            "cell \"\(TerminalText.clipped(text))\" is neither a priority nor a mark (x, yes, ✓) nor empty"
                        ))
                }
            }
            rows.append((record, state, cells))
        }
        // A file whose marks are nothing but 1s (with blanks or 0s) is a tick export.
        let tickExport = sawOne && onlyOnes
        if tickExport {
            diagnostics.record(
                context.warning(
                    header.line, nil,
                    "every mark in this file is 1 (or blank, 0): read as a tick export, the 1s are mentions "
                        + "without priority"))
        }
        var responses: [Response] = []
        var seen: [String: Int] = [:]
        for (record, state, cells) in rows {
            guard let state else { continue }
            if let first = seen[state.code] {
                let delegationAt = record.location(ofField: 0, in: context.file)
                diagnostics.record(
                    context.error(
                        delegationAt.line, delegationAt.column,
                        "\(state.code) has a second row (first on line \(first)); send one row "
                            + "per delegation"))
                continue
            }
            seen[state.code] = record.line
            var response = Response(delegation: state.code, line: record.line)
            response.mentions = cells.map {
                Mention(
                    threat: $0.threat, priority: tickExport ? nil : $0.value, origin: .structured,
                    phrase: $0.text, line: $0.line, column: $0.column)
            }
            if let commentColumn {
                let comment = record[safe: commentColumn].trimmingWhitespace()
                if !comment.isEmpty {
                    response.comments = comment
                    let at = record.location(ofField: commentColumn, in: context.file)
                    response.mentions += context.proseMentions(
                        in: comment, line: at.line, column: at.column, into: &diagnostics)
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
