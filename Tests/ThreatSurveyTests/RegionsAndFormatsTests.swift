import Foundation
import Testing

@testable import ThreatSurvey

@Suite("Regional breakdown and tally")
struct RegionalBreakdownTests {
    typealias R = RankingTests

    @Test("Per-region ranking, responded and missing, and a hand-computed signal")
    func breakdown() throws {
        // Central and Eastern Europe (eurovoc): BG HR HU PL RO answer and all name alpha;
        // outside: DE FR IT, of which only DE names alpha.
        var s: [Submission] = []
        var id: Int64 = 0
        for state in ["BG", "HR", "HU", "PL", "RO"] {
            id += 1
            s.append(R.answer(id, state, [("alpha", 1), ("bravo", 2)]))
        }
        for (state, threats) in [
            ("DE", ["alpha", "bravo"]), ("FR", ["bravo"]), ("IT", ["bravo", "charlie"]),
        ] {
            id += 1
            s.append(R.answer(id, state, threats.map { ($0, nil) }))
        }
        // p = 6/56 ≈ 0.107, so the threshold is raised to see it.
        let b = RegionalBreakdown(
            questionnaire: R.questionnaire, submissions: s, grouping: .eurovoc, alpha: 0.2)
        let cee = try #require(b.regions.first { $0.region.id == "central-and-eastern" })
        #expect(cee.responded == ["BG", "HR", "HU", "PL", "RO"])
        #expect(cee.missing == ["CZ", "SI", "SK"])
        #expect(cee.ranking.threats.first?.id == "alpha")
        let signal = try #require(cee.signals.first)
        #expect(signal.id == "alpha")
        #expect(signal.inRegion == 5 && signal.regionResponded == 5)
        #expect(signal.outside == 1 && signal.outsideResponded == 3)
        // lift = (5/5) / (1/3) = 3; p = C(6,5)·C(2,0)/C(8,5) = 6/56.
        #expect(signal.lift == 3)
        #expect(abs(signal.pValue - 6.0 / 56.0) < 1e-12)
        // bravo is named everywhere: no signal, even though 5/5 in the region.
        #expect(!cee.signals.contains { $0.id == "bravo" } || cee.signals.count == 1)
        // Southern: IT alone names charlie: 1 of 8 responders, p = 1/8, a signal at 0.2 only.
        let southern = try #require(b.regions.first { $0.region.id == "southern" })
        #expect(southern.signals.map(\.id) == ["charlie"])
        #expect(southern.smallestPossiblePValue == 1.0 / 8.0)
        let strict = RegionalBreakdown(
            questionnaire: R.questionnaire, submissions: s, grouping: .eurovoc)
        #expect(strict.document().render(as: .table).contains("Too few answers here (1)"))
        #expect(strict.regions.allSatisfy { $0.signals.isEmpty })
        // The one responder of Southern Europe could never reach 0.05 among 8: said plainly.
    }

    @Test("Lift is null when nobody outside mentions the threat")
    func nullLift() throws {
        var s: [Submission] = []
        for (i, state) in ["BG", "HR", "HU", "PL", "RO", "SI"].enumerated() {
            s.append(R.answer(Int64(i + 1), state, [("echo", 1)]))
        }
        for (i, state) in ["DE", "FR", "IT", "ES", "NL", "BE", "AT", "SE"].enumerated() {
            s.append(R.answer(Int64(i + 10), state, [("alpha", 1)]))
        }
        let b = RegionalBreakdown(
            questionnaire: R.questionnaire, submissions: s, grouping: .eurovoc, alpha: 0.01)
        let signal = try #require(
            b.regions.first { $0.region.id == "central-and-eastern" }?.signals.first)
        #expect(signal.lift == nil)
        #expect(abs(signal.pValue - 1.0 / 3003.0) < 1e-12)  // 1 / C(14, 6)
        let json = b.json.serialized()
        #expect(json.contains("\"lift\": null"))
    }

    @Test("Overlapping groupings and unassigned states are said plainly")
    func overlapping() {
        let b = RegionalBreakdown(
            questionnaire: R.questionnaire, submissions: [R.answer(1, "AT", [("alpha", 1)])],
            grouping: .seaBasins)
        let text = b.document().render(as: .table)
        #expect(text.contains("Sea basins overlap"))
        #expect(text.contains("In no region of this grouping: CZ LU HU AT SK."))
    }

    @Test("User groupings are read and validated")
    func userGroupings() throws {
        let good =
            #"{"groupings": [{"id": "benelux", "regions": [{"id": "benelux", "title": "Benelux", "members": ["BE", "Nederland", "LU"]}]}]}"#
        let groupings = try Grouping.load(bytes: Array(good.utf8), file: "g.json")
        #expect(groupings.first?.regions.first?.members == ["BE", "LU", "NL"])
        let bad =
            #"{"groupings": [{"id": "Bad Id", "regions": []}, {"id": "x", "regions": [{"id": "r", "members": ["Belgum"]}]}]}"#
        do {
            _ = try Grouping.load(bytes: Array(bad.utf8), file: "g.json")
            Issue.record("expected rejection")
        } catch {
            guard case .invalidData(let d) = error else { return }
            #expect(
                d.map(\.description) == [
                    "g.json:1:23: error: a grouping needs an \"id\" in kebab-case",
                    "g.json:1:97: error: unknown Member State \"Belgum\"; did you mean \"Belgium\"?",
                    "g.json:1:73: error: region \"r\" has no members",
                ])
        }
    }

    @Test("Tally of the 10618/15 fixtures: per answer, per region, unanswered")
    func tally() throws {
        let catalog = try TestSupport.catalog()
        let store = try Store(path: ":memory:")
        _ = try FixtureManifest.load(folder: TestSupport.fixtures + "/10618-15").replay(
            into: store, catalog: catalog)
        let q = try catalog.find("10618/15")
        let tally = Tally(
            questionnaire: q, submissions: try store.submissions(questionnaire: q.id),
            grouping: .eurovoc)
        #expect(tally.responded == ["CZ", "DE", "ES", "FR", "NL", "PL", "SE", "UK"])
        let unit = try #require(tally.questions.first { $0.question.id == "cyber-unit" })
        #expect(unit.answers.map(\.value) == ["yes", "no"])
        #expect(unit.answers[0].memberStates == ["DE", "FR", "NL", "PL", "SE", "UK"])
        #expect(unit.answers[1].memberStates == ["CZ", "ES"])
        let western = try #require(unit.byRegion.first { $0.region == "western" })
        #expect(western.counts == ["yes": 4])
        let remarks = try #require(tally.questions.first { $0.question.id == "remarks" })
        #expect(remarks.unanswered.count == 6)
        let onTime = Tally(
            questionnaire: q, submissions: try store.submissions(questionnaire: q.id),
            grouping: .eurovoc,
            options: .init(onTimeOnly: true))
        #expect(!onTime.responded.contains("UK"))
    }
}

@Suite("Ranking the fixtures, every way")
struct FixtureRankingTests {
    let folder: String
    init() throws { folder = try TestSupport.temporaryFolder() }

    /// Loads the 9396/1/15 fixtures into a store through the CLI.
    func loadedStore() -> String {
        let store = folder + "/demo.sqlite"
        _ = runCLI(["demo", "--store", store])
        return store
    }

    @Test("The fixtures rank as the meeting's record says: firearms and Internet crime first")
    func meetingRecord() throws {
        defer { TestSupport.cleanUp(folder) }
        let store = loadedStore()
        let out = runCLI(
            ["rank", "--questionnaire", "9396/1/15", "--format", "json"], store: store)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(out.out.utf8)) as? [String: Any])
        #expect(object["responded"] as? Int == 20)
        #expect(object["roster"] as? Int == 28)
        let threats = try #require(object["threats"] as? [[String: Any]])
        #expect(
            threats.prefix(2).compactMap { $0["id"] as? String } == ["firearms", "internet-crime"])
        #expect(threats.count == 18)
        let excise = try #require(threats.first { $0["id"] as? String == "excise-fraud" })
        #expect((excise["memberStates"] as? Int ?? 0) >= 5)
        let regions = runCLI(
            [
                "regions", "--questionnaire", "9396/1/15", "--grouping", "land-borders", "--format",
                "json",
            ], store: store)
        let r = try #require(
            try JSONSerialization.jsonObject(with: Data(regions.out.utf8)) as? [String: Any])
        let eastern = try #require((r["regions"] as? [[String: Any]])?.first)
        let signals = try #require(eastern["signals"] as? [[String: Any]])
        #expect(signals.first?["id"] as? String == "tobacco-smuggling")
    }

    @Test("rank --from equals submit-then-rank")
    func fromEqualsStore() throws {
        defer { TestSupport.cleanUp(folder) }
        let names = [
            "hr.json", "at-matrix.csv", "baltic-states.csv", "hu.csv", "be-nl-lu-joint.json",
            "pl.csv", "el.json", "bg.json",
        ]
        let paths = names.map(TestSupport.fixture)
        let store = folder + "/s.sqlite"
        let submitted = runCLI(
            ["submit"] + paths + ["--questionnaire", "9396/1/15", "--received", "2015-09-05"],
            store: store)
        #expect(submitted.status == .success)
        for method in ["count", "borda"] {
            let fromStore = runCLI(["rank", "--method", method, "--format", "json"], store: store)
            let fromFiles = runCLI(
                [
                    "rank", "--method", method, "--format", "json", "--questionnaire", "9396/1/15",
                    "--received", "2015-09-05", "--from",
                ] + paths,
                store: folder + "/unused.sqlite")
            #expect(fromFiles.status == .success)
            #expect(fromFiles.out == fromStore.out)
        }
        #expect(!FileManager.default.fileExists(atPath: folder + "/unused.sqlite"))
    }

    @Test("Every format agrees with the JSON")
    func formatsAgree() throws {
        defer { TestSupport.cleanUp(folder) }
        let store = loadedStore()
        let json = runCLI(
            ["rank", "--questionnaire", "9396/1/15", "--format", "json"], store: store
        ).out
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let threats = try #require(object["threats"] as? [[String: Any]])
        let csv = runCLI(["rank", "--questionnaire", "9396/1/15", "--format", "csv"], store: store)
            .out
        let rows = CSVReader.records(in: Array(csv.utf8.dropFirst(3)), delimiter: 0x2C).records
            .dropFirst()
        #expect(rows.count == threats.count)
        let markdown = runCLI(
            ["rank", "--questionnaire", "9396/1/15", "--format", "markdown"], store: store
        ).out
        let table = runCLI(["rank", "--questionnaire", "9396/1/15"], store: store).out
        for (row, threat) in zip(rows, threats) {
            let id = try #require(threat["id"] as? String)
            let count = try #require(threat["memberStates"] as? Int)
            #expect(row.fields[1] == id)
            #expect(Int(row.fields[3]) == count)
            #expect(row.fields[5] == (threat["mentionedBy"] as? [String])?.joined(separator: " "))
            #expect(Double(row.fields[8]) == threat["bordaPoints"] as? Double)
            let mdID = id.replacingOccurrences(of: "-", with: "-")
            #expect(markdown.contains("| \(mdID) | \(count) |"))
            #expect(
                table.split(separator: "\n").contains {
                    $0.contains(" \(id) ") && $0.contains(" \(count) ")
                })
        }
        let regionsJSON = runCLI(
            ["regions", "--questionnaire", "9396/1/15", "--format", "json"], store: store
        ).out
        let regionsCSV = runCLI(
            ["regions", "--questionnaire", "9396/1/15", "--format", "csv"], store: store
        ).out
        let r = try #require(
            try JSONSerialization.jsonObject(with: Data(regionsJSON.utf8)) as? [String: Any])
        let regions = try #require(r["regions"] as? [[String: Any]])
        let csvRows = CSVReader.records(in: Array(regionsCSV.utf8.dropFirst(3)), delimiter: 0x2C)
            .records.dropFirst()
        for region in regions {
            let id = try #require(region["id"] as? String)
            for signal in region["signals"] as? [[String: Any]] ?? [] {
                let row = try #require(
                    csvRows.first { $0.fields[0] == id && $0.fields[2] == signal["id"] as? String })
                // Foundation's JSON reader may round the last digit; compare closely.
                let p = try #require(signal["pValue"] as? Double)
                #expect(abs((Double(row.fields[7]) ?? 0) - p) <= 1e-15 * p)
            }
        }
    }

    @Test("CSV output neutralises formulas; Markdown escapes markup")
    func hostileText() throws {
        defer { TestSupport.cleanUp(folder) }
        #expect(CSVRenderer.cell("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(CSVRenderer.cell("+1") == "+1")
        #expect(CSVRenderer.cell("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVRenderer.cell("-2") == "-2")
        #expect(CSVRenderer.cell("-cmd|' /C calc'!A0") == "'-cmd|' /C calc'!A0")
        #expect(MarkdownRenderer.escape("<script>|x*") == "\\<script\\>\\|x\\*")
        #expect(TableRenderer.sanitize("a\u{1B}[31mred") == "a␛[31mred")
        let page = Document(blocks: [
            .table(TextTable(columns: ["x"], rows: [["<script>alert(1)</script>"]]))
        ]).render(as: .html)
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!page.contains("<script>"))
    }
}
