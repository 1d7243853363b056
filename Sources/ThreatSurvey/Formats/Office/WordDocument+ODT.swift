extension WordDocument {
    /// Reads an OpenDocument text (`.odt`, OASIS ODF 1.2/1.3, as LibreOffice and Word write it).
    ///
    /// Body blocks of `content.xml` in order: `text:p` and `text:h` are paragraphs (`text:s`,
    /// `text:tab`, `text:line-break` honoured; notes, annotations and frames' titles and
    /// descriptions left out); the items of a
    /// `text:list` are paragraphs labelled as the list style says: numbered levels
    /// (`text:list-level-style-number`: `1`, `a`, `A`, `i`, `I` with prefix and suffix, start
    /// value, shown levels) counted per list, other levels as `•`. `table:table` is a table
    /// read like a sheet of ``Workbook/readODS(bytes:)`` (repeated cells expanded only before a
    /// value), nested tables flattened into their cell's text.
    ///
    /// - Throws: ``DocumentError``, among them ``DocumentError/limitExceeded(_:)`` past the
    ///   ``ReadingBudget`` of a file of this size.
    /// - Complexity: O(n) in the inflated size of the parts read.
    public static func readODT(bytes: [UInt8]) throws(DocumentError) -> WordDocument {
        let archive: ZipArchive
        do { archive = try ZipArchive(bytes: bytes) } catch { throw .archive(error) }
        var budget = ReadingBudget(fileSize: bytes.count)
        return try readODT(archive, budget: &budget)
    }

    static func readODT(_ archive: ZipArchive, budget: inout ReadingBudget)
        throws(DocumentError) -> WordDocument
    {
        if archive.entry(named: "mimetype") != nil {
            let data: [UInt8]
            do { data = try archive.data(named: "mimetype") } catch { throw .archive(error) }
            let mimetype = String(decoding: data.prefix(200), as: UTF8.self)
            if !mimetype.hasPrefix("application/vnd.oasis.opendocument.text") {
                throw .notADocument(mimetype)
            }
        }
        if archive.entry(named: "META-INF/manifest.xml") != nil {
            let manifest: [UInt8]
            do { manifest = try archive.data(named: "META-INF/manifest.xml") } catch {
                throw .archive(error)
            }
            if String(decoding: manifest, as: UTF8.self).contains("encryption-data") {
                throw .encrypted
            }
        }
        let content = try part("content.xml", in: archive)
        var styles = ODTListStyles()
        if archive.entry(named: "styles.xml") != nil {
            styles.add(try part("styles.xml", in: archive))
        }
        styles.add(content)
        var reader = ODTBodyReader(styles: styles, budget: budget)
        defer { budget = reader.collector.budget }
        for body in content.children(local: "body") {
            for text in body.children(local: "text") { try reader.blocks(text) }
        }
        return WordDocument(
            paragraphs: reader.collector.paragraphs, tables: reader.collector.tables)
    }
}

/// The numbering of OpenDocument list styles: for each style name and level, whether it is
/// numbered and how.
struct ODTListStyles {
    struct Level {
        var numbered = false
        var format = "1"
        var prefix = ""
        var suffix = ""
        var start = 1
        var displayLevels = 1
    }

    private var styles: [String: [Int: Level]] = [:]

    /// Adds the `text:list-style` definitions found anywhere under `root`'s style sections.
    mutating func add(_ root: XMLElement) {
        for section in root.children
        where section.tag.localName == "styles" || section.tag.localName == "automatic-styles" {
            for style in section.children(local: "list-style") {
                guard let name = style.tag.attribute(local: "name") else { continue }
                var levels: [Int: Level] = [:]
                for level in style.children {
                    guard
                        let index = level.tag.attribute(local: "level").flatMap({
                            Int($0.prefix(2))
                        }),
                        (1...10).contains(index)
                    else { continue }
                    var definition = Level()
                    if level.tag.localName == "list-level-style-number" {
                        definition.numbered = true
                        definition.format = level.tag.attribute("style:num-format") ?? "1"
                        definition.prefix = level.tag.attribute("style:num-prefix") ?? ""
                        definition.suffix = level.tag.attribute("style:num-suffix") ?? ""
                        definition.start =
                            level.tag.attribute("text:start-value").flatMap { Int($0.prefix(7)) }
                            ?? 1
                        definition.displayLevels =
                            level.tag.attribute("text:display-levels").flatMap { Int($0.prefix(2)) }
                            ?? 1
                    }
                    levels[index] = definition
                }
                styles[name] = levels
            }
        }
    }

    /// The definition of `level` (1-based) in the style `name`.
    func level(_ level: Int, of name: String?) -> Level? {
        guard let name else { return nil }
        return styles[name]?[level]
    }
}

/// Walks the body of an OpenDocument text, collecting paragraphs and tables.
///
/// Repeated spaces (`text:s`), repeated cells and repeated rows are charged to the collector's
/// ``ReadingBudget`` before they are expanded, and so is a nested table flattened into its
/// cell: a few bytes of XML cannot build more text than the budget allows.
struct ODTBodyReader {
    /// Deepest list nesting honoured (10, as ODF defines).
    static let maximumListLevels = 10

    let styles: ODTListStyles
    var collector: WordDocument.Collector

    init(styles: ODTListStyles, budget: ReadingBudget) {
        self.styles = styles
        self.collector = WordDocument.Collector(budget: budget)
    }

    mutating func blocks(_ container: XMLElement) throws(DocumentError) {
        for child in container.children {
            switch child.name {
            case "text:p", "text:h":
                try collector.add(paragraph: Self.text(child, collector: &collector))
            case "text:list":
                var counters: [Int] = []
                try list(
                    child, style: child.tag.attribute("text:style-name"), level: 1,
                    counters: &counters)
            case "table:table":
                try collector.add(table: Self.tableRows(child, collector: &collector))
            case "text:section", "text:index-body", "text:table-of-content",
                "text:alphabetical-index",
                "text:illustration-index", "text:user-index", "text:bibliography":
                try blocks(child)
            default: break
            }
        }
    }

    /// The items of a list, each first paragraph labelled.
    private mutating func list(
        _ list: XMLElement, style: String?, level: Int, counters: inout [Int]
    ) throws(DocumentError) {
        let style = list.tag.attribute("text:style-name") ?? style
        let depth = min(level, Self.maximumListLevels)
        let definition = styles.level(depth, of: style)
        while counters.count < depth { counters.append(0) }
        if counters.count > depth { counters.removeLast(counters.count - depth) }
        for item in list.children
        where item.name == "text:list-item" || item.name == "text:list-header" {
            var label: String?
            if item.name == "text:list-item" {
                let start = min(max(definition?.start ?? 1, 0), DOCXNumbering.maximumCounter)
                if let restart = item.tag.attribute("text:start-value").flatMap({
                    Int($0.prefix(7))
                }) {
                    counters[depth - 1] = min(max(restart, 0), DOCXNumbering.maximumCounter)
                } else {
                    counters[depth - 1] =
                        counters[depth - 1] == 0
                        ? start : min(counters[depth - 1] + 1, DOCXNumbering.maximumCounter)
                }
                label = Self.label(
                    definition, counters: counters, depth: depth, styles: styles, style: style)
            }
            for child in item.children {
                switch child.name {
                case "text:p", "text:h":
                    var text = try Self.text(child, collector: &collector)
                    if let first = label, !text.allSatisfy(\.isWhitespace) {
                        text = first + " " + text
                        label = nil
                    }
                    try collector.add(paragraph: text)
                case "text:list":
                    var inner = counters
                    try self.list(child, style: style, level: level + 1, counters: &inner)
                    counters = Array(inner.prefix(depth))
                case "table:table":
                    try collector.add(table: Self.tableRows(child, collector: &collector))
                default: break
                }
            }
        }
    }

    private static func label(
        _ definition: ODTListStyles.Level?, counters: [Int], depth: Int, styles: ODTListStyles,
        style: String?
    ) -> String? {
        guard let definition else { return "•" }
        guard definition.numbered else { return "•" }
        let shown = min(max(definition.displayLevels, 1), depth)
        var parts: [String] = []
        for index in (depth - shown + 1)...depth {
            let format = styles.level(index, of: style)?.format ?? definition.format
            parts.append(number(max(counters[index - 1], 1), format: format))
        }
        let label = definition.prefix + parts.joined(separator: ".") + definition.suffix
        return label.isEmpty ? nil : label
    }

    private static func number(_ value: Int, format: String) -> String {
        switch format {
        case "a": return DOCXNumbering.letters(value).lowercased()
        case "A": return DOCXNumbering.letters(value)
        case "i": return DOCXNumbering.roman(value).lowercased()
        case "I": return DOCXNumbering.roman(value)
        case "": return ""
        default: return "\(value)"
        }
    }

    /// The text of a paragraph or heading; repeated spaces charged before they are built.
    static func text(_ element: XMLElement, collector: inout WordDocument.Collector)
        throws(DocumentError) -> String
    {
        var text = ""
        try collect(element, into: &text, collector: &collector)
        return text
    }

    private static func collect(
        _ element: XMLElement, into text: inout String, collector: inout WordDocument.Collector
    ) throws(DocumentError) {
        // The element's text and its children are stored apart; the offsets put them in order.
        let utf8 = Array(element.text.utf8)
        var consumed = 0
        for (index, child) in element.children.enumerated() {
            let offset = min(
                max(
                    index < element.childTextOffsets.count
                        ? element.childTextOffsets[index] : consumed, consumed), utf8.count)
            text += String(decoding: utf8[consumed..<offset], as: UTF8.self)
            consumed = offset
            switch child.name {
            case "text:s":
                let count = min(
                    max(child.tag.attribute("text:c").flatMap { Int($0.prefix(5)) } ?? 1, 1),
                    ODSContentReader.maximumSpaceRun)
                try collector.charge(text: count)
                text += String(repeating: " ", count: count)
            case "text:tab": text += "\t"
            case "text:line-break": text += "\n"
            case "text:note", "office:annotation", "office:annotation-end", "text:bookmark-ref",
                "svg:title", "svg:desc":
                // Notes, comments, and a frame's title and alternative text are not body text.
                break
            default: try collect(child, into: &text, collector: &collector)
            }
        }
        text += String(decoding: utf8[consumed...], as: UTF8.self)
    }

    /// Rows of a table; blank repeated cells and rows are expanded only before a value.
    static func tableRows(_ table: XMLElement, collector: inout WordDocument.Collector)
        throws(DocumentError) -> [[String]]
    {
        var rows: [[String]] = []
        var pendingRows = 0
        func visit(_ container: XMLElement) throws(DocumentError) {
            for child in container.children {
                switch child.name {
                case "table:table-header-rows", "table:table-rows", "table:table-row-group":
                    try visit(child)
                case "table:table-row":
                    let repeatCount = min(
                        max(
                            child.tag.attribute("table:number-rows-repeated").flatMap {
                                Int($0.prefix(8))
                            } ?? 1, 1),
                        WordDocument.maximumCells)
                    var cells: [String] = []
                    var pendingCells = 0
                    for cell in child.children
                    where cell.name == "table:table-cell" || cell.name == "table:covered-table-cell"
                    {
                        let repeatCells = min(
                            max(
                                cell.tag.attribute("table:number-columns-repeated").flatMap {
                                    Int($0.prefix(8))
                                } ?? 1, 1),
                            WordDocument.maximumCells)
                        let value =
                            cell.name == "table:covered-table-cell"
                            ? "" : try cellText(cell, collector: &collector)
                        if value.isEmpty {
                            pendingCells = min(
                                pendingCells + repeatCells, WordDocument.maximumCells)
                        } else {
                            try collector.count(cells: pendingCells + repeatCells)
                            try collector.charge(text: value.utf8.count, times: repeatCells - 1)
                            cells += Array(repeating: "", count: pendingCells)
                            cells += Array(repeating: value, count: repeatCells)
                            pendingCells = 0
                        }
                    }
                    if cells.isEmpty {
                        pendingRows = min(pendingRows + repeatCount, WordDocument.maximumCells)
                    } else {
                        try collector.count(cells: pendingRows + cells.count * (repeatCount - 1))
                        try collector.charge(
                            text: cells.reduce(0) { $0 + $1.utf8.count }, times: repeatCount - 1)
                        rows += Array(repeating: [], count: pendingRows)
                        rows += Array(repeating: cells, count: repeatCount)
                        pendingRows = 0
                    }
                default: break
                }
            }
        }
        try visit(table)
        return rows
    }

    /// A cell's paragraphs joined with line ends, nested tables flattened (tabs, line ends).
    ///
    /// The text is charged as it is joined, at every level of nesting; a nested table's cells
    /// count against the same limits as the body's.
    private static func cellText(_ cell: XMLElement, collector: inout WordDocument.Collector)
        throws(DocumentError) -> String
    {
        var lines: [String] = []
        func blocks(_ container: XMLElement) throws(DocumentError) {
            for child in container.children {
                switch child.name {
                case "text:p", "text:h": lines.append(try text(child, collector: &collector))
                case "text:list":
                    for item in child.children(local: "list-item") { try blocks(item) }
                case "table:table":
                    for row in try tableRows(child, collector: &collector) {
                        lines.append(row.joined(separator: "\t"))
                    }
                default: break
                }
            }
        }
        try blocks(cell)
        while lines.last?.isEmpty == true { lines.removeLast() }
        try collector.charge(text: lines.reduce(lines.count) { $0 + $1.utf8.count })
        return lines.joined(separator: "\n")
    }
}
