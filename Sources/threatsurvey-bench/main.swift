import Foundation

// threatsurvey-bench: the consultation-scale benchmark (issues "Consultation scale" and 18).
//
//   swift build -c release && .build/release/threatsurvey-bench [--respondents N] [--rounds R]
//       [--work FOLDER] [--only submit,rank,...]
//
// Generates N respondents (byte-identical to ../shared/bench/gen.py), then, in alternating
// rounds, runs threatsurvey (rank --from, regions --from, submit, the commands on the store)
// and, where installed, the baselines (DuckDB's import of the CSV into a file, and the shared
// C scan, polars, DuckDB, pandas and plain Python rankings), checks that every ranking agrees,
// and prints medians, paired ratios and sizes, each beside its target.
// It is a benchmark, not a test: nothing fails because the machine is slow.

let options: Options
do {
    options = try Options(arguments: CommandLine.arguments)
} catch {
    say((error.message.map { "threatsurvey-bench: \($0)\n\n" } ?? "") + Options.usage)
    exit(error.message == nil ? 0 : 2)
}
guard FileManager.default.isExecutableFile(atPath: options.binary) else {
    say(
        "threatsurvey-bench: \(options.binary): no threatsurvey to measure; build it "
            + "(swift build -c release) or give --binary PATH")
    exit(2)
}
let workspace = Workspace(options: options)
if !workspace.hasShared {
    say("no shared baselines in \(options.shared) (--shared FOLDER): threatsurvey alone")
}
let all = workspace.tools()
if options.only == ["list"] {
    for tool in all { print("\(tool.key)\t\(tool.groups.joined(separator: ","))\t\(tool.name)") }
    exit(0)
}
let unknown = (options.only ?? []).subtracting(all.map(\.key) + Tool.groups)
guard unknown.isEmpty else {
    say(
        "threatsurvey-bench: --only \(unknown.sorted().joined(separator: ",")): no such command "
            + "or group here (a baseline that is not installed?); see --only list")
    exit(2)
}
let tools = Tool.selected(all, only: options.only)
let generation = workspace.prepare(for: tools)
say("\(tools.count) commands, \(options.rounds) rounds each, alternating")
let results = Results.run(tools, rounds: options.rounds)
Report(
    workspace: workspace, tools: tools, results: results, generation: generation,
    agreement: Agreement.lines(in: workspace, ran: tools)
).print()
