import Foundation
import Testing

@testable import ThreatSurvey

@Suite(
    "Files that say what they mean: templates, matrix marks, cosignatories, ragged rows, languages")
struct FileRulesTests {
    static let folder = TestSupport.root + "/Tests/ThreatSurveyTests/Resources/files/"
    let questionnaire: Questionnaire

    init() throws {
        questionnaire = try TestSupport.questionnaire("9396/1/15")
    }

    func parse(_ name: String) throws(SurveyError) -> (
        responses: [Response], diagnostics: [Diagnostic]
    ) {
        let bytes = (try? TestSupport.bytes(Self.folder + name)) ?? []
        let file = try AnswerFile.read(bytes: bytes, name: name)
        return try AnswerParser(questionnaire: questionnaire).parse(file)
    }

    func errors(_ name: String) -> [Diagnostic] {
        do {
            _ = try parse(name)
            return []
        } catch {
            if case .invalidData(let list) = error { return list.filter { $0.severity == .error } }
            return []
        }
    }

    @Test(
        "A filled-in template without a mention column: rows left without priority mention nothing")
    func filledTemplate() throws {
        let (responses, diagnostics) = try parse("pl-filled-template.csv")
        let pl = try #require(responses.first)
        #expect(pl.threats == ["drugs", "firearms", "internet-crime"])
        #expect(pl.priority(of: "firearms") == 1)
        #expect(
            diagnostics.contains {
                $0.message.contains("filled-in template") && $0.message.contains("15 row(s)")
            })
    }

    @Test("The mention column: x, ano, or a priority alone mention; blank rows mention nothing")
    func mentionColumn() throws {
        let (responses, diagnostics) = try parse("cz-template-mentioned.csv")
        #expect(responses.count == 1)
        let cz = try #require(responses.first)
        #expect(cz.threats == ["drugs", "firearms", "vat-fraud"])
        #expect(cz.priority(of: "drugs") == 2)
        #expect(cz.priority(of: "vat-fraud") == nil)
        #expect(
            diagnostics.contains {
                $0.severity == .warning && $0.message.contains("15 row(s) left blank")
            })
        // A priority with the mention column saying no is a contradiction; a stray word an error.
        let text = "delegation,threat,mentioned,priority\nCZ,firearms,no,1\nCZ,drugs,maybe,\n"
        #expect(throws: SurveyError.self) {
            try TestSupport.parse(text, questionnaire: questionnaire)
        }
    }

    @Test(
        "A filled-in JSON template: entries left with null priority and no comment mention nothing")
    func jsonTemplate() throws {
        let template = TemplateWriter.template(for: questionnaire, form: .json)
        let filled = template.replacingOccurrences(
            of: "\"delegation\": \"\"", with: "\"delegation\": \"IE\""
        )
        .replacingOccurrences(of: "\"date\": \"\"", with: "\"date\": \"07/09/2015\"")
        var lines = filled.components(separatedBy: "\n")
        let firearms = try #require(lines.firstIndex { $0.contains("\"firearms\"") })
        // The template writes one threat object per line or spread over lines; set the priority that follows.
        let priority = try #require(
            lines[firearms...].firstIndex { $0.contains("\"priority\": null") })
        lines[priority] = lines[priority].replacingOccurrences(of: "null", with: "1")
        let (responses, diagnostics) = try TestSupport.parse(
            lines.joined(separator: "\n"), name: "ie.json", questionnaire: questionnaire)
        #expect(responses.first?.threats == ["firearms"])
        #expect(responses.first?.priority(of: "firearms") == 1)
        #expect(responses.first?.dated?.description == "2015-09-07")
        #expect(diagnostics.contains { $0.message.contains("filled-in template") })
    }

    @Test("A file that mentions every threat gets a warning, in any format")
    func everything() throws {
        let (responses, diagnostics) = try parse("lu-everything.csv")
        #expect(responses.first?.threats.count == 18)
        #expect(
            diagnostics.contains {
                $0.severity == .warning && $0.message.contains("LU mentions every threat")
            })
        let ids = questionnaire.threats.map { "\"\($0.id)\"" }.joined(separator: ", ")
        let json = "{\"delegation\": \"MT\", \"threats\": [\(ids)]}"
        let (_, warnings) = try TestSupport.parse(
            json, name: "mt.json", questionnaire: questionnaire)
        #expect(warnings.contains { $0.message.contains("MT mentions every threat") })
        let (_, fine) = try parse("matrix-mixed.csv")
        #expect(!fine.contains { $0.message.contains("mentions every threat") })
    }

    @Test("Matrix: a row mixing 1 with x/yes uses 1 as a priority; sí and no in Spanish")
    func mixedMatrix() throws {
        let (responses, diagnostics) = try parse("matrix-mixed.csv")
        #expect(responses.map(\.delegation) == ["PL", "ES"])
        #expect(responses[0].mentions.map(\.priority) == [1, nil, nil])
        #expect(responses[1].threats == ["firearms", "drugs", "vat-fraud"])
        #expect(responses[1].mentions.map(\.priority) == [nil, 2, 1])
        #expect(!diagnostics.contains { $0.message.contains("tick export") })
    }

    @Test("Matrix: a file of nothing but 1s and blanks/0s is a tick export, said in a warning")
    func ticks() throws {
        let (responses, diagnostics) = try parse("matrix-ticks.csv")
        #expect(responses.map(\.threats) == [["firearms", "drugs"], ["drugs", "vat-fraud"]])
        #expect(responses.flatMap(\.mentions).allSatisfy { $0.priority == nil })
        #expect(
            diagnostics.contains { $0.severity == .warning && $0.message.contains("tick export") })
    }

    @Test("Cosignatories split on ; , + / and never on spaces; names in the Union's languages")
    func cosignatories() throws {
        let (responses, _) = try parse("cosignatories.csv")
        #expect(responses.first?.cosignatories == ["CZ", "HU", "AT"])
        let json = """
            {"delegation": "Hiszpania", "cosignatories": "Portogallo; Frankrijk", "threats": ["firearms"]}
            """
        let (parsed, _) = try TestSupport.parse(json, name: "j.json", questionnaire: questionnaire)
        #expect(parsed.first?.delegation == "ES")
        #expect(parsed.first?.cosignatories == ["FR", "PT"])
    }

    @Test(
        "Ragged rows: extra cells are an error with the hint to quote; every problem of a row reported"
    )
    func ragged() throws {
        let list = errors("ragged.csv")
        let extra = try #require(list.first { $0.line == 2 })
        #expect(extra.column == 23)
        #expect(extra.message.contains("\" Larnaca and Paphos\" would be lost"))
        #expect(extra.message.contains("\"Limassol, Larnaca and Paphos\""))
        // The unknown threat no longer hides the bad priority beside it.
        #expect(list.contains { $0.line == 3 && $0.message.contains("unknown threat") })
        #expect(list.contains { $0.line == 3 && $0.message.contains("bad priority") })
        #expect(!list.contains { $0.line == 4 })
    }

    @Test(
        "Contacts: a second address after the last column is kept; other extra cells are an error")
    func contacts() throws {
        let list = try ContactList.load(
            bytes: try TestSupport.bytes(Self.folder + "contacts.csv"), file: "contacts.csv")
        #expect(list.addresses["SI"] == ["a@gov.si", "b@gov.si"])
        #expect(list.addresses["DE"] == ["c@bmf.de"])
        #expect(throws: SurveyError.self) {
            try ContactList.load(
                bytes: try TestSupport.bytes(Self.folder + "contacts-bad.csv"),
                file: "contacts-bad.csv")
        }
    }

    @Test(
        "Yes and no in the 24 languages",
        arguments: [
            ("sí", true), ("Oui", true), ("ja", true), ("tak", true), ("igen", true), ("ναι", true),
            ("да", true),
            ("kyllä", true), ("sim", true), ("áno", true), ("iva", true), ("taip", true),
            ("jah", true),
            ("nein", false), ("nie", false), ("nem", false), ("não", false), ("όχι", false),
            ("не", false),
            ("nej", false), ("ei", false), ("nu", false), ("nee", false), ("ne", false),
            ("le", false),
        ])
    func yesNo(text: String, value: Bool) throws {
        #expect(YesNo.read(text) == value)
    }

    @Test("Member State names in many languages resolve; none is claimed twice")
    func stateNames() throws {
        let resolver = MemberStateResolver.shared
        for (name, code) in [
            ("Allemagne", "DE"), ("Alemania", "DE"), ("Germania", "DE"), ("Duitsland", "DE"),
            ("Niemcy", "DE"),
            ("Alemanha", "DE"), ("Saksa", "DE"), ("Németország", "DE"), ("Γερμανία", "DE"),
            ("Il-Ġermanja", "DE"),
            ("Países Bajos", "NL"), ("Paesi Bassi", "NL"), ("Czech Republic", "CZ"),
            ("Repubblica ceca", "CZ"),
            ("Eslovenia", "SI"), ("Eslovaquia", "SK"), ("Słowacja", "SK"), ("Słowenia", "SI"),
            ("Regno Unito", "UK"),
        ] {
            #expect(resolver.resolve(name)?.code == code, "\(name)")
        }
        var owner: [String: String] = [:]
        for state in MemberState.all {
            for name in state.allNames {
                let key = TextFolding.key(name)
                if let other = owner[key] {
                    #expect(other == state.code, "\(name) names \(other) and \(state.code)")
                }
                owner[key] = state.code
            }
        }
    }

    @Test("European dates: day first, four-digit year; month-first and two-digit years refused")
    func dates() throws {
        #expect(CivilDate(written: "15/03/2026")?.description == "2026-03-15")
        #expect(CivilDate(written: "15.03.2026")?.description == "2026-03-15")
        #expect(CivilDate(written: "3/4/2026")?.description == "2026-04-03")
        #expect(CivilDate(written: "2026-03-15")?.description == "2026-03-15")
        #expect(CivilDate(written: "04/15/2026") == nil)
        #expect(CivilDate(written: "15/03/26") == nil)
        #expect(CivilDate(written: "31.02.2026") == nil)
        let zone = try #require(TimeZone(identifier: "Europe/Brussels"))
        let input = try #require(DateTimeInput("15.03.2026 14:30"))
        #expect(Timestamp.iso(input.resolve(in: zone), in: zone) == "2026-03-15T14:30:00+01:00")
        #expect(DateTimeInput("15/03/2026")?.isDateOnly == true)
    }

    @Test("A received time later than now is refused")
    func future() throws {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(throws: SurveyError.self) {
            try DateTimeInput.checkNotFuture(now.addingTimeInterval(3600), now: now)
        }
        try DateTimeInput.checkNotFuture(now.addingTimeInterval(-86400), now: now)
        try DateTimeInput.checkNotFuture(now.addingTimeInterval(60), now: now)  // clock skew
        // submit refuses it and stores nothing; a European date is accepted.
        let folder = try TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(folder) }
        let store = folder + "/s.sqlite"
        let file = Self.folder + "matrix-mixed.csv"
        let refused = runCLI(
            ["submit", file, "--questionnaire", "9396/1/15", "--received", "2999-01-01"],
            store: store)
        #expect(refused.status == .usage)
        #expect(refused.err.contains("later than now"))
        #expect(!FileManager.default.fileExists(atPath: store))
        let accepted = runCLI(
            ["submit", file, "--questionnaire", "9396/1/15", "--received", "03.09.2015"],
            store: store)
        #expect(accepted.status == .success)
        #expect(accepted.out.contains("2015-09-03T12:00:00+02:00"))
    }
}
