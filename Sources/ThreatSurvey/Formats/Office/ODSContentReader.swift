/// Reads the tables of an OpenDocument `content.xml` in one pass.
///
/// Blank repeats are counted, never expanded: a run of blank cells becomes real only when a
/// value follows it in the same row, a run of blank rows only when a row with a value follows.
/// Repeated values are charged to the ``ReadingBudget`` before they are built: a cell repeated
/// across columns on a row repeated down the sheet costs its text once per cell shown, and is
/// refused past the budget instead of multiplied.
struct ODSContentReader {
    /// Longest run of spaces one `text:s` may ask for (`text:c`, 1,000): enough for any
    /// layout, small enough that a forged count cannot fill memory.
    static let maximumSpaceRun = 1_000

    private var reader: XMLReader
    private let part = "content.xml"
    /// What is left to build; handed back to the caller when reading ends.
    private(set) var budget: ReadingBudget

    /// Prepares to read `bytes`, charging what is built to `budget`.
    init(bytes: [UInt8], budget: ReadingBudget) {
        reader = XMLReader(bytes: bytes)
        self.budget = budget
    }

    /// The sheets, in document order.
    ///
    /// - Throws: ``WorkbookError``.
    /// - Complexity: O(n) plus the cells materialized.
    mutating func read() throws(WorkbookError) -> [Workbook.Sheet] {
        var sheets: [Workbook.Sheet] = []
        var name = ""
        var builder: GridBuilder?
        var nextRow = 1
        var rowRepeat = 1
        var rowValues: [String] = []
        var pendingBlanks = 0
        var cell: Cell?
        var skipDepth = 0  // > 0 inside an annotation or a table nested in a cell

        do {
            while let event = try reader.next() {
                if skipDepth > 0 {
                    if case .start = event {
                        skipDepth += 1
                    } else if case .end = event {
                        skipDepth -= 1
                    }
                    continue
                }
                switch event {
                case .start(let tag):
                    if cell != nil {
                        if tag.name == "office:annotation" || tag.name == "table:table" {
                            skipDepth = 1
                        } else {
                            try cell?.start(tag, &reader, budget: &budget)
                        }
                        continue
                    }
                    switch tag.name {
                    case "table:table":
                        name = tag.attribute("table:name") ?? "Sheet\(sheets.count + 1)"
                        builder = GridBuilder()
                        nextRow = 1
                    case "table:table-row" where builder != nil:
                        rowRepeat = try repeatCount(
                            tag, "table:number-rows-repeated", limit: Workbook.maximumRows)
                        rowValues = []
                        pendingBlanks = 0
                    case "table:table-cell", "table:covered-table-cell":
                        if builder != nil {
                            cell = Cell(
                                tag: tag, covered: tag.name == "table:covered-table-cell",
                                repeat: try repeatCount(
                                    tag, "table:number-columns-repeated",
                                    limit: Workbook.maximumColumns))
                        }
                    default:
                        break
                    }
                case .text(let text):
                    cell?.text(text)
                case .end(let endName):
                    if var done = cell {
                        if endName == "table:table-cell" || endName == "table:covered-table-cell" {
                            let value = done.value
                            if value.isEmpty {
                                pendingBlanks = min(
                                    pendingBlanks + done.repeat, Workbook.maximumColumns + 1)
                            } else {
                                let width = rowValues.count + pendingBlanks + done.repeat
                                guard width <= Workbook.maximumColumns else {
                                    throw limit(
                                        "a value beyond column XFD (\(Workbook.maximumColumns))",
                                        at: done.tag)
                                }
                                rowValues += Array(repeating: "", count: pendingBlanks)
                                rowValues += Array(repeating: value, count: done.repeat)
                                pendingBlanks = 0
                            }
                            cell = nil
                        } else {
                            done.end(endName)
                            cell = done
                        }
                        continue
                    }
                    switch endName {
                    case "table:table-row":
                        guard var grid = builder else { break }
                        if !rowValues.isEmpty {
                            guard nextRow + rowRepeat - 1 <= Workbook.maximumRows else {
                                throw WorkbookError.limitExceeded(
                                    part: part,
                                    message: "a value beyond row \(Workbook.maximumRows) in \(name)"
                                )
                            }
                            for k in 0..<rowRepeat {
                                try grid.place(
                                    row: nextRow + k, values: rowValues, budget: &budget, part: part
                                )
                            }
                        }
                        nextRow = min(nextRow + rowRepeat, Workbook.maximumRows + 1)
                        builder = grid
                    case "table:table":
                        if let grid = builder {
                            sheets.append(Workbook.Sheet(name: name, rows: grid.rows))
                        }
                        builder = nil
                    default:
                        break
                    }
                }
            }
        } catch let error as XMLError {
            throw .xml(part: part, error)
        } catch let error as WorkbookError {
            throw error
        } catch {
            throw .malformed(part: part, line: 0, column: 0, message: "\(error)")
        }
        return sheets
    }

    /// The repeat count of `attribute`, 1 when absent, capped at `limit` + 1 (beyond which
    /// only blanks can follow without an error).
    private mutating func repeatCount(_ tag: XMLTag, _ attribute: String, limit: Int)
        throws(WorkbookError) -> Int
    {
        guard let text = tag.attribute(attribute) else { return 1 }
        guard text.utf8.count <= 18, let count = Int(text), count >= 1 else {
            let (line, column) = reader.location(of: tag.offset)
            throw .malformed(
                part: part, line: line, column: column,
                message: "\(attribute)=\"\(text)\" is not a positive count")
        }
        return min(count, limit + 1)
    }

    private mutating func limit(_ message: String, at tag: XMLTag) -> WorkbookError {
        let (line, column) = reader.location(of: tag.offset)
        return .malformed(
            part: part, line: line, column: column, message: "limit exceeded: " + message)
    }

    /// One cell being read: its start tag, repeat count and the text of its paragraphs.
    private struct Cell {
        var tag: XMLTag
        var covered: Bool
        var `repeat`: Int
        var paragraphs = 0
        var inParagraph = 0
        var content = ""
        var afterSpace = true

        init(tag: XMLTag, covered: Bool, repeat: Int) {
            self.tag = tag
            self.covered = covered
            self.repeat = `repeat`
        }

        mutating func start(
            _ tag: XMLTag, _ reader: inout XMLReader, budget: inout ReadingBudget
        ) throws(WorkbookError) {
            switch tag.name {
            case "text:p", "text:h":
                if inParagraph == 0 {
                    if paragraphs > 0 { content += "\n" }
                    paragraphs += 1
                    afterSpace = true
                }
                inParagraph += 1
            case "text:s" where inParagraph > 0:
                let count =
                    tag.attribute("text:c").flatMap { $0.utf8.count <= 9 ? Int($0) : Int.max } ?? 1
                guard count >= 0, count <= ODSContentReader.maximumSpaceRun else {
                    let (line, column) = reader.location(of: tag.offset)
                    throw .malformed(
                        part: "content.xml", line: line, column: column,
                        message:
                            "limit exceeded: text:c asks for more than \(ODSContentReader.maximumSpaceRun) spaces"
                    )
                }
                do { try budget.charge(text: count) } catch {
                    throw .limitExceeded(part: "content.xml", message: error.description)
                }
                content += String(repeating: " ", count: count)
                afterSpace = false
            case "text:tab" where inParagraph > 0:
                content += "\t"
                afterSpace = false
            case "text:line-break" where inParagraph > 0:
                content += "\n"
                afterSpace = false
            default:
                break
            }
        }

        mutating func end(_ name: String) {
            if name == "text:p" || name == "text:h" { inParagraph -= 1 }
        }

        /// Character data: white space collapsed as ODF 1.2 §6.1.2 says.
        mutating func text(_ text: String) {
            guard inParagraph > 0 else { return }
            for scalar in text.unicodeScalars {
                if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
                    if !afterSpace { content.unicodeScalars.append(" ") }
                    afterSpace = true
                } else {
                    content.unicodeScalars.append(scalar)
                    afterSpace = false
                }
            }
        }

        /// The cell's text as the grid holds it.
        var value: String {
            if covered { return "" }
            switch tag.attribute("office:value-type") {
            case "float", "percentage", "currency":
                return tag.attribute("office:value").flatMap { NumberFormat.plain($0) } ?? content
            case "date":
                guard let date = tag.attribute("office:date-value") else { return content }
                return Self.dateText(date)
            case "time":
                guard let time = tag.attribute("office:time-value") else { return content }
                return Self.timeText(time) ?? time
            case "boolean":
                switch tag.attribute("office:boolean-value") {
                case "true": return "TRUE"
                case "false": return "FALSE"
                default: return content
                }
            case "string":
                return tag.attribute("office:string-value") ?? content
            default:
                return content
            }
        }

        /// `2024-01-31` stays; `2024-01-31T10:30:00[.5]` reads `2024-01-31 10:30:00`; midnight
        /// reads as the date alone.
        static func dateText(_ text: String) -> String {
            guard text.count >= 19, let t = text.firstIndex(of: "T") else { return text }
            let day = text[..<t]
            let clock = text[text.index(after: t)...].prefix(8)
            return clock == "00:00:00" ? String(day) : day + " " + clock
        }

        /// `PT12H30M05S` as `12:30:05` (fractions of a second rounded).
        static func timeText(_ text: String) -> String? {
            guard text.hasPrefix("PT") else { return nil }
            var number = ""
            var hours = 0
            var minutes = 0
            var seconds = 0.0
            for c in text.dropFirst(2) {
                switch c {
                case "H": hours = Int(number) ?? -1; number = ""
                case "M": minutes = Int(number) ?? -1; number = ""
                case "S": seconds = Double(number) ?? -1; number = ""
                default: number.append(c)
                }
            }
            guard number.isEmpty, hours >= 0, hours < 1_000_000, minutes >= 0, minutes < 60,
                seconds >= 0, seconds < 60
            else { return nil }
            let total = hours * 3600 + minutes * 60 + Int(seconds.rounded())
            func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
            return two(total / 3600) + ":" + two(total / 60 % 60) + ":" + two(total % 60)
        }
    }
}
