extension Workspace {
    /// Every command the benchmark can time, in the order a round runs them.
    ///
    /// A baseline is
    /// there only when what it needs (python3 with the module, gcc) is installed.
    func tools() -> [Tool] {
        threatsurveyTools() + storeTools() + generalTools() + baselineTools()
    }

    /// threatsurvey reading the CSV directly, and submitting it, paired with DuckDB's import.
    private func threatsurveyTools() -> [Tool] {
        var tools = [
            Tool(
                key: "rank-from", name: "threatsurvey rank --from", groups: ["rank"],
                command: [threatsurvey, "rank", "--from", data, "--format", "json"] + questionnaire,
                output: options.work + "/ts-rank.json"),
            Tool(
                key: "regions-from", name: "threatsurvey regions --from", groups: ["regions"],
                command: [
                    threatsurvey, "regions", "--grouping", "un-m49", "--from", data, "--format",
                    "json",
                ] + questionnaire,
                output: options.work + "/ts-regions.json"),
            Tool(
                key: "rank-from-small", name: "threatsurvey rank --from (N/10)", groups: ["rank"],
                command: [threatsurvey, "rank", "--from", small, "--format", "json"] + questionnaire
            ),
            Tool(
                key: "submit", name: "threatsurvey submit", groups: ["submit", "store"],
                command: [
                    threatsurvey, "submit", data, "--store", store, "--received", "2026-03-01",
                ]
                    + questionnaire,
                before: { [store] in Workspace.removeStore(store) },
                artifact: Artifact(path: store, companions: ["-wal", "-shm"])),
        ]
        if let duckDBImport = DuckDBImport.tool(in: self) { tools.append(duckDBImport) }
        return tools
    }

    /// The commands that read the submitted store; each must answer in under 50 ms (issue 18).
    private func storeTools() -> [Tool] {
        let commands: [(String, [String])] = [
            ("rank", ["rank", "--format", "json"] + questionnaire),
            ("show 1", ["show", "1", "--questionnaires", questionnaires]),
            ("history --limit 20", ["history", "--limit", "20"] + questionnaire),
            ("deadline", ["deadline", "--today", "2026-03-02"] + questionnaire),
            ("tally", ["tally"] + questionnaire),
            ("summary", ["summary"] + questionnaire),
            ("report", ["report", "--out", options.work + "/report.html"] + questionnaire),
        ]
        return commands.map { name, arguments in
            Tool(
                key: Workspace.storeKey(name), name: "threatsurvey \(name) (store)",
                groups: ["store"],
                command: [threatsurvey, arguments[0], "--store", store] + arguments.dropFirst(),
                needs: ["submit"])
        }
    }

    /// The key of a store command, from its name: "history --limit 20" is "store-history".
    static func storeKey(_ name: String) -> String {
        "store-" + (name.split(separator: " ").first.map(String.init) ?? name)
    }

    /// The general path, two files in one submit, and the small fixture store.
    private func generalTools() -> [Tool] {
        [
            Tool(
                key: "general-submit", name: "submit 200,000 rows, no respondents (general)",
                groups: ["general"],
                command: [
                    threatsurvey, "submit", general, "--store", generalStore, "--questionnaire",
                    "9396/1/15", "--received", "2015-09-03",
                ] + fixtureQuestionnaires,
                before: { [generalStore] in Workspace.removeStore(generalStore) }),
            Tool(
                key: "general-rank", name: "rank from that store (general)", groups: ["general"],
                command: [
                    threatsurvey, "rank", "--store", generalStore, "--questionnaire", "9396/1/15",
                ]
                    + fixtureQuestionnaires,
                needs: ["general-submit"]),
            Tool(
                key: "two-files", name: "submit two files of N/4 (streamed)", groups: ["two"],
                command: [threatsurvey, "submit"] + quarters + [
                    "--store", twoStore, "--received", "2026-03-01",
                ] + questionnaire,
                before: { [twoStore] in Workspace.removeStore(twoStore) }),
            Tool(
                key: "fixtures-rank", name: "threatsurvey rank (fixtures)", groups: ["fixtures"],
                command: [
                    threatsurvey, "rank", "--store", fixtureStore, "--questionnaire", "9396/1/15",
                ] + fixtureQuestionnaires),
        ]
    }

    /// The shared baselines that rank the same CSV (`../shared/bench`), where installed.
    private func baselineTools() -> [Tool] {
        guard hasShared else { return [] }
        let shared = options.shared
        var tools: [Tool] = []
        if available(["gcc", "--version"]) {
            tools.append(
                Tool(
                    key: "c-scan", name: "C quote-aware scan", groups: ["rank", "baselines"],
                    command: [options.work + "/scan", data]))
        }
        let scripts = [
            ("polars", "polars", "polars"), ("DuckDB", "duckdb", "duckdb"),
            ("pandas", "pandas", "pandas"), ("plain Python", "csv", "python"),
        ]
        for (name, module, script) in scripts
        where available(["python3", "-c", "import \(module)"]) {
            tools.append(
                Tool(
                    key: script, name: name, groups: ["rank", "baselines"],
                    command: ["python3", shared + "/\(script)_rank.py", data],
                    output: options.work + "/\(module).json"))
        }
        return tools
    }
}
