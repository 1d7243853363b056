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
    /// - Throws: ``DocumentError``.
    /// - Complexity: O(n) in the inflated size of the parts read.
    public static func readODT(bytes: [UInt8]) throws(DocumentError) -> WordDocument {
        let archive: ZipArchive
        do { archive = try ZipArchive(bytes: bytes) } catch { throw .archive(error) }
        return try readODT(archive)
    }

    static func readODT(_ archive: ZipArchive) throws(DocumentError) -> WordDocument {
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
        var reader = ODTBodyReader(styles: styles)
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
struct ODTBodyReader {
    /// Deepest list nesting honoured (10, as ODF defines).
    static let maximumListLevels = 10

    let styles: ODTListStyles
    var collector = WordDocument.Collector()

    init(styles: ODTListStyles) {
        self.styles = styles
    }

    mutating func blocks(_ container: XMLElement) throws(DocumentError) {
        for child in container.children {
            switch child.name {
            case "text:p", "text:h": try collector.add(paragraph: Self.text(child))
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
                    var text = Self.text(child)
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

    /// The text of a paragraph or heading.
    static func text(_ element: XMLElement) -> String {
        var text = ""
        collect(element, into: &text)
        return text
    }

    private static func collect(_ element: XMLElement, into text: inout String) {
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
                let count = child.tag.attribute("text:c").flatMap { Int($0.prefix(5)) } ?? 1
                text += String(
                    repeating: " ", count: min(max(count, 1), ODSContentReader.maximumSpaceRun))
            case "text:tab": text += "\t"
            case "text:line-break": text += "\n"
            case "text:note", "office:annotation", "office:annotation-end", "text:bookmark-ref",
                "svg:title", "svg:desc":
                // Notes, comments, and a frame's title and alternative text are not body text.
                break
            default: collect(child, into: &text)
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
                        let value = cell.name == "table:covered-table-cell" ? "" : cellText(cell)
                        if value.isEmpty {
                            pendingCells = min(
                                pendingCells + repeatCells, WordDocument.maximumCells)
                        } else {
                            try collector.count(cells: pendingCells + repeatCells)
                            cells += Array(repeating: "", count: pendingCells)
                            cells += Array(repeating: value, count: repeatCells)
                            pendingCells = 0
                        }
                    }
                    if cells.isEmpty {
                        pendingRows = min(pendingRows + repeatCount, WordDocument.maximumCells)
                    } else {
                        try collector.count(cells: pendingRows + cells.count * (repeatCount - 1))
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

    /// A cell's paragraphs joined with line ends; a nested table flattened (tabs, line ends).
    private static func cellText(_ cell: XMLElement) -> String {
        var lines: [String] = []
        func blocks(_ container: XMLElement) {
            for child in container.children {
                switch child.name {
                case "text:p", "text:h": lines.append(text(child))
                case "text:list":
                    for item in child.children(local: "list-item") { blocks(item) }
                case "table:table":
                    var scratch = WordDocument.Collector()
                    let rows = (try? tableRows(child, collector: &scratch)) ?? []
                    for row in rows { lines.append(row.joined(separator: "\t")) }
                default: break
                }
            }
        }
        blocks(cell)
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}
