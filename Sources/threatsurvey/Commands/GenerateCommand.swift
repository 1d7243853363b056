import Foundation
import ThreatSurvey

/// `generate --respondents N [--seed S] [--out FILE]`
enum GenerateCommand: Command {
    static let spec = CommandSpec(
        name: "generate",
        summary: "a synthetic consultation (long CSV with respondents) for load tests",
        options: [
            .value("respondents", "N", "how many respondents (each names 3 to 7 threats)"),
            .value("seed", "S", "random seed (default 20240521); the same N and seed give the same bytes"),
            .value("out", "FILE", "write here instead of standard output"),
        ],
        discussion: """
            The file answers questionnaire BENCH/1/26, defined in fixtures/load-test:
              threatsurvey rank --questionnaires fixtures/load-test --from FILE
            It is byte for byte what ../shared/bench/gen.py writes for the same N and seed.
            """)

    static func run(_ arguments: ParsedArguments, _ environment: Environment) throws(SurveyError) -> ExitStatus {
        guard let text = arguments.value("respondents"), let n = Int(text), n >= 0, n <= 100_000_000 else {
            throw .usage("generate needs --respondents N (0 to 100000000)")
        }
        var seed = ConsultationGenerator.defaultSeed
        if let s = arguments.value("seed") {
            guard let parsed = UInt64(s) else { throw .usage("--seed \(s): a whole number ≥ 0") }
            seed = parsed
        }
        var generator = ConsultationGenerator(respondents: n, seed: seed)
        let summary: ConsultationGenerator.Summary
        if let path = arguments.value("out") {
            guard FileManager.default.createFile(atPath: path, contents: nil),
                let handle = FileHandle(forWritingAtPath: path)
            else { throw .cannotCreate(path: path, reason: "cannot write there") }
            defer { try? handle.close() }
            do {
                summary = try generator.generate { try handle.write(contentsOf: Data($0.utf8)) }
            } catch {
                throw .io("\(path): \(error)")
            }
        } else {
            summary = generator.generate { environment.console.out($0) }
        }
        environment.console.err(
            "respondents=\(summary.respondents) rows=\(summary.rows) comments=\(summary.comments) seed=\(seed)")
        return .success
    }
}
