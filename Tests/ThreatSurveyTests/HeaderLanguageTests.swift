import Foundation
import Testing

@testable import ThreatSurvey

/// Headers in the delegation's language: recognised in CSV and workbooks alike, an unknown one
/// named with a suggestion (CONTRACT.md, "Intake rules added").
@Suite("Header languages")
struct HeaderLanguageTests {
    static let folder = TestSupport.root + "/Tests/ThreatSurveyTests/Resources/headers/"

    private func read(_ name: String) throws -> (responses: [Response], diagnostics: [Diagnostic]) {
        let file = try AnswerFile.read(bytes: try TestSupport.bytes(Self.folder + name), name: name)
        return try AnswerParser(questionnaire: try TestSupport.questionnaire()).parse(file)
    }

    private func summary(_ responses: [Response]) -> [String] {
        responses.map { response in
            response.delegation + ":"
                + response.mentions.filter { $0.origin == .structured }
                .map { "\($0.threat)=\($0.priority.map(String.init) ?? "-")" }.joined(
                    separator: ",")
        }
    }

    @Test("A matrix whose first header is \"Lidstaat\" reads the same as .ods and as CSV")
    func lidstaatMatrix() throws {
        let ods = try read("matrix-lidstaat.ods")
        let csv = try read("matrix-lidstaat.csv")
        #expect(summary(ods.responses) == ["NL:firearms=1,drugs=-", "BE:drugs=2"])
        #expect(summary(ods.responses) == summary(csv.responses))
        #expect(ods.responses.first?.comments == "Havens van Rotterdam")
    }

    @Test("A long table headed in Polish reads the same as .ods and as CSV")
    func polishLongTable() throws {
        let ods = try read("long-polski.ods")
        let csv = try read("long-polski.csv")
        #expect(summary(ods.responses) == ["PL:firearms=1,tobacco-smuggling=2"])
        #expect(summary(ods.responses) == summary(csv.responses))
        #expect(!ods.diagnostics.contains { $0.message.contains("not a known header") })
    }

    @Test("A Word table headed in Portuguese reads as a long table")
    func wordTable() throws {
        let bytes = try ZipFixture.docx(
            paragraphs: ["Resposta de Portugal"],
            table: [
                ["Estado-Membro", "Ameaça", "Prioridade", "Observações"],
                ["Portugal", "drugs", "1", "cocaína por via marítima"],
            ])
        let file = try AnswerFile.read(bytes: bytes, name: "pt.docx")
        let parsed = try AnswerParser(questionnaire: try TestSupport.questionnaire()).parse(file)
        #expect(file.format == .csvLong)
        #expect(summary(parsed.responses) == ["PT:drugs=1"])
    }

    @Test("German headers with and without diacritics")
    func germanHeaders() throws {
        let csv = try read("long-deutsch.csv")
        #expect(summary(csv.responses) == ["DE:firearms=1"])
        #expect(csv.responses.first?.mentions.first?.comment == "Schusswaffen")
    }

    @Test(
        "\"Member State\", threat, priority, comment and respondent in every official language",
        arguments: [
            ("Lidstaat", HeaderVocabulary.Role.delegation), ("État membre", .delegation),
            ("ETAT MEMBRE", .delegation), ("Mitgliedstaat", .delegation),
            ("Państwo członkowskie", .delegation), ("Stato membro", .delegation),
            ("Estado miembro", .delegation), ("Estado-Membro", .delegation),
            ("Държава членка", .delegation), ("Κράτος μέλος", .delegation),
            ("Členský stát", .delegation), ("Jäsenvaltio", .delegation),
            ("Ballstát", .delegation), ("Tagállam", .delegation), ("Valstybė narė", .delegation),
            ("Dalībvalsts", .delegation), ("Stat Membru", .delegation),
            ("Liikmesriik", .delegation), ("Medlemsstat", .delegation),
            ("Država članica", .delegation), ("Členský štát", .delegation),
            ("Bedrohung", .threat), ("Menace", .threat), ("Amenaza", .threat),
            ("Zagrożenie", .threat), ("Απειλή", .threat), ("Заплаха", .threat),
            ("Priorità", .priority), ("Priorité", .priority), ("PRIORITÄT", .priority),
            ("Prioridade", .priority), ("Προτεραιότητα", .priority),
            ("Kommentar", .comment), ("Commentaire", .comment), ("Opmerkingen", .comment),
            ("Uwagi", .comment), ("Répondant", .respondent), ("Válaszadó", .respondent),
        ])
    func vocabulary(header: String, role: HeaderVocabulary.Role) {
        #expect(HeaderVocabulary.role(of: header) == role)
    }

    @Test("Every language of the Union has a word for each contract column")
    func everyLanguage() {
        let languages = Set(
            "bg cs da de el en es et fi fr ga hr hu it lt lv mt nl pl pt ro sk sl sv".split(
                separator: " "
            ).map(String.init))
        for role: HeaderVocabulary.Role in [
            .delegation, .threat, .priority, .comment, .respondent,
        ] {
            let have = Set((HeaderVocabulary.words[role] ?? [:]).keys)
            #expect(languages.isSubset(of: have), "\(role) lacks \(languages.subtracting(have))")
        }
    }

    @Test("No header word means two columns")
    func oneRolePerWord() {
        var seen: [String: HeaderVocabulary.Role] = [:]
        for (role, languages) in HeaderVocabulary.words {
            for word in languages.values.joined() {
                let key = TextFolding.key(word)
                #expect(seen[key] == nil || seen[key] == role, "\(word): \(role), \(seen[key]!)")
                seen[key] = role
            }
        }
    }

    @Test("A matrix corner: a delegation word, or one with a threat word")
    func corner() {
        #expect(HeaderVocabulary.isCorner("Lidstaat"))
        #expect(HeaderVocabulary.isCorner("Member State / Threat"))
        #expect(HeaderVocabulary.isCorner(""))
        #expect(!HeaderVocabulary.isCorner("Lidstat"))
    }

    @Test("A workbook refused names the headers it saw and did not know, with a suggestion")
    func workbookRefusalNamesHeaders() throws {
        let error = #expect(throws: SurveyError.self) { try read("matrix-lidstat-typo.ods") }
        guard case .invalidData(let diagnostics) = error else {
            Issue.record("expected invalid data, got \(String(describing: error))")
            return
        }
        let message = diagnostics.map(\.description).joined(separator: "\n")
        #expect(message.contains("no sheet of this workbook looks like answers"))
        #expect(message.contains("sheet \"Antwoorden\" row 1 has \"Lidstat\", \"firearms\""))
        #expect(message.contains("first header \"Lidstat\" is not a delegation header"))
        #expect(message.contains("did you mean \"lidstaat\"?"))
    }

    @Test("A long CSV with a misspelt threat header names it and suggests the word")
    func longTypo() throws {
        let problems = TestSupport.problems(
            try String(contentsOfFile: Self.folder + "long-typo.csv", encoding: .utf8),
            name: "long-typo.csv", questionnaire: try TestSupport.questionnaire())
        let lines = problems.map(\.description)
        #expect(
            lines.contains {
                $0.hasPrefix("long-typo.csv:1:1: error: no threat column")
                    && $0.contains("not known: \"Bedrohng\"")
                    && $0.hasSuffix("did you mean \"Bedrohung\"?")
            }, "\(lines)")
        #expect(
            lines.contains {
                $0 == "long-typo.csv:1:15: warning: column \"Bedrohng\" is not a known header; "
                    + "ignored; did you mean \"Bedrohung\"?"
            }, "\(lines)")
    }
}
