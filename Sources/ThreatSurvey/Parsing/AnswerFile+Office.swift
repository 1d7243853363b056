extension AnswerFile {
    /// The first bytes of a zip archive (`.xlsx`, `.docx`, `.ods`, `.odt`, any `.zip`).
    static let zipSignature: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
    /// The first bytes of a PDF document.
    static let pdfSignature: [UInt8] = Array("%PDF".utf8)

    /// What a zip archive holds, judged from `[Content_Types].xml` or `mimetype`.
    enum ZipContent: Equatable {
        case xlsx, ods, docx, odt
        /// Something the tool does not read, described for the refusal.
        case other(String)
    }

    /// Reads an answer from a file whose content (not name) is recognised as a container:
    /// a zip archive, a Compound File or a PDF; `nil` when it is none of them.
    ///
    /// - Throws: ``SurveyError/invalidData(_:)`` refusing what cannot be read, with what to
    ///   ask the delegation for.
    static func readContainer(
        bytes: [UInt8], name: String, hint: InputFormat?, budget: inout ReadingBudget
    ) throws(SurveyError) -> AnswerFile? {
        if bytes.starts(with: zipSignature) {
            return try readZip(bytes: bytes, name: name, hint: hint, budget: &budget)
        }
        if bytes.starts(with: CompoundFile.signature) {
            try refuseCompoundFile(bytes: bytes, name: name)
        }
        if bytes.starts(with: pdfSignature) {
            throw refusal(
                name,
                "this is a PDF document, which the tool does not read; ask the delegation for the "
                    + "questionnaire as .xlsx or CSV UTF-8, or their comments as .docx or plain text"
            )
        }
        return nil
    }

    static func refusal(_ name: String, _ message: String) -> SurveyError {
        .invalidData([Diagnostic(file: name, message: message)])
    }

    /// Refuses a Compound File, naming what it is and what to ask for instead.
    private static func refuseCompoundFile(bytes: [UInt8], name: String) throws(SurveyError)
        -> Never
    {
        let kind: CompoundFile.Kind
        do { kind = try CompoundFile(bytes: bytes).kind } catch {
            throw refusal(
                name,
                "this looks like an Office 97-2003 file but cannot be read (\(error)); ask the delegation to send it again"
            )
        }
        switch kind {
        case .outlookMessage:
            throw refusal(name, "this is an Outlook message; submit it as a mail")
        case .legacyExcel:
            throw refusal(
                name,
                "this is an Excel 97-2003 workbook (.xls), which the tool does not read; save it as .xlsx or "
                    + "CSV UTF-8 (or ask the delegation to send it so)")
        case .legacyWord:
            throw refusal(
                name,
                "this is a Word 97-2003 document (.doc), which the tool does not read; save it as .docx or "
                    + "plain text (or ask the delegation to send it so)")
        case .encryptedOOXML:
            throw refusal(
                name,
                "this Office file is password-protected; ask the delegation to send the workbook (or document) "
                    + "without a password")
        case .other:
            throw refusal(
                name,
                "this is an Office 97-2003 file of another kind (not a workbook, document or mail); ask the "
                    + "delegation for .xlsx, .docx, CSV UTF-8 or plain text")
        }
    }

    /// What `archive` holds.
    static func content(of archive: ZipArchive) -> ZipContent {
        if archive.entry(named: "mimetype") != nil {
            let mimetype = String(
                decoding: ((try? archive.data(named: "mimetype")) ?? []).prefix(200), as: UTF8.self)
            if mimetype.hasPrefix("application/vnd.oasis.opendocument.spreadsheet") { return .ods }
            if mimetype.hasPrefix("application/vnd.oasis.opendocument.text") { return .odt }
            return .other("an OpenDocument file of another kind (\(mimetype))")
        }
        if archive.entry(named: "[Content_Types].xml") != nil {
            let types = String(
                decoding: (try? archive.data(named: "[Content_Types].xml")) ?? [], as: UTF8.self)
            if types.contains("spreadsheetml") || types.contains("ms-excel.sheet") { return .xlsx }
            if types.contains("wordprocessingml") || types.contains("ms-word.document") {
                return .docx
            }
            if types.contains("presentationml") { return .other("a PowerPoint presentation") }
            return .other("an Office file of another kind")
        }
        if archive.entry(named: "xl/workbook.xml") != nil { return .xlsx }
        if archive.entry(named: "word/document.xml") != nil { return .docx }
        if archive.entry(named: "content.xml") != nil { return .ods }
        return .other("another zip archive")
    }

    private static func readZip(
        bytes: [UInt8], name: String, hint: InputFormat?, budget: inout ReadingBudget
    ) throws(SurveyError) -> AnswerFile {
        let archive: ZipArchive
        do { archive = try ZipArchive(bytes: bytes) } catch {
            if case .encryptedEntry = error {
                throw refusal(
                    name,
                    "this zip archive is password-protected; ask the delegation to send it without a password"
                )
            }
            throw refusal(
                name,
                "this zip archive (an Office file?) cannot be read: \(error); ask the delegation to send it again"
            )
        }
        switch content(of: archive) {
        case .xlsx, .ods:
            let workbook: Workbook
            do {
                workbook =
                    content(of: archive) == .ods
                    ? try Workbook.readODS(archive, budget: &budget)
                    : try Workbook.readXLSX(archive, budget: &budget)
            } catch {
                if case .encrypted = error {
                    throw refusal(
                        name,
                        "this workbook is password-protected; ask the delegation to send the workbook without a password"
                    )
                }
                throw .invalidData([error.diagnostic(file: name)])
            }
            return try answer(
                in: workbook, container: content(of: archive) == .ods ? .ods : .xlsx, bytes: bytes,
                name: name, hint: hint)
        case .docx, .odt:
            let document: WordDocument
            do {
                document =
                    content(of: archive) == .odt
                    ? try WordDocument.readODT(archive, budget: &budget)
                    : try WordDocument.readDOCX(archive, budget: &budget)
            } catch {
                if case .encrypted = error {
                    throw refusal(
                        name,
                        "this document is password-protected; ask the delegation to send it without a password"
                    )
                }
                throw .invalidData([error.diagnostic(file: name)])
            }
            return try answer(
                in: document, container: content(of: archive) == .odt ? .odt : .docx, bytes: bytes,
                name: name, hint: hint)
        case .other(let what):
            throw refusal(
                name,
                "this is \(what), not an answer; ask the delegation for .xlsx, .ods, .docx, .odt, CSV UTF-8 or plain "
                    + "text (a zip of answer files: unpack it and submit each file)")
        }
    }

    /// How a grid of cells reads as an answer, if it does: long or matrix form, from which row
    /// (the first of two or more cells, so that title rows above the header are skipped).
    static func shape(of rows: [[String]]) -> (format: InputFormat, header: Int)? {
        // Title rows above the header hold one cell: the header is the first row of two or more.
        func filled(_ row: [String]) -> Int {
            row.reduce(0) { $0 + ($1.trimmingWhitespace().isEmpty ? 0 : 1) }
        }
        guard
            let header = rows.firstIndex(where: { filled($0) >= 2 })
                ?? rows.firstIndex(where: { filled($0) == 1 })
        else { return nil }
        let keys = rows[header].map { TextFolding.key($0) }
        let longColumns = LongCSVParser.threatColumnNames.union(LongCSVParser.priorityColumnNames)
            .union(LongCSVParser.questionColumnNames)
        if keys.contains(where: { longColumns.contains($0) }) { return (.csvLong, header) }
        guard keys.count >= 2, HeaderVocabulary.isCorner(rows[header].first ?? "") else {
            return nil
        }
        let states = rows[(header + 1)...].contains { row in
            guard let cell = row.first, !cell.trimmingWhitespace().isEmpty else { return false }
            return MemberStateResolver.shared.resolve(cell) != nil
        }
        return states ? (.csvMatrix, header) : nil
    }

    /// Why a grid does not read as an answer, for the refusal: the header row it saw, and the
    /// headers it did not know, with the nearest known one.
    static func headerProblem(of rows: [[String]]) -> String {
        func filled(_ row: [String]) -> Int {
            row.reduce(0) { $0 + ($1.trimmingWhitespace().isEmpty ? 0 : 1) }
        }
        guard let header = rows.firstIndex(where: { filled($0) >= 2 }) else {
            return "has no header row (no row with two or more cells)"
        }
        let cells = rows[header].filter { !$0.trimmingWhitespace().isEmpty }
        var text = "row \(header + 1) has " + TerminalText.quotedList(cells)
        let first = rows[header].first ?? ""
        if !HeaderVocabulary.isCorner(first) {
            let unknown = cells.filter { HeaderVocabulary.role(of: $0) == nil }
            text +=
                ": no threat column, and its first header \"\(TerminalText.clipped(first))\" is "
                + "not a delegation header (not known: \(TerminalText.quotedList(unknown)))"
            if let suggestion = HeaderVocabulary.suggestion(for: first) {
                text += "; did you mean \"\(suggestion)\"?"
            }
        } else {
            text += ": no Member State in the first column below it"
        }
        return text
    }

    /// A grid's rows from `header` on as records, each cell at its row and column; blank rows
    /// left out.
    static func records(of rows: [[String]], from header: Int) -> [CSVRecord] {
        var records: [CSVRecord] = []
        for index in header..<rows.count {
            let row = rows[index]
            guard row.contains(where: { !$0.trimmingWhitespace().isEmpty }) else { continue }
            records.append(
                CSVRecord(
                    fields: row, lines: Array(repeating: index + 1, count: row.count),
                    columns: Array(1...row.count)))
        }
        return records
    }

    /// The grid's text, tab-separated (what the file says, for the store and for prose).
    static func text(of rows: [[String]]) -> DecodedText {
        DecodedText(
            utf8: Array(rows.map { $0.joined(separator: "\t") }.joined(separator: "\n").utf8),
            encoding: .utf8)
    }

    /// The answer held by one sheet of `workbook`.
    private static func answer(
        in workbook: Workbook, container: AnswerSource.Container, bytes: [UInt8], name: String,
        hint: InputFormat?
    ) throws(SurveyError) -> AnswerFile {
        guard !workbook.sheets.isEmpty else { throw refusal(name, "this workbook has no sheet") }
        var candidates = workbook.sheets.compactMap { sheet in
            shape(of: sheet.grid.rows).map { (sheet, $0) }
        }
        if candidates.isEmpty, hint != nil, hint != .prose, hint != .json,
            workbook.sheets.count == 1,
            let header = workbook.sheets[0].grid.rows.firstIndex(where: { !$0.isEmpty })
        {
            candidates = [(workbook.sheets[0], (hint ?? .csvLong, header))]
        }
        guard candidates.count == 1, let (sheet, found) = candidates.first else {
            if candidates.isEmpty {
                let seen = TerminalText.list(workbook.sheets, separator: "; ") {
                    "sheet \"\(TerminalText.clipped($0.name))\" \(headerProblem(of: $0.grid.rows))"
                }
                throw refusal(
                    name,
                    "no sheet of this workbook looks like answers (\(seen)"
                        + "); the answer sheet needs a header row with a threat column (long form) or "
                        + "a delegation header (Member State, Lidstaat, État membre, … in 24 languages) "
                        + "above delegations in the first column and threats in the others (matrix form)"
                )
            }
            throw refusal(
                name,
                "several sheets look like answers: \(TerminalText.quotedList(candidates.map(\.0.name))); "
                    + "keep the answer in one sheet (or delete the others) and submit again")
        }
        var format = found.format
        if let hint, hint == .csvLong || hint == .csvMatrix { format = hint }
        var file = AnswerFile(
            name: name, bytes: bytes, text: text(of: sheet.grid.rows), format: format, dialect: nil,
            records: records(of: sheet.grid.rows, from: found.header), json: nil, diagnostics: [],
            namedQuestionnaires: [])
        file.source = AnswerSource(container: container, part: .sheet(sheet.name))
        file.collectNamedQuestionnaires()
        return file
    }

    /// The answer held by a document: its one answer table, else its paragraphs as prose.
    private static func answer(
        in document: WordDocument, container: AnswerSource.Container, bytes: [UInt8], name: String,
        hint: InputFormat?
    ) throws(SurveyError) -> AnswerFile {
        let candidates =
            hint == .prose
            ? []
            : document.tables.enumerated().compactMap { index, rows in
                shape(of: rows).map { (index, rows, $0) }
            }
        if candidates.count > 1 {
            throw refusal(
                name,
                "several tables look like answers: tables "
                    + TerminalText.list(candidates) { String($0.0 + 1) } + "; "
                    + "keep the answer in one table and submit again")
        }
        if let (index, rows, found) = candidates.first {
            var format = found.format
            if let hint, hint == .csvLong || hint == .csvMatrix { format = hint }
            var file = AnswerFile(
                name: name, bytes: bytes, text: text(of: rows), format: format, dialect: nil,
                records: records(of: rows, from: found.header), json: nil, diagnostics: [],
                namedQuestionnaires: [])
            file.source = AnswerSource(container: container, part: .table(index + 1))
            file.collectNamedQuestionnaires()
            return file
        }
        guard !document.paragraphs.isEmpty else {
            throw refusal(name, "this document holds no text and no answer table")
        }
        var paragraphOfLine: [Int] = []
        for (index, paragraph) in document.paragraphs.enumerated() {
            let lines = paragraph.utf8.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            paragraphOfLine += Array(repeating: index + 1, count: lines)
        }
        var file = AnswerFile(
            name: name, bytes: bytes,
            text: DecodedText(
                utf8: Array(document.paragraphs.joined(separator: "\n").utf8), encoding: .utf8),
            format: .prose, dialect: nil, records: [], json: nil, diagnostics: [],
            namedQuestionnaires: [])
        file.source = AnswerSource(
            container: container, part: .paragraphs(paragraphOfLine: paragraphOfLine))
        return file
    }

    /// Questionnaire ids named in a `questionnaire` column.
    mutating func collectNamedQuestionnaires() {
        guard let header = records.first else { return }
        let keys = header.fields.map { TextFolding.key($0) }
        if let column = keys.firstIndex(where: {
            LongCSVParser.questionnaireColumnNames.contains($0)
        }) {
            for record in records.dropFirst() where !record[safe: column].isEmpty {
                namedQuestionnaires.append(record[safe: column])
            }
        }
    }

    /// How the file was read, for receipts and `show`: `xlsx (sheet Answers), csv-long reading`,
    /// or the format alone for a text file.
    public var readingDescription: String {
        guard let source else { return format.rawValue }
        return "\(source), \(format.rawValue) reading"
    }
}
