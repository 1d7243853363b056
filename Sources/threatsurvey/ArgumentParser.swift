import ThreatSurvey

/// One option a command accepts.
struct OptionSpec: Sendable {
    /// The long name without dashes (`store`).
    var name: String
    /// The value's placeholder (`PATH`), or `nil` for a flag.
    var value: String?
    /// One line of help.
    var help: String
    /// Whether it may be given several times (`--from A --from B`) or take several values.
    var repeatable = false

    static func flag(_ name: String, _ help: String) -> OptionSpec {
        OptionSpec(name: name, value: nil, help: help)
    }

    static func value(_ name: String, _ placeholder: String, _ help: String, repeatable: Bool = false) -> OptionSpec {
        OptionSpec(name: name, value: placeholder, help: help, repeatable: repeatable)
    }
}

/// The declarative description of a command: it drives parsing, `--help` and usage errors.
struct CommandSpec: Sendable {
    var name: String
    var summary: String
    /// Positional arguments as shown in usage (`FILE…`, `SUBMISSION`).
    var positionals: String = ""
    /// Smallest and largest number of positional arguments.
    var positionalCount: ClosedRange<Int> = 0...0
    var options: [OptionSpec] = []
    /// Output formats accepted by `--format`, the first being the default.
    var formats: [OutputFormat] = []
    /// Extra help text after the options.
    var discussion: String = ""

    /// Options every command accepts.
    static let globalOptions: [OptionSpec] = [
        .value("store", "PATH", "the SQLite store (default ./threatsurvey.sqlite or $THREATSURVEY_STORE)"),
        .value("questionnaires", "DIR", "questionnaire definitions (default ./questionnaires)"),
        .flag("help", "show this help"),
    ]

    var allOptions: [OptionSpec] {
        var all = options
        if !formats.isEmpty {
            all.append(
                .value("format", "FORMAT", formats.map(\.rawValue).joined(separator: "|") + " (default \(formats[0].rawValue))"))
        }
        return all + CommandSpec.globalOptions
    }

    /// The `--help` text.
    var help: String {
        var lines = ["usage: threatsurvey \(name)" + (positionals.isEmpty ? "" : " \(positionals)") + " [options]", "", summary]
        if !discussion.isEmpty { lines += ["", discussion] }
        lines += ["", "options:"]
        let labels = allOptions.map { "  --\($0.name)" + ($0.value.map { " \($0)" } ?? "") }
        let width = min((labels.map(\.count).max() ?? 0) + 2, 30)
        for (label, option) in zip(labels, allOptions) {
            let padded = label.count < width ? label + String(repeating: " ", count: width - label.count) : label + "\n" + String(repeating: " ", count: width)
            lines.append(padded + option.help)
        }
        return lines.joined(separator: "\n")
    }
}

/// The result of parsing a command line against a ``CommandSpec``.
struct ParsedArguments: Sendable {
    var positionals: [String] = []
    var values: [String: [String]] = [:]
    var flags: Set<String> = []

    func value(_ name: String) -> String? { values[name]?.last }
    func all(_ name: String) -> [String] { values[name] ?? [] }
    func flag(_ name: String) -> Bool { flags.contains(name) }
}

/// A small command-line parser: `--name value`, `--name=value`, flags, `--` and positionals.
///
/// Written for the tool (no package dependencies). Errors are usage errors naming the
/// command's help and, for a misspelt option, the nearest one.
enum ArgumentParser {
    /// Parses `arguments` (after the command name) for `spec`.
    ///
    /// Repeatable options also collect the plain arguments that follow them
    /// (`--from a.csv b.csv`), as the contract writes `--from FILE…`.
    static func parse(_ arguments: [String], for spec: CommandSpec) throws(SurveyError) -> ParsedArguments {
        var result = ParsedArguments()
        let options = Dictionary(spec.allOptions.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var index = 0
        var onlyPositionals = false
        var collecting: String?
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyPositionals || !argument.hasPrefix("-") || argument == "-" {
                if let name = collecting {
                    result.values[name, default: []].append(argument)
                } else {
                    result.positionals.append(argument)
                }
                continue
            }
            collecting = nil
            if argument == "--" {
                onlyPositionals = true
                continue
            }
            if argument == "-h" {
                result.flags.insert("help")
                continue
            }
            guard argument.hasPrefix("--") else {
                throw .usage("unknown option '\(argument)' for '\(spec.name)'; options start with '--' (see threatsurvey \(spec.name) --help)")
            }
            var name = String(argument.dropFirst(2))
            var inlineValue: String?
            if let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            guard let option = options[name] else {
                let suggestion = EditDistance.suggestion(
                    for: name, among: options.keys.map { (TextFolding.key($0), "--" + $0) })
                throw .usage(
                    "unknown option '--\(name)' for '\(spec.name)'"
                        + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
                        + " (see threatsurvey \(spec.name) --help)")
            }
            guard option.value != nil else {
                if inlineValue != nil { throw .usage("--\(name) takes no value") }
                result.flags.insert(name)
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else if index < arguments.count, !arguments[index].hasPrefix("--") {
                value = arguments[index]
                index += 1
            } else {
                throw .usage("--\(name) needs a value (\(option.value ?? "VALUE"))")
            }
            if !option.repeatable, result.values[name] != nil {
                throw .usage("--\(name) is given twice")
            }
            result.values[name, default: []].append(value)
            if option.repeatable { collecting = name }
        }
        if result.flags.contains("help") { return result }
        if !spec.positionalCount.contains(result.positionals.count) {
            if result.positionals.count < spec.positionalCount.lowerBound {
                throw .usage("'\(spec.name)' needs \(spec.positionals) (see threatsurvey \(spec.name) --help)")
            }
            throw .usage(
                "unexpected argument '\(result.positionals[spec.positionalCount.upperBound])' for '\(spec.name)'"
                    + " (see threatsurvey \(spec.name) --help)")
        }
        if let format = result.value("format"), !spec.formats.contains(where: { $0.rawValue == format }) {
            throw .usage(
                "--format \(format) is not available for '\(spec.name)'; use one of: "
                    + spec.formats.map(\.rawValue).joined(separator: ", "))
        }
        return result
    }
}
