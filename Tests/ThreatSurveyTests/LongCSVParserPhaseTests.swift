import Foundation
import Testing

@testable import ThreatSurvey

/// The phases of `LongCSVParser.parse`, each on its own: header, required columns, the
/// parts of a row, grouping into responses, and the whole-file checks.
@Suite("Long CSV parsing, phase by phase")
struct LongCSVParserPhaseTests {
    let questionnaire: Questionnaire

    init() throws {
        questionnaire = try TestSupport.questionnaire("9396/1/15")
    }

    /// A parser for 9396/1/15, with `--delegation` when `delegation` is given.
    func parser(delegation: String? = nil) -> LongCSVParser {
        let tables = ParserTables.tables(for: questionnaire)
        return LongCSVParser(
            context: ParseContext(
                questionnaire: questionnaire, delegation: delegation.flatMap(MemberState.withCode),
                file: "answer.csv", threats: tables.threats, prose: tables.prose))
    }

    /// The records of `text`, header first.
    func records(_ text: String) -> [CSVRecord] {
        CSVReader.records(in: Array(text.utf8), delimiter: 0x2C).records
    }

    /// The columns of `header` as found by `readHeader`.
    func columns(_ header: String) -> LongCSVParser.Columns {
        var diagnostics: [Diagnostic] = []
        return parser().readHeader(records(header)[0], into: &diagnostics).columns
    }

    @Test(
        "readHeader: columns by name in any order and case; a repeat is an error, an unknown a warning"
    )
    func readHeader() throws {
        var diagnostics: [Diagnostic] = []
        let header = try #require(records("Threat,PRIORITY,Member State,colour,threat\n").first)
        let (columns, unknown) = parser().readHeader(header, into: &diagnostics)
        #expect(columns.threat == 0)
        #expect(columns.priority == 1)
        #expect(columns.delegation == 2)
        #expect(columns.comment == nil)
        #expect(unknown == ["colour"])
        #expect(diagnostics.count == 2)
        #expect(
            diagnostics.warnings.first?.message.contains("\"colour\" is not a known header") == true
        )
        #expect(diagnostics.errors.first?.message.contains("\"threat\" appears twice") == true)
        #expect(diagnostics.errors.first?.column == 37)
    }

    @Test("checkRequiredColumns: delegation (unless --delegation) and threat are required")
    func requiredColumns() throws {
        let header = try #require(records("priority,comment\n").first)
        let none = LongCSVParser.Columns()
        var diagnostics: [Diagnostic] = []
        parser().checkRequiredColumns(
            none, unknown: ["land"], header: header, into: &diagnostics)
        #expect(diagnostics.errors.count == 2)
        #expect(diagnostics.errors[0].message.hasPrefix("no delegation column"))
        #expect(diagnostics.errors[0].message.contains("not known: \"land\""))
        #expect(diagnostics.errors[1].message.hasPrefix("no threat column"))

        diagnostics = []
        parser(delegation: "FR").checkRequiredColumns(
            none, unknown: [], header: header, into: &diagnostics)
        #expect(diagnostics.errors.map(\.message).allSatisfy { $0.hasPrefix("no threat column") })
        #expect(diagnostics.errors.count == 1)

        diagnostics = []
        var both = LongCSVParser.Columns()
        (both.delegation, both.threat) = (0, 1)
        parser().checkRequiredColumns(both, unknown: [], header: header, into: &diagnostics)
        #expect(diagnostics.isEmpty)
    }

    @Test("cell and filled: text and position of a cell; a short row gives an empty cell")
    func cells() throws {
        let rows = records("delegation,threat,priority\nFR, drugs\n")
        let p = parser()
        let cell = try #require(p.cell(1, of: rows[1]))
        #expect(cell.text == " drugs")
        #expect((cell.line, cell.column) == (2, 4))
        #expect(p.cell(nil, of: rows[1]) == nil)
        #expect(p.cell(2, of: rows[1])?.text == "")
        #expect(p.filled(1, of: rows[1]))
        #expect(!p.filled(2, of: rows[1]))
        #expect(!p.filled(nil, of: rows[1]))
    }

    @Test(
        "isBlankTemplateRow: only questionnaire and threat written, in a template with priorities")
    func blankTemplateRow() {
        let text =
            "questionnaire,delegation,threat,priority\n9396/1/15,,drugs,\n9396/1/15,FR,drugs,\n"
        let rows = records(text)
        let columns = columns(text)
        #expect(parser().isBlankTemplateRow(rows[1], columns: columns))
        #expect(!parser().isBlankTemplateRow(rows[2], columns: columns))
        // With --delegation, the filled-in template rule decides instead.
        #expect(!parser(delegation: "FR").isBlankTemplateRow(rows[1], columns: columns))
        // Without a priority or mention column, no row is a blank template row.
        let plain = "delegation,threat\n,drugs\n"
        #expect(!parser().isBlankTemplateRow(records(plain)[1], columns: self.columns(plain)))
    }

    @Test("rowDelegation: the cell, else --delegation; a contradiction is an error")
    func rowDelegation() {
        let text = "delegation,threat\nFR,drugs\n,drugs\nAtlantis,drugs\n"
        let rows = records(text)
        let columns = columns(text)
        var diagnostics: [Diagnostic] = []
        #expect(parser().rowDelegation(rows[1], columns: columns, into: &diagnostics)?.code == "FR")
        #expect(diagnostics.isEmpty)
        #expect(
            parser(delegation: "DE").rowDelegation(rows[2], columns: columns, into: &diagnostics)?
                .code == "DE")
        #expect(parser().rowDelegation(rows[3], columns: columns, into: &diagnostics) == nil)
        // A blank cell is still reported, though --delegation stands in for it.
        #expect(
            diagnostics.errors.map(\.message) == [
                "missing delegation", "unknown Member State \"Atlantis\"",
            ])
        diagnostics = []
        #expect(
            parser(delegation: "DE").rowDelegation(rows[1], columns: columns, into: &diagnostics)?
                .code == "FR")
        #expect(diagnostics.errors.first?.message == "row is for FR but --delegation says DE")
        // No delegation column: --delegation.
        let bare = "threat\ndrugs\n"
        #expect(
            parser(delegation: "IT").rowDelegation(
                records(bare)[1], columns: self.columns(bare), into: &diagnostics)?.code == "IT")
    }

    @Test("rowCosignatories: split at ; , + / but never at a space")
    func rowCosignatories() {
        let text = "delegation,threat,cosignatories\nFR,drugs,\"Czech Republic; DE + IT\"\n"
        var diagnostics: [Diagnostic] = []
        let codes = parser().rowCosignatories(
            records(text)[1], columns: columns(text), into: &diagnostics)
        #expect(codes == ["CZ", "DE", "IT"])
        #expect(diagnostics.isEmpty)
        let none = "delegation,threat\nFR,drugs\n"
        #expect(
            parser().rowCosignatories(records(none)[1], columns: columns(none), into: &diagnostics)
                .isEmpty)
    }

    @Test(
        "readEntry: a mention with priority and comment, a bare row, an unmarked row, a skipped row"
    )
    func readEntry() throws {
        let text =
            "delegation,threat,priority,comment\nFR,drugs,2,via ports\nFR,firearms,,\nFR,,,\n"
        let rows = records(text)
        let columns = columns(text)
        var diagnostics: [Diagnostic] = []
        let full = try #require(parser().readEntry(rows[1], columns: columns, into: &diagnostics))
        #expect(full.threat == "drugs")
        #expect(full.mention?.priority == 2)
        #expect(full.mention?.comment == "via ports")
        #expect(full.mention?.line == 2 && full.mention?.column == 4)
        #expect(!full.isBare)
        let bare = try #require(parser().readEntry(rows[2], columns: columns, into: &diagnostics))
        #expect(bare.mention?.threat == "firearms")
        #expect(bare.isBare)
        #expect(diagnostics.isEmpty)
        #expect(parser().readEntry(rows[3], columns: columns, into: &diagnostics) == nil)
        #expect(diagnostics.warnings.first?.message == "row names no threat; skipped")

        let marked = "delegation,threat,mentioned,priority\nFR,drugs,no,\nFR,firearms,x,\n"
        let markedRows = records(marked)
        diagnostics = []
        let no = try #require(
            parser().readEntry(markedRows[1], columns: self.columns(marked), into: &diagnostics))
        #expect(no.threat == "drugs" && no.mention == nil)
        let yes = try #require(
            parser().readEntry(markedRows[2], columns: self.columns(marked), into: &diagnostics))
        #expect(yes.mention?.threat == "firearms" && !yes.isBare)
        #expect(diagnostics.isEmpty)
    }

    @Test(
        "readThreat: an unknown threat's priority is still checked; a 'no' mark with a priority is an error"
    )
    func readThreat() throws {
        let text = "delegation,threat,mentioned,priority\nFR,fire arms,,0\nFR,drugs,no,2\n"
        let rows = records(text)
        let columns = columns(text)
        var diagnostics: [Diagnostic] = []
        let p = parser()
        let unknown = p.readThreat(
            try #require(p.cell(1, of: rows[1])), of: rows[1], columns: columns,
            into: &diagnostics)
        #expect(unknown.threat == nil && unknown.mention == nil)
        #expect(diagnostics.errors.count == 2)
        #expect(diagnostics.errors.first?.message.hasPrefix("unknown threat \"fire arms\"") == true)
        diagnostics = []
        let no = p.readThreat(
            try #require(p.cell(1, of: rows[2])), of: rows[2], columns: columns,
            into: &diagnostics)
        #expect(no.threat == "drugs" && no.mention == nil && !no.isBare)
        #expect(
            diagnostics.errors.map(\.message) == [
                "this row gives a priority but its mention column says no; clear one of them"
            ])
        #expect(diagnostics.errors.first?.column == 13)
    }

    @Test("group: one response per (delegation, respondent) in first-seen order; repeats warned")
    func group() throws {
        let text = "delegation,threat\nFR,drugs\nFR,drugs\nDE,drugs\n"
        let rows = records(text)
        let columns = columns(text)
        let p = parser()
        var groups = LongCSVParser.ResponseGroups()
        var diagnostics: [Diagnostic] = []
        let fr = try #require(MemberState.withCode("FR"))
        let de = try #require(MemberState.withCode("DE"))
        for (row, state) in [(rows[1], fr), (rows[2], fr), (rows[3], de)] {
            let reading = try #require(p.readEntry(row, columns: columns, into: &diagnostics))
            p.group(
                reading, of: row, state: state, respondent: nil,
                cosignatories: state == fr ? ["FR", "IT"] : [], into: &groups,
                diagnostics: &diagnostics)
        }
        #expect(groups.order == ["FR\u{1F}", "DE\u{1F}"])
        #expect(groups.responses["FR\u{1F}"]?.mentions.count == 2)
        #expect(groups.responses["FR\u{1F}"]?.cosignatories == ["IT"])
        #expect(groups.responses["FR\u{1F}"]?.line == 2)
        #expect(groups.firstLine["FR\u{1F}"]?["drugs"] == 2)
        #expect(groups.named["DE\u{1F}"] == ["drugs"])
        #expect(groups.bare["FR\u{1F}"] == [0, 1])
        #expect(diagnostics.warnings.count == 1)
        #expect(diagnostics.warnings.first?.message.contains("first on line 2") == true)
        #expect(diagnostics.warnings.first?.line == 3)
    }

    @Test("reportBlankRows: one warning naming the first five lines")
    func reportBlankRows() {
        var diagnostics: [Diagnostic] = []
        parser().reportBlankRows([], into: &diagnostics)
        #expect(diagnostics.isEmpty)
        parser().reportBlankRows([3, 4, 5, 6, 7, 9], into: &diagnostics)
        #expect(diagnostics.count == 1)
        #expect(
            diagnostics.first?.message
                == "6 row(s) left blank (line 3, 4, 5, 6, 7, …) mention nothing")
        #expect(diagnostics.first?.line == 3)
    }

    @Test("dropFilledInTemplateRows: every threat listed, some with a priority: the bare rows go")
    func filledInTemplate() {
        let p = parser()
        var groups = LongCSVParser.ResponseGroups()
        let key = "FR\u{1F}"
        var response = Response(delegation: "FR", respondent: nil, line: 2)
        for (offset, threat) in questionnaire.threats.enumerated() {
            response.mentions.append(
                Mention(threat: threat.id, priority: offset == 0 ? 1 : nil, origin: .structured))
        }
        groups.order = [key]
        groups.responses[key] = response
        groups.named[key] = Set(questionnaire.threats.map(\.id))
        groups.bare[key] = Set(1..<questionnaire.threats.count)
        var diagnostics: [Diagnostic] = []
        // With a mention column, the marks decide: nothing is dropped.
        var marked = LongCSVParser.Columns()
        marked.mentioned = 2
        var kept = groups
        p.dropFilledInTemplateRows(of: &kept, columns: marked, into: &diagnostics)
        #expect(kept.responses[key]?.mentions.count == questionnaire.threats.count)
        #expect(diagnostics.isEmpty)

        p.dropFilledInTemplateRows(of: &groups, columns: .init(), into: &diagnostics)
        #expect(groups.responses[key]?.mentions.map(\.threat) == [questionnaire.threats[0].id])
        #expect(diagnostics.warnings.count == 1)
        #expect(diagnostics.warnings.first?.message.contains("as a filled-in template") == true)
    }

    @Test("finishedResponses: first-seen order, cosignatories in protocol order")
    func finished() {
        var groups = LongCSVParser.ResponseGroups()
        var fr = Response(delegation: "FR", respondent: nil, line: 2)
        fr.cosignatories = ["SE", "BE", "DE"]
        groups.order = ["FR\u{1F}", "AT\u{1F}"]
        groups.responses = [
            "AT\u{1F}": Response(delegation: "AT", respondent: nil, line: 3), "FR\u{1F}": fr,
        ]
        let result = parser().finishedResponses(groups)
        #expect(result.map(\.delegation) == ["FR", "AT"])
        #expect(result[0].cosignatories == ["BE", "DE", "SE"])
    }
}
