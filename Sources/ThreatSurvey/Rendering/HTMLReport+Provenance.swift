import Foundation

extension HTMLReport {
    /// The provenance table: one row per file received by the report's day
    /// (``ReportModel/provenance``), so that each figure can be traced to a file and a reason.
    ///
    /// - Complexity: O(files).
    func provenance(_ rows: [ReportModel.ProvenanceRow]) -> String {
        let zone = questionnaire.timeZone
        var html =
            "<section><h2>Provenance</h2><table><tr><th>file</th><th>#</th><th>delegation</th><th>received</th><th>format</th><th>answers counted</th><th>SHA-256</th><th>status</th></tr>"
        for row in rows {
            html +=
                "<tr><td>\(Self.escape(row.file))</td><td class=\"n\">\(Self.escape(row.numbers))</td><td>\(Self.escape(row.who))</td><td>\(Self.escape(Timestamp.short(row.received, in: zone)))\(row.onTime ? "" : " LATE")</td><td>\(Self.escape(row.formatName))</td><td class=\"n\">\(Self.escape(row.countedText))</td><td><code>\(Self.escape(String(row.checksum.prefix(16))))…</code></td><td>\(Self.escape(row.status))</td></tr>"
        }
        return html
            + "</table><p class=\"note\">One row per file; each answer, respondent by respondent: threatsurvey history, threatsurvey show N.</p></section>\n"
    }
}
