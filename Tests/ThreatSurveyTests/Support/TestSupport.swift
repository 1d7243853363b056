import Foundation
import Testing

@testable import ThreatSurvey
@testable import ThreatSurveyCLI

/// Paths and helpers shared by every suite.
enum TestSupport {
    /// The package root (this file is Tests/ThreatSurveyTests/Support/TestSupport.swift).
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    static var questionnaires: String { root + "/questionnaires" }
    static var fixtures: String { root + "/fixtures" }
    static func fixture(_ name: String) -> String { fixtures + "/9396-1-15/" + name }

    /// The shared csv-spectrum folder beside the clone, if present.
    static var csvSpectrum: String? {
        let path =
            URL(fileURLWithPath: root).deletingLastPathComponent().path + "/shared/csv-spectrum"
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    static func catalog() throws -> QuestionnaireCatalog {
        try QuestionnaireCatalog.load(folder: questionnaires)
    }

    static func questionnaire(_ id: String = "9396/1/15") throws -> Questionnaire {
        try catalog().find(id)
    }

    static func bytes(_ path: String) throws -> [UInt8] {
        try #require(FileManager.default.contents(atPath: path).map(Array.init))
    }

    /// A fresh empty folder, removed by the caller with `cleanUp`.
    static func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "threatsurvey-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func cleanUp(_ folder: String) {
        try? FileManager.default.removeItem(atPath: folder)
    }

    static func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    static func write(bytes: [UInt8], to path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    /// Parses an answer file's bytes for `questionnaire`.
    static func parse(
        _ text: String, name: String = "answer.csv", questionnaire: Questionnaire,
        delegation: String? = nil
    ) throws(SurveyError) -> (responses: [Response], diagnostics: [Diagnostic]) {
        let file = try AnswerFile.read(bytes: Array(text.utf8), name: name)
        return try AnswerParser(
            questionnaire: questionnaire, delegation: delegation.flatMap(MemberState.withCode)
        ).parse(file)
    }

    /// The diagnostics of a file that must fail, or an issue recorded.
    static func problems(
        _ text: String, name: String = "answer.csv", questionnaire: Questionnaire,
        delegation: String? = nil
    ) -> [Diagnostic] {
        do {
            _ = try parse(text, name: name, questionnaire: questionnaire, delegation: delegation)
            Issue.record("expected \(name) to be rejected")
            return []
        } catch {
            guard case .invalidData(let d) = error else {
                Issue.record("expected invalid data, got \(error)")
                return []
            }
            return d
        }
    }
}

/// The result of running the CLI in-process.
struct CLIResult {
    var status: ThreatSurvey.ExitStatus
    var out: String
    var err: String
    var outBytes: [UInt8]
}

/// Runs `threatsurvey` in-process with `arguments`, inside `folder`'s store.
///
/// `--store` and `--questionnaires` are added after the arguments, or (`leadingGlobals`) before
/// the command name, where every command that uses them accepts them.
func runCLI(
    _ arguments: [String], store: String? = nil,
    questionnaires: String = TestSupport.questionnaires,
    leadingGlobals: Bool = false, addQuestionnaires: Bool = true,
    console: Console = Console(capture: true)
) -> CLIResult {
    var globals: [String] = []
    if let store { globals += ["--store", store] }
    if addQuestionnaires, !arguments.contains("--questionnaires"), !arguments.contains("--help"),
        !["generate", "completions", "csv-records"].contains(arguments.first ?? "")
    {
        globals += ["--questionnaires", questionnaires]
    }
    let full = leadingGlobals ? globals + arguments : arguments + globals
    let status = CLI.run(full, console: console, variables: [:])
    return CLIResult(
        status: status, out: console.outText, err: console.errText, outBytes: console.outBytes)
}
