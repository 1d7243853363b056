/// How a ``Document`` is laid out in a word processor: the one place the Word and
/// OpenDocument renderers share, so both files of a report agree.
///
/// - The title (when there is no Council header, which names the subject instead, and the
///   document does not open with a heading of its own, which would say it again) opens the
///   document in the Title style; the title and language go into the metadata.
/// - Headings and subheadings become heading levels 1 and 2, notes the Note style.
/// - A Council header becomes the first-page block of a Council document
///   (`reference/council-documents.md`): the institution, "Brussels, <date>" and "(OR. en)",
///   the reference or a blank to fill in, the kind in capitals, then From / To / Subject in a
///   borderless two-column table.
/// - A wide table goes to a landscape section of its own, with the headings just before it
///   (so that a heading never stays behind at the foot of an upright page) and the notes just
///   after it; consecutive wide tables share the section.
enum WordProcessingLayout {
    /// The blank printed where the secretariat fills in the document's reference.
    static let referenceBlank = String(repeating: "_", count: 16)

    /// `document` laid out and handed to `writer`; a failure to assemble the archive is an
    /// internal error naming `what` (a document of 4 GiB, or zlib out of memory).
    static func write(
        _ document: Document, as what: String,
        _ writer: (WordProcessingDocument) throws(ZipError) -> [UInt8]
    ) throws(SurveyError) -> [UInt8] {
        do {
            return try writer(layout(document))
        } catch {
            throw .internalError("cannot assemble the \(what): \(error)")
        }
    }

    /// The document as sections of word-processing blocks.
    ///
    /// - Complexity: O(n) in the number of blocks and cells.
    static func layout(_ document: Document) -> WordProcessingDocument {
        var sections: [WordSection] = []
        var current = WordSection(orientation: .portrait, blocks: [])
        let hasHeader = document.blocks.contains {
            if case .councilHeader = $0 { return true }
            return false
        }
        let opensWithHeading: Bool = {
            if case .heading = document.blocks.first { return true }
            return false
        }()
        if let title = document.title, !hasHeader, !opensWithHeading {
            current.blocks.append(.paragraph(WordParagraph(title, style: .title)))
        }
        func close() {
            if !current.blocks.isEmpty { sections.append(current) }
        }
        for block in document.blocks {
            switch block {
            case .table(let table) where table.isWide:
                if current.orientation == .portrait {
                    // The headings just before the table move with it.
                    var moved: [WordBlock] = []
                    while let last = current.blocks.last, case .heading = last {
                        moved.insert(last, at: 0)
                        current.blocks.removeLast()
                    }
                    close()
                    current = WordSection(orientation: .landscape, blocks: moved)
                }
                current.blocks.append(.table(Self.table(table)))
            case .note(let text)
            where current.orientation == .landscape
                && current.blocks.last.map(Self.isTableOrNote) == true:
                current.blocks.append(.paragraph(WordParagraph(text, style: .note)))
            default:
                if current.orientation == .landscape {
                    close()
                    current = WordSection(orientation: .portrait, blocks: [])
                }
                current.blocks += Self.blocks(block)
            }
        }
        close()
        let firstHeading = document.blocks.lazy.compactMap { block -> String? in
            if case .heading(let text) = block { return text }
            return nil
        }.first
        return WordProcessingDocument(
            title: document.title ?? firstHeading ?? "threatsurvey", language: document.language,
            sections: sections)
    }

    private static func isTableOrNote(_ block: WordBlock) -> Bool {
        switch block {
        case .table: return true
        case .paragraph(let paragraph): return paragraph.style == .note
        default: return false
        }
    }

    /// The word-processing blocks of one block (a Council header gives several).
    static func blocks(_ block: Document.Block) -> [WordBlock] {
        switch block {
        case .heading(let text): return [.heading(text, level: 1)]
        case .subheading(let text): return [.heading(text, level: 2)]
        case .text(let text): return [.paragraph(WordParagraph(text))]
        case .note(let text): return [.paragraph(WordParagraph(text, style: .note))]
        case .table(let table): return [.table(Self.table(table))]
        case .chart(let chart): return [.chart(chart)]
        case .councilHeader(let header): return councilHeader(header)
        }
    }

    /// The first-page block of a Council document.
    static func councilHeader(_ header: CouncilHeader) -> [WordBlock] {
        [
            .paragraph(WordParagraph(header.institution, bold: true)),
            .paragraph(
                WordParagraph(
                    "\(header.placeAndDate)\n(OR. \(header.originalLanguage))", alignment: .right)),
            .paragraph(
                WordParagraph(
                    header.reference.isEmpty ? referenceBlank : header.reference, bold: true,
                    alignment: .right)),
            .paragraph(WordParagraph(header.kind.uppercased(), bold: true)),
            .table(
                WordTable(
                    header: [], rows: header.labelledLines.map { [$0.label, $0.value] },
                    borderless: true)),
        ]
    }

    /// A text table as a word-processing table: the columns as the header row, right-aligned
    /// columns kept, shades and caption carried over.
    static func table(_ table: TextTable) -> WordTable {
        WordTable(
            header: table.columns, rows: table.rows,
            rightAligned: Set(table.alignments.indices.filter { table.alignments[$0] == .right }),
            shades: table.shades, caption: table.caption)
    }
}
