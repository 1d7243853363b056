import Foundation
package import ThreatSurvey

/// Where a command writes: results to `out`, messages to `err`.
///
/// A class so that in-process tests can capture both streams; the executable writes straight
/// to the file descriptors. Every write is checked and throws ``SurveyError/io(_:)``.
package final class Console {
    let outWriter: any OutputWriter
    let errWriter: any OutputWriter
    /// Whether standard error is a terminal (progress lines are shown only then).
    package let errIsTerminal: Bool
    /// Whether standard output is a terminal (running prose such as `summary` is wrapped
    /// only then: a file or a pipe gets one line per paragraph, for the word processor).
    package var outIsTerminal = false

    /// A console over two writers.
    package init(out: any OutputWriter, err: any OutputWriter, errIsTerminal: Bool = false) {
        outWriter = out
        errWriter = err
        self.errIsTerminal = errIsTerminal
    }

    /// An in-memory console (`capture: true`) or the process's standard streams.
    package convenience init(capture: Bool) {
        if capture {
            self.init(out: MemoryWriter(), err: MemoryWriter())
        } else {
            self.init(
                out: FileDescriptorWriter(descriptor: STDOUT_FILENO, name: "standard output"),
                err: FileDescriptorWriter(descriptor: STDERR_FILENO, name: "standard error"),
                errIsTerminal: isatty(STDERR_FILENO) == 1)
            outIsTerminal = isatty(STDOUT_FILENO) == 1
        }
    }

    /// The process's standard output and error.
    package static var standard: Console { Console(capture: false) }

    /// Writes `text` to standard output.
    package func out(_ text: String) throws(SurveyError) {
        try outWriter.write(Array(text.utf8))
    }

    /// Writes `text` to standard error, ending it with a line break, through
    /// ``TerminalText/safe(_:keepingLineBreaks:)``.
    ///
    /// Standard error carries only messages, and a message may quote anything: a file's cell,
    /// a file name, the officer's own `--reason`. Sanitizing here, at the one door to the
    /// terminal, means no command can forget to (line breaks are kept: messages are laid out
    /// in lines by the tool).
    package func err(_ text: String) throws(SurveyError) {
        let safe = TerminalText.safe(text, keepingLineBreaks: true)
        try errWriter.write(Array((safe.hasSuffix("\n") ? safe : safe + "\n").utf8))
    }

    /// Writes lines the tool lays out for a terminal (not a format a program reads) to
    /// standard output, through ``TerminalText/safe(_:keepingLineBreaks:)``: confirmations such
    /// as `void`'s that quote stored or typed text.
    package func say(_ text: String) throws(SurveyError) {
        try outWriter.write(Array(TerminalText.safe(text, keepingLineBreaks: true).utf8))
    }

    /// Writes raw bytes to standard output (`show --original`).
    package func writeBytes(_ bytes: [UInt8]) throws(SurveyError) {
        try outWriter.write(bytes)
    }

    /// Writes a progress line on standard error, replacing the previous one (no error if it fails:
    /// progress is a courtesy).
    func progress(_ line: String) {
        try? errWriter.write(Array(("\r\u{1B}[K" + line).utf8))
    }

    /// What was written to standard output, when captured.
    package var outBytes: [UInt8] { (outWriter as? MemoryWriter)?.bytes ?? [] }
    /// Standard output as text, when captured.
    package var outText: String { String(decoding: outBytes, as: UTF8.self) }
    /// Standard error as text, when captured.
    package var errText: String {
        String(decoding: (errWriter as? MemoryWriter)?.bytes ?? [], as: UTF8.self)
    }
}
