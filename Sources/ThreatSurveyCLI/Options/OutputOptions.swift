import Foundation
import ThreatSurvey

/// `--out FILE`, for the commands whose result can go to a file: with it, a command offers the
/// binary formats (`docx`, `odt`) by listing them in its `--format` values, and
/// ``CommandContext/print(_:format:to:)`` does the rest.
///
/// A binary format is never written to a terminal (CONTRACT.md, "Council documents"): without
/// `--out`, standard output must be a file or a pipe. `--out` replaces only a regular file
/// (``OutputFile``: a FIFO, a device or a symbolic link is refused, exit 73).
public struct OutputOptions: ParsableArguments {
    @Option(
        "FILE", help: "write the result here (needed for docx and odt on a terminal)",
        completion: .file)
    var out: String?

    /// Every option at its default, ready for the parser.
    public init() {}

    /// Refuses, before any work, what printing would refuse at the end: an `--out` path that
    /// is not a regular file (73), a binary format bound for a terminal (64).
    ///
    /// - Throws: ``SurveyError/cannotCreate(path:reason:)``, ``SurveyError/usage(_:)``.
    func check(_ format: OutputFormat, _ context: CommandContext) throws(SurveyError) {
        if let out {
            try OutputFile.checkReplaceable(out)
        } else if format.isBinary, context.console.outIsTerminal {
            throw .usage(
                "--format \(format.rawValue) writes a binary file, not shown on a terminal; "
                    + "use --out FILE (or redirect standard output to a file)")
        }
    }
}
