import Foundation
import Testing

@testable import ThreatSurvey
@testable import ThreatSurveyTestSupport

/// The fuzz target `pipeline` as a property test: generated consultations go through submit,
/// the store and every analysis without a trap, and the exercise really reaches the analyses.
@Suite("Pipeline property")
struct PipelinePropertyTests {
    /// 300 consultations from a fixed pseudo-random sequence: the same on every machine.
    @Test("300 generated consultations go through submit → store → every analysis")
    func generatedConsultations() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "pipeline-\(UUID())"
        ).path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let exercise = PipelineExercise(catalog: try TestSupport.catalog(), scratchFolder: folder)
        var generator = MersenneTwister(seed: 11)
        var accepted = 0
        var stored = 0
        var rendered = 0
        for run in 0..<300 {
            let length = [16, 64, 256, 1024, 4096][run % 5]
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next32()) }
            let outcome = exercise.run(bytes)
            #expect(outcome.files >= 1)
            #expect(outcome.disagreements.isEmpty, "run \(run): \(outcome.disagreements)")
            accepted += outcome.acceptedSubmits
            stored += outcome.storedSubmissions
            rendered += outcome.renderedCharacters
        }
        // Random bytes still make accepted submissions, so the analyses ran on real data.
        #expect(accepted > 30)
        #expect(stored > 30)
        #expect(rendered > 100_000)
    }

    /// The consultation that holds the values issue 11 found: accepted ones are bounded, and
    /// the analyses run on them.
    @Test("All-zero and all-0xFF inputs describe whole consultations that run")
    func extremeBytes() throws {
        let exercise = PipelineExercise(catalog: try TestSupport.catalog())
        let zero = exercise.run([UInt8](repeating: 0, count: 64))
        #expect(zero.files == 1)
        #expect(zero.acceptedSubmits == 1)
        #expect(zero.storedSubmissions >= 1)
        let full = exercise.run([UInt8](repeating: 0xFF, count: 4096))
        #expect(full.files >= 1)
    }
}
