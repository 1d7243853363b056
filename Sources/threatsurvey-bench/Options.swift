import Foundation

/// The benchmark's command line: `--name value` pairs, each with a default, so that a bare
/// `threatsurvey-bench` runs the whole consultation-scale comparison.
struct Options {
    /// How to call the benchmark; printed for `--help` and for an option it does not know.
    static let usage = """
        usage: threatsurvey-bench [--respondents N] [--rounds R] [--work FOLDER]
                                  [--only NAMES] [--binary PATH] [--shared FOLDER]

          --respondents N  respondents to generate (default 1000000)
          --rounds R       counted rounds after one warm-up round (default 5)
          --work FOLDER    scratch folder for the data, the stores and the outputs
          --only NAMES     comma-separated groups or commands to run; groups: \
        \(Tool.groups.joined(separator: ", "))
                           (e.g. --only submit for submit vs DuckDB's import, or
                           --only rank-from,polars); run with --only list to see the commands
          --binary PATH    the threatsurvey executable (default: beside this one)
          --shared FOLDER  the shared baselines (default: ../shared/bench from the package)
        """

    var respondents = 1_000_000
    var rounds = 5
    var work = NSTemporaryDirectory() + "threatsurvey-bench"
    var binary: String
    var shared: String
    /// The groups or command keys `--only` named, or `nil` to run everything.
    var only: Set<String>?

    /// The package this benchmark was built from: its fixtures and questionnaires are used.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    /// Reads the options; a malformed or unknown one is a usage error, not a silent default,
    /// because a typo would otherwise measure something other than what was asked for.
    init(arguments: [String]) throws(UsageError) {
        let folder = URL(fileURLWithPath: arguments.first ?? ".").deletingLastPathComponent().path
        binary = folder + "/threatsurvey"
        shared =
            URL(fileURLWithPath: Options.packageRoot).deletingLastPathComponent().path
            + "/shared/bench"
        var rest = arguments.dropFirst()
        while let name = rest.popFirst() {
            if name == "--help" || name == "-h" { throw UsageError(message: nil) }
            guard name.hasPrefix("--"), let value = rest.popFirst() else {
                throw UsageError(message: "\(name): expected --name value")
            }
            switch name {
            case "--respondents": respondents = try Options.count(value, of: name)
            case "--rounds": rounds = try Options.count(value, of: name)
            case "--work": work = value
            case "--binary": binary = value
            case "--shared": shared = value
            case "--only": only = Set(value.split(separator: ",").map(String.init))
            default: throw UsageError(message: "\(name): unknown option")
            }
        }
    }

    private static func count(_ text: String, of name: String) throws(UsageError) -> Int {
        guard let value = Int(text), value > 0 else {
            throw UsageError(message: "\(name) \(text): expected a positive whole number")
        }
        return value
    }
}

/// A command line the benchmark cannot run; `message` is `nil` when help was asked for.
struct UsageError: Error {
    var message: String?
}
