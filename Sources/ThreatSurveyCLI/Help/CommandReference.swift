import Foundation
import ThreatSurvey

/// The command reference, as a DocC article (`threatsurvey help --markdown-reference`) and as a
/// man page (`threatsurvey man`), generated from the commands' declarations.
///
/// The same declarations drive the parser, `--help` and the completion scripts, so the
/// reference cannot describe an option the parser does not take. The article is committed as
/// `Sources/ThreatSurvey/ThreatSurvey.docc/CommandReference.md`; a test fails when it differs
/// from ``markdown``, and `.ci/docs --update` writes it again.
enum CommandReference {
    /// One command as the reference sees it.
    struct Entry {
        var configuration: CommandConfiguration
        var declarations: [ArgumentDeclaration]

        var name: String { configuration.name }
        var usage: String {
            HelpFormatter.usage(name, declarations).replacingOccurrences(of: "usage: ", with: "")
                .replacingOccurrences(of: "\n    ", with: " ")
        }
    }

    /// Every command, in the order of the help.
    static var entries: [Entry] {
        CLI.commands.map {
            Entry(
                configuration: $0.configuration, declarations: ArgumentSet($0.init()).declarations)
        }
    }

    /// The exit statuses every command shares (CONTRACT.md, "Bad input").
    static let exitStatuses: [(code: Int, meaning: String)] = [
        (0, "success"),
        (1, "a check that failed (`deadline --strict` after the deadline with answers missing)"),
        (64, "usage: the command line is wrong (checked before any file is read)"),
        (65, "bad data in an input file (every problem listed; nothing stored)"),
        (66, "input missing: no such file, not a regular file, no store, no such submission"),
        (70, "internal error (a bug; the message says so)"),
        (73, "cannot create output: no such folder, or a FIFO, link, device or folder in the way"),
        (74, "I/O error: writing failed (full disk), or the store failed or is busy"),
    ]

    /// The help text of one option or argument, with its values and default, as `--help`
    /// prints it.
    static func help(_ declaration: ArgumentDeclaration) -> String {
        var text = declaration.help
        if case .values(let values) = declaration.completion, !values.isEmpty,
            !text.contains(values.joined(separator: "|"))
        {
            text += " (" + values.joined(separator: "|") + ")"
        }
        if declaration.isRequired && declaration.kind != .positional { text += " (required)" }
        if declaration.isRepeatable && declaration.kind == .option { text += "; may be repeated" }
        return text
    }

    /// The default shown for a declaration, or `nil`.
    static func defaultValue(_ declaration: ArgumentDeclaration) -> String? {
        guard let text = declaration.defaultText, !text.isEmpty,
            !declaration.help.contains("default")
        else { return nil }
        return text
    }

    // MARK: - Markdown

    /// The command reference as a DocC article.
    static var markdown: String {
        var lines = [
            "# Command reference",
            "",
            "Every command of `threatsurvey`, with its options, their defaults and examples.",
            "",
            "<!-- Generated from the command declarations by "
                + "`threatsurvey help --markdown-reference`; do not edit. "
                + "Regenerate with `.ci/docs --update`. -->",
            "",
            "## Overview",
            "",
            "`threatsurvey COMMAND [options]`. Every command takes `--help`; "
                + "`threatsurvey help COMMAND` prints the same. `--store PATH` "
                + "(default `threatsurvey.sqlite` in the current folder, or `$THREATSURVEY_STORE`) "
                + "and `--questionnaires DIR` (default `./questionnaires`) are taken by the "
                + "commands that use them and may come before the command name. "
                + "`threatsurvey --version` prints the version. Results go to standard output, "
                + "messages to standard error. Values are checked before any file is read or the "
                + "store is opened: a bad value exits 64 and does nothing.",
            "",
            "| command | does |",
            "| --- | --- |",
        ]
        for entry in entries {
            lines.append(
                "| `\(entry.name)` | \(cell(entry.configuration.summary)) |")
        }
        lines += ["", "Exit statuses, shared by every command:", ""]
        lines += ["| status | meaning |", "| --- | --- |"]
        for status in exitStatuses { lines.append("| \(status.code) | \(status.meaning) |") }
        for entry in entries {
            lines += ["", "## \(entry.name)", "", sentence(entry.configuration.summary), ""]
            lines += ["```", entry.usage, "```"]
            if !entry.configuration.discussion.isEmpty {
                lines.append("")
                lines += markdownDiscussion(entry.configuration.discussion)
            }
            lines += ["", "| argument or option | meaning | default |", "| --- | --- | --- |"]
            for declaration in entry.declarations {
                let label = declaration.label.replacingOccurrences(of: "|", with: "\\|")
                lines.append(
                    "| `\(label)` | \(cell(help(declaration))) | "
                        + "\(defaultValue(declaration).map { "`\(cell($0))`" } ?? "") |")
            }
            lines.append("| `--help` | show this help | |")
            if !entry.configuration.examples.isEmpty {
                lines += ["", "Examples:", ""]
                for example in entry.configuration.examples {
                    lines += ["```sh", example.command, "```", "", example.purpose, ""]
                }
                lines.removeLast()
            }
        }
        lines += [
            "",
            "## See Also",
            "",
            "- <doc:GettingStarted>",
            "- <doc:Reliability>",
            "",
        ]
        return lines.joined(separator: "\n")
    }

    /// Discussion text as Markdown: unindented lines joined into paragraphs, indented lines
    /// (example command lines) as a code block.
    static func markdownDiscussion(_ text: String) -> [String] {
        var lines: [String] = []
        var paragraph: [String] = []
        var code: [String] = []
        func flush() {
            if !paragraph.isEmpty { lines += [paragraph.joined(separator: " "), ""] }
            if !code.isEmpty { lines += ["```"] + code + ["```", ""] }
            paragraph = []
            code = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.isEmpty {
                flush()
            } else if line.hasPrefix(" ") {
                if !paragraph.isEmpty { flush() }
                code.append(String(line.drop { $0 == " " }))
            } else {
                if !code.isEmpty { flush() }
                paragraph.append(String(line))
            }
        }
        flush()
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// Text safe in a Markdown table cell.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|")
    }

    /// The summary as a sentence: capitalised, with a full stop.
    static func sentence(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst() + (text.hasSuffix(".") ? "" : ".")
    }

    // MARK: - Man page

    /// The man page, roff with the `man` macros (`man -l threatsurvey.1`).
    static var manPage: String {
        var lines = [
            ".\\\" Generated from the command declarations by 'threatsurvey man'; do not edit.",
            ".TH THREATSURVEY 1 \"\" \"\(roff(CLI.version))\" \"User Commands\"",
            ".SH NAME",
            "threatsurvey \\- rank the threats named in Member State delegations' answers to a "
                + "Council questionnaire",
            ".SH SYNOPSIS",
            ".B threatsurvey",
            ".I COMMAND",
            "[\\fIoptions\\fR]",
            ".br",
            ".B threatsurvey help",
            "[\\fICOMMAND\\fR|\\fITOPIC\\fR]",
            ".SH DESCRIPTION",
            roff(
                "threatsurvey reads delegations' answers (CSV, JSON, prose, workbooks, documents, "
                    + "mail) to a questionnaire, keeps every one in a store with its original bytes, "
                    + "and computes the figures a Working Party needs: threats ranked by how many "
                    + "Member States mention them, threats concentrated in one region, who has "
                    + "answered on time, late or not at all, and the documents that follow."),
            ".PP",
            roff(
                "Results go to standard output, messages to standard error. Every value is checked "
                    + "before any file is read or the store is opened."),
            ".SH OPTIONS",
            ".TP",
            ".B \\-\\-store \\fIPATH\\fR",
            roff(
                "the store (default threatsurvey.sqlite in the current folder, or "
                    + "$THREATSURVEY_STORE), for the commands that use one; may come before the "
                    + "command name."),
            ".TP",
            ".B \\-\\-questionnaires \\fIDIR\\fR",
            roff("the questionnaire definitions (default ./questionnaires)."),
            ".TP",
            ".B \\-\\-help",
            roff("the usage of the tool, or of a command after its name."),
            ".TP",
            ".B \\-\\-version",
            roff("the version."),
            ".SH COMMANDS",
        ]
        for entry in entries {
            lines += [".SS \(roff(entry.name))", ".B \(roff(entry.usage))", ".PP"]
            lines.append(roff(sentence(entry.configuration.summary)))
            var inCode = false
            for line in markdownDiscussion(entry.configuration.discussion) where !line.isEmpty {
                if line == "```" {
                    lines += inCode ? [".fi"] : [".PP", ".nf"]
                    inCode.toggle()
                } else {
                    lines += inCode ? [roff(line)] : [".PP", roff(line)]
                }
            }
            for declaration in entry.declarations {
                lines += [".TP", manLabel(declaration)]
                var text = help(declaration)
                if let value = defaultValue(declaration) { text += " [default: \(value)]" }
                lines.append(roff(text))
            }
            if !entry.configuration.examples.isEmpty {
                lines += [".PP", "Examples:"]
                for example in entry.configuration.examples {
                    lines += [
                        ".RS 4", ".PP", ".nf", roff(example.command), ".fi", ".RE", ".RS 8",
                        roff(example.purpose), ".RE",
                    ]
                }
            }
        }
        lines += [".SH \"EXIT STATUS\""]
        for status in exitStatuses {
            lines += [
                ".TP", ".B \(status.code)",
                roff(status.meaning.replacingOccurrences(of: "`", with: "")),
            ]
        }
        lines += [
            ".SH ENVIRONMENT",
            ".TP",
            ".B THREATSURVEY_STORE",
            roff("the store when --store is not given."),
            ".TP",
            ".B USER",
            roff("who decides, for review and void without --by."),
            ".SH FILES",
            ".TP",
            ".I threatsurvey.sqlite",
            roff("the store: every submission with its original bytes, decisions, definitions."),
            ".TP",
            ".I questionnaires/*.json",
            roff("questionnaire definitions (threatsurvey help questionnaire-definitions)."),
            ".SH \"SEE ALSO\"",
            roff(
                "The guides, printed by threatsurvey help TOPIC: "
                    + HelpTopic.all.map(\.name).joined(separator: ", ") + "."),
            "",
        ]
        return lines.joined(separator: "\n")
    }

    /// `.B --name` with its placeholder in italics.
    private static func manLabel(_ declaration: ArgumentDeclaration) -> String {
        switch declaration.kind {
        case .option:
            return
                ".B \(roff("--" + (declaration.name ?? ""))) \\fI\(roff(declaration.placeholder))\\fR"
        case .flag: return ".B \(roff("--" + (declaration.name ?? "")))"
        case .positional: return ".I \(roff(declaration.placeholder))"
        }
    }

    /// Text safe in roff: backslashes and dashes escaped, a leading `.` or `'` neutralised,
    /// every non-ASCII character as `\[uXXXX]` (so that groff needs no input encoding).
    static func roff(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\e"
            case "-": result += "\\-"
            case "\n": result += " "
            default:
                if scalar.isASCII {
                    result.unicodeScalars.append(scalar)
                } else {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    result +=
                        "\\[u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                        + "]"
                }
            }
        }
        if result.hasPrefix(".") || result.hasPrefix("'") { result = "\\&" + result }
        return result
    }
}
