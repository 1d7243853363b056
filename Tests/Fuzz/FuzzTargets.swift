// libFuzzer entry point over every parser of threatsurvey. Not part of the package: .ci/fuzz
// compiles it together with Sources/ThreatSurvey and Sources/ThreatSurveyTestSupport, as one
// module, using `swiftc -sanitize=fuzzer,address`.
// The target is chosen with FUZZ_TARGET: csv, answers, prose, questionnaire, groupings, fastpath,
// cfb, msg, zip, xml, xlsx, docx, mime, differential, pipeline.
import Foundation

let fuzzTarget = ProcessInfo.processInfo.environment["FUZZ_TARGET"] ?? "answers"

let fuzzQuestionnaire: Questionnaire = {
    let folder = ProcessInfo.processInfo.environment["FUZZ_QUESTIONNAIRES"] ?? "questionnaires"
    guard let catalog = try? QuestionnaireCatalog.load(folder: folder),
        let q = catalog.questionnaires.first(where: { $0.id == "9396/1/15" })
    else { fatalError("FUZZ_QUESTIONNAIRES must hold 9396-1-15.json") }
    return q
}()

let fuzzProse = ProseMatcher(questionnaire: fuzzQuestionnaire)
let fuzzParser = AnswerParser(questionnaire: fuzzQuestionnaire)
let fuzzParserFR = AnswerParser(
    questionnaire: fuzzQuestionnaire, delegation: MemberState.withCode("FR"))

let fuzzFile = NSTemporaryDirectory() + "threatsurvey-fuzz-\(getpid()).csv"

/// The entry point libFuzzer calls: reads one input with the parser `FUZZ_TARGET` names.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    switch fuzzTarget {
    case "csv":
        if let text = try? TextDecoder.decode(bytes) {
            let dialect = CSVDialect.detect(text.utf8)
            let result = CSVReader.records(in: text.utf8, delimiter: dialect.delimiter)
            // Positions stay inside the input.
            for record in result.records { precondition(record.fields.count == record.lines.count) }
        }
    case "answers":
        // One reading per input, chosen by its size: every format is reached across the run.
        let name = ["a.csv", "a.json", "a.txt", "a"][size % 4]
        if let file = try? AnswerFile.read(bytes: bytes, name: name) {
            _ = try? (size % 8 < 4 ? fuzzParserFR : fuzzParser).parse(file)
        }
    case "prose":
        let text = String(decoding: bytes, as: UTF8.self)
        for mention in fuzzProse.mentions(in: text) {
            precondition(mention.line != nil && mention.phrase != nil)
        }
    case "questionnaire":
        _ = try? Questionnaire.load(bytes: bytes, file: "q.json")
    case "groupings":
        _ = try? Grouping.load(bytes: bytes, file: "g.json")
    case "mime":
        fuzzMIME(bytes)
    case "fastpath":
        FileManager.default.createFile(atPath: fuzzFile, contents: Data(bytes))
        _ = try? LongCSVAggregator.aggregate(
            path: fuzzFile, questionnaire: fuzzQuestionnaire, chunkSize: 64)
    case "cfb": fuzzCFB(bytes)
    case "msg": fuzzMSG(bytes)
    case "zip": fuzzZip(bytes)
    case "xml": fuzzXML(bytes)
    case "xlsx": fuzzXLSX(bytes)
    case "differential": fuzzDifferential(bytes)
    case "docx": fuzzDOCX(bytes)
    case "pipeline": fuzzPipeline(bytes)
    default:
        fatalError("unknown FUZZ_TARGET \(fuzzTarget)")
    }
    return 0
}
