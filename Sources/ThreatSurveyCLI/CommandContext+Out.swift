import ThreatSurvey

extension CommandContext {
    /// Prints `document` in `format` on standard output, or writes it to `out` (replaced
    /// whole, never half-written: ``OutputFile``), saying on standard error that `what` was
    /// written there.
    func print(_ document: Document, format: OutputFormat, out: String?, what: String)
        throws(SurveyError)
    {
        guard let out else { return try print(document, format: format) }
        let bytes = Array(document.render(as: format.renderer).utf8)
        try OutputFile.write(out) { (output) throws(SurveyError) in try output.write(bytes) }
        try console.err("\(what) written to \(out)")
    }
}
