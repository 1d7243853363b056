/// Reading the small parts of an `.xlsx` package: relationships, shared strings, styles.
///
/// Each is located through the package relationships (Office Open XML, ECMA-376 Part 2) and
/// read with `XMLReader`, so the same limits and positions apply to every part.
enum XLSXPart {
    /// One `<Relationship>`: an id, its type URI and the resolved part name of its target.
    struct Relationship: Sendable, Hashable {
        var id: String
        var type: String
        var target: String
    }

    /// The bytes of `part`, errors named after the part.
    static func bytes(_ part: String, in archive: ZipArchive) throws(WorkbookError) -> [UInt8] {
        do { return try archive.data(named: part) } catch {
            if case .missingEntry = error { throw .missingPart(part) }
            throw .archive(error)
        }
    }

    /// `part` as an XML tree.
    static func tree(_ part: String, in archive: ZipArchive) throws(WorkbookError) -> XMLElement {
        let data = try bytes(part, in: archive)
        do { return try XMLElement.parse(data) } catch { throw .xml(part: part, error) }
    }

    /// The relationships of `part` (`""` for the package itself), targets resolved to part
    /// names; none when the relationships part is missing.
    static func relationships(of part: String, in archive: ZipArchive) throws(WorkbookError)
        -> [Relationship]
    {
        let slash = part.lastIndex(of: "/")
        let folder = slash.map { String(part[...$0]) } ?? ""
        let file = slash.map { String(part[part.index(after: $0)...]) } ?? part
        let relsPart = folder + "_rels/" + file + ".rels"
        guard archive.entry(named: relsPart) != nil else { return [] }
        let root = try tree(relsPart, in: archive)
        return root.children(local: "Relationship").compactMap { element in
            guard let id = element.attribute("Id"), let target = element.attribute("Target"),
                element.attribute("TargetMode") != "External"
            else { return nil }
            return Relationship(
                id: id, type: element.attribute("Type") ?? "", target: resolve(target, from: folder)
            )
        }
    }

    /// The part name `target` points at from a part in `folder` (`../`, `./` and absolute
    /// targets resolved).
    static func resolve(_ target: String, from folder: String) -> String {
        let path = target.hasPrefix("/") ? target : folder + target
        var segments: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." { continue }
            if segment == ".." {
                _ = segments.popLast()
            } else {
                segments.append(segment)
            }
        }
        return segments.joined(separator: "/")
    }

    /// The shared string table: each `<si>`'s text, rich-text runs joined, phonetic runs left
    /// out; its text charged to `budget` as it is read (and again by each cell that shows it).
    ///
    /// - Complexity: O(n).
    static func sharedStrings(
        _ part: String, in archive: ZipArchive, budget: inout ReadingBudget
    ) throws(WorkbookError) -> [String] {
        var reader = XMLReader(bytes: try bytes(part, in: archive))
        var strings: [String] = []
        var text = XLSXText()
        while true {
            let next: XMLEvent?
            do { next = try reader.next() } catch { throw .xml(part: part, error) }
            guard let event = next else { break }
            switch event {
            case .start(let tag):
                if tag.localName == "si" {
                    text = XLSXText()
                } else {
                    text.start(tag.localName)
                }
            case .end(let name):
                if XMLTag.local(name) == "si" {
                    strings.append(text.value)
                } else {
                    text.end(XMLTag.local(name))
                }
            case .text(let piece):
                do { try budget.charge(text: piece.utf8.count) } catch {
                    throw .limitExceeded(part: part, message: error.description)
                }
                text.append(piece)
            }
        }
        return strings
    }

    /// The number format kind of each cell format (`<cellXfs><xf numFmtId>`), by index.
    static func cellFormats(_ part: String, in archive: ZipArchive) throws(WorkbookError)
        -> [NumberFormat]
    {
        let root = try tree(part, in: archive)
        var custom: [Int: NumberFormat] = [:]
        for format in root.child(local: "numFmts")?.children(local: "numFmt") ?? [] {
            if let id = format.attribute("numFmtId").flatMap({ Int($0) }),
                let code = format.attribute("formatCode")
            {
                custom[id] = NumberFormat.classify(code)
            }
        }
        return (root.child(local: "cellXfs")?.children(local: "xf") ?? []).map { xf in
            let id = xf.attribute("numFmtId").flatMap { Int($0) } ?? 0
            return custom[id] ?? NumberFormat.builtIn(id)
        }
    }
}

/// The text of a string item (`<si>`, `<is>`): `<t>` directly or in `<r>` runs, `<rPh>`
/// phonetic guides left out, `_xHHHH_` escapes decoded (ECMA-376 Part 1, 22.9.2.19).
struct XLSXText {
    private var pieces = ""
    private var inText = false
    private var inPhonetic = 0

    /// Called at the start of each element inside the item.
    mutating func start(_ localName: Substring) {
        if localName == "t" {
            inText = inPhonetic == 0
        } else if localName == "rPh" {
            inPhonetic += 1
        }
    }

    /// Called at the end of each element inside the item.
    mutating func end(_ localName: Substring) {
        if localName == "t" { inText = false } else if localName == "rPh" { inPhonetic -= 1 }
    }

    /// Called for character data inside the item.
    mutating func append(_ text: String) {
        if inText { pieces += text }
    }

    /// The item's text.
    var value: String {
        guard pieces.utf8.contains(UInt8(ascii: "_")) else { return pieces }
        return Self.unescape(pieces)
    }

    /// Decodes `_xHHHH_` (a UTF-16 code unit written as four hex digits); `_x005F_` is `_`.
    static func unescape(_ text: String) -> String {
        var units: [UInt16] = []
        let utf16 = Array(text.utf16)
        var i = 0
        while i < utf16.count {
            if utf16[i] == 0x5F, i + 6 < utf16.count, utf16[i + 1] == 0x78, utf16[i + 6] == 0x5F,
                let value = UInt16(
                    String(decoding: utf16[(i + 2)..<(i + 6)], as: UTF16.self), radix: 16)
            {
                units.append(value)
                i += 7
            } else {
                units.append(utf16[i])
                i += 1
            }
        }
        return String(decoding: units, as: UTF16.self)
    }
}
