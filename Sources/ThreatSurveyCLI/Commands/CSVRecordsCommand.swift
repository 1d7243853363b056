import ThreatSurvey

/// The `csv-records` command.
///
/// `csv-records FILE`: how the CSV reader reads a file, as JSON (for checking the reader
/// against another implementation; see .ci/hardening/differential-csv).
struct CSVRecordsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "csv-records",
        summary: "diagnostic: the records the CSV reader finds in a file, as JSON")

    @Argument("FILE", help: "the CSV file", completion: .file)
    var file: String

    func run(_ context: CommandContext) throws(SurveyError) -> ExitStatus {
        let bytes = try Submitter.readFromDisk(file)
        let text: DecodedText
        do {
            text = try TextDecoder.decode(bytes)
        } catch {
            throw .invalidData([Diagnostic(file: file, message: "not a text file")])
        }
        let dialect = CSVDialect.detect(text.utf8)
        let result = CSVReader.records(in: text.utf8, delimiter: dialect.delimiter)
        let json: JSONValue = .object([
            "encoding": .string(text.encoding.rawValue),
            "delimiter": .string(dialect.delimiterName),
            "records": .array(result.records.map { .strings($0.fields) }),
            "problems": .array(
                result.problems.map { .object(["line": .int($0.line), "column": .int($0.column)]) }),
        ])
        try context.console.out(json.serialized() + "\n")
        return .success
    }
}
