import Foundation

// threatsurvey-bench: the consultation-scale benchmark (issue "Consultation scale").
//
//   swift build -c release && .build/release/threatsurvey-bench [--respondents N] [--rounds R]
//
// Generates N respondents (byte-identical to ../shared/bench/gen.py), then, in alternating
// rounds, runs threatsurvey (rank --from, regions --from, submit, rank from the store) and,
// where installed, the shared baselines (C scan, polars, DuckDB, pandas, plain Python,
// sqlite3), checks that every output agrees, and prints medians and paired ratios.
// It is a benchmark, not a test: nothing fails because the machine is slow.

var options: [String: String] = [:]
var rest = Array(CommandLine.arguments.dropFirst())
while let first = rest.first, first.hasPrefix("--"), rest.count >= 2 {
    options[String(first.dropFirst(2))] = rest[1]
    rest.removeFirst(2)
}
let respondents = Int(options["respondents"] ?? "") ?? 1_000_000
let rounds = Int(options["rounds"] ?? "") ?? 5
let work = options["work"] ?? NSTemporaryDirectory() + "threatsurvey-bench"
let binaryFolder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path
let threatsurvey = options["binary"] ?? binaryFolder + "/threatsurvey"
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent().path
let shared =
    options["shared"] ?? URL(fileURLWithPath: packageRoot).deletingLastPathComponent().path
    + "/shared/bench"
let hasShared = FileManager.default.fileExists(atPath: shared + "/gen.py")
let questionnaires = packageRoot + "/fixtures/load-test"

@MainActor func say(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }

try? FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
let data = work + "/responses-\(respondents).csv"
let small = work + "/responses-\(respondents / 10).csv"
say("generating \(respondents) and \(respondents / 10) respondents into \(work)")
let generation = measure(
    [threatsurvey, "generate", "--respondents", String(respondents), "--out", data],
    errors: work + "/generate.txt")
_ = measure([threatsurvey, "generate", "--respondents", String(respondents / 10), "--out", small])
let bytes =
    ((try? FileManager.default.attributesOfItem(atPath: data))?[.size] as? NSNumber)?.intValue ?? 0
// "respondents=N rows=R comments=C seed=S", from the generator.
let summary = (try? String(contentsOfFile: work + "/generate.txt", encoding: .utf8)) ?? ""
let dataRows =
    summary.split(separator: " ").first { $0.hasPrefix("rows=") }.flatMap { Int($0.dropFirst(5)) }
    ?? 0
let q = ["--questionnaires", questionnaires, "--questionnaire", "BENCH/1/26"]
let store = work + "/store.sqlite"
let fixtureStore = work + "/fixtures.sqlite"
for suffix in ["", "-wal", "-shm"] {
    try? FileManager.default.removeItem(atPath: fixtureStore + suffix)
}
_ = measure([
    threatsurvey, "demo", "--store", fixtureStore, "--fixtures", packageRoot + "/fixtures",
    "--questionnaires", packageRoot + "/questionnaires",
])

// The general path (issue 11): a 200,000-row long CSV without respondents (read whole, not
// streamed), and two files of N/4 respondents given together (streamed, one transaction).
let general = work + "/general-200000.csv"
do {
    let states = "AT BE BG CY CZ DE DK EE EL ES FI FR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK"
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
    try? text.write(toFile: general, atomically: true, encoding: .utf8)
}
let quarters = [work + "/quarter-1.csv", work + "/quarter-2.csv"]
for (seed, path) in quarters.enumerated() {
    _ = measure([
        threatsurvey, "generate", "--respondents", String(respondents / 4), "--seed",
        String(seed + 1), "--out", path,
    ])
}
let generalStore = work + "/general.sqlite"
let twoStore = work + "/two.sqlite"
let fixtureQuestionnaires = ["--questionnaires", packageRoot + "/questionnaires"]
func removeStore(_ path: String) {
    for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) }
}

struct Tool {
    var name: String
    var command: [String]
    var before: () -> Void = {}
    var output: String?
}

var tools: [Tool] = [
    Tool(
        name: "threatsurvey rank --from",
        command: [threatsurvey, "rank", "--from", data, "--format", "json"] + q,
        output: work + "/ts-rank.json"),
    Tool(
        name: "threatsurvey regions --from",
        command: [
            threatsurvey, "regions", "--grouping", "un-m49", "--from", data, "--format", "json",
        ] + q,
        output: work + "/ts-regions.json"),
    Tool(
        name: "threatsurvey rank --from (N/10)",
        command: [threatsurvey, "rank", "--from", small, "--format", "json"] + q),
    Tool(
        name: "threatsurvey submit",
        command: [threatsurvey, "submit", data, "--store", store, "--received", "2026-03-01"] + q,
        before: {
            for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: store + s) }
        }),
    Tool(
        name: "threatsurvey rank (store)",
        command: [threatsurvey, "rank", "--store", store, "--format", "json"] + q),
    Tool(
        name: "threatsurvey show 1 (store)",
        command: [threatsurvey, "show", "1", "--store", store, "--questionnaires", questionnaires]),
    Tool(
        name: "threatsurvey history --limit 20 (store)",
        command: [threatsurvey, "history", "--limit", "20", "--store", store] + q),
    Tool(
        name: "threatsurvey deadline (store)",
        command: [threatsurvey, "deadline", "--store", store, "--today", "2026-03-02"] + q),
    Tool(
        name: "threatsurvey tally (store)",
        command: [threatsurvey, "tally", "--store", store] + q),
    Tool(
        name: "threatsurvey report (store)",
        command: [threatsurvey, "report", "--store", store, "--out", work + "/report.html"] + q),
    Tool(
        name: "submit 200,000 rows, no respondents (general)",
        command: [
            threatsurvey, "submit", general, "--store", generalStore, "--questionnaire",
            "9396/1/15", "--received", "2015-09-03",
        ] + fixtureQuestionnaires,
        before: { removeStore(generalStore) }),
    Tool(
        name: "rank from that store (general)",
        command: [threatsurvey, "rank", "--store", generalStore, "--questionnaire", "9396/1/15"]
            + fixtureQuestionnaires),
    Tool(
        name: "submit two files of N/4 (streamed)",
        command: [threatsurvey, "submit"] + quarters + [
            "--store", twoStore, "--received", "2026-03-01",
        ] + q,
        before: { removeStore(twoStore) }),
    Tool(
        name: "threatsurvey rank (fixtures)",
        command: [
            threatsurvey, "rank", "--store", fixtureStore, "--questionnaire", "9396/1/15",
            "--questionnaires", packageRoot + "/questionnaires",
        ]),
]
if hasShared {
    if available(["gcc", "--version"]) {
        _ = measure(["gcc", "-O2", "-o", work + "/scan", shared + "/scan.c"])
        tools.append(Tool(name: "C quote-aware scan", command: [work + "/scan", data]))
    }
    for (name, module) in [
        ("polars", "polars"), ("DuckDB", "duckdb"), ("pandas", "pandas"), ("plain Python", "csv"),
    ] {
        let script = shared + "/" + (name == "plain Python" ? "python" : module) + "_rank.py"
        if available(["python3", "-c", "import \(module)"]) {
            tools.append(
                Tool(
                    name: name, command: ["python3", script, data], output: work + "/\(module).json"
                ))
        }
    }
}

say("\(tools.count) commands, \(rounds) rounds each, alternating")
var results: [String: [Measurement]] = [:]
for round in 0...rounds {
    for tool in tools {
        tool.before()
        let m = measure(tool.command, output: tool.output)
        if m.status != 0 { say("  \(tool.name) exited \(m.status)") }
        if round > 0 { results[tool.name, default: []].append(m) }  // round 0 warms up
    }
    say("  round \(round) done")
}

// Agreement.
var agreement: [String] = []
if let rank = FileManager.default.contents(atPath: work + "/ts-rank.json"),
    let regions = FileManager.default.contents(atPath: work + "/ts-regions.json"),
    let ours = try? Canonical.text(rank: rank, regions: regions)
{
    try? ours.write(toFile: work + "/threatsurvey.json", atomically: true, encoding: .utf8)
    var references: [(String, String)] = []
    for module in ["polars", "duckdb", "pandas", "csv"] {
        if let text = try? String(contentsOfFile: work + "/\(module).json", encoding: .utf8) {
            references.append((module, text))
        }
    }
    let expected =
        respondents == 1_000_000
        ? "expected-1m.json" : respondents == 100_000 ? "expected-100k.json" : nil
    if hasShared, let expected,
        let text = try? String(contentsOfFile: shared + "/" + expected, encoding: .utf8)
    {
        references.append((expected, text))
    }
    for (name, text) in references {
        agreement.append("\(name): " + (text == ours ? "identical" : "DIFFERENT"))
    }
    if references.isEmpty { agreement.append("no baseline output to compare with") }
}

// Report.
@MainActor func row(_ name: String) -> (Double, Double, Double, Double)? {
    guard let ms = results[name], !ms.isEmpty else { return nil }
    return (
        median(ms.map(\.wall)), ms.map(\.wall).min() ?? 0, ms.map(\.wall).max() ?? 0,
        ms.map(\.peakMiB).max() ?? 0
    )
}
@MainActor func paired(_ a: String, _ b: String) -> Double? {
    guard let x = results[a], let y = results[b], x.count == y.count, !x.isEmpty else { return nil }
    return median(zip(x, y).map { $0.wall / $1.wall })
}
print(
    "threatsurvey-bench: \(respondents) respondents, \(dataRows) rows, \(bytes) bytes, \(rounds) rounds (median [min..max])"
)
print("generate: \(String(format: "%.2f", generation.wall)) s")
print("")
print("| command | wall s | peak MiB |")
print("| --- | --- | --- |")
for tool in tools {
    guard let (m, lo, hi, peak) = row(tool.name) else { continue }
    print(String(format: "| %@ | %.3f [%.3f..%.3f] | %.0f |", tool.name, m, lo, hi, peak))
}
print("")
if let (submit, _, _, _) = row("threatsurvey submit") {
    print(String(format: "submit: %.2f M rows/s (target ≥ 1)", Double(dataRows) / submit / 1e6))
}
for (a, b, label) in [
    ("polars", "threatsurvey rank --from", "polars ÷ threatsurvey (target ≥ 4)"),
    ("DuckDB", "threatsurvey rank --from", "DuckDB ÷ threatsurvey"),
    ("pandas", "threatsurvey rank --from", "pandas ÷ threatsurvey"),
    ("threatsurvey rank --from", "C quote-aware scan", "threatsurvey ÷ C scan (target ≤ 2)"),
] {
    if let r = paired(a, b) { print(String(format: "%@: %.2f (paired median)", label, r)) }
}
if let (submit, _, _, peak) = row("submit 200,000 rows, no respondents (general)") {
    print(String(format: "general submit: %.2f s, %.0f MiB (target < 5 s, < 300 MB)", submit, peak))
}
if let (rank, _, _, _) = row("rank from that store (general)") {
    print(String(format: "general rank from the store: %.2f s (target < 0.5 s)", rank))
}
if let (_, _, _, peak) = row("submit two files of N/4 (streamed)") {
    print(String(format: "two files of N/4: %.0f MiB peak (target < 1 GB)", peak))
}
for name in ["show 1", "history --limit 20", "deadline", "tally", "report"] {
    if let r = paired("threatsurvey \(name) (store)", "threatsurvey rank (store)") {
        print(String(format: "%@ ÷ rank, same store: %.2f (paired median; target: a few)", name, r))
    }
}
if let big = row("threatsurvey rank --from"), let little = row("threatsurvey rank --from (N/10)") {
    print(
        String(
            format: "memory: %.0f MiB at N, %.0f MiB at N/10 (flat: the file is streamed)", big.3,
            little.3))
}
for line in agreement { print("agreement with \(line)") }
