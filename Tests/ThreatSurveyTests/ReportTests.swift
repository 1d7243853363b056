import Foundation
import FoundationXML
import Testing

@testable import ThreatSurvey

@Suite("Report and summary")
struct ReportTests {
    typealias R = RankingTests

    @Test(
        "The quantifier scale",
        arguments: [
            (1, 20, "one"), (2, 20, "two"), (3, 20, "a few"), (4, 20, "a few"), (5, 20, "several"),
            (6, 20, "several"),
            (7, 20, "a number of"), (9, 20, "a number of"), (10, 20, "many"), (14, 20, "many"),
            (15, 20, "a large majority of"),
            (19, 20, "a large majority of"), (20, 20, "all"),
        ])
    func quantifiers(count: Int, total: Int, word: String) {
        #expect(SummaryWriter.quantifier(count, of: total) == word)
    }

    /// Ten states: alpha named by all ten, bravo by nine, charlie by five, delta by three.
    static func tenStates() -> [Submission] {
        let states = ["BE", "DE", "FR", "IT", "ES", "NL", "AT", "PL", "SE", "FI"]
        return states.enumerated().map { i, state in
            var mentions: [(String, Int?)] = [("alpha", 1)]
            if i < 9 { mentions.append(("bravo", 2)) }
            if i < 5 { mentions.append(("charlie", nil)) }
            if i < 3 { mentions.append(("delta", nil)) }
            return R.answer(Int64(i + 1), state, mentions)
        }
    }

    @Test("A hand-checked paragraph: most frequent with ties, others by quantifier, nobody named")
    func paragraph() {
        let ranking = Ranking(questionnaire: R.questionnaire, submissions: Self.tenStates())
        let text = SummaryWriter(ranking: ranking).paragraph()
        #expect(
            text
                == "Ten Member States replied to T/1/15. Alpha and bravo were among the most frequently mentioned threats. "
                + "Many Member States also indicated charlie. A few Member States mentioned delta.")
        #expect(!text.contains("BE"))
        let attributed = SummaryWriter(ranking: ranking, attribute: true).paragraph()
        #expect(attributed.contains("delta (BE, DE, FR)"))
        let french = SummaryWriter(ranking: ranking).paragraph(.fr)
        #expect(french.hasPrefix("Dix États membres ont répondu au document T/1/15."))
    }

    @Test("Leave-one-out names the states whose answer alone moves a threat")
    func robustness() {
        // alpha: FR DE (rank 1); bravo: FR, charlie: DE (both rank 2). Leaving FR out drops
        // bravo to no mention (rank 3) and lifts charlie to a tie for first; leaving DE out
        // does the reverse; alpha stays first either way.
        let s = [
            R.answer(1, "FR", [("alpha", 1), ("bravo", 2)]),
            R.answer(2, "DE", [("alpha", 2), ("charlie", 1)]),
        ]
        let current = CurrentAnswers(s)
        let r = Robustness(
            questionnaire: R.questionnaire,
            aggregate: MentionAggregate(questionnaire: R.questionnaire, current: current))
        let line = { (id: String) in r.lines.first { $0.id == id } }
        #expect(line("alpha")?.countRank == 1)
        #expect(line("alpha")?.sensitiveTo == [])
        #expect(line("bravo")?.sensitiveTo == ["DE", "FR"])
        #expect(line("charlie")?.sensitiveTo == ["DE", "FR"])
        // Borda differs from count here: charlie (priority 1 at DE) beats bravo.
        #expect((line("charlie")?.bordaRank ?? 0) < (line("bravo")?.bordaRank ?? 0))
        #expect(line("charlie")?.meanPriorityRank == 1)
    }

    /// Checks that `html` is well-formed (every element closed, every entity valid).
    func wellFormed(_ html: String) -> Bool {
        let parser = XMLParser(data: Data(html.utf8))
        return parser.parse()
    }

    @Test("The report of the fixtures is well-formed, self-contained, and escapes hostile text")
    func report() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(folder) }
        let catalog = try TestSupport.catalog()
        let store = try Store(path: ":memory:")
        _ = try FixtureManifest.load(folder: TestSupport.fixtures + "/9396-1-15").replay(
            into: store, catalog: catalog)
        let hostile = folder + "/<img src=x onerror=alert(1)>.json"
        try TestSupport.write(
            #"{"delegation": "CY", "threats": ["drugs"], "comments": "<script>alert('x')</script> & more"}"#,
            to: hostile)
        _ = try Submitter(catalog: catalog).submit(
            SubmitRequest(
                paths: [hostile], questionnaire: "9396/1/15", received: DateTimeInput("2015-09-06")),
            into: store)
        let q = try catalog.find("9396/1/15")
        let model = ReportModel(
            ReportInputs(
                questionnaire: q, submissions: try store.submissions(questionnaire: q.id),
                today: CivilDate(year: 2015, month: 9, day: 30)!, generated: Date()))
        let html = HTMLReport(model: model).render()
        #expect(wellFormed(html))
        #expect(!html.contains("<img src=x"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;.json"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("http://") || html.contains("xmlns=\"http://www.w3.org/2000/svg\""))
        for section in [
            "Ranking", "Member States × threats", "Regional breakdown", "Deadline status",
            "How robust", "Provenance",
        ] {
            #expect(html.contains(section), "section \(section)")
        }
        #expect(html.contains("21 of 28</b> Member States answered"))
        #expect(html.contains("@media print"))
    }

    @Test("report and summary through the command line")
    func commands() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(folder) }
        let store = folder + "/s.sqlite"
        _ = runCLI(["demo", "--store", store])
        let out = folder + "/r.html"
        let report = runCLI(
            ["report", "--questionnaire", "9396/1/15", "--today", "2015-09-08", "--out", out],
            store: store)
        #expect(report.status == .success)
        #expect(wellFormed(String(decoding: try TestSupport.bytes(out), as: UTF8.self)))
        let summary = runCLI(
            ["summary", "--questionnaire", "9396/1/15", "--format", "json"], store: store)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(summary.out.utf8)) as? [String: Any])
        let text = try #require(object["summary"] as? String)
        #expect(text.hasPrefix("Twenty Member States replied to 9396/1/15"))
        #expect(
            text.contains(
                "Firearms and Internet crime were among the most frequently mentioned threats."))
        #expect(
            runCLI(["summary", "--questionnaire", "9396/1/15", "--language", "de"], store: store)
                .status == .usage)
        #expect(
            runCLI(
                [
                    "report", "--questionnaire", "9396/1/15", "--out",
                    folder + "/no/such/dir/r.html",
                ], store: store
            ).status == .cannotCreate)
    }
}
