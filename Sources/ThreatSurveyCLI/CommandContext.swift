import Foundation
import ThreatSurvey

/// What every command gets besides its own arguments: where to write, and the process
/// environment (for `$THREATSURVEY_STORE`).
package struct CommandContext {
    /// Standard output and error.
    package var console: Console
    /// The process environment.
    package var variables: [String: String]

    /// Prints `document` in `format` on standard output.
    func print(_ document: Document, format: OutputFormat) throws(SurveyError) {
        try console.out(document.render(as: format.renderer))
    }

    /// A progress reporter for long work when standard error is a terminal; `nil` otherwise,
    /// so that readers do not even count.
    func progress(_ what: String) -> ProgressReporter? {
        console.errIsTerminal ? ProgressReporter(what: what, console: console, enabled: true) : nil
    }
}
