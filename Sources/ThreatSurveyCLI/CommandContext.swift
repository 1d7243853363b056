import Foundation
import ThreatSurvey

/// What every command gets besides its own arguments: where to write, and the process
/// environment (for `$THREATSURVEY_STORE`).
public struct CommandContext {
    /// Standard output and error.
    public var console: Console
    /// The process environment.
    public var variables: [String: String]

    /// Prints `document` in `format` on standard output, or into `--out FILE` when `output`
    /// names one.
    ///
    /// A binary format (`docx`, `odt`) goes to the file, or to standard output only when it
    /// is not a terminal (``OutputOptions/check(_:_:)``).
    ///
    /// - Throws: ``SurveyError/usage(_:)`` for a binary format bound for a terminal,
    ///   ``SurveyError/cannotCreate(path:reason:)`` and ``SurveyError/io(_:)`` from writing.
    func print(_ document: Document, format: OutputFormat, to output: OutputOptions? = nil)
        throws(SurveyError)
    {
        try (output ?? OutputOptions()).check(format, self)
        try write(format.render(document), to: output)
    }

    /// Writes `bytes` into `--out FILE` (announced on standard error) or on standard output.
    func write(_ bytes: [UInt8], to output: OutputOptions?) throws(SurveyError) {
        if let path = output?.out {
            try OutputFile.write(path) { (file) throws(SurveyError) in try file.write(bytes) }
            try console.err("written to \(TerminalText.safe(path))")
        } else {
            try console.writeBytes(bytes)
        }
    }

    /// A progress reporter for long work when standard error is a terminal; `nil` otherwise,
    /// so that readers do not even count.
    func progress(_ what: String) -> ProgressReporter? {
        console.errIsTerminal ? ProgressReporter(what: what, console: console, enabled: true) : nil
    }
}
