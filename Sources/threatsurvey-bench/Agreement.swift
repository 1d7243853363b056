import Foundation

/// Whether threatsurvey's ranking agrees, byte for byte in the baselines' canonical form, with
/// every baseline that ran and with the agreed expected output for 100k and 1M respondents.
enum Agreement {
    /// One line per reference ("agreement with polars: identical"), or why there was nothing
    /// to compare.
    ///
    /// Only the outputs of `ran` are read (`prepare` removed them before the rounds), so files
    /// an earlier run with other `--only` names left in the work folder are never compared.
    static func lines(in workspace: Workspace, ran: [Tool]) -> [String] {
        let work = workspace.options.work
        let outputs = Dictionary(
            ran.compactMap { tool in tool.output.map { (tool.key, $0) } },
            uniquingKeysWith: { first, _ in first })
        guard let rankPath = outputs["rank-from"], let regionsPath = outputs["regions-from"],
            let rank = FileManager.default.contents(atPath: rankPath),
            let regions = FileManager.default.contents(atPath: regionsPath)
        else { return ["agreement: not checked (rank --from and regions --from did not both run)"] }
        let ours: String
        do {
            ours = try Canonical.text(rank: rank, regions: regions)
        } catch {
            return ["agreement: not checked (threatsurvey's JSON did not read: \(error))"]
        }
        try? ours.write(toFile: work + "/threatsurvey.json", atomically: true, encoding: .utf8)
        var references: [(String, String)] = []
        for key in ["polars", "duckdb", "pandas", "python"] {
            if let path = outputs[key],
                let text = try? String(contentsOfFile: path, encoding: .utf8)
            {
                references.append((key, text))
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
        if references.isEmpty { return ["agreement: no baseline output to compare with"] }
        return references.map { name, text in
            "agreement with \(name): " + (text == ours ? "identical" : "DIFFERENT")
        }
    }
}
