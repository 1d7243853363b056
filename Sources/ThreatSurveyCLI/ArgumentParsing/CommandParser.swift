import ThreatSurvey

/// Parses a command line into a command: `--name value`, `--name=value`, flags, `--`,
/// positionals, and repeatable options that also take the plain words after them
/// (`--from a.csv b.csv`, as the contract writes `--from FILE…`).
///
/// Every value is converted while parsing, so a bad one is a usage error (exit 64) before the
/// command runs. Errors name the command's help and, for a misspelt option, the nearest one.
enum CommandParser {
    /// What the command line asked for.
    enum Outcome {
        case run
        case help
    }

    /// Assigns `arguments` (after the command name) to `command`'s declarations.
    ///
    /// - Complexity: O(n · d) for n arguments and d declarations.
    static func parse(_ arguments: [String], into command: any ParsableCommand) throws(SurveyError)
        -> Outcome
    {
        let name = type(of: command).configuration.name
        let set = ArgumentSet(command)
        var byName: [String: any ArgumentSlot] = [:]
        var declarations: [String: ArgumentDeclaration] = [:]
        for (declaration, slot) in set.slots where declaration.kind != .positional {
            if let optionName = declaration.name {
                byName[optionName] = slot
                declarations[optionName] = declaration
            }
        }
        let positionals = set.positionals
        var positionalIndex = 0
        var collecting: (name: String, slot: any ArgumentSlot)?
        var onlyPositionals = false
        var index = 0
        var wantsHelp = false
        func positional(_ text: String) throws(SurveyError) {
            guard positionalIndex < positionals.count else {
                throw .usage(
                    "unexpected argument '\(text)' for '\(name)' (see threatsurvey \(name) --help)")
            }
            let (declaration, slot) = positionals[positionalIndex]
            try slot.assign(text, name: declaration.placeholder)
            if !declaration.isRepeatable { positionalIndex += 1 }
        }
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyPositionals || !argument.hasPrefix("-") || argument == "-" {
                if let (optionName, slot) = collecting {
                    try slot.assign(argument, name: "--" + optionName)
                } else {
                    try positional(argument)
                }
                continue
            }
            collecting = nil
            if argument == "--" {
                onlyPositionals = true
                continue
            }
            if argument == "-h" || argument == "--help" {
                wantsHelp = true
                continue
            }
            guard argument.hasPrefix("--") else {
                throw .usage(
                    "unknown option '\(argument)' for '\(name)'; options start with '--' (see threatsurvey \(name) --help)"
                )
            }
            var optionName = String(argument.dropFirst(2))
            var inline: String?
            if let equals = optionName.firstIndex(of: "=") {
                inline = String(optionName[optionName.index(after: equals)...])
                optionName = String(optionName[..<equals])
            }
            guard let slot = byName[optionName], let declaration = declarations[optionName] else {
                let candidates = Array(byName.keys) + ["help"]
                let suggestion = EditDistance.suggestion(
                    for: optionName, among: candidates.map { (TextFolding.key($0), "--" + $0) })
                throw .usage(
                    "unknown option '--\(optionName)' for '\(name)'"
                        + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
                        + " (see threatsurvey \(name) --help)")
            }
            if declaration.kind == .flag {
                if inline != nil { throw .usage("--\(optionName) takes no value") }
                try slot.assign("true", name: "--" + optionName)
                continue
            }
            let value: String
            if let inline {
                value = inline
            } else if index < arguments.count, !arguments[index].hasPrefix("--") {
                value = arguments[index]
                index += 1
            } else {
                throw .usage("--\(optionName) needs a value (\(declaration.placeholder))")
            }
            try slot.assign(value, name: "--" + optionName)
            if declaration.isRepeatable { collecting = (optionName, slot) }
        }
        if wantsHelp { return .help }
        for (declaration, slot) in set.slots where declaration.isRequired && !slot.isSet {
            let what =
                declaration.kind == .positional
                ? declaration.placeholder
                : "--\(declaration.name ?? "?") \(declaration.placeholder)"
            throw .usage("'\(name)' needs \(what) (see threatsurvey \(name) --help)")
        }
        return .run
    }
}
