import Foundation
import Testing

@testable import ThreatSurvey
@testable import ThreatSurveyCLI

/// `compile`: every counted reply's comments verbatim, with their sources (CONTRACT.md,
/// `compile`).
@Suite("compile: the replies verbatim, with sources; late, joint and missing replies")
struct CompilationTests {
    let consultation: PlanConsultation

    init() throws { consultation = try PlanConsultation() }

    func delegations(_ arguments: [String] = []) throws -> [[String: Any]] {
        try #require(consultation.json(["compile"] + arguments)["delegations"] as? [[String: Any]])
    }

    func entries(_ delegation: [String: Any]) throws -> [[String: Any]] {
        try #require(delegation["entries"] as? [[String: Any]])
    }

    @Test("Who replied (cosignatories included), who did not, in protocol order")
    func repliedAndNoReply() throws {
        defer { consultation.cleanUp() }
        let compiled = try consultation.json(["compile"])
        #expect(compiled["questionnaire"] as? String == "1/2/26")
        #expect(
            compiled["replied"] as? [String] == ["BE", "CZ", "DE", "EL", "ES", "IT", "PL", "SK"])
        #expect(compiled["noReply"] as? [String] == ["FR", "PT"])
        let replies = try #require(compiled["delegations"] as? [[String: Any]])
        #expect(
            replies.map { $0["delegation"] as? String } == ["BE", "DE", "EL", "ES", "IT", "PL"])
        let text = consultation.run(["compile"]).out
        #expect(text.contains("No reply from: FR, PT."))
        #expect(text.contains("Member States that did not reply"))
    }

    @Test("A structured comment: its threat, the text verbatim, file and line")
    func structuredComment() throws {
        defer { consultation.cleanUp() }
        let be = try #require(try delegations().first)
        #expect(be["delegation"] as? String == "BE")
        #expect(be["cosignatories"] as? [String] == [])
        #expect(be["late"] as? Bool == false)
        #expect(be["received"] as? String == "2026-01-20T12:00:00+01:00")
        #expect(be["file"] as? String == "answers.csv")
        let entry = try #require(try entries(be).first)
        #expect(entry["threat"] as? String == "firearms")
        #expect(entry["text"] as? String == "Parts bought online")
        #expect(entry["source"] as? String == "answers.csv:2")
        #expect(entry["kind"] as? String == "comment")
        let threats = try #require(be["threats"] as? [[String: Any]])
        #expect(threats.map { $0["threat"] as? String } == ["firearms", "drugs"])
        #expect(threats.map { $0["priority"] as? Int } == [1, 2])
    }

    @Test("Written comments paragraph by paragraph; one threat named ties it; negated ones quoted")
    func writtenComments() throws {
        defer { consultation.cleanUp() }
        let el = try #require(try delegations().first { $0["delegation"] as? String == "EL" })
        let paragraphs = try entries(el)
        #expect(
            paragraphs.map { $0["text"] as? String } == [
                "Written comments of the Greek delegation",
                "1. Cultural goods smuggling through the ports.",
                "2. Firearms trafficking in the Balkans.",
                "Drugs are not a priority for Greece.",
                "Firearms and antiquities often travel together,\nthrough the same networks.",
            ])
        #expect(
            paragraphs.map { $0["source"] as? String } == [
                "el.txt:1", "el.txt:3", "el.txt:4", "el.txt:6", "el.txt:8-9",
            ])
        #expect(
            paragraphs.map { $0["threat"] as? String } == [
                nil, "cultural-goods", "firearms", "drugs", nil,
            ])
        #expect(paragraphs[0]["threat"] is NSNull)
        #expect(paragraphs[3]["negated"] as? [String] == ["drugs"])
        #expect(paragraphs[4]["names"] as? [String] == ["firearms", "cultural-goods"])
        let threats = try #require(el["threats"] as? [[String: Any]])
        let drugs = try #require(threats.first { $0["threat"] as? String == "drugs" })
        #expect(drugs["negated"] as? Bool == true)
        let text = consultation.run(["compile"]).out
        #expect(text.contains("named in a negated clause, quoted and not counted: drugs"))
    }

    @Test("A joint reply lists its cosignatories and counts for each; a late reply is marked")
    func jointAndLate() throws {
        defer { consultation.cleanUp() }
        let all = try delegations()
        let pl = try #require(all.first { $0["delegation"] as? String == "PL" })
        #expect(pl["cosignatories"] as? [String] == ["CZ", "SK"])
        #expect(pl["countedFor"] as? [String] == ["CZ", "PL", "SK"])
        #expect(try entries(pl).first?["source"] as? String == "pl-joint.json:2")
        let it = try #require(all.first { $0["delegation"] as? String == "IT" })
        #expect(it["late"] as? Bool == true)
        #expect(it["receivedAfterDeadline"] as? Bool == true)
        #expect(
            try entries(it).map { $0["source"] as? String } == [
                "it.json:2", "it.json \"comments\"",
            ])
        let text = consultation.run(["compile"]).out
        #expect(text.contains("Late: IT."))
        #expect(text.contains("PL — Poland (joint reply with CZ, SK)"))
    }

    @Test("--by threat: the same entries under each threat in questionnaire order, general last")
    func byThreat() throws {
        defer { consultation.cleanUp() }
        let compiled = try consultation.json(["compile", "--by", "threat"])
        #expect(compiled["by"] as? String == "threat")
        let groups = try #require(compiled["threats"] as? [[String: Any]])
        #expect(
            groups.map { $0["threat"] as? String } == [
                "firearms", "drugs", "tobacco", "cultural-goods", "cash", nil,
            ])
        func sources(_ index: Int) -> [String?] {
            (groups[index]["entries"] as? [[String: Any]] ?? []).map {
                "\($0["delegation"] as? String ?? "?") \($0["source"] as? String ?? "?")"
            }
        }
        #expect(sources(0) == ["BE answers.csv:2", "EL el.txt:4"])
        #expect(sources(1) == ["EL el.txt:6"])
        #expect(sources(3) == ["EL el.txt:3", "IT it.json:2"])
        #expect(sources(4) == ["DE answers.csv:6"])
        #expect(sources(5) == ["EL el.txt:1", "EL el.txt:8-9", "IT it.json \"comments\""])
        #expect(groups[5]["title"] as? String == "General comments")
        let byDelegation = try delegations()
        let counted = byDelegation.reduce(0) { $0 + ((try? entries($1).count) ?? 0) }
        let grouped = groups.reduce(0) { $0 + (($1["entries"] as? [Any])?.count ?? 0) }
        #expect(counted == grouped)
        let text = consultation.run(["compile", "--by", "threat"]).out
        #expect(text.contains("General comments\n----------------"))
    }

    @Test("A delegation's text is escaped: no markup in HTML, no terminal bytes")
    func escaping() throws {
        defer { consultation.cleanUp() }
        let file = consultation.folder + "/hostile.csv"
        try TestSupport.write(
            "delegation,threat,priority,comment\nPT,cash,1,\"<script>alert(1)</script> \u{202E}red\"\n",
            to: file)
        #expect(consultation.run(["submit", file, "--received", "2026-01-25"]).status == .success)
        let html = consultation.run(["compile", "--format", "html"]).out
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;script&gt;"))
        let table = consultation.run(["compile"]).out
        #expect(!table.contains("\u{202E}"))
        #expect(table.contains("<script>alert(1)</script>"))
    }

    @Test("The counted answer: a resubmission replaces, a void restores, a decision is followed")
    func countedAnswer() throws {
        defer { consultation.cleanUp() }
        let file = consultation.folder + "/be-again.csv"
        try TestSupport.write(
            "delegation,threat,priority,comment\nBE,drugs,1,Heroin via Antwerp\n", to: file)
        #expect(consultation.run(["submit", file, "--received", "2026-01-28"]).status == .success)
        func be() throws -> [String: Any] {
            try #require(try delegations().first { $0["delegation"] as? String == "BE" })
        }
        #expect(try entries(be()).map { $0["text"] as? String } == ["Heroin via Antwerp"])
        #expect(try be()["submission"] as? Int == 7)
        let void = consultation.run(["void", "7", "--reason", "sent to the wrong questionnaire"])
        #expect(void.status == .success, "\(void.err)")
        #expect(try entries(be()).map { $0["text"] as? String } == ["Parts bought online"])
        // The officer reads EL's "Drugs are not a priority" as a mention after all.
        let accept = consultation.run(["review", "5", "--accept", "3", "--reason", "read as named"])
        #expect(accept.status == .success, "\(accept.err)")
        let el = try #require(try delegations().first { $0["delegation"] as? String == "EL" })
        let threats = try #require(el["threats"] as? [[String: Any]])
        #expect(threats.first { $0["threat"] as? String == "drugs" }?["negated"] as? Bool == false)
        let plan = try #require(consultation.json(["plan"])["actions"] as? [[String: Any]])
        let drugs = try #require(plan.first { $0["threat"] as? String == "drugs" })
        #expect(drugs["participants"] as? [String] == ["BE", "DE", "EL", "ES", "IT"])
    }

    @Test("An unknown questionnaire exits 64, a missing store 66, a bad --by 64")
    func badInput() {
        defer { consultation.cleanUp() }
        #expect(consultation.run(["compile", "--questionnaire", "7/7/77"]).status == .usage)
        #expect(consultation.run(["compile", "--by", "region"]).status == .usage)
        let missing = runCLI(
            ["compile"], store: consultation.folder + "/none.sqlite",
            questionnaires: PlanConsultation.questionnaires)
        #expect(missing.status == .noInput)
    }

    @Test(
        "Office answers: paragraphs of a document, cells of a workbook, named as Word and Excel do")
    func officePlaces() throws {
        defer { consultation.cleanUp() }
        let resources = TestSupport.root + "/Tests/ThreatSurveyTests/Resources/office-answers/"
        let store = consultation.folder + "/office.sqlite"
        for arguments in [
            [
                "submit", resources + "ie-letter.docx", "--delegation", "IE", "--questionnaire",
                "9396/1/15",
            ],
            ["submit", resources + "pl.xlsx", "--questionnaire", "9396/1/15"],
        ] {
            let result = runCLI(arguments + ["--received", "2015-09-01"], store: store)
            #expect(result.status == .success, "\(result.err)")
        }
        let result = runCLI(["compile", "--format", "json"], store: store)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        let replies = try #require(object["delegations"] as? [[String: Any]])
        let ie = try #require(replies.first { $0["delegation"] as? String == "IE" })
        let paragraphs = try entries(ie)
        #expect(paragraphs.first?["source"] as? String == "ie-letter.docx paragraph 1")
        let firearms = try #require(paragraphs.first { $0["threat"] as? String == "firearms" })
        #expect(firearms["text"] as? String == "1. Firearms trafficking")
        #expect(firearms["source"] as? String == "ie-letter.docx paragraph 4")
        let pl = try #require(replies.first { $0["delegation"] as? String == "PL" })
        #expect(try entries(pl).first?["source"] as? String == "pl.xlsx:Answers!D2")
    }
}

/// How written comments are cut into the paragraphs a compilation quotes.
@Suite("Written comments: paragraphs")
struct WrittenCommentsTests {
    @Test("Blank lines and list items start paragraphs; wrapped lines stay together; CRLF")
    func paragraphs() {
        let text =
            "Title\r\n\r\nFirst line\r\nwrapped.\r\n1. One\r\n2) Two\r\n(3) Three\r\n- dash\r\n"
        let found = WrittenComments.paragraphs(of: text)
        #expect(
            found.map(\.text) == [
                "Title", "First line\nwrapped.", "1. One", "2) Two", "(3) Three", "- dash",
            ])
        #expect(found.map(\.firstLine) == [1, 3, 5, 6, 7, 8])
        #expect(found[1].lastLine == 4)
        #expect(!WrittenComments.startsListItem("1.5 million cigarettes"))
        #expect(!WrittenComments.startsListItem("2015. was a year"))
        #expect(WrittenComments.paragraphs(of: "a\nb", onePerLine: true).map(\.text) == ["a", "b"])
    }

    @Test("A document's paragraph with a line break stays one paragraph")
    func documentLineBreaks() {
        let lines = WrittenComments.paragraphs(of: "A\nB\nC", onePerLine: true)
        let joined = WrittenComments.joined(lines, paragraphOfLine: [1, 2, 2])
        #expect(joined.map(\.text) == ["A", "B\nC"])
        #expect(joined.map(\.firstLine) == [1, 2])
    }
}

extension CompilationTests {
    @Test(
        "A file of respondents: one reply per respondent, each with its comments and line, as when each delegation sends its own file"
    )
    func respondentsReplyOneByOne() throws {
        defer { consultation.cleanUp() }
        let folder = try TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(folder) }
        let q = try TestSupport.questionnaire()
        let csv =
            "delegation,respondent,threat,priority,comment\n"
            + "FR,R1,firearms,1,\"ports, mostly\"\n" + "FR,R2,drugs,,air cargo\n"
            + "DE,R3,vat fraud,2,\n" + "FR,R1,drugs,2,\n"
        try TestSupport.write(csv, to: folder + "/all.csv")
        let store = try Store(path: folder + "/s.sqlite")
        _ = try Submitter(catalog: try TestSupport.catalog()).submit(
            SubmitRequest(paths: [folder + "/all.csv"], questionnaire: q.id), into: store)
        // Two submissions (FR, DE), three respondents.
        #expect(
            try store.submissions(questionnaire: q.id).map(\.response.respondentCount) == [2, 1])
        let compiled = try Compilation(store: store, questionnaire: q)
        #expect(compiled.replies.map(\.respondent) == ["R3", "R1", "R2"])
        #expect(compiled.replies.map(\.delegation) == ["DE", "FR", "FR"])
        let r1 = try #require(compiled.replies.first { $0.respondent == "R1" })
        #expect(r1.threats.map(\.threat) == ["firearms", "drugs"])
        #expect(r1.entries.map(\.text) == ["ports, mostly"])
        #expect(r1.entries.first?.source.hasSuffix("all.csv:2") == true)
        let r2 = try #require(compiled.replies.first { $0.respondent == "R2" })
        #expect(r2.entries.map(\.text) == ["air cargo"])
    }
}
