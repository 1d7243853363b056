import Foundation

/// The printed results: a table of every tool, then one line per target of issue 18 (and of
/// the issues before it), each with its target beside it, then the agreement checks.
struct Report {
    var workspace: Workspace
    var tools: [Tool]
    var results: Results
    var generation: Measurement
    var agreement: [String]

    func print() {
        let csvBytes = Workspace.size(workspace.data)
        Swift.print(
            "threatsurvey-bench: \(workspace.options.respondents) respondents, "
                + "\(workspace.dataRows) rows, \(csvBytes) bytes, \(workspace.options.rounds) rounds "
                + "(median [min..max])")
        Swift.print(String(format: "generate: %.2f s", generation.wall))
        Swift.print("")
        table()
        Swift.print("")
        submitLines(csvBytes: csvBytes)
        rankLines()
        generalLines()
        storeLines()
        for line in agreement { Swift.print(line) }
    }

    private func table() {
        Swift.print("| command | wall s | peak MiB |")
        Swift.print("| --- | --- | --- |")
        for tool in tools {
            guard let row = results.row(tool.key) else { continue }
            Swift.print(
                String(
                    format: "| %@ | %.3f [%.3f..%.3f] | %.0f |", tool.name, row.median, row.min,
                    row.max, row.peakMiB))
        }
    }

    /// Submit's speed, against DuckDB's import of the same file, and the store's size.
    private func submitLines(csvBytes: Int) {
        if let submit = results.row("submit") {
            Swift.print(
                String(
                    format: "submit: %.2f M rows/s (target ≥ 1)",
                    Double(workspace.dataRows) / submit.median / 1e6))
        }
        if let ratio = results.paired("submit", "duckdb-import") {
            Swift.print(
                String(format: "submit ÷ DuckDB import: %.2f (paired median; target ≤ 1.5)", ratio))
        }
        guard let store = results.sizes["submit"] else { return }
        let duckDB = results.sizes["duckdb-import"]
        Swift.print(
            "sizes: CSV \(FileSize.mb(csvBytes)), store \(store.description)"
                + (duckDB.map { ", DuckDB file \($0.description)" } ?? ""))
        var line = String(
            format: "store: %.1f MB = %.2f × the CSV (target ≤ 1)", Double(store.total) / 1e6,
            Double(store.total) / Double(max(csvBytes, 1)))
        if let duckDB, duckDB.total > 0 {
            line += String(format: ", %.2f × DuckDB's", Double(store.total) / Double(duckDB.total))
        }
        Swift.print(line)
        if let wal = store.companions["-wal"], wal > 0 {
            Swift.print("store: the -wal holds \(wal) bytes after submit exited (not checkpointed)")
        }
    }

    /// Ranking straight from the CSV, against the baselines and against the C scan.
    private func rankLines() {
        if let ratio = results.paired("rank-from", "polars") {
            Swift.print(
                String(
                    format: "rank --from ÷ polars: %.3f (paired median; target 0.12–0.16)", ratio))
        }
        for (a, b, label) in [
            ("polars", "rank-from", "polars ÷ threatsurvey (target ≥ 4)"),
            ("duckdb", "rank-from", "DuckDB ÷ threatsurvey"),
            ("pandas", "rank-from", "pandas ÷ threatsurvey"),
            ("rank-from", "c-scan", "threatsurvey ÷ C scan (target ≤ 2)"),
        ] {
            if let ratio = results.paired(a, b) {
                Swift.print(String(format: "%@: %.2f (paired median)", label, ratio))
            }
        }
        if let rank = results.row("rank-from") {
            Swift.print(String(format: "rank --from peak: %.0f MiB (target ≈ 34)", rank.peakMiB))
            if let small = results.row("rank-from-small") {
                Swift.print(
                    String(
                        format:
                            "memory: %.0f MiB at N, %.0f MiB at N/10 (flat: the file is streamed)",
                        rank.peakMiB, small.peakMiB))
            }
        }
    }

    /// The general path and the two-file submit (issue 11).
    private func generalLines() {
        if let submit = results.row("general-submit") {
            Swift.print(
                String(
                    format: "general submit: %.2f s, %.0f MiB (target < 5 s, < 300 MB)",
                    submit.median,
                    submit.peakMiB))
        }
        if let rank = results.row("general-rank") {
            Swift.print(
                String(format: "general rank from the store: %.2f s (target < 0.5 s)", rank.median))
        }
        if let two = results.row("two-files") {
            Swift.print(
                String(format: "two files of N/4: %.0f MiB peak (target < 1 GB)", two.peakMiB))
        }
    }

    /// Every command on the submitted store: its own time (issue 18: under 50 ms each), and
    /// its time relative to rank on the same store.
    private func storeLines() {
        let stores = tools.filter { $0.key.hasPrefix("store-") }
        for tool in stores {
            guard let row = results.row(tool.key) else { continue }
            let name = tool.name.replacingOccurrences(of: "threatsurvey ", with: "")
            Swift.print(
                String(format: "%@: %.0f ms median (target < 50 ms)", name, row.median * 1000))
        }
        let rank = Workspace.storeKey("rank")
        for tool in stores where tool.key != rank {
            guard let ratio = results.paired(tool.key, rank) else { continue }
            let name = tool.name.replacingOccurrences(of: "threatsurvey ", with: "")
                .replacingOccurrences(of: " (store)", with: "")
            Swift.print(
                String(
                    format: "%@ ÷ rank, same store: %.2f (paired median; target: a few)", name,
                    ratio))
        }
    }
}
