import Foundation
import Testing
import ThreatSurvey

// The example of the "Using the library" article, compiled and run here so that it cannot
// rot: DocumentationTests checks that the article shows exactly the lines between the two
// `snippet` markers. It imports ThreatSurvey without @testable, so it uses public API only.

// snippet: library-usage
/// Reads one answer file, submits two into a store, and ranks them: the library calls behind
/// `threatsurvey inspect`, `submit` and `rank`.
func rankTwoAnswers(packageRoot root: String, store storePath: String) throws -> Ranking {
    // The questionnaire definitions (every questionnaires/*.json), validated.
    let catalog = try QuestionnaireCatalog.load(folder: root + "/questionnaires")
    let questionnaire = try catalog.find("9396/1/15")

    // Read one file: its format and encoding are detected, then it is read against the
    // questionnaire. Nothing is stored; a bad file throws every problem at once.
    let pl = root + "/fixtures/9396-1-15/pl.csv"
    let file = try AnswerFile.read(bytes: try Submitter.readFromDisk(pl), name: "pl.csv")
    let (responses, diagnostics) = try AnswerParser(questionnaire: questionnaire).parse(file)
    for response in responses {
        print(response.delegation, response.threats, "\(diagnostics.count) warnings")
    }

    // Submit: validate and store files in one transaction (nothing is stored if one is bad).
    let store = try Store(path: storePath)
    var request = SubmitRequest(
        paths: [pl, root + "/fixtures/9396-1-15/hu.csv"], questionnaire: "9396/1/15")
    request.received = DateTimeInput("2015-09-04")
    let receipts = try Submitter(catalog: catalog).submit(request, into: store)
    print(receipts.map { "#\($0.submission.id) \($0.submission.delegation)" })

    // Rank: the figures of `threatsurvey rank`, read from the store.
    let input = try AnalysisInput.load(
        AnalysisRequest(questionnaire: "9396/1/15"), catalog: catalog, store: store)
    let ranking = input.ranking(RankingOptions(method: .count))
    print(ranking.document().render(as: .markdown))
    return ranking
}
// end snippet

@Suite("Using the library")
struct LibraryUsageTests {
    @Test("The article's example reads, submits and ranks two answers")
    func articleExample() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "library-usage-\(UUID().uuidString)"
        ).path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }

        let ranking = try rankTwoAnswers(packageRoot: root, store: folder + "/s.sqlite")

        #expect(ranking.responded == ["HU", "PL"])
        let first = try #require(ranking.threats.first)
        #expect(first.id == "tobacco-smuggling")
        #expect(first.memberStates == 2)
        #expect(first.mentionedBy == ["HU", "PL"])
        #expect(ranking.threats.first { $0.id == "firearms" }?.memberStates == 1)
    }
}
