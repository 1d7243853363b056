// Release-build driver for the submit → store → analysis exercise without libFuzzer (the
// `pipeline` fuzz target runs the same `PipelineExercise` under AddressSanitizer, at a tenth
// of the speed). Feeds COUNT inputs from a seeded SplitMix64 stream — nine in ten random
// bytes, one in ten a mutated seed file — and keeps the input being run in CURRENT, so that a
// trap, which ends the process, leaves the input that caused it. Built and run by .ci/pipeline.
//   pipeline COUNT SEED CURRENT QUESTIONNAIRES SEEDS_FOLDER
import Foundation
import ThreatSurvey
import ThreatSurveyTestSupport

@main
enum PipelineDriver {
    static func main() {
        let arguments = CommandLine.arguments
        guard arguments.count == 6, let count = Int(arguments[1]), let seed = UInt64(arguments[2])
        else {
            print("usage: pipeline COUNT SEED CURRENT QUESTIONNAIRES SEEDS_FOLDER")
            exit(64)
        }
        let current = arguments[3]
        guard let catalog = try? QuestionnaireCatalog.load(folder: arguments[4]),
            !catalog.questionnaires.isEmpty
        else {
            print("no questionnaires in \(arguments[4])")
            exit(66)
        }
        let seeds = ((try? FileManager.default.contentsOfDirectory(atPath: arguments[5])) ?? [])
            .sorted().compactMap { FileManager.default.contents(atPath: arguments[5] + "/" + $0) }
            .map { [UInt8]($0) }
        let exercise = PipelineExercise(
            catalog: catalog, scratchFolder: (current as NSString).deletingLastPathComponent)
        var random = SplitMix64(job: seed)
        var accepted = 0
        var stored = 0
        var rendered = 0
        let started = Date()
        for index in 0..<count {
            var bytes: [UInt8]
            if !seeds.isEmpty, random.next() % 10 == 0 {
                bytes = seeds[Int(random.next() % UInt64(seeds.count))]
                for _ in 0..<(1 + random.next() % 8) where !bytes.isEmpty {
                    let at = Int(random.next() % UInt64(bytes.count))
                    bytes[at] = UInt8(truncatingIfNeeded: random.next())
                }
            } else {
                bytes = random.bytes(16 + Int(random.next() % 1024))
            }
            _ = FileManager.default.createFile(atPath: current, contents: Data(bytes))
            let outcome = exercise.run(bytes)
            if !outcome.disagreements.isEmpty {
                print(
                    "seed \(seed), input \(index): DISAGREE\n"
                        + outcome.disagreements.joined(separator: "\n"))
                exit(1)
            }
            accepted += outcome.acceptedSubmits
            stored += outcome.storedSubmissions
            rendered += outcome.renderedCharacters
            if (index + 1) % 10_000 == 0 {
                let rate = Double(index + 1) / max(0.001, Date().timeIntervalSince(started))
                FileHandle.standardOutput.write(
                    Data("seed \(seed): \(index + 1) inputs, \(Int(rate))/s\n".utf8))
            }
        }
        try? FileManager.default.removeItem(atPath: current)
        print(
            "seed \(seed): \(count) inputs run, \(accepted) submits accepted, \(stored) submissions analysed, \(rendered) characters rendered, no trap, no disagreement"
        )
    }
}
