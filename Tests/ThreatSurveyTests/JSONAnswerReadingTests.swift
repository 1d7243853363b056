import Foundation
import Testing

@testable import ThreatSurvey

/// The phases of reading one JSON answer object (`JSONAnswerParser.response(from:)`), each on
/// its own: questionnaire, delegation, cosignatories, date, threats, answers, comments.
@Suite("JSON answer reading, phase by phase")
struct JSONAnswerReadingTests {
    /// A reader for `questionnaire`, with `--delegation` when `delegation` is given.
    static func reader(
        _ questionnaire: String = "9396/1/15", delegation: String? = nil
    ) throws -> JSONAnswerParser {
        let q = try TestSupport.questionnaire(questionnaire)
        let tables = ParserTables.tables(for: q)
        return JSONAnswerParser(
            context: ParseContext(
                questionnaire: q, delegation: delegation.flatMap(MemberState.withCode),
                file: "answer.json", threats: tables.threats, prose: tables.prose))
    }

    static func object(_ text: String) throws -> JSONNode {
        try JSONParser.parse(Array(text.utf8))
    }

    @Test("questionnaire: another questionnaire's id is an error; its own id is not")
    func questionnaire() throws {
        let reader = try Self.reader()
        var diagnostics: [Diagnostic] = []
        reader.checkQuestionnaire(
            of: try Self.object(#"{"questionnaire": "9396/1/15"}"#), into: &diagnostics)
        #expect(diagnostics.isEmpty)
        reader.checkQuestionnaire(
            of: try Self.object(#"{"questionnaire": "10618/15"}"#), into: &diagnostics)
        #expect(diagnostics.errors.count == 1)
        #expect(diagnostics.first?.message.contains("not 9396/1/15") == true)
    }

    @Test("delegation: from the file, from --delegation, required, and the two must agree")
    func delegation() throws {
        var diagnostics: [Diagnostic] = []
        let fromFile = try Self.reader().delegation(
            of: try Self.object(#"{"delegation": "France"}"#), into: &diagnostics)
        #expect(fromFile?.code == "FR" && diagnostics.isEmpty)

        let given = try Self.reader(delegation: "DE").delegation(
            of: try Self.object("{}"), into: &diagnostics)
        #expect(given?.code == "DE" && diagnostics.isEmpty)

        let missing = try Self.reader().delegation(of: try Self.object("{}"), into: &diagnostics)
        #expect(missing == nil)
        #expect(
            diagnostics.errors.map(\.message) == [#"missing "delegation" (or give --delegation)"#])

        diagnostics = []
        let disagreeing = try Self.reader(delegation: "DE").delegation(
            of: try Self.object(#"{"delegation": "FR"}"#), into: &diagnostics)
        #expect(disagreeing?.code == "FR")
        #expect(diagnostics.errors.map(\.message) == ["answer is from FR but --delegation says DE"])
    }

    @Test("cosignatories: a list or one separated string, once each, never the delegation")
    func cosignatories() throws {
        let reader = try Self.reader()
        let france = MemberState.withCode("FR")
        var diagnostics: [Diagnostic] = []
        let listed = reader.cosignatories(
            of: try Self.object(#"{"cosignatories": ["LU", "Belgium", "LU", "FR"]}"#),
            besides: france, into: &diagnostics)
        #expect(listed == ["LU", "BE"] && diagnostics.isEmpty)
        let written = reader.cosignatories(
            of: try Self.object(#"{"cosignatories": "BE; LU/Czech Republic"}"#),
            besides: france, into: &diagnostics)
        #expect(written == ["BE", "LU", "CZ"] && diagnostics.isEmpty)
        let wrong = reader.cosignatories(
            of: try Self.object(#"{"cosignatories": 3}"#), besides: france, into: &diagnostics)
        #expect(wrong.isEmpty)
        #expect(
            diagnostics.errors.map(\.message) == [
                #""cosignatories" must be a list of Member States"#
            ])
    }

    @Test("date: ISO or day first; a date that reads two ways is warned; anything else is an error")
    func date() throws {
        let reader = try Self.reader()
        var diagnostics: [Diagnostic] = []
        // Day first, as the Union writes dates; dots and a day over 12 read one way only.
        for text in ["13/09/2015", "04.09.2015", "2015-09-04", "4/4/2015"] {
            #expect(
                reader.date(of: try Self.object(#"{"date": "\#(text)"}"#), into: &diagnostics)
                    != nil)
        }
        #expect(diagnostics.isEmpty)
        // A slash date that reads two ways is taken day first, and a warning names both.
        #expect(
            reader.date(of: try Self.object(#"{"date": "04/09/2015"}"#), into: &diagnostics)
                == CivilDate(iso: "2015-09-04"))
        #expect(diagnostics.errors.isEmpty)
        #expect(
            diagnostics.map(\.message) == [
                #""date" "04/09/2015" reads two ways: taken day first as 2015-09-04 (month first it would be 2015-04-09); write 2015-09-04 to say which"#
            ])
        diagnostics = []
        #expect(
            reader.date(of: try Self.object(#"{"date": "2015-13-45"}"#), into: &diagnostics) == nil)
        #expect(diagnostics.errors.count == 1)
        #expect(reader.date(of: try Self.object("{}"), into: &diagnostics) == nil)
        #expect(diagnostics.count == 1)
    }

    @Test("threats: names and objects; a filled-in template's untouched entries mention nothing")
    func threats() throws {
        let reader = try Self.reader()
        var diagnostics: [Diagnostic] = []
        let mentions = reader.threats(
            of: try Self.object(
                #"{"threats": ["drugs", {"threat": "firearms", "priority": 2, "comment": "x"}]}"#),
            into: &diagnostics)
        #expect(mentions.map(\.threat) == ["drugs", "firearms"])
        #expect(mentions.map(\.priority) == [nil, 2])
        #expect(diagnostics.isEmpty)

        // Every threat listed, one filled in: the template's other entries are dropped.
        let ids = try TestSupport.questionnaire().threats.map(\.id)
        let entries = ids.enumerated().map { index, id in
            index == 0
                ? #"{"threat": "\#(id)", "priority": 1, "comment": ""}"#
                : #"{"threat": "\#(id)", "priority": null, "comment": ""}"#
        }
        let template = reader.threats(
            of: try Self.object(#"{"threats": [\#(entries.joined(separator: ","))]}"#),
            into: &diagnostics)
        #expect(template.map(\.threat) == [ids[0]])
        #expect(diagnostics.warnings.count == 1)
        #expect(diagnostics.errors.isEmpty)

        #expect(
            reader.threats(of: try Self.object(#"{"threats": "drugs"}"#), into: &diagnostics)
                .isEmpty)
        #expect(diagnostics.errors.map(\.message) == [#""threats" must be a list"#])
    }

    @Test("answers: strings, numbers and yes/no by question id; other values are errors")
    func answers() throws {
        let reader = try Self.reader("10618/15")
        var diagnostics: [Diagnostic] = []
        let answers = reader.answers(
            of: try Self.object(#"{"answers": {"cyber-unit": true, "join-jco": [1]}}"#),
            into: &diagnostics)
        #expect(answers.map(\.question) == ["cyber-unit"])
        #expect(answers.map(\.value) == ["yes"])
        #expect(
            diagnostics.errors.map(\.message) == [
                #"answer to "join-jco" must be a string or yes/no"#
            ])
        diagnostics = []
        #expect(
            reader.answers(of: try Self.object(#"{"answers": []}"#), into: &diagnostics).isEmpty)
        #expect(diagnostics.errors.count == 1)
    }

    @Test("comments: kept as written, and threats named in them are mentions inside the string")
    func comments() throws {
        let reader = try Self.reader()
        var diagnostics: [Diagnostic] = []
        let comments = reader.comments(
            of: try Self.object(#"{"comments": "Firearms are our first concern."}"#),
            into: &diagnostics)
        #expect(comments.text == "Firearms are our first concern.")
        #expect(comments.mentions.map(\.threat) == ["firearms"])
        // The string's quote is at column 14; its first character at 15.
        #expect(comments.mentions.first?.column == 15)
        #expect(reader.comments(of: try Self.object("{}"), into: &diagnostics).text == nil)
    }

    @Test("the whole object: phases combined; no delegation, no response")
    func wholeObject() throws {
        let reader = try Self.reader()
        var diagnostics: [Diagnostic] = []
        let response = reader.response(
            from: try Self.object(
                #"{"delegation": "FR", "cosignatories": ["BE"], "threats": ["drugs"], "comments": "and firearms"}"#
            ), into: &diagnostics)
        #expect(response?.delegation == "FR")
        #expect(response?.cosignatories == ["BE"])
        #expect(response?.mentions.map(\.threat) == ["drugs", "firearms"])
        #expect(response?.comments == "and firearms")
        #expect(diagnostics.isEmpty)
        #expect(
            reader.response(from: try Self.object(#"{"threats": ["drugs"]}"#), into: &diagnostics)
                == nil)
        #expect(diagnostics.errors.count == 1)
    }
}
