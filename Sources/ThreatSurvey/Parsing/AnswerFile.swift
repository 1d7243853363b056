/// A delegation's file, decoded and split into records or a JSON tree, its format known.
///
/// Reading happens in two steps because the file may itself say which questionnaire it
/// answers: `read(bytes:name:)` needs no questionnaire, ``AnswerParser`` does.
public struct AnswerFile: Sendable {
    /// The name used in diagnostics (as given on the command line).
    public var name: String
    /// The bytes exactly as received.
    public var bytes: [UInt8]
    /// The content decoded to UTF-8.
    public var text: DecodedText
    /// The detected format.
    public var format: InputFormat
    /// The CSV dialect, for CSV files.
    public var dialect: CSVDialect?
    /// The CSV records, for CSV files (header first).
    public var records: [CSVRecord]
    /// The JSON tree, for JSON files.
    public var json: JSONNode?
    /// Problems found so far (encoding warnings, CSV deviations, syntax errors).
    public var diagnostics: [Diagnostic]
    /// Questionnaire ids the file names, as written.
    public var namedQuestionnaires: [String]
    /// For an Office file, the sheet, table or paragraphs the answer was read from (and how
    /// positions are named); `nil` for text files.
    public var source: AnswerSource? = nil

    /// File extensions of formats the tool cannot read, with what to do instead.
    static let foreignFormats: [String: String] = [
        "xlsx": "an Excel workbook", "xls": "an Excel workbook", "ods": "a spreadsheet",
        "docx": "a Word document", "doc": "a Word document", "pdf": "a PDF document",
        "odt": "a text document",
    ]

    /// Largest file the general reader takes (it holds the file in memory); larger long CSVs
    /// with respondents are streamed by `submit` and `rank --from`.
    public static let maximumBytes = 256 << 20
    /// Longest CSV field, and longest line of prose.
    public static let maximumFieldBytes = 1 << 20

    /// Decodes `bytes` and detects the format.
    ///
    /// Formats are recognised by content before name: a zip archive is read as the workbook
    /// (`.xlsx`, `.ods`) or document (`.docx`, `.odt`) it holds, its answer sheet or table
    /// turned into records for the same long and matrix readers as CSV, a document without
    /// one read as prose; legacy Office files, password-protected ones, PDFs and other
    /// archives are refused, saying what to ask the delegation for.
    ///
    /// - Throws: ``SurveyError/invalidData(_:)`` for empty, binary, foreign-format or
    ///   syntactically broken files (JSON syntax, an unclosed CSV quote), and files that
    ///   would build more than the ``ReadingBudget`` of a file of this size.
    public static func read(
        bytes: [UInt8], name: String, format hint: InputFormat? = nil
    ) throws(SurveyError) -> AnswerFile {
        var budget = ReadingBudget(fileSize: bytes.count)
        return try read(bytes: bytes, name: name, format: hint, budget: &budget)
    }

    /// Decodes `bytes` and detects the format, as ``read(bytes:name:format:)`` does, charging
    /// the text and cells built to `budget`: the answer files of one mail share the mail's
    /// budget, so that many attachments cannot multiply it.
    ///
    /// - Throws: ``SurveyError/invalidData(_:)``, as ``read(bytes:name:format:)``.
    public static func read(
        bytes: [UInt8], name: String, format hint: InputFormat?, budget: inout ReadingBudget
    ) throws(SurveyError) -> AnswerFile {
        let ext = name.split(separator: ".").last.map { $0.lowercased() } ?? ""
        if hint == nil, looksLikeMail(name: name, bytes: bytes) {
            throw .invalidData([mailDiagnostic(name)])
        }
        if bytes.count <= maximumBytes,
            let file = try readContainer(bytes: bytes, name: name, hint: hint, budget: &budget)
        {
            return file
        }
        if name.contains("."), let kind = foreignFormats[ext] {
            throw .invalidData([
                Diagnostic(
                    file: name,
                    message:
                        "this is named like \(kind) but is not one (its content is not a zip archive or an "
                        + "Office 97-2003 file); ask the delegation to send the file again, or save it as CSV UTF-8, "
                        + "JSON or plain text")
            ])
        }
        if bytes.count > maximumBytes {
            throw .invalidData([
                Diagnostic(
                    file: name,
                    message:
                        "file of \(bytes.count >> 20) MiB is larger than the \(maximumBytes >> 20) MiB the general "
                        + "reader takes; a long CSV with a respondent column is streamed instead")
            ])
        }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D })
            || bytes == [0xEF, 0xBB, 0xBF]
        {
            throw .invalidData([Diagnostic(file: name, message: "file is empty")])
        }
        let text: DecodedText
        do {
            text = try TextDecoder.decode(bytes)
        } catch {
            switch error {
            case .binary(let offset):
                throw .invalidData([
                    Diagnostic(
                        file: name,
                        message: "not a text file (binary byte at offset \(offset)); "
                            + "send CSV, JSON or plain text")
                ])
            case .invalidUTF16(let offset):
                throw .invalidData([
                    Diagnostic(file: name, message: "broken UTF-16 text at byte offset \(offset)")
                ])
            }
        }
        do { try budget.charge(text: text.utf8.count) } catch {
            throw .invalidData([Diagnostic(limit: error, file: name)])
        }
        var file = AnswerFile(
            name: name, bytes: bytes, text: text, format: .prose, dialect: nil, records: [],
            json: nil, diagnostics: [], namedQuestionnaires: [])
        if text.encoding == .windows1252 {
            file.diagnostics.append(
                Diagnostic(
                    file: name, severity: .warning,
                    message: "not UTF-8; read as Windows-1252 (check accented names in the receipt)"
                ))
        }
        file.format = hint ?? detectFormat(extension: ext, text: text.utf8)
        switch file.format {
        case .json: try file.readJSON()
        case .csvLong, .csvMatrix: try file.readCSV(hint: hint, budget: &budget)
        case .prose: break
        }
        return file
    }

    private static func detectFormat(extension ext: String, text: [UInt8]) -> InputFormat {
        switch ext {
        case "json": return .json
        case "csv", "tsv", "tab": return .csvLong
        case "txt", "text":
            // Excel's "Unicode text" export is a tab-separated table saved as .txt.
            let header = text.prefix { $0 != 0x0A && $0 != 0x0D }
            return header.contains(0x09) ? .csvLong : .prose
        case "md", "eml": return .prose
        default:
            let first = text.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
            if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") { return .json }
            let header = text.prefix { $0 != 0x0A && $0 != 0x0D }
            let dialect = CSVDialect.detect(Array(header))
            return header.contains(dialect.delimiter) ? .csvLong : .prose
        }
    }

    private mutating func readJSON() throws(SurveyError) {
        do {
            let root = try JSONParser.parse(text.utf8)
            json = root
            for object in root.array ?? [root] {
                if let q = object["questionnaire"]?.string { namedQuestionnaires.append(q) }
            }
        } catch {
            throw .invalidData(
                diagnostics + [
                    Diagnostic(
                        file: name, line: error.line, column: error.column, message: error.message)
                ])
        }
    }

    private mutating func readCSV(hint: InputFormat?, budget: inout ReadingBudget)
        throws(SurveyError)
    {
        // Excel honours (and sometimes writes) a first line "sep=;" naming the delimiter.
        var dialect = CSVDialect.detect(text.utf8)
        let firstLine = text.utf8.prefix { $0 != 0x0A && $0 != 0x0D }
        let sepLine =
            firstLine.count == 5
            && String(decoding: firstLine.prefix(4), as: UTF8.self).lowercased() == "sep="
        if sepLine, let named = firstLine.last { dialect = CSVDialect(delimiter: named) }
        self.dialect = dialect
        var (records, problems): ([CSVRecord], [CSVReader.Problem])
        do {
            (records, problems) = try CSVReader.records(
                in: text.utf8, delimiter: dialect.delimiter, budget: &budget)
        } catch {
            throw .invalidData([Diagnostic(limit: error, file: name)])
        }
        if sepLine { records.removeFirst() }
        self.records = records
        for problem in problems {
            switch problem.kind {
            case .unclosedQuote:
                diagnostics.append(
                    Diagnostic(
                        file: name, line: problem.line, column: problem.column,
                        message: "quoted field is not closed; the rest of the file would be "
                            + "one cell (add the missing '\"')"))
            case .textAfterClosingQuote:
                diagnostics.append(
                    Diagnostic(
                        file: name, line: problem.line, column: problem.column, severity: .warning,
                        message: "text after a closing quote; kept as written"))
            case .fieldTooLong:
                diagnostics.append(
                    Diagnostic(
                        file: name, line: problem.line, column: problem.column,
                        message:
                            "field longer than \(AnswerFile.maximumFieldBytes >> 20) MiB; the limit guards against "
                            + "a missing closing quote or a corrupted file"))
            case .tooManyFields:
                diagnostics.append(
                    Diagnostic(
                        file: name, line: problem.line, column: problem.column,
                        message:
                            "more than \(CSVReader.defaultMaximumFieldsPerRecord) fields in one record; "
                            + "the rest of the line is ignored (an answer has one column per threat or question)"
                    ))
            case .quoteInUnquotedField:
                diagnostics.append(
                    Diagnostic(
                        file: name, line: problem.line, column: problem.column, severity: .warning,
                        message: "quote inside an unquoted field; kept as written"))
            }
        }
        // A record wider than the limit means this is not an answer file: said alone, not
        // buried under an error for each of its thousands of columns.
        if problems.contains(where: { $0.kind == .tooManyFields }) {
            throw .invalidData(diagnostics)
        }
        // An unclosed quote is an error, but the rows before it are still checked, so that
        // every problem of the file is reported at once.
        guard let header = records.first else {
            throw .invalidData([Diagnostic(file: name, message: "file is empty")])
        }
        let keys = header.fields.map { TextFolding.key($0) }
        if hint == nil {
            // Long files name a threat column; a priority or comment column without one is
            // a long file missing it (matrix files have neither), and is reported as such.
            let longColumns = LongCSVParser.threatColumnNames.union(
                LongCSVParser.priorityColumnNames
            )
            .union(LongCSVParser.questionColumnNames)
            format = keys.contains(where: { longColumns.contains($0) }) ? .csvLong : .csvMatrix
        }
        if let column = keys.firstIndex(where: {
            LongCSVParser.questionnaireColumnNames.contains($0)
        }) {
            for record in records.dropFirst() where !record[safe: column].isEmpty {
                namedQuestionnaires.append(record[safe: column])
            }
        }
    }
}
