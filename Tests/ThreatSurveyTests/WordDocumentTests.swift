import Foundation
import Testing

@testable import ThreatSurvey

@Suite("Word and OpenDocument text")
struct WordDocumentTests {
    static let corpus = ZipFixture.resource("office-corpus/docx")

    static var corpusFiles: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corpus)) ?? []).filter { $0.hasSuffix(".docx") }.sorted()
    }

    /// Whitespace collapsed, as the python-docx figures were written.
    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Our paragraph without its list label (python-docx does not compute list numbers).
    static func withoutLabel(_ text: String) -> String {
        let words = text.split(separator: " ", maxSplits: 1)
        guard words.count == 2, let first = words.first,
            first == "•" || first.last == "." || first.last == ")",
            first.dropLast().allSatisfy({ $0.isNumber || $0.isLetter || $0 == "." })
        else { return text }
        return String(words[1])
    }

    @Test("The corpus has its eight documents")
    func corpusPresent() {
        #expect(Self.corpusFiles.count == 8)
    }

    @Test("Every corpus document reads, with python-docx's paragraphs and tables", arguments: corpusFiles)
    func corpusAgrees(file: String) throws {
        let expectedData = try #require(FileManager.default.contents(atPath: Self.corpus + "/expected.json"))
        let all = try #require(try JSONSerialization.jsonObject(with: expectedData) as? [String: Any])
        let expected = try #require(all[file] as? [String: Any])
        let paragraphs = try #require(expected["paragraphs"] as? [String])
        let tables = try #require(expected["tables"] as? [[[String]]])
        let document = try WordDocument.read(bytes: TestSupport.bytes(Self.corpus + "/" + file))
        let ours = document.paragraphs.map { Self.collapsed(Self.withoutLabel($0)) }.filter { !$0.isEmpty }
        #expect(ours == paragraphs, "\(file)")
        #expect(document.tables.map { $0.map { $0.map(Self.collapsed) } } == tables, "\(file)")
    }
}
