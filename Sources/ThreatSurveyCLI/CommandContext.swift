import Foundation
import ThreatSurvey

/// What every command gets besides its own arguments: where to write, and the process
/// environment (for `$THREATSURVEY_STORE`).
package struct CommandContext {
    /// Standard output and error.
    package var console: Console
    /// The process environment.
    package var variables: [String: String]

    /// Prints `document` in `format` on standard output, or into `--out FILE` when `output`
    /// names one.
    ///
    /// A binary format (`docx`, `odt`) goes to the file, or to standard output only when it
    /// is not a terminal (``OutputOptions/check(_:_:)``).
    ///
    /// - Throws: ``SurveyError/usage(_:)`` for a binary format bound for a terminal,
    ///   ``SurveyError/cannotCreate(path:reason:)`` and ``SurveyError/io(_:)`` from writing.
    func print(
        _ document: Document, format: OutputFormat, to output: OutputOptions? = nil,
        what: String? = nil
    ) throws(SurveyError) {
        try (output ?? OutputOptions()).check(format, self)
        try write(format.render(document), to: output, what: what)
    }

    /// Writes `bytes` into `--out FILE` (announced on standard error as "`what` written to
    /// FILE") or on standard output.
    func write(_ bytes: [UInt8], to output: OutputOptions?, what: String? = nil)
        throws(SurveyError)
    {
        try write(bytes, path: output?.out, what: what)
    }

    /// Writes `bytes` into the file at `path`, replaced whole (``OutputFile``) and announced
    /// on standard error, or on standard output when `path` is `nil`.
    func write(_ bytes: [UInt8], path: String?, what: String? = nil) throws(SurveyError) {
        guard let path else { return try console.writeBytes(bytes) }
        try OutputFile.write(path) { (file) throws(SurveyError) in try file.write(bytes) }
        let subject = what.map { $0 + " written" } ?? "written"
        try console.err("\(subject) to \(TerminalText.safe(path))")
    }

    /// A progress reporter for long work when standard error is a terminal; `nil` otherwise,
    /// so that readers do not even count.
    func progress(_ what: String) -> ProgressReporter? {
        console.errIsTerminal ? ProgressReporter(what: what, console: console, enabled: true) : nil
    }
}
