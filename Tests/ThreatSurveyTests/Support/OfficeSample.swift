import Foundation
import Testing

@testable import ThreatSurvey

/// Documents for the Word and OpenDocument writers' tests: one with every kind of block, as a
/// report and a Council note have them, and hostile text in cells and paragraphs.
enum OfficeSample {
    /// Text that would be markup, a CDATA end, an entity or a broken file if not escaped.
    static let hostile = "<w:p>]]>&amp; \"quoted\" 'single' <text:p/> \u{01}\u{1F}\u{FFFE} end"

    /// A report-like document: a Council header, headings, a chart, a ranking table, a wide
    /// shaded heat map with its note, a subheading, a note and hostile text.
    static func report() -> Document {
        var ranking = TextTable(
            columns: ["Rank", "Threat", "Member States"], alignments: [.right, .left, .right],
            rows: [
                ["1", "Firearms", "12"], ["2", "Cigarette smuggling", "9"],
                ["3", hostile, "4"],
            ])
        ranking.caption = "The threats ranked by the number of Member States naming them."
        let states = [
            "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "FR",
            "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI",
            "SK",
        ]
        var heat = TextTable(
            columns: ["Threat"] + states, alignments: [.left] + states.map { _ in .right },
            rows: ["Firearms", "Cigarette smuggling"].map { threat in
                [threat] + states.indices.map { String(($0 * 7 + threat.count) % 4) }
            })
        heat.shades = heat.rows.map { row in [0] + row.dropFirst().map { (Double($0) ?? 0) / 3 } }
        heat.isWide = true
        heat.caption = "Priority given by each Member State to each threat."
        var document = Document(blocks: [
            .councilHeader(
                CouncilHeader(
                    placeAndDate: "Brussels, 22 July 2015", reference: "", kind: "Note",
                    from: "General Secretariat of the Council",
                    to: "Customs Cooperation Working Party",
                    subject: "Threats and challenges: the replies to 9396/1/15")),
            .text("Delegations will find below the replies.\nSecond line\twith a tab."),
            .heading("Ranking"),
            .chart(
                BarChart(
                    title: "Threats by Member States",
                    categories: ["Firearms", "Cigarette smuggling", hostile],
                    values: [12, 9, 4.5], valueTitle: "Member States",
                    alternativeText: "Firearms lead with 12 Member States, then cigarettes (9).")),
            .table(ranking),
            .heading("Heat map"),
            .table(heat),
            .note("Darker cells: a higher priority."),
            .heading("Regions"),
            .subheading("Northern"),
            .text("  Two leading spaces, three   inside, " + hostile),
            .note("Counts are of Member States, not of answers."),
        ])
        document.title = "Threats and challenges: " + hostile
        document.language = "en-GB"
        return document
    }

    /// The paragraphs a reader finds in `document` written by the office renderers: the
    /// title (without a Council header), the header's lines, headings, text and notes, in
    /// order (the chart's alternative text is not a paragraph).
    static func paragraphs(_ document: Document) -> [String] {
        var out: [String] = []
        let hasHeader = document.blocks.contains {
            if case .councilHeader = $0 { return true }
            return false
        }
        if let title = document.title, !hasHeader { out.append(title) }
        for block in document.blocks {
            switch block {
            case .heading(let text), .subheading(let text), .text(let text), .note(let text):
                out.append(text)
            case .councilHeader(let header):
                out += [
                    header.institution, "\(header.placeAndDate)\n(OR. \(header.originalLanguage))",
                    header.reference.isEmpty
                        ? WordProcessingLayout.referenceBlank : header.reference,
                    header.kind.uppercased(),
                ]
            case .table, .chart: break
            }
        }
        return out.map(XMLWriter.clean)
    }

    /// The tables a reader finds: the header's From / To / Subject, then each table with its
    /// column titles as the first row.
    static func tables(_ document: Document) -> [[[String]]] {
        document.blocks.compactMap { block -> [[String]]? in
            switch block {
            case .table(let table):
                return ([table.columns] + table.rows).map { $0.map(XMLWriter.clean) }
            case .councilHeader(let header):
                return header.labelledLines.map { [$0.label, $0.value] }
            default: return nil
            }
        }
    }

    /// Writes the sample's files into `$THREATSURVEY_OFFICE_SAMPLES` when it is set, for
    /// `.ci/office-check` to open in LibreOffice; does nothing otherwise.
    static func exportIfAsked(_ name: String, _ bytes: [UInt8]) throws {
        guard let folder = ProcessInfo.processInfo.environment["THREATSURVEY_OFFICE_SAMPLES"]
        else { return }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try TestSupport.write(bytes: bytes, to: folder + "/" + name)
    }
}
