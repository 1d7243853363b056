import Foundation
import Testing

@testable import ThreatSurvey

/// The report's figures are built once (``ReportModel``) and every format shows them: the
/// report document's tables are the figures `rank`, `regions` and `deadline` print.
@Suite("Report model")
struct ReportModelTests {
    let folder: String
    let store: String
    init() throws {
        folder = try TestSupport.temporaryFolder()
        store = folder + "/store.sqlite"
    }

    /// The JSON object `arguments` print on the demo store.
    func json(_ arguments: [String]) throws -> [String: Any] {
        let result = runCLI(arguments, store: store)
        #expect(result.status == .success, "\(arguments)")
        return try #require(
            try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
    }

    /// The report model of the bundled fixtures as of 30 September 2015 (every fixture in).
    func fixturesModel() throws -> ReportModel {
        #expect(runCLI(["demo", "--store", store]).status == .success)
        let opened = try Store(path: store)
        return try ReportModel.load(
            store: opened, questionnaire: try TestSupport.questionnaire(), grouping: .eurovoc,
            today: try #require(CivilDate(year: 2015, month: 9, day: 30)), generated: Date())
    }

    /// The tables that follow the heading `title`, up to the next heading.
    func tables(after title: String, in document: Document) -> [TextTable] {
        var found = false
        var out: [TextTable] = []
        for block in document.blocks {
            switch block {
            case .heading(let text):
                if found { return out }
                found = text.hasPrefix(title)
            case .table(let table) where found: out.append(table)
            default: break
            }
        }
        return out
    }

    @Test("The ranking table and chart are rank --format json's figures")
    func rankingTable() throws {
        defer { TestSupport.cleanUp(folder) }
        let model = try fixturesModel()
        let document = model.document()
        let rank = try json(["rank", "--questionnaire", "9396/1/15", "--format", "json"])
        let threats = try #require(rank["threats"] as? [[String: Any]])
        let table = try #require(tables(after: "Ranking", in: document).first)
        #expect(table.rows.count == threats.count)
        for (row, threat) in zip(table.rows, threats) {
            let id = try #require(threat["id"] as? String)
            let tied = threat["tied"] as? Bool ?? false
            let rank = try #require(threat["rank"] as? Int)
            #expect(row[0] == (tied ? "=\(rank)" : String(rank)))
            #expect(row[1] == model.label(id))
            #expect(row[2] == String(try #require(threat["memberStates"] as? Int)))
            #expect(row[3] == Ranking.percent(try #require(threat["share"] as? Double)))
            #expect(row[5] == String(try #require(threat["firstPreferences"] as? Int)))
            #expect(row[6] == Ranking.points(try #require(threat["bordaPoints"] as? Double)))
        }
        #expect(rank["late"] as? [String] == model.ranking.lateAnswers)
        let charts = document.blocks.compactMap { block -> BarChart? in
            if case .chart(let chart) = block { return chart }
            return nil
        }
        let chart = try #require(charts.first)
        #expect(chart.values == threats.map { Double($0["memberStates"] as? Int ?? -1) })
        let first = try #require(threats.first?["id"] as? String)
        #expect(chart.alternativeText.contains("most mentioned: \(model.label(first)) ("))
        #expect(document.title?.hasPrefix("9396/1/15: ") == true)
        #expect(document.language == "en")
    }

    @Test("The heat map is the mentions of rank --format json, shaded by priority, and wide")
    func heatMapTable() throws {
        defer { TestSupport.cleanUp(folder) }
        let model = try fixturesModel()
        let rank = try json(["rank", "--questionnaire", "9396/1/15", "--format", "json"])
        let threats = try #require(rank["threats"] as? [[String: Any]])
        let table = try #require(
            tables(after: "Member States × threats", in: model.document()).first)
        #expect(table.isWide)
        #expect(table.caption?.isEmpty == false)
        let shades = try #require(table.shades)
        #expect(table.columns.count == threats.count + 1)
        #expect(table.rows.map { $0[0] } == model.questionnaire.roster)
        for (r, row) in table.rows.enumerated() {
            for (t, threat) in threats.enumerated() {
                let named = (threat["mentionedBy"] as? [String] ?? []).contains(row[0])
                #expect(!row[t + 1].isEmpty == named, "\(row[0]) \(threat["id"] ?? "")")
                #expect((shades[r][t + 1] > 0) == named)
                if row[t + 1] == "1" { #expect(shades[r][t + 1] == 1) }
            }
        }
    }

    @Test("The regions' tables are regions --format json's figures")
    func regionTables() throws {
        defer { TestSupport.cleanUp(folder) }
        let model = try fixturesModel()
        let regions = try json(["regions", "--questionnaire", "9396/1/15", "--format", "json"])
        let list = try #require(regions["regions"] as? [[String: Any]])
        let document = model.document()
        // Per region: a subheading, then its top threats and (when any) its signals.
        var headings: [String] = []
        var byRegion: [String: [TextTable]] = [:]
        for block in document.blocks {
            switch block {
            case .heading: headings.append("")
            case .subheading(let text): headings.append(text)
            case .table(let table):
                if let last = headings.last, !last.isEmpty {
                    byRegion[last, default: []].append(table)
                }
            default: break
            }
        }
        for region in list {
            let title = try #require(region["title"] as? String)
            let members = (region["members"] as? [String] ?? []).count
            let responded = (region["responded"] as? [String] ?? []).count
            let heading = try #require(
                headings.first { $0.hasPrefix("\(title): \(responded) of \(members) answered") })
            let tables = byRegion[heading] ?? []
            let threats = (region["threats"] as? [[String: Any]] ?? []).filter {
                ($0["memberStates"] as? Int ?? 0) > 0 && ($0["rank"] as? Int ?? 99) <= 5
            }
            if threats.isEmpty { continue }
            let top = try #require(tables.first)
            #expect(
                top.rows.map { $0[1] }
                    == threats.map { model.label($0["id"] as? String ?? "") })
            #expect(
                top.rows.map { $0[2] } == threats.map { String($0["memberStates"] as? Int ?? -1) })
            let signals = region["signals"] as? [[String: Any]] ?? []
            #expect(tables.count == (signals.isEmpty ? 1 : 2))
            if let table = tables.dropFirst().first {
                #expect(
                    table.rows.map { $0[1] }
                        == signals.map { "\($0["inRegion"] ?? "")/\($0["regionResponded"] ?? "")" })
                #expect(
                    table.rows.map { $0[4] }
                        == signals.map { RegionalBreakdown.formatP($0["pValue"] as? Double ?? -1) })
            }
        }
        #expect(list.contains { !($0["signals"] as? [Any] ?? []).isEmpty })
    }

    @Test("The deadline table is deadline --format json's, and the headline and summary agree")
    func deadlineTable() throws {
        defer { TestSupport.cleanUp(folder) }
        let model = try fixturesModel()
        let check = try json(
            [
                "deadline", "--questionnaire", "9396/1/15", "--today", "2015-09-30", "--format",
                "json",
            ])
        let table = try #require(tables(after: "Deadline status", in: model.document()).first)
        let status = Dictionary(uniqueKeysWithValues: table.rows.map { ($0[0], $0[2]) })
        for state in check["onTime"] as? [String] ?? [] {
            #expect(status[state]?.hasPrefix("on time") == true, "\(state)")
        }
        let late = (check["late"] as? [[String: Any]] ?? []).compactMap {
            $0["delegation"] as? String
        }
        #expect(late == ["IT"])
        for state in late { #expect(status[state] == "LATE") }
        for state in check["missing"] as? [String] ?? [] { #expect(status[state] == "missing") }
        // One rule for late Member States: the headline, the tiles and the summary.
        #expect(model.lateMemberStates == late)
        #expect(model.headline.late == late.count)
        #expect(model.summaryParagraph().contains("(one after the deadline)"))
    }

    @Test("report --format json and markdown print the model; HTML stays the default")
    func formats() throws {
        defer { TestSupport.cleanUp(folder) }
        #expect(runCLI(["demo", "--store", store]).status == .success)
        let arguments = ["report", "--questionnaire", "9396/1/15", "--today", "2015-09-30"]
        #expect(runCLI(arguments, store: store).out.hasPrefix("<!DOCTYPE html>"))
        let report = try json(arguments + ["--format", "json"])
        let rank = try json(["rank", "--questionnaire", "9396/1/15", "--format", "json"])
        let ranked = try #require(
            (report["ranking"] as? [String: Any])?["threats"] as? [[String: Any]])
        #expect(
            ranked.map { $0["id"] as? String }
                == (rank["threats"] as? [[String: Any]])?.map { $0["id"] as? String })
        // One row per file: 25 submissions came in 21 files (two of them files of three
        // delegations); the mails whose answers repeat a stored file's bytes add none.
        #expect((report["provenance"] as? [Any])?.count == 21)
        let markdown = runCLI(arguments + ["--format", "markdown"], store: store)
        #expect(markdown.status == .success)
        for section in ["Ranking", "Member States × threats", "Deadline status", "Provenance"] {
            #expect(markdown.out.contains(section), "\(section)")
        }
        #expect(runCLI(arguments + ["--format", "csv"], store: store).status == .usage)
    }
}

extension ReportModelTests {
    /// A consultation of `respondents` generated respondents: as one file, each comment padded
    /// so that the file is over the streaming threshold, and as one file per delegation of the
    /// same rows, unpadded (comments are in no figure; the padding only makes the file large).
    static func consultation(respondents: Int) throws -> (whole: String, byState: [String: String])
    {
        var text = ""
        var generator = ConsultationGenerator(respondents: respondents, seed: 11)
        _ = generator.generate { text += $0 }
        let records = CSVReader.records(in: Array(text.utf8), delimiter: UInt8(ascii: ",")).records
        let header = try #require(records.first).fields.joined(separator: ",") + "\n"
        let rows = records.dropFirst()
        let plain = text.utf8.count
        let padding = (StreamingSubmitter.threshold - plain) / rows.count + 8
        let quote = { (field: String) -> String in
            field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline })
                ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }
        var whole = header
        var byState: [String: String] = [:]
        for record in rows {
            var fields = record.fields
            byState[fields[0], default: header] += fields.map(quote).joined(separator: ",") + "\n"
            fields[4] += (fields[4].isEmpty ? "" : " ") + String(repeating: "n", count: padding)
            whole += fields.map(quote).joined(separator: ",") + "\n"
        }
        return (whole, byState)
    }

    /// `value` (parsed JSON) as sorted JSON bytes, without the members
    /// named `key` at any depth.
    static func canonical(_ value: Any, dropping key: String) throws -> Data {
        func strip(_ any: Any) -> Any {
            if let object = any as? [String: Any] {
                return object.filter { $0.key != key }.mapValues(strip)
            }
            if let array = any as? [Any] { return array.map(strip) }
            return any
        }
        return try JSONSerialization.data(
            withJSONObject: strip(value), options: [.sortedKeys, .fragmentsAllowed])
    }

    /// JSON text as ``canonical(_:dropping:)`` gives it.
    static func canonical(text: String, dropping key: String) throws -> Data {
        try canonical(
            try JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed),
            dropping: key)
    }

    @Test(
        "One large streamed CSV and one file per delegation give the same report: heat map, provenance counts, rank, regions, tally, deadline, summary"
    )
    func streamedOrPerDelegation() throws {
        defer { TestSupport.cleanUp(folder) }
        let questionnaires = TestSupport.fixtures + "/load-test"
        let q = try FastPathTests.benchQuestionnaire()
        let (whole, byState) = try Self.consultation(respondents: 600)
        #expect(whole.utf8.count >= StreamingSubmitter.threshold)
        try TestSupport.write(whole, to: folder + "/all.csv")
        var paths: [String] = []
        for (state, text) in byState {
            #expect(text.utf8.count < StreamingSubmitter.threshold)
            paths.append(folder + "/\(state).csv")
            try TestSupport.write(text, to: folder + "/\(state).csv")
        }
        let streamed = folder + "/streamed.sqlite"
        let loaded = folder + "/loaded.sqlite"
        // Received after the deadline: every state late, in both meanings, on both paths.
        let submit = ["--questionnaire", q.id, "--received", "2026-04-02T10:00"]
        #expect(
            runCLI(
                ["submit", folder + "/all.csv"] + submit, store: streamed,
                questionnaires: questionnaires
            )
            .status == .success)
        #expect(
            runCLI(
                ["submit"] + paths.sorted() + submit, store: loaded, questionnaires: questionnaires
            )
            .status == .success)
        // One stored shape: a submission per delegation either way, its respondents inside.
        let shape = { (path: String) throws -> [String] in
            try Store(path: path).submissions(questionnaire: q.id).map {
                "\($0.delegation) \($0.response.respondentCount)"
            }.sorted()
        }
        #expect(try shape(streamed) == shape(loaded))
        #expect(try shape(streamed).count == byState.count)

        let output = { (store: String, arguments: [String]) -> String in
            let result = runCLI(arguments, store: store, questionnaires: questionnaires)
            #expect(result.status == .success, "\(arguments)")
            return result.out
        }
        for arguments in [
            ["rank", "--format", "json"], ["rank", "--method", "borda", "--format", "json"],
            ["regions", "--format", "json"], ["tally", "--format", "json"],
            ["summary", "--format", "json"],
        ] {
            #expect(output(streamed, arguments) == output(loaded, arguments), "\(arguments)")
        }
        // The deadline check names each late state's first submission: its number differs
        // (the respondents were numbered in another order), never who or when.
        let deadline = ["deadline", "--today", "2026-04-30", "--format", "json"]
        #expect(
            try Self.canonical(text: output(streamed, deadline), dropping: "submission")
                == Self.canonical(text: output(loaded, deadline), dropping: "submission"))
        let report = { (store: String) throws -> [String: Any] in
            let text = output(store, ["report", "--today", "2026-04-30", "--format", "json"])
            return try #require(
                try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        }
        let one = try report(streamed)
        let perState = try report(loaded)
        for key in [
            "heatMap", "headline", "summary", "lateMemberStates", "lateAnswers", "ranking", "borda",
            "regions", "deadline", "tally", "robustness",
        ] {
            #expect(
                try Self.canonical(one[key] ?? NSNull(), dropping: "submission")
                    == Self.canonical(perState[key] ?? NSNull(), dropping: "submission"), "\(key)")
        }
        #expect((one["lateMemberStates"] as? [String])?.count == byState.count)
        // Every cell says what the answers said: a priority, never a lower bound.
        let cells = ((one["heatMap"] as? [String: Any])?["cells"] as? [[String]] ?? []).joined()
        #expect(cells.allSatisfy { $0.isEmpty || Int($0) != nil })
        #expect(cells.contains("2"))
        // Provenance: one row per file, the same answers counted in all.
        let rows = { (object: [String: Any]) in object["provenance"] as? [[String: Any]] ?? [] }
        let counted = { (object: [String: Any]) in
            rows(object).map { $0["counted"] as? Int ?? 0 }.reduce(0, +)
        }
        #expect(rows(one).count == 1)
        #expect(rows(one).first?["respondents"] as? Int == 600)
        #expect(rows(perState).count == byState.count)
        #expect(counted(one) == 600)
        #expect(counted(perState) == 600)
        #expect(rows(perState).map { $0["respondents"] as? Int ?? 0 }.reduce(0, +) == 600)
    }
}
