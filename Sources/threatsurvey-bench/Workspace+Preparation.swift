import Foundation

extension Workspace {
    /// Writes the input files the selected tools read; returns the main file's generation.
    ///
    /// Only what is selected is made, so `--only submit` starts quickly.
    func prepare(for tools: [Tool]) -> Measurement {
        let keys = Set(tools.map(\.key))
        try? FileManager.default.createDirectory(
            atPath: options.work, withIntermediateDirectories: true)
        // Outputs of an earlier run must not pass for this run's in the agreement check.
        for output in tools.compactMap(\.output) + [options.work + "/threatsurvey.json"] {
            try? FileManager.default.removeItem(atPath: output)
        }
        say("generating \(options.respondents) respondents into \(options.work)")
        let generation = measure(
            [
                threatsurvey, "generate", "--respondents", String(options.respondents), "--out",
                data,
            ],
            errors: generatorSummary)
        if generation.status != 0 { say("  generate exited \(generation.status)") }
        if keys.contains("rank-from-small") {
            generate(options.respondents / 10, seed: nil, into: small)
        }
        if keys.contains("two-files") {
            for (seed, path) in quarters.enumerated() {
                generate(options.respondents / 4, seed: seed + 1, into: path)
            }
        }
        if keys.contains("general-submit") { writeGeneral() }
        if keys.contains("fixtures-rank") {
            Workspace.removeStore(fixtureStore)
            _ = measure(
                [
                    threatsurvey, "demo", "--store", fixtureStore, "--fixtures",
                    Options.packageRoot + "/fixtures",
                ] + fixtureQuestionnaires)
        }
        if keys.contains("duckdb-import") { DuckDBImport.install(in: self) }
        if keys.contains("c-scan") {
            _ = measure(["gcc", "-O2", "-o", options.work + "/scan", options.shared + "/scan.c"])
        }
        return generation
    }

    /// The data rows the generator wrote, from its summary line (0 when it is missing).
    var dataRows: Int {
        let summary = (try? String(contentsOfFile: generatorSummary, encoding: .utf8)) ?? ""
        return summary.split(separator: " ").first { $0.hasPrefix("rows=") }
            .flatMap { Int($0.dropFirst(5)) } ?? 0
    }

    private func generate(_ respondents: Int, seed: Int?, into path: String) {
        let seedArguments = seed.map { ["--seed", String($0)] } ?? []
        _ = measure(
            [threatsurvey, "generate", "--respondents", String(respondents), "--out", path]
                + seedArguments)
    }

    /// The general path (issue 11): 200,000 rows of `delegation,threat,priority` without
    /// respondents, which submit reads whole rather than streamed.
    private func writeGeneral() {
        let states =
            "AT BE BG CY CZ DE DK EE EL ES FI FR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK"
            .split(separator: " ")
        let threats = [
            "drugs", "synthetic-drugs-precursors", "firearms", "tobacco-smuggling", "excise-fraud",
            "vat-fraud", "customs-duty-fraud", "counterfeit-ipr", "health-safety-goods",
            "internet-crime", "postal-express", "money-laundering-cash", "terrorism-financing",
            "wildlife-cites", "cultural-goods", "dual-use-wmd", "environmental-crime",
            "stolen-vehicles-property",
        ]
        var text = "delegation,threat,priority\n"
        for i in 0..<200_000 {
            let t = (i / states.count) % threats.count
            text += "\(states[i % states.count]),\(threats[t]),\(t + 1)\n"
        }
        do {
            try text.write(toFile: general, atomically: true, encoding: .utf8)
        } catch {
            say("\(general): cannot write the general file (\(error))")
        }
    }
}
