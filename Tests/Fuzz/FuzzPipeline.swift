// The `pipeline` target: fuzz bytes → a small consultation → submit → store → every analysis
// (PipelineExercise). Only a trap is a finding; refused input is the tool working.
import Foundation

let fuzzPipelineExercise: PipelineExercise = {
    let folder = ProcessInfo.processInfo.environment["FUZZ_QUESTIONNAIRES"] ?? "questionnaires"
    guard let catalog = try? QuestionnaireCatalog.load(folder: folder),
        !catalog.questionnaires.isEmpty
    else { fatalError("FUZZ_QUESTIONNAIRES must hold the questionnaires") }
    return PipelineExercise(catalog: catalog, scratchFolder: NSTemporaryDirectory())
}()

func fuzzPipeline(_ bytes: [UInt8]) {
    _ = fuzzPipelineExercise.run(bytes)
}
