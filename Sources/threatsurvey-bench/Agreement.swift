import Foundation

/// Whether threatsurvey's ranking agrees, byte for byte in the baselines' canonical form, with
/// every baseline that ran and with the agreed expected output for 100k and 1M respondents.
enum Agreement {
    /// One line per reference ("polars: identical"), or why there was nothing to compare.
    static func lines(in workspace: Workspace) -> [String] {
        let work = workspace.options.work
        guard let rank = FileManager.default.contents(atPath: work + "/ts-rank.json"),
            let regions = FileManager.default.contents(atPath: work + "/ts-regions.json")
        else { return ["not checked: rank --from and regions --from did not both run"] }
        let ours: String
        do {
            ours = try Canonical.text(rank: rank, regions: regions)
        } catch {
            return ["not checked: threatsurvey's JSON did not read (\(error))"]
        }
        try? ours.write(toFile: work + "/threatsurvey.json", atomically: true, encoding: .utf8)
        var references: [(String, String)] = []
        for module in ["polars", "duckdb", "pandas", "csv"] {
            if let text = try? String(contentsOfFile: work + "/\(module).json", encoding: .utf8) {
                references.append((module, text))
            }
        }
        let expected = [1_000_000: "expected-1m.json", 100_000: "expected-100k.json"][
            workspace.options.respondents]
        if workspace.hasShared, let expected,
            let text = try? String(
                contentsOfFile: workspace.options.shared + "/" + expected, encoding: .utf8)
        {
            references.append((expected, text))
        }
        if references.isEmpty { return ["no baseline output to compare with"] }
        return references.map { name, text in
            "\(name): " + (text == ours ? "identical" : "DIFFERENT")
        }
    }
}
