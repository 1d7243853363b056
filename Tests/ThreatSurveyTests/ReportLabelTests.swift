import Foundation
import Testing

@testable import ThreatSurvey

/// A chart label never runs into its bar: cut to the label column, clipped to it, its whole
/// text kept in a `<title>`.
@Suite("Report labels")
struct ReportLabelTests {
    static let resources = TestSupport.root + "/Tests/ThreatSurveyTests/Resources/report"

    @Test("A long threat title is cut with … in the ranking chart and kept whole in <title>")
    func longTitle() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(folder) }
        let store = folder + "/s.sqlite"
        let questionnaires = Self.resources + "/questionnaires"
        let submitted = runCLI(
            ["submit", Self.resources + "/answers.csv", "--received", "2016-02-01"],
            store: store, questionnaires: questionnaires)
        #expect(submitted.status == .success, "\(submitted.err)")
        let out = folder + "/report.html"
        let run = runCLI(
            ["report", "--out", out], store: store, questionnaires: questionnaires)
        #expect(run.status == .success, "\(run.err)")
        let html = String(decoding: try TestSupport.bytes(out), as: UTF8.self)
        let long =
            "Illicit trafficking in cultural goods, including antiquities looted in conflict zones "
            + "and sold through online marketplaces"
        #expect(
            html.contains("<clipPath id=\"ranking-labels\"><rect x=\"0\" y=\"0\" width=\"374\""))
        #expect(
            html.contains(
                "clip-path=\"url(#ranking-labels)\"><title>=1 \(long)</title>=1 Illicit trafficking"
            ))
        // Every label fits its column by the estimate: 374 px at 9.5 px × 0.62 per character.
        let room = Int(374 / (9.5 * HTMLReport.labelCharacterWidth))
        for shown in html.matches(of: /url\(#ranking-labels\)"><title>[^<]*<\/title>([^<]*)</) {
            #expect(shown.output.1.count <= room, "\(shown.output.1)")
        }
        #expect(html.contains("<title>\(long)</title>"))
    }
}
