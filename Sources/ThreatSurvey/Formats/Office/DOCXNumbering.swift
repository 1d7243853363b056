/// The list labels of a Word document (`word/numbering.xml`), counted as Word counts them.
///
/// A numbered paragraph holds only a list id and a level; the label ("1.", "b)", "2.1.") is
/// computed from the list's abstract definition (format, label text, start value) and a
/// counter per list and level, a deeper level restarting when a shallower one advances.
/// Formats: decimal (and zero-padded), lower and upper letters, lower and upper Roman numerals,
/// bullets (shown as `•`), none; any other format is shown as decimal.
struct DOCXNumbering {
    /// Levels Word defines per list (0 to 8).
    static let levels = 9
    /// Highest counter value kept (1,000,000): a forged start value cannot overflow.
    static let maximumCounter = 1_000_000

    struct Level {
        var format = "decimal"
        var text = ""
        var start = 1
    }

    private var abstractLevels: [String: [Int: Level]] = [:]
    private var lists: [String: (abstract: String, starts: [Int: Int])] = [:]
    private var counters: [String: [Int]] = [:]
    /// Paragraph styles that number their paragraphs: style id → (numId, level, based-on style).
    private var styleNumbering: [String: (numId: String?, level: Int?, basedOn: String?)] = [:]
    /// Longest chain of `w:basedOn` followed (10): a cycle cannot loop.
    static let maximumStyleChain = 10

    /// Reads the definitions of `root` (`w:numbering`); none when `root` is `nil`.
    init(root: XMLElement?) {
        guard let root else { return }
        for abstract in root.children(local: "abstractNum") {
            guard let id = abstract.tag.attribute(local: "abstractNumId") else { continue }
            var levels: [Int: Level] = [:]
            for lvl in abstract.children(local: "lvl") {
                guard let index = lvl.tag.attribute(local: "ilvl").flatMap({ Int($0.prefix(2)) }),
                    (0..<Self.levels).contains(index)
                else { continue }
                levels[index] = Self.level(lvl)
            }
            abstractLevels[id] = levels
        }
        for num in root.children(local: "num") {
            guard let id = num.tag.attribute(local: "numId"),
                let abstract = num.child(local: "abstractNumId")?.tag.attribute(local: "val")
            else { continue }
            var starts: [Int: Int] = [:]
            for override in num.children(local: "lvlOverride") {
                guard
                    let index = override.tag.attribute(local: "ilvl").flatMap({ Int($0.prefix(2)) })
                else { continue }
                if let start = override.child(local: "startOverride")?.tag.attribute(local: "val")
                    .flatMap({ Int($0.prefix(7)) })
                {
                    starts[index] = start
                }
                if let lvl = override.child(local: "lvl"), (0..<Self.levels).contains(index) {
                    // A full level override replaces the definition for this list only.
                    var copy = abstractLevels[abstract] ?? [:]
                    copy[index] = Self.level(lvl)
                    abstractLevels[abstract + "#" + id] = copy
                }
            }
            let key = abstractLevels[abstract + "#" + id] != nil ? abstract + "#" + id : abstract
            lists[id] = (key, starts)
        }
    }

    /// Reads the paragraph styles of `styles.xml` that carry numbering or inherit it.
    mutating func addStyles(_ root: XMLElement) {
        for style in root.children(local: "style")
        where style.tag.attribute(local: "type") == "paragraph" {
            guard let id = style.tag.attribute(local: "styleId") else { continue }
            let numPr = style.child(local: "pPr")?.child(local: "numPr")
            styleNumbering[id] = (
                numPr?.child(local: "numId")?.tag.attribute(local: "val"),
                numPr?.child(local: "ilvl")?.tag.attribute(local: "val").flatMap {
                    Int($0.prefix(3))
                },
                style.child(local: "basedOn")?.tag.attribute(local: "val")
            )
        }
    }

    /// The list and level of a paragraph: its own `w:numPr`, completed by its style's (and the
    /// styles it is based on); `nil` when it is not numbered.
    func numbering(numId: String?, level: Int?, style: String?) -> (numId: String, level: Int)? {
        var numId = numId
        var level = level
        var next = style
        var steps = 0
        while numId == nil || level == nil, let id = next, steps < Self.maximumStyleChain,
            let found = styleNumbering[id]
        {
            numId = numId ?? found.numId
            level = level ?? found.level
            next = found.basedOn
            steps += 1
        }
        guard let numId else { return nil }
        return (numId, level ?? 0)
    }

    private static func level(_ lvl: XMLElement) -> Level {
        var level = Level()
        if let format = lvl.child(local: "numFmt")?.tag.attribute(local: "val") {
            level.format = format
        }
        if let text = lvl.child(local: "lvlText")?.tag.attribute(local: "val") { level.text = text }
        if let start = lvl.child(local: "start")?.tag.attribute(local: "val").flatMap({
            Int($0.prefix(7))
        }) {
            level.start = start
        }
        return level
    }

    /// The label of the next paragraph of list `numId` at `level`, advancing the counters;
    /// `nil` when the list is unknown, the id is `0` (numbering removed) or the label is empty.
    mutating func label(numId: String, level rawLevel: Int) -> String? {
        guard numId != "0", let list = lists[numId], let levels = abstractLevels[list.abstract]
        else { return nil }
        let level = min(max(rawLevel, 0), Self.levels - 1)
        guard let definition = levels[level] else { return nil }
        func start(_ index: Int) -> Int {
            min(max(list.starts[index] ?? levels[index]?.start ?? 1, 0), Self.maximumCounter)
        }
        var counts = counters[numId] ?? Array(repeating: -1, count: Self.levels)
        counts[level] =
            counts[level] < 0 ? start(level) : min(counts[level] + 1, Self.maximumCounter)
        for deeper in (level + 1)..<Self.levels { counts[deeper] = -1 }
        counters[numId] = counts
        if definition.format == "bullet" { return "•" }
        var label = ""
        var scalars = definition.text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "%" else {
                label.unicodeScalars.append(scalar)
                continue
            }
            guard let digit = scalars.next() else { break }
            guard let n = Int(String(digit)), (1...Self.levels).contains(n) else {
                label.unicodeScalars.append(digit)
                continue
            }
            let index = n - 1
            let value = counts[index] < 0 ? start(index) : counts[index]
            label += Self.format(value, as: levels[index]?.format ?? "decimal")
        }
        label = label.trimmingWhitespaceScalars()
        return label.isEmpty ? nil : label
    }

    /// `value` written in the list format `format`.
    static func format(_ value: Int, as format: String) -> String {
        switch format {
        case "none": return ""
        case "bullet": return "•"
        case "decimalZero": return value < 10 ? "0\(value)" : "\(value)"
        case "lowerLetter": return letters(value).lowercased()
        case "upperLetter": return letters(value)
        case "lowerRoman": return roman(value).lowercased()
        case "upperRoman": return roman(value)
        default: return "\(value)"
        }
    }

    /// Word's letter numbering: A…Z, then AA…ZZ, AAA… (the letter repeated).
    static func letters(_ value: Int) -> String {
        guard value > 0 else { return "\(value)" }
        let letter = Character(Unicode.Scalar(UInt8(65 + (value - 1) % 26)))
        let count = min((value - 1) / 26 + 1, 40)
        return String(repeating: letter, count: count)
    }

    /// Roman numerals for 1…3999, decimal beyond.
    static func roman(_ value: Int) -> String {
        guard (1...3999).contains(value) else { return "\(value)" }
        let table: [(Int, String)] = [
            (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
            (40, "XL"),
            (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
        ]
        var rest = value
        var text = ""
        for (amount, numeral) in table {
            while rest >= amount {
                text += numeral
                rest -= amount
            }
        }
        return text
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs.
    fileprivate func trimmingWhitespaceScalars() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
            let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })
        else { return "" }
        return String(scalars[first...last])
    }
}
