/// What the rounds measured: every counted run of every tool, and the size on disk of what
/// each tool with an artifact wrote in its last run.
struct Results {
    var runs: [String: [Measurement]] = [:]
    var sizes: [String: FileSize] = [:]

    /// Runs `tools` one after another, `rounds` + 1 times; round 0 (page cache) is not counted.
    ///
    /// Alternating (rather than running one tool `rounds` times in a row) makes
    /// the i-th runs of two tools share the machine's load, so their ratio can be paired.
    static func run(_ tools: [Tool], rounds: Int) -> Results {
        var results = Results()
        for round in 0...rounds {
            for tool in tools {
                tool.before()
                let run = measure(tool.command, output: tool.output)
                if run.status != 0 { say("  \(tool.name) exited \(run.status)") }
                if round > 0 { results.runs[tool.key, default: []].append(run) }
                if let artifact = tool.artifact { results.sizes[tool.key] = FileSize(of: artifact) }
            }
            say("  round \(round) done")
        }
        return results
    }

    /// Median, fastest and slowest wall time, and the largest peak, of a tool's counted runs.
    func row(_ key: String) -> (median: Double, min: Double, max: Double, peakMiB: Double)? {
        guard let runs = runs[key], !runs.isEmpty else { return nil }
        let walls = runs.map(\.wall)
        return (
            median(walls), walls.min() ?? 0, walls.max() ?? 0,
            runs.map(\.peakMiB).max() ?? 0
        )
    }

    /// The median of `a`'s wall time over `b`'s, run by run: the ratio the targets
    /// use, because it cancels most of the load the two shared.
    func paired(_ a: String, _ b: String) -> Double? {
        guard let x = runs[a], let y = runs[b], x.count == y.count, !x.isEmpty else { return nil }
        return median(zip(x, y).map { $0.wall / $1.wall })
    }
}
