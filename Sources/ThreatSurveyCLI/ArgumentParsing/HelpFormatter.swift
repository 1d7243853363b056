/// The usage line and `--help` text of a command, from its declarations, wrapped at
/// ``width`` columns.
enum HelpFormatter {
    /// The widest line the help prints (a terminal's default width).
    static let width = 80
    /// Where option help starts.
    static let helpColumn = 28

    /// `usage: threatsurvey generate --respondents N [options]`: the positionals and required
    /// options, then `[options]` when there are others.
    static func usage(_ name: String, _ declarations: [ArgumentDeclaration]) -> String {
        var words = ["usage: threatsurvey", name]
        for declaration in declarations where declaration.kind == .positional {
            words.append(declaration.placeholder)
        }
        for declaration in declarations
        where declaration.kind != .positional && declaration.isRequired {
            words.append(declaration.label)
        }
        // Every command takes at least --help.
        words.append("[options]")
        return wrap(words.joined(separator: " "), indent: 4).joined(separator: "\n")
    }

    /// The full help of a command.
    static func help(_ configuration: CommandConfiguration, _ declarations: [ArgumentDeclaration])
        -> String
    {
        var lines = [usage(configuration.name, declarations), ""]
        lines += wrap(configuration.summary, indent: 0)
        if !configuration.discussion.isEmpty {
            lines.append("")
            lines += paragraphs(configuration.discussion)
        }
        let positionals = declarations.filter { $0.kind == .positional }
        if !positionals.isEmpty {
            lines += ["", "arguments:"]
            for declaration in positionals { lines += entry(declaration) }
        }
        lines += ["", "options:"]
        for declaration in declarations where declaration.kind != .positional {
            lines += entry(declaration)
        }
        lines += entry(
            ArgumentDeclaration(
                kind: .flag, name: "help", placeholder: "", help: "show this help",
                isRequired: false,
                isRepeatable: false, defaultText: nil, completion: .none))
        if !configuration.examples.isEmpty {
            lines += ["", "examples:"]
            for example in configuration.examples {
                lines += wrap(example.command, indent: 6, firstIndent: 2)
                lines += wrap(example.purpose, indent: 6, firstIndent: 6)
            }
        }
        lines += [""] + wrap(seeAlso, indent: 0)
        return lines.joined(separator: "\n")
    }

    /// The last line of every command's help: where the guides are.
    static let seeAlso =
        "Every command: 'threatsurvey help commands'. Guides (questionnaire definitions, "
        + "answer files, figures…): 'threatsurvey help' lists the topics."

    /// Discussion text re-wrapped: consecutive unindented lines form one paragraph; an
    /// indented line (an example command) stays a line of its own.
    static func paragraphs(_ text: String) -> [String] {
        var lines: [String] = []
        var paragraph: [Substring] = []
        func flush() {
            if !paragraph.isEmpty { lines += wrap(paragraph.joined(separator: " "), indent: 0) }
            paragraph = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let leading = line.prefix { $0 == " " }.count
            if line.isEmpty {
                flush()
                lines.append("")
            } else if leading > 0 {
                flush()
                lines += wrap(String(line), indent: leading, firstIndent: leading)
            } else {
                paragraph.append(line)
            }
        }
        flush()
        return lines
    }

    /// One option: its label, then its help from ``helpColumn`` (on the next line when the
    /// label is too long), wrapped.
    static func entry(_ declaration: ArgumentDeclaration) -> [String] {
        var text = declaration.help
        if case .values(let values) = declaration.completion, !values.isEmpty,
            !text.contains(values.joined(separator: "|"))
        {
            text += " (" + values.joined(separator: "|") + ")"
        }
        if let defaultText = declaration.defaultText, !defaultText.isEmpty,
            !text.contains("default")
        {
            text += " [default: \(defaultText)]"
        }
        if declaration.isRequired && declaration.kind != .positional { text += " (required)" }
        let label = "  " + declaration.label
        let body = wrap(text, indent: helpColumn, firstIndent: helpColumn)
        if label.count + 2 <= helpColumn, let first = body.first {
            let padded = label + String(repeating: " ", count: helpColumn - label.count)
            return [padded + first.dropFirst(helpColumn)] + body.dropFirst()
        }
        return [label] + body
    }

    /// `text` broken at spaces into lines of at most ``width`` columns, continuation lines
    /// indented by `indent`.
    ///
    /// - Complexity: O(n) in the length of `text`.
    static func wrap(_ text: String, indent: Int, firstIndent: Int = 0) -> [String] {
        var lines: [String] = []
        var line = String(repeating: " ", count: firstIndent)
        var lineHasWord = false
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if lineHasWord && line.count + 1 + word.count > width {
                lines.append(line)
                line = String(repeating: " ", count: indent)
                lineHasWord = false
            }
            line += (lineHasWord ? " " : "") + word
            lineHasWord = true
        }
        lines.append(line)
        return lines
    }
}
