import Foundation
import Testing

@testable import ThreatSurvey
@testable import ThreatSurveyCLI

/// The documentation is generated from the code or checked against it.
///
/// So it cannot drift: the command reference, the man page, the articles `help TOPIC` prints,
/// the library example, the README's limits. `.ci/docs --update` regenerates what these tests compare.
@Suite("Documentation")
struct DocumentationTests {
    static let catalog = TestSupport.root + "/Sources/ThreatSurvey/ThreatSurvey.docc"

    static func read(_ path: String) throws -> String {
        String(decoding: try TestSupport.bytes(path), as: UTF8.self)
    }

    /// `text` split into words as a shell would (single and double quotes), up to the first
    /// redirection or pipe.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var word = ""
        var quote: Character?
        var inWord = false
        for character in text {
            if let open = quote {
                if character == open { quote = nil } else { word.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
                inWord = true
            } else if character == " " {
                if inWord { words.append(word) }
                word = ""
                inWord = false
            } else if (character == ">" || character == "|") && !inWord {
                return words
            } else {
                word.append(character)
                inWord = true
            }
        }
        if inWord { words.append(word) }
        return words
    }

    @Test("The committed command reference is the one the command declarations give")
    func commandReference() throws {
        let committed = try Self.read(Self.catalog + "/" + HelpTopic.commandReferenceFile)
        let same = committed == CommandReference.markdown + "\n"
        #expect(same, "CommandReference.md is stale: run .ci/docs --update")
        #expect(runCLI(["help", "--markdown-reference"]).out == CommandReference.markdown + "\n")
    }

    @Test(
        "The CLI's compiled-in articles are the catalog's, every one linked from the landing page")
    func compiledInArticles() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.catalog)
            .filter { $0.hasSuffix(".md") && $0 != "ThreatSurvey.md" }.sorted()
        #expect(HelpTopic.articles.map(\.file).sorted() == files, "run .ci/docs --update")
        for (file, text) in HelpTopic.articles where file != HelpTopic.commandReferenceFile {
            var expected = try Self.read(Self.catalog + "/" + file)
            while expected.hasSuffix("\n") { expected.removeLast() }
            let same = text == expected
            #expect(same, "\(file) differs from its compiled-in copy: run .ci/docs --update")
        }
        let landing = try Self.read(Self.catalog + "/ThreatSurvey.md")
        for file in files { #expect(landing.contains("<doc:\(file.dropLast(3))>"), "\(file)") }
    }

    @Test("help TOPIC prints each article in plain text; an unknown name is a usage error")
    func helpTopics() {
        #expect(HelpTopic.all.count == HelpTopic.articles.count)
        let top = runCLI(["help"], addQuestionnaires: false)
        for topic in HelpTopic.all {
            #expect(top.out.contains("  \(topic.name) "), "\(topic.name)")
            let shown = runCLI(["help", topic.name], addQuestionnaires: false)
            #expect(shown.status == .success)
            #expect(shown.out.hasPrefix("# " + topic.title + "\n"))
            #expect(!shown.out.contains("<doc:"), "\(topic.name)")
            #expect(
                shown.out.range(of: "(^|[^`])``[A-Za-z]", options: .regularExpression) == nil,
                "\(topic.name)")
        }
        let figures = runCLI(["help", "figures"], addQuestionnaires: false).out
        #expect(figures.contains("'threatsurvey help decisions'"))
        let unknown = runCLI(["help", "figurs"], addQuestionnaires: false)
        #expect(unknown.status == .usage)
        #expect(unknown.err.contains("did you mean 'figures'?"))
        #expect(runCLI(["help", "rank"]).out.hasPrefix("usage: threatsurvey rank"))
        #expect(runCLI(["rank", "--help"]).out.contains("'threatsurvey help commands'"))
    }

    @Test(
        "Every command has an example, and every example parses",
        arguments: CLI.commands.map { $0.configuration.name })
    func examples(command name: String) throws {
        let type = try #require(CLI.commands.first { $0.configuration.name == name })
        #expect(!type.configuration.examples.isEmpty, "\(name) has no example")
        for example in type.configuration.examples {
            let words = Self.words(example.command)
            #expect(Array(words.prefix(2)) == ["threatsurvey", name], "\(example.command)")
            #expect(throws: Never.self, "\(example.command)") {
                _ = try CommandParser.parse(Array(words.dropFirst(2)), into: type.init())
            }
        }
    }

    @Test("The man page names every command and option, and groff reads it without a warning")
    func manPage() throws {
        let result = runCLI(["man"], addQuestionnaires: false)
        #expect(result.status == .success)
        let page = result.out
        #expect(page.hasPrefix(".\\\" Generated"))
        #expect(page.contains(".TH THREATSURVEY 1"))
        for entry in CommandReference.entries {
            #expect(page.contains(".SS \(CommandReference.roff(entry.name))\n"), "\(entry.name)")
            for declaration in entry.declarations where declaration.kind != .positional {
                #expect(page.contains(CommandReference.roff("--" + (declaration.name ?? ""))))
            }
        }
        let ascii = page.unicodeScalars.allSatisfy { $0.isASCII }
        #expect(ascii)
        guard
            let groff = ["/usr/bin/groff", "/bin/groff"].first(where: {
                FileManager.default.isExecutableFile(atPath: $0)
            })
        else { return }
        let folder = try TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(folder) }
        try TestSupport.write(page, to: folder + "/threatsurvey.1")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: groff)
        process.arguments = ["-man", "-Tutf8", "-ww", "-z", folder + "/threatsurvey.1"]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let text = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(String(decoding: text, as: UTF8.self) == "")
    }

    @Test("The library article shows exactly the example LibraryUsageTests compiles and runs")
    func libraryExample() throws {
        let test = try Self.read(
            TestSupport.root + "/Tests/ThreatSurveyTests/LibraryUsageTests.swift")
        let start = try #require(test.range(of: "// snippet: library-usage\n"))
        let end = try #require(test.range(of: "// end snippet"))
        let snippet = test[start.upperBound..<end.lowerBound]
        let article = try Self.read(Self.catalog + "/LibraryUsage.md")
        #expect(article.contains("```swift\n" + snippet + "```\n"))
    }

    @Test(
        "The README is a front door: at most 250 lines, the two commands, no path outside the package"
    )
    func readme() throws {
        let readme = try Self.read(TestSupport.root + "/README.md")
        #expect(readme.split(separator: "\n", omittingEmptySubsequences: false).count <= 251)
        #expect(readme.contains("swift run threatsurvey demo"))
        #expect(readme.contains("\nswift test "))
        #expect(!readme.contains("../shared"))
        for topic in HelpTopic.all { #expect(readme.contains("`\(topic.name)`"), "\(topic.name)") }
    }

    @Test("Every field of a questionnaire definition is documented, with an example")
    func definitionFields() throws {
        let article = try Self.read(Self.catalog + "/QuestionnaireDefinitions.md")
        for field in [
            "id", "title", "issued", "deadline", "timeZone", "roster", "threats", "questions",
            "note", "workingParty", "plan",
        ] {
            #expect(article.contains("### \(field)\n"), "\(field) has no section")
            #expect(article.contains("\"\(field)\":"), "\(field) has no example")
        }
        for field in ["aliases", "label", "otherFora", "options", "type", "text"] {
            #expect(article.contains("`\(field)`"), "\(field)")
            #expect(article.contains("\"\(field)\":"), "\(field) has no example")
        }
    }
}
