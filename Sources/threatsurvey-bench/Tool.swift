/// One command the benchmark times: a threatsurvey command or a baseline.
struct Tool {
    /// The groups `--only` accepts, besides the commands' own keys.
    static let groups = [
        "submit", "rank", "regions", "store", "general", "two", "fixtures", "baselines",
    ]

    /// Short name for `--only` and for the results.
    var key: String
    /// What the table prints.
    var name: String
    /// The groups it belongs to (see `groups`).
    var groups: [String]
    var command: [String]
    /// Commands whose output this one reads (a store command needs the submit), so `--only`
    /// brings them along.
    var needs: [String] = []
    /// Runs untimed before every run: removes what the previous run wrote.
    var before: () -> Void = {}
    /// Where standard output goes (for the agreement check), or `nil` to discard it.
    var output: String?
    /// A file the command writes whose size is reported, with its companion files' suffixes.
    var artifact: Artifact?
}

/// A file a command writes, and the suffixes of the files that belong to it (a SQLite store's
/// `-wal` and `-shm`, DuckDB's `.wal`): what is on disk after the command is their sum.
struct Artifact {
    var path: String
    var companions: [String]
}

extension Tool {
    /// The tools `only` selects (a group name or a key), with what they need, in run order.
    static func selected(_ tools: [Tool], only: Set<String>?) -> [Tool] {
        guard let only else { return tools }
        var keys = Set(
            tools.filter { only.contains($0.key) || !only.isDisjoint(with: $0.groups) }.map(\.key))
        for tool in tools where keys.contains(tool.key) { keys.formUnion(tool.needs) }
        return tools.filter { keys.contains($0.key) }
    }
}
