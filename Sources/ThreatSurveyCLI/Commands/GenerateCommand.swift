import Foundation
import ThreatSurvey

/// The `generate` command.
///
/// `generate --respondents N [--seed S] [--out FILE]`
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "generate",
        summary: "a synthetic consultation (long CSV with respondents) for load tests",
        discussion: """
            The file answers questionnaire BENCH/1/26, defined in fixtures/load-test:
              threatsurvey rank --questionnaires fixtures/load-test --from FILE
            It is byte for byte what the benchmark's Python generator (gen.py) writes for the
            same N and seed.
            """,
        examples: [
            .init(
                "threatsurvey generate --respondents 100000 --out responses.csv",
                "A deterministic synthetic consultation of 100,000 respondents for questionnaire BENCH/1/26."
            )
        ])

    /// The most respondents one run generates (about 6 GB of CSV).
    static let maximumRespondents = 100_000_000

    @Option(
        "N", help: "how many respondents (each names 3 to 7 threats)",
        range: 0...GenerateCommand.maximumRespondents)
    var respondents: Int
    @Option("S", help: "random seed; the same N and seed give the same bytes")
    var seed: UInt64 = ConsultationGenerator.defaultSeed
    @Option("FILE", help: "write here instead of standard output", completion: .file)
    var out: String?

    func run(_ context: CommandContext) throws(SurveyError) -> ExitStatus {
        var generator = ConsultationGenerator(respondents: respondents, seed: seed)
        let progress = context.progress("generating")
        progress?.start(total: nil)
        defer { progress?.finish() }
        var summary: ConsultationGenerator.Summary?
        func produce(_ output: any OutputWriter) throws(SurveyError) {
            do {
                summary = try generator.generate { (text: String) throws in
                    let bytes = Array(text.utf8)
                    try output.write(bytes)
                    // Rows are line ends, counted only when progress is shown (a terminal).
                    if let progress {
                        progress.advance(
                            bytes: bytes.count, rows: bytes.reduce(0) { $0 + ($1 == 10 ? 1 : 0) })
                    }
                }
            } catch let error as SurveyError {
                throw error
            } catch {
                throw .internalError("generate: \(error)")
            }
        }
        if let out {
            try OutputFile.write(out, produce: produce)
        } else {
            try produce(context.console.outWriter)
        }
        guard let summary else { throw .internalError("generate finished without a summary") }
        try context.console.err(
            "respondents=\(summary.respondents) rows=\(summary.rows) comments=\(summary.comments) seed=\(seed)"
        )
        return .success
    }
}
