import ThreatSurvey

/// `csv-records FILE`: how the CSV reader reads a file, as JSON (for checking the reader
/// against another implementation; see .ci/hardening/differential-csv).
enum CSVRecordsCommand: Command {
    static let spec = CommandSpec(
        name: "csv-records",
        summary: "diagnostic: the records the CSV reader finds in a file, as JSON",
        positionals: "FILE", positionalCount: 1...1)

    static func run(_ arguments: ParsedArguments, _ environment: Environment) throws(SurveyError) -> ExitStatus {
        let path = arguments.positionals[0]
        let bytes = try Submitter.readFromDisk(path)
        let text: DecodedText
        do {
            text = try TextDecoder.decode(bytes)
        } catch {
            throw .invalidData([Diagnostic(file: path, message: "not a text file")])
        }
        let dialect = CSVDialect.detect(text.utf8)
        let result = CSVReader.records(in: text.utf8, delimiter: dialect.delimiter)
        let json: JSONValue = .object([
            "encoding": .string(text.encoding.rawValue),
            "delimiter": .string(dialect.delimiterName),
            "records": .array(result.records.map { .strings($0.fields) }),
            "problems": .array(result.problems.map { .object(["line": .int($0.line), "column": .int($0.column)]) }),
        ])
        environment.console.out(json.serialized() + "\n")
        return .success
    }
}
